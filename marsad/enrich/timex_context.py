"""Shared pieces of timex resolution: the context, the result type and small group readers.

A :class:`~marsad.enrich.timex_patterns.Mention` carries the named groups of its regex; the
readers here turn those folded strings into numbers (day, month, weekday, count) and relative
words into a tense or an offset. :func:`make_attrs` builds the attrs every timex span carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.enrich import timex_calendar as cal
from marsad.enrich.timex_lexicon import Lexicon, MonthName

GRAN_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5,
             "century": 6}
TENSE = {"past": "past", "past2": "past", "future": "future", "future2": "future",
         "current": "current"}
OFFSET = {"past": -1, "past2": -2, "future": 1, "future2": 2, "current": 0}
SENT_BREAK_RE = re.compile(r"[.!?؟\n؛]")
_WORD_RE = re.compile(r"\w+")
_MONTH_SPLIT_RE = re.compile(r"[/|\-–(]")


class NeedAnchor(Exception):  # a control-flow signal, hence no -Error suffix
    """The expression is relative and there is no publication date to resolve it against."""


@dataclass(slots=True)
class Resolved:
    """A resolved (or explained-unresolved) timex and what later anaphora may lean on."""

    label: str
    attrs: dict[str, Any]
    start: int = 0  # folded-text offsets, for "same sentence" checks
    end: int = 0
    text: str = ""
    base: date | None = None  # first day the value covers
    granularity: str | None = None


@dataclass(slots=True)
class Context:
    """What resolution needs besides the match: folded text, anchor, words, earlier timexes."""

    norm: str
    anchor: date | None
    lex: Lexicon
    history: list[Resolved] = field(default_factory=list)


# ---------------------------------------------------------------- small readers of groups


def words(s: str | None) -> str:
    """A matched group with its blanks collapsed ("" for an absent group)."""
    return " ".join((s or "").split())


def month_of(s: str, lex: Lexicon) -> MonthName:
    """The month of a matched month group (its first name, for doubled forms)."""
    toks = _MONTH_SPLIT_RE.split(s)[0].split()
    for n in (3, 2, 1):
        info = lex.months.get(" ".join(toks[:n]))
        if info is not None:
            return info
    raise KeyError(s)  # pragma: no cover - the regex only matches known names


def day_of(s: str, lex: Lexicon) -> int:
    """Day of month from digits ("6", "1er", "11th") or an ordinal word (السادس, فاتح)."""
    s = words(s)
    digits = s.rstrip("stndrhe")  # 1st, 2nd, 3rd, 4th, 1er
    return int(digits) if digits.isdigit() else lex.day_ordinals[s]


def weekday_of(s: str | None, lex: Lexicon) -> int | None:
    """ISO weekday of a matched weekday (with or without يوم), or ``None``."""
    if not s:
        return None
    w = words(s)
    if w.startswith("يوم "):
        w = w[4:]
    return lex.weekdays.get(w)


def count_of(s: str | None, lex: Lexicon) -> int | None:
    """A count from digits or number words (أربع, خمسة وعشرين, three), or ``None``."""
    if not s:
        return None
    s = words(s)
    return int(s) if s.isdigit() else lex.counts.get(s)


def rel_of(g: dict[str, str | None], lex: Lexicon) -> str | None:
    """The relative word of a match as past/past2/future/future2/current (هذا → current)."""
    rel = words(g.get("rel"))
    return lex.relative.get(rel) if rel else ("current" if g.get("this") else None)


def tense_cue(norm: str, start: int, lex: Lexicon) -> str | None:
    """Tense read from the words just before ``start`` in its sentence, nearest first.

    ``future`` for future markers (سوف, المقرر, a سـ verb such as سيجتمع), ``past`` for
    past-tense reporting verbs (قال, أعلن, عقد …), ``None`` when neither is near.
    """
    window = norm[max(0, start - 80):start]
    cut = max((m.end() for m in SENT_BREAK_RE.finditer(window)), default=0)
    toks = _WORD_RE.findall(window, cut)[-8:]
    for w in reversed(toks):
        bare = w[1:] if len(w) > 3 and w[0] in "وف" else w
        if w in lex.future_cues or bare in lex.future_cues:
            return "future"
        if w in lex.past_cues or bare in lex.past_cues:
            return "past"
        future_verb = len(bare) >= 5 and bare[0] == "س" and bare[1] in "يتن"
        if future_verb and not bare.startswith(lex.future_prefix_not_verbs):
            return "future"
    return None


# ---------------------------------------------------------------- building attrs


def make_attrs(ctx: Context, value: str | None, granularity: str | None, how: str,
               resolved: bool = True, reason: str | None = None, **extra: Any) -> dict[str, Any]:
    """The attrs of a timex span; extra keys are kept only when not ``None``."""
    a: dict[str, Any] = {"value": value, "granularity": granularity, "how": how,
                         "anchor": cal.iso(ctx.anchor) if ctx.anchor else None,
                         "resolved": resolved}
    if reason:
        a["reason"] = reason
    a.update({k: v for k, v in extra.items() if v is not None})
    return a


def unresolved(ctx: Context, label: str, reason: str, value: str | None = None,
               granularity: str | None = None, how: str = "absolute") -> Resolved:
    """A timex that could not be resolved, kept with the reason why."""
    return Resolved(label, make_attrs(ctx, value, granularity, how, False, reason))


def need_anchor(ctx: Context) -> date:
    """The anchor, or :class:`NeedAnchor` when the article has no publication date."""
    if ctx.anchor is None:
        raise NeedAnchor
    return ctx.anchor


def part_of(g: dict[str, str | None], lex: Lexicon) -> str | None:
    """TimeML part of day (MO, AF, EV, NI) of صباح/ظهر/مساء/ليلة before a date."""
    p = words(g.get("part"))
    return lex.parts_of_day.get(p) if p else None
