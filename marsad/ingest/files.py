"""Local sources: files and folders (recursively), with optional sidecar metadata.

A folder is walked in sorted order so runs are reproducible. Each file becomes a
:class:`~marsad.model.RawPage` (or, for ``.json``/``.jsonl``, one page per record; see
:mod:`marsad.ingest.records`). What cannot become a page — an unreadable file, one larger than
``max_page_bytes``, a file type marsad does not read — becomes a :class:`~marsad.model.Rejected`
with stage ``ingest``, never a silent skip.

Metadata for a file comes, in order of precedence, from a sidecar ``NAME.meta.json`` (or
``NAME.EXT.meta.json``) beside it, then from the folder: the first folder under the source root
names the outlet, mapped to a display name through an ``outlets.json`` found in the root or one
of its parents (``{"slug": "name"}`` or ``{"slug": {"name": ...}}``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.config import Settings
from marsad.model import RawPage, Rejected

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
METADATA_NAMES = frozenset({"outlets.json"})
SIDECAR_SUFFIX = ".meta.json"
# Files that are part of a folder's furniture, not pages: skipped without a rejection.
IGNORED_NAMES = frozenset({"readme.md", "license", "license.txt", ".ds_store", "thumbs.db"})


def _is_hidden(path: Path, root: Path) -> bool:
    rel = path.relative_to(root) if path != root else Path(path.name)
    return any(part.startswith(".") for part in rel.parts)


def walk(root: Path) -> Iterator[Path]:
    """Yield the files under ``root`` in sorted order, skipping hidden ones and metadata files."""
    if root.is_file():
        yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            low = name.lower()
            if name.startswith(".") or low.endswith(SIDECAR_SUFFIX) or low in METADATA_NAMES:
                continue
            if low in IGNORED_NAMES:
                continue
            yield Path(dirpath) / name


def load_outlet_map(root: Path) -> dict[str, str]:
    """Find ``outlets.json`` in ``root`` or its parents and return slug → display name."""
    start = root if root.is_dir() else root.parent
    for folder in (start, *start.parents):
        candidate = folder / "outlets.json"
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                return {}
            out: dict[str, str] = {}
            for slug, value in data.items() if isinstance(data, dict) else ():
                name = value.get("name") if isinstance(value, dict) else value
                if isinstance(name, str) and name.strip():
                    out[slug] = name.strip()
            return out
    return {}


def read_sidecar(path: Path) -> dict[str, Any] | str:
    """Return the sidecar metadata of ``path`` ({} when none), or an error message string."""
    for candidate in (path.with_name(path.name + SIDECAR_SUFFIX),
                      path.with_name(path.stem + SIDECAR_SUFFIX)):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8-sig"))
            except (ValueError, OSError) as exc:
                return f"sidecar {candidate.name} is not valid JSON: {exc}"
            if not isinstance(data, dict):
                kind = type(data).__name__
                return f"sidecar {candidate.name} must hold a JSON object, not {kind}"
            return data
    return {}


def folder_outlet(path: Path, root: Path, outlets: dict[str, str]
                  ) -> tuple[str, bool] | None:
    """The outlet a file's folder names (its first folder below the source root).

    Returns:
        ``(name, mapped)`` where ``mapped`` says ``outlets.json`` gave the name, or ``None``
        when the file sits directly in the root.
    """
    if root.is_file() or path.parent == root:
        return None
    slug = path.relative_to(root).parts[0]
    return (outlets[slug], True) if slug in outlets else (slug, False)


def page_kind(path: Path, head: bytes) -> str | None:
    """``text``, ``html`` or ``records`` by suffix (sniffing when there is none); else None."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in RECORD_SUFFIXES:
        return "records"
    if suffix == "":
        start = head.lstrip()[:15].lower()
        return "html" if start.startswith((b"<!doctype", b"<html", b"<?xml")) else "text"
    return None


def iter_file_pages(source: str | Path, settings: Settings) -> Iterator[RawPage | Rejected]:
    """Yield pages (or rejections) for a file or a folder, recursively."""
    from marsad.ingest.records import iter_record_pages

    root = Path(source).expanduser().resolve()
    outlets = load_outlet_map(root)
    for path in walk(root):
        src = str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield Rejected(path.stem, src, "ingest", f"cannot read file: {exc.strerror}", "io")
            continue
        with_suffix_kind = page_kind(path, b"") if path.suffix else None
        if with_suffix_kind is None and path.suffix:
            yield Rejected(path.stem, src, "ingest",
                           f"unsupported file type {path.suffix!r}: marsad reads .txt, .html, "
                           ".htm, .json and .jsonl", "unsupported")
            continue
        if with_suffix_kind == "records":
            yield from iter_record_pages(path, settings)
            continue
        if size > settings.max_page_bytes:
            yield Rejected(path.stem, src, "ingest",
                           f"file too large for a news page: {size / 1e6:.1f} MB (limit "
                           f"{settings.max_page_bytes / 1e6:.1f} MB, setting max_page_bytes)",
                           "too-large", {"bytes": size})
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Rejected(path.stem, src, "ingest", f"cannot read file: {exc.strerror}", "io")
            continue
        kind = with_suffix_kind or page_kind(path, data[:64]) or "text"
        sidecar = read_sidecar(path)
        if isinstance(sidecar, str):
            yield Rejected(path.stem, src, "ingest", sidecar, "bad-sidecar")
            continue
        meta: dict[str, Any] = {k: v for k, v in sidecar.items() if v not in (None, "")}
        if "outlet" not in meta:
            found = folder_outlet(path, root, outlets)
            if found:
                meta["outlet"], meta["outlet_mapped"] = found
                meta["outlet_how"] = "folder"
        else:
            meta["outlet_how"] = "meta"
        page_id = str(meta.pop("id", "") or path.stem)
        yield RawPage(page_id, src, data, kind, meta)
