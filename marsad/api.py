"""The public Python API; every CLI command is a thin wrapper over one function here.

>>> report = run(["examples/demo-corpus/pages"], db="marsad.db")   # doctest: +SKIP
>>> for row in articles(db="marsad.db"):                             # doctest: +SKIP
...     print(row["id"], row["title"])
"""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.config import Settings, load_settings
from marsad.ingest import check_sources, iter_pages
from marsad.model import STATUS_OK, Article, RawPage, Rejected
from marsad.pipeline import process_pages
from marsad.store import Store, raw_hash

__all__ = [
    "RunReport",
    "articles",
    "events",
    "explain",
    "open_store",
    "report",
    "run",
    "search",
    "show",
    "status",
    "story",
    "storylines",
]


@dataclass(slots=True)
class RunReport:
    """What a run did: counts, the rejected pages and the ids it stored."""

    run_id: int
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[dict[str, str]] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no page of this run was rejected."""
        return not self.rejected

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"run_id": self.run_id, "counts": self.counts, "rejected": self.rejected,
                "stored": self.stored, **self.extra}


def _settings(settings: Settings | None, **overrides: Any) -> Settings:
    if settings is None:
        return load_settings(**overrides)
    return settings.replace(**overrides) if any(v is not None for v in overrides.values()) \
        else settings


def open_store(db: str | Path | None = None, *, settings: Settings | None = None,
               readonly: bool = False) -> Store:
    """Open (creating and migrating when needed) the store at ``db`` or ``settings.db``."""
    s = _settings(settings)
    return Store(db or s.db, readonly=readonly)


def _page_hash(page: RawPage | Rejected) -> str:
    if isinstance(page, Rejected):
        return raw_hash(f"{page.stage}:{page.code}:{page.reason}")
    meta = "".join(f"{k}={v};" for k, v in sorted(page.meta.items()))
    data = page.data if isinstance(page.data, bytes) else page.data.encode("utf-8", "replace")
    return raw_hash(meta.encode("utf-8") + b"\x00" + data)


def _chunks(items: Iterator[RawPage | Rejected], size: int
            ) -> Iterator[list[RawPage | Rejected]]:
    chunk: list[RawPage | Rejected] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _count_files(paths: Sequence[Path]) -> int | None:
    """Number of files under the sources when they are small folders (for the progress bar)."""
    from marsad.ingest.files import walk

    total = 0
    for path in paths:
        if path.is_file() and path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            return None
        for _ in walk(path.resolve()):
            total += 1
            if total > 1_000_000:
                return None
    return total


def run(sources: Sequence[str | Path], *, db: str | Path | None = None,
        settings: Settings | None = None, progress: bool | None = None,
        on_batch: Callable[[int], None] | None = None) -> RunReport:
    """Ingest, extract and enrich every page of ``sources`` into the store, then cluster.

    Pages already stored unchanged (same source, same bytes and metadata) are skipped, so a
    rerun — or a restart after a killed run — stores every page exactly once.

    Args:
        sources: Files and folders (.txt page dumps, .html pages, .json/.jsonl records).
        db: Store path (default ``settings.db``, ``./marsad.db``).
        settings: Settings; default :func:`~marsad.config.load_settings`.
        progress: Show a progress bar (default: when stderr is a terminal).
        on_batch: Called with the number of pages done after each committed batch.

    Raises:
        SourceError: A source does not exist.
    """
    s = _settings(settings, db=str(db) if db else None)
    paths = check_sources(sources)
    show_bar = s.progress and sys.stderr.isatty() if progress is None else progress
    counts: Counter[str] = Counter()
    report = RunReport(0)
    with Store(s.db) as store:
        run_id = store.begin_run([str(p) for p in paths], s.to_dict())
        report.run_id = run_id
        bar = _progress(show_bar, _count_files(paths) if show_bar else None)
        status = "failed"
        try:
            with bar as (advance):
                profiles = _Profiles()
                for chunk in _chunks(iter_pages(paths, s), s.batch_size):
                    _run_chunk(chunk, store, s, run_id, counts, report, profiles)
                    advance(len(chunk))
                    if on_batch:
                        on_batch(counts["pages"])
            report.extra["clustering"] = _cluster(store, report.stored, s)
            status = "done"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            report.counts = dict(counts)
            store.finish_run(run_id, report.counts, status)
    return report


class _Profiles:
    """Per-outlet boilerplate profiles, updated chunk by chunk as pages stream in."""

    def __init__(self) -> None:
        self.by_outlet: dict[str, Any] = {}

    def update(self, pages: list[RawPage]) -> None:
        try:
            from marsad.extract.textdump import OutletProfile
        except ImportError:
            return
        from marsad.ingest.encoding import DecodeError, decode_bytes

        groups: dict[str, list[str]] = {}
        for page in pages:
            outlet = self.key(page)
            if page.kind != "text":
                continue
            if isinstance(page.data, str):
                text = page.data
            else:
                try:
                    text = decode_bytes(page.data).text
                except DecodeError:
                    continue
            groups.setdefault(str(outlet), []).append(text)
        for outlet, texts in groups.items():
            profile = self.by_outlet.get(outlet) or OutletProfile()
            self.by_outlet[outlet] = profile.partial_fit(texts)

    @staticmethod
    def key(page: RawPage) -> str:
        """The outlet named by metadata, else the page's folder (pages of one site together)."""
        outlet = page.meta.get("outlet")
        if outlet:
            return str(outlet)
        return "folder:" + page.source.split("#", 1)[0].rsplit("/", 1)[0]

    def get(self, page: RawPage) -> Any:
        return self.by_outlet.get(self.key(page))


