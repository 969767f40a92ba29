"""Facts table of an event and evolution across a storyline (marsad.stories.facts / evolution).

Every text here is invented for the tests (outlets, places and numbers are fictional).
"""

from __future__ import annotations

import json
from datetime import date

from marsad.enrich.quantities import find_quantities
from marsad.enrich.timex import find_timexes
from marsad.model import Article, Event, Span
from marsad.stories.evolution import chain_evolutions
from marsad.stories.facts import (
    canonical_unit,
    event_date_of,
    event_facts,
    storyline_evolution,
    unit_category,
)


def art(ident: str, text: str, outlet: str, published: str = "2024-05-02", *,
        entities: list[Span] | None = None, credits: list[str] | None = None) -> Article:
    """An article enriched with the real quantity and date extractors."""
    return Article(id=ident, source=f"test/{ident}", text=text, outlet=outlet, title="",
                   published=published, quantities=find_quantities(text),
                   timexes=find_timexes(text, date.fromisoformat(published)),
                   entities=entities or [], credits=credits or [])


def quantity_facts(articles: list[Article]) -> list:
    return [f for f in event_facts(articles) if f.kind == "quantity"]


def only(facts: list, unit: str):
    found = [f for f in facts if f.unit == unit]
    assert len(found) == 1, [(f.unit, [v.value for v in f.values]) for f in facts]
    return found[0]


def test_event_facts_member_states_written_two_ways_are_one_fact_without_conflict() -> None:
    articles = [
        art("a", "تجتمع الرابطة المؤلفة من 40 دولة في مدينة النور الأسبوع المقبل.", "صحيفة الأفق"),
        art("b", "وتضم الرابطة المكونة من 40 عضواً دول الإقليم كلها، وتجتمع الأسبوع المقبل.",
            "وكالة الضفة"),
        art("c", "يلتقي وزراء الرابطة التي تضم 40 دولة في مدينة النور.", "إذاعة السهل"),
    ]
    fact = only(quantity_facts(articles), "دولة")
    assert fact.name == "الدول الأعضاء"
    assert [v.value for v in fact.values] == [40]
    assert set(fact.values[0].outlets) == {"صحيفة الأفق", "وكالة الضفة", "إذاعة السهل"}
    assert fact.values[0].n_independent == 3
    assert not fact.conflict and fact.conflicts == []


def test_event_facts_death_tolls_that_disagree_are_a_conflict_with_both_sides() -> None:
    articles = [
        art("a", "لقي 12 شخصاً حتفهم في الفيضانات التي ضربت وادي الزيتون.", "وكالة الضفة"),
        art("b", "أعلن الدفاع المدني مقتل 12 شخصاً في فيضانات وادي الزيتون.", "صحيفة الأفق"),
        art("c", "ارتفعت حصيلة فيضانات وادي الزيتون إلى 15 قتيلاً.", "إذاعة السهل"),
        art("d", "ارتقى 15 شهيداً في فيضانات وادي الزيتون.", "موقع الجبل"),
    ]
    fact = only(quantity_facts(articles), "قتيل")
    assert fact.conflict
    assert {v.value for v in fact.values} == {12, 15}
    (pair,) = fact.conflicts
    sides = {pair["value_a"]: {s["outlet"] for s in pair["sources_a"]},
             pair["value_b"]: {s["outlet"] for s in pair["sources_b"]}}
    assert sides == {12: {"وكالة الضفة", "صحيفة الأفق"}, 15: {"إذاعة السهل", "موقع الجبل"}}
    source = pair["sources_a"][0]
    text = next(a.text for a in articles if a.id == source["article"])
    assert text[source["start"]:source["end"]] == source["text"]


def test_event_facts_approximation_that_fits_is_not_a_conflict() -> None:
    articles = [
        art("a", "وصل عدد أعضاء الرابطة إلى أكثر من 39 دولة.", "صحيفة الأفق"),
        art("b", "تضم الرابطة اليوم 40 دولة من دول الإقليم.", "وكالة الضفة"),
    ]
    fact = only(quantity_facts(articles), "دولة")
    assert not fact.conflict
    assert len(fact.values) == 1 and fact.values[0].value == 40
    assert set(fact.values[0].outlets) == {"صحيفة الأفق", "وكالة الضفة"}


