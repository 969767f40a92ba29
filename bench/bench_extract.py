"""Extraction throughput: text dumps (pages/s) and HTML (as a ratio to bare trafilatura).

Text dumps: 10,000 pages made by the text-dump benchmark's generator from the team's fixtures
plus the demo corpus dumps, run through ``marsad.extract.extract_page`` (decode, boilerplate
filter, fields, content hash) on one core. HTML: the ScrapingHub benchmark pages and the demo
corpus HTML cycled to 10,000 pages; for each page bare ``trafilatura.extract`` and marsad's
``extract_page`` run back to back, so machine load hits both alike and the ratio is fair.

Usage: .venv/bin/python bench/bench_extract.py [--pages 10000] [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import time

from bench_textdump import make_pages
from common import ROOT, peak_rss_mb, report, shared_dir

from marsad.config import load_settings
from marsad.eval.extract import load_benchmark
from marsad.extract import extract_page
from marsad.model import Article, RawPage


def text_pages(n: int) -> list[RawPage]:
    """``n`` text-dump pages: demo corpus dumps and generated variants."""
    demo = sorted((ROOT / "examples" / "demo-corpus" / "pages").glob("*/*.txt"))
    pages = [RawPage(p.stem, str(p), p.read_bytes(), "text", {}) for p in demo]
    generated = make_pages(max(0, n - len(pages)), seed=11)
    pages += [RawPage(f"gen-{i}", f"gen://{i}", text.encode("utf-8"), "text", {})
              for i, (text, _) in enumerate(generated)]
    return pages[:n]


def html_pages(n: int) -> list[str]:
    """``n`` HTML pages: the ScrapingHub benchmark and the demo corpus, cycled."""
    bench, _ = load_benchmark(shared_dir() / "data" / "scrapinghub-article-extraction")
    demo = [p.read_text(encoding="utf-8")
            for p in sorted((ROOT / "examples" / "demo-corpus" / "pages").glob("*/*.html"))]
    return list(itertools.islice(itertools.cycle(list(bench.values()) + demo), n))


def main() -> None:
    """Run both measurements and print them."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="1,000 pages each")
    args = ap.parse_args()
    n = 1_000 if args.quick else args.pages
    settings = load_settings(env={}, progress=False)

    pages = text_pages(n)
    extract_page(pages[0], settings=settings)  # warm imports and caches
    start = time.process_time()
    ok = sum(isinstance(extract_page(p, settings=settings), Article) for p in pages)
    cpu = time.process_time() - start
    report("extract.textdump", {"pages": len(pages), "articles": ok,
                                "pages_per_s_cpu": round(len(pages) / cpu, 1),
                                "peak_rss_mb": round(peak_rss_mb(), 1)})

    import trafilatura

    htmls = html_pages(n)
    trafilatura.extract(htmls[0])
    extract_page(RawPage("w", "w", htmls[0].encode(), "html", {}), settings=settings)
    t_traf = t_marsad = 0.0
    for i, html in enumerate(htmls):
        data = html.encode("utf-8")
        a = time.process_time()
        trafilatura.extract(html)
        b = time.process_time()
        extract_page(RawPage(f"h{i}", f"h{i}", data, "html", {}), settings=settings)
        c = time.process_time()
        t_traf += b - a
        t_marsad += c - b
    report("extract.html", {"pages": len(htmls),
                            "marsad_pages_per_s_cpu": round(len(htmls) / t_marsad, 1),
                            "trafilatura_pages_per_s_cpu": round(len(htmls) / t_traf, 1),
                            "time_ratio_vs_trafilatura": round(t_marsad / t_traf, 3),
                            "peak_rss_mb": round(peak_rss_mb(), 1)})


if __name__ == "__main__":
    main()
