"""Regular expressions that find temporal expressions (Arabic first) in folded text.

The patterns are built once per process from the word lists in :mod:`timex_lexicon` (the
grammar lives here, the words live in ``marsad/data``); :mod:`marsad.enrich.timex` compiles them
when it is imported. :func:`scan` visits only the words a timex can begin with (numbers, month
and weekday names, اليوم، قبل، منذ …) and, at each, tries the patterns whose first character
fits; of those that match and pass a context check (an ambiguous month name with nothing around
it, a bare four-digit number with no year cue, "اليوم" in an outlet name) it keeps the longest,
then goes on after it (leftmost-longest). What a match means is decided later, by
:mod:`timex_resolve`, from its named groups.

Whitespace inside an expression never crosses a line break, and every repetition is bounded or
over a single character class, so a 20,000-word line costs linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.enrich.timex_lexicon import Lexicon, lexicon

H = r"[^\S\n]"
SP = H + "+"
OS = H + "*"
# Left edge: start of a word, or right after a single proclitic و/ف (kept outside the span).
L = r"(?:(?<!\w)|(?<=(?<!\w)[وف]))"
# Durations also take ل/ب (لأسبوعين، بعامين), alone or after و/ف; other words would clash
# (لامس 'touched' is not ل + أمس).
LD = r"(?:(?<!\w)|(?<=(?<!\w)[وفلب])|(?<=(?<!\w)[وف][لب]))"
R = r"(?!\w)"
DNUM = r"(?<![\d:/.])(?:[0-3]?\d)(?![\d:])"
YNUM4 = r"(?<![\d.,/])\d{4}(?![\d%])"
# Range separators: "5-7", "5 و7", "5 إلى 7", "5 حتى 7".
RSEP = rf"(?:{OS}[-–]{OS}|{SP}(?:الي|حتي|لغايه){SP}|{SP}و{OS})"
CONTEXT_AFTER_SINGULAR = (
    rf"(?={OS}(?:[.,،؛:!?)«»\"\n]|$|(?:من|علي|واحد|واحده|فقط|تقريبا|او){R}))"
)


def alt(words: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first, spaces matching any blank run."""
    uniq = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", SP) for w in uniq)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled pattern: ``kind`` tells the resolver how to read its groups."""

    kind: str
    regex: re.Pattern[str]
    priority: int  # lower wins when two matches have the same length


@dataclass(slots=True)
class Mention:
    """A raw match in the folded text, before resolution."""

    start: int
    end: int
    kind: str
    priority: int
    groups: dict[str, str | None]


def _month_group(lex: Lexicon) -> str:
    """Month names; a doubled form (أيار/مايو, فبراير (شباط)) only pairs names of one month."""
    by_month: dict[tuple[str, int], list[str]] = {}
    for name, m in lex.months.items():
        by_month.setdefault((m.calendar, m.month), []).append(name)
    branches = []
    for names in by_month.values():
        one = rf"(?:{alt(names)}){R}"
        branches.append(
            rf"{one}(?:(?:{OS}[/|\-–]{OS}|{SP}){one}|{OS}\({OS}{one}{OS}\))?"
        )
    return "(?:" + "|".join(branches) + ")"


