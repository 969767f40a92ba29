"""The quality gate: figures measured on labeled data against floors pinned in a baseline file.

trafilatura's ``eval_gate`` habit: CI fails when a figure drops below its floor in
``quality/baseline.json``. Each metric name maps to a function computing it; functions that
share an expensive evaluation share one cached run.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError, choices

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "quality" / "baseline.json"
DEMO = ROOT / "examples" / "demo-corpus"


def shared_dir() -> Path:
    """``../shared`` beside the repository (or ``$MARSAD_SHARED``)."""
    import os

    return Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))


@functools.cache
def _extract() -> dict[str, Any]:
    from marsad.eval.extract import evaluate_extract

    return evaluate_extract(shared_dir() / "data" / "scrapinghub-article-extraction")


@functools.cache
def _summarize() -> dict[str, Any]:
    from marsad.eval.summarize import evaluate_summarize

    return evaluate_summarize(shared_dir() / "data" / "easc")


@functools.cache
def _timex() -> dict[str, Any]:
    from marsad.eval.timex import evaluate_timex

    return evaluate_timex(DEMO / "gold" / "articles.jsonl")


@functools.cache
def _quantities() -> dict[str, Any]:
    from marsad.eval.enrich_demo import evaluate_quantities

    return evaluate_quantities(DEMO / "gold" / "articles.jsonl")


@functools.cache
def _quotes() -> dict[str, Any]:
    from marsad.eval.enrich_demo import evaluate_quotes

    return evaluate_quotes(DEMO / "gold" / "articles.jsonl")


@functools.cache
def _dump_lines() -> dict[str, Any]:
    from marsad.extract.textdump_eval import evaluate_dump_gold

    return evaluate_dump_gold(DEMO)


@functools.cache
def _demo_extract() -> dict[str, Any]:
    from marsad.eval.demo_extract import evaluate_demo_extract

    return evaluate_demo_extract(DEMO)


@functools.cache
def _clustering() -> dict[str, Any]:
    from marsad.eval.clustering import evaluate_clustering

    return evaluate_clustering(DEMO)


@functools.cache
def _pairs() -> dict[str, Any]:
    from marsad.eval.pairs import evaluate_pairs

    return evaluate_pairs(shared_dir() / "data" / "semeval2022-task8-ar" / "pairs.jsonl")


@functools.cache
def _stories() -> dict[str, Any]:
    from marsad.eval.stories_demo import evaluate_stories_demo

    return evaluate_stories_demo(DEMO)


def _false_conflicts_ok() -> float:
    """1.0 when no conflict is reported that the gold does not plant, else 0.0."""
    return 1.0 if _stories()["conflicts"]["false"] == 0 else 0.0


def _pick(run: Callable[[], dict[str, Any]], *path: str) -> Callable[[], float]:
    def get() -> float:
        value: Any = run()
        for key in path:
            value = value[key]
        return float(value)

    return get


METRICS: dict[str, Callable[[], float]] = {
    "extract.scrapinghub.f1": _pick(_extract, "f1"),
    "extract.scrapinghub.precision": _pick(_extract, "precision"),
    "extract.scrapinghub.recall": _pick(_extract, "recall"),
    "extract.demo.line_f1": _pick(_demo_extract, "line_f1"),
    "extract.demo.title_exact": _pick(_demo_extract, "title_exact"),
    "extract.demo.outlet_exact": _pick(_demo_extract, "outlet_exact"),
    "extract.demo.date_exact": _pick(_demo_extract, "date_exact"),
    "textdump.demo.line_f1": _pick(_dump_lines, "micro", "f1"),
    "timex.demo.f1": _pick(_timex, "f1"),
    "timex.demo.value_accuracy": _pick(_timex, "value_accuracy"),
    "quantities.demo.f1": _pick(_quantities, "f1"),
    "quantities.demo.value_accuracy": _pick(_quantities, "value_accuracy"),
    "quantities.demo.unit_accuracy": _pick(_quantities, "unit_accuracy"),
    "quotes.demo.f1": _pick(_quotes, "f1"),
    "quotes.demo.speaker_accuracy": _pick(_quotes, "speaker_accuracy"),
    "clustering.demo.events_bcubed_f1": _pick(_clustering, "events", "bcubed", "f1"),
    "clustering.demo.storylines_bcubed_f1": _pick(_clustering, "storylines", "bcubed", "f1"),
    "pairs.semeval.pearson": _pick(_pairs, "pearson"),
    "pairs.semeval.auc": _pick(_pairs, "auc"),
    "stories.demo.conflicts_recall": _pick(_stories, "conflicts", "recall"),
    "stories.demo.no_false_conflicts": _false_conflicts_ok,
    "stories.demo.facts_recall": _pick(_stories, "facts", "recall"),
    "stories.demo.unique_recall": _pick(_stories, "unique", "recall"),
    "stories.demo.framing_recall": _pick(_stories, "framing", "recall"),
    "stories.demo.framing_precision": _pick(_stories, "framing", "precision"),
    "stories.demo.evolution_recall": _pick(_stories, "evolution", "recall"),
    "summarize.easc.rouge1_f": _pick(_summarize, "systems", "marsad", "rouge1", "f"),
    "summarize.easc.rouge2_f": _pick(_summarize, "systems", "marsad", "rouge2", "f"),
    # marsad minus the best of lead/LexRank/TextRank/LSA in the same run: must stay >= 0
    "summarize.easc.rouge1_margin": _pick(_summarize, "margins", "rouge1", "delta_f"),
    "summarize.easc.rouge2_margin": _pick(_summarize, "margins", "rouge2", "delta_f"),
}


def register(name: str, func: Callable[[], float]) -> None:
    """Add a metric to the gate (used by modules that own an evaluation)."""
    METRICS[name] = func


def load_baseline(path: str | Path = BASELINE) -> dict[str, float]:
    """The pinned floors: metric name → minimum value."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.items() if not k.startswith("_")}


def measure(name: str) -> float:
    """Compute one gate metric.

    Raises:
        ConfigError: The metric name is unknown.
    """
    if name not in METRICS:
        raise ConfigError(choices("gate metric", name, METRICS))
    return METRICS[name]()


def run_gate(path: str | Path = BASELINE, names: list[str] | None = None) -> dict[str, Any]:
    """Measure every pinned metric and compare it with its floor.

    Returns:
        ``{"passed": bool, "metrics": {name: {"value", "floor", "ok"}}}``.
    """
    floors = load_baseline(path)
    results: dict[str, Any] = {}
    for name in names or sorted(floors):
        value = measure(name)
        floor = floors.get(name, 0.0)
        results[name] = {"value": round(value, 4), "floor": floor, "ok": value >= floor}
    return {"passed": all(r["ok"] for r in results.values()), "metrics": results}
