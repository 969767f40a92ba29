"""Outlet comparison of an event: coverage, unique facts, omissions, framing; and merged quotes.

:func:`outlet_comparison` gives one :class:`OutletView` per outlet, side by side:

* **coverage**: the outlet's articles, its first report (and whether it reported first), the
  words it gave the event, which of its articles are reprints or copies;
* **unique**: what it carries that no other outlet does: values of the facts table, quotes,
  entities, dates and statements (sentences no other outlet's article contains, kept when they
  name something: a number, an entity, a date or a quote, and are not a caption or the title).
  Values in dispute are left out (they are in the facts table's conflicts);
* **omissions**: what most outlets carry and this one does not: facts, summary sentences,
  entities and quotes carried by at least half of the outlets (and two);
* **framing**: :func:`marsad.stories.framing.framing_view` of its articles.

:func:`event_quotes` merges the same quote across outlets (normalized word overlap, compatible
speakers), so a reader sees who said what and which outlets carry it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from scipy import sparse

from marsad.model import Article, Quote
from marsad.stories.facts import Fact, event_facts, unit_category
from marsad.stories.framing import framing_view, quoted_names
from marsad.stories.summarize import EventSummary, normalized_words, stem_words, stop_words
from marsad.stories.text import (
    article_sentences,
    containment,
    independent_keys,
    quote_key,
    reprint_links,
    snippet,
)

__all__ = [
    "MergedQuote",
    "OutletView",
    "event_quotes",
    "framing_by_outlet",
    "outlet_comparison",
    "unique_statements",
]

SAME_QUOTE = 0.6
"""Word containment at which two quotes with compatible speakers are the same quote."""
SAME_QUOTE_ANY_SPEAKER = 0.85
"""Word containment at which two quotes are the same whoever the speakers are said to be."""
CARRIED = 0.5
"""Share of a sentence's IDF-weighted content another outlet's sentence must contain to carry it."""
MAX_STATEMENTS = 4
"""Unique statements listed per outlet."""
MAX_UNIQUE_ENTITIES = 5
"""Unique entities listed per outlet."""
MAX_UNIQUE_QUOTES = 3
"""Unique quotes listed per outlet."""


# ---------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class MergedQuote:
    """One quote as carried by one or more articles.

    Attributes:
        speaker: Who said it (the most complete name the carriers give).
        speaker_entity: Canonical entity id of the speaker, when linked.
        text: The quote as the earliest carrier gives it.
        kind: ``direct`` when any carrier quotes it directly, else ``indirect``.
        verb: The most common reporting verb.
        stance: The most common stance of the carriers' verbs (each carrier keeps its own).
        carriers: ``[{article, outlet, text, kind, verb, stance, start, end}]`` per article.
    """

    speaker: str | None
    speaker_entity: str | None
    text: str
    kind: str
    verb: str | None
    stance: str
    carriers: list[dict[str, Any]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets carrying the quote."""
        return list(dict.fromkeys(c["outlet"] for c in self.carriers if c["outlet"]))

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"speaker": self.speaker, "speaker_entity": self.speaker_entity,
                "text": self.text, "kind": self.kind, "verb": self.verb, "stance": self.stance,
                "outlets": self.outlets, "articles": list(dict.fromkeys(
                    c["article"] for c in self.carriers)), "carriers": self.carriers}


@dataclass(slots=True)
class _QuoteGroup:
    members: list[tuple[Article, Quote, frozenset[str]]]
    articles: set[str]
    speakers: list[tuple[str | None, frozenset[str]]]  # (entity, speaker words) of named members


def _compatible(entity: str | None, words: frozenset[str], group: _QuoteGroup) -> bool:
    """Can a quote by this speaker be the group's quote (no named member contradicts it)?"""
    if not words and not entity:
        return True  # an unnamed carrier cannot contradict a named one
    for other_entity, other_words in group.speakers:
        if entity and other_entity:
            if entity != other_entity:
                return False
        elif words and other_words and not words & other_words:
            return False
    return True


