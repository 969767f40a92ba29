"""Every written form of an Arabic temporal expression, on sentences the team made up.

The anchor is Thursday 31 January 2019 unless a case says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.enrich.timex import find_timexes
from marsad.model import Span

THU = date(2019, 1, 31)


def only(text: str, anchor: date | None = THU) -> Span:
    spans = find_timexes(text, anchor)
    assert len(spans) == 1, [s.text for s in spans]
    return spans[0]


def value_of(text: str, needle: str, anchor: date | None = THU) -> str:
    """Value of the timex whose text is exactly ``needle``."""
    spans = find_timexes(text, anchor)
    hits = [s for s in spans if s.text == needle]
    assert hits, f"{needle!r} not found; got {[s.text for s in spans]}"
    return str(hits[0].attrs["value"])


# (sentence, expected span text, expected value)
FORMS = [
    # Gregorian months in every naming, with and without a year
    ("وصل الوفد في 6 فبراير 2019 إلى المدينة.", "6 فبراير 2019", "2019-02-06"),
    ("وصل الوفد في ٦ فبراير ٢٠١٩ إلى المدينة.", "٦ فبراير ٢٠١٩", "2019-02-06"),
    ("انطلقت الدورة في 12 جوان 2025 بالعاصمة.", "12 جوان 2025", "2025-06-12"),
    ("تحتفل النقابات يوم فاتح ماي من كل عام.", "يوم فاتح ماي", "2019-05-01"),
    ("صدر العدد في 3 جانفي 2018.", "3 جانفي 2018", "2018-01-03"),
    ("يبدأ التسجيل في 14 فيفري 2018.", "14 فيفري 2018", "2018-02-14"),
    ("انتهى الموسم في 20 أفريل 2018.", "20 أفريل 2018", "2018-04-20"),
    ("يعقد الملتقى في 5 جويلية 2018.", "5 جويلية 2018", "2018-07-05"),
    ("أعلن عن النتائج في 15 أوت 2018.", "15 أوت 2018", "2018-08-15"),
    ("وقّعت الاتفاقية في 2 تشرين الثاني 2018.", "2 تشرين الثاني 2018", "2018-11-02"),
    ("افتُتح المعرض في 7 آب 2016.", "7 آب 2016", "2016-08-07"),
    ("جرت الانتخابات في 9 نيسان 2017.", "9 نيسان 2017", "2017-04-09"),
    ("تخرّج في حزيران 2015 من الجامعة.", "حزيران 2015", "2015-06"),
    ("بدأت الأزمة في آذار 2011.", "آذار 2011", "2011-03"),
    ("انتهت المهلة في 30 أيلول 2018.", "30 أيلول 2018", "2018-09-30"),
    ("ولد في 4 كانون الأول 1990.", "4 كانون الأول 1990", "1990-12-04"),
    ("تأسست الشركة في 1 تشرين أول 2001.", "1 تشرين أول 2001", "2001-10-01"),
    ("نشر التقرير في 11 ينير 2018.", "11 ينير 2018", "2018-01-11"),
    ("جرت القرعة في 3 دجنبر 2018.", "3 دجنبر 2018", "2018-12-03"),
    # doubled forms
    ("عُقد المؤتمر في 9 أيار/مايو 2017.", "9 أيار/مايو 2017", "2017-05-09"),
    ("يستضيف الوزير في السادس من فبراير (شباط) اجتماعاً.", "السادس من فبراير (شباط)",
     "2019-02-06"),
    ("انتهت الجولة في 5 شباط (فبراير) 2018.", "5 شباط (فبراير) 2018", "2018-02-05"),
    ("بدأ العمل في سبتمبر أيلول 2014.", "سبتمبر أيلول 2014", "2014-09"),
    ("GMT 14:26 2026 الجمعة ,23 كانون الثاني / يناير", "2026 الجمعة ,23 كانون الثاني / يناير",
     "2026-01-23"),
    # ordinal day words
    ("يبدأ المهرجان في الحادي والعشرين من مارس 2019.", "الحادي والعشرين من مارس 2019",
     "2019-03-21"),
    ("في الأول من يوليو 2018 دخل القرار حيز التنفيذ.", "الأول من يوليو 2018", "2018-07-01"),
    # relative words on months
    ("وفي 19 كانون الأول الماضي أعلن الرئيس قراره.", "19 كانون الأول الماضي", "2018-12-19"),
    ("استقال في كانون الأول الماضي.", "كانون الأول الماضي", "2018-12"),
    ("يصدر القرار في مارس المقبل.", "مارس المقبل", "2019-03"),
    ("اجتمعوا يوم 10 يناير الجاري.", "يوم 10 يناير الجاري", "2019-01-10"),
    ("يجتمعون في السادس من فبراير المقبل.", "السادس من فبراير المقبل", "2019-02-06"),
    ("زار البلاد في مايو من العام الماضي.", "مايو من العام الماضي", "2018-05"),
    ("يعقد في 6 الشهر القادم.", "6 الشهر القادم", "2019-02-06"),
    ("جرى ذلك في العاشر من الشهر الماضي.", "العاشر من الشهر الماضي", "2018-12-10"),
    ("تنتهي المهلة منتصف الشهر المقبل.", "منتصف الشهر المقبل", "2019-02"),
    ("ينتهي المشروع نهاية العام الجاري.", "نهاية العام الجاري", "2019"),
    ("عاد الوزير مطلع الأسبوع.", "مطلع الأسبوع", "2019-01-28/2019-02-03"),
    ("يجتمع المجلس الأسبوع المقبل.", "الأسبوع المقبل", "2019-02-04/2019-02-10"),
    ("اجتمع المجلس الأسبوع الماضي.", "الأسبوع الماضي", "2019-01-21/2019-01-27"),
    ("ارتفعت الأسعار الشهر الماضي.", "الشهر الماضي", "2018-12"),
    ("تراجع النمو العام الماضي.", "العام الماضي", "2018"),
    ("يتوقع أن يتحسن العام المقبل.", "العام المقبل", "2020"),
    ("تضاعف العدد السنة الماضية.", "السنة الماضية", "2018"),
    ("ارتفع الإنتاج هذا العام.", "هذا العام", "2019"),
    ("وقع الزلزال العام قبل الماضي.", "العام قبل الماضي", "2017"),
    # weekdays
    ("يصل الوفد يوم الخميس المقبل.", "يوم الخميس المقبل", "2019-02-07"),
    ("وصل الوفد يوم الجمعة الماضي.", "يوم الجمعة الماضي", "2019-01-25"),
    ("يعود الأحد القادم.", "الأحد القادم", "2019-02-03"),
    ("غادر الاثنين المنصرم.", "الاثنين المنصرم", "2019-01-28"),
    ("قال الوزير الثلاثاء إن المحادثات مستمرة.", "الثلاثاء", "2019-01-29"),
    ("سيعقد الاجتماع السبت.", "السبت", "2019-02-02"),
    ("وصل مساء الأربعاء إلى العاصمة.", "مساء الأربعاء", "2019-01-30"),
    ("يعقد المؤتمر هذا الأحد.", "هذا الأحد", "2019-02-03"),
    # today, yesterday, tomorrow
    ("أعلن الجيش اليوم الخميس انتهاء العملية.", "اليوم الخميس", "2019-01-31"),
    ("أعلنت الوزارة اليوم (الأربعاء) خطتها.", "اليوم (الأربعاء)", "2019-01-30"),
    ("قال المتحدث صباح اليوم إن الهدوء عاد.", "صباح اليوم", "2019-01-31"),
    ("وصل الرئيس أمس إلى باريس.", "أمس", "2019-01-30"),
    ("وقع الانفجار مساء أمس في السوق.", "مساء أمس", "2019-01-30"),
    ("وأمس الأول أعلن المدير استقالته.", "أمس الأول", "2019-01-29"),
    ("وصل أول من أمس إلى المطار.", "أول من أمس", "2019-01-29"),
    ("تبدأ المفاوضات غداً في جنيف.", "غداً", "2019-02-01"),
    ("تبدأ المفاوضات غدا في جنيف.", "غدا", "2019-02-01"),
    ("تستأنف الجلسات بعد غد.", "بعد غد", "2019-02-02"),
    ("يلقي الرئيس خطاباً الليلة.", "الليلة", "2019-01-31"),
    ("زار الوزير المدينة بالأمس.", "بالأمس", "2019-01-30"),
    # counted relative expressions
    ("وقع الحادث قبل ثلاثة أيام.", "قبل ثلاثة أيام", "2019-01-28"),
    ("غادر قبل أسبوع.", "قبل أسبوع", "2019-01-24"),
    ("تأسست الجمعية قبل عامين.", "قبل عامين", "2017"),
    ("بدأ المشروع قبل 5 أشهر.", "قبل 5 أشهر", "2018-08"),
    # years
    ("تأسس التحالف في 2014 بعد الهجوم.", "2014", "2014"),
    ("شهد عام 2015 أكبر موجة لجوء.", "عام 2015", "2015"),
    ("حدث ذلك في العام 2016.", "العام 2016", "2016"),
    ("انطلقت الحملة في خريف العام 2014.", "خريف العام 2014", "2014-09/2014-11"),
    ("ارتفعت الأسعار مطلع 2018.", "مطلع 2018", "2018"),
    ("سافر في الصيف الماضي.", "الصيف الماضي", "2018-06/2018-08"),
    ("انهارت العملة في التسعينيات.", "التسعينيات", "199"),
    ("بنيت القلعة في القرن التاسع عشر.", "القرن التاسع عشر", "18"),
    # ranges
    ("يعقد المعرض بين 5 و7 مارس.", "بين 5 و7 مارس", "2019-03-05/2019-03-07"),
    ("تقام الدورة من 3 إلى 5 أبريل.", "من 3 إلى 5 أبريل", "2019-04-03/2019-04-05"),
    ("تضاعف العدد بين عامي 2014 و2017.", "بين عامي 2014 و2017", "2014/2017"),
    ("خلال الفترة 2010-2015 تراجع النمو.", "2010-2015", "2010/2015"),
    # numeric dates
    ("نشر في 12/03/2025 - 10:30", "12/03/2025", "2025-03-12"),
    ("صدر القرار بتاريخ 2019-01-15.", "2019-01-15", "2019-01-15"),
    # Hijri
    ("الموافق 15 رمضان 1446 هـ", "15 رمضان 1446 هـ", "2025-03-15"),
    ("صدر المرسوم عام ١٤٤٦هـ.", "عام ١٤٤٦هـ", "2024-07-07/2025-06-25"),
    ("يبدأ الصيام في الأول من رمضان المقبل.", "الأول من رمضان المقبل", "2019-05-06"),
    ("يحل شهر رمضان المقبل في الربيع.", "شهر رمضان المقبل", "2019-05-06/2019-06-03"),
    # anaphora
    ("وقع الهجوم في 5 آب 2014، وفي اليوم التالي أعلن الجيش الاستنفار.", "اليوم التالي",
     "2014-08-06"),
    ("انتخب في مارس 2010 واستقال في العام نفسه.", "العام نفسه", "2010"),
]


@pytest.mark.parametrize(("sentence", "needle", "value"), FORMS, ids=[f[1] for f in FORMS])
def test_timex_form_resolves(sentence: str, needle: str, value: str) -> None:
    assert value_of(sentence, needle) == value


DURATIONS = [
    ("استمرت الجهود أربع سنوات.", "أربع سنوات", "P4Y"),
    ("استمرت الجهود 4 سنوات.", "4 سنوات", "P4Y"),
    ("ستتم استعادة الأراضي خلال أسبوعين.", "خلال أسبوعين", "P2W"),
    ("يستمر الاجتماع مدة يومين.", "مدة يومين", "P2D"),
    ("يعيش هنا منذ أكثر من 90 عاما.", "منذ أكثر من 90 عاما", "P90Y"),
    ("أجّل الموعد خلال 48 ساعة.", "خلال 48 ساعة", "PT48H"),
    ("تحقق تقدم خلال الأسابيع الخمسة الأخيرة.", "خلال الأسابيع الخمسة الأخيرة", "P5W"),
    ("ساد الهدوء خلال الـ24 ساعة الماضية.", "خلال الـ24 ساعة الماضية", "PT24H"),
    ("بقي الحصار عقدين كاملين.", "عقدين", "P20Y"),
    ("عاد بعد عامين من الغياب.", "بعد عامين", "P2Y"),
    ("يقيم في المدينة منذ خمسة وعشرين عاما.", "منذ خمسة وعشرين عاما", "P25Y"),
]


@pytest.mark.parametrize(("sentence", "needle", "value"), DURATIONS, ids=[d[1] for d in DURATIONS])
def test_timex_duration_form(sentence: str, needle: str, value: str) -> None:
    spans = [s for s in find_timexes(sentence, THU) if s.text == needle]
    assert spans, [s.text for s in find_timexes(sentence, THU)]
    assert spans[0].label == "DURATION"
    assert spans[0].attrs["value"] == value


SETS = [
    ("يجتمع المجلس كل يوم جمعة.", "كل يوم جمعة", "XXXX-WXX-5"),
    ("يصدر التقرير سنوياً.", "سنوياً", "P1Y"),
    ("تعقد القمة كل عامين.", "كل عامين", "P2Y"),
    ("تصلك الرسالة صباح كل يوم.", "صباح كل يوم", "P1D"),
]


@pytest.mark.parametrize(("sentence", "needle", "value"), SETS, ids=[s[1] for s in SETS])
def test_timex_set_form(sentence: str, needle: str, value: str) -> None:
    s = only(sentence)
    assert (s.label, s.text, s.attrs["value"]) == ("SET", needle, value)


def test_timex_since_duration_gives_its_start() -> None:
    s = only("يقيم هنا منذ أسبوع.")
    assert (s.label, s.attrs["value"], s.attrs["start"]) == ("DURATION", "P1W", "2019-01-24")


def test_timex_recent_plural_gives_its_range() -> None:
    s = only("تحقق تقدم خلال الأسابيع الخمسة الأخيرة.")
    assert s.attrs["range"] == "2018-12-27/2019-01-31"


def test_timex_year_inference_follows_tense() -> None:
    # published in December: "February" is next February when announced, last one when reported
    dec = date(2019, 12, 20)
    assert value_of("سيعقد المؤتمر في 6 فبراير", "6 فبراير", dec) == "2020-02-06"
    assert value_of("قال الوزير في 6 فبراير", "6 فبراير", dec) == "2019-02-06"
    assert value_of("يصل في 6 يناير", "6 يناير", dec) == "2020-01-06"  # nearest


def test_timex_weekday_and_date_pick_matching_year() -> None:
    # 6 February is a Thursday in 2020, not in 2019
    assert value_of("الخميس 6 فبراير", "الخميس 6 فبراير", date(2019, 11, 1)) == "2020-02-06"


def test_timex_weekday_mismatch_with_full_date_is_noted() -> None:
    s = only("الخميس 15 رمضان 1446 هـ")
    assert s.attrs["value"] == "2025-03-15"
    assert "Saturday" in s.attrs["note"]
    assert s.attrs["calendar"] == "hijri"


def test_timex_span_offsets_point_into_original_text() -> None:
    text = "وَصَلَ في السادسَ من فبرايـر 2019 إلى الرباط"
    s = only(text)
    assert text[s.start:s.end] == s.text == "السادسَ من فبرايـر 2019"
    assert s.attrs["value"] == "2019-02-06"


def test_timex_span_keeps_hijri_tatweel() -> None:
    s = only("صدر عام 1446هـ")
    assert s.text == "عام 1446هـ"


def test_timex_clitics_stay_outside_the_span() -> None:
    s = only("وأمس الأول وصل")
    assert s.text == "أمس الأول"
    assert only("و5 جويلية 2018").text == "5 جويلية 2018"


@pytest.mark.parametrize("text", [
    "قال أبو محمد إن أب الأسرة سافر.",          # أب is not August
    "مارس الضغط على الحكومة.",                  # مارس 'practised'
    "التقى رجب طيب أردوغان نظيره.",             # a name, not the Hijri month
    "صرح أحد المسؤولين بذلك.",                  # أحد 'one of', not Sunday
    "أفادت وكالة المغرب اليوم بذلك.",           # outlet name
    "في اليوم الأول من المؤتمر تحدث الوزير.",   # the first day, not today
    "قتل أكثر من 2500 شخص.",                    # a count, not a year
    "شارك 79 عضوا في الاجتماع.",
])
def test_timex_not_a_timex(text: str) -> None:
    assert find_timexes(text, THU) == []


def test_timex_relative_without_anchor_is_unresolved_with_reason() -> None:
    s = only("وصل أمس إلى المدينة.", None)
    assert s.attrs["resolved"] is False
    assert s.attrs["reason"] == "relative expression and no publication date"
    s = only("يعقد في 6 فبراير.", None)
    assert (s.attrs["resolved"], s.attrs["value"]) == (False, "XXXX-02-06")
    assert only("في 6 فبراير 2019", None).attrs["value"] == "2019-02-06"


def test_timex_after_n_is_a_date_when_announced() -> None:
    s = only("ويعقد الاجتماع الوزاري المقرر في بروكسل بعد أسبوعين.")
    assert (s.label, s.attrs["value"], s.attrs["duration"]) == ("DATE", "2019-02-14", "P2W")
    assert s.attrs["how"] == "relative-to-publication"
    s = find_timexes("سيعقد المؤتمر في 12 يوليو 2019 ثم سيعقد اجتماع بعد أسبوعين.", THU)[1]
    assert (s.label, s.attrs["value"]) == ("DATE", "2019-07-26")
    assert s.attrs["how"] == "relative-to-12 يوليو 2019"


def test_timex_after_n_is_a_duration_otherwise() -> None:
    s = only("انتهى الإضراب بعد 24 يوماً من المفاوضات الشاقة")
    assert (s.label, s.attrs["value"]) == ("DURATION", "P24D")
    spans = find_timexes("عقد المؤتمر في 12 يوليو 2018، ثم اجتماع آخر بعد أسبوعين.", THU)
    assert (spans[1].label, spans[1].attrs["value"]) == ("DURATION", "P2W")
    assert spans[1].attrs["date"] == "2018-07-26"
    assert spans[1].attrs["date_how"] == "relative-to-12 يوليو 2018"
    assert only("عاد بعد عامين من الغياب.").label == "DURATION"


def test_timex_range_with_two_months_gives_two_dates() -> None:
    spans = find_timexes("من 3 أبريل إلى 5 مايو 2019 تغلق الطريق.", THU)
    assert [(s.text, s.attrs["value"]) for s in spans] == [
        ("3 أبريل", "2019-04-03"), ("5 مايو 2019", "2019-05-05")]


def test_timex_durations_without_a_count_are_not_reported() -> None:
    # they give a timeline nothing to place (and the demo corpus gold leaves them out)
    for text in ("يهدد منذ أشهر بشن عملية.", "توقع اتفاقاً خلال أيام.", "منذ سنوات طويلة",
                 "خلال الأشهر الأخيرة", "بعد أسابيع من الانتظار"):
        assert find_timexes(text, THU) == [], text


def test_timex_durations_with_clitics_and_quantifiers() -> None:
    assert only("لا يكفي لأسبوع واحد من الشهر").attrs["value"] == "P1W"
    assert only("المخزون يكفي لأسبوعين على الأكثر").attrs["value"] == "P2W"
    s = only("استمرار الإضراب أكثر من أسبوع سيضر بالمرفأ")
    assert (s.label, s.attrs["value"], s.attrs["mod"]) == ("DURATION", "P1W", "MORE_THAN")


def test_timex_until_weekday_looks_ahead() -> None:
    # Tuesday 25 February 2025: "a deadline until Monday" is the coming Monday
    s = only("منحت النقابة الحكومة مهلة حتى الاثنين", date(2025, 2, 25))
    assert s.attrs["value"] == "2025-03-03"


def test_timex_night_from_one_weekday_to_the_next() -> None:
    s = only("هطلت الأمطار ليلة السبت إلى الأحد", date(2025, 2, 23))
    assert (s.attrs["value"], s.attrs["part_of_day"]) == ("2025-02-22", "NI")
    s = only("يستمر المعرض من الاثنين حتى الأربعاء", date(2025, 2, 23))
    assert s.attrs["value"] == "2025-02-24/2025-02-26"


def test_timex_ordinal_day_of_a_month_in_construct() -> None:
    s = only("تقضي العائلات ثاني أيام شهر رمضان في المدارس", date(2025, 3, 2))
    assert (s.text, s.attrs["value"]) == ("ثاني أيام شهر رمضان", "2025-03-02")


def test_timex_part_of_day_before_today_and_date() -> None:
    s = only("أعلنت السلطات مساء اليوم الأحد 2 مارس 2025 إجلاء العائلات", date(2025, 3, 2))
    assert (s.text, s.attrs["value"], s.attrs["part_of_day"]) == (
        "مساء اليوم الأحد 2 مارس 2025", "2025-03-02", "EV")


def test_timex_month_of_the_same_year_as_an_earlier_date() -> None:
    spans = find_timexes("تأسست في أيلول/سبتمبر 2024، وعقدت اجتماعها في تشرين الثاني/نوفمبر "
                         "من العام نفسه.", THU)
    assert [s.attrs["value"] for s in spans] == ["2024-09", "2024-11"]
    assert spans[1].text == "تشرين الثاني/نوفمبر من العام نفسه"
    assert spans[1].attrs["how"] == "relative-to-أيلول/سبتمبر 2024"


def test_timex_today_with_full_date_is_one_span() -> None:
    s = only("عقد الاجتماع اليوم الثلاثاء ١٨ فبراير ٢٠٢٥ في بروكسل.", date(2025, 2, 18))
    assert (s.text, s.attrs["value"], s.attrs["how"]) == (
        "اليوم الثلاثاء ١٨ فبراير ٢٠٢٥", "2025-02-18", "absolute")


def test_timex_ambiguous_month_after_preposition() -> None:
    assert only("تنطلق الاحتجاجات في مارس.").attrs["value"] == "2019-03"
    assert only("بدأت الاحتجاجات في مارس.").attrs["value"] == "2018-03"  # past verb
    assert only("يبدأ الصيام في رمضان.").attrs["calendar"] == "hijri"


LATIN = [
    ("Doha will host the next meeting on 11 March.", "11 March", "2019-03-11"),
    ("The talks ended on March 11, 2018 in Geneva.", "March 11, 2018", "2018-03-11"),
    ("Returns have risen since December 2018.", "December 2018", "2018-12"),
    ("A pilot programme is due to start in April.", "April", "2019-04"),
    ("The group met on Tuesday in Brussels.", "Tuesday", "2019-01-29"),
    ("Talks resume next Tuesday.", "next Tuesday", "2019-02-05"),
    ("Prices fell last week.", "last week", "2019-01-21/2019-01-27"),
    ("The minister resigned three days ago.", "three days ago", "2019-01-28"),
    ("He arrived yesterday.", "yesterday", "2019-01-30"),
    ("La réunion aura lieu le 3 mars 2020.", "3 mars 2020", "2020-03-03"),
    ("Le sommet se tiendra la semaine prochaine.", "semaine prochaine", "2019-02-04/2019-02-10"),
    ("Le ministre est arrivé hier.", "hier", "2019-01-30"),
    ("Il est parti il y a trois jours.", "il y a trois jours", "2019-01-28"),
    ("Le 1er janvier 2019, la loi est entrée en vigueur.", "1er janvier 2019", "2019-01-01"),
]


@pytest.mark.parametrize(("sentence", "needle", "value"), LATIN, ids=[x[1] for x in LATIN])
def test_timex_english_and_french_forms(sentence: str, needle: str, value: str) -> None:
    assert value_of(sentence, needle) == value


def test_timex_english_ambiguous_month_words() -> None:
    assert find_timexes("You may go. The march was long.", THU) == []


def test_timex_capitalized_today_inside_a_name_is_not_a_date() -> None:
    assert find_timexes("Maintained by Arabs Today Group SAL", THU) == []
    assert only("Today, the minister resigned.").attrs["value"] == "2019-01-31"
