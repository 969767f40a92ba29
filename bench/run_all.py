"""Run every benchmark, each in its own process (so peak memory is its own), and print a table.

Benchmarks report ratios against a peer run in the same process where one exists (trafilatura
for HTML extraction), throughput and peak memory; they are never timed tests.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "bench_extract.py",
    "bench_arabic.py",
    "bench_ner.py",
    "bench_timex.py",
    "bench_quantities_quotes.py",
    "bench_enrich.py",
    "bench_summarize.py",
    "bench_stories.py",
    "bench_cluster.py",
    "bench_api.py",
]


def main() -> int:
    """Run the benchmarks named on the command line (default: all), print a summary."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmark files (default: all)")
    parser.add_argument("--shared", default=None, help="path of ../shared")
    parser.add_argument("--quick", action="store_true", help="smaller sizes (smoke run)")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.shared:
        env["MARSAD_SHARED"] = str(Path(args.shared).resolve())
    names = args.names or [n for n in ORDER if (HERE / n).exists()]
    results: list[dict] = []
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        cmd = [sys.executable, str(HERE / name)] + (["--quick"] if args.quick else [])
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        sys.stdout.write("".join(line + "\n" for line in proc.stdout.splitlines()
                                 if not line.startswith("BENCH ")))
        if proc.returncode != 0:
            failed.append(name)
            sys.stdout.write(proc.stderr[-3000:])
        results += [json.loads(line[6:]) for line in proc.stdout.splitlines()
                    if line.startswith("BENCH ")]
        print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)
    out = HERE.parent / "out"
    out.mkdir(exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    print(f"\n{len(results)} results written to out/bench.json")
    if failed:
        print("FAILED: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
