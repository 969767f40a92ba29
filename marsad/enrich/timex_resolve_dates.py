"""Resolution of calendar-written timexes: dates, months, years, seasons, numeric dates, ranges.

Years missing from "6 فبراير" are chosen to put the date nearest the publication date, pulled
forward by المقبل/القادم or a future verb and back by الماضي or a past reporting verb. Hijri
dates go through ``hijridate``.
"""

from __future__ import annotations

from datetime import date, timedelta

from marsad.enrich import timex_calendar as cal
from marsad.enrich.timex_calendar import CalendarError
from marsad.enrich.timex_context import (
    OFFSET,
    TENSE,
    Context,
    NeedAnchor,
    Resolved,
    day_of,
    make_attrs,
    month_of,
    need_anchor,
    part_of,
    rel_of,
    tense_cue,
    unresolved,
    weekday_of,
    words,
)
from marsad.enrich.timex_lexicon import Lexicon, MonthName
from marsad.enrich.timex_patterns import Mention

# ---------------------------------------------------------------- dates and months


def _explicit_year(g: dict[str, str | None], sfx: str = "") -> tuple[int | None, str | None]:
    y = g.get("year" + sfx)
    return (int(y) if y else None), words(g.get("ysfx" + sfx)) or None


def _relative_year(g: dict[str, str | None], ctx: Context, sfx: str = ""
                   ) -> tuple[int, str] | None:
    """The year of "من العام الماضي" / "هذا العام" / "من العام نفسه" after a month, with how.

    ``None`` when no such phrase follows the month.
    """
    yrel = words(g.get("yrel" + sfx))
    if not yrel:
        return None
    first, last = yrel.split(" ", 1)[0], yrel.rsplit(" ", 1)[-1]
    if first in ("هذا", "هذه"):
        return need_anchor(ctx).year, "relative-to-publication"
    kind = ctx.lex.relative.get(last)
    if kind is not None:
        return need_anchor(ctx).year + OFFSET[kind], "relative-to-publication"
    # العام نفسه / ذلك العام: the year of the last resolved date before it
    prev = next((r for r in reversed(ctx.history) if r.base is not None), None)
    if prev is None or prev.base is None:
        raise CalendarError(f"{yrel} refers back to an earlier date and none was found")
    return prev.base.year, f"relative-to-{prev.text}"


def _is_hijri_suffix(sfx: str | None, lex: Lexicon) -> bool:
    return bool(sfx) and lex.year_suffixes.get(sfx or "") == "hijri"


def _day_date(ctx: Context, text: str, day: int, info: MonthName, g: dict[str, str | None],
              tense: str | None, weekday: int | None, sfx: str = ""
              ) -> tuple[date, str, str | None]:
    """Resolve day + month (+ year) to a Gregorian date, with ``how`` and an optional note."""
    lex = ctx.lex
    year, ysfx = _explicit_year(g, sfx)
    yrel = _relative_year(g, ctx, sfx)
    if info.calendar == "hijri":
        if year is None:
            anchor = need_anchor(ctx)
            hy = cal.choose_hijri_year(info.month, anchor, tense, text)
            return cal.hijri_to_gregorian(hy, info.month, day, text), "relative-to-publication", \
                f"Hijri year {hy} inferred from the publication date"
        if year > 1600:
            raise CalendarError(f"{text}: a Hijri month with Gregorian year {year}")
        return cal.hijri_to_gregorian(year, info.month, day, text), "absolute", None
    if _is_hijri_suffix(ysfx, lex):
        raise CalendarError(f"{text}: a Gregorian month with a Hijri year")
    if year is not None:
        cal.check_year(year, ctx.anchor, text)
        return cal.make_date(year, info.month, day, text), "absolute", None
    if day > (29 if info.month == 2 else 30 if info.month in (4, 6, 9, 11) else 31):
        raise CalendarError(f"{text} is not a valid date")
    if yrel is not None:
        return cal.make_date(yrel[0], info.month, day, text), yrel[1], None
    anchor = need_anchor(ctx)
    y = cal.choose_year(info.month, day, anchor, tense, weekday)
    return cal.make_date(y, info.month, day, text), "relative-to-publication", \
        f"year {y} inferred from the publication date"


def _weekday_note(d: date, weekday: int | None) -> str | None:
    if weekday is None or d.isoweekday() == weekday:
        return None
    return (f"the text names {cal.WEEKDAY_NAMES[weekday]} but {cal.iso(d)} is a "
            f"{cal.WEEKDAY_NAMES[d.isoweekday()]}")


