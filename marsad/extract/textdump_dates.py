"""Reading the publication date a page dump states for itself.

Only short date-shaped text is read here (what follows "نشر في" or "آخر تحديث", or a date line
in the page header): full free-text date resolution belongs to the enrichment stages. Month
names in Egyptian, Levantine, Maghrebi, English and French forms and Hijri months come from
``marsad/data/boilerplate_dates.json``; Hijri dates are converted with ``hijridate``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.extract.textdump_lines import _TIME_RE, _read_json, fold, key_of_folded, match_key

_YMD_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_NUM_RE = re.compile(r"^\d{1,4}$")
_ANY_DIGIT_RE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")
# "منذ 3 ساعات", "قبل دقيقتين", "3 hours ago", "il y a 2 heures": a stamp with no date in it
_RELATIVE_RE = re.compile(
    r"^(?:منذ|قبل)\s+(?:\d+\s+)?(?:ثانيه|ثوان|ثواني|دقيقه|دقيقتين|دقايق|دقائق|ساعه|ساعتين|ساعات|"
    r"يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر)$"
    r"|^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$"
    r"|^il y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois)$")


@dataclass(frozen=True, slots=True)
class CalendarWords:
    """Folded calendar vocabulary (loaded once, read-only)."""

    months: dict[str, int]      # "كانون الثاني" → 1
    hijri: dict[str, int]       # "رمضان" → 9
    weekdays: frozenset[str]
    filler: frozenset[str]


@lru_cache(maxsize=1)
def calendar_words() -> CalendarWords:
    """Load ``boilerplate_dates.json`` as folded lookup tables (once per process)."""
    data = _read_json("boilerplate_dates.json")

    def table(section: dict[str, list[str]]) -> dict[str, int]:
        out: dict[str, int] = {}
        for month, names in section.items():
            for name in names:
                out.setdefault(match_key(name), int(month))
        return out

    return CalendarWords(
        table(data["gregorian_months"]),
        table(data["hijri_months"]),
        frozenset(match_key(w) for w in data["weekdays"]),
        frozenset(match_key(w) for w in data["date_filler"]),
    )


def _tokens(text: str) -> list[str]:
    return _tokens_folded(fold(text))


def _tokens_folded(folded: str) -> list[str]:
    return key_of_folded(_TIME_RE.sub(" ", folded)).split()


def _find_months(tokens: list[str], table: dict[str, int]) -> list[tuple[int, int, int]]:
    """Return (token index, width, month) for each month name, longest names first."""
    found = []
    i = 0
    while i < len(tokens):
        two = " ".join(tokens[i:i + 2]) if i + 1 < len(tokens) else ""
        if two and two in table:
            found.append((i, 2, table[two]))
            i += 2
            continue
        if tokens[i] in table:
            found.append((i, 1, table[tokens[i]]))
        i += 1
    return found


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_names(tokens: list[str], table: dict[str, int],
                years: range) -> tuple[int, int, int] | None:
    months = _find_months(tokens, table)
    if not months:
        return None
    nums = [(i, int(t)) for i, t in enumerate(tokens) if _NUM_RE.match(t)]
    year_cands = [(i, n) for i, n in nums if n in years]
    if not year_cands:
        return None
    idx, width, month = months[0]
    day_cands = [(abs(i - idx) if i < idx else i - (idx + width - 1), n)
                 for i, n in nums if 1 <= n <= 31 and (i, n) not in year_cands]
    if not day_cands:
        return None
    day = min(day_cands)[1]
    year = min(year_cands, key=lambda c: abs(c[0] - idx))[1]
    return year, month, day


def parse_date(text: str) -> str | None:
    """Read one calendar date from short date-shaped text and return it as ISO ``YYYY-MM-DD``.

    Understands numeric dates (``2019-01-31``, ``31/01/2019``), day-month-year with month names
    in any order (``الخميس 31 كانون الثاني / يناير 2019``, ``2019 الخميس ,31 يناير``), and Hijri
    dates (``25 جمادى الأولى 1440``), which are converted to the Gregorian calendar.

    Returns:
        The ISO date, or ``None`` when the text holds no complete valid date.
    """
    if not text:
        return None
    folded = fold(text)
    m = _YMD_RE.search(folded)
    if m:
        iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            return iso
    m = _DMY_RE.search(folded)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        iso = _valid(y, b, a) or _valid(y, a, b)  # Arab outlets write day first
        if iso:
            return iso
    words = calendar_words()
    tokens = _tokens(text)
    found = _from_names(tokens, words.months, range(1900, 2101))
    if found:
        iso = _valid(*found)
        if iso:
            return iso
    found = _from_names(tokens, words.hijri, range(1300, 1501))
    if found:
        return _hijri_to_iso(*found)
    return None


def parse_day_month(text: str) -> tuple[int, int] | None:
    """(day, month) of a date written without a year ("4 شباط/فبراير"), or ``None``."""
    tokens = _tokens(text)
    months = _find_months(tokens, calendar_words().months)
    if not months:
        return None
    idx, width, month = months[0]
    for i in (idx - 1, idx + width):
        if 0 <= i < len(tokens) and _NUM_RE.match(tokens[i]) and 1 <= int(tokens[i]) <= 31:
            return int(tokens[i]), month
    return None


def _hijri_to_iso(y: int, m: int, d: int) -> str | None:
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian().isoformat()
    except (ImportError, ValueError, OverflowError):
        return None


def is_date_line(text: str) -> bool:
    """True when a short line is nothing but a date and/or time (plus weekday, GMT, ص/م ...).

    A line such as ``GMT 14:26 2026 الجمعة ,23 كانون الثاني / يناير``, ``31/01/2019`` or a
    relative stamp (``منذ 3 ساعات``) is; a sentence that mentions a date is not.
    """
    if not text or len(text) > 90:
        return False
    if not _ANY_DIGIT_RE.search(text):  # every date form has a number; some relative ones not
        return text.startswith(("منذ", "قبل")) and _RELATIVE_RE.match(match_key(text)) is not None
    folded = fold(text)
    if _RELATIVE_RE.match(key_of_folded(folded)):
        return True
    has_time = _TIME_RE.search(folded) is not None
    numeric = _YMD_RE.search(folded) is not None or _DMY_RE.search(folded) is not None
    tokens = _tokens_folded(folded)
    words = calendar_words()
    months = {i + k for i, w, _ in _find_months(tokens, words.months) for k in range(w)}
    hijri = {i + k for i, w, _ in _find_months(tokens, words.hijri) for k in range(w)}
    other = 0
    has_num = False
    for i, t in enumerate(tokens):
        if _NUM_RE.match(t):
            has_num = True
        elif i in months or i in hijri or t in words.weekdays or t in words.filler:
            continue
        else:
            other += 1
    if not (has_time or numeric or ((months or hijri) and has_num)):
        return False
    return other <= 1 and other <= len(tokens) // 4 + (1 if has_time else 0)
