"""A background document-frequency table, so IDF is sensible from the first article.

The online IDF of :class:`~marsad.cluster.features.FeatureModel` learns from the stream, but a
stream starts empty, and small collections (the five seeds, a 40-article demo corpus) give poor
IDF: function words and a corpus' recurring topic words then weigh alike. A *prior* table,
counted once over public background text and shipped in ``marsad/data/cluster_df_prior.json``,
is added to the stream's own counts (it counts as ``n_docs`` extra documents); as the stream
grows its own counts take over.

The shipped table is built from ``../shared/data`` (ANERcorp sentences in groups of ten, the EASC
articles and the English article bodies of the ScrapingHub benchmark — never the SemEval pairs,
which are evaluation data) by::

    .venv/bin/python -m marsad.cluster.prior ../shared/data marsad/data/cluster_df_prior.json

Only hashed feature indices and counts are stored (no text); features seen in fewer than two
background documents are dropped to keep the file small.
"""

from __future__ import annotations

import base64
import csv
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from marsad.model import Article

PRIOR_FILE = Path(__file__).resolve().parent.parent / "data" / "cluster_df_prior.json"
MIN_DF = 2


def background_texts(data_dir: str | Path) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of the background documents found under ``data_dir`` (../shared/data)."""
    root = Path(data_dir)
    sentences_file = root / "anercorp" / "camel_lab_train_sentences_from_RDI-project.csv"
    if sentences_file.exists():
        with sentences_file.open(encoding="utf-8") as fh:
            sentences = [row["sentence"] for row in csv.DictReader(fh)]
        for i in range(0, len(sentences), 10):
            yield f"anercorp-{i}", " ".join(sentences[i:i + 10])
    for path in sorted((root / "easc" / "Articles").glob("*/*")):
        yield f"easc-{path.parent.name}-{path.name}", path.read_text(encoding="utf-8",
                                                                       errors="replace")
    truth = root / "scrapinghub-article-extraction" / "ground-truth.json"
    if truth.exists():
        for key, rec in sorted(json.loads(truth.read_text(encoding="utf-8")).items()):
            if rec.get("articleBody"):
                yield f"scrapinghub-{key}", rec["articleBody"]


def build_prior(texts: Iterable[tuple[str, str]], min_df: int = MIN_DF) -> dict[str, Any]:
    """Count document frequencies of the clustering features over ``texts``.

    The texts go through the language stage when it is available, as articles do.
    """
    from marsad.cluster.features import FeatureModel
    from marsad.config import load_settings
    from marsad.eval.pairs import available_stages, run_stages

    arts = [Article(id=i, source="prior", text=t) for i, t in texts if t.strip()]
    arts, _ = run_stages(arts, load_settings(env={}), available_stages(("language",)))
    model = FeatureModel(prior=None).partial_fit(arts)
    spaces = {}
    for space, table in model.df_.items():
        idx = np.flatnonzero(table >= min_df).astype(np.int64)
        counts = np.minimum(table[idx], 65535).astype("<u2")
        deltas = np.diff(idx, prepend=0).astype("<u4")
        spaces[space] = {
            "size": len(table),
            "deltas": base64.b64encode(zlib.compress(deltas.tobytes(), 9)).decode("ascii"),
            "counts": base64.b64encode(zlib.compress(counts.tobytes(), 9)).decode("ascii"),
        }
    return {
        "about": "Document frequencies of marsad's hashed clustering features over public "
                 "background text (no text stored): see marsad/cluster/prior.py.",
        "source": "../shared/data: anercorp (CAMeL train sentences, groups of 10), easc "
                  "Articles, scrapinghub-article-extraction ground-truth articleBody",
        "n_docs": len(arts), "min_df": min_df, "spaces": spaces,
    }


@lru_cache(maxsize=4)
def load_prior(path: str = str(PRIOR_FILE)) -> tuple[int, dict[str, np.ndarray]]:
    """``(n_docs, {space: df table})`` of a prior file (read once per process, read-only)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    tables = {}
    for space, d in data["spaces"].items():
        deltas = np.frombuffer(zlib.decompress(base64.b64decode(d["deltas"])), dtype="<u4")
        counts = np.frombuffer(zlib.decompress(base64.b64decode(d["counts"])), dtype="<u2")
        table = np.zeros(int(d["size"]), dtype=np.int32)
        table[np.cumsum(deltas.astype(np.int64))] = counts
        table.flags.writeable = False
        tables[space] = table
    return int(data["n_docs"]), tables


def main(argv: list[str] | None = None) -> int:
    """``python -m marsad.cluster.prior DATA_DIR OUT.json``: build and write the prior."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m marsad.cluster.prior DATA_DIR OUT.json", file=sys.stderr)
        return 2
    prior = build_prior(background_texts(args[0]))
    Path(args[1]).write_text(json.dumps(prior) + "\n", encoding="utf-8")
    sizes = {s: len(v["deltas"]) + len(v["counts"]) for s, v in prior["spaces"].items()}
    print(f"wrote {args[1]}: {prior['n_docs']} documents, encoded bytes per space {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
