"""Extraction: a :class:`~marsad.model.RawPage` becomes an :class:`~marsad.model.Article`.

Decoding (:mod:`marsad.ingest.encoding`), then HTML through trafilatura
(:mod:`marsad.extract.html`) or a plain-text dump through our boilerplate filter
(:mod:`marsad.extract.textdump`), then the fields are settled from what each source knows,
metadata first: the outlet from a sidecar or record, else from the folder when ``outlets.json``
names it, else from the page where it names itself, else the bare folder name; the publication
date from metadata, else from the page.
"""

from __future__ import annotations

import hashlib
from typing import Any

from marsad.config import Settings
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.model import Article, RawPage, Rejected

__all__ = ["extract_page"]


def _decode(page: RawPage) -> tuple[str, str | None, str] | Rejected:
    """Return (text, encoding, note) or a rejection at stage ``decode``."""
    if isinstance(page.data, str):
        if not page.data.strip():
            return Rejected(page.id, page.source, "decode", "empty page (no text)", "empty",
                            _public_meta(page.meta))
        return page.data, None, ""
    try:
        decoded = decode_bytes(page.data, declared=page.meta.get("encoding"))
    except DecodeError as exc:
        return Rejected(page.id, page.source, "decode", str(exc), exc.code,
                        {**_public_meta(page.meta), "bytes": len(page.data)})
    return decoded.text, decoded.encoding, decoded.note


def _public_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if k in ("outlet", "published", "title", "url")}


def content_hash(text: str) -> str:
    """Hash of the normalized body: equal for exact duplicates whatever their spelling noise."""
    from marsad.arabic.normalize import normalize

    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()


def extract_page(page: RawPage, *, settings: Settings, profile: Any = None
                 ) -> Article | Rejected:
    """Extract the article of one page.

    Args:
        page: The page as ingested.
        settings: Run settings (``min_article_chars``).
        profile: A fitted :class:`marsad.extract.textdump.OutletProfile` for the page's outlet,
            used to drop lines repeated across that outlet's pages.

    Returns:
        The article, or a :class:`Rejected` saying which stage refused the page and why.
    """
    decoded = _decode(page)
    if isinstance(decoded, Rejected):
        return decoded
    text, encoding, note = decoded
    meta = page.meta
    if page.kind == "html":
        return _from_html(page, text, encoding, settings)
    from marsad.extract.textdump import extract_textdump

    result = extract_textdump(text, meta=meta, profile=profile)
    body = result.body
    if len(body) < settings.min_article_chars:
        return _too_short(page, body, settings, "text dump")
    outlet, outlet_how = _settle_outlet(meta, result.outlet)
    published, published_how = _settle_date(meta, result.published,
                                            result.published_how or "page")
    title = str(meta.get("title") or result.title or "")
    extra: dict[str, Any] = {"title_how": "meta" if meta.get("title") else result.title_how}
    if result.outlet_evidence:
        extra["outlet_evidence"] = result.outlet_evidence
    if note:
        extra["encoding_note"] = note
    return Article(
        id=page.id, source=page.source, text=body, title=title, outlet=outlet,
        url=meta.get("url"), published=published, published_how=published_how,
        author=meta.get("author") or result.author, language=meta.get("language"), kind="text",
        encoding=encoding, content_hash=content_hash(body), removed=list(result.removed),
        credits=list(result.credits), extra={**extra, "outlet_how": outlet_how},
    )


def _from_html(page: RawPage, text: str, encoding: str | None, settings: Settings
               ) -> Article | Rejected:
    from marsad.extract.html import extract_html

    meta = page.meta
    try:
        result = extract_html(text, url=meta.get("url"))
    except ValueError as exc:
        return Rejected(page.id, page.source, "extract", str(exc), "bad-html", _public_meta(meta))
    if len(result.body) < settings.min_article_chars:
        return _too_short(page, result.body, settings, "HTML page")
    outlet, outlet_how = _settle_outlet(meta, result.sitename)
    published, published_how = _settle_date(meta, result.published, result.published_how)
    return Article(
        id=page.id, source=page.source, text=result.body,
        title=str(meta.get("title") or result.title or ""), outlet=outlet,
        url=meta.get("url") or result.url, published=published, published_how=published_how,
        author=meta.get("author") or result.author,
        language=meta.get("language") or result.language, kind="html", encoding=encoding,
        content_hash=content_hash(result.body), removed=result.removed,
        credits=_html_credits(result.body),
        extra={"outlet_how": outlet_how, "title_how": "meta" if meta.get("title") else "page"},
    )


def _html_credits(body: str) -> list[str]:
    """Credit lines in an HTML body ("المصدر: …", "(أ ف ب)")."""
    from marsad.extract.textdump_meta import credits_in_text

    return credits_in_text(body)


def _too_short(page: RawPage, body: str, settings: Settings, what: str) -> Rejected:
    found = len(body)
    return Rejected(page.id, page.source, "extract",
                    f"no article found in the {what}: the main text has {found} characters, "
                    f"fewer than {settings.min_article_chars} (setting min_article_chars)",
                    "no-article", _public_meta(page.meta))


def _settle_outlet(meta: dict[str, Any], in_page: str | None) -> tuple[str | None, str | None]:
    """Metadata wins; a folder mapped through outlets.json next; then the page; then the folder."""
    how = meta.get("outlet_how")
    if meta.get("outlet") and how != "folder":
        return str(meta["outlet"]), "meta"
    if meta.get("outlet") and meta.get("outlet_mapped"):
        return str(meta["outlet"]), "folder"
    if in_page:
        return in_page, "page"
    if meta.get("outlet"):
        return str(meta["outlet"]), "folder"
    return None, None


def _settle_date(meta: dict[str, Any], in_page: str | None, how: str | None
                 ) -> tuple[str | None, str | None]:
    value = meta.get("published")
    if value:
        from marsad.extract.dates import iso_date

        iso = iso_date(str(value))
        if iso:
            return iso, "meta"
    if in_page:
        return in_page, how or "page"
    return None, None
