"""Story products for the event page, computed once per event version and cached.

The story of an event (summary, timeline, facts, quotes, outlet comparison, framing) is a pure
function of its articles, and computing it is the slowest thing a page does (sentence ranking
over every article), so :class:`StoryCache` keeps the latest stories keyed by the event's id
and the time its row was last written: a new run or a merge changes the key and the story is
recomputed. It is per app (``app.state``), never module state.

:func:`build_event_story` uses :func:`marsad.stories.story.build_story` when it is installed
and falls back to the summary alone (:func:`marsad.stories.summarize.summarize_event`) with the
other sections empty but present.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from marsad.model import Article, Event, Storyline

log = logging.getLogger("marsad.web")

SECTIONS = ("timeline", "facts", "evolution", "quotes", "outlets", "framing")


def _jsonable(value: Any) -> Any:
    """Dataclasses and tuples turned into JSON-ready values (story products may return them)."""
    if hasattr(value, "to_dict"):
        return _jsonable(value.to_dict())
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value != value:  # NaN is not JSON
        return None
    return value


def _story_module() -> Any:
    try:
        from marsad.stories import story
    except ImportError:
        return None
    return story


def build_event_story(event: Event, articles: Sequence[Article], *,
                      storyline: Storyline | None = None,
                      storyline_events: Sequence[tuple[Event, Sequence[Article]]] = (),
                      links: Sequence[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The story of one event as a JSON-ready dict.

    Args:
        event: The event.
        articles: Its articles.
        storyline: Its storyline, if any.
        storyline_events: ``(event, articles)`` of the storyline's events (timeline and
            evolution across the storyline).
        links: The duplicate/reprint links among the articles (from the store).

    Returns:
        ``{summary, timeline, facts, evolution, quotes, outlets, framing, available}``;
        ``available`` is false when only the summary could be computed.
    """
    module = _story_module()
    if module is not None and articles:
        try:
            story = _jsonable(module.build_story(
                event, list(articles), storyline=storyline,
                storyline_events=list(storyline_events) if storyline is not None else None,
                links=links))
        except Exception:  # a story product failing must not take the event page down
            log.exception("story of event %s failed; showing its summary only", event.id)
        else:
            out = {key: story.get(key, [] if key != "framing" else {}) for key in SECTIONS}
            out["summary"] = story.get("summary") or _summary(event, articles)
            out["available"] = True
            return out
    out = {key: [] for key in SECTIONS}
    out["framing"] = {}
    out["summary"] = _summary(event, articles)
    out["available"] = False
    return out


def build_storyline_story(storyline: Storyline,
                          events_with_articles: Sequence[tuple[Event, Sequence[Article]]],
                          links: Sequence[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A storyline's timeline items and evolution (``{}`` without the story products)."""
    module = _story_module()
    if module is None or not events_with_articles:
        return {}
    try:
        return _jsonable(module.build_storyline(storyline, list(events_with_articles),
                                                links=links))
    except Exception:  # the timeline still shows without the evolution
        log.exception("storyline %s failed; showing its events only", storyline.id)
        return {}


def _summary(event: Event, articles: Sequence[Article]) -> dict[str, Any]:
    empty = {"headline": event.title or event.id, "headline_article": None, "sentences": [],
             "outlets": []}
    if not articles:
        return empty
    try:
        from marsad.stories.summarize import summarize_event

        return _jsonable(summarize_event(list(articles)).to_dict())
    except Exception:  # the page still lists the event's articles
        log.exception("summary of event %s failed", event.id)
        return empty


class StoryCache:
    """A small thread-safe LRU of computed stories.

    Args:
        size: Stories kept.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: tuple[Any, ...], compute: Callable[[], dict[str, Any]]
                       ) -> dict[str, Any]:
        """The cached value for ``key``, computing and storing it when missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()  # outside the lock: two threads may compute the same story once each
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every story."""
        with self._lock:
            self._items.clear()


def framing_profile(articles: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """An outlet's framing profile from its stored articles (their JSON).

    Uses :func:`marsad.stories.framing.framing_view` (the framing lexicon, attribution verbs,
    scare quotes) when it is installed; otherwise only counts the attribution verbs of the
    articles' quotes by stance (neutral قال vs loaded زعم).

    Returns:
        ``{articles, lexicon, terms: [{term, category, count, quoted, hits}], loaded, quoted,
        attribution: {neutral, loaded, denial, verbs: [{verb, stance, count}]},
        scare_quotes}``; each term keeps its first hits (article and offsets) only.
    """
    models = [Article.from_dict(a) for a in articles]
    try:
        from marsad.stories.framing import framing_view
    except ImportError:
        framing_view = None
    if framing_view is not None:
        view = _jsonable(framing_view(models))
        for term in view.get("terms", []):
            term["hits"] = term.get("hits", [])[:5]
        view["scare_quotes"] = view.get("scare_quotes", [])[:20]
        return {"articles": len(models), "lexicon": True, **view}
    verbs: dict[tuple[str, str], int] = {}
    stances: dict[str, int] = {"neutral": 0, "loaded": 0, "denial": 0}
    for a in models:
        for q in a.quotes:
            verb = (q.attrs or {}).get("verb_lemma") or q.verb
            if verb:
                verbs[(str(verb), q.stance or "neutral")] = \
                    verbs.get((str(verb), q.stance or "neutral"), 0) + 1
                stances[q.stance or "neutral"] = stances.get(q.stance or "neutral", 0) + 1
    ranked = sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"articles": len(models), "lexicon": False, "terms": [], "loaded": 0, "quoted": 0,
            "attribution": {**stances, "verbs": [{"verb": v, "stance": s, "count": n}
                                                 for (v, s), n in ranked[:30]]},
            "scare_quotes": []}