def resolve_date(m: Mention, text: str, ctx: Context) -> Resolved:
    """Day + month (+ year): "السادس من فبراير (شباط)", "الثلاثاء 09 أيار/مايو 2017"."""
    g, lex = m.groups, ctx.lex
    rel = rel_of(g, lex)
    tense = TENSE.get(rel or "") or tense_cue(ctx.norm, m.start, lex)
    info = month_of(words(g["mon"]), lex)
    day = day_of(g["day"] or "", lex)
    weekday = weekday_of(g.get("wd"), lex)
    if day < 1 or (info.calendar == "gregorian" and day > 31):
        return unresolved(ctx, "DATE", f"{text} is not a valid date")
    try:
        d, how, note = _day_date(ctx, text, day, info, g, tense, weekday)
    except NeedAnchor:
        return unresolved(ctx, "DATE", "no year given and no publication date to infer it from",
                          f"XXXX-{info.month:02d}-{day:02d}", "day", "relative-to-publication")
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc))
    notes = "; ".join(n for n in (note, _weekday_note(d, weekday)) if n) or None
    return Resolved("DATE", make_attrs(ctx, cal.iso(d), "day", how, note=notes, tense=tense,
                                       calendar="hijri" if info.calendar == "hijri" else None,
                                       part_of_day=part_of(g, lex)), base=d, granularity="day")



def resolve_dayrel(m: Mention, text: str, ctx: Context) -> Resolved:
    """"في 6 الشهر القادم": a day of a month counted from the publication month."""
    g, lex = m.groups, ctx.lex
    rel = rel_of(g, lex) or "current"
    day = day_of(g["day"] or "", lex)
    if ctx.anchor is None:
        return unresolved(ctx, "DATE", "relative expression and no publication date",
                          how="relative-to-publication")
    y, mo = cal.add_months(ctx.anchor.year, ctx.anchor.month, OFFSET[rel])
    try:
        d = cal.make_date(y, mo, day, text)
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc), how="relative-to-publication")
    return Resolved("DATE", make_attrs(ctx, cal.iso(d), "day", "relative-to-publication",
                                       tense=TENSE[rel], part_of_day=part_of(g, lex)),
                    base=d, granularity="day")


def _month_value(ctx: Context, text: str, info: MonthName, g: dict[str, str | None],
                 tense: str | None, sfx: str = ""
                 ) -> tuple[str, date, str, str | None, str | None]:
    """Resolve a month (+ year) to ``(value, first day, how, note, calendar)``."""
    lex = ctx.lex
    year, ysfx = _explicit_year(g, sfx)
    yrel = _relative_year(g, ctx, sfx)
    if info.calendar == "hijri":
        note = None
        how = "absolute"
        if year is None:
            hy = cal.choose_hijri_year(info.month, need_anchor(ctx), tense, text)
            how, note = "relative-to-publication", f"Hijri year {hy} inferred"
        elif year > 1600:
            raise CalendarError(f"{text}: a Hijri month with Gregorian year {year}")
        else:
            hy = year
        a, b = cal.hijri_month_range(hy, info.month, text)
        return f"{cal.iso(a)}/{cal.iso(b)}", a, how, note, "hijri"
    if _is_hijri_suffix(ysfx, lex):
        raise CalendarError(f"{text}: a Gregorian month with a Hijri year")
    if year is not None:
        cal.check_year(year, ctx.anchor, text)
        return cal.month_iso(year, info.month), date(year, info.month, 1), "absolute", None, None
    if yrel is not None:
        y = yrel[0]
        return cal.month_iso(y, info.month), date(y, info.month, 1), yrel[1], None, None
    anchor = need_anchor(ctx)
    y = cal.choose_month_year(info.month, anchor, tense)
    note = None if tense else f"year {y} inferred from the publication date"
    return cal.month_iso(y, info.month), date(y, info.month, 1), "relative-to-publication", \
        note, None


def resolve_month(m: Mention, text: str, ctx: Context) -> Resolved:
    """Month (+ year): "تموز 2018", "كانون الأول الماضي", "مطلع شهر رمضان"."""
    g, lex = m.groups, ctx.lex
    rel = rel_of(g, lex)
    tense = TENSE.get(rel or "") or tense_cue(ctx.norm, m.start, lex)
    info = month_of(words(g["mon"]), lex)
    mod = lex.modifiers.get(words(g.get("mod")))
    try:
        value, base, how, note, calendar = _month_value(ctx, text, info, g, tense)
    except NeedAnchor:
        return unresolved(ctx, "DATE", "no year given and no publication date to infer it from",
                          f"XXXX-{info.month:02d}", "month", "relative-to-publication")
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc))
    return Resolved("DATE", make_attrs(ctx, value, "month", how, note=note, tense=tense, mod=mod,
                                       calendar=calendar), base=base, granularity="month")


