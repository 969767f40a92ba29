"""Numbered schema migrations, registered with a decorator and run each in a transaction.

sqlite-utils' habit: a migration is a function of a connection; the ``_migrations`` table records
which have run. Never edit a migration that has shipped — add the next number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from marsad.errors import StoreError

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: dict[int, tuple[str, Migration]] = {}


def migration(number: int, name: str) -> Callable[[Migration], Migration]:
    """Register ``func`` as migration ``number`` (decorator)."""

    def register(func: Migration) -> Migration:
        if number in MIGRATIONS:
            raise StoreError(f"two migrations share number {number}")
        MIGRATIONS[number] = (name, func)
        return func

    return register


def applied(conn: sqlite3.Connection) -> set[int]:
    """Numbers of the migrations already run on ``conn``."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (number INTEGER PRIMARY KEY, "
                 "name TEXT NOT NULL, applied TEXT NOT NULL)")
    return {row[0] for row in conn.execute("SELECT number FROM _migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Run every pending migration in number order, each in its own transaction.

    Returns:
        The numbers that were applied now.

    Raises:
        StoreError: A migration failed (its transaction is rolled back).
    """
    done = applied(conn)
    newly: list[int] = []
    for number in sorted(MIGRATIONS):
        if number in done:
            continue
        name, func = MIGRATIONS[number]
        try:
            conn.execute("BEGIN IMMEDIATE")
            # another process may have migrated while we waited for the lock
            if number in applied(conn):
                conn.execute("COMMIT")
                continue
            func(conn)
            conn.execute("INSERT INTO _migrations VALUES (?, ?, ?)",
                         (number, name, datetime.now(UTC).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"migration {number} ({name}) failed: {exc}") from exc
        newly.append(number)
    return newly


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement script inside the current transaction.

    ``executescript`` would COMMIT first, breaking the one-transaction-per-migration rule, so
    statements are split with ``sqlite3.complete_statement`` and run one by one.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        if not statement and line.strip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise StoreError(f"incomplete SQL statement in migration: {statement.strip()[:80]}")


@migration(1, "articles, runs, full-text search, entity mentions")
def _m001(conn: sqlite3.Connection) -> None:
    run_script(conn, """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started TEXT NOT NULL,
        finished TEXT,
        status TEXT NOT NULL,          -- running | done | failed
        sources TEXT NOT NULL,         -- JSON list
        counts TEXT,                   -- JSON object
        settings TEXT                  -- JSON object
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        raw_hash TEXT NOT NULL,        -- hash of the page as ingested: a rerun skips it
        status TEXT NOT NULL,          -- ok | rejected
        stage TEXT,                    -- for rejected pages: the stage that rejected it
        code TEXT,
        reason TEXT,
        outlet TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        language TEXT,
        kind TEXT,
        content_hash TEXT,
        text TEXT,
        data TEXT NOT NULL,            -- the whole Article/Rejected as JSON
        run_id INTEGER,
        updated TEXT NOT NULL
    );
    CREATE INDEX articles_status ON articles(status, stage, code);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, stems, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        canonical TEXT
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE TABLE variants (
        key TEXT NOT NULL,             -- normalized surface form
        entity_id TEXT NOT NULL,
        PRIMARY KEY (key, entity_id)
    );
    """)


@migration(2, "events, storylines, duplicate links, clusterer state, event history")
def _m002(conn: sqlite3.Connection) -> None:
    run_script(conn, """
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        first_seen TEXT,
        last_seen TEXT,
        event_date TEXT,
        place TEXT,
        storyline TEXT,
        n_articles INTEGER NOT NULL DEFAULT 0,
        n_outlets INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'active',   -- active | merged
        data TEXT NOT NULL,                      -- the whole Event as JSON
        updated TEXT NOT NULL
    );
    CREATE INDEX events_rank ON events(status, last_seen, n_outlets);
    CREATE INDEX events_storyline ON events(storyline);
    CREATE TABLE event_articles (
        event_id TEXT NOT NULL,
        article_id TEXT NOT NULL PRIMARY KEY,    -- an article belongs to one event
        score REAL,
        explanation TEXT                         -- JSON: components, shared cues, runner-up
    );
    CREATE INDEX event_articles_event ON event_articles(event_id);
    CREATE TABLE storylines (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        n_events INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE links (
        article_id TEXT NOT NULL,
        original_id TEXT NOT NULL,
        kind TEXT NOT NULL,                      -- exact | near | reprint
        overlap REAL,
        PRIMARY KEY (article_id, original_id)
    );
    CREATE INDEX links_original ON links(original_id);
    CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE event_history (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,                    -- merge | split | ...
        detail TEXT NOT NULL                     -- JSON
    );
    """)


@migration(3, "indexes for the web app's entity filters and coverage ranking")
def _m003(conn: sqlite3.Connection) -> None:
    run_script(conn, """
    CREATE INDEX mentions_entity_article ON mentions(entity_id, article_id);
    CREATE INDEX events_coverage ON events(status, n_outlets, n_articles, last_seen);
    """)