def event_quotes(articles: Sequence[Article]) -> list[MergedQuote]:
    """Quotes of an event, the same quote across outlets merged.

    Two quotes are the same when most words of the shorter one are in the other
    (:data:`SAME_QUOTE`) and their speakers are compatible, or when nearly all are
    (:data:`SAME_QUOTE_ANY_SPEAKER`) whoever the speaker is said to be. Candidates are found
    through shared words, so large events stay fast.

    Args:
        articles: The event's articles (``quotes`` filled by the quotes stage).

    Returns:
        Merged quotes, the most widely carried first (then by first publication).
    """
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    groups: list[_QuoteGroup] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for article in ordered:
        for quote in article.quotes:
            words = frozenset(quote_key(quote.text))
            if len(words) < 2:
                continue
            speaker = frozenset(normalized_words(quote.speaker or ""))
            hits: Counter[int] = Counter(g for w in words for g in postings.get(w, ()))
            best, best_score = None, 0.0
            for g, shared in hits.items():
                group = groups[g]
                if article.id in group.articles:
                    continue  # one article does not repeat a quote to itself
                if shared < SAME_QUOTE * min(len(words), 2):
                    continue
                score = max(containment(words, w) for _, _, w in group.members)
                if ((score >= SAME_QUOTE and _compatible(quote.speaker_entity, speaker, group))
                        or score >= SAME_QUOTE_ANY_SPEAKER) and score > best_score:
                    best, best_score = g, score
            if best is None:
                best = len(groups)
                groups.append(_QuoteGroup([], set(), []))
            group = groups[best]
            group.members.append((article, quote, words))
            group.articles.add(article.id)
            if speaker or quote.speaker_entity:
                group.speakers.append((quote.speaker_entity, speaker))
            for w in words:
                if not postings[w] or postings[w][-1] != best:
                    postings[w].append(best)
    merged = [_merge([(a, q, list(w)) for a, q, w in g.members]) for g in groups]
    first = {id(m): i for i, m in enumerate(merged)}
    return sorted(merged, key=lambda m: (-len(m.outlets), first[id(m)]))


def _merge(group: list[tuple[Article, Quote, list[str]]]) -> MergedQuote:
    quotes = [q for _, q, _ in group]
    named = [q.speaker for q in quotes if q.speaker]
    speaker = max(named, key=lambda s: (len(s.split()), -named.index(s))) if named else None
    entity = next((q.speaker_entity for q in quotes if q.speaker_entity), None)
    verbs = Counter(q.verb for q in quotes if q.verb)
    stances = Counter(q.stance or "neutral" for q in quotes)
    # The quote's stance is how most carriers report it; each carrier keeps its own verb and
    # stance (one outlet's ادعت next to the others' قالت is framing, shown per carrier).
    stance = max(stances, key=lambda k: (stances[k], k == "neutral")) if stances else "neutral"
    kind = "direct" if any(q.kind == "direct" for q in quotes) else "indirect"
    carriers = [{"article": a.id, "outlet": a.outlet, "text": q.text, "kind": q.kind,
                 "verb": q.verb, "stance": q.stance, "speaker": q.speaker, "start": q.start,
                 "end": q.end} for a, q, _ in group]
    return MergedQuote(speaker, entity, quotes[0].text, kind,
                       verbs.most_common(1)[0][0] if verbs else None, stance, carriers)


# ---------------------------------------------------------------------------------------------
# Sentences carried by other outlets
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Sentence:
    article: Article
    start: int
    end: int
    terms: list[str]
    n_words: int


def _sentences(articles: Sequence[Article]) -> list[_Sentence]:
    stop = stop_words()
    out = []
    for article in articles:
        names = {w for e in article.entities for w in normalized_words(e.text)}
        for s, e in article_sentences(article):
            words = normalized_words(article.text[s:e])
            content = [w for w in words if w not in stop and len(w) > 1 and not w.isdigit()]
            numbers = [w for w in words if w.isdigit()]
            terms = [*stem_words(content, language=article.language, keep=names), *numbers]
            out.append(_Sentence(article, s, e, terms, len(words)))
    return out