def test_event_facts_rank_is_a_separate_fact_from_the_count() -> None:
    articles = [
        art("a", "وانضمت جزر المرجان إلى الرابطة لتصبح العضو الـ31 فيها.", "صحيفة الأفق"),
        art("b", "وتضم الرابطة المؤلفة من 40 دولة دول الإقليم كلها.", "وكالة الضفة"),
    ]
    facts = quantity_facts(articles)
    ranks = [f for f in facts if f.ordinal]
    counts = [f for f in facts if not f.ordinal and f.unit == "دولة"]
    assert [f.values[0].value for f in ranks] == [31]
    assert [f.values[0].value for f in counts] == [40]
    assert not any(f.conflict for f in facts)


def test_event_facts_one_article_giving_two_counts_of_a_unit_is_not_a_conflict() -> None:
    articles = [
        art("a", "وارتفع عدد أعضاء الرابطة من 36 إلى 40 دولة بعد انضمام أربع دول.", "صحيفة الأفق"),
        art("b", "باتت الرابطة تضم 40 دولة بعد اجتماع مدينة النور.", "وكالة الضفة"),
    ]
    facts = [f for f in quantity_facts(articles) if f.unit == "دولة"]
    assert not any(f.conflict for f in facts)
    assert {v.value for f in facts for v in f.values} >= {36, 40}


def test_event_facts_different_sums_in_different_words_are_not_a_conflict() -> None:
    articles = [
        art("a", "تعهدت جمهورية السهل بتقديم 300 مليون يورو لصندوق الإعمار.", "صحيفة الأفق"),
        art("b", "بلغ إجمالي التعهدات في المؤتمر 1.5 مليار يورو لإعادة إعمار المدينة.",
            "وكالة الضفة"),
    ]
    assert not any(f.conflict for f in quantity_facts(articles))


def test_event_facts_wire_reprint_counts_once() -> None:
    wire = ("أعلنت وزارة الصحة في جمهورية السهل أن 240 شخصاً أصيبوا بالتسمم بعد حفل زفاف في "
            "قرية الزيتون، وأن حالة معظمهم مستقرة، فيما نقل الباقون إلى مستشفى المدينة.")
    articles = [
        art("a", wire, "وكالة الضفة", "2024-05-02"),
        art("b", wire + "\nالمصدر: وكالة الضفة", "صحيفة الأفق", "2024-05-03",
            credits=["وكالة الضفة"]),
    ]
    fact = only(quantity_facts(articles), "جريح")
    value = fact.values[0]
    assert set(value.outlets) == {"وكالة الضفة", "صحيفة الأفق"}
    assert value.n_independent == 1
    assert any(s.reprint_of == "a" for s in value.sources)


def test_event_facts_durations_in_passing_are_not_facts() -> None:
    articles = [art("a", "وعمل المهندس في المشروع أربع سنوات قبل أن يتقاعد.", "صحيفة الأفق")]
    assert quantity_facts(articles) == []


def test_event_facts_date_and_entities_by_outlets() -> None:
    text_a = "يعقد وزراء الرابطة اجتماعهم في مدينة النور يوم 12 أيار 2024 برئاسة سالم الحداد."
    text_b = "يلتقي وزراء الرابطة في مدينة النور في 12 أيار 2024 لبحث المياه."

    def ents(text: str, *names: tuple[str, str]) -> list[Span]:
        out = []
        for surface, label in names:
            i = text.find(surface)
            out.append(Span(i, i + len(surface), label, surface,
                            {"entity": f"{label}:{surface}", "canonical": surface}))
        return out

    articles = [
        art("a", text_a, "صحيفة الأفق", "2024-05-08",
            entities=ents(text_a, ("مدينة النور", "LOC"), ("سالم الحداد", "PER"))),
        art("b", text_b, "وكالة الضفة", "2024-05-09",
            entities=ents(text_b, ("مدينة النور", "LOC"))),
    ]
    facts = {f.kind + ":" + f.name: f for f in event_facts(articles)}
    assert facts["date:تاريخ الحدث"].values[0].value == "2024-05-12"
    assert set(facts["date:تاريخ الحدث"].values[0].outlets) == {"صحيفة الأفق", "وكالة الضفة"}
    assert facts["place:المكان"].values[0].value == "مدينة النور"
    assert facts["place:المكان"].values[0].n_independent == 2
    assert facts["entity:الأشخاص"].values[0].value == "سالم الحداد"
    assert event_date_of(None, articles)[0] == "2024-05-12"


