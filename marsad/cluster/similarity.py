"""Similarity between two articles, or between an article and an event: components and score.

The score is a weighted mean of sub-vector cosines (what the texts share) moved up or down by
the signals that separate happenings with the same words: the resolved dates of the happening
(agreement is evidence for, two clear dates with nothing in common strong evidence against —
this is what tells the coalition's February and November 2019 meetings apart), the scene
(في X، العاصمة X), shared numbers and the distance in publication time. Across languages, where
word and character cosines mean nothing, the multilingual title embedding (when enabled) or the
date and shared figures carry the score.

The same functions score article pairs (:func:`article_similarity`, ``marsad eval pairs``) and
article-to-event candidates in the online clusterer, with two weight profiles:
:data:`STORY_WEIGHTS` (are these the same *story*? — the default of
:func:`article_similarity`) and :data:`EVENT_WEIGHTS` (the same *happening*? — the clusterer's).

Both sides are *profiles* (:class:`Profile`): ``vectors`` (space → sparse vector), ``norms``,
``entities``, ``places``, ``place_cues``, ``dates`` (ISO date → prominence), ``numbers``,
``day_range``, ``embedding`` and ``language_set``. Article features (through
:func:`profile_of`) and the clusterer's event records both provide them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from marsad.cluster.features import (
    ArticleFeatures,
    FeatureModel,
    SparseVec,
    date_kernel,
    date_key,
    sparse_dot,
    top_date,
)
from marsad.cluster.storysim import StoryText, story_components, story_text
from marsad.model import Article

TEXT_SPACES: tuple[str, ...] = ("char", "word", "stem", "title", "entity")

_BODY_SPACES = frozenset({"char", "word", "stem", "entity"})
"""Cosines that read the body (an unreliable body's weight goes to the headline coverage)."""

MIN_SHARED_NUMBERS = 2
"""Figures two articles in different languages must share before numbers count as evidence."""

CURRENT_DAYS = 14
"""How near a side's publication days its full date must be to be set against the other side's
partial date (the reach of an announced date, as in :func:`marsad.cluster.features._recency`)."""

CLEAR_DATE = 1.5
"""Prominence a side's main date needs before disjoint dates count against a match (one
passing mention of a past date is not a claim about when the happening is)."""


class Profile(Protocol):
    """What similarity reads from an article or an event centroid."""

    vectors: Mapping[str, SparseVec]
    norms: Mapping[str, float]
    entities: Mapping[str, Any]
    places: Mapping[str, Any] | set[str]
    place_cues: Mapping[str, Any]
    dates: Mapping[str, float]
    numbers: Mapping[Any, Any] | set[Any]
    day_range: tuple[int, int] | None
    embedding: np.ndarray | None
    language_set: set[str]


@dataclass(frozen=True, slots=True)
class Weights:
    """How components combine into one score (hand-set; see the module docstring).

    Attributes:
        char, word, stem, title, entity, embedding: Weights of the cosines in the text
            score (a weighted mean over the components both sides have).
        headline: Weight of the headline coverage in the text score (see
            :mod:`marsad.cluster.storysim`; measured only when the articles' texts are given,
            as :func:`article_similarity` does). It also takes over the weight of the body
            cosines (char, word, stem, entity) in proportion to how little the body can be
            trusted (``1 - reliability``).
        date_agree: Added times ``2 * agreement - 1`` where agreement is the cosine of the
            weighted dates (full agreement +date_agree, half -0, none shared -date_conflict).
        date_conflict: Subtracted when both give different specific dates.
        numbers: Added times the share of numbers in common.
        places: Added times the share of places (all place names) in common.
        place_conflict: Subtracted when both sides name the scene of the happening and the
            scenes differ (the same kind of meeting on the same day in another city).
        time_grace_days: Publication-time gap with no penalty.
        time_scale_days: Gap over which the time penalty grows to ``time_penalty``.
        time_penalty: Largest time penalty.
        cross_lingual: Scale of the language-independent evidence (date agreement and shared
            figures) that replaces the text score between languages when there are no
            embeddings.
    """

    char: float = 1.0
    word: float = 0.0
    stem: float = 0.5
    title: float = 0.25
    entity: float = 0.5
    embedding: float = 0.25
    headline: float = 0.0
    date_agree: float = 0.15
    date_conflict: float = 0.3
    numbers: float = 0.05
    places: float = 0.03
    place_conflict: float = 0.1
    time_grace_days: float = 3.0
    time_scale_days: float = 14.0
    time_penalty: float = 0.15
    cross_lingual: float = 0.8

    def replace(self, **changes: Any) -> Weights:
        """Return a copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)


EVENT_WEIGHTS = Weights()
"""What the event clusterer uses: every signal that tells two happenings apart."""

STORY_WEIGHTS = Weights(entity=0.0, places=0.0, place_conflict=0.0, date_agree=0.04,
                        date_conflict=0.075, headline=1.0)
"""What :func:`article_similarity` uses by default: *are these two articles the same story?*

The annotators of SemEval-2022 Task 8 (``marsad eval pairs``) call two reports the same story
when they follow one thread — one country's daily case count on two different days, say — so
the signals that separate *events* mislead there, measured on the 120 Arabic pairs (Pearson,
all else equal): entity cosine weight 0.5 → 0.70, 0 → 0.74 (the entity cosine alone correlates
0.31 with the gold: NER mentions are noisy); shared-place and scene terms slightly negative;
a date conflict of -0.3 → 0.744, -0.15 → 0.753. The clusterer keeps them (:data:`EVENT_WEIGHTS`).

What does tell stories apart is the headline (:mod:`marsad.cluster.storysim`): the share of one
title's content words told by the other article correlates 0.77 with the gold on its own, and
with weight 1.0 next to the cosines (about a third of the text score) the pairs go from Pearson
0.753 to 0.814 (AUC 0.974 → 0.989); handing an unreliable body's weight to it (a scraped
disclaimer under a real title) is worth 0.004 of that. Any headline weight from 0.8 to 1.5
gives 0.813-0.815. That weight was chosen on these pairs, so pairs not seen would see less:
0.805 (AUC 0.986) in 10-fold with the weight chosen again on each fold's training part (the
report's ``out_of_sample``), 0.80 when the coverage variant and the reliability threshold are
chosen again too. With the headline in, the date terms are halved (agree 0.04, conflict 0.075):
two reports of one story are often days apart, and with partial dates (weekdays, days without
a year) resolved more pairs carry a date, so the old 0.08/0.15 cost 0.004 Pearson there while
the halved ones are as good as the old ones were before (0.8145 against 0.8144).
"""


@dataclass(slots=True)
class _ArticleProfile:
    """A profile view of one article's features (all vectors unit length)."""

    vectors: Mapping[str, SparseVec]
    norms: Mapping[str, float]
    entities: Mapping[str, Any]
    places: set[str]
    place_cues: Mapping[str, Any]
    dates: Mapping[str, float]
    numbers: set[Any]
    day_range: tuple[int, int] | None
    embedding: np.ndarray | None
    language_set: set[str]


