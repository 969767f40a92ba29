"""Line-level evaluation of the dump filter against gold body lines.

The demo corpus gold (``examples/demo-corpus/gold/articles.jsonl``) gives, for each ``.txt``
page, ``body_lines``: the 1-based raw line numbers of the article body (title excluded). The
filter is scored on those lines with precision, recall and F1 (:func:`line_f1`), per page and
micro-averaged over the corpus (:func:`evaluate_dump_gold`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from marsad.errors import DataMissingError


def line_f1(pred_lines: Iterable[int], gold_lines: Iterable[int]) -> dict[str, float]:
    """Precision, recall and F1 of predicted body line numbers against gold ones.

    Two empty sets agree perfectly (1.0 everywhere); otherwise an empty side scores 0.

    Returns:
        ``{"precision", "recall", "f1", "tp", "fp", "fn"}``.
    """
    pred, gold = set(pred_lines), set(gold_lines)
    tp = len(pred & gold)
    fp = len(pred - gold)
    fn = len(gold - pred)
    if not pred and not gold:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def load_dump_gold(corpus_dir: str | Path) -> list[dict[str, Any]]:
    """Read the gold records of the ``.txt`` pages of a corpus (``gold/articles.jsonl``).

    Raises:
        DataMissingError: The gold file is missing.
    """
    path = Path(corpus_dir) / "gold" / "articles.jsonl"
    if not path.exists():
        raise DataMissingError(f"gold file {path} is missing; it should hold one JSON record per "
                               "page with 'body_lines' for the .txt pages")
    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                if rec.get("body_lines") is not None:
                    records.append(rec)
    return records


def _page_path(corpus_dir: Path, rec: dict[str, Any]) -> Path | None:
    for key in ("path", "file", "source"):
        value = rec.get(key)
        if isinstance(value, str) and value.endswith(".txt"):
            for base in (corpus_dir, corpus_dir / "pages"):
                if (base / value).exists():
                    return base / value
    stem = rec.get("id")
    if isinstance(stem, str):
        hits = sorted(corpus_dir.rglob(f"{stem}.txt"))
        if hits:
            return hits[0]
    return None


def _decode(data: bytes, encoding: str | None) -> str:
    """Decode a page with the encoding its gold record names (UTF-8 when it names none)."""
    try:
        return data.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", errors="replace")


def evaluate_dump_gold(corpus_dir: str | Path, *, fit_profiles: bool = True) -> dict[str, Any]:
    """Run the dump filter on every gold ``.txt`` page and score its body lines.

    Args:
        corpus_dir: The corpus folder (holding ``gold/articles.jsonl``).
        fit_profiles: Fit one :class:`OutletProfile` per folder (outlet) first, as the runner
            does.

    Returns:
        ``{"micro": line_f1 of all lines, "macro_f1": mean page F1, "pages": [per-page dicts
        with id, path, precision, recall, f1, fp_lines, fn_lines]}``.
    """
    from marsad.extract.textdump import OutletProfile, extract_textdump

    corpus = Path(corpus_dir)
    records = load_dump_gold(corpus)
    pages = []
    for rec in records:
        path = _page_path(corpus, rec)
        if path is None:
            raise DataMissingError(f"gold record {rec.get('id')!r} names no .txt page found "
                                   f"under {corpus}")
        pages.append((rec, path, _decode(path.read_bytes(), rec.get("encoding"))))
    profiles: dict[Path, OutletProfile] = {}
    if fit_profiles:
        by_folder: dict[Path, list[str]] = {}
        for _, path, text in pages:
            by_folder.setdefault(path.parent, []).append(text)
        profiles = {folder: OutletProfile().fit(texts) for folder, texts in by_folder.items()}
    tp = fp = fn = 0
    rows = []
    for rec, path, text in pages:
        result = extract_textdump(text, meta={"path": str(path)},
                                  profile=profiles.get(path.parent))
        pred, gold = set(result.body_lines), set(rec["body_lines"])
        score = line_f1(pred, gold)
        tp, fp, fn = tp + score["tp"], fp + score["fp"], fn + score["fn"]
        rows.append({"id": rec.get("id"), "path": str(path.relative_to(corpus)), **score,
                     "fp_lines": sorted(pred - gold), "fn_lines": sorted(gold - pred)})
    micro = line_f1(range(tp + fp), list(range(tp)) + [-1 - k for k in range(fn)])
    macro = sum(r["f1"] for r in rows) / len(rows) if rows else 0.0
    return {"micro": micro, "macro_f1": macro, "pages": rows}


def main(argv: list[str] | None = None) -> int:
    """Print the line-level scores of the dump filter on a corpus (default: the demo corpus).

    Usage: ``python -m marsad.extract.textdump_eval [CORPUS_DIR] [--no-profiles]``
    """
    import sys

    args = sys.argv[1:] if argv is None else argv
    corpus = next((a for a in args if not a.startswith("--")), "examples/demo-corpus")
    scores = evaluate_dump_gold(corpus, fit_profiles="--no-profiles" not in args)
    micro = scores["micro"]
    print(f"{len(scores['pages'])} pages  micro P={micro['precision']:.4f} "
          f"R={micro['recall']:.4f} F1={micro['f1']:.4f}  macro F1={scores['macro_f1']:.4f}")
    for row in sorted(scores["pages"], key=lambda r: (r["f1"], r["path"]))[:10]:
        print(f"  F1={row['f1']:.3f} P={row['precision']:.3f} R={row['recall']:.3f} "
              f"{row['path']}  extra={row['fp_lines']} missed={row['fn_lines']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
