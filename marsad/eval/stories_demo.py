"""Evaluate the story products on the demo corpus gold: conflicts, unique facts, framing, evolution.

The demo corpus (``examples/demo-corpus``) plants, per gold event (``gold/events.jsonl``), facts
with their values and sources (``facts``; ``conflict`` marks a disagreement), facts only one
article carries (``unique_facts``: ``{article, fact, text}``, ``text`` a passage of the article)
and loaded terms per article (``framing``); ``gold/storylines.jsonl`` lists values that change
from event to event (``evolving_facts``).

:func:`evaluate_stories_demo` runs the pipeline on the demo pages, groups the articles by the
*gold* events and storylines (so the figures measure the story products, not the clustering),
builds every story, and reports:

* **conflicts**: a planted conflict is found when one quantity fact flags a conflict and holds
  both gold values; recall, and the false conflicts (flagged facts matching no planted one);
* **facts**: a gold fact is found when a quantity fact of its unit holds its main value with at
  least half of its gold sources;
* **unique facts**: found when the article's outlet lists a unique item overlapping the gold
  passage; recall, and the number of unique items listed;
* **framing**: per article, a gold term is found when an own-voice framing hit overlaps one of
  its occurrences; micro recall and precision (hits in articles with no gold terms are false);
* **evolutions**: a gold evolving fact is found when one evolution of its unit gives the gold
  value in at least two thirds of the gold events.

Gold values are compared as numbers; units through ``data/fact_units.tsv`` synonyms.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from marsad.config import Settings, load_settings
from marsad.errors import DataMissingError, PipelineError
from marsad.model import Article, Event, RawPage, Rejected, Storyline
from marsad.pipeline import get_stage, process_page, stage_names

__all__ = ["enrich_page", "enrich_sources", "evaluate_stories_demo", "load_demo"]


# ---------------------------------------------------------------------------------------------
# Running the pipeline
# ---------------------------------------------------------------------------------------------


def _stage_infos(settings: Settings) -> tuple[list[Any], list[str]]:
    """The default stages that can be imported, and the names of those that cannot."""
    infos, missing = [], []
    for name in stage_names(settings):
        try:
            infos.append(get_stage(name))
        except (ImportError, PipelineError):
            missing.append(name)
    return infos, missing


def enrich_page(page: RawPage, settings: Settings) -> tuple[Article | Rejected, list[str]]:
    """Extract one page and run every default stage on it, skipping stages that fail.

    This is :func:`marsad.pipeline.process_page` (the same stage functions in the same order)
    made tolerant for evaluation: a stage that cannot be imported, or that raises (a missing
    model file while it is being built), is skipped and named, and the article goes on without
    its output, so the story products can still be measured. A page extraction rejects stays
    rejected.

    Returns:
        ``(article or rejection, "stage: reason" for each skipped stage)``.
    """
    infos, missing = _stage_infos(settings)
    skipped = [f"{name}: not importable" for name in missing]
    result = process_page(page, settings, stages=[])
    for info in infos:
        if isinstance(result, Rejected):
            break
        try:
            result = info.func(result, settings=settings)
        except Exception as exc:  # the evaluation measures the story products, not the stage
            skipped.append(f"{info.name}: {type(exc).__name__}: {str(exc)[:120]}")
    return result, skipped


def enrich_sources(sources: Sequence[str | Path], *, settings: Settings | None = None
                   ) -> tuple[dict[str, Article], list[dict[str, str]]]:
    """Ingest files or folders (page dumps, HTML, JSON Lines) and enrich every page.

    Returns:
        ``({article id: Article}, [{"id", "stage", "reason"}] for pages that were rejected)``.
    """
    from marsad.ingest import iter_pages

    settings = settings or load_settings(env={}, progress=False)
    articles: dict[str, Article] = {}
    rejected: list[dict[str, str]] = []
    for page in iter_pages(list(sources), settings):
        result = page if isinstance(page, Rejected) else enrich_page(page, settings)[0]
        if isinstance(result, Rejected):
            rejected.append({"id": result.id, "stage": result.stage, "reason": result.reason})
        else:
            articles[result.id] = result
    return articles, rejected


# ---------------------------------------------------------------------------------------------
# Loading the demo corpus
# ---------------------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise DataMissingError(f"{path} not found; expected the demo corpus gold "
                               "(examples/demo-corpus/gold/)")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_demo(demo_dir: str | Path, *, settings: Settings | None = None,
              source: str = "pages") -> dict[str, Any]:
    """Enrich the demo articles and group them by the gold events and storylines.

    Args:
        demo_dir: The demo corpus folder (``pages/`` and ``gold/``).
        settings: Pipeline settings (defaults without a store).
        source: ``pages`` runs extraction on the page files (the real pipeline); ``gold``
            feeds the gold body texts as plain-text pages (measures the story products without
            extraction errors).

    Returns:
        ``{"articles": {id: Article}, "events": [Event], "storylines": [Storyline],
        "gold_events": [...], "gold_storylines": [...], "gold_articles": {id: {...}},
        "rejected": [...], "skipped_stages": [...]}``.
    """
    from marsad.ingest import iter_pages

    root = Path(demo_dir)
    gold_articles = {g["id"]: g for g in _read_jsonl(root / "gold" / "articles.jsonl")}
    gold_events = _read_jsonl(root / "gold" / "events.jsonl")
    gold_lines = _read_jsonl(root / "gold" / "storylines.jsonl")
    settings = settings or load_settings(env={}, progress=False)
    if source == "pages":
        if not (root / "pages").is_dir():
            raise DataMissingError(f"{root / 'pages'} not found; expected the demo pages")
        pages: Iterable[RawPage | Rejected] = iter_pages([root / "pages"], settings)
    elif source == "gold":
        pages = (RawPage(g["id"], g["file"], f"{g['title']}\n\n{g['body']}", "text",
                         {"outlet": g["outlet"], "published": g["published"],
                          "title": g["title"]}) for g in gold_articles.values())
    else:
        raise ValueError(f"source must be 'pages' or 'gold'; got {source!r}")
    articles: dict[str, Article] = {}
    rejected: list[dict[str, str]] = []
    skipped: set[str] = set()
    for page in pages:
        if isinstance(page, Rejected):
            rejected.append({"id": page.id, "stage": page.stage, "reason": page.reason})
            continue
        if page.id not in gold_articles:
            continue
        result, missing = enrich_page(page, settings)
        skipped.update(missing)
        if isinstance(result, Rejected):
            rejected.append({"id": result.id, "stage": result.stage, "reason": result.reason})
        else:
            articles[result.id] = result
    events = []
    for g in gold_events:
        arts = [articles[i] for i in g["articles"] if i in articles]
        dates = sorted(a.published for a in arts if a.published)
        events.append(Event(id=g["id"], title=g.get("title", ""), articles=[a.id for a in arts],
                            outlets=list(dict.fromkeys(a.outlet for a in arts if a.outlet)),
                            first_seen=dates[0] if dates else None,
                            last_seen=dates[-1] if dates else None,
                            event_date=g.get("event_date"), place=g.get("place"),
                            storyline=g.get("storyline")))
    storylines = [Storyline(s["id"], s.get("title", ""), list(s["events"])) for s in gold_lines]
    return {"articles": articles, "events": events, "storylines": storylines,
            "gold_events": gold_events, "gold_storylines": gold_lines,
            "gold_articles": gold_articles, "rejected": rejected,
            "skipped_stages": sorted(skipped)}


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------


def _same_number(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9)


def _unit_key(unit: str | None) -> str:
    from marsad.enrich.quantities import key
    from marsad.stories.facts import canonical_unit

    return key(canonical_unit(unit))


def _fact_unit(fact: Mapping[str, Any]) -> str:
    return _unit_key(fact.get("unit"))


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while needle:
        i = text.find(needle, start)
        if i < 0:
            break
        out.append((i, i + len(needle)))
        start = i + 1
    return out


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _score_conflicts(stories: Mapping[str, dict[str, Any]], gold_events: Sequence[dict[str, Any]]
                     ) -> dict[str, Any]:
    planted, found, false, details = 0, 0, 0, []
    for g in gold_events:
        story = stories.get(g["id"])
        facts = [f for f in (story["facts"] if story else []) if f["kind"] == "quantity"]
        flagged = [f for f in facts if f["conflict"]]
        matched: set[int] = set()
        for gf in g.get("facts", []):
            if not gf.get("conflict"):
                continue
            planted += 1
            values = list(gf["values"])
            hit = next((k for k, f in enumerate(flagged)
                        if all(any(_same_number(v, fv["value"]) for fv in f["values"])
                               for v in values)), None)
            if hit is not None:
                found += 1
                matched.add(hit)
            details.append({"event": g["id"], "fact": gf["name"], "values": values,
                            "found": hit is not None})
        for k, f in enumerate(flagged):
            if k not in matched:
                false += 1
                details.append({"event": g["id"], "false_conflict": f["name"],
                                 "values": [v["value"] for v in f["values"]]})
    return {"planted": planted, "found": found, "recall": _ratio(found, planted),
            "false": false, "details": details}


def _score_facts(stories: Mapping[str, dict[str, Any]], gold_events: Sequence[dict[str, Any]]
                 ) -> dict[str, Any]:
    total, found, sources, sources_found = 0, 0, 0, 0
    missed = []
    for g in gold_events:
        story = stories.get(g["id"])
        facts = [f for f in (story["facts"] if story else []) if f["kind"] == "quantity"]
        for gf in g.get("facts", []):
            total += 1
            unit = _unit_key(gf.get("unit"))
            main_value, main_sources = max(gf["values"].items(), key=lambda kv: len(kv[1]))
            best = 0
            best_cover: set[str] = set()
            for f in facts:
                if _fact_unit(f) != unit and gf.get("unit") != "%":
                    continue
                for v in f["values"]:
                    if _same_number(v["value"], main_value):
                        cover = {s["article"] for s in v["sources"]} & set(main_sources)
                        if len(cover) > best:
                            best, best_cover = len(cover), cover
            sources += len(main_sources)
            sources_found += len(best_cover)
            if best * 2 >= len(main_sources) and best > 0:
                found += 1
            else:
                missed.append({"event": g["id"], "fact": gf["name"], "value": main_value})
    return {"gold": total, "found": found, "recall": _ratio(found, total),
            "source_recall": _ratio(sources_found, sources), "missed": missed}


def _score_unique(stories: Mapping[str, dict[str, Any]], gold_events: Sequence[dict[str, Any]],
                  articles: Mapping[str, Article]) -> dict[str, Any]:
    total, found, listed, details = 0, 0, 0, []
    for g in gold_events:
        story = stories.get(g["id"])
        items = [u for o in (story["outlets"] if story else []) for u in o["unique"]]
        listed += len(items)
        for gu in g.get("unique_facts", []):
            total += 1
            article = articles.get(gu["article"])
            spans = _occurrences(article.text, gu["text"]) if article else []
            ok = any(u["article"] == gu["article"] and _overlaps(spans, u["start"], u["end"])
                     for u in items)
            found += ok
            details.append({"event": g["id"], "article": gu["article"], "fact": gu["fact"],
                            "found": ok})
    return {"gold": total, "found": found, "recall": _ratio(found, total),
            "items_listed": listed, "details": details}


def _score_framing(stories: Mapping[str, dict[str, Any]], gold_events: Sequence[dict[str, Any]],
                   articles: Mapping[str, Article]) -> dict[str, Any]:
    gold_total = gold_found = hits_total = hits_true = 0
    per_article = []
    for g in gold_events:
        story = stories.get(g["id"])
        if story is None:
            continue
        hits_by_article: dict[str, list[dict[str, Any]]] = {}
        for outlet in story["framing"]:
            for term in outlet["terms"]:
                for hit in term["hits"]:
                    if not hit["in_quote"]:
                        hits_by_article.setdefault(hit["article"], []).append(hit)
        for art_id in g["articles"]:
            article = articles.get(art_id)
            terms = (g.get("framing") or {}).get(art_id, [])
            spans = {t: _occurrences(article.text, t) if article else [] for t in terms}
            hits = hits_by_article.get(art_id, [])
            found = [t for t in terms if any(_overlaps(spans[t], h["start"], h["end"])
                                             for h in hits)]
            all_spans = [s for ss in spans.values() for s in ss]
            true_hits = [h for h in hits if _overlaps(all_spans, h["start"], h["end"])]
            gold_total += len(terms)
            gold_found += len(found)
            hits_total += len(hits)
            hits_true += len(true_hits)
            if terms or hits:
                per_article.append({
                    "article": art_id, "gold": len(terms), "found": len(found),
                    "hits": len(hits), "true_hits": len(true_hits),
                    "missed": [t for t in terms if t not in found],
                    "false": sorted({h["text"] for h in hits if h not in true_hits})})
    return {"gold": gold_total, "found": gold_found, "recall": _ratio(gold_found, gold_total),
            "hits": hits_total, "precision": _ratio(hits_true, hits_total),
            "per_article": per_article}


def _score_evolution(lines: Sequence[dict[str, Any]], gold_lines: Sequence[dict[str, Any]]
                     ) -> dict[str, Any]:
    by_id = {line["id"]: line for line in lines}
    total, found, listed, details = 0, 0, 0, []
    for g in gold_lines:
        line = by_id.get(g["id"])
        evolutions = line["evolution"] if line else []
        listed += len(evolutions)
        for gf in g.get("evolving_facts", []):
            total += 1
            unit = _unit_key(gf.get("unit"))
            want = {v["event"]: v["value"] for v in gf["values"]}
            best = 0
            for evo in evolutions:
                if _unit_key(evo.get("unit")) != unit:
                    continue
                got = {s["event"]: s["value"] for s in evo["steps"]}
                best = max(best, sum(1 for e, v in want.items()
                                     if e in got and _same_number(got[e], v)))
            ok = best * 3 >= 2 * len(want) and best >= 2
            found += ok
            details.append({"storyline": g["id"], "fact": gf["name"], "found": ok,
                            "matched_steps": best, "steps": len(want)})
    return {"gold": total, "found": found, "recall": _ratio(found, total),
            "evolutions_listed": listed, "details": details}


def evaluate_stories_demo(demo_dir: str | Path, *, settings: Settings | None = None,
                          source: str = "pages") -> dict[str, Any]:
    """Build the stories of the demo corpus's gold events and score them against the gold.

    Args:
        demo_dir: The demo corpus folder.
        settings: Pipeline settings.
        source: ``pages`` (extract the page files) or ``gold`` (the gold bodies as text pages).

    Returns:
        ``{"articles", "rejected", "skipped_stages", "conflicts", "facts", "unique",
        "framing", "evolution"}`` (figures and per-item details, see the module docstring).
    """
    from marsad.stories.story import build_stories

    demo = load_demo(demo_dir, settings=settings, source=source)
    stories, lines = build_stories(demo["events"], demo["articles"], demo["storylines"])
    by_event = {s["event"]["id"]: s for s in stories}
    return {
        "source": source,
        "articles": len(demo["articles"]),
        "gold_articles": len(demo["gold_articles"]),
        "rejected": demo["rejected"],
        "skipped_stages": demo["skipped_stages"],
        "conflicts": _score_conflicts(by_event, demo["gold_events"]),
        "facts": _score_facts(by_event, demo["gold_events"]),
        "unique": _score_unique(by_event, demo["gold_events"], demo["articles"]),
        "framing": _score_framing(by_event, demo["gold_events"], demo["articles"]),
        "evolution": _score_evolution(lines, demo["gold_storylines"]),
    }
