"""Timelines: reports inside an event and a storyline's events (marsad.stories.timeline).

Texts are invented.
"""

from __future__ import annotations

from marsad.model import Article, Event, Storyline
from marsad.stories.summarize import EventSummary
from marsad.stories.timeline import event_reports, storyline_timeline

WIRE = ("أعلنت وزارة الزراعة في جمهورية السهل أن موسم القمح هذا العام سجل أعلى إنتاج منذ عشر "
        "سنوات، بفضل الأمطار الغزيرة التي هطلت في الخريف وتوسع المساحات المروية في الشمال.")


def art(ident: str, text: str, outlet: str, published: str | None, title: str = "") -> Article:
    return Article(id=ident, source=f"t/{ident}", text=text, outlet=outlet, published=published,
                   title=title or f"عنوان {ident}")


def test_event_reports_in_publication_order_with_first_and_reprints() -> None:
    articles = [
        art("late", "تقرير متأخر عن موسم القمح في جمهورية السهل وأسعاره.", "موقع الجبل",
            "2024-06-03"),
        art("copy", WIRE, "صحيفة الأفق", "2024-06-02"),
        art("wire", WIRE, "وكالة الضفة", "2024-06-01"),
        art("nodate", "خبر بلا تاريخ عن القمح والأمطار في الشمال.", "إذاعة السهل", None),
    ]
    reports = event_reports(articles)
    assert [r.article for r in reports] == ["wire", "copy", "late", "nodate"]
    assert [r.first for r in reports] == [True, False, False, False]
    assert reports[1].reprint_of == "wire" and reports[1].reprint_kind == "exact"
    assert reports[0].to_dict()["outlet"] == "وكالة الضفة"


def test_event_reports_uses_store_links_when_given() -> None:
    articles = [art("x", "نص أول عن الموضوع.", "أ", "2024-01-01"),
                art("y", "نص ثان مختلف تماما.", "ب", "2024-01-02")]
    links = [{"article": "y", "original": "x", "kind": "reprint", "overlap": 0.4}]
    reports = event_reports(articles, links=links)
    assert reports[1].reprint_of == "x" and reports[1].reprint_kind == "reprint"


def test_storyline_timeline_orders_events_by_when_they_happened() -> None:
    events = [
        Event(id="e3", event_date="2024-09-01", place="مدينة النور"),
        Event(id="e1", event_date=None, first_seen="2023-02-10"),
        Event(id="e2", event_date="2024-01-15"),
        Event(id="other", event_date="2020-01-01"),
    ]
    articles = {
        "e1": [art("a1", "اجتمع المجلس البلدي لأول مرة.", "وكالة الضفة", "2023-02-10")],
        "e2": [art("a2", "اجتمع المجلس البلدي للمرة الثانية.", "صحيفة الأفق", "2024-01-16")],
        "e3": [art("a3", "اجتمع المجلس البلدي للمرة الثالثة.", "وكالة الضفة", "2024-09-02")],
    }
    summaries = {e: EventSummary(f"عنوان الحدث {e}", None, ()) for e in ("e1", "e2", "e3")}
    line = Storyline("s", "اجتماعات المجلس", ["e1", "e2", "e3"])
    items = storyline_timeline(line, events, articles, summaries=summaries)
    assert [it.event for it in items] == ["e1", "e2", "e3"]
    assert [it.date for it in items] == ["2023-02-10", "2024-01-15", "2024-09-01"]
    assert items[0].date_how == "first_seen" and items[1].date_how == "event"
    assert items[2].headline == "عنوان الحدث e3" and items[2].place == "مدينة النور"
    assert items[0].reports[0].first
    assert items[1].to_dict()["outlets"] == ["صحيفة الأفق"]
