"""Assemble the story of an event (and of a storyline) from the story products.

:func:`build_story` returns one JSON-ready dict per event with exactly these fields:

``event``
    ``{id, title, event_date, place, first_seen, last_seen}`` (a missing event date is taken
    from the reports, see :func:`marsad.stories.facts.event_date_of`).
``summary``
    ``{headline, headline_article, sentences: [{text, article, outlet, start, end, citations:
    [{article, outlet, similarity}]}], outlets}``
    (:func:`~marsad.stories.summarize.summarize_event`).
``timeline``
    ``{reports: [...], storyline: {id, title, events: [...]} | None}``: the reports inside the
    event (who reported first, reprints marked) and, when a storyline is given, its events in
    date order.
``facts``
    The facts table with ``conflict`` and ``conflicts`` (:func:`~marsad.stories.facts.event_facts`).
``evolution``
    Values that change between the storyline's events (empty without a storyline).
``quotes``
    Who said what, merged across outlets (:func:`~marsad.stories.compare.event_quotes`).
``outlets``
    The outlet comparison: coverage, unique facts, omissions
    (:func:`~marsad.stories.compare.outlet_comparison`).
``framing``
    Per outlet: loaded terms with counts and where, attribution verbs, scare quotes.

Every function takes plain model objects (events, articles, storylines) and no store, so the
same code serves the CLI, the web app and tests. :func:`build_stories` builds every event and
storyline at once, computing each event's summary and facts only once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.model import Article, Event, Storyline
from marsad.stories.compare import (
    MergedQuote,
    event_quotes,
    framing_by_outlet,
    outlet_comparison,
)
from marsad.stories.evolution import chain_evolutions
from marsad.stories.facts import Fact, event_date_of, event_facts
from marsad.stories.summarize import EventSummary, summarize_event
from marsad.stories.timeline import event_reports, storyline_timeline

__all__ = ["STORY_FIELDS", "build_stories", "build_story", "build_storyline"]

STORY_FIELDS: tuple[str, ...] = ("event", "summary", "timeline", "facts", "evolution", "quotes",
                                 "outlets", "framing")
"""The fields of a story dict, in order."""


@dataclass(slots=True)
class _Products:
    """What is computed once per event and shared by its story and its storyline."""

    event: Event
    articles: list[Article]
    summary: EventSummary | None
    facts: list[Fact]
    links: list[dict[str, Any]] | None


def _products(event: Event, articles: Sequence[Article], *,
              summary: EventSummary | None = None, facts: Sequence[Fact] | None = None,
              links: Iterable[Mapping[str, Any]] | None = None) -> _Products:
    arts = list(articles)
    links = [dict(l) for l in links] if links is not None else None
    if summary is None and arts:
        summary = summarize_event(arts)
    if facts is None:
        facts = event_facts(arts, event=event, links=links)
    return _Products(event, arts, summary, list(facts), links)


def _event_dict(p: _Products) -> dict[str, Any]:
    event, articles = p.event, p.articles
    when, _ = event_date_of(event, articles, p.facts)
    dates = sorted(a.published for a in articles if a.published)
    place = event.place
    if not place:
        place = next((str(f.values[0].value) for f in p.facts if f.kind == "place" and f.values),
                     None)
    title = event.title or (p.summary.headline if p.summary else event.id)
    return {"id": event.id, "title": title, "event_date": when, "place": place,
            "first_seen": event.first_seen or (dates[0] if dates else None),
            "last_seen": event.last_seen or (dates[-1] if dates else None)}


def _summary_dict(summary: EventSummary | None, event: Event) -> dict[str, Any]:
    if summary is None:
        return {"headline": event.title or event.id, "headline_article": None, "sentences": [],
                "outlets": []}
    return summary.to_dict()


def _storyline_dict(storyline: Storyline, products: Sequence[_Products]) -> dict[str, Any]:
    items = storyline_timeline(
        storyline, [p.event for p in products], {p.event.id: p.articles for p in products},
        summaries={p.event.id: p.summary for p in products if p.summary is not None},
        facts_by_event={p.event.id: p.facts for p in products})
    evolution = chain_evolutions([(p.event, p.articles) for p in products],
                                    facts_by_event={p.event.id: p.facts for p in products})
    return {"id": storyline.id, "title": storyline.title or (items[0].headline if items else ""),
            "events": [it.to_dict() for it in items],
            "evolution": [e.to_dict() for e in evolution]}


def _story(p: _Products, storyline: dict[str, Any] | None) -> dict[str, Any]:
    quotes: list[MergedQuote] = event_quotes(p.articles)
    views = outlet_comparison(p.articles, p.summary, facts=p.facts, quotes=quotes, links=p.links)
    return {
        "event": _event_dict(p),
        "summary": _summary_dict(p.summary, p.event),
        "timeline": {"reports": [r.to_dict() for r in event_reports(p.articles, links=p.links)],
                     "storyline": None if storyline is None else {
                         k: storyline[k] for k in ("id", "title", "events")}},
        "facts": [f.to_dict() for f in p.facts],
        "evolution": [] if storyline is None else storyline["evolution"],
        "quotes": [q.to_dict() for q in quotes],
        "outlets": [v.to_dict(with_framing=False) for v in views],
        "framing": framing_by_outlet(views),
    }


def build_story(event: Event, articles: Sequence[Article], *,
                storyline: Storyline | None = None,
                storyline_events: Sequence[tuple[Event, Sequence[Article]]] | None = None,
                links: Iterable[Mapping[str, Any]] | None = None,
                summary: EventSummary | None = None,
                facts: Sequence[Fact] | None = None) -> dict[str, Any]:
    """The story of one event, JSON-ready (fields :data:`STORY_FIELDS`, see module docstring).

    Args:
        event: The event.
        articles: Its enriched articles.
        storyline: The storyline the event belongs to, if any.
        storyline_events: ``(event, articles)`` of the storyline's events (this event is added
            when missing); needed for the storyline timeline and the evolution.
        links: Duplicate/reprint links from the store (computed from the articles when omitted).
        summary: A precomputed summary of the event (computed when omitted).
        facts: Precomputed facts of the event (computed when omitted).

    Returns:
        The story dict.
    """
    links = [dict(l) for l in links] if links is not None else None
    p = _products(event, articles, summary=summary, facts=facts, links=links)
    line = None
    if storyline is not None:
        others = [_products(e, arts, links=links) for e, arts in (storyline_events or ())
                  if e.id != event.id]
        line = _storyline_dict(storyline, [p, *others])
    return _story(p, line)


def build_storyline(storyline: Storyline,
                    events_with_articles: Sequence[tuple[Event, Sequence[Article]]], *,
                    links: Iterable[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """A storyline's timeline and evolution, JSON-ready.

    Returns:
        ``{id, title, events: [timeline items], evolution: [...]}``.
    """
    links = [dict(l) for l in links] if links is not None else None
    return _storyline_dict(storyline, [_products(e, arts, links=links)
                                       for e, arts in events_with_articles])


def build_stories(events: Sequence[Event], articles: Mapping[str, Article] | Sequence[Article],
                  storylines: Sequence[Storyline] = (), *,
                  links: Iterable[Mapping[str, Any]] | None = None
                  ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every event's story and every storyline, each event's products computed once.

    Args:
        events: The events (``Event.articles`` lists their article ids).
        articles: The articles, by id or as a list.
        storylines: The storylines (``Storyline.events`` lists their event ids).
        links: Duplicate/reprint links from the store (computed per event when omitted).

    Returns:
        ``(stories, storylines)``: story dicts in the order of ``events`` and storyline dicts
        in the order of ``storylines`` (the input of :func:`marsad.stories.report.write_report`).
    """
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
    links = [dict(l) for l in links] if links is not None else None
    products = {e.id: _products(e, [by_id[i] for i in e.articles if i in by_id], links=links)
                for e in events}
    lines: dict[str, dict[str, Any]] = {}
    line_of: dict[str, str] = {}
    for storyline in storylines:
        members = [products[i] for i in storyline.events if i in products]
        if not members:
            continue
        lines[storyline.id] = _storyline_dict(storyline, members)
        for p in members:
            line_of[p.event.id] = storyline.id
    stories = [_story(products[e.id], lines.get(line_of.get(e.id, ""))) for e in events]
    return stories, list(lines.values())