def _year_part(lex: Lexicon, rel: str, sfx: str = "") -> str:
    """Optional year after a month: ", 2019", "من العام 2019", "1446 هـ", "من العام الماضي",
    "من العام نفسه" (the year of an earlier timex)."""
    nouns = alt(lex.year_nouns)
    suffixes = alt(lex.year_suffixes)
    same = alt(w for w, kind in lex.anaphora.items() if kind == "same_after")
    return (
        rf"(?:{OS}[,،]?{OS}(?:من{SP})?(?:(?P<ynoun{sfx}>{nouns}){SP})?"
        rf"(?P<year{sfx}>{YNUM4})(?:{OS}(?P<ysfx{sfx}>{suffixes}){R})?"
        rf"|{SP}(?:من{SP})?(?P<yrel{sfx}>(?:العام|السنه){SP}(?:{rel}|{same})"
        rf"|(?:هذا|هذه|ذلك|تلك|نفس|ذات){SP}(?:العام|السنه)){R})?"
    )


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    """Compile every timex pattern (once per process)."""
    lex = lexicon()
    month = _month_group(lex)
    rel = alt(lex.relative)
    relp = rf"(?:{SP}(?P<rel>{rel}){R})?"
    day = rf"(?:{DNUM}(?:st|nd|rd|th|er)?|(?:{alt(lex.day_ordinals)}){R})"
    wd_al = alt(lex.weekdays_al)
    wd_any = rf"(?:(?:يوم{SP})?(?:{wd_al})|يوم{SP}(?:{alt(lex.weekdays_bare)})){R}"
    wd_pre = rf"(?:(?P<wd>{wd_any}){OS}[,،]?{OS})?"
    part = rf"(?:(?P<part>{alt(lex.parts_of_day)}){SP})?"
    mods = rf"(?P<mod>{alt(lex.modifiers)}){SP}(?:من{SP})?"
    seasons = alt(lex.seasons)
    ynoun = alt(lex.year_nouns)
    ysfx = alt(lex.year_suffixes)
    units_counted = alt(w for w, (u, f) in lex.units.items() if f in ("plural", "acc", "sing"))
    duals = alt(w for w, (u, f) in lex.units.items() if f == "dual")
    sings = alt(w for w, (u, f) in lex.units.items() if f == "sing")
    plurals = alt(w for w, (u, f) in lex.units.items() if f == "plural")
    counts = alt(lex.counts)
    num = rf"(?P<num>(?<![\d:/.,])\d{{1,4}}(?![\d:/]|[.,]\d)|(?:{counts}){R})"
    cue = rf"(?:(?P<cue>{alt(lex.duration_cues)}){SP})"
    quant = rf"(?:(?P<quant>{alt(lex.quantifiers)}){SP})?"
    recent = alt(lex.plural_recent)
    ana_units = alt(lex.anaphora_units)
    relb = alt(lex.relative_before)
    day_month = rf"(?P<day>{day})(?:{SP}من)?{SP}(?:(?P<shahr>شهر){SP})?(?P<mon>{month})"

    specs: list[tuple[str, str]] = [
        # 13 آذار 2025 ; الثلاثاء 09 أيار/مايو 2017 ; السادس من فبراير (شباط) ;
        # 10 كانون الثاني الجاري
        ("date", rf"{L}{part}(?:(?P<rdp>اليوم|امس|غدا){SP})?{wd_pre}(?:يوم{SP})?{day_month}"
                 rf"{_year_part(lex, rel)}{relp}"),
        # ثاني أيام شهر رمضان (the second day of Ramadan)
        ("date", rf"{L}(?P<day>{alt(lex.day_ordinals_construct)}){SP}ايام{SP}"
                 rf"(?:(?P<shahr>شهر){SP})?(?P<mon>{month}){_year_part(lex, rel)}{relp}"),
        # GMT 14:26 2026 الجمعة ,23 كانون الثاني / يناير (year first, dateline style)
        ("date", rf"(?<!\d)(?P<year>\d{{4}}){SP}(?P<wd>(?:{wd_al})){OS}[,،]{OS}{day_month}"),
        # بين 5 و7 مارس ; من 3 إلى 5 أبريل 2019 ; يومي 5 و6 مارس
        ("range_days", rf"{L}(?:(?P<pre>بين|ما{SP}بين|من|يومي|منذ){SP})?(?P<day>{day}){RSEP}"
                       rf"(?P<day2>{day})(?:{SP}من)?{SP}(?:شهر{SP})?(?P<mon>{month})"
                       rf"{_year_part(lex, rel)}{relp}"),
        # بين عامي 2014 و2017 ; 2014-2017 ; من 2014 إلى 2019
        ("range_years", rf"{L}(?:(?P<pre>بين|ما{SP}بين|من|منذ){SP})?(?:(?:عامي|العامين|سنتي|"
                        rf"{ynoun}){SP})?(?P<year>{YNUM4})(?:(?P<dash>{OS}[-–/]{OS})|{RSEP})"
                        rf"(?:(?:{ynoun}){SP})?(?P<year2>{YNUM4})"),
        # في 6 الشهر القادم ; منتصف … handled below ; السادس من هذا الشهر
        ("dayrel", rf"{L}{part}{wd_pre}(?:يوم{SP})?(?P<day>{day})(?:{SP}من)?{SP}"
                   rf"(?:(?P<this>هذا){SP}الشهر|الشهر{SP}(?P<rel>{rel})){R}"),
        # 31/01/2019 ; 2019-01-31 ; 2019/1/31
        ("numeric", r"(?<![\d/.\-])(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)"
                    r"(?P<year>\d{4})(?![\d/])"),
        ("numeric", r"(?<![\d/.\-])(?P<year>\d{4})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)"
                    r"(?P<day>\d{1,2})(?![\d/])"),
        # كانون الأول الماضي ; تموز 2018 ; سبتمبر أيلول 2014 ; منتصف مارس ; شهر رمضان المقبل
        ("month", rf"{L}(?:{mods})?(?:(?P<shahr>شهر|لشهر){SP})?(?P<mon>{month})"
                  rf"{_year_part(lex, rel)}{relp}"),
        # عام 2014 ; خريف العام 2014 ; مطلع 2019 ; في 2014 ; 1446 هـ
        ("year", rf"{L}(?:{mods}|(?P<season>{seasons}){SP}(?:من{SP})?)?(?:(?P<ynoun>{ynoun}){SP})?"
                 rf"(?P<year>{YNUM4})(?:{OS}(?P<ysfx>{ysfx}){R})?"),
        # الصيف الماضي ; هذا الشتاء
        ("season_rel", rf"{L}(?:(?P<this>هذا){SP})?ال(?P<season>{seasons})"
                       rf"(?:{SP}(?P<rel>{rel}))?{R}"),
        # صيف العام الماضي ; ربيع هذا العام
        ("season_rel", rf"{L}(?P<season>{seasons}){SP}(?:(?:العام|السنه){SP}(?P<rel>{rel})|"
                       rf"(?P<this>هذا){SP}العام){R}"),
        # اليوم الأربعاء ; صباح أمس (الأربعاء) ; أمس الأول ; بعد غد ; يوم الغد
        ("relday", rf"{L}{part}(?:يوم{SP})?(?P<rd>{alt(lex.relative_days)}){R}"
                   rf"(?:{OS}\({OS}(?P<wdp>{wd_al}){OS}\)|{SP}(?P<wd>{wd_al}){R})?"),
        ("tonight", rf"{L}(?P<rd>{alt(lex.tonight)}){R}"),
        # يوم الخميس المقبل ; الجمعة الماضي ; ليلة السبت ; هذا الأحد
        # ليلة السبت إلى الأحد ; الاثنين حتى الأربعاء
        ("weekday", rf"{L}{part}(?:(?P<this>هذا){SP})?(?P<wd>{wd_any})(?:{SP}(?P<rel>{rel}){R})?"
                    rf"(?:{SP}(?:الي|حتي){SP}(?P<wd2>{wd_any}))?"),
        # الأسبوع المقبل ; نهاية العام الجاري ; مطلع الأسبوع ; هذا العام
        ("relunit", rf"{L}(?:{mods})?(?:(?P<this>هذا|هذه){SP})?(?P<unit>{alt(lex.relative_units)})"
                    rf"{R}(?:{SP}(?P<rel>{rel}){R})?"),
        # 4 سنوات ; أربع سنوات ; منذ أكثر من 90 عاما ; قبل ثلاثة أيام
        ("duration", rf"{LD}{cue}?{quant}(?:ال)?{num}{OS}(?P<unit>{units_counted}){R}"),
        # بعد أسبوعين ; مدة يومين ; يكفي لأسبوعين
        ("duration", rf"{LD}{cue}?{quant}(?P<unit>{duals}){R}"),
        # قبل أسبوع ; منذ عام ; أسبوع واحد ; أكثر من أسبوع
        ("duration", rf"{LD}{cue}{quant}(?P<unit>{sings}){R}{CONTEXT_AFTER_SINGULAR}"),
        ("duration", rf"{LD}{cue}?{quant}(?P<unit>{sings}){SP}(?P<one>واحد|واحده){R}"),
        ("duration", rf"{LD}{cue}?(?P<quant>{alt(lex.quantifiers)}){SP}(?P<unit>{sings}){R}"),
        # الأسابيع الخمسة الأخيرة ; الأسبوعين الماضيين ; الأيام الأخيرة
        ("duration_recent", rf"{LD}{cue}?ال(?P<unit>{plurals}|{duals})(?:{SP}(?:ال)?{num})?"
                            rf"{SP}(?P<recent>{recent}){R}"),
        # خلال الـ24 ساعة الماضية
        ("duration_recent", rf"{LD}{cue}?ال{num}{OS}(?P<unit>{units_counted}){SP}"
                            rf"(?P<recent>{recent}){R}"),
        # كل يوم ; كل عامين ; صباح كل يوم ; كل 4 سنوات
        ("set", rf"{L}{part}كل{SP}(?:{num}{SP})?(?P<unit>{sings}|{duals}|{plurals}){R}"
                rf"(?!{SP}(?:{wd_al}|{alt(lex.weekdays_bare)}){R})"),
        ("set", rf"{L}{part}كل{SP}(?:يوم{SP})?(?P<wd>{wd_al}|{alt(lex.weekdays_bare)}){R}"),
        ("set", rf"{L}(?P<adv>{alt(lex.set_adverbs)}){R}"),
        # ذلك العام ; العام نفسه ; نفس اليوم ; اليوم التالي ; العام السابق
        ("anaphor", rf"{L}(?P<ana>ذلك|تلك){SP}(?P<unit>{ana_units}){R}"),
        ("anaphor", rf"{L}(?P<unit>{ana_units}){SP}(?P<ana>{alt(lex.anaphora)}){R}"),
        ("anaphor", rf"{L}(?P<ana>نفس|ذات){SP}(?P<unit>{ana_units}){R}"),
        # التسعينيات ; الستينات من القرن الماضي ; القرن العشرين
        ("decade", rf"{L}(?P<dec>{alt(lex.decades)}){R}(?:{SP}من{SP}القرن{SP}"
                   rf"(?P<cent>{alt(lex.centuries)}|الماضي|المنصرم|الحالي){R})?"),
        ("century", rf"{L}القرن{SP}(?P<cent>{alt(lex.centuries)}|الماضي|المنصرم|الحالي|الجاري){R}"),
        # English word order: March 11, 2025 ; next Tuesday ; last December ; next week ; 3 days ago
        ("date", rf"{L}(?P<mon>{month}){SP}(?P<day>{DNUM})(?:st|nd|rd|th)?"
                 rf"(?:{OS},?{OS}(?P<year>{YNUM4}))?{R}"),
        ("weekday", rf"{L}(?P<rel>{relb}){SP}(?P<wd>{wd_al}){R}"),
        ("month", rf"{L}(?P<rel>{relb}){SP}(?P<mon>{month})(?:{OS},?{OS}(?P<year>{YNUM4}))?{R}"),
        ("relunit", rf"{L}(?P<rel>{relb}){SP}(?P<unit>{alt(lex.relative_units)}){R}"),
        ("duration", rf"{L}{quant}{num}{OS}(?P<unit>{units_counted}){SP}(?P<cue>ago){R}"),
    ]
    return tuple(Pattern(kind, re.compile(rx), i) for i, (kind, rx) in enumerate(specs))


