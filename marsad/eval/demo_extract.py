"""Extraction on the team's demo corpus: bodies, titles, outlets and dates against its gold.

Runs ingest and extraction exactly as ``marsad run`` does (sidecars, ``outlets.json``, per-outlet
boilerplate profiles) over ``examples/demo-corpus/pages`` and compares, page by page, with
``gold/articles.jsonl``: line-level precision/recall/F1 of the body (every page, text and HTML),
exact bodies, exact titles, outlets, and publication dates where the page or its metadata states
one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.config import load_settings
from marsad.errors import DataMissingError
from marsad.model import Article, RawPage


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def evaluate_demo_extract(demo_dir: str | Path) -> dict[str, Any]:
    """Score extraction on the demo corpus (see the module docstring).

    Raises:
        DataMissingError: The corpus or its gold is missing.
    """
    from marsad.api import _Profiles
    from marsad.extract import extract_page
    from marsad.ingest import iter_pages

    root = Path(demo_dir)
    gold_path = root / "gold" / "articles.jsonl"
    if not gold_path.is_file():
        raise DataMissingError(f"{gold_path} not found: expected the demo corpus folder")
    gold = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                gold[g["id"]] = g
    settings = load_settings(env={}, progress=False)
    pages = [p for p in iter_pages([root / "pages"], settings) if isinstance(p, RawPage)]
    profiles = _Profiles()
    profiles.update(pages)
    tp = fp = fn = 0
    counts = {"pages": 0, "extracted": 0, "body_exact": 0, "title_exact": 0, "outlet_exact": 0,
              "dated": 0, "date_exact": 0}
    errors: list[dict[str, Any]] = []
    for page in pages:
        g = gold.get(page.id)
        if g is None:
            continue
        counts["pages"] += 1
        art = extract_page(page, settings=settings, profile=profiles.get(page))
        if not isinstance(art, Article):
            errors.append({"id": page.id, "error": art.reason})
            fn += len(_lines(g["body"]))
            continue
        counts["extracted"] += 1
        pred, true = _lines(art.text), _lines(g["body"])
        common = len(set(pred) & set(true))
        tp, fp, fn = tp + common, fp + len(pred) - common, fn + len(true) - common
        checks = {"body_exact": pred == true, "title_exact": art.title == g["title"],
                  "outlet_exact": art.outlet == g["outlet"]}
        for key, ok in checks.items():
            counts[key] += ok
        if g.get("published_in_page") or page.meta.get("published"):
            counts["dated"] += 1
            counts["date_exact"] += art.published == g["published"]
            if art.published != g["published"]:
                errors.append({"id": page.id, "published": art.published,
                               "gold": g["published"]})
        bad = [k for k, ok in checks.items() if not ok]
        if bad:
            errors.append({"id": page.id, "wrong": bad, "title": art.title,
                           "outlet": art.outlet})
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    n = counts["pages"] or 1
    return {
        "pages": counts["pages"],
        "line_precision": round(p, 4), "line_recall": round(r, 4),
        "line_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "body_exact": round(counts["body_exact"] / n, 4),
        "title_exact": round(counts["title_exact"] / n, 4),
        "outlet_exact": round(counts["outlet_exact"] / n, 4),
        "date_exact": round(counts["date_exact"] / (counts["dated"] or 1), 4),
        "dated_pages": counts["dated"],
        "errors": errors,
    }
