"""The facts table of an event (quantities, dates, places, key entities) and their evolution.

**Quantities** (:func:`event_facts`). Every counted quantity of the event's articles becomes a
*mention* with a canonical unit: the counted noun's lemma, mapped through
``data/fact_units.tsv`` (شهيد and وفاة count the same deaths as قتيل; عضو counts the member
states when the event also counts دولة; a generic "12 شخصاً" becomes a death toll when a cue
such as حتفهم or وفاة is near it). Numbers without a unit are not facts, nor are durations
("أربع سنوات") unless two independent outlets give the same one.

Mentions of one unit are grouped into *values*: equal numbers, and approximations that fit a
number ("أكثر من 75" fits 76; "نحو 265 ألفاً" fits 265,000). Values of one unit are then grouped
into *slots*, the things counted: two values share a slot when the words around them are alike
(IDF-weighted cosine of context stems, best pair of mentions, :data:`SAME_SLOT`), no article
gives both (an article that says "from 14 to 17 states" counts two different things), they are
within :data:`MAX_RATIO` of each other, and at least one of them is corroborated by two outlets
(or their words are nearly the same). A slot with two values whose ranges cannot both be true
("12 قتيلاً" vs "15 قتيلاً" from other outlets; "أكثر من 10" allows 15) is a **conflict**; each
side keeps its sources. A rank ("العضو الـ68") is never compared with a count.

Sources are every article carrying a value; wire reprints and copies (:func:`reprint_links`)
count once when outlets are counted (``n_independent``).

**Dates**: day-precise resolved dates mentioned near the time of the reports (the event's date
first). **Places** and **key entities**: LOC / PER and ORG entities by the number of outlets
naming them.

**Evolution** (:func:`storyline_evolution`, implemented in :mod:`marsad.stories.evolution`):
across the events of a storyline, in date order, the slots of one unit are chained by context
similarity (preferring each event's best-sourced slot); a chain whose value changes is an
evolution, not a conflict. A rank is evidence of the count at that time: "انضم … ليصبح العضو
الـ68" says the coalition had 68 members then, so in the evolution view an ordinal slot chains
with the count slots of the same unit.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.enrich.quantities import key
from marsad.model import Article, Event, Span
from marsad.stories.text import (
    article_sentences,
    context_terms,
    cosine,
    cue_near,
    format_number,
    idf_weights,
    independent_keys,
    reprint_links,
    snippet,
)

__all__ = [
    "Fact",
    "FactValue",
    "Source",
    "canonical_unit",
    "event_date_of",
    "event_facts",
    "storyline_evolution",
    "unit_category",
]

SAME_SLOT = 0.18
"""Context cosine (best pair of mentions) at or above which two values of one unit count the
same thing. On the demo corpus the planted disagreements score 0.26-0.56 and different things
counted in one unit at most 0.11 (below the ratio limit)."""
MAX_RATIO = 2.5
"""Two reports of one count rarely differ by more than this factor: larger gaps count two things."""
SURE_SLOT = 0.5
"""Context cosine at which two values nobody else corroborates are still taken as one slot."""
MAX_ENTITIES = 8
"""Key entities listed per kind (PER, ORG)."""
DATE_WINDOW_DAYS = 45
"""Dates further than this from every report of the event are background, not event dates."""

# ---------------------------------------------------------------------------------------------
# Output types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article states a value.

    Attributes:
        article: Article id.
        outlet: Its outlet.
        text: The words stating the value (``79 دولة``).
        start, end: Their offsets in the article's original text.
        context: A one-line excerpt around them.
        reprint_of: The article it reprints, when it is a reprint or copy.
    """

    article: str
    outlet: str | None
    text: str
    start: int
    end: int
    context: str = ""
    reprint_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"article": self.article, "outlet": self.outlet, "text": self.text,
                "start": self.start, "end": self.end, "context": self.context,
                "reprint_of": self.reprint_of}


