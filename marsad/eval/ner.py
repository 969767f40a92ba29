"""NER evaluation: CoNLL exact-span precision, recall and F1, and the demo corpus entity check.

Span semantics follow conlleval: a span starts at ``B-X``, or at ``I-X`` when the previous tag
is ``O`` or of another type (an ``I-`` after ``O`` starts a span); it continues over ``I-X`` of
the same type. A predicted span counts as correct only when its start, end and type equal a
gold span's. ANERcorp's ``PERS`` is reported as ``PER``.

``evaluate_ner(path)`` is what ``marsad eval ner --data DIR [--json]`` prints: when ``DIR`` is
the ANERcorp folder, the test part (:data:`ANERCORP_TEST`) is used; a file is used as it is.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from marsad.enrich.ner import bio_spans
from marsad.errors import DataMissingError

ANERCORP_TEST = "ANERCorp_split_test_last25007tokens.txt"
ANERCORP_TRAIN = "ANERCorp_split_train_first125275tokens.txt"
TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
_TYPE_ALIASES = {"PERS": "PER"}


def map_tag(tag: str) -> str:
    """Normalize a BIO tag: ``B-PERS`` → ``B-PER``; anything without a known prefix → ``O``."""
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return "O"
    kind = tag[2:]
    return f"{tag[0]}-{_TYPE_ALIASES.get(kind, kind)}"


def read_conll(path: str | Path) -> tuple[list[str], list[str]]:
    """Read a ``token TAG`` per-line file (ANERcorp layout; blank lines are ignored).

    The tag is the last whitespace-separated field; a line holding only a tag has an empty
    token (ANERcorp has a few). Tags are mapped with :func:`map_tag`.

    Raises:
        DataMissingError: The file does not exist.
    """
    path = Path(path)
    if not path.is_file():
        raise DataMissingError(f"NER data file {path} does not exist")
    tokens: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            token, _, tag = line.rpartition(" ")
            tokens.append(token.strip())
            tags.append(map_tag(tag.strip()))
    return tokens, tags


def resolve_data(path: str | Path, *, part: str = ANERCORP_TEST) -> Path:
    """Resolve ``--data``: a file is used as is; a folder means its ANERCorp ``part`` file.

    Raises:
        DataMissingError: Neither a file nor a folder holding ``part``.
    """
    p = Path(path)
    if p.is_file():
        return p
    if p.is_dir():
        candidate = p / part
        if candidate.is_file():
            return candidate
        raise DataMissingError(
            f"{p} is a folder without {part}; pass the anercorp folder or a 'token TAG' file"
        )
    raise DataMissingError(f"NER data {p} does not exist; pass the anercorp folder or a file")


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def score_spans(gold: Iterable[tuple[Any, ...]], pred: Iterable[tuple[Any, ...]],
                types: Sequence[str] = TYPES) -> dict[str, Any]:
    """Exact-match P/R/F1 per type, micro and macro, for span tuples whose last field is type.

    Args:
        gold: Gold spans, e.g. ``(start, end, type)``.
        pred: Predicted spans of the same shape.
        types: Types reported one by one (and averaged for macro); others still count in micro.

    Returns:
        ``{"per_type": {type: {...}}, "micro": {...}, "macro": {...}}``; each entry has
        precision, recall, f1 (0..1, 4 decimals) and the counts.
    """
    gold_set, pred_set = set(gold), set(pred)
    tp_by: Counter[str] = Counter(s[-1] for s in gold_set & pred_set)
    gold_by: Counter[str] = Counter(s[-1] for s in gold_set)
    pred_by: Counter[str] = Counter(s[-1] for s in pred_set)
    per_type = {t: _prf(tp_by[t], pred_by[t], gold_by[t]) for t in types}
    micro = _prf(sum(tp_by.values()), len(pred_set), len(gold_set))
    macro = {k: round(sum(float(per_type[t][k]) for t in types) / len(types), 4)
             for k in ("precision", "recall", "f1")}
    return {"per_type": per_type, "micro": micro, "macro": macro}


def score_tags(gold_tags: Sequence[str], pred_tags: Sequence[str]) -> dict[str, Any]:
    """CoNLL exact-span scores of a predicted tag sequence against gold tags.

    Raises:
        ValueError: The two sequences differ in length.
    """
    if len(gold_tags) != len(pred_tags):
        raise ValueError(
            f"gold has {len(gold_tags)} tags but prediction has {len(pred_tags)}; "
            "they must align token by token"
        )
    return score_spans(bio_spans(gold_tags), bio_spans(pred_tags))


def evaluate_ner(path: str | Path, *, model: str | Path | None = None) -> dict[str, Any]:
    """Tag a ``token TAG`` file with the CRF tagger and score it (``marsad eval ner``).

    Args:
        path: The ANERcorp folder (its test part is used) or a ``token TAG`` file.
        model: CRF model file; default the shipped ``marsad/data/ner.crfsuite``.

    Returns:
        ``{"data", "tokens", "per_type", "micro", "macro", "seconds", "tokens_per_second",
        "model"}``; figures are fractions (0..1).

    Raises:
        DataMissingError: ``path`` is not a file or an ANERcorp folder.
    """
    from marsad.enrich.ner import load_tagger

    data = resolve_data(path)
    tokens, gold = read_conll(data)
    tagger = load_tagger(str(model) if model else None)
    _ = tagger.featurizer  # load models and lexicons first: the speed is the tagging alone
    t0 = time.perf_counter()
    pred = tagger.tag_stream(tokens)
    seconds = time.perf_counter() - t0
    result: dict[str, Any] = {"data": str(data), "tokens": len(tokens)}
    result.update(score_tags(gold, pred))
    result["seconds"] = round(seconds, 3)
    result["tokens_per_second"] = round(len(tokens) / seconds) if seconds else None
    result["model"] = str(tagger.path_)
    return result


def format_report(result: dict[str, Any]) -> str:
    """Render :func:`evaluate_ner`-shaped figures as a small text table (percentages)."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for t, s in result["per_type"].items():
        lines.append(f"{t:<6} {100 * s['precision']:6.2f} {100 * s['recall']:6.2f} "
                     f"{100 * s['f1']:6.2f} {s['gold']:6d} {s['predicted']:6d}")
    for name in ("micro", "macro"):
        s = result[name]
        lines.append(f"{name:<6} {100 * s['precision']:6.2f} {100 * s['recall']:6.2f} "
                     f"{100 * s['f1']:6.2f}")
    return "\n".join(lines)


