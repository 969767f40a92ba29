"""The read-only pages, each registered twice: its ``.json`` twin (documented in the OpenAPI
schema with its response model) and its HTML page (which also answers
``Accept: application/json`` with the same JSON).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from marsad.web import schemas as s
from marsad.web import views_events as ve
from marsad.web import views_more as vm
from marsad.web.render import respond
from marsad.web.site import Site

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: an HTML form left it blank

Limit = Annotated[int, Query(ge=1, le=200, description="Items per page (1–200).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
DateFrom = Annotated[str | None, Query(pattern=DATE, description="On or after this date "
                                                                 "(YYYY, YYYY-MM or YYYY-MM-DD).")]
DateTo = Annotated[str | None, Query(pattern=DATE, description="On or before this date "
                                                               "(YYYY, YYYY-MM or YYYY-MM-DD).")]
OutletQ = Annotated[str | None, Query(max_length=300, description="Only events this outlet "
                                                                  "covered (its exact name).")]
EntityQ = Annotated[str | None, Query(max_length=300, description="An entity name in any "
                                                                  "spelling (ترمب finds ترامب).")]
Order = Annotated[Literal["rank", "coverage", "date"],
                  Query(description="rank: recency then coverage; coverage: outlets then "
                                    "articles; date: by event date.")]
Id = Annotated[str, Path(max_length=500, description="The id.")]

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": s.ErrorOut, "description": "Not found."},
    422: {"model": s.ErrorOut, "description": "Invalid parameter."},
    500: {"model": s.ErrorOut, "description": "Server error."},
}


def _site(request: Request) -> Site:
    return request.app.state.site


def page(router: APIRouter, path: str, model: type[BaseModel], *, summary: str,
         json_path: str | None = None) -> Callable[[Callable[..., Response]],
                                                   Callable[..., Response]]:
    """Register a page at ``path`` (HTML) and at its ``.json`` twin (documented)."""

    def register(func: Callable[..., Response]) -> Callable[..., Response]:
        twin = json_path or f"{path}.json"
        router.add_api_route(twin, func, methods=["GET"], response_model=model,
                             summary=summary, description=func.__doc__, responses=ERRORS,
                             name=f"{func.__name__}_json", tags=["pages"])
        router.add_api_route(path, func, methods=["GET"], include_in_schema=False,
                             name=func.__name__)
        return func

    return register


router = APIRouter()


@page(router, "/", s.HomePage, summary="Events ranked by coverage and recency",
      json_path="/index.json")
def home(request: Request, limit: Limit = 30, offset: Offset = 0, date_from: DateFrom = None,
         date_to: DateTo = None, outlet: OutletQ = None, entity: EntityQ = None,
         order: Order = "rank") -> Response:
    """Today's biggest stories first: active events ranked by recency and coverage (or by
    coverage, or by event date), filtered by a date range on their reports, an outlet that
    covered them and an entity mentioned in them."""
    site = _site(request)
    data = ve.home(site, site.store(), path=request.url.path, limit=limit, offset=offset,
                   date_from=date_from or None, date_to=date_to or None,
                   outlet=outlet or None, entity=(entity or "").strip() or None, order=order)
    return respond(request, "home.html", data)


@page(router, "/events/{event_id:path}", s.EventPage, summary="One event and its story")
def event(request: Request, event_id: Id) -> Response:
    """An event: its cited multi-source summary, facts with conflicts, quotes, outlet
    comparison and framing, its articles and its storyline."""
    site = _site(request)
    return respond(request, "event.html", ve.event_page(site, site.store(), event_id))


@page(router, "/storylines", s.StorylinesPage, summary="Storylines")
def storylines(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Storylines (events that follow one another), the largest first."""
    data = ve.storylines_page(_site(request).store(), path=request.url.path, limit=limit,
                              offset=offset)
    return respond(request, "storylines.html", data)


@page(router, "/storylines/{storyline_id:path}", s.StorylinePage,
      summary="A storyline's timeline")
def storyline(request: Request, storyline_id: Id) -> Response:
    """A storyline: its events in the order they happened."""
    site = _site(request)
    data = ve.storyline_page(site, site.store(), storyline_id)
    return respond(request, "storyline.html", data)


