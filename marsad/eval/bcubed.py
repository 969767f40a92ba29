"""Clustering metrics: B-cubed and pairwise precision, recall and F1.

B-cubed (Bagga and Baldwin 1998; Amigó et al. 2009) scores each item: precision is the share
of the items in its predicted cluster that share its gold cluster, recall the share of the items
in its gold cluster that share its predicted cluster; both are averaged over items. Pairwise
scores count item pairs put together by the prediction and by the gold. Items missing from
either side are ignored (only the intersection of the two labelings is scored).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from typing import Any


def _common(pred: Mapping[Any, Hashable], gold: Mapping[Any, Hashable]) -> list[Any]:
    return sorted((k for k in pred if k in gold), key=str)


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def bcubed(pred: Mapping[Any, Hashable], gold: Mapping[Any, Hashable]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a predicted clustering against a gold one.

    Args:
        pred: Item → predicted cluster label.
        gold: Item → gold cluster label.

    Returns:
        ``{"precision", "recall", "f1", "n"}``; all 0.0 (and ``n`` 0) when no item is shared.

    >>> bcubed({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"})["precision"]
    1.0
    """
    items = _common(pred, gold)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 0}
    joint = Counter((pred[i], gold[i]) for i in items)
    psize = Counter(pred[i] for i in items)
    gsize = Counter(gold[i] for i in items)
    p = sum(joint[(pred[i], gold[i])] / psize[pred[i]] for i in items) / len(items)
    r = sum(joint[(pred[i], gold[i])] / gsize[gold[i]] for i in items) / len(items)
    return {"precision": p, "recall": r, "f1": _f1(p, r), "n": len(items)}


def pairwise(pred: Mapping[Any, Hashable], gold: Mapping[Any, Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1: item pairs clustered together by each labeling.

    When neither labeling puts any two items together, precision and recall are 1.0 (nothing
    was claimed and nothing was missed).
    """
    items = _common(pred, gold)

    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter((pred[i], gold[i]) for i in items))
    in_pred = pairs(Counter(pred[i] for i in items))
    in_gold = pairs(Counter(gold[i] for i in items))
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return {"precision": p, "recall": r, "f1": _f1(p, r), "n": len(items)}


def clusters_of(labels: Mapping[Any, Hashable]) -> list[set[Any]]:
    """Group items by label, largest cluster first (ties: smallest item first)."""
    groups: dict[Hashable, set[Any]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return sorted(groups.values(), key=lambda g: (-len(g), min(map(str, g))))
