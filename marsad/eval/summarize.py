"""Evaluate single-document summarization on EASC against the standard baselines.

EASC (Essex Arabic Summaries Corpus) gives, for each article ``Articles/TopicN/<name>.txt``, five
extractive summaries written by Mechanical Turk workers, ``MTurk/TopicN/D<id>.M.250.A.<k>.<A-E>``
(each a subset of the article's sentences, at most half of them). Every system is run on the
same sentences and gets the same length:

* **sentences**: the article is split once with marsad's sentence splitter; hard-wrapped lines
  (a line break not preceded by sentence punctuation) are first joined with a space. marsad and
  all baselines choose among exactly these sentences.
* **budget**: per article, the mean length in ROUGE tokens of its references. Each system adds
  its sentences best-first; the sentence that crosses the budget is cut at it, so every summary
  has exactly ``min(budget, article length)`` tokens. The summary is then read in document order.
* **systems**: ``marsad`` (:func:`marsad.stories.summarize.rank_sentences`), ``lead`` (document
  order), and sumy's ``lexrank``, ``textrank`` and ``lsa`` summarizers fed with marsad's
  sentences, normalized word tokens, Snowball Arabic stems and the same stop-word list as
  marsad (sumy's own tokenizers need NLTK data that cannot be downloaded here).
* **ROUGE**: :mod:`marsad.eval.rouge` — Arabic-aware tokens, ROUGE-1.5.5 "model average" over the
  five references, mean over articles; unstemmed is the main figure, stemmed is reported too.
* **split**: the scorer's defaults were tuned on the ``dev`` articles only (``TopicN`` with
  N < 30: 11 of the 74 articles of the copy in ../shared/data/easc, which holds 74 of EASC's
  153 articles); ``test`` is the rest; ``all`` is every article in the folder.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.arabic.sentences import split_sentences
from marsad.errors import DataMissingError, choices
from marsad.eval.rouge import ROUGE_TYPES, Score, mean_scores, rouge_from_tokens, rouge_tokens
from marsad.model import Span
from marsad.stories.summarize import (
    SummaryParams,
    normalized_words,
    rank_sentences,
    stem_words,
    stop_words,
)

SYSTEMS = ("marsad", "lead", "lexrank", "textrank", "lsa")
"""Systems compared, marsad first; the others are the baselines."""

BASELINES = SYSTEMS[1:]
SPLITS = ("all", "dev", "test")
DEV_MAX_TOPIC = 30
"""Articles ``TopicN`` with ``N < DEV_MAX_TOPIC`` form the development split."""

BUDGET = ("words: per article, the mean length (ROUGE tokens) of its references; each system "
          "adds sentences best-first and the one crossing the budget is cut at it")
TOKENIZER = ("marsad normalize + lowercase, runs of Unicode letters/digits (Arabic kept); "
             "stemmed variant: Snowball Arabic (PyStemmer)")
AGGREGATE = ("ROUGE-1.5.5 -f A (model average): hits and counts pooled over the references; "
             "mean over articles; ROUGE-L = whole-summary LCS")

_HARD_WRAP = re.compile(r"(?<![.!?؟…:\"'»”)\]])[ \t]*\n[ \t]*(?=\S)")
_TOPIC = re.compile(r"^Topic(\d+)$")


@dataclass(frozen=True, slots=True)
class EascArticle:
    """One EASC article and its human summaries.

    Attributes:
        topic: The N of its ``TopicN`` folder.
        name: The article's file name.
        text: The article, BOM removed and hard-wrapped lines joined.
        references: The human extractive summaries (five in EASC).
    """

    topic: int
    name: str
    text: str
    references: tuple[str, ...]

    @property
    def split(self) -> str:
        """``dev`` or ``test``."""
        return "dev" if self.topic < DEV_MAX_TOPIC else "test"


def _read(path: Path) -> str:
    """Read a UTF-8 file (BOM tolerated), failing with the file's name when it is not UTF-8."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataMissingError(f"EASC file {path} is not UTF-8 text ({exc.reason})") from exc


