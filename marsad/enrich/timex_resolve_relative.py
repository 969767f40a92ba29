"""Resolution of timexes relative to the publication date or to an earlier timex.

اليوم/أمس/غدا, weekdays with or without المقبل/الماضي, الأسبوع/الشهر/العام المقبل, durations
(P2W, with the date they reach when one can be placed), sets (كل يوم), anaphora (ذلك العام,
اليوم التالي), decades and centuries.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from marsad.enrich import timex_calendar as cal
from marsad.enrich.timex_calendar import CalendarError
from marsad.enrich.timex_context import (
    GRAN_RANK,
    OFFSET,
    SENT_BREAK_RE,
    TENSE,
    Context,
    Resolved,
    count_of,
    make_attrs,
    part_of,
    rel_of,
    tense_cue,
    unresolved,
    weekday_of,
    words,
)
from marsad.enrich.timex_lexicon import Lexicon
from marsad.enrich.timex_patterns import Mention

_NEXT_WORD_RE = re.compile(r"[^\S\n]+(\w+)")

# ---------------------------------------------------------------- relative to publication


def resolve_relday(m: Mention, text: str, ctx: Context) -> Resolved:
    """اليوم، أمس، أمس الأول، غدا، بعد غد — with an optional weekday that may disagree."""
    g, lex = m.groups, ctx.lex
    table = lex.tonight if m.kind == "tonight" else lex.relative_days
    offset = table[words(g["rd"])]
    weekday = weekday_of(g.get("wd") or g.get("wdp"), lex)
    part = "NI" if m.kind == "tonight" else part_of(g, lex)
    if ctx.anchor is None:
        return unresolved(ctx, "DATE", "relative expression and no publication date",
                          how="relative-to-publication")
    d = ctx.anchor + timedelta(days=offset)
    how, note = "relative-to-publication", None
    if weekday is not None and d.isoweekday() != weekday:
        said = d
        d = cal.weekday_near(said, weekday, -3, 3)
        how = "weekday-relative"
        note = (f"the text names {cal.WEEKDAY_NAMES[weekday]} but {cal.iso(said)} (from the "
                f"publication date {cal.iso(ctx.anchor)}) is a "
                f"{cal.WEEKDAY_NAMES[said.isoweekday()]}: resolved to the nearest "
                f"{cal.WEEKDAY_NAMES[weekday]}, {cal.iso(d)}")
    return Resolved("DATE", make_attrs(ctx, cal.iso(d), "day", how, note=note, part_of_day=part),
                    base=d, granularity="day")


def resolve_weekday(m: Mention, text: str, ctx: Context) -> Resolved:
    """الخميس المقبل (next one), الجمعة الماضي (last one), bare الثلاثاء (nearest, by tense).

    "ليلة السبت إلى الأحد" is the night that starts on Saturday; "الاثنين حتى الأربعاء" is the
    interval from that Monday to the Wednesday after it.
    """
    g, lex = m.groups, ctx.lex
    weekday = weekday_of(g["wd"], lex) or 1
    rel = rel_of(g, lex)
    if ctx.anchor is None:
        return unresolved(ctx, "DATE", "relative expression and no publication date",
                          f"XXXX-WXX-{weekday}", "day", "weekday-relative")
    anchor = ctx.anchor
    tense = TENSE.get(rel or "") or tense_cue(ctx.norm, m.start, lex)
    if rel in ("future", "future2"):
        d = cal.weekday_near(anchor, weekday, 1, 7) + timedelta(weeks=rel == "future2")
        rule = "the next one after"
    elif rel in ("past", "past2"):
        d = cal.weekday_near(anchor, weekday, -7, -1) - timedelta(weeks=rel == "past2")
        rule = "the last one before"
    elif rel == "current" or tense == "future":
        d, rule = cal.weekday_near(anchor, weekday, 0, 6), "the first one from"
    elif tense == "past":
        d, rule = cal.weekday_near(anchor, weekday, -6, 0), "the last one up to"
    else:
        d, rule = cal.weekday_near(anchor, weekday, -3, 3), "the nearest one to"
    note = f"{cal.WEEKDAY_NAMES[weekday]}: {rule} the publication date"
    part = part_of(g, lex)
    value = cal.iso(d)
    last = weekday_of(g.get("wd2"), lex)
    if last is not None and part != "NI":
        value = f"{value}/{cal.iso(cal.weekday_near(d, last, 1, 7))}"
    return Resolved("DATE", make_attrs(ctx, value, "day", "weekday-relative", note=note,
                                       tense=tense, part_of_day=part),
                    base=d, granularity="day")


def _unit_value(base: date, unit: str, n: int) -> tuple[str, date]:
    """The value of the week/month/year ``n`` units from the one holding ``base``."""
    if unit == "week":
        a, b = cal.week_range(base + timedelta(weeks=n))
        return f"{cal.iso(a)}/{cal.iso(b)}", a
    if unit == "month":
        y, mo = cal.add_months(base.year, base.month, n)
        return cal.month_iso(y, mo), date(y, mo, 1)
    if unit == "day":
        d = base + timedelta(days=n)
        return cal.iso(d), d
    return f"{base.year + n:04d}", date(base.year + n, 1, 1)


def resolve_relunit(m: Mention, text: str, ctx: Context) -> Resolved:
    """الأسبوع المقبل، الشهر الماضي، العام الجاري، مطلع الأسبوع، منتصف الشهر المقبل."""
    g, lex = m.groups, ctx.lex
    unit = lex.relative_units[words(g["unit"])]
    rel = rel_of(g, lex) or "current"
    mod = lex.modifiers.get(words(g.get("mod")))
    if ctx.anchor is None:
        return unresolved(ctx, "DATE", "relative expression and no publication date",
                          granularity=unit, how="relative-to-publication")
    value, base = _unit_value(ctx.anchor, unit, OFFSET[rel])
    return Resolved("DATE", make_attrs(ctx, value, unit, "relative-to-publication", mod=mod,
                                       tense=TENSE[rel]), base=base, granularity=unit)


# ---------------------------------------------------------------- durations and sets


def _duration_value(n: int | None, unit: str, lex: Lexicon) -> str:
    """ISO 8601 duration; ``None`` count gives TimeML's unspecified ``X`` (PXY)."""
    if unit in ("hour", "minute"):
        return f"PT{'X' if n is None else n}{'H' if unit == 'hour' else 'M'}"
    if unit in ("decade", "century") and n is not None:
        return f"P{n * (10 if unit == 'decade' else 100)}Y"
    return f"P{'X' if n is None else n}{lex.unit_iso[unit]}"


