"""Speed and memory of the summarizer and of the EASC evaluation.

Run: ``.venv/bin/python bench/bench_summarize.py [--repeat N]``. Reads EASC from ../shared at run
time (``$MARSAD_SHARED`` to point elsewhere) and prints, one line each (plus a ``BENCH`` JSON
line):

* ``summarize_text``: articles/s and ms per article over the EASC articles;
* ``summarize_event n=K``: seconds for one event of K articles (EASC articles given invented
  outlet names; above 74 the articles repeat under new ids, i.e. wire reprints, which also
  exercises the cap on scored sentences);
* ``evaluate_summarize``: seconds for the whole five-system EASC run;
* peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import time

from common import peak_rss_mb, report, shared_dir

from marsad.eval.summarize import evaluate_summarize, load_easc
from marsad.model import Article
from marsad.stories.summarize import summarize_event, summarize_text


def _event(texts: list[str], size: int) -> list[Article]:
    """``size`` articles from ``texts`` (cycled), 12 invented outlets, one day apart."""
    return [Article(id=f"a{i}", source=f"bench/{i}", text=texts[i % len(texts)],
                    outlet=f"outlet-{i % 12}", published=f"2024-01-{1 + i % 28:02d}")
            for i in range(size)]


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the EASC articles")
    args = parser.parse_args()
    easc = shared_dir() / "data" / "easc"
    texts = [a.text for a in load_easc(easc)]
    summarize_text(texts[0])  # warm caches (stop words, stemmer, splitter)

    start = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            summarize_text(text, ratio=0.25)
    seconds = time.perf_counter() - start
    n = args.repeat * len(texts)
    report("summarize_text", {"articles": n, "articles_per_s": n / seconds,
                              "ms_per_article": 1000 * seconds / n})

    for size in (5, 20, 74, 200):
        event = _event(texts, size)
        start = time.perf_counter()
        summary = summarize_event(event)
        seconds = time.perf_counter() - start
        report(f"summarize_event n={size}", {"seconds": seconds,
                                             "sentences": len(summary.sentences),
                                             "peak_rss_mb": peak_rss_mb()})

    start = time.perf_counter()
    result = evaluate_summarize(easc)
    report("evaluate_summarize", {"seconds": time.perf_counter() - start,
                                  "articles": result["articles"],
                                  "peak_rss_mb": peak_rss_mb()})


if __name__ == "__main__":
    main()
