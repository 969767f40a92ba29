"""A response cache: whole GET pages kept until the store changes.

Every page is a pure function of its URL, its format (HTML or JSON) and the store's content, and
the store changes only when a run (or a merge/split) writes it. So a rendered ``200`` response
can be served again, byte for byte, until the store's *stamp* changes
(:meth:`marsad.web.site.Site.stamp`: size and modification time of the database and its WAL
file, read with two ``stat`` calls). Hits are answered in the event loop, before routing,
parameter validation and the thread pool; a cold page costs what it always did.

It is an ASGI middleware inside the security-headers middleware, so cached answers carry the
same headers; the entry count and total size are bounded (least recently used goes first).
"""

from __future__ import annotations

from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.web.site import Site

Entry = tuple[int, list[tuple[bytes, bytes]], bytes]


def _wants_json(path: str, accept: str) -> bool:
    """The negotiation rule of :func:`marsad.web.render.wants_json`, on raw values."""
    if path.endswith(".json"):
        return True
    accept = accept.lower()
    return "application/json" in accept and "text/html" not in accept


class ResponseCache:
    """Serve repeated GET requests from memory until the store changes.

    Args:
        app: The wrapped app.
        site: Gives the store's stamp.
        max_entries: Responses kept (0 disables the cache).
        max_bytes: Total body bytes kept.
        max_body: Larger responses are never cached.
    """

    def __init__(self, app: ASGIApp, site: Site, max_entries: int = 512,
                 max_bytes: int = 64_000_000, max_body: int = 2_000_000) -> None:
        self.app = app
        self.site = site
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_body = max_body
        self._entries: OrderedDict[tuple[object, ...], Entry] = OrderedDict()
        self._bytes = 0
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope.get("method") != "GET" or self.max_entries <= 0
                or path.startswith("/static/") or path.startswith("/api/")):
            await self.app(scope, receive, send)
            return
        accept = ""
        for name, value in scope.get("headers", []):
            if name == b"accept":
                accept = value.decode("latin-1")
                break
        key = (path, scope.get("query_string", b""), _wants_json(path, accept),
               self.site.stamp())
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            status, headers, body = entry
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        await self.app(scope, receive, self._recorder(key, send))

    def _recorder(self, key: tuple[object, ...], send: Send) -> Send:
        start: dict[str, object] = {}
        chunks: list[bytes] = []
        size = 0

        async def record(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                body = message.get("body", b"")
                size += len(body)
                if size <= self.max_body:
                    chunks.append(body)
                if not message.get("more_body", False) and size <= self.max_body:
                    self._store(key, (200, list(start.get("headers", [])),  # type: ignore[arg-type]
                                      b"".join(chunks)))
            await send(message)

        return record

    def _store(self, key: tuple[object, ...], entry: Entry) -> None:
        stamp = key[-1]
        # entries of an older store version can never be hit again: drop them first
        if self._entries and next(reversed(self._entries))[-1] != stamp:
            self._entries = OrderedDict((k, v) for k, v in self._entries.items()
                                        if k[-1] == stamp)
            self._bytes = sum(len(v[2]) for v in self._entries.values())
        self._entries[key] = entry
        self._bytes += len(entry[2])
        while self._entries and (len(self._entries) > self.max_entries
                                 or self._bytes > self.max_bytes):
            _, (_, _, body) = self._entries.popitem(last=False)
            self._bytes -= len(body)

    def clear(self) -> None:
        """Forget every cached response."""
        self._entries.clear()
        self._bytes = 0
