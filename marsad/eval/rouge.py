"""ROUGE-1, ROUGE-2 and ROUGE-L with an Arabic-aware tokenizer.

The common ``rouge_score`` tokenizer lowercases and then keeps only ``[a-z0-9]``: every Arabic
letter is dropped and two Arabic summaries always score 0 (or 1, when both are empty). This module
is a small, dependency-free reimplementation of the ROUGE definitions (Lin 2004) with a tokenizer
that keeps the letters and digits of every script:

* text is normalized with marsad's Arabic normalizer (hamza forms of alef, diacritics, tatweel …,
  the same folding the rest of marsad matches on), lowercased, and split on anything that is not a
  letter or a digit;
* optionally each token is stemmed with the Snowball Arabic stemmer (PyStemmer), like
  ROUGE-1.5.5's ``-m`` (Porter) option does for English;
* ROUGE-N counts clipped n-gram matches; ROUGE-L is the longest common subsequence of the two
  token sequences (``rouge_score``'s ``rougeL``, i.e. no sentence-level union LCS);
* F is the balanced F-measure (ROUGE-1.5.5 ``-p 0.5``).

Several references are combined the ROUGE-1.5.5 way (its default ``-f A``, "model average"):
matched n-grams (or LCS lengths) and counts are summed over the references, so recall is
``sum(hits) / sum(reference counts)`` and precision ``sum(hits) / (references x candidate
count)``. ``aggregate="max"`` keeps instead the reference with the best F (``-f B`` /
``rouge_score``'s ``score_multi``). Scores of a corpus are the mean of the per-document scores
(ROUGE-1.5.5's default, without ``-t``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.arabic.normalize import normalize
from marsad.errors import choices

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
"""The measures :func:`rouge_scores` returns, in this order."""

AGGREGATES = ("average", "max")
"""Ways to combine several references (ROUGE-1.5.5 ``-f A`` and ``-f B``)."""

# Letters and digits of any script; "_" is a word character for ``\w`` but not a letter.
_TOKEN = re.compile(r"[^\W_]+")
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Folded before stemming: spelling variants Snowball stems differently; ة is kept (it needs it).
_STEM_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F-measure of one ROUGE measure.

    Attributes:
        precision: Share of the candidate's units found in the reference(s).
        recall: Share of the reference's units found in the candidate.
        fmeasure: Balanced harmonic mean of the two (0 when both are 0).
    """

    precision: float
    recall: float
    fmeasure: float

    def to_dict(self, digits: int | None = None) -> dict[str, float]:
        """Return ``{"p", "r", "f"}``, rounded to ``digits`` decimals when given."""
        values = (self.precision, self.recall, self.fmeasure)
        if digits is not None:
            values = tuple(round(v, digits) for v in values)
        return dict(zip(("p", "r", "f"), values, strict=True))


def _fmeasure(precision: float, recall: float) -> float:
    """Balanced F-measure; 0 when precision and recall are both 0."""
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _score(hits: float, candidate_total: float, reference_total: float) -> Score:
    """Build a :class:`Score` from match and count totals (empty sides give 0, never NaN)."""
    precision = hits / candidate_total if candidate_total else 0.0
    recall = hits / reference_total if reference_total else 0.0
    return Score(precision, recall, _fmeasure(precision, recall))


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[list[str]], list[str]]:
    """The Snowball Arabic stemmer's ``stemWords`` (PyStemmer)."""
    import Stemmer  # PyStemmer; imported lazily because unstemmed ROUGE does not need it

    return Stemmer.Stemmer("arabic").stemWords


