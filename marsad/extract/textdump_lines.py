"""Per-line features of a plain-text page dump and the known-boilerplate phrase matcher.

The dump filter (:mod:`marsad.extract.textdump`) decides line by line what belongs to the
article. This module computes what it decides on: how long a line is, whether it ends like a
sentence, which script it is written in, whether it looks like a time stamp, a photo caption, a
form field or a dateline, and whether it is one of the phrases news sites use for their page
furniture (``marsad/data/boilerplate_patterns.json``). Nothing here looks at neighbouring lines;
that is :mod:`marsad.extract.textdump_blocks`' job.

Matching uses a small private normalization (:func:`match_key`) that is only ever used to
compare lines with each other and with the phrase lists, never for offsets or output.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

# ---------------------------------------------------------------------------------------------
# character classes and normalization for matching

_TIME_RE = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])")
_GMT_WORDS = ("GMT", "UTC", "gmt", "بتوقيت", "غرينتش", "جرينتش")
# a parenthesized tail of at most four words: "(ا.ف.ب)", "(رويترز)", "(إعلام تركي)"
_PAREN_TAIL_RE = re.compile(r"[(\[]([^()\[\]]{1,40})[)\]]\s*$")
# dash used as a separator (spaces on at least one side), incl. the tatweel some sites type
_DASH_SPLIT_RE = re.compile(r"\s+[-ـ–—]+\s*|\s*[-ـ–—]+\s+")
_ANY_DASH_RE = re.compile(r"[-ـ–—]")
_SENT_END = frozenset(".!?؟…")
_CLOSERS = "\"'»”’)]}›"
_BREADCRUMB_SEPS = ("|", "»", "›", ">", "/", "•", "·")
_BREADCRUMB_RE = re.compile("[|»›>/•·]")

# Folding for matching. str.translate with a dict is slow on Arabic text (a dict lookup per
# character), so the common letters are folded with str.replace and the rest only when present.
_FOLD_PAIRS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"),
               ("ؤ", "و"), ("ئ", "ي"))
_DROP_RE = re.compile("[\u064b-\u0652\u0670\u0640\u200b-\u200f\u202a-\u202e"
                      "\u2066-\u2069\ufeff]")
_EASTERN_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_TABLE = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                              **{chr(0x06F0 + i): str(i) for i in range(10)}})
_WORD_RE = re.compile(r"\w+")
# what str.strip() misses at line ends: bidi marks and zero-width characters
_STRIP_CHARS = " \t\u00a0\u2009\u202f\u3000\u200b\u200c\u200d\u200e\u200f\u202a\u202b" \
    "\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# Script counts on UTF-8 bytes (bytes.translate runs in C): every character of the Arabic block
# U+0600–U+06FF starts with a byte D8–DB; ASCII letters are one byte; Latin-1 letters start C3.
_ARABIC_LEAD = bytes(range(0xD8, 0xDC))
_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122 or b == 0xC3))
_NOT_DIGIT = bytes(b for b in range(256) if not 48 <= b <= 57)


def clean_line(line: str) -> str:
    """Strip a raw line of spaces, non-breaking spaces and invisible direction marks."""
    return line.strip().strip(_STRIP_CHARS).strip()


def fold(text: str) -> str:
    """Fold letters for matching: one alef, final ya, ta marbuta, no diacritics, ASCII digits."""
    for a, b in _FOLD_PAIRS:
        text = text.replace(a, b)
    if _DROP_RE.search(text):
        text = _DROP_RE.sub("", text)
    if _EASTERN_DIGIT_RE.search(text):
        text = text.translate(_DIGIT_TABLE)
    return text.lower()


def match_key(text: str) -> str:
    """Return the matching key of a line: folded, punctuation dropped, spaces collapsed.

    Only for comparing lines with each other and with phrase lists, never for output.
    """
    return key_of_folded(fold(text))


def key_of_folded(folded: str) -> str:
    """:func:`match_key` of text already passed through :func:`fold`."""
    return " ".join(_WORD_RE.findall(folded))


def script_counts(text: str) -> tuple[int, int, int]:
    """(Arabic-block characters, Latin letters, digits) in ``text``."""
    b = text.encode("utf-8")
    n = len(b)
    n_ar = n - len(b.translate(None, _ARABIC_LEAD))
    n_lat = len(b.translate(None, _NOT_LATIN))
    n_dig = len(b.translate(None, _NOT_DIGIT))
    if n_dig < n and _EASTERN_DIGIT_RE.search(text):
        n_dig += len(_EASTERN_DIGIT_RE.findall(text))
    return n_ar, n_lat, n_dig


# ---------------------------------------------------------------------------------------------
# data


@dataclass(frozen=True, slots=True)
class Category:
    """One category of known boilerplate phrases (see ``boilerplate_patterns.json``)."""

    name: str
    reason: str
    hard: bool
    end_marker: bool
    penalty: int
    max_words: int
    prose_modes: frozenset[str]


@dataclass(frozen=True, slots=True)
class PhraseMatcher:
    """Known-boilerplate phrases compiled for fast lookup (loaded once, read-only)."""

    categories: dict[str, Category]
    line: dict[str, str]
    prefix: dict[str, str]
    prefix_max_len: int
    suffix: dict[str, str]
    suffix_max_len: int
    contains_re: re.Pattern[str] | None
    contains: dict[str, str]
    max_words: int
    suffix_max_words: int
    contains_max_words: int

    def match(self, key: str, n_words: int, prose: bool) -> Category | None:
        """Return the category of the line with matching key ``key``, or ``None``.

        Args:
            key: The line's :func:`match_key`.
            n_words: Number of words in the raw line.
            prose: Whether the line is shaped like article prose; then only the modes a
                category lists in ``prose_modes`` apply.
        """
        if not key or n_words > self.max_words:
            return None
        cats = self.categories
        if not prose:
            name = self.line.get(_strip_count(key) if key[-1].isdigit() else key)
            if name is not None:
                return cats[name]
        words = key.split(" ", self.prefix_max_len)
        prefixes = []
        acc = ""
        for w in words[: self.prefix_max_len]:
            acc = f"{acc} {w}" if acc else w
            prefixes.append(acc)
        for candidate in reversed(prefixes):  # the longest phrase first
            name = self.prefix.get(candidate)
            if name is None:
                continue
            cat = cats[name]
            if n_words <= cat.max_words and (not prose or "prefix" in cat.prose_modes):
                return cat
        if self.suffix and not prose and n_words <= self.suffix_max_words:
            tail = key.rsplit(" ", self.suffix_max_len)
            for k in range(min(len(tail), self.suffix_max_len), 0, -1):
                name = self.suffix.get(" ".join(tail[-k:]))
                if name is not None and n_words <= cats[name].max_words:
                    return cats[name]
        if self.contains_re is not None and n_words <= self.contains_max_words:
            for m in self.contains_re.finditer(key):
                cat = cats[self.contains[m.group(1)]]
                if n_words <= cat.max_words and (not prose or "contains" in cat.prose_modes):
                    return cat
        return None


_COUNT_TAIL_RE = re.compile(r"(?: \d+)+$")


def _strip_count(key: str) -> str:
    """Drop a trailing count ("التعليقات (3)" → "التعليقات") for whole-line matching."""
    stripped = _COUNT_TAIL_RE.sub("", key)
    return stripped or key


def _read_json(name: str) -> dict[str, Any]:
    with resources.files("marsad.data").joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def phrase_matcher() -> PhraseMatcher:
    """Load and compile ``boilerplate_patterns.json`` (once per process)."""
    data = _read_json("boilerplate_patterns.json")
    cats: dict[str, Category] = {}
    line: dict[str, str] = {}
    prefix: dict[str, str] = {}
    suffix: dict[str, str] = {}
    contains: dict[str, str] = {}
    for c in data["categories"]:
        cat = Category(c["name"], c["reason"], c.get("kind") == "hard", bool(c.get("end_marker")),
                       int(c.get("penalty", 25)), int(c.get("max_words", 8)),
                       frozenset(c.get("prose_modes", ())))
        cats[cat.name] = cat
        for mode, table in (("line", line), ("prefix", prefix), ("suffix", suffix),
                            ("contains", contains)):
            for phrase in c.get(mode, ()):
                key = match_key(phrase)
                if key:
                    table.setdefault(key, cat.name)  # first category in the file wins
    contains_re = None
    if contains:
        alts = "|".join(re.escape(k) for k in sorted(contains, key=len, reverse=True))
        contains_re = re.compile(rf"(?:^| )({alts})")
    max_len = max((len(k.split()) for k in prefix), default=1)
    suffix_len = max((len(k.split()) for k in suffix), default=1)

    def most_words(table: dict[str, str]) -> int:
        return max((cats[name].max_words for name in table.values()), default=0)

    return PhraseMatcher(cats, line, prefix, max_len, suffix, suffix_len, contains_re, contains,
                         max(c.max_words for c in cats.values()), most_words(suffix),
                         most_words(contains))


@lru_cache(maxsize=1)
def names_data() -> dict[str, frozenset[str]]:
    """Load ``boilerplate_names.json`` as folded key sets (once per process)."""
    data = _read_json("boilerplate_names.json")
    out: dict[str, frozenset[str]] = {}
    for name, entry in data.items():
        if name.startswith("_"):
            continue
        for sub, values in entry.items():
            if sub.startswith("_"):
                continue
            label = name if sub in ("words", "names") else f"{name}:{sub}"
            out[label] = frozenset(k for k in (match_key(v) for v in values) if k)
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words ignored when comparing vocabularies (``boilerplate_stopwords.txt``)."""
    with resources.files("marsad.data").joinpath("boilerplate_stopwords.txt").open(
            encoding="utf-8") as fh:
        words = [w.strip() for w in fh if w.strip() and not w.startswith("#")]
    return frozenset(light_stem(t) for w in words for t in match_key(w).split())


