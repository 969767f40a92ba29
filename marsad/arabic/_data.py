"""Loading of the Arabic layer's data files in ``marsad/data/`` (read once, read-only)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def load_json(name: str) -> Any:
    """Return the parsed JSON file ``marsad/data/<name>``."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Return the non-empty, non-comment lines of ``marsad/data/<name>``, stripped.

    Lines starting with ``#`` are comments; text after `` #`` on a line is a comment too.
    """
    out = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.split(" #", 1)[0].strip()
            if line and not line.startswith("#"):
                out.append(line)
    return tuple(out)


def codepoints(spec: str) -> range:
    """Expand ``'U+064B'`` or ``'U+064B..U+065F'`` to a range of code points."""
    first, _, last = spec.partition("..")
    lo = int(first.removeprefix("U+"), 16)
    hi = int(last.removeprefix("U+"), 16) if last else lo
    return range(lo, hi + 1)
