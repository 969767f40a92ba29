"""Stage registry, order check and the per-page runner.

A stage is a pure top-level function ``(Article, *, settings) -> Article | Rejected`` registered
with :func:`stage`, declaring the :class:`~marsad.model.Article` fields it ``requires`` and the
ones it ``assigns`` (spaCy's ``requires=``/``assigns=``). :func:`check_order` verifies that every
stage runs after something assigned what it needs. Because stages keep no module-level mutable
state, :func:`process_page` runs unchanged in a loop, in a process pool or on Dask workers.
"""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from marsad.config import Settings
from marsad.errors import PipelineError, choices
from marsad.model import Article, RawPage, Rejected

StageFunc = Callable[..., "Article | Rejected"]


@dataclass(frozen=True, slots=True)
class StageInfo:
    """A registered stage: its function and the fields it needs and adds."""

    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


# Registry filled at import time by the @stage decorator (like spaCy's factories): it is
# written once per process while modules import, never during a run.
_REGISTRY: dict[str, StageInfo] = {}

# Where each stage lives, so asking for a stage imports only its module.
STAGE_MODULES: dict[str, str] = {
    "language": "marsad.arabic.stage",
    "entities": "marsad.enrich.entities",
    "timexes": "marsad.enrich.timex",
    "quantities": "marsad.enrich.quantities",
    "quotes": "marsad.enrich.quotes",
    "pubdate": "marsad.enrich.timex",
}

# What extraction fills in: the starting point of the order check.
EXTRACT_ASSIGNS: tuple[str, ...] = (
    "id", "source", "text", "title", "outlet", "url", "published", "published_how", "author",
    "language", "kind", "encoding", "content_hash", "status", "reason", "removed", "credits",
)

DEFAULT_STAGES: tuple[str, ...] = (
    "language", "entities", "timexes", "pubdate", "quantities", "quotes",
)


def stage(name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()
          ) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the stage ``name`` (decorator).

    Args:
        name: Stage name used in settings and on the command line.
        requires: Article fields (or ``extra.<key>``) the stage reads.
        assigns: Article fields (or ``extra.<key>``) the stage fills in.
    """

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = StageInfo(name, func, tuple(requires), tuple(assigns))
        return func

    return register


def get_stage(name: str) -> StageInfo:
    """Return the registered stage ``name``, importing its module on first use.

    Raises:
        PipelineError: No stage has that name.
    """
    if name not in _REGISTRY and name in STAGE_MODULES:
        importlib.import_module(STAGE_MODULES[name])
    if name not in _REGISTRY:
        raise PipelineError(choices("stage", name, set(STAGE_MODULES) | set(_REGISTRY)))
    return _REGISTRY[name]


def check_order(names: Sequence[str]) -> list[StageInfo]:
    """Resolve stage names and check that each one's requirements are assigned earlier.

    Raises:
        PipelineError: An unknown stage, or one that needs a field nothing before it assigns.
    """
    available = set(EXTRACT_ASSIGNS)
    infos = []
    for name in names:
        info = get_stage(name)
        missing = [r for r in info.requires if r not in available]
        if missing:
            raise PipelineError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                f"order given: {', '.join(names)}"
            )
        available.update(info.assigns)
        infos.append(info)
    return infos


def stage_names(settings: Settings) -> tuple[str, ...]:
    """The stage list a run uses: ``settings.stages`` or the default list."""
    return tuple(settings.stages) or DEFAULT_STAGES


def process_page(page: RawPage, settings: Settings, stages: Sequence[str] | None = None,
                 profile: Any = None) -> Article | Rejected:
    """Extract one page and run the stages on it; never raises for a bad page.

    An exception inside a stage becomes a :class:`Rejected` naming that stage, so one bad page
    cannot stop a run.

    Args:
        page: The page as ingested.
        settings: Run settings.
        stages: Stage names after extraction (default :func:`stage_names`).
        profile: The boilerplate profile of the page's outlet (see ``extract_page``).
    """
    from marsad.extract import extract_page

    try:
        result: Article | Rejected = extract_page(page, settings=settings, profile=profile)
    except Exception as exc:
        return _internal(page.id, page.source, "extract", exc)
    for info in check_order(stages if stages is not None else stage_names(settings)):
        if isinstance(result, Rejected):
            return result
        try:
            result = info.func(result, settings=settings)
        except Exception as exc:
            return _internal(page.id, page.source, info.name, exc)
    return result


def _internal(page_id: str, source: str, stage_name: str, exc: BaseException) -> Rejected:
    """Turn an unexpected exception into a rejection that keeps the traceback tail."""
    tail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return Rejected(page_id, source, stage_name, f"internal error in stage {stage_name}: {tail}",
                    code="internal-error")


def _process_chunk(args: tuple[list[tuple[RawPage, Any]], Settings, tuple[str, ...]]
                   ) -> list[Article | Rejected]:
    pairs, settings, stages = args
    return [process_page(p, settings, stages, prof) for p, prof in pairs]


def process_pages(pages: Iterable[RawPage], settings: Settings,
                  stages: Sequence[str] | None = None, chunk_size: int = 16,
                  profiles: Callable[[RawPage], Any] | None = None
                  ) -> Iterator[Article | Rejected]:
    """Process pages in input order, in this process or in ``settings.workers`` processes.

    Args:
        pages: Pages to process.
        settings: Run settings (``workers`` > 1 uses a process pool).
        stages: Stage names after extraction (default :func:`stage_names`).
        chunk_size: Pages sent to a worker at a time.
        profiles: Gives the outlet boilerplate profile for a page (or ``None``).
    """
    names = tuple(stages if stages is not None else stage_names(settings))
    check_order(names)
    get_profile = profiles or (lambda page: None)
    if settings.scheduler:
        from marsad.batch.dask import process_pages_dask

        yield from process_pages_dask(pages, settings, names, get_profile, chunk_size)
        return
    if settings.workers <= 1:
        for page in pages:
            yield process_page(page, settings, names, get_profile(page))
        return
    with ProcessPoolExecutor(max_workers=settings.workers) as pool:
        chunk: list[tuple[RawPage, Any]] = []
        pending = []
        for page in pages:
            chunk.append((page, get_profile(page)))
            if len(chunk) >= chunk_size:
                pending.append(pool.submit(_process_chunk, (chunk, settings, names)))
                chunk = []
                # keep memory bounded: drain the oldest chunk when many are queued
                while len(pending) > settings.workers * 4:
                    yield from pending.pop(0).result()
        if chunk:
            pending.append(pool.submit(_process_chunk, (chunk, settings, names)))
        for fut in pending:
            yield from fut.result()