def _unit_count(g: dict[str, str | None], lex: Lexicon) -> tuple[str, int | None]:
    unit, form = lex.units[words(g["unit"])]
    n = count_of(g.get("num"), lex)
    if n is None:
        n = {"dual": 2, "sing": 1, "acc": 1}.get(form)
    return unit, n


def _same_sentence(ctx: Context, a: int, b: int) -> bool:
    return SENT_BREAK_RE.search(ctx.norm, a, b) is None


def _event_relative(ctx: Context, end: int) -> bool:
    """"بعد عامين من سيطرة …", "قبل يومين على الاجتماع": counted from an event, not a date."""
    m = _NEXT_WORD_RE.match(ctx.norm, end)
    return m is not None and m.group(1) in ("من", "علي")


def resolve_duration(m: Mention, text: str, ctx: Context) -> Resolved:
    """4 سنوات → P4Y; قبل ثلاثة أيام → a date; بعد أسبوعين → P2W, or a date when announced.

    "قبل N" counts back from the publication date. "بعد N" is a date only in a sentence that
    announces something (المقرر … بعد أسبوعين): N forward from the last date written earlier
    in the sentence, or from the publication date; otherwise ("انتهى الإضراب بعد 24 يوماً") it
    is a duration. Followed by من/على (counted from an event) both stay durations.
    """
    g, lex = m.groups, ctx.lex
    unit, n = _unit_count(g, lex)
    cue = lex.duration_cues.get(words(g.get("cue")))
    quant = lex.quantifiers.get(words(g.get("quant")))
    value = _duration_value(n, unit, lex)
    gran = unit
    if n is not None and not _event_relative(ctx, m.end):
        if cue == "before":
            return _shifted_date(m, ctx, -n, unit, value, quant)
        if cue == "after" and tense_cue(ctx.norm, m.start, lex) == "future":
            return _shifted_date(m, ctx, n, unit, value, quant)
    extra: dict[str, Any] = {"mod": quant}
    if n is not None and cue in ("since", "after"):
        extra.update(_duration_endpoint(m, ctx, n, unit, cue))
    return Resolved("DURATION", make_attrs(ctx, value, gran, "absolute", **extra))


