"""Write endpoints: merge two events, split an event. Off unless the app was created with
``enable_writes=True``; then every call needs ``Authorization: Bearer <write_token>``.

The clusterer's own merge/split (``marsad.cluster.run.merge_events`` / ``split_event``, which
also update its saved state) is used when it exists; otherwise the store-level fallback of
:class:`~marsad.store.webqueries.WebQueries` moves the assignments and records the history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request
from fastapi.responses import Response

from marsad.errors import ConfigError
from marsad.model import Event
from marsad.store.webqueries import WebStore
from marsad.web import schemas as s
from marsad.web.render import json_response
from marsad.web.site import Site
from marsad.web.views_events import event_card

router = APIRouter(prefix="/api", tags=["writes"])

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": s.ErrorOut, "description": "The body is not JSON."},
    401: {"model": s.ErrorOut, "description": "Missing or wrong bearer token."},
    403: {"model": s.ErrorOut, "description": "Writes are disabled on this server."},
    404: {"model": s.ErrorOut, "description": "Unknown event or article."},
    409: {"model": s.ErrorOut, "description": "Conflicts with the events as they are (merging "
                                              "an event with itself, splitting off all of it, "
                                              "an event already merged)."},
    422: {"model": s.ErrorOut, "description": "Invalid body."},
    500: {"model": s.ErrorOut, "description": "Server error."},
}

Authorization = Annotated[str | None, Header(description="Bearer <write token>.")]


def _authorize(request: Request, authorization: str | None) -> Site:
    site: Site = request.app.state.site
    if not site.writes_enabled:
        raise HTTPException(403, "write endpoints are disabled on this server; start it with "
                                 "enable_writes=True and a write token to enable them")
    if not site.check_token(authorization):
        raise HTTPException(401, "missing or wrong bearer token: send 'Authorization: Bearer "
                                 "<write token>'", headers={"WWW-Authenticate": "Bearer"})
    return site


def _clusterer_op(name: str) -> Callable[..., Any] | None:
    try:
        from marsad.cluster import run as cluster_run
    except ImportError:
        return None
    return getattr(cluster_run, name, None)


def _conflict(exc: ConfigError) -> HTTPException:
    return HTTPException(409, str(exc))


def _result(action: str, store: WebStore, result: Any, via: str) -> Response:
    event_id = result.id if isinstance(result, Event) else str(result)
    ev = store.get_event(event_id)
    return json_response(s.WriteOut(action=action, event=event_card(ev), via=via))


@router.post("/events/merge", response_model=s.WriteOut, responses=WRITE_ERRORS,
             summary="Merge two events")
def merge(request: Request, body: s.MergeIn, authorization: Authorization = None) -> Response:
    """Merge event ``b`` into event ``a``: its articles move to ``a``, ``b`` is kept as a
    tombstone, and the action is recorded in the history."""
    site = _authorize(request, authorization)
    with site.writer() as store:
        op = _clusterer_op("merge_events")
        try:
            if op is not None:
                return _result("merge", store, op(store, body.a, body.b), "clusterer")
            with store.transaction():
                merged = store.merge_events(body.a, body.b)
        except ConfigError as exc:
            raise _conflict(exc) from exc
        site.stories.clear()
        return _result("merge", store, merged, "store")


@router.post("/events/split", response_model=s.WriteOut, responses=WRITE_ERRORS,
             summary="Split an event")
def split(request: Request, body: s.SplitIn, authorization: Authorization = None) -> Response:
    """Move ``articles`` (some, not all, of the event's articles) into a new event."""
    site = _authorize(request, authorization)
    with site.writer() as store:
        op = _clusterer_op("split_event")
        try:
            if op is not None:
                return _result("split", store, op(store, body.event, body.articles),
                               "clusterer")
            with store.transaction():
                new = store.split_event(body.event, body.articles)
        except ConfigError as exc:
            raise _conflict(exc) from exc
        site.stories.clear()
        return _result("split", store, new, "store")
