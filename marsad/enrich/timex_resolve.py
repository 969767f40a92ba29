"""Turn a timex match (:class:`~marsad.enrich.timex_patterns.Mention`) into a calendar value.

Each resolver reads the match's named groups and returns a
:class:`~marsad.enrich.timex_context.Resolved`: the span label (``DATE``, ``DURATION``,
``SET``) and its attrs — ``value`` (ISO date, month, year, interval ``a/b`` or duration
``P2W``), ``granularity``, ``how`` (``absolute``, ``relative-to-publication``,
``weekday-relative`` or ``relative-to-<earlier timex>``), ``anchor``, ``resolved`` and, when
unresolved, a ``reason``. Nothing here raises for bad input: impossible dates and missing
anchors become unresolved values with a reason.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.enrich import timex_resolve_dates as dates
from marsad.enrich import timex_resolve_relative as rel
from marsad.enrich.timex_calendar import CalendarError
from marsad.enrich.timex_context import Context, NeedAnchor, Resolved, unresolved
from marsad.enrich.timex_patterns import Mention

RESOLVERS: dict[str, Callable[[Mention, str, Context], Resolved]] = {
    "date": dates.resolve_date,
    "dayrel": dates.resolve_dayrel,
    "numeric": dates.resolve_numeric,
    "month": dates.resolve_month,
    "year": dates.resolve_year,
    "season_rel": dates.resolve_season_rel,
    "relday": rel.resolve_relday,
    "tonight": rel.resolve_relday,
    "weekday": rel.resolve_weekday,
    "relunit": rel.resolve_relunit,
    "duration": rel.resolve_duration,
    "duration_recent": rel.resolve_duration_recent,
    "set": rel.resolve_set,
    "range_days": dates.resolve_range_days,
    "range_years": dates.resolve_range_years,
    "anaphor": rel.resolve_anaphor,
    "decade": rel.resolve_decade,
    "century": rel.resolve_century,
}


def resolve(m: Mention, text: str, ctx: Context) -> Resolved:
    """Resolve one match; ``text`` is its original (unfolded) wording, used in reasons."""
    try:
        r = RESOLVERS[m.kind](m, text, ctx)
    except NeedAnchor:
        r = unresolved(ctx, "DATE", "relative expression and no publication date",
                        how="relative-to-publication")
    except (CalendarError, KeyError, ValueError, OverflowError) as exc:
        # last line of defence: bad input is kept, with the reason, never raised
        r = unresolved(ctx, "DATE", f"{text} could not be resolved: {exc}")
    r.start, r.end, r.text = m.start, m.end, text
    return r