_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")


def light_stem(token: str) -> str:
    """Strip a leading conjunction and article so "والتحالف" meets "التحالف" (matching only).

    Only و (and ف before the article) and the article forms are stripped: a lone ب or ل is too
    often the first letter of a name.
    """
    for prefix in _ARTICLES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            return token[len(prefix):]
    if len(token) > 4 and token[0] == "و":
        return token[1:]
    return token


def content_words(key: str) -> frozenset[str]:
    """Topic words of a matching key: lightly stemmed, no digits, no function words."""
    return _content_words_cached(key)


@lru_cache(maxsize=4096)
def _content_words_cached(key: str) -> frozenset[str]:
    # pure function of its argument: cached because a page asks for the same lines repeatedly
    stop = stopwords()
    out = set()
    for t in key.split():
        if len(t) < 3 or t.isdigit():
            continue
        t = light_stem(t)
        if len(t) >= 3 and t not in stop:
            out.add(t)
    return frozenset(out)


# ---------------------------------------------------------------------------------------------
# line features

GOOD = "good"    # article-like prose paragraph
NEAR = "near"    # a short sentence: prose, but too short to prove anything alone
SHORT = "short"  # a short line without sentence punctuation (heading, label, crosshead)
BAD = "bad"      # boilerplate the article may continue after
HARD = "hard"    # boilerplate the article never crosses


