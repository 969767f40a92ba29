"""``marsad eval clustering``: the online event clusterer against gold event/storyline labels.

Input: JSON Lines records ``id, title, text | body | html, published, outlet, event`` and
optionally ``storyline`` — or the demo-corpus folder, whose ``gold/articles.jsonl`` has that
shape. Records with ``html`` go through extraction; records with clean text become articles
directly. The available language/enrichment stages run on every article, the clusterer sees the
articles in publication order (in batches of ``batch_size``), and the predicted events and
storylines are scored with B-cubed and pairwise precision/recall/F1.
:func:`compare_orders` measures order robustness: the B-cubed F1 between the partition of the
publication order and that of another order.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from marsad.cluster.dedup import DuplicateIndex
from marsad.cluster.events import EventClusterer
from marsad.config import Settings, load_settings
from marsad.errors import DataMissingError, MarsadError
from marsad.eval.bcubed import bcubed, pairwise
from marsad.eval.pairs import available_stages, run_stages
from marsad.model import Article, RawPage, Rejected

GOLD_FILE = Path("gold") / "articles.jsonl"


def read_records(path: str | Path) -> list[dict[str, Any]]:
    """Read gold article records from a JSONL file or a demo-corpus folder.

    Raises:
        DataMissingError: Neither a file nor a folder with ``gold/articles.jsonl``.
        MarsadError: A record without an id, a text, or an ``event`` label.
    """
    p = Path(path)
    if p.is_dir():
        p = p / GOLD_FILE
    if not p.exists():
        raise DataMissingError(f"clustering data {str(p)!r} does not exist (expected a JSONL "
                               f"file or a folder holding {GOLD_FILE})")
    records = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if not rec.get("id") or rec.get("event") in (None, ""):
                raise MarsadError(f"{p}:{n}: a record needs 'id' and a gold 'event'")
            if not (rec.get("text") or rec.get("body") or rec.get("html")):
                raise MarsadError(f"{p}:{n}: record {rec['id']!r} has no text, body or html")
            records.append(rec)
    return records


def records_to_jsonl(path: str | Path, out: str | Path) -> int:
    """Write the records of ``path`` (e.g. the demo-corpus folder) as evaluation JSONL.

    Returns:
        The number of records written.
    """
    keep = ("id", "title", "text", "html", "published", "outlet", "event", "storyline")
    n = 0
    with Path(out).open("w", encoding="utf-8") as fh:
        for rec in read_records(path):
            row = {k: rec[k] for k in keep if rec.get(k) is not None}
            if "text" not in row and "html" not in row:
                row["text"] = rec["body"]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def build_articles(records: Sequence[dict[str, Any]], settings: Settings,
                   stages: Sequence[str] | None = None,
                   failures: dict[str, int] | None = None
                   ) -> tuple[list[Article], list[Rejected]]:
    """Articles for the records: extraction for ``html``, direct for clean text; then stages.

    Stages run with :func:`~marsad.eval.pairs.run_stages`: a stage that fails on an article
    leaves it unannotated (counted in ``failures`` when given) instead of losing it, so the
    evaluation measures clustering on whatever the other stages deliver.
    """
    from marsad.pipeline import process_page

    names = available_stages() if stages is None else list(stages)
    rejected: list[Rejected] = []
    direct = []
    for rec in records:
        meta = {k: rec[k] for k in ("outlet", "published", "title") if rec.get(k)}
        if rec.get("html"):
            page = RawPage(str(rec["id"]), f"gold#{rec['id']}", rec["html"], "html", meta)
            result = process_page(page, settings, [])
            if isinstance(result, Rejected):
                rejected.append(result)
            else:
                direct.append(result.replace(id=str(rec["id"])))
        else:
            direct.append(Article(id=str(rec["id"]), source=f"gold#{rec['id']}",
                                  text=rec.get("text") or rec["body"], title=rec.get("title") or "",
                                  outlet=rec.get("outlet"), published=rec.get("published"),
                                  language=rec.get("language")))
    enriched, failed = run_stages(direct, settings, names)
    if failures is not None:
        failures.update(failed)
    return enriched, rejected


def cluster_articles(articles: Sequence[Article], clusterer: EventClusterer,
                     batch_size: int | None = None) -> EventClusterer:
    """Feed ``articles`` to ``clusterer`` in the given order, ``batch_size`` at a time."""
    size = batch_size or max(1, len(articles))
    for i in range(0, len(articles), size):
        clusterer.partial_fit(articles[i:i + size])
    return clusterer


def publication_order(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by publication date (undated last), then id."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


def evaluate_clustering(path: str | Path, *, settings: Settings | None = None,
                        stages: Sequence[str] | None = None, batch_size: int | None = None,
                        clusterer: EventClusterer | None = None) -> dict[str, Any]:
    """Cluster gold-labelled articles in publication order and score events and storylines.

    Args:
        path: JSONL records or a demo-corpus folder (see :func:`read_records`).
        settings: Settings for stages and the clusterer; defaults when ``None``.
        stages: Stages to run (default: those available of the enrichment list).
        batch_size: Articles per ``partial_fit`` call (default: all in one batch).
        clusterer: A configured, unfitted clusterer (default: from ``settings``).

    Returns:
        ``{"n", "events": {"bcubed": {...}, "pairwise": {...}, "predicted", "gold"},
        "storylines": {...} | None, "dedup": {...} | None, "rejected",
        "articles_per_second", "seconds", "stages", "stage_failures", "assignments"}``.
    """
    settings = settings or load_settings(env={})
    t0 = time.perf_counter()
    records = read_records(path)
    failures: dict[str, int] = {}
    arts, rejected = build_articles(records, settings, stages, failures)
    arts = publication_order(arts)
    model = clusterer or EventClusterer.from_settings(settings)
    t1 = time.perf_counter()
    cluster_articles(arts, model, batch_size)
    cluster_seconds = time.perf_counter() - t1
    gold = {str(r["id"]): str(r["event"]) for r in records}
    pred = dict(model.labels_)
    out: dict[str, Any] = {
        "n": len(arts),
        "events": _scores(pred, gold),
        "rejected": [{"id": r.id, "stage": r.stage, "reason": r.reason} for r in rejected],
        "stages": list(available_stages() if stages is None else stages),
        "stage_failures": failures,
        "articles_per_second": round(len(arts) / cluster_seconds, 1) if cluster_seconds else None,
        "seconds": round(time.perf_counter() - t0, 2),
    }
    if all(r.get("storyline") not in (None, "") for r in records):
        story_of = {e.id: e.storyline for e in model.events()}
        pred_sl = {a: str(story_of.get(e)) for a, e in pred.items()}
        gold_sl = {str(r["id"]): str(r["storyline"]) for r in records}
        out["storylines"] = _scores(pred_sl, gold_sl)
    else:
        out["storylines"] = None
    out["dedup"] = evaluate_links(arts, records)
    out["assignments"] = pred
    return out


def evaluate_links(articles: Sequence[Article], records: Sequence[dict[str, Any]]
                   ) -> dict[str, Any] | None:
    """Duplicate/reprint links of :class:`~marsad.cluster.dedup.DuplicateIndex` against the
    gold ``reprint_of`` / ``duplicate_of`` fields (``None`` when the records have neither).

    A gold pair counts as found when the article is linked to that original (any kind).
    """
    if not any("reprint_of" in r or "duplicate_of" in r for r in records):
        return None
    gold = {(str(r["id"]), str(r.get("duplicate_of") or r.get("reprint_of")))
            for r in records if r.get("duplicate_of") or r.get("reprint_of")}
    index = DuplicateIndex().partial_fit(articles)
    found = {(x["article"], x["original"]) for x in index.links_}
    hit = len(found & gold)
    return {"gold": len(gold), "found": len(found), "correct": hit,
            "precision": hit / len(found) if found else 1.0,
            "recall": hit / len(gold) if gold else 1.0,
            "links": index.links_}


def _scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, Any]:
    return {"bcubed": bcubed(pred, gold), "pairwise": pairwise(pred, gold),
            "predicted": len(set(pred.values())), "gold": len(set(gold.values()))}


def compare_orders(articles: Sequence[Article], *, settings: Settings | None = None,
                   seed: int = 0, batch_size: int = 1,
                   clusterer_params: dict[str, Any] | None = None) -> dict[str, Any]:
    """B-cubed agreement between clustering in publication order and in a shuffled order.

    The reference is one batch in publication order; the other run feeds a seeded shuffle of
    the same articles ``batch_size`` at a time (1 = one article per ``partial_fit``, the
    hardest case).

    Returns:
        ``{"bcubed": {...}, "events_reference", "events_shuffled", "seed", "batch_size"}``.
    """
    settings = settings or load_settings(env={})
    params = clusterer_params or {}
    ref = EventClusterer.from_settings(settings, **params)
    cluster_articles(publication_order(articles), ref)
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    other = EventClusterer.from_settings(settings, **params)
    cluster_articles(shuffled, other, batch_size)
    return {"bcubed": bcubed(other.labels_, ref.labels_),
            "events_reference": len(set(ref.labels_.values())),
            "events_shuffled": len(set(other.labels_.values())),
            "seed": seed, "batch_size": batch_size}