_WORD_RE = re.compile(r"\w+")


def _prev_word(norm: str, start: int) -> str:
    """The word before ``start`` on the same line, without a و/ف proclitic."""
    line_start = norm.rfind("\n", 0, start) + 1
    words = _WORD_RE.findall(norm, max(line_start, start - 40), start)
    if not words:
        return ""
    w = words[-1]
    if len(w) > 2 and w[0] in "وف" and w[1:] in lexicon().year_preps:
        return w[1:]
    return w


def _next_word(norm: str, end: int) -> str:
    m = _WORD_RE.match(norm, end + 1) if end < len(norm) and norm[end] == " " else None
    return m.group(0) if m else ""


def _accept(m: Mention, norm: str, lex: Lexicon) -> bool:
    """Context checks that a regex alone cannot express."""
    g = m.groups
    if m.kind == "duration_recent" and not g.get("num"):
        # الأسابيع الأخيرة has no count: not reported (الأسبوعين الماضيين is two)
        return lex.units.get(" ".join((g.get("unit") or "").split()), ("", ""))[1] == "dual"
    if m.kind in ("month", "date", "range_days"):
        mon = " ".join((g.get("mon") or "").split())
        info = lex.months.get(mon)
        if m.kind == "month" and info is not None and info.ambiguous:
            # مارس 'practised', رجب/رمضان as names: a month only with something around it.
            return bool(g.get("shahr") or g.get("year") or g.get("yrel") or g.get("rel")
                        or g.get("mod") or _prev_word(norm, m.start) in lex.year_preps)
        return True
    if m.kind == "year":
        if g.get("ynoun") or g.get("mod") or g.get("season") or g.get("ysfx"):
            return True
        y = int(g["year"] or 0)
        # a bare number is a year only after a preposition such as في/منذ/حتى, and in a
        # range where a four-digit count (2000 مقاتل) is not likelier
        return 1900 <= y <= 2099 and _prev_word(norm, m.start) in lex.year_preps
    if m.kind == "range_years":
        return bool(g.get("pre") or g.get("dash")) or "عامي" in norm[m.start:m.end]
    if m.kind == "relday" and (g.get("rd") == "اليوم") and not (g.get("wd") or g.get("wdp")):
        if _prev_word(norm, m.start) in lex.not_today_before:
            return False  # المغرب اليوم, روسيا اليوم: outlet names
        return _next_word(norm, m.end) not in lex.not_today_after
    if m.kind == "duration" and g.get("cue") in ("بعد", "قبل"):
        # عاما بعد عام, يوما بعد يوم: "year after year", not a date
        prev = _prev_word(norm, m.start)
        return not (prev in lex.units and lex.units[prev][0] == lex.units.get(
            " ".join((g.get("unit") or "").split()), ("", ""))[0])
    if m.kind == "relunit":
        return bool(g.get("mod") or g.get("this") or g.get("rel"))
    if m.kind == "season_rel":
        return bool(g.get("this") or g.get("rel"))
    return True


