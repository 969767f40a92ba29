"""Untrusted article text made safe to show: control characters, links and highlighted spans.

Every string that comes from a page (title, body, outlet, entity, quote, URL) is untrusted. The
rules here are the only way such a string reaches HTML:

* :func:`clean_text` removes bidi embedding/override/isolate controls (U+202A–U+202E,
  U+2066–U+2069), which can make text read backwards or hide what it says, and invisible
  characters (zero-width space, word joiner, BOM), and collapses runs of zero-width
  (non-)joiners to one — a single joiner is legitimate in Persian and Urdu words.
* :func:`safe_url` returns a URL only when it is an absolute ``http``/``https`` URL with a host;
  ``javascript:``, ``data:`` and the rest never become links.
* :func:`highlight` builds the annotated body as :class:`markupsafe.Markup` by escaping every
  slice of text between span offsets separately (with :func:`markupsafe.escape`), so no span
  boundary can open a tag. Offsets index the original text (see :mod:`marsad.model`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

__all__ = [
    "Mark",
    "clean_text",
    "highlight",
    "marks_of",
    "safe_url",
    "snippet",
]

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u200b\u2060-\u2064\ufeff\u180e\u00ad]")
_JOINER_RUNS = re.compile("([\u200c\u200d])[\u200c\u200d]+")
# C0/C1 controls other than tab and newline are never text
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# any character one of the steps below touches: most strings have none and are returned as is
_ANY = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad"
                  "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str | None) -> str:
    """Remove bidi overrides/isolates and invisible characters from untrusted text.

    Args:
        text: Any string (``None`` gives ``""``).

    Returns:
        The text without bidi controls, zero-width spaces, word joiners, BOMs, soft hyphens and
        C0/C1 control characters (tab and newline kept), with runs of zero-width joiners
        collapsed to one.
    """
    if not text:
        return ""
    if _ANY.search(text) is None:
        return text
    text = _BIDI_CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    return _JOINER_RUNS.sub(r"\1", text)


def safe_url(url: str | None) -> str | None:
    """The URL when it is safe to link to (absolute http/https with a host), else ``None``."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if any(c in url for c in "\x00\r\n\t<>\"'` ") or _BIDI_CONTROLS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation to show over the text.

    Attributes:
        start, end: Offsets in the original text.
        layer: Nesting rank: sentences (0) hold quotes (1) hold entity/date/number marks (2).
        tag: HTML element (``span``, ``mark``, ``q``).
        css: CSS class.
        title: Tooltip (escaped when rendered).
        anchor: Element id (``s-123`` for the sentence starting at 123), or ``None``.
        attrs: Extra safe attributes (``data-label`` ...), escaped when rendered.
    """

    start: int
    end: int
    layer: int
    tag: str
    css: str
    title: str = ""
    anchor: str | None = None
    attrs: tuple[tuple[str, str], ...] = field(default_factory=tuple)


_LABEL_CSS = {"PER": "per", "ORG": "org", "LOC": "loc", "MISC": "misc", "NISBA": "misc"}


def _entity_title(span: dict[str, Any], labels: dict[str, str]) -> str:
    attrs = span.get("attrs") or {}
    name = attrs.get("canonical") or span.get("text") or ""
    label = labels.get(span.get("label", ""), span.get("label", ""))
    return f"{label}: {name}"


def _date_title(span: dict[str, Any], labels: dict[str, str]) -> str:
    attrs = span.get("attrs") or {}
    value = attrs.get("value")
    if value:
        return f"{labels.get('DATE', 'DATE')}: {value}"
    return f"{labels.get('DATE', 'DATE')}: {labels.get('unresolved', '?')}"


def _quantity_title(span: dict[str, Any], labels: dict[str, str]) -> str:
    attrs = span.get("attrs") or {}
    value = attrs.get("value")
    unit = attrs.get("unit") or ""
    shown = f"{value:,}" if isinstance(value, int | float) and not isinstance(value, bool) \
        else str(value if value is not None else "")
    return f"{labels.get('QUANTITY', 'QUANTITY')}: {shown} {unit}".strip()


def marks_of(article: dict[str, Any], labels: dict[str, str] | None = None) -> list[Mark]:
    """The marks to draw over an article's text: sentences, quotes, entities, dates, numbers.

    Args:
        article: The stored article dict (``Article.to_dict()``).
        labels: Display names of labels (``PER`` → شخص ...); defaults to the codes.
    """
    labels = labels or {}
    n = len(article.get("text") or "")
    marks: list[Mark] = []

    def ok(s: dict[str, Any]) -> bool:
        start, end = s.get("start"), s.get("end")
        return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n

    for s in article.get("sentences") or []:
        if ok(s):
            marks.append(Mark(s["start"], s["end"], 0, "span", "sent", anchor=f"s-{s['start']}"))
    for q in article.get("quotes") or []:
        if ok(q):
            who = q.get("speaker") or labels.get("unknown_speaker", "?")
            verb = q.get("verb") or ""
            css = "quote loaded" if q.get("stance") == "loaded" else "quote"
            marks.append(Mark(q["start"], q["end"], 1, "span", css,
                              title=f"{labels.get('QUOTE', 'QUOTE')}: {who} ({verb})".strip()))
    for s in article.get("entities") or []:
        if ok(s):
            css = "ent " + _LABEL_CSS.get(s.get("label", ""), "misc")
            marks.append(Mark(s["start"], s["end"], 2, "mark", css,
                              title=_entity_title(s, labels),
                              attrs=(("data-entity", str((s.get("attrs") or {}).get("entity")
                                                         or "")),)))
    for s in article.get("timexes") or []:
        if ok(s):
            marks.append(Mark(s["start"], s["end"], 2, "mark", "date",
                              title=_date_title(s, labels)))
    for s in article.get("quantities") or []:
        if ok(s):
            marks.append(Mark(s["start"], s["end"], 2, "mark", "num",
                              title=_quantity_title(s, labels)))
    return _resolve_leaf_overlaps(marks)


def _resolve_leaf_overlaps(marks: list[Mark]) -> list[Mark]:
    """Keep leaf marks (layer 2) from overlapping: the longer one wins, then the earlier."""
    leaves = sorted((m for m in marks if m.layer == 2),
                    key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mark] = []
    for m in leaves:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return [m for m in marks if m.layer != 2] + kept


def _open_tag(mark: Mark, with_anchor: bool) -> str:
    parts = [f"<{mark.tag}", f' class="{escape(mark.css)}"']
    if with_anchor and mark.anchor:
        parts.append(f' id="{escape(mark.anchor)}"')
    if mark.title:
        parts.append(f' title="{escape(clean_text(mark.title))}"')
    for name, value in mark.attrs:
        if re.fullmatch(r"data-[a-z-]+", name) and value:
            parts.append(f' {name}="{escape(clean_text(value))}"')
    return "".join(parts) + ">"


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as HTML with every mark drawn, each text slice escaped on its own.

    Marks nest by layer; where two marks cross, the inner one is closed and reopened around
    the outer one's boundary, so the HTML is always well formed. An anchor id is written only
    on the first piece of a mark.

    Args:
        text: The original article text.
        marks: Marks whose offsets index ``text`` (out-of-range marks are ignored).

    Returns:
        Safe markup (clean, escaped text inside the tags).
    """
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    if not valid:
        return Markup(escape(clean_text(text)))
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    live: list[Mark] = []  # marks covering the current slice (a sweep over the cuts)
    opened: set[int] = set()  # id() of marks already opened once (anchor written)
    for a, b in itertools.pairwise(cuts):
        live = [m for m in live if m.end > a] + starts.get(a, [])
        active = sorted(live, key=lambda m: (m.layer, m.start, -m.end, m.css))
        common = 0
        while common < len(stack) and common < len(active) and stack[common] is active[common]:
            common += 1
        for m in reversed(stack[common:]):
            out.append(f"</{m.tag}>")
        for m in active[common:]:
            out.append(_open_tag(m, id(m) not in opened))
            opened.add(id(m))
        stack = active
        out.append(str(escape(clean_text(text[a:b]))))
    for m in reversed(stack):
        out.append(f"</{m.tag}>")
    return Markup("".join(out))