def unique_statements(articles: Sequence[Article], outlet_of: Mapping[str, str], *,
                      sentences: Sequence[_Sentence] | None = None
                      ) -> dict[str, list[_Sentence]]:
    """Per outlet key, its sentences that no other outlet's sentence carries.

    A sentence is carried by another outlet when one of that outlet's sentences contains at
    least :data:`CARRIED` of its IDF-weighted content (and three of its features).

    Args:
        articles: The event's articles.
        outlet_of: Article id -> the key its sentences count for.
        sentences: The articles' sentences when already computed.
    """
    sents = [s for s in (sentences if sentences is not None else _sentences(articles))
             if s.terms]
    if not sents:
        return {}
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for r, s in enumerate(sents):
        for t in set(s.terms):
            rows.append(r)
            cols.append(vocab.setdefault(t, len(vocab)))
    present = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sents), len(vocab)))
    df = np.asarray(present.sum(axis=0)).ravel()
    idf = np.log((1 + len(sents)) / (1 + df)) + 1.0
    weighted = sparse.csr_matrix(present.multiply(idf[np.newaxis, :]))
    totals = np.asarray(weighted.sum(axis=1)).ravel()
    owners = np.array([outlet_of[s.article.id] for s in sents])
    out: dict[str, list[_Sentence]] = defaultdict(list)
    for top in range(0, len(sents), 256):
        block = weighted[top:top + 256]
        shared = (block @ present.T).toarray() / np.where(totals[top:top + 256] > 0,
                                                          totals[top:top + 256], 1)[:, None]
        count = (present[top:top + 256] @ present.T).toarray()
        for k in range(block.shape[0]):
            r = top + k
            others = owners != owners[r]
            carried = (shared[k] >= CARRIED) & (count[k] >= 3) & others
            if not carried.any():
                out[owners[r]].append(sents[r])
    return out


# ---------------------------------------------------------------------------------------------
# Outlet views
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class OutletView:
    """One outlet's coverage, additions, omissions and framing of an event.

    Attributes:
        outlet: Outlet name.
        articles: Its article ids in the event, earliest first.
        first_report: Its earliest publication date.
        first: True when no outlet reported earlier.
        words: Words it gave the event (all its articles).
        reprints: ``[{article, original, kind}]`` for its articles that repeat another one.
        summary_citations: Summary sentences citing it.
        unique: What it alone carries: ``[{kind, name, text, display, article, start, end,
            context}]``.
        omissions: What most outlets carry and it leaves out: ``[{kind, name, display,
            outlets}]``.
        framing: :func:`marsad.stories.framing.framing_view` of its articles.
    """

    outlet: str
    articles: list[str] = field(default_factory=list)
    first_report: str | None = None
    first: bool = False
    words: int = 0
    reprints: list[dict[str, Any]] = field(default_factory=list)
    summary_citations: int = 0
    unique: list[dict[str, Any]] = field(default_factory=list)
    omissions: list[dict[str, Any]] = field(default_factory=list)
    framing: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *, with_framing: bool = True) -> dict[str, Any]:
        """Return a JSON-ready dict (without ``framing`` when ``with_framing`` is False)."""
        d = {"outlet": self.outlet, "articles": self.articles, "first_report": self.first_report,
             "first": self.first, "words": self.words, "reprints": self.reprints,
             "summary_citations": self.summary_citations, "unique": self.unique,
             "omissions": self.omissions}
        if with_framing:
            d["framing"] = self.framing
        return d


def _outlet(article: Article) -> str:
    return article.outlet or f"article:{article.id}"


def _summary_sentences(summary: EventSummary | Mapping[str, Any] | None) -> list[dict[str, Any]]:
    if summary is None:
        return []
    if isinstance(summary, EventSummary):
        return [s.to_dict() for s in summary.sentences]
    return list(summary.get("sentences") or [])


def _item(kind: str, name: str, display: str, article: Article, start: int, end: int
          ) -> dict[str, Any]:
    return {"kind": kind, "name": name, "display": display, "article": article.id,
            "text": article.text[start:end], "start": start, "end": end,
            "context": snippet(article.text, start, end, 50)}


