"""The SQLite store: the only code that speaks SQL.

WAL journal (readers never block the writer, so the web app can read during a run), numbered
migrations (:mod:`marsad.store.migrations`), one transaction per batch so a killed run loses at
most the batch in flight and a restart redoes it. Articles are upserted by id and keyed by their
source, so re-ingesting the same input changes nothing and every page is stored exactly once.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.errors import NotFoundError, StoreError
from marsad.model import STATUS_OK, STATUS_REJECTED, Article, Rejected
from marsad.store.events import EventStore
from marsad.store.migrations import migrate


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def raw_hash(data: bytes | str) -> str:
    """Hash of a page as ingested (what a rerun compares to skip unchanged pages)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha1(data).hexdigest()


class Store(EventStore):
    """A marsad database file.

    Args:
        path: The SQLite file (created with its folder when missing); ``:memory:`` works too.
        readonly: Open without migrating and refuse writes (the web app's mode).
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"no marsad database at {self.path!r}: run `marsad run` "
                                     "first or pass --db")
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                            check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30,
                                            check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open marsad database {self.path!r}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        """A context manager running its block in one ``BEGIN IMMEDIATE`` transaction."""
        return _Transaction(self.conn)

    # -- runs ------------------------------------------------------------------------------
    def begin_run(self, sources: Sequence[str], settings: dict[str, Any]) -> int:
        """Record the start of a run and return its id."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (started, status, sources, settings) VALUES (?, 'running', ?, ?)",
                (_now(), _dumps(list(sources)), _dumps(settings)))
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "done") -> None:
        """Record the end of a run with its counts."""
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished=?, status=?, counts=? WHERE id=?",
                              (_now(), status, _dumps(counts), run_id))

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest runs, newest first."""
        rows = self.conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [{**dict(r), "sources": json.loads(r["sources"]),
                 "counts": json.loads(r["counts"] or "{}")} for r in rows]

    # -- writing pages ---------------------------------------------------------------------
    def known_hash(self, source: str) -> str | None:
        """The raw hash stored for ``source``, or ``None`` when it was never stored."""
        row = self.conn.execute("SELECT raw_hash FROM articles WHERE source=?",
                                (source,)).fetchone()
        return row[0] if row else None

    def _resolve_id(self, proposed: str, source: str) -> str:
        """The id to store a page under: its existing id, the proposed one, or a suffixed one."""
        row = self.conn.execute("SELECT id FROM articles WHERE source=?", (source,)).fetchone()
        if row:
            return str(row[0])
        taken = self.conn.execute("SELECT 1 FROM articles WHERE id=?", (proposed,)).fetchone()
        if not taken:
            return proposed
        return f"{proposed}-{hashlib.sha1(source.encode()).hexdigest()[:8]}"

    def save(self, items: Iterable[tuple[Article | Rejected, str]], run_id: int | None = None
             ) -> list[str]:
        """Upsert articles and rejections, each given with its raw hash, in one transaction.

        Returns:
            The stored ids, in input order.
        """
        ids: list[str] = []
        with self.transaction():
            for item, rhash in items:
                ids.append(self._save_one(item, rhash, run_id))
        return ids

    def _save_one(self, item: Article | Rejected, rhash: str, run_id: int | None) -> str:
        item_id = self._resolve_id(item.id, item.source)
        if item_id != item.id:
            item.id = item_id  # dataclass field: the stored id is the article's id
        now = _now()
        if isinstance(item, Rejected):
            values = dict(id=item_id, source=item.source, raw_hash=rhash, status=STATUS_REJECTED,
                          stage=item.stage, code=item.code, reason=item.reason,
                          outlet=item.meta.get("outlet"), title=item.meta.get("title"),
                          url=item.meta.get("url"), published=item.meta.get("published"),
                          language=None, kind=None, content_hash=None, text="",
                          data=_dumps(item.to_dict()), run_id=run_id, updated=now)
        else:
            values = dict(id=item_id, source=item.source, raw_hash=rhash, status=item.status,
                          stage=None, code=None, reason=item.reason, outlet=item.outlet,
                          title=item.title, url=item.url, published=item.published,
                          language=item.language, kind=item.kind,
                          content_hash=item.content_hash, text=item.text,
                          data=_dumps(item.to_dict()), run_id=run_id, updated=now)
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        update = ", ".join(f"{c}=excluded.{c}" for c in values if c != "id")
        self.conn.execute(f"INSERT INTO articles ({cols}) VALUES ({marks}) "
                          f"ON CONFLICT(id) DO UPDATE SET {update}", tuple(values.values()))
        rowid = self.conn.execute("SELECT rowid FROM articles WHERE id=?", (item_id,)).fetchone()[0]
        self.conn.execute("DELETE FROM articles_fts WHERE rowid=?", (rowid,))
        self.conn.execute("DELETE FROM mentions WHERE article_id=?", (item_id,))
        if isinstance(item, Article) and item.status == STATUS_OK:
            from marsad.store.search import index_fields

            title, body, stems = index_fields(item)
            self.conn.execute("INSERT INTO articles_fts (rowid, title, body, stems) "
                              "VALUES (?, ?, ?, ?)", (rowid, title, body, stems))
            self._save_mentions(item)
        return item_id

    def _save_mentions(self, article: Article) -> None:
        from marsad.store.search import variant_key

        rows = []
        variants = set()
        for span in article.entities:
            entity = span.attrs.get("entity")
            if not entity:
                continue
            rows.append((article.id, entity, span.label, span.start, span.end, span.text,
                         span.attrs.get("canonical")))
            variants.add((variant_key(span.text), entity))
            if span.attrs.get("canonical"):
                variants.add((variant_key(span.attrs["canonical"]), entity))
        if rows:
            self.conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            self.conn.executemany("INSERT OR IGNORE INTO variants VALUES (?, ?)", variants)

    # -- reading ---------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | Rejected:
        """Return the stored article (or rejection) ``article_id``.

        Raises:
            NotFoundError: No page has that id.
        """
        row = self.conn.execute("SELECT status, data FROM articles WHERE id=?",
                                (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r} (list ids with "
                                "`marsad articles`)")
        data = json.loads(row["data"])
        if row["status"] == STATUS_REJECTED:
            return Rejected(**{k: data[k] for k in ("id", "source", "stage", "reason", "code",
                                                    "meta")})
        return Article.from_dict(data)

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        """Return the stored articles with these ids (rejected and unknown ids are left out)."""
        out: list[Article] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" for _ in chunk)
            rows = self.conn.execute(
                f"SELECT id, data FROM articles WHERE status='ok' AND id IN ({marks})", chunk)
            found = {r["id"]: Article.from_dict(json.loads(r["data"])) for r in rows}
            out.extend(found[i] for i in chunk if i in found)
        return out

    def iter_articles(self, *, status: str | None = None, outlet: str | None = None,
                      limit: int | None = None, offset: int = 0, full: bool = False
                      ) -> Iterator[dict[str, Any]]:
        """Yield stored pages as flat dicts, ordered by publication date then id."""
        where, args = [], []
        if status:
            where.append("status=?")
            args.append(status)
        if outlet:
            where.append("outlet=?")
            args.append(outlet)
        sql = ("SELECT id, source, outlet, title, text, published, language, status, stage, "
               "code, reason, url, kind" + (", data" if full else "") + " FROM articles")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published IS NULL, published, id LIMIT ? OFFSET ?"
        args += [limit if limit is not None else -1, offset]
        for row in self.conn.execute(sql, args):
            d = dict(row)
            if full:
                d["data"] = json.loads(d["data"])
            yield d

    def iter_ok_articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Yield the full :class:`Article` of every extracted page in publication order."""
        if ids is not None:
            yield from self.get_articles(list(ids))
            return
        rows = self.conn.execute("SELECT data FROM articles WHERE status='ok' "
                                 "ORDER BY published IS NULL, published, id")
        for row in rows:
            yield Article.from_dict(json.loads(row[0]))

    def count(self, status: str | None = None) -> int:
        """Number of stored pages (of one status when given)."""
        if status:
            return int(self.conn.execute("SELECT count(*) FROM articles WHERE status=?",
                                         (status,)).fetchone()[0])
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def status_counts(self) -> dict[str, Any]:
        """Counts by status, and of rejections by stage and reason code."""
        by_status = {r[0]: r[1] for r in self.conn.execute(
            "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status")}
        rejected = [
            {"stage": r[0], "code": r[1], "count": r[2], "example": r[3]}
            for r in self.conn.execute(
                "SELECT stage, code, count(*), min(reason) FROM articles WHERE status='rejected' "
                "GROUP BY stage, code ORDER BY count(*) DESC, stage, code")
        ]
        by_outlet = {r[0] or "": r[1] for r in self.conn.execute(
            "SELECT outlet, count(*) FROM articles WHERE status='ok' GROUP BY outlet "
            "ORDER BY count(*) DESC")}
        by_language = {r[0] or "": r[1] for r in self.conn.execute(
            "SELECT language, count(*) FROM articles WHERE status='ok' GROUP BY language")}
        return {"total": sum(by_status.values()), "by_status": by_status,
                "rejected": rejected, "by_outlet": by_outlet, "by_language": by_language}

    def rejected(self, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Rejected pages with their stage and reason."""
        rows = self.conn.execute(
            "SELECT id, source, stage, code, reason, updated FROM articles "
            "WHERE status='rejected' ORDER BY stage, code, id LIMIT ? OFFSET ?", (limit, offset))
        return [dict(r) for r in rows]

    # -- search ----------------------------------------------------------------------------
    def search(self, query: str = "", *, entity: str | None = None, date_from: str | None = None,
               date_to: str | None = None, limit: int = 20, offset: int = 0
               ) -> list[dict[str, Any]]:
        """Full-text and entity search over extracted articles (see :mod:`marsad.store.search`)."""
        from marsad.store.search import search

        return search(self.conn, query, entity=entity, date_from=date_from, date_to=date_to,
                      limit=limit, offset=offset)

    def entity_ids(self, name: str) -> list[str]:
        """Entity ids whose known variants match ``name`` (spelling-insensitive)."""
        from marsad.store.search import entity_ids

        return entity_ids(self.conn, name)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
