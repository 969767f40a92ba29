"""EASC evaluation of the summarizer against the baselines (marsad.eval.summarize)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.arabic.sentences import split_sentences
from marsad.errors import DataMissingError
from marsad.eval.summarize import (
    SYSTEMS,
    budgeted_tokens,
    evaluate_summarize,
    load_easc,
    rankers,
    unwrap,
)
from tests.conftest import shared_path

# Invented text (not from EASC) for a miniature corpus with the EASC layout.
_MINI_ARTICLE = (
    "افتتحت البلدية مكتبة عامة جديدة في وسط المدينة يوم الأحد بحضور المحافظ.\n"
    "وتضم المكتبة أكثر من عشرين ألف كتاب في العلوم والآداب والتاريخ.\n"
    "وقال المحافظ إن المكتبة ستفتح أبوابها للطلاب مجانا طوال أيام الأسبوع.\n"
    "وكانت البلدية قد بدأت بناء المكتبة قبل ثلاث سنوات بتمويل من رجال أعمال.\n"
    "ويأمل السكان أن تصبح المكتبة مركزا ثقافيا يجمع الشباب.\n"
)


def _write_mini_easc(root: Path, *, with_refs: bool = True) -> Path:
    """An EASC-shaped folder with two invented articles and five references each."""
    for topic in (3, 41):
        (root / "Articles" / f"Topic{topic}").mkdir(parents=True)
        (root / "Articles" / f"Topic{topic}" / "culture (1).txt").write_text(
            "\ufeff" + _MINI_ARTICLE, encoding="utf-8")
        (root / "MTurk" / f"Topic{topic}").mkdir(parents=True)
        if with_refs:
            lines = _MINI_ARTICLE.splitlines()
            for k, letter in enumerate("ABCDE", start=1):
                chosen = lines[:2] if k % 2 else [lines[0], lines[2]]
                (root / "MTurk" / f"Topic{topic}" / f"D0{topic}.M.250.A.{k}.{letter}").write_text(
                    " ".join(chosen), encoding="utf-8")
    return root


def test_unwrap_joins_hard_wrapped_lines_only() -> None:
    assert unwrap("سطر أول بلا نقطة\nيكمل هنا.\nجملة ثانية.") == (
        "سطر أول بلا نقطة يكمل هنا.\nجملة ثانية.")


def test_budgeted_tokens_cut_the_sentence_crossing_the_budget() -> None:
    tokens = [["a", "b", "c"], ["d", "e"], ["f", "g", "h", "i"]]
    # best-first 2, 0: 4 tokens of sentence 2 leave 1 for sentence 0; read in document order
    assert budgeted_tokens([2, 0, 1], tokens, 5) == ["a", "f", "g", "h", "i"]
    assert budgeted_tokens([0, 1, 2], tokens, 100) == list("abcdefghi")


def test_rankers_return_a_permutation_of_all_sentences() -> None:
    sentences = split_sentences(_MINI_ARTICLE)
    for name, rank in rankers().items():
        order = rank(_MINI_ARTICLE, sentences)
        assert sorted(order) == list(range(len(sentences))), name


def test_load_easc_fails_clearly_when_folder_is_missing(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError, match="does not exist"):
        load_easc(tmp_path / "nowhere")
    with pytest.raises(DataMissingError, match="Articles/"):
        load_easc(tmp_path)


def test_load_easc_fails_clearly_without_references(tmp_path: Path) -> None:
    _write_mini_easc(tmp_path, with_refs=False)
    with pytest.raises(DataMissingError, match="no reference summaries"):
        load_easc(tmp_path)


def test_evaluate_summarize_on_a_miniature_corpus(tmp_path: Path) -> None:
    result = evaluate_summarize(_write_mini_easc(tmp_path / "easc"))
    assert result["articles"] == 2
    assert result["references"] == 10
    assert set(result["systems"]) == set(SYSTEMS)
    for row in result["systems"].values():
        for kind in ("rouge1", "rouge2", "rougeL"):
            assert set(row[kind]) == {"p", "r", "f"}
            assert 0.0 <= row[kind]["f"] <= 1.0
    assert set(result["splits"]) == {"dev", "test"}  # Topic3 is dev, Topic41 is test
    json.dumps(result, ensure_ascii=False)  # the CLI prints it as one JSON line


def test_evaluate_summarize_rejects_unknown_system(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lexrank"):
        evaluate_summarize(tmp_path, systems=("marsad", "oracle"))


def test_load_easc_reads_every_article_with_five_references() -> None:
    articles = load_easc(shared_path("data", "easc"))
    assert len(articles) >= 70
    assert all(len(a.references) == 5 for a in articles)
    assert all(not a.text.startswith("\ufeff") for a in articles)


def test_evaluate_summarize_marsad_at_least_best_baseline_on_easc() -> None:
    result = evaluate_summarize(shared_path("data", "easc"))
    systems = result["systems"]
    assert set(systems) == set(SYSTEMS)
    for kind in ("rouge1", "rouge2"):
        best = max(systems[b][kind]["f"] for b in SYSTEMS[1:])
        assert systems["marsad"][kind]["f"] >= best, (kind, systems)
    # the sumy graph baselines are clearly behind on this corpus
    for name in ("lexrank", "textrank", "lsa"):
        assert systems["marsad"]["rouge1"]["f"] > systems[name]["rouge1"]["f"] + 0.02
