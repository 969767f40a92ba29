"""Extractive summaries of one article (:func:`summarize_text`) and of an event.

:func:`summarize_event` writes the cited multi-source summary of an event's articles.

Both rank sentences the same way, on stems of content words (stop words removed, numbers and
linked entities kept as features):

* **centrality**: continuous LexRank (PageRank over the TF-IDF cosine graph of the sentences)
  plus the cosine to the centroid of the document or event;
* **position**: news puts the gist first, so early sentences get a prior;
* **coverage** (events only): how many of the event's outlets carry the same information;
* **length**: very short sentences (captions, datelines) and very long ones are damped;
* **redundancy**: maximal marginal relevance (MMR) picks sentences one by one, trading score
  against similarity to what is already picked; near-copies are never picked twice.

An event summary cites, for every sentence, *all* articles that carry the same information (not
only the one the sentence was taken from): an article carries a sentence when one of its
sentences contains most of the sentence's content (IDF-weighted containment of its stems). A wire
reprint is therefore one piece of information citing every outlet that ran it, taken from the
earliest article.

Sentences, tokens, normalization and stems come from :mod:`marsad.arabic` (names found by the
entity stage are kept unstemmed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from scipy import sparse

from marsad.arabic.normalize import normalize
from marsad.arabic.sentences import split_sentences
from marsad.arabic.stem import stem_tokens
from marsad.arabic.tokenize import tokenize
from marsad.errors import ConfigError
from marsad.model import Article, Span

__all__ = [
    "DEFAULT_PARAMS",
    "EVENT_PARAMS",
    "Citation",
    "EventSummary",
    "RankedSentence",
    "SummaryParams",
    "SummarySentence",
    "normalized_words",
    "rank_sentences",
    "stem_words",
    "stop_words",
    "summarize_event",
    "summarize_text",
]

# --------------------------------------------------------------------------------------------
# Text layer (marsad.arabic)
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"^\d+$")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Normalized Arabic, English and French stop words (sumy's lists, shipped in its wheel)."""
    from sumy.utils import get_stop_words

    words: set[str] = set()
    for language in ("arabic", "english", "french"):
        for word in get_stop_words(language):
            words.update(_WORD.findall(normalize(word).lower()))
    return frozenset(words)


def normalized_words(text: str) -> list[str]:
    """The word tokens of ``text``, normalized and lowercased (punctuation dropped)."""
    words: list[str] = []
    for token in tokenize(text):
        words.extend(_WORD.findall(normalize(token.text).lower()))
    return words


def stem_words(words: Sequence[str], *, language: str | None = None,
               keep: Collection[str] = frozenset()) -> list[str]:
    """Stems of normalized words (:func:`marsad.arabic.stem.stem_tokens`).

    Args:
        words: Words from :func:`normalized_words`.
        language: ISO 639-1 code of the text (Arabic when ``None``); a language without a
            stemmer keeps its words unstemmed.
        keep: Normalized words to leave unstemmed (names: Snowball turns بومبيو into ومب).
    """
    if not words:
        return []
    try:
        return stem_tokens(list(words), keep, language=language or "ar", normalized=True)
    except ConfigError:  # no stemmer for that language: compare the words themselves
        return list(words)


# --------------------------------------------------------------------------------------------
# Sentence features and graph scores
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Unit:
    """One sentence with what the scorer needs.

    Attributes:
        span: The sentence's span in its article's original text.
        doc: Index of its article (0 for a single document).
        index: Position of the sentence in its article (0 = first).
        n_words: Number of word tokens.
        terms: Content features: stems of non-stop words, numbers, entity keys (with repeats).
    """

    span: Span
    doc: int
    index: int
    n_words: int
    terms: tuple[str, ...]


def _terms(text: str, extra: Sequence[str] = (), language: str | None = None,
           keep: Collection[str] = frozenset()) -> tuple[int, tuple[str, ...]]:
    """(word count, content features) of a sentence: stems of non-stop words, numbers, extra."""
    words = normalized_words(text)
    stop = stop_words()
    numbers = [w for w in words if _DIGITS.match(w)]
    content = [w for w in words if w not in stop and len(w) > 1 and _HAS_LETTER.search(w)]
    return len(words), (*stem_words(content, language=language, keep=keep), *numbers, *extra)


