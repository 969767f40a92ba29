"""The learned state of one event: centroid sub-vectors, members and what they agree on.

An :class:`EventRecord` is what :class:`~marsad.cluster.events.EventClusterer` keeps per event.
It is a similarity *profile* (see :mod:`marsad.cluster.similarity`): centroid vectors (the sum of
its members' truncated unit vectors, itself truncated to the strongest terms), the entities,
places, dates and numbers its articles give, and its publication-day range. It also knows how to
summarize itself (title, event date, place) and how to serialize to a compact JSON-ready dict.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from marsad.cluster.features import (
    EMPTY,
    SPACES,
    ArticleFeatures,
    SparseVec,
    add_vectors,
    date_kernel,
    date_key,
    day_iso,
    truncate,
    vector_norm,
)

DEFAULT_MAX_TERMS: dict[str, int] = {"char": 400, "word": 120, "stem": 120, "title": 40,
                                     "entity": 60}
"""Terms kept per space in a centroid (and per member article) while an event is active."""

RETIRED_MAX_TERMS: dict[str, int] = {"char": 0, "word": 40, "stem": 40, "title": 20,
                                     "entity": 30}
"""Terms kept once an event leaves the time window (enough for storylines and display)."""


def event_id_for(article_id: str, salt: str = "") -> str:
    """Stable event id derived from the article that opened the event (``ev-`` + 12 hex)."""
    return "ev-" + hashlib.sha1(f"{salt}{article_id}".encode()).hexdigest()[:12]


@dataclass(slots=True)
class Member:
    """One article of an event, with the compact features needed to move it later."""

    id: str
    day: int | None
    outlet: str | None
    title: str
    vectors: dict[str, SparseVec] | None = None  # dropped when the event retires
    entities: dict[str, tuple[str, str]] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    place_cues: dict[str, int] = field(default_factory=dict)
    dates: dict[str, float] = field(default_factory=dict)
    numbers: set[tuple[str, str]] = field(default_factory=set)
    embedding: np.ndarray | None = None
    language: str | None = None

    @classmethod
    def of(cls, f: ArticleFeatures, max_terms: Mapping[str, int]) -> Member:
        """The member record of an article, its vectors truncated to ``max_terms``."""
        vectors = {s: truncate(v, max_terms.get(s, 100)) for s, v in f.vectors.items()}
        return cls(f.id, f.day, f.outlet, f.title, vectors, f.entities, f.places, f.place_cues,
                   f.dates, f.numbers, f.embedding, f.language)


class EventRecord:
    """Centroid and summaries of one event (a similarity profile).

    Attributes:
        id: Stable event id.
        members: Member articles in the order they joined.
        vectors: Centroid sub-vectors (sums of member vectors, truncated).
        norms: Norm of each centroid sub-vector.
        entities: Entity id → number of member articles naming it.
        entity_names: Entity id → (label, surface form) for display.
        places: Place id → number of member articles naming it.
        place_cues: Place id → mentions as the scene of the happening.
        date_articles: ISO date → member articles citing it.
        date_weights: ISO date → summed prominence.
        numbers: ``(value, unit)`` → member articles reporting it.
        languages: Language → member articles written in it.
        embedding: Sum of member embeddings (or ``None``).
        status: ``active`` (takes articles), ``retired`` (out of the window) or ``merged``.
        attrs: History of merges and splits, ``merged_into`` for a merged event, ...
    """

    __slots__ = ("_dates", "_days", "attrs", "date_articles", "date_weights", "embedding",
                 "entities", "entity_names", "id", "languages", "members", "norms", "numbers",
                 "place_cues", "places", "status", "vectors")

    def __init__(self, event_id: str) -> None:
        self.id = event_id
        self.members: list[Member] = []
        self.vectors: dict[str, SparseVec] = {}
        self.norms: dict[str, float] = {}
        self.entities: Counter[str] = Counter()
        self.entity_names: dict[str, tuple[str, str]] = {}
        self.places: Counter[str] = Counter()
        self.place_cues: Counter[str] = Counter()
        self.date_articles: Counter[str] = Counter()
        self.date_weights: Counter[str] = Counter()
        self.numbers: Counter[tuple[str, str]] = Counter()
        self.languages: Counter[str] = Counter()
        self.embedding: np.ndarray | None = None
        self.status = "active"
        self.attrs: dict[str, Any] = {}
        self._dates: dict[str, float] | None = None
        self._days: tuple[int, int] | bool | None = False  # False = not computed

    def _changed(self) -> None:
        self._dates = None
        self._days = False

    # -- profile ------------------------------------------------------------------------------

    @property
    def dates(self) -> dict[str, float]:
        """The event's dates that matter for agreement: those near the most-cited one's weight.

        Keeping every date any member mentions would make a large event "agree" with any
        article; keeping the ones at least half as prominent as the top keeps the happening's
        date (and close rivals) only.
        """
        if self._dates is None:
            live, arts = self._folded_dates()
            if not live:
                self._dates = {}
            else:
                top = max(arts.values())
                best = max(live.values())
                self._dates = {d: float(arts[d] * 10 + w) for d, w in live.items()
                               if arts[d] * 2 >= top and w * 2 >= best}
        return self._dates

    def _folded_dates(self) -> tuple[dict[str, float], dict[str, int]]:
        """Date → (summed prominence, articles), a day without its year folded into the full
        dates it names (an undated "6 February" and 2019-02-06 are one date of the event)."""
        live = {d: w for d, w in self.date_weights.items() if self.date_articles[d] > 0}
        arts = {d: self.date_articles[d] for d in live}
        full = [d for d in live if (date_key(d) or ("",))[0] == "day"]
        for p in [d for d in live if (date_key(d) or ("",))[0] == "md"]:
            named = [f for f in full if date_kernel(f, p) == 1.0]
            for f in named:
                live[f] += live[p]
                arts[f] += arts[p]
            if named:
                del live[p], arts[p]
        return live, arts

    @property
    def language_set(self) -> set[str]:
        """Languages of the members."""
        return {k for k, v in self.languages.items() if v > 0}

    @property
    def day_range(self) -> tuple[int, int] | None:
        """First and last publication day of the members (``None`` when none has a date)."""
        if self._days is False:
            days = [m.day for m in self.members if m.day is not None]
            self._days = (min(days), max(days)) if days else None
        return self._days  # type: ignore[return-value]

    @property
    def article_ids(self) -> list[str]:
        """Member article ids in the order they joined."""
        return [m.id for m in self.members]

    # -- updates ------------------------------------------------------------------------------

    def add(self, member: Member, max_terms: Mapping[str, int]) -> None:
        """Add an article and update the centroid and counters."""
        self.members.append(member)
        self._changed()
        if member.vectors is not None:
            for space in SPACES:
                vec = add_vectors([self.vectors.get(space, EMPTY),
                                   member.vectors.get(space, EMPTY)])
                self._set_vector(space, truncate(vec, max_terms.get(space, 100)))
        self._count(member, +1)

    def absorb(self, other: EventRecord, max_terms: Mapping[str, int]) -> None:
        """Take over ``other``'s members: centroids and counters are added, not recomputed."""
        self._changed()
        self.members.extend(other.members)
        for space in SPACES:
            vec = add_vectors([self.vectors.get(space, EMPTY), other.vectors.get(space, EMPTY)])
            self._set_vector(space, truncate(vec, max_terms.get(space, 100)))
        self.entities.update(other.entities)
        for key, name in other.entity_names.items():
            self.entity_names.setdefault(key, name)
        for mine, theirs in ((self.places, other.places), (self.place_cues, other.place_cues),
                             (self.date_articles, other.date_articles),
                             (self.date_weights, other.date_weights),
                             (self.numbers, other.numbers),
                             (self.languages, other.languages)):
            mine.update(theirs)
        if other.embedding is not None:
            self.embedding = other.embedding.copy() if self.embedding is None \
                else self.embedding + other.embedding

    def discard(self, member: Member) -> None:
        """Remove one member; its vectors are subtracted from the centroid (no recompute)."""
        self._changed()
        self.members.remove(member)
        if member.vectors is not None:
            for space, vec in self.vectors.items():
                mvec = member.vectors.get(space)
                if mvec is not None and len(mvec[0]) and len(vec[0]):
                    self._set_vector(space, _minus(vec, mvec))
        self._count(member, -1)

    def _set_vector(self, space: str, vec: SparseVec) -> None:
        self.vectors[space] = vec
        self.norms[space] = vector_norm(vec)

    def _count(self, m: Member, sign: int) -> None:
        for key, name in m.entities.items():
            self.entities[key] += sign
            self.entity_names.setdefault(key, name)
        self.places.update({p: sign for p in m.places})
        self.place_cues.update({p: sign * n for p, n in m.place_cues.items()})
        self.date_articles.update({d: sign for d in m.dates})
        self.date_weights.update({d: sign * w for d, w in m.dates.items()})
        self.numbers.update({n: sign for n in m.numbers})
        if m.language:
            self.languages[m.language] += sign
        if m.embedding is not None:
            delta = sign * m.embedding
            self.embedding = delta if self.embedding is None else self.embedding + delta

    def retire(self) -> None:
        """Leave the time window: shrink the centroid and keep only who the members are.

        The event's counters keep what its articles named; the per-article copies go (a
        later :meth:`~marsad.cluster.events.EventClusterer.split` rebuilds them from the
        articles it is given).
        """
        self.status = "retired"
        for i, m in enumerate(self.members):
            self.members[i] = Member(m.id, m.day, m.outlet, m.title, language=m.language)
        for space, vec in list(self.vectors.items()):
            keep = RETIRED_MAX_TERMS.get(space, 20)
            self._set_vector(space, truncate(vec, keep) if keep else EMPTY)

    # -- summaries ----------------------------------------------------------------------------

    def event_date(self) -> str | None:
        """The most-cited resolved date (articles citing, then prominence, then earliest); else
        the earliest publication date.

        Partial dates (``XXXX-02-06``: a day without its year; ``XXXX-WXX-4``: a weekday) are
        never the event date themselves, but a day without its year counts for the full date
        it names (an undated report of "the 6th of February" backs 2019-02-06). An event whose
        articles give only partial dates and no publication date has no event date.
        """
        live, arts = self._folded_dates()
        full = [d for d in live if (date_key(d) or ("",))[0] == "day"]
        if full:
            return min(full, key=lambda d: (-live[d], -arts[d], d))
        rng = self.day_range
        return day_iso(rng[0]) if rng else None

    def place(self) -> str | None:
        """The most-cited place introduced as the scene, else the most-named place."""
        for counter in (self.place_cues, self.places):
            live = {k: v for k, v in counter.items() if v > 0}
            if live:
                key = min(live, key=lambda k: (-live[k], -self.places.get(k, 0), k))
                return self.entity_names.get(key, ("LOC", key))[1]
        return None

    def title(self) -> str:
        """The title of the earliest member that has one."""
        dated = sorted(self.members, key=lambda m: (m.day is None, m.day or 0, m.id))
        return next((m.title for m in dated if m.title), "")

    def outlets(self) -> list[str]:
        """Distinct outlets in publication order."""
        dated = sorted(self.members, key=lambda m: (m.day is None, m.day or 0, m.id))
        return list(dict.fromkeys(m.outlet for m in dated if m.outlet))

    def top_entities(self, n: int = 10) -> list[str]:
        """Names of the entities most members share."""
        keys = sorted((k for k, v in self.entities.items() if v > 0),
                      key=lambda k: (-self.entities[k], k))[:n]
        return [self.entity_names.get(k, ("", k))[1] for k in keys]

    # -- persistence --------------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """A compact JSON-ready dict (vectors as base64 arrays)."""
        return {
            "id": self.id, "status": self.status, "attrs": self.attrs,
            "members": [_member_state(m) for m in self.members],
            "vectors": {s: _pack_vec(v) for s, v in self.vectors.items() if len(v[0])},
            "entity_names": {k: list(v) for k, v in self.entity_names.items()},
            "embedding": None if self.embedding is None else _pack_arr(self.embedding),
        }

    @classmethod
    def from_state(cls, d: Mapping[str, Any]) -> EventRecord:
        """Rebuild an event from :meth:`to_state` output."""
        ev = cls(d["id"])
        ev.status = d["status"]
        ev.attrs = dict(d.get("attrs") or {})
        ev.members = [_member_from(m) for m in d["members"]]
        for space in SPACES:
            ev._set_vector(space, _unpack_vec(d["vectors"][space]) if space in d["vectors"]
                           else EMPTY)
        for m in ev.members:
            saved = m.embedding
            m.embedding = None  # the event embedding is restored whole below
            ev._count(m, +1)
            m.embedding = saved
        ev.entity_names.update({k: (v[0], v[1]) for k, v in d["entity_names"].items()})
        ev.embedding = None if d.get("embedding") is None else _unpack_arr(d["embedding"])
        return ev


