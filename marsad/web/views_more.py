"""Page data for articles, entities, outlets, search, rejected pages and status.

Each function reads through the store and returns the page's model (:mod:`marsad.web.schemas`)
and, where the HTML page needs it, safe markup built by :mod:`marsad.web.text`.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from marsad.model import Rejected
from marsad.store.webqueries import WebStore
from marsad.web import schemas as s
from marsad.web.render import (
    article_url,
    entity_url,
    event_url,
    labels_ar,
    page_links,
)
from marsad.web.site import Site
from marsad.web.story import framing_profile
from marsad.web.text import Mark, highlight, marks_of, safe_url, snippet
from marsad.web.views_events import outlet_counts, row_card

_WORD = re.compile(r"\w+")


# -- article --------------------------------------------------------------------------------------

def article_page(store: WebStore, article_id: str, *,
                 highlight_span: tuple[int, int] | None = None
                 ) -> tuple[s.ArticlePage | s.RejectedArticlePage, Markup | None]:
    """An article with its annotations (and the highlighted body for HTML), or a rejection.

    Args:
        store: The store.
        article_id: The article.
        highlight_span: ``(start, end)`` of a passage to mark as ``#hl`` (a fact's or a
            quote's source); ignored when out of range.

    Raises:
        NotFoundError: No page has that id.
    """
    item = store.get_article(article_id)
    if isinstance(item, Rejected):
        return s.RejectedArticlePage(rejected=item.to_dict()), None
    data = item.to_dict()
    data.pop("stems", None)
    reasons = labels_ar().get("removal_reasons", {})
    article = s.ArticleOut(
        id=item.id, source=item.source, title=item.title, outlet=item.outlet,
        url=safe_url(item.url), published=item.published, published_how=item.published_how,
        author=item.author, language=item.language, kind=item.kind, text=item.text,
        credits=list(item.credits),
        removed=[s.BlockOut(**b.to_dict(), reason_ar=reasons.get(b.reason))
                 for b in item.removed],
        entities=[s.SpanOut(**x.to_dict()) for x in item.entities],
        timexes=[s.SpanOut(**x.to_dict()) for x in item.timexes],
        quantities=[s.SpanOut(**x.to_dict()) for x in item.quantities],
        quotes=[s.QuoteOut(start=q.start, end=q.end, text=q.text, kind=q.kind,
                           speaker=q.speaker, speaker_entity=q.speaker_entity, verb=q.verb,
                           stance=q.stance) for q in item.quotes],
        sentences=[s.SpanOut(**x.to_dict()) for x in item.sentences])
    found = store.event_of(item.id)
    event = None
    if found:
        titles = store.event_titles([found[0]])
        event = s.EventRef(id=found[0], title=titles.get(found[0], {}).get("title"),
                           score=found[1], url=event_url(found[0]))
    links = store.links_of(item.id)
    cards = store.article_cards([x["article"] for side in links.values() for x in side])

    def link(x: dict[str, Any]) -> s.LinkOut:
        c = cards.get(x["article"], {})
        return s.LinkOut(article=x["article"], kind=x["kind"], overlap=x.get("overlap"),
                         title=c.get("title"), outlet=c.get("outlet"),
                         published=c.get("published"))

    entities = [s.EntityRef(id=e["id"], label=e["label"], name=e["name"], count=e["count"],
                            url=entity_url(e["id"])) for e in store.article_entities(item.id)]
    page = s.ArticlePage(article=article, event=event,
                         links=s.LinksOut(originals=[link(x) for x in links["originals"]],
                                          copies=[link(x) for x in links["copies"]]),
                         entities=entities)
    marks = marks_of(data, labels_ar().get("labels", {}))
    if highlight_span and 0 <= highlight_span[0] < highlight_span[1] <= len(item.text):
        marks.append(Mark(highlight_span[0], highlight_span[1], 1, "span", "target",
                          anchor="hl"))
    body = highlight(item.text, marks)
    return page, body


# -- entities -------------------------------------------------------------------------------------

def entities_page(site: Site, store: WebStore, *, path: str, q: str | None, label: str | None,
                  limit: int, offset: int) -> s.EntitiesPage:
    """Entities by number of articles, optionally matching a name (any spelling) or a label."""
    ids = store.entity_ids(q) if q and q.strip() else None
    if ids is None:  # the full ranking reads every mention: cached until the store changes
        rows = site.derived(("entities", label, limit, offset), lambda: store.top_entities(
            label=label, limit=limit + 1, offset=offset))
    else:
        rows = store.top_entities(label=label, ids=ids, limit=limit + 1, offset=offset)
    has_more = len(rows) > limit
    nxt, prev = page_links(path, {"q": q, "label": label}, limit, offset, has_more)
    return s.EntitiesPage(
        q=q, label=label, limit=limit, offset=offset, next=nxt, prev=prev,
        entities=[s.EntityRef(id=r["id"], label=r["label"], name=r["name"], count=r["articles"],
                              url=entity_url(r["id"])) for r in rows[:limit]])


def entity_page(store: WebStore, entity_id: str) -> s.EntityPage:
    """An entity: its variants, its events, the entities it appears with, its latest articles.

    Raises:
        NotFoundError: No article mentions it.
    """
    info = store.entity_summary(entity_id)
    events = [row_card(r, s.EntityEvent, mentions=r["mentions"])
              for r in store.entity_events(entity_id, limit=30)]
    co = [s.EntityRef(id=r["id"], label=r["label"], name=r["name"], count=r["articles"],
                      url=entity_url(r["id"]))
          for r in store.cooccurring_entities(entity_id, limit=24)]
    rows = store.entity_articles(entity_id, limit=20)
    of = store.events_of_articles([r["id"] for r in rows])
    arts = [s.ArticleRef(id=r["id"], title=r["title"], outlet=r["outlet"],
                         published=r["published"], event=of.get(r["id"])) for r in rows]
    return s.EntityPage(entity=s.EntityOut(**info), events=events, cooccurring=co,
                        articles=arts)


# -- outlets --------------------------------------------------------------------------------------

def outlets_page(site: Site, store: WebStore) -> s.OutletsPage:
    """Every outlet with its article count and date span."""
    return s.OutletsPage(outlets=outlet_counts(site, store))


def outlet_page(site: Site, store: WebStore, name: str, *, path: str, limit: int, offset: int
                ) -> s.OutletPage:
    """An outlet's coverage, first-to-report record, framing profile and events.

    Raises:
        NotFoundError: No article has this outlet.
    """
    info = store.outlet_summary(name)
    record = site.derived(("first", name), lambda: store.first_to_report(name))
    framing = site.derived(("framing", name),
                           lambda: framing_profile(store.outlet_article_data(name)))
    rows = store.outlet_events(name, limit=limit + 1, offset=offset)
    has_more = len(rows) > limit
    events = [row_card(r, s.OutletEvent, own_articles=r["own_articles"],
                       own_first=r["own_first"], first_to_report=r["first_to_report"],
                       sole_first=r["sole_first"]) for r in rows[:limit]]
    nxt, prev = page_links(path, {}, limit, offset, has_more)
    return s.OutletPage(outlet=s.OutletOut(**info), first_to_report=s.FirstToReport(**record),
                        framing=framing, events=events, limit=limit, offset=offset, next=nxt,
                        prev=prev)


# -- search ---------------------------------------------------------------------------------------

def search_page(store: WebStore, *, path: str, q: str, entity: str | None,
                date_from: str | None, date_to: str | None, limit: int, offset: int
                ) -> tuple[s.SearchPage, dict[str, Markup]]:
    """Search results (with snippets from the text as written) and their highlighted markup."""
    from marsad.arabic.normalize import normalize

    asked = bool(q.strip() or entity or date_from or date_to)
    hits = store.search_hits(q, entity=entity, date_from=date_from, date_to=date_to,
                             limit=limit + 1, offset=offset) if asked else []
    has_more = len(hits) > limit
    hits = hits[:limit]
    ids = [h["id"] for h in hits]
    texts = store.article_texts(ids)
    events = store.events_of_articles(ids)
    terms = [w for w in _WORD.findall(normalize(q)) if len(w) > 1] if q else []
    names: list[str] = []
    if entity:
        names = [w for w in _WORD.findall(normalize(entity)) if len(w) > 1]
    marked: dict[str, Markup] = {}
    out = []
    for h in hits:
        mark = snippet(texts.get(h["id"], ""), terms or names)
        marked[h["id"]] = mark
        out.append(s.SearchHit(id=h["id"], title=h.get("title"), outlet=h.get("outlet"),
                               published=h.get("published"), snippet=mark.striptags(),
                               score=float(h.get("score") or 0.0), event=events.get(h["id"]),
                               url=article_url(h["id"])))
    ids_matched = store.entity_ids(entity) if entity else None
    nxt, prev = page_links(path, {"q": q, "entity": entity, "date_from": date_from,
                                  "date_to": date_to}, limit, offset, has_more)
    page = s.SearchPage(q=q, entity=entity, date_from=date_from, date_to=date_to,
                        entity_ids=ids_matched, hits=out, limit=limit, offset=offset, next=nxt,
                        prev=prev)
    return page, marked


# -- rejected and status --------------------------------------------------------------------------

def rejected_page(site: Site, store: WebStore, *, path: str, limit: int, offset: int
                  ) -> s.RejectedPage:
    """Rejected pages with their stage and reason."""
    rows = store.rejected(limit=limit + 1, offset=offset)
    has_more = len(rows) > limit
    counts = site.derived(("status",), store.status_counts)
    nxt, prev = page_links(path, {}, limit, offset, has_more)
    return s.RejectedPage(total=store.count_rejected(),
                          by_stage=[s.RejectedCount(**r) for r in counts["rejected"]],
                          items=[s.RejectedOut(**r) for r in rows[:limit]], limit=limit,
                          offset=offset, next=nxt, prev=prev)


def status_page(site: Site, store: WebStore) -> s.StatusPage:
    """Counts by status, rejections by stage and reason, events, storylines, last runs."""
    counts = site.derived(("status",), store.status_counts)
    return s.StatusPage(
        total=counts["total"], by_status=counts["by_status"], by_outlet=counts["by_outlet"],
        by_language=counts["by_language"],
        rejected=[s.RejectedCount(**r) for r in counts["rejected"]],
        events=store.count_events(), storylines=store.count_storylines(), runs=store.runs(5),
        history=store.history(20), writes_enabled=site.writes_enabled)