def unwrap(text: str) -> str:
    """Join hard-wrapped lines: a line break not preceded by sentence punctuation is a space."""
    return _HARD_WRAP.sub(" ", text.replace("\r\n", "\n")).strip()


def _easc_root(data_dir: str | Path) -> Path:
    """The folder holding ``Articles/`` and ``MTurk/`` (``data_dir`` itself or its ``easc/``)."""
    root = Path(data_dir)
    if not root.exists():
        raise DataMissingError(
            f"EASC folder {root} does not exist; pass the folder holding Articles/ and MTurk/ "
            "(e.g. ../shared/data/easc)")
    for candidate in (root, root / "easc"):
        if (candidate / "Articles").is_dir() and (candidate / "MTurk").is_dir():
            return candidate
    raise DataMissingError(
        f"{root} is not an EASC folder: expected Articles/TopicN/*.txt and "
        "MTurk/TopicN/D*.M.250.A.<1-5>.<A-E> inside it")


def load_easc(data_dir: str | Path) -> list[EascArticle]:
    """Read every EASC article with its references, sorted by topic number.

    Args:
        data_dir: The EASC folder (or a folder with an ``easc/`` subfolder).

    Returns:
        The articles.

    Raises:
        DataMissingError: The folder is missing, or a topic has no article, several articles,
            or no reference summary.
    """
    root = _easc_root(data_dir)
    articles: list[EascArticle] = []
    topics = sorted((p for p in (root / "Articles").iterdir()
                     if p.is_dir() and _TOPIC.match(p.name)),
                    key=lambda p: int(_TOPIC.match(p.name).group(1)))  # type: ignore[union-attr]
    for folder in topics:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        if len(files) != 1:
            raise DataMissingError(
                f"EASC topic {folder} should hold exactly one article file; found {len(files)}")
        ref_dir = root / "MTurk" / folder.name
        refs = sorted(p for p in ref_dir.glob("D*.M.*") if p.is_file()) if ref_dir.is_dir() else []
        if not refs:
            raise DataMissingError(
                f"EASC topic {folder.name} has no reference summaries in {ref_dir} "
                "(expected D<id>.M.250.A.<1-5>.<A-E>)")
        text = unwrap(_read(files[0]))
        references = tuple(" ".join(_read(p).split()) for p in refs)
        if not text or not any(references):
            raise DataMissingError(f"EASC topic {folder.name}: empty article or references")
        topic = int(_TOPIC.match(folder.name).group(1))  # type: ignore[union-attr]
        articles.append(EascArticle(topic, files[0].name, text, references))
    if not articles:
        raise DataMissingError(f"no EASC article found under {root / 'Articles'}")
    return articles


# ------------------------------------------------------------------------------------------
# Systems: each returns sentence indexes best-first
# ------------------------------------------------------------------------------------------

Ranker = Callable[[str, Sequence[Span]], list[int]]


def _rank_marsad(text: str, sentences: Sequence[Span],
                 params: SummaryParams | None = None) -> list[int]:
    """marsad's MMR ranking."""
    index_of = {(s.start, s.end): i for i, s in enumerate(sentences)}
    ranked = rank_sentences(text, sentences=sentences, params=params)
    order = [index_of[(r.span.start, r.span.end)] for r in ranked]
    return order + [i for i in range(len(sentences)) if i not in set(order)]


def _rank_lead(text: str, sentences: Sequence[Span]) -> list[int]:
    """Document order."""
    return list(range(len(sentences)))


class _Tokenizer:
    """sumy tokenizer over marsad's normalized words (sentences are given, never split here)."""

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(normalized_words(text))

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(text))


def _stem(word: str) -> str:
    stems = stem_words([word])
    return stems[0] if stems else word


