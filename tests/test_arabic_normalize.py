"""Tests for marsad.arabic.normalize: the small functions, the default, the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.arabic.normalize import (
    ALEF_FORMS,
    BIDI_CONTROLS,
    DEFAULT_STEPS,
    DIACRITICS,
    STEP_NAMES,
    ZERO_WIDTH,
    collapse_whitespace,
    dediac_ar,
    lowercase,
    nfkc_safe,
    normalize,
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_digits,
    normalize_letter_variants_ar,
    normalize_punctuation,
    normalize_query,
    normalize_quotes,
    normalize_spaces,
    normalize_teh_marbuta_ar,
    normalize_with_offsets,
    original_span,
    remove_bidi_controls,
    remove_tatweel,
    remove_zero_width,
)
from marsad.errors import ConfigError

# ------------------------------------------------------------------------------ small functions


def test_normalize_dediac_ar_removes_harakat_shadda_tanween():
    assert dediac_ar("مُحَمَّدٌ") == "محمد"
    assert dediac_ar("شكّلته") == "شكلته"
    assert dediac_ar("هٰذا") == "هذا"  # superscript alef


def test_normalize_remove_tatweel():
    assert remove_tatweel("بـ«داعش»") == "ب«داعش»"
    assert remove_tatweel("جميـــل") == "جميل"


def test_normalize_alef_forms_to_bare_alef():
    assert normalize_alef_ar("أحمد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله"
    assert {"أ", "إ", "آ", "ٱ"} <= ALEF_FORMS
    # hamza on waw/yeh and the lone hamza are kept
    assert normalize_alef_ar("مسؤول قائد سماء") == "مسؤول قائد سماء"


def test_normalize_alef_maksura_and_teh_marbuta():
    assert normalize_alef_maksura_ar("إلى مستشفى") == "إلي مستشفي"
    assert normalize_teh_marbuta_ar("مدرسة الدولة") == "مدرسه الدوله"


def test_normalize_letter_variants_persian_keyboard():
    assert normalize_letter_variants_ar("کتاب یوم") == "كتاب يوم"


def test_normalize_digits_arabic_indic_persian_and_separators():
    assert normalize_digits("٧٩ ۱۲ ٣٫٥ ١٠٬٠٠٠") == "79 12 3.5 10,000"


def test_normalize_punctuation_and_quotes():
    assert normalize_punctuation("نعم، لا؛ لماذا؟ ٥٪ — …") == "نعم, لا; لماذا? ٥% - ..."
    assert normalize_quotes("«داعش» “ISIS” ‘x’") == "\"داعش\" \"ISIS\" 'x'"


def test_normalize_removes_bidi_and_zero_width():
    text = "\u200fواشنطن\u200e \u202bنص\u202c\u2067x\u2069"
    assert remove_bidi_controls(text) == "واشنطن نصx"
    assert remove_zero_width("ab\u200bc\u200cd\ufeff\u00ad") == "abcd"
    assert "\u200f" in BIDI_CONTROLS and "\u200b" in ZERO_WIDTH


def test_normalize_spaces_and_collapse_whitespace_keeps_line_breaks():
    assert normalize_spaces("a\u00a0b\u2009c") == "a b c"
    assert collapse_whitespace("  a \t b\r\n\n  c  ") == "a b\nc"


def test_normalize_lowercase_latin_only_changes_cased_scripts():
    assert lowercase("Pompeo في USA") == "pompeo في usa"


def test_normalize_nfkc_safe_decomposes_presentation_forms():
    assert nfkc_safe("ﻻ ﻷ") == "لا لأ"
    assert nfkc_safe("\ufe8d\ufe91") == "اب"  # isolated alef, initial beh
    assert nfkc_safe("ﬁx Ａ") == "fix A"


def test_normalize_nfkc_safe_never_splits_words():
    # NFKC turns the isolated tanween form into " ً": the space would split the word
    assert " " not in nfkc_safe("كتاب\ufe70")
    # multi-word ligatures are kept as they are
    assert nfkc_safe("\ufdfa") == "\ufdfa"


def test_normalize_nfkc_safe_leaves_other_compatibility_characters():
    assert nfkc_safe("x² ½") == "x² ½"


# ------------------------------------------------------------------------------ composed


def test_normalize_default_example():
    assert normalize("أَحْمَدُ في «المدرسة»  ٣") == 'احمد في "المدرسه" 3'


def test_normalize_default_collapses_and_strips():
    assert normalize("  سطر أول \n\n  سطر ثانٍ  ") == "سطر اول\nسطر ثان"


@pytest.mark.parametrize(("a", "b"), [
    ("أحمد", "احمد"),
    ("مدرسة", "مدرسه"),
    ("مُحَمَّد", "محمد"),
    ("إلى", "الي"),
    ("الأميركية", "الاميركيه"),
    ("\u200fبومبيو", "بومبيو"),
    ("ﻻ", "لا"),
])
def test_normalize_query_with_or_without_variants_is_equal(a, b):
    assert normalize_query(a) == normalize_query(b)


def test_normalize_steps_by_name_or_function():
    assert normalize("أُمّة", steps=("dediac_ar",)) == "أمة"
    assert normalize("أُمّة", steps=(dediac_ar, normalize_teh_marbuta_ar)) == "أمه"


def test_normalize_unknown_step_lists_valid_ones():
    with pytest.raises(ConfigError, match="dediac_ar"):
        normalize("x", steps=("no_such_step",))
    with pytest.raises(ConfigError):
        normalize("x", steps="dediac_ar")  # a string is not a list of steps


def test_normalize_order_dependent_steps_still_exact():
    # alef normalization before NFKC: the ligature's hamza is not normalized any more
    assert normalize("ﻷ", steps=("normalize_alef_ar", "nfkc_safe")) == "لأ"
    assert normalize("ﻷ", steps=("nfkc_safe", "normalize_alef_ar")) == "لا"


def test_normalize_step_names_cover_default():
    assert set(DEFAULT_STEPS) <= set(STEP_NAMES)


def test_normalize_empty_text():
    assert normalize("") == ""
    assert normalize_with_offsets("") == ("", [0])


# ------------------------------------------------------------------------------ offsets


def test_normalize_with_offsets_maps_back_to_original():
    text = "  \u200fمُحَمَّدٌ  ذهب إلى ﻻ مدرسةٍ،\r\n\n وقال: “نعم” ٣٫٥  "
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(offsets) == len(norm) + 1
    start, end = original_span(offsets, 0, 4)
    assert text[start:end] == "مُحَمَّدٌ"
    i = norm.index("مدرسه")
    start, end = original_span(offsets, i, i + 5)
    assert text[start:end] == "مدرسةٍ"


def test_normalize_original_span_inside_a_ligature_takes_the_whole_character():
    text = "قال ﻻ شيء"
    norm, offsets = normalize_with_offsets(text)
    i = norm.index("لا")
    assert text[slice(*original_span(offsets, i, i + 1))] == "ﻻ"


def test_normalize_original_span_rejects_out_of_range():
    _, offsets = normalize_with_offsets("abc")
    with pytest.raises(ValueError, match="outside"):
        original_span(offsets, 2, 9)


_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهوي") + list("أإآٱءؤئىة") + sorted(DIACRITICS)[:12]
    + ["\u0640", "\u200b", "\u200c", "\u200f", "\u202b", "\ufeff", "\u00ad"]
    + list("٠١٢٣٤٥٦٧٨٩۱۲٫٬") + list("،؛؟.!?:«»“”\"'…—-")
    + [" ", " ", "  ", "\n", "\r", "\t", "\u00a0", "\u2009"]
    + list("AbcXyzÉé") + ["İ", "ﻻ", "ﻷ", "\ufe70", "\ufc5e", "ﬁ", "Ａ", "\ufdfa", "\ufe8d"]
)
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join)
_CHAR_STEPS = tuple(s for s in DEFAULT_STEPS if s != "collapse_whitespace")


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_normalize_with_offsets_points_at_characters_that_normalize_to_them(text):
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(offsets) == len(norm) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)
    for j, ch in enumerate(norm):
        source = text[offsets[j]]
        assert ch in normalize(source, steps=_CHAR_STEPS) or (ch in " \n" and source.isspace())


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_normalize_with_offsets_words_round_trip(text):
    norm, offsets = normalize_with_offsets(text)
    j = 0
    for word in norm.replace("\n", " ").split(" "):
        if word:
            start, end = original_span(offsets, j, j + len(word))
            assert normalize(text[start:end]) == word
        j += len(word) + 1


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


def _reference(text: str, steps: tuple[str, ...]) -> str:
    """Step-by-step oracle: one plain dict translate per character step."""
    from marsad.arabic import normalize as module

    for name in steps:
        if name == "lowercase":
            text = text.lower()
        elif name == "collapse_whitespace":
            text = "\n".join(filter(None, (" ".join(line.split())
                                           for line in text.splitlines())))
        else:
            text = text.translate(module._CHARMAP_STEPS[name])
    return text


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.lists(st.sampled_from(STEP_NAMES), max_size=8).map(tuple))
def test_normalize_any_steps_in_any_order_match_step_by_step(text, steps):
    assert normalize(text, steps=steps) == _reference(text, steps)
    norm, offsets = normalize_with_offsets(text, steps=steps)
    assert norm == _reference(text, steps)
    assert len(offsets) == len(norm) + 1 and offsets == sorted(offsets)
