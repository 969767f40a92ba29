"""Hashed TF-IDF features with an online document-frequency table."""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.cluster.features import (
    FeatureModel,
    add_vectors,
    day_number,
    sparse_dot,
    truncate,
    vector_norm,
)
from marsad.errors import ConfigError, NotFittedError
from marsad.model import Article, Span

BODY = ("عقد مجلس المياه العربي اجتماعا في عمّان يوم الثلاثاء بمشاركة 14 وفدا لبحث خطة "
        "العمل المشتركة، وقال الأمين العام سامر الخطيب إن الاجتماع ناجح.")


def _article(aid: str = "a1", body: str = BODY, **kw: object) -> Article:
    return Article(id=aid, source="test", text=body, title="اجتماع مجلس المياه في عمّان", **kw)


def _span(text: str, surface: str, label: str, **attrs: object) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface, dict(attrs))


def test_features_same_article_same_vectors_in_separate_models() -> None:
    a, b = FeatureModel(), FeatureModel()
    fa = a.partial_fit_transform([_article()])[0]
    fb = b.partial_fit_transform([_article()])[0]
    for space in ("char", "word", "stem", "title"):
        assert np.array_equal(fa.vectors[space][0], fb.vectors[space][0])
        assert np.allclose(fa.vectors[space][1], fb.vectors[space][1])


def test_features_vectors_are_unit_length_and_sorted() -> None:
    f = FeatureModel().partial_fit_transform([_article()])[0]
    for space in ("char", "word", "stem", "title"):
        idx, _ = f.vectors[space]
        assert vector_norm(f.vectors[space]) == pytest.approx(1.0)
        assert np.all(np.diff(idx) > 0)


def test_features_transform_before_fit_raises() -> None:
    with pytest.raises(NotFittedError, match="partial_fit"):
        FeatureModel().transform([_article()])


def test_features_idf_learns_from_the_stream() -> None:
    model = FeatureModel(prior=None).partial_fit([_article("a"),
                                                  _article("b", "نص آخر عن الطقس والمطر")])
    common = model._vectorizers()["word"].transform(["اجتماعا"]).indices
    rare = model._vectorizers()["word"].transform(["الطقس"]).indices
    assert model.n_docs_ == 2
    model.partial_fit([_article("c", "الطقس بارد والمطر غزير")])
    assert model.idf("word", rare)[0] < model.idf("word", common)[0]


def test_features_dates_only_resolved_days() -> None:
    spans = [_span(BODY, "يوم الثلاثاء", "DATE", value="2024-03-05", granularity="day",
                   resolved=True),
             _span(BODY, "عمّان", "DATE", value="2024-03", granularity="month", resolved=True),
             _span(BODY, "14", "DATE", value="2024-03-09", granularity="day", resolved=False)]
    f = FeatureModel().partial_fit_transform([_article(timexes=spans)])[0]
    assert f.dates == {"2024-03-05": 3.0}  # lead (x2), written out (x1.5)
    assert f.top_date == "2024-03-05"


def test_features_entities_places_and_cues() -> None:
    spans = [_span(BODY, "مجلس المياه العربي", "ORG", entity="org:water"),
             _span(BODY, "عمّان", "LOC", entity="loc:amman"),
             _span(BODY, "سامر الخطيب", "PER")]
    f = FeatureModel().partial_fit_transform([_article(entities=spans)])[0]
    assert set(f.entities) == {"org:water", "loc:amman", "سامر الخطيب"}
    assert f.places == {"loc:amman"}
    # "في عمّان" in the lead (3) and عمّان in the title (5)
    assert f.place_cues == {"loc:amman": 8}
    assert len(f.vectors["entity"][0]) == 3


def test_features_numbers_from_quantities_or_digits() -> None:
    q = [_span(BODY, "14", "QUANTITY", value=14.0, unit="وفد")]
    with_q = FeatureModel().partial_fit_transform([_article(quantities=q)])[0]
    assert with_q.numbers == {("14", "وفد")}
    bare = FeatureModel().partial_fit_transform([_article()])[0]
    assert ("14", "") in bare.numbers


def test_features_state_round_trip_is_json() -> None:
    model = FeatureModel().partial_fit([_article("a"), _article("b", "خبر آخر")])
    state = json.loads(json.dumps(model.to_state()))
    again = FeatureModel.from_state(state)
    assert again.n_docs_ == 2
    fa, fb = model.transform([_article()])[0], again.transform([_article()])[0]
    assert np.allclose(fa.vectors["char"][1], fb.vectors["char"][1])


def test_features_bad_bits_are_rejected() -> None:
    with pytest.raises(ConfigError, match="valid"):
        FeatureModel(bits={"colour": 10}).partial_fit([_article()])


def test_features_sparse_helpers() -> None:
    a = (np.array([1, 5, 9]), np.array([1.0, 2.0, 3.0]))
    b = (np.array([5, 9, 12]), np.array([1.0, 1.0, 1.0]))
    assert sparse_dot(a, b) == pytest.approx(5.0)
    summed = add_vectors([a, b])
    assert summed[0].tolist() == [1, 5, 9, 12] and summed[1].tolist() == [1.0, 3.0, 4.0, 1.0]
    assert truncate(summed, 2)[0].tolist() == [5, 9]


def test_features_day_number() -> None:
    assert day_number("2019-02-06T10:00:00+03:00") - day_number("2019-02-01") == 5
    assert day_number("yesterday") is None and day_number(None) is None


def test_features_background_prior_weighs_function_words_down() -> None:
    with_prior = FeatureModel().partial_fit([_article()])
    without = FeatureModel(prior=None).partial_fit([_article()])
    vec = with_prior._vectorizers()["word"]
    common, name = vec.transform(["في"]).indices[0], vec.transform(["الخطيب"]).indices[0]
    assert with_prior.idf("word", np.array([common]))[0] < 2.0
    assert with_prior.idf("word", np.array([name]))[0] > 4.0
    assert without.idf("word", np.array([common]))[0] == without.idf("word", np.array([name]))[0]
    with pytest.raises(ConfigError, match="does not exist"):
        FeatureModel(prior="/no/such/prior.json").partial_fit([_article()]).transform(
            [_article()])
