"""The served site's state: where the store is, per-thread read connections, caches, write access.

One :class:`Site` lives on ``app.state.site``. Read connections are opened read-only
(``Store(path, readonly=True)``) once per server thread and reused: SQLite's WAL lets them read
while a run writes. Derived data that is costly to compute (event stories, outlet framing
profiles, the outlet list) is cached under the store's *stamp* — the size and modification time
of the database and its WAL file — so any write invalidates it without a query.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError
from marsad.store.webqueries import WebStore
from marsad.web.story import StoryCache


class Site:
    """Serving state for one store.

    Args:
        db_path: The SQLite store to serve.
        enable_writes: Accept the write endpoints (merge/split); off by default.
        write_token: The bearer token the write endpoints require (mandatory with writes).

    Raises:
        ConfigError: Writes enabled without a token, or a token shorter than 16 characters.
    """

    def __init__(self, db_path: str | Path, *, enable_writes: bool = False,
                 write_token: str | None = None) -> None:
        self.db_path = str(db_path)
        self.writes_enabled = enable_writes
        if enable_writes and (not write_token or len(write_token) < 16):
            raise ConfigError("write endpoints need a bearer token of at least 16 characters: "
                              "pass write_token (for example `secrets.token_urlsafe(24)`)")
        self._token = write_token
        self._local = threading.local()
        self.stories = StoryCache(256)
        self._derived: dict[tuple[Any, ...], Any] = {}
        self._lock = threading.Lock()

    # -- connections -----------------------------------------------------------------------------
    def store(self) -> WebStore:
        """This thread's read-only store (opened on first use, reopened when the database file
        was replaced, as ``make demo`` does)."""
        store = getattr(self._local, "store", None)
        try:
            inode = os.stat(self.db_path).st_ino
        except OSError:
            inode = None
        if store is None or getattr(self._local, "inode", None) != inode:
            if store is not None:
                store.close()
            store = WebStore(self.db_path, readonly=True)
            self._local.store = store
            self._local.inode = inode
        return store

    def writer(self) -> WebStore:
        """A new read-write store (the caller closes it)."""
        return WebStore(self.db_path)

    # -- caching ---------------------------------------------------------------------------------
    def stamp(self) -> tuple[int, ...]:
        """Changes whenever the store is written (size and mtime of the db and its WAL)."""
        out: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.db_path + suffix)
                out += [st.st_size, st.st_mtime_ns]
            except OSError:
                out += [0, 0]
        return tuple(out)

    def derived(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """A value computed from the store, cached until the store changes."""
        full = (*key, self.stamp())
        with self._lock:
            if full in self._derived:
                return self._derived[full]
        value = compute()
        with self._lock:
            if len(self._derived) > 512:
                self._derived.clear()
            self._derived[full] = value
        return value

    # -- writes ----------------------------------------------------------------------------------
    def check_token(self, authorization: str | None) -> bool:
        """True when ``authorization`` is ``Bearer <the write token>`` (constant-time check)."""
        if not self.writes_enabled or not self._token or not authorization:
            return False
        scheme, _, given = authorization.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(given.strip().encode(), self._token.encode())