def _annotation_keys(article: Article, span: Span) -> list[str]:
    """Entity and quantity features inside a sentence, when other stages filled them."""
    keys: list[str] = []
    for prefix, spans in (("@", article.entities), ("#", article.quantities)):
        for a in spans:
            if a.start >= span.start and a.end <= span.end:
                attrs = a.attrs or {}
                value = next((attrs[k] for k in ("canonical", "entity", "id", "value", "number")
                              if attrs.get(k) not in (None, "")), None)
                if isinstance(value, float) and value.is_integer():
                    value = int(value)  # 79.0 from one extractor, 79 from another
                key = str(value) if value is not None else normalize(a.text).lower()
                keys.append(prefix + key)
    return keys


def _make_units(text: str, sentences: Sequence[Span], doc: int,
                article: Article | None = None) -> list[_Unit]:
    """Turn sentence spans into scored-ready units (empty sentences dropped)."""
    language = article.language if article is not None else None
    # Words of entity names stay unstemmed (light stemmers mangle names).
    names = {w for e in article.entities for w in normalized_words(e.text)} if article else set()
    units: list[_Unit] = []
    for span in sentences:
        if not span.text.strip():
            continue
        extra = _annotation_keys(article, span) if article is not None else []
        n_words, terms = _terms(span.text, extra, language, names)
        if n_words == 0:
            continue
        units.append(_Unit(span, doc, len(units), n_words, terms))
    return units


@dataclass(frozen=True, slots=True)
class _Features:
    """Sparse term features of a list of units.

    The vocabulary is built in first-seen order and IDF is computed over the units themselves
    (sentence-level, as LexRank does), so nothing depends on hash order.

    Attributes:
        vocab: Term -> column.
        idf: Smoothed IDF per column.
        vectors: L2-normalized sublinear TF-IDF rows (CSR).
        present: Binary term presence rows (CSR).
    """

    vocab: dict[str, int]
    idf: np.ndarray
    vectors: sparse.csr_matrix
    present: sparse.csr_matrix

    def vector(self, text: str) -> np.ndarray:
        """Dense normalized TF-IDF vector of an outside text (a title) in this vocabulary."""
        vec = np.zeros(len(self.idf))
        for term in _terms(text)[1]:
            if term in self.vocab:
                vec[self.vocab[term]] += 1
        vec = np.where(vec > 0, 1 + np.log(np.maximum(vec, 1)), 0.0) * self.idf
        norm = np.linalg.norm(vec)
        return vec / norm if norm > 0 else vec


def _featurize(units: Sequence[_Unit]) -> _Features:
    """Build the :class:`_Features` of ``units``."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, unit in enumerate(units):
        for term in unit.terms:
            rows.append(row)
            cols.append(vocab.setdefault(term, len(vocab)))
    shape = (len(units), max(len(vocab), 1))
    counts = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)  # sums repeats
    present = counts.copy()
    present.data[:] = 1.0
    df = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((1 + len(units)) / (1 + df)) + 1.0
    weights = counts.copy()
    weights.data = 1 + np.log(weights.data)
    weights = sparse.csr_matrix(weights.multiply(idf[np.newaxis, :]))
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    vectors = sparse.csr_matrix(sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ weights)
    return _Features(vocab, idf, vectors, present)


def _lexrank(similarity: np.ndarray, damping: float = 0.85) -> np.ndarray:
    """Continuous LexRank: stationary distribution of the similarity graph (self-loops off)."""
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0)
    graph = similarity.copy()
    np.fill_diagonal(graph, 0.0)
    rows = graph.sum(axis=1, keepdims=True)
    # A sentence sharing nothing with the others jumps uniformly (dangling node).
    transition = np.where(rows > 0, graph / np.where(rows > 0, rows, 1.0), 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(200):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-10:
            scores = updated
            break
        scores = updated
    return scores


def _scaled(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] by the maximum (all zeros stay zeros)."""
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else np.zeros_like(values)


