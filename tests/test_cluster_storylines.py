"""Storyline linking of events (topic similarity, no date penalty, stable ids)."""

from __future__ import annotations

import json

from marsad.cluster.events import EventClusterer
from marsad.cluster.storylines import StorylineLinker, storyline_id_for, topic_similarity
from marsad.model import Article, Span

FLOOD = ("غمرت مياه الأمطار الغزيرة أحياء مدينة {city} وأجلت فرق الدفاع المدني عشرات العائلات، "
         "وقال مدير الحماية المدنية إن منسوب الوادي ارتفع بشكل غير مسبوق وإن السدود ممتلئة.")
TALKS = ("اختتمت في {city} جولة جديدة من مفاوضات تقاسم مياه النهر بين الوفود الثلاثة، وقال "
         "كبير المفاوضين إن الخلاف ما زال قائما حول قواعد ملء الخزان في سنوات الجفاف.")


def _art(aid: str, template: str, city: str, published: str, date: str) -> Article:
    text = template.format(city=city)
    start = text.index(city)
    return Article(
        id=aid, source="t", text=text, title=text[:40], published=published, outlet="منفذ",
        entities=[Span(start, start + len(city), "LOC", city, {"entity": "loc:" + city})],
        timexes=[Span(0, 5, "DATE", text[:5], {"value": date, "granularity": "day",
                                              "resolved": True})])


ARTICLES = [
    _art("f1", FLOOD, "نابل", "2025-02-23", "2025-02-23"),
    _art("f2", FLOOD, "نابل", "2025-02-24", "2025-02-23"),
    _art("f3", FLOOD, "قليبية", "2025-03-02", "2025-03-02"),
    _art("t1", TALKS, "الخرطوم", "2025-02-20", "2025-02-19"),
    _art("t2", TALKS, "أديس أبابا", "2025-03-20", "2025-03-19"),
]


def test_storylines_link_events_by_topic_not_date() -> None:
    model = EventClusterer().fit(ARTICLES)
    events = {e.id: e for e in model.events()}
    assert len(events) == 4
    story = {a: events[model.labels_[a]].storyline for a in model.labels_}
    assert story["f1"] == story["f2"] == story["f3"]
    assert story["t1"] == story["t2"] != story["f1"]
    floods = next(s for s in model.storylines() if s.id == story["f1"])
    dates = [events[e].event_date for e in floods.events]
    assert dates == sorted(dates) == ["2025-02-23", "2025-03-02"]
    assert floods.attrs["event_dates"] == dates


def test_storylines_ids_are_stable_and_derived_from_an_event() -> None:
    a = EventClusterer().fit(ARTICLES)
    b = EventClusterer().fit(ARTICLES[::-1])
    assert sorted(s.id for s in a.storylines()) == sorted(s.id for s in b.storylines())
    for s in a.storylines():
        assert s.id in {storyline_id_for(e) for e in s.events}


def test_storylines_linker_state_round_trip() -> None:
    model = EventClusterer().fit(ARTICLES)
    state = json.loads(json.dumps(model.storylines_.to_state()))
    again = StorylineLinker.from_state(state)
    assert again.event_storyline_ == model.storylines_.event_storyline_


def test_storylines_topic_similarity_of_nothing_is_zero() -> None:
    assert topic_similarity({}, {}) == 0.0