@dataclass(frozen=True, slots=True)
class _Sources:
    """Who counts as one source: reprints and copies count as the article they repeat.

    Attributes:
        key: Article id -> independent source key (:func:`independent_keys`).
        original: Article ids that repeat no other article of the event.
        copy_owner: Article id -> the outlet whose article it copies (exact and near copies
            only: a partial reprint keeps its own outlet, its added sentences are its own).
    """

    key: Mapping[str, str]
    original: frozenset[str]
    copy_owner: Mapping[str, str]

    def owner(self, article: Article) -> str:
        return self.key.get(article.id, _outlet(article))


def _sources(articles: Sequence[Article], reprints: Mapping[str, Mapping[str, Any]]) -> _Sources:
    ids = {a.id for a in articles}
    by_id = {a.id: a for a in articles}
    original = frozenset(a.id for a in articles
                         if a.id not in reprints or reprints[a.id]["original"] not in ids)
    copies = {a: _outlet(by_id[r["original"]]) for a, r in reprints.items()
              if r.get("kind") in ("exact", "near") and r["original"] in by_id}
    return _Sources(independent_keys(articles, reprints), original, copies)


def _unique_facts(facts: Sequence[Fact], by_id: Mapping[str, Article], src: _Sources
                  ) -> dict[str, list[dict[str, Any]]]:
    """Fact values (quantities, dates) only one independent source gives, not in dispute."""
    seen_values: dict[tuple[str | None, Any], set[str]] = defaultdict(set)
    for fact in facts:
        for value in fact.values:
            seen_values[(fact.unit, value.value)].update(
                src.owner(by_id[s.article]) for s in value.sources if s.article in by_id)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact.kind not in ("quantity", "date") or fact.conflict:
            continue
        for value in fact.values:
            if len(seen_values[(fact.unit, value.value)]) != 1:
                continue
            source = next((s for s in value.sources if s.article in src.original), None)
            article = by_id.get(source.article) if source else None
            if article is None:
                continue
            out[_outlet(article)].append(_item(fact.kind, fact.name, value.display, article,
                                               source.start, source.end))
    return out


def _unique_dates(articles: Sequence[Article], facts: Sequence[Fact], src: _Sources
                  ) -> dict[str, list[dict[str, Any]]]:
    """Day-precise dates one source alone mentions (not the event's or its own publication day)."""
    event_dates = {str(v.value) for f in facts if f.kind == "date" for v in f.values[:1]}
    users: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple[Article, Any]] = {}
    for article in articles:
        for span in article.timexes:
            attrs = span.attrs or {}
            value = str(attrs.get("value") or "")
            if span.label != "DATE" or attrs.get("granularity") != "day" or len(value) != 10:
                continue
            users[value].add(src.owner(article))
            if article.id in src.original:
                first.setdefault(value, (article, span))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for value, (article, span) in first.items():
        if len(users[value]) == 1 and value not in event_dates \
                and not _near_publication(value, article.published):
            out[_outlet(article)].append(_item("date", "تاريخ", value, article, span.start,
                                               span.end))
    return out


def _near_publication(value: str, published: str | None, days: int = 2) -> bool:
    """Is a date within ``days`` of the publication ("اليوم"، "أمس"): context, not news?"""
    try:
        return abs((date.fromisoformat(value[:10])
                    - date.fromisoformat((published or "")[:10])).days) <= days
    except ValueError:
        return False


def _unique_entities(articles: Sequence[Article], src: _Sources
                     ) -> dict[str, list[dict[str, Any]]]:
    users: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple[Article, Any]] = {}
    counts: Counter[str] = Counter()
    for article in articles:
        for span in article.entities:
            ident = str((span.attrs or {}).get("entity") or (span.attrs or {}).get("canonical")
                        or span.text)
            users[ident].add(src.owner(article))
            counts[ident] += 1
            if article.id in src.original:
                first.setdefault(ident, (article, span))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ident, (article, span) in sorted(first.items(), key=lambda kv: -counts[kv[0]]):
        outlet = _outlet(article)
        if len(users[ident]) == 1 and ident != outlet and len(out[outlet]) < MAX_UNIQUE_ENTITIES:
            name = str((span.attrs or {}).get("canonical") or span.text)
            out[outlet].append(_item("entity", span.label, name, article, span.start, span.end))
    return out


