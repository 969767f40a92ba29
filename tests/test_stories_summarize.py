"""Single-document extractive summaries (marsad.stories.summarize.summarize_text)."""

from __future__ import annotations

import pytest

from marsad.arabic.sentences import split_sentences
from marsad.stories.summarize import (
    SummaryParams,
    normalized_words,
    rank_sentences,
    stem_words,
    summarize_text,
)

# Invented news text (not from any outlet).
TEXT = (
    "أعلنت وزارة الصحة في مدينة الواحة عن افتتاح مستشفى جديد للأطفال يضم مئتي سرير.\n"
    "وقال وزير الصحة خالد النجار إن المستشفى الجديد سيخدم الأطفال في المدينة والقرى المجاورة.\n"
    "وبلغت كلفة بناء المستشفى نحو ثلاثين مليون دينار بتمويل من الحكومة.\n"
    "صورة.\n"
    "وأضاف الوزير أن المستشفى سيوظف أكثر من خمسمئة طبيب وممرض من أبناء المدينة.\n"
    "وقال وزير الصحة خالد النجار إن المستشفى الجديد سيخدم الأطفال في المدينة والقرى المجاورة.\n"
    "ويذكر أن المدينة شهدت الشهر الماضي مهرجانا للزهور حضره آلاف الزوار من خارجها.\n"
)


def test_summarize_text_returns_spans_into_the_original_in_document_order() -> None:
    spans = summarize_text(TEXT, n_sentences=3)
    assert len(spans) == 3
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    for span in spans:
        assert TEXT[span.start:span.end] == span.text


def test_summarize_text_starts_with_the_lead_and_skips_captions() -> None:
    spans = summarize_text(TEXT, n_sentences=3)
    assert spans[0].text.startswith("أعلنت وزارة الصحة")
    assert all(s.text != "صورة." for s in spans)


def test_summarize_text_never_repeats_a_duplicated_sentence() -> None:
    texts = [s.text for s in summarize_text(TEXT, n_sentences=5)]
    assert len(texts) == len(set(texts))


def test_summarize_text_is_deterministic() -> None:
    first = summarize_text(TEXT, ratio=0.5, title="مستشفى جديد للأطفال")
    assert first == summarize_text(TEXT, ratio=0.5, title="مستشفى جديد للأطفال")


def test_summarize_text_length_options() -> None:
    n_all = len(split_sentences(TEXT))
    assert len(summarize_text(TEXT, ratio=1.0)) == n_all
    assert len(summarize_text(TEXT)) == max(1, round(n_all * 0.25))
    few_words = summarize_text(TEXT, max_words=20)
    assert len(few_words) == 1  # the best sentence is always kept, the next would overflow
    assert summarize_text("") == []


@pytest.mark.parametrize("kwargs", [
    {"n_sentences": 2, "ratio": 0.5}, {"n_sentences": 0}, {"ratio": 1.5}, {"max_words": 0},
])
def test_summarize_text_rejects_bad_length_options(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        summarize_text(TEXT, **kwargs)  # type: ignore[arg-type]


def test_rank_sentences_covers_every_sentence_once() -> None:
    ranked = rank_sentences(TEXT)
    assert sorted(r.index for r in ranked) == list(range(len(split_sentences(TEXT))))
    assert all(0.0 <= r.score <= 1.0 for r in ranked)


def test_rank_sentences_title_pulls_matching_sentence_up() -> None:
    params = SummaryParams(w_position=0.0, w_title=5.0)
    ranked = rank_sentences(TEXT, title="مهرجان الزهور والزوار", params=params)
    assert "مهرجانا للزهور" in ranked[0].span.text


def test_stem_words_share_a_stem_across_definite_and_feminine_forms() -> None:
    stems = stem_words(normalized_words("المدرسة مدرسة"))
    assert stems[0] == stems[1]


def test_stem_words_keeps_names_unstemmed() -> None:
    words = normalized_words("بومبيو")
    assert stem_words(words, keep=set(words)) == words
