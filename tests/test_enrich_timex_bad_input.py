"""Bad input never crashes the timex rules: what cannot be resolved is kept with a reason."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.enrich.timex import find_timexes, parse_date_text

THU = date(2019, 1, 31)


def test_timex_impossible_date_is_unresolved_with_reason() -> None:
    (s,) = find_timexes("عقد الاجتماع في 31 فبراير 2019 في القاهرة.", THU)
    assert s.text == "31 فبراير 2019"
    assert s.attrs["resolved"] is False
    assert s.attrs["reason"] == "31 فبراير 2019 is not a valid date"
    (s,) = find_timexes("يعقد في 30 فبراير.", THU)
    assert s.attrs["reason"] == "30 فبراير is not a valid date"
    (s,) = find_timexes("بتاريخ 31/02/2019", THU)
    assert s.attrs["resolved"] is False


def test_timex_far_future_year_is_unresolved_with_reason() -> None:
    (s,) = find_timexes("تنتهي الخطة في عام 3025.", THU)
    assert s.attrs["resolved"] is False
    assert s.attrs["reason"] == "year 3025 is implausibly far from publication date 2019-01-31"
    (s,) = find_timexes("في 6 فبراير 3025", THU)
    assert "implausibly far" in s.attrs["reason"]


def test_timex_hijri_out_of_table_is_unresolved_with_reason() -> None:
    (s,) = find_timexes("في 15 رمضان 1200 هـ", THU)
    assert s.attrs["resolved"] is False
    assert "Hijri" in s.attrs["reason"]
    (s,) = find_timexes("في 31 شوال 1446 هـ", THU)  # no Hijri month has 31 days
    assert s.attrs["resolved"] is False


def test_timex_unbalanced_quotes_and_brackets() -> None:
    spans = find_timexes('قال: "سيعقد الاجتماع في 6 فبراير 2019 «بحضور الجميع', THU)
    assert [s.attrs["value"] for s in spans] == ["2019-02-06"]
    spans = find_timexes("في 12 يوليو (تموز 2018 عقد اجتماع", THU)
    assert spans and spans[0].attrs["resolved"]
    assert find_timexes('"""«««»»»(((', THU) == []


def test_timex_text_without_arabic() -> None:
    assert find_timexes("No date at all in this English sentence, 79 members.", THU) == []
    (s,) = find_timexes("The meeting is on Feb 6, nothing else.", THU)
    assert (s.text, s.attrs["value"]) == ("Feb 6", "2019-02-06")
    (s,) = find_timexes("Published 2019-01-31T17:15:47Z by the wire.", THU)
    assert s.attrs["value"] == "2019-01-31"


def test_timex_mixed_arabic_and_latin() -> None:
    spans = find_timexes("قال Pompeo إن meeting سيعقد في 6 فبراير 2019 at the State Department",
                         THU)
    assert [s.text for s in spans] == ["6 فبراير 2019"]


def test_timex_empty_and_blank_text() -> None:
    assert find_timexes("", THU) == []
    assert find_timexes("   \n\t ", None) == []
    assert find_timexes("\u200f\u200e\u0640\u064e", THU) == []


def test_timex_very_long_sentence_finishes() -> None:
    # 20,000 words on one line with no punctuation: linear patterns, no backtracking blow-up
    filler = "قال المسؤول إن الوضع مستقر في المنطقة والعاصمة "
    words = (filler * 2500).split()
    words[100:100] = ["في", "6", "فبراير", "2019"]
    words[15000:15000] = ["الأسبوع", "المقبل"]
    text = " ".join(words)
    assert len(words) > 20_000
    spans = find_timexes(text, THU)
    assert [s.attrs["value"] for s in spans] == ["2019-02-06", "2019-02-04/2019-02-10"]


def test_timex_long_runs_of_digits_and_dates() -> None:
    text = " ".join(["2019"] * 5000 + ["6 فبراير"] * 2000)
    spans = find_timexes(text, THU)
    assert len(spans) == 2000


def test_parse_date_text_bad_input() -> None:
    assert parse_date_text("") is None
    assert parse_date_text("لا تاريخ هنا") is None
    assert parse_date_text("2019-02-31") is None
    assert parse_date_text("31 فبراير 2019") is None
    assert parse_date_text("x" * 10_000) is None


_ALPHABET = st.sampled_from([
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىةءؤئ ًٌٍَُِّْـ٠١٢٣٤٥٦٧٨٩0123456789/.-()«»\"'،,:\n",
    "فبراير ", "كانون الثاني ", "أمس ", "اليوم ", "الماضي ", "المقبل ", "هـ ", "عام ",
       "الخميس ", "قبل ", "منذ ", "أسبوعين ", "بين ", "و", "من ", "إلى ", "رمضان ", "الشهر "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from([None, THU]))
def test_timex_never_raises_and_offsets_hold(text: str, anchor: date | None) -> None:
    spans = find_timexes(text, anchor)
    last = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last
        last = s.end
        assert text[s.start:s.end] == s.text
        assert s.label in ("DATE", "DURATION", "SET")
        assert isinstance(s.attrs["resolved"], bool)
        if not s.attrs["resolved"]:
            assert s.attrs["reason"]


def test_timex_clock_times_are_not_days_or_durations() -> None:
    spans = find_timexes("آخر تحديث: 09:30 - 3 جمادى الآخرة 1440 الساعة 10:30 يوم 5 فبراير 2019",
                         THU)
    assert [s.text for s in spans] == ["3 جمادى الآخرة 1440", "يوم 5 فبراير 2019"]
    assert spans[0].attrs["value"] == "2019-02-08"
    assert [s.text for s in find_timexes("بعد 2.5 سنوات", THU)] == []
