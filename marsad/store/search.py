"""Arabic-aware search over the store's FTS5 index and entity mentions.

The index holds *normalized* title and body (hamza forms, teh marbuta, alef maksura, diacritics
and tatweel folded — :func:`marsad.arabic.normalize.normalize`) and the Snowball stems of the
body, so a query typed with or without hamza, diacritics or teh marbuta, or with a clitic
attached (للتحالف / التحالف), finds the same articles. Each query word matches its normalized
form anywhere or its stem in the stems column; words are ANDed; a quoted phrase stays a phrase.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from marsad.model import Article

_PHRASE = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"\w+")
LABELS = ("PER", "ORG", "LOC", "MISC")


def _normalize(text: str) -> str:
    from marsad.arabic.normalize import normalize

    return normalize(text)


def index_fields(article: Article) -> tuple[str, str, str]:
    """The normalized title, normalized body and stems string to index for ``article``."""
    title = article.norm_title or _normalize(article.title or "")
    body = article.norm_text or _normalize(article.text)
    if article.stems:
        stems = " ".join(article.stems)
    else:  # the language stage did not run (a custom stage list): stem here
        from marsad.arabic.stem import stem_tokens

        stems = " ".join(stem_tokens(_WORD.findall(body), normalized=True))
    return title, body, stems


def variant_key(text: str) -> str:
    """Normalized surface form used to look entity variants up."""
    return " ".join(_WORD.findall(_normalize(text)))


def _stem(word: str) -> str:
    from marsad.arabic.stem import stem

    return stem(word)


def build_match(query: str) -> str | None:
    """Turn a user query into an FTS5 MATCH expression (``None`` when it has no words)."""
    parts: list[str] = []
    for phrase in _PHRASE.findall(query):
        words = _WORD.findall(_normalize(phrase))
        if words:
            parts.append('"' + " ".join(words) + '"')
    rest = _PHRASE.sub(" ", query)
    for word in _WORD.findall(_normalize(rest)):
        stem = _stem(word)
        alternatives = [f'"{word}"']
        if stem and stem != word:
            alternatives.append(f'stems : "{stem}"')
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts) if parts else None


def entity_ids(conn: sqlite3.Connection, name: str) -> list[str]:
    """Ids of stored entities one of whose variants, or whose canonical key, matches ``name``."""
    key = variant_key(name)
    found = {r[0] for r in conn.execute("SELECT entity_id FROM variants WHERE key=?", (key,))}
    try:
        from marsad.enrich.entities import entity_key
    except ImportError:  # enrichment not installed: variants only
        entity_key = None
    if entity_key is not None:
        candidates = [f"{label}:{entity_key(name, label)}" for label in LABELS]
        marks = ",".join("?" for _ in candidates)
        found.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT entity_id FROM mentions WHERE entity_id IN ({marks})", candidates))
    return sorted(found)


def search(conn: sqlite3.Connection, query: str = "", *, entity: str | None = None,
           date_from: str | None = None, date_to: str | None = None, limit: int = 20,
           offset: int = 0, snippets: bool = True) -> list[dict[str, Any]]:
    """Search extracted articles by words, entity and publication date range.

    A words-only query ranks inside the full-text index before joining the page of hits to the
    articles, and FTS ``snippet()`` runs only for that page of hits (computed for every match
    before the sort, it dominates the cost of common words).

    Returns:
        Hits ``{id, title, outlet, published, score}`` (plus ``snippet`` when asked), best
        first by bm25 when there is a text query, else newest first.
    """
    match = build_match(query) if query.strip() else None
    if query.strip() and match is None:
        return []
    where = ["a.status = 'ok'"]
    args: list[Any] = []
    if entity:
        ids = entity_ids(conn, entity)
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        where.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ({marks}))")
        args += ids
    if date_from:
        where.append("a.published >= ?")
        args.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        args.append(date_to + "\uffff" if len(date_to) < 19 else date_to)
    rank = "bm25(articles_fts, 4.0, 1.0, 0.5)"
    cols = "a.rowid AS rowid_, a.id, a.title, a.outlet, a.published"
    if match and len(where) == 1:  # only extracted articles are indexed
        rows = conn.execute(
            f"SELECT {cols}, r.score FROM (SELECT rowid, {rank} AS score FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?) r "
            "JOIN articles a ON a.rowid = r.rowid ORDER BY r.score", (match, limit, offset))
    elif match:
        rows = conn.execute(
            f"SELECT {cols}, {rank} AS score FROM articles_fts JOIN articles a "
            f"ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND "
            f"{' AND '.join(where)} ORDER BY score LIMIT ? OFFSET ?", [match, *args, limit, offset])
    else:
        rows = conn.execute(
            f"SELECT {cols}, 0.0 AS score FROM articles a WHERE {' AND '.join(where)} "
            "ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", [*args, limit, offset])
    hits = [dict(r) for r in rows]
    for hit in hits:
        rowid = hit.pop("rowid_")
        if not snippets:
            continue
        if match:
            row = conn.execute("SELECT snippet(articles_fts, 1, '[', ']', ' … ', 16) FROM "
                               "articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
                               (match, rowid)).fetchone()
        else:
            row = conn.execute("SELECT substr(text, 1, 160) FROM articles WHERE rowid = ?",
                               (rowid,)).fetchone()
        hit["snippet"] = row[0] if row else ""
    return hits
