"""Throughput of the Arabic language layer on a synthetic 600-word article.

Run: ``.venv/bin/python bench/bench_arabic.py [--words 600] [--repeat 5]``

Prints characters (or tokens) per second for normalization, the offset map, sentence splitting,
tokenization and stemming, and milliseconds per article for the whole ``language`` stage.
The article is made of sentences written for this benchmark (not taken from any outlet).
"""

from __future__ import annotations

import argparse
import timeit

from marsad.arabic.normalize import normalize, normalize_with_offsets
from marsad.arabic.sentences import split_sentences
from marsad.arabic.stage import language_stage
from marsad.arabic.stem import stem_tokens
from marsad.arabic.tokenize import tokenize, word_tokens
from marsad.config import Settings
from marsad.model import Article

SENTENCES = (
    "أعلنت وزارة الخارجية في بيانٍ صدر صباح اليوم أن الوزراء سيجتمعون في العاصمة الأسبوع المقبل.",
    "وقال المتحدث باسم الوزارة، سامي الحداد، إن \"الاجتماع سيبحث سبل إعادة الإعمار. "
    "ولن يقتصر على الجوانب الأمنية\".",
    "وأضاف أن أكثر من عشرة آلاف شخص نزحوا خلال الأيام الثلاثة الماضية، معظمهم من النساء "
    "والأطفال.",
    "ويُتوقع أن يشارك في الاجتماع ممثلو ٤٥ دولة ومنظمة دولية، بحسب ما نقلت وكالة الأنباء (أ.ف.ب).",
    "وأشار د. كريم منصور، أستاذ العلوم السياسية، إلى أن «التحالف يواجه تحديات كبيرة… "
    "لكنه ما زال متماسكاً».",
    "وكانت الحكومة قد خصصت مليوناً ونصف المليون دولار لدعم المتضررين في المناطق الشمالية.",
    "ومن المقرر أن يعقد المؤتمر الصحافي الختامي في السادس من آذار/مارس عند الساعة ٣٫٣٠ عصراً.",
    "هل سينجح الاجتماع في تحقيق أهدافه؟ يرى مراقبون أن الإجابة ستتضح خلال أسابيع قليلة.",
)


def build_article(words: int) -> str:
    """Paragraphs of the sentences above, cut to ``words`` words (one paragraph per line)."""
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        sentence = SENTENCES[i % len(SENTENCES)]
        out.append(sentence + ("\n" if i % 3 == 2 else " "))
        count += len(sentence.split())
        i += 1
    return "".join(out).strip()


def best(func, number: int, repeat: int) -> float:
    """Best time of one call, in seconds."""
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--number", type=int, default=200)
    args = parser.parse_args()

    text = build_article(args.words)
    chars = len(text)
    words = word_tokens(text)
    norm_words = normalize(" ".join(words)).split(" ")
    settings = Settings()
    article = Article(id="bench", source="bench", text=text, title=SENTENCES[0])
    language_stage(article, settings=settings)  # warm caches and lingua-free fast path

    print(f"article: {len(text.split())} words, {chars} characters, "
          f"{len(split_sentences(text))} sentences, {len(tokenize(text))} tokens")
    rows = [
        ("normalize", lambda: normalize(text), chars, "chars"),
        ("normalize_with_offsets", lambda: normalize_with_offsets(text), chars, "chars"),
        ("split_sentences", lambda: split_sentences(text), chars, "chars"),
        ("tokenize (Span objects)", lambda: tokenize(text), len(tokenize(text)), "tokens"),
        ("word_tokens", lambda: word_tokens(text), len(words), "tokens"),
        ("stem_tokens (raw words)", lambda: stem_tokens(words), len(words), "tokens"),
        ("stem_tokens (normalized)", lambda: stem_tokens(norm_words, normalized=True),
         len(norm_words), "tokens"),
    ]
    for name, func, size, unit in rows:
        seconds = best(func, args.number, args.repeat)
        print(f"{name:26s} {seconds * 1e3:8.3f} ms/article  {size / seconds:14,.0f} {unit}/s")
    seconds = best(lambda: language_stage(article, settings=settings), args.number, args.repeat)
    print(f"{'language stage (whole)':26s} {seconds * 1e3:8.3f} ms/article  "
          f"{1 / seconds:14,.0f} articles/s")


if __name__ == "__main__":
    main()
