"""Arabic-first text normalization for matching, search and hashing, with an offset map.

Small composable ``str -> str`` functions with explicit names (camel_tools' habit):
:func:`nfkc_safe`, :func:`remove_bidi_controls`, :func:`remove_zero_width`, :func:`dediac_ar`,
:func:`remove_tatweel`, :func:`normalize_alef_ar`, :func:`normalize_alef_maksura_ar`,
:func:`normalize_teh_marbuta_ar`, :func:`normalize_letter_variants_ar`,
:func:`normalize_digits`, :func:`normalize_punctuation`, :func:`normalize_quotes`,
:func:`normalize_spaces`, :func:`lowercase` and :func:`collapse_whitespace`. Their character maps
live in ``marsad/data/arabic_charmap.json``.

:func:`normalize` composes a list of them (by name, :data:`DEFAULT_STEPS` by default) and
:func:`normalize_with_offsets` also returns, for each normalized character, the index of the
original character it came from, so a match found in normalized text becomes a span of the
original text (:func:`original_span`). Normalized text is for matching only: annotations always
point into the original.

Speed: consecutive per-character steps (all but ``lowercase`` and ``collapse_whitespace``) are
composed into one map at first use. When no output of that map is itself mapped (true of
:data:`DEFAULT_STEPS`), one regex finds the few distinct characters that change and each is
replaced with ``str.replace``; otherwise a ``str.translate`` pass over a list-indexed table
is used (list lookups avoid the per-character ``KeyError`` of a dict table). A 600-word
article normalizes in about 0.1 ms (``bench/bench_arabic.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Protocol

from marsad.arabic._data import codepoints, load_json
from marsad.errors import ConfigError, choices

__all__ = [
    "ALEF_FORMS",
    "ARABIC_DIGITS",
    "ARABIC_LETTERS",
    "ARABIC_LETTER_CLASS",
    "ARABIC_MARK_CLASS",
    "BIDI_CONTROLS",
    "DEFAULT_STEPS",
    "DIACRITICS",
    "PERSIAN_DIGITS",
    "QUOTE_MARKS",
    "STEP_NAMES",
    "TATWEEL",
    "ZERO_WIDTH",
    "collapse_whitespace",
    "dediac_ar",
    "lowercase",
    "nfkc_safe",
    "normalize",
    "normalize_alef_ar",
    "normalize_alef_maksura_ar",
    "normalize_digits",
    "normalize_letter_variants_ar",
    "normalize_punctuation",
    "normalize_query",
    "normalize_quotes",
    "normalize_spaces",
    "normalize_teh_marbuta_ar",
    "normalize_with_offsets",
    "original_span",
    "remove_bidi_controls",
    "remove_tatweel",
    "remove_zero_width",
]

Offsets = list[int]

# ---------------------------------------------------------------------------------------------
# Character maps and named character sets (read once from marsad/data/arabic_charmap.json)
# ---------------------------------------------------------------------------------------------

_CHARMAP = load_json("arabic_charmap.json")


def _table_from_data(name: str) -> dict[int, str]:
    """Build a ``str.translate`` table (code point -> replacement, "" deletes) for a step."""
    section = _CHARMAP[name]
    table: dict[int, str] = {}
    for spec in section.get("delete", ()):
        for cp in codepoints(spec):
            table[cp] = ""
    for spec, repl in section.get("map", {}).items():
        for cp in codepoints(spec):
            table[cp] = repl
    return table


# Blocks whose compatibility decompositions are safe for Arabic text: Latin ligatures,
# Arabic Presentation Forms A and B, small form variants and half/full-width forms. NFKC is
# not run on anything else: elsewhere it would, for example, turn superscripts and fractions
# into plain digits and change lengths in ways that are hard to see.
_NFKC_BLOCKS = ((0xFB00, 0xFB06), (0xFB50, 0xFDFF), (0xFE50, 0xFE6B), (0xFE70, 0xFEFE),
                (0xFF01, 0xFFEE))


def _nfkc_table() -> dict[int, str]:
    """Per-character NFKC for the safe blocks, minus the harmful parts of some decompositions.

    The isolated forms of tashkeel (U+FE70 ...) decompose to a *space* plus the mark: the space
    is dropped, or the mark would split its word in two. Ligatures that expand to several words
    (ﷺ → صلى الله عليه وسلم) are left alone: they would put word breaks inside one character.
    """
    table: dict[int, str] = {}
    for lo, hi in _NFKC_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            decomposed = unicodedata.normalize("NFKC", ch)
            if decomposed == ch:
                continue
            if decomposed.startswith(" ") and all(
                    unicodedata.category(c) == "Mn" for c in decomposed[1:]):
                decomposed = decomposed[1:]
            if any(c.isspace() for c in decomposed):
                continue
            table[cp] = decomposed
    return table


_CHARMAP_STEPS: dict[str, dict[int, str]] = {"nfkc_safe": _nfkc_table()}
_CHARMAP_STEPS.update({name: _table_from_data(name) for name in _CHARMAP if name != "_comment"})

DIACRITICS: frozenset[str] = frozenset(chr(c) for c in _CHARMAP_STEPS["dediac_ar"])
"""Arabic diacritics removed by :func:`dediac_ar` (harakat, tanween, shadda, Quranic marks)."""
TATWEEL = "\u0640"
"""The tatweel (kashida) elongation character."""
ALEF_FORMS: frozenset[str] = frozenset(chr(c) for c in _CHARMAP_STEPS["normalize_alef_ar"])
"""Alef with hamza or madda, and alef wasla: أ إ آ ٱ (and rare Quranic forms)."""
ARABIC_DIGITS: frozenset[str] = frozenset(chr(c) for c in range(0x0660, 0x066A))
"""Arabic-Indic digits ٠–٩."""
PERSIAN_DIGITS: frozenset[str] = frozenset(chr(c) for c in range(0x06F0, 0x06FA))
"""Extended Arabic-Indic (Persian/Urdu) digits ۰–۹."""
QUOTE_MARKS: frozenset[str] = frozenset(chr(c) for c in _CHARMAP_STEPS["normalize_quotes"]) | {
    '"', "'"}
"""Every quote mark :func:`normalize_quotes` unifies, plus the ASCII ones."""
BIDI_CONTROLS: frozenset[str] = frozenset(
    chr(c) for c in _CHARMAP_STEPS["remove_bidi_controls"])
"""Bidirectional formatting characters (LRM, RLM, ALM, embeddings, overrides, isolates)."""
ZERO_WIDTH: frozenset[str] = frozenset(chr(c) for c in _CHARMAP_STEPS["remove_zero_width"])
"""Zero-width and invisible characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen)."""

ARABIC_LETTER_CLASS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9"
)
"""Regex character-class body (without brackets) of Arabic letters (no tatweel, no marks)."""
ARABIC_MARK_CLASS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"
)
"""Regex character-class body of Arabic combining marks (the :data:`DIACRITICS`)."""
ARABIC_LETTERS: frozenset[str] = frozenset(
    ch for ch in map(chr, range(0x0600, 0x08CA)) if re.match(f"[{ARABIC_LETTER_CLASS}]", ch))
"""Arabic letters (base letters of the Arabic blocks, without tatweel or diacritics)."""

# ---------------------------------------------------------------------------------------------
# Fused per-character steps
# ---------------------------------------------------------------------------------------------

# Characters below this are looked up in a list (fast, no exception); the rest of the keys
# go through one regex substitution first. U+2070 covers General Punctuation (quotes, dashes,
# bidi controls, zero-width characters), so that pass is rarely needed.
_LOW_LIMIT = 0x2070
_IDENTITY: list[str | None] = [chr(i) for i in range(_LOW_LIMIT)]


def _char_class(chars: Iterable[str]) -> str:
    """Return a regex character class matching exactly ``chars`` (ranges compressed)."""
    cps = sorted({ord(c) for c in chars})
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(parts) + "]"


class _FusedMap:
    """Consecutive per-character steps composed into one translate pass (with offsets)."""

    __slots__ = ("_any_re", "_dict", "_fused", "_high", "_high_re", "_low", "_resize_len",
                 "_resize_re")

    def __init__(self, tables: Sequence[dict[int, str]]) -> None:
        fused: dict[int, str] = {}
        for cp in set().union(*tables):
            out = chr(cp)
            for table in tables:
                out = out.translate(table)
            if out != chr(cp):
                fused[cp] = out
        low = _IDENTITY.copy()
        high: dict[str, str] = {}
        for cp, out in fused.items():
            if cp < _LOW_LIMIT:
                low[cp] = out
            else:
                high[chr(cp)] = out
        self._low = low
        self._high = high
        self._high_re = re.compile(_char_class(high)) if high else None
        # The low pass runs over the output of the high pass, so the two-pass trick is only
        # exact when high outputs are left alone by the low table; otherwise use one dict pass.
        separable = all(ord(c) >= _LOW_LIMIT or low[ord(c)] == c
                        for out in high.values() for c in out)
        self._dict = None if separable else fused
        # When no output character is itself mapped, the result does not depend on the order
        # in which characters are replaced, so the few distinct characters that occur can each
        # be replaced with one fast str.replace (about twice as fast as translate on Arabic).
        keys = {chr(cp) for cp in fused}
        order_free = not any(c in keys for out in fused.values() for c in out)
        self._fused = {chr(cp): out for cp, out in fused.items()}
        self._any_re = re.compile(_char_class(keys)) if keys and order_free else None
        self._resize_len = {chr(cp): len(out) for cp, out in fused.items() if len(out) != 1}
        self._resize_re = re.compile(_char_class(self._resize_len)) if self._resize_len else None

    def _high_sub(self, match: re.Match[str]) -> str:
        return self._high[match.group()]

    def apply(self, text: str) -> str:
        if self._any_re is not None:
            fused = self._fused
            for ch in set(self._any_re.findall(text)):
                text = text.replace(ch, fused[ch])
            return text
        if self._dict is not None:
            return text.translate(self._dict)
        if self._high_re is not None:
            text = self._high_re.sub(self._high_sub, text)
        return text.translate(self._low)

    def apply_offsets(self, text: str, base: Offsets | None) -> tuple[str, Offsets | None]:
        out = self.apply(text)
        if self._resize_re is None:
            return out, base  # every change is 1:1: offsets do not move
        src: Sequence[int] = range(len(text) + 1) if base is None else base
        offsets: Offsets = []
        pos = 0
        for match in self._resize_re.finditer(text):
            i = match.start()
            offsets.extend(src[pos:i])
            offsets.extend([src[i]] * self._resize_len[match.group()])
            pos = i + 1
        if not pos:
            return out, base
        offsets.extend(src[pos:])  # ... and the end entry
        return out, offsets


class _Lowercase:
    """``str.lower`` with offsets (only U+0130 İ and a few others change length)."""

    @staticmethod
    def apply(text: str) -> str:
        return text.lower()

    @staticmethod
    def apply_offsets(text: str, base: Offsets | None) -> tuple[str, Offsets | None]:
        out = text.lower()
        if len(out) == len(text):  # lower() never shortens a character: so all 1:1
            return out, base
        src: Sequence[int] = range(len(text) + 1) if base is None else base
        offsets: Offsets = []
        for i, ch in enumerate(text):
            offsets.extend([src[i]] * len(ch.lower()))
        offsets.append(src[len(text)])
        return out, offsets


# A whitespace run that must change: two or more whitespace characters, or one that is not a
# space (a lone "\n" matches too and is left alone). Written with one leading \s so the regex
# engine can skip quickly to candidate positions.
_WS_RUN_RE = re.compile(r"\s(?:\s+|(?<! ))")
_LINE_BREAK_RE = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


class _CollapseWhitespace:
    """Whitespace runs to one space (one newline when the run has a line break), then strip."""

    @staticmethod
    def apply(text: str) -> str:
        # Same result as apply_offsets (str.splitlines breaks exactly at the characters of
        # _LINE_BREAK_RE, str.split at those of \s), and three times faster.
        return "\n".join(filter(None, (" ".join(line.split()) for line in text.splitlines())))

    @staticmethod
    def apply_offsets(text: str, base: Offsets | None) -> tuple[str, Offsets | None]:
        src: Sequence[int] = range(len(text) + 1) if base is None else base
        pieces: list[str] = []
        offsets: Offsets = []
        pos = 0
        for match in _WS_RUN_RE.finditer(text):
            run = match.group()
            repl = "\n" if run == "\n" or _LINE_BREAK_RE.search(run) else " "
            if run == repl:
                continue
            start = match.start()
            pieces.append(text[pos:start])
            pieces.append(repl)
            offsets.extend(src[pos:start + 1])  # the run becomes one char at its start
            pos = match.end()
        if pos:
            pieces.append(text[pos:])
            out = "".join(pieces)
            offsets.extend(src[pos:])
        else:
            out = text
        stripped = out.strip()
        if len(stripped) == len(out):
            return out, (offsets if pos else base)
        if not pos:
            offsets = list(src)
        lead = len(out) - len(out.lstrip())
        end = lead + len(stripped)
        # The end entry is where the stripped trailing whitespace began (or the text's end).
        return stripped, [*offsets[lead:end], offsets[end]]


_SPECIAL_STEPS = {"lowercase": _Lowercase, "collapse_whitespace": _CollapseWhitespace}

STEP_NAMES: tuple[str, ...] = (*_CHARMAP_STEPS, *_SPECIAL_STEPS)
"""Every normalization step name :func:`normalize` accepts."""

DEFAULT_STEPS: tuple[str, ...] = (
    "nfkc_safe",
    "remove_bidi_controls",
    "remove_zero_width",
    "dediac_ar",
    "remove_tatweel",
    "normalize_alef_ar",
    "normalize_alef_maksura_ar",
    "normalize_teh_marbuta_ar",
    "normalize_letter_variants_ar",
    "normalize_digits",
    "normalize_punctuation",
    "normalize_quotes",
    "normalize_spaces",
    "lowercase",
    "collapse_whitespace",
)
"""The normalization used for matching, search and hashing.