def _sentence_date(m: Mention, ctx: Context) -> tuple[date, Resolved] | None:
    """The last resolved day/month/year date before ``m`` in the same sentence, if any."""
    prev = ctx.history[-1] if ctx.history else None
    if (prev is None or prev.base is None or prev.granularity not in ("day", "month", "year")
            or not _same_sentence(ctx, prev.end, m.start)):
        return None
    return prev.base, prev


def _shifted_date(m: Mention, ctx: Context, n: int, unit: str, duration: str,
                  quant: str | None) -> Resolved:
    """The date ``n`` units from the sentence's earlier date (forward) or from publication."""
    found = _sentence_date(m, ctx) if n > 0 else None
    if found is not None:
        ref, prev = found
        how = f"relative-to-{prev.text}"
        point_unit = unit if prev.granularity == "day" else str(prev.granularity)
    elif ctx.anchor is not None:
        ref, how, point_unit = ctx.anchor, "relative-to-publication", unit
    else:
        return unresolved(ctx, "DATE", "relative expression and no publication date",
                          how="relative-to-publication")
    try:
        val, base = _point_value(cal.add_units(ref, n, unit), point_unit)
    except CalendarError as exc:
        return unresolved(ctx, "DATE", str(exc), how=how)
    gran = _point_gran(point_unit)
    return Resolved("DATE", make_attrs(ctx, val, gran, how, mod=quant, duration=duration),
                    base=base, granularity=gran)


def _point_gran(unit: str) -> str:
    return {"week": "day", "hour": "day", "minute": "day", "decade": "year",
            "century": "year"}.get(unit, unit)


def _point_value(d: date, unit: str) -> tuple[str, date]:
    gran = _point_gran(unit)
    if gran == "day":
        return cal.iso(d), d
    if gran == "month":
        return cal.month_iso(d.year, d.month), date(d.year, d.month, 1)
    return f"{d.year:04d}", date(d.year, 1, 1)


def _duration_endpoint(m: Mention, ctx: Context, n: int, unit: str, cue: str) -> dict[str, Any]:
    """The date a "منذ N"/"بعد N" duration starts or reaches, when it can be placed."""
    try:
        if cue == "since" and ctx.anchor is not None:
            return {"start": _point_value(cal.add_units(ctx.anchor, -n, unit), unit)[0],
                    "start_how": "relative-to-publication"}
        found = _sentence_date(m, ctx) if cue == "after" else None
        if found is not None:
            ref, prev = found
            point_unit = unit if prev.granularity == "day" else str(prev.granularity)
            return {"date": _point_value(cal.add_units(ref, n, unit), point_unit)[0],
                    "date_how": f"relative-to-{prev.text}"}
    except CalendarError:
        pass
    return {}


def resolve_duration_recent(m: Mention, text: str, ctx: Context) -> Resolved:
    """الأسابيع الخمسة الأخيرة → P5W, covering the five weeks up to publication."""
    g, lex = m.groups, ctx.lex
    unit, form = lex.units[words(g["unit"])]
    n = count_of(g.get("num"), lex)
    if n is None and form == "dual":
        n = 2
    direction = lex.plural_recent[words(g["recent"])]
    extra: dict[str, Any] = {"tense": direction}
    if n is not None and ctx.anchor is not None:
        try:
            other = cal.add_units(ctx.anchor, -n if direction == "past" else n, unit)
            lo, hi = sorted((other, ctx.anchor))
            extra["range"] = f"{cal.iso(lo)}/{cal.iso(hi)}"
        except CalendarError:
            pass
    return Resolved("DURATION", make_attrs(ctx, _duration_value(n, unit, lex), unit,
                                           "relative-to-publication" if "range" in extra
                                           else "absolute", **extra))


