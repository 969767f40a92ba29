"""Language identification: a script fast path for Arabic, lingua for the rest.

Most pages are Arabic, and Arabic script settles it: when Arabic letters are more than half of
the letters, the answer is ``"ar"`` without asking lingua (microseconds instead of
milliseconds). Otherwise lingua-language-detector, restricted to the languages the caller
supports, decides among them (its models ship in the wheel; nothing is downloaded).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from marsad.arabic.normalize import ARABIC_LETTER_CLASS
from marsad.errors import ConfigError

__all__ = ["DEFAULT_LANGUAGES", "arabic_letter_ratio", "detect_language"]

DEFAULT_LANGUAGES: tuple[str, ...] = ("ar", "en", "fr")
"""Languages detected unless the caller says otherwise (settings.languages)."""

# How much text is looked at: enough for a reliable answer, bounded for speed.
_SAMPLE_CHARS = 2000
_RATIO_CHARS = 1000
# Runs, not single characters: far fewer match objects to count.
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ARABIC_RE = re.compile(f"[{ARABIC_LETTER_CLASS}]+")


def arabic_letter_ratio(text: str) -> float | None:
    """Share of Arabic letters among the letters of ``text`` (``None`` if it has no letter)."""
    letters = sum(map(len, _LETTERS_RE.findall(text)))
    if not letters:
        return None
    return sum(map(len, _ARABIC_RE.findall(text))) / letters


@lru_cache(maxsize=16)
def _detector(languages: tuple[str, ...]) -> LanguageDetector:
    """Build (once per language set) a lingua detector restricted to ``languages`` (two or more;
    detect_language answers a single candidate without lingua)."""
    try:
        langs = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in languages]
    except ValueError:
        raise ConfigError(
            f"unknown language code in {list(languages)}; use ISO 639-1 codes such as "
            "'ar', 'en', 'fr'") from None
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str, languages: Sequence[str] = DEFAULT_LANGUAGES) -> str | None:
    """Return the ISO 639-1 code of the language of ``text``, among ``languages``.

    Args:
        text: Any text; only its first 2000 characters are looked at.
        languages: ISO 639-1 codes of the candidate languages.

    Returns:
        ``"ar"`` when Arabic letters are more than half of the letters (and ``"ar"`` is a
        candidate); otherwise lingua's answer restricted to ``languages``; ``None`` when the
        text has no letters or lingua cannot decide.

    Raises:
        ConfigError: A code in ``languages`` is not an ISO 639-1 code lingua knows.
    """
    sample = text[:_SAMPLE_CHARS]
    ratio = arabic_letter_ratio(sample[:_RATIO_CHARS])
    if ratio is None:
        return None
    codes = tuple(languages)
    if "ar" in codes and ratio > 0.5:
        return "ar"
    if len(codes) == 1:
        return codes[0]
    # lone surrogates (broken decoding upstream) cannot cross into lingua's Rust code
    sample = sample.encode("utf-8", "replace").decode("utf-8")
    found = _detector(codes).detect_language_of(sample)
    if found is None:
        return None
    code = found.iso_code_639_1.name.lower()
    return code if code in codes else None
