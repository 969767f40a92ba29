"""The ``language`` stage: normalized text and title, sentences, stems and the language.

Runs right after extraction. Sentences point into the original ``Article.text``; the
normalized text and the stems are for matching, features and search only.

Stems keep names unstemmed (Snowball turns بومبيو into ومب). Until the NER stage refines it,
a cheap heuristic decides what a name is: up to three words after a title (الرئيس، وزير،
المتحدث ...) once the title's qualifiers (الخارجية الأميركي، السابق) are skipped, stopping at
punctuation and at common words (مايك بومبيو، دونالد ترمب، جيمس ماتيس). A name found once is
kept everywhere in the article, also behind a one-letter proclitic (لبومبيو).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.arabic._data import load_lines
from marsad.arabic.langid import detect_language
from marsad.arabic.normalize import normalize
from marsad.arabic.sentences import split_sentences
from marsad.arabic.stem import STEMMER_LANGUAGES, stem_tokens
from marsad.config import Settings
from marsad.model import Article
from marsad.pipeline import stage

__all__ = ["COMMON_WORDS", "TITLE_WORDS", "guess_name_tokens", "language_stage"]


def _normalized_set(name: str) -> frozenset[str]:
    return frozenset(filter(None, (normalize(w) for w in load_lines(name))))


COMMON_WORDS: frozenset[str] = _normalized_set("arabic_common_words.txt")
"""Normalized Arabic function words and very frequent news verbs (never names)."""
TITLE_WORDS: frozenset[str] = _normalized_set("arabic_title_words.txt")
"""Normalized titles and roles that come right before a person's name."""
_MODIFIERS = _normalized_set("arabic_title_modifiers.txt")
# Titles as they appear, also behind the conjunctions و / ف (وقال الرئيس ... والرئيس).
_TITLE_FORMS = TITLE_WORDS | {c + t for t in TITLE_WORDS for c in "وف"}
# Name parts after which a word with the article still belongs to the name (عبد الله).
_NAME_LINKS = frozenset({"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ام"})
_MAX_MODIFIERS = 4
_MAX_NAME_WORDS = 3

# Words and punctuation marks of normalized text (punctuation ends a name).
_NORM_TOKEN_RE = re.compile(r"[^\W\d_]+|[^\w\s]")


def guess_name_tokens(tokens: Sequence[str]) -> set[str]:
    """Guess which normalized tokens are parts of person names, from titles before them.

    Args:
        tokens: Normalized words and punctuation marks, in text order.

    Returns:
        The normalized name words (e.g. ``{"مايك", "بومبيو"}`` for
        ``وزير الخارجيه الاميركي مايك بومبيو``).
    """
    names: set[str] = set()
    n = len(tokens)
    for i, token in enumerate(tokens):
        if token not in _TITLE_FORMS:
            continue
        j = i + 1
        skipped = 0
        while j < n and skipped < _MAX_MODIFIERS and (
                tokens[j] in _MODIFIERS or (tokens[j].startswith("ال") and
                                             tokens[j] not in COMMON_WORDS)):
            j += 1
            skipped += 1
        taken: list[str] = []
        while j < n and len(taken) < _MAX_NAME_WORDS:
            word = tokens[j]
            linked = bool(taken) and taken[-1] in _NAME_LINKS
            if (len(word) < 2 or not word[0].isalpha() or word in COMMON_WORDS
                    or word in TITLE_WORDS or word in _MODIFIERS
                    or (word.startswith("ال") and not linked)):
                break
            taken.append(word)
            j += 1
        names.update(taken)
    return names


@stage("language", requires=("text", "title"),
       assigns=("norm_text", "norm_title", "sentences", "stems", "language"))
def language_stage(article: Article, *, settings: Settings) -> Article:
    """Fill ``norm_text``, ``norm_title``, ``sentences``, ``stems`` and ``language``.

    The extractor's ``language`` is kept when set; otherwise it is detected among
    ``settings.languages`` from the title and the start of the body. Stems use the Snowball
    stemmer of the article's language (Arabic when unknown); for a language without one they
    are the normalized words.
    """
    text = article.text or ""
    title = article.title or ""
    norm_text = normalize(text)
    language = article.language or detect_language(f"{title}\n{text[:2000]}",
                                                   settings.languages)
    tokens = _NORM_TOKEN_RE.findall(norm_text)
    words = [t for t in tokens if t[0].isalpha()]
    stem_language = language or "ar"
    if stem_language in STEMMER_LANGUAGES:
        keep = guess_name_tokens(tokens) if stem_language == "ar" else frozenset()
        stems = stem_tokens(words, keep, language=stem_language, normalized=True)
    else:
        stems = words
    return article.replace(
        norm_text=norm_text,
        norm_title=normalize(title),
        sentences=split_sentences(text),
        stems=stems,
        language=language,
    )