def _unique_quotes(quotes: Sequence[MergedQuote], by_id: Mapping[str, Article], src: _Sources
                   ) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in quotes:
        owners = {src.owner(by_id[c["article"]]) for c in quote.carriers if c["article"] in by_id}
        carrier = next((c for c in quote.carriers if c["article"] in src.original), None)
        if len(owners) != 1 or carrier is None or not quote.speaker:
            continue
        article = by_id[carrier["article"]]
        if len(out[_outlet(article)]) >= MAX_UNIQUE_QUOTES:
            continue
        out[_outlet(article)].append({
            "kind": "quote", "name": quote.speaker, "display": quote.text,
            "article": article.id, "text": carrier["text"], "start": carrier["start"],
            "end": carrier["end"], "context": ""})
    return out


def _anchored(sentence: _Sentence) -> bool:
    """Does a sentence name something a reader can check (number, entity, date, quote)?"""
    a = sentence.article
    inside = lambda spans: any(sentence.start <= s.start < sentence.end for s in spans)  # noqa: E731
    return (inside(a.quantities) or inside(a.entities) or inside(a.timexes) or inside(a.quotes)
            or any(w.isdigit() for w in sentence.terms))


def _statements(articles: Sequence[Article], src: _Sources) -> dict[str, list[dict[str, Any]]]:
    """Sentences of an original article that no other source carries (see module docstring)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if len({_outlet(a) for a in articles}) < 2:
        return out
    owner = {a.id: src.copy_owner.get(a.id, _outlet(a)) for a in articles}
    sentences = _sentences(articles)
    used: dict[str, set[str]] = defaultdict(set)  # term -> sources using it
    for s in sentences:
        for t in s.terms:
            used[t].add(owner[s.article.id])

    def novelty(s: _Sentence) -> int:
        """How many of the sentence's words no other source uses anywhere in the event."""
        return len({t for t in s.terms if used[t] == {owner[s.article.id]}})

    by_outlet: dict[str, list[_Sentence]] = defaultdict(list)
    for sents in unique_statements(articles, owner, sentences=sentences).values():
        for s in sents:
            line = s.article.text[s.start:s.end].strip()
            if s.article.id in src.copy_owner or s.n_words < 6 or \
                    (s.article.title and line in s.article.title):
                continue  # copies, captions, datelines and the outlet's own headline
            if not _anchored(s) and s.n_words < 12:
                continue
            by_outlet[_outlet(s.article)].append(s)
    for outlet, keep in by_outlet.items():
        keep.sort(key=lambda s: (-(novelty(s) + 2 * _anchored(s)), s.start))
        for s in keep[:MAX_STATEMENTS]:
            out[outlet].append(_item("statement", "", s.article.text[s.start:s.end].strip(),
                                     s.article, s.start, s.end))
    return out


def _is_duration(fact: Fact) -> bool:
    return unit_category(fact.unit) == "time"


def _omissions(outlets: Sequence[str], facts: Sequence[Fact], summary: Sequence[dict[str, Any]],
               quotes: Sequence[MergedQuote], by_id: Mapping[str, Article]
               ) -> dict[str, list[dict[str, Any]]]:
    n = len(outlets)
    need = max(2, math.ceil(n / 2))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if n < 3:
        return out  # with two outlets "most" is both: nothing is left out by most
    for fact in facts:
        carried = set(fact.outlets)
        if fact.kind == "quantity" and _is_duration(fact):
            continue  # "4 سنوات" nobody should be blamed for leaving out
        if len(carried) >= need:
            display = " / ".join(v.display for v in fact.values[:2])
            for outlet in outlets:
                if outlet not in carried:
                    out[outlet].append({"kind": fact.kind, "name": fact.name,
                                        "display": display, "outlets": sorted(carried)})
    for sentence in summary:
        carried = {c.get("outlet") or f"article:{c['article']}"
                   for c in sentence.get("citations", [])}
        if len(carried) >= need:
            for outlet in outlets:
                if outlet not in carried:
                    out[outlet].append({"kind": "statement", "name": "",
                                        "display": sentence["text"], "outlets": sorted(carried)})
    for quote in quotes:
        carried = set(quote.outlets)
        if len(carried) >= need:
            for outlet in outlets:
                if outlet not in carried:
                    out[outlet].append({"kind": "quote", "name": quote.speaker or "",
                                        "display": quote.text, "outlets": sorted(carried)})
    return out


