"""``evaluate_pairs``: similarity against gold story-similarity scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import DataMissingError, MarsadError
from marsad.eval.pairs import correlation_report, evaluate_pairs, read_pairs
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
    json.dumps(report)  # the CLI prints it as one JSON object


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
    assert report["pearson"] >= 0.75, report["pearson"]
    assert report["auc"] >= 0.96, report["auc"]