Hamza/madda alef forms → ا, ى → ي, ة → ه, no diacritics or tatweel, ASCII digits and
punctuation, one kind of quote mark, lowercase Latin, collapsed whitespace (line breaks kept as
one ``\\n``). Hamza on waw/yeh (ؤ ئ) and the lone hamza ء are kept: they carry meaning and
outlets do not drop them the way they drop hamza on alef.
"""


class _Op(Protocol):
    def apply(self, text: str) -> str: ...

    def apply_offsets(self, text: str, base: Offsets | None
                      ) -> tuple[str, Offsets | None]: ...


@lru_cache(maxsize=64)
def _plan(steps: tuple[str, ...]) -> tuple[_Op, ...]:
    """Compile a step list: consecutive per-character steps are fused into one pass."""
    ops: list[_Op] = []
    pending: list[dict[int, str]] = []
    for name in steps:
        if name in _CHARMAP_STEPS:
            pending.append(_CHARMAP_STEPS[name])
            continue
        if name not in _SPECIAL_STEPS:
            raise ConfigError(choices("normalization step", name, STEP_NAMES))
        if pending:
            ops.append(_FusedMap(pending))
            pending = []
        ops.append(_SPECIAL_STEPS[name])
    if pending:
        ops.append(_FusedMap(pending))
    return tuple(ops)


StepLike = str | Callable[[str], str]


def _step_key(steps: Sequence[StepLike]) -> tuple[str, ...]:
    """Turn step names or the step functions of this module into a tuple of names."""
    if isinstance(steps, str):
        raise ConfigError(f"steps must be a sequence of step names, not the string {steps!r}")
    key = []
    for step in steps:
        if isinstance(step, str):
            key.append(step)
        elif _FUNC_NAMES.get(step) is not None:
            key.append(_FUNC_NAMES[step])
        else:
            raise ConfigError(choices("normalization step", step, STEP_NAMES))
    return tuple(key)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def normalize(text: str, *, steps: Sequence[StepLike] = DEFAULT_STEPS) -> str:
    """Normalize ``text`` for matching, search and hashing.

    Args:
        text: Any text (Arabic, Latin, mixed).
        steps: Step names from :data:`STEP_NAMES` (or the step functions themselves), applied
            in order. Defaults to :data:`DEFAULT_STEPS`.

    Returns:
        The normalized text.

    Raises:
        ConfigError: A step name is unknown.

    Example:
        >>> normalize("أَحْمَدُ في «المدرسة»  ٣")
        'احمد في "المدرسه" 3'
    """
    plan = _DEFAULT_PLAN if steps is DEFAULT_STEPS else _plan(_step_key(steps))
    for op in plan:
        text = op.apply(text)
    return text


def normalize_with_offsets(text: str, *, steps: Sequence[StepLike] = DEFAULT_STEPS
                           ) -> tuple[str, list[int]]:
    """Normalize ``text`` and map each normalized character back to the original.

    Args:
        text: The original text.
        steps: As for :func:`normalize`.

    Returns:
        ``(normalized, offsets)`` where ``normalized == normalize(text, steps=steps)``,
        ``len(offsets) == len(normalized) + 1``, ``offsets[j]`` is the index in ``text`` of the
        character ``normalized[j]`` came from (characters from one expanded character, such as
        a lam-alef ligature, share its index), and the last entry is the original end (where
        trailing whitespace that was stripped begins, else ``len(text)``). Offsets never
        decrease. Use :func:`original_span` to turn a normalized match into an original span.
    """
    plan = _DEFAULT_PLAN if steps is DEFAULT_STEPS else _plan(_step_key(steps))
    offsets: Offsets | None = None  # None: the identity so far
    for op in plan:
        text, offsets = op.apply_offsets(text, offsets)
    return text, (list(range(len(text) + 1)) if offsets is None else offsets)


def original_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Turn ``[start, end)`` in normalized text into ``(start, end)`` in the original text.

    The original span runs from the source of ``normalized[start]`` to the source of the next
    normalized character, so characters the normalization deleted right after the match
    (diacritics, tatweel, bidi marks) belong to it. An end that falls inside the expansion of
    one original character (a ligature) is moved past that character.

    Args:
        offsets: The offset list from :func:`normalize_with_offsets`.
        start: Start of the match in normalized text.
        end: End (exclusive) of the match in normalized text.
    """
    last = len(offsets) - 1
    if not 0 <= start <= end <= last:
        raise ValueError(f"span [{start}, {end}) is outside the normalized text [0, {last}]")
    if start == end:
        return offsets[start], offsets[start]
    while end < last and offsets[end] == offsets[end - 1]:
        end += 1
    return offsets[start], offsets[end]


