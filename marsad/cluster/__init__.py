"""Article similarity, duplicates and reprints, online event clustering and storylines.

Modules, in the order data flows through them:

- :mod:`~marsad.cluster.text`: the normalized text and stems features are built from.
- :mod:`~marsad.cluster.features`: hashed TF-IDF sub-vectors (characters, words, stems, title,
  entities) with an online document-frequency table, plus dates, places and numbers;
  :mod:`~marsad.cluster.prior` ships a background frequency table.
- :mod:`~marsad.cluster.similarity`: similarity components and how they combine
  (:func:`article_similarity`).
- :mod:`~marsad.cluster.dedup`: exact and near duplicates, wire reprints (:class:`DuplicateIndex`).
- :mod:`~marsad.cluster.events` (with :mod:`~marsad.cluster.eventstate`,
  :mod:`~marsad.cluster.index`, :mod:`~marsad.cluster.explain`): the online clusterer
  (:class:`EventClusterer`).
- :mod:`~marsad.cluster.storylines`: events linked into storylines (:class:`StorylineLinker`).
- :mod:`~marsad.cluster.embeddings`: optional multilingual sentence embeddings.

Names are imported lazily so that ``import marsad.cluster.text`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ArticleFeatures": "marsad.cluster.features",
    "FeatureModel": "marsad.cluster.features",
    "Weights": "marsad.cluster.similarity",
    "article_similarity": "marsad.cluster.similarity",
    "similarity_components": "marsad.cluster.similarity",
    "DuplicateIndex": "marsad.cluster.dedup",
    "EventClusterer": "marsad.cluster.events",
    "StorylineLinker": "marsad.cluster.storylines",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'marsad.cluster' has no attribute {name!r}")
