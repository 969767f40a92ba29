"""Article similarity: components and how they combine."""

from __future__ import annotations

import pytest

from marsad.cluster.features import FeatureModel
from marsad.cluster.similarity import (
    EVENT_WEIGHTS,
    STORY_WEIGHTS,
    Weights,
    article_similarity,
    combine,
    date_agreement,
    feature_similarity,
    similarity_components,
    text_score,
    time_gap,
)
from marsad.cluster.storysim import body_reliability, coverage, headline_coverage, story_text
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


# -- story signals: headline coverage and body reliability (marsad.cluster.storysim) ----------

BRIEF_TITLE = "وزارة الصحة تعلن تسجيل 120 إصابة جديدة بالحمى في محافظة الشمال"
BRIEF = ("أعلنت وزارة الصحة اليوم تسجيل مئة وعشرين إصابة جديدة بالحمى في محافظة الشمال، "
         "وقالت إن فرقها تتابع المخالطين في القرى الحدودية وتوزع الأدوية على المراكز الصحية. "
         "وأضافت الوزارة أن الحالات كلها مستقرة وأن المستشفيات تستقبل المرضى على مدار الساعة، "
         "ودعت السكان إلى مراجعة أقرب مركز صحي عند ظهور الأعراض والالتزام بالتعليمات.")
LONG_TITLE = "الحمى تنتشر في الشمال: 120 إصابة جديدة والوزارة تستنفر فرقها"
LONG = ("سجلت محافظة الشمال مئة وعشرين إصابة جديدة بالحمى خلال يوم واحد، بحسب ما أعلنت وزارة "
        "الصحة، في أكبر حصيلة يومية منذ ظهور المرض في المنطقة قبل شهرين. وتنتشر العدوى في القرى "
        "الحدودية حيث تشح المياه النظيفة، ويقول الأطباء إن المستشفيات الصغيرة هناك لا تتسع "
        "للمرضى. وكانت الوزارة قد أرسلت الأسبوع الماضي فرقا طبية إضافية ووزعت الأدوية على المراكز "
        "الصحية، كما طلبت من المنظمات الدولية دعما عاجلا لشراء المحاليل وأجهزة الفحص. ويخشى "
        "السكان أن يتأخر موسم الحصاد إذا استمر انتشار الحمى بين العمال الزراعيين، فيما يطالب "
        "نواب المحافظة بخطة طويلة الأمد لإصلاح شبكات المياه في القرى.")
TOPIC_TITLE = "حملة تطعيم ضد الحمى في مدارس محافظة الجنوب"
TOPIC = ("بدأت مديرية التربية في محافظة الجنوب حملة تطعيم ضد الحمى في المدارس الابتدائية، "
         "وقال مدير الحملة إن الفرق ستزور مئتي مدرسة خلال أسبوعين وإن اللقاح مجاني لجميع "
         "التلاميذ. ودعت المديرية أولياء الأمور إلى توقيع استمارات الموافقة وإعادتها إلى "
         "المدارس قبل نهاية الأسبوع، وأكدت أن الحملة وقائية ولا تعني وجود إصابات في المحافظة.")
DISCLAIMER = ("هذا المحتوى منشور كما ورد من مزوده، والموقع لا يتحمل أي مسؤولية عن دقته أو عن "
              "الروابط المرفقة به. للاستفسار عن حقوق النشر يرجى مراسلة الجهة المالكة.")


def _story(aid: str, title: str, body: str) -> Article:
    return Article(id=aid, source="t", text=body, title=title)


@pytest.fixture()
def story_model() -> FeatureModel:
    arts = [_story("b", BRIEF_TITLE, BRIEF), _story("l", LONG_TITLE, LONG),
            _story("t", TOPIC_TITLE, TOPIC), _story("m", "", MEETING), _story("o", "", OTHER)]
    return FeatureModel().partial_fit(arts)


def test_storysim_coverage_counts_word_or_stem() -> None:
    assert coverage([("الصحه", "صح"), ("اصابه", "اصاب")], {"صح", "قال"}) == 0.5
    assert coverage([("الصحه", "صح")], {"الصحه"}) == 1.0
    assert coverage([], {"صح"}) is None


def test_storysim_title_terms_leave_out_function_words() -> None:
    words = [w for w, _ in story_text(_story("x", "في الصحة من إلى وزارة", BRIEF)).title_terms]
    assert words == ["الصحه", "وزاره"]


