"""Enrichment throughput on typical 600-word articles, one core: articles per second for the
whole stage list after extraction (language, entities, timexes, pubdate, quantities, quotes),
and milliseconds per stage.

The articles are made by joining demo-corpus bodies (the team's own text) to about 600 words,
with publication dates, so every stage has real work to do.

Usage: .venv/bin/python bench/bench_enrich.py [--articles 300] [--quick]
"""

from __future__ import annotations

import argparse
import json
import time

from common import ROOT, peak_rss_mb, report

from marsad.config import load_settings
from marsad.model import Article
from marsad.pipeline import DEFAULT_STAGES, check_order


def articles(n: int) -> list[Article]:
    """``n`` articles of about 600 words from demo-corpus gold bodies."""
    gold = [json.loads(line) for line in
            (ROOT / "examples" / "demo-corpus" / "gold" / "articles.jsonl").open(encoding="utf-8")
            if line.strip()]
    gold = [g for g in gold if g["language"] == "ar"]
    out = []
    i = 0
    while len(out) < n:
        parts, words = [], 0
        first = gold[i % len(gold)]
        while words < 590:  # whole paragraphs, stopping at about 600 words
            g = gold[i % len(gold)]
            for paragraph in g["body"].split("\n"):
                n_words = len(paragraph.split())
                if words + n_words > 620 and words >= 500:
                    break
                parts.append(paragraph)
                words += n_words
            i += 1
        text = "\n".join(parts)
        out.append(Article(id=f"a{len(out)}", source=f"bench://{len(out)}", text=text,
                           title=first["title"], outlet=first["outlet"],
                           published=first["published"]))
    return out


def main() -> None:
    """Time the stages and print articles/s and ms per stage."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n = 60 if args.quick else args.articles
    settings = load_settings(env={}, progress=False)
    stages = check_order(DEFAULT_STAGES)
    batch = articles(n)
    for info in stages:  # warm: models, lexicons, regexes, caches of the first article
        batch[0] = info.func(batch[0], settings=settings)
    per_stage = dict.fromkeys((s.name for s in stages), 0.0)
    words = 0
    start = time.process_time()
    for art in batch:
        words += len(art.text.split())
        for info in stages:
            t = time.process_time()
            art = info.func(art, settings=settings)
            per_stage[info.name] += time.process_time() - t
    cpu = time.process_time() - start
    figures = {"articles": n, "words_per_article": round(words / n),
               "articles_per_s_cpu": round(n / cpu, 1)}
    figures.update({f"ms_{k}": round(1000 * v / n, 2) for k, v in per_stage.items()})
    figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
    report("enrich.article600", figures)


if __name__ == "__main__":
    main()
