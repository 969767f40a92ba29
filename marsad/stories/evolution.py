"""Evolution of facts across the events of a storyline (a change over time, not a conflict).

Events are taken in date order (:func:`marsad.stories.facts.event_date_of`). Each event's
quantity facts (:func:`marsad.stories.facts.event_facts`) join *chains*: a fact continues the
chain of the same unit whose words it shares most (IDF-weighted cosine of the context stems of
all the chain's mentions), preferring each event's best-sourced count and chains whose last step
was their event's best-sourced count; two counts that are each the only best-sourced fact of
their unit in their event continue each other even in other words. A count that jumps more than
:data:`MAX_STEP_RATIO` is another count. A chain whose value changes is an :class:`Evolution`.

A rank is evidence of the count at that time: "انضم … ليصبح العضو الـ68" says the coalition
had 68 members then, so an ordinal fact chains with the count facts of its unit (ranks 1 and 2,
"القافلة الأولى", say too little and are left out).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.model import Article, Event
from marsad.stories.facts import (
    Fact,
    FactValue,
    Source,
    canonical_unit,
    event_date_of,
    event_facts,
)
from marsad.stories.text import cosine, idf_weights

__all__ = ["MAX_EVOLUTIONS", "MAX_STEP_RATIO", "SAME_CHAIN", "Evolution", "EvolutionStep",
           "chain_evolutions"]

SAME_CHAIN = 0.12
"""Context cosine at or above which slots of two events of a storyline are one evolving fact."""
MAX_STEP_RATIO = 5.0
"""A count that grows or shrinks more than this between two events is another count."""
MAX_EVOLUTIONS = 8
"""Evolutions listed per storyline (the longest and best-sourced first)."""


@dataclass(slots=True)
class EvolutionStep:
    """The value of an evolving fact in one event."""

    event: str
    event_date: str | None
    value: Any
    display: str
    approx: str | None = None
    ordinal: bool = False
    sources: list[Source] = field(default_factory=list)
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"event": self.event, "event_date": self.event_date, "title": self.title,
                "value": self.value, "display": self.display, "approx": self.approx,
                "ordinal": self.ordinal,
                "outlets": list(dict.fromkeys(s.outlet for s in self.sources if s.outlet)),
                "sources": [s.to_dict() for s in self.sources]}


@dataclass(slots=True)
class Evolution:
    """A fact whose value changes between the events of a storyline (not a conflict)."""

    name: str
    unit: str | None
    steps: list[EvolutionStep] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when at least two steps differ."""
        return len({s.value for s in self.steps}) > 1

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"name": self.name, "unit": self.unit, "kind": "quantity",
                "changed": self.changed, "display": " ← ".join(
                    f"{s.display} ({(s.event_date or '?')[:7]})" for s in self.steps),
                "steps": [s.to_dict() for s in self.steps]}


def _unit(fact: Fact) -> str:
    """The unit chains compare: across events عضو counts member states like دولة."""
    return canonical_unit(fact.unit)


def _main_value(fact: Fact) -> FactValue:
    return max(fact.values, key=lambda v: (v.n_independent, len(v.sources)))


