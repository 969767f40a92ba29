"""Build (or reuse) a large marsad store for the API benchmark: invented articles with events.

Articles come from :mod:`gen_stream` (invented Arabic news, several outlets per event, events
in storylines, entity/date/number spans), are saved through ``Store.save`` (so the full-text
index and the entity mentions are built the normal way) and their gold events and storylines
are written through the store's event methods. No pipeline stage runs: this measures serving,
not processing.

    python bench/make_big_store.py --n 10000 --out out/bench/api-10000.db
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from gen_stream import generate, to_article

from marsad.model import Event, Storyline
from marsad.store import Store, raw_hash

VERSION = 1  # bump when the generated content changes, so old stores are rebuilt


def default_path(n: int, seed: int) -> Path:
    """Where the store for ``n`` articles and ``seed`` is kept between runs."""
    return ROOT / "out" / "bench" / f"api-{n}-s{seed}-v{VERSION}.db"


def build(path: Path, n: int, seed: int = 7, batch: int = 1000) -> dict[str, Any]:
    """Write a store of ``n`` generated articles with their events and storylines to ``path``.

    Returns:
        Counts and the seconds it took.
    """
    start = time.perf_counter()
    tmp = path.with_suffix(".tmp.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    storyline_of: dict[str, str] = {}
    with Store(tmp) as store:
        pending = []
        for rec in generate(n, seed=seed):
            art = to_article(rec)
            pending.append((art, raw_hash(rec["id"] + rec["text"])))
            events[rec["event"]].append(rec)
            storyline_of[rec["event"]] = rec["storyline"]
            if len(pending) >= batch:
                store.save(pending)
                pending = []
        if pending:
            store.save(pending)
        made = []
        for gold, recs in events.items():
            recs.sort(key=lambda r: (r["published"], r["id"]))
            dates = [r["published"] for r in recs]
            made.append(Event(
                id=f"ev-{gold}", title=recs[0]["title"], articles=[r["id"] for r in recs],
                outlets=list(dict.fromkeys(r["outlet"] for r in recs)), first_seen=dates[0],
                last_seen=dates[-1], storyline=f"sl-{storyline_of[gold]}"))
        lines: dict[str, list[str]] = defaultdict(list)
        for ev in made:
            lines[ev.storyline or ""].append(ev.id)
        with store.transaction():
            store.upsert_events(made)
            store.assign((a, ev.id, 1.0, None) for ev in made for a in ev.articles)
            store.upsert_storylines(
                Storyline(id=sl, title=next(e.title for e in made if e.id == evs[0]), events=evs)
                for sl, evs in lines.items())
        counts = {"articles": store.count(), "events": store.count_events(),
                  "storylines": len(lines)}
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.replace(path)
    return {**counts, "seconds": round(time.perf_counter() - start, 1)}


def ensure(n: int, seed: int = 7) -> tuple[Path, dict[str, Any] | None]:
    """The store for ``n`` articles, built when missing; ``(path, build figures or None)``."""
    path = default_path(n, seed)
    if path.exists():
        return path, None
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, build(path, n, seed)


def main() -> int:
    """Build the store named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None, help="store path")
    args = parser.parse_args()
    out = args.out or default_path(args.n, args.seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    figures = build(out, args.n, args.seed)
    print(f"{out}: {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
