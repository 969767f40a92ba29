"""Small text and source helpers shared by the story products (facts, framing, comparison).

* Folded tokens with clitic variants, for matching words of data tables (cue words, lexicon
  terms) in an article's original text: :func:`word_variants`, :func:`cue_near`.
* Context features of a span (stems of the content words around it), used to tell apart two
  numbers of the same unit that count different things: :func:`context_terms`.
* Sources: which articles of an event are reprints or copies of which (wire reprints count once):
  :func:`reprint_links`, :func:`independent_keys`.
* Similarity of small bags of terms: :func:`idf_weights`, :func:`cosine`, :func:`containment`
  (quotes: :func:`quote_key`).
* Display: :func:`format_number`, :func:`snippet`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from marsad.arabic.sentences import split_sentences
from marsad.enrich.quantities import ARABIC, Token, tokens
from marsad.model import Article, Span
from marsad.stories.summarize import normalized_words, stem_words, stop_words

__all__ = [
    "PROCLITICS",
    "article_sentences",
    "containment",
    "context_terms",
    "cosine",
    "cue_near",
    "format_number",
    "idf_weights",
    "independent_keys",
    "quote_key",
    "reprint_links",
    "sentence_of",
    "snippet",
    "token_index",
    "word_variants",
]

PROCLITICS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
"""Folded one- and two-letter proclitics stripped when matching a word (longest first)."""

_DEFINITE = "ال"
_WS = re.compile(r"\s+")


# ---------------------------------------------------------------------------------------------
# Folded words
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def word_variants(word_key: str) -> tuple[str, ...]:
    """Readings of a folded word with its proclitics and definite article removed.

    ``وبالاحتلال`` gives ``وبالاحتلال``, ``بالاحتلال``, ``الاحتلال``, ``احتلال``; ``للاحتلال``
    gives ``الاحتلال`` too (ل + ال is written لل). The word itself comes first; each reading
    keeps at least two letters.

    Args:
        word_key: A folded word (:func:`marsad.enrich.quantities.key`).

    Returns:
        Distinct readings, the unstripped word first.
    """
    out: list[str] = [word_key]
    bases = [word_key]
    for p in PROCLITICS:
        if word_key.startswith(p) and len(word_key) - len(p) >= 2:
            bases.append(word_key[len(p):])
            if p.endswith("ل") and word_key[len(p):].startswith("ل"):
                bases.append("ا" + word_key[len(p):])  # لل + noun = ل + ال + noun
    for base in bases:
        if base not in out:
            out.append(base)
        if base.startswith(_DEFINITE) and len(base) > 3 and base[2:] not in out:
            out.append(base[2:])
    if word_key.startswith("لل") and len(word_key) > 3:
        for extra in ("ال" + word_key[2:], word_key[2:]):
            if extra not in out:
                out.append(extra)
    return tuple(out)


def token_index(toks: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """Indices ``[i, j)`` of the tokens overlapping the character range ``[start, end)``."""
    i = 0
    while i < len(toks) and toks[i].end <= start:
        i += 1
    j = i
    while j < len(toks) and toks[j].start < end:
        j += 1
    return i, j


def cue_near(text: str, start: int, end: int, cues: Mapping[str, Any], *,
             before: int = 4, after: int = 4, clause: bool = True) -> tuple[Any, int] | None:
    """The value of the nearest cue word around a span, within its sentence.

    Looks ``before``/``after`` words around ``text[start:end]`` first; with ``clause`` it then
    looks further back to the start of the sentence. Punctuation ending a sentence stops the
    search.

    Args:
        text: The original text.
        start, end: The span (a quantity).
        cues: Folded cue word -> value (a role, a label ...).
        before, after: Window in words.
        clause: Also search back to the start of the sentence when the window has no cue.

    Returns:
        ``(value, distance in words)`` of the nearest cue, or None.
    """
    toks = tokens(text)
    i, j = token_index(toks, start, end)
    best: tuple[Any, int] | None = None

    def scan(rng: Iterable[int], base: int) -> None:
        nonlocal best
        for k in rng:
            t = toks[k]
            if t.key in ".!?؟\n":
                return
            if t.kind != ARABIC and not t.key.isalpha():
                continue
            dist = abs(k - base)
            if best is not None and dist >= best[1]:
                return
            for variant in word_variants(t.key if t.kind == ARABIC else t.key.lower()):
                if variant in cues:
                    best = (cues[variant], dist)
                    return

    scan(range(i - 1, max(-1, i - 1 - before), -1), i - 1)
    scan(range(j, min(len(toks), j + after)), j)
    if best is None and clause:
        scan(range(i - 1 - before, max(-1, i - 60), -1), i - 1)
    return best


# ---------------------------------------------------------------------------------------------
# Sentences and context
# ---------------------------------------------------------------------------------------------


def article_sentences(article: Article) -> list[tuple[int, int]]:
    """Sentence offsets of an article: the language stage's spans, or split here."""
    n = len(article.text)
    spans = [(s.start, s.end) for s in article.sentences if 0 <= s.start < s.end <= n]
    if not spans:
        spans = [(s.start, s.end) for s in split_sentences(article.text)]
    return spans