def chain_evolutions(events_with_articles: Sequence[tuple[Event, Sequence[Article]]], *,
                     facts_by_event: Mapping[str, Sequence[Fact]] | None = None
                     ) -> list[Evolution]:
    """Quantities whose value changes between the events of a storyline.

    Args:
        events_with_articles: ``(event, its articles)`` pairs, any order (sorted by event date).
        facts_by_event: Precomputed :func:`event_facts` per event id (computed when missing).

    Returns:
        Evolutions in the order of their first event, each with one step per event (event
        date, value, sources). Values that stay the same in every event are not listed.
    """
    dated = []
    for event, articles in events_with_articles:
        facts = list((facts_by_event or {}).get(event.id) or event_facts(articles, event=event))
        when, _ = event_date_of(event, articles, facts)
        dated.append((when or "9999", event, facts))
    dated.sort(key=lambda x: (x[0], x[1].id))
    all_terms = [f.terms for _, _, facts in dated for f in facts if f.kind == "quantity"]
    idf = idf_weights(all_terms)
    chains: list[dict[str, Any]] = []
    for when, event, facts in dated:
        # A rank of 1 or 2 ("القافلة الأولى") says little about a count.
        quantity = [f for f in facts if f.kind == "quantity" and f.values
                    and not (f.ordinal and float(f.values[0].value) < 3)]
        best_by_unit: Counter[str | None] = Counter()
        for f in quantity:
            best_by_unit[_unit(f)] = max(best_by_unit[_unit(f)], _main_value(f).n_independent)
        n_best = Counter(_unit(f) for f in quantity
                         if _main_value(f).n_independent == best_by_unit[_unit(f)])
        claims = []
        for ci, chain in enumerate(chains):
            for fi, f in enumerate(quantity):
                if _unit(f) != chain["unit"] or chain["last"] == event.id:
                    continue
                sim = cosine(chain["terms"], f.terms, idf)
                weight = _main_value(f).n_independent / max(1, best_by_unit[_unit(f)])
                # The best-sourced counts of one unit in two events continue each other even
                # in other words ("17 سفينة تنتظر" … "ارتفع عدد السفن العالقة إلى 34").
                mains = weight == 1.0 and n_best[_unit(f)] == 1 and chain["sole"]
                if (sim < SAME_CHAIN and not mains) or _step_ratio(
                        chain["steps"][-1].value, _main_value(f).value) > MAX_STEP_RATIO:
                    continue
                # Prefer linking each event's best-sourced count to the previous event's.
                score = (sim + 0.5 * weight + 0.5 * chain["weight"]
                         + 0.3 * (f.label_cue == chain["label_cue"]))
                claims.append((score, ci, fi))
        used_chains: set[int] = set()
        used_facts: set[int] = set()
        for _score, ci, fi in sorted(claims, reverse=True):
            if ci in used_chains or fi in used_facts:
                continue
            used_chains.add(ci)
            used_facts.add(fi)
            f = quantity[fi]
            weight = _main_value(f).n_independent / max(1, best_by_unit[_unit(f)])
            _extend(chains[ci], event, when, f, weight, weight == 1.0 and n_best[_unit(f)] == 1)
        for fi, f in enumerate(quantity):
            if fi not in used_facts:
                chain = {"unit": _unit(f), "name": None, "fallback": f.name, "terms": Counter(),
                         "steps": [], "last": None, "label_cue": False, "weight": 0.0,
                         "sole": False, "sources": 0}
                weight = _main_value(f).n_independent / max(1, best_by_unit[_unit(f)])
                _extend(chain, event, when, f, weight, weight == 1.0 and n_best[_unit(f)] == 1)
                chains.append(chain)
    kept = [c for c in chains if len(c["steps"]) >= 2
            and len({s.value for s in c["steps"]}) > 1]
    kept.sort(key=lambda c: (-len(c["steps"]), -c["sources"]))
    kept = sorted(kept[:MAX_EVOLUTIONS], key=lambda c: chains.index(c))
    return [Evolution(c["name"] or c["fallback"], c["unit"], c["steps"]) for c in kept]


def _step_ratio(a: Any, b: Any) -> float:
    x, y = abs(float(a)), abs(float(b))
    return max(x, y) / min(x, y) if min(x, y) > 0 else math.inf


def _extend(chain: dict[str, Any], event: Event, when: str, fact: Fact, weight: float,
            sole: bool) -> None:
    """Add an event's fact to a chain (``weight``: its sources relative to the unit's best;
    ``sole``: it is the only best-sourced fact of its unit in the event)."""
    value = _main_value(fact)
    chain["terms"].update(fact.terms)
    chain["last"] = event.id
    chain["weight"] = weight
    chain["sole"] = sole
    chain["sources"] += value.n_independent
    if not fact.ordinal and (chain["name"] is None or (fact.label_cue and not chain["label_cue"])):
        chain["name"] = fact.name
    chain["label_cue"] = chain["label_cue"] or fact.label_cue
    chain["steps"].append(EvolutionStep(event.id, None if when == "9999" else when, value.value,
                                        value.display, value.approx, fact.ordinal,
                                        list(value.sources), event.title))