def normalize_query(query: str) -> str:
    """Normalize a search query exactly as indexed text is normalized (:data:`DEFAULT_STEPS`).

    So أحمد/احمد, مدرسة/مدرسه and مُحَمَّد/محمد give the same query.
    """
    return normalize(query)


@cache
def _single(name: str) -> _FusedMap:
    return _FusedMap([_CHARMAP_STEPS[name]])


def nfkc_safe(text: str) -> str:
    """NFKC only where it cannot hurt Arabic: presentation forms, ligatures, full-width forms.

    Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) become ordinary letters
    (ﻻ → لا), Latin ligatures and full-width/small forms their ASCII letters. Isolated tashkeel
    forms lose the space NFKC would put before them, and multi-word ligatures (ﷺ) are kept.
    """
    return _single("nfkc_safe").apply(text)


def dediac_ar(text: str) -> str:
    """Remove Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef, Quranic)."""
    return _single("dediac_ar").apply(text)


def remove_tatweel(text: str) -> str:
    """Remove tatweel (kashida) elongation: بـ«داعش» → ب«داعش»."""
    return _single("remove_tatweel").apply(text)


def normalize_alef_ar(text: str) -> str:
    """Map alef with hamza or madda and alef wasla (أ إ آ ٱ) to bare alef ا."""
    return _single("normalize_alef_ar").apply(text)


