"""Why an article is in its event: the explanation dicts behind ``marsad explain``.

An explanation reads top-down: the event, the score and the threshold it was compared with,
whether the article opened the event, the similarity components (cosines of each sub-vector,
date agreement, shared-number and shared-place shares, days apart), what the article and the
event share (entities, dates, places, numbers, by name) and the runner-up event with its score.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marsad.cluster.eventstate import EventRecord
from marsad.cluster.features import ArticleFeatures

_SHARED_MAX = 8


def _rounded(comp: Mapping[str, float | None] | None) -> dict[str, float]:
    if not comp:
        return {}
    return {k: round(float(v), 3) for k, v in comp.items() if v is not None}


def shared_with(f: ArticleFeatures, ev: EventRecord) -> dict[str, list[str]]:
    """Entities, dates, places and numbers the article shares with the event, by name."""
    ents = sorted((k for k in f.entities if ev.entities.get(k, 0) > 0),
                  key=lambda k: (-ev.entities[k], k))
    places = sorted((k for k in f.places if ev.places.get(k, 0) > 0),
                    key=lambda k: (-ev.places[k], k))
    from marsad.cluster.features import date_kernel

    # a partial date ("XXXX-02-06", a weekday) is shared when it matches one of the event's
    live = [d for d, n in ev.date_articles.items() if n > 0]
    dates = sorted(d for d in f.dates if any(d == e or date_kernel(d, e) == 1.0 for e in live))
    numbers = sorted(n for n in f.numbers if ev.numbers.get(n, 0) > 0)

    def name(key: str) -> str:
        return f.entities.get(key, ev.entity_names.get(key, ("", key)))[1]

    return {
        "entities": [name(k) for k in ents if k not in set(places)][:_SHARED_MAX],
        "places": [name(k) for k in places][:_SHARED_MAX],
        "dates": dates[:_SHARED_MAX],
        "numbers": [f"{v} {u}".strip() for v, u in numbers][:_SHARED_MAX],
    }


def explanation(f: ArticleFeatures, ev: EventRecord, score: float | None,
                comp: Mapping[str, float | None] | None,
                runner: tuple[float, str, Mapping[str, Any]] | None,
                threshold: float) -> dict[str, Any]:
    """The explanation of placing article ``f`` in event ``ev``.

    Args:
        f: The article's features.
        ev: The event it joined or opened (before the article was added).
        score: Its score against ``ev``; ``None`` when it opened ``ev``.
        comp: The components of that score.
        runner: ``(score, event id, components)`` of the best other candidate, if any.
        threshold: The join threshold used.
    """
    opened = score is None
    out: dict[str, Any] = {
        "event": ev.id,
        "opened": opened,
        "score": None if opened else round(float(score), 3),
        "threshold": threshold,
        "components": _rounded(comp),
        "shared": {"entities": [], "places": [], "dates": [], "numbers": []}
        if opened else shared_with(f, ev),
        "runner_up": None if runner is None else {
            "event": runner[1], "score": round(float(runner[0]), 3),
            "components": _rounded(runner[2]),
        },
    }
    if opened:
        out["reason"] = ("no candidate event in the time window" if runner is None else
                         f"best candidate scored {runner[0]:.3f} < threshold {threshold}")
    return out