def dumps(result: dict[str, Any]) -> str:
    """One-line JSON of a result (non-ASCII kept readable), for ``--json`` output."""
    return json.dumps(result, ensure_ascii=False, sort_keys=True)


# --------------------------------------------------------------------------- demo corpus
def _pairs(groups: dict[Any, list[int]]) -> set[tuple[int, int]]:
    out = set()
    for members in groups.values():
        ms = sorted(members)
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                out.add((a, b))
    return out


def align_mentions(gold: Sequence[tuple[str, str]], pred: Sequence[tuple[str, str]]
                   ) -> list[tuple[int, int]]:
    """Pair gold and predicted mentions by (surface, label): the k-th occurrence with the k-th.

    Args:
        gold: ``(text, label)`` of gold mentions, in text order.
        pred: ``(text, label)`` of predicted mentions, in text order.

    Returns:
        ``(gold index, predicted index)`` pairs of matched mentions.
    """
    slots: dict[tuple[str, str], list[int]] = {}
    for j, m in enumerate(pred):
        slots.setdefault(m, []).append(j)
    out = []
    used: Counter[tuple[str, str]] = Counter()
    for i, m in enumerate(gold):
        k = used[m]
        if k < len(slots.get(m, ())):
            out.append((i, slots[m][k]))
            used[m] += 1
    return out


