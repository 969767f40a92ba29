"""Token features for the CRF named-entity tagger, built for speed and for Arabic.

The CRF sees each token through short feature strings: its normalized form (``w=``), the form
with a leading clitic group (و، ف، ب، ل، ك، ال and their combinations) stripped (``b=``, and
the clitic itself ``cl=``), a pronoun suffix split (``st=``/``sf=``), character prefixes and
suffixes of the base (``p1..p4``, ``s1..s4``), its Arabic template shape (``pat=``, which tells
transliterated foreign names from native words), a coarse script shape and length, gazetteer
membership (``g=``: titles and trigger words, nisba adjectives, words seen inside entities of
the training data), outside lexicons (:mod:`marsad.enrich.ner_lexicons`: the word's and its
base's frequency class ``fq=``/``fqb=`` from wordfreq, and name-list classes ``x=``), the
distance to a title word on the left and what stands between (``tl=``/``tlc=``: الرئيس
اللبناني إميل لحود), word bigrams, and a subset of all that for the neighbours two tokens to
each side.

Speed comes from computing everything that depends on a single word once per word *type*
(:meth:`WordFeaturizer.word`, an :func:`functools.lru_cache`), already prefixed for every
window position; only :meth:`WordFeaturizer.positions` (bigrams, sentence edges, title
distance) depends on the sentence. Training joins both into string lists for python-crfsuite
(:meth:`WordFeaturizer.sequence`); tagging sums the model's weights per word type instead
(:class:`marsad.enrich.ner_decode.CrfScorer`).

The normalization and clitic stripping here are deliberately private and frozen: the shipped
model was trained on exactly these strings, so changing them silently would degrade it. Change
them only together with :data:`FEATURE_VERSION` and a retrained model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from marsad.enrich.gazetteer import Gazetteers, load_gazetteers
from marsad.enrich.ner_lexicons import external_classes, zipf_bucket

FEATURE_VERSION = 3
"""Version of the feature strings, recorded in the model's JSON; loading a model trained with
another version fails with a message to retrain (bump it whenever a feature changes)."""

# Diacritics (harakat, shadda, sukun, dagger alef), tatweel and the bidi marks that ANERcorp and
# web pages sprinkle inside words.
_STRIP_CHARS = re.compile("[\u064b-\u0652\u0670\u0640\u200c-\u200f\u202a-\u202e\ufeff]")
_CHAR_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # alef with hamza/madda/wasla -> bare alef
    "ى": "ي",  # alef maqsura: ANERcorp and Egyptian outlets write final ي for ى and vice versa
    "ة": "ه",  # teh marbuta is written as heh by many outlets
    "ک": "ك", "ی": "ي", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج",  # Persian letters in names
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
})

# Leading clitics, longest first; the base must keep at least _MIN_BASE letters.
_PREFIXES: tuple[str, ...] = (
    "وبال", "فبال", "وكال", "فكال", "وللـ", "ولل", "فلل",
    "وال", "فال", "بال", "كال", "لل",
    "ال", "وب", "ول", "وك", "فب", "فل", "فك",
    "و", "ف", "ب", "ل", "ك",
)
_MIN_BASE = 2
_SUFFIXES: tuple[str, ...] = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه", "ك", "ي")

_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")
_PUNCT = re.compile(r"^[^\w]+$")

_NONE: frozenset[str] = frozenset()

SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
"""Tokens after which a new sequence starts (ANERcorp has no sentence breaks)."""


@lru_cache(maxsize=262_144)
def norm_word(word: str) -> str:
    """Normalize one word for features: drop marks, unify alef/yeh/teh marbuta and digits.

    Cached: the same words recur across a stream of articles.

    Args:
        word: A token as written.

    Returns:
        The normalized token (may be empty when the token was only marks).
    """
    return _STRIP_CHARS.sub("", word).translate(_CHAR_MAP)


def split_prefix(nword: str) -> tuple[str, str]:
    """Split a normalized word into a leading clitic group and its base.

    ``ال`` counts as a prefix here: for features, ``والعراق`` and ``العراق`` and ``عراق`` should
    share a base. Words shorter than the prefix plus two letters are left whole.

    Args:
        nword: A word already passed through :func:`norm_word`.

    Returns:
        ``(prefix, base)``; ``prefix`` is ``""`` when nothing was stripped.
    """
    for p in _PREFIXES:
        if nword.startswith(p) and len(nword) - len(p) >= _MIN_BASE + (1 if p[-1] == "ل" else 0):
            return p, nword[len(p):]
    return "", nword


def split_suffix(base: str) -> tuple[str, str]:
    """Split a trailing pronoun clitic off a base (for features only: names keep theirs)."""
    for s in _SUFFIXES:
        if base.endswith(s) and len(base) - len(s) >= 3:
            return base[: -len(s)], s
    return base, ""


def shape(word: str) -> str:
    """A coarse shape class: ``ar``, ``lat``, ``num``, ``punct``, ``mix`` or ``other``."""
    if not word:
        return "empty"
    has_ar = bool(_ARABIC.search(word))
    has_lat = bool(_LATIN.search(word))
    has_dig = bool(_DIGIT.search(word))
    if _PUNCT.match(word):
        return "punct"
    if has_ar and not (has_lat or has_dig):
        return "ar"
    if has_lat and not (has_ar or has_dig):
        return "lat"
    if has_dig and not (has_ar or has_lat):
        return "num"
    return "mix"


_PATTERN_KEEP = frozenset("اويتمنسهل")


def pattern(base: str) -> str:
    """Arabic template shape: affix letters kept, other letters as ``C`` (مستشفى → مستCCي).

    Native words follow templates over a root; transliterated foreign names mostly do not, so
    the shape helps with names never seen in training. Non-letters map to ``9`` (digits) or stay.
    """
    out = []
    for ch in base[:10]:
        if ch in _PATTERN_KEEP:
            out.append(ch)
        elif "\u0621" <= ch <= "\u064a":
            out.append("C")
        elif ch.isdigit():
            out.append("9")
        else:
            out.append("x")
    return "".join(out)


def _length_class(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "4-5" if n <= 5 else "6+"


def _gaz_tags(nword: str, base: str, gaz: Gazetteers) -> tuple[str, ...]:
    """Gazetteer classes of a word: by its full form and by its clitic-stripped base."""
    tags: list[str] = []
    for key in (nword, base) if base != nword else (nword,):
        for cls in gaz.word_classes(key):
            if cls not in tags:
                tags.append(cls)
    return tuple(tags)


class WordFeaturizer:
    """Per-word-type feature tuples, cached, for one set of gazetteers.

    Args:
        gazetteers: The lists used for membership features; ``None`` loads the shipped ones.
        cache_size: How many distinct word types to keep (the cache is per featurizer).
        allowed: When given, only these feature strings are emitted: the attributes a trained
            model knows. Others would be looked up and ignored by CRFsuite anyway; dropping
            them here (once per word type) makes tagging about a third faster.
    """

    def __init__(self, gazetteers: Gazetteers | None = None, cache_size: int = 200_000,
                 allowed: frozenset[str] | None = None) -> None:
        self.gazetteers = gazetteers
        self.cache_size = cache_size
        self.allowed = allowed
        self._gaz = gazetteers if gazetteers is not None else load_gazetteers()
        self.word = lru_cache(maxsize=cache_size)(self._word)

    @property
    def allowed(self) -> frozenset[str] | None:
        """The attributes to emit (``None``: all); see the class docstring."""
        return self._allowed

    @allowed.setter
    def allowed(self, value: frozenset[str] | None) -> None:
        self._allowed = value
        # known word bigrams as first base -> second bases: most pairs of a text are unknown,
        # and this answers without building their strings
        pairs: dict[str, dict[str, set[str]]] = {"bg-=": {}, "bg+=": {}}
        for attr in value or ():
            head = attr[:4]
            if head in pairs:
                a, _, b = attr[4:].partition("|")
                pairs[head].setdefault(a, set()).add(b)
        self._bigrams = {k: {a: frozenset(b) for a, b in v.items()} for k, v in pairs.items()}

    def _word(self, word: str) -> tuple[tuple[str, ...], ...]:
        """Feature tuples of one word for positions 0, -1, +1, -2, +2, then ``(base, title
        flag)`` and the normalized word."""
        n = norm_word(word) or word
        prefix, base = split_prefix(n)
        stem, suffix = split_suffix(base)
        sh = shape(n)
        gaz = _gaz_tags(n, base, self._gaz)
        pat = pattern(base)
        own = [
            "sh=" + sh,
            "len=" + _length_class(len(base)),
            "p1=" + base[:1], "p2=" + base[:2], "p3=" + base[:3], "p4=" + base[:4],
            "s1=" + base[-1:], "s2=" + base[-2:], "s3=" + base[-3:], "s4=" + base[-4:],
            "cl=" + prefix,
            "pat=" + pat,
            "w=" + n,
            "b=" + base,
        ]
        if stem != base:
            own.extend(("st=" + stem, "sf=" + suffix))
        if n != word:
            own.append("raw=" + word)
        own.extend("g=" + g for g in gaz)
        near = ["w=" + n, "b=" + base, "cl=" + prefix, "sh=" + sh, "s2=" + base[-2:],
                "pat=" + pat]
        near.extend("g=" + g for g in gaz)
        far = ["b=" + base]
        far.extend("g=" + g for g in gaz)
        # outside lexicons: how common the word and its base are (wordfreq), and name lists
        z = zipf_bucket(n)
        zb = zipf_bucket(base) if base != n else z
        if prefix and not prefix.endswith("ال"):
            zb = max(zb, zipf_bucket("ال" + base))  # وبريطانيا -> بريطانيا, لطالبان -> الطالبان
        ext = external_classes(n)
        if base != n:
            ext = tuple(sorted(set(ext) | set(external_classes(base))))
        own.extend(("fq=" + str(z), "fqb=" + str(zb)))
        own.extend("x=" + x for x in ext)
        near.append("fq=" + str(z))
        near.extend("x=" + x for x in ext)
        kind = "T" if "PER_TITLE" in gaz else "N" if "NISBA" in gaz else "o"
        parts = (
            tuple(own),
            tuple("-1" + f for f in near),
            tuple("+1" + f for f in near),
            tuple("-2" + f for f in far),
            tuple("+2" + f for f in far),
        )
        if self.allowed is not None:
            keep = self.allowed
            parts = tuple(tuple(f for f in part if f in keep) for part in parts)
        return (*parts, (base, kind), n)

    def positions(self, feats: Sequence[tuple[tuple[str, ...], ...]]) -> list[list[str]]:
        """Attributes of each position that do not come from one word alone.

        Sentence edges (``BOS``/``EOS``, and ``BOS2``/``EOS2`` one position in), the word
        bigrams with each neighbour (``bg-=``/``bg+=``, bases) and the distance to a title word
        on the left with what stands between (``tl=``/``tlc=``).

        Args:
            feats: :meth:`word` of each token of the sequence.
        """
        n = len(feats)
        keep = self.allowed
        minus, plus = self._bigrams["bg-="], self._bigrams["bg+="]
        out: list[list[str]] = []
        last_title = -99
        for i, f in enumerate(feats):
            row: list[str] = []
            dist = i - last_title
            if dist <= 4:
                # how far back the title is and what stands between (الرئيس اللبناني X: "N")
                row.append("tl=" + str(dist))
                row.append("tlc=" + "".join(feats[k][5][1] for k in range(last_title + 1, i)))
            if f[5][1] == "T":
                last_title = i
            base = f[5][0]
            if i > 0:
                prev = feats[i - 1][5][0]
                if keep is None or base in minus.get(prev, _NONE):
                    row.append("bg-=" + prev + "|" + base)
                if i == 1:
                    row.append("BOS2")
            else:
                row.append("BOS")
            if i + 1 < n:
                nxt = feats[i + 1][5][0]
                if keep is None or nxt in plus.get(base, _NONE):
                    row.append("bg+=" + base + "|" + nxt)
                if i + 2 >= n:
                    row.append("EOS2")
            else:
                row.append("EOS")
            out.append(row)
        return out

    def sequence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists for one sequence (a sentence) of tokens (for training).

        A token's list is its own word attributes, its neighbours' (:meth:`word` parts -1, +1,
        -2, +2) and :meth:`positions`; :class:`~marsad.enrich.ner_decode.CrfScorer` computes
        the same sum from the parts without building the lists.

        Args:
            tokens: Token strings as written.

        Returns:
            One list of feature strings per token, ready for python-crfsuite.
        """
        feats = [self.word(t) for t in tokens]
        n = len(feats)
        out: list[list[str]] = []
        for i, row in enumerate(self.positions(feats)):
            row.extend(feats[i][0])
            if i > 0:
                row.extend(feats[i - 1][1])
            if i > 1:
                row.extend(feats[i - 2][3])
            if i + 1 < n:
                row.extend(feats[i + 1][2])
            if i + 2 < n:
                row.extend(feats[i + 2][4])
            out.append(row)
        return out


def split_sequences(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Cut a token stream into sentence-like sequences at sentence-final punctuation.

    Args:
        tokens: Token strings.

    Returns:
        ``(start, end)`` index pairs covering ``tokens`` in order; the final punctuation stays
        with the sequence it ends.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate(tokens):
        if tok in SENTENCE_END:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        bounds.append((start, len(tokens)))
    return bounds
