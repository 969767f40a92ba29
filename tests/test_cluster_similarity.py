"""Article similarity: components and how they combine."""

from __future__ import annotations

import pytest

from marsad.cluster.features import FeatureModel
from marsad.cluster.similarity import (
    EVENT_WEIGHTS,
    Weights,
    article_similarity,
    combine,
    date_agreement,
    feature_similarity,
    similarity_components,
    time_gap,
)
from marsad.model import Article, Span

MEETING = ("يعقد مجلس المياه العربي اجتماعه الدوري في عمّان بمشاركة أربعة عشر وفدا لبحث خطة "
           "العمل المشتركة وتمويل مشاريع تحلية المياه في المنطقة. وقال الأمين العام إن الاجتماع "
           "سيصدر بيانا ختاميا بتوصيات حول إدارة الموارد المائية.")
OTHER = ("فاز النادي الأهلي على منافسه بثلاثة أهداف مقابل هدف في مباراة مثيرة ضمن الدوري، "
         "وسجل المهاجم هدفين في الشوط الثاني وسط حضور جماهيري كبير في الملعب.")


def _art(aid: str, body: str, date: str | None = None, published: str | None = None) -> Article:
    timexes = []
    if date:
        timexes = [Span(0, 5, "DATE", body[:5], {"value": date, "granularity": "day",
                                                 "resolved": True})]
    return Article(id=aid, source="t", text=body, title="", timexes=timexes,
                   published=published)


@pytest.fixture()
def model() -> FeatureModel:
    corpus = [_art("m", MEETING), _art("o", OTHER), _art("x", "خبر قصير عن الطقس الممطر اليوم")]
    return FeatureModel().partial_fit(corpus)


def test_similarity_identical_articles_score_high(model: FeatureModel) -> None:
    assert article_similarity(_art("a", MEETING), _art("b", MEETING), model) > 0.9


def test_similarity_unrelated_articles_score_low(model: FeatureModel) -> None:
    assert article_similarity(_art("a", MEETING), _art("b", OTHER), model) < 0.2


def test_similarity_is_symmetric(model: FeatureModel) -> None:
    a, b = _art("a", MEETING), _art("b", MEETING[:120] + OTHER)
    assert article_similarity(a, b, model) == pytest.approx(article_similarity(b, a, model))


def test_similarity_date_conflict_separates_same_words(model: FeatureModel) -> None:
    a = _art("a", MEETING, "2019-02-06")
    same, other = _art("b", MEETING, "2019-02-06"), _art("c", MEETING, "2019-11-14")
    events = [article_similarity(a, x, model, EVENT_WEIGHTS) for x in (same, other)]
    assert events[0] - events[1] >= 0.3 - 1e-9  # the conflict, the agreement clipped at 1
    # the same story told on two dates: a milder difference by default (STORY_WEIGHTS)
    stories = [article_similarity(a, x, model) for x in (same, other)]
    assert 0.0 < stories[0] - stories[1] < events[0] - events[1]


def test_similarity_publication_gap_lowers_score(model: FeatureModel) -> None:
    near = article_similarity(_art("a", MEETING, published="2024-01-01"),
                              _art("b", MEETING, published="2024-01-02"), model)
    far = article_similarity(_art("a", MEETING, published="2024-01-01"),
                             _art("b", MEETING, published="2024-06-01"), model)
    assert near > far


def test_similarity_components_are_named(model: FeatureModel) -> None:
    out = similarity_components(_art("a", MEETING), _art("b", MEETING), model)
    assert {"char", "word", "stem", "title", "entity", "date", "days_apart"} <= set(
        out["components"])
    assert out["components"]["title"] is None  # no titles: not measurable, not zero


def test_similarity_date_agreement_rules() -> None:
    same = date_agreement({"2019-02-06": 3.0}, {"2019-02-06": 1.0})
    assert same[0] == pytest.approx(1.0)
    assert 0.4 < date_agreement({"2019-02-06": 2.0}, {"2019-02-07": 2.0})[0] < 0.6  # a day off
    assert date_agreement({"2019-02-06": 2.0}, {"2019-02-08": 2.0})[0] == -1.0
    assert date_agreement({"2019-02-06": 2.0}, {"2019-11-14": 2.0})[0] == -1.0
    # the statement day in one, the meeting day in both: they agree, if less than fully
    partial = date_agreement({"2019-01-30": 3.0, "2019-02-06": 3.75},
                             {"2018-12-19": 0.6, "2019-02-06": 1.25})[0]
    assert 0.5 < partial < 1.0
    # a faint background mention is no claim about the date of the happening
    assert date_agreement({"2019-02-06": 3.0}, {"2018-07-12": 0.6})[0] is None
    assert date_agreement({}, {"2019-11-14": 2.0})[0] is None


def test_similarity_time_gap() -> None:
    assert time_gap((10, 12), (11, 20)) == 0.0
    assert time_gap((10, 12), (15, 20)) == 3.0
    assert time_gap(None, (1, 1)) is None


def test_similarity_combine_clips_and_uses_weights() -> None:
    comp = {"char": 1.0, "stem": 1.0, "date": 1.0, "numbers": 1.0}
    assert combine(comp) == 1.0
    assert combine({"char": 0.1, "date": -1.0}) == 0.0
    heavy = Weights(date_conflict=0.0)
    assert combine({"char": 0.5, "date": -1.0}, heavy) == pytest.approx(0.5)


def test_similarity_feature_level_matches_article_level(model: FeatureModel) -> None:
    a, b = _art("a", MEETING), _art("b", OTHER)
    fa, fb = model.transform([a, b])
    assert feature_similarity(fa, fb)[0] == pytest.approx(article_similarity(a, b, model))