# --------------------------------------------------------------------------------------------
# Parameters, ranking and MMR
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SummaryParams:
    """Weights and thresholds of the sentence scorer.

    The defaults are the single-document settings chosen on the EASC development articles only
    (``TopicN`` with N < 30, see :mod:`marsad.eval.summarize`): on EASC, position and the
    centroid carry the signal and LexRank adds nothing, so ``w_lexrank`` is 0 there.
    :data:`EVENT_PARAMS` are the multi-document settings.

    Attributes:
        w_lexrank: Weight of continuous LexRank centrality.
        w_centroid: Weight of the cosine to the document/event centroid.
        w_position: Weight of the lead prior ``1 / (1 + index) ** position_decay``.
        position_decay: How fast the lead prior falls with the sentence's position.
        w_title: Weight of the cosine to the title (single documents with a title).
        w_coverage: Weight of the share of other outlets carrying the sentence (events).
        short_words: Sentences with fewer words are damped proportionally.
        long_words: Sentences with more words are damped by ``long_words / n_words``.
        mmr_lambda: MMR trade-off; 1 ignores redundancy, 0 only avoids it.
        redundant: Cosine at or above which a candidate repeats a picked sentence and is skipped.
        min_words: Event sentences shorter than this are never picked (captions, datelines).
        cite_threshold: Share of a sentence's IDF-weighted content an article must contain
            (in one of its sentences) to be cited for it.
        cite_min_terms: Shared content features required as well, so short sentences are not
            cited on two common words.
    """

    w_lexrank: float = 0.0
    w_centroid: float = 1.0
    w_position: float = 2.0
    position_decay: float = 1.0
    w_title: float = 0.5
    w_coverage: float = 0.0
    short_words: int = 15
    long_words: int = 60
    mmr_lambda: float = 0.9
    redundant: float = 0.6
    min_words: int = 6
    cite_threshold: float = 0.5
    cite_min_terms: int = 3


DEFAULT_PARAMS = SummaryParams()
"""Single-document defaults (EASC dev)."""

MAX_SCORED_SENTENCES = 2000
"""Above this many sentences in an event, only each article's first sentences are scored."""

DUPLICATE = 0.9
"""Cosine at or above which two sentences are copies of each other (wire reprints)."""

# Several outlets repeat each other, so events trade more relevance for diversity, reward what
# many outlets carry and let cross-article centrality (LexRank) speak. Set by hand: there is no
# Arabic multi-document reference set to tune on.
EVENT_PARAMS = SummaryParams(w_lexrank=0.5, w_coverage=1.0, mmr_lambda=0.7, short_words=10)
"""Multi-document (event) defaults."""


@dataclass(frozen=True, slots=True)
class RankedSentence:
    """A sentence in the order MMR picked it.

    Attributes:
        span: The sentence (offsets into the original text).
        index: Its position among the document's sentences.
        score: Its relevance score before the redundancy penalty (0..1).
        n_words: Its word count.
    """

    span: Span
    index: int
    score: float
    n_words: int


def _length_factor(n_words: int, params: SummaryParams) -> float:
    """Damp very short and very long sentences."""
    factor = min(1.0, n_words / params.short_words) if params.short_words else 1.0
    if params.long_words and n_words > params.long_words:
        factor *= params.long_words / n_words
    return factor


def _relevance(units: Sequence[_Unit], vectors: sparse.csr_matrix, similarity: np.ndarray,
               params: SummaryParams, *, title_vector: np.ndarray | None = None,
               coverage: np.ndarray | None = None) -> np.ndarray:
    """Combine centrality, centroid, position, title and coverage into one score per unit."""
    lexrank = _scaled(_lexrank(similarity)) if params.w_lexrank else np.zeros(len(units))
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centroid_sim = _scaled(vectors @ (centroid / norm)) if norm > 0 else np.zeros(len(units))
    position = np.array([1.0 / (1 + u.index) ** params.position_decay for u in units])
    score = (params.w_lexrank * lexrank + params.w_centroid * centroid_sim
             + params.w_position * position)
    if title_vector is not None:
        score = score + params.w_title * _scaled(vectors @ title_vector)
    if coverage is not None:
        score = score + params.w_coverage * coverage
    length = np.array([_length_factor(u.n_words, params) for u in units])
    return _scaled(score * length)


def _mmr_order(relevance: np.ndarray, similarity: np.ndarray, params: SummaryParams,
               candidates: Sequence[int], tie_key: Callable[[int], tuple[Any, ...]],
               limit: int | None = None) -> list[int]:
    """Pick candidates greedily by MMR; near-copies of a picked sentence are dropped.

    Ties (MMR values within 1e-12, e.g. reprints) go to the smallest ``tie_key``.
    """
    remaining = np.array(sorted(candidates, key=tie_key), dtype=int)
    penalty = np.zeros(len(remaining))  # max similarity to anything picked so far
    picked: list[int] = []
    while remaining.size and (limit is None or len(picked) < limit):
        values = params.mmr_lambda * relevance[remaining] - (1 - params.mmr_lambda) * penalty
        at = int(np.flatnonzero(values >= values.max() - 1e-12)[0])
        best = int(remaining[at])
        picked.append(best)
        sims = similarity[remaining, best]
        keep = (sims < params.redundant) & (remaining != best)
        remaining, penalty = remaining[keep], np.maximum(penalty, sims)[keep]
    return picked


