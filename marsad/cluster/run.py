"""Clustering as part of a run: feed the store's new articles to the online clusterer and the
duplicate index, and write events, storylines, assignments and links back in one transaction.

The clusterer's and the duplicate index's learned state are saved in the store with the events
they describe, so the next ``marsad run`` continues the same stream, and a run killed between
storing its articles and clustering them is caught up by the next one: what is clustered is
every extracted article that has no event yet, not just this run's articles.
"""

from __future__ import annotations

import json
import pickle
import zlib
from typing import Any

from marsad.config import Settings
from marsad.model import Article, Event
from marsad.store import Store

CLUSTER_STATE = "clusterer"
DEDUP_STATE = "dedup"
BATCH = 2000


def _load(store: Store, settings: Settings) -> tuple[Any, Any]:
    from marsad.cluster.dedup import DuplicateIndex
    from marsad.cluster.events import EventClusterer

    blob = store.load_state(CLUSTER_STATE)
    if blob:
        clusterer = EventClusterer.from_state(json.loads(zlib.decompress(blob)))
    else:
        clusterer = EventClusterer.from_settings(settings)
    blob = store.load_state(DEDUP_STATE)
    # our own object written by this code into our own store, never data from outside
    dedup = pickle.loads(zlib.decompress(blob)) if blob else DuplicateIndex()
    return clusterer, dedup


def unclustered_ids(store: Store) -> list[str]:
    """Extracted articles that have no event yet, in publication order."""
    rows = store.conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN event_articles ea ON ea.article_id = a.id "
        "WHERE a.status = 'ok' AND ea.article_id IS NULL "
        "ORDER BY a.published IS NULL, a.published, a.id")
    return [r[0] for r in rows]


def update_events(store: Store, new_ids: list[str] | None, settings: Settings
                  ) -> dict[str, Any]:
    """Cluster every unclustered article of the store; write events back.

    Args:
        store: The store (articles already committed).
        new_ids: This run's stored ids (informational; all unclustered articles are taken).
        settings: Clustering settings (threshold, window, embeddings).

    Returns:
        Counts for the run report: ``events``, ``storylines``, ``clustered``, ``links``.
    """
    todo = unclustered_ids(store)
    if not todo:
        return {"clustered": 0, "events": store.count_events()}
    clusterer, dedup = _load(store, settings)
    n_links = len(getattr(dedup, "links_", []))
    before = dict(getattr(clusterer, "labels_", {}))
    for start in range(0, len(todo), BATCH):
        batch: list[Article] = store.get_articles(todo[start:start + BATCH])
        dedup.partial_fit(batch)
        clusterer.partial_fit(batch)
    labels = clusterer.labels_
    changed = [a for a, e in labels.items() if before.get(a) != e]
    events = clusterer.events(include_merged=True)
    live = [e for e in events if e.attrs.get("status", "active") != "merged"]
    storylines = clusterer.storylines()
    state = zlib.compress(json.dumps(clusterer.to_state(include_explanations=False),
                                     separators=(",", ":")).encode("utf-8"), 6)
    with store.transaction():
        store.upsert_events(_with_storyline(events, storylines))
        store.assign([(a, labels[a], _score(clusterer, a), clusterer.explanations_.get(a))
                      for a in changed])
        stale = {s["id"] for s in _storyline_rows(store)} - {s.id for s in storylines}
        store.delete_storylines(sorted(stale))
        store.upsert_storylines(storylines)
        store.add_links(dedup.links_[n_links:])
        store.save_state(CLUSTER_STATE, state)
        store.save_state(DEDUP_STATE, zlib.compress(pickle.dumps(dedup), 6))
    # explanations are kept in the store, not in the saved state: drop them from memory too
    return {"clustered": len(todo), "events": len(live), "storylines": len(storylines),
            "links": len(dedup.links_) - n_links}


def _score(clusterer: Any, article_id: str) -> float | None:
    expl = clusterer.explanations_.get(article_id) or {}
    score = expl.get("score")
    return float(score) if isinstance(score, (int, float)) else None


def _with_storyline(events: list[Event], storylines: list[Any]) -> list[Event]:
    by_event = {e: s.id for s in storylines for e in s.events}
    for ev in events:
        ev.storyline = by_event.get(ev.id, ev.storyline)
    return events


def _storyline_rows(store: Store) -> list[dict[str, Any]]:
    return [{"id": s.id} for s in store.list_storylines(limit=None)]


def article_context(store: Store, article: Article) -> dict[str, Any]:
    """The event, explanation and duplicate/reprint links of an article (for ``marsad show``)."""
    out: dict[str, Any] = {}
    found = store.event_of(article.id)
    if found:
        event_id, score, explanation = found
        try:
            ev = store.get_event(event_id)
            out["event"] = {"id": ev.id, "title": ev.title, "event_date": ev.event_date,
                            "place": ev.place, "storyline": ev.storyline,
                            "articles": len(ev.articles), "score": score}
        except KeyError:
            out["event"] = {"id": event_id, "score": score}
        if explanation:
            out["explanation"] = explanation
    links = store.links_of(article.id)
    if links["originals"] or links["copies"]:
        out["links"] = links
    return out
