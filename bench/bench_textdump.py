"""Throughput and memory of the page-dump filter (prints figures; never a timed test).

Generates N page dumps (default 10,000) by mixing the lines of the team's invented fixtures in
tests/fixtures/textdump/: each page takes one fixture as its skeleton, shuffles in header and
footer lines from the others, varies numbers and words in its paragraphs, sometimes doubles
captions or appends a related block and another article. Then it runs ``extract_textdump`` on
every page in one process and prints pages/s, lines/s and peak memory.

Usage:
    .venv/bin/python bench/bench_textdump.py [--pages 10000] [--seed 7] [--profile]
    .venv/bin/python bench/bench_textdump.py --dir ../shared/samples/seeds   # real dumps, cycled
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.extract.textdump import OutletProfile, extract_textdump  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "textdump"


def load_fixtures() -> list[tuple[list[str], set[int]]]:
    """(lines, body line numbers) of every fixture page."""
    out = []
    with (FIXTURES / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)
            text = (FIXTURES / gold["path"]).read_text(encoding="utf-8")
            out.append((text.split("\n"), set(gold["body_lines"])))
    return out


def vary(line: str, rng: random.Random) -> str:
    """Change a paragraph a little: swap two words, change a number, drop a word."""
    words = line.split()
    if len(words) < 6:
        return line
    k = rng.randrange(len(words) - 1)
    if rng.random() < 0.5:
        words[k], words[k + 1] = words[k + 1], words[k]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), str(rng.randrange(2, 5000)))
    if rng.random() < 0.3:
        del words[rng.randrange(len(words) - 1)]
    return " ".join(words)


def make_pages(n: int, seed: int) -> list[tuple[str, set[int]]]:
    """``n`` synthetic page dumps mixed from the fixtures' lines, with their body line numbers."""
    rng = random.Random(seed)
    fixtures = load_fixtures()
    boiler = [ln for lines, body in fixtures for i, ln in enumerate(lines, 1)
              if i not in body and ln.strip()]
    paras = [ln for lines, body in fixtures for i, ln in enumerate(lines, 1) if i in body]
    pages = []
    for _ in range(n):
        lines, body = rng.choice(fixtures)
        page = rng.sample(boiler, rng.randrange(3, 12))
        gold = set()
        for i, line in enumerate(lines, 1):
            if i in body:
                page.append(vary(line, rng))
                gold.add(len(page))
                if rng.random() < 0.15:
                    page.append(rng.choice(boiler))  # boilerplate inside the article
            else:
                page.append(line)
        if rng.random() < 0.3:
            page += ["مقالات ذات صلة"] + [vary(rng.choice(paras), rng) for _ in range(3)]
        if rng.random() < 0.4:  # a list of other headlines with their time stamps
            for _ in range(rng.randrange(5, 15)):
                page += [rng.choice(boiler), "",
                         f"GMT {rng.randrange(24):02d}:{rng.randrange(60):02d} 2024 "
                         f"الأحد ,{rng.randrange(1, 29)} آذار / مارس", ""]
        page += rng.sample(boiler, rng.randrange(5, 25))
        pages.append(("\n".join(page), gold))
    return pages


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--profile", action="store_true", help="also fit and use an OutletProfile")
    ap.add_argument("--dir", type=Path, help="time these .txt dumps (cycled to --pages) instead")
    args = ap.parse_args()

    if args.dir:
        real = [p.read_text(encoding="utf-8", errors="replace")
                for p in sorted(args.dir.rglob("*.txt"))]
        if not real:
            ap.error(f"no .txt page dumps under {args.dir}")
        generated = [(real[i % len(real)], set()) for i in range(args.pages)]
    else:
        generated = make_pages(args.pages, args.seed)
    pages = [text for text, _ in generated]
    n_lines = sum(p.count("\n") + 1 for p in pages)
    n_chars = sum(len(p) for p in pages)
    extract_textdump(pages[0])  # load the phrase data once, outside the timing
    profile = OutletProfile().fit(pages[:200]) if args.profile else None

    t0, c0 = time.perf_counter(), time.process_time()
    kept = []
    for page in pages:
        kept.append(extract_textdump(page, profile=profile).body_lines)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    tp = sum(len(set(k) & g) for k, (_, g) in zip(kept, generated, strict=True))
    n_pred = sum(len(k) for k in kept)
    n_gold = sum(len(g) for _, g in generated)
    precision, recall = tp / max(1, n_pred), tp / max(1, n_gold)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)

    tracemalloc.start()
    for page in pages[:500]:
        extract_textdump(page, profile=profile)
    _, peak_traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"pages: {len(pages)}  lines: {n_lines}  chars: {n_chars}  "
          f"(avg {n_lines / len(pages):.1f} lines, {n_chars / len(pages):.0f} chars per page)")
    quality = (f"line P={precision:.3f} R={recall:.3f} F1={f1:.3f} against the generator's "
               "body lines (boilerplate it drops inside articles may look like crossheads)"
               if not args.dir else f"(real dumps from {args.dir})")
    print(f"profile: {'yes' if profile else 'no'}  kept body lines: {n_pred}  {quality}")
    print(f"wall time: {elapsed:.2f} s  ->  {len(pages) / elapsed:.0f} pages/s, "
          f"{n_lines / elapsed:.0f} lines/s (one core)")
    print(f"CPU time:  {cpu:.2f} s  ->  {len(pages) / cpu:.0f} pages/s "
          "(what the core could do alone, less noisy on a shared machine)")
    print(f"peak traced memory while extracting: {peak_traced / 1e6:.1f} MB; "
          f"peak RSS of the process (pages in memory included): {peak_rss:.0f} MB")


if __name__ == "__main__":
    main()