def snippet(text: str, terms: Sequence[str], *, width: int = 110) -> Markup:
    """A window of ``text`` around the first match of a search term, matches in ``<mark>``.

    Matching is on normalized text (hamza, teh marbuta, diacritics folded, see
    :func:`marsad.arabic.normalize.normalize_with_offsets`) mapped back to the original, so
    the snippet shows the article as written.

    Args:
        text: The original article text.
        terms: Normalized query words.
        width: Characters of context on each side of the first match.
    """
    from marsad.arabic.normalize import normalize_with_offsets, original_span

    if not text:
        return Markup("")
    norm, offsets = normalize_with_offsets(text)
    hits: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        for found in re.finditer(r"(?<!\w)" + re.escape(term), norm):
            hits.append(original_span(offsets, found.start(), found.end()))
            if len(hits) > 50:
                break
    hits.sort()
    center = hits[0][0] if hits else 0
    lo = max(0, center - width)
    hi = min(len(text), center + width)
    # start and end on word boundaries
    if lo > 0:
        space = text.find(" ", lo)
        lo = space + 1 if 0 <= space < center else lo
    if hi < len(text):
        space = text.rfind(" ", center, hi)
        hi = space if space > center else hi
    marks = [Mark(s, e, 2, "mark", "hit") for s, e in hits if s >= lo and e <= hi]
    body = highlight(text[lo:hi], [Mark(m.start - lo, m.end - lo, 2, m.tag, m.css)
                                   for m in _resolve_leaf_overlaps(marks)])
    return Markup(("… " if lo > 0 else "") + str(body) + (" …" if hi < len(text) else ""))