def profile_of(f: ArticleFeatures) -> _ArticleProfile:
    """Wrap article features as a :class:`Profile`."""
    norms = {s: (1.0 if len(v[0]) else 0.0) for s, v in f.vectors.items()}
    return _ArticleProfile(f.vectors, norms, f.entities, f.places, f.place_cues, f.dates,
                           f.numbers, None if f.day is None else (f.day, f.day), f.embedding,
                           {f.language} if f.language else set())


def cosine(a: SparseVec, b: SparseVec, norm_a: float = 1.0, norm_b: float = 1.0) -> float:
    """Cosine of two sparse vectors whose norms are given (1.0 for unit vectors)."""
    if not len(a[0]) or not len(b[0]) or norm_a <= 0.0 or norm_b <= 0.0:
        return 0.0
    return sparse_dot(a, b) / (norm_a * norm_b)


class DenseScorer:
    """Fast dot products of one article's vectors with many sparse vectors.

    The article's sub-vectors are scattered into dense scratch arrays once; each dot product
    with a candidate event centroid is then one vectorized gather. The scratch arrays are
    reused between articles (:meth:`load` clears the previous article's entries).

    Args:
        sizes: Dense length per space (the hash-space size).
    """

    def __init__(self, sizes: Mapping[str, int]) -> None:
        self.sizes = dict(sizes)
        self._dense = {s: np.zeros(n, dtype=np.float64) for s, n in self.sizes.items()}
        self._loaded: dict[str, np.ndarray] = {}

    def load(self, vectors: Mapping[str, SparseVec]) -> DenseScorer:
        """Make ``vectors`` the left-hand side of :meth:`dot`."""
        for space, idx in self._loaded.items():
            self._dense[space][idx] = 0.0
        self._loaded = {}
        for space, (idx, val) in vectors.items():
            if space in self._dense and len(idx):
                self._dense[space][idx] = val
                self._loaded[space] = idx
        return self

    def dot(self, space: str, vec: SparseVec) -> float:
        """Dot product of the loaded vector in ``space`` with ``vec``."""
        if space not in self._loaded or not len(vec[0]):
            return 0.0
        return float(np.dot(self._dense[space][vec[0]], vec[1]))