# -- compact serialization --------------------------------------------------------------------


def _pack_arr(a: np.ndarray, dtype: str = "<f4") -> str:
    return base64.b64encode(np.ascontiguousarray(a, dtype=dtype).tobytes()).decode("ascii")


def _unpack_arr(s: str, dtype: str = "<f4") -> np.ndarray:
    return np.frombuffer(base64.b64decode(s), dtype=dtype).astype(np.float64)


def _pack_vec(v: SparseVec) -> list[str]:
    return [_pack_arr(v[0], "<i4"), _pack_arr(v[1])]


def _unpack_vec(p: list[str]) -> SparseVec:
    return (np.frombuffer(base64.b64decode(p[0]), dtype="<i4").astype(np.int64),
            _unpack_arr(p[1]))


def _member_state(m: Member) -> dict[str, Any]:
    d: dict[str, Any] = {"id": m.id, "day": m.day, "outlet": m.outlet, "title": m.title}
    if m.entities:
        d["entities"] = {k: list(v) for k, v in m.entities.items()}
    if m.places:
        d["places"] = sorted(m.places)
    if m.place_cues:
        d["place_cues"] = m.place_cues
    if m.dates:
        d["dates"] = m.dates
    if m.numbers:
        d["numbers"] = sorted([list(n) for n in m.numbers])
    if m.vectors is not None:
        d["vectors"] = {s: _pack_vec(v) for s, v in m.vectors.items() if len(v[0])}
    if m.embedding is not None:
        d["embedding"] = _pack_arr(m.embedding)
    if m.language:
        d["language"] = m.language
    return d