def resolve_year(m: Mention, text: str, ctx: Context) -> Resolved:
    """Year: "عام 2014", "في 2014", "خريف العام 2014" (a season), "1446 هـ" (Hijri)."""
    g, lex = m.groups, ctx.lex
    year = int(g["year"] or 0)
    ysfx = words(g.get("ysfx"))
    mod = lex.modifiers.get(words(g.get("mod")))
    season = lex.seasons.get(words(g.get("season")))
    try:
        if _is_hijri_suffix(ysfx, lex):
            a, b = cal.hijri_year_range(year, text)
            value = f"{cal.iso(a)}/{cal.iso(b)}"
            return Resolved("DATE", make_attrs(ctx, value, "year", "absolute",
                                               calendar="hijri", hijri=str(year), mod=mod),
                            base=a, granularity="year")
        cal.check_year(year, ctx.anchor, text)
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc))
    if season:
        a, _ = cal.season_range(year, season, lex.season_months)
        return Resolved("DATE", make_attrs(ctx, cal.season_iso(year, season, lex.season_months),
                                           "season", "absolute", season=season),
                        base=a, granularity="season")
    return Resolved("DATE", make_attrs(ctx, f"{year:04d}", "year", "absolute", mod=mod),
                    base=date(year, 1, 1), granularity="year")


def resolve_season_rel(m: Mention, text: str, ctx: Context) -> Resolved:
    """Season relative to publication: "الصيف الماضي", "شتاء العام المقبل"."""
    g, lex = m.groups, ctx.lex
    season = lex.seasons[words(g["season"])]
    rel = rel_of(g, lex) or "current"
    if ctx.anchor is None:
        return unresolved(ctx, "DATE", "relative expression and no publication date",
                          how="relative-to-publication")
    anchor = ctx.anchor
    spans = [(y, *cal.season_range(y, season, lex.season_months))
             for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)]
    if TENSE[rel] == "past":
        y = max((s for s in spans if s[2] < anchor), key=lambda s: s[1])[0]
    elif TENSE[rel] == "future":
        y = min((s for s in spans if s[1] > anchor), key=lambda s: s[1])[0]
    else:
        inside = [s for s in spans if s[1] <= anchor <= s[2]]
        y = inside[0][0] if inside else anchor.year
    a, _ = cal.season_range(y, season, lex.season_months)
    return Resolved("DATE", make_attrs(ctx, cal.season_iso(y, season, lex.season_months), "season",
                                       "relative-to-publication", season=season),
                    base=a, granularity="season")


def resolve_numeric(m: Mention, text: str, ctx: Context) -> Resolved:
    """Numeric dates, day first as in the Arab press ("31/01/2019") or ISO ("2019-01-31")."""
    g = m.groups
    y, mo, d = int(g["year"] or 0), int(g["month"] or 0), int(g["day"] or 0)
    try:
        cal.check_year(y, ctx.anchor, text)
        dd = cal.make_date(y, mo, d, text)
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc))
    return Resolved("DATE", make_attrs(ctx, cal.iso(dd), "day", "absolute"), base=dd,
                    granularity="day")


# ---------------------------------------------------------------- ranges


def resolve_range_days(m: Mention, text: str, ctx: Context) -> Resolved:
    """بين 5 و7 مارس → 2019-03-05/2019-03-07."""
    g, lex = m.groups, ctx.lex
    info = month_of(words(g["mon"]), lex)
    d1, d2 = day_of(g["day"] or "", lex), day_of(g["day2"] or "", lex)
    rel = rel_of(g, lex)
    tense = TENSE.get(rel or "") or tense_cue(ctx.norm, m.start, lex)
    try:
        a, how, note = _day_date(ctx, text, d1, info, g, tense, None)
        if info.calendar == "hijri":
            b = a + timedelta(days=d2 - d1)
        else:
            b = cal.make_date(a.year, a.month, d2, text)
    except NeedAnchor:
        return unresolved(ctx, "DATE", "no year given and no publication date to infer it from",
                          how="relative-to-publication")
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc))
    if b < a:
        return unresolved(ctx, "DATE", f"{text}: the range ends before it starts")
    return Resolved("DATE", make_attrs(ctx, f"{cal.iso(a)}/{cal.iso(b)}", "day", how, note=note,
                                       tense=tense), base=a, granularity="day")


def resolve_range_years(m: Mention, text: str, ctx: Context) -> Resolved:
    """بين عامي 2014 و2017 → 2014/2017."""
    y1, y2 = int(m.groups["year"] or 0), int(m.groups["year2"] or 0)
    try:
        cal.check_year(max(y1, y2), ctx.anchor, text)
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc))
    if y2 < y1:
        return unresolved(ctx, "DATE", f"{text}: the range ends before it starts")
    return Resolved("DATE", make_attrs(ctx, f"{y1:04d}/{y2:04d}", "year", "absolute"),
                    base=date(y1, 1, 1), granularity="year")
