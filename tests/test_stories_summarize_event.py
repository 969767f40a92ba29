"""Cited multi-document event summaries (marsad.stories.summarize.summarize_event)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.model import Article, Span
from marsad.stories.summarize import EventSummary, summarize_event

# Invented event reported by three invented outlets; the minister's statement is a wire
# sentence all three carry (one with a small edit).
SHARED = "وقال وزير النقل سامي الحداد إن طول الجسر يبلغ 1200 متر وإن كلفته بلغت 45 مليون دولار."
A = ("افتتحت الحكومة صباح الاثنين جسرا جديدا فوق نهر الزيتون يربط شطري مدينة النور.\n"
     f"{SHARED}\n"
     "وحضر الافتتاح عدد من النواب وممثلي الشركات التي شاركت في أعمال البناء.\n")
B = ("احتفلت مدينة النور بافتتاح الجسر الجديد فوق نهر الزيتون بعد أربع سنوات من العمل.\n"
     f"{SHARED}\n"
     "ويتوقع خبراء أن يخفف الجسر من الازدحام المروري في وسط المدينة بشكل كبير.\n")
C = ("شهدت مدينة النور افتتاح جسر نهر الزيتون وسط إجراءات أمنية مشددة.\n"
     "وقال وزير النقل سامي الحداد إن طول الجسر يبلغ 1200 متر وإن كلفته بلغت 45 مليون دولار "
     "أمريكي.\n"
     "واشتكى بعض السكان من إغلاق الطرق المؤدية إلى موقع الحفل لساعات طويلة.\n")


def _article(ident: str, text: str, outlet: str, published: str, title: str = "") -> Article:
    return Article(id=ident, source=f"test/{ident}", text=text, title=title, outlet=outlet,
                   published=published)


def _mini_event() -> list[Article]:
    return [
        _article("b", B, "صحيفة الضفة", "2024-03-04", "افتتاح جسر نهر الزيتون في مدينة النور"),
        _article("a", A, "وكالة النهر", "2024-03-04", "الحكومة تفتتح جسرا جديدا"),
        _article("c", C, "إذاعة الشمال", "2024-03-05", "افتتاح الجسر وسط إجراءات أمنية"),
    ]


def test_summarize_event_shared_sentence_is_cited_by_all_three_outlets() -> None:
    summary = summarize_event(_mini_event())
    shared = [s for s in summary.sentences if "سامي الحداد" in s.text]
    assert len(shared) == 1, "the wire sentence is one piece of information"
    cited = {c.outlet for c in shared[0].citations}
    assert cited == {"وكالة النهر", "صحيفة الضفة", "إذاعة الشمال"}
    assert {c.article for c in shared[0].citations} == {"a", "b", "c"}


def test_summarize_event_every_sentence_cites_its_source_first() -> None:
    summary = summarize_event(_mini_event())
    assert summary.sentences
    for sentence in summary.sentences:
        assert sentence.citations[0].article == sentence.article
        assert sentence.citations[0].outlet == sentence.outlet
        assert sentence.citations[0].similarity == 1.0
        assert all(0.0 < c.similarity <= 1.0 for c in sentence.citations)


def test_summarize_event_offsets_point_into_the_source_article() -> None:
    events = _mini_event()
    by_id = {a.id: a for a in events}
    for sentence in summarize_event(events).sentences:
        assert by_id[sentence.article].text[sentence.start:sentence.end] == sentence.text


def test_summarize_event_reprint_is_taken_from_the_earliest_article() -> None:
    events = _mini_event()
    events[2] = events[2].replace(text=C.replace(C.splitlines()[1], SHARED), published="2024-03-01")
    shared = [s for s in summarize_event(events).sentences if "سامي الحداد" in s.text]
    assert shared[0].article == "c"


def test_summarize_event_orders_by_position_then_time() -> None:
    summary = summarize_event(_mini_event(), max_sentences=4)
    keys = []
    for s in summary.sentences:
        article = next(a for a in _mini_event() if a.id == s.article)
        index = [x.strip() for x in article.text.splitlines()].index(s.text)
        keys.append((index, article.published))
    assert keys == sorted(keys)


def test_summarize_event_headline_is_the_most_central_title() -> None:
    summary = summarize_event(_mini_event())
    assert summary.headline == "افتتاح جسر نهر الزيتون في مدينة النور"
    assert summary.headline_article == "b"


def test_summarize_event_composes_headline_without_titles() -> None:
    untitled = [a.replace(title="") for a in _mini_event()]
    summary = summarize_event(untitled)
    assert summary.headline.strip()
    assert summary.headline_article is None
    empty = summarize_event([_article("x", "", "وكالة النهر", "2024-03-04")])
    assert empty.headline.strip() and empty.sentences == ()


def test_summarize_event_respects_max_sentences_and_validates() -> None:
    assert len(summarize_event(_mini_event(), max_sentences=2).sentences) == 2
    with pytest.raises(ValueError, match="at least one article"):
        summarize_event([])
    with pytest.raises(ValueError, match="max_sentences"):
        summarize_event(_mini_event(), max_sentences=0)


def test_summarize_event_uses_language_stage_sentences_when_present() -> None:
    # No punctuation: split here, this would be one sentence; the stage's spans make it two.
    first = "افتتحت الحكومة جسرا جديدا فوق النهر الكبير في المدينة صباح اليوم"
    text = first + " وحضر الافتتاح عدد كبير من النواب والوزراء وممثلي الشركات"
    cut = len(first)
    article = _article("s", text, "وكالة النهر", "2024-03-04").replace(
        sentences=[Span(0, cut, "SENT", text[:cut]), Span(cut + 1, len(text), "SENT",
                                                          text[cut + 1:])])
    summary = summarize_event([article], max_sentences=2)
    assert [(s.start, s.end) for s in summary.sentences] == [(0, cut), (cut + 1, len(text))]


def test_summarize_event_shared_entities_raise_citation_similarity() -> None:
    first = "أكد الرئيس ترامب في واشنطن دعم بلاده للتحالف في المرحلة المقبلة من الحرب"
    second = "أكد الرئيس ترمب في العاصمة دعم الولايات المتحدة للتحالف خلال المرحلة المقبلة"

    def with_entities(ident: str, text: str, names: dict[str, str]) -> Article:
        spans = []
        for name, canonical in names.items():
            start = text.index(name)
            spans.append(Span(start, start + len(name), "PER", name, {"canonical": canonical}))
        return _article(ident, text, ident, "2024-01-01").replace(entities=spans)

    plain = summarize_event([_article("x", first, "x", "2024-01-01"),
                             _article("y", second, "y", "2024-01-02")], max_sentences=1)
    linked = summarize_event([with_entities("x", first, {"ترامب": "Q22686", "واشنطن": "Q61"}),
                              with_entities("y", second, {"ترمب": "Q22686", "العاصمة": "Q61"})],
                             max_sentences=1)

    def best_other(summary: EventSummary) -> float:
        return max((c.similarity for c in summary.sentences[0].citations[1:]), default=0.0)

    assert best_other(linked) > best_other(plain)


def test_summarize_event_to_dict_is_json_ready() -> None:
    d = summarize_event(_mini_event()).to_dict()
    assert set(d) == {"headline", "headline_article", "sentences", "outlets"}
    assert set(d["sentences"][0]) == {"text", "article", "outlet", "start", "end", "citations"}
    assert set(d["sentences"][0]["citations"][0]) == {"article", "outlet", "similarity"}
    json.dumps(d, ensure_ascii=False)


def test_summarize_event_is_deterministic_across_hash_seeds() -> None:
    # Sets of strings iterate in a per-process order; the summary must not depend on it.
    code = ("import json, sys; sys.path.insert(0, {tests!r});"
            "from test_stories_summarize_event import _mini_event;"
            "from marsad.stories.summarize import summarize_event;"
            "print(json.dumps(summarize_event(_mini_event()).to_dict(), ensure_ascii=False))")
    code = code.format(tests=str(Path(__file__).parent))
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


_SENTENCE_END = re.compile(r"[.!?؟…\"»”]\s*$")


def _crude_body(text: str) -> str:
    """Crude boilerplate removal for the seeds: lines of >= 12 words ending a sentence."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n".join(line for line in lines
                     if len(line.split()) >= 12 and _SENTENCE_END.search(line))


