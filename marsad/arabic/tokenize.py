"""Tokenization, Arabic clitic stripping and word shapes.

:func:`tokenize` splits text into words, numbers and punctuation marks with offsets into the
original text, with one compiled regex (about 1 µs a token, Span objects included);
:func:`word_tokens` returns just the words, faster, for features.

Token rules: a word is a run of letters (any script) with the Arabic marks, tatweel and
zero-width joiners inside it; a number is a run of digits (ASCII, Arabic-Indic, Persian) with
inner ``.`` ``,`` ``٫`` ``٬`` separators (3.5, 10,000, ٣٫٥); letters and digits never share a
token (``2018م`` → ``2018`` ``م``, ``G20`` → ``G`` ``20``); every other visible character is a
token of its own (``«`` ``،`` ``-``); bidi controls and zero-width characters are skipped.

:func:`strip_clitics` splits an Arabic word into proclitics, base and pronoun suffix. It is
conservative, because what it gets wrong are mostly names (its callers are name features and
gazetteer look-ups): a false split (بروكسل → ب + روكسل) hurts more than a missed one. The
trade-offs:

* Only the conjunction و and the prepositions ب ل are stripped on their own; ف and ك only
  together with the article (فال كال), because far more common words and names begin with a
  radical ف or ك (فرنسا فريق كانت كوريا) than with the clitic.
* At most one single-letter clitic: وبومبيو → و + بومبيو, never و + ب + ومبيو; the article
  forms (ال وال بال كال فال لل ولل وبال ...) are taken whole.
* The base must keep at least ``min_base`` letters (3), and a stripped single letter may not
  leave ال plus one letter (بالغ والد stay whole).
* Words in ``marsad/data/arabic_clitic_exceptions.txt`` (وزير بروكسل لبنان سياسة ...) are
  never split: their first letter is a radical.
* The future prefix س is stripped only before a verb prefix (ي ت ن أ) with at least four letters
  left (سيبحث → س + يبحث); nouns such as سياسة سيارة are in the exceptions list.
* Suffixes: only the unambiguous pronouns ها هما هم هن كم كما نا, and only when four letters
  stay; single-letter ه ك ي are never stripped (ه is also a normalized ة, ي a nisba ending).
* Words are matched as written: hamza is not normalized first, so ألمانيا (with hamza) is not
  read as ال + مانيا. Pass surface forms, not normalized text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.arabic._data import load_lines
from marsad.arabic.normalize import ARABIC_LETTER_CLASS, ARABIC_MARK_CLASS, normalize
from marsad.model import Span

__all__ = [
    "CLITIC_EXCEPTIONS",
    "strip_clitics",
    "tokenize",
    "word_shape",
    "word_tokens",
]

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_NUMBER = f"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*"
# A letter of any script (not a digit, not "_"), or an Arabic mark/tatweel inside a word.
_WORD = f"(?:[^\\W\\d_]|[{ARABIC_MARK_CLASS}])(?:[^\\W\\d_]|[{ARABIC_MARK_CLASS}\u200c\u200d])*"
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c\u00ad"
_TOKEN_RE = re.compile(f"(?P<num>{_NUMBER})|(?P<word>{_WORD})|(?P<punct>[^\\s{_INVISIBLE}])")
_WORD_RE = re.compile(_WORD)

_ARABIC_LETTER_RE = re.compile(f"[{ARABIC_LETTER_CLASS}]")
_SKELETON_DROP = frozenset(chr(c) for c in range(0x0600, 0x0900)
                           if re.match(f"[{ARABIC_MARK_CLASS}\u0640]", chr(c)))
_KEY_STEPS = ("dediac_ar", "remove_tatweel", "normalize_alef_ar", "normalize_alef_maksura_ar",
              "normalize_teh_marbuta_ar")


def tokenize(text: str) -> list[Span]:
    """Split ``text`` into word, number and punctuation tokens.

    Args:
        text: Any text; offsets refer to it as given.

    Returns:
        One ``Span`` labelled ``TOK`` per token, with ``attrs={"kind": "word" | "num" |
        "punct"}``.
    """
    return [Span(m.start(), m.end(), "TOK", m.group(), {"kind": m.lastgroup})
            for m in _TOKEN_RE.finditer(text)]


def word_tokens(text: str) -> list[str]:
    """Return the word tokens of ``text`` as strings (no numbers, no punctuation); fast."""
    return _WORD_RE.findall(text)


# ---------------------------------------------------------------------------------------------
# Clitics
# ---------------------------------------------------------------------------------------------


def _key(word: str) -> str:
    return normalize(word, steps=_KEY_STEPS)


def _load_exceptions() -> tuple[frozenset[str], tuple[str, ...]]:
    exact, stems = set(), []
    for entry in load_lines("arabic_clitic_exceptions.txt"):
        if entry.endswith("*"):
            stems.append(_key(entry[:-1]))
        else:
            exact.add(_key(entry))
    return frozenset(exact), tuple(sorted(stems))


_EXACT_EXCEPTIONS, _STEM_EXCEPTIONS = _load_exceptions()
CLITIC_EXCEPTIONS: frozenset[str] = _EXACT_EXCEPTIONS | {s + "*" for s in _STEM_EXCEPTIONS}
"""Words never split by :func:`strip_clitics` (``*`` marks a stem matching any ending)."""

# On the skeleton (no marks or tatweel; alef, ة, ى unified). Alternatives in priority order.
_ARTICLE_RE = re.compile("[وف]?(?:[بك]?ال|لل)")
_FUTURE_RE = re.compile("[وف]?س(?=[يتن])")
_SINGLE_PREFIXES = frozenset("وبل")
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا")
_MIN_SUFFIX_BASE = 4


def _is_exception(skeleton: str) -> bool:
    return skeleton in _EXACT_EXCEPTIONS or skeleton.startswith(_STEM_EXCEPTIONS)


@lru_cache(maxsize=65536)
def strip_clitics(word: str, *, min_base: int = 3) -> tuple[str, str, str]:
    """Split an Arabic word into ``(prefix, base, suffix)``; ``prefix + base + suffix == word``.

    Conservative by design (see the module docstring for the trade-offs): وبومبيو →
    (و, بومبيو), لكارلسون → (ل, كارلسون), والتحالف → (وال, تحالف), قواتها → ("", قوات, ها),
    while بروكسل, وزير and بالغ stay whole. Non-Arabic words come back as ``("", word, "")``.

    Args:
        word: One token as written (diacritics and tatweel are allowed and kept in the pieces).
        min_base: Fewest letters the base must keep after a prefix is removed.
    """
    if not _ARABIC_LETTER_RE.search(word):
        return "", word, ""
    positions = [i for i, ch in enumerate(word) if ch not in _SKELETON_DROP]
    skeleton = _key("".join(word[i] for i in positions))
    if len(skeleton) != len(positions):
        return "", word, ""
    n = 0 if _is_exception(skeleton) else _prefix_length(word, positions, skeleton, min_base)
    base = skeleton[n:]
    if base in _EXACT_EXCEPTIONS:
        m = 0  # a listed whole word (كورونا, وبروكسل → بروكسل) has no suffix to strip
    else:
        m = next((len(s) for s in _SUFFIXES
                  if base.endswith(s) and len(base) - len(s) >= _MIN_SUFFIX_BASE), 0)
    cut_pre = positions[n] if n else 0
    cut_suf = positions[len(skeleton) - m] if m else len(word)
    return word[:cut_pre], word[cut_pre:cut_suf], word[cut_suf:]


def _prefix_length(word: str, positions: list[int], skeleton: str, min_base: int) -> int:
    """Number of skeleton letters forming the proclitic prefix (0 when nothing is stripped)."""
    article = _ARTICLE_RE.match(skeleton)
    if article and len(skeleton) - article.end() >= min_base:
        n = article.end()
        if skeleton[n - 2:n] == "لل" and _is_exception(skeleton[n - 1:]):
            return n - 1  # للبنان is ل + لبنان, not لل + بنان
        return n
    future = _FUTURE_RE.match(skeleton)
    if future is None and skeleton[:1] in "وف" and skeleton[1:2] == "س" and len(positions) > 2 \
            and word[positions[2]] == "أ":
        future = re.match("..", skeleton)  # وسأ / فسأ: first-person future
    elif future is None and skeleton[:1] == "س" and len(positions) > 1 \
            and word[positions[1]] == "أ":
        future = re.match(".", skeleton)  # سأ
    if future and len(skeleton) - future.end() >= max(min_base, 4) \
            and not _is_exception(skeleton[future.end() - 1:]):
        return future.end()
    if skeleton[0] in _SINGLE_PREFIXES and len(skeleton) - 1 >= min_base:
        base = skeleton[1:]
        if base.startswith("ال") and len(base) < 4:
            return 0  # بالغ, والد: ال + one letter is no word
        return 1
    return 0


# ---------------------------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------------------------

_SHAPE_NUMBER_RE = re.compile(f"{_NUMBER}")
_ARABIC_WORD_RE = re.compile(f"(?:[{ARABIC_LETTER_CLASS}]|[{ARABIC_MARK_CLASS}\u0640])+")
_LATIN_WORD_RE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+(?:['’-][A-Za-z"
                            "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)*")
_ALNUM_RE = re.compile(r"[^\W_]")


def word_shape(word: str) -> str:
    """Classify a token for NER features.

    Returns:
        ``"arabic"`` (Arabic letters, marks, tatweel), ``"latin"`` (Latin letters, inner
        ``'`` or ``-``), ``"digit"`` (a number, separators allowed: 3.5, ٣٫٥, 10,000),
        ``"punct"`` (no letter or digit, or empty), ``"mixed"`` (letters of several scripts,
        or letters with digits) or ``"other"`` (letters of another single script).
    """
    if _SHAPE_NUMBER_RE.fullmatch(word):
        return "digit"
    if _ARABIC_WORD_RE.fullmatch(word):
        return "arabic" if _ARABIC_LETTER_RE.search(word) else "punct"
    if _LATIN_WORD_RE.fullmatch(word):
        return "latin"
    if not _ALNUM_RE.search(word):
        return "punct"
    if _WORD_RE.fullmatch(word) and not _ARABIC_LETTER_RE.search(word) and not any(
            "a" <= c.lower() <= "z" for c in word):
        return "other"
    return "mixed"