def rouge_tokens(text: str, *, stem: bool = False) -> list[str]:
    """Split a text into ROUGE tokens: normalized, lowercased letters-and-digits runs.

    Args:
        text: Any text (Arabic, Latin, mixed).
        stem: Stem each token with the Snowball Arabic stemmer (Latin tokens pass unchanged);
            stems are computed on the surface form (hamza on alef and alef maksura folded, ة
            kept, as Snowball needs it) and then normalized.

    Returns:
        The tokens in text order.

    Example:
        >>> rouge_tokens("قالَ الوزيرُ: إنّ 79 بلدا…")
        ['قال', 'الوزير', 'ان', '79', 'بلدا']
    """
    if not stem:
        return _TOKEN.findall(normalize(text).lower())
    # The stemmer needs the surface form (it tells ة from ه): stem first, then normalize.
    light = _DIACRITICS.sub("", unicodedata.normalize("NFKC", text)).lower()
    surface = _TOKEN.findall(light.translate(_STEM_FOLD))
    return ["".join(_TOKEN.findall(normalize(s).lower())) or s
            for s in (_stemmer()(surface) if surface else [])]


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Count the n-grams of a token sequence."""
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two token sequences.

    Bit-parallel (Allison-Dix / Hyyrö): one big-integer update per token of ``b`` instead of a
    ``len(a) x len(b)`` table, which keeps a whole EASC run fast in pure Python.
    """
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for token in b:
        u = v & masks.get(token, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - v.bit_count()


def _pair_counts(kind: str, candidate: Sequence[str],
                 reference: Sequence[str]) -> tuple[int, int, int]:
    """(hits, candidate units, reference units) of one measure for one reference."""
    if kind == "rougeL":
        return lcs_length(candidate, reference), len(candidate), len(reference)
    n = int(kind[len("rouge"):])
    cand, ref = _ngrams(candidate, n), _ngrams(reference, n)
    hits = sum(min(count, ref[gram]) for gram, count in cand.items() if gram in ref)
    return hits, sum(cand.values()), sum(ref.values())


def rouge_from_tokens(kind: str, candidate: Sequence[str],
                      references: Sequence[Sequence[str]], *,
                      aggregate: str = "average") -> Score:
    """One ROUGE measure of a tokenized candidate against one or more tokenized references.

    Args:
        kind: ``rouge1``, ``rouge2`` (any ``rougeN``) or ``rougeL``.
        candidate: The candidate summary's tokens.
        references: The references' tokens (at least one).
        aggregate: ``average`` (ROUGE-1.5.5 ``-f A``: hits and counts pooled over references) or
            ``max`` (the reference giving the best F).

    Returns:
        The score.

    Raises:
        ValueError: Unknown ``kind`` or ``aggregate``, or no reference.
    """
    if not (kind == "rougeL" or (kind.startswith("rouge") and kind[5:].isdigit()
                                 and int(kind[5:]) > 0)):
        raise ValueError(choices("ROUGE measure", kind, ("rouge1", "rouge2", "rougeN", "rougeL")))
    if aggregate not in AGGREGATES:
        raise ValueError(choices("reference aggregate", aggregate, AGGREGATES))
    if not references:
        raise ValueError("ROUGE needs at least one reference; got none")
    counts = [_pair_counts(kind, candidate, ref) for ref in references]
    if aggregate == "max":
        return max((_score(*c) for c in counts), key=lambda s: s.fmeasure)
    hits = sum(c[0] for c in counts)
    return _score(hits, sum(c[1] for c in counts), sum(c[2] for c in counts))


def rouge_scores(candidate: str, references: Sequence[str], *, stem: bool = False,
                 aggregate: str = "average",
                 kinds: Iterable[str] = ROUGE_TYPES) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-L of a candidate text against reference texts.

    Args:
        candidate: The summary to score.
        references: One or more human summaries.
        stem: Stem tokens (Snowball Arabic) before matching.
        aggregate: How references combine, see :func:`rouge_from_tokens`.
        kinds: The measures to compute.

    Returns:
        ``{"rouge1": Score, "rouge2": Score, "rougeL": Score}`` (or the requested ``kinds``).
    """
    cand = rouge_tokens(candidate, stem=stem)
    refs = [rouge_tokens(r, stem=stem) for r in references]
    return {k: rouge_from_tokens(k, cand, refs, aggregate=aggregate) for k in kinds}


def mean_scores(per_document: Sequence[dict[str, Score]]) -> dict[str, Score]:
    """Average per-document scores (precision, recall and F each averaged separately).

    Args:
        per_document: One ``{measure: Score}`` dict per document, all with the same measures.

    Returns:
        ``{measure: Score}`` of the means (all 0 when the sequence is empty).
    """
    if not per_document:
        return {k: Score(0.0, 0.0, 0.0) for k in ROUGE_TYPES}
    n = len(per_document)
    return {
        kind: Score(sum(d[kind].precision for d in per_document) / n,
                    sum(d[kind].recall for d in per_document) / n,
                    sum(d[kind].fmeasure for d in per_document) / n)
        for kind in per_document[0]
    }
