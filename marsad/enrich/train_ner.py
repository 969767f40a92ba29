"""Train the shipped NER model from ANERcorp's train part (``make train-ner``).

Usage::

    python -m marsad.enrich.train_ner --data ../shared/data/anercorp --out marsad/data/ner.crfsuite
    python -m marsad.enrich.train_ner --data ../shared/data/anercorp --select  # c1/c2 grid

Only the train part (``ANERCorp_split_train_first125275tokens.txt``) is read; the test part is
never touched. Training is deterministic (fixed folds and L-BFGS settings): two runs write
byte-identical files. The regularization defaults (:data:`DEFAULT_C1`, :data:`DEFAULT_C2`) were
chosen on the *end* of the train part (the last :data:`VALIDATION_TOKENS` tokens, cut at a
sentence end), with one-pass CRFs fitted on the rest: micro-F1 0.700 (c1 0.05, c2 0.01), 0.705
(0.02, 0.01), 0.708 (0.05, 0.05), 0.707 (0.05, 0.1), 0.709 (0.05, 0.2), 0.708 (0.1, 0.1, the
smallest model of the best); ``--select`` prints such a grid (without the jackknifed lexicon).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marsad.enrich.ner import DEFAULT_MODEL, CrfNerTagger, sibling_paths
from marsad.enrich.ner_features import split_sequences
from marsad.eval.ner import ANERCORP_TRAIN, read_conll, resolve_data, score_tags

DEFAULT_C1 = 0.1
DEFAULT_C2 = 0.1
VALIDATION_TOKENS = 20_000
GRID: tuple[tuple[float, float], ...] = (
    (0.05, 0.01), (0.02, 0.01), (0.05, 0.05), (0.05, 0.1), (0.05, 0.2), (0.1, 0.1),
)


def validation_cut(tokens: Sequence[str], size: int = VALIDATION_TOKENS) -> int:
    """Index where the held-out end of the train part starts (a sentence start)."""
    for start, _ in split_sequences(tokens):
        if start >= len(tokens) - size:
            return start
    return len(tokens)


def train(data: str | Path, out: str | Path = DEFAULT_MODEL, **params: Any) -> dict[str, Any]:
    """Train on the ANERcorp train part and save the model files.

    Args:
        data: The anercorp folder (its train part is used) or a ``token TAG`` file.
        out: Path of the second-pass model; companions are written beside it.
        **params: :class:`~marsad.enrich.ner.CrfNerTagger` parameters.

    Returns:
        ``{"files": {name: {"path", "bytes", "sha256"}}, "seconds", "tokens"}``.
    """
    path = resolve_data(data, part=ANERCORP_TRAIN)
    tokens, tags = read_conll(path)
    params.setdefault("c1", DEFAULT_C1)
    params.setdefault("c2", DEFAULT_C2)
    t0 = time.perf_counter()
    tagger = CrfNerTagger(**params).fit(tokens, tags)
    tagger.meta_["data"] = path.name
    paths = tagger.save(out)
    seconds = time.perf_counter() - t0
    files = {}
    for name, p in paths.items():
        blob = p.read_bytes()
        files[name] = {"path": str(p), "bytes": len(blob),
                       "sha256": hashlib.sha256(blob).hexdigest()}
    return {"files": files, "seconds": round(seconds, 1), "tokens": len(tokens)}


def select(data: str | Path, grid: Sequence[tuple[float, float]] = GRID) -> list[dict[str, Any]]:
    """Score c1/c2 pairs on the held-out end of the train part (one-pass CRF, for speed).

    Returns:
        One ``{"c1", "c2", "micro_f1", "macro_f1"}`` per grid point, in grid order.
    """
    import os
    import tempfile

    import pycrfsuite

    from marsad.enrich.ner import _train, lexicon_rows, load_gazetteers_with
    from marsad.enrich.ner_features import WordFeaturizer

    tokens, tags = read_conll(resolve_data(data, part=ANERCORP_TRAIN))
    cut = validation_cut(tokens)
    fit_tok, fit_tag = tokens[:cut], tags[:cut]
    val_tok, val_tag = tokens[cut:], tags[cut:]
    rows = lexicon_rows(fit_tok, fit_tag)
    # no lexicon for the fitting part (it would be a copy of its labels); the held-out part
    # sees the lexicon of the fitting part, as new text sees the shipped one
    fit_fz = WordFeaturizer(load_gazetteers_with(()))
    val_fz = WordFeaturizer(load_gazetteers_with(tuple((w, c) for w, c, _ in rows)))
    items = [(fit_fz.sequence(fit_tok[s:e]), list(fit_tag[s:e]))
             for s, e in split_sequences(fit_tok)]
    val_x = [val_fz.sequence(val_tok[s:e]) for s, e in split_sequences(val_tok)]
    results = []
    with tempfile.TemporaryDirectory(prefix="marsad-ner-select-") as tmp:
        for c1, c2 in grid:
            path = os.path.join(tmp, f"m_{c1}_{c2}.crfsuite")
            _train(items, path, c1=c1, c2=c2, max_iterations=200)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            pred = [t for x in val_x for t in tagger.tag(x)]
            scores = score_tags(val_tag, pred)
            results.append({"c1": c1, "c2": c2, "micro_f1": scores["micro"]["f1"],
                            "macro_f1": scores["macro"]["f1"]})
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m marsad.enrich.train_ner",
                                     description="Train the CRF NER model on ANERcorp (train).")
    parser.add_argument("--data", required=True, help="anercorp folder or a 'token TAG' file")
    parser.add_argument("--out", default=str(DEFAULT_MODEL),
                        help=f"model path (default {DEFAULT_MODEL}); companions go beside it")
    parser.add_argument("--c1", type=float, default=DEFAULT_C1, help="L1 penalty")
    parser.add_argument("--c2", type=float, default=DEFAULT_C2, help="L2 penalty")
    parser.add_argument("--select", action="store_true",
                        help="score the c1/c2 grid on the end of the train part instead")
    args = parser.parse_args(argv)
    if args.select:
        print(json.dumps(select(args.data), ensure_ascii=False))
        return 0
    result = train(args.data, args.out, c1=args.c1, c2=args.c2)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover - exercised through make train-ner
    raise SystemExit(main())


__all__ = ["DEFAULT_C1", "DEFAULT_C2", "main", "select", "sibling_paths", "train",
           "validation_cut"]
