"""Quotes: the seed cases of the issue, invented sentences for each form, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.enrich.quotes import analyze_quotes, find_quoted_terms, find_quotes, quotes_stage
from marsad.model import Article, Quote, Span


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _quote(quotes: list[Quote], first_words: str) -> Quote:
    for q in quotes:
        if q.text.lstrip("«\"“ ").startswith(first_words):
            return q
    raise AssertionError(f"no quote starting {first_words!r}: {[q.text[:30] for q in quotes]}")


# --- the seed pages --------------------------------------------------------------------------


def test_quotes_seed_002_coats_and_carried_speaker(seeds_dir: Path) -> None:
    quotes = find_quotes(_seed(seeds_dir, "002"))
    added = _quote(quotes, "لا يزال لدى داعش آلاف المقاتلين")
    assert added.kind == "direct" and "كوتس" in added.speaker and added.verb == "أضاف"
    stressed = _quote(quotes, "التنظيم \"سيستغل")  # وأكد ان التنظيم "سيستغل…"
    assert "كوتس" in stressed.speaker and stressed.attrs["speaker_how"] == "carried"
    likely = _quote(quotes, "من المرجح جداً")
    assert "كوتس" in likely.speaker and likely.attrs["speaker_how"] == "carried"
    indirect = _quote(quotes, "تنظيم داعش لا يزال لديه")
    assert indirect.kind == "indirect" and indirect.speaker == "دان كوتس"
    assert "مدير الاستخبارات" in indirect.attrs["speaker_phrase"]


def test_quotes_seed_000_statement_is_attributed_to_the_ministry(seeds_dir: Path) -> None:
    quotes = find_quotes(_seed(seeds_dir, "000"))
    first = _quote(quotes, "الهزيمة الإقليمية لداعش")
    assert first.kind == "direct" and first.speaker == "وزارة الخارجية الأميركية"
    assert first.verb == "قالت" and first.stance == "neutral"
    second = _quote(quotes, "تجري هذه الاجتماعات")
    assert "الخارجية الأميركية" in second.speaker
    assert second.attrs["speaker_phrase"] == "بيان الخارجية الأميركية"


def test_quotes_seed_001_tweet_after_colon_and_carried_speaker(seeds_dir: Path) -> None:
    quotes = find_quotes(_seed(seeds_dir, "001"))
    tweet = _quote(quotes, "عندما أصبحت رئيساً")
    assert tweet.speaker == "ترامب" and tweet.verb == "كتب" and tweet.attrs["marks"] == ":"
    assert tweet.text.endswith("وشيك")  # ends at the stray closing mark
    plan = _quote(quotes, "لا خطة لما سوف يلي")
    assert plan.speaker == "بريت مكغورك"
    follow = _quote(quotes, "بعد هزيمة تنظيم داعش")  # وتابع البيان: …
    assert follow.attrs["speaker_how"] == "anaphor" and "الخارجية" in follow.speaker


def test_quotes_seed_004_mattis_and_unnamed_official(seeds_dir: Path) -> None:
    quotes = find_quotes(_seed(seeds_dir, "004"))
    mattis = _quote(quotes, "سنتطلع إلى المستقبل")
    assert mattis.speaker == "ماتيس" and mattis.verb == "صرح" and mattis.kind == "direct"
    official = _quote(quotes, "الشرطة الدولية")
    assert official.kind == "indirect" and official.verb == "يقول"
    assert official.speaker == "مسؤول كبير في الإدارة الأمريكية"
    assert official.attrs["unnamed"] is True


def test_quotes_seed_terms_are_not_quotes(seeds_dir: Path) -> None:
    texts = [_seed(seeds_dir, p) for p in ("000", "001", "004")]
    terms = {s.text for t in texts for s in find_quoted_terms(t)}
    assert {"التحالف الدولي", "داعش", "دائمة", "دولة الخلافة", "تويتر"} <= terms
    quoted = {q.text for t in texts for q in find_quotes(t)}
    assert not quoted & {"التحالف الدولي", "داعش", "دائمة", "دولة الخلافة", "تويتر"}


def test_quotes_offsets_point_into_the_text(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        quotes, terms = analyze_quotes(text)
        assert all(text[q.start:q.end] == q.text for q in quotes)
        assert all(text[t.start:t.end] == t.text and t.label == "QUOTED_TERM" for t in terms)


# --- forms -----------------------------------------------------------------------------------


def test_quotes_marks_of_every_kind() -> None:
    for opening, closing in (("«", "»"), ("\"", "\""), ("“", "”")):
        text = f"وقال الوزير سليم العارف {opening}سنعمل على مدار الساعة حتى النهاية{closing}."
        (q,) = find_quotes(text)
        assert (q.kind, q.speaker, q.verb) == ("direct", "سليم العارف", "قال")
        assert q.text == "سنعمل على مدار الساعة حتى النهاية"


def test_quotes_stance_from_the_verb() -> None:
    claim, deny = find_quotes("زعم المتحدث باسم الحزب نادر البستاني أن الحكومة تجاهلت "
                              "التحذيرات. ونفت الوزارة أن تكون قد تلقت أي تحذير.")
    assert (claim.stance, claim.speaker) == ("loaded", "نادر البستاني")
    assert deny.stance == "denial" and deny.verb == "نفت"


def test_quotes_indirect_and_participle() -> None:
    text = "وقال مدير الهيئة منير الصافي إن الموجة هي الأعنف، مضيفاً أن المحطات سجلت أرقاماً قياسية."
    first, second = find_quotes(text)
    assert (first.kind, first.speaker, first.text) == ("indirect", "منير الصافي",
                                                       "الموجة هي الأعنف")
    assert (second.verb, second.speaker) == ("مضيفاً", "منير الصافي")


def test_quotes_apposition_and_svo() -> None:
    (q,) = find_quotes("وأكد وزير الخارجية، مايك بومبيو، أن الانسحاب لا يعني التخلي عن الحلفاء.")
    assert q.speaker == "مايك بومبيو"
    (q,) = find_quotes("وكانت وكالة الأنباء قد أشارت إلى أن الاجتماع سيعقد الأسبوع المقبل.")
    assert q.speaker == "وكالة الأنباء" and q.attrs["speaker_how"] == "before-verb"
    (q,) = find_quotes("أما المنسق الأممي يوهان كارلسون فقال إن الأرقام تتحسن ببطء.")
    assert q.speaker == "يوهان كارلسون"


def test_quotes_attribution_after_the_quote() -> None:
    (q,) = find_quotes("«لن نتراجع عن هذا القرار مهما كانت الضغوط»، قال رئيس الوزراء فؤاد الحكيم.")
    assert q.speaker == "فؤاد الحكيم" and q.attrs["verb_after"] is True


def test_quotes_headline_colon() -> None:
    (q,) = find_quotes("الحكومة: لا تراجع عن خطة الإصلاح الاقتصادي\nنص الخبر هنا.")
    assert (q.speaker, q.verb, q.attrs["speaker_how"]) == ("الحكومة", None, "headline")


def test_quotes_short_span_after_verb_is_a_quote() -> None:
    (q,) = find_quotes("ودعا الوزير إلى «تقاسم عادل للأعباء»، مؤكداً التزام بلاده.")
    assert q.kind == "direct" and q.text == "تقاسم عادل للأعباء" and q.verb == "دعا"


def test_quotes_nested_marks() -> None:
    text = 'قال المسؤول: "بعد تدمير ما تسمى "الخلافة"، لدينا تركيز متزايد على الشبكات".'
    quotes, terms = analyze_quotes(text)
    assert len(quotes) == 1 and quotes[0].text.endswith("على الشبكات")
    assert [t.text for t in terms] == ["الخلافة"] and terms[0].attrs["nested"] is True


def test_quotes_entities_link_the_speaker() -> None:
    text = "وقال وزير الخارجية مايك بومبيو إن الاجتماع سيعقد في واشنطن."
    start = text.index("مايك")
    ent = Span(start, start + len("مايك بومبيو"), "PER", "مايك بومبيو",
               {"entity": "per:mike-pompeo", "canonical": "مايك بومبيو"})
    (q,) = find_quotes(text, entities=[ent])
    assert (q.speaker, q.speaker_entity) == ("مايك بومبيو", "per:mike-pompeo")


def test_quotes_english_page() -> None:
    text = ("EU Commissioner Maria Gomes said Europe “will not turn its back on Syrians”, "
            "adding that Germany led the donors.")
    quotes = find_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Maria Gomes"),
                                                      ("indirect", "Maria Gomes")]


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "", " ", "\n", "Plain English text without any quotes.", '"', '""""""', "«««««", "»»»",
    "قال", ":", "قال:", 'وقال "', "قال إن", "«", "«غير مغلق\nسطر جديد»", "ـ" * 100,
    "“mixed «marks\" here”", "قال X: «abc» " * 500, "قال المسؤول إن " * 1000,
    'a"b"c«d»e' * 2000, "text «نص» texte \"نص\" 123",
])
def test_quotes_bad_input_does_not_crash(text: str) -> None:
    quotes, terms = analyze_quotes(text)
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)
    assert all(0 <= t.start < t.end <= len(text) for t in terms)


def test_quotes_unbalanced_mark_runs_to_end_of_paragraph() -> None:
    text = 'وقالت الوزارة في بيان: "إن الوضع تحت السيطرة وسنواصل العمل\nفقرة أخرى.'
    (q,) = find_quotes(text)
    assert q.attrs["unbalanced"] is True and q.text.endswith("وسنواصل العمل")


def test_quotes_long_line() -> None:
    text = ("وقال الوزير إن الوضع مستقر، " * 4000)[:100_000]
    quotes = find_quotes(text)
    assert len(quotes) > 1000


def test_quotes_stage_fills_quotes_and_terms() -> None:
    article = Article(id="a", source="s", text="وقال الوزير «نعمل بلا توقف منذ أيام» عن «الخطة».")
    out = quotes_stage(article, settings=None)  # type: ignore[arg-type]
    assert article.quotes == [] and "quoted_terms" not in article.extra
    assert [q.text for q in out.quotes] == ["نعمل بلا توقف منذ أيام"]
    assert [t["text"] for t in out.extra["quoted_terms"]] == ["الخطة"]
