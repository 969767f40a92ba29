"""B-cubed and pairwise metrics on hand-computed examples."""

from __future__ import annotations

import pytest

from marsad.eval.bcubed import bcubed, clusters_of, pairwise

GOLD = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B"}
PRED = {1: "x", 2: "x", 3: "y", 4: "y", 5: "y"}


def test_bcubed_hand_computed_example() -> None:
    # precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15
    scores = bcubed(PRED, GOLD)
    assert scores["precision"] == pytest.approx(11 / 15)
    assert scores["recall"] == pytest.approx(11 / 15)
    assert scores["f1"] == pytest.approx(11 / 15)
    assert scores["n"] == 5


def test_bcubed_one_big_cluster_has_full_recall() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    scores = bcubed({k: 0 for k in gold}, gold)
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == 1.0
    assert scores["f1"] == pytest.approx(2 / 3)


def test_bcubed_singletons_have_full_precision() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    scores = bcubed({k: k for k in gold}, gold)
    assert scores["precision"] == 1.0
    assert scores["recall"] == pytest.approx(0.5)


def test_bcubed_ignores_items_missing_on_one_side() -> None:
    scores = bcubed({**PRED, 99: "z"}, {**GOLD, 98: "C"})
    assert scores["n"] == 5
    assert scores["f1"] == pytest.approx(11 / 15)


def test_bcubed_labels_are_only_names() -> None:
    renamed = {k: v + "!" for k, v in PRED.items()}
    assert bcubed(renamed, GOLD) == bcubed(PRED, GOLD)
    assert bcubed(GOLD, GOLD)["f1"] == 1.0


def test_bcubed_empty_intersection() -> None:
    assert bcubed({1: "a"}, {2: "b"}) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 0}


def test_pairwise_hand_computed_example() -> None:
    # predicted pairs: (1,2) (3,4) (3,5) (4,5); gold pairs: (1,2) (1,3) (2,3) (4,5); common 2
    scores = pairwise(PRED, GOLD)
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(0.5)
    assert scores["f1"] == pytest.approx(0.5)


def test_pairwise_all_singletons_claims_nothing() -> None:
    gold = {"a": 1, "b": 2}
    assert pairwise({"a": 1, "b": 2}, gold)["f1"] == 1.0
    assert pairwise({"a": 1, "b": 1}, gold)["precision"] == 0.0


def test_clusters_of_groups_largest_first() -> None:
    assert clusters_of(PRED) == [{3, 4, 5}, {1, 2}]
