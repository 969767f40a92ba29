"""Online event clustering (Miranda et al. 2018 style), scikit-learn ``partial_fit`` on batches.

Each article, in publication order, is compared with the *candidate* events an inverted index
returns for its top terms, entities and dates within the time window (never with every event),
on the similarity components of :mod:`marsad.cluster.similarity`. It joins the best event when
the score reaches ``threshold`` and opens a new event otherwise. After each batch a cheap
refinement pass moves batch articles whose best event changed and merges events that became
near-duplicates of each other (same topic, no date conflict); this is what makes the partition
robust to the order articles arrive in.

Event ids are stable: ``ev-`` + sha1 of the id of the article that opened the event, so the same
input gives the same ids on a rerun. ``merge`` and ``split`` record history entries in the
events' ``attrs``; merged events are kept as tombstones pointing at the survivor. The whole
state round-trips through ``to_state``/``from_state`` (JSON-ready) so the next run continues the
stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from marsad.cluster.eventstate import (
    DEFAULT_MAX_TERMS,
    EventRecord,
    Member,
    event_id_for,
    without,
)
from marsad.cluster.explain import explanation
from marsad.cluster.features import ArticleFeatures, FeatureModel, day_iso
from marsad.cluster.index import (
    ALL_BUCKET,
    UNDATED_BUCKET,
    EventIndex,
    buckets_for,
    keys_for,
    query_buckets,
)
from marsad.cluster.similarity import (
    EVENT_WEIGHTS,
    DenseScorer,
    Weights,
    combine,
    components,
    profile_of,
    signal_components,
    text_components,
)
from marsad.cluster.storylines import StorylineLinker
from marsad.config import Settings
from marsad.errors import ConfigError, NotFittedError, NotFoundError
from marsad.model import Article, Event, Storyline

_QUERY_SIZES = {"word": 25, "title": 10, "entity": 15}
_POST_SIZES = {"word": 30, "title": 15, "entity": 20}
_CLEAR_MARGIN = 0.1
_SMALL_EVENT = 2
STATE_VERSION = 1


class EventClusterer:
    """Group a stream of articles into events, and events into storylines.

    Args:
        threshold: Score an article needs to join an existing event.
        window_days: An article joins only events with an article published within this many
            days of its own publication day.
        merge_threshold: Score two events need to be merged by the refinement pass.
        refine: Run the refinement pass after each batch.
        max_candidates: Events scored per article (the best hits of the inverted index).
        max_active_events: Oldest active events retire beyond this many (bounds memory when
            articles carry no dates).
        retain_days: Events whose last article is this many days older than the newest one
            seen, and that no article joined among the last ``retain_articles``, retire: they
            leave the index (so very late articles cannot join them) and shrink to compact
            summaries. Late articles within this horizon are handled as if they had come in
            order; a small corpus fed in any order never retires anything.
        retain_articles: See ``retain_days``.
        weights: How similarity components combine (:class:`~marsad.cluster.similarity.Weights`).
        max_terms: Terms kept per space in event centroids.
        use_embeddings: Add USE multilingual sentence embeddings to the similarity.
        link_storylines: Link events into storylines after each batch.
        storyline_threshold: Topic similarity an event needs to join a storyline.

    Attributes:
        features_: The fitted :class:`~marsad.cluster.features.FeatureModel` (online IDF).
        events_: Event id → :class:`~marsad.cluster.eventstate.EventRecord` (merged ones
            kept with ``status == "merged"``).
        labels_: Article id → event id.
        explanations_: Article id → why it is in its event (see :meth:`explain`).
        storylines_: The :class:`~marsad.cluster.storylines.StorylineLinker`.
        n_articles_: Articles clustered so far.
    """

    def __init__(self, threshold: float = 0.45, window_days: int = 10,
                 merge_threshold: float = 0.6, refine: bool = True, max_candidates: int = 12,
                 max_active_events: int = 20_000, weights: Weights | None = None,
                 max_terms: Mapping[str, int] | None = None, use_embeddings: bool = False,
                 link_storylines: bool = True, storyline_threshold: float = 0.3,
                 retain_days: int = 60, retain_articles: int = 2000) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.merge_threshold = merge_threshold
        self.refine = refine
        self.max_candidates = max_candidates
        self.max_active_events = max_active_events
        self.weights = weights
        self.max_terms = max_terms
        self.use_embeddings = use_embeddings
        self.link_storylines = link_storylines
        self.storyline_threshold = storyline_threshold
        self.retain_days = retain_days
        self.retain_articles = retain_articles

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> EventClusterer:
        """A clusterer configured from :class:`~marsad.config.Settings`."""
        params: dict[str, Any] = {
            "threshold": settings.cluster_threshold,
            "window_days": settings.cluster_window_days,
            "use_embeddings": settings.use_embeddings,
            "storyline_threshold": settings.storyline_threshold,
        }
        params.update(overrides)
        return cls(**params)

    # -- fitting ------------------------------------------------------------------------------

    def _validate(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(f"threshold must be in (0, 1], got {self.threshold}")
        if self.window_days < 0:
            raise ConfigError(f"window_days must be >= 0, got {self.window_days}")
        if self.retain_days < self.window_days:
            raise ConfigError(f"retain_days ({self.retain_days}) must be at least window_days "
                              f"({self.window_days})")
        if self.max_candidates < 1:
            raise ConfigError(f"max_candidates must be >= 1, got {self.max_candidates}")

    def _init_state(self) -> None:
        self._validate()
        self.features_ = FeatureModel(use_embeddings=self.use_embeddings)
        self.events_: dict[str, EventRecord] = {}
        self.labels_: dict[str, str] = {}
        self.explanations_: dict[str, dict[str, Any]] = {}
        self.storylines_ = StorylineLinker(self.storyline_threshold)
        self.n_articles_ = 0
        self._clock: int | None = None
        self._index = EventIndex()
        self._touched_seq: dict[str, int] = {}
        self._scorer: DenseScorer | None = None

    def fit(self, articles: Iterable[Article]) -> EventClusterer:
        """Forget any state and cluster ``articles`` as one batch."""
        self._init_state()
        return self.partial_fit(articles)

    def partial_fit(self, articles: Iterable[Article]) -> EventClusterer:
        """Cluster a batch of new articles (already-seen ids are ignored).

        Articles are processed in publication order (undated last), ties by id, so the order
        inside the batch does not matter.

        Returns:
            ``self``.
        """
        if not hasattr(self, "events_"):
            self._init_state()
        batch: dict[str, Article] = {}
        for art in articles:
            if art.id not in self.labels_ and art.id not in batch:
                batch[art.id] = art
        if not batch:
            return self
        feats = self.features_.partial_fit_transform(batch.values())
        feats.sort(key=lambda f: (f.day is None, f.day or 0, f.id))
        touched: list[str] = []
        for f in feats:
            self.n_articles_ += 1
            if f.day is not None:
                self._clock = f.day if self._clock is None else max(self._clock, f.day)
            touched.append(self._assign(f))
        if self.refine:
            touched += self._reassign(feats)
            touched += self._merge_pass(touched)
        live = sorted({self._resolve(e) for e in touched})
        self._drop_member_vectors(live)
        self._retire()
        if self.link_storylines:
            self.storylines_.partial_fit(self.events_[e] for e in live
                                         if self.events_[e].status != "merged")
        return self

    # -- assignment ---------------------------------------------------------------------------

    def _terms(self) -> dict[str, int]:
        terms = dict(DEFAULT_MAX_TERMS)
        terms.update(self.max_terms or {})
        return terms

    def _w(self) -> Weights:
        return self.weights or EVENT_WEIGHTS

    def _scorer_for(self, f: ArticleFeatures) -> DenseScorer:
        if self._scorer is None:
            bits = self.features_._bits()
            sizes = {s: 2 ** bits[s] for s in ("char", "word", "stem", "entity")}
            sizes["title"] = sizes["word"]
            self._scorer = DenseScorer(sizes)
        return self._scorer.load(f.vectors)

    def _in_window(self, f: ArticleFeatures, ev: EventRecord) -> bool:
        rng = ev.day_range
        if f.day is None or rng is None:
            return True
        return rng[0] - self.window_days <= f.day <= rng[1] + self.window_days

    def _score(self, f: ArticleFeatures, exclude: str | None = None,
               own: EventRecord | None = None) -> list[tuple[float, str, dict]]:
        """Score ``f`` against its candidate events, best first: ``[(score, id, comp)]``.

        ``own``: a leave-one-out profile that replaces the event of the same id.
        """
        keys = keys_for(f.vectors, f.dates, _QUERY_SIZES)
        cands = [eid for eid, _ in self._index.candidates(keys, self.max_candidates,
                                                          query_buckets(f.day, self._width()))]
        if own is not None and own.id not in cands:
            cands.append(own.id)
        prof = profile_of(f)
        scorer = self._scorer_for(f)
        w = self._w()
        out = []
        for eid in cands:
            if eid == exclude:
                continue
            ev = own if own is not None and eid == own.id else self.events_[eid]
            if not self._in_window(f, ev):
                continue
            comp = text_components(prof, ev, scorer)
            comp.update(signal_components(prof, ev))
            out.append((combine(comp, w), eid, comp))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out

    def _assign(self, f: ArticleFeatures) -> str:
        scored = self._score(f)
        best = scored[0] if scored else None
        if best is not None and best[0] >= self.threshold:
            ev = self.events_[best[1]]
            runner = scored[1] if len(scored) > 1 else None
            self.explanations_[f.id] = explanation(f, ev, best[0], best[2], runner,
                                                   self.threshold)
        else:
            ev = EventRecord(self._new_id(f.id))
            self.events_[ev.id] = ev
            self.explanations_[f.id] = explanation(f, ev, None, None, best, self.threshold)
        self._add(ev, f)
        return ev.id

    def _new_id(self, article_id: str) -> str:
        eid = event_id_for(article_id)
        n = 1
        while eid in self.events_:  # only after a split re-used the founding article
            eid = event_id_for(article_id, salt=f"{n}:")
            n += 1
        return eid

    def _add(self, ev: EventRecord, f: ArticleFeatures) -> None:
        ev.add(Member.of(f, self._terms()), self._terms())
        self.labels_[f.id] = ev.id
        self._post(ev)

    def _width(self) -> int:
        return max(1, self.window_days)

    def _post(self, ev: EventRecord) -> None:
        self._touched_seq[ev.id] = self.n_articles_
        if ev.status == "active":
            self._index.post(ev.id, keys_for(ev.vectors, ev.dates, _POST_SIZES),
                             buckets_for(ev.day_range, self.window_days, self._width()))

    # -- refinement ---------------------------------------------------------------------------

    def _reassign(self, feats: Sequence[ArticleFeatures]) -> list[str]:
        """Move batch articles whose best event is no longer their own."""
        touched = []
        for f in feats:
            current = self.events_[self.labels_[f.id]]
            if current.status != "active" or self._settled(f.id):
                continue
            member = next(m for m in current.members if m.id == f.id)
            own = without(current, member) if len(current.members) > 1 else None
            scored = self._score(f, exclude=None if own else current.id, own=own)
            if not scored:
                continue
            score, best_id, comp = scored[0]
            if best_id == current.id or score < self.threshold:
                continue
            target = self.events_[best_id]
            self._remove_member(current, member, into=target.id)
            runner = next((s for s in scored[1:] if s[1] != best_id), None)
            self.explanations_[f.id] = explanation(f, target, score, comp, runner,
                                                   self.threshold)
            self._add(target, f)
            touched += [current.id, target.id]
        return touched

    def _settled(self, article_id: str) -> bool:
        """Did the article join its event clearly (well above the threshold, no close rival)?

        Those cannot move in the refinement pass, which then costs only the doubtful ones.
        """
        ex = self.explanations_.get(article_id) or {}
        if ex.get("opened") or ex.get("score") is None:
            return False
        runner = (ex.get("runner_up") or {}).get("score") or 0.0
        return ex["score"] >= self.threshold + _CLEAR_MARGIN and \
            runner < self.threshold - _CLEAR_MARGIN

    def _remove_member(self, ev: EventRecord, member: Member, into: str) -> None:
        ev.discard(member)
        if ev.members:
            self._post(ev)
        else:  # its only article moved: a tombstone keeps the id resolvable
            ev.status = "merged"
            ev.attrs["merged_into"] = into
            ev.attrs.setdefault("history", []).append(
                {"op": "merge", "by": "refine", "into": into, "articles": [member.id],
                 "seq": self.n_articles_})
            self._index.remove(ev.id)
            self.storylines_.remove_event(ev.id)

    def _merge_pass(self, touched: Iterable[str]) -> list[str]:
        """Merge touched events with candidates that now look like the same happening.

        Two events merge when their centroids score at least ``merge_threshold`` with no date
        conflict. A small event (one or two articles) needs only the join ``threshold``: its
        centroid is its articles, so this is the join those articles would make now that the
        other event exists — the case of an article that came before the rest of its event.
        """
        merged = []
        for eid in sorted({self._resolve(e) for e in touched}):
            ev = self.events_[eid]
            if ev.status != "active":
                continue
            for score, other in self._merge_candidates(ev):
                if ev.status != "active" or other.status != "active":
                    continue
                small = min(len(ev.members), len(other.members)) <= _SMALL_EVENT
                if score < (self.threshold if small else self.merge_threshold):
                    continue
                keep, gone = sorted((ev, other), key=_founding)
                self._merge_records(keep, gone, {"op": "merge", "by": "refine",
                                                 "score": round(score, 3)})
                merged.append(keep.id)
                if gone is ev:
                    break
        return merged

    def _merge_candidates(self, ev: EventRecord) -> list[tuple[float, EventRecord]]:
        """Candidate events near ``ev`` in time, with their score, best first."""
        keys = keys_for(ev.vectors, ev.dates, _QUERY_SIZES)
        rng = ev.day_range
        buckets = [ALL_BUCKET] if rng is None else sorted(
            {rng[0] // self._width(), rng[1] // self._width(), UNDATED_BUCKET})
        out = []
        for other_id, _ in self._index.candidates(keys, self.max_candidates, buckets):
            other = self.events_[other_id]
            if other_id == ev.id or other.status != "active" or not _near(ev, other,
                                                                          self.window_days):
                continue
            comp = components(ev, other)
            if comp.get("date") != -1.0:
                out.append((combine(comp, self._w()), other))
        out.sort(key=lambda t: (-t[0], t[1].id))
        return out

    # -- merge / split ------------------------------------------------------------------------

    def _resolve(self, event_id: str) -> str:
        seen = set()
        while True:
            ev = self.events_.get(event_id)
            if ev is None or ev.status != "merged" or not ev.attrs.get("merged_into"):
                return event_id
            if event_id in seen:
                return event_id
            seen.add(event_id)
            event_id = ev.attrs["merged_into"]

    def _merge_records(self, keep: EventRecord, gone: EventRecord,
                       entry: dict[str, Any]) -> None:
        moved = gone.article_ids
        keep.absorb(gone, self._terms())
        if keep.status == "retired" or gone.status == "retired":
            keep.retire()
        for aid in moved:
            self.labels_[aid] = keep.id
            if aid in self.explanations_:
                self.explanations_[aid]["event"] = keep.id
                self.explanations_[aid]["merged_from"] = gone.id
        keep.attrs.setdefault("history", []).append(
            {**entry, "from": gone.id, "articles": moved, "seq": self.n_articles_})
        gone.attrs.setdefault("history", []).append(
            {**entry, "into": keep.id, "articles": moved, "seq": self.n_articles_})
        gone.status = "merged"
        gone.attrs["merged_into"] = keep.id
        gone.members = []
        gone._changed()
        self._index.remove(gone.id)
        self.storylines_.remove_event(gone.id)
        self._post(keep)

    def merge(self, event_a: str, event_b: str) -> str:
        """Merge ``event_b`` into ``event_a``; both keep a history entry.

        Returns:
            The id of the surviving event (``event_a``, resolved through earlier merges).

        Raises:
            NotFoundError: An id is unknown.
        """
        self._check_fitted()
        a, b = self._get(event_a), self._get(event_b)
        if a.id == b.id:
            return a.id
        self._merge_records(a, b, {"op": "merge", "by": "user"})
        if self.link_storylines:
            self.storylines_.partial_fit([a])
        return a.id

    def split(self, event_id: str, article_ids: Iterable[str],
              articles: Iterable[Article] | None = None) -> str:
        """Move ``article_ids`` out of ``event_id`` into a new event; both record the split.

        Args:
            event_id: The event to split.
            article_ids: Its articles that form the new event.
            articles: The articles that move (with their enrichment), needed to rebuild the
                centroids: member vectors are dropped once a batch is clustered, to keep the
                state small.

        Returns:
            The new event's id.

        Raises:
            NotFoundError: Unknown event, or an article that is not in it.
            ConfigError: Not a proper subset, or ``articles`` missing.
        """
        self._check_fitted()
        ev = self._get(event_id)
        wanted = list(dict.fromkeys(article_ids))
        by_id = {m.id: m for m in ev.members}
        missing = [a for a in wanted if a not in by_id]
        if missing:
            raise NotFoundError(f"articles {missing} are not in event {ev.id!r}; its articles: "
                                f"{ev.article_ids}")
        if not wanted or len(wanted) == len(ev.members):
            raise ConfigError("split needs a non-empty proper subset of the event's articles")
        feats = {f.id: f for f in self.features_.transform(
            a for a in (articles or []) if a.id in by_id)}
        lacking = [a for a in wanted if by_id[a].vectors is None and a not in feats]
        if lacking:
            raise ConfigError(f"split needs the articles {lacking} (pass articles=...): "
                              "their vectors are not kept once their batch is clustered")
        # Members rebuilt from the articles carry everything the counters need.
        moving = [Member.of(feats[a], self._terms()) if a in feats else by_id[a]
                  for a in wanted]
        for m in moving:
            ev.members[ev.members.index(by_id[m.id])] = m
        first = min(moving, key=_member_order)
        new = EventRecord(self._new_id(f"split:{ev.id}:{first.id}"))
        self.events_[new.id] = new
        for m in moving:  # subtract from the old centroid, add to the new one
            ev.discard(m)
            new.add(m, self._terms())
            m.vectors = None
        entry = {"op": "split", "articles": wanted, "seq": self.n_articles_}
        ev.attrs.setdefault("history", []).append({**entry, "into": new.id})
        new.attrs["history"] = [{**entry, "from": ev.id}]
        for aid in wanted:
            self.labels_[aid] = new.id
            if aid in self.explanations_:
                self.explanations_[aid].update({"event": new.id, "split_from": ev.id})
        if ev.status == "retired":
            new.retire()
        for rec in (ev, new):
            self._post(rec)
        if self.link_storylines:
            self.storylines_.partial_fit([ev, new])
        return new.id

    def _get(self, event_id: str) -> EventRecord:
        if event_id not in self.events_:
            raise NotFoundError(f"unknown event {event_id!r}")
        return self.events_[self._resolve(event_id)]

    def _drop_member_vectors(self, event_ids: Iterable[str]) -> None:
        # Member vectors serve the refinement pass of their own batch only; dropping them
        # keeps memory and the saved state proportional to events, not articles.
        for eid in event_ids:
            for m in self.events_[eid].members:
                m.vectors = None
                m.embedding = None

    def _retire(self) -> None:
        active = [e for e in self.events_.values() if e.status == "active"]
        if self._clock is not None:
            for ev in active:
                rng = ev.day_range
                idle = self.n_articles_ - self._touched_seq.get(ev.id, 0)
                if rng is not None and rng[1] < self._clock - self.retain_days and \
                        idle >= self.retain_articles:
                    self._retire_one(ev)
        active = [e for e in self.events_.values() if e.status == "active"]
        if len(active) > self.max_active_events:
            active.sort(key=lambda e: (self._touched_seq.get(e.id, 0), e.id))
            for ev in active[:len(active) - self.max_active_events]:
                self._retire_one(ev)

    def _retire_one(self, ev: EventRecord) -> None:
        self._index.remove(ev.id)
        ev.retire()

    # -- reading ------------------------------------------------------------------------------

    def _check_fitted(self) -> None:
        if not hasattr(self, "events_"):
            raise NotFittedError("EventClusterer is not fitted yet: call partial_fit(articles) "
                                 "first")

    @property
    def assignments_(self) -> dict[str, str]:
        """Alias of ``labels_`` (article id → event id)."""
        self._check_fitted()
        return self.labels_

    def event_of(self, article_id: str) -> str:
        """The event id of an article.

        Raises:
            NotFoundError: The article was never clustered.
        """
        self._check_fitted()
        if article_id not in self.labels_:
            raise NotFoundError(f"article {article_id!r} has not been clustered")
        return self.labels_[article_id]

    def explain(self, article_id: str) -> dict[str, Any]:
        """Why an article is in its event: score, components, what it shares, the runner-up.

        Raises:
            NotFoundError: The article was never clustered.
        """
        eid = self.event_of(article_id)
        out = dict(self.explanations_.get(article_id, {}))
        out["event"] = eid
        ev = self.events_[eid]
        out["event_title"] = ev.title()
        out["event_size"] = len(ev.members)
        return out

    def events(self, include_merged: bool = False) -> list[Event]:
        """The events as :class:`~marsad.model.Event` objects, earliest first."""
        self._check_fitted()
        out = []
        for ev in self.events_.values():
            if ev.status == "merged" and not include_merged:
                continue
            out.append(self._event_model(ev))
        out.sort(key=lambda e: (e.first_seen or "9999", e.id))
        return out

    def _event_model(self, ev: EventRecord) -> Event:
        ordered = sorted(ev.members, key=_member_order)
        rng = ev.day_range
        attrs: dict[str, Any] = {"status": ev.status, "entities": ev.top_entities(),
                                 **ev.attrs}
        return Event(
            id=ev.id, title=ev.title(), articles=[m.id for m in ordered], outlets=ev.outlets(),
            first_seen=day_iso(rng[0]) if rng else None,
            last_seen=day_iso(rng[1]) if rng else None,
            event_date=ev.event_date(), place=ev.place(),
            storyline=self.storylines_.event_storyline_.get(ev.id)
            if hasattr(self.storylines_, "event_storyline_") else None,
            attrs=attrs)

    def storylines(self) -> list[Storyline]:
        """The storylines, each with its events ordered by event date."""
        self._check_fitted()
        live = {k: v for k, v in self.events_.items() if v.status != "merged"}
        return self.storylines_.storylines(live)

    # -- persistence --------------------------------------------------------------------------

    def get_params(self) -> dict[str, Any]:
        """Constructor parameters (scikit-learn convention)."""
        return {
            "threshold": self.threshold, "window_days": self.window_days,
            "merge_threshold": self.merge_threshold, "refine": self.refine,
            "max_candidates": self.max_candidates, "max_active_events": self.max_active_events,
            "weights": self.weights, "max_terms": self.max_terms,
            "use_embeddings": self.use_embeddings, "link_storylines": self.link_storylines,
            "storyline_threshold": self.storyline_threshold, "retain_days": self.retain_days,
            "retain_articles": self.retain_articles,
        }

    def to_state(self, include_explanations: bool = True) -> dict[str, Any]:
        """The whole learned state as a JSON-ready dict (see :meth:`from_state`)."""
        self._check_fitted()
        params = self.get_params()
        params["weights"] = None if self.weights is None else _weights_dict(self.weights)
        return {
            "version": STATE_VERSION,
            "params": params,
            "features": self.features_.to_state(),
            "events": [ev.to_state() for ev in self.events_.values()],
            "labels": self.labels_,
            "explanations": self.explanations_ if include_explanations else {},
            "n_articles": self.n_articles_,
            "clock": self._clock,
            "touched": self._touched_seq,
            "storylines": self.storylines_.to_state(),
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> EventClusterer:
        """Rebuild a clusterer from :meth:`to_state` output and continue the stream with it.

        Raises:
            ConfigError: The state was written by an incompatible version.
        """
        if state.get("version") != STATE_VERSION:
            raise ConfigError(f"clusterer state version {state.get('version')!r} is not "
                              f"supported; expected {STATE_VERSION}")
        params = dict(state["params"])
        if params.get("weights") is not None:
            params["weights"] = Weights(**params["weights"])
        model = cls(**params)
        model._init_state()
        model.features_ = FeatureModel.from_state(state["features"])
        for d in state["events"]:
            ev = EventRecord.from_state(d)
            model.events_[ev.id] = ev
        model.labels_ = dict(state["labels"])
        model.explanations_ = dict(state.get("explanations") or {})
        model.n_articles_ = int(state["n_articles"])
        model._clock = state.get("clock")
        touched = dict(state.get("touched") or {})
        for ev in model.events_.values():
            model._post(ev)
        model._touched_seq = touched
        model.storylines_ = StorylineLinker.from_state(state["storylines"])
        return model


def _member_order(m: Member) -> tuple:
    return (m.day is None, m.day or 0, m.id)


def _founding(ev: EventRecord) -> tuple:
    """Sort key of an event by its earliest article (the survivor of a merge comes first)."""
    return min((_member_order(m) for m in ev.members), default=(True, 0, ev.id))


def _near(a: EventRecord, b: EventRecord, window_days: int) -> bool:
    """Are two events within the join window of each other (or is one undated)?"""
    ra, rb = a.day_range, b.day_range
    if ra is None or rb is None:
        return True
    return ra[0] - window_days <= rb[1] and rb[0] - window_days <= ra[1]


def _weights_dict(w: Weights) -> dict[str, float]:
    import dataclasses

    return dataclasses.asdict(w)
