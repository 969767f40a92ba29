"""Scale-out on Dask: the same stage functions, run on a Dask cluster's workers.

``marsad run --scheduler dask-local`` starts a local Dask cluster (``workers`` processes);
``--scheduler tcp://host:8786`` uses an existing one. Pages travel to the workers in small
chunks with their outlet's boilerplate profile, :func:`marsad.pipeline.process_page` runs there
unchanged (stages keep no module-level state), and the results come back in input order to the
one process that writes the store — SQLite keeps a single writer, and a killed backfill resumes
like any run.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from marsad.config import Settings
from marsad.errors import ConfigError
from marsad.model import Article, RawPage, Rejected


@functools.lru_cache(maxsize=4)
def dask_client(scheduler: str, workers: int) -> Any:
    """A Dask client for ``scheduler`` (``dask-local`` or an address), made once per process.

    Raises:
        ConfigError: Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("scheduler needs Dask: pip install 'marsad[dask]'") from None
    try:
        if scheduler == "dask-local":
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            return Client(cluster)
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler!r}: {exc}") from None


def _chunk_task(pairs: list[tuple[RawPage, Any]], settings: Settings,
                stages: tuple[str, ...]) -> list[Article | Rejected]:
    from marsad.pipeline import process_page

    return [process_page(page, settings, stages, profile) for page, profile in pairs]


def process_pages_dask(pages: Iterable[RawPage], settings: Settings, stages: Sequence[str],
                       get_profile: Callable[[RawPage], Any], chunk_size: int = 16
                       ) -> Iterator[Article | Rejected]:
    """Process pages on the Dask cluster named by ``settings.scheduler``, in input order."""
    client = dask_client(settings.scheduler, settings.workers)
    names = tuple(stages)
    futures = []
    chunk: list[tuple[RawPage, Any]] = []
    for page in pages:
        chunk.append((page, get_profile(page)))
        if len(chunk) >= chunk_size:
            futures.append(client.submit(_chunk_task, chunk, settings, names, pure=False))
            chunk = []
    if chunk:
        futures.append(client.submit(_chunk_task, chunk, settings, names, pure=False))
    for future in futures:
        yield from future.result()
