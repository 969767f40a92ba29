"""Making untrusted article text safe to show: cleaning, links, highlighted spans, snippets."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from markupsafe import Markup

from marsad.web.render import ar_count, ar_date, with_query
from marsad.web.text import Mark, clean_text, highlight, marks_of, safe_url, snippet


class _Balance(HTMLParser):
    """Checks that tags open and close in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True
        self.ids: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.ids += [v or "" for k, v in attrs if k == "id"]

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data: str) -> None:
        self.text += data


def _parse(html: str) -> _Balance:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    return parser


def test_text_clean_removes_bidi_controls_and_invisibles() -> None:
    assert clean_text("أ\u202eب\u202cج\u2066د\u2069") == "أبجد"
    assert clean_text("a\u200bb\ufeffc\u2060d\x00e\x07") == "abcde"
    # one zero-width non-joiner is a real letter separator (Persian); runs collapse to one
    assert clean_text("می\u200cخواهم") == "می\u200cخواهم"
    assert clean_text("x\u200c\u200d\u200c\u200cy") == "x\u200cy"
    assert clean_text("سطر\nسطر\tآخر") == "سطر\nسطر\tآخر"
    assert clean_text(None) == ""


@pytest.mark.parametrize("url,ok", [
    ("https://example.com/a?b=1", True),
    ("http://example.com", True),
    ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:x", False),
    ("//example.com/x", False),
    ("/relative", False),
    ("https://", False),
    ("https://exa mple.com", False),
    ("https://example.com/\u202eevil", False),
    ('https://example.com/"onmouseover=x', False),
    ("", False),
    (None, False),
])
def test_text_safe_url_allows_only_http_links(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) is ok


def test_text_highlight_escapes_every_slice() -> None:
    text = "قال <b>فلان</b> إن «<script>x</script>» خطير"
    html = highlight(text, [Mark(4, 15, 2, "mark", "ent per", title='شخص: "<فلان>"')])
    assert isinstance(html, Markup)
    assert "<b>" not in html and "<script>" not in html
    assert "&lt;b&gt;فلان&lt;/b&gt;" in html
    assert 'title="شخص: &#34;&lt;فلان&gt;&#34;"' in html
    assert _parse(str(html)).text == text


def test_text_highlight_nests_crossing_marks_and_writes_anchors_once() -> None:
    text = "abcdefghij"
    marks = [Mark(0, 10, 0, "span", "sent", anchor="s-0"), Mark(2, 6, 1, "span", "quote"),
             Mark(4, 8, 2, "mark", "num"), Mark(3, 9, 1, "span", "target", anchor="hl")]
    html = str(highlight(text, marks))
    parsed = _parse(html)
    assert parsed.ok and not parsed.stack
    assert parsed.text == text
    assert parsed.ids == ["s-0", "hl"]


def test_text_highlight_ignores_out_of_range_marks_and_cleans() -> None:
    html = highlight("ab\u202ecd", [Mark(3, 99, 2, "mark", "num"), Mark(-1, 2, 2, "mark", "x")])
    assert str(html) == "abcd"


def test_text_marks_of_an_article_resolve_overlaps() -> None:
    text = "التقى خوسيه فيرنانديز 12 وزيراً في عمّان أمس"
    article = {
        "text": text,
        "sentences": [{"start": 0, "end": len(text)}, {"start": 0, "end": len(text) + 1}],
        "entities": [{"start": 6, "end": 21, "label": "PER", "text": "خوسيه فيرنانديز",
                      "attrs": {"entity": "PER:x", "canonical": "خوسيه فيرنانديز"}},
                     {"start": 12, "end": 21, "label": "PER", "text": "فيرنانديز",
                      "attrs": {}}],
        "quantities": [{"start": 22, "end": 31, "label": "QUANTITY", "text": "12 وزيراً",
                        "attrs": {"value": 12, "unit": "وزير"}}],
        "timexes": [{"start": 41, "end": 44, "label": "DATE", "text": "أمس",
                     "attrs": {"value": "2025-03-02"}}],
        "quotes": [{"start": 99, "end": 120, "text": "out of range"}],
    }
    marks = marks_of(article, {"PER": "شخص", "QUANTITY": "رقم", "DATE": "تاريخ"})
    leaves = sorted((m.start, m.css) for m in marks if m.layer == 2)
    assert leaves == [(6, "ent per"), (22, "num"), (41, "date")]
    html = str(highlight(article["text"], marks))
    assert 'title="رقم: 12 وزير"' in html and 'title="تاريخ: 2025-03-02"' in html
    assert 'id="s-0"' in html


def test_text_snippet_matches_without_hamza_and_shows_the_original() -> None:
    text = "في خبر طويل " * 20 + "أعلن الوزراء إطلاق الخطة في عمّان" + " ثم تابعوا" * 20
    html = str(snippet(text, ["اطلاق"]))
    assert '<mark class="hit">إطلاق</mark>' in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(_parse(html).text) < 300
    assert str(snippet("<i>نص</i>", [])) == "&lt;i&gt;نص&lt;/i&gt;"


def test_text_render_helpers_speak_arabic() -> None:
    assert ar_date("2025-02-19") == "19 فبراير 2025"
    assert ar_date("2025-03") == "مارس 2025"
    assert ar_date("XXXX-02-18") == "XXXX-02-18"
    assert ar_date(None) == ""
    assert [ar_count(n, "article") for n in (1, 2, 5, 11, 103)] == [
        "مقال واحد", "مقالان", "5 مقالات", "11 مقالاً", "103 مقالات"]
    assert with_query("/search", {"q": "عمّان", "entity": None, "offset": 0}) == \
        "/search?q=%D8%B9%D9%85%D9%91%D8%A7%D9%86&offset=0"