@dataclass(slots=True)
class FactValue:
    """One value of a fact and the articles that give it.

    Attributes:
        value: The number (quantities), ISO date (dates) or canonical name (places, entities).
        display: How to show it in Arabic.
        approx: Approximation of a quantity (``None`` when exact).
        sources: Articles stating it, one per article, earliest first.
        high: Upper bound of a range.
        n_independent: Independent outlets (reprints and same-outlet articles count once).
    """

    value: Any
    display: str
    approx: str | None = None
    sources: list[Source] = field(default_factory=list)
    high: float | None = None
    n_independent: int = 0

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets of the sources, in source order."""
        return list(dict.fromkeys(s.outlet for s in self.sources if s.outlet))

    @property
    def articles(self) -> list[str]:
        """Distinct article ids of the sources."""
        return list(dict.fromkeys(s.article for s in self.sources))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"value": self.value, "display": self.display, "approx": self.approx,
                "high": self.high, "outlets": self.outlets,
                "n_independent": self.n_independent,
                "sources": [s.to_dict() for s in self.sources]}


@dataclass(slots=True)
class Fact:
    """A row of the facts table.

    Attributes:
        name: What is counted or named (``الدول الأعضاء``، ``القتلى``، ``تاريخ الحدث``).
        kind: ``quantity``, ``date``, ``place`` or ``entity``.
        values: Its values, best-sourced first.
        conflict: True when outlets give values that cannot all be true.
        conflicts: Each disagreeing pair: ``{value_a, display_a, sources_a, value_b, display_b,
            sources_b}``.
        unit: Canonical unit (quantities).
        ordinal: A rank (``العضو الـ68``), not a count.
        context: An excerpt around the best-sourced value (tells apart facts of one unit).
        key: Stable key of the fact within the event.
    """

    name: str
    kind: str
    values: list[FactValue] = field(default_factory=list)
    conflict: bool = False
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    unit: str | None = None
    ordinal: bool = False
    context: str = ""
    key: str = ""
    terms: Counter[str] = field(default_factory=Counter, repr=False)
    label_cue: bool = False

    @property
    def outlets(self) -> list[str]:
        """Outlets giving any value."""
        return list(dict.fromkeys(o for v in self.values for o in v.outlets))

    @property
    def articles(self) -> list[str]:
        """Articles giving any value."""
        return list(dict.fromkeys(a for v in self.values for a in v.articles))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"key": self.key, "name": self.name, "kind": self.kind, "unit": self.unit,
                "ordinal": self.ordinal, "context": self.context,
                "values": [v.to_dict() for v in self.values], "outlets": self.outlets,
                "conflict": self.conflict, "conflicts": self.conflicts}


# ---------------------------------------------------------------------------------------------
# Data tables
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Units:
    synonyms: dict[str, tuple[str, bool, str]]  # unit -> (target, only-with-target, label)
    generic: frozenset[str]
    roles: dict[str, str]  # cue -> target unit
    labels: dict[str, str]  # unit -> label
    cue_labels: dict[str, tuple[dict[str, str], str]]  # unit -> (cue -> label, label)
    skip: frozenset[str]
    plurals: dict[str, str]  # unit -> first Arabic plural form
    categories: dict[str, str]  # unit -> category
    written: dict[str, str]  # unit key -> the lemma as written (دوله -> دولة)


def unit_category(unit: str | None) -> str | None:
    """The ``units_nouns.tsv`` category of a unit (``time``, ``person``, ``currency`` ...)."""
    return _units().categories.get(key(unit or "").strip())


def canonical_unit(unit: str | None) -> str:
    """The unit a fact is compared on across events, as written (شهيد -> قتيل، عضو -> دولة).

    Synonyms that depend on the event (عضو -> دولة only when the event also counts states) are
    applied too: across a storyline, a member rank or count is a count of the member states.
    """
    k = key(unit or "").strip()
    table = _units()
    if k in table.synonyms:
        k = key(table.synonyms[k][0])
    return table.written.get(k, unit or "")


def _rows(name: str) -> list[list[str]]:
    text = resources.files("marsad.data").joinpath(name).read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return rows[1:]  # header


@lru_cache(maxsize=1)
def _units() -> _Units:
    """Load ``fact_units.tsv`` and the categories and plurals of ``units_nouns.tsv`` once."""
    synonyms: dict[str, tuple[str, bool, str]] = {}
    generic: set[str] = set()
    roles: dict[str, str] = {}
    labels: dict[str, str] = {}
    cue_labels: dict[str, tuple[dict[str, str], str]] = {}
    skip: set[str] = set()
    written: dict[str, str] = {}
    for row in _rows("fact_units.tsv"):
        kind, unit, target, cues, label = (row + [""] * 5)[:5]
        unit, target, cues, label = unit.strip(), target.strip(), cues.strip(), label.strip()
        for word in (unit, target):
            if word and word != "*":
                written.setdefault(key(word), word)
        if kind == "synonym":
            synonyms[key(unit)] = (target, cues == "with", label)
        elif kind == "generic":
            generic.add(key(unit))
        elif kind == "role":
            for cue in cues.split(","):
                if cue.strip():
                    roles[key(cue.strip()).lower()] = target
        elif kind == "label" and cues:
            cue_labels[key(unit)] = ({key(c.strip()): label for c in cues.split(",")
                                      if c.strip()}, label)
        elif kind == "label":
            labels[key(unit)] = label
        elif kind == "skip":
            skip.add(key(unit))
    plurals: dict[str, str] = {}
    categories: dict[str, str] = {}
    for row in _rows("units_nouns.tsv"):
        if len(row) < 2:
            continue
        lemma = key(row[0].strip())
        written.setdefault(lemma, row[0].strip())
        categories[lemma] = row[1].strip()
        forms = [f.strip() for f in (row[2] if len(row) > 2 else "").split(",")]
        arabic = [f for f in forms if f and "\u0600" <= f[0] <= "\u06ff"]
        if arabic:
            plurals[lemma] = arabic[0]
    return _Units(synonyms, frozenset(generic), roles, labels, cue_labels, frozenset(skip),
                  plurals, categories, written)


# ---------------------------------------------------------------------------------------------
# Quantity mentions, values and slots
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    article: Article
    span: Span
    unit: str  # canonical unit key
    unit_word: str  # the unit as reported by the quantity (for display)
    value: float
    high: float | None
    approx: str | None
    ordinal: bool
    percent: bool
    terms: list[str]
    label: str | None  # label from a synonym or a cue near the number
    source_key: str


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _canonical_unit(article: Article, span: Span, event_units: set[str]) -> tuple[str, str | None]:
    """(canonical unit key, label from a synonym) of a quantity span."""
    units = _units()
    attrs = span.attrs or {}
    unit = key(str(attrs.get("unit") or "")).strip()
    label = None
    if unit in units.synonyms:
        target, only_with, syn_label = units.synonyms[unit]
        if not only_with or key(target) in event_units:
            unit, label = key(target), syn_label or None
    if unit in units.generic:
        found = cue_near(article.text, span.start, span.end, units.roles)
        if found is not None:
            unit = key(found[0])
    return unit, label


def _raw_unit(span: Span) -> str:
    return key(str((span.attrs or {}).get("unit") or "")).strip()


def _is_fact_quantity(span: Span) -> bool:
    attrs = span.attrs or {}
    if attrs.get("vague") or _number(attrs.get("value")) is None:
        return False
    unit = _raw_unit(span)
    if not unit and not attrs.get("percent"):
        return False
    return unit not in _units().skip


def _mentions(articles: Sequence[Article], keys: Mapping[str, str]) -> list[_Mention]:
    """Every counted quantity of the articles as a mention with a canonical unit."""
    units = _units()
    event_units = {_raw_unit(q) for a in articles for q in a.quantities}
    event_units |= {units.synonyms[u][0] for u in event_units
                    if u in units.synonyms and not units.synonyms[u][1]}
    event_units = {key(u) for u in event_units}
    out: list[_Mention] = []
    for article in articles:
        sentences = article_sentences(article)
        for span in article.quantities:
            if not _is_fact_quantity(span):
                continue
            attrs = span.attrs or {}
            unit, label = _canonical_unit(article, span, event_units)
            if attrs.get("percent"):
                unit = "%"
            unit_word = str(attrs.get("unit_text") or attrs.get("unit") or "")
            terms = context_terms(article, span, sentences=sentences)
            raw = _raw_unit(span)
            if raw and raw != unit:
                terms.append(raw)  # عضو in "79 عضواً" names the member count
            cue = units.cue_labels.get(unit)
            if label is None and cue is not None:
                near = cue_near(article.text, span.start, span.end, cue[0], before=5, after=5,
                                clause=False)
                if near is not None or raw in cue[0]:
                    label = cue[1]
            out.append(_Mention(article, span, unit, unit_word, float(attrs["value"]),
                                _number(attrs.get("high")), attrs.get("approx"),
                                bool(attrs.get("ordinal")), bool(attrs.get("percent")), terms,
                                label, keys.get(article.id, article.id)))
    return out


def _tight(m: _Mention) -> tuple[float, float]:
    """The range of numbers a mention reports, as a reader takes it (for grouping values)."""
    v = m.value
    if m.approx == "range" and m.high is not None:
        return v, m.high
    if m.approx == "about":
        return v * 0.9 - 1, v * 1.1 + 1
    if m.approx in ("more_than", "at_least"):
        return v, v * 1.3 + 1
    if m.approx in ("less_than", "at_most"):
        return v * 0.7 - 1, v
    return v, v


def _logical(m: _Mention) -> tuple[float, float]:
    """The range of numbers a mention allows (for conflicts: "أكثر من 10" allows 15)."""
    v = m.value
    if m.approx == "range" and m.high is not None:
        return v, m.high
    if m.approx == "about":
        return v * 0.85 - 1, v * 1.15 + 1
    if m.approx in ("more_than", "at_least"):
        return v, math.inf
    if m.approx in ("less_than", "at_most"):
        return -math.inf, v
    return v, v


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    tol = 1e-9 * max(1.0, abs(a[0]), abs(b[0]))
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


@dataclass(slots=True)
class _Value:
    mentions: list[_Mention]

    @property
    def exact(self) -> bool:
        return any(m.approx is None for m in self.mentions)

    def representative(self) -> _Mention:
        """The mention shown: an exact one when there is one, else the most common form."""
        exact = [m for m in self.mentions if m.approx is None]
        if exact:
            return exact[0]
        forms = Counter((m.approx, m.value, m.high) for m in self.mentions)
        best = forms.most_common(1)[0][0]
        return next(m for m in self.mentions if (m.approx, m.value, m.high) == best)

    def articles(self) -> set[str]:
        return {m.article.id for m in self.mentions}

    def logical(self) -> tuple[float, float]:
        lo, hi = -math.inf, math.inf
        for m in self.mentions:
            a, b = _logical(m)
            lo, hi = max(lo, a), min(hi, b)
        return (lo, hi) if lo <= hi else _logical(self.representative())


def _group_values(mentions: list[_Mention]) -> list[_Value]:
    """Group mentions of one unit into values: equal numbers, and approximations that fit."""
    exact: dict[float, _Value] = {}
    for m in mentions:
        if m.approx is None:
            exact.setdefault(m.value, _Value([])).mentions.append(m)
    values = list(exact.values())
    approximate: list[_Value] = []
    for m in mentions:
        if m.approx is not None:
            lo, hi = _tight(m)
            fits = [v for v in values if lo <= v.mentions[0].value <= hi]
            if fits:
                min(fits, key=lambda v: abs(v.mentions[0].value - m.value)).mentions.append(m)
                continue
            for v in approximate:
                if _overlap(_tight(v.mentions[0]), (lo, hi)):
                    v.mentions.append(m)
                    break
            else:
                approximate.append(_Value([m]))
    return values + approximate


def _terms_of(value: _Value) -> Counter[str]:
    return Counter(t for m in value.mentions for t in set(m.terms))


def _group_slots(values: list[_Value], idf: Mapping[str, float]) -> list[list[_Value]]:
    """Group the values of one unit into slots (constrained agglomerative, best pairs first)."""
    arts = [v.articles() for v in values]
    bags = [[Counter(m.terms) for m in v.mentions[:50]] for v in values]
    pairs = sorted(((max(cosine(x, y, idf) for x in bags[i] for y in bags[j]), i, j)
                    for i in range(len(values)) for j in range(i + 1, len(values))
                    if not arts[i] & arts[j]), reverse=True)
    owner = list(range(len(values)))
    members = {i: {i} for i in range(len(values))}
    size = [_independent(v.mentions) for v in values]
    for sim, i, j in pairs:
        if sim < SAME_SLOT:
            break
        a, b = owner[i], owner[j]
        if a == b:
            continue
        if any(arts[x] & arts[y] for x in members[a] for y in members[b]):
            continue  # one article gives both: they count different things
        if _ratio(values[i], values[j]) > MAX_RATIO:
            continue
        if sim < SURE_SLOT and max(sum(size[x] for x in members[a]),
                                   sum(size[y] for y in members[b])) < 2:
            continue  # two lone numbers in vaguely similar words: not enough to call a conflict
        for x in members[b]:
            owner[x] = a
        members[a] |= members.pop(b)
    return [[values[i] for i in sorted(group)] for group in members.values()]


def _ratio(a: _Value, b: _Value) -> float:
    x, y = abs(a.mentions[0].value), abs(b.mentions[0].value)
    return max(x, y) / min(x, y) if min(x, y) > 0 else math.inf


def _independent(mentions: Iterable[_Mention]) -> int:
    return len({m.source_key for m in mentions})


def _sources(mentions: Iterable[_Mention], reprints: Mapping[str, Mapping[str, Any]]
             ) -> list[Source]:
    """One source per article (its first mention), earliest publication first."""
    seen: dict[str, _Mention] = {}
    for m in mentions:
        if m.article.id not in seen or m.span.start < seen[m.article.id].span.start:
            seen[m.article.id] = m
    ordered = sorted(seen.values(), key=lambda m: (m.article.published or "9999", m.article.id))
    return [Source(m.article.id, m.article.outlet, m.span.text, m.span.start, m.span.end,
                   snippet(m.article.text, m.span.start, m.span.end),
                   (reprints.get(m.article.id) or {}).get("original")) for m in ordered]


def _fact_name(unit: str, mentions: Sequence[_Mention], ordinal: bool) -> str:
    units = _units()
    labels = Counter(m.label for m in mentions if m.label)
    if labels:
        name = labels.most_common(1)[0][0]
    elif unit in units.labels:
        name = units.labels[unit]
    else:
        word = units.plurals.get(unit) or mentions[0].unit_word or unit
        name = word if word.startswith("ال") or not word[:1].isalpha() else "ال" + word
    if ordinal:
        return f"الترتيب ({mentions[0].unit_word})"
    return name


def _value_of(value: _Value, reprints: Mapping[str, Mapping[str, Any]]) -> FactValue:
    rep = value.representative()
    number: float | int = int(rep.value) if float(rep.value).is_integer() else rep.value
    unit_word = "" if rep.percent else rep.unit_word
    display = format_number(rep.value, approx=rep.approx, high=rep.high, unit=unit_word,
                            ordinal=rep.ordinal, percent=rep.percent)
    return FactValue(number, display, rep.approx, _sources(value.mentions, reprints), rep.high,
                     _independent(value.mentions))


def _slot_fact(unit: str, slot: list[_Value], reprints: Mapping[str, Mapping[str, Any]],
               index: int) -> Fact:
    slot = sorted(slot, key=lambda v: (-_independent(v.mentions), -len(v.articles()),
                                       v.mentions[0].value))
    mentions = [m for v in slot for m in v.mentions]
    ordinal = mentions[0].ordinal
    values = [_value_of(v, reprints) for v in slot]
    conflicts = []
    for i in range(len(slot)):
        for j in range(i + 1, len(slot)):
            if not _overlap(slot[i].logical(), slot[j].logical()):
                conflicts.append({
                    "value_a": values[i].value, "display_a": values[i].display,
                    "sources_a": [s.to_dict() for s in values[i].sources],
                    "value_b": values[j].value, "display_b": values[j].display,
                    "sources_b": [s.to_dict() for s in values[j].sources]})
    best = slot[0].representative()
    written = _units().written.get(unit, unit)
    fact = Fact(_fact_name(unit, mentions, ordinal), "quantity", values, bool(conflicts),
                conflicts, written, ordinal, snippet(best.article.text, best.span.start,
                                                  best.span.end, 45),
                f"quantity:{'ordinal:' if ordinal else ''}{unit}:{index}")
    fact.terms = Counter(t for m in mentions for t in set(m.terms))
    fact.label_cue = any(m.label for m in mentions)
    return fact


def _quantity_facts(articles: Sequence[Article], reprints: Mapping[str, Mapping[str, Any]],
                    keys: Mapping[str, str]) -> list[Fact]:
    mentions = _mentions(articles, keys)
    idf = idf_weights(m.terms for m in mentions)
    by_unit: dict[tuple[str, bool], list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_unit[(m.unit, m.ordinal)].append(m)
    facts: list[Fact] = []
    categories = _units().categories
    for (unit, _ordinal), group in by_unit.items():
        for i, slot in enumerate(_group_slots(_group_values(group), idf)):
            fact = _slot_fact(unit, slot, reprints, i)
            if categories.get(unit) == "time" and max(v.n_independent for v in fact.values) < 2:
                continue  # "أربع سنوات" in passing; a duration two outlets give is news
            facts.append(fact)
    facts.sort(key=lambda f: (-len({s for v in f.values for s in v.outlets}),
                              -sum(v.n_independent for v in f.values), f.key))
    return facts


# ---------------------------------------------------------------------------------------------
# Dates, places, entities
# ---------------------------------------------------------------------------------------------


def _iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value and len(str(value)) >= 10 else None
    except ValueError:
        return None


def _date_facts(articles: Sequence[Article], reprints: Mapping[str, Mapping[str, Any]],
                keys: Mapping[str, str], event: Event | None) -> list[Fact]:
    """The event's date: day-precise resolved dates near the reports, most-cited first."""
    published = [d for d in (_iso_day(a.published) for a in articles) if d]
    lo = min(published) - timedelta(days=DATE_WINDOW_DAYS) if published else None
    hi = max(published) + timedelta(days=DATE_WINDOW_DAYS) if published else None
    by_value: dict[str, list[_Mention]] = defaultdict(list)
    for article in articles:
        for span in article.timexes:
            attrs = span.attrs or {}
            day = _iso_day(attrs.get("value"))
            if span.label != "DATE" or attrs.get("granularity") != "day" or day is None \
                    or attrs.get("resolved") is False:
                continue
            if lo is not None and not lo <= day <= hi:
                continue
            by_value[day.isoformat()].append(_Mention(
                article, span, "date", "", 0.0, None, None, False, False, [], None,
                keys.get(article.id, article.id)))
    if not by_value:
        return []
    ranked = sorted(by_value.items(), key=lambda kv: (
        -(kv[0] == (event.event_date if event else None)), -_independent(kv[1]),
        -len({m.article.id for m in kv[1]}), kv[0]))
    top = ranked[0]
    keep = [top] + [kv for kv in ranked[1:] if _independent(kv[1]) >= 2]
    values = [FactValue(v, v, None, _sources(ms, reprints), None, _independent(ms))
              for v, ms in keep[:4]]
    conflicts = []
    if len(keep) > 1 and _independent(top[1]) >= 2:
        # Two dates each given by two outlets, and no article gives both: they disagree.
        top_arts = {m.article.id for m in top[1]}
        for v, ms in keep[1:4]:
            if _independent(ms) >= 2 and not top_arts & {m.article.id for m in ms} \
                    and all("tense" not in (m.span.attrs or {}) for m in ms):
                conflicts.append({"value_a": top[0], "display_a": top[0],
                                  "sources_a": [s.to_dict() for s in values[0].sources],
                                  "value_b": v, "display_b": v,
                                  "sources_b": [s.to_dict() for s in _sources(ms, reprints)]})
    return [Fact("تاريخ الحدث", "date", values, bool(conflicts), conflicts, key="date:0")]