def test_storysim_headline_takes_the_larger_direction() -> None:
    brief = story_text(_story("b", BRIEF_TITLE, BRIEF))
    long_ = story_text(_story("l", LONG_TITLE, LONG))
    topic = story_text(_story("t", TOPIC_TITLE, TOPIC))
    one_way = coverage(brief.title_terms, long_.terms)
    other_way = coverage(long_.title_terms, brief.terms)
    assert one_way is not None and other_way is not None and one_way != other_way
    assert headline_coverage(brief, long_) == max(one_way, other_way)
    assert headline_coverage(brief, long_) > headline_coverage(brief, topic) + 0.3


def test_storysim_body_reliability() -> None:
    assert body_reliability(story_text(_story("l", LONG_TITLE, LONG))) == 1.0
    # a scraped disclaimer under a real title: nothing of the title in the body
    assert body_reliability(story_text(_story("d", BRIEF_TITLE, DISCLAIMER))) == 0.0
    # a short fragment is trusted in proportion to its length
    short = body_reliability(story_text(_story("s", BRIEF_TITLE, BRIEF[:60])))
    assert 0.0 < short < 1.0
    # no title: nothing to check the body against
    assert body_reliability(story_text(_story("n", "", LONG))) == 1.0


def test_similarity_text_score_hands_unreliable_body_to_headline() -> None:
    comp = {"char": 0.1, "stem": 0.1, "title": None, "headline": 0.9}
    trusted = text_score({**comp, "reliability": 1.0}, STORY_WEIGHTS)
    w = STORY_WEIGHTS
    assert trusted == pytest.approx((w.char * 0.1 + w.stem * 0.1 + w.headline * 0.9)
                                    / (w.char + w.stem + w.headline))
    assert text_score({**comp, "reliability": 0.0}, STORY_WEIGHTS) == pytest.approx(0.9)
    # without a headline (no titles, or an event profile) nothing changes
    assert text_score({"char": 0.1, "stem": 0.1, "reliability": 0.0}, STORY_WEIGHTS) == (
        pytest.approx(0.1))
    assert text_score({"char": 0.1, "stem": 0.1}, EVENT_WEIGHTS) == pytest.approx(0.1)
    # across languages words cannot cover a headline
    assert text_score({**comp, "reliability": 0.0, "cross_lingual": 1.0}, STORY_WEIGHTS) == 0.0


def test_similarity_story_of_brief_and_feature_beats_same_topic(story_model: FeatureModel
                                                                ) -> None:
    brief = _story("b", BRIEF_TITLE, BRIEF)
    same = similarity_components(brief, _story("l", LONG_TITLE, LONG), story_model)
    topic = similarity_components(brief, _story("t", TOPIC_TITLE, TOPIC), story_model)
    assert same["components"]["headline"] > topic["components"]["headline"]
    assert same["score"] > topic["score"] + 0.1
    # the headline is what lifts the pair: without it the margin is smaller
    plain = STORY_WEIGHTS.replace(headline=0.0)
    margin = same["score"] - topic["score"]
    plain_margin = (article_similarity(brief, _story("l", LONG_TITLE, LONG), story_model, plain)
                    - article_similarity(brief, _story("t", TOPIC_TITLE, TOPIC), story_model,
                                         plain))
    assert margin > plain_margin


def test_similarity_disclaimer_body_scored_by_headline(story_model: FeatureModel) -> None:
    broken = _story("d", BRIEF_TITLE, DISCLAIMER)
    same = similarity_components(broken, _story("l", LONG_TITLE, LONG), story_model)
    other = similarity_components(broken, _story("t", TOPIC_TITLE, TOPIC), story_model)
    assert same["components"]["reliability"] == 0.0
    assert same["score"] > 0.5 > other["score"]
    # on the cosines alone (no texts, so no headline) the broken pair looks unrelated
    fa, fb = story_model.transform([broken, _story("l", LONG_TITLE, LONG)])
    assert feature_similarity(fa, fb)[0] < 0.3


def test_similarity_feature_level_with_texts_matches_article_level(story_model: FeatureModel
                                                                   ) -> None:
    a, b = _story("b", BRIEF_TITLE, BRIEF), _story("l", LONG_TITLE, LONG)
    fa, fb = story_model.transform([a, b])
    texts = (story_text(a), story_text(b))
    assert feature_similarity(fa, fb, texts=texts)[0] == pytest.approx(
        article_similarity(a, b, story_model))