@lru_cache(maxsize=1)
def starters() -> frozenset[str]:
    """Folded words a timex can begin with (a proclitic و/ف aside); digits are tested apart.

    Scanning runs the patterns only where such a word starts, which is what keeps the timex
    pass at a few hundred thousand words a second instead of trying ~30 patterns everywhere.
    """
    lex = lexicon()
    words: set[str] = {
        "يوم", "يومي", "شهر", "لشهر", "بين", "ما", "من", "منذ", "هذا", "هذه", "كل", "ذلك",
        "تلك", "نفس", "ذات", "القرن", "عامي", "العامين", "سنتي",
    }
    multi: list[str] = [
        *lex.parts_of_day, *lex.weekdays, *lex.day_ordinals, *lex.modifiers, *lex.months,
        *lex.seasons, *lex.year_nouns, *lex.relative_days, *lex.tonight, *lex.relative_units,
        *lex.duration_cues, *lex.quantifiers, *lex.counts, *lex.units,
        *lex.set_adverbs, *lex.anaphora_units, *lex.decades, *lex.relative_before,
    ]
    words.update(w.split(" ", 1)[0] for w in multi)
    words.update("ال" + s for s in lex.seasons)
    words.update("ال" + w for w, (_, form) in lex.units.items() if form in ("plural", "dual"))
    return frozenset(words)