def _entity_key(span: Span) -> tuple[str, str]:
    attrs = span.attrs or {}
    canonical = str(attrs.get("canonical") or span.text).strip()
    ident = str(attrs.get("entity") or key(canonical))
    return ident, canonical


def _entity_facts(articles: Sequence[Article], reprints: Mapping[str, Mapping[str, Any]],
                  keys: Mapping[str, str], event: Event | None) -> list[Fact]:
    """Places (LOC) and key entities (PER, ORG) by the number of outlets naming them."""
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for article in articles:
        for span in article.entities:
            if span.label not in ("LOC", "PER", "ORG"):
                continue
            ident, canonical = _entity_key(span)
            if article.outlet and key(canonical) == key(article.outlet):
                continue  # an outlet naming itself ("قالت «المدار»") is not news
            groups[(span.label, ident)].append(_Mention(
                article, span, span.label, "", 0.0, None, None, False, False, [], None,
                keys.get(article.id, article.id)))
            names[(span.label, ident)][canonical] += 1
    n_outlets = len(set(keys.values()))
    facts: list[Fact] = []
    for label, name, kind in (("LOC", "المكان", "place"), ("PER", "الأشخاص", "entity"),
                              ("ORG", "الجهات", "entity")):
        ranked = sorted(((k, ms) for k, ms in groups.items() if k[0] == label),
                        key=lambda kv: (-_independent(kv[1]), -len(kv[1]), kv[0][1]))
        if n_outlets >= 3:
            ranked = [kv for kv in ranked if _independent(kv[1]) >= 2] or ranked[:1]
        if label == "LOC" and event is not None and event.place:
            ranked.sort(key=lambda kv: key(names[kv[0]].most_common(1)[0][0]) != key(event.place))
        values = [FactValue(names[k].most_common(1)[0][0], names[k].most_common(1)[0][0], None,
                            _sources(ms, reprints), None, _independent(ms))
                  for k, ms in ranked[: (3 if label == "LOC" else MAX_ENTITIES)]]
        if values:
            facts.append(Fact(name, kind, values, key=f"{kind}:{label}"))
    return facts


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


