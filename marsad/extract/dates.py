"""Publication dates given as metadata: ISO strings, common numeric forms, Arabic date lines."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def numeric_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO or ``DD/MM/YYYY`` date inside ``value``, else ``None``."""
    m = _ISO.search(value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY.search(value)
    if m:
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def iso_date(value: str) -> str | None:
    """Return ``YYYY-MM-DD`` for a date string, or ``None`` when it cannot be read.

    Accepts ISO dates and timestamps, ``DD/MM/YYYY`` (the Arab world's order) and Arabic date
    lines ("الخميس 13 آذار 2025"), the last through :func:`marsad.enrich.timex.parse_date_text`.
    """
    value = value.strip()
    if not value:
        return None
    found = numeric_date(value)
    if found:
        return found
    try:
        from marsad.enrich.timex import parse_date_text
    except ImportError:
        return None
    return parse_date_text(value)