_TOKEN_RE = re.compile(r"\w+")


def _candidate_starts(norm: str, starts: frozenset[str]) -> list[int]:
    """Offsets where a timex may begin: starter words, numbers, and the same after و/ف."""
    out: list[int] = []
    for tok in _TOKEN_RE.finditer(norm):
        w = tok.group()
        s = tok.start()
        if w in starts or w[0].isdigit() or (w[:2] == "ال" and w[2:3].isdigit()):
            out.append(s)
        elif len(w) > 1 and w[0] in "وفلب" and (w[1:] in starts or w[1].isdigit()):
            out.append(s + 1)  # the patterns' left edges decide which proclitics they allow
        elif len(w) > 2 and w[0] in "وف" and w[1] in "لب" and (w[2:] in starts
                                                             or w[2].isdigit()):
            out.append(s + 2)
    return out


class _Unknown(Exception):
    pass


def _first_chars(items: list[tuple[object, object]]) -> tuple[set[str], bool]:
    """Characters a parsed regex can start with, and whether it can match empty (sre tree)."""
    from re import _constants as c  # private, hence guarded by the caller

    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))  # type: ignore[arg-type]
            return out, False
        if op is c.IN:
            for o, a in av:  # type: ignore[attr-defined]
                if o is c.LITERAL:
                    out.add(chr(a))
                elif o is c.RANGE and a[1] - a[0] < 256:
                    out.update(chr(x) for x in range(a[0], a[1] + 1))
                elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                    out.update("0123456789")
                else:
                    raise _Unknown
            return out, False
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op is c.SUBPATTERN:
            sub, nullable = _first_chars(list(av[-1]))  # type: ignore[index]
        elif op is c.BRANCH:
            nullable = False
            sub = set()
            for branch in av[1]:  # type: ignore[index]
                s, n = _first_chars(list(branch))
                sub |= s
                nullable |= n
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            lo, _, item = av  # type: ignore[misc]
            sub, n = _first_chars(list(item))
            nullable = n or lo == 0
        else:
            raise _Unknown
        out |= sub
        if not nullable:
            return out, False
    return out, True