def test_summarize_event_february_2019_seeds_cite_all_three_outlets(seeds_jsonl: Path) -> None:
    records = [json.loads(line) for line in seeds_jsonl.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    chosen = [r for r in records if r["id"][:3] in ("000", "001", "002")]
    assert len(chosen) == 3
    articles = [Article(id=r["id"], source=r["source"], text=_crude_body(r["text"]),
                        title=next(x.strip() for x in r["text"].splitlines() if x.strip()),
                        outlet=r["outlet"], published=r["published"]) for r in chosen]
    summary = summarize_event(articles)
    assert set(summary.outlets) == {r["outlet"] for r in chosen}
    assert summary.headline.strip()
    # at least one sentence is carried by more than one outlet and cites them
    assert any(len({c.outlet for c in s.citations}) > 1 for s in summary.sentences)


def test_summarize_event_cites_across_english_articles() -> None:
    shared = ("The transport minister said the new bridge is 1,200 metres long and cost "
              "45 million dollars to build.")
    texts = {
        "e1": f"The government opened a new bridge over the Olive River on Monday.\n{shared}\n",
        "e2": f"Residents of Nour celebrated the opening of the long-awaited bridge.\n{shared}\n",
        "e3": ("Security was tight as the Olive River bridge opened in Nour.\n"
               "The transport minister said the bridge is 1,200 metres long and cost "
               "45 million dollars.\n"),
    }
    articles = [_article(k, v, f"outlet-{k}", "2024-03-04").replace(language="en")
                for k, v in texts.items()]
    summary = summarize_event(articles)
    carried = [s for s in summary.sentences if "minister" in s.text]
    assert len(carried) == 1
    assert {c.article for c in carried[0].citations} == {"e1", "e2", "e3"}