def event_facts(articles: Sequence[Article], *, event: Event | None = None,
                links: Iterable[Mapping[str, Any]] | None = None) -> list[Fact]:
    """The facts table of an event: quantities (with conflicts), date, places, key entities.

    Args:
        articles: The event's enriched articles (quantities, timexes, entities filled).
        event: The event, when known (its ``event_date`` and ``place`` come first).
        links: Duplicate/reprint links from the store; computed from the articles when omitted.

    Returns:
        Quantity facts (most outlets first), then the date, place and entity facts.
    """
    if not articles:
        return []
    reprints = reprint_links(articles, links)
    keys = independent_keys(articles, reprints)
    return [*_quantity_facts(articles, reprints, keys),
            *_date_facts(articles, reprints, keys, event),
            *_entity_facts(articles, reprints, keys, event)]


def event_date_of(event: Event | None, articles: Sequence[Article],
                  facts: Sequence[Fact] | None = None) -> tuple[str | None, str]:
    """When an event happened: ``(ISO date or None, how)``.

    ``how`` is ``event`` (the clusterer's ``event_date``), ``facts`` (the most-cited date of the
    reports), ``first_seen`` or ``published`` (the first report), or ``unknown``.
    """
    if event is not None and event.event_date:
        return event.event_date, "event"
    if facts is None:
        reprints = reprint_links(articles)
        facts = _date_facts(articles, reprints, independent_keys(articles, reprints), event)
    for fact in facts:
        if fact.kind == "date" and fact.values:
            return str(fact.values[0].value), "facts"
    if event is not None and event.first_seen:
        return event.first_seen, "first_seen"
    dates = sorted(a.published for a in articles if a.published)
    return (dates[0], "published") if dates else (None, "unknown")


def storyline_evolution(events_with_articles: Sequence[tuple[Event, Sequence[Article]]], *,
                        facts_by_event: Mapping[str, Sequence[Fact]] | None = None
                        ) -> list[Any]:
    """Quantities whose value changes between the events of a storyline.

    The chaining lives in :mod:`marsad.stories.evolution` (see
    :func:`marsad.stories.evolution.chain_evolutions`); this is its entry point next to the
    facts it chains.

    Args:
        events_with_articles: ``(event, its articles)`` pairs, any order.
        facts_by_event: Precomputed :func:`event_facts` per event id (computed when missing).

    Returns:
        :class:`marsad.stories.evolution.Evolution` objects.
    """
    from marsad.stories.evolution import chain_evolutions

    return chain_evolutions(events_with_articles, facts_by_event=facts_by_event)