def _pattern_first_chars(p: Pattern) -> frozenset[str] | None:
    """The first characters of ``p``, or ``None`` when they cannot be worked out."""
    try:
        from re import _parser

        chars, nullable = _first_chars(list(_parser.parse(p.regex.pattern)))
    except Exception:
        return None
    return None if nullable else frozenset(chars)


@lru_cache(maxsize=1)
def _by_first_char() -> tuple[dict[str, tuple[Pattern, ...]], tuple[Pattern, ...]]:
    """Patterns to try per first character (and those that could start with anything)."""
    firsts = [(p, _pattern_first_chars(p)) for p in patterns()]
    anywhere = tuple(p for p, f in firsts if f is None)
    chars = set().union(*(f for _, f in firsts if f is not None))
    table = {ch: tuple(p for p, f in firsts if f is None or ch in f) for ch in chars}
    return table, anywhere


def prepare() -> None:
    """Load the words and compile every pattern now (they are cached for the process)."""
    starters()
    _by_first_char()


def scan(norm: str) -> list[Mention]:
    """Find timexes in folded text, leftmost first, the longest accepted match at each start."""
    lex = lexicon()
    table, anywhere = _by_first_char()
    found: list[Mention] = []
    end = 0
    for p in _candidate_starts(norm, starters()):
        if p < end:
            continue
        best: Mention | None = None
        for pat in table.get(norm[p], anywhere):
            mt = pat.regex.match(norm, p)
            if mt is None or mt.end() == p:
                continue
            if best is not None and (mt.end() - p, -pat.priority) <= (best.end - p, -best.priority):
                continue
            m = Mention(p, mt.end(), pat.kind, pat.priority, mt.groupdict())
            if _accept(m, norm, lex):
                best = m
        if best is not None:
            found.append(best)
            end = best.end
    return found
