"""Quotes against the demo corpus gold (examples/demo-corpus/gold): prints the figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import DataMissingError
from marsad.eval.enrich_demo import evaluate_quotes, load_gold

GOLD = (Path(__file__).resolve().parent.parent / "examples" / "demo-corpus" / "gold"
        / "articles.jsonl")


def test_enrich_demo_quotes_figures() -> None:
    report = evaluate_quotes(GOLD)
    figures = {k: v for k, v in report.items() if k != "errors"}
    print("quotes on the demo corpus:", json.dumps(figures, ensure_ascii=False))
    assert report["gold"] > 0 and report["unlocated"] == 0
    # floors under today's figures (P 0.91, R 0.93, speaker 0.79, kind 0.91): a guard
    assert report["f1"] >= 0.8 and report["kind_accuracy"] >= 0.8
    assert report["speaker_accuracy"] >= 0.65 and report["verb_accuracy"] >= 0.9


def test_enrich_demo_missing_gold_says_what_is_expected(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match="demo corpus gold"):
        load_gold(tmp_path / "nope.jsonl")