@dataclass(slots=True)
class LineFeatures:
    """What the filter knows about one line of a dump (kept in the result for debugging).

    Attributes:
        lineno: 1-based line number in the dump.
        text: The line, stripped.
        key: Matching key (:func:`match_key`); empty for blank lines.
        words: Number of whitespace-separated words.
        arabic: Share of letters that are Arabic (0 when the line has no letters).
        latin: Share of letters that are Latin.
        digits: Share of non-space characters that are digits.
        ends_sentence: The line ends with sentence punctuation (closing quotes allowed).
        has_time: A clock time (``17:15``) appears in the line.
        has_gmt: ``GMT``/``UTC``/``بتوقيت`` appears in the line.
        copyright: The line carries a copyright sign.
        star: The line has a form-field asterisk.
        paren_tail: The words of a parenthesized tail (``رويترز`` in "… (رويترز)"), if any.
        dash_parts: Word counts of the parts of a short line split at separator dashes.
        dup: How many lines of the page share this line's key (1 = unique).
        pattern: Name of the known-boilerplate category the line matches, if any.
        flags: Shape findings (``caption``, ``timestamp``, ``dateline``, ``latin``, ...).
        cls: Final class: ``good``, ``near``, ``short``, ``bad``, ``hard`` (or ``blank``).
        score: The line's contribution to the article-region score.
        reason: Why the line was dropped (empty when kept or blank).
    """

    lineno: int
    text: str
    key: str = ""
    words: int = 0
    arabic: float = 0.0
    latin: float = 0.0
    digits: float = 0.0
    ends_sentence: bool = False
    has_time: bool = False
    has_gmt: bool = False
    copyright: bool = False
    star: bool = False
    paren_tail: str = ""
    dash_parts: tuple[int, ...] = ()
    dup: int = 1
    pattern: str = ""
    flags: list[str] = field(default_factory=list)
    cls: str = "blank"
    score: float = 0.0
    reason: str = ""

    @property
    def blank(self) -> bool:
        """True for an empty (or whitespace-only) line."""
        return not self.text

    @property
    def prose(self) -> bool:
        """True for a line shaped like article prose: ten words or more ending a sentence."""
        return self.ends_sentence and self.words >= 10

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (for ``marsad show`` and debugging)."""
        return {"line": self.lineno, "cls": self.cls, "score": round(self.score, 1),
                "reason": self.reason, "words": self.words, "arabic": round(self.arabic, 2),
                "latin": round(self.latin, 2), "ends_sentence": self.ends_sentence,
                "dup": self.dup, "pattern": self.pattern, "flags": list(self.flags),
                "text": self.text}


def ends_with_sentence_punct(text: str) -> bool:
    """True when ``text`` ends with . ! ? ؟ or … (closing quotes and brackets allowed)."""
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _SENT_END


def line_features(lineno: int, raw: str) -> LineFeatures:
    """Compute the context-free features of one raw line."""
    text = clean_line(raw)
    lf = LineFeatures(lineno, text)
    if not text:
        return lf
    lf.words = n_words = len(text.split())
    n_ar, n_lat, n_dig = script_counts(text)
    letters = n_ar + n_lat
    if letters:
        lf.arabic = n_ar / letters
        lf.latin = n_lat / letters
    lf.ends_sentence = ends_with_sentence_punct(text)
    folded = fold(text)
    lf.key = key_of_folded(folded)
    if n_words <= 40:  # stamp, caption and form shapes only matter on short lines
        if n_dig:
            lf.digits = n_dig / max(1, len(text) - text.count(" "))
            lf.has_time = ":" in text and _TIME_RE.search(folded) is not None
        lf.has_gmt = any(w in text for w in _GMT_WORDS)
        lf.copyright = "©" in text or "(c)" in text or "(C)" in text
        lf.star = "*" in text and (text.endswith("*") or " *" in text or text.startswith("*"))
        if text[-1] in ")]":
            m = _PAREN_TAIL_RE.search(text)
            if m:
                lf.paren_tail = m.group(1).strip()
        if n_words <= 8 and _ANY_DASH_RE.search(text):
            parts = _DASH_SPLIT_RE.split(text)
            if len(parts) > 1:
                lf.dash_parts = tuple(len(p.split()) for p in parts)
    return lf


_HOME_WORDS = frozenset({"الرئيسيه", "الصفحه الرئيسيه", "home", "accueil", "الرئيسي"})


def breadcrumb_like(text: str) -> bool:
    """True for a menu or breadcrumb line: several short items between separators, or
    "الرئيسية / قسم" (one separator after the home link)."""
    if not _BREADCRUMB_RE.search(text):
        return False
    for sep in _BREADCRUMB_SEPS:
        token = " / " if sep == "/" else sep  # a bare slash is a date separator
        count = text.count(token)
        if not count:
            continue
        items = [p.strip() for p in text.split(token) if p.strip()]
        if len(items) < 2 or not all(len(p.split()) <= 4 for p in items):
            continue
        if sum(1 for p in items if not p.replace(" ", "").isdigit()) < 2:
            continue
        if count >= 2 or sep in "»›>" or match_key(items[0]) in _HOME_WORDS:
            return True
    return False
