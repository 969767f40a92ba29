"""Text access for the clustering features: the language layer's output, or a small fallback.

The language stage (:mod:`marsad.arabic`) fills ``Article.norm_text``, ``norm_title`` and
``stems``. Clustering must also work on articles that never went through it (bench streams, a
caller building articles by hand), so this module reads those fields when they are filled and
otherwise computes a conservative stand-in: the shared normalizer when it is importable, else a
private one that folds only what matching needs (diacritics, tatweel, alef/ya/ta-marbuta forms,
Arabic-Indic digits). Nothing here is a public normalization API: it only feeds features.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from marsad.model import Article

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8",
    "٩": "9", "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7",
    "۸": "8", "۹": "9", "\u200c": " ", "\u200f": "", "\u200e": "", "\u00a0": " ",
})
# Words: runs of letters/digits; the clitic "ال" and attached prepositions stay (stems cover them).
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Fold ``text`` for matching: drop diacritics and tatweel, unify letter variants, lowercase.

    Args:
        text: Any text (Arabic, Latin or mixed).

    Returns:
        The folded text; the same length is not guaranteed (diacritics are removed).
    """
    return _DIACRITICS.sub("", text).translate(_FOLD).lower()


@lru_cache(maxsize=1)
def _shared_normalize() -> Callable[[str], str] | None:
    """The language layer's ``normalize`` when it exists (imported once), else ``None``."""
    try:
        from marsad.arabic import normalize as mod  # type: ignore[attr-defined]
    except ImportError:
        return None
    func = getattr(mod, "normalize", mod)
    return func if callable(func) else None


def normalized(text: str) -> str:
    """Normalize ``text`` with the shared normalizer when available, then fold it.

    Folding after the shared normalizer is idempotent for text it already normalized and keeps
    features comparable between articles that went through the language stage and ones that
    did not.
    """
    func = _shared_normalize()
    if func is not None:
        try:
            text = func(text)
        except Exception:
            pass
    return fold(text)


def tokens(text: str) -> list[str]:
    """Split normalized text into word tokens (letters and digits)."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("arabic")


def stem_words(words: list[str]) -> list[str]:
    """Snowball-Arabic stems of ``words`` (Latin words are lowercased and kept as they are)."""
    return _stemmer().stemWords(words)


def body_norm(article: Article) -> str:
    """The article body normalized for matching (``norm_text`` when the language stage ran)."""
    return fold(article.norm_text) if article.norm_text else normalized(article.text)


def title_norm(article: Article) -> str:
    """The article title normalized for matching."""
    return fold(article.norm_title) if article.norm_title else normalized(article.title or "")


def body_stems(article: Article, words: list[str] | None = None) -> list[str]:
    """Stems of the body: ``article.stems`` when filled, else Snowball stems of ``words``."""
    if article.stems:
        return [fold(s) for s in article.stems]
    if words is None:
        words = tokens(body_norm(article))
    return stem_words(words)