def resolve_set(m: Mention, text: str, ctx: Context) -> Resolved:
    """كل يوم → P1D; كل عامين → P2Y; كل جمعة → XXXX-WXX-5; سنويا → P1Y."""
    g, lex = m.groups, ctx.lex
    part = part_of(g, lex)
    if g.get("adv"):
        value = lex.set_adverbs[words(g["adv"])]
        gran = {"D": "day", "W": "week", "M": "month", "Y": "year"}[value[-1]]
    elif g.get("wd"):
        value, gran = f"XXXX-WXX-{weekday_of(g['wd'], lex)}", "day"
    else:
        unit, n = _unit_count(g, lex)
        value, gran = _duration_value(n or 1, unit, lex), unit
    return Resolved("SET", make_attrs(ctx, value, gran, "absolute", quant="EVERY",
                                      part_of_day=part))


# ---------------------------------------------------------------- anaphora, decades


def resolve_anaphor(m: Mention, text: str, ctx: Context) -> Resolved:
    """ذلك العام، اليوم التالي، العام نفسه — relative to the last resolved date before it."""
    g, lex = m.groups, ctx.lex
    unit = lex.anaphora_units[words(g["unit"])]
    ana = words(g["ana"])
    kind = lex.anaphora.get(ana, "that")
    n = {"next": 1, "prev": -1}.get(kind, 0)
    prev = next((r for r in reversed(ctx.history)
                 if r.base is not None and r.granularity is not None
                 and GRAN_RANK[r.granularity] <= GRAN_RANK[unit]), None)
    if prev is not None and prev.base is not None:
        value, base = _unit_value(prev.base, unit, n)
        how = f"relative-to-{prev.text}"
    elif n and ctx.anchor is not None:
        value, base = _unit_value(ctx.anchor, unit, n)
        how = "relative-to-publication"
    else:
        return unresolved(ctx, "DATE", f"{text} refers back to an earlier date and none was "
                          "found before it", granularity=unit, how="relative-to-previous")
    return Resolved("DATE", make_attrs(ctx, value, unit, how), base=base, granularity=unit)


def _century_of(word: str, lex: Lexicon, ctx: Context) -> int | None:
    """Century number as TimeML writes it (19 for the twentieth), or ``None`` (no anchor)."""
    if word in lex.centuries:
        return lex.centuries[word]
    if ctx.anchor is None:
        return None
    return ctx.anchor.year // 100 - (1 if word in ("الماضي", "المنصرم") else 0)


def resolve_decade(m: Mention, text: str, ctx: Context) -> Resolved:
    """التسعينيات → 199 (TimeML decade); من القرن الماضي moves it by the anchor's century."""
    g, lex = m.groups, ctx.lex
    decade = lex.decades[words(g["dec"])]
    how = "absolute"
    if g.get("cent"):
        c = _century_of(words(g["cent"]), lex, ctx)
        if c is not None:
            decade = c * 100 + decade % 100
            how = "absolute" if words(g["cent"]) in lex.centuries else "relative-to-publication"
    return Resolved("DATE", make_attrs(ctx, f"{decade // 10:03d}", "decade", how),
                    base=date(decade, 1, 1), granularity="decade")


def resolve_century(m: Mention, text: str, ctx: Context) -> Resolved:
    """Century: "القرن العشرين" → 19 (TimeML), "القرن الماضي" from the anchor."""
    word = words(m.groups["cent"])
    c = _century_of(word, ctx.lex, ctx)
    how = "absolute" if word in ctx.lex.centuries else "relative-to-publication"
    if c is None:
        return unresolved(ctx, "DATE", "relative expression and no publication date",
                          granularity="century", how=how)
    return Resolved("DATE", make_attrs(ctx, f"{c:02d}", "century", how),
                    base=date(max(c * 100, 1), 1, 1), granularity="century")