@lru_cache(maxsize=1)
def _sorted_lsa() -> type:
    """sumy's LSA with its vocabulary in sorted order.

    sumy builds the LSA vocabulary from a frozenset, whose order changes with the hash seed;
    the SVD's rounding then moved LSA's ROUGE by up to 0.0006 from one run to the next.
    """
    from sumy.summarizers.lsa import LsaSummarizer

    class SortedLsaSummarizer(LsaSummarizer):
        def _create_dictionary(self, document: Any) -> dict[str, int]:
            return {w: i for i, w in enumerate(sorted(super()._create_dictionary(document)))}

    return SortedLsaSummarizer


def _sumy_ranker(name: str) -> Ranker:
    """A ranker running one sumy summarizer and reading back its full rating order."""

    def rank(text: str, sentences: Sequence[Span]) -> list[int]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer

        cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer,
               "lsa": _sorted_lsa()}[name]
        summarizer = cls(_stem)
        summarizer.stop_words = stop_words()
        tokenizer = _Tokenizer()
        document = ObjectDocumentModel(
            [Paragraph([SumySentence(s.text, tokenizer) for s in sentences])])
        order: list[int] = []

        def keep_all(infos: list[Any]) -> list[Any]:
            # sumy hands the sentences sorted by rating (stable, best first) to `count`.
            order.extend(info.order for info in infos)
            return infos

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # LSA warns on documents with few distinct words
            summarizer(document, keep_all)
        return order + [i for i in range(len(sentences)) if i not in set(order)]

    rank.__name__ = f"_rank_{name}"
    return rank


def rankers(params: SummaryParams | None = None) -> dict[str, Ranker]:
    """The compared systems by name (``marsad`` uses ``params`` when given)."""
    return {
        "marsad": lambda text, sentences: _rank_marsad(text, sentences, params),
        "lead": _rank_lead,
        **{name: _sumy_ranker(name) for name in ("lexrank", "textrank", "lsa")},
    }


# ------------------------------------------------------------------------------------------
# Budgeted summaries and scoring
# ------------------------------------------------------------------------------------------


def budgeted_tokens(order: Sequence[int], sentence_tokens: Sequence[Sequence[str]],
                    budget: int) -> list[str]:
    """The summary's tokens: sentences taken best-first up to ``budget``, read in document order.

    Args:
        order: Sentence indexes, best first.
        sentence_tokens: The tokens of each sentence.
        budget: Maximum number of tokens; the sentence crossing it is cut.

    Returns:
        The tokens of the chosen sentences in document order (the cut one keeps its start).
    """
    kept: dict[int, int] = {}
    total = 0
    for i in order:
        if total >= budget:
            break
        take = min(len(sentence_tokens[i]), budget - total)
        if take > 0:
            kept[i] = take
            total += take
    return [t for i in sorted(kept) for t in sentence_tokens[i][:kept[i]]]


def _article_scores(article: EascArticle, systems: dict[str, Ranker]
                    ) -> dict[str, dict[str, dict[str, Score]]]:
    """{system: {"plain"|"stemmed": {measure: Score}}} for one article."""
    sentences = split_sentences(article.text)
    plain = [rouge_tokens(s.text) for s in sentences]
    stemmed = [rouge_tokens(s.text, stem=True) for s in sentences]
    refs_plain = [rouge_tokens(r) for r in article.references]
    refs_stemmed = [rouge_tokens(r, stem=True) for r in article.references]
    budget = round(sum(len(r) for r in refs_plain) / len(refs_plain))
    out: dict[str, dict[str, dict[str, Score]]] = {}
    for name, ranker in systems.items():
        order = ranker(article.text, sentences)
        out[name] = {
            "plain": {k: rouge_from_tokens(k, budgeted_tokens(order, plain, budget), refs_plain)
                      for k in ROUGE_TYPES},
            "stemmed": {k: rouge_from_tokens(k, budgeted_tokens(order, stemmed, budget),
                                             refs_stemmed) for k in ROUGE_TYPES},
        }
    return out


def _table(per_article: Sequence[dict[str, dict[str, dict[str, Score]]]], variant: str,
           systems: Sequence[str]) -> dict[str, dict[str, dict[str, float]]]:
    """Mean scores per system as plain dicts rounded to 4 decimals."""
    return {name: {k: v.to_dict(4) for k, v in
                   mean_scores([a[name][variant] for a in per_article]).items()}
            for name in systems}


