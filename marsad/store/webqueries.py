"""Read queries the web app needs beyond the core store, and the store-level merge/split.

:class:`WebQueries` is a mixin with the same ``self.conn`` convention as
:class:`~marsad.store.events.EventStore`; :class:`WebStore` mixes it into
:class:`~marsad.store.sqlite.Store` so the web app has one object (the store stays the only code
that speaks SQL). Queries here back the entity page (variants, events, co-occurring entities),
the outlet page (coverage, first-to-report record), article cards (titles, leads) and the event
page's article list, each bounded by a ``limit`` so a page never reads the whole store.

:meth:`WebQueries.merge_events` and :meth:`WebQueries.split_event` are the store-level fallback
of the web app's write endpoints when the clusterer's own merge/split is not available: they move
article assignments, keep the merged event as a tombstone (``status='merged'``) and record the
action in the event history.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from marsad.errors import ConfigError, NotFoundError
from marsad.model import Event
from marsad.store.sqlite import Store

_CHUNK = 500  # SQLite's bound-parameter limit is 999 on old builds: stay well under it


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start:start + _CHUNK])


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" for _ in values)


class WebQueries:
    """Queries behind the web pages; needs ``self.conn`` (see :class:`WebStore`)."""

    conn: sqlite3.Connection

    # -- articles ------------------------------------------------------------------------------
    def article_cards(self, ids: Sequence[str], lead_chars: int = 0) -> dict[str, dict[str, Any]]:
        """Short descriptions of articles: ``{id: {id, title, outlet, published, url, status,
        language[, lead]}}`` (unknown ids are left out).

        Args:
            ids: Article ids.
            lead_chars: Also return the first this many characters of the text as ``lead``.
        """
        out: dict[str, dict[str, Any]] = {}
        lead = f", substr(text, 1, {int(lead_chars)}) AS lead" if lead_chars > 0 else ""
        for chunk in _chunks(list(dict.fromkeys(ids))):
            rows = self.conn.execute(
                "SELECT id, title, outlet, published, url, status, language" + lead +
                f" FROM articles WHERE id IN ({_marks(chunk)})", chunk)
            for r in rows:
                out[r["id"]] = dict(r)
        return out

    def article_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The body text of each of these articles (for search snippets)."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            for r in self.conn.execute(
                    f"SELECT id, text FROM articles WHERE id IN ({_marks(chunk)})", chunk):
                out[r[0]] = r[1] or ""
        return out

    def search_hits(self, query: str = "", *, entity: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, limit: int = 20,
                    offset: int = 0) -> list[dict[str, Any]]:
        """Search like :meth:`Store.search` (same matching), without the FTS snippet.

        The web app writes its snippets from the original text, so the index's ``snippet()``
        (computed for every matching row before the sort) is left out, and a words-only query
        ranks inside the full-text index before joining the page of hits to the articles:
        several times faster on common words.

        Returns:
            Hits ``{id, title, outlet, published, score}``, best first (newest first without
            words).
        """
        from marsad.store.search import search

        return search(self.conn, query, entity=entity, date_from=date_from, date_to=date_to,
                      limit=limit, offset=offset, snippets=False)

    def count_rejected(self) -> int:
        """Number of rejected pages."""
        return int(self.conn.execute(
            "SELECT count(*) FROM articles WHERE status='rejected'").fetchone()[0])

    # -- events ----------------------------------------------------------------------------------
    def event_stamp(self, event_id: str) -> str | None:
        """When the event row was last written (``None`` for an unknown event)."""
        row = self.conn.execute("SELECT updated FROM events WHERE id=?", (event_id,)).fetchone()
        return row[0] if row else None

    def event_titles(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """``{id: {id, title, first_seen, last_seen, event_date, status, n_articles,
        n_outlets, storyline}}`` for these event ids."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            rows = self.conn.execute(
                "SELECT id, title, first_seen, last_seen, event_date, status, n_articles, "
                f"n_outlets, storyline FROM events WHERE id IN ({_marks(chunk)})", chunk)
            for r in rows:
                out[r["id"]] = dict(r)
        return out

    def events_of_articles(self, ids: Sequence[str]) -> dict[str, str]:
        """``{article_id: event_id}`` for those of these articles that are in an event."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            for r in self.conn.execute(
                    "SELECT article_id, event_id FROM event_articles "
                    f"WHERE article_id IN ({_marks(chunk)})", chunk):
                out[r[0]] = r[1]
        return out

    def links_among(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Duplicate/reprint links touching these articles: ``[{article, original, kind,
        overlap}]``."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = _marks(chunk)
            rows = self.conn.execute(
                "SELECT article_id, original_id, kind, overlap FROM links "
                f"WHERE article_id IN ({marks}) OR original_id IN ({marks})", [*chunk, *chunk])
            for r in rows:
                out[(r[0], r[1])] = {"article": r[0], "original": r[1], "kind": r[2],
                                     "overlap": r[3]}
        return list(out.values())

    def count_storylines(self) -> int:
        """Number of storylines."""
        return int(self.conn.execute("SELECT count(*) FROM storylines").fetchone()[0])

    # -- entities --------------------------------------------------------------------------------
    def entity_summary(self, entity_id: str) -> dict[str, Any]:
        """An entity's label, its surface variants with counts, and how often it is mentioned.

        Returns:
            ``{id, label, name, canonical, variants: [{text, count}], n_mentions,
            n_articles}``; ``name`` is the most frequent canonical form (or surface form).

        Raises:
            NotFoundError: No article mentions ``entity_id``.
        """
        rows = self.conn.execute(
            "SELECT text, label, canonical, count(*) AS n, count(DISTINCT article_id) AS docs "
            "FROM mentions WHERE entity_id=? GROUP BY text, label, canonical "
            "ORDER BY n DESC, text LIMIT 200", (entity_id,)).fetchall()
        if not rows:
            raise NotFoundError(f"no entity with id {entity_id!r} (entity ids look like "
                                "'PER:name'; search by name with /entities?q=NAME)")
        variants: dict[str, int] = {}
        canon: dict[str, int] = {}
        labels: dict[str, int] = {}
        for r in rows:
            variants[r["text"]] = variants.get(r["text"], 0) + r["n"]
            if r["canonical"]:
                canon[r["canonical"]] = canon.get(r["canonical"], 0) + r["n"]
            labels[r["label"]] = labels.get(r["label"], 0) + r["n"]
        totals = self.conn.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id=?",
            (entity_id,)).fetchone()
        ranked = sorted(variants.items(), key=lambda kv: (-kv[1], kv[0]))
        canonical = max(canon.items(), key=lambda kv: (kv[1], kv[0]))[0] if canon else None
        return {"id": entity_id, "label": max(labels.items(), key=lambda kv: kv[1])[0],
                "name": canonical or ranked[0][0], "canonical": canonical,
                "variants": [{"text": t, "count": n} for t, n in ranked],
                "n_mentions": int(totals[0]), "n_articles": int(totals[1])}

    def entity_events(self, entity_id: str, *, limit: int = 20, offset: int = 0
                      ) -> list[dict[str, Any]]:
        """Active events whose articles mention the entity, most mentioning first, then newest.

        Returns:
            ``[{id, title, first_seen, last_seen, event_date, n_articles, n_outlets, storyline,
            mentions}]``.
        """
        rows = self.conn.execute(
            "SELECT e.id, e.title, e.first_seen, e.last_seen, e.event_date, e.n_articles, "
            "e.n_outlets, e.storyline, x.n AS mentions FROM "
            "(SELECT ea.event_id, count(*) AS n FROM mentions m JOIN event_articles ea "
            " ON ea.article_id = m.article_id WHERE m.entity_id=? GROUP BY ea.event_id) x "
            "JOIN events e ON e.id = x.event_id WHERE e.status='active' "
            "ORDER BY x.n DESC, e.last_seen DESC, e.id LIMIT ? OFFSET ?",
            (entity_id, limit, offset))
        return [dict(r) for r in rows]

    def entity_articles(self, entity_id: str, *, limit: int = 20, offset: int = 0
                        ) -> list[dict[str, Any]]:
        """Articles mentioning the entity, newest first: ``[{id, title, outlet, published,
        mentions}]``."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, x.n AS mentions FROM "
            "(SELECT article_id, count(*) AS n FROM mentions WHERE entity_id=? "
            " GROUP BY article_id) x JOIN articles a ON a.id = x.article_id "
            "ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", (entity_id, limit, offset))
        return [dict(r) for r in rows]

    def cooccurring_entities(self, entity_id: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Entities mentioned in the same articles, by number of shared articles.

        Returns:
            ``[{id, label, name, articles}]``; ``name`` is the most common surface form.
        """
        rows = self.conn.execute(
            "SELECT m.entity_id, count(DISTINCT m.article_id) AS shared FROM mentions m "
            "WHERE m.article_id IN (SELECT article_id FROM mentions WHERE entity_id=?) "
            "AND m.entity_id != ? GROUP BY m.entity_id ORDER BY shared DESC, m.entity_id "
            "LIMIT ?", (entity_id, entity_id, limit)).fetchall()
        names = self.entity_names([r[0] for r in rows])
        return [{"id": r[0], "label": names.get(r[0], {}).get("label", ""),
                 "name": names.get(r[0], {}).get("name", r[0]), "articles": r[1]} for r in rows]

    def entity_names(self, ids: Sequence[str]) -> dict[str, dict[str, str]]:
        """``{entity_id: {label, name}}`` with the most common surface form as ``name``."""
        out: dict[str, dict[str, str]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            rows = self.conn.execute(
                "SELECT entity_id, label, coalesce(canonical, text) AS name, count(*) AS n "
                f"FROM mentions WHERE entity_id IN ({_marks(chunk)}) "
                "GROUP BY entity_id, label, name ORDER BY n DESC", chunk)
            for r in rows:
                out.setdefault(r[0], {"label": r[1], "name": r[2]})
        return out

    def top_entities(self, *, label: str | None = None, ids: Sequence[str] | None = None,
                     limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Entities by number of articles mentioning them: ``[{id, label, name, articles}]``.

        Args:
            label: Only this label (``PER``, ``ORG``, ``LOC``, ``NISBA``, ``MISC``).
            ids: Only these entity ids (a name lookup's result).
            limit: At most this many.
            offset: Skip this many.
        """
        where, args = [], []
        if label:
            where.append("label=?")
            args.append(label)
        if ids is not None:
            if not ids:
                return []
            where.append(f"entity_id IN ({_marks(ids)})")
            args += list(ids)
        sql = ("SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions" +
               (" WHERE " + " AND ".join(where) if where else "") +
               " GROUP BY entity_id ORDER BY n DESC, entity_id LIMIT ? OFFSET ?")
        rows = self.conn.execute(sql, [*args, limit, offset]).fetchall()
        names = self.entity_names([r[0] for r in rows])
        return [{"id": r[0], "label": names.get(r[0], {}).get("label", ""),
                 "name": names.get(r[0], {}).get("name", r[0]), "articles": r[1]} for r in rows]

    def article_entities(self, article_id: str) -> list[dict[str, Any]]:
        """Distinct entities of one article: ``[{id, label, name, count}]``, most mentioned
        first."""
        rows = self.conn.execute(
            "SELECT entity_id, label, min(coalesce(canonical, text)) AS name, count(*) AS n "
            "FROM mentions WHERE article_id=? GROUP BY entity_id, label "
            "ORDER BY n DESC, entity_id", (article_id,))
        return [{"id": r[0], "label": r[1], "name": r[2], "count": r[3]} for r in rows]

    # -- outlets ---------------------------------------------------------------------------------
    def outlets(self) -> list[dict[str, Any]]:
        """Every outlet with its article count and date span, the largest first.

        Returns:
            ``[{name, articles, first, last}]`` (articles without an outlet are left out).
        """
        rows = self.conn.execute(
            "SELECT outlet, count(*) AS n, min(published), max(published) FROM articles "
            "WHERE status='ok' AND outlet IS NOT NULL AND outlet != '' "
            "GROUP BY outlet ORDER BY n DESC, outlet")
        return [{"name": r[0], "articles": r[1], "first": r[2], "last": r[3]} for r in rows]

    def outlet_summary(self, outlet: str) -> dict[str, Any]:
        """One outlet's coverage figures.

        Returns:
            ``{name, articles, events, first, last, languages: {lang: n}}``.

        Raises:
            NotFoundError: No extracted article has this outlet.
        """
        row = self.conn.execute(
            "SELECT count(*), min(published), max(published) FROM articles "
            "WHERE status='ok' AND outlet=?", (outlet,)).fetchone()
        if not row or not row[0]:
            raise NotFoundError(f"no outlet named {outlet!r} (list outlets at /outlets)")
        langs = {r[0] or "": r[1] for r in self.conn.execute(
            "SELECT language, count(*) FROM articles WHERE status='ok' AND outlet=? "
            "GROUP BY language ORDER BY count(*) DESC", (outlet,))}
        events = self.conn.execute(
            "SELECT count(DISTINCT ea.event_id) FROM articles a JOIN event_articles ea "
            "ON ea.article_id = a.id JOIN events e ON e.id = ea.event_id "
            "WHERE a.outlet=? AND a.status='ok' AND e.status='active'", (outlet,)).fetchone()[0]
        return {"name": outlet, "articles": int(row[0]), "events": int(events), "first": row[1],
                "last": row[2], "languages": langs}

    def outlet_events(self, outlet: str, *, limit: int = 20, offset: int = 0
                      ) -> list[dict[str, Any]]:
        """Events the outlet covered, newest first, each with whether it reported first.

        Returns:
            ``[{id, title, first_seen, last_seen, n_articles, n_outlets, storyline,
            own_articles, own_first, first_to_report, sole_first}]``: ``own_first`` is the
            outlet's earliest publication date in the event; ``first_to_report`` is true when
            no other outlet published earlier, ``sole_first`` when no other outlet published
            the same day or earlier.
        """
        rows = self.conn.execute(
            "WITH mine AS (SELECT ea.event_id, count(*) AS n, min(a.published) AS first "
            "  FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
            "  WHERE a.outlet=? AND a.status='ok' GROUP BY ea.event_id), "
            "others AS (SELECT ea.event_id, min(a.published) AS first "
            "  FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
            "  WHERE ea.event_id IN (SELECT event_id FROM mine) AND a.status='ok' "
            "  AND coalesce(a.outlet, '') != ? GROUP BY ea.event_id) "
            "SELECT e.id, e.title, e.first_seen, e.last_seen, e.n_articles, e.n_outlets, "
            "e.storyline, mine.n, mine.first, others.first FROM mine "
            "JOIN events e ON e.id = mine.event_id LEFT JOIN others "
            "ON others.event_id = mine.event_id WHERE e.status='active' "
            "ORDER BY e.last_seen DESC, e.id LIMIT ? OFFSET ?",
            (outlet, outlet, limit, offset))
        out = []
        for r in rows:
            mine, theirs = r[8], r[9]
            out.append({"id": r[0], "title": r[1], "first_seen": r[2], "last_seen": r[3],
                        "n_articles": r[4], "n_outlets": r[5], "storyline": r[6],
                        "own_articles": r[7], "own_first": mine,
                        "first_to_report": theirs is not None and mine is not None
                        and mine <= theirs,
                        "sole_first": theirs is not None and mine is not None and mine < theirs})
        return out

    def first_to_report(self, outlet: str) -> dict[str, int]:
        """The outlet's first-to-report record over events other outlets covered too.

        Returns:
            ``{shared_events, first, sole_first}``: events covered by this outlet and at least
            one other; of those, how many it reported no later than any other outlet, and how
            many strictly before every other.
        """
        row = self.conn.execute(
            "WITH mine AS (SELECT ea.event_id, min(a.published) AS first "
            "  FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
            "  WHERE a.outlet=? AND a.status='ok' GROUP BY ea.event_id), "
            "others AS (SELECT ea.event_id, min(a.published) AS first "
            "  FROM event_articles ea JOIN articles a ON a.id = ea.article_id "
            "  WHERE ea.event_id IN (SELECT event_id FROM mine) AND a.status='ok' "
            "  AND coalesce(a.outlet, '') != ? GROUP BY ea.event_id) "
            "SELECT count(*), sum(mine.first <= others.first), sum(mine.first < others.first) "
            "FROM mine JOIN others ON others.event_id = mine.event_id "
            "JOIN events e ON e.id = mine.event_id WHERE e.status='active'",
            (outlet, outlet)).fetchone()
        return {"shared_events": int(row[0] or 0), "first": int(row[1] or 0),
                "sole_first": int(row[2] or 0)}

    def outlet_article_data(self, outlet: str, *, limit: int = 200) -> list[dict[str, Any]]:
        """The stored JSON of the outlet's latest articles (for its framing profile)."""
        rows = self.conn.execute(
            "SELECT data FROM articles WHERE status='ok' AND outlet=? "
            "ORDER BY published DESC, id LIMIT ?", (outlet, limit))
        return [json.loads(r[0]) for r in rows]

    # -- writes (the web app's merge/split fallback) ----------------------------------------------
    def merge_events(self, keep_id: str, gone_id: str) -> Event:
        """Merge event ``gone_id`` into ``keep_id`` at the store level.

        Moves the article assignments, updates the survivor's articles, outlets and dates,
        keeps the merged event as a tombstone (``status='merged'``, ``attrs.merged_into``) and
        records the action in the history. Call inside ``store.transaction()``.

        Returns:
            The updated surviving event.

        Raises:
            NotFoundError: An id is unknown.
            ConfigError: Both ids are the same, or one event was already merged.
        """
        if keep_id == gone_id:
            raise ConfigError(f"cannot merge event {keep_id!r} with itself; give two event ids")
        keep, gone = self._active_event(keep_id), self._active_event(gone_id)
        moved = list(gone.articles)
        self.conn.execute("UPDATE event_articles SET event_id=? WHERE event_id=?",
                          (keep.id, gone.id))
        merged = self._rebuilt(keep, [*keep.articles, *moved])
        entry = {"op": "merge", "by": "web", "kept": keep.id, "merged": gone.id,
                 "articles": moved}
        merged.attrs.setdefault("history", []).append(entry)
        gone.attrs["status"] = "merged"
        gone.attrs["merged_into"] = keep.id
        gone.attrs.setdefault("history", []).append(entry)
        self._write_events([merged, gone])
        self._add_history("merge", entry)
        return merged

    def split_event(self, event_id: str, article_ids: Sequence[str]) -> Event:
        """Move ``article_ids`` out of ``event_id`` into a new event at the store level.

        Call inside ``store.transaction()``.

        Returns:
            The new event (its id is derived from the split, so the same split gives the same
            id).

        Raises:
            NotFoundError: Unknown event, or an article that is not in it.
            ConfigError: ``article_ids`` is empty or is every article of the event.
        """
        ev = self._active_event(event_id)
        wanted = list(dict.fromkeys(article_ids))
        missing = [a for a in wanted if a not in ev.articles]
        if missing:
            raise NotFoundError(f"articles {missing} are not in event {ev.id!r}; its articles: "
                                f"{ev.articles}")
        if not wanted or len(wanted) == len(ev.articles):
            raise ConfigError("a split needs some but not all of the event's articles; the "
                              f"event has {len(ev.articles)}")
        digest = hashlib.sha1(f"split:{ev.id}:{','.join(sorted(wanted))}".encode()).hexdigest()
        new = Event(id=f"ev-{digest[:12]}", storyline=ev.storyline)
        new = self._rebuilt(new, wanted)
        rest = self._rebuilt(ev, [a for a in ev.articles if a not in set(wanted)])
        entry = {"op": "split", "by": "web", "from": ev.id, "into": new.id, "articles": wanted}
        rest.attrs.setdefault("history", []).append(entry)
        new.attrs["history"] = [entry]
        self.conn.executemany("UPDATE event_articles SET event_id=? WHERE article_id=?",
                              [(new.id, a) for a in wanted])
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?, ?)",
            [(new.id, a) for a in wanted])
        self._write_events([rest, new])
        if ev.storyline:
            self._add_to_storyline(ev.storyline, new.id)
        self._add_history("split", entry)
        return new

    def _active_event(self, event_id: str) -> Event:
        row = self.conn.execute("SELECT data, status FROM events WHERE id=?",
                                (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no event with id {event_id!r}")
        if row[1] != "active":
            raise ConfigError(f"event {event_id!r} is {row[1]}, not active")
        return Event.from_dict(json.loads(row[0]))

    def _rebuilt(self, ev: Event, article_ids: Sequence[str]) -> Event:
        """``ev`` with these articles, its outlets and dates recomputed from the store."""
        cards = self.article_cards(article_ids)
        ordered = sorted(dict.fromkeys(article_ids),
                         key=lambda a: (cards.get(a, {}).get("published") is None,
                                        cards.get(a, {}).get("published") or "", a))
        dates = [c["published"] for a in ordered if (c := cards.get(a)) and c["published"]]
        outlets = list(dict.fromkeys(c["outlet"] for a in ordered
                                     if (c := cards.get(a)) and c["outlet"]))
        title = ev.title or next((cards[a]["title"] for a in ordered
                                  if a in cards and cards[a]["title"]), "")
        return Event(id=ev.id, title=title, articles=ordered, outlets=outlets,
                     first_seen=min(dates) if dates else None,
                     last_seen=max(dates) if dates else None, event_date=ev.event_date,
                     place=ev.place, storyline=ev.storyline, attrs=dict(ev.attrs))

    def _write_events(self, events: Sequence[Event]) -> None:
        # the EventStore methods of the concrete Store (this is a mixin)
        self.upsert_events(events)  # type: ignore[attr-defined]

    def _add_history(self, action: str, detail: dict[str, Any]) -> None:
        self.add_history(action, detail)  # type: ignore[attr-defined]

    def _add_to_storyline(self, storyline_id: str, event_id: str) -> None:
        try:
            sl = self.get_storyline(storyline_id)  # type: ignore[attr-defined]
        except NotFoundError:
            return
        if event_id not in sl.events:
            sl.events.append(event_id)
            self.upsert_storylines([sl])  # type: ignore[attr-defined]


class WebStore(Store, WebQueries):
    """The :class:`~marsad.store.sqlite.Store` with the web app's queries mixed in."""
