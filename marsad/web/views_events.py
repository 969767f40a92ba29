"""Page data for the event pages: home (ranked events), event, storylines, storyline.

Each function reads through the store and returns the page's model (:mod:`marsad.web.schemas`):
the JSON twin is that model, the HTML page renders it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.errors import NotFoundError
from marsad.model import Article, Event, Storyline
from marsad.store.webqueries import WebStore
from marsad.web import schemas as s
from marsad.web.render import (
    article_url,
    event_url,
    outlet_url,
    page_links,
    storyline_url,
)
from marsad.web.site import Site
from marsad.web.story import build_event_story, build_storyline_story
from marsad.web.text import clean_text, safe_url

LEAD_CHARS = 220


def _lead(text: str | None) -> str | None:
    """The first words of a text, cut on a word boundary."""
    if not text:
        return None
    text = " ".join(clean_text(text).split())
    if len(text) < LEAD_CHARS - 20:
        return text
    cut = text.rfind(" ", 0, LEAD_CHARS - 20)
    return text[:cut if cut > 40 else LEAD_CHARS - 20] + "…"


def upper_bound(date: str | None) -> str | None:
    """An inclusive upper bound for ISO date strings: ``2025-04`` covers every day of April."""
    return None if not date else (date + "\uffff" if len(date) < 19 else date)


def event_card(ev: Event, lead: str | None = None, cls: type[s.EventCard] = s.EventCard,
               **extra: Any) -> s.EventCard:
    """The listing card of an event."""
    return cls(id=ev.id, title=ev.title or ev.id, first_seen=ev.first_seen,
               last_seen=ev.last_seen, event_date=ev.event_date, place=ev.place,
               storyline=ev.storyline, n_articles=len(ev.articles), n_outlets=len(ev.outlets),
               outlets=list(ev.outlets), lead=lead, url=event_url(ev.id),
               json_url=event_url(ev.id, json_twin=True), **extra)


def row_card(row: dict[str, Any], cls: type[s.EventCard] = s.EventCard, **extra: Any
             ) -> s.EventCard:
    """A card from an events-table row (no outlet list)."""
    return cls(id=row["id"], title=row.get("title") or row["id"],
               first_seen=row.get("first_seen"), last_seen=row.get("last_seen"),
               event_date=row.get("event_date"), place=row.get("place"),
               storyline=row.get("storyline"), n_articles=row.get("n_articles") or 0,
               n_outlets=row.get("n_outlets") or 0, url=event_url(row["id"]),
               json_url=event_url(row["id"], json_twin=True), **extra)


def cards_with_leads(store: WebStore, events: Sequence[Event]) -> list[s.EventCard]:
    """Event cards, each with the opening words of its first article."""
    firsts = [ev.articles[0] for ev in events if ev.articles]
    cards = store.article_cards(firsts, lead_chars=LEAD_CHARS + 40) if firsts else {}
    return [event_card(ev, _lead(cards.get(ev.articles[0], {}).get("lead"))
                       if ev.articles else None) for ev in events]


def outlet_counts(site: Site, store: WebStore) -> list[s.OutletCount]:
    """Every outlet with its article count (cached until the store changes)."""
    rows = site.derived(("outlets",), store.outlets)
    return [s.OutletCount(**r, url=outlet_url(r["name"])) for r in rows]


def home(site: Site, store: WebStore, *, path: str, limit: int, offset: int,
         date_from: str | None, date_to: str | None, outlet: str | None,
         entity: str | None, order: str) -> s.HomePage:
    """Events ranked by coverage and recency (or by coverage, or by date), filtered."""
    ids = store.entity_ids(entity) if entity else None
    events = store.list_events(limit=limit + 1, offset=offset, order=order, outlet=outlet,
                               entity_ids=ids, date_from=date_from,
                               date_to=upper_bound(date_to))
    has_more = len(events) > limit
    events = events[:limit]
    params = {"date_from": date_from, "date_to": date_to, "outlet": outlet, "entity": entity,
              "order": None if order == "rank" else order}
    nxt, prev = page_links(path, params, limit, offset, has_more)
    return s.HomePage(
        events=cards_with_leads(store, events),
        filters=s.HomeFilters(date_from=date_from, date_to=date_to, outlet=outlet,
                              entity=entity, order=order),
        entity_ids=ids, total_events=site.derived(("count_events",), store.count_events),
        outlets=outlet_counts(site, store), limit=limit, offset=offset, next=nxt, prev=prev)


def _storyline_ref(sl: Storyline, dates: Sequence[str | None] = ()) -> s.StorylineRef:
    known = [d for d in dates if d]
    return s.StorylineRef(id=sl.id, title=sl.title or sl.id, n_events=len(sl.events),
                          url=storyline_url(sl.id), first=min(known) if known else None,
                          last=max(known) if known else None)


def _citation_anchor(sentence: dict[str, Any], citation: dict[str, Any]) -> str:
    """Link of a citation: the sentence itself in its source article, else the article."""
    if citation.get("article") == sentence.get("article") and \
            isinstance(sentence.get("start"), int):
        return article_url(citation["article"], f"s-{sentence['start']}")
    anchor = citation.get("start")
    if isinstance(anchor, int):
        return article_url(citation["article"], f"s-{anchor}")
    return article_url(str(citation.get("article", "")))


def _story_model(story: dict[str, Any], titles: dict[str, dict[str, Any]]) -> s.StoryOut:
    summary = dict(story.get("summary") or {})
    sentences = []
    for sent in summary.get("sentences") or []:
        cites = [s.CitationOut(article=c.get("article", ""), outlet=c.get("outlet"),
                               similarity=c.get("similarity"),
                               title=titles.get(c.get("article", ""), {}).get("title"),
                               anchor=_citation_anchor(sent, c))
                 for c in sent.get("citations") or [] if c.get("article")]
        sentences.append(s.SummarySentenceOut(
            text=sent.get("text", ""), article=sent.get("article", ""),
            outlet=sent.get("outlet"), start=sent.get("start"), end=sent.get("end"),
            citations=cites))
    return s.StoryOut(
        summary=s.SummaryOut(headline=summary.get("headline") or "",
                             headline_article=summary.get("headline_article"),
                             sentences=sentences, outlets=list(summary.get("outlets") or [])),
        timeline=story.get("timeline", []), facts=story.get("facts", []),
        evolution=story.get("evolution", []), quotes=story.get("quotes", []),
        outlets=story.get("outlets", []), framing=story.get("framing", {}),
        available=bool(story.get("available", True)))


def _storyline_members(store: WebStore, storyline: Storyline, limit: int = 60) -> list[Event]:
    """The storyline's active events (at most ``limit``, by date)."""
    events = store.list_events(storyline=storyline.id, order="date", limit=limit)
    known = {e.id for e in events}
    for eid in storyline.events:  # listed by the storyline though stored under another id
        if eid not in known and len(events) < limit:
            try:
                ev = store.get_event(eid)
            except NotFoundError:
                continue
            if ev.attrs.get("status", "active") == "active":
                events.append(ev)
    return events