def rank_sentences(text: str, *, title: str | None = None,
                   sentences: Sequence[Span] | None = None,
                   params: SummaryParams | None = None) -> list[RankedSentence]:
    """Rank all sentences of one document, best first, redundancy removed by MMR.

    The order is the order in which MMR picks sentences, so the first ``k`` are the ``k``-sentence
    summary; sentences that nearly repeat an earlier pick come last.

    Args:
        text: The document's original text.
        title: Its title, if any (sentences close to it get a bonus).
        sentences: Sentence spans into ``text``; split with marsad's splitter when omitted.
        params: Scorer parameters (defaults when omitted).

    Returns:
        One :class:`RankedSentence` per non-empty sentence.
    """
    params = params or DEFAULT_PARAMS
    spans = list(sentences) if sentences is not None else split_sentences(text)
    units = _make_units(text, spans, 0)
    if not units:
        return []
    features = _featurize(units)
    similarity = (features.vectors @ features.vectors.T).toarray()
    title_vector = features.vector(title) if title and title.strip() else None
    relevance = _relevance(units, features.vectors, similarity, params,
                           title_vector=title_vector)
    order = _mmr_order(relevance, similarity, params, range(len(units)), lambda i: (i,))
    seen = set(order)
    # Sentences MMR dropped as near-copies go last, in document order.
    order += [i for i in range(len(units)) if i not in seen]
    return [RankedSentence(units[i].span, units[i].index, float(relevance[i]), units[i].n_words)
            for i in order]


def summarize_text(text: str, *, n_sentences: int | None = None, ratio: float | None = None,
                   title: str | None = None, max_words: int | None = None,
                   params: SummaryParams | None = None) -> list[Span]:
    """Extractive summary of one document: its best sentences, in document order.

    Give at most one of ``n_sentences``, ``ratio`` and ``max_words``; with none, a quarter of the
    sentences (at least one) is kept.

    Args:
        text: The document's original text.
        n_sentences: Number of sentences to keep.
        ratio: Share of the document's sentences to keep (0 < ratio <= 1, at least one).
        title: The document's title, if known.
        max_words: Keep sentences best-first until the next one would exceed this many words
            in total; the best sentence is always kept.
        params: Scorer parameters.

    Returns:
        The selected sentence spans (offsets into ``text``) in document order.

    Raises:
        ValueError: More than one length option, or an out-of-range value.
    """
    given = [name for name, v in (("n_sentences", n_sentences), ("ratio", ratio),
                                  ("max_words", max_words)) if v is not None]
    if len(given) > 1:
        raise ValueError(f"give at most one of n_sentences, ratio, max_words; got {given}")
    if n_sentences is not None and n_sentences < 1:
        raise ValueError(f"n_sentences must be >= 1; got {n_sentences}")
    if ratio is not None and not 0 < ratio <= 1:
        raise ValueError(f"ratio must be in (0, 1]; got {ratio}")
    if max_words is not None and max_words < 1:
        raise ValueError(f"max_words must be >= 1; got {max_words}")
    ranked = rank_sentences(text, title=title, params=params)
    if max_words is not None:
        chosen, total = [], 0
        for r in ranked:
            if chosen and total + r.n_words > max_words:
                break  # not "skip and fill": that would pad summaries with captions
            chosen.append(r)
            total += r.n_words
    else:
        if n_sentences is None:
            n_sentences = max(1, round(len(ranked) * (ratio if ratio is not None else 0.25)))
        chosen = ranked[:n_sentences]
    return [r.span for r in sorted(chosen, key=lambda r: r.span.start)]


# --------------------------------------------------------------------------------------------
# Event (multi-document) summaries
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Citation:
    """An article that carries a summary sentence's information.

    Attributes:
        article: The article id.
        outlet: Its outlet (``None`` when unknown).
        similarity: Share of the sentence's content found in the article (1.0 for the source).
    """

    article: str
    outlet: str | None
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"article", "outlet", "similarity"}``."""
        return {"article": self.article, "outlet": self.outlet, "similarity": self.similarity}


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of an event summary.

    Attributes:
        text: The sentence as written in its source article.
        article: Id of the article it was taken from.
        outlet: That article's outlet.
        start, end: Offsets of the sentence in the source article's ``text``.
        citations: Every article carrying the same information, the source first.
    """

    text: str
    article: str
    outlet: str | None
    start: int
    end: int
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"text": self.text, "article": self.article, "outlet": self.outlet,
                "start": self.start, "end": self.end,
                "citations": [c.to_dict() for c in self.citations]}