def _margins(table: dict[str, dict[str, dict[str, float]]]) -> dict[str, Any]:
    """marsad's F minus the best baseline's F, per measure (positive = marsad ahead)."""
    margins: dict[str, Any] = {}
    for kind in ROUGE_TYPES:
        baselines = [b for b in BASELINES if b in table]
        if "marsad" not in table or not baselines:
            continue
        best = max(baselines, key=lambda b: table[b][kind]["f"])
        margins[kind] = {"best_baseline": best,
                         "delta_f": round(table["marsad"][kind]["f"] - table[best][kind]["f"], 4)}
    return margins


def evaluate_summarize(data_dir: str | Path, *, systems: Sequence[str] = SYSTEMS,
                       split: str = "all", params: SummaryParams | None = None
                       ) -> dict[str, Any]:
    """Run marsad's summarizer and the baselines on EASC and score them with ROUGE.

    Args:
        data_dir: The EASC folder (``../shared/data/easc``).
        systems: Which systems to run (default: all of :data:`SYSTEMS`).
        split: ``all``, ``dev`` or ``test`` articles for the headline figures (``splits`` always
            has the per-split figures of the articles that were run).
        params: marsad scorer parameters (tuning experiments; defaults otherwise).

    Returns:
        ``{"systems": {name: {"rouge1": {"p","r","f"}, "rouge2": ..., "rougeL": ...}},
        "systems_stemmed": ..., "margins": ..., "margins_stemmed": ..., "splits": ...,
        "articles": n, "references": m, "budget": ..., "tokenizer": ..., "aggregate": ...}``.

    Raises:
        DataMissingError: The EASC folder is missing or malformed.
        ValueError: Unknown system or split.
    """
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ValueError(choices("system", unknown[0], SYSTEMS))
    if split not in SPLITS:
        raise ValueError(choices("split", split, SPLITS))
    articles = [a for a in load_easc(data_dir) if split == "all" or a.split == split]
    all_rankers = rankers(params)
    chosen = {name: all_rankers[name] for name in systems}
    per_article = [_article_scores(a, chosen) for a in articles]
    result: dict[str, Any] = {
        "systems": _table(per_article, "plain", systems),
        "systems_stemmed": _table(per_article, "stemmed", systems),
    }
    result["margins"] = _margins(result["systems"])
    result["margins_stemmed"] = _margins(result["systems_stemmed"])
    result["splits"] = {}
    for part in ("dev", "test"):
        rows = [s for a, s in zip(articles, per_article, strict=True) if a.split == part]
        if rows:
            table = _table(rows, "plain", systems)
            result["splits"][part] = {"articles": len(rows), "systems": table,
                                      "margins": _margins(table)}
    result.update({
        "articles": len(articles),
        "references": sum(len(a.references) for a in articles),
        "split": split,
        "dev_split": f"TopicN with N < {DEV_MAX_TOPIC}",
        "budget": BUDGET,
        "tokenizer": TOKENIZER,
        "aggregate": AGGREGATE,
    })
    return result


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of F-scores (unstemmed and stemmed) and marsad's margins."""
    lines = [f"EASC: {result['articles']} articles, {result['references']} references "
             f"(split: {result['split']}); F-measure, ROUGE-1.5.5 model average",
             f"{'system':<10} {'R1':>7} {'R2':>7} {'RL':>7}   {'R1 st':>7} {'R2 st':>7} "
             f"{'RL st':>7}"]
    for name, row in result["systems"].items():
        st = result["systems_stemmed"][name]
        lines.append(f"{name:<10} " + " ".join(f"{row[k]['f']:7.4f}" for k in ROUGE_TYPES)
                     + "   " + " ".join(f"{st[k]['f']:7.4f}" for k in ROUGE_TYPES))
    for kind, m in result["margins"].items():
        lines.append(f"marsad - best baseline ({m['best_baseline']}) on {kind}: "
                     f"{m['delta_f']:+.4f}")
    return "\n".join(lines)
