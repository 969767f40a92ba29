"""``evaluate_pairs``: similarity against gold story-similarity scores."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.errors import DataMissingError, MarsadError
from marsad.eval.pairs import (
    correlation_report,
    evaluate_pairs,
    halves,
    out_of_sample,
    read_pairs,
)
from tests.conftest import shared_path

SAME_A = ("أعلنت وزارة الصحة تسجيل مئة وعشرين إصابة جديدة بالحمى في محافظة الشمال، وقالت إن "
          "فرقها تتابع المخالطين وتوزع الأدوية في القرى الحدودية.")
SAME_B = ("سجلت محافظة الشمال مئة وعشرين إصابة جديدة بالحمى بحسب وزارة الصحة، التي أوضحت أن "
          "فرقها الطبية توزع الأدوية وتتابع المخالطين في القرى.")
OTHER = ("فاز المنتخب الوطني لكرة السلة على ضيفه في مباراة ودية أقيمت في الصالة المغطاة، وسط "
         "حضور جماهيري لافت قبل انطلاق البطولة القارية الشهر المقبل.")
OTHER_B = ("ارتفعت أسعار الذهب في الأسواق المحلية مع تراجع الدولار، وقال تجار إن الإقبال على "
           "شراء المشغولات تراجع بسبب الغلاء.")


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_eval_pairs_correlation_report_hand_example() -> None:
    report = correlation_report([0.9, 0.8, 0.2, 0.1], [1.0, 1.0, 4.0, 4.0])
    assert report["pearson"] == pytest.approx(0.98995, abs=1e-4)
    assert report["spearman"] == pytest.approx(0.8944, abs=1e-3)
    assert report["auc"] == 1.0
    assert (report["auc_positives"], report["auc_negatives"]) == (2, 2)


def test_eval_pairs_constant_scores_have_no_correlation() -> None:
    report = correlation_report([0.5, 0.5, 0.5], [1.0, 2.0, 4.0])
    assert report["pearson"] is None and report["auc"] == 0.5


def test_eval_pairs_small_file(tmp_path: Path) -> None:
    rows = [
        {"pair_id": "p1", "title1": "إصابات بالحمى", "text1": SAME_A, "title2": "الحمى في الشمال",
         "text2": SAME_B, "gold": {"Overall": 1.0}},
        {"pair_id": "p2", "title1": "مباراة ودية", "text1": OTHER, "title2": "أسعار الذهب",
         "text2": OTHER_B, "Overall": 4.0},
        {"pair_id": "p3", "title1": "إصابات بالحمى", "text1": SAME_A, "title2": "أسعار الذهب",
         "text2": OTHER_B, "gold": {"Overall": 3.5}},
    ]
    report = evaluate_pairs(_write(tmp_path / "pairs.jsonl", rows))
    sims = {p["pair_id"]: p["similarity"] for p in report["pairs"]}
    assert sims["p1"] > sims["p3"] and sims["p1"] > sims["p2"]
    assert report["n"] == 3 and report["auc"] == 1.0
    assert "char" in report["pairs"][0]["components"]
    assert {"headline", "reliability"} <= set(report["pairs"][0]["components"])
    json.dumps(report)  # the CLI prints it as one JSON object


def test_eval_pairs_headline_lifts_a_reworded_report(tmp_path: Path) -> None:
    # the same story in other words under a headline the other article tells, against a
    # different story on the same topic: the headline coverage separates them
    rows = [
        {"pair_id": "same", "title1": "الحمى في محافظة الشمال: مئة وعشرون إصابة جديدة",
         "text1": SAME_A, "title2": "إصابات جديدة بالحمى", "text2": SAME_B, "Overall": 1.0},
        {"pair_id": "topic", "title1": "الحمى في محافظة الشمال: مئة وعشرون إصابة جديدة",
         "text1": SAME_A, "title2": "أسعار الذهب ترتفع", "text2": OTHER_B, "Overall": 4.0},
    ]
    report = evaluate_pairs(_write(tmp_path / "pairs.jsonl", rows))
    comps = {p["pair_id"]: p["components"] for p in report["pairs"]}
    assert comps["same"]["headline"] >= 0.8
    assert comps["topic"]["headline"] < 0.5


def test_eval_pairs_out_of_sample_rechooses_the_headline_weight() -> None:
    # the gold follows the headline coverage; the character cosine is noise
    rng = np.random.default_rng(3)
    overall = [float(v) for v in rng.integers(1, 5, size=60)]
    comps = [{"char": float(rng.random()), "headline": (4.0 - o) / 3.0 + 0.05 * rng.random(),
              "reliability": 1.0} for o in overall]
    est = out_of_sample(comps, overall, folds=5, repeats=3)
    assert est is not None and est["pearson"] > 0.8 and est["auc"] == 1.0
    assert max(est["headline_chosen"], key=est["headline_chosen"].get) == "2.0"
    assert sum(est["headline_chosen"].values()) == 5 * 3
    assert out_of_sample(comps[:9], overall[:9], folds=5) is None


def test_eval_pairs_halves() -> None:
    overall = [1.0, 2.0, 3.0, 4.0] * 5
    perfect = halves([5.0 - o for o in overall], overall, splits=20)
    assert perfect is not None and perfect["pearson_mean"] == pytest.approx(1.0)
    assert perfect["pearson_sd"] == pytest.approx(0.0, abs=1e-9)
    assert halves([0.1, 0.2], [1.0, 4.0]) is None


def test_eval_pairs_bad_input(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match="does not exist"):
        read_pairs(tmp_path / "missing.jsonl")
    bad = _write(tmp_path / "bad.jsonl", [{"pair_id": "x", "text1": "نص"}])
    with pytest.raises(MarsadError, match="text2"):
        read_pairs(bad)


@pytest.mark.slow
def test_eval_pairs_semeval_arabic_acceptance() -> None:
    path = shared_path("data", "semeval2022-task8-ar", "pairs.jsonl")
    report = evaluate_pairs(path)
    assert report["n"] == 120
    # 0.814 / 0.989 when written (estimated 0.80 / 0.986 on unseen pairs: the one story weight
    # was chosen here); the floors leave room for changes in the enrichment stages
    assert report["pearson"] >= 0.80, report["pearson"]
    assert report["auc"] >= 0.98, report["auc"]
