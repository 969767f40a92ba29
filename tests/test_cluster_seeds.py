"""Issue 4's acceptance on the five real seed pages: three events in one storyline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cluster.events import EventClusterer
from marsad.config import load_settings
from marsad.eval.pairs import available_stages, run_stages
from marsad.model import Article, RawPage, Rejected
from marsad.pipeline import process_page

EXPECTED = [["000", "001", "002"], ["003"], ["004"]]


def _process(pages: list[RawPage]) -> list[Article]:
    """Extract the pages, then run the available stages (a stage that fails on a page leaves
    the article without its annotations rather than losing it)."""
    settings = load_settings(env={})
    out = []
    for page in pages:
        art = process_page(page, settings, [])
        assert not isinstance(art, Rejected), art
        out.append(art)
    return run_stages(out, settings, available_stages())[0]


@pytest.fixture(scope="module")
def seed_articles(seeds_jsonl: Path) -> list[Article]:
    pages = []
    for line in seeds_jsonl.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        pages.append(RawPage(rec["id"], rec["source"], rec["text"], "text",
                             {"outlet": rec["outlet"], "published": rec["published"]}))
    return _process(pages)


def _groups(model: EventClusterer) -> list[list[str]]:
    return sorted(sorted(a[:3] for a in e.articles) for e in model.events())


def test_seeds_three_events_one_storyline(seed_articles: list[Article]) -> None:
    model = EventClusterer().fit(seed_articles)
    assert _groups(model) == EXPECTED
    storylines = model.storylines()
    assert len(storylines) == 1
    by_id = {e.id: e for e in model.events()}
    dates = [by_id[e].event_date for e in storylines[0].events]
    assert dates == ["2017-05-09", "2019-02-06", "2019-11-14"]


def test_seeds_any_order_same_partition(seed_articles: list[Article]) -> None:
    reference = EventClusterer().fit(seed_articles)
    one_by_one = EventClusterer()
    for art in reversed(seed_articles):
        one_by_one.partial_fit([art])
    assert _groups(one_by_one) == EXPECTED
    assert EventClusterer().fit(seed_articles[::-1]).labels_ == reference.labels_


def test_seeds_cyclone_block_would_open_its_own_event(seed_articles: list[Article]) -> None:
    first = next(a for a in seed_articles if a.id.startswith("000"))
    block = next(b for b in first.removed if "إعصار" in b.text)
    cyclone = Article(id="cyclone", source="removed-block", text=block.text,
                      title=block.text.splitlines()[0], outlet=first.outlet,
                      published=first.published)
    cyclone = _process_article(cyclone)
    model = EventClusterer().fit([*seed_articles, cyclone])
    own = model.labels_["cyclone"]
    assert [e.articles for e in model.events() if e.id == own] == [["cyclone"]]
    assert _groups(model) == sorted([*EXPECTED, ["cyc"]])
    story = {e.id: e.storyline for e in model.events()}
    assert story[own] != story[model.labels_[first.id]]


def _process_article(article: Article) -> Article:
    return run_stages([article], load_settings(env={}))[0][0]


def test_seeds_explain_names_the_shared_date(seed_articles: list[Article]) -> None:
    model = EventClusterer().fit(seed_articles)
    joined = [a.id for a in seed_articles if a.id[:3] in ("001", "002")]
    reasons = [model.explain(a) for a in joined]
    assert all(not r["opened"] for r in reasons)
    assert any("2019-02-06" in r["shared"]["dates"] for r in reasons)
