"""Store methods for events, storylines, duplicate links and clusterer state.

Kept apart from :mod:`marsad.store.sqlite` (articles) by responsibility; :class:`EventStore`
is mixed into :class:`~marsad.store.sqlite.Store`, so callers use one object.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from marsad.errors import NotFoundError
from marsad.model import Event, Storyline


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


class EventStore:
    """Events, storylines, links and state; needs ``self.conn`` (see ``Store``)."""

    conn: sqlite3.Connection

    # -- clusterer state ---------------------------------------------------------------------
    def save_state(self, key: str, value: bytes) -> None:
        """Store an opaque blob (the clusterer's state) under ``key``; call inside a
        transaction to commit it with the events it describes."""
        self.conn.execute("INSERT INTO state VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                          "value=excluded.value, updated=excluded.updated", (key, value, _now()))

    def load_state(self, key: str) -> bytes | None:
        """The blob stored under ``key``, or ``None``."""
        row = self.conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    # -- writing -------------------------------------------------------------------------------
    def upsert_events(self, events: Iterable[Event]) -> None:
        """Insert or update events (call inside a transaction)."""
        rows = []
        for ev in events:
            status = ev.attrs.get("status", "active")
            rows.append((ev.id, ev.title, ev.first_seen, ev.last_seen, ev.event_date, ev.place,
                         ev.storyline, len(ev.articles), len(ev.outlets), status,
                         _dumps(ev.to_dict()), _now()))
        self.conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO "
            "UPDATE SET title=excluded.title, first_seen=excluded.first_seen, "
            "last_seen=excluded.last_seen, event_date=excluded.event_date, place=excluded.place, "
            "storyline=excluded.storyline, n_articles=excluded.n_articles, "
            "n_outlets=excluded.n_outlets, status=excluded.status, data=excluded.data, "
            "updated=excluded.updated", rows)

    def delete_events(self, ids: Sequence[str]) -> None:
        """Remove events (after a merge moved their articles elsewhere)."""
        self.conn.executemany("DELETE FROM events WHERE id=?", [(i,) for i in ids])

    def assign(self, rows: Iterable[tuple[str, str, float | None, dict[str, Any] | None]]
               ) -> None:
        """Record ``(article_id, event_id, score, explanation)`` assignments."""
        self.conn.executemany(
            "INSERT INTO event_articles VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE "
            "SET event_id=excluded.event_id, score=excluded.score, "
            "explanation=excluded.explanation",
            [(ev, art, score, _dumps(expl) if expl is not None else None)
             for art, ev, score, expl in rows])

    def upsert_storylines(self, storylines: Iterable[Storyline]) -> None:
        """Insert or update storylines (call inside a transaction)."""
        self.conn.executemany(
            "INSERT INTO storylines VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "title=excluded.title, n_events=excluded.n_events, data=excluded.data, "
            "updated=excluded.updated",
            [(s.id, s.title, len(s.events), _dumps(s.to_dict()), _now()) for s in storylines])

    def delete_storylines(self, ids: Sequence[str]) -> None:
        """Remove storylines that no longer have events."""
        self.conn.executemany("DELETE FROM storylines WHERE id=?", [(i,) for i in ids])

    def add_links(self, links: Iterable[dict[str, Any]]) -> None:
        """Record duplicate / reprint links ``{article, original, kind, overlap}``."""
        self.conn.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?) ON CONFLICT(article_id, original_id) DO "
            "UPDATE SET kind=excluded.kind, overlap=excluded.overlap",
            [(x["article"], x["original"], x["kind"], x.get("overlap")) for x in links])

    def add_history(self, action: str, detail: dict[str, Any]) -> None:
        """Append an entry to the event history (merges, splits)."""
        self.conn.execute("INSERT INTO event_history (at, action, detail) VALUES (?, ?, ?)",
                          (_now(), action, _dumps(detail)))

    # -- reading -------------------------------------------------------------------------------
    def get_event(self, event_id: str) -> Event:
        """The event ``event_id``.

        Raises:
            NotFoundError: No such event.
        """
        row = self.conn.execute("SELECT data FROM events WHERE id=?", (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no event with id {event_id!r} (list ids with `marsad events`)")
        return Event.from_dict(json.loads(row[0]))

    def list_events(self, *, limit: int | None = 50, offset: int = 0, order: str = "rank",
                    outlet: str | None = None, entity_ids: Sequence[str] | None = None,
                    date_from: str | None = None, date_to: str | None = None,
                    storyline: str | None = None) -> list[Event]:
        """Active events, ranked by coverage and recency (``order="rank"``) or by date.

        Filters: an outlet that covered it, entities mentioned in its articles, a date range on
        the event's last report, a storyline.
        """
        where, args = ["e.status = 'active'"], []
        if outlet:
            where.append("e.id IN (SELECT ea.event_id FROM event_articles ea JOIN articles a "
                         "ON a.id = ea.article_id WHERE a.outlet = ?)")
            args.append(outlet)
        if entity_ids is not None:
            if not entity_ids:
                return []
            marks = ",".join("?" for _ in entity_ids)
            where.append("e.id IN (SELECT ea.event_id FROM event_articles ea JOIN mentions m "
                         f"ON m.article_id = ea.article_id WHERE m.entity_id IN ({marks}))")
            args += list(entity_ids)
        if date_from:
            where.append("e.last_seen >= ?")
            args.append(date_from)
        if date_to:
            where.append("e.first_seen <= ?")
            args.append(date_to)
        if storyline:
            where.append("e.storyline = ?")
            args.append(storyline)
        orders = {
            # coverage (distinct outlets, then articles) and recency
            "rank": "e.last_seen DESC, e.n_outlets DESC, e.n_articles DESC, e.id",
            "coverage": "e.n_outlets DESC, e.n_articles DESC, e.last_seen DESC, e.id",
            # undated events (no event date, no dated report) go last
            "date": "coalesce(e.event_date, e.first_seen) IS NULL, "
                    "coalesce(e.event_date, e.first_seen), e.id",
        }
        sql = (f"SELECT e.data FROM events e WHERE {' AND '.join(where)} "
               f"ORDER BY {orders.get(order, orders['rank'])} LIMIT ? OFFSET ?")
        rows = self.conn.execute(sql, [*args, limit if limit is not None else -1, offset])
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def count_events(self) -> int:
        """Number of active events."""
        return int(self.conn.execute(
            "SELECT count(*) FROM events WHERE status='active'").fetchone()[0])

    def event_of(self, article_id: str) -> tuple[str, float | None, dict[str, Any] | None] | None:
        """``(event_id, score, explanation)`` for an article, or ``None``."""
        row = self.conn.execute("SELECT event_id, score, explanation FROM event_articles "
                                "WHERE article_id=?", (article_id,)).fetchone()
        if row is None:
            return None
        return row[0], row[1], json.loads(row[2]) if row[2] else None

    def get_storyline(self, storyline_id: str) -> Storyline:
        """The storyline ``storyline_id``.

        Raises:
            NotFoundError: No such storyline.
        """
        row = self.conn.execute("SELECT data FROM storylines WHERE id=?",
                                (storyline_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no storyline with id {storyline_id!r} (list ids with "
                                "`marsad storylines`)")
        return Storyline.from_dict(json.loads(row[0]))

    def list_storylines(self, *, limit: int | None = 50, offset: int = 0) -> list[Storyline]:
        """Storylines, the largest first."""
        rows = self.conn.execute("SELECT data FROM storylines ORDER BY n_events DESC, id "
                                 "LIMIT ? OFFSET ?", (limit if limit is not None else -1, offset))
        return [Storyline.from_dict(json.loads(r[0])) for r in rows]

    def links_of(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """Duplicate/reprint links of an article: ``{"original_of": [...], "copies": [...]}``."""
        up = self.conn.execute("SELECT original_id, kind, overlap FROM links WHERE article_id=?",
                               (article_id,))
        down = self.conn.execute("SELECT article_id, kind, overlap FROM links "
                                 "WHERE original_id=?", (article_id,))
        return {"originals": [{"article": r[0], "kind": r[1], "overlap": r[2]} for r in up],
                "copies": [{"article": r[0], "kind": r[1], "overlap": r[2]} for r in down]}

    def all_links(self) -> list[dict[str, Any]]:
        """Every duplicate/reprint link."""
        return [{"article": r[0], "original": r[1], "kind": r[2], "overlap": r[3]}
                for r in self.conn.execute("SELECT * FROM links ORDER BY article_id")]

    def history(self, limit: int = 100) -> list[dict[str, Any]]:
        """The latest merge/split history entries."""
        rows = self.conn.execute("SELECT at, action, detail FROM event_history ORDER BY id DESC "
                                 "LIMIT ?", (limit,))
        return [{"at": r[0], "action": r[1], "detail": json.loads(r[2])} for r in rows]
