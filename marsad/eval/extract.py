"""Extraction quality on the ScrapingHub article-extraction benchmark, scored its way.

The benchmark (scrapinghub/article-extraction-benchmark, ``evaluate.py``) compares the
predicted and true ``articleBody`` as multisets of *shingles*: 4-grams of ``\\w+`` tokens. Per
page it counts TP/FP/FN over shingles and normalizes them to sum to one (so long pages do not
weigh more); precision is the mean of per-page precisions (over pages with a prediction),
recall the mean of per-page recalls (over pages with a truth), F1 the harmonic mean of those
two means. This module re-implements that scoring so our figures compare with the published
table (trafilatura 0.958, the best systems 0.970).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marsad.errors import DataMissingError

_TOKEN = re.compile(r"\w+")


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def shingle_counts(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalized (TP, FP, FN) over ``n``-token shingles, as the benchmark computes them."""
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Precision, recall and F1 over ``(true, predicted)`` body pairs."""
    counts = [shingle_counts(t, p) for t, p in pairs]
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def load_benchmark(data: str | Path) -> tuple[dict[str, str], dict[str, str]]:
    """Load ``(pages, truths)`` keyed by page id from the benchmark folder.

    Raises:
        DataMissingError: The folder, ``ground-truth.json`` or a page is missing.
    """
    root = Path(data)
    if (root / "scrapinghub-article-extraction").is_dir():
        root = root / "scrapinghub-article-extraction"
    truth_path = root / "ground-truth.json"
    if not truth_path.is_file():
        raise DataMissingError(
            f"{truth_path} not found: --data must be the ScrapingHub benchmark folder (with "
            "ground-truth.json and html/*.html.gz), e.g. ../shared/data/scrapinghub-article-"
            "extraction")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for key in truth:
        page = root / "html" / f"{key}.html.gz"
        if not page.is_file():
            raise DataMissingError(f"benchmark page {page} is missing")
        pages[key] = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
    return pages, {k: v.get("articleBody", "") or "" for k, v in truth.items()}


def marsad_extractor(html: str) -> str:
    """Extract a body the way ``marsad run`` does for an HTML page."""
    from marsad.extract.html import extract_html

    try:
        return extract_html(html).body
    except ValueError:
        return ""


def trafilatura_extractor(html: str) -> str:
    """Bare ``trafilatura.extract`` with its defaults (the reference in benchmarks)."""
    import trafilatura

    return trafilatura.extract(html) or ""


def evaluate_extract(data: str | Path, *, baseline: bool = False,
                     extractor: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Score marsad's HTML extraction on the ScrapingHub benchmark.

    Args:
        data: The benchmark folder (or a folder containing it).
        baseline: Also score bare ``trafilatura.extract`` in the same run.
        extractor: Override the extractor (for experiments); default :func:`marsad_extractor`.

    Returns:
        ``{"pages", "precision", "recall", "f1", "seconds", "pages_per_second"}`` and, with
        ``baseline``, ``{"trafilatura": {...}}``.
    """
    pages, truths = load_benchmark(data)
    systems: dict[str, Callable[[str], str]] = {"marsad": extractor or marsad_extractor}
    if baseline:
        systems["trafilatura"] = trafilatura_extractor
    out: dict[str, Any] = {"benchmark": "scrapinghub-article-extraction", "pages": len(pages),
                           "metric": "4-token shingle P/R/F1 (benchmark's evaluate.py)"}
    for name, func in systems.items():
        start = time.perf_counter()
        preds = {k: func(html) for k, html in pages.items()}
        seconds = time.perf_counter() - start
        figures = score([(truths[k], preds[k]) for k in pages])
        figures = {k: round(v, 4) for k, v in figures.items()}
        figures["seconds"] = round(seconds, 2)
        figures["pages_per_second"] = round(len(pages) / seconds, 1) if seconds else 0.0
        if name == "marsad":
            out.update(figures)
        else:
            out[name] = figures
    return out
