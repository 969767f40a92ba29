"""Publication-date inference from an undated article's own expressions (stage ``pubdate``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.config import Settings
from marsad.enrich.timex import (
    estimate_publication_date,
    find_timexes,
    infer_publication_date,
    pubdate_stage,
    timexes_stage,
)
from marsad.enrich.timex_pubdate import ANNOUNCE_LEAD_DAYS, PubEstimate, estimate_publication
from marsad.model import Article

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo-corpus"

# Written for these tests: a report with no date line, in the shapes the rules read.
ANNOUNCED = (
    "وقالت الوزارة في بيان اليوم الأربعاء إن التحضيرات اكتملت.\n"
    "ويستضيف الوزير في السادس من فبراير اجتماعا للدول المانحة.\n"
    "وكان آخر اجتماع للمانحين قد عقد في 12 يوليو 2018 في جنيف.\n"
)
CURRENT_MONTH = (
    "عقدت القمة السابقة في تموز 2018 في بيروت.\n"
    "وقال الوزير يوم 10 كانون الثاني الجاري إن الخطة جاهزة.\n"
    "وأعلنت الحكومة في 19 كانون الأول الماضي موعد الانسحاب.\n"
)


def _estimate(text: str) -> PubEstimate:
    return estimate_publication(find_timexes(text, None), text)


def _article(text: str, published: str | None = None) -> Article:
    return Article(id="a1", source="test", text=text, published=published)


def test_timex_pubdate_announced_date_without_year_sets_estimate_and_range() -> None:
    est = _estimate(ANNOUNCED)
    # the next 6 February after July 2018 is in 2019; a yearless date is at most 183 days
    # ahead, so the article was written from 7 August 2018 on; a week before the meeting
    assert (est.value, est.rule) == ("2019-01-30", "announced")
    assert est.range == "2018-08-07/2019-02-06"
    says = " | ".join(e["says"] for e in est.evidence)
    assert "on or after 2018-07-12" in says and "Wednesday" in says
    start = ANNOUNCED.index("السادس")
    assert est.fixed[start] == "2019-02-06"


def test_timex_pubdate_lead_is_a_week() -> None:
    assert ANNOUNCE_LEAD_DAYS == 7


def test_timex_pubdate_current_month_and_past_verb_bound_the_day() -> None:
    est = _estimate(CURRENT_MONTH)
    # الجاري puts publication in January, the first one after July 2018; قال … يوم 10 puts it
    # on or after the 10th; the freshest reported day is the estimate
    assert est.range == "2019-01-10/2019-01-31"
    assert (est.value, est.rule) == ("2019-01-10", "reported")


def test_timex_pubdate_announced_next_month_day_moves_the_estimate() -> None:
    est = _estimate(CURRENT_MONTH + "ويستضيف الوزير في 6 الشهر القادم اجتماعا جديدا.\n")
    assert (est.value, est.rule) == ("2019-01-30", "announced")
    assert est.range == "2019-01-10/2019-01-31"


def test_timex_pubdate_past_month_is_not_the_month_of_publication() -> None:
    text = ("انتهت الجولة الأولى في آذار 2020.\n"
            "وكان الوفد قد زار المدينة في كانون الثاني الماضي.\n"
            "وتستأنف المحادثات في كانون الثاني الجاري.\n")
    est = _estimate(text)
    # الماضي and الجاري on the same month: January of 2021 would be both; nothing fits
    assert est.value is None and est.reason == "no day satisfies every clue"


def test_timex_pubdate_weekday_of_a_yearless_date_picks_the_year() -> None:
    text = ("وكان المجلس قد عقد أول اجتماع له في 2015 بعد أشهر من المشاورات.\n"
            "ويعقد المجلس اجتماعه المقبل يوم الأربعاء 6 فبراير في القاهرة.\n")
    est = _estimate(text)
    # 6 February falls on a Wednesday in 2019 (not 2016, 2017 or 2018)
    assert est.value == "2019-01-30"
    assert est.fixed[text.index("يوم الأربعاء")] == "2019-02-06"


def test_timex_pubdate_no_year_written_means_no_estimate() -> None:
    text = "ويستضيف الوزير في السادس من فبراير المقبل اجتماعا، وكان قد التقى نظيره أمس الأول."
    est = _estimate(text)
    assert est.value is None and est.lo is None
    assert "no year" in (est.reason or "")


def test_timex_pubdate_lower_bound_alone_gives_a_range_only() -> None:
    text = ("بدأ التحالف عمله في سبتمبر 2014 بإحدى عشرة دولة.\n"
            "ويجتمع الوزراء يوم الخميس المقبل في العاصمة.\n")
    est = _estimate(text)
    assert est.value is None
    assert est.range == "2014-09-01/"


def test_timex_pubdate_bare_year_without_past_cue_is_not_a_bound() -> None:
    # رؤية 2030 is a plan, not a past date: nothing bounds the publication
    est = _estimate("وتندرج الخطة في إطار رؤية 2030 للتنمية، بحسب الوزير أمس.")
    assert est.value is None and est.lo is None


def test_timex_pubdate_weekday_vote_breaks_ties_by_first_mention() -> None:
    text = ANNOUNCED + "وذكرت مصادر صباح أمس (الأربعاء) أن الوفود وصلت.\n"
    # اليوم الأربعاء (written on a Wednesday) against أمس (الأربعاء) (on a Thursday): a tie,
    # the first mention wins
    assert _estimate(text).value == "2019-01-30"


def test_infer_publication_date_takes_text_for_cues() -> None:
    spans = find_timexes(ANNOUNCED, None)
    assert infer_publication_date(spans, ANNOUNCED) == "2019-01-30"
    # without the text the imperfect verb is not read: the yearless date gives no clue and
    # 12 July 2018 only bounds the date from below: a range, not a date
    assert infer_publication_date(spans) is None
    assert estimate_publication_date(spans, ANNOUNCED).to_dict()["rule"] == "announced"


def test_pubdate_stage_keeps_range_evidence_and_marks_uncertain_dates(settings: Settings) -> None:
    art = timexes_stage(_article(ANNOUNCED), settings=settings)
    out = pubdate_stage(art, settings=settings)
    assert (out.published, out.published_how) == ("2019-01-30", "inferred")
    assert out.extra["published_range"] == "2018-08-07/2019-02-06"
    assert out.extra["published_inference"]["rule"] == "announced"
    by_text = {s.text: s.attrs for s in out.timexes}
    meeting = by_text["السادس من فبراير"]
    assert meeting["value"] == "2019-02-06" and "anchor_certain" not in meeting
    today = by_text["اليوم الأربعاء"]
    # which Wednesday depends on the day of the range: only the weekday is certain
    assert today["value"] == "2019-01-30" and today["anchor_certain"] is False
    assert today["partial"] == "XXXX-WXX-3"
    assert by_text["12 يوليو 2018"]["how"] == "absolute"


def test_pubdate_stage_records_why_there_is_no_estimate(settings: Settings) -> None:
    text = "بدأ التحالف عمله في سبتمبر 2014.\nويجتمع الوزراء يوم الخميس المقبل."
    out = pubdate_stage(timexes_stage(_article(text), settings=settings), settings=settings)
    assert out.published is None and out.published_how is None
    assert out.extra["published_inference"]["range"] == "2014-09-01/"
    assert "published_range" not in out.extra


def _undated_demo_pages() -> list[tuple[str, str, str]]:
    """(id, page text, gold date) of the demo pages that carry no date anywhere."""
    out = []
    for line in (DEMO / "gold" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        sidecar = DEMO / rec["file"].replace(".txt", ".meta.json").replace(".html", ".meta.json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        if not rec.get("published_in_page") and not meta.get("published"):
            out.append((rec["id"], rec["body"], rec["published"]))
    return out


def test_timex_pubdate_demo_pages_without_any_date() -> None:
    pages = _undated_demo_pages()
    assert len(pages) == 7
    inferred = {pid: infer_publication_date(find_timexes(body, None), body)
                for pid, body, _ in pages}
    gold = {pid: g for pid, _, g in pages}
    made = {pid: v for pid, v in inferred.items() if v is not None}
    # only one of the seven writes a year (ديسمبر 2024); the others stay unknown
    assert made == {"d02-almadar-amman-preview": gold["d02-almadar-amman-preview"]}


@pytest.mark.parametrize("text", ["", "نص بلا تواريخ.", "31 فبراير 2019 ثم 99 مارس الجاري"])
def test_timex_pubdate_bad_input_never_raises(text: str) -> None:
    est = _estimate(text)
    assert est.value is None or len(est.value) == 10


def test_timex_pubdate_text_stating_its_own_day() -> None:
    text = "أعلن الوزير أنه سيبدأ اليوم الأحد 26/4/2020 تسجيل الطلبات حتى 22/7/2020."
    est = _estimate(text)
    assert (est.value, est.rule) == ("2020-04-26", "stated")
    est = _estimate("وقال المتحدث أمس الثلاثاء 5 مارس 2019 إن الوفد وصل.")
    assert (est.value, est.rule) == ("2019-03-06", "stated")


def test_timex_pubdate_open_range_is_not_a_date() -> None:
    # a birth date far down a profile is no publication date
    text = "وصدر الحكم بحقها أمس الأربعاء.\nوولدت المتهمة في 8 يوليو 1972 في العاصمة."
    est = _estimate(text)
    assert est.value is None and est.range == "1972-07-08/"


def test_timex_pubdate_year_written_means_another_year_than_the_current_month() -> None:
    # "6 أبريل الجاري" beside "6 أبريل 2010": the writer's April is not April 2010
    text = ("وأعلنت الشرطة في 6 أبريل الجاري فقدان الأم وابنها.\n"
            "وسبق ذلك انتحار أحد أفراد العائلة في 6 أبريل 2010.\n")
    est = _estimate(text)
    assert est.value is None and est.reason == "no day satisfies every clue"

