"""Storylines: events linked into longer stories by shared topic, actors and places.

An online agglomerative linker over event centroids. Each new or changed event joins the
storyline whose centroid is most similar on topic (words, stems, title words, entities) when that
similarity reaches ``threshold``, else opens a storyline of its own; linking needs shared actors
or places when both sides name entities. Unlike event clustering
there is no date-disagreement penalty and no time window: the coalition's meetings of May 2017,
February 2019 and November 2019 are three events of one storyline precisely because they differ
only in date and place.

A storyline centroid is the sum of its events' unit topic vectors (each event counts once, so a
heavily covered event does not drown the others). Storyline ids are stable: derived from the
event that opened the storyline.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from marsad.cluster.eventstate import EventRecord, _pack_vec, _unpack_vec
from marsad.cluster.features import EMPTY, SparseVec, add_vectors, truncate, vector_norm
from marsad.cluster.index import EventIndex, keys_for
from marsad.cluster.similarity import cosine
from marsad.model import Storyline

TOPIC_WEIGHTS: dict[str, float] = {"word": 1.0, "stem": 1.0, "entity": 1.0, "title": 0.5}
"""Spaces of the topic vectors; the text ones are averaged with these weights, the entity one
gates (see :func:`topic_similarity`)."""

ACTOR_GATE = 0.1
"""Entity cosine under which two sides count as not sharing actors."""

_TERMS = 40
_INDEX_SIZES = {"word": 20, "entity": 10, "title": 8}


def storyline_id_for(event_id: str) -> str:
    """Stable storyline id derived from the event that opened it (``sl-`` + 12 hex)."""
    return "sl-" + hashlib.sha1(event_id.encode()).hexdigest()[:12]


def topic_vectors(ev: EventRecord) -> dict[str, SparseVec]:
    """An event's unit-length topic vectors (its strongest terms only)."""
    out = {}
    for space in TOPIC_WEIGHTS:
        vec = ev.vectors.get(space, EMPTY)
        norm = ev.norms.get(space, 0.0)
        if len(vec[0]) and norm > 0:
            idx, val = truncate(vec, _TERMS)
            n = vector_norm((idx, val))
            out[space] = (idx, val / n)
    return out


def topic_similarity(a: Mapping[str, SparseVec], b: Mapping[str, SparseVec]) -> float:
    """Topic similarity of two sets of topic vectors (events or storylines).

    The weighted mean cosine of the word, stem and title vectors, halved when both sides name
    entities but share almost none of them (entity cosine under :data:`ACTOR_GATE`): a
    storyline follows the same actors and places, and two organizations' meetings share the
    vocabulary of meetings but not the organization.
    """
    total = weight = 0.0
    for space, w in TOPIC_WEIGHTS.items():
        if space == "entity":
            continue
        value = _cos(a, b, space)
        if value is not None:
            total += w * value
            weight += w
    text = total / weight if weight else 0.0
    actors = _cos(a, b, "entity")
    return text * 0.5 if actors is not None and actors < ACTOR_GATE else text


def _cos(a: Mapping[str, SparseVec], b: Mapping[str, SparseVec], space: str) -> float | None:
    va, vb = a.get(space), b.get(space)
    if va is None or vb is None or not len(va[0]) or not len(vb[0]):
        return None
    return cosine(va, vb, vector_norm(va), vector_norm(vb))


class StorylineRecord:
    """One storyline: its events and the sum of their topic vectors.

    ``sums`` is the exact sum of the member events' topic vectors (updated incrementally as
    events join, change or leave); ``vectors`` is its strongest part, used for similarity and
    the index.
    """

    __slots__ = ("attrs", "events", "id", "sums", "vectors")

    def __init__(self, storyline_id: str) -> None:
        self.id = storyline_id
        self.events: list[str] = []
        self.sums: dict[str, SparseVec] = {}
        self.vectors: dict[str, SparseVec] = {}
        self.attrs: dict[str, Any] = {}

    def add(self, topic: Mapping[str, SparseVec], sign: float = 1.0) -> None:
        """Add (``sign=1``) or subtract (``sign=-1``) one event's topic vectors."""
        for space, vec in topic.items():
            if not len(vec[0]):
                continue
            idx, val = add_vectors([self.sums.get(space, EMPTY), (vec[0], sign * vec[1])])
            keep = val > 1e-9
            self.sums[space] = (idx[keep], val[keep])
        self.vectors = {sp: truncate(v, _TERMS * 3) for sp, v in self.sums.items() if len(v[0])}


