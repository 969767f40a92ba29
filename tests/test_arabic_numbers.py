"""Tests for marsad.arabic.numbers: digits, number words, ordinals."""

from __future__ import annotations

import pytest

from marsad.arabic.numbers import (
    NumberParse,
    is_vague_count,
    ordinal_value,
    parse_digits,
    parse_number_words,
)


def _parse(text: str, i: int = 0, **kw):
    return parse_number_words(text.split(), i, **kw)


@pytest.mark.parametrize(("text", "value"), [
    ("عشرة آلاف", 10000),
    ("14 ألف", 14000),
    ("٧٩", 79),
    ("ثلاثة", 3),
    ("ثمانية", 8),
    ("مليون ونصف", 1_500_000),
    ("مليون ونصف المليون", 1_500_000),
    ("نصف مليون", 500_000),
    ("ألفين", 2000),
    ("مليونين", 2_000_000),
    ("مئتين", 200),
    ("مائتين", 200),
    ("ثلاثمائة", 300),
    ("ثلاث مئة", 300),
    ("خمسة وعشرون", 25),
    ("ثلاثة عشر", 13),
    ("أحد عشر", 11),
    ("إحدى عشرة", 11),
    ("اثنا عشر", 12),
    ("أربعة عشر ألفا", 14000),
    ("مئة وخمسون ألفا", 150_000),
    ("ثلاثة آلاف وخمسمائة", 3500),
    ("ستة آلاف ومئتان وخمسون", 6250),
    ("مئة وثلاثة عشر", 113),
    ("3.5 مليون", 3_500_000),
    ("٣ ملايين", 3_000_000),
    ("مليونين ونصف", 2_500_000),
    ("ثلاثة ونصف", 3.5),
    ("بعشرة", 10),
])
def test_numbers_parse_whole_phrase(text, value):
    parsed = _parse(text)
    assert parsed == NumberParse(value, len(text.split()), False)


def test_numbers_parse_stops_at_the_counted_noun():
    assert _parse("أربع سنوات") == NumberParse(4, 1, False)
    tokens = "فرار أكثر من عشرة آلاف شخص".split()
    assert parse_number_words(tokens, 3) == NumberParse(10000, 2, False)


def test_numbers_parse_ranges_and_lists_take_the_first_number():
    assert _parse("خمسة وستة كيلومترات") == NumberParse(5, 1, False)
    assert _parse("2014 ثلاثة") == NumberParse(2014, 1, False)


@pytest.mark.parametrize("text", ["آلاف المقاتلين", "عشرات القتلى", "وزراء", "لست", "الدولة"])
def test_numbers_parse_rejects_non_numbers(text):
    assert _parse(text, ordinals=False) is None


def test_numbers_parse_out_of_range_index():
    assert parse_number_words(["ثلاثة"], 5) is None
    assert parse_number_words([], 0) is None


@pytest.mark.parametrize(("text", "value", "used"), [
    ("السادس من فبراير", 6, 1),
    ("الحادي عشر", 11, 2),
    ("الحادي والعشرين من مارس", 21, 2),
    ("الثامن والستين", 68, 2),
    ("العشرين", 20, 1),
    ("الأولى", 1, 1),
    ("الثالث عشر", 13, 2),
])
def test_numbers_parse_ordinals_with_flag(text, value, used):
    assert _parse(text) == NumberParse(value, used, True)
    assert _parse(text, ordinals=False) is None


def test_numbers_ordinal_value_single_words():
    assert ordinal_value("السادس") == 6
    assert ordinal_value("السادسة") == 6
    assert ordinal_value("العشرين") == 20
    assert ordinal_value("الأول") == 1
    assert ordinal_value("ثاني") == 2
    assert ordinal_value("الحادي") is None  # only in compounds
    assert ordinal_value("الدولة") is None


@pytest.mark.parametrize(("token", "value"), [
    ("79", 79), ("٧٩", 79), ("۷۹", 79), ("3.5", 3.5), ("٣٫٥", 3.5), ("10,000", 10000),
    ("١٠٬٠٠٠", 10000), ("3,5", 3.5), ("1.000.000", 1_000_000), ("1,234.5", 1234.5),
    ("2.0", 2),
])
def test_numbers_parse_digits(token, value):
    assert parse_digits(token) == value
    assert type(parse_digits(token)) is type(value)


@pytest.mark.parametrize("token", ["", "abc", "3.", "٣٫", "-5", "12a"])
def test_numbers_parse_digits_rejects(token):
    assert parse_digits(token) is None


def test_numbers_vague_counts():
    assert is_vague_count("آلاف")
    assert is_vague_count("عشرات")
    assert is_vague_count("والآف")
    assert not is_vague_count("ثلاثة")
