"""Helpers shared by the benchmarks: peak memory, timing, the shared-data path, printing."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shared_dir() -> Path:
    """``../shared`` (or ``$MARSAD_SHARED``); exits with a clear message when missing."""
    path = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
    if not path.exists():
        sys.exit(f"bench: shared data not found at {path} (set MARSAD_SHARED)")
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(func: Callable[[Any], Any], items: Iterable[Any]) -> tuple[float, int]:
    """Run ``func`` over ``items``; return (seconds, count)."""
    start = time.perf_counter()
    n = 0
    for item in items:
        func(item)
        n += 1
    return time.perf_counter() - start, n


def report(name: str, figures: dict[str, Any]) -> None:
    """Print one result line for humans and one JSON line for tools."""
    shown = "  ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}"
                      for k, v in figures.items())
    print(f"{name:<28} {shown}")
    print("BENCH " + json.dumps({"bench": name, **figures}, ensure_ascii=False))
    sys.stdout.flush()
