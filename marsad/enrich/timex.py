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

Publication-date inference (stage ``pubdate``, only when ``Article.published`` is empty): a
fully specified, absolutely written date (day, month and year) within the first 300 characters
that is not announced as future is the page's own date line. Otherwise the article's own
expressions bound its time of writing — past dates, الجاري/الماضي/المقبل months, dates announced
without a year, the weekday of اليوم/أمس — and :mod:`marsad.enrich.timex_pubdate` solves them
for a best estimate and a range, or leaves the date unknown when no year is written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from marsad.config import Settings
from marsad.enrich.timex_context import Context
from marsad.enrich.timex_lexicon import extend_over_dropped, fold, lexicon
from marsad.enrich.timex_patterns import prepare, scan
from marsad.enrich.timex_pubdate import (
    WINDOW_DAYS,
    PubEstimate,
    estimate_publication,
    verb_cue,
)
from marsad.enrich.timex_resolve import resolve
from marsad.model import Article, Span
from marsad.pipeline import stage

__all__ = ["estimate_publication_date", "find_timexes", "infer_publication_date", "parse_date_text",
           "pubdate_stage",
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


def infer_publication_date(spans: list[Span], text: str | None = None) -> str | None:
    """Best estimate of a publication date from an article's timexes (see the module doc).

    Args:
        spans: Timexes found with no anchor (as :func:`find_timexes` gives them).
        text: The article text the spans point into (lets the verbs around the dates say
            whether they are past or announced); optional.

    Returns:
        An ISO date, or ``None`` when the expressions allow no estimate.
    """
    return estimate_publication_date(spans, text).value


def estimate_publication_date(spans: list[Span], text: str | None = None) -> PubEstimate:
    """Like :func:`infer_publication_date`, with the range, rule and evidence."""
    dateline = _dateline(spans, text)
    if dateline is not None:
        return PubEstimate(dateline, dateline, dateline, "dateline",
                           evidence=[{"text": s.text, "start": s.start,
                                      "says": "the page's own date line"}
                                     for s in spans if s.attrs.get("value") == dateline][:1])
    return estimate_publication(spans, text)


def _dateline(spans: list[Span], text: str | None = None) -> str | None:
    """A full date starting within :data:`DATELINE_CHARS` of the top, tied to no happening.

    A date with a tense (المقبل، الماضي، or a verb the resolver reads: سيعقد، قال) or, given
    the text, a verb of its sentence (عقد في 12 يوليو 2018، يستضيف في …) is a happening's date,
    not the page's.
    """
    for s in spans:
        a: dict[str, Any] = s.attrs
        value = a.get("value")
        if (s.start < DATELINE_CHARS and s.label == "DATE" and a.get("resolved")
                and a.get("how") == "absolute" and a.get("granularity") == "day"
                and isinstance(value, str) and _DAY_VALUE_RE.match(value)
                and a.get("tense") is None
                and (text is None or verb_cue(text, s.start) is None)):
            return value
    return None


@stage("timexes", requires=("text", "published"), assigns=("timexes",))
def timexes_stage(article: Article, *, settings: Settings) -> Article:
    """Find and resolve the article's temporal expressions against its publication date."""
    return article.replace(timexes=find_timexes(article.text, _anchor_of(article.published)))


@stage("pubdate", requires=("timexes", "published"),
       assigns=("published", "published_how", "timexes", "extra.published_inference",
                "extra.published_range"))
def pubdate_stage(article: Article, *, settings: Settings) -> Article:
    """Infer a missing publication date from the article's dates and re-resolve against it.

    Articles that have a publication date pass through unchanged. Otherwise the estimate of
    :func:`estimate_publication_date` becomes ``published`` with ``published_how="inferred"``;
    ``extra["published_inference"]`` keeps the estimate, range, rule and evidence (also when
    there is no estimate: why not) and ``extra["published_range"]`` the range ``lo/hi``. The
    relative expressions are resolved again against the estimate, their ``how`` ending in
    ``"; anchor inferred"``; one whose value another day of the range would change gets
    ``anchor_certain: False`` and, in ``partial``, what every day of the range agrees on
    (``XXXX-02-06``: the month-day; ``XXXX-WXX-4``: the weekday) when anything.
    """
    if article.published:
        return article
    timexes = article.timexes or find_timexes(article.text, None)
    est = estimate_publication_date(timexes, article.text)
    extra = dict(article.extra)
    if est.value is None and not est.evidence:
        return article
    extra["published_inference"] = est.to_dict()
    if est.value is None:
        return article.replace(extra=extra)
    if est.range is not None:
        extra["published_range"] = est.range
    anchor = date.fromisoformat(est.value)
    spans = find_timexes(article.text, anchor)
    probes = _probe_anchors(est, anchor)
    others = [{(s.start, s.end): s.attrs.get("value") for s in find_timexes(article.text, p)}
              for p in probes]
    for s in spans:
        if s.attrs.get("how") == "absolute":
            continue
        s.attrs["how"] = f"{s.attrs.get('how')}{_ANCHOR_INFERRED}"
        values = [s.attrs.get("value"), *(o.get((s.start, s.end)) for o in others)]
        if len(set(values)) > 1 and est.fixed.get(s.start) != s.attrs.get("value"):
            s.attrs["anchor_certain"] = False
            partial = _common_partial(values)
            if partial:
                s.attrs["partial"] = partial
    return article.replace(published=est.value, published_how="inferred", timexes=spans,
                           extra=extra)


def _probe_anchors(est: PubEstimate, anchor: date) -> list[date]:
    """The ends of the estimate's range (an open range is probed a window past the estimate)."""
    if est.rule == "dateline":
        return []
    lo = date.fromisoformat(est.lo) if est.lo else anchor
    hi = date.fromisoformat(est.hi) if est.hi else anchor + timedelta(days=WINDOW_DAYS)
    return [d for d in (lo, hi) if d != anchor]


def _common_partial(values: list[Any]) -> str | None:
    """What day values agree on: ``XXXX-MM-DD`` (same month-day), ``XXXX-WXX-D`` (weekday)."""
    days = []
    for v in values:
        if not isinstance(v, str) or not _DAY_VALUE_RE.match(v):
            return None
        days.append(date.fromisoformat(v))
    if len({(d.month, d.day) for d in days}) == 1:
        return f"XXXX-{days[0].month:02d}-{days[0].day:02d}"
    if len({d.isoweekday() for d in days}) == 1:
        return f"XXXX-WXX-{days[0].isoweekday()}"
    return None
