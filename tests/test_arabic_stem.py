"""Tests for marsad.arabic.stem."""

from __future__ import annotations

import pytest

from marsad.arabic.stem import stem, stem_tokens
from marsad.errors import ConfigError


def test_stem_article_and_conjunction_forms_share_a_stem():
    assert stem("تحالف") == stem("التحالف") == stem("للتحالف") == stem("والتحالف") \
        == stem("فالتحالف")


@pytest.mark.parametrize(("a", "b"), [
    ("أحمد", "احمد"), ("مدرسة", "مدرسه"), ("مُحَمَّد", "محمد"), ("الدولية", "الدوليه"),
    ("الأميركية", "الاميركيه"),
])
def test_stem_spelling_variants_share_a_stem(a, b):
    assert stem(a) == stem(b)


def test_stem_tokens_keeps_names_unstemmed():
    words = ["وزير", "الخارجية", "مايك", "بومبيو", "لبومبيو"]
    assert stem("بومبيو") != "بومبيو"  # why names need protecting
    stems = stem_tokens(words, keep={"مايك", "بومبيو"})
    assert stems[2:] == ["مايك", "بومبيو", "بومبيو"]
    assert stems[:2] == [stem("وزير"), stem("الخارجية")]


def test_stem_tokens_matches_single_word_stems():
    words = ["التحالف", "الدولي", "أحمد", "مُحَمَّد", "والتحالف", "ـ", "79"]
    assert stem_tokens(words) == [stem(w) for w in words]


def test_stem_tokens_normalized_input():
    assert stem_tokens(["التحالف", "الدوليه"], normalized=True) == [stem("التحالف"),
                                                                     stem("الدولية")]


def test_stem_other_languages():
    assert stem_tokens(["Meetings", "ministers"], language="en") == ["meet", "minist"]
    assert stem("réunions", language="fr") == "réunion"


def test_stem_unknown_language_lists_valid_ones():
    with pytest.raises(ConfigError, match="'ar'"):
        stem_tokens(["x"], language="xx")


def test_stem_empty():
    assert stem_tokens([]) == []
    assert stem("") == ""
