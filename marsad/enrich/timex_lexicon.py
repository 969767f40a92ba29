"""Words of temporal expressions, loaded once from ``marsad/data``, and the text folding the
timex rules match against. Arabic first (``months_ar.json``, ``timex_ar.json``); English and
French words (``months_latin.json``) extend the same lists for pages in those languages.

The folding here is deliberately private to the timex rules and small: they need a guaranteed,
stable form (hamza-less alef, ي for ى, ه for ة, ASCII digits, no diacritics or tatweel) whatever
the general normalizer in :mod:`marsad.arabic` decides to do for search and hashing. Every folded
character keeps a pointer to its original character, so spans found in the folded copy map back
to the original text exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# One-to-one character folds (length preserving): alef variants, alef maqsura, taa marbuta,
# Persian letters, Arabic-Indic and extended Arabic-Indic digits, ASCII upper case.
_FOLD_FROM = ("أإآٱ" "ى" "ة" "یک" "٠١٢٣٤٥٦٧٨٩" "۰۱۲۳۴۵۶۷۸۹" "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_FOLD_TO = ("اااا" "ي" "ه" "يك" "0123456789" "0123456789" "abcdefghijklmnopqrstuvwxyz")
_FOLD_TABLE = str.maketrans(_FOLD_FROM, _FOLD_TO)

# Characters dropped from the folded copy: harakat and Quranic marks, superscript alef,
# tatweel, zero-width and bidi control characters, BOM.
_DROP_RE = re.compile(
    "[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069]+"
)


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` for matching and return it with a map back to the original.

    Args:
        text: Original text.

    Returns:
        ``(folded, offsets)``. ``offsets[i]`` is the index in ``text`` of folded character ``i``
        plus a final entry ``len(text)``; ``offsets`` is ``None`` when nothing was dropped, in
        which case folded and original indices are the same (the common, fast case).
    """
    folded = text.translate(_FOLD_TABLE)
    if _DROP_RE.search(folded) is None:
        return folded, None
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _DROP_RE.finditer(folded):
        parts.append(folded[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(folded[pos:])
    offsets.extend(range(pos, len(folded)))
    offsets.append(len(text))
    return "".join(parts), offsets


def extend_over_dropped(text: str, end: int) -> int:
    """Move ``end`` past characters :func:`fold` drops (tatweel of هـ, trailing harakat)."""
    m = _DROP_RE.match(text, end)
    return m.end() if m else end


def fold_word(word: str) -> str:
    """Fold one lexicon word (spaces collapsed) the way :func:`fold` folds text."""
    return " ".join(fold(word)[0].split())


@dataclass(frozen=True)
class MonthName:
    """One written month name: its calendar, number, and whether it needs context."""

    calendar: str  # "gregorian" | "hijri"
    month: int
    ambiguous: bool


@dataclass(frozen=True)
class Lexicon:
    """All timex words, folded, with what each one means (read-only after loading)."""

    months: dict[str, MonthName]
    weekdays: dict[str, int]  # folded name (with or without ال) -> ISO weekday
    weekdays_al: tuple[str, ...]
    weekdays_bare: tuple[str, ...]
    relative: dict[str, str]  # word -> past | past2 | future | future2 | current
    relative_before: dict[str, str]  # English words written before their noun (next week)
    this: tuple[str, ...]
    relative_days: dict[str, int]
    tonight: dict[str, int]
    not_today_before: frozenset[str]
    not_today_after: frozenset[str]
    parts_of_day: dict[str, str]
    modifiers: dict[str, str]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    day_ordinals: dict[str, int]
    day_ordinals_construct: dict[str, int]  # ثاني (أيام رمضان): ordinal before a plural noun
    counts: dict[str, int]
    quantifiers: dict[str, str]
    units: dict[str, tuple[str, str]]  # word -> (unit, form: sing|acc|dual|plural)
    unit_iso: dict[str, str]
    duration_cues: dict[str, str]
    plural_recent: dict[str, str]
    set_adverbs: dict[str, str]
    relative_units: dict[str, str]
    anaphora: dict[str, str]
    anaphora_units: dict[str, str]
    year_nouns: tuple[str, ...]
    year_preps: frozenset[str]
    year_suffixes: dict[str, str]
    decades: dict[str, int]
    centuries: dict[str, int]
    future_cues: frozenset[str]
    future_prefix_not_verbs: tuple[str, ...]
    past_cues: frozenset[str]


def _read_json(name: str) -> dict[str, Any]:
    text = resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _invert(groups: dict[str, list[str]], cast: Any = str) -> dict[str, Any]:
    """``{"key": [words]}`` -> ``{folded word: cast(key)}``."""
    return {fold_word(w): cast(k) for k, words in groups.items() for w in words}


def _folded(words: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fold_word(w) for w in words))


def _merge(base: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, list[str]]:
    """``base`` with the word lists of ``extra`` appended under the same keys."""
    out = {k: list(v) for k, v in base.items()}
    for k, v in extra.items():
        out.setdefault(k, []).extend(v)
    return out


def _counts(data: dict[str, Any]) -> dict[str, int]:
    """Cardinal words 1–100, including compounds such as خمسة وعشرين (5 + 20)."""
    units = _invert(data["count_units"], int)
    tens = _invert(data["count_tens"], int)
    counts = {**units, **_invert(data["count_teens"], int), **tens}
    for uw, u in units.items():
        for tw, t in tens.items():
            if t < 100 and u < 10:
                counts[f"{uw} و{tw}"] = t + u
    return counts


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and fold the timex word lists (once per process)."""
    months_data = _read_json("months_ar.json")
    data = _read_json("timex_ar.json")
    latin = _read_json("months_latin.json")
    months: dict[str, MonthName] = {}
    entries = [("gregorian", e) for e in months_data["gregorian"] + latin["gregorian"]]
    entries += [("hijri", e) for e in months_data["hijri"]]
    for calendar, entry in entries:
        ambiguous = {fold_word(w) for w in entry.get("ambiguous", [])}
        for name in entry["names"]:
            key = fold_word(name)
            months[key] = MonthName(calendar, int(entry["month"]), key in ambiguous)
    weekdays: dict[str, int] = {}
    al: list[str] = []
    bare: list[str] = []
    for num, forms in data["weekdays"].items():
        for w in forms["al"] + latin["weekdays"].get(num, []):
            weekdays[fold_word(w)] = int(num)
            al.append(w)
        for w in forms["bare"]:
            weekdays[fold_word(w)] = int(num)
            bare.append(w)
    units: dict[str, tuple[str, str]] = {}
    for unit, spec in data["units"].items():
        extra = latin["units"].get(unit, {})
        for form in ("sing", "acc", "dual", "plural"):
            for w in spec[form] + extra.get(form, []):
                units.setdefault(fold_word(w), (unit, form))
    before = _invert(latin["relative_before"])
    return Lexicon(
        months=months,
        weekdays=weekdays,
        weekdays_al=_folded(al),
        weekdays_bare=_folded(bare),
        relative={**_invert(_merge(data["relative"], latin["relative_after"])), **before},
        relative_before=before,
        this=_folded(data["this"]),
        relative_days=_invert(_merge(data["relative_days"], latin["relative_days"]), int),
        tonight=_invert(data["tonight"], int),
        not_today_before=frozenset(_folded(data["not_today_before"])),
        not_today_after=frozenset(_folded(data["not_today_after"])),
        parts_of_day=_invert(data["parts_of_day"]),
        modifiers=_invert(data["modifiers"]),
        seasons=_invert(data["seasons"]),
        season_months={k: (v[0], v[1]) for k, v in data["season_months"].items()},
        day_ordinals={**_invert(data["day_ordinals_construct"], int),
                      **_invert(data["day_ordinals"], int)},
        day_ordinals_construct=_invert(data["day_ordinals_construct"], int),
        counts={**_counts(data), **_invert(latin["counts"], int)},
        quantifiers=_invert(data["quantifiers"]),
        units=units,
        unit_iso={u: spec["iso"] for u, spec in data["units"].items()},
        duration_cues=_invert(_merge(data["duration_cues"], latin["duration_cues"])),
        plural_recent=_invert(data["plural_recent"]),
        set_adverbs=_invert(data["set_adverbs"]),
        relative_units=_invert(_merge(data["relative_units"], latin["relative_units"])),
        anaphora=_invert(data["anaphora"]),
        anaphora_units=_invert(data["anaphora_units"]),
        year_nouns=_folded(data["year_nouns"]),
        year_preps=frozenset(_folded(data["year_preps"] + latin["year_preps"])),
        year_suffixes=_invert(data["year_suffixes"]),
        decades=_invert(data["decades"], int),
        centuries=_invert(data["centuries"], int),
        future_cues=frozenset(_folded(data["future_cues"] + latin["future_cues"])),
        future_prefix_not_verbs=_folded(data["future_prefix_not_verbs"]),
        past_cues=frozenset(_folded(data["past_cues"] + latin["past_cues"])),
    )
