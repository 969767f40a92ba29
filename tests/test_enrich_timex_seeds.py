"""Acceptance of the timex rules on the five seed pages (read at run time, never copied)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.enrich.timex import find_timexes
from marsad.model import Span


@pytest.fixture(scope="module")
def seeds(seeds_jsonl: Path) -> dict[str, dict[str, str]]:
    """Seed records keyed by their three-digit prefix (000 … 004)."""
    out = {}
    for line in seeds_jsonl.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out[rec["id"][:3]] = rec
    return out


def span_at(text: str, spans: list[Span], needle: str, after: str = "") -> Span:
    """The one timex overlapping the first ``needle`` found after ``after`` in ``text``."""
    i = text.find(needle, text.find(after) if after else 0)
    assert i >= 0, f"{needle!r} not in the seed text"
    hits = [s for s in spans if s.start < i + len(needle) and s.end > i]
    assert len(hits) == 1, f"{needle!r}: expected one timex, got {[s.text for s in hits]}"
    return hits[0]


# (seed, needle = the expected span text, value, label, after)
CASES = [
    ("000", "السادس من فبراير (شباط)", "2019-02-06", "DATE", ""),
    ("000", "اليوم الأربعاء", "2019-01-30", "DATE", ""),
    ("000", "صباح أمس (الأربعاء)", "2019-01-30", "DATE", ""),
    ("000", "12 يوليو (تموز) 2018", "2018-07-12", "DATE", ""),
    ("000", "2014", "2014", "DATE", "شكّلته"),
    ("000", "بعد أسبوعين", "P2W", "DURATION", ""),
    ("001", "6 الشهر القادم", "2019-02-06", "DATE", ""),
    ("001", "يوم 10 كانون الثاني الجاري", "2019-01-10", "DATE", ""),
    ("001", "19 كانون الأول الماضي", "2018-12-19", "DATE", ""),
    ("001", "كانون الأول الماضي", "2018-12", "DATE", "مكغورك"),
    ("001", "الأسبوع المقبل", "2019-02-04/2019-02-10", "DATE", ""),
    ("001", "أمس الأول", "2019-01-29", "DATE", ""),
    ("001", "تموز 2018", "2018-07", "DATE", ""),
    ("002", "السادس من فبراير المقبل", "2019-02-06", "DATE", ""),
    ("002", "يوم الجمعة الماضي", "2019-01-25", "DATE", ""),
    ("002", "4 سنوات", "P4Y", "DURATION", ""),
    ("002", "خلال أسبوعين", "P2W", "DURATION", ""),
    ("003", "يوم الخميس المقبل", "2019-11-14", "DATE", ""),
    ("003", "الخميس المقبل", "2019-11-14", "DATE", "بومبيو"),
    ("003", "الأسبوع الماضي", "2019-10-28/2019-11-03", "DATE", ""),
    ("003", "سبتمبر أيلول 2014", "2014-09", "DATE", ""),
    ("003", "مدة يومين", "P2D", "DURATION", ""),
    ("004", "الثلاثاء 09 أيار/مايو 2017", "2017-05-09", "DATE", ""),
    ("004", "الثلاثاء", "2017-05-09", "DATE", "في اجتماع"),
    ("004", "خريف العام 2014", "2014-09/2014-11", "DATE", ""),
    ("004", "ذلك العام", "2014", "DATE", ""),
    ("004", "بعد عامين", "P2Y", "DURATION", ""),
]


@pytest.mark.parametrize(("seed", "needle", "value", "label", "after"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_timex_seed_expression_resolves(seeds: dict[str, dict[str, str]], seed: str,
                                        needle: str, value: str, label: str, after: str) -> None:
    rec = seeds[seed]
    text = rec["text"]
    spans = find_timexes(text, date.fromisoformat(rec["published"]))
    s = span_at(text, spans, needle, after)
    assert s.text.endswith(needle) or s.text == needle.strip()
    assert text[s.start:s.end] == s.text
    assert s.label == label
    assert s.attrs["value"] == value
    assert s.attrs["resolved"] is True


def test_timex_seed_today_weekday_mismatch_is_explained(seeds: dict[str, dict[str, str]]) -> None:
    rec = seeds["000"]
    spans = find_timexes(rec["text"], date.fromisoformat(rec["published"]))
    s = span_at(rec["text"], spans, "اليوم الأربعاء")
    assert s.attrs["how"] == "weekday-relative"
    assert "Wednesday" in s.attrs["note"] and "Thursday" in s.attrs["note"]


def test_timex_seed_duration_after_previous_date(seeds: dict[str, dict[str, str]]) -> None:
    rec = seeds["000"]
    spans = find_timexes(rec["text"], date.fromisoformat(rec["published"]))
    s = span_at(rec["text"], spans, "بعد أسبوعين")
    assert s.attrs["date"] == "2018-07-26"
    assert s.attrs["date_how"] == "relative-to-12 يوليو (تموز) 2018"


def test_timex_seed_how_says_what_anchored_each_value(seeds: dict[str, dict[str, str]]) -> None:
    rec = seeds["001"]
    spans = find_timexes(rec["text"], date.fromisoformat(rec["published"]))
    assert span_at(rec["text"], spans, "تموز 2018").attrs["how"] == "absolute"
    rel = span_at(rec["text"], spans, "6 الشهر القادم").attrs
    assert rel["how"] == "relative-to-publication"
    assert rel["anchor"] == "2019-01-31"
    ana = find_timexes(seeds["004"]["text"], date(2017, 5, 9))
    assert span_at(seeds["004"]["text"], ana, "ذلك العام").attrs["how"] == \
        "relative-to-خريف العام 2014"


def test_timex_seed_every_span_is_resolved_with_offsets(seeds: dict[str, dict[str, str]]) -> None:
    for rec in seeds.values():
        spans = find_timexes(rec["text"], date.fromisoformat(rec["published"]))
        assert spans, rec["id"]
        for s in spans:
            assert rec["text"][s.start:s.end] == s.text
            assert s.attrs["resolved"], (rec["id"], s.text, s.attrs)
            assert s.label in ("DATE", "DURATION", "SET")
