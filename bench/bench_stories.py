"""Story products benchmark: facts, comparison, whole stories and the HTML report.

Enriches the demo corpus once (``examples/demo-corpus/pages``, the real pipeline; not timed
with the story products), then times:

* ``build_stories`` over the demo's gold events and storylines (11 events, 3 storylines);
* one event grown to N articles (the demo's Brussels meeting reports, each copy given its own
  outlet and an extra invented sentence so it is not an exact duplicate): ``event_facts``,
  ``outlet_comparison`` and the whole ``build_story`` at N = 25, 100, 400;
* ``write_report`` of the demo stories.

    python bench/bench_stories.py            # N up to 400
    python bench/bench_stories.py --quick    # N up to 100
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, peak_rss_mb, report

from marsad.eval.stories_demo import load_demo
from marsad.model import Article, Event
from marsad.stories.compare import outlet_comparison
from marsad.stories.facts import event_facts
from marsad.stories.report import write_report
from marsad.stories.story import build_stories, build_story

DEMO = ROOT / "examples" / "demo-corpus"


def grown_event(seed: list[Article], n: int) -> list[Article]:
    """``n`` articles made from ``seed``: distinct ids, outlets and one extra sentence each."""
    out = []
    for i in range(n):
        base = seed[i % len(seed)]
        extra = f"\nوأفاد مراسل الوسيلة رقم {i} بأن {i % 7 + 2} وفود إضافية وصلت إلى القاعة."
        out.append(base.replace(id=f"{base.id}-{i}", outlet=f"وسيلة {i % 40}",
                                text=base.text + extra))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()

    start = time.perf_counter()
    demo = load_demo(DEMO)
    report("stories_demo_enrich", {"articles": len(demo["articles"]),
                                   "seconds": time.perf_counter() - start})

    start = time.perf_counter()
    stories, lines = build_stories(demo["events"], demo["articles"], demo["storylines"])
    seconds = time.perf_counter() - start
    report("stories_build_demo", {"events": len(stories), "storylines": len(lines),
                                  "seconds": seconds, "events_per_s": len(stories) / seconds,
                                  "peak_rss_mb": peak_rss_mb()})

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        write_report(stories, lines, Path(tmp), articles=demo["articles"])
        report("stories_report_demo", {"pages": len(stories) + 1,
                                       "seconds": time.perf_counter() - start,
                                       "bytes": sum(p.stat().st_size
                                                    for p in Path(tmp).glob("*.html"))})

    seed_event = next(e for e in demo["events"] if len(e.articles) >= 5)
    seed = [demo["articles"][i] for i in seed_event.articles]
    for n in (25, 100) if args.quick else (25, 100, 400):
        articles = grown_event(seed, n)
        event = Event(id=f"grown-{n}", articles=[a.id for a in articles],
                      event_date=seed_event.event_date)
        start = time.perf_counter()
        facts = event_facts(articles, event=event)
        t_facts = time.perf_counter() - start
        start = time.perf_counter()
        outlet_comparison(articles, facts=facts)
        t_compare = time.perf_counter() - start
        start = time.perf_counter()
        build_story(event, articles)
        t_story = time.perf_counter() - start
        report(f"stories_event_{n}", {"articles": n, "facts_s": t_facts,
                                      "compare_s": t_compare, "story_s": t_story,
                                      "peak_rss_mb": peak_rss_mb()})


if __name__ == "__main__":
    main()
