"""Story-level similarity signals: headline coverage and how far a body can be trusted.

Two reports of one story need not share much wording: a 60-word brief and a 600-word feature
about the same happening have a modest TF-IDF cosine, because the long one also covers the
background. What they do share is the *headline*: the content words of one title are found in
the other article (``أعلنت وزارة الصحة ... إصابة`` under ``الصحة: 120 إصابة جديدة``), while two
articles that only share a topic (two road accidents, two football transfers) each speak about
other people, places and things than the other's headline names. So:

- :func:`coverage` is the share of a title's content words (function words dropped) whose word
  form or stem occurs in the other article's title or body;
- :func:`headline_coverage` takes the better of the two directions — the shorter or narrower
  report's headline is covered by the broader one, not the other way round.

A body can also be wrong: a page whose scrape kept only a site disclaimer, a "read more" teaser
of another story, or a cut-off fragment. Such a body has little to do with its own title, so
its cosines compare the wrong texts. :func:`body_reliability` measures that from the article
alone (the share of its own title found in its body, and the body's length); the story score
(:func:`marsad.cluster.similarity.text_score`) hands the weight of an unreliable body's
cosines to the headline coverage.

Measured on the 120 SemEval-2022 Arabic pairs (``marsad eval pairs``): headline coverage alone
correlates 0.77 with the gold Overall, as well as the full-text cosines do (0.75), and the two
together reach 0.81 (0.80 estimated out of sample, see
:data:`~marsad.cluster.similarity.STORY_WEIGHTS`). Taking the larger direction beats the mean
(0.80) and the smaller (0.77); weighting title words by IDF does not help (the title already
picked them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.cluster import text as txt
from marsad.model import Article

RELIABLE_COVERAGE = 0.25
"""Share of its own title's content words a body must contain to be fully trusted. Real bodies
almost always contain half or more (the lowest seen on the SemEval pairs: 0.36); scraped
disclaimers and teasers of another story contain none or one."""

RELIABLE_WORDS = 50
"""Body length (words) from which length alone does not lower the trust in a body."""


@dataclass(frozen=True, slots=True)
class StoryText:
    """What the story signals need from one article.

    Attributes:
        title_terms: ``(word, stem)`` of the title's content words (normalized; function words
            and one-letter tokens left out), in title order.
        terms: Word forms and stems of the title and the body.
        body_words: Number of words in the body.
        self_coverage: :func:`coverage` of the title in the article's own body (``None``
            without title content words).
    """

    title_terms: tuple[tuple[str, str], ...]
    terms: frozenset[str]
    body_words: int
    self_coverage: float | None


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Function words left out of titles: the Arabic common words of the language layer and
    the Arabic, English and French function words of the dump filter, folded for matching."""
    from marsad.arabic._data import load_lines
    from marsad.arabic.stage import COMMON_WORDS

    words = set(COMMON_WORDS) | set(load_lines("boilerplate_stopwords.txt"))
    return frozenset(txt.normalized(w).strip() for w in words)


def _content(words: Iterable[str]) -> list[str]:
    stop = stop_words()
    return [w for w in words if len(w) > 1 and w not in stop]


def story_text(article: Article) -> StoryText:
    """Extract the :class:`StoryText` of an article (normalized words and stems)."""
    body_words = txt.tokens(txt.body_norm(article))
    body_terms = set(body_words) | set(txt.stem_words(body_words))
    if article.stems:  # the language stage's stems keep names whole; add them too
        body_terms.update(txt.fold(s) for s in article.stems)
    title_words = _content(txt.tokens(txt.title_norm(article)))
    title_terms = tuple(zip(title_words, txt.stem_words(title_words), strict=True))
    own = coverage(title_terms, body_terms)
    terms = body_terms | {t for pair in title_terms for t in pair}
    return StoryText(title_terms, frozenset(terms), len(body_words), own)


def coverage(title_terms: Iterable[tuple[str, str]], terms: frozenset[str] | set[str]
             ) -> float | None:
    """Share of ``title_terms`` whose word form or stem is in ``terms`` (``None`` if none).

    >>> coverage([("الصحه", "صح"), ("اصابه", "اصاب")], {"صح", "قال"})
    0.5
    """
    title_terms = list(title_terms)
    if not title_terms:
        return None
    hits = sum(1 for word, stem in title_terms if word in terms or stem in terms)
    return hits / len(title_terms)


def headline_coverage(a: StoryText, b: StoryText) -> float | None:
    """How far one article's headline is told by the other: the larger of the two directions
    (``None`` when neither has a title with content words)."""
    values = [v for v in (coverage(a.title_terms, b.terms), coverage(b.title_terms, a.terms))
              if v is not None]
    return max(values) if values else None


def body_reliability(t: StoryText) -> float:
    """Trust in an article's body as a description of its story, in [0, 1].

    1.0 for a body of at least :data:`RELIABLE_WORDS` words containing at least
    :data:`RELIABLE_COVERAGE` of its title's content words; lower, linearly, for shorter bodies
    and bodies that share less with their own title. An article without a title is trusted
    (there is nothing to check the body against, and nothing else to fall back on).
    """
    length = min(1.0, t.body_words / RELIABLE_WORDS)
    if t.self_coverage is None:
        return length if t.body_words else 0.0
    return length * min(1.0, t.self_coverage / RELIABLE_COVERAGE)


def story_components(a: StoryText, b: StoryText) -> dict[str, float | None]:
    """``headline`` (:func:`headline_coverage`) and ``reliability`` (the lower
    :func:`body_reliability` of the two) of a pair."""
    return {"headline": headline_coverage(a, b),
            "reliability": min(body_reliability(a), body_reliability(b))}
