"""Inverted index from an event's strongest terms, entities and dates to event ids.

The online clusterer never compares an article with every event: it looks up the article's top
word features, entities and dates here and scores only the events that share the most of them
(blocking, as in Miranda et al. 2018 and Event Registry). Postings are cut into time buckets, so
a lookup only reads the events an article could join (within the time window) and costs the same
after 1,000 or 100,000 articles; retiring an event (far behind the newest article) removes its
postings to bound memory. Keys too many events share (stop-word-like) are skipped at lookup.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np

from marsad.cluster.features import SparseVec, day_number

# Keys are plain ints: space code in the high bits, the hashed feature (or day) in the low bits.
_SHIFT = 32
CODES: dict[str, int] = {"word": 1, "title": 2, "entity": 3, "date": 4, "stem": 5}


def top_terms(vec: SparseVec, n: int) -> list[int]:
    """Indices of the ``n`` largest weights of ``vec``."""
    idx, val = vec
    if len(idx) <= n:
        return idx.tolist()
    return idx[np.argpartition(-val, n - 1)[:n]].tolist()


def keys_for(vectors: Mapping[str, SparseVec], dates: Iterable[str],
             sizes: Mapping[str, int]) -> set[int]:
    """Index keys of a profile: its top terms per space and its dates.

    Args:
        vectors: Sub-vectors by space.
        dates: ISO dates.
        sizes: How many top terms per space (``word``, ``title``, ``entity``, ``stem``).
    """
    keys: set[int] = set()
    for space, n in sizes.items():
        vec = vectors.get(space)
        if vec is not None and n > 0 and len(vec[0]):
            base = CODES[space] << _SHIFT
            keys.update(base | int(i) for i in top_terms(vec, n))
    for d in dates:
        day = day_number(d)
        if day is not None:
            keys.add((CODES["date"] << _SHIFT) | day)
    return keys


ALL_BUCKET = -1
"""Bucket of every indexed event (what an article without a publication date searches)."""
UNDATED_BUCKET = -2
"""Bucket of the events without any dated article (searched by dated articles too)."""
_BUCKET_BITS = 20


def buckets_for(day_range: tuple[int, int] | None, window_days: int, width: int) -> list[int]:
    """Time buckets an event is posted under: every bucket an article could join it from."""
    if day_range is None:
        return [ALL_BUCKET, UNDATED_BUCKET]
    lo = (day_range[0] - window_days) // width
    hi = (day_range[1] + window_days) // width
    return [ALL_BUCKET, *range(lo, hi + 1)]


def query_buckets(day: int | None, width: int) -> list[int]:
    """Buckets an article published on ``day`` searches."""
    return [ALL_BUCKET] if day is None else [day // width, UNDATED_BUCKET]


class EventIndex:
    """Postings ``(key, time bucket) → event ids`` for the retained events.

    Time is cut into buckets of ``width`` days. An event is posted under each bucket from which
    an article may still join it (its day range widened by the join window), so a lookup reads
    one bucket: the postings it scans hold only the events of that stretch of time, however
    long the stream has run.

    Args:
        max_postings: A key shared by more events than this (in one bucket) is ignored at
            lookup: too common to tell events apart.
    """

    def __init__(self, max_postings: int = 150) -> None:
        self.max_postings = max_postings
        self._postings: dict[int, set[str]] = {}
        self._posted: dict[str, set[int]] = {}

    def __len__(self) -> int:
        return len(self._posted)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._posted

    @staticmethod
    def _compose(keys: Iterable[int], buckets: Iterable[int]) -> set[int]:
        bs = [b & ((1 << _BUCKET_BITS) - 1) for b in buckets]
        return {(k << _BUCKET_BITS) | b for k in keys for b in bs}

    def post(self, event_id: str, keys: set[int], buckets: Iterable[int] = (ALL_BUCKET,)
             ) -> None:
        """Make ``keys`` (in each of ``buckets``) the postings of ``event_id``."""
        new = self._compose(keys, buckets)
        old = self._posted.get(event_id, set())
        for key in old - new:
            self._unpost(key, event_id)
        for key in new - old:
            self._postings.setdefault(key, set()).add(event_id)
        self._posted[event_id] = new

    def remove(self, event_id: str) -> None:
        """Remove every posting of ``event_id`` (retired or merged away)."""
        for key in self._posted.pop(event_id, set()):
            self._unpost(key, event_id)

    def _unpost(self, key: int, event_id: str) -> None:
        ids = self._postings.get(key)
        if ids is not None:
            ids.discard(event_id)
            if not ids:
                del self._postings[key]

    def candidates(self, keys: Iterable[int], limit: int,
                   buckets: Iterable[int] = (ALL_BUCKET,)) -> list[tuple[str, int]]:
        """Events sharing the most keys with a query, best first: ``[(event id, hits)]``.

        Ties are broken by event id so the result does not depend on set iteration order.
        """
        hits: Counter[str] = Counter()
        for key in self._compose(keys, buckets):
            ids = self._postings.get(key)
            if ids and len(ids) <= self.max_postings:
                hits.update(ids)
        return heapq.nsmallest(limit, hits.items(), key=lambda kv: (-kv[1], kv[0]))

    def events(self) -> list[str]:
        """Ids of the indexed (retained) events."""
        return sorted(self._posted)