def _run_chunk(chunk: list[RawPage | Rejected], store: Store, s: Settings, run_id: int,
               counts: Counter[str], report: RunReport, profiles: _Profiles) -> None:
    """Process one chunk of pages and commit it in one transaction."""
    todo: list[RawPage] = []
    hashes: dict[str, str] = {}
    ready: list[tuple[Article | Rejected, str]] = []
    for item in chunk:
        counts["pages"] += 1
        h = _page_hash(item)
        if store.known_hash(item.source) == h:
            counts["unchanged"] += 1
            continue
        if isinstance(item, Rejected):
            ready.append((item, h))
        else:
            hashes[item.source] = h
            todo.append(item)
    profiles.update(todo)
    results = process_pages(todo, s, profiles=profiles.get)
    for result in results:
        ready.append((result, hashes[result.source]))
    ids = store.save(ready, run_id)
    for (item, _), stored_id in zip(ready, ids, strict=True):
        if isinstance(item, Rejected):
            counts["rejected"] += 1
            counts[f"rejected:{item.stage}:{item.code}"] += 1
            report.rejected.append({"id": stored_id, "source": item.source, "stage": item.stage,
                                    "code": item.code, "reason": item.reason})
        else:
            counts["stored"] += 1
            report.stored.append(stored_id)


def _cluster(store: Store, new_ids: list[str], s: Settings) -> dict[str, Any]:
    """Group the newly stored articles into events and storylines (when clustering exists)."""
    try:
        from marsad.cluster.run import update_events
    except ImportError:
        return {}
    return update_events(store, new_ids, s)


