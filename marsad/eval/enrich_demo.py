"""Evaluate the quantity and quote extractors on the demo corpus gold.

The gold file (``examples/demo-corpus/gold/articles.jsonl``) holds, per article, the gold body
text (``body``), gold quantities ``{"text", "value", "unit", "approx", "high"}`` and gold quotes
``{"speaker", "text" (the first words of the quote), "kind", "verb"}``. Gold items carry text,
not offsets: each is located in the body (the n-th gold item with the same text takes the n-th
occurrence) and matched to a predicted span that overlaps it (each prediction matches once).

Figures: precision, recall and F1 of the spans; on matched pairs, the share with the right
value / unit / approximation (quantities) or speaker / kind / verb (quotes). A gold speaker of
``null`` stands for "no named speaker": a prediction with no speaker or one marked
``unnamed`` (مصدر دبلوماسي، مسؤولون أوروبيون) counts as right. Names match when one normalized
name contains the other (كوتس / دان كوتس).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.enrich.quantities import find_quantities, key
from marsad.enrich.quotes import find_quotes
from marsad.errors import DataMissingError

__all__ = ["evaluate_quantities", "evaluate_quotes", "load_gold"]


def load_gold(gold_path: str | Path) -> list[dict[str, Any]]:
    """Read the gold articles (JSON Lines).

    Raises:
        DataMissingError: The file does not exist.
    """
    path = Path(gold_path)
    if not path.exists():
        raise DataMissingError(f"gold file {path} not found; expected the demo corpus gold "
                               "(examples/demo-corpus/gold/articles.jsonl)")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _locate(body: str, texts: Iterable[str]) -> Iterator[tuple[int, int] | None]:
    """Offsets of each text in ``body``; repeated texts take successive occurrences."""
    seen: dict[str, int] = {}
    for text in texts:
        idx = seen.get(text, 0) - 1
        while text:
            idx = body.find(text, idx + 1)
            # a whole-word occurrence: "80 مليون" must not match inside "180 مليون"
            if idx <= 0 or not (body[idx - 1].isdigit() and text[0].isdigit()):
                break
        if not text or idx < 0:
            yield None
            continue
        seen[text] = idx + 1
        yield idx, idx + len(text)


def _match(gold: list[tuple[int, int] | None], pred: list[tuple[int, int]]
           ) -> list[int | None]:
    """For each gold span, the index of the overlapping prediction it is matched to."""
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold:
        best, best_overlap = None, 0
        if g is not None:
            for i, (ps, pe) in enumerate(pred):
                overlap = min(g[1], pe) - max(g[0], ps)
                if i not in used and overlap > best_overlap:
                    best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
        out.append(best)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _share(right: int, total: int) -> float:
    return round(right / total, 4) if total else 0.0


def _same_value(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def _norm(s: str | None) -> str:
    return " ".join(key(s).split()) if s else ""


def evaluate_quantities(gold_path: str | Path) -> dict[str, Any]:
    """Score :func:`~marsad.enrich.quantities.find_quantities` against the gold quantities.

    Args:
        gold_path: Path of the gold ``articles.jsonl``.

    Returns:
        ``{"articles", "gold", "predicted", "matched", "precision", "recall", "f1",
        "value_accuracy", "unit_accuracy", "approx_accuracy", "unlocated", "errors"}``;
        ``errors`` lists up to 60 misses, extra predictions and wrong attributes.
    """
    articles = load_gold(gold_path)
    n_gold = n_pred = tp = right_value = right_unit = right_approx = unlocated = 0
    errors: list[dict[str, Any]] = []
    for art in articles:
        body = art.get("body") or ""
        gold = art.get("quantities") or []
        preds = find_quantities(body)
        spans = list(_locate(body, (g.get("text", "") for g in gold)))
        unlocated += sum(1 for s in spans if s is None)
        match = _match(spans, [(p.start, p.end) for p in preds])
        n_gold += len(gold)
        n_pred += len(preds)
        for g, m in zip(gold, match, strict=True):
            if m is None:
                errors.append({"id": art.get("id"), "missed": g.get("text")})
                continue
            tp += 1
            a = preds[m].attrs
            ok_v = _same_value(a.get("value"), g.get("value")) and _same_value(
                a.get("high"), g.get("high"))
            ok_u = _norm(a.get("unit")) == _norm(g.get("unit"))
            ok_a = a.get("approx") == g.get("approx")
            right_value += ok_v
            right_unit += ok_u
            right_approx += ok_a
            if not (ok_v and ok_u and ok_a):
                errors.append({"id": art.get("id"), "text": g.get("text"), "gold": g,
                               "got": {k: a.get(k) for k in ("value", "high", "unit",
                                                              "approx")}})
        matched = {m for m in match if m is not None}
        for i, p in enumerate(preds):
            if i not in matched:
                errors.append({"id": art.get("id"), "extra": p.text})
    return {"articles": len(articles), "gold": n_gold, "predicted": n_pred, "matched": tp,
            **_prf(tp, n_pred, n_gold), "value_accuracy": _share(right_value, tp),
            "unit_accuracy": _share(right_unit, tp), "approx_accuracy": _share(right_approx, tp),
            "unlocated": unlocated, "errors": errors[:60]}


def _speaker_ok(gold: str | None, speaker: str | None, attrs: dict[str, Any]) -> bool:
    if not gold:
        return speaker is None or bool(attrs.get("unnamed"))
    if not speaker:
        return False
    g, p = _norm(gold), _norm(speaker)
    return g in p or p in g


def _verb_key(verb: str | None) -> str:
    k = _norm(verb)
    return k[1:] if len(k) > 3 and k[0] in "وف" else k


def evaluate_quotes(gold_path: str | Path) -> dict[str, Any]:
    """Score :func:`~marsad.enrich.quotes.find_quotes` against the gold quotes.

    Args:
        gold_path: Path of the gold ``articles.jsonl``.

    Returns:
        ``{"articles", "gold", "predicted", "matched", "precision", "recall", "f1",
        "speaker_accuracy", "kind_accuracy", "verb_accuracy", "unlocated", "errors"}``.
    """
    articles = load_gold(gold_path)
    n_gold = n_pred = tp = right_speaker = right_kind = right_verb = unlocated = 0
    errors: list[dict[str, Any]] = []
    for art in articles:
        body = art.get("body") or ""
        gold = art.get("quotes") or []
        preds = find_quotes(body)
        spans = list(_locate(body, (g.get("text", "") for g in gold)))
        unlocated += sum(1 for s in spans if s is None)
        match = _match(spans, [(q.start, q.end) for q in preds])
        n_gold += len(gold)
        n_pred += len(preds)
        for g, m in zip(gold, match, strict=True):
            if m is None:
                errors.append({"id": art.get("id"), "missed": g.get("text"), "gold": g})
                continue
            tp += 1
            q = preds[m]
            ok_s = _speaker_ok(g.get("speaker"), q.speaker, q.attrs)
            ok_k = q.kind == g.get("kind")
            ok_v = _verb_key(q.verb) == _verb_key(g.get("verb"))
            right_speaker += ok_s
            right_kind += ok_k
            right_verb += ok_v
            if not (ok_s and ok_k and ok_v):
                errors.append({"id": art.get("id"), "text": g.get("text"), "gold": g,
                               "got": {"speaker": q.speaker, "kind": q.kind, "verb": q.verb,
                                       "how": q.attrs.get("speaker_how")}})
        matched = {m for m in match if m is not None}
        for i, q in enumerate(preds):
            if i not in matched:
                errors.append({"id": art.get("id"), "extra": q.text[:60], "speaker": q.speaker,
                               "kind": q.kind})
    return {"articles": len(articles), "gold": n_gold, "predicted": n_pred, "matched": tp,
            **_prf(tp, n_pred, n_gold), "speaker_accuracy": _share(right_speaker, tp),
            "kind_accuracy": _share(right_kind, tp), "verb_accuracy": _share(right_verb, tp),
            "unlocated": unlocated, "errors": errors[:60]}
