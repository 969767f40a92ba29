"""ROUGE with Arabic tokens: hand-computed cases (marsad.eval.rouge)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.eval.rouge import (
    Score,
    lcs_length,
    mean_scores,
    rouge_from_tokens,
    rouge_scores,
    rouge_tokens,
)


def _lcs_table(a: list[str], b: list[str]) -> int:
    """Textbook dynamic-programming LCS, the reference for the bit-parallel one."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1],
                                                                     table[i + 1][j])
    return table[-1][-1]


def test_rouge_tokens_keep_arabic_letters_and_fold_variants() -> None:
    tokens = rouge_tokens("أَعلنَ الوزيـرُ: «إنّ» ٧٩ دولة، Hello_World!")
    assert tokens[:4] == ["اعلن", "الوزير", "ان", "79"]
    assert tokens[5:] == ["hello", "world"]
    assert len(tokens) == 7


def test_rouge_tokens_stemmed_merges_definite_and_indefinite_forms() -> None:
    plain = rouge_tokens("المدرسة مدرسة")
    stemmed = rouge_tokens("المدرسة مدرسة", stem=True)
    assert plain[0] != plain[1]
    assert stemmed[0] == stemmed[1]
    assert len(stemmed) == len(plain)


def test_rouge_unigram_bigram_lcs_single_reference() -> None:
    scores = rouge_scores("ذهب الولد الى المدرسة", ["ذهب الولد الى السوق"])
    assert scores["rouge1"].precision == pytest.approx(3 / 4)
    assert scores["rouge1"].recall == pytest.approx(3 / 4)
    assert scores["rouge2"].fmeasure == pytest.approx(2 / 3)
    assert scores["rougeL"].fmeasure == pytest.approx(3 / 4)


def test_rouge_counts_are_clipped() -> None:
    score = rouge_scores("في في في", ["في البيت"])["rouge1"]
    # one "في" matches: P = 1/3, R = 1/2, F = 2PR/(P+R) = 0.4
    assert (score.precision, score.recall, score.fmeasure) == pytest.approx((1 / 3, 1 / 2, 0.4))


def test_rouge_l_rewards_order() -> None:
    score = rouge_scores("الرئيس قال امس", ["قال الرئيس امس"])
    assert score["rouge1"].fmeasure == pytest.approx(1.0)
    assert score["rougeL"].fmeasure == pytest.approx(2 / 3)


def test_rouge_multi_reference_average_pools_hits_and_counts() -> None:
    refs = ["قال الوزير", "أعلن الرئيس أمس"]
    pooled = rouge_scores("قال الوزير", refs)["rouge1"]
    # hits 2 + 0; reference counts 2 + 3; candidate counted once per reference: 2 + 2
    assert (pooled.precision, pooled.recall) == pytest.approx((2 / 4, 2 / 5))
    assert pooled.fmeasure == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    best = rouge_scores("قال الوزير", refs, aggregate="max")["rouge1"]
    assert best.fmeasure == pytest.approx(1.0)


def test_rouge_matches_rouge_score_readme_example_in_english() -> None:
    # rouge_score's README: target "The quick brown fox jumps over the lazy dog", prediction
    # "The quick brown dog jumps on the log." -> rouge1 P 0.75 R 0.6667, rougeL P 0.625 R 0.5556.
    scores = rouge_scores("The quick brown dog jumps on the log.",
                          ["The quick brown fox jumps over the lazy dog"])
    assert (scores["rouge1"].precision, scores["rouge1"].recall) == pytest.approx((0.75, 6 / 9))
    assert (scores["rougeL"].precision, scores["rougeL"].recall) == pytest.approx((5 / 8, 5 / 9))


def test_rouge_empty_candidate_scores_zero_not_nan() -> None:
    score = rouge_scores("", ["قال الوزير"])["rouge2"]
    assert score == Score(0.0, 0.0, 0.0)


def test_rouge_rejects_unknown_measure_and_aggregate() -> None:
    with pytest.raises(ValueError, match="rougeL"):
        rouge_from_tokens("rougeX", ["a"], [["a"]])
    with pytest.raises(ValueError, match="average"):
        rouge_from_tokens("rouge1", ["a"], [["a"]], aggregate="median")
    with pytest.raises(ValueError, match="at least one reference"):
        rouge_from_tokens("rouge1", ["a"], [])


def test_mean_scores_averages_each_field() -> None:
    docs = [{"rouge1": Score(1.0, 0.5, 2 / 3)}, {"rouge1": Score(0.0, 0.5, 0.0)}]
    mean = mean_scores(docs)["rouge1"]
    assert (mean.precision, mean.recall, mean.fmeasure) == pytest.approx((0.5, 0.5, 1 / 3))


@given(st.lists(st.sampled_from("abcd"), max_size=40), st.lists(st.sampled_from("abce"),
                                                                max_size=40))
def test_lcs_length_equals_dynamic_programming(a: list[str], b: list[str]) -> None:
    assert lcs_length(a, b) == _lcs_table(a, b)
