"""Quantities: the seed cases of the issue, invented sentences for each form, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.enrich.quantities import find_quantities, quantities_stage
from marsad.model import Article


def _seed(seeds_dir: Path, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _find(text: str, needle: str):
    """The quantity whose span contains ``needle`` (fails when there is none)."""
    for span in find_quantities(text):
        if needle in span.text:
            return span
    found = [s.text for s in find_quantities(text)]
    raise AssertionError(f"no quantity covering {needle!r} in {found}")


def _check(span, value, unit, approx=None, high=None, ordinal=False):
    a = span.attrs
    assert (a["value"], a["unit"], a["approx"], a["high"], a["ordinal"]) == (
        value, unit, approx, high, ordinal), (span.text, a)


# --- the seed pages --------------------------------------------------------------------------


def test_quantities_seed_002(seeds_dir: Path) -> None:
    text = _seed(seeds_dir, "002")
    _check(_find(text, "عشرة آلاف شخص"), 10000, "شخص", "more_than")
    _check(_find(text, "79 عضوا"), 79, "عضو")
    _check(_find(text, "ثمانية فروع"), 8, "فرع")
    _check(_find(text, "12 شبكة"), 12, "شبكة", "more_than")
    _check(_find(text, "4 سنوات"), 4, "سنة")
    _check(_find(text, "خمسة وستة"), 5, "كيلومتر مربع", "range", high=6)


def test_quantities_seed_000(seeds_dir: Path) -> None:
    text = _seed(seeds_dir, "000")
    _check(_find(text, "79 دولة"), 79, "دولة")
    _check(_find(text, "أربع سنوات"), 4, "سنة")
    _check(_find(text, "220 كيلومتراً"), 220, "كيلومتر/ساعة")
    _check(_find(text, "ما لا يقل عن 14"), 14, "قتيل", "at_least")


def test_quantities_seed_003(seeds_dir: Path) -> None:
    text = _seed(seeds_dir, "003")
    _check(_find(text, "76 دولة"), 76, "دولة", "about")
    _check(_find(text, "11 دولة"), 11, "دولة")
    _check(_find(text, "أكثر من 75"), 75, "عضو", "more_than")  # noun elided: عدد أعضائه
    assert _find(text, "أكثر من 75").attrs["unit_inferred"] is True


def test_quantities_seed_004(seeds_dir: Path) -> None:
    text = _seed(seeds_dir, "004")
    _check(_find(text, "14 ألف مقاتل"), 14000, "مقاتل")
    _check(_find(text, "ال68"), 68, "عضو", ordinal=True)
    _check(_find(text, "100 تقريبا"), 100, None, "about")
    _check(_find(text, "15 دولة"), 15, "دولة")


def test_quantities_seeds_skip_dates_and_years(seeds_dir: Path) -> None:
    texts = [_seed(seeds_dir, p) for p in ("000", "001", "002", "003", "004")]
    values = {s.attrs["value"] for t in texts for s in find_quantities(t)}
    assert not values & {2014, 2017, 2018, 2019, 2023, 2026}
    assert all(s.text == t[s.start:s.end] for t in texts for s in find_quantities(t))


# --- forms -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "needle", "value", "unit", "approx"), [
    ("قتل ٧٩ شخصاً في الهجوم", "٧٩", 79, "شخص", None),
    ("تضررت ١٠٬٠٠٠ أسرة", "١٠٬٠٠٠", 10000, "أسرة", None),
    ("وصلت 10,000 أسرة", "10,000", 10000, "أسرة", None),
    ("بلغت نسبة المشاركة ٣٫٥٪ فقط", "٣٫٥", 3.5, "%", None),
    ("ارتفعت الأسعار 20 في المئة", "20", 20, "%", None),
    ("خصصت الحكومة 2.5 مليار دولار", "2.5", 2_500_000_000, "دولار", None),
    ("تعهدت بتقديم ثلاثة ملايين يورو", "ثلاثة", 3_000_000, "يورو", None),
    ("نحو 500 ألف ليرة سورية", "500", 500_000, "ليرة سورية", "about"),
    ("شارك فيها خمسة وعشرون ألفاً من المتطوعين", "خمسة", 25000, "متطوع", None),
    ("سقط عشرةَ قتلى", "عشرةَ", 10, "قتيل", None),
    ("فاز بـ 11 مقعداً", "11", 11, "مقعد", None),
    ("فاز ب11 مقعداً", "11", 11, "مقعد", None),
    ("أرسلت لـ2000 أسرة", "2000", 2000, "أسرة", None),
    ("قرابة 300 نازح", "300", 300, "نازح", "about"),
    ("حوالي 40 منزلاً", "40", 40, "منزل", "about"),
    ("أقل من 50 جريحاً", "50", 50, "جريح", "less_than"),
    ("ما لا يزيد على 30 سيارة", "30", 30, "سيارة", "at_most"),
    ("ما يزيد على 600 مقاتل", "600", 600, "مقاتل", "more_than"),
    ("عدد النازحين تجاوز 280 ألف نازح", "280", 280_000, "نازح", "more_than"),
    ("قتل 14 شخصاً على الأقل", "14", 14, "شخص", "at_least"),
    ("نصف مليون لاجئ", "نصف", 500_000, "لاجئ", None),
    ("مليون ونصف المليون نسمة", "مليون", 1_500_000, "نسمة", None),
    ("pledged €2.4 billion to the fund", "2.4", 2_400_000_000, "يورو", None),
    ("about 265,000 refugees had returned", "265,000", 265_000, "لاجئ", "about"),
    ("plus de 1 100 familles", "1 100", 1100, "عائلة", "more_than"),
])
def test_quantities_forms(text: str, needle: str, value, unit, approx) -> None:
    span = _find(text, needle)
    assert (span.attrs["value"], span.attrs["unit"], span.attrs["approx"]) == (value, unit, approx)


def test_quantities_currency_and_percent_flags() -> None:
    (money,) = find_quantities("رصدت 450 مليون دولار")
    assert money.attrs["currency"] == "USD" and not money.attrs["percent"]
    (share,) = find_quantities("بنسبة 95%")
    assert share.attrs["percent"] is True and share.attrs["value"] == 95


def test_quantities_ranges() -> None:
    _check(_find("أصيب بين 10 و15 شخصاً", "10"), 10, "شخص", "range", high=15)
    _check(_find("سقط 20-25 قتيلاً", "20"), 20, "قتيل", "range", high=25)
    spans = find_quantities("ارتفع عدد الأعضاء من 14 إلى 17 دولة")
    assert [(s.attrs["value"], s.attrs["unit"]) for s in spans] == [(14, "دولة"), (17, "دولة")]


def test_quantities_unit_from_neighbour() -> None:
    text = "يستضيف لبنان أكثر من مليون لاجئ، وعاد نحو 65 ألفاً فقط"
    spans = find_quantities(text)
    assert [(s.attrs["value"], s.attrs["unit"]) for s in spans] == [(1_000_000, "لاجئ"),
                                                                    (65_000, "لاجئ")]
    assert spans[1].attrs["unit_inferred"] is True


def test_quantities_noun_first_counts() -> None:
    _check(_find("عثر على جثتي شخصين", "شخصين"), 2, "شخص")
    _check(_find("بحث عن المفقودين الأربعة", "الأربعة"), 4, "مفقود")
    _check(_find("نجا شخص واحد", "واحد"), 1, "شخص")
    assert find_quantities("في آن واحد") == []


def test_quantities_unknown_noun_is_guessed() -> None:
    span = _find("اشترت البلدية 12 حافلة كهربائية و7 جرافات", "7")
    assert span.attrs["unit"] == "جرافة" and span.attrs["unit_guessed"] is True


def test_quantities_vague_counts_only_on_request() -> None:
    text = "لا يزال آلاف المقاتلين في المنطقة"
    assert find_quantities(text) == []
    (span,) = find_quantities(text, vague=True)
    assert span.attrs["vague"] is True and span.attrs["unit"] == "مقاتل"


def test_quantities_dates_times_and_ids_are_skipped() -> None:
    text = ("في 12 يوليو 2018 عند الساعة 10 وفي 09/05/2017 وGMT 17:15:47 "
            "بحسب المادة 51 وطائرات F-16 في الثامن عشر من فبراير")
    assert find_quantities(text) == []


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "Hello world, nothing to count here.", "أكثر من", "بين 5 و", "ـــ",
    "\u064e" * 50, "9" * 5000, "٧٩" * 20000, "مليون " * 3000, "1,2,3,4,5,6", "3.5.6.7",
    "عشرة " * 5000, "«" * 100 + "»" * 100,
])
def test_quantities_bad_input_does_not_crash(text: str) -> None:
    spans = find_quantities(text)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


def test_quantities_long_line() -> None:
    text = ("قتل 14 شخصاً و" * 6000)[:100_000]
    spans = find_quantities(text)
    assert len(spans) > 5000 and spans[0].attrs["value"] == 14


def test_quantities_stage_fills_article() -> None:
    article = Article(id="a", source="s", text="سقط 12 قتيلاً")
    out = quantities_stage(article, settings=None)  # type: ignore[arg-type]
    assert article.quantities == [] and [s.attrs["value"] for s in out.quantities] == [12]