@dataclass(frozen=True, slots=True)
class EventSummary:
    """The cited multi-source summary of one event.

    Attributes:
        headline: One line naming the event (never empty).
        headline_article: Id of the article whose title is the headline (``None`` if composed).
        sentences: The summary sentences in reading order.
    """

    headline: str
    headline_article: str | None
    sentences: tuple[SummarySentence, ...] = field(default_factory=tuple)

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets cited anywhere in the summary, in first-cited order."""
        seen: dict[str, None] = {}
        for sentence in self.sentences:
            for citation in sentence.citations:
                if citation.outlet:
                    seen.setdefault(citation.outlet, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"headline": self.headline, "headline_article": self.headline_article,
                "sentences": [s.to_dict() for s in self.sentences], "outlets": self.outlets}


def _article_sentences(article: Article) -> list[Span]:
    """The article's sentence spans (from the language stage, or split here).

    Span texts are re-read from ``article.text`` so that a summary sentence always matches its
    offsets; spans that do not fit the text are ignored.
    """
    text = article.text
    spans = [Span(s.start, s.end, s.label, text[s.start:s.end], s.attrs)
             for s in article.sentences if 0 <= s.start < s.end <= len(text)]
    return spans or split_sentences(text)


def _containment(rows: sparse.csr_matrix, cols: sparse.csr_matrix,
                 idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(IDF-weighted share of each row's features found in each col, count of shared features)."""
    weighted = sparse.csr_matrix(rows.multiply(idf[np.newaxis, :]))
    shared_weight = (weighted @ cols.T).toarray()
    totals = np.asarray(weighted.sum(axis=1))
    return shared_weight / np.where(totals > 0, totals, 1.0), (rows @ cols.T).toarray()


def _carried_by(rows: sparse.csr_matrix, features: _Features, docs: np.ndarray, n_docs: int,
                params: SummaryParams) -> np.ndarray:
    """Per row and article: the best containment of the row in one of the article's sentences.

    0 where no sentence of the article reaches ``cite_threshold`` with ``cite_min_terms``
    shared features.
    """
    by_doc = np.zeros((rows.shape[0], n_docs))
    doc_cols = [np.flatnonzero(docs == d) for d in range(n_docs)]
    for top in range(0, rows.shape[0], 256):  # row blocks keep the dense matrices small
        contained, shared = _containment(rows[top:top + 256], features.present, features.idf)
        contained = np.where((contained >= params.cite_threshold)
                             & (shared >= params.cite_min_terms), contained, 0.0)
        for d, cols in enumerate(doc_cols):
            if cols.size:
                by_doc[top:top + 256, d] = contained[:, cols].max(axis=1)
    return by_doc


def _outlet_key(article: Article) -> str:
    """The outlet used to count coverage (the article itself when the outlet is unknown)."""
    return article.outlet or f"article:{article.id}"


def _headline(articles: Sequence[Article], features: _Features | None,
              centroid: np.ndarray | None, best: _Unit | None) -> tuple[str, str | None]:
    """The title closest to the event's centroid; composed from the top sentence if none.

    A title carrying loaded or evaluative wording (the framing lexicon) only wins when every
    title does: the event's headline should not adopt one outlet's framing.
    """
    best_title: tuple[float, int] | None = None
    norm = float(np.linalg.norm(centroid)) if centroid is not None else 0.0
    for i, article in enumerate(articles):
        if not " ".join(article.title.split()):
            continue
        score = (float(features.vector(article.title) @ centroid) / norm
                 if features is not None and centroid is not None and norm > 0 else 0.0)
        if _loaded_title(article.title):
            score -= 1.0
        if best_title is None or score > best_title[0] + 1e-12:
            best_title = (score, i)
    if best_title is not None:
        article = articles[best_title[1]]
        return " ".join(article.title.split()), article.id
    if best is not None:
        return _compose_headline(best.span.text), None
    for article in articles:
        first = " ".join(article.text.split()[:12])
        if first:
            return first, None
    return f"Event of {len(articles)} article(s) without text", None


def _loaded_title(title: str) -> bool:
    """Does a title use a term of the framing lexicon?"""
    from marsad.stories.framing import find_framing_terms

    return bool(find_framing_terms(Article(id="title", source="", text=title)))


