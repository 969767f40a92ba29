"""The static HTML report (marsad.stories.report): escaping, bidi controls, files, links.

Texts are invented; one article carries markup and bidi override characters on purpose.
"""

from __future__ import annotations

import re
from pathlib import Path

from marsad.model import Article, Event, Storyline
from marsad.stories.report import count_ar, event_filename, strip_bidi, write_report
from marsad.stories.story import build_stories

EVIL = "<script>alert('x')</script>"
RLO = "\u202e"


def fixture() -> tuple[list[dict], list[dict], list[Article]]:
    texts = [
        ("a", "وكالة الضفة", "2024-04-01",
         f"افتتحت بلدية مدينة النور حديقة عامة جديدة مساحتها 12 هكتارا. {EVIL} وحضر الافتتاح "
         f"عدد من السكان.{RLO}نص معكوس"),
        ("b", f"صحيفة {RLO}الأفق", "2024-04-02",
         "افتتحت بلدية مدينة النور الحديقة المزعومة التي تبلغ مساحتها 12 هكتارا وسط حضور."),
    ]
    articles = [Article(id=i, source=f"t/{i}", text=t, outlet=o, published=d,
                        title=f"حديقة {EVIL}", url="https://example.org/very/long/" + "x" * 80)
                for i, o, d, t in texts]
    from marsad.enrich.quantities import find_quantities

    articles = [a.replace(quantities=find_quantities(a.text)) for a in articles]
    events = [Event(id="../e 1", articles=["a", "b"], event_date="2024-04-01")]
    stories, lines = build_stories(events, articles, [Storyline("s", "حدائق المدينة", ["../e 1"])])
    return stories, lines, articles


def test_write_report_writes_index_and_event_pages(tmp_path: Path) -> None:
    stories, lines, articles = fixture()
    index = write_report(stories, lines, tmp_path / "report", articles=articles)
    assert index == tmp_path / "report" / "index.html"
    page = tmp_path / "report" / event_filename("../e 1")
    assert page.exists() and page.parent == tmp_path / "report"
    html = index.read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert f'href="{page.name}"' in html
    assert "حدائق المدينة" in html


def test_write_report_escapes_article_text_and_strips_bidi_controls(tmp_path: Path) -> None:
    stories, lines, articles = fixture()
    write_report(stories, lines, tmp_path, articles=articles)
    for path in tmp_path.glob("*.html"):
        html = path.read_text("utf-8")
        assert "<script" not in html
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", html)
    event_html = (tmp_path / event_filename("../e 1")).read_text("utf-8")
    assert "&lt;script&gt;" in event_html
    assert "صحيفة الأفق" in event_html
    assert '<mark class="loaded"' in event_html  # the loaded term is marked in the text


def test_write_report_without_article_texts_still_links_reports(tmp_path: Path) -> None:
    stories, lines, _ = fixture()
    write_report(stories, lines, tmp_path)
    html = (tmp_path / event_filename("../e 1")).read_text("utf-8")
    assert 'id="a-a"' in html and "النص غير مرفق" in html


def test_report_helpers() -> None:
    assert event_filename("../a b/c") == "event-a-b-c.html"
    assert strip_bidi(f"a{RLO}b\u2066c") == "abc"
    assert strip_bidi(5) == 5
    assert count_ar(1, "report") == "تقرير واحد"
    assert count_ar(2, "report") == "تقريران"
    assert count_ar(5, "report") == "5 تقارير"
    assert count_ar(12, "report") == "12 تقريراً"
