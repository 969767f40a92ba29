"""When was an undated article written? Constraints from its own temporal expressions.

A page without a date line still bounds its own time of writing. The clues, read the way an
analyst of Arab news reads them (each a hard constraint on the publication day ``A`` unless
marked *soft*):

=========================================  ==================================================
clue                                       constraint
=========================================  ==================================================
absolute past date (12 يوليو 2018، تموز     ``A`` on or after it (its first day). A bare year
2018، سبتمبر 2014)                          counts only with a past cue: في 2030 may be a plan.
absolute date announced (سيعقد في 6          ``A`` on or before it.
فبراير 2019; a verb such as يستضيف before)
month with الجاري/الحالي (10 كانون الثاني      ``A`` in that month; on or after the day when a
الجاري)                                     past verb precedes (شدد … يوم 10), on or before it
                                           when announced; and not in a year the article
                                           writes out for that month (6 أبريل 2010 beside
                                           6 أبريل الجاري: not April 2010).
month with الماضي/المنصرم or المقبل/القادم     ``A`` not in that month (one would say الجاري).
date without a year, announced (يستضيف …    the next such date, at most :data:`NEAR_DAYS`
في السادس من فبراير)                         ahead: the year is left out only for near dates.
date without a year after a past verb       the last such date, at most :data:`NEAR_DAYS` back.
date without a year with its weekday        the occurrence falls on that weekday.
(الأربعاء 5 مارس)
اليوم الأربعاء، أمس (الأربعاء)، غداً          *soft*: ``A``'s weekday (majority; a tie goes to
(الثلاثاء)                                   the earliest mention).
=========================================  ==================================================

A text that states its own day (اليوم الأحد 26/4/2020، أمس الثلاثاء 5 مارس 2019) is dated by
it outright (rule ``stated``). Otherwise a date without a year says nothing about the year, so
nothing is estimated without an absolute date bounding ``A`` from below (no year anywhere: the
date stays unknown; page furniture is never read, only the article text). From that bound on,
the first run of days the *pinning* clues allow (a الجاري month, a window near a yearless date)
is kept — a report's latest dated past reference is usually recent, so the earliest consistent
month is the reading (001 → January 2019, not January 2020) — and the clues that only exclude
a month then cut it. The point estimate inside that run is, in order:

1. ``announced``: :data:`ANNOUNCE_LEAD_DAYS` before the nearest date announced without its year
   (the meeting "on the 6th"), never outside the run. Measured on the reports whose date is
   known (demo-corpus gold and ``seeds.jsonl``): such announcements come 5 to 21 days ahead
   (median 11, the seeds 5 to 6); a week is the round figure between;
2. ``reported``: the latest reported (not announced) day inside the run;
3. ``window``: the first day of a run shorter than :data:`WINDOW_DAYS` (الجاري gave the month);
4. none: a run without an end is a range, not a date. One past date, however recent it looks,
   may be a birth, a war or the previous meeting: on the 238 SemEval-2022 Arabic texts, taking
   the latest past date for the publication date put an article of April 2020 (its URL says)
   in April 2010 and a court report in 1972 (its subject's birth date).

The estimate then moves to the nearest day of the run on the weekday the soft clues name. The
range, the rule and the evidence are kept (:class:`PubEstimate`). The dateline rule of
:func:`marsad.enrich.timex.estimate_publication_date` (a full date near the top that no verb
ties to a happening is the page's own) comes before all of this.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any

from marsad.enrich import timex_calendar as cal
from marsad.enrich.timex_context import SENT_BREAK_RE, day_of, month_of, rel_of, weekday_of
from marsad.enrich.timex_lexicon import Lexicon, fold, fold_word, lexicon
from marsad.enrich.timex_patterns import Mention, scan
from marsad.model import Span

__all__ = ["ANNOUNCE_LEAD_DAYS", "NEAR_DAYS", "WINDOW_DAYS", "PubEstimate", "estimate_publication",
           "publication_clues", "verb_cue"]

NEAR_DAYS = 183
"""A date written without its year lies within half a year of the time of writing (the rule
the resolver uses to choose the year, :func:`marsad.enrich.timex_calendar.choose_year`)."""

ANNOUNCE_LEAD_DAYS = 7
"""How long before an announced happening its announcement is estimated to be written."""

WINDOW_DAYS = 31
"""Longest run of consistent days whose first day is an acceptable estimate on its own."""

HORIZON_DAYS = 11 * 366
"""How far after the lower bound days are tested when nothing bounds them from above (a
month-day falls on the same weekday again within eleven years)."""

CUE_WORDS = 12
"""Words looked at before a date, in its sentence, for the verb that says past or announced."""

# Imperfect verbs of happenings (folded, third person; the ت form is derived): a date after
# them is announced (يستضيف بومبيو في السادس من فبراير) or today's (يعقد … الثلاثاء 9 أيار).
# Kept here rather than in marsad/data because that folder's timex lexicon belongs to the timex
# rules; it can move into timex_ar.json ("announce_verbs") unchanged.
_ANNOUNCE_VERBS = (
    "يستضيف", "يعقد", "ينعقد", "يجتمع", "يلتقي", "يزور", "يبدا", "ينطلق", "يشارك", "يحضر",
    "يتراس", "يفتتح", "يختتم", "يستانف", "يصل", "يتوجه", "يجري", "يقام", "ينظم", "يلقي",
    "يصوت", "يستقبل", "يناقش", "ينتظر", "يرتقب", "يتوقع", "يعتزم", "ينوي")

_TOKEN_RE = re.compile(r"\w+")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")
_YEAR_VALUE = re.compile(r"^\d{4}$")
_WEEKDAY_NAMES = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                  "Sunday")


@dataclass(slots=True)
class PubEstimate:
    """What an article's own dates say about when it was written.

    Attributes:
        value: Point estimate (ISO date) or ``None`` when the clues give no usable date.
        lo: First consistent day (ISO), when there is a lower bound.
        hi: Last consistent day (ISO), ``None`` when nothing bounds it from above.
        rule: ``dateline``, ``announced``, ``reported``, ``window`` or ``none``.
        reason: Why there is no estimate (``rule == "none"``).
        evidence: ``{"text", "start", "says"}`` per clue that was used.
        fixed: Start offset → ISO date, for the yearless or relative dates whose day is the
            same whatever day of the range the article was written on (the meeting "on the 6th
            of February" announced between August and February is 2019-02-06 throughout).
    """

    value: str | None
    lo: str | None = None
    hi: str | None = None
    rule: str = "none"
    reason: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    fixed: dict[int, str] = field(default_factory=dict)

    @property
    def range(self) -> str | None:
        """``lo/hi`` (``lo/`` when open-ended), or ``None`` without a lower bound."""
        return None if self.lo is None else f"{self.lo}/{self.hi or ''}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored in ``Article.extra["published_inference"]``)."""
        return {"estimate": self.value, "range": self.range, "rule": self.rule,
                "reason": self.reason, "evidence": self.evidence}


# ---------------------------------------------------------------- clues


@dataclass(slots=True)
class _Clue:
    """One constraint or hint from one expression (internal)."""

    text: str
    start: int
    says: str
    lo: date | None = None  # A >= lo
    hi: date | None = None  # A <= hi
    ok: Callable[[date], bool] | None = None  # any other hard constraint
    pins: bool = True  # does ``ok`` pin a window (in a month, near a date) or only exclude?
    month: int | None = None  # the month a الجاري clue names / an absolute date's month
    year: int | None = None  # an absolute day or month date's year
    announced: Callable[[date], date | None] | None = None  # the announced day, given A
    reported: Callable[[date], date | None] | None = None  # a reported day, given A
    weekday: int | None = None  # soft: A's ISO weekday

    def evidence(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "says": self.says}


@functools.lru_cache(maxsize=1)
def _past_verbs() -> frozenset[str]:
    """Perfect forms of the reporting verbs (شدد، شددت، شددوا …), folded."""
    text = resources.files("marsad.data").joinpath("attribution_verbs.tsv").read_text("utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 4 or " " in cols[0] or not _arabic(cols[0]):
            continue
        lemma = fold_word(cols[0].strip())
        stems = {lemma, lemma[:-1]} if lemma.endswith(("ي", "ا")) else {lemma}
        wanted = {lemma} | {s + "ت" for s in stems} | {s + "وا" for s in stems}
        out.update(f for f in (fold_word(x.strip()) for x in cols[3].split(",")) if f in wanted)
        out.add(lemma)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _announce_verbs() -> frozenset[str]:
    forms = set(_ANNOUNCE_VERBS) | {"ت" + v[1:] for v in _ANNOUNCE_VERBS}
    return frozenset(forms | {v + "ون" for v in forms})


def _arabic(s: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in s)


def _cue(norm: str, start: int, lex: Lexicon) -> str | None:
    """``future`` (announced), ``past`` or ``None`` from the nearest cue word before ``start``.

    Looks back at most :data:`CUE_WORDS` words within the sentence: future markers (سوف،
    المقرر، a سـ verb), imperfect verbs of happenings (يستضيف، يعقد), past reporting verbs
    (قال، شدد، أعلن).
    """
    window = norm[max(0, start - 200):start]
    cut = max((m.end() for m in SENT_BREAK_RE.finditer(window)), default=0)
    past, announce = _past_verbs(), _announce_verbs()
    for w in reversed(_TOKEN_RE.findall(window, cut)[-CUE_WORDS:]):
        bare = w[1:] if len(w) > 3 and w[0] in "وف" else w
        if w in lex.future_cues or bare in lex.future_cues or bare in announce:
            return "future"
        if w in lex.past_cues or bare in lex.past_cues or bare in past:
            return "past"
        if (len(bare) >= 5 and bare[0] == "س" and bare[1] in "يتن"
                and not bare.startswith(lex.future_prefix_not_verbs)):
            return "future"
    return None


def verb_cue(text: str, start: int) -> str | None:
    """``future`` (announced), ``past`` or ``None``: what the verb before ``text[start:]``, in
    its sentence, says of the date there (see :func:`publication_clues`)."""
    norm, offsets = fold(text)
    return _cue(norm, _back_map(offsets)(start), lexicon())


def _bounds_of(value: str) -> tuple[date, date] | None:
    """First and last day an absolute value covers (day, month, year or ``a/b``)."""
    parts = value.split("/")
    try:
        first, last = _value_days(parts[0]), _value_days(parts[-1])
    except ValueError:
        return None
    if first is None or last is None:
        return None
    return first[0], last[1]


def _value_days(v: str) -> tuple[date, date] | None:
    if _DAY_VALUE.match(v):
        d = date.fromisoformat(v)
        return d, d
    if _MONTH_VALUE.match(v):
        y, m = int(v[:4]), int(v[5:])
        ny, nm = cal.add_months(y, m, 1)
        return date(y, m, 1), date(ny, nm, 1) - timedelta(days=1)
    if _YEAR_VALUE.match(v):
        return date(int(v), 1, 1), date(int(v), 12, 31)
    return None


def _occurrence(month: int, day: int, a: date, mode: str) -> date | None:
    """The (month, day) a yearless date names, seen from ``a``.

    ``last``: in a month before ``a``'s month; ``next``: in a month after it; ``current``: in
    ``a``'s year; ``on_or_after`` / ``on_or_before``: the nearest one on that side of ``a``.
    """
    years = {"last": (a.year if month < a.month else a.year - 1,),
             "next": (a.year if month > a.month else a.year + 1,),
             "current": (a.year,),
             "on_or_after": (a.year, a.year + 1),
             "on_or_before": (a.year, a.year - 1)}[mode]
    for y in years:
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if (mode == "on_or_after" and d < a) or (mode == "on_or_before" and d > a):
            continue
        return d
    return None


def _absolute_clue(span: Span, cue: str | None) -> _Clue | None:
    a = span.attrs
    value = a.get("value")
    gran = a.get("granularity")
    if (not a.get("resolved") or a.get("how") != "absolute" or not isinstance(value, str)
            or gran not in ("day", "month", "season", "year")):
        return None
    bounds = _bounds_of(value)
    if bounds is None:
        return None
    tense = a.get("tense") or cue
    if tense == "future":
        return _Clue(span.text, span.start, f"announced: published on or before {bounds[1]}",
                     hi=bounds[1])
    if gran == "year" and tense != "past":
        return None  # a bare year may be a plan or a target (رؤية 2030)
    day = bounds[0] if gran == "day" else None
    in_month = gran in ("day", "month")
    return _Clue(span.text, span.start, f"a past date: published on or after {bounds[0]}",
                 lo=bounds[0], reported=(lambda _a, d=day: d) if day else None,
                 month=bounds[0].month if in_month else None,
                 year=bounds[0].year if in_month else None)


def _yearless_clue(span: Span, m: Mention, cue: str | None, lex: Lexicon) -> _Clue | None:
    """Clues of "19 كانون الأول الماضي", "10 كانون الثاني الجاري", "السادس من فبراير"."""
    g = m.groups
    if g.get("year") or g.get("yrel"):
        return None
    info = month_of(" ".join((g.get("mon") or "").split()), lex)
    if info.calendar != "gregorian":
        return None
    month = info.month
    day = day_of(g["day"] or "", lex) if m.kind == "date" and g.get("day") else None
    wd = weekday_of(g.get("wd"), lex)
    rel = rel_of(g, lex)
    tense = {"past": "past", "past2": "past", "future": "future", "future2": "future"}.get(
        rel or "", cue)
    clue = _Clue(span.text, span.start, "")
    name = cal.month_iso(2000, month)[5:]
    if rel == "current":
        clue.says = f"published in month {name}"
        if day is not None and cue == "past":
            clue.says += f", on or after day {day}"
        elif day is not None and cue == "future":
            clue.says += f", on or before day {day}"

        def ok_current(a: date) -> bool:
            if a.month != month:
                return False
            if day is not None and cue == "past":
                return a.day >= day
            return not (day is not None and cue == "future" and a.day > day)

        clue.ok = ok_current
        clue.month = month
        mode = "current"
    elif rel in ("past", "past2", "future", "future2"):
        mode = "last" if tense == "past" else "next"
        clue.says = f"month {name} is {'past' if mode == 'last' else 'ahead'}: not published in it"
        clue.ok = lambda a: a.month != month
        clue.pins = False
    elif day is not None and tense in ("past", "future"):
        mode = "on_or_before" if tense == "past" else "on_or_after"
        side = "back" if tense == "past" else "ahead"
        clue.says = (f"{'reported' if tense == 'past' else 'announced'} without a year: at most "
                     f"{NEAR_DAYS} days {side}")

        def ok_near(a: date, mode: str = mode) -> bool:
            occ = _occurrence(month, day, a, mode)
            return occ is not None and abs((occ - a).days) <= NEAR_DAYS

        clue.ok = ok_near
    else:
        return None  # no cue, no relative word: the nearest one, whatever the year
    if day is None:
        return clue
    if wd is not None:
        clue.says += f"; falls on a {_WEEKDAY_NAMES[wd]}"
        inner = clue.ok

        def ok_weekday(a: date, mode: str = mode) -> bool:
            occ = _occurrence(month, day, a, mode)
            return (inner is None or inner(a)) and occ is not None and occ.isoweekday() == wd

        clue.ok = ok_weekday

    def occ(a: date, mode: str = mode) -> date | None:
        return _occurrence(month, day, a, mode)

    if tense == "future":
        clue.announced = occ
    elif tense == "past" or mode != "current":
        # an unmarked day of the current month may be past or ahead: only its month counts
        clue.reported = occ
    return clue


def _dayrel_clue(span: Span, m: Mention, cue: str | None, lex: Lexicon) -> _Clue | None:
    """"في 6 الشهر القادم": the 6th of the month after publication's."""
    g = m.groups
    rel = rel_of(g, lex) or "current"
    offset = {"past": -1, "past2": -2, "future": 1, "future2": 2, "current": 0}[rel]
    day = day_of(g["day"] or "", lex)

    def occ(a: date) -> date | None:
        y, mo = cal.add_months(a.year, a.month, offset)
        try:
            return date(y, mo, day)
        except ValueError:
            return None

    clue = _Clue(span.text, span.start, f"day {day} of the month {offset:+d} from publication's")
    if offset > 0 or (offset == 0 and cue == "future"):
        clue.announced = occ
    elif offset < 0 or cue == "past":
        clue.reported = occ
    else:
        return None
    return clue


def _relday_clue(span: Span, m: Mention, lex: Lexicon) -> _Clue | None:
    """"اليوم الأربعاء", "صباح أمس (الأربعاء)": the weekday of publication (soft)."""
    wd = weekday_of(m.groups.get("wd") or m.groups.get("wdp"), lex)
    offset = lex.relative_days.get(" ".join((m.groups.get("rd") or "").split()))
    if wd is None or offset is None:
        return None
    own = (wd - 1 - offset) % 7 + 1
    return _Clue(span.text, span.start, f"published on a {_WEEKDAY_NAMES[own]} (soft)",
                 weekday=own)


def publication_clues(spans: Sequence[Span], text: str | None = None) -> list[_Clue]:
    """The clues an article's timexes give about its publication date.

    Args:
        spans: The article's timexes as found with no anchor (``find_timexes(text, None)``).
        text: The article text the spans point into; without it the verbs around the dates
            are not read (fewer clues: no "announced"/"reported" cue from a verb).

    Returns:
        Internal clue records (see the module table), in text order.
    """
    lex = lexicon()
    norm, offsets = fold(text) if text else ("", None)
    back = _back_map(offsets)
    out: list[_Clue] = []
    for span in spans:
        if span.label != "DATE":
            continue
        cue = _cue(norm, back(span.start), lex) if text else None
        clue = _absolute_clue(span, cue)
        if clue is None and not span.attrs.get("resolved"):
            clue = _relative_clue(span, cue, lex)
        if clue is not None:
            out.append(clue)
    return out + _other_year_clues(out)


def _other_year_clues(clues: Sequence[_Clue]) -> list[_Clue]:
    """An article that calls its month الجاري writes a date of that month with a year only
    when the year is another: 6 أبريل 2010 next to 6 أبريل الجاري is not April 2010."""
    out = []
    for c in clues:
        if c.month is None or c.lo is not None:
            continue
        years = {a.year for a in clues if a.lo is not None and a.month == c.month}
        if years:
            out.append(_Clue(c.text, c.start, f"its month {c.month:02d} is not that of "
                             f"{', '.join(map(str, sorted(years)))} (written with the year)",
                             ok=lambda a, m=c.month, ys=frozenset(years):
                             not (a.month == m and a.year in ys), pins=False))
    return out


def _back_map(offsets: list[int] | None) -> Callable[[int], int]:
    """Original offset → folded offset (identity when folding dropped nothing)."""
    if offsets is None:
        return lambda i: i
    import bisect

    return lambda i: bisect.bisect_left(offsets, i)


def _relative_clue(span: Span, cue: str | None, lex: Lexicon) -> _Clue | None:
    """Clue of an expression the resolver left unresolved for lack of an anchor."""
    mentions = scan(fold(span.text)[0])
    if len(mentions) != 1:
        return None
    m = mentions[0]
    try:
        if m.kind == "date" and not m.groups.get("rdp"):
            return _yearless_clue(span, m, cue, lex)
        if m.kind == "month":
            return _yearless_clue(span, m, cue, lex)
        if m.kind == "dayrel":
            return _dayrel_clue(span, m, cue, lex)
        if m.kind == "relday":
            return _relday_clue(span, m, lex)
    except (KeyError, ValueError):  # an odd match is no clue, never an error
        return None
    return None


# ---------------------------------------------------------------- solving


def estimate_publication(spans: Sequence[Span], text: str | None = None) -> PubEstimate:
    """Solve the clues of :func:`publication_clues` for a publication date (see module doc).

    Args:
        spans: The article's timexes found with no anchor.
        text: The article text (for the verbs that mark dates as past or announced).

    Returns:
        The estimate, its range, rule and evidence; ``value`` is ``None`` when the clues do
        not allow one (``reason`` says why).
    """
    stated = _stated(spans, text)
    if stated is not None:
        return stated
    clues = publication_clues(spans, text)
    lows = [(c.lo, c) for c in clues if c.lo is not None]
    if not lows:
        return PubEstimate(None, reason="no absolute date bounds the publication from below "
                           "(no year is written)", evidence=[c.evidence() for c in clues])
    start, low = max(lows, key=lambda t: t[0])
    highs = [(c.hi, c) for c in clues if c.hi is not None]
    end, high = min(highs, key=lambda t: t[0]) if highs else (
        start + timedelta(days=HORIZON_DAYS), None)
    if high is not None and end < start:
        return PubEstimate(None, reason=f"{low.text!r} (past) falls after {high.text!r} "
                           "(announced)", evidence=[low.evidence(), high.evidence()])
    checks = [c for c in clues if c.ok is not None]
    # The window comes from the clues that pin one (a month, a date within half a year);
    # those that only exclude a month (الماضي/المقبل) then cut it, but open no window.
    run = _first_run(start, end, [c for c in checks if c.pins])
    open_ended = run is not None and high is None and run[1] == end
    if run is not None and not open_ended:
        run = _first_run(run[0], run[1], checks)
    used = [low, *([high] if high else []), *checks]
    if run is None:
        return PubEstimate(None, cal.iso(start), None if high is None else cal.iso(end),
                           reason="no day satisfies every clue",
                           evidence=[c.evidence() for c in used])
    lo, hi = run
    value, rule, extra = _point(clues, lo, hi, open_ended)
    evidence = [c.evidence() for c in _unique([*used, *extra])]
    if value is None:
        return PubEstimate(None, cal.iso(lo), None if open_ended else cal.iso(hi),
                           reason="the clues give a range but no point within it",
                           evidence=evidence)
    value, hints = _snap_weekday(value, clues, lo, hi, forward=rule != "announced")
    evidence += [c.evidence() for c in hints]
    last = value + timedelta(days=WINDOW_DAYS) if open_ended else hi
    return PubEstimate(cal.iso(value), cal.iso(lo), None if open_ended else cal.iso(hi), rule,
                       evidence=evidence, fixed=_fixed_days(clues, (lo, value, last)))


def _fixed_days(clues: Sequence[_Clue], probes: Sequence[date]) -> dict[int, str]:
    """Clue start → the day it names, when every probe day of the range gives the same one."""
    out: dict[int, str] = {}
    for c in clues:
        name = c.announced or c.reported
        if name is None or c.lo is not None:  # absolute dates need no fixing
            continue
        days = {name(p) for p in probes}
        day = days.pop() if len(days) == 1 else None
        if day is not None:
            out[c.start] = cal.iso(day)
    return out


_GAP_RE = re.compile(r"^[\s,،:(\-–]{0,4}$")


def _stated(spans: Sequence[Span], text: str | None) -> PubEstimate | None:
    """"اليوم الأحد 26/4/2020", "أمس الثلاثاء 5 مارس 2019": the text states its own day."""
    lex = lexicon()
    for i, span in enumerate(spans):
        a = span.attrs
        offset, day_span = None, span
        if span.label != "DATE":
            continue
        if a.get("resolved") and a.get("how") == "absolute" and a.get("granularity") == "day":
            mentions = scan(fold(span.text)[0])
            rd = mentions[0].groups.get("rdp") if len(mentions) == 1 else None
            offset = lex.relative_days.get(rd) if rd else None
        elif not a.get("resolved") and i + 1 < len(spans):
            nxt = spans[i + 1]
            mentions = scan(fold(span.text)[0])
            if (len(mentions) == 1 and mentions[0].kind == "relday"
                    and nxt.attrs.get("resolved") and nxt.attrs.get("how") == "absolute"
                    and nxt.attrs.get("granularity") == "day"
                    and _GAP_RE.match(_between(span, nxt, text))):
                rd = " ".join((mentions[0].groups.get("rd") or "").split())
                offset = lex.relative_days.get(rd)
                day_span = nxt
        value = day_span.attrs.get("value") if offset is not None else None
        if isinstance(value, str) and _DAY_VALUE.match(value):
            own = date.fromisoformat(value) - timedelta(days=offset or 0)
            says = f"the text states its own day: published on {own}"
            return PubEstimate(cal.iso(own), cal.iso(own), cal.iso(own), "stated", evidence=[
                {"text": span.text if day_span is span else f"{span.text} {day_span.text}",
                 "start": span.start, "says": says}])
    return None


def _between(a: Span, b: Span, text: str | None) -> str:
    """The text between two spans (spaces of that length without the text; "?" if far)."""
    gap = b.start - a.end
    if not 0 <= gap <= 4:
        return "?"
    return text[a.end:b.start] if text is not None else " " * gap


def _unique(clues: Sequence[_Clue]) -> list[_Clue]:
    """Clues without repeats (by identity), in order."""
    seen: set[int] = set()
    return [c for c in clues if not (id(c) in seen or seen.add(id(c)))]


def _first_run(start: date, end: date, checks: Sequence[_Clue]) -> tuple[date, date] | None:
    """The first run of consecutive days in ``[start, end]`` that pass every check."""
    if not checks:
        return start, end
    d, first = start, None
    while d <= end:
        good = all(c.ok is None or c.ok(d) for c in checks)
        if good and first is None:
            first = d
        elif not good and first is not None:
            return first, d - timedelta(days=1)
        d += timedelta(days=1)
    return None if first is None else (first, end)


def _point(clues: Sequence[_Clue], lo: date, hi: date, open_ended: bool
           ) -> tuple[date | None, str, list[_Clue]]:
    """Point estimate inside the run ``[lo, hi]``: announced, reported, window, or none."""
    announced = [c for c in clues if c.announced is not None]
    if announced and not open_ended:
        def nearest(a: date) -> date | None:
            days = [c.announced(a) for c in announced if c.announced is not None]
            return min((d for d in days if d is not None), default=None)

        d = hi
        while d >= lo:
            f = nearest(d)
            if f is not None and (f - d).days >= ANNOUNCE_LEAD_DAYS:
                return d, "announced", announced
            d -= timedelta(days=1)
        return lo, "announced", announced
    reported = []
    for c in clues if not open_ended else ():
        # a range without an end is not a date: one past date, however recent it looks,
        # may be a birth, a war or the previous meeting (measured on the SemEval texts)
        if c.reported is None:
            continue
        r = c.reported(hi)
        if r is not None and lo <= r <= hi:
            reported.append((r, c))
    if reported:
        r, c = max(reported, key=lambda t: t[0])
        return r, "reported", [c]
    if not open_ended and (hi - lo).days < WINDOW_DAYS:
        return lo, "window", []
    return None, "none", []


def _snap_weekday(value: date, clues: Sequence[_Clue], lo: date, hi: date, forward: bool
                  ) -> tuple[date, list[_Clue]]:
    """Move ``value`` to the weekday the soft clues name (majority; ties: earliest mention)."""
    hints = [c for c in clues if c.weekday is not None]
    if not hints:
        return value, []
    votes = Counter(c.weekday for c in hints)
    best = max(votes.values())
    wd = next(c.weekday for c in hints if votes[c.weekday] == best)
    order = range(7) if forward else (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6)
    for k in order:
        d = value + timedelta(days=k)
        if lo <= d <= hi and d.isoweekday() == wd:
            return d, [c for c in hints if c.weekday == wd]
    if forward:
        for k in range(1, 7):
            d = value - timedelta(days=k)
            if lo <= d <= hi and d.isoweekday() == wd:
                return d, [c for c in hints if c.weekday == wd]
    return value, []