def sentence_of(sentences: Sequence[tuple[int, int]], start: int, end: int,
                text_len: int) -> tuple[int, int]:
    """The sentence containing ``[start, end)`` (the whole text when none does)."""
    for s, e in sentences:
        if s <= start < e:
            return s, max(e, end)
    return 0, text_len


def context_terms(article: Article, span: Span | tuple[int, int], *, before: int = 8,
                  after: int = 5, sentences: Sequence[tuple[int, int]] | None = None
                  ) -> list[str]:
    """Stems of the content words around a span, inside its sentence.

    Digits and stop words are dropped; names keep their spelling (entity words stay unstemmed).

    Args:
        article: The article.
        span: The span (or ``(start, end)``).
        before, after: Words to take on each side.
        sentences: The article's sentence offsets (computed when omitted).
    """
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    sents = sentences if sentences is not None else article_sentences(article)
    s, e = sentence_of(sents, start, end, len(article.text))
    left = normalized_words(article.text[s:start])[-before:]
    right = normalized_words(article.text[end:e])[:after]
    stop = stop_words()
    words = [w for w in (*left, *right) if w not in stop and len(w) > 1 and not w.isdigit()]
    names = {w for ent in article.entities for w in normalized_words(ent.text)}
    return stem_words(words, language=article.language, keep=names)


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
    """A one-line excerpt around ``text[start:end]`` (about ``width`` characters each side)."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    a = text.rfind(" ", 0, a + 1) + 1 if a > 0 else 0
    b_space = text.find(" ", b)
    b = b_space if 0 <= b_space < b + 15 else b
    out = _WS.sub(" ", text[a:b]).strip()
    return ("…" if a > 0 else "") + out + ("…" if b < len(text) else "")


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------


def reprint_links(articles: Sequence[Article], links: Iterable[Mapping[str, Any]] | None = None
                  ) -> dict[str, dict[str, Any]]:
    """Which articles repeat which: ``{article: {"original", "kind", "overlap"}}``.

    Uses the store's duplicate links when given (``{article, original, kind, overlap}`` from
    :meth:`marsad.store.Store.all_links`); otherwise runs the clusterer's
    :class:`~marsad.cluster.dedup.DuplicateIndex` over the event's articles (exact copies,
    near-duplicates and credited wire reprints). Links to articles outside the event are kept
    (the original is then not in ``articles``).
    """
    ids = {a.id for a in articles}
    if links is not None:
        return {str(l["article"]): {"original": l["original"], "kind": l.get("kind", "reprint"),
                                    "overlap": l.get("overlap")}
                for l in links if l.get("article") in ids}
    if len(articles) < 2:
        return {}
    from marsad.cluster.dedup import DuplicateIndex

    index = DuplicateIndex().partial_fit(articles)
    return {l["article"]: {"original": l["original"], "kind": l["kind"], "overlap": l["overlap"]}
            for l in index.links_}


def independent_keys(articles: Sequence[Article], reprints: Mapping[str, Mapping[str, Any]]
                     ) -> dict[str, str]:
    """Article id -> the key of its independent source.

    A reprint counts as its original's outlet and two articles of one outlet count once, so
    counting distinct keys counts independent outlets.
    """
    by_id = {a.id: a for a in articles}
    out: dict[str, str] = {}
    for a in articles:
        root = a
        seen = {a.id}
        while root.id in reprints and reprints[root.id]["original"] in by_id \
                and reprints[root.id]["original"] not in seen:
            root = by_id[reprints[root.id]["original"]]
            seen.add(root.id)
        if a.id in reprints and reprints[a.id]["original"] not in by_id:
            out[a.id] = f"article:{reprints[a.id]['original']}"
            continue
        out[a.id] = root.outlet or f"article:{root.id}"
    return out


# ---------------------------------------------------------------------------------------------
# Display
# ---------------------------------------------------------------------------------------------

_SCALES = ((1e9, "مليار", "مليارات"), (1e6, "مليون", "ملايين"), (1e3, "ألف", "آلاف"))
_APPROX_WORDS = {"more_than": "أكثر من", "less_than": "أقل من", "about": "نحو",
                 "at_least": "على الأقل", "at_most": "على الأكثر"}


def _plain(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_number(value: float | int | None, *, approx: str | None = None,
                  high: float | int | None = None, unit: str | None = None,
                  ordinal: bool = False, percent: bool = False) -> str:
    """Arabic display of a quantity: ``79 دولة``، ``نحو 265 ألف لاجئ``، ``2.4 مليار يورو``.

    Args:
        value: The number (``None`` gives an empty string).
        approx: Approximation (``more_than``, ``about``, ``range`` ...).
        high: Upper bound of a range.
        unit: The counted noun or currency, appended as written.
        ordinal: Rank rather than count (``العضو الـ68``).
        percent: A percentage.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""

    def num(v: float) -> str:
        for scale, word, plural in _SCALES:
            if abs(v) >= scale and (v / scale) * 100 == int((v / scale) * 100):
                n = v / scale
                return f"{_plain(n)} {plural if n in (3, 4, 5, 6, 7, 8, 9, 10) else word}"
        return _plain(v)

    if ordinal:
        return f"{unit or ''} الـ{_plain(value)}".strip()
    text = num(value)
    if approx == "range" and high is not None:
        text = f"بين {num(value)} و{num(high)}"
    elif approx == "at_least" or approx == "at_most":
        text = f"{text} {_APPROX_WORDS[approx]}"
    elif approx in _APPROX_WORDS:
        text = f"{_APPROX_WORDS[approx]} {text}"
    if percent:
        return f"{text}%"
    return f"{text} {unit}".strip() if unit else text


def idf_weights(docs: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed IDF of the terms of a few small documents (contexts of numbers, chains)."""
    sets = [set(d) for d in docs]
    df = Counter(t for d in sets for t in d)
    n = len(sets)
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def cosine(a: Counter[str], b: Counter[str], idf: Mapping[str, float]) -> float:
    """IDF-weighted cosine of two bags of terms (counts capped at 3: repeats add little)."""
    if not a or not b:
        return 0.0
    dot = sum(min(a[t], 3) * min(b[t], 3) * idf.get(t, 1.0) ** 2 for t in a.keys() & b.keys())
    na = math.sqrt(sum((min(c, 3) * idf.get(t, 1.0)) ** 2 for t, c in a.items()))
    nb = math.sqrt(sum((min(c, 3) * idf.get(t, 1.0)) ** 2 for t, c in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def quote_key(text: str) -> list[str]:
    """Normalized word tokens of a quote, for merging the same quote across outlets."""
    return [w for w in normalized_words(text) if len(w) > 1]


def containment(a: Sequence[str], b: Sequence[str]) -> float:
    """Share of the distinct words of the shorter sequence found in the other (0..1)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & large) / len(small)
