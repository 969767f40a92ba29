"""``evaluate_clustering`` on the team's demo corpus and on a small invented stream."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import DataMissingError, MarsadError
from marsad.eval.clustering import (
    build_articles,
    compare_orders,
    evaluate_clustering,
    read_records,
    records_to_jsonl,
)
from tests.conftest import DEMO, settings  # noqa: F401 - settings is a fixture

STREAM = Path(__file__).parent / "fixtures" / "cluster" / "stream_small.jsonl"


def test_eval_clustering_jsonl_stream() -> None:
    report = evaluate_clustering(STREAM)
    assert report["n"] == 90 and report["rejected"] == []
    assert report["events"]["bcubed"]["f1"] >= 0.85  # real stages on invented text, no NER
    assert report["storylines"] is not None
    assert set(report["events"]) == {"bcubed", "pairwise", "predicted", "gold"}
    json.dumps(report, ensure_ascii=False)


def test_eval_clustering_bad_input(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match=r"gold/articles\.jsonl"):
        read_records(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "نص"}), encoding="utf-8")
    with pytest.raises(MarsadError, match="event"):
        read_records(bad)


def test_eval_clustering_html_records_are_extracted(tmp_path: Path, settings) -> None:  # noqa: F811
    first = json.loads(STREAM.read_text(encoding="utf-8").splitlines()[0])
    paragraphs = "".join(f"<p>{line}</p>" for line in first["text"].split("\n"))
    html = (f"<html><head><title>{first['title']}</title></head><body><article>"
            f"<h1>{first['title']}</h1>{paragraphs}</article></body></html>")
    arts, rejected = build_articles([{"id": "h1", "html": html, "event": "e",
                                      "published": "2023-01-02", "outlet": "منفذ"}], settings)
    assert [r.reason for r in rejected] == []
    assert arts[0].id == "h1" and first["text"].split("\n")[0][:30] in arts[0].text


@pytest.fixture(scope="module")
def demo_report() -> dict:
    if not (DEMO / "gold" / "articles.jsonl").exists():
        pytest.fail(f"the demo corpus gold is missing at {DEMO}", pytrace=False)
    return evaluate_clustering(DEMO)


def test_eval_clustering_demo_corpus_events(demo_report: dict) -> None:
    assert demo_report["events"]["bcubed"]["f1"] >= 0.95, demo_report["events"]


def test_eval_clustering_demo_corpus_storylines(demo_report: dict) -> None:
    assert demo_report["storylines"]["bcubed"]["f1"] >= 0.90, demo_report["storylines"]


def test_eval_clustering_demo_corpus_any_order(settings) -> None:  # noqa: F811
    arts, _ = build_articles(read_records(DEMO), settings)
    for seed in (1, 2):
        report = compare_orders(arts, settings=settings, seed=seed, batch_size=1)
        assert report["bcubed"]["f1"] >= 0.98, report


def test_eval_clustering_records_to_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "demo.jsonl"
    n = records_to_jsonl(DEMO, out)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(rows) > 0
    assert all({"id", "event", "text"} <= set(r) for r in rows)
