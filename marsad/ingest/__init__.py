"""Sources: where pages come from.

:func:`iter_pages` turns the arguments of ``marsad run`` into a stream of
:class:`~marsad.model.RawPage` and :class:`~marsad.model.Rejected` items.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from marsad.config import Settings
from marsad.errors import SourceError
from marsad.ingest.files import iter_file_pages
from marsad.model import RawPage, Rejected

__all__ = ["check_sources", "iter_pages"]


def check_sources(sources: Sequence[str | Path]) -> list[Path]:
    """Resolve sources, raising :class:`SourceError` for any that does not exist."""
    if not sources:
        raise SourceError("no source given: pass files or folders of pages (.txt, .html, .jsonl)")
    paths = []
    for source in sources:
        text = str(source)
        if "://" in text:
            raise SourceError(f"{text!r}: only local files and folders are supported as sources "
                              "(save feeds or pages to disk first)")
        path = Path(text).expanduser()
        if not path.exists():
            raise SourceError(f"source {text!r} does not exist")
        paths.append(path)
    return paths


def iter_pages(sources: Sequence[str | Path], settings: Settings
               ) -> Iterator[RawPage | Rejected]:
    """Yield every page (or rejection) of the given files and folders, in a stable order."""
    for path in check_sources(sources):
        yield from iter_file_pages(path, settings)