def test_event_facts_is_json_ready_and_empty_input_gives_nothing() -> None:
    articles = [art("a", "قُتل 3 أشخاص في حادث سير.", "صحيفة الأفق")]
    json.dumps([f.to_dict() for f in event_facts(articles)], ensure_ascii=False)
    assert event_facts([]) == []


def test_event_facts_quantities_without_unit_or_value_are_skipped() -> None:
    article = Article(id="x", source="t", text="نص", outlet="o", quantities=[
        Span(0, 2, "QUANTITY", "نص", {"value": None, "unit": "دولة"}),
        Span(0, 2, "QUANTITY", "نص", {"value": 5, "unit": None}),
        Span(0, 2, "QUANTITY", "نص", {"value": "خمسة", "unit": "دولة"})])
    assert quantity_facts([article]) == []


def test_unit_tables_map_synonyms_and_categories() -> None:
    assert canonical_unit("شهيد") == canonical_unit("قتيل")
    assert canonical_unit("أسرة") == canonical_unit("عائلة")
    assert unit_category("سنة") == "time"


def _meeting(ident: str, day: str, texts: list[tuple[str, str]]) -> tuple[Event, list[Article]]:
    arts = [art(f"{ident}{i}", t, outlet, day) for i, (t, outlet) in enumerate(texts)]
    return Event(id=ident, title=ident, articles=[a.id for a in arts], event_date=day), arts


def test_storyline_evolution_rank_then_counts_is_an_evolution_not_a_conflict() -> None:
    events = [
        _meeting("e2", "2022-03-01", [
            ("اجتمع وزراء الرابطة المؤلفة من 40 دولة في مدينة النور.", "صحيفة الأفق"),
            ("وتضم الرابطة المكونة من 40 عضواً دول الإقليم كلها.", "وكالة الضفة")]),
        _meeting("e1", "2020-06-10", [
            ("وانضمت جزر المرجان إلى الرابطة لتصبح العضو الـ31.", "إذاعة السهل")]),
        _meeting("e3", "2023-09-20", [
            ("تجتمع الرابطة التي يصل عدد أعضائها إلى نحو 38 دولة في مدينة الضفة.", "موقع الجبل")]),
    ]
    evolutions = storyline_evolution(events)
    members = [e for e in evolutions if e.unit == "دولة"]
    assert len(members) == 1
    steps = members[0].steps
    assert [(s.event, s.value) for s in steps] == [("e1", 31), ("e2", 40), ("e3", 38)]
    assert steps[0].ordinal and not steps[1].ordinal
    assert [s.event_date for s in steps] == ["2020-06-10", "2022-03-01", "2023-09-20"]
    assert {s.outlet for s in steps[1].sources} == {"صحيفة الأفق", "وكالة الضفة"}
    assert members[0].name == "الدول الأعضاء"
    assert members[0].changed


def test_storyline_evolution_skips_values_that_never_change() -> None:
    events = [
        _meeting("e1", "2021-01-05", [("تضم الرابطة 40 دولة منذ سنوات.", "صحيفة الأفق")]),
        _meeting("e2", "2021-05-05", [("تضم الرابطة 40 دولة حتى اليوم.", "وكالة الضفة")]),
    ]
    assert chain_evolutions(events) == []