class StorylineLinker:
    """Online linking of events into storylines (scikit-learn style ``partial_fit``).

    Args:
        threshold: Topic similarity an event needs to join a storyline.
        max_candidates: Storylines scored per event (found through an inverted index).
        merge_threshold: Topic similarity two whole storylines need to become one (default
            ``threshold + 0.1``: a storyline's centroid is its shared vocabulary, and two
            storylines of the same kind — two organizations' meetings — share more of it
            than any one event does).

    Attributes:
        storylines_: Storyline id → :class:`StorylineRecord`.
        event_storyline_: Event id → storyline id.
    """

    def __init__(self, threshold: float = 0.3, max_candidates: int = 20,
                 merge_threshold: float | None = None) -> None:
        self.threshold = threshold
        self.max_candidates = max_candidates
        self.merge_threshold = merge_threshold

    def _init(self) -> None:
        if not hasattr(self, "storylines_"):
            self.storylines_: dict[str, StorylineRecord] = {}
            self.event_storyline_: dict[str, str] = {}
            self._topics: dict[str, dict[str, SparseVec]] = {}
            self._sizes: dict[str, int] = {}
            self._index = EventIndex(max_postings=200)

    def partial_fit(self, events: Iterable[EventRecord]) -> StorylineLinker:
        """Link new events and re-check changed ones (in the order given).

        Returns:
            ``self``.
        """
        self._init()
        touched: set[str] = set()
        for ev in events:
            touched.add(self._link(ev))
        self._merge_pass(touched)
        return self

    def remove_event(self, event_id: str) -> None:
        """Forget an event (merged into another one)."""
        self._init()
        sid = self.event_storyline_.pop(event_id, None)
        if sid is not None:
            self._detach(sid, event_id)
        self._topics.pop(event_id, None)
        self._sizes.pop(event_id, None)

    def _link(self, ev: EventRecord) -> str:
        current = self.event_storyline_.get(ev.id)
        size = len(ev.members)
        linked_at = self._sizes.get(ev.id, 0)
        if current is not None and size < 2 * linked_at:
            return current  # re-check an event when it has doubled since it was last linked
        self._sizes[ev.id] = max(size, 1)
        topic = topic_vectors(ev)
        old = self._topics.get(ev.id, {})
        self._topics[ev.id] = topic
        if current is not None:
            sl = self.storylines_[current]
            sl.add(old, -1.0)
            if len(sl.events) == 1 or topic_similarity(topic, sl.vectors) >= self.threshold:
                sl.add(topic)
                self._post(sl)
                return sl.id
            sl.events.remove(ev.id)
            if sl.events:
                self._post(sl)
            else:
                self._drop(sl.id)
        best_id, best = None, 0.0
        keys = keys_for(topic, (), _INDEX_SIZES)
        for sid, _hits in self._index.candidates(keys, self.max_candidates):
            score = topic_similarity(topic, self.storylines_[sid].vectors)
            if score > best or (score == best and best_id is not None and sid < best_id):
                best_id, best = sid, score
        if best_id is not None and best >= self.threshold:
            sl = self.storylines_[best_id]
        else:
            sid, n = storyline_id_for(ev.id), 1
            while sid in self.storylines_:  # the event left a storyline it had opened
                sid = storyline_id_for(f"{n}:{ev.id}")
                n += 1
            sl = StorylineRecord(sid)
            self.storylines_[sl.id] = sl
        sl.events.append(ev.id)
        sl.add(topic)
        self.event_storyline_[ev.id] = sl.id
        self._post(sl)
        return sl.id

    def _detach(self, sid: str, event_id: str) -> None:
        sl = self.storylines_.get(sid)
        if sl is None:
            return
        if event_id in sl.events:
            sl.events.remove(event_id)
            sl.add(self._topics.get(event_id, {}), -1.0)
        if sl.events:
            self._post(sl)
        else:
            self._drop(sid)

    def _drop(self, sid: str) -> None:
        self._index.remove(sid)
        del self.storylines_[sid]

    def _post(self, sl: StorylineRecord) -> None:
        self._index.post(sl.id, keys_for(sl.vectors, (), _INDEX_SIZES))

    def _merge_pass(self, touched: set[str]) -> None:
        # Two storylines that grew towards each other become one (the smaller id survives, so
        # the outcome does not depend on which was touched first).
        merge_at = self.threshold + 0.1 if self.merge_threshold is None else self.merge_threshold
        for sid in sorted(touched):
            sl = self.storylines_.get(sid)
            if sl is None:
                continue
            keys = keys_for(sl.vectors, (), _INDEX_SIZES)
            for other_id, _hits in self._index.candidates(keys, self.max_candidates):
                other = self.storylines_.get(other_id)
                if other is None or other_id == sid:
                    continue
                if topic_similarity(sl.vectors, other.vectors) >= merge_at:
                    keep, gone = (sl, other) if sl.id <= other.id else (other, sl)
                    self._absorb(keep, gone)
                    if gone is sl:
                        break
                    sl = keep

    def _absorb(self, keep: StorylineRecord, gone: StorylineRecord) -> None:
        for eid in gone.events:
            keep.events.append(eid)
            self.event_storyline_[eid] = keep.id
            keep.add(self._topics.get(eid, {}))
        keep.attrs.setdefault("history", []).append({"op": "merge", "from": gone.id})
        self._drop(gone.id)
        self._post(keep)

    # -- output -------------------------------------------------------------------------------

    def storylines(self, events: Mapping[str, EventRecord]) -> list[Storyline]:
        """Storylines as model objects, events ordered by event date.

        Args:
            events: Event id → record, for dates and titles.
        """
        self._init()
        out = []
        for sl in self.storylines_.values():
            evs = [events[e] for e in sl.events if e in events]
            evs.sort(key=lambda e: (e.event_date() or "9999", e.id))
            out.append(Storyline(
                id=sl.id, title=storyline_title(evs), events=[e.id for e in evs],
                attrs={"event_dates": [e.event_date() for e in evs],
                       "history": sl.attrs.get("history", [])}))
        out.sort(key=lambda s: (s.attrs["event_dates"][0] or "9999", s.id) if s.events
                 else ("9999", s.id))
        return out

    def to_state(self) -> dict[str, Any]:
        """JSON-ready state."""
        self._init()
        return {
            "params": {"threshold": self.threshold, "max_candidates": self.max_candidates,
                       "merge_threshold": self.merge_threshold},
            "storylines": [{"id": s.id, "events": s.events, "attrs": s.attrs}
                           for s in self.storylines_.values()],
            "topics": {e: {sp: _pack_vec(v) for sp, v in t.items()}
                       for e, t in self._topics.items()},
            "sizes": self._sizes,
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> StorylineLinker:
        """Rebuild from :meth:`to_state` output."""
        linker = cls(**state["params"])
        linker._init()
        linker._topics = {e: {sp: _unpack_vec(v) for sp, v in t.items()}
                          for e, t in state["topics"].items()}
        linker._sizes = dict(state.get("sizes") or {})
        for d in state["storylines"]:
            sl = StorylineRecord(d["id"])
            sl.events = list(d["events"])
            sl.attrs = dict(d.get("attrs") or {})
            linker.storylines_[sl.id] = sl
            for e in sl.events:
                linker.event_storyline_[e] = sl.id
                sl.add(linker._topics.get(e, {}))
            linker._post(sl)
        return linker


def storyline_title(events: list[EventRecord]) -> str:
    """A storyline title: the entities its events share most, else its first event's title."""
    from collections import Counter

    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for ev in events:
        for key in {k for k, v in ev.entities.items() if v > 0}:
            counts[key] += 1
            names.setdefault(key, ev.entity_names.get(key, ("", key))[1])
    shared = [names[k] for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
              if n >= max(2, len(events) // 2)][:3]
    if shared:
        return " · ".join(shared)
    return events[0].title() if events else ""
