"""HTML pages: trafilatura body, our metadata reader, removed regions with reasons."""

from __future__ import annotations

from pathlib import Path

from marsad.extract import extract_page
from marsad.extract.html import extract_html
from marsad.model import Article, RawPage, Rejected

PAGE = Path(__file__).parent / "fixtures" / "html" / "nabd-article.html"


def test_extract_html_body_and_metadata() -> None:
    result = extract_html(PAGE.read_text(encoding="utf-8"))
    assert result.body.startswith("افتتحت هيئة المياه الوطنية")
    assert result.body.endswith("شبكات التوزيع القديمة.")
    for junk in ("اقرأ أيضاً", "الاسم *", "اشترك", "جميع الحقوق", "tracker", "الرئيسية"):
        assert junk not in result.body
    assert result.title == "افتتاح محطة تحلية جديدة في الساحل الشمالي"
    assert result.published == "2025-03-12" and result.published_how == "page-meta"
    assert result.author == "سلمى العتيبي"
    assert result.sitename == "نبض الخليج"
    assert result.language == "ar"
    assert result.url.endswith("/desal")


def test_extract_html_removed_regions_have_reasons() -> None:
    result = extract_html(PAGE.read_text(encoding="utf-8"))
    reasons = {b.reason for b in result.removed}
    assert {"navigation", "related or recommended articles", "footer",
            "newsletter box"} <= reasons
    assert any("comment" in r for r in reasons)
    # nothing reported as removed is actually in the body
    assert not any(b.text[:60] in result.body for b in result.removed)


def test_extract_html_page_to_article(settings) -> None:
    page = RawPage("nabd-1", str(PAGE), PAGE.read_bytes(), "html", {})
    art = extract_page(page, settings=settings)
    assert isinstance(art, Article)
    assert art.outlet == "نبض الخليج" and art.extra["outlet_how"] == "page"
    assert art.published == "2025-03-12" and art.kind == "html" and art.encoding == "utf-8"


def test_extract_html_sidecar_metadata_wins(settings) -> None:
    meta = {"outlet": "صحيفة أخرى", "outlet_how": "meta", "published": "2025-03-13"}
    art = extract_page(RawPage("n", str(PAGE), PAGE.read_bytes(), "html", meta),
                       settings=settings)
    assert isinstance(art, Article)
    assert (art.outlet, art.published, art.published_how) == ("صحيفة أخرى", "2025-03-13", "meta")


def test_extract_html_page_without_article_is_rejected(settings) -> None:
    html = b"<html><body><nav>menu</nav><p>short</p></body></html>"
    result = extract_page(RawPage("e", "mem://e", html, "html", {}), settings=settings)
    assert isinstance(result, Rejected)
    assert result.stage == "extract" and result.code == "no-article"
    assert "fewer than 200" in result.reason
