"""Benchmark: stream 1,000, 10,000 and 100,000 articles through dedup and the event clusterer.

Each size runs in a fresh child process (so peak memory is per size) on a stream of invented
articles from ``bench/gen_stream.py`` (with the spans the enrichment stages would give), fed in
publication order in batches of ``--batch`` articles. Printed per size: articles per second
(clustering, and dedup + clustering), milliseconds per article, the ratio of the per-article
time to that of the previous size, peak resident memory, events, storylines and B-cubed F1
against the generator's gold events::

    .venv/bin/python bench/bench_cluster.py               # 1k, 10k, 100k
    .venv/bin/python bench/bench_cluster.py --sizes 1000 5000 --json
    .venv/bin/python bench/bench_cluster.py --quick         # 1k, 5k (make bench --quick)

Acceptance (issue 4): per-article time at 100,000 within 1.5x of that at 10,000; peak memory
under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run_one(path: Path, batch: int, embeddings: bool) -> dict:
    """Stream the articles of ``path`` (JSON Lines) in this process and return the figures.

    The stream is read line by line, so peak memory is that of dedup and clustering (plus one
    batch of articles), not of the generator.
    """
    sys.path[:0] = [str(HERE), str(ROOT)]
    import psutil
    from gen_stream import to_article

    from marsad.cluster.dedup import DuplicateIndex
    from marsad.cluster.events import EventClusterer
    from marsad.eval.bcubed import bcubed

    proc = psutil.Process()
    clusterer = EventClusterer(use_embeddings=embeddings)
    dedup = DuplicateIndex()
    gold: dict[str, str] = {}
    t_cluster = t_dedup = 0.0
    peak = proc.memory_info().rss
    buf = []

    def flush() -> None:
        nonlocal t_cluster, t_dedup, peak
        t0 = time.perf_counter()
        dedup.partial_fit(buf)
        t1 = time.perf_counter()
        clusterer.partial_fit(buf)
        t2 = time.perf_counter()
        t_dedup += t1 - t0
        t_cluster += t2 - t1
        peak = max(peak, proc.memory_info().rss)
        buf.clear()

    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            gold[rec["id"]] = rec["event"]
            buf.append(to_article(rec))
            n += 1
            if len(buf) >= batch:
                flush()
    if buf:
        flush()
    try:  # ru_maxrss catches peaks between batches (KiB on Linux)
        import resource

        peak = max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
    except ImportError:  # pragma: no cover - not on Windows
        pass
    events = clusterer.events()
    return {
        "n": n, "batch": batch, "embeddings": embeddings,
        "cluster_articles_per_s": round(n / t_cluster, 1),
        "total_articles_per_s": round(n / (t_cluster + t_dedup), 1),
        "ms_per_article": round(1000 * (t_cluster + t_dedup) / n, 3),
        "peak_mb": round(peak / 2 ** 20, 1),
        "events": len(events), "gold_events": len(set(gold.values())),
        "storylines": len(clusterer.storylines()),
        "links": len(dedup.links_),
        "bcubed_f1": round(bcubed(clusterer.labels_, gold)["f1"], 4),
    }


def main(argv: list[str] | None = None) -> int:
    """Run each size in a child process and print a table (or JSON with ``--json``)."""
    ap = argparse.ArgumentParser(description="Stream benchmark of dedup + event clustering")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--embeddings", action="store_true", help="add USE sentence embeddings")
    ap.add_argument("--json", action="store_true", help="print one JSON object per size")
    ap.add_argument("--quick", action="store_true", help="1,000 and 5,000 only (smoke run)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(run_one(args.child, args.batch, args.embeddings)))
        return 0
    sys.path[:0] = [str(HERE)]
    from gen_stream import generate

    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    for n in ([1000, 5000] if args.quick else args.sizes):
        stream = tmp / f"stream-{n}.jsonl"
        with stream.open("w", encoding="utf-8") as fh:
            for rec in generate(n, seed=args.seed):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        cmd = [sys.executable, __file__, "--child", str(stream), "--batch", str(args.batch)] + (
            ["--embeddings"] if args.embeddings else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        stream.unlink()
        if out.returncode != 0:
            sys.stderr.write(out.stderr[-3000:])
            return 1
        row = json.loads(out.stdout.strip().splitlines()[-1])
        if rows:
            row["time_ratio_vs_previous"] = round(row["ms_per_article"] /
                                                  rows[-1]["ms_per_article"], 2)
        rows.append(row)
        if args.json:
            print(json.dumps(row), flush=True)
            continue
        print("BENCH " + json.dumps({"bench": f"cluster_stream_{n}", **row}), flush=True)
        print(f"{row['n']:>7} articles: {row['total_articles_per_s']:>7.1f} art/s "
              f"(clustering {row['cluster_articles_per_s']:.1f}/s), "
              f"{row['ms_per_article']:.2f} ms/article"
              + (f" (x{row['time_ratio_vs_previous']} vs previous)" if len(rows) > 1 else "")
              + f", peak {row['peak_mb']:.0f} MB, {row['events']} events "
              f"(gold {row['gold_events']}), {row['storylines']} storylines, "
              f"{row['links']} dedup links, B3 F1 {row['bcubed_f1']}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