def _compose_headline(sentence: str, max_words: int = 14) -> str:
    """A headline from a sentence: its first clause, cut to ``max_words`` words."""
    clause = re.split(r"[،,;؛:]", sentence, maxsplit=1)[0]
    words = clause.split() if len(clause.split()) >= 5 else sentence.split()
    text = " ".join(words[:max_words]).rstrip(".!?؟…")
    return text + ("…" if len(words) > max_words else "")


def summarize_event(articles: Sequence[Article], *, max_sentences: int = 5,
                    params: SummaryParams | None = None) -> EventSummary:
    """Cited multi-document extractive summary of an event's articles.

    Sentences are scored for centrality, coverage across outlets, position and length, picked by
    MMR, and ordered by their position in the source articles, then by publication time. Every
    summary sentence cites all articles that carry its information (the source first).

    Args:
        articles: The event's articles (any order; ``published`` breaks ties between copies).
        max_sentences: Maximum number of summary sentences.
        params: Scorer parameters.

    Returns:
        The :class:`EventSummary` (no sentences when no article has text; the headline is never
        empty).

    Raises:
        ValueError: ``articles`` is empty or ``max_sentences`` < 1.
    """
    if not articles:
        raise ValueError("summarize_event needs at least one article; got none")
    if max_sentences < 1:
        raise ValueError(f"max_sentences must be >= 1; got {max_sentences}")
    params = params or EVENT_PARAMS
    # Chronological order (undated last, then input order) decides which copy of a reprint is
    # the source and breaks ordering ties.
    articles = sorted(articles, key=lambda a: (a.published is None, a.published or ""))
    units = [u for doc, article in enumerate(articles)
             for u in _make_units(article.text, _article_sentences(article), doc, article)]
    if not units:
        return EventSummary(*_headline(articles, None, None, None), ())
    features = _featurize(units)
    docs = np.array([u.doc for u in units])
    # Big events: score only each article's first sentences (the lead prior ranks the rest low
    # anyway) so the dense sentence-by-sentence matrices stay small; citations still look at all.
    cap = max(10, MAX_SCORED_SENTENCES // len(articles))
    scored = np.array([k for k, u in enumerate(units) if u.index < cap])
    vectors = features.vectors[scored]
    similarity = (vectors @ vectors.T).toarray()
    outlet_keys = [_outlet_key(a) for a in articles]
    n_outlets = len(set(outlet_keys))
    coverage = np.zeros(len(scored))
    if n_outlets > 1:
        carried = _carried_by(features.present[scored], features, docs, len(articles), params)
        for row, k in enumerate(scored):
            own = outlet_keys[units[k].doc]
            others = {outlet_keys[d] for d in np.flatnonzero(carried[row]) if outlet_keys[d] != own}
            coverage[row] = len(others) / (n_outlets - 1)
    scored_units = [units[k] for k in scored]
    relevance = _relevance(scored_units, vectors, similarity, params, coverage=coverage)
    candidates = [r for r, u in enumerate(scored_units) if u.n_words >= params.min_words]
    order = _mmr_order(relevance, similarity, params, candidates or range(len(scored)),
                       lambda r: (scored_units[r].doc, scored_units[r].index),
                       limit=max_sentences)
    # A reprint is one piece of information: take it from the earliest article carrying it.
    order = [min((r for r in range(len(scored)) if similarity[i, r] >= DUPLICATE or r == i),
                 key=lambda r: (scored_units[r].doc, scored_units[r].index)) for i in order]
    picked = sorted(dict.fromkeys(order), key=lambda r: (scored_units[r].index,
                                                         scored_units[r].doc))
    carried = _carried_by(features.present[scored[picked]], features, docs, len(articles),
                          params) if picked else np.zeros((0, len(articles)))
    sentences = []
    for row, r in enumerate(picked):
        unit = scored_units[r]
        source = articles[unit.doc]
        cites = [Citation(source.id, source.outlet, 1.0)]
        cites += [Citation(articles[d].id, articles[d].outlet, round(float(carried[row, d]), 3))
                  for d in range(len(articles)) if d != unit.doc and carried[row, d] > 0]
        sentences.append(SummarySentence(unit.span.text, source.id, source.outlet,
                                         unit.span.start, unit.span.end, tuple(cites)))
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    best = scored_units[order[0]] if order else None
    return EventSummary(*_headline(articles, features, centroid, best), tuple(sentences))
