"""Story products on the demo corpus gold: planted conflicts, unique facts, framing, evolutions.

Runs the real pipeline on ``examples/demo-corpus/pages`` and groups the articles by the gold
events (so the figures measure the story products, not the clustering). Prints the figures (run
with ``-s`` to see them); the floors are a little under the figures measured when the rules were
written, so a regression fails here before it reaches the quality gate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.eval.stories_demo import evaluate_stories_demo

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo-corpus"


@pytest.fixture(scope="module")
def figures() -> dict:
    result = evaluate_stories_demo(DEMO)
    summary = {k: {x: y for x, y in result[k].items() if not isinstance(y, list)}
               for k in ("conflicts", "facts", "unique", "framing", "evolution")}
    print("\nstories demo figures:", json.dumps(
        {"articles": result["articles"], "gold_articles": result["gold_articles"],
         "rejected": len(result["rejected"]), "skipped_stages": result["skipped_stages"],
         **summary}, ensure_ascii=False, indent=1))
    return result


def test_stories_demo_all_gold_articles_are_built(figures: dict) -> None:
    assert figures["articles"] == figures["gold_articles"], figures["rejected"]


def test_stories_demo_planted_conflicts_are_found_without_false_ones(figures: dict) -> None:
    conflicts = figures["conflicts"]
    assert conflicts["planted"] >= 3
    assert conflicts["recall"] >= 0.8, conflicts["details"]
    assert conflicts["false"] <= 1, conflicts["details"]


def test_stories_demo_facts_and_their_sources(figures: dict) -> None:
    assert figures["facts"]["recall"] >= 0.85, figures["facts"]["missed"]
    assert figures["facts"]["source_recall"] >= 0.85


def test_stories_demo_unique_facts(figures: dict) -> None:
    unique = figures["unique"]
    assert unique["recall"] >= 0.8, [d for d in unique["details"] if not d["found"]]
    assert unique["items_listed"] <= 8 * figures["articles"], "unique lists must stay short"


def test_stories_demo_framing_terms(figures: dict) -> None:
    framing = figures["framing"]
    assert framing["recall"] >= 0.8, framing["per_article"]
    assert framing["precision"] >= 0.85, framing["per_article"]


def test_stories_demo_evolutions(figures: dict) -> None:
    assert figures["evolution"]["recall"] >= 0.7, figures["evolution"]["details"]
