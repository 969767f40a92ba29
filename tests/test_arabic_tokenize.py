"""Tests for marsad.arabic.tokenize: tokens, clitics, word shapes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.tokenize import strip_clitics, tokenize, word_shape, word_tokens


def test_tokenize_words_numbers_punctuation_with_offsets():
    text = "قال د. محمد: «ارتفع ٣٫٥٪ في 2018م» (أ.ف.ب)\u200f و G20."
    spans = tokenize(text)
    assert all(text[s.start:s.end] == s.text and s.label == "TOK" for s in spans)
    pairs = [(s.text, s.attrs["kind"]) for s in spans]
    assert ("٣٫٥", "num") in pairs
    assert ("2018", "num") in pairs and ("م", "word") in pairs
    assert ("«", "punct") in pairs and ("٪", "punct") in pairs
    assert ("G", "word") in pairs and ("20", "num") in pairs
    assert "\u200f" not in [s.text for s in spans]  # bidi marks are not tokens


def test_tokenize_numbers_with_separators_and_digit_scripts():
    assert [s.text for s in tokenize("10,000 و3.5 و٧٩ و۱۲")] == [
        "10,000", "و", "3.5", "و", "٧٩", "و", "۱۲"]
    assert [s.text for s in tokenize("عام 2014، ثم")] == ["عام", "2014", "،", "ثم"]


def test_tokenize_keeps_diacritics_and_tatweel_inside_words():
    assert [s.text for s in tokenize("مُحَمَّدٌ بـ«داعش»")] == ["مُحَمَّدٌ", "بـ", "«", "داعش", "»"]


def test_tokenize_word_tokens_are_the_word_spans():
    text = "وزير الخارجية (CIA) قال: 79 دولة!"
    assert word_tokens(text) == [s.text for s in tokenize(text) if s.attrs["kind"] == "word"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابت مُ«»،.0١٫ AbـX\n\u200f", max_size=50))
def test_tokenize_tokens_cover_all_visible_characters(text):
    spans = tokenize(text)
    assert all(text[s.start:s.end] == s.text for s in spans)
    assert "".join(s.text for s in spans) == "".join(
        c for c in text if not c.isspace() and c != "\u200f")


@pytest.mark.parametrize(("word", "expected"), [
    ("وبومبيو", ("و", "بومبيو", "")),
    ("لكارلسون", ("ل", "كارلسون", "")),
    ("بواشنطن", ("ب", "واشنطن", "")),
    ("والتحالف", ("وال", "تحالف", "")),
    ("للتحالف", ("لل", "تحالف", "")),
    ("بالتحالف", ("بال", "تحالف", "")),
    ("كالعادة", ("كال", "عادة", "")),
    ("وقال", ("و", "قال", "")),
    ("سيبحث", ("س", "يبحث", "")),
    ("وسيناقش", ("وس", "يناقش", "")),
    ("قواتها", ("", "قوات", "ها")),
    ("بلادنا", ("", "بلاد", "نا")),  # بلاد is listed: its ب is a radical
    ("وبروكسل", ("و", "بروكسل", "")),
    ("مساعداتنا", ("", "مساعدات", "نا")),
    ("للبنان", ("ل", "لبنان", "")),
    ("وَبُومْبِيُو", ("وَ", "بُومْبِيُو", "")),
])
def test_tokenize_strip_clitics_splits(word, expected):
    assert strip_clitics(word) == expected


@pytest.mark.parametrize("word", [
    "بروكسل", "وزير", "وزارة", "واشنطن", "بالغ", "والد", "كانت", "فرنسا", "لبنان", "سياسة",
    "ألمانيا", "الذين", "كورونا", "تفاهم", "عليها", "بـ", "Washington", "في", "من",
])
def test_tokenize_strip_clitics_leaves_words_whole(word):
    assert strip_clitics(word) == ("", word, "")


def test_tokenize_strip_clitics_pieces_rebuild_the_word():
    for word in ["والتحالف", "وَبُومْبِيُو", "قواتها", "بـداعش", "الـCIA", "ﻻ"]:
        assert "".join(strip_clitics(word)) == word


def test_tokenize_strip_clitics_min_base():
    assert strip_clitics("وقال", min_base=4) == ("", "وقال", "")


@pytest.mark.parametrize(("word", "shape"), [
    ("بومبيو", "arabic"), ("مُحَمَّد", "arabic"), ("بـ", "arabic"),
    ("Pompeo", "latin"), ("Jean-Pierre", "latin"), ("l'armée", "latin"),
    ("79", "digit"), ("٣٫٥", "digit"), ("10,000", "digit"),
    ("«", "punct"), ("...", "punct"), ("", "punct"), ("ـ", "punct"),
    ("G20", "mixed"), ("الـCIA", "mixed"), ("Москва", "other"),
])
def test_tokenize_word_shape(word, shape):
    assert word_shape(word) == shape
