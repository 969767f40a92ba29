"""Throughput of the timex rules on synthetic 600-word Arabic articles (made up for the bench).

Run: ``.venv/bin/python bench/bench_timex.py [--repeat N]``. Prints the import time (the
patterns compile then), words per second and milliseconds per article for
:func:`marsad.enrich.timex.find_timexes` on a "dense" article (a date in every sentence) and a
"typical" one (one sentence in four), and the time for one 20,000-word sentence (the bad-input
case). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date

_T0 = time.perf_counter()
from marsad.enrich.timex import find_timexes  # noqa: E402 - timed import

IMPORT_SECONDS = time.perf_counter() - _T0

# Invented sentences: each carries one or two temporal expressions among ordinary news words.
SENTENCES = [
    "أعلنت وزارة الخارجية اليوم الخميس أن الاجتماع الوزاري سيعقد في السادس من فبراير المقبل.",
    "وكان الوزير قد التقى نظيره الفرنسي في 19 كانون الأول الماضي في باريس لبحث الملفات العالقة.",
    "وقال المتحدث باسم الحكومة إن المفاوضات استمرت أربع سنوات قبل التوصل إلى اتفاق نهائي.",
    "ومن المقرر أن تبدأ اللجنة أعمالها الأسبوع المقبل بمشاركة خبراء من عدة دول عربية وأجنبية.",
    "وشهدت المدينة صباح أمس (الأربعاء) احتجاجات واسعة على ارتفاع الأسعار وتراجع الخدمات.",
    "وأشار التقرير إلى أن عدد السكان ارتفع بين عامي 2014 و2017 بنسبة كبيرة في المناطق الريفية.",
    "وفي 12 يوليو (تموز) 2018 عقد المجلس جلسة طارئة، وتلاها اجتماع آخر بعد أسبوعين.",
    "ويجتمع المجلس البلدي كل يوم جمعة لمناقشة شكاوى المواطنين ومتابعة المشاريع المتأخرة.",
    "وتنطلق الدورة الجديدة في 12 جوان 2025 وتختتم في فاتح ماي من العام المقبل بحفل رسمي.",
    "وأكد المدير أن النتائج ستعلن خلال 48 ساعة بعد انتهاء عمليات الفرز والتدقيق في الدوائر.",
    "ويصادف الأول من رمضان 1446 هـ بداية شهر الصيام الذي ينتظره المسلمون في أنحاء العالم.",
    "وتراجعت صادرات النفط خلال الأسابيع الخمسة الأخيرة بسبب الأحوال الجوية في الموانئ.",
    "وقال شهود إن القصف توقف منذ يوم الجمعة الماضي بعد وساطة قادتها أطراف إقليمية ودولية.",
    "ولم تصدر الحكومة أي تعليق رسمي على الاتهامات التي وجهتها المعارضة إلى الأجهزة الأمنية.",
    "ويتوقع الخبراء أن يستمر التضخم في الارتفاع حتى نهاية العام الجاري ما لم تتخذ إجراءات.",
    "وكانت الحملة قد بدأت في خريف العام 2014 وشملت مناطق واسعة من الشمال والشرق.",
]


# Invented sentences with no temporal expression, to dilute the dense article.
FILLER = [
    "وقال المسؤول إن الحكومة تعمل على تحسين الخدمات العامة في المناطق المتضررة من الأزمة.",
    "وأضاف أن التعاون بين الوزارات ضروري لتجاوز الصعوبات الاقتصادية التي تواجه البلاد.",
    "وشدد على أهمية الحوار بين الأطراف السياسية للوصول إلى حلول ترضي جميع المواطنين.",
]


def synthetic_article(words: int = 600, every: int = 1) -> str:
    """Invented sentences, one paragraph each, up to ``words`` words.

    Args:
        words: Length of the article in words.
        every: One sentence in ``every`` carries temporal expressions, the others are filler.
    """
    out: list[str] = []
    n = 0
    i = 0
    while n < words:
        s = SENTENCES[(i // every) % len(SENTENCES)] if i % every == 0 else FILLER[i % 3]
        out.append(s)
        n += len(s.split())
        i += 1
    return "\n".join(out)


def _median_seconds(func: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    """Time the rules and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=300)
    args = parser.parse_args()
    anchor = date(2019, 1, 31)
    print(f"import of marsad.enrich.timex (compiles the patterns): {IMPORT_SECONDS * 1000:.0f} ms")
    for name, every in (("dense", 1), ("typical", 4)):
        text = synthetic_article(every=every)
        n_words = len(text.split())
        spans = find_timexes(text, anchor)
        med = _median_seconds(lambda text=text: find_timexes(text, anchor), args.repeat)
        print(f"{name} article: {n_words} words, {len(spans)} timexes: median {med * 1000:.2f} ms"
              f" over {args.repeat} runs ({n_words / med:,.0f} words/s)")
    long_words = ("قال المسؤول إن الوضع مستقر في المنطقة والعاصمة " * 2500).split()
    long_words[100:100] = ["في", "6", "فبراير", "2019"]
    long_text = " ".join(long_words)
    t = time.perf_counter()
    long_spans = find_timexes(long_text, anchor)
    long_time = time.perf_counter() - t
    print(f"one sentence of {len(long_words):,} words: {long_time * 1000:.1f} ms, "
          f"{len(long_spans)} timex(es)")


if __name__ == "__main__":
    main()
