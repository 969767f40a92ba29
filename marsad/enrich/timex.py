"""Temporal expressions: find them in Arabic news text and resolve them to the calendar.

:func:`find_timexes` returns one :class:`~marsad.model.Span` per expression (label ``DATE``,
``DURATION`` or ``SET``) with offsets into the original text and attrs saying what it means and
how that was decided::

    >>> from datetime import date
    >>> spans = find_timexes("وفي 19 كانون الأول الماضي، أعلن", date(2019, 1, 31))
    >>> [(s.text, s.attrs["value"]) for s in spans]
    [('19 كانون الأول الماضي', '2018-12-19')]

The work is split by responsibility: :mod:`timex_lexicon` (words and folding),
:mod:`timex_patterns` (the grammar as regexes), :mod:`timex_calendar` (calendar arithmetic,
Hijri via ``hijridate``) and :mod:`timex_resolve` (meaning of each kind of match). This module
holds the public functions and the two pipeline stages, ``timexes`` and ``pubdate``.

Publication-date inference (stage ``pubdate``, only when ``Article.published`` is empty): the
candidates are the fully specified, absolutely written dates (day, month and year) that are not
announced as future (no المقبل/سـ/المقرر cue). A date within the first 300 characters is taken
as the page's own date line; otherwise the latest candidate wins, because news reports the most
recent events it mentions shortly after they happen. With no candidate the date stays unknown.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from marsad.config import Settings
from marsad.enrich.timex_context import Context
from marsad.enrich.timex_lexicon import extend_over_dropped, fold, lexicon
from marsad.enrich.timex_patterns import prepare, scan
from marsad.enrich.timex_resolve import resolve
from marsad.model import Article, Span
from marsad.pipeline import stage

__all__ = ["find_timexes", "infer_publication_date", "parse_date_text", "pubdate_stage",
           "timexes_stage"]

DATELINE_CHARS = 300
"""A full date starting this close to the top of the text is read as the page's date line."""

_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_DAY_VALUE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ANCHOR_INFERRED = "; anchor inferred"

prepare()  # compile the patterns at import (~0.3 s), not inside the first article


def find_timexes(text: str, anchor: date | None) -> list[Span]:
    """Find temporal expressions in ``text`` and resolve them against ``anchor``.

    Args:
        text: Article text (any language; Arabic rules, plus numeric dates everywhere).
        anchor: Publication date the relative expressions are resolved against, or ``None``.

    Returns:
        Spans in text order, ``label`` ``DATE`` | ``DURATION`` | ``SET``; ``attrs`` holds
        ``value``, ``granularity``, ``how``, ``anchor``, ``resolved`` and, when unresolved,
        ``reason`` (plus ``note``, ``mod``, ``tense``, ``calendar``, ``part_of_day`` … when they
        apply). Never raises for bad input.
    """
    if not text:
        return []
    norm, offsets = fold(text)
    ctx = Context(norm, anchor, lexicon())
    spans: list[Span] = []
    for m in scan(norm):
        start = offsets[m.start] if offsets else m.start
        if m.kind == "relday" and _capitalized_mid_sentence(text, start):
            continue  # "Arabs Today", "USA Today": a name, not today
        end = extend_over_dropped(text, offsets[m.end - 1] + 1) if offsets else m.end
        original = text[start:end]
        r = resolve(m, original, ctx)
        if r.attrs.get("resolved") and r.label == "DATE":
            ctx.history.append(r)
        spans.append(Span(start, end, r.label, original, r.attrs))
    return spans


def _capitalized_mid_sentence(text: str, start: int) -> bool:
    """True for a capitalized Latin word that does not start a sentence (a name's part)."""
    if not ("A" <= text[start] <= "Z"):
        return False
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:;\n\"'«“(-–—|"


def parse_date_text(s: str) -> str | None:
    """Read a short date string (a page's date line) as an ISO date ``YYYY-MM-DD``.

    Handles ISO timestamps ("2019-01-31T17:15:47Z"), numeric day-first dates
    ("نُشر في: 12/03/2025 - 10:30"), and Arabic written dates in every month naming
    ("الخميس 13 آذار 2025", "31 يناير 2019", "١٥ رمضان ١٤٤٦ هـ"); dateparser is the last resort
    for other languages. Returns ``None`` when no full date (day, month, year) is found.
    """
    if not s or not s.strip():
        return None
    m = _ISO_RE.match(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    for span in find_timexes(s, None):
        value = span.attrs.get("value")
        if (span.label == "DATE" and span.attrs.get("resolved")
                and span.attrs.get("how") == "absolute" and isinstance(value, str)
                and _DAY_VALUE_RE.match(value)):
            return value
    return _dateparser_fallback(s)


def _dateparser_fallback(s: str) -> str | None:
    """dateparser for short non-Arabic date lines (slow to import and run: never per article)."""
    if len(s) > 200 or not re.search(r"\d{4}", s):
        return None
    try:
        import dateparser  # optional and slow to import: kept off the hot path

        parsed = dateparser.parse(s, languages=["en", "fr", "ar"],
                                  settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True})
    except Exception:  # a fallback must never break its caller
        return None
    return parsed.date().isoformat() if parsed else None


def _anchor_of(published: str | None) -> date | None:
    """The publication date as a :class:`date` (``published`` may carry a time)."""
    if not published:
        return None
    iso = parse_date_text(published)
    return date.fromisoformat(iso) if iso else None


def infer_publication_date(spans: list[Span]) -> str | None:
    """Best estimate of a publication date from an article's timexes (see the module doc).

    Args:
        spans: Timexes found with no anchor (as :func:`find_timexes` gives them).

    Returns:
        An ISO date, or ``None`` when no fully specified past or present date is written.
    """
    cands: list[tuple[int, str]] = []
    for s in spans:
        a: dict[str, Any] = s.attrs
        value = a.get("value")
        if (s.label != "DATE" or not a.get("resolved") or a.get("how") != "absolute"
                or a.get("granularity") != "day" or not isinstance(value, str)
                or not _DAY_VALUE_RE.match(value) or a.get("tense") == "future"):
            continue
        cands.append((s.start, value))
    if not cands:
        return None
    top = [v for start, v in cands if start < DATELINE_CHARS]
    if top:
        return top[0]
    return max(v for _, v in cands)


@stage("timexes", requires=("text", "published"), assigns=("timexes",))
def timexes_stage(article: Article, *, settings: Settings) -> Article:
    """Find and resolve the article's temporal expressions against its publication date."""
    return article.replace(timexes=find_timexes(article.text, _anchor_of(article.published)))


@stage("pubdate", requires=("timexes", "published"),
       assigns=("published", "published_how", "timexes"))
def pubdate_stage(article: Article, *, settings: Settings) -> Article:
    """Infer a missing publication date from the article's dates and re-resolve against it.

    Articles that have a publication date pass through unchanged. Otherwise the estimate of
    :func:`infer_publication_date` becomes ``published`` with ``published_how="inferred"``, and
    the relative expressions are resolved again against it, their ``how`` ending in
    ``"; anchor inferred"``.
    """
    if article.published:
        return article
    timexes = article.timexes or find_timexes(article.text, None)
    inferred = infer_publication_date(timexes)
    if inferred is None:
        return article
    spans = find_timexes(article.text, date.fromisoformat(inferred))
    for s in spans:
        if s.attrs.get("how") != "absolute":
            s.attrs["how"] = f"{s.attrs.get('how')}{_ANCHOR_INFERRED}"
    return article.replace(published=inferred, published_how="inferred", timexes=spans)

