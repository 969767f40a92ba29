"""The marsad web app and JSON API (FastAPI, server-rendered Jinja2, right to left).

>>> app = create_app("out/demo.db")                       # doctest: +SKIP
>>> serve("out/demo.db", port=8000)                        # doctest: +SKIP
>>> status, body = get("out/demo.db", "/index.json")       # doctest: +SKIP

Every HTML page has a JSON twin (``/events/ID.json``, or the same URL with
``Accept: application/json``), documented by the OpenAPI schema at ``/openapi.json``; every
error, HTML or JSON, has one shape: ``{"ok": false, "error": "...", "status": N}`` (HTML pages
show it as a short Arabic error page). Article text is untrusted: templates autoescape, bidi
controls are stripped (:mod:`marsad.web.text`), and a strict Content-Security-Policy forbids
scripts and inline styles. The app reads the store read-only; the write endpoints (merge/split)
exist only behind ``enable_writes=True`` and a bearer token. :func:`serve` binds 127.0.0.1 by
default and then refuses requests whose ``Host`` is not a loopback name (DNS rebinding).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.errors import MarsadError, NotFoundError, StoreError
from marsad.web import routes, routes_write
from marsad.web.cache import ResponseCache
from marsad.web.render import STATIC, html_response, json_response, wants_json
from marsad.web.site import Site

__all__ = ["create_app", "get", "serve"]

log = logging.getLogger("marsad.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; frame-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")

ERROR_TITLES_AR = {
    400: "طلب لا يمكن تنفيذه",
    401: "يلزم رمز الدخول",
    403: "غير مسموح",
    404: "الصفحة غير موجودة",
    405: "طريقة الطلب غير مدعومة",
    422: "معطيات غير صالحة",
    500: "خطأ في الخادم",
}


class SecurityHeaders:
    """ASGI middleware adding the security headers to every response (and checking ``Host``).

    Args:
        app: The wrapped app.
        allowed_hosts: When given, requests whose ``Host`` (without port) is not in it get a
            400 (protects a loopback server from DNS rebinding).
    """

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed_hosts is not None and not self._host_ok(scope):
            response = json_response({"ok": False, "error": "invalid Host header", "status": 400},
                                     status=400)
            await self._with_headers(response)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _host_ok(self, scope: Scope) -> bool:
        host = ""
        for key, value in scope.get("headers", []):
            if key == b"host":
                host = value.decode("latin-1").strip().lower()
                break
        if host.startswith("["):
            name = host.split("]")[0] + "]"
        else:
            name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
        return name in (self.allowed_hosts or ())

    @staticmethod
    def _with_headers(response: Response) -> Response:
        for k, v in SECURITY_HEADERS:
            response.headers[k.decode()] = v.decode()
        return response


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The one error shape as JSON, or the Arabic error page showing it."""
    body = {"ok": False, "error": message, "status": status}
    if wants_json(request) or request.url.path.startswith("/api/") or \
            request.method not in ("GET", "HEAD"):
        return json_response(body, status=status, headers=headers)
    title = ERROR_TITLES_AR.get(status, "خطأ")
    return html_response("error.html", {"error": body, "title": title,
                                        "request_path": request.url.path, "json_link": None,
                                        "writes_enabled": False},
                         status=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def _install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path!r}"
        return error_response(request, exc.status_code, message,
                              headers=getattr(exc, "headers", None))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    async def marsad_error(request: Request, exc: Exception) -> Response:
        status = 404 if isinstance(exc, NotFoundError) else 400
        if isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
            return error_response(request, 500, "the store could not be read")
        return error_response(request, status, str(exc))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(request, 500, "internal server error (see the server log)")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(MarsadError, marsad_error)
    app.add_exception_handler(Exception, server_error)


def create_app(db_path: str | Path, *, enable_writes: bool = False,
               write_token: str | None = None,
               allowed_hosts: tuple[str, ...] | None = None, cache_size: int = 512) -> FastAPI:
    """The FastAPI app serving the store at ``db_path``.

    Args:
        db_path: A marsad SQLite store (``marsad run`` writes one).
        enable_writes: Enable the merge/split endpoints (off by default).
        write_token: Bearer token those endpoints require (16+ characters; mandatory when
            ``enable_writes``).
        allowed_hosts: Accept only these ``Host`` names (``None``: any; :func:`serve` passes
            the loopback names when it binds a loopback address).
        cache_size: Rendered pages kept in memory until the store changes
            (:mod:`marsad.web.cache`); 0 disables the cache.

    Raises:
        StoreError: No store at ``db_path``.
        ConfigError: Writes enabled without a usable token.
    """
    path = Path(db_path)
    if not path.exists():
        raise StoreError(f"no marsad database at {str(path)!r}: run `marsad run PAGES --db "
                         f"{path}` first")
    site = Site(path, enable_writes=enable_writes, write_token=write_token)
    app = FastAPI(
        title="marsad",
        summary="Arabic-first news story intelligence: events, storylines, cited stories.",
        description="Every HTML page has a JSON twin: the same URL ending in `.json` (the home "
                    "page: `/index.json`) or sent with `Accept: application/json`. Lists take "
                    "`limit` and `offset` and give `next`/`prev` links. Errors have one shape: "
                    '`{"ok": false, "error": "...", "status": N}`.',
        version="1",
        docs_url=None, redoc_url=None,  # their pages need inline scripts the CSP forbids
    )
    app.state.site = site
    app.state.writes_enabled = enable_writes
    _install_error_handlers(app)
    app.include_router(routes.router)
    app.include_router(routes_write.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    # added last = outermost: the host check and the headers wrap cached answers too
    app.add_middleware(ResponseCache, site=site, max_entries=cache_size)
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, *,
          enable_writes: bool = False, write_token: str | None = None,
          log_level: str = "info", cache_size: int = 512) -> None:
    """Serve the store at ``db`` with uvicorn until interrupted (``marsad serve``).

    Binds to 127.0.0.1 unless ``host`` says otherwise; on a loopback address, requests for any
    other ``Host`` name are refused.

    Args:
        db: The store.
        host: Address to bind.
        port: Port to bind.
        enable_writes: Enable the merge/split endpoints (they then need ``write_token``).
        write_token: Bearer token for the write endpoints.
        log_level: uvicorn's log level.
        cache_size: Rendered pages kept until the store changes (0: no cache).
    """
    import uvicorn

    loopback = host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
    allowed = (*LOOPBACK_HOSTS, host) if loopback else None
    app = create_app(db, enable_writes=enable_writes, write_token=write_token,
                     allowed_hosts=allowed, cache_size=cache_size)
    uvicorn.run(app, host=host, port=port, log_level=log_level, workers=1)


def get(db: str | Path, path: str, *, accept: str | None = None) -> tuple[int, str]:
    """Render one page in-process (datasette's ``serve --get``): ``(status, body)``.

    Args:
        db: The store.
        path: Path and query (``/events/ev-1.json``, ``/search?q=...``).
        accept: An ``Accept`` header to send.
    """
    from fastapi.testclient import TestClient

    headers: dict[str, Any] = {"accept": accept} if accept else {}
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        response = client.get(path, headers=headers)
        return response.status_code, response.text

