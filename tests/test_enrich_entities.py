"""Tests for entity mentions, canonical entities and the entities stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.arabic.stage import language_stage
from marsad.config import Settings
from marsad.enrich.entities import (
    canonicalize,
    clitic_length,
    display_name,
    entities_stage,
    entity_id,
    entity_key,
    group_entities,
    link_partial_ids,
    skeleton,
)
from marsad.model import Article, Span

# --------------------------------------------------------------------------- keys


@pytest.mark.parametrize(("a", "b", "label"), [
    ("ترامب", "ترمب", "PER"),
    ("دونالد ترامب", "دونالد ترمب", "PER"),
    ("سوريا", "سورية", "LOC"),
    ("أميركا", "أمريكا", "LOC"),
    ("بروكسل", "بروكسيل", "LOC"),
    ("نتنياهو", "نتانياهو", "PER"),
    ("أردوغان", "إردوغان", "PER"),
    ("كوبنهاغن", "كوبنهاجن", "LOC"),
    ("العراق", "عراق", "LOC"),
])
def test_entity_key_unifies_variants(a: str, b: str, label: str) -> None:
    assert entity_key(a, label) == entity_key(b, label)


@pytest.mark.parametrize(("a", "b"), [
    ("محمد", "محمود"),
    ("عمر", "عمار"),
    ("سليمان", "سلمان"),
    ("حسن", "حسين"),
    ("مبارك", "مبروك"),
])
def test_entity_key_keeps_arabic_names_apart(a: str, b: str) -> None:
    assert entity_key(a, "PER") != entity_key(b, "PER")


def test_entity_key_aliases_share_canonical_id() -> None:
    assert entity_id("تنظيم الدولة الإسلامية", "ORG") == entity_id("داعش", "ORG")
    assert entity_id("الولايات المتحدة الأميركية", "LOC") == entity_id("أميركا", "LOC")


def test_skeleton_keeps_first_and_last_letter() -> None:
    assert skeleton("بومبيو") == "بمبو"
    assert skeleton("ترامب") == "ترمب"


def test_display_name_reads_lil_as_article() -> None:
    assert display_name("للأمم المتحدة") == "الأمم المتحدة"
    assert display_name("لبنان") == "لبنان"


def test_clitic_length_needs_evidence() -> None:
    known = {"بومبيو", "واشنطن"}
    assert clitic_length("وبومبيو", known) == 1
    assert clitic_length("بواشنطن", known) == 1
    assert clitic_length("والعراق", set()) == 1
    assert clitic_length("بريت", known) == 0  # a name, not ب + ريت
    assert clitic_length("للأمم", {"لأمم", "أمم"}) == 0
    assert clitic_length("لـترامب", {"ترامب"}) == 2


# --------------------------------------------------------------------------- canonicalize


def _m(text: str, label: str, start: int) -> Span:
    return Span(start, start + len(text), label, text, {"how": "crf"})


def test_canonicalize_full_and_partial_names() -> None:
    mentions = [_m("مايك بومبيو", "PER", 0), _m("بومبيو", "PER", 50),
                _m("واشنطن", "LOC", 60), _m("بومبيو", "PER", 90)]
    ents = canonicalize(mentions)
    pompeo = next(e for e in ents if 0 in e.mentions)
    assert sorted(pompeo.mentions) == [0, 1, 3]
    assert pompeo.canonical == "مايك بومبيو"
    assert pompeo.links[1] == "partial-name"
    assert pompeo.id == entity_id("مايك بومبيو", "PER")


def test_canonicalize_nearest_full_name_wins() -> None:
    mentions = [_m("جورج بوش", "PER", 0), _m("بوش", "PER", 20), _m("جيب بوش", "PER", 40),
                _m("بوش", "PER", 60)]
    ents = {e.canonical: sorted(e.mentions) for e in canonicalize(mentions)}
    assert ents == {"جورج بوش": [0, 1], "جيب بوش": [2, 3]}


def test_canonicalize_given_name_alone_not_linked() -> None:
    ents = canonicalize([_m("سنام محمد", "PER", 0), _m("محمد", "PER", 30)])
    assert len(ents) == 2


def test_canonicalize_variant_spellings_and_majority_label() -> None:
    ents = canonicalize([_m("ترامب", "PER", 0), _m("ترمب", "PER", 10), _m("ترمب", "ORG", 20)])
    assert len(ents) == 1
    assert ents[0].label == "PER"
    assert ents[0].variants == ["ترامب", "ترمب"]


def test_canonicalize_trigger_prefixed_name() -> None:
    ents = canonicalize([_m("هيئة تحرير الشام", "ORG", 0), _m("تحرير الشام", "ORG", 30)])
    assert len(ents) == 1
    assert ents[0].canonical == "هيئة تحرير الشام"


def test_canonicalize_place_never_joins_person() -> None:
    ents = canonicalize([_m("جورج واشنطن", "PER", 0), _m("واشنطن", "LOC", 30)])
    assert len(ents) == 2


def test_link_partial_ids_unique_only() -> None:
    ids = ["PER:مايك بمبو", "PER:بمبو", "PER:سعد حريري", "PER:رفيق حريري", "PER:حريري",
           "PER:سنام محمد", "PER:محمد",
           "LOC:بمبو"]
    assert link_partial_ids(ids) == {"PER:بمبو": "PER:مايك بمبو"}


# --------------------------------------------------------------------------- stage


@pytest.fixture(scope="module")
def seed_articles(seeds_jsonl: Path) -> dict[str, Article]:
    settings = Settings(progress=False)
    out = {}
    for line in seeds_jsonl.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        art = Article(id=rec["id"], source=rec["source"], text=rec["text"])
        art = language_stage(art, settings=settings)
        out[rec["id"][:3]] = entities_stage(art, settings=settings)
    return out


def _ids_of(article: Article, surface: str) -> set[str]:
    return {s.attrs["entity"] for s in article.entities if s.text == surface and s.label == "PER"}


def test_entities_seeds_trump_variants_one_entity(seed_articles: dict[str, Article]) -> None:
    tramb = {s.attrs["entity"] for s in seed_articles["001"].entities
             if "ترامب" in s.text and s.label == "PER"}
    tromb = {s.attrs["entity"] for s in seed_articles["000"].entities
             if "ترمب" in s.text and s.label == "PER"}
    assert tramb and tramb == tromb


def test_entities_seeds_pompeo_one_entity(seed_articles: dict[str, Article]) -> None:
    a = seed_articles["000"]
    full = _ids_of(a, "مايك بومبيو")
    assert len(full) == 1
    assert _ids_of(a, "بومبيو") == full
    # وبومبيو: the span starts after the clitic
    assert all(not s.text.startswith("وبومبيو") for s in a.entities)
    ids = set()
    for key in ("000", "001", "002", "003"):
        ids |= {s.attrs["entity"] for s in seed_articles[key].entities if "بومبيو" in s.text}
    all_ids = {s.attrs["entity"] for art in seed_articles.values() for s in art.entities
               if "entity" in s.attrs}
    links = link_partial_ids(all_ids)
    assert {links.get(i, i) for i in ids} == full


def test_entities_seeds_nisba_is_not_a_person(seed_articles: dict[str, Article]) -> None:
    a = seed_articles["000"]
    assert not any(s.label == "PER" and "الأميركي" in s.text for s in a.entities)
    nisba = [s for s in a.entities if s.label == "NISBA" and s.text == "الأميركي"]
    assert nisba and nisba[0].attrs["nisba_of"] == "الولايات المتحدة"
    assert nisba[0].attrs["entity"] == entity_id("الولايات المتحدة", "LOC")


def test_entities_spans_point_into_original_text(seed_articles: dict[str, Article]) -> None:
    for art in seed_articles.values():
        for s in art.entities:
            assert art.text[s.start:s.end] == s.text
            assert s.label in ("PER", "ORG", "LOC", "MISC", "NISBA")


def test_entities_group_summary(seed_articles: dict[str, Article]) -> None:
    groups = group_entities(seed_articles["004"].entities)
    assert any(g["canonical"] == "كوبنهاغن" for g in groups.values())


def test_entities_stage_empty_and_no_sentences() -> None:
    settings = Settings(progress=False)
    empty = Article(id="e", source="e", text="")
    assert entities_stage(empty, settings=settings).entities == []
    art = Article(id="a", source="a", text="قال وزير الخارجية الأميركي مايك بومبيو إن واشنطن")
    out = entities_stage(art, settings=settings)
    assert out is not art and art.entities == []
    assert any(s.text == "مايك بومبيو" and s.label == "PER" for s in out.entities)


def test_entities_stage_skips_other_languages() -> None:
    settings = Settings(progress=False)
    art = Article(id="en", source="en", text="Secretary of State Mike Pompeo met in Washington.",
                  language="en")
    assert entities_stage(art, settings=settings).entities == []


def _stage_spans(text: str) -> list[Span]:
    settings = Settings(progress=False)
    art = language_stage(Article(id="t", source="t", text=text), settings=settings)
    return entities_stage(art, settings=settings).entities


def test_entities_listed_places_and_org_heads() -> None:
    spans = _stage_spans("اجتاحت السيول محافظتي درعا وحمص، فيما دعت وزارة الداخلية "
                         "المواطنين إلى الحذر بينما تستمر الأمطار.")
    found = {(s.text, s.label) for s in spans}
    assert ("درعا", "LOC") in found and ("حمص", "LOC") in found
    assert ("وزارة الداخلية", "ORG") in found
    assert not any(s.text == "بينما" for s in spans)  # no skeleton match on common words
    assert all(s.text == s.text.strip() for s in spans)


def test_entities_alias_groups_isis_names() -> None:
    spans = _stage_spans("أعلن تنظيم الدولة الإسلامية مسؤوليته. وقال مسؤول إن داعش خسر مواقع.")
    ids = {s.attrs["entity"] for s in spans if s.label == "ORG"}
    assert ids == {entity_id("داعش", "ORG")}
