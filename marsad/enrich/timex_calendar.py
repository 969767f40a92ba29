"""Calendar arithmetic for timex resolution: months, ISO weeks, seasons, Hijri dates, year choice.

Small pure functions over :class:`datetime.date`; Hijri conversion goes through ``hijridate``
(Umm al-Qura tables, valid for Hijri years 1343–1500, i.e. 1924–2077).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

WEEKDAY_NAMES = {1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday",
                 6: "Saturday", 7: "Sunday"}
MAX_YEARS_AHEAD = 50
"""A year more than this far after the anchor is treated as implausible (a typo or not a year)."""


class CalendarError(ValueError):
    """A date that does not exist or cannot be converted; the message is the timex's reason."""


def iso(d: date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def month_iso(y: int, m: int) -> str:
    """``YYYY-MM``."""
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """``(y, m)`` moved ``n`` months (negative goes back)."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def add_units(d: date, n: int, unit: str) -> date:
    """``d`` moved ``n`` days/weeks/months/years/decades/centuries (day clipped to month end)."""
    if unit in ("day", "hour", "minute"):
        return d + timedelta(days=n if unit == "day" else 0)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit] * n
    y, m = add_months(d.year, d.month, months)
    if not 1 <= y <= 9999:
        raise CalendarError(f"moving {n} {unit}s from {iso(d)} leaves the calendar")
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def week_range(d: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding ``d``."""
    monday = d - timedelta(days=d.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def make_date(y: int, m: int, d: int, text: str) -> date:
    """A Gregorian date, or :class:`CalendarError` saying that ``text`` is not a valid date."""
    try:
        return date(y, m, d)
    except ValueError:
        raise CalendarError(f"{text} is not a valid date") from None


def check_year(y: int, anchor: date | None, text: str) -> None:
    """Refuse years that cannot be meant (typos, or numbers that are not years)."""
    ref = anchor or date.today()
    if y > ref.year + MAX_YEARS_AHEAD:
        where = f"publication date {iso(anchor)}" if anchor else f"today ({iso(ref)})"
        raise CalendarError(f"year {y} is implausibly far from {where}")
    if y < 1:
        raise CalendarError(f"year {y} in {text} is not a calendar year")


def choose_year(month: int, day: int, anchor: date, tense: str | None,
                weekday: int | None = None) -> int:
    """The year that puts ``day``/``month`` closest to ``anchor``, biased by tense.

    ``future`` takes the first such date after the anchor, ``past`` the last one before it,
    ``current`` the anchor's year; with a weekday, only years where the date falls on it count.
    """
    if tense == "current":
        return anchor.year
    cands: list[date] = []
    for y in range(anchor.year - 1, anchor.year + 2):
        dd = min(day, calendar.monthrange(y, month)[1])
        c = date(y, month, dd)
        if weekday is None or c.isoweekday() == weekday:
            cands.append(c)
    if weekday is not None and not cands:
        return choose_year(month, day, anchor, tense)
    if tense == "future":
        after = [c for c in cands if c > anchor]
        if after:
            return min(after).year
    elif tense == "past":
        before = [c for c in cands if c < anchor]
        if before:
            return max(before).year
    # nearest; on a tie the past wins (news mostly reports what happened)
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor)).year


def choose_month_year(month: int, anchor: date, tense: str | None) -> int:
    """The year of the nearest ``month`` to the anchor's month, biased like :func:`choose_year`."""
    if tense == "current":
        return anchor.year
    here = anchor.year * 12 + anchor.month - 1
    cands = [y * 12 + month - 1 for y in range(anchor.year - 1, anchor.year + 2)]
    if tense == "future":
        return min(c for c in cands if c > here) // 12
    if tense == "past":
        return max(c for c in cands if c < here) // 12
    return min(cands, key=lambda c: (abs(c - here), c > here)) // 12


def weekday_near(anchor: date, weekday: int, lo: int, hi: int) -> date:
    """The date with ISO ``weekday`` at an offset in ``lo..hi`` days from ``anchor``.

    With a window of seven days or more the offset closest to zero wins (the past on a tie).
    """
    offsets = [k for k in range(lo, hi + 1) if (anchor + timedelta(days=k)).isoweekday() == weekday]
    k = min(offsets, key=lambda k: (abs(k), k > 0))
    return anchor + timedelta(days=k)


def season_range(y: int, season: str, months: dict[str, tuple[int, int]]) -> tuple[date, date]:
    """First and last day of a (northern, meteorological) season starting in year ``y``."""
    m1, m2 = months[season]
    y2 = y + 1 if m2 < m1 else y
    return date(y, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])


def season_iso(y: int, season: str, months: dict[str, tuple[int, int]]) -> str:
    """``YYYY-MM/YYYY-MM`` for a season."""
    a, b = season_range(y, season, months)
    return f"{month_iso(a.year, a.month)}/{month_iso(b.year, b.month)}"


def hijri_to_gregorian(y: int, m: int, d: int, text: str) -> date:
    """Convert a Hijri date (Umm al-Qura), with a reason when it cannot be."""
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError) as exc:
        raise CalendarError(f"{text} cannot be converted from the Hijri calendar: {exc}") from None
    return date(g.year, g.month, g.day)


def hijri_month_range(y: int, m: int, text: str) -> tuple[date, date]:
    """First and last Gregorian day of Hijri month ``m`` of year ``y``."""
    first = hijri_to_gregorian(y, m, 1, text)
    try:
        length = Hijri(y, m, 1).month_length()
    except (ValueError, OverflowError) as exc:  # pragma: no cover - caught by the line above
        raise CalendarError(str(exc)) from None
    return first, first + timedelta(days=length - 1)


def hijri_year_range(y: int, text: str) -> tuple[date, date]:
    """First and last Gregorian day of Hijri year ``y``."""
    first = hijri_to_gregorian(y, 1, 1, text)
    _, last_end = hijri_month_range(y, 12, text)
    return first, last_end


def hijri_year_of(d: date) -> tuple[int, int]:
    """Hijri ``(year, month)`` of a Gregorian date (or :class:`CalendarError` out of range)."""
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError) as exc:
        raise CalendarError(f"{iso(d)} is outside the Hijri conversion table: {exc}") from None
    return h.year, h.month


def choose_hijri_year(month: int, anchor: date, tense: str | None, text: str) -> int:
    """The Hijri year whose ``month`` starts closest to the anchor, biased by tense."""
    hy, _ = hijri_year_of(anchor)
    spans = []
    for y in (hy - 1, hy, hy + 1):
        spans.append((y, *hijri_month_range(y, month, text)))
    if tense == "current":
        inside = [y for y, a, b in spans if a <= anchor <= b]
        if inside:
            return inside[0]
        return hy
    if tense == "future":
        after = [(a, y) for y, a, b in spans if a > anchor]
        if after:
            return min(after)[1]
    if tense == "past":
        before = [(b, y) for y, a, b in spans if b < anchor]
        if before:
            return max(before)[1]
    return min(spans, key=lambda s: (0 if s[1] <= anchor <= s[2] else
                                     min(abs((s[1] - anchor).days), abs((s[2] - anchor).days))))[0]