def evaluate_entities_demo(gold_path: str | Path, *, model: str | Path | None = None
                           ) -> dict[str, Any]:
    """Score the entities stage on the demo corpus gold (``examples/demo-corpus/gold``).

    Each gold article's ``body`` is run through the language and entities stages. MISC
    mentions are left out (the demo gold labels PER, ORG and LOC only). Mentions are compared
    by exact (surface, label) as multisets per article (P/R/F1 per type, micro, macro).
    Canonical grouping is scored on matched mentions only, as pairwise precision and recall of
    "same entity" pairs: predicted pairs share an entity id, gold pairs share a canonical
    name; both within each article and across the whole corpus.

    Args:
        gold_path: ``articles.jsonl`` or the folder holding it.
        model: CRF model; default the shipped one.

    Returns:
        ``{"articles", "mentions": {per_type, micro, macro}, "grouping": {"within",
        "across"}}``; each grouping entry has precision, recall, f1 and pair counts.

    Raises:
        DataMissingError: No gold file there.
    """
    from marsad.arabic.stage import language_stage
    from marsad.config import Settings
    from marsad.enrich.entities import LABELS, annotate
    from marsad.model import Article

    path = Path(gold_path)
    if path.is_dir():
        path = path / "articles.jsonl"
    if not path.is_file():
        raise DataMissingError(f"demo gold {path} does not exist (expected articles.jsonl)")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    settings = Settings(progress=False)
    gold_spans: list[tuple[str, int, str, str]] = []
    pred_spans: list[tuple[str, int, str, str]] = []
    gold_groups: dict[str, list[int]] = {}
    pred_groups: dict[str, list[int]] = {}
    within_gold: set[tuple[int, int]] = set()
    within_pred: set[tuple[int, int]] = set()
    matched_total = 0
    for rec in records:
        article = Article(id=rec["id"], source=rec.get("file", rec["id"]), text=rec["body"],
                          title=rec.get("title", ""), language=rec.get("language"))
        article = language_stage(article, settings=settings)
        # the demo gold has no MISC: MISC mentions are outside its scheme, not errors
        spans = [s for s in annotate(article, model=str(model) if model else None)
                 if s.label in LABELS and s.label != "MISC"]
        gold = [(e["text"], e["label"]) for e in rec.get("entities", [])]
        pred = [(s.text, s.label) for s in spans]
        gold_spans += _occurrences(rec["id"], gold)
        pred_spans += _occurrences(rec["id"], pred)
        art_gold: dict[str, list[int]] = {}
        art_pred: dict[str, list[int]] = {}
        for gi, pj in align_mentions(gold, pred):
            idx = matched_total
            matched_total += 1
            canonical = rec["entities"][gi]["canonical"]
            ent = spans[pj].attrs.get("entity", "")
            gold_groups.setdefault(canonical, []).append(idx)
            pred_groups.setdefault(ent, []).append(idx)
            art_gold.setdefault(canonical, []).append(idx)
            art_pred.setdefault(ent, []).append(idx)
        within_gold |= _pairs(art_gold)
        within_pred |= _pairs(art_pred)
    mentions = score_spans(gold_spans, pred_spans, TYPES[:3])
    across_gold, across_pred = _pairs(gold_groups), _pairs(pred_groups)
    return {
        "articles": len(records),
        "mentions": mentions,
        "grouping": {
            "matched_mentions": matched_total,
            "within": _prf(len(within_gold & within_pred), len(within_pred), len(within_gold)),
            "across": _prf(len(across_gold & across_pred), len(across_pred), len(across_gold)),
        },
    }


def _occurrences(doc: str, mentions: Sequence[tuple[str, str]]) -> list[tuple[str, int, str, str]]:
    """Number repeated (text, label) mentions so multisets compare as sets."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for text, label in mentions:
        out.append((doc, seen[(text, label)], text, label))
        seen[(text, label)] += 1
    return out
