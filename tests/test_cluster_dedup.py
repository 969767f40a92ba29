"""Exact duplicates, near-duplicates and wire reprints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cluster.dedup import DuplicateIndex, body_hash, text_credits, winnow
from marsad.model import Article

SENTENCES = [
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الجبلية.",
    "وقال الوزير في مؤتمر صحافي إن الخطة تشمل قروضا ميسرة وبذورا محسنة وتدريبا ميدانيا.",
    "وأضاف أن الوزارة ستفتح مكاتب متنقلة في القرى النائية خلال الأشهر الثلاثة المقبلة.",
    "وتأتي الخطة بعد موسم جفاف أضر بمحاصيل القمح والشعير في عدة محافظات.",
    "ورحب اتحاد المزارعين بالقرار لكنه طالب بتسريع صرف التعويضات المتأخرة منذ العام الماضي.",
    "ومن المتوقع أن يستفيد من الخطة نحو أربعين ألف مزارع في المرحلة الأولى.",
]
OTHER = ("افتتح المهرجان السينمائي دورته الجديدة بعرض فيلم وثائقي عن تاريخ المدينة القديمة، "
         "بحضور عدد من النقاد والمخرجين الشباب الذين ناقشوا مستقبل الإنتاج المستقل.")


def _art(aid: str, text: str, published: str = "2024-05-01", outlet: str = "أ",
         credits: list[str] | None = None) -> Article:
    return Article(id=aid, source="t", text=text, published=published, outlet=outlet,
                   credits=credits or [])


def test_dedup_exact_near_and_reprint() -> None:
    original = "\n".join(SENTENCES)
    index = DuplicateIndex().partial_fit([
        _art("orig", original),
        _art("exact", original.replace("\n", "  \n "), "2024-05-02", "ب"),
        _art("near", original.replace("أربعين", "خمسين"), "2024-05-02", "ج"),
        _art("reprint", "\n".join(SENTENCES[:4]) + "\n" + OTHER, "2024-05-03", "د"),
        _art("other", OTHER + " " + OTHER[::-1], "2024-05-03", "هـ"),
    ])
    kinds = {link["article"]: (link["kind"], link["original"]) for link in index.links_}
    assert kinds["exact"] == ("exact", "orig")
    assert kinds["near"] == ("near", "orig")
    assert kinds["reprint"] == ("reprint", "orig")
    assert "other" not in kinds and "orig" not in kinds
    overlap = next(x["overlap"] for x in index.links_ if x["article"] == "reprint")
    assert 0.5 <= overlap < 1.0
    assert index.count_once(["orig", "exact", "near", "reprint", "other"]) == 2
    assert index.original_of("reprint") == "orig" and index.original_of("orig") is None


def test_dedup_credited_outlet_needs_less_overlap() -> None:
    original = "\n".join(SENTENCES)
    partial = "\n".join(SENTENCES[:2]) + "\n" + OTHER + "\n" + OTHER[::-1]
    plain = DuplicateIndex().partial_fit([_art("o", original, outlet="الأفق"),
                                          _art("p", partial, "2024-05-02", "ب")])
    assert plain.links_ == []
    credited = DuplicateIndex().partial_fit([
        _art("o", original, outlet="الأفق"),
        _art("p", partial, "2024-05-02", "ب", credits=["الأفق"])])
    assert credited.links_[0]["kind"] == "reprint" and credited.links_[0]["original"] == "o"


def test_dedup_batch_order_does_not_matter() -> None:
    arts = [_art("a", "\n".join(SENTENCES)), _art("b", "\n".join(SENTENCES), "2024-05-02")]
    forward = DuplicateIndex().partial_fit(arts).links_
    backward = DuplicateIndex().partial_fit(arts[::-1]).links_
    assert forward == backward == [{"article": "b", "original": "a", "kind": "exact",
                                    "overlap": 1.0}]


def test_dedup_old_articles_leave_the_window() -> None:
    index = DuplicateIndex(window_days=5)
    index.partial_fit([_art("a", "\n".join(SENTENCES), "2024-01-01")])
    index.partial_fit([_art("z", OTHER, "2024-03-01")])
    index.partial_fit([_art("b", "\n".join(SENTENCES[:5]), "2024-03-02")])
    assert [x["article"] for x in index.links_] == []  # "a" left the near/reprint indexes
    index.partial_fit([_art("c", "\n".join(SENTENCES), "2024-03-03")])
    assert index.links_[-1]["kind"] == "exact"  # exact hashes are kept for good


def test_dedup_text_credits_on_seeds(seeds_jsonl: Path) -> None:
    pages = {json.loads(x)["id"][:3]: json.loads(x)["text"]
             for x in seeds_jsonl.read_text(encoding="utf-8").splitlines()}
    assert "وكالات" in text_credits(pages["001"])
    assert "الشرق الأوسط" in text_credits(pages["003"])
    assert text_credits(pages["000"]) == []  # "(ا.ف.ب)" there credits photos, not the article


@pytest.mark.parametrize("text, expected", [
    ("بيروت (أ ف ب) - قال مسؤول إن المحادثات مستمرة.", ["أ ف ب"]),
    ("عمّان (رويترز) - ارتفعت الأسعار.", ["رويترز"]),
    ("خبر عن الطقس.\nالمصدر: وكالة الأنباء الرسمية", ["وكالة الأنباء الرسمية"]),
    ("صورة للوزير (رويترز)\nنص الخبر هنا.", []),
])
def test_dedup_text_credit_patterns(text: str, expected: list[str]) -> None:
    assert text_credits(text) == expected


def test_dedup_helpers() -> None:
    import numpy as np

    assert body_hash(_art("a", "نصُّ  الخبر")) == body_hash(_art("b", "نص الخبر"))
    fps = winnow(np.array([5, 3, 9, 1, 7, 8], dtype=np.uint32), 3)
    assert fps.tolist() == [1, 3]