@contextlib.contextmanager
def _progress(enabled: bool, total: int | None) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr, or a no-op."""
    if not enabled:
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(SpinnerColumn(), TextColumn("[bold]marsad run"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("pages", total=total)
        yield lambda n: bar.advance(task, n)


# -- reading -------------------------------------------------------------------------------

ARTICLE_FIELDS = ("id", "source", "outlet", "title", "text", "published", "language", "status",
                  "reason")


def articles(*, db: str | Path | None = None, status: str | None = None,
             outlet: str | None = None, limit: int | None = None, offset: int = 0,
             settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """Yield stored pages (articles and rejected pages) as flat dicts.

    Each dict has at least ``id, source, outlet, title, text, published, language, status,
    reason`` (plus ``stage`` and ``code`` for rejected pages).
    """
    with open_store(db, settings=settings) as store:
        for row in store.iter_articles(status=status, outlet=outlet, limit=limit,
                                       offset=offset):
            yield {**{k: row.get(k) for k in ARTICLE_FIELDS}, "stage": row.get("stage"),
                   "code": row.get("code"), "url": row.get("url"), "kind": row.get("kind")}


def show(article_id: str, *, db: str | Path | None = None,
         settings: Settings | None = None) -> dict[str, Any]:
    """Everything known about one stored page: fields, removed blocks, annotations, event.

    Raises:
        NotFoundError: No page has that id.
    """
    with open_store(db, settings=settings) as store:
        item = store.get_article(article_id)
        if isinstance(item, Rejected):
            return {**item.to_dict(), "status": "rejected"}
        data = item.to_dict()
        data.pop("stems", None)
        try:
            from marsad.cluster.run import article_context
        except ImportError:
            return data
        data.update(article_context(store, item))
        return data


def search(query: str = "", *, entity: str | None = None, date_from: str | None = None,
           date_to: str | None = None, limit: int = 20, db: str | Path | None = None,
           settings: Settings | None = None) -> list[dict[str, Any]]:
    """Search articles: Arabic-aware full text, by entity (any spelling), by date range."""
    with open_store(db, settings=settings) as store:
        return store.search(query, entity=entity, date_from=date_from, date_to=date_to,
                            limit=limit)


def status(*, db: str | Path | None = None, settings: Settings | None = None
           ) -> dict[str, Any]:
    """Counts of stored pages by status, of rejections by stage and reason, and the last runs."""
    with open_store(db, settings=settings) as store:
        out = store.status_counts()
        out["runs"] = store.runs(5)
        return out


EVENT_FIELDS = ("id", "title", "articles", "outlets", "first_seen", "last_seen", "event_date",
                "place", "storyline")


def events(*, db: str | Path | None = None, order: str = "date", limit: int | None = None,
           offset: int = 0, outlet: str | None = None, entity: str | None = None,
           storyline: str | None = None, settings: Settings | None = None
           ) -> list[dict[str, Any]]:
    """Events as dicts with ``id, title, articles, outlets, first_seen, last_seen, event_date,
    place, storyline`` (plus ``n_articles``), ordered by date, coverage or rank."""
    with open_store(db, settings=settings) as store:
        entity_ids = store.entity_ids(entity) if entity else None
        found = store.list_events(limit=limit, offset=offset, order=order, outlet=outlet,
                                  entity_ids=entity_ids, storyline=storyline)
    return [{**{k: getattr(e, k) for k in EVENT_FIELDS}, "n_articles": len(e.articles)}
            for e in found]


def storylines(*, db: str | Path | None = None, limit: int | None = None,
               settings: Settings | None = None) -> list[dict[str, Any]]:
    """Storylines as dicts with ``id, title, events`` (event ids in event-date order)."""
    with open_store(db, settings=settings) as store:
        return [{"id": s.id, "title": s.title, "events": list(s.events)}
                for s in store.list_storylines(limit=limit)]


def explain(article_id: str, *, db: str | Path | None = None,
            settings: Settings | None = None) -> dict[str, Any]:
    """Why an article is in its event: the similarity components, the shared entities, dates,
    places and numbers, and the runner-up event.

    Raises:
        NotFoundError: No such article, or it was not clustered (rejected pages are not).
    """
    from marsad.errors import NotFoundError

    with open_store(db, settings=settings) as store:
        item = store.get_article(article_id)
        found = store.event_of(article_id)
        if found is None:
            why = "it was rejected" if isinstance(item, Rejected) else "it is not clustered yet"
            raise NotFoundError(f"article {article_id!r} has no event: {why}")
        event_id, score, explanation = found
        ev = store.get_event(event_id)
        return {"article": article_id, "title": getattr(item, "title", ""), "event": event_id,
                "event_title": ev.title, "event_size": len(ev.articles), "score": score,
                **(explanation or {})}


def _event_articles(store: Store, ev: Any) -> list[Article]:
    return store.get_articles(ev.articles)


def story(event_id: str, *, db: str | Path | None = None,
          settings: Settings | None = None) -> dict[str, Any]:
    """The story of one event: ``event, summary`` (sentences with ``citations``), ``timeline,
    facts`` (with ``conflicts``), ``evolution, quotes, outlets, framing``.

    Raises:
        NotFoundError: No such event.
    """
    from marsad.stories.story import build_story

    with open_store(db, settings=settings) as store:
        ev = store.get_event(event_id)
        arts = _event_articles(store, ev)
        line = line_events = None
        if ev.storyline:
            line = store.get_storyline(ev.storyline)
            line_events = []
            for eid in line.events:
                other = store.get_event(eid)
                line_events.append((other, _event_articles(store, other)))
        links = store.all_links()
    return build_story(ev, arts, storyline=line, storyline_events=line_events, links=links)


def report(out: str | Path = "out/report", *, db: str | Path | None = None,
           settings: Settings | None = None) -> Path:
    """Write a static, self-contained HTML report (Arabic, right to left) of every storyline
    and event; returns the path of its ``index.html``."""
    from marsad.stories.report import write_report
    from marsad.stories.story import build_stories

    with open_store(db, settings=settings) as store:
        evs = store.list_events(limit=None, order="date")
        lines = store.list_storylines(limit=None)
        arts = {a.id: a for a in store.get_articles([i for e in evs for i in e.articles])}
        links = store.all_links()
    stories, storyline_dicts = build_stories(evs, arts, lines, links=links)
    return write_report(stories, storyline_dicts, out, articles=arts)


def is_article(item: Article | Rejected) -> bool:
    """True for an extracted article (not a rejection)."""
    return isinstance(item, Article) and item.status == STATUS_OK
