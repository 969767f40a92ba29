"""Tokens, folding and the lexicons behind :mod:`marsad.enrich.quantities`.

Length-preserving folding (so token offsets are offsets in the original text), the word
tokenizer shared with :mod:`marsad.enrich.quotes`, the counted-noun and approximation-cue
lexicons from ``data/units_nouns.tsv`` and ``data/units_approx.tsv`` (loaded once, read-only),
and the adapter to the number-word reader in :mod:`marsad.arabic.numbers`.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from marsad.arabic import numbers

# One character in, one character out: offsets in the folded text are offsets in the original.
_FOLD_MAP = str.maketrans(
    "أإآٱىةؤئ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬٪",
    "اااايهءء01234567890123456789.,%",
)

# Removed from a token's key (not from the text): harakat, tanween, dagger alef, tatweel.
_DELETE_MAP = dict.fromkeys([*range(0x064B, 0x0660), 0x0670, 0x0640])
# Whitespace, a number (10,000 / ١٠٬٠٠٠ / 3.5 / 1 100), a word with its diacritics, or any other
# character: the groups cover the whole text, so offsets are running sums of their lengths.
_TOKEN_RE = re.compile(
    r"(\s+)"
    r"|(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,٫٬])|\d+(?:[.,٫٬]\d+)*)"
    r"|((?:[^\W\d_]|[\u064B-\u065F\u0670])+)"
    r"|(\S)"
)
_GROUP_SPACES = str.maketrans("", "", " \u00a0\u202f")
DIGIT, ARABIC, LATIN, PUNCT = "d", "a", "l", "p"


class Token(NamedTuple):
    """A token of the text: offsets in the original text, its folded key and kind.

    ``kind`` is ``d`` (digits), ``a`` (Arabic word), ``l`` (Latin word) or ``p`` (one punctuation
    or symbol character).
    """

    start: int
    end: int
    key: str
    kind: str


def fold(text: str) -> str:
    """Fold hamza/alef forms, ى, ة and Arabic-Indic digits, keeping the length unchanged.

    Args:
        text: Any text.

    Returns:
        A string of the same length, suitable for matching (never for display).
    """
    return text.translate(_FOLD_MAP)


def key(word: str) -> str:
    """Return the matching key of a word: folded, without diacritics or tatweel."""
    return word.translate(_FOLD_MAP).translate(_DELETE_MAP)


@functools.lru_cache(maxsize=8)
def tokens(text: str) -> tuple[Token, ...]:
    """Split ``text`` into :class:`Token` objects with original offsets.

    Cached for the last few texts: the quantities and quotes stages tokenize the same article.

    Args:
        text: The original text.

    Returns:
        Tokens in order; words keep their clitics (وأضاف، بـ) — callers strip what they need.
    """
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # skips the Python-level NamedTuple constructor: this loop is hot
    pos = 0
    for spaces, digits, word, other in _TOKEN_RE.findall(text):
        if spaces:
            pos += len(spaces)
            continue
        if word:
            end = pos + len(word)
            k, kind = _word_key(word)
        elif digits:  # "1 100" (French grouping) keys as "1100"
            end = pos + len(digits)
            k, kind = digits.translate(_FOLD_MAP).translate(_GROUP_SPACES), DIGIT
        else:
            end = pos + 1
            k, kind = (other if other < "\u0600" else other.translate(_FOLD_MAP)), PUNCT
        append(new(Token, (pos, end, k, kind)))
        pos = end
    return tuple(out)


@functools.lru_cache(maxsize=131072)
def _word_key(word: str) -> tuple[str, str]:
    """(key, kind) of a word: Arabic words folded without diacritics, others lowercased."""
    c = word[0]
    if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff":
        return word.translate(_FOLD_MAP).translate(_DELETE_MAP), ARABIC
    return word.lower(), LATIN


_DEFINITE = ("وال", "فال", "بال", "كال", "لل", "ال")
_PRONOUNS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")


@functools.lru_cache(maxsize=131072)
def bare(k: str) -> str:
    """Strip a definite article (with a one-letter proclitic) from a folded key."""
    for p in _DEFINITE:
        if k.startswith(p) and len(k) - len(p) >= 2:
            return k[len(p):]
    return k


@dataclass(frozen=True, slots=True)
class CountedNoun:
    """A counted noun or unit of the lexicon: its singular lemma, category and ISO code."""

    lemma: str
    category: str
    code: str
    singular: bool = True  # matched through the lemma itself (not a plural or variant)


def _data_lines(name: str) -> list[list[str]]:
    """Read a tab-separated data file, skipping comments, blank lines and the header row."""
    text = resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # first non-comment row is the header


def _form_keys(form: str) -> tuple[str, ...]:
    return tuple(bare(t.key) for t in tokens(form))


def _accusative(k: str) -> str | None:
    """The tanween-alef form of a key (عضو → عضوا), or None when it takes none."""
    if k and k[-1] not in "هاي" and len(k) >= 2:
        return k + "ا"
    return None


@functools.lru_cache(maxsize=1)
def _unit_index() -> dict[str, list[tuple[tuple[str, ...], CountedNoun]]]:
    """First word key → [(following word keys, unit)], longest first."""
    index: dict[str, list[tuple[tuple[str, ...], CountedNoun]]] = {}
    for row in _data_lines("units_nouns.tsv"):
        row += [""] * (4 - len(row))
        lemma, category, forms, code = (c.strip() for c in row[:4])
        for n, form in enumerate([lemma, *[f for f in forms.split(",") if f.strip()]]):
            unit = CountedNoun(lemma, category, code, singular=n == 0)
            ks = _form_keys(form)
            if not ks:
                continue
            variants = {ks}
            first = _accusative(ks[0])
            if first:
                variants.add((first, *ks[1:]))
                all_acc = tuple(_accusative(k) or k for k in ks)
                variants.add(all_acc)
            for v in variants:
                index.setdefault(v[0], []).append((v[1:], unit))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@functools.lru_cache(maxsize=131072)
def token_class(k: str) -> int:
    """What an Arabic word key may start: 1 a number, 2 a counted noun, 0 neither (cached)."""
    if word_info(k)[0]:
        return 1
    return 2 if is_unit_start(k) else 0


@functools.lru_cache(maxsize=65536)
def is_unit_start(k: str) -> bool:
    """Whether a word key can start a counted noun (bare, definite, dual or with a pronoun)."""
    index = _unit_index()
    b = bare(k)
    if b in index or k in dual_index() or (k.endswith("ين") and b[:-2] in index):
        return True
    return any(b.endswith(p) and b[:-len(p)] in index for p in _PRONOUNS)


@functools.lru_cache(maxsize=1)
def dual_index() -> dict[str, CountedNoun]:
    """Dual forms of one-word counted nouns (شخصين، جثتين، دولتان) that no plural shares."""
    index = _unit_index()
    duals: dict[str, CountedNoun] = {}
    for entries in index.values():
        for rest, unit in entries:
            if rest or not unit.singular or unit.category in ("time", "currency"):
                continue
            k = bare(key(unit.lemma))
            stem = k[:-1] + "ت" if k.endswith("ه") else k
            for d in (stem + "ين", stem + "ان"):
                if d not in index:
                    duals[d] = unit
    return duals


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, list[tuple[tuple[str, ...], str]]],
                     dict[str, list[tuple[tuple[str, ...], str]]]]:
    """(before-cues keyed by their LAST word, after-cues keyed by their FIRST word)."""
    before: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    after: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in _data_lines("units_approx.tsv"):
        if len(row) < 3:
            continue
        ks = tuple(t.key for t in tokens(row[0]))
        if row[1].strip() == "before":
            before.setdefault(ks[-1], []).append((ks, row[2].strip()))
        else:
            after.setdefault(ks[0], []).append((ks, row[2].strip()))
    for table in (before, after):
        for entries in table.values():
            entries.sort(key=lambda e: -len(e[0]))
    return before, after


MONTHS = frozenset(key(w) for w in (
    "يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر "
    "نوفمبر ديسمبر جانفي فيفري أفريل ماي جوان جويلية أوت كانون شباط آذار نيسان أيار حزيران "
    "تموز آب أيلول تشرين محرم ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة الشهر "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec janvier février mars avril mai juin "
    "juillet août septembre octobre novembre décembre"
).split())
TIME_AFTER = frozenset(key(w) for w in "صباحا مساء ظهرا فجرا GMT ص هـ".split())
TIME_BEFORE = frozenset(key(w) for w in "الساعة GMT".split())
ID_NOUNS = frozenset(key(w) for w in (
    "رقم المادة البند الفقرة القرار الفصل الصفحة الآية الطريق الجزء الموسم النسخة الدورة "
    "الطراز طراز نسخة الرقم الكيلو العدد"
).split())
_YEAR_NOUNS = frozenset(key(w) for w in "عام العام لعام سنة السنة منذ ربيع صيف خريف شتاء".split())
NOT_UNITS = frozenset(key(w) for w in (
    "من في على إلى الى عن مع منذ حتى أو او ثم بعد قبل خلال عند لدى الذي التي الذين اللذين ما "
    "لا لم لن قد إن أن ان هذا هذه ذلك تلك كل بين نحو فقط فيما حيث وفق حسب بحسب كما لكن بل أي "
    "أيضا هو هي هم هن نحن أنا مقابل ضد عبر دون سوى غير إلا الا و ف ب ل ك يوم أمس اليوم مرة "
    "فإن وإن وأن بأن كان كانت يكون تكون وقد لقد منهم منها منه فيها فيه فيهم عليها عليه عليهم "
    "لهم لها له عنهم عنها عنه بها به بهم إليها إليه إليهم معهم معها معه"
).split())
PERCENT_WORDS = frozenset(key(w) for w in "المئة المائة المية بالمئة بالمائة بالمية".split())
SCALE_NOUN_AFTER_MIN = frozenset(key(w) for w in "من".split())
CURRENCY_SYMBOLS = {"$": ("دولار", "USD"), "€": ("يورو", "EUR"), "£": ("جنيه إسترليني", "GBP")}
SENT_END = frozenset(".!?؟؛\n")
RANGE_TO = frozenset(key(w) for w in "إلى الى حتى".split())


def unit_at(toks: Sequence[Token], j: int, *, pronouns: bool = False
             ) -> tuple[CountedNoun, int] | None:
    """Match a counted noun or unit starting at token ``j``; return it and the end index."""
    if j >= len(toks) or toks[j].kind not in (ARABIC, LATIN):
        return None
    index = _unit_index()
    k0 = bare(toks[j].key)
    cands = [k0]
    if pronouns:
        for p in _PRONOUNS:
            if k0.endswith(p) and len(k0) - len(p) >= 2:
                stem = k0[: -len(p)]
                cands.append(stem)
                if stem.endswith("ت"):
                    cands.append(stem[:-1] + "ه")
                break
    for k in cands:
        for rest, unit in index.get(k, ()):
            end = j + 1 + len(rest)
            if end > len(toks):
                continue
            if all(bare(toks[j + 1 + n].key) == r for n, r in enumerate(rest)):
                return unit, end
    return None


_RATES = {key(w): v for w, v in (("الساعة", "ساعة"), ("الثانية", "ثانية"), ("الدقيقة", "دقيقة"),
                                  ("اليوم", "يوم"), ("الأسبوع", "أسبوع"), ("الشهر", "شهر"),
                                  ("السنة", "سنة"), ("العام", "عام"))}
_RATE_WORDS = {key(w): v for w, v in (("يوميا", "يوم"), ("أسبوعيا", "أسبوع"), ("شهريا", "شهر"),
                                      ("سنويا", "سنة"), ("بالساعة", "ساعة"),
                                      ("بالثانية", "ثانية"))}


def rate_at(toks: Sequence[Token], j: int) -> tuple[str, int] | None:
    """A rate after a unit (في الساعة، في الثانية، يومياً): (per-unit lemma, end index)."""
    if j < len(toks) and toks[j].key in _RATE_WORDS:
        return _RATE_WORDS[toks[j].key], j + 1
    if j + 1 < len(toks) and toks[j].key == "في" and toks[j + 1].key in _RATES:
        return _RATES[toks[j + 1].key], j + 2
    return None


def cue_before(toks: Sequence[Token], i: int) -> tuple[str, int] | None:
    """An approximation cue ending just before token ``i``: (approx, cue start offset)."""
    if i == 0:
        return None
    before, _ = _cues()
    last = toks[i - 1].key
    for ks, approx in before.get(last, ()):
        n = len(ks)
        s = i - n
        if s < 0:
            continue
        first = toks[s].key
        clitic = int(n > 1 and first != ks[0] and len(first) > 1 and first[0] in "وبلفك"
                     and first[1:] == ks[0])
        if (first == ks[0] or clitic) and all(toks[s + m].key == ks[m] for m in range(1, n - 1)):
            return approx, toks[s].start + clitic
    # one-word cues carrying a clitic: بنحو، وقرابة
    if len(last) > 2 and last[0] in "وبلفك":
        for ks, approx in before.get(last[1:], ()):
            if len(ks) == 1:
                return approx, toks[i - 1].start + 1
    return None


def cue_after(toks: Sequence[Token], j: int) -> tuple[str, int] | None:
    """An approximation cue starting at token ``j``: (approx, end index)."""
    if j >= len(toks):
        return None
    _, after = _cues()
    for ks, approx in after.get(toks[j].key, ()):
        end = j + len(ks)
        if end <= len(toks) and all(toks[j + m].key == ks[m] for m in range(len(ks))):
            return approx, end
    return None


def singular_guess(raw: str) -> str:
    """A light singular of an unknown counted noun (سيارات → سيارة، مقاتلين → مقاتل)."""
    w = raw.translate(_DELETE_MAP)
    for p in ("ال", "لل"):
        if w.startswith(p) and len(w) > len(p) + 2:
            w = w[len(p):]
            break
    if w.endswith("ات") and len(w) > 4:
        return w[:-2] + "ة"
    if w.endswith(("ين", "ون")) and len(w) > 5:
        return w[:-2]
    if w.endswith("ا") and len(w) >= 3 and w[-2] not in "اى":
        return w[:-1]
    return w


class _RawView(Sequence[str]):
    """The original words of a token list, sliced on demand (numbers.py keys them itself)."""

    __slots__ = ("_text", "_toks")

    def __init__(self, text: str, toks: Sequence[Token]) -> None:
        self._text = text
        self._toks = toks

    def __len__(self) -> int:
        return len(self._toks)

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        t = self._toks[i]
        return t.key if t.kind == DIGIT else self._text[t.start:t.end]


SCALE_KEYS = frozenset(key(w) for w in "ألف آلاف مليون ملايين مليار مليارات بليون".split())
_LATIN_SCALES = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
                 "trillion": 10**12, "mn": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000,
                 "millions": 1_000_000, "milliard": 1_000_000_000, "milliards": 1_000_000_000,
                 "mille": 1000}

# Teen heads that only count with عشر after them (أحد عشر), which a one-word test misses.
_TEEN_HEADS = frozenset(key(w) for w in "أحد إحدى اثنا اثني اثنتا اثنتي".split())

# Vague counts: "آلاف المقاتلين" is a quantity without an exact value.
_VAGUE_VALUES = {key(w): v for w, v in (("عشرات", 10), ("مئات", 100), ("آلاف", 1000),
                                        ("الآف", 1000), ("آلاف", 1000), ("ألوف", 1000),
                                        ("الآلاف", 1000), ("ملايين", 1_000_000),
                                        ("مليارات", 1_000_000_000))}


@functools.lru_cache(maxsize=65536)
def word_info(k: str) -> tuple[bool, int, int]:
    """(may start a number, proclitic length, vague value or 0) for a word key, cached."""
    word = k.replace("ء", "ئ")  # numbers.py keys keep ئ (مئة): undo that one fold
    if k in _TEEN_HEADS:
        return True, 0, 0
    for cut in (0, 1, 2, 3):  # آلاف، والآف، الآلاف، والآلاف
        vk = k[cut:]
        if vk in _VAGUE_VALUES and (cut == 0 or k[:cut] in ("و", "ب", "ل", "ال", "وال", "بال")):
            return True, cut if cut in (1, 3) else 0, _VAGUE_VALUES[vk]
    parsed = numbers.parse_number_words((word,), 0, ordinals=False)
    if parsed is None:
        return False, 0, 0
    prefix = 0
    if k[:1] in "وبلكف" and numbers.parse_number_words((word[1:],), 0, ordinals=False) \
            is not None and k[1:] != "":
        prefix = 1
    return True, prefix, 0


def parse_words(text: str, toks: Sequence[Token], i: int
                 ) -> tuple[int | float, int, bool, int] | None:
    """A number in words at token ``i``: (value, end index, vague, proclitic length)."""
    t = toks[i]
    ok, prefix, vague = word_info(t.key)
    if not ok:
        return _definite_number(text, toks, i)
    if vague:
        value = vague
        j = i + 1
        if prefix == 3:
            prefix = 1  # والآلاف: keep the article in the span, drop the و
        if j < len(toks):
            nk = bare(toks[j].key)
            nv = _VAGUE_VALUES.get(nk, 0)
            if nv >= 1000:  # عشرات الآلاف
                value *= nv
                j += 1
        return value, j, True, prefix
    view = _RawView(text, toks)
    parsed = numbers.parse_number_words(view, i, ordinals=False)
    if parsed is None or parsed.value < 1:
        return None  # a fraction alone (ثلث السكان) is a proportion, not a count
    return parsed.value, i + parsed.n_tokens, False, prefix


def _definite_number(text: str, toks: Sequence[Token], i: int
                     ) -> tuple[int | float, int, bool, int] | None:
    """"الثلاثة مليارات" (the three billion): a definite number word before a multiplier."""
    t = toks[i]
    if not t.key.startswith("ال") or i + 1 >= len(toks) or toks[i + 1].kind != ARABIC:
        return None
    words = [text[t.start + 2:t.end], *(text[x.start:x.end] for x in toks[i + 1:i + 4])]
    parsed = numbers.parse_number_words(words, 0, ordinals=False)
    if parsed is None or parsed.n_tokens < 2:
        return None
    return parsed.value, i + parsed.n_tokens, False, 0


def scale_after(text: str, toks: Sequence[Token], i: int) -> tuple[int | float, int] | None:
    """Digits at ``i`` with their multipliers (14 ألف، 2.5 مليون): (value, end index)."""
    parsed = numbers.parse_number_words(_RawView(text, toks), i, ordinals=False)
    if parsed is None:
        return None
    value, j = parsed.value, i + parsed.n_tokens
    if j < len(toks) and toks[j].kind == LATIN and toks[j].key in _LATIN_SCALES:
        value = value * _LATIN_SCALES[toks[j].key]  # "$150 million", "2,4 milliards"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        j += 1
    return value, j


def ordinal_words(text: str, toks: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Ordinal in words at token ``i`` (الثالث، الحادي عشر، الثامن والستين): (value, end)."""
    parsed = numbers.parse_number_words(_RawView(text, toks), i, ordinals=True)
    if parsed is None or not parsed.ordinal:
        return None
    return int(parsed.value), i + parsed.n_tokens
