"""Evaluation of the timex rules against gold temporal expressions (the demo corpus's format).

Each gold article is a JSON line with ``body`` (the article text), ``published`` and
``timexes``: ``[{"text", "value", "type"}]``. Gold expressions carry no offsets, so each one is
located in the body (its first occurrence not already taken). A found expression matches a gold
one when their spans overlap (one-to-one, largest overlap first); precision, recall and F1 count
those matches, and value / type accuracy are measured on the matched pairs only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from marsad.enrich.timex import find_timexes
from marsad.errors import DataMissingError


def _locate(body: str, texts: Iterable[str]) -> list[tuple[int, int] | None]:
    """Offsets of each gold text in ``body``: the first occurrence not already used."""
    used: set[int] = set()
    out: list[tuple[int, int] | None] = []
    for t in texts:
        pos = body.find(t)
        while pos >= 0 and pos in used:
            pos = body.find(t, pos + 1)
        if pos < 0:
            out.append(None)
            continue
        used.add(pos)
        out.append((pos, pos + len(t)))
    return out


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, pred index)`` of overlapping spans, largest overlap first."""
    pairs = []
    for i, (gs, ge) in enumerate(gold):
        for j, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in taken_g or j in taken_p:
            continue
        taken_g.add(i)
        taken_p.add(j)
        out.append((i, j))
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def evaluate_timex(gold_path: str | Path, languages: Iterable[str] | None = None
                   ) -> dict[str, Any]:
    """Score :func:`~marsad.enrich.timex.find_timexes` on gold articles.

    Args:
        gold_path: JSON Lines file of gold articles (``body``, ``published``, ``timexes``).
        languages: Only score articles whose ``language`` is one of these (all when ``None``).

    Returns:
        ``precision``, ``recall``, ``f1`` (span overlap), ``value_accuracy`` and
        ``type_accuracy`` (on matched pairs), counts (``gold``, ``predicted``, ``matched``,
        ``unlocated`` gold texts not found in their body, ``articles``) and ``errors``: the
        missed, spurious and wrongly valued expressions, for reading.

    Raises:
        DataMissingError: The gold file does not exist.
    """
    path = Path(gold_path)
    if not path.exists():
        raise DataMissingError(f"gold timex file {str(path)!r} does not exist")
    wanted = set(languages) if languages is not None else None
    n_gold = n_pred = n_match = n_value = n_type = n_unlocated = n_articles = 0
    errors: list[dict[str, Any]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        if wanted is not None and art.get("language") not in wanted:
            continue
        body = art.get("body") or ""
        gold_items = art.get("timexes") or []
        anchor = date.fromisoformat(art["published"][:10]) if art.get("published") else None
        n_articles += 1
        located = _locate(body, (g["text"] for g in gold_items))
        gold = [(g, loc) for g, loc in zip(gold_items, located, strict=True) if loc is not None]
        for g, loc in zip(gold_items, located, strict=True):
            if loc is None:
                n_unlocated += 1
                errors.append({"article": art.get("id"), "kind": "unlocated", "gold": g})
        pred = find_timexes(body, anchor)
        n_gold += len(gold)
        n_pred += len(pred)
        pairs = _match([loc for _, loc in gold], [(s.start, s.end) for s in pred])
        n_match += len(pairs)
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        for i, j in pairs:
            g, s = gold[i][0], pred[j]
            ok_value = str(s.attrs.get("value")) == str(g["value"])
            n_value += ok_value
            n_type += s.label.lower() == str(g.get("type", "")).lower()
            if not ok_value:
                errors.append({"article": art.get("id"), "kind": "value", "gold": g,
                               "found": s.text, "value": s.attrs.get("value"),
                               "how": s.attrs.get("how")})
        for i, (g, _) in enumerate(gold):
            if i not in matched_g:
                errors.append({"article": art.get("id"), "kind": "missed", "gold": g})
        for j, s in enumerate(pred):
            if j not in matched_p:
                errors.append({"article": art.get("id"), "kind": "spurious", "found": s.text,
                               "value": s.attrs.get("value")})
    precision, recall = _ratio(n_match, n_pred), _ratio(n_match, n_gold)
    return {
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0,
        "value_accuracy": _ratio(n_value, n_match),
        "type_accuracy": _ratio(n_type, n_match),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": n_match,
        "unlocated": n_unlocated,
        "articles": n_articles,
        "errors": errors,
    }