def _storyline_events(store: WebStore, storyline: Storyline, limit: int = 60
                      ) -> list[tuple[Event, list[Article]]]:
    """The storyline's active events with their articles."""
    return [(e, store.get_articles(e.articles)) for e in _storyline_members(store, storyline,
                                                                             limit)]


def storyline_story(site: Site, store: WebStore, storyline: Storyline) -> dict[str, Any]:
    """The storyline's timeline items and evolution, computed once per storyline and store
    version and shared by the storyline page and the pages of all its events.

    :func:`marsad.stories.story.build_story` given a storyline computes the same part for
    every event it is asked about; computed here once, an event page costs only its own
    event (about ten times less on the benchmark store).
    """
    def compute() -> dict[str, Any]:
        pairs = _storyline_events(store, storyline, limit=200)
        ids = [a.id for _, arts in pairs for a in arts]
        return build_storyline_story(storyline, pairs, links=store.links_among(ids))

    return site.stories.get_or_compute(("storyline", storyline.id, site.stamp()), compute)


def _with_storyline(story: dict[str, Any], line: dict[str, Any]) -> dict[str, Any]:
    """The event story with its storyline's timeline and evolution (as ``build_story`` gives
    them when asked with the storyline)."""
    if not line:
        return story
    timeline = story.get("timeline")
    timeline = dict(timeline) if isinstance(timeline, dict) else {"reports": []}
    timeline["storyline"] = {k: line.get(k) for k in ("id", "title", "events")}
    return {**story, "timeline": timeline, "evolution": line.get("evolution", [])}