def _overlap(a: Any, b: Any) -> float | None:
    """Share of the smaller set found in the other (``None`` when either is empty)."""
    if not a or not b:
        return None
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb))


def _shared(a: Any, b: Any) -> int:
    return len(set(a) & set(b)) if a and b else 0


def _kernel_dot(a: Mapping[str, float], b: Mapping[str, float],
                current_a: tuple[int, int] | None = None,
                current_b: tuple[int, int] | None = None
                ) -> tuple[float, list[str], list[str]]:
    """Σ w_a w_b k(date_a, date_b) with :func:`~marsad.cluster.features.date_kernel` (1 the
    same day, 0.5 a day apart or a matching weekday, 0 incompatible), and the dates of each
    side that were compared with the other side at all.

    A partial date (a day without its year, a weekday) is compared with a full date only when
    that date is current news for its own side: within :data:`CURRENT_DAYS` of the side's
    publication days (``current_a`` / ``current_b``). "Next Thursday" cannot be set against a
    background date years back, nor against any date of a side whose time is unknown.
    """
    total = 0.0
    seen_a: dict[str, None] = {}
    seen_b: dict[str, None] = {}
    for da, wa in a.items():
        for db, wb in b.items():
            k = date_kernel(da, db)
            if k is None or not (_current(da, db, current_a) and _current(db, da, current_b)):
                continue
            seen_a[da] = seen_b[db] = None
            total += wa * wb * k
    return total, list(seen_a), list(seen_b)


def _current(full: str, other: str, days: tuple[int, int] | None) -> bool:
    """Can ``full`` (a date of one side) be set against ``other``? Always when both are full
    dates; against a partial date only when ``full`` is within :data:`CURRENT_DAYS` of
    ``days``, its side's publication days."""
    kf, ko = date_key(full), date_key(other)
    if kf is None or ko is None or kf[0] != "day" or ko[0] == "day":
        return True
    return days is not None and days[0] - CURRENT_DAYS <= kf[1] <= days[1] + CURRENT_DAYS


def _self_dot(a: Mapping[str, float], keys: list[str]) -> float:
    """:func:`_kernel_dot` of the ``keys`` of a side with themselves (a date matches itself)."""
    total = 0.0
    for da in keys:
        for db in keys:
            k = 1.0 if da == db else date_kernel(da, db)
            total += a[da] * a[db] * (k or 0.0)
    return total


