"""Scoring the timex rules: the metric on a small hand-made file, then the demo corpus figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import DataMissingError
from marsad.eval.timex import evaluate_timex

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "timex" / "gold_small.jsonl"
DEMO_GOLD = ROOT / "examples" / "demo-corpus" / "gold" / "articles.jsonl"


def test_evaluate_timex_counts_matches_values_and_errors() -> None:
    r = evaluate_timex(SMALL, languages=["ar"])
    # t1: 3 gold, 3 found, 3 matched, one wrong value (P4Y, gold says P5Y);
    # t2: الخميس matched, لاحقاً missed, "غير موجود" not in the body, كل يوم spurious
    assert (r["articles"], r["gold"], r["unlocated"]) == (2, 5, 1)
    assert (r["predicted"], r["matched"]) == (5, 4)
    assert r["precision"] == pytest.approx(4 / 5)
    assert r["recall"] == pytest.approx(4 / 5)
    assert r["value_accuracy"] == pytest.approx(3 / 4)
    assert r["type_accuracy"] == pytest.approx(1.0)
    kinds = sorted(e["kind"] for e in r["errors"])
    assert kinds == ["missed", "spurious", "unlocated", "value"]


def test_evaluate_timex_all_languages() -> None:
    r = evaluate_timex(SMALL)
    assert r["articles"] == 3
    assert r["matched"] == 5


def test_evaluate_timex_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match="does not exist"):
        evaluate_timex(tmp_path / "nope.jsonl")


def test_evaluate_timex_on_demo_corpus() -> None:
    if not DEMO_GOLD.exists():
        pytest.fail(f"demo corpus gold {DEMO_GOLD} is missing", pytrace=False)
    r = evaluate_timex(DEMO_GOLD)
    print(f"\ntimex on the demo corpus ({r['articles']} articles, {r['gold']} gold): "
          f"P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
          f"value accuracy={r['value_accuracy']:.3f} type accuracy={r['type_accuracy']:.3f}")
    for e in r["errors"]:
        print("  ", e)
    assert r["unlocated"] == 0
    assert r["f1"] >= 0.9
    assert r["value_accuracy"] >= 0.9