def event_page(site: Site, store: WebStore, event_id: str) -> s.EventPage:
    """One event with its story (cached per event version), articles and storyline.

    Raises:
        NotFoundError: No such event.
    """
    ev = store.get_event(event_id)
    storyline = None
    if ev.storyline:
        try:
            storyline = store.get_storyline(ev.storyline)
        except NotFoundError:
            storyline = None

    def compute() -> dict[str, Any]:
        articles = store.get_articles(ev.articles)
        return build_event_story(ev, articles, links=store.links_among(ev.articles))

    key = (ev.id, store.event_stamp(ev.id), site.stamp())
    story = site.stories.get_or_compute(key, compute)
    if storyline is not None:
        story = _with_storyline(story, storyline_story(site, store, storyline))
    cards = store.article_cards(ev.articles)
    articles = [s.ArticleRef(id=a, title=c.get("title"), outlet=c.get("outlet"),
                             published=c.get("published"), language=c.get("language"),
                             url=safe_url(c.get("url")), event=ev.id)
                for a in ev.articles if (c := cards.get(a))]
    articles.sort(key=lambda a: (a.published is None, a.published or "", a.id))
    sl_ref = None
    if storyline is not None:
        sl_ref = _storyline_ref(storyline)
    history = [h for h in ev.attrs.get("history", []) if isinstance(h, dict)] \
        if isinstance(ev.attrs.get("history"), list) else []
    return s.EventPage(event=event_card(ev), articles=articles,
                       story=_story_model(story, cards), storyline=sl_ref, history=history)


def storylines_page(store: WebStore, *, path: str, limit: int, offset: int
                    ) -> s.StorylinesPage:
    """Storylines, the largest first, each with the dates of its events."""
    rows = store.list_storylines(limit=limit + 1, offset=offset)
    has_more = len(rows) > limit
    rows = rows[:limit]
    titles = store.event_titles([e for sl in rows for e in sl.events])
    refs = []
    for sl in rows:
        dates = [d for e in sl.events if (t := titles.get(e))
                 for d in (t.get("first_seen"), t.get("last_seen"))]
        refs.append(_storyline_ref(sl, dates))
    nxt, prev = page_links(path, {}, limit, offset, has_more)
    return s.StorylinesPage(storylines=refs, limit=limit, offset=offset, next=nxt, prev=prev)


def storyline_page(site: Site, store: WebStore, storyline_id: str) -> s.StorylinePage:
    """A storyline's timeline: its events by event date (then first report), with the values
    that evolve from one event to the next.

    Raises:
        NotFoundError: No such storyline.
    """
    sl = store.get_storyline(storyline_id)
    events = _storyline_members(store, sl, limit=200)
    story = storyline_story(site, store, sl)
    dates = {it.get("event"): it.get("date") for it in story.get("events", [])
             if isinstance(it, dict)}
    events.sort(key=lambda e: (dates.get(e.id) or e.event_date or e.first_seen or "",
                               e.first_seen or "", e.id))
    known = [d for e in events for d in (e.first_seen, e.last_seen)]
    cards = cards_with_leads(store, events)
    for card in cards:
        card.event_date = card.event_date or dates.get(card.id)
    return s.StorylinePage(storyline=_storyline_ref(sl, known), timeline=cards,
                           evolution=story.get("evolution", []),
                           available=bool(story))
