"""``marsad eval pairs``: marsad's article similarity against gold story-similarity scores.

The input is JSON Lines of article pairs as in SemEval-2022 Task 8 (``title1, text1, title2,
text2`` and gold scores under ``gold`` or at the top level; ``Overall``: 1 = the same story ...
4 = unrelated). Each article is built directly from its (already clean) text, so extraction is
skipped, then runs through the language and enrichment stages that are available; IDF comes
from all the file's texts (no labels are used). Reported: Pearson and Spearman correlation of
the similarity with ``-Overall`` (sign turned so that higher is better) and ROC-AUC of telling
``Overall <= 1.5`` (positive) from ``Overall >= 3.5``.

Nothing is fitted to the gold scores when the command runs, but the story weights
(:data:`~marsad.cluster.similarity.STORY_WEIGHTS`) were chosen by hand on the SemEval pairs,
the headline weight among a few values. So the report also carries what pairs that played no
part in such a choice would see (``out_of_sample``): repeated k-fold, where the headline weight
is chosen again on the training folds only (and the held-out scores mapped to the gold scale by
a line fitted there), and how much the Pearson moves between random halves of the file
(``halves``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.cluster.features import FeatureModel
from marsad.cluster.similarity import STORY_WEIGHTS, Weights, combine, feature_similarity
from marsad.cluster.storysim import story_text
from marsad.config import Settings, load_settings
from marsad.errors import DataMissingError, MarsadError, PipelineError
from marsad.model import Article, Rejected

ENRICH_STAGES: tuple[str, ...] = ("language", "entities", "timexes", "pubdate", "quantities")
"""Stages the evaluations run on clean article texts (quotes are not used by similarity)."""

PAIR_STAGES: tuple[str, ...] = ("language", "entities", "timexes", "quantities")
"""Stages run on pair texts. No ``pubdate``: the pairs carry no publication date, and guessing
one from a clean body mostly picks a date the story mentions, which then fakes time gaps."""


def available_stages(names: Sequence[str] = ENRICH_STAGES) -> list[str]:
    """The subset of ``names`` whose modules import and whose requirements are met, in order.

    Stages still being written (or broken) are skipped, so the evaluation measures what exists.
    """
    from marsad.pipeline import check_order, get_stage

    usable: list[str] = []
    for name in names:
        try:
            get_stage(name)
            check_order([*usable, name])
        except (ImportError, MarsadError, PipelineError):
            continue
        usable.append(name)
    return usable


def run_stages(articles: Iterable[Article], settings: Settings,
               stages: Sequence[str] | None = None) -> tuple[list[Article], dict[str, int]]:
    """Run the stages on already-extracted articles; a failing stage leaves the article as is.

    Returns:
        The articles, and per stage the number of articles it failed on (kept unchanged).
    """
    from marsad.pipeline import check_order

    names = available_stages() if stages is None else list(stages)
    infos = check_order(names)
    failures: dict[str, int] = {}
    out = []
    for art in articles:
        for info in infos:
            try:
                result = info.func(art, settings=settings)
            except Exception:
                result = None
            if isinstance(result, Article):
                art = result
            else:
                failures[info.name] = failures.get(info.name, 0) + 1
        out.append(art)
    return out, failures


def read_pairs(path: str | Path) -> list[dict[str, Any]]:
    """Read pair records; each needs ``title1, text1, title2, text2`` and an ``Overall`` score.

    Raises:
        DataMissingError: The file does not exist.
        MarsadError: A record lacks a needed field.
    """
    p = Path(path)
    if not p.exists():
        raise DataMissingError(f"pairs file {str(p)!r} does not exist (expected JSON Lines "
                               "with title1, text1, title2, text2 and gold Overall)")
    rows = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            gold = row.get("gold") if isinstance(row.get("gold"), dict) else row
            missing = [k for k in ("text1", "text2") if not row.get(k)]
            if missing or gold.get("Overall") is None:
                raise MarsadError(f"{p}:{n}: a pair needs text1, text2 and Overall; missing "
                                  f"{missing or ['Overall']}")
            rows.append({"pair_id": str(row.get("pair_id", n)), "overall": float(gold["Overall"]),
                         "title1": row.get("title1") or "", "text1": row["text1"],
                         "title2": row.get("title2") or "", "text2": row["text2"],
                         "lang1": row.get("lang1"), "lang2": row.get("lang2")})
    return rows


def _articles(rows: Sequence[dict[str, Any]]) -> list[Article]:
    arts = []
    for r in rows:
        for side in ("1", "2"):
            text = r["text" + side]
            arts.append(Article(id=f"{r['pair_id']}:{side}", source=f"pairs#{r['pair_id']}",
                                text=text, title=r["title" + side], language=r.get("lang" + side)))
    return arts


def correlation_report(sims: Sequence[float], overall: Sequence[float]) -> dict[str, Any]:
    """Pearson, Spearman (with ``-overall``) and the AUC of ``<= 1.5`` vs ``>= 3.5``."""
    from scipy.stats import pearsonr, spearmanr
    from sklearn.metrics import roc_auc_score

    s = np.asarray(sims, dtype=float)
    g = -np.asarray(overall, dtype=float)
    out: dict[str, Any] = {"n": len(s)}
    constant = len(s) < 3 or np.ptp(s) == 0 or np.ptp(g) == 0
    out["pearson"] = None if constant else float(pearsonr(s, g)[0])
    out["spearman"] = None if constant else float(spearmanr(s, g)[0])
    pos, neg = g >= -1.5, g <= -3.5
    out["auc_positives"], out["auc_negatives"] = int(pos.sum()), int(neg.sum())
    if pos.any() and neg.any():
        mask = pos | neg
        out["auc"] = float(roc_auc_score(pos[mask].astype(int), s[mask]))
    else:
        out["auc"] = None
    return out


HEADLINE_GRID: tuple[float, ...] = (0.0, 0.5, 0.8, 1.0, 1.2, 1.5, 2.0)
"""Headline weights :func:`out_of_sample` chooses among on the training folds."""


def out_of_sample(comps: Sequence[dict[str, Any]], overall: Sequence[float], *,
                  weights: Weights = STORY_WEIGHTS, grid: Sequence[float] = HEADLINE_GRID,
                  folds: int = 10, repeats: int = 20, seed: int = 0) -> dict[str, Any] | None:
    """Cross-validated figures of the story score, with the headline weight chosen per fold.

    For each of ``repeats`` random splits into ``folds`` folds, each fold is scored with the
    headline weight (from ``grid``) that correlates best with the gold on the other folds,
    mapped to the gold scale by a line fitted on those folds; the pooled held-out predictions
    give Pearson, Spearman and AUC (means over the repeats).

    Args:
        comps: Per-pair similarity components (as :func:`feature_similarity` returns them).
        overall: Gold ``Overall`` per pair.
        weights: The other weights, kept fixed.
        grid: Headline weights to choose among.
        folds, repeats, seed: The k-fold scheme.

    Returns:
        ``{"pearson", "pearson_sd", "spearman", "auc", "folds", "repeats", "headline_chosen"}``
        (how often each weight was chosen), or ``None`` for fewer than ``2 * folds`` pairs.
    """
    from scipy.stats import pearsonr

    n = len(comps)
    if n < 2 * folds or n != len(overall):
        return None
    gold = -np.asarray(overall, dtype=float)
    scores = np.array([[combine(c, weights.replace(headline=h)) for c in comps] for h in grid])
    rng = np.random.default_rng(seed)
    chosen: dict[str, int] = {}
    figures: list[dict[str, Any]] = []
    for _ in range(repeats):
        order = rng.permutation(n)
        pred = np.zeros(n)
        for f in range(folds):
            test = order[f::folds]
            train = np.setdiff1d(order, test)
            fits = [pearsonr(sc[train], gold[train])[0] if np.ptp(sc[train]) > 0 else -1.0
                    for sc in scores]
            best = int(np.nanargmax(fits))
            chosen[str(grid[best])] = chosen.get(str(grid[best]), 0) + 1
            slope, icpt = np.polyfit(scores[best][train], gold[train], 1)
            pred[test] = slope * scores[best][test] + icpt
        figures.append(correlation_report(pred, overall))
    pearsons = [f["pearson"] for f in figures if f["pearson"] is not None]
    aucs = [f["auc"] for f in figures if f["auc"] is not None]
    return {"pearson": float(np.mean(pearsons)) if pearsons else None,
            "pearson_sd": float(np.std(pearsons)) if pearsons else None,
            "spearman": float(np.mean([f["spearman"] for f in figures if f["spearman"]
                                       is not None])) if pearsons else None,
            "auc": float(np.mean(aucs)) if aucs else None,
            "folds": folds, "repeats": repeats, "headline_chosen": chosen}


def halves(sims: Sequence[float], overall: Sequence[float], *, splits: int = 200,
           seed: int = 0) -> dict[str, Any] | None:
    """How the Pearson of a file's half varies: mean, standard deviation and 5th percentile
    over ``splits`` random halves (``None`` for fewer than 10 pairs)."""
    from scipy.stats import pearsonr

    s, g = np.asarray(sims, dtype=float), -np.asarray(overall, dtype=float)
    n = len(s)
    if n < 10:
        return None
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(splits):
        half = rng.permutation(n)[: n // 2]
        if np.ptp(s[half]) > 0 and np.ptp(g[half]) > 0:
            values.append(pearsonr(s[half], g[half])[0])
    if not values:
        return None
    return {"pearson_mean": float(np.mean(values)), "pearson_sd": float(np.std(values)),
            "pearson_p5": float(np.percentile(values, 5)), "splits": splits}


def evaluate_pairs(path: str | Path, *, settings: Settings | None = None,
                   stages: Sequence[str] | None = None, weights: Weights | None = None,
                   use_embeddings: bool | None = None) -> dict[str, Any]:
    """Score every pair with :func:`~marsad.cluster.similarity.article_similarity` and compare.

    Args:
        path: JSON Lines pairs file.
        settings: Settings (``use_embeddings`` is read from them); defaults when ``None``.
        stages: Stages to run on each text (default: those of :data:`PAIR_STAGES` that exist).
        weights: Similarity weights (default :data:`~marsad.cluster.similarity.STORY_WEIGHTS`,
            as :func:`~marsad.cluster.similarity.article_similarity`).
        use_embeddings: Override ``settings.use_embeddings``.

    Returns:
        ``{"n", "pearson", "spearman", "auc", "auc_positives", "auc_negatives", "stages",
        "stage_failures", "use_embeddings", "out_of_sample", "halves", "seconds", "pairs":
        [{"pair_id", "similarity", "overall", "components"}]}`` (``out_of_sample``: see
        :func:`out_of_sample`, ``halves``: :func:`halves`).
    """
    settings = settings or load_settings(env={})
    emb = settings.use_embeddings if use_embeddings is None else use_embeddings
    t0 = time.perf_counter()
    rows = read_pairs(path)
    names = available_stages(PAIR_STAGES) if stages is None else list(stages)
    arts, failures = run_stages(_articles(rows), settings, names)
    arts = [a for a in arts if not isinstance(a, Rejected)]
    model = FeatureModel(use_embeddings=emb)
    feats = model.partial_fit_transform(arts)
    texts = [story_text(a) for a in arts]
    w = weights or STORY_WEIGHTS
    sims, comps, per_pair = [], [], []
    for i, r in enumerate(rows):
        score, comp = feature_similarity(feats[2 * i], feats[2 * i + 1], w,
                                         (texts[2 * i], texts[2 * i + 1]))
        sims.append(score)
        comps.append(comp)
        per_pair.append({"pair_id": r["pair_id"], "similarity": round(score, 4),
                         "overall": r["overall"],
                         "components": {k: round(v, 4) for k, v in comp.items()
                                        if v is not None}})
    overall = [r["overall"] for r in rows]
    report = correlation_report(sims, overall)
    report.update({"stages": names, "stage_failures": failures, "use_embeddings": emb,
                   "out_of_sample": out_of_sample(comps, overall, weights=w),
                   "halves": halves(sims, overall),
                   "seconds": round(time.perf_counter() - t0, 2), "pairs": per_pair})
    return report
