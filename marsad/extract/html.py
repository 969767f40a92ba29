"""HTML pages: trafilatura for the main text, a light metadata reader of our own.

The page is parsed once with lxml. Before trafilatura (which prunes the tree it is given) we
read the metadata an Arabic news page usually carries — ``og:``/``article:`` properties,
JSON-LD ``NewsArticle``, ``<time datetime>``, ``<html lang>`` — and note the page regions that
are boilerplate by their markup (``nav``, ``footer``, comment forms, "related" boxes), so
``marsad show`` can say what was removed and why. trafilatura's own metadata pass (htmldate's
extensive search) costs about a third more time than the extraction itself; it is used only as
a fallback when the page gives no date we can read directly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from marsad.model import Block

# class/id fragments → reason shown to the user for a removed region
_REGION_PATTERNS: tuple[tuple[str, str], ...] = (
        (r"comment|disqus|respond|reply", "comment section or form"),
        (r"related|more-?news|read-?more|also|recommend|suggest|popular|trending|most-?read",
         "related or recommended articles"),
        (r"share|social|sharing|follow", "share buttons"),
        (r"newsletter|subscribe|signup", "newsletter box"),
        (r"cookie|consent|gdpr", "cookie notice"),
        (r"breadcrumb", "breadcrumb"),
        (r"\bnav|menu|navbar", "navigation"),
        (r"footer|copyright", "footer"),
        (r"sidebar|widget|aside", "sidebar"),
        (r"\bads?\b|advert|banner|promo|sponsor", "advertisement"),
)
# one alternation with a named group per reason: a single regex search per element
_REGION_RE = re.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(_REGION_PATTERNS)),
                        re.I)
_REGION_REASON = {f"r{i}": reason for i, (_, reason) in enumerate(_REGION_PATTERNS)}
_TAG_REASONS = {"nav": "navigation", "footer": "footer", "aside": "sidebar",
                "form": "form (comments, search or newsletter)"}
_DATE_META = (
    "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
    "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "publish-date", "article.published", "published_time",
)
_TITLE_SPLIT = re.compile(r"\s+[|\-–—«»:]\s+")


@dataclass(slots=True)
class HtmlResult:
    """What came out of an HTML page."""

    body: str
    title: str = ""
    published: str | None = None
    published_how: str | None = None
    author: str | None = None
    sitename: str | None = None
    language: str | None = None
    url: str | None = None
    removed: list[Block] = field(default_factory=list)


def _meta(tree: Any) -> dict[str, str]:
    """Collect ``<meta>`` name/property → content (first wins)."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content and key.lower() not in out:
            out[key.lower()] = content.strip()
    return out


def _jsonld(tree: Any) -> list[dict[str, Any]]:
    """Parse JSON-LD blocks, flattening ``@graph``; broken JSON is skipped."""
    items: list[dict[str, Any]] = []
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    items.extend(g for g in graph if isinstance(g, dict))
    return items


