"""Scale-out on Dask gives the same articles as the in-process loop."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad import api
from marsad.config import load_settings

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo-corpus" / "pages"


@pytest.mark.slow
def test_batch_dask_local_cluster_matches_loop(tmp_path: Path) -> None:
    loop = load_settings(env={}, db=str(tmp_path / "loop.db"), progress=False)
    dask = load_settings(env={}, db=str(tmp_path / "dask.db"), progress=False,
                         scheduler="dask-local", workers=2)
    api.run([DEMO], settings=loop)
    report = api.run([DEMO], settings=dask)
    assert report.counts["stored"] == 42
    a = {r["id"]: (r["title"], r["text"], r["published"]) for r in api.articles(settings=loop)}
    b = {r["id"]: (r["title"], r["text"], r["published"]) for r in api.articles(settings=dask)}
    assert a == b
    ev_a = sorted(tuple(e["articles"]) for e in api.events(settings=loop))
    ev_b = sorted(tuple(e["articles"]) for e in api.events(settings=dask))
    assert ev_a == ev_b