def _member_from(d: Mapping[str, Any]) -> Member:
    vectors = None
    if "vectors" in d:
        vectors = {s: (_unpack_vec(d["vectors"][s]) if s in d["vectors"] else EMPTY)
                   for s in SPACES}
    return Member(
        d["id"], d.get("day"), d.get("outlet"), d.get("title", ""), vectors,
        {k: (v[0], v[1]) for k, v in (d.get("entities") or {}).items()},
        set(d.get("places") or ()), dict(d.get("place_cues") or {}),
        {k: float(v) for k, v in (d.get("dates") or {}).items()},
        {(n[0], n[1]) for n in (d.get("numbers") or ())},
        None if d.get("embedding") is None else _unpack_arr(d["embedding"]),
        d.get("language"),
    )


def without(ev: EventRecord, member: Member) -> EventRecord:
    """A detached copy of ``ev`` without ``member`` (for leave-one-out scores).

    Vectors are the centroid minus the member's (negative leftovers of truncation clipped), so
    the cost does not grow with the event's size.
    """
    out = EventRecord(ev.id)
    out.status = ev.status
    out.members = [m for m in ev.members if m is not member]
    out.entity_names = ev.entity_names
    for space, vec in ev.vectors.items():
        mvec = member.vectors.get(space) if member.vectors is not None else None
        if mvec is not None and len(mvec[0]) and len(vec[0]):
            vec = _minus(vec, mvec)
        out._set_vector(space, vec)
    out.entities = ev.entities.copy()
    out.places = ev.places.copy()
    out.place_cues = ev.place_cues.copy()
    out.date_articles = ev.date_articles.copy()
    out.date_weights = ev.date_weights.copy()
    out.numbers = ev.numbers.copy()
    out.languages = ev.languages.copy()
    out.embedding = None if ev.embedding is None else ev.embedding.copy()
    out._count(member, -1)
    return out


def _minus(vec: SparseVec, part: SparseVec) -> SparseVec:
    """``vec - part`` with what truncation left negative (or zero) dropped."""
    idx, val = add_vectors([vec, (part[0], -part[1])])
    keep = val > 1e-9
    return idx[keep], val[keep]