def _iso_date(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` from a machine date string, or ``None``."""
    if not value:
        return None
    m = re.search(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.search(r"\b((?:19|20)\d\d)(\d\d)(\d\d)\b", value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return None


def read_metadata(tree: Any) -> dict[str, str | None]:
    """Read title, date, author, site name, language and canonical URL from a parsed page."""
    meta = _meta(tree)
    ld = _jsonld(tree)
    article_ld = next((x for x in ld if "Article" in str(x.get("@type", ""))), ld[0] if ld else {})
    sitename = meta.get("og:site_name")
    title = (meta.get("og:title") or str(article_ld.get("headline") or "")).strip()
    if not title or title == sitename:
        title = _title_from_page(tree, sitename)
    published = _iso_date(str(article_ld.get("datePublished") or ""))
    if not published:
        for key in _DATE_META:
            published = _iso_date(meta.get(key.lower()))
            if published:
                break
    if not published:
        for el in tree.iter("time"):
            published = _iso_date(el.get("datetime") or el.get("content"))
            if published:
                break
    published_how = "page-meta" if published else None
    if not published:
        published = _date_from_dated_element(tree)
        published_how = "page-text" if published else None
    author = meta.get("author") or meta.get("article:author")
    if not author:
        a = article_ld.get("author")
        if isinstance(a, list) and a:
            a = a[0]
        if isinstance(a, dict):
            a = a.get("name")
        author = str(a) if a else None
    publisher = article_ld.get("publisher")
    sitename = sitename or (publisher.get("name") if isinstance(publisher, dict) else None)
    lang = tree.get("lang") or tree.get("xml:lang") or meta.get("og:locale") or meta.get(
        "language")
    if lang:
        lang = lang.replace("_", "-").split("-")[0].lower() or None
    url = meta.get("og:url")
    if not url:
        link = tree.find(".//link[@rel='canonical']")
        url = link.get("href") if link is not None else None
    return {"title": title or None, "published": published, "published_how": published_how,
            "author": author,
            "sitename": sitename, "language": lang, "url": url}


_DATED_CLASS = re.compile(r"creat|publish|posted|post-?date|entry-?date|article-?date|dateline|"
                          r"\btime\b|\bdate\b|meta-?date|تاريخ", re.I)
_STRONG_DATE = re.compile(r"creat|publish|posted|post-?date|entry-?date|article-?date", re.I)
_CONTENT = re.compile(r"\b(post|article|entry|story|content)(-?(body|inner|main|wrap))?\b", re.I)
_RELATED = re.compile(r"related|more-?news|read-?more|also|recommend|popular|most-?read", re.I)
_DIGIT = re.compile(r"[0-9\u0660-\u0669]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_CHROME = re.compile(r"header|masthead|top-?bar|topbar|\bnav|menu|footer|sidebar|ticker", re.I)


def _date_from_dated_element(tree: Any) -> str | None:
    """A publication date printed in the page (often in Arabic, "الإثنين, 24 فيفري 2025").

    Elements whose class or id marks a date are read with the Arabic date parser; one that says
    "created"/"published" beats a bare "date". A date in the site's header or menu bar (many
    sites print *today's* date there) or in a related-articles box belongs to something else,
    so it counts only when nothing better exists. Non-Arabic date text is left to htmldate.
    """
    from marsad.enrich.timex import parse_date_text
    from marsad.extract.dates import numeric_date

    best: tuple[int, int, str] | None = None
    for order, el in enumerate(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "html", "body"):
            continue
        marker = (el.get("class") or "") + " " + (el.get("id") or "")
        if len(marker) < 3 or not _DATED_CLASS.search(marker):
            continue
        text = " ".join(el.text_content().split())
        if not text or len(text) > 80 or not _DIGIT.search(text):
            continue
        value = parse_date_text(text) if _ARABIC_LETTER.search(text) else numeric_date(text)
        if not value:
            continue
        score = 2 if _STRONG_DATE.search(marker) else 1
        parent = el.getparent()
        while parent is not None:
            pm = (parent.get("class") or "") + " " + (parent.get("id") or "")
            if parent.tag == "article" or _CONTENT.search(pm):
                break  # inside the article: its own date line
            if _RELATED.search(pm):
                score -= 2
                break
            if parent.tag in ("header", "nav") or _CHROME.search(pm):
                score -= 3
                break
            parent = parent.getparent()
        if best is None or score > best[0]:
            best = (score, order, value)
    return best[2] if best else None


def _title_from_page(tree: Any, sitename: str | None) -> str:
    """The headline from ``<h1>`` and ``<title>`` when no ``og:title`` gives it.

    ``<title>`` usually reads "Site - Headline" (or the reverse): the headline is the longest
    part that is not the site name. An ``<h1>`` that the ``<title>`` contains is the surest
    headline; a lone ``<h1>`` is often the site logo, so it only wins when nothing else does.
    """
    t = next(iter(tree.iter("title")), None)
    full = " ".join((t.text or "").split()) if t is not None else ""
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    for h1 in h1s:
        if h1 and h1 != sitename and len(h1) > 8 and h1 in full:
            return h1
    parts = [p for p in _TITLE_SPLIT.split(full) if p.strip() and p.strip() != sitename]
    best = max(parts, key=len, default="").strip()
    if len(best.split()) >= 3:
        return best
    return next((h for h in h1s if h and h != sitename), best)


def removed_regions(tree: Any, limit: int = 40) -> list[Block]:
    """List page regions that are boilerplate by their markup, each with its reason.

    Walks the tree top-down and does not descend into a region once it is reported, so the cost
    stays a single pass over the elements outside boilerplate.
    """
    blocks: list[Block] = []
    stack = [tree]
    while stack and len(blocks) < limit:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in ("script", "style", "noscript", "template"):
            continue
        reason = None
        marker = (el.get("class") or "") + " " + (el.get("id") or "")
        if len(marker) > 1:
            m = _REGION_RE.search(marker)
            if m:  # the class says more than the tag (<aside class="related">)
                reason = _REGION_REASON[m.lastgroup or ""]
        if reason is None:
            reason = _TAG_REASONS.get(tag)
        if reason is not None and tag not in ("html", "body", "main", "article"):
            text = _visible_text(el, 500)
            if text:
                blocks.append(Block(0, 0, text[:500], reason))
            continue
        children = list(el)
        children.reverse()
        stack.extend(children)
    return blocks


def _visible_text(el: Any, limit: int) -> str:
    """Whitespace-collapsed text of ``el`` without script/style content, cut near ``limit``."""
    parts: list[str] = []
    size = 0
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack and size < limit:
        node, tail_only = stack.pop()
        if tail_only:
            if node.tail:
                parts.append(node.tail)
                size += len(node.tail)
            continue
        if isinstance(node.tag, str) and node.tag in ("script", "style", "noscript"):
            continue
        if node.text:
            parts.append(node.text)
            size += len(node.text)
        for child in reversed(node):
            stack.append((child, True))
            stack.append((child, False))
    return " ".join(" ".join(parts).split())[:limit]


def parse_html(html: str) -> Any:
    """Parse markup into an lxml tree; raises ``ValueError`` when there is no document."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"unparseable HTML: {exc}") from None
    return tree


def extract_html(html: str, *, url: str | None = None) -> HtmlResult:
    """Extract the article body and metadata from an HTML page.

    Args:
        html: The decoded page.
        url: The page's URL when known (helps trafilatura with relative links and dates).

    Raises:
        ValueError: The markup cannot be parsed at all.
    """
    tree = parse_html(html)
    meta = read_metadata(tree)
    removed = removed_regions(tree)
    _unwrap_layout_tables(tree)
    doc = trafilatura.bare_extraction(tree, url=url, favor_precision=True, with_metadata=False,
                                      include_comments=False, include_tables=True)
    body = (doc.text if doc is not None else "") or ""
    published = meta["published"]
    how = meta["published_how"]
    if not published and body:
        from htmldate import find_date

        try:
            published = find_date(html, extensive_search=False, original_date=True)
            how = "htmldate" if published else None
        except (ValueError, TypeError):  # htmldate rejects some malformed pages
            published = None
    title = meta["title"] or ""
    body, ui = _drop_ui_lines(_drop_title_line(_clean_body(body), title), title)
    # a region whose text is in the body was not removed after all (a "share" class on the
    # article wrapper, say): report only what really left
    removed = [b for b in removed if b.text[:60] not in body] + ui
    return HtmlResult(body=body, title=meta["title"] or "", published=published,
                      published_how=how, author=meta["author"], sitename=meta["sitename"],
                      language=meta["language"], url=url or meta["url"], removed=removed)


_BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "blockquote", "article")


def _unwrap_layout_tables(tree: Any) -> None:
    """Turn layout tables (old CMS templates put whole articles in ``<td>``) into ``<div>``s.

    trafilatura keeps a table as one row of cells, which glues an article's paragraphs into a
    single line; a table whose cells hold paragraphs or long prose is layout, not data, so its
    rows and cells become plain blocks.
    """
    for table in list(tree.iter("table")):
        layout = next(table.iterdescendants(*_BLOCK_TAGS), None) is not None
        if not layout:
            layout = any(len(cell.text_content()) > 300 for cell in table.iter("td", "th"))
        if not layout:
            continue
        for el in [table, *table.iterdescendants("tbody", "thead", "tfoot", "tr", "td", "th")]:
            el.tag = "div"
            for attr in ("width", "align", "valign", "colspan", "rowspan"):
                el.attrib.pop(attr, None)


_UI_SPLIT = re.compile(r"\s*[|•·‖]\s*")


def _drop_ui_lines(body: str, title: str = "") -> tuple[str, list[Block]]:
    """Drop short body lines that are page furniture trafilatura let through ("| طباعة |
    البريد الإلكتروني |", "اقرأ أيضاً"), using the text-dump filter's boilerplate phrases.

    A short line is split at cell separators; it goes when every cell is furniture or the
    headline again (a CMS title row "| headline | print | e-mail |").
    """
    from marsad.extract.textdump_lines import match_key, phrase_matcher

    matcher = phrase_matcher()
    squashed_title = "".join(title.split())
    kept: list[str] = []
    removed: list[Block] = []
    for line in body.split("\n"):
        words = line.split()
        if len(words) > 30 or line.rstrip().endswith((".", "؟", "!", "?", "…")):
            kept.append(line)
            continue
        parts = [p for p in _UI_SPLIT.split(line) if p.strip()] or [line]
        reasons = []
        for part in parts:
            if squashed_title and "".join(part.split()) == squashed_title:
                reasons.append("headline repeated in the body")
                continue
            cat = matcher.match(match_key(part), len(part.split()), False)
            if cat is None:
                break
            reasons.append(cat.reason)
        else:
            removed.append(Block(0, 0, line, next((r for r in reasons if "headline" not in r),
                                                  reasons[0] if reasons else "page furniture")))
            continue
        kept.append(line)
    return "\n".join(kept), removed


def _drop_title_line(body: str, title: str) -> str:
    """Remove a first body line that repeats the headline (trafilatura keeps a lone ``<h1>``)."""
    if not title:
        return body
    first, _, rest = body.partition("\n")
    squash = "".join(title.split())
    if rest and "".join(first.split()) == squash:
        return rest
    return body


def _clean_body(text: str) -> str:
    """One paragraph per line, no blank lines, no trailing spaces."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
