"""Outlet comparison (coverage, unique facts, omissions) and merged quotes (marsad.stories.compare).

The event below is invented: a bridge opening reported by four fictional outlets.
"""

from __future__ import annotations

from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import analyze_quotes
from marsad.model import Article
from marsad.stories.compare import event_quotes, outlet_comparison
from marsad.stories.summarize import summarize_event

SHARED = ("وقال وزير النقل سامي الحداد إن طول الجسر يبلغ 1200 متر وإن كلفته بلغت 45 مليون "
          "دولار.")
TEXTS = {
    "a": ("افتتحت الحكومة صباح الاثنين جسرا جديدا فوق نهر الزيتون يربط شطري مدينة النور.\n"
          f"{SHARED}\n"
          "وحضر الافتتاح عدد من النواب وممثلي الشركات التي شاركت في أعمال البناء."),
    "b": ("احتفلت مدينة النور بافتتاح الجسر الجديد فوق نهر الزيتون بعد أربع سنوات من العمل.\n"
          f"{SHARED}\n"
          "وكشف مهندس المشروع أن 300 عامل شاركوا في بناء الجسر ليلاً ونهاراً."),
    "c": ("شهدت مدينة النور افتتاح جسر نهر الزيتون وسط إجراءات أمنية مشددة.\n"
          f"{SHARED}\n"
          "واشتكى بعض السكان من إغلاق الطرق المؤدية إلى موقع الحفل لساعات طويلة."),
    "d": ("افتتحت حكومة مدينة النور جسر نهر الزيتون المزعوم الذي تأخر إنجازه سنوات.\n"
          "وحضر الحفل مسؤولون وسط غياب شعبي لافت."),
}
OUTLETS = {"a": "وكالة النهر", "b": "صحيفة الضفة", "c": "إذاعة الشمال", "d": "موقع الجبل"}
DATES = {"a": "2024-03-04", "b": "2024-03-04", "c": "2024-03-05", "d": "2024-03-06"}


def event() -> list[Article]:
    out = []
    for ident, text in TEXTS.items():
        quotes, terms = analyze_quotes(text)
        out.append(Article(id=ident, source=f"t/{ident}", text=text, title="",
                           outlet=OUTLETS[ident], published=DATES[ident],
                           quantities=find_quantities(text), quotes=quotes,
                           extra={"quoted_terms": [t.to_dict() for t in terms]}))
    return out


def views() -> dict:
    articles = event()
    return {v.outlet: v for v in outlet_comparison(articles, summarize_event(articles))}


def test_outlet_comparison_coverage_and_first_report() -> None:
    by_outlet = views()
    assert set(by_outlet) == set(OUTLETS.values())
    assert by_outlet["وكالة النهر"].first and by_outlet["صحيفة الضفة"].first
    assert not by_outlet["موقع الجبل"].first
    assert by_outlet["إذاعة الشمال"].first_report == "2024-03-05"
    assert by_outlet["موقع الجبل"].words == len(TEXTS["d"].split())
    assert by_outlet["وكالة النهر"].articles == ["a"]


def test_outlet_comparison_unique_fact_is_listed_for_the_only_outlet_carrying_it() -> None:
    by_outlet = views()
    unique = by_outlet["صحيفة الضفة"].unique
    workers = [u for u in unique if u["kind"] == "quantity"]
    assert [u["display"] for u in workers] == ["300 عامل"]
    item = workers[0]
    assert TEXTS["b"][item["start"]:item["end"]] == item["text"]
    for outlet, view in by_outlet.items():
        if outlet != "صحيفة الضفة":
            assert not any(u["kind"] == "quantity" for u in view.unique)


def test_outlet_comparison_omission_of_what_most_outlets_carry() -> None:
    by_outlet = views()
    omitted = by_outlet["موقع الجبل"].omissions
    assert any(o["kind"] == "quantity" and "45 مليون" in o["display"] for o in omitted)
    assert any(o["kind"] == "quote" and o["name"] for o in omitted)
    assert not any(o["kind"] == "quantity" for o in by_outlet["وكالة النهر"].omissions)


def test_outlet_comparison_framing_side_by_side() -> None:
    by_outlet = views()
    assert by_outlet["موقع الجبل"].framing["loaded"] == 1
    assert by_outlet["موقع الجبل"].framing["terms"][0]["term"] == "المزعوم"
    assert all(by_outlet[o].framing["loaded"] == 0
               for o in ("وكالة النهر", "صحيفة الضفة", "إذاعة الشمال"))


def test_outlet_comparison_single_outlet_has_no_unique_or_omissions() -> None:
    (view,) = outlet_comparison(event()[:1])
    assert view.unique == [] and view.omissions == []
    assert outlet_comparison([]) == []


def test_event_quotes_merges_the_same_quote_across_outlets() -> None:
    quotes = event_quotes(event())
    top = quotes[0]
    assert set(top.outlets) == {"وكالة النهر", "صحيفة الضفة", "إذاعة الشمال"}
    assert "الحداد" in (top.speaker or "")
    assert top.kind == "indirect"
    assert {c["article"] for c in top.carriers} == {"a", "b", "c"}
    d = top.to_dict()
    assert d["articles"] and d["carriers"][0]["verb"]
