"""The online event clusterer on a small invented stream with gold events and storylines."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from marsad.cluster.events import EventClusterer
from marsad.config import load_settings
from marsad.errors import ConfigError, NotFittedError, NotFoundError
from marsad.eval.bcubed import bcubed
from marsad.model import Article, Span

STREAM = Path(__file__).parent / "fixtures" / "cluster" / "stream_small.jsonl"


def load_stream(path: Path = STREAM) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles (with their entity/date/quantity spans) and the gold event/storyline labels."""
    arts, events, storylines = [], {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        spans = rec.get("spans", {})
        arts.append(Article(
            id=rec["id"], source="fixture", text=rec["text"], title=rec["title"],
            outlet=rec["outlet"], published=rec["published"],
            entities=[Span.from_dict(s) for s in spans.get("entities", [])],
            timexes=[Span.from_dict(s) for s in spans.get("timexes", [])],
            quantities=[Span.from_dict(s) for s in spans.get("quantities", [])]))
        events[rec["id"]] = rec["event"]
        storylines[rec["id"]] = rec["storyline"]
    return arts, events, storylines


@pytest.fixture(scope="module")
def stream() -> tuple[list[Article], dict[str, str], dict[str, str]]:
    return load_stream()


@pytest.fixture(scope="module")
def fitted(stream) -> EventClusterer:
    return EventClusterer().fit(stream[0])


def test_events_partial_fit_returns_self_and_labels_everything(stream) -> None:
    model = EventClusterer()
    assert model.partial_fit(stream[0][:10]) is model
    assert set(model.labels_) == {a.id for a in stream[0][:10]}
    assert model.assignments_ is model.labels_


def test_events_match_gold(stream, fitted: EventClusterer) -> None:
    assert bcubed(fitted.labels_, stream[1])["f1"] >= 0.95


def test_events_storylines_match_gold(stream, fitted: EventClusterer) -> None:
    story = {e.id: e.storyline for e in fitted.events()}
    pred = {a: story[e] for a, e in fitted.labels_.items()}
    assert bcubed(pred, stream[2])["f1"] >= 0.9


def test_events_rerun_gives_same_ids(stream, fitted: EventClusterer) -> None:
    again = EventClusterer().fit(list(reversed(stream[0])))
    assert again.labels_ == fitted.labels_
    assert [e.id for e in again.events()] == [e.id for e in fitted.events()]


@pytest.mark.parametrize("seed", [1, 2])
def test_events_order_robust_one_article_at_a_time(stream, fitted, seed) -> None:
    arts = list(stream[0])
    random.Random(seed).shuffle(arts)
    model = EventClusterer()
    for art in arts:
        model.partial_fit([art])
    assert bcubed(model.labels_, fitted.labels_)["f1"] >= 0.98


def test_events_seen_articles_are_ignored(stream) -> None:
    model = EventClusterer().fit(stream[0][:20])
    before = dict(model.labels_)
    model.partial_fit(stream[0][:20])
    assert model.labels_ == before and model.n_articles_ == 20


def test_events_ids_derive_from_founding_article(fitted: EventClusterer) -> None:
    import hashlib

    for event in fitted.events():
        founders = {"ev-" + hashlib.sha1(a.encode()).hexdigest()[:12] for a in event.articles}
        assert event.id in founders


def test_events_model_objects(fitted: EventClusterer) -> None:
    events = fitted.events()
    assert sum(len(e.articles) for e in events) == fitted.n_articles_
    for e in events:
        assert e.first_seen <= e.last_seen
        assert e.event_date and e.title and e.outlets and e.storyline
    assert all(len(s.events) >= 1 for s in fitted.storylines())


def test_events_explanation_reads_well(stream, fitted: EventClusterer) -> None:
    joined = [a for a, x in fitted.explanations_.items() if not x["opened"]]
    ex = fitted.explain(joined[0])
    assert set(ex) >= {"event", "score", "components", "shared", "runner_up", "threshold"}
    assert ex["score"] >= ex["threshold"]
    assert set(ex["shared"]) == {"entities", "dates", "places", "numbers"}
    assert ex["shared"]["dates"], "generated articles of one event share the event date"
    opened = next(a for a, x in fitted.explanations_.items() if x["opened"])
    assert "reason" in fitted.explain(opened)
    with pytest.raises(NotFoundError):
        fitted.explain("no-such-article")


def test_events_merge_and_split_keep_history(stream) -> None:
    model = EventClusterer().fit(stream[0])
    big = max(model.events(), key=lambda e: len(e.articles))
    other = next(e for e in model.events() if e.id != big.id)
    survivor = model.merge(big.id, other.id)
    assert survivor == big.id
    assert all(model.labels_[a] == big.id for a in other.articles)
    assert model.events_[other.id].attrs["merged_into"] == big.id
    assert model.events_[big.id].attrs["history"][-1]["from"] == other.id
    with pytest.raises(ConfigError, match="articles"):
        model.split(big.id, other.articles)  # member vectors are not kept after a batch
    new = model.split(big.id, other.articles, articles=stream[0])
    assert sorted(model.events_[new].article_ids) == sorted(other.articles)
    assert all(model.labels_[a] == new for a in other.articles)
    assert model.events_[big.id].attrs["history"][-1]["op"] == "split"
    assert model.events_[new].attrs["history"][0]["from"] == big.id
    with pytest.raises(NotFoundError):
        model.split(big.id, ["not-a-member"])
    with pytest.raises(ConfigError, match="proper subset"):
        model.split(new, model.events_[new].article_ids, articles=stream[0])


def test_events_state_round_trip_continues_the_stream(stream) -> None:
    arts = stream[0]
    whole = EventClusterer()
    whole.partial_fit(arts[:45]).partial_fit(arts[45:])
    first = EventClusterer().partial_fit(arts[:45])
    state = json.loads(json.dumps(first.to_state(), ensure_ascii=False))
    resumed = EventClusterer.from_state(state).partial_fit(arts[45:])
    assert resumed.labels_ == whole.labels_
    assert [s.events for s in resumed.storylines()] == [s.events for s in whole.storylines()]


def test_events_state_version_checked(fitted: EventClusterer) -> None:
    state = fitted.to_state(include_explanations=False)
    assert state["explanations"] == {}
    with pytest.raises(ConfigError, match="version"):
        EventClusterer.from_state({**state, "version": 99})


def test_events_unfitted_and_bad_params() -> None:
    with pytest.raises(NotFittedError):
        EventClusterer().events()
    with pytest.raises(ConfigError, match="threshold"):
        EventClusterer(threshold=0).partial_fit([])
        EventClusterer(threshold=0).partial_fit(
            [Article(id="x", source="s", text="نص")])


def test_events_candidates_come_from_the_index(stream) -> None:
    model = EventClusterer(max_candidates=3, refine=False).fit(stream[0])
    assert len(model._index) <= len(model.events_)
    for ex in model.explanations_.values():
        assert ex["runner_up"] is None or ex["runner_up"]["event"] in model.events_


def test_events_window_retires_old_events(stream) -> None:
    model = EventClusterer(window_days=3, retain_days=5, retain_articles=10).fit(stream[0])
    statuses = {e.attrs["status"] for e in model.events()}
    assert "retired" in statuses
    assert all(model.events_[e].status == "active" for e in model._index.events())


def test_events_from_settings() -> None:
    settings = load_settings(env={}, cluster_threshold=0.42, cluster_window_days=5)
    model = EventClusterer.from_settings(settings)
    assert (model.threshold, model.window_days) == (0.42, 5)
