"""Stemming for features and search: Snowball (PyStemmer, C speed), names left alone.

The Snowball Arabic stemmer is light and fast but mangles names (بومبيو → ومب, الولايات → ولا):
callers pass the tokens they believe are names in ``keep`` and get them back normalized but
unstemmed. Words are normalized (:func:`marsad.arabic.normalize.normalize`) before stemming, so
أحمد/احمد and مدرسة/مدرسه give the same stem; then a conjunction before the article (والتحالف,
فالتحالف), which Snowball leaves on, is taken off, and a final ه is written back as ة, which
Snowball knows how to remove.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache, lru_cache

import Stemmer

from marsad.arabic.normalize import normalize
from marsad.errors import ConfigError, choices

__all__ = ["STEMMER_LANGUAGES", "stem", "stem_tokens"]

STEMMER_LANGUAGES: dict[str, str] = {
    "ar": "arabic", "en": "english", "fr": "french", "es": "spanish", "de": "german",
    "it": "italian", "pt": "portuguese", "nl": "dutch", "tr": "turkish", "ru": "russian",
    "fa": "persian", "id": "indonesian",
}
"""ISO 639-1 codes and the Snowball algorithm used for each."""

# A conjunction و/ف stuck to the article (وال، فال، وبال ...) at a word start, in normalized
# text; only when at least two letters follow the article (والد, والي keep their و).
# (The look-behind comes after the first character so the regex engine can scan for و/ف.)
_CONJ_BEFORE_ARTICLE_RE = re.compile(r"[وف](?<!\S[وف])(?=(?:[بك]?ال|لل)[^\W\d_]{2})")


_NAME_PROCLITICS = frozenset("وفبلك")


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    """One Snowball stemmer per language (PyStemmer keeps its own small word cache)."""
    if language not in STEMMER_LANGUAGES:
        raise ConfigError(choices("stemming language", language, STEMMER_LANGUAGES))
    return Stemmer.Stemmer(STEMMER_LANGUAGES[language])


# Word-final ه back to ة: normalization writes ة as ه, but Snowball removes ة (الدولية → دول)
# and not ه after an article (الدوليه → دوليه). Mapping every final ه to ة keeps both spellings
# on one stem, and a pronoun ه (كتابه) is removed either way.
_FINAL_HEH_RE = re.compile(r"ه(?!\S)")


def _prepare(normalized: str, language: str) -> str:
    if language == "ar":
        return _FINAL_HEH_RE.sub("ة", _CONJ_BEFORE_ARTICLE_RE.sub("", normalized))
    return normalized


@lru_cache(maxsize=131072)
def stem(word: str, language: str = "ar") -> str:
    """Normalize and stem one word.

    Args:
        word: A word as written (any form: hamza, diacritics, teh marbuta).
        language: ISO 639-1 code from :data:`STEMMER_LANGUAGES`.

    Returns:
        The stem (التحالف → تحالف); an empty string for a word that normalizes to nothing.

    Raises:
        ConfigError: No stemmer for ``language``.
    """
    normalized = normalize(word)
    if not normalized:
        return normalized
    return _stemmer(language).stemWord(_prepare(normalized, language))


def stem_tokens(words: Iterable[str], keep: Collection[str] = frozenset(), *,
                language: str = "ar", normalized: bool = False) -> list[str]:
    """Stem a batch of words (one C call), leaving the words in ``keep`` unstemmed.

    Args:
        words: Word tokens (no spaces inside).
        keep: Words to leave unstemmed (names: entity tokens, gazetteer hits); a word is kept
            when it, or its normalized form, is in the set, and comes back normalized. A word
            that is a kept word behind a one-letter proclitic (لبومبيو) comes back as that
            kept word.
        language: ISO 639-1 code from :data:`STEMMER_LANGUAGES`.
        normalized: The words are already normalized (skips normalization).

    Returns:
        One stem per word, in order (an empty string for a word that normalizes to nothing).

    Raises:
        ConfigError: No stemmer for ``language``.
    """
    words = list(words)
    if not words:
        return []
    stemmer = _stemmer(language)
    if normalized:
        norms = words
    else:
        # One normalize call for the batch; fall back to word by word if a word vanished.
        norms = normalize(" ".join(words)).split(" ")
        if len(norms) != len(words):
            norms = [normalize(w) for w in words]
    if language == "ar":
        prepared = _prepare(" ".join(norms), language).split(" ")
        if len(prepared) != len(norms):
            prepared = [_prepare(w, language) for w in norms]
    else:
        prepared = norms
    stems = stemmer.stemWords(prepared)
    if keep:
        for i, (word, norm) in enumerate(zip(words, norms, strict=True)):
            if norm in keep or word in keep:
                stems[i] = norm
            elif norm[:1] in _NAME_PROCLITICS and norm[1:] in keep:
                stems[i] = norm[1:]  # لبومبيو, وبومبيو: the name without its proclitic
    return stems
