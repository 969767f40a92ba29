"""Timelines: the sequence of reports inside an event, and a storyline's events in date order.

Inside an event (:func:`event_reports`), reports are ordered by publication date (then id); the
earliest ones are marked ``first`` (every report of the earliest date: page dumps often carry
dates without a time), and reprints and copies of another article are marked with what they
repeat.

A storyline's events (:func:`storyline_timeline`) are ordered by when they happened: the
clusterer's ``event_date``, else the date most of the reports give
(:func:`marsad.stories.facts.event_date_of`), else the first report. Each item carries a one-line
headline: the event summary's headline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.model import Article, Event, Storyline
from marsad.stories.facts import Fact, event_date_of
from marsad.stories.summarize import EventSummary, summarize_event
from marsad.stories.text import reprint_links

__all__ = ["TimelineItem", "TimelineReport", "event_reports", "storyline_timeline"]


@dataclass(frozen=True, slots=True)
class TimelineReport:
    """One report (article) of an event.

    Attributes:
        article: Article id.
        outlet: Its outlet.
        published: Its publication date.
        title: Its title.
        first: True for the earliest report(s).
        reprint_of: The article it repeats, when it is a reprint or copy.
        reprint_kind: ``exact``, ``near`` or ``reprint``.
        language: Its language code.
    """

    article: str
    outlet: str | None
    published: str | None
    title: str
    first: bool = False
    reprint_of: str | None = None
    reprint_kind: str | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"article": self.article, "outlet": self.outlet, "published": self.published,
                "title": self.title, "first": self.first, "reprint_of": self.reprint_of,
                "reprint_kind": self.reprint_kind, "language": self.language}


@dataclass(slots=True)
class TimelineItem:
    """One event of a storyline timeline.

    Attributes:
        event: Event id.
        headline: One line (the event summary's headline).
        date: When it happened (ISO), as used for ordering.
        date_how: ``event``, ``facts``, ``first_seen``, ``published`` or ``unknown``.
        place: Main place, when known.
        outlets: Distinct outlets reporting it.
        reports: Its reports in publication order.
    """

    event: str
    headline: str
    date: str | None
    date_how: str
    place: str | None = None
    outlets: list[str] = field(default_factory=list)
    reports: list[TimelineReport] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"event": self.event, "headline": self.headline, "date": self.date,
                "date_how": self.date_how, "place": self.place, "outlets": self.outlets,
                "reports": [r.to_dict() for r in self.reports]}


def event_reports(articles: Sequence[Article], *,
                  links: Iterable[Mapping[str, Any]] | None = None) -> list[TimelineReport]:
    """The reports of an event in publication order, the first ones and reprints marked.

    Args:
        articles: The event's articles.
        links: Duplicate/reprint links from the store (computed when omitted).
    """
    reprints = reprint_links(articles, links)
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    earliest = next((a.published for a in ordered if a.published), None)
    out = []
    for a in ordered:
        link = reprints.get(a.id) or {}
        first = a.published == earliest if earliest else a is ordered[0]
        out.append(TimelineReport(a.id, a.outlet, a.published, " ".join(a.title.split()),
                                  first and not link, link.get("original"), link.get("kind"),
                                  a.language))
    return out


def _headline(summary: EventSummary | Mapping[str, Any] | None, event: Event,
              articles: Sequence[Article]) -> str:
    if isinstance(summary, EventSummary):
        return summary.headline
    if isinstance(summary, Mapping) and summary.get("headline"):
        return str(summary["headline"])
    if articles:
        return summarize_event(articles, max_sentences=1).headline
    return event.title or event.id


def storyline_timeline(storyline: Storyline, events: Sequence[Event],
                       articles_by_event: Mapping[str, Sequence[Article]], *,
                       summaries: Mapping[str, EventSummary | Mapping[str, Any]] | None = None,
                       facts_by_event: Mapping[str, Sequence[Fact]] | None = None,
                       links: Iterable[Mapping[str, Any]] | None = None) -> list[TimelineItem]:
    """A storyline's events in the order they happened, each with its reports.

    Args:
        storyline: The storyline (its ``events`` list says which events belong to it; events
            given in ``events`` but not listed are still shown when the list is empty).
        events: The storyline's events.
        articles_by_event: Event id -> its articles.
        summaries: Event id -> its summary (headline); summarized when missing.
        facts_by_event: Event id -> its facts (used to date an event without ``event_date``).
        links: Duplicate/reprint links from the store.

    Returns:
        :class:`TimelineItem` per event, earliest first (undated events last).
    """
    wanted = set(storyline.events) if storyline.events else {e.id for e in events}
    links = list(links) if links is not None else None
    items = []
    for event in events:
        if event.id not in wanted:
            continue
        articles = list(articles_by_event.get(event.id, ()))
        when, how = event_date_of(event, articles, (facts_by_event or {}).get(event.id))
        reports = event_reports(articles, links=links)
        outlets = list(dict.fromkeys(r.outlet for r in reports if r.outlet))
        items.append(TimelineItem(event.id, _headline((summaries or {}).get(event.id), event,
                                                      articles),
                                  when, how, event.place, outlets or list(event.outlets),
                                  reports))
    items.sort(key=lambda it: (it.date is None, it.date or "", it.event))
    return items