@page(router, "/articles/{article_id:path}", s.ArticlePage, summary="One article")
def article(request: Request, article_id: Id,
            hl: Annotated[str | None, Query(pattern=r"^(\d{1,7}-\d{1,7})?$",
                                            description="Highlight the text between these "
                                                        "offsets (START-END) as #hl.")] = None
            ) -> Response:
    """An article: its clean text with entities, dates, numbers and quotes, the blocks that
    were removed from the page and why, its event, and its duplicates and reprints. A
    rejected page answers with its stage and reason instead."""
    span = tuple(int(x) for x in hl.split("-")) if hl else None
    data, body = vm.article_page(_site(request).store(), article_id,
                                 highlight_span=span)  # type: ignore[arg-type]
    if isinstance(data, s.RejectedArticlePage):
        return respond(request, "rejected_article.html", data)
    return respond(request, "article.html", data, body=body)


@page(router, "/entities", s.EntitiesPage, summary="Entities")
def entities(request: Request, q: EntityQ = None,
             label: Annotated[str | None, Query(pattern=r"^[A-Z]{0,12}$",
                                                description="Only this kind of entity: PER, "
                                                            "ORG, LOC, NISBA, MISC.")] = None,
             limit: Limit = 60, offset: Offset = 0) -> Response:
    """People, organizations and places by the number of articles mentioning them; ``q``
    finds an entity by any of its spellings."""
    site = _site(request)
    data = vm.entities_page(site, site.store(), path=request.url.path,
                            q=(q or "").strip() or None, label=label or None,
                            limit=limit, offset=offset)
    return respond(request, "entities.html", data)


@page(router, "/entities/{entity_id:path}", s.EntityPage, summary="One entity")
def entity(request: Request, entity_id: Id) -> Response:
    """An entity: its name variants, the events it appears in, the entities it appears with
    and its latest articles."""
    return respond(request, "entity.html", vm.entity_page(_site(request).store(), entity_id))


@page(router, "/outlets", s.OutletsPage, summary="Outlets")
def outlets(request: Request) -> Response:
    """Every outlet with its number of articles and the dates it covers."""
    site = _site(request)
    return respond(request, "outlets.html", vm.outlets_page(site, site.store()))


@page(router, "/outlets/{name:path}", s.OutletPage, summary="One outlet")
def outlet(request: Request, name: Id, limit: Limit = 30, offset: Offset = 0) -> Response:
    """An outlet: its coverage, how often it reported first, its framing profile (loaded
    terms, attribution verbs) and the events it covered."""
    site = _site(request)
    data = vm.outlet_page(site, site.store(), name, path=request.url.path, limit=limit,
                          offset=offset)
    return respond(request, "outlet.html", data)


@page(router, "/search", s.SearchPage, summary="Search articles")
def search(request: Request,
           q: Annotated[str, Query(max_length=500, description="Words or a \"quoted phrase\"; "
                                   "hamza, diacritics and teh marbuta do not matter.")] = "",
           entity: EntityQ = None, date_from: DateFrom = None, date_to: DateTo = None,
           limit: Limit = 20, offset: Offset = 0) -> Response:
    """Full-text search with Arabic normalization (with or without hamza, diacritics, teh
    marbuta or attached clitics), by entity in any spelling, by publication date range."""
    data, marked = vm.search_page(_site(request).store(), path=request.url.path, q=q,
                                  entity=(entity or "").strip() or None,
                                  date_from=date_from or None, date_to=date_to or None,
                                  limit=limit, offset=offset)
    return respond(request, "search.html", data, marked=marked)


@page(router, "/rejected", s.RejectedPage, summary="Rejected pages")
def rejected(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Pages that did not become articles, with the stage that rejected them and why."""
    site = _site(request)
    data = vm.rejected_page(site, site.store(), path=request.url.path, limit=limit,
                            offset=offset)
    return respond(request, "rejected.html", data)


@page(router, "/status", s.StatusPage, summary="Store status")
def status(request: Request) -> Response:
    """Counts of pages by status, rejections by stage and reason, outlets, languages, events
    and storylines; the last runs and merge/split history."""
    site = _site(request)
    return respond(request, "status.html", vm.status_page(site, site.store()))