def date_agreement(a: Mapping[str, float], b: Mapping[str, float],
                   days_a: tuple[int, int] | None = None, days_b: tuple[int, int] | None = None
                   ) -> tuple[float | None, dict]:
    """How far two sides agree on the date of the happening.

    Dates are weighted by prominence (see :func:`marsad.cluster.features._dates`) and compared
    as vectors over days with a kernel that lets dates a day apart half-match. Partial dates
    take part against a side's current full dates (:func:`_kernel_dot`,
    :func:`~marsad.cluster.features.date_kernel`): a day without its year matches its
    month-day, a weekday alone half-matches a date on that weekday and conflicts with a date
    on another; what cannot be compared counts neither way, nor in the norms.

    Args:
        a, b: ISO or partial date → prominence.
        days_a, days_b: Each side's publication-day range, when known.

    Returns:
        ``(value, detail)``: the cosine in (0, 1] when they share a date; ``-1.0`` when both
        give a clear date (weight at least :data:`CLEAR_DATE`) among those compared and none
        agree; ``None`` when either gives none (or only faint ones, or none comparable).
        ``detail`` names the main dates.
    """
    if not a or not b:
        return None, {}
    dot_, comp_a, comp_b = _kernel_dot(a, b, days_a, days_b)
    ta, tb = top_date(a), top_date(b)
    if dot_ > 0:
        norm = (_self_dot(a, comp_a) * _self_dot(b, comp_b)) ** 0.5
        return min(1.0, dot_ / norm), {"a": ta, "b": tb}
    if comp_a and max(a[d] for d in comp_a) >= CLEAR_DATE and \
            max(b[d] for d in comp_b) >= CLEAR_DATE:
        return -1.0, {"a": ta, "b": tb}
    return None, {"a": ta, "b": tb}


def time_gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float | None:
    """Days between two publication-day ranges (0 when they overlap, ``None`` if unknown)."""
    if a is None or b is None:
        return None
    if a[1] < b[0]:
        return float(b[0] - a[1])
    if b[1] < a[0]:
        return float(a[0] - b[1])
    return 0.0


def text_components(a: Profile, b: Profile, scorer: DenseScorer | None = None
                    ) -> dict[str, float | None]:
    """The cosine components (one per sub-vector space, and the embedding).

    Args:
        a, b: The two sides.
        scorer: A :class:`DenseScorer` with ``a``'s vectors loaded (faster when one article
            is compared with many events); ``None`` computes sparse intersections.
    """
    comp: dict[str, float | None] = {}
    for space in TEXT_SPACES:
        va, vb = a.vectors.get(space), b.vectors.get(space)
        na, nb = a.norms.get(space, 0.0), b.norms.get(space, 0.0)
        if va is None or vb is None or na <= 0.0 or nb <= 0.0:
            comp[space] = None
        elif scorer is not None:
            comp[space] = scorer.dot(space, vb) / (na * nb)
        else:
            comp[space] = cosine(va, vb, na, nb)
    if a.embedding is not None and b.embedding is not None:
        na = float(np.linalg.norm(a.embedding)) or 1.0
        nb = float(np.linalg.norm(b.embedding)) or 1.0
        comp["embedding"] = float(np.dot(a.embedding, b.embedding) / (na * nb))
    else:
        comp["embedding"] = None
    return comp


def signal_components(a: Profile, b: Profile) -> dict[str, float | None]:
    """The non-text components: date agreement, shared scene and places, numbers, days apart.

    ``scene`` compares the places each side gives as where the happening is (في X، العاصمة X):
    1.0 when they share one, 0.0 when both name a scene and they differ.
    """
    scene_a = {k for k, v in a.place_cues.items() if v > 0}
    scene_b = {k for k, v in b.place_cues.items() if v > 0}
    return {
        "date": date_agreement(a.dates, b.dates, a.day_range, b.day_range)[0],
        "scene": None if not scene_a or not scene_b else float(bool(scene_a & scene_b)),
        "places": _overlap(a.places, b.places),
        "numbers": _overlap(a.numbers, b.numbers),
        "numbers_shared": float(_shared(a.numbers, b.numbers)),
        "days_apart": time_gap(a.day_range, b.day_range),
        "cross_lingual": 1.0 if (a.language_set and b.language_set
                                 and not a.language_set & b.language_set) else None,
    }


def components(a: Profile, b: Profile, scorer: DenseScorer | None = None
               ) -> dict[str, float | None]:
    """All similarity components between two profiles (``None`` = not measurable)."""
    comp = text_components(a, b, scorer)
    comp.update(signal_components(a, b))
    return comp