def normalize_alef_maksura_ar(text: str) -> str:
    """Map alef maksura ى to yeh ي."""
    return _single("normalize_alef_maksura_ar").apply(text)


def normalize_teh_marbuta_ar(text: str) -> str:
    """Map teh marbuta ة to heh ه."""
    return _single("normalize_teh_marbuta_ar").apply(text)


def normalize_letter_variants_ar(text: str) -> str:
    """Map Persian/Urdu letter variants typed in Arabic text (ی ک ە ہ) to Arabic letters."""
    return _single("normalize_letter_variants_ar").apply(text)


def normalize_digits(text: str) -> str:
    """Map Arabic-Indic and Persian digits to ASCII, ٫ to ``.`` and ٬ to ``,``."""
    return _single("normalize_digits").apply(text)


def normalize_punctuation(text: str) -> str:
    """Map Arabic punctuation (، ؛ ؟ ٪ ۔), dashes and … to ASCII (quote marks: see below)."""
    return _single("normalize_punctuation").apply(text)


def normalize_quotes(text: str) -> str:
    """Map « » “ ” „ and other double quote marks to ``"``, single ones (‘ ’ ‹ ›) to ``'``."""
    return _single("normalize_quotes").apply(text)


def normalize_spaces(text: str) -> str:
    """Map Unicode space characters (no-break, thin, em ...) to an ASCII space."""
    return _single("normalize_spaces").apply(text)


def remove_bidi_controls(text: str) -> str:
    """Remove bidirectional formatting characters (LRM, RLM, ALM, embeddings, isolates)."""
    return _single("remove_bidi_controls").apply(text)


def remove_zero_width(text: str) -> str:
    """Remove zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen)."""
    return _single("remove_zero_width").apply(text)


def lowercase(text: str) -> str:
    """Lowercase cased scripts (Latin, Greek, Cyrillic); Arabic has no case and is unchanged."""
    return text.lower()


def collapse_whitespace(text: str) -> str:
    """Collapse whitespace runs to one space (one ``\\n`` if the run has a line break); strip."""
    return _CollapseWhitespace.apply(text)


_FUNC_NAMES: dict[Callable[[str], str], str] = {
    globals()[name]: name for name in STEP_NAMES
}
_DEFAULT_PLAN = _plan(DEFAULT_STEPS)
