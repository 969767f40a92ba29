"""Benchmark NER tagging and the entities stage (prints figures; never asserts).

Usage::

    .venv/bin/python bench/bench_ner.py [--data ../shared/data/anercorp] [--repeat 3]

Prints, on one core:

- the one-off cost of loading the model (both CRFs, lexicons, wordfreq's list);
- tokens per second of :meth:`CrfNerTagger.tag_stream` on the ANERcorp test part (feature
  extraction included), with cold word caches (first run) and warm ones (best of the rest),
  in wall-clock and CPU time;
- milliseconds per article of the whole ``entities`` stage (tokenize, tag, canonicalize) on
  the five seed articles and on the demo corpus bodies, scaled to a 600-word article, and on
  the same texts joined into articles of about 600 words (``ms_per_600_word_article``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from marsad.arabic.stage import language_stage  # noqa: E402
from marsad.arabic.tokenize import tokenize  # noqa: E402
from marsad.config import Settings  # noqa: E402
from marsad.enrich.entities import annotate  # noqa: E402
from marsad.enrich.ner import CrfNerTagger, load_tagger  # noqa: E402
from marsad.eval.ner import read_conll, resolve_data  # noqa: E402
from marsad.model import Article  # noqa: E402


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - w0, time.process_time() - c0


def bench_tagging(data: str, repeat: int) -> dict[str, float]:
    """Tokens per second of tag_stream on the test part (cold, then warm cache)."""
    tokens, _ = read_conll(resolve_data(data))
    shipped = load_tagger()
    w0 = time.perf_counter()
    tagger = CrfNerTagger.load(shipped.path_)  # fresh caches: the first run is cold
    _ = tagger.featurizer  # loads both CRFs and the lexicons
    load = time.perf_counter() - w0
    _, wall, cpu = _timed(tagger.tag_stream, tokens)
    result = {"tokens": len(tokens), "model_load_s": round(load, 2),
              "cold_tok_per_s_wall": round(len(tokens) / wall),
              "cold_tok_per_s_cpu": round(len(tokens) / cpu)}
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        _, wall, cpu = _timed(tagger.tag_stream, tokens)
        best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
    result["warm_tok_per_s_wall"] = round(len(tokens) / best_wall)
    result["warm_tok_per_s_cpu"] = round(len(tokens) / best_cpu)
    return result


def _articles() -> list[Article]:
    settings = Settings(progress=False)
    out = []
    seeds = ROOT.parent / "shared" / "samples" / "seeds.jsonl"
    if seeds.is_file():
        for line in seeds.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out.append(Article(id=rec["id"], source=rec["source"], text=rec["text"]))
    demo = ROOT / "examples" / "demo-corpus" / "gold" / "articles.jsonl"
    if demo.is_file():
        for line in demo.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out.append(Article(id=rec["id"], source=rec["id"], text=rec["body"]))
    return [language_stage(a, settings=settings) for a in out]


def _words(article: Article) -> int:
    return sum(1 for t in tokenize(article.text) if t.attrs["kind"] == "word")


def _joined(articles: list[Article], size: int = 600) -> list[Article]:
    """The articles' texts joined, in order, into articles of at least ``size`` words."""
    settings = Settings(progress=False)
    out: list[Article] = []
    texts: list[str] = []
    words = 0
    for a in articles:
        texts.append(a.text)
        words += _words(a)
        if words >= size:
            joined = Article(id=f"joined-{len(out)}", source="bench", text="\n\n".join(texts))
            out.append(language_stage(joined, settings=settings))
            texts, words = [], 0
    return out


def _best_cpu(articles: list[Article], repeat: int) -> tuple[float, float]:
    """Best wall and CPU seconds of annotating all ``articles`` once (warm caches)."""
    for a in articles:  # warm the model and word caches
        annotate(a)
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        for a in articles:
            annotate(a)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu


def bench_stage(repeat: int) -> dict[str, float]:
    """Milliseconds per article (and per 600 words) of the entities stage, warm caches."""
    articles = _articles()
    if not articles:
        return {}
    words = sum(_words(a) for a in articles)
    best_wall, best_cpu = _best_cpu(articles, repeat)
    result = {
        "articles": len(articles),
        "words": words,
        "ms_per_article_wall": round(1000 * best_wall / len(articles), 2),
        "ms_per_600_words_wall": round(1000 * best_wall * 600 / words, 2),
        "ms_per_600_words_cpu": round(1000 * best_cpu * 600 / words, 2),
        "articles_per_s_600_words_cpu": round(words / 600 / best_cpu, 1),
    }
    joined = _joined(articles)
    if joined:
        jwords = sum(_words(a) for a in joined)
        _, cpu = _best_cpu(joined, repeat)
        result["joined_articles"] = len(joined)
        result["joined_words_per_article"] = round(jwords / len(joined))
        result["ms_per_600_word_article_cpu"] = round(1000 * cpu * 600 / jwords, 2)
    return result


def main() -> None:
    """Run both benchmarks and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "anercorp"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one timed repeat")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
    result = {"tagging": bench_tagging(args.data, args.repeat),
              "entities_stage": bench_stage(args.repeat)}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