def outlet_comparison(articles: Sequence[Article],
                      summary: EventSummary | Mapping[str, Any] | None = None, *,
                      facts: Sequence[Fact] | None = None,
                      quotes: Sequence[MergedQuote] | None = None,
                      links: Iterable[Mapping[str, Any]] | None = None) -> list[OutletView]:
    """Side-by-side view of how each outlet covered an event.

    Args:
        articles: The event's enriched articles.
        summary: The event's summary (:func:`marsad.stories.summarize.summarize_event` or its
            dict): summary sentences most outlets carry count as omissions for the others.
        facts: The event's :func:`~marsad.stories.facts.event_facts` (computed when omitted).
        quotes: The event's :func:`event_quotes` (computed when omitted).
        links: Duplicate/reprint links from the store (computed when omitted).

    Returns:
        One :class:`OutletView` per outlet, in order of first report.
    """
    if not articles:
        return []
    reprints = reprint_links(articles, links)
    facts = list(facts) if facts is not None else event_facts(articles, links=links)
    quotes = list(quotes) if quotes is not None else event_quotes(articles)
    by_id = {a.id: a for a in articles}
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for a in sorted(articles, key=lambda a: (a.published or "9999", a.id)):
        by_outlet[_outlet(a)].append(a)
    earliest = min((a.published for a in articles if a.published), default=None)
    sentences = _summary_sentences(summary)
    src = _sources(articles, reprints)
    unique_facts = _unique_facts(facts, by_id, src)
    unique_entities = _unique_entities(articles, src)
    unique_dates = _unique_dates(articles, facts, src)
    unique_quotes = _unique_quotes(quotes, by_id, src)
    statements = _statements(articles, src)
    omissions = _omissions(list(by_outlet), facts, sentences, quotes, by_id)
    names = quoted_names(articles)
    n_outlets = len(by_outlet)
    views = []
    for outlet, arts in by_outlet.items():
        first_report = min((a.published for a in arts if a.published), default=None)
        unique: list[dict[str, Any]] = []
        if n_outlets > 1:
            unique = [*unique_facts.get(outlet, []), *unique_dates.get(outlet, []),
                      *unique_quotes.get(outlet, []), *unique_entities.get(outlet, []),
                      *statements.get(outlet, [])]
        views.append(OutletView(
            outlet=outlet, articles=[a.id for a in arts], first_report=first_report,
            first=first_report is not None and first_report == earliest,
            words=sum(len(a.text.split()) for a in arts),
            reprints=[{"article": a.id, **reprints[a.id]} for a in arts if a.id in reprints],
            summary_citations=sum(1 for s in sentences if any(
                (c.get("outlet") or f"article:{c['article']}") == outlet
                for c in s.get("citations", []))),
            unique=_dedupe(unique), omissions=omissions.get(outlet, []),
            framing=framing_view(arts, names=names)))
    views.sort(key=lambda v: (v.first_report or "9999", v.outlet))
    return views


def _dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep one item per piece of information.

    A quote inside a unique statement gives way to the statement (which shows it in context);
    a statement holding a unique number, date or entity gives way to that precise item.
    """
    statements = [i for i in items if i["kind"] == "statement"]
    precise = [i for i in items if i["kind"] not in ("statement", "quote")]

    def inside(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return a["article"] == b["article"] and b["start"] <= a["start"] and a["end"] <= b["end"]

    out: list[dict[str, Any]] = []
    for item in items:
        if item["kind"] == "quote" and any(inside(item, s) for s in statements):
            continue
        if item["kind"] == "statement" and any(inside(p, item) for p in precise):
            continue
        if any(o["kind"] == item["kind"] and o["article"] == item["article"]
               and o["start"] == item["start"] for o in out):
            continue
        out.append(item)
    return out


def framing_by_outlet(views: Sequence[OutletView]) -> list[dict[str, Any]]:
    """The ``framing`` field of a story: ``[{outlet, **framing}]`` in view order."""
    return [{"outlet": v.outlet, **v.framing} for v in views]
