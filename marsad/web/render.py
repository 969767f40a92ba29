"""HTML rendering and content negotiation: Jinja2 set-up, URL builders, HTML-or-JSON responses.

Autoescape is on for every template, and the environment's ``finalize`` hook passes every plain
string printed with ``{{ }}`` through :func:`~marsad.web.text.clean_text`, so bidi overrides
and invisible characters in article-derived strings are removed even where a template forgets
to. The only :class:`~markupsafe.Markup` built from article text is the highlighted body and the
search snippets of :mod:`marsad.web.text`, which escape every slice themselves.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pydantic import BaseModel

from marsad.web.text import clean_text, safe_url

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر")


@lru_cache(maxsize=1)
def labels_ar() -> dict[str, dict[str, str]]:
    """Arabic display names (``marsad/data/web_labels_ar.json``), read once."""
    data = json.loads(resources.files("marsad").joinpath("data/web_labels_ar.json")
                      .read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


# -- URLs ---------------------------------------------------------------------------------------

def _seg(value: str) -> str:
    return quote(str(value), safe="")


def event_url(event_id: str, json_twin: bool = False) -> str:
    """URL of an event page (or its JSON twin)."""
    return f"/events/{_seg(event_id)}" + (".json" if json_twin else "")


def article_url(article_id: str, anchor: str | None = None) -> str:
    """URL of an article page, optionally at a sentence anchor (``s-123``)."""
    return f"/articles/{_seg(article_id)}" + (f"#{_seg(anchor)}" if anchor else "")


def source_url(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """URL of an article page with the span ``start``–``end`` highlighted and scrolled to."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
        return f"/articles/{_seg(article_id)}?hl={start}-{end}#hl"
    return article_url(article_id)


def storyline_url(storyline_id: str) -> str:
    """URL of a storyline page."""
    return f"/storylines/{_seg(storyline_id)}"


def entity_url(entity_id: str) -> str:
    """URL of an entity page."""
    return f"/entities/{_seg(entity_id)}"


def outlet_url(name: str) -> str:
    """URL of an outlet page."""
    return f"/outlets/{_seg(name)}"


def with_query(path: str, params: dict[str, Any]) -> str:
    """``path?query`` keeping only the parameters that have a value."""
    kept = {k: v for k, v in params.items() if v not in (None, "", [])}
    return path + ("?" + urlencode(kept, doseq=True) if kept else "")


def page_links(path: str, params: dict[str, Any], limit: int, offset: int, has_more: bool
               ) -> tuple[str | None, str | None]:
    """``(next, prev)`` URLs of a paged list (``None`` where there is no such page)."""
    base = {**params, "limit": limit}
    nxt = with_query(path, {**base, "offset": offset + limit}) if has_more else None
    prev = None
    if offset > 0:
        prev = with_query(path, {**base, "offset": max(0, offset - limit) or None})
    return nxt, prev


# -- filters --------------------------------------------------------------------------------------

def ar_date(value: str | None) -> str:
    """``2025-02-19`` → ``19 فبراير 2025`` (partial dates and other strings pass through)."""
    if not value or not isinstance(value, str):
        return ""
    parts = value[:10].split("-")
    try:
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            return f"{int(parts[2])} {MONTHS_AR[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            return f"{MONTHS_AR[int(parts[1]) - 1]} {parts[0]}"
    except (IndexError, ValueError):
        pass
    return clean_text(value)


def ar_label(code: str | None, table: str = "labels") -> str:
    """The Arabic display name of a code from ``web_labels_ar.json`` (the code when unknown)."""
    if code is None:
        return ""
    return labels_ar().get(table, {}).get(code, code)


# Arabic counted nouns: (one, two, three to ten, eleven and more)
_COUNTED = {
    "article": ("مقال واحد", "مقالان", "مقالات", "مقالاً"),
    "outlet": ("مصدر واحد", "مصدران", "مصادر", "مصدراً"),
    "event": ("حدث واحد", "حدثان", "أحداث", "حدثاً"),
    "mention": ("ذكر واحد", "ذكران", "مرات ذكر", "مرة ذكر"),
    "page": ("صفحة واحدة", "صفحتان", "صفحات", "صفحة"),
    "time": ("مرة واحدة", "مرتان", "مرات", "مرة"),
}


def ar_count(n: int | None, noun: str) -> str:
    """A count with its noun in the right Arabic form: 1 مقال واحد, 2 مقالان, 5 مقالات, 12
    مقالاً (``noun`` is a key of the table: article, outlet, event, mention, page, time)."""
    n = int(n or 0)
    one, two, few, many = _COUNTED[noun]
    if n == 1:
        return one
    if n == 2:
        return two
    if n == 0:
        return f"0 {few}"
    rest = n % 100
    return f"{n} {few}" if 3 <= rest <= 10 else f"{n} {many}"


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_text(value)
    return value


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment (autoescape everywhere, article text cleaned on output)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      finalize=_finalize, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(ar_date=ar_date, ar_label=ar_label, ar_count=ar_count,
                       safe_url=safe_url, clean=clean_text)
    env.globals.update(event_url=event_url, article_url=article_url, source_url=source_url,
                       storyline_url=storyline_url, entity_url=entity_url,
                       outlet_url=outlet_url, with_query=with_query, labels=labels_ar())
    return env


# -- negotiation ----------------------------------------------------------------------------------

def wants_json(request: Request) -> bool:
    """True for a ``.json`` URL, or an ``Accept`` header asking for JSON rather than HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "").lower()
    return "application/json" in accept and "text/html" not in accept


def json_response(data: BaseModel | dict[str, Any], status: int = 200,
                  headers: dict[str, str] | None = None) -> Response:
    """A JSON response (Arabic kept as UTF-8, never ``\\u`` escapes)."""
    if isinstance(data, BaseModel):
        body = data.model_dump_json()
    else:
        body = json.dumps(data, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json",
                    headers=headers)


def html_response(template: str, context: dict[str, Any], status: int = 200,
                  headers: dict[str, str] | None = None) -> HTMLResponse:
    """Render ``template`` with ``context``."""
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status, headers=headers)


def respond(request: Request, template: str, page: BaseModel, **extra: Any) -> Response:
    """The page as JSON (``.json`` URL or ``Accept: application/json``) or as HTML.

    Args:
        request: The request (decides the format, gives the JSON twin's URL).
        template: Template file for HTML.
        page: The page data (the JSON body, and ``page`` in the template).
        **extra: More template variables (highlighted markup and the like).
    """
    vary = {"Vary": "Accept"}
    if wants_json(request):
        return json_response(page, headers=vary)
    path = request.url.path
    query = request.url.query
    twin = (path.rstrip("/") or "/index") + ".json" if path != "/" else "/index.json"
    json_link = twin + (f"?{query}" if query else "")
    context = {"page": page, "request_path": path, "json_link": json_link,
               "writes_enabled": getattr(request.app.state, "writes_enabled", False), **extra}
    return html_response(template, context, headers=vary)
