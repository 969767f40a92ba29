"""Arabic numbers: digit strings (any digit script) and number words, cardinal and ordinal.

Used by the quantity and date extractors: ``أكثر من عشرة آلاف شخص`` (10000),
``14 ألف مقاتل`` (14000), ``مليون ونصف`` (1500000), ``السادس من فبراير`` (6, ordinal),
``الحادي والعشرين`` (21, ordinal). The word lists are in ``marsad/data/arabic_numbers.json``.

Not pyarabic's ``text2number``: it reads ``مليون ونصف`` as 1000000, ``مائتين`` as 0,
``ثلاث مئة`` as 103 and ignores digits (``14 ألف`` → 1000).

Plural counts that are not numbers (آلاف alone, عشرات, مئات: "thousands", "dozens",
"hundreds") parse as nothing; callers that want them as vague quantities can test
:func:`is_vague_count`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from marsad.arabic._data import load_json
from marsad.arabic.normalize import normalize

__all__ = [
    "NumberParse",
    "is_vague_count",
    "ordinal_value",
    "parse_digits",
    "parse_number_words",
]

Number = int | float

_KEY_STEPS = ("dediac_ar", "remove_tatweel", "normalize_alef_ar", "normalize_alef_maksura_ar",
              "normalize_teh_marbuta_ar", "normalize_digits")
_MAX_TOKENS = 12


class NumberParse(NamedTuple):
    """A number read from tokens.

    Attributes:
        value: The number (``int`` when whole).
        n_tokens: How many tokens it used, from the start index.
        ordinal: True for an ordinal (السادس, الحادي والعشرين).
    """

    value: Number
    n_tokens: int
    ordinal: bool = False


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    return normalize(word, steps=_KEY_STEPS)


def _load() -> tuple[dict[str, tuple[str, Number]], dict[str, tuple[str, int]], frozenset[str]]:
    data = load_json("arabic_numbers.json")
    cardinal: dict[str, tuple[str, Number]] = {}
    for kind in ("units", "ten", "teen_units", "tens", "hundreds", "scales", "scale_duals",
                 "scale_plurals", "fractions"):
        for word, value in data[kind].items():
            cardinal[_key(word)] = (kind, value)
    ordinal: dict[str, tuple[str, int]] = {}
    for kind in ("ordinals", "ordinal_teen_units", "ordinal_tens"):
        for word, value in data[kind].items():
            ordinal[_key(word)] = (kind, value)
    return cardinal, ordinal, frozenset(_key(w) for w in data["vague"])


_CARDINAL, _ORDINAL, _VAGUE = _load()
_PREFIXES = "وبلكف"
_SCALE_KINDS = frozenset({"scales", "scale_duals", "scale_plurals"})

_DIGITS_TABLE = str.maketrans({**{chr(0x0660 + d): str(d) for d in range(10)},
                               **{chr(0x06F0 + d): str(d) for d in range(10)},
                               "\u066b": ".", "\u066c": ","})
_DIGITS_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def parse_digits(token: str) -> Number | None:
    """Read a number written in digits: ASCII, Arabic-Indic (٧٩) or Persian (۷۹).

    ``٫`` is the Arabic decimal separator and ``٬`` the thousands separator. With ASCII
    separators, ``,`` followed by groups of three digits groups thousands (10,000), otherwise
    it is a decimal comma (3,5); several ``.`` group thousands (1.000.000).

    Returns:
        The value (``int`` when whole), or ``None`` if ``token`` is not a digit string.
    """
    text = token.translate(_DIGITS_TABLE)
    if not _DIGITS_RE.fullmatch(text):
        return None
    if "," in text and "." in text:
        if text.rfind(",") < text.rfind("."):
            text = text.replace(",", "")
        else:
            text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        groups = text.split(",")
        text = text.replace(",", "") if all(len(g) == 3 for g in groups[1:]) else \
            text.replace(",", ".", 1).replace(",", "")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    value = float(text)
    return int(value) if "." not in text or value.is_integer() else value


def is_vague_count(word: str) -> bool:
    """True for plural counts that are not numbers: آلاف / عشرات / مئات / ملايين (alone)."""
    key = _key(word)
    if key[:1] in _PREFIXES and key not in _VAGUE and key not in _CARDINAL:
        key = key[1:]
    return key in _VAGUE or _CARDINAL.get(key, ("",))[0] == "scale_plurals"


def ordinal_value(word: str) -> int | None:
    """Value of a one-word ordinal: السادس → 6, الأولى → 1, العشرين → 20; else ``None``.

    Compound ordinals (الحادي عشر, الحادي والعشرين) need :func:`parse_number_words`.
    """
    entry = _ORDINAL.get(_key(word))
    if entry is None or entry[0] == "ordinal_teen_units":
        return None
    return entry[1]


def parse_number_words(tokens: Sequence[str], i: int = 0, *, ordinals: bool = True
                       ) -> NumberParse | None:
    """Read a number starting at ``tokens[i]``.

    Reads digits (``14``, ``٧٩``, ``3.5``) optionally followed by a scale word (``14 ألف``),
    and cardinal number words in any gender, case, dual or construct form, joined by و:
    ``ثلاثة`` 3, ``أربع`` 4, ``خمسة وعشرون`` 25, ``ثلاثة عشر`` 13, ``مئتين`` 200,
    ``ألفين`` 2000, ``عشرة آلاف`` 10000, ``مئة وخمسون ألفا`` 150000, ``مليون ونصف`` 1500000,
    ``نصف مليون`` 500000. The first token may carry a clitic (بعشرة, وثلاثة). When
    ``ordinals`` is true and no cardinal starts at ``i``, ordinals are tried: ``السادس`` 6,
    ``الحادي عشر`` 11, ``الحادي والعشرين`` 21, ``العشرين`` 20.

    Args:
        tokens: Word and number tokens (punctuation tokens simply end a number).
        i: Index of the first token to read.
        ordinals: Also read ordinals.

    Returns:
        A :class:`NumberParse` ``(value, n_tokens, ordinal)``, or ``None`` when no number
        starts at ``i``.
    """
    if not 0 <= i < len(tokens):
        return None
    parsed = _parse_cardinal(tokens, i)
    if parsed is None and ordinals:
        parsed = _parse_ordinal(tokens, i)
    return parsed


def _lookup_first(token: str, table: dict[str, tuple[str, Number]] | dict[str, tuple[str, int]]
                  ) -> tuple[str, Number] | None:
    """Look a first token up, allowing one proclitic if at least three letters remain."""
    key = _key(token)
    entry = table.get(key)
    if entry is None and key[:1] in _PREFIXES and len(key) >= 4:
        entry = table.get(key[1:])
    return entry


def _lookup_next(token: str) -> tuple[tuple[str, Number] | None, bool]:
    """Look a following token up; return ``(entry, joined_by_و)``."""
    key = _key(token)
    entry = _CARDINAL.get(key)
    if entry is None and key.startswith("و"):
        return _CARDINAL.get(key[1:]), True
    return entry, False


# Word kinds after which "و" + a smaller group may follow: مئة وخمسة، ألف ومئتان.
_GROUP_ENDS = frozenset({"hundreds", "scales", "scale_duals", "scale_plurals"})


def _parse_cardinal(tokens: Sequence[str], i: int) -> NumberParse | None:
    total: Number = 0  # sum of finished scale groups (ألف، مليون ...)
    current: Number = 0  # the group being read
    last = ""  # kind of the previous word
    last_unit: Number = 0
    last_scale: Number = 0
    j = i
    end = min(len(tokens), i + _MAX_TOKENS)
    while j < end:
        first = j == i
        digits = parse_digits(tokens[j])
        if digits is not None:
            if not first:
                break  # digits only start a number
            current, last = digits, "digits"
            j += 1
            continue
        if first:
            entry, conj = _lookup_first(tokens[j], _CARDINAL), False
        else:
            entry, conj = _lookup_next(tokens[j])
        if entry is None:
            break
        kind, value = entry
        if last == "digits" and kind not in _SCALE_KINDS:
            break  # "2014 ثلاثة": the digits stand alone
        after_group = conj and last in _GROUP_ENDS
        if kind == "units":
            if not (first or after_group):
                break
            current += value
            last_unit = value
        elif kind == "ten":
            if first or after_group:
                current += value
            elif not conj and last == "units":
                current += 10  # ثلاثة عشر
            else:
                break
        elif kind == "teen_units":
            # أحد / اثنا must be followed by عشر / عشرة
            nxt = _CARDINAL.get(_key(tokens[j + 1])) if j + 1 < end else None
            if not ((first or after_group) and nxt is not None and nxt[0] == "ten"):
                break
            current += 10 + value
            kind = "ten"
            j += 1
        elif kind == "tens":
            if not (first or after_group or (conj and last in ("units", "ten"))):
                break
            current += value
        elif kind == "hundreds":
            if not conj and value == 100 and last == "units" and current == last_unit:
                current = last_unit * 100  # ثلاث مئة
            elif first or after_group:
                current += value
            else:
                break
        elif kind == "scales":
            if conj:
                break
            if current == 0 and last == "scales" and total:
                total *= value  # ألف مليون
            else:
                total += (current or 1) * value
            current, last_scale = 0, value
        elif kind == "scale_duals":
            if not (first or (conj and current == 0)):
                break
            total += value
            last_scale = value // 2
        elif kind == "scale_plurals":
            # آلاف needs a count of 3-10 (or digits) before it; alone it is vague
            if conj or not (last == "digits" or (last in ("units", "ten") and 3 <= current <= 10)):
                break
            total += current * value
            current, last_scale = 0, value
        elif kind == "fractions":
            if first:
                current = value  # نصف مليون
            elif conj and last in _SCALE_KINDS:
                total += value * last_scale  # مليون ونصف
                j += 1
                if j < end and _key(tokens[j]) == "ال" + _scale_word_key(last_scale, tokens[j]):
                    j += 1  # مليون ونصف المليون
                break
            elif conj and last in ("units", "ten", "tens"):
                current += value  # ثلاثة ونصف
                j += 1
                break
            else:
                break
        last = kind
        j += 1
    if j == i or (total == 0 and current == 0):
        return None
    value = total + current
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return NumberParse(value, j - i, False)


def _scale_word_key(scale: Number, token: str) -> str:
    """The key of ``token`` without its article if it names ``scale``, else ``""``."""
    key = _key(token).removeprefix("ال")
    entry = _CARDINAL.get(key)
    return key if entry is not None and entry[0] == "scales" and entry[1] == scale else ""


def _parse_ordinal(tokens: Sequence[str], i: int) -> NumberParse | None:
    entry = _lookup_first(tokens[i], _ORDINAL)
    if entry is None:
        return None
    kind, value = entry
    if kind == "ordinal_tens":
        return NumberParse(value, 1, True)
    if i + 1 < len(tokens):
        nxt = _key(tokens[i + 1])
        if _CARDINAL.get(nxt, ("",))[0] == "ten":
            return NumberParse(10 + value, 2, True)  # الحادي عشر، الثالث عشر
        if nxt.startswith("و") and _ORDINAL.get(nxt[1:], ("",))[0] == "ordinal_tens" \
                and _ORDINAL[nxt[1:]][1] < 100:
            return NumberParse(value + _ORDINAL[nxt[1:]][1], 2, True)  # الحادي والعشرين
    if kind == "ordinal_teen_units":
        return None
    return NumberParse(value, 1, True)
