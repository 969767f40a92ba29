"""Duplicates, near-duplicates and wire/syndication reprints.

:class:`DuplicateIndex` (scikit-learn style ``partial_fit``) links each new article to an
earlier one it repeats:

- ``exact``: the same normalized body (hash of the folded text, whitespace collapsed);
- ``near``: MinHash LSH (datasketch) over normalized word shingles, estimated Jaccard at least
  ``near_threshold`` — the same story re-posted with a changed line or two;
- ``reprint``: the article takes long passages from an earlier one (containment of its shingle
  fingerprints in the earlier article's at least ``reprint_containment``), or it credits another
  outlet or agency (``article.credits`` from extraction, or a credit in its text: (أ ف ب)،
  وكالات، رويترز، المصدر: …) and shares at least ``credited_containment`` with an earlier
  article of that outlet or with the same credit.

Passages are found with winnowing fingerprints (Schleimer et al. 2003: the minimum hash of each
window of shingle hashes), kept in an inverted index. Entries older than ``window_days`` (by
publication date) leave the indexes, so memory stays bounded on a long stream; exact hashes are
kept for all articles. Each link is ``{article, original, kind, overlap}``; :meth:`root` follows
links to the first publication, so coverage counts reprints once.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter, deque
from collections.abc import Iterable
from typing import Any

import numpy as np

from marsad.cluster import text as txt
from marsad.cluster.features import day_number
from marsad.errors import ConfigError, NotFittedError
from marsad.model import Article

AGENCIES: dict[str, str] = {
    "أ ف ب": "أ ف ب", "ا ف ب": "أ ف ب", "أ.ف.ب": "أ ف ب", "ا.ف.ب": "أ ف ب", "أفب": "أ ف ب",
    "فرانس برس": "أ ف ب", "وكالة الصحافة الفرنسية": "أ ف ب", "رويترز": "رويترز",
    "أ ب": "أ ب", "ا ب": "أ ب", "أ.ب": "أ ب", "أسوشيتد برس": "أ ب", "د ب أ": "د ب أ",
    "د.ب.أ": "د ب أ", "واس": "واس", "سانا": "سانا", "وام": "وام", "قنا": "قنا", "كونا": "كونا",
    "بترا": "بترا", "وفا": "وفا", "الأناضول": "الأناضول", "شينخوا": "شينخوا", "سبوتنيك": "سبوتنيك",
    "وكالات": "وكالات",
}
"""Credit forms → canonical agency name (wire services Arab outlets credit)."""

_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
_SOURCE_RE = re.compile(r"(?:^|\n)\s*(?:المصدر|مصدر الخبر|نقلا عن|نقلاً عن)\s*[:：]\s*([^\n]{2,60})")
_LEAD_AGENCY_RE = re.compile(rf"^[^\n]{{0,60}}?[(\[]\s*({_AGENCY_ALT})\s*[)\]]\s*[-ـ–—:]")
_BYLINE_RE = re.compile(rf"(?:^|\n)\s*[|\-ـ]?\s*({_AGENCY_ALT})\s*(?:\n|$)")
_WS = re.compile(r"\s+")


def text_credits(text: str) -> list[str]:
    """Outlets or agencies a body credits: "المصدر: X", a lead "(أ ف ب) -", a byline "وكالات".

    Photo captions ("... (ا.ف.ب)" at the end of a caption line) are not credits of the
    article and are not matched.
    """
    found: list[str] = []
    for m in _SOURCE_RE.finditer(text):
        found.append(m.group(1).strip(" .،-"))
    lead = _LEAD_AGENCY_RE.search(text[:200])
    if lead:
        found.append(AGENCIES.get(lead.group(1), lead.group(1)))
    for m in _BYLINE_RE.finditer(text[:300]):
        found.append(AGENCIES.get(m.group(1), m.group(1)))
    return list(dict.fromkeys(c for c in found if c))


def body_hash(article: Article) -> str:
    """SHA-1 of the folded body with whitespace collapsed (the exact-duplicate key)."""
    norm = _WS.sub(" ", txt.body_norm(article)).strip()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def shingle_hashes(words: list[str], size: int) -> np.ndarray:
    """32-bit hashes (CRC-32) of the word ``size``-grams, in text order."""
    if len(words) < size:
        return np.array([zlib.crc32(" ".join(words).encode())] if words else [], dtype=np.uint32)
    grams = (" ".join(words[i:i + size]) for i in range(len(words) - size + 1))
    return np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint32)


def winnow(hashes: np.ndarray, window: int) -> np.ndarray:
    """Winnowing fingerprints: the minimum of each window of ``window`` hashes (unique, sorted)."""
    if len(hashes) <= window:
        return np.unique(hashes)
    view = np.lib.stride_tricks.sliding_window_view(hashes, window)
    return np.unique(view.min(axis=1))


class DuplicateIndex:
    """Online detection of exact duplicates, near-duplicates and reprints.

    Args:
        shingle_size: Words per shingle.
        num_perm: MinHash permutations.
        near_threshold: Estimated Jaccard for a near-duplicate.
        reprint_containment: Share of an article's fingerprints found in an earlier article for a
            reprint (long shared passages).
        credited_containment: Lower share that suffices when the article credits the earlier
            article's outlet, or both carry the same agency credit.
        window: Winnowing window (shingles).
        window_days: Articles older than this (publication days) leave the near/reprint
            indexes; exact hashes stay.
        max_items: At most this many articles stay in the near/reprint indexes.
        max_postings: A fingerprint found in more articles than this is ignored (boilerplate,
            a stock phrase), which also keeps the cost per article flat.

    Attributes:
        links_: ``[{"article", "original", "kind", "overlap"}]`` in the order found.
        credits_: Article id → the outlets/agencies it credits.
        n_articles_: Articles seen.
    """

    def __init__(self, shingle_size: int = 5, num_perm: int = 64, near_threshold: float = 0.8,
                 reprint_containment: float = 0.5, credited_containment: float = 0.2,
                 window: int = 4, window_days: int = 30, max_items: int = 50_000,
                 max_postings: int = 50) -> None:
        self.shingle_size = shingle_size
        self.num_perm = num_perm
        self.near_threshold = near_threshold
        self.reprint_containment = reprint_containment
        self.credited_containment = credited_containment
        self.window = window
        self.window_days = window_days
        self.max_items = max_items
        self.max_postings = max_postings

    def _init(self) -> None:
        from datasketch import MinHashLSH

        if not 0.0 < self.near_threshold <= 1.0:
            raise ConfigError(f"near_threshold must be in (0, 1], got {self.near_threshold}")
        if self.shingle_size < 1 or self.window < 1:
            raise ConfigError("shingle_size and window must be at least 1")
        self.links_: list[dict[str, Any]] = []
        self.credits_: dict[str, list[str]] = {}
        self.n_articles_ = 0
        self._exact: dict[str, str] = {}
        self._original: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=self.near_threshold, num_perm=self.num_perm)
        self._minhash: dict[str, Any] = {}
        self._fps: dict[str, np.ndarray] = {}
        self._postings: dict[int, list[str]] = {}
        self._meta: dict[str, tuple[int | None, str | None, tuple[str, ...]]] = {}
        self._order: deque[str] = deque()
        self._clock: int | None = None

    def partial_fit(self, articles: Iterable[Article]) -> DuplicateIndex:
        """Index a batch (in publication order, ties by id) and record its links.

        Returns:
            ``self``.
        """
        if not hasattr(self, "links_"):
            self._init()
        batch = sorted({a.id: a for a in articles if a.id not in self._meta}.values(),
                       key=lambda a: (a.published is None, a.published or "", a.id))
        for art in batch:
            self._add(art)
        self._prune()
        return self

    def _add(self, art: Article) -> None:
        from datasketch import MinHash

        self.n_articles_ += 1
        day = day_number(art.published)
        if day is not None:
            self._clock = day if self._clock is None else max(self._clock, day)
        credits = tuple(dict.fromkeys([*art.credits, *text_credits(art.text)]))
        if credits:
            self.credits_[art.id] = list(credits)
        self._meta[art.id] = (day, art.outlet, credits)
        key = body_hash(art)
        if key in self._exact:
            self._link(art.id, self._exact[key], "exact", 1.0)
            return
        self._exact[key] = art.id
        words = txt.tokens(txt.body_norm(art))
        hashes = shingle_hashes(words, self.shingle_size)
        if not len(hashes):
            return
        mh = MinHash(num_perm=self.num_perm)
        mh.update_batch([h.to_bytes(4, "little") for h in np.unique(hashes).tolist()])
        fps = winnow(hashes, self.window)
        found = self._near(mh) or self._reprint(art.id, fps, credits)
        if found:
            self._link(art.id, *found)
        self._lsh.insert(art.id, mh)
        self._minhash[art.id] = mh
        self._fps[art.id] = fps
        for fp in fps.tolist():
            self._postings.setdefault(fp, []).append(art.id)
        self._order.append(art.id)

    def _near(self, mh: Any) -> tuple[str, str, float] | None:
        best = None
        for other in sorted(self._lsh.query(mh)):
            sim = mh.jaccard(self._minhash[other])
            if sim >= self.near_threshold and (best is None or sim > best[1]):
                best = (other, sim)
        return None if best is None else (best[0], "near", round(float(best[1]), 3))

    def _reprint(self, art_id: str, fps: np.ndarray, credits: tuple[str, ...]
                 ) -> tuple[str, str, float] | None:
        shared: Counter[str] = Counter()
        for fp in fps.tolist():
            ids = self._postings.get(fp, ())
            if len(ids) <= self.max_postings:  # shared by very many: boilerplate, not a passage
                for other in ids:
                    shared[other] += 1
        if not shared:
            return None
        _, _, mine = self._meta[art_id]
        credited = {txt.fold(c) for c in mine}
        best = None
        for other, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
            containment = n / len(fps)
            _, outlet, theirs = self._meta[other]
            related = (outlet is not None and txt.fold(outlet) in credited) or \
                bool(credited & {txt.fold(c) for c in theirs})
            need = self.credited_containment if related else self.reprint_containment
            if containment >= need and (best is None or containment > best[1]):
                best = (other, containment)
        return None if best is None else (best[0], "reprint", round(float(best[1]), 3))

    def _link(self, article: str, original: str, kind: str, overlap: float) -> None:
        root = self.root(original)
        self._original[article] = root
        self.links_.append({"article": article, "original": root, "kind": kind,
                            "overlap": overlap})

    def _prune(self) -> None:
        while self._order:
            oldest = self._order[0]
            day = self._meta[oldest][0]
            too_old = (self._clock is not None and day is not None
                       and day < self._clock - self.window_days)
            if not too_old and len(self._order) <= self.max_items:
                break
            self._order.popleft()
            self._lsh.remove(oldest)
            self._minhash.pop(oldest, None)
            for fp in self._fps.pop(oldest, np.zeros(0, dtype=np.uint32)).tolist():
                ids = self._postings.get(fp)
                if ids is not None:
                    if oldest in ids:
                        ids.remove(oldest)
                    if not ids:
                        del self._postings[fp]

    # -- reading ------------------------------------------------------------------------------

    def root(self, article_id: str) -> str:
        """The first publication an article repeats (itself when it is an original)."""
        return self._original.get(article_id, article_id) if hasattr(self, "_original") \
            else article_id

    def original_of(self, article_id: str) -> str | None:
        """The original of a duplicate or reprint, ``None`` for an original."""
        if not hasattr(self, "_original"):
            raise NotFittedError("DuplicateIndex is not fitted yet: call partial_fit(articles)")
        return self._original.get(article_id)

    def count_once(self, article_ids: Iterable[str]) -> int:
        """How many distinct stories ``article_ids`` are once duplicates and reprints fold in."""
        return len({self.root(a) for a in article_ids})
