"""Tests for marsad.arabic.langid."""

from __future__ import annotations

import pytest

from marsad.arabic.langid import arabic_letter_ratio, detect_language
from marsad.errors import ConfigError


def test_langid_arabic_fast_path():
    assert detect_language("وزير الخارجية الأميركي مايك بومبيو (CIA)") == "ar"


def test_langid_english_and_french_through_lingua():
    assert detect_language("The minister said the coalition meeting will take place in "
                           "Washington next week.") == "en"
    assert detect_language("Le ministre a annoncé que la réunion de la coalition aura lieu "
                           "la semaine prochaine à Washington.") == "fr"


def test_langid_no_letters_is_none():
    assert detect_language("") is None
    assert detect_language("123 456 !! ٣٤") is None


def test_langid_restricted_languages():
    text = "Le ministre a annoncé que la réunion aura lieu demain."
    assert detect_language(text, languages=("ar", "en")) in ("en", None)
    assert detect_language("بومبيو في واشنطن", languages=("en", "fr")) != "ar"
    assert detect_language("anything at all", languages=("fr",)) == "fr"


def test_langid_unknown_code_is_a_config_error():
    with pytest.raises(ConfigError, match="ISO 639-1"):
        detect_language("hello world there", languages=("en", "klingon"))


def test_langid_arabic_letter_ratio():
    assert arabic_letter_ratio("abc") == 0
    assert arabic_letter_ratio("بومبيو") == 1
    assert arabic_letter_ratio("12 !") is None


def test_langid_lone_surrogates_do_not_crash():
    assert detect_language("hello world \ud800 this is plain english text today") == "en"
