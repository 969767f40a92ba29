"""The page-dump filter on the team's demo corpus: line-level F1 against the gold body lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.extract.textdump_eval import evaluate_dump_gold, load_dump_gold

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo-corpus"
F1_FLOOR = 0.97


@pytest.fixture(scope="module")
def demo_scores() -> dict:
    gold = DEMO / "gold" / "articles.jsonl"
    if not gold.exists():
        pytest.fail(f"the demo corpus gold {gold} is missing: it ships with the repository",
                    pytrace=False)
    return evaluate_dump_gold(DEMO)


def test_textdump_demo_corpus_has_text_pages():
    records = load_dump_gold(DEMO)
    assert len(records) >= 5, "the demo corpus should hold page dumps with gold body lines"


def test_textdump_demo_corpus_line_f1(demo_scores):
    micro = demo_scores["micro"]
    worst = sorted(demo_scores["pages"], key=lambda r: r["f1"])[:5]
    detail = "; ".join(f"{r['path']} F1={r['f1']:.3f} fp={r['fp_lines']} fn={r['fn_lines']}"
                       for r in worst)
    assert micro["f1"] >= F1_FLOOR, f"micro F1 {micro['f1']:.4f} < {F1_FLOOR}; worst: {detail}"


def test_textdump_demo_corpus_no_page_lost(demo_scores):
    # every gold article is found at least in part (no page loses its article entirely)
    lost = [r["path"] for r in demo_scores["pages"] if r["tp"] == 0]
    assert not lost, lost
