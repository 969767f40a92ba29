"""JSON and JSON Lines records: ``{"id", "url" | "source", "outlet", "published", "title",
"text" | "html"}``.

``text`` may be a raw page dump (it goes through the same boilerplate filter as a ``.txt``
file); ``html`` is markup. A ``.jsonl`` file is read line by line, so a file of millions of
records streams in constant memory; a broken line becomes a rejection naming its line number
and the run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.config import Settings
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.model import RawPage, Rejected

_META_KEYS = ("outlet", "published", "title", "url", "language", "author")


def record_to_page(record: Any, path: Path, where: str, settings: Settings
                   ) -> RawPage | Rejected:
    """Turn one decoded JSON value into a page, or a rejection that says what was wrong."""
    fallback_id = f"{path.stem}-{where}"
    src = f"{path}#{where}"
    if not isinstance(record, dict):
        return Rejected(fallback_id, src, "ingest",
                        f"{where}: a record must be a JSON object, got {type(record).__name__}",
                        "bad-record")
    rid = record.get("id")
    page_id = str(rid) if rid not in (None, "") else fallback_id
    if rid not in (None, ""):
        src = f"{path}#{rid}"
    html = record.get("html")
    text = record.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return Rejected(page_id, src, "ingest",
                        f"{where}: record has no 'text' or 'html' string (keys: "
                        f"{', '.join(sorted(record)) or 'none'})", "bad-record")
    if len(body.encode("utf-8", "surrogatepass")) > settings.max_page_bytes:
        return Rejected(page_id, src, "ingest",
                        f"{where}: record text too large for a news page (limit "
                        f"{settings.max_page_bytes / 1e6:.1f} MB, setting max_page_bytes)",
                        "too-large")
    kind = "html" if body is html else "text"
    if kind == "text" and body.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        kind = "html"
    meta = {k: record[k] for k in _META_KEYS if record.get(k) not in (None, "")}
    if "url" not in meta and isinstance(record.get("source"), str):
        meta["origin"] = record["source"]
    if "outlet" in meta:
        meta["outlet_how"] = "meta"
    return RawPage(page_id, src, body, kind, meta)


def iter_record_pages(path: Path, settings: Settings) -> Iterator[RawPage | Rejected]:
    """Yield one page per record of a ``.json`` (object or list) or ``.jsonl`` file."""
    if path.suffix.lower() == ".json":
        try:
            decoded = decode_bytes(path.read_bytes())
            data = json.loads(decoded.text)
        except (OSError, DecodeError, ValueError) as exc:
            yield Rejected(path.stem, str(path), "ingest", f"not a readable JSON file: {exc}",
                           "bad-json")
            return
        items = data if isinstance(data, list) else [data]
        for i, item in enumerate(items, 1):
            yield record_to_page(item, path, f"item{i}", settings)
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejected(path.stem, str(path), "ingest", f"cannot read file: {exc.strerror}", "io")
        return
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"L{lineno}"
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                yield Rejected(f"{path.stem}-{where}", f"{path}#{where}", "ingest",
                               f"line {lineno}: not UTF-8 ({exc.reason} at byte {exc.start})",
                               "bad-json")
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield Rejected(f"{path.stem}-{where}", f"{path}#{where}", "ingest",
                               f"line {lineno}: invalid JSON ({exc})", "bad-json")
                continue
            yield record_to_page(record, path, where, settings)