def text_score(comp: Mapping[str, float | None], w: Weights = EVENT_WEIGHTS) -> float:
    """Weighted mean of the cosines both sides have (weights of missing ones are dropped).

    Across languages only the embedding (multilingual) is a text signal: word and character
    cosines of an English and an Arabic article are near zero whatever they report.
    """
    spaces = ("embedding",) if comp.get("cross_lingual") else (*TEXT_SPACES, "embedding")
    headline = None if comp.get("cross_lingual") else comp.get("headline")
    # A body that does not tell its own title's story (a scraped disclaimer, a teaser of
    # another article) lends its cosines' weight to the headline coverage.
    trust = 1.0 if headline is None else float(comp.get("reliability", 1.0) or 0.0)
    total = weight = moved = 0.0
    for space in spaces:
        value, wt = comp.get(space), getattr(w, space)
        if value is not None and wt > 0.0:
            if space in _BODY_SPACES:
                moved += wt * (1.0 - trust)
                wt *= trust
            total += wt * value
            weight += wt
    if headline is not None and w.headline + moved > 0.0:
        total += (w.headline + moved) * headline
        weight += w.headline + moved
    return total / weight if weight else 0.0


def combine(comp: Mapping[str, float | None], w: Weights = EVENT_WEIGHTS) -> float:
    """One score in [0, 1] from the components: text score, then date/place/number/time terms.

    Across languages without embeddings there is no text score: the score is then built from
    what does not depend on the language — the same date of the happening and at least
    :data:`MIN_SHARED_NUMBERS` shared figures (:attr:`Weights.cross_lingual`).
    """
    score = text_score(comp, w)
    date = comp.get("date")
    xl = comp.get("cross_lingual") and comp.get("embedding") is None
    if xl:
        numbers = float(comp.get("numbers") or 0.0)
        if (comp.get("numbers_shared") or 0.0) < MIN_SHARED_NUMBERS:
            numbers = 0.0
        score = w.cross_lingual * (max(0.0, date or 0.0) + numbers) / 2.0
    if date is not None:
        # Agreement on the main date earns up to date_agree; sharing only a secondary date
        # (an article that mentions the other event's date in passing) earns nothing or costs
        # a little; no date in common costs date_conflict.
        score += w.date_agree * (2.0 * date - 1.0) if date > 0 else -w.date_conflict
    if comp.get("numbers") is not None and not xl:
        score += w.numbers * float(comp["numbers"])  # type: ignore[arg-type]
    places = comp.get("places")
    if places is not None:
        score += w.places * places
    if comp.get("scene") == 0.0:
        score -= w.place_conflict
    gap = comp.get("days_apart")
    if gap is not None and gap > w.time_grace_days:
        score -= w.time_penalty * min(1.0, (gap - w.time_grace_days) / w.time_scale_days)
    return float(min(1.0, max(0.0, score)))


def feature_similarity(a: ArticleFeatures, b: ArticleFeatures,
                       weights: Weights = STORY_WEIGHTS,
                       texts: tuple[StoryText, StoryText] | None = None
                       ) -> tuple[float, dict[str, Any]]:
    """Score and components of two articles' features.

    Args:
        a, b: The articles' features.
        weights: How components combine.
        texts: The articles' :class:`~marsad.cluster.storysim.StoryText` (from
            :func:`~marsad.cluster.storysim.story_text`), which add the ``headline`` and
            ``reliability`` components; without them only the feature components are used.
    """
    comp = components(profile_of(a), profile_of(b))
    if texts is not None:
        comp.update(story_components(*texts))
    return combine(comp, weights), comp


def article_similarity(a: Article, b: Article, model: FeatureModel,
                       weights: Weights = STORY_WEIGHTS) -> float:
    """Similarity in [0, 1] of two articles (1 = the same story).

    Args:
        a, b: The articles (with the language and enrichment stages run, ideally).
        model: A fitted :class:`FeatureModel` (its IDF weighs the terms).
        weights: How components combine (default :data:`STORY_WEIGHTS`; the clusterer scores
            article-to-event with :data:`EVENT_WEIGHTS`).
    """
    return similarity_components(a, b, model, weights)["score"]


def similarity_components(a: Article, b: Article, model: FeatureModel,
                          weights: Weights = STORY_WEIGHTS) -> dict[str, Any]:
    """Like :func:`article_similarity`, with every component: ``{"score", "components"}``."""
    fa, fb = model.transform([a, b])
    score, comp = feature_similarity(fa, fb, weights, (story_text(a), story_text(b)))
    return {"score": score, "components": comp}
