"""The ``timexes`` and ``pubdate`` stages, publication-date inference and ``parse_date_text``."""

from __future__ import annotations

from marsad.config import Settings
from marsad.enrich.timex import (
    find_timexes,
    infer_publication_date,
    parse_date_text,
    pubdate_stage,
    timexes_stage,
)
from marsad.model import Article
from marsad.pipeline import check_order, get_stage

BODY = (
    "أعلنت الحكومة أمس عن خطة جديدة للنقل.\n"
    "وكانت الوزارة قد عرضت المشروع في 12 يوليو 2018 أمام البرلمان، "
    "ثم عدلته في 3 يناير 2019 بعد احتجاجات.\n"
    "ومن المقرر أن يبدأ التنفيذ في 6 فبراير 2019 في العاصمة.\n"
)


def _article(text: str, published: str | None = None) -> Article:
    return Article(id="a1", source="test", text=text, published=published)


def test_timex_stages_are_registered_in_order() -> None:
    assert get_stage("timexes").func is timexes_stage
    assert get_stage("pubdate").func is pubdate_stage
    names = [i.name for i in check_order(["timexes", "pubdate"])]
    assert names == ["timexes", "pubdate"]


def test_timexes_stage_resolves_against_published_with_time(settings: Settings) -> None:
    art = _article("وصل الوزير أمس إلى المدينة.", "2019-01-31T17:15:47Z")
    out = timexes_stage(art, settings=settings)
    assert out is not art and art.timexes == []
    assert [s.attrs["value"] for s in out.timexes] == ["2019-01-30"]


def test_pubdate_stage_keeps_known_date(settings: Settings) -> None:
    art = timexes_stage(_article(BODY, "2019-01-10"), settings=settings)
    assert pubdate_stage(art, settings=settings) is art


def test_pubdate_stage_infers_latest_reported_date(settings: Settings) -> None:
    # 6 فبراير is announced (المقرر): publication is not after it; 3 يناير is the latest report
    text = "تقرير\n" + "نص تمهيدي طويل. " * 25 + BODY
    art = timexes_stage(_article(text), settings=settings)
    assert art.timexes[0].attrs["resolved"] is False  # أمس without a date
    out = pubdate_stage(art, settings=settings)
    assert (out.published, out.published_how) == ("2019-01-03", "inferred")
    yesterday = next(s for s in out.timexes if s.text == "أمس")
    assert yesterday.attrs["value"] == "2019-01-02"
    assert yesterday.attrs["how"] == "relative-to-publication; anchor inferred"
    absolute = next(s for s in out.timexes if s.text == "12 يوليو 2018")
    assert absolute.attrs["how"] == "absolute"


def test_pubdate_stage_prefers_dateline(settings: Settings) -> None:
    text = "الخميس 13 آذار 2025\n" + "نص. " * 10 + "وقع الحادث في 20 مارس 2025 ثم أمس."
    out = pubdate_stage(timexes_stage(_article(text), settings=settings), settings=settings)
    assert out.published == "2025-03-13"


def test_pubdate_stage_without_dates_leaves_article(settings: Settings) -> None:
    art = timexes_stage(_article("وصل الوزير أمس إلى المدينة."), settings=settings)
    out = pubdate_stage(art, settings=settings)
    assert out.published is None and out.published_how is None


def test_infer_publication_date_ignores_future_and_partial_dates() -> None:
    spans = find_timexes("سيعقد المؤتمر في 6 فبراير 2019، وفي مارس 2018 عقد آخر، وفي 2017.",
                         None)
    assert infer_publication_date(spans) is None


def test_parse_date_text_forms() -> None:
    assert parse_date_text("الخميس 13 آذار 2025") == "2025-03-13"
    assert parse_date_text("نُشر في: 12/03/2025 - 10:30") == "2025-03-12"
    assert parse_date_text("2019-01-31T17:15:47Z") == "2019-01-31"
    assert parse_date_text("31 يناير 2019") == "2019-01-31"
    assert parse_date_text("١٥ رمضان ١٤٤٦ هـ") == "2025-03-15"
    assert parse_date_text("GMT 14:26 2026 الجمعة ,23 كانون الثاني / يناير") == "2026-01-23"
    assert parse_date_text("12 جوان 2025") == "2025-06-12"
    assert parse_date_text("March 5, 2021") == "2021-03-05"
    assert parse_date_text("Thu, 31 Jan 2019 17:15:47 GMT") == "2019-01-31"
    assert parse_date_text("le jeudi 31 janvier 2019 à 17h") == "2019-01-31"
    assert parse_date_text("آخر تحديث: 09:30 - 3 جمادى الآخرة 1440") == "2019-02-08"


def test_parse_date_text_needs_a_full_date() -> None:
    assert parse_date_text("أمس") is None
    assert parse_date_text("6 فبراير") is None
    assert parse_date_text("فبراير 2019") is None
