"""marsad.arabic: the Arabic-first language layer.

Normalization with an offset map (:mod:`~marsad.arabic.normalize`), sentence splitting
(:mod:`~marsad.arabic.sentences`), tokens, clitics and word shapes
(:mod:`~marsad.arabic.tokenize`), Snowball stemming with names kept (:mod:`~marsad.arabic.stem`),
number words and digits (:mod:`~marsad.arabic.numbers`) and language identification
(:mod:`~marsad.arabic.langid`). The pipeline stage lives in :mod:`marsad.arabic.stage` and is
imported by the stage registry when asked for (``"language"``).

The functions named like their module — ``normalize``, ``tokenize`` and ``stem`` — are not
re-exported here: binding them on the package would hide the submodules
(``import marsad.arabic.normalize as m`` would give the function). Import them from their
module: ``from marsad.arabic.normalize import normalize``.
"""

from marsad.arabic.langid import arabic_letter_ratio, detect_language
from marsad.arabic.normalize import (
    DEFAULT_STEPS,
    STEP_NAMES,
    collapse_whitespace,
    dediac_ar,
    lowercase,
    nfkc_safe,
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
from marsad.arabic.numbers import (
    NumberParse,
    is_vague_count,
    ordinal_value,
    parse_digits,
    parse_number_words,
)
from marsad.arabic.sentences import split_sentences
from marsad.arabic.stem import stem_tokens
from marsad.arabic.tokenize import strip_clitics, word_shape, word_tokens

__all__ = [
    "DEFAULT_STEPS",
    "STEP_NAMES",
    "NumberParse",
    "arabic_letter_ratio",
    "collapse_whitespace",
    "dediac_ar",
    "detect_language",
    "is_vague_count",
    "lowercase",
    "nfkc_safe",
    "normalize_alef_ar",
    "normalize_alef_maksura_ar",
    "normalize_digits",
    "normalize_letter_variants_ar",
    "normalize_punctuation",
    "normalize_query",
    "normalize_quotes",
    "normalize_spaces",
    "normalize_teh_marbuta_ar",
    "normalize_with_offsets",
    "ordinal_value",
    "original_span",
    "parse_digits",
    "parse_number_words",
    "remove_bidi_controls",
    "remove_tatweel",
    "remove_zero_width",
    "split_sentences",
    "stem_tokens",
    "strip_clitics",
    "word_shape",
    "word_tokens",
]
