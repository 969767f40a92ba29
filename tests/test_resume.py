"""A run killed with SIGKILL and started again ends with every article stored exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.test_bad_input import PARAGRAPHS

N_PAGES = 240


def _write_pages(root: Path) -> None:
    root.mkdir(parents=True)
    for i in range(N_PAGES):
        body = "\n".join(f"{p} (تقرير رقم {i} فقرة {j})" for j, p in enumerate(PARAGRAPHS))
        (root / f"page-{i:04d}.txt").write_text(f"عنوان الخبر رقم {i}\n\n{body}\n",
                                                encoding="utf-8")


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=10) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_resume_after_sigkill_stores_each_page_once(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    _write_pages(pages)
    db = tmp_path / "resume.db"
    env = {**os.environ, "MARSAD_BATCH_SIZE": "8", "MARSAD_PROGRESS": "0"}
    cmd = [sys.executable, "-m", "marsad.cli", "run", str(pages), "--db", str(db)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _stored(db) < 16 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed: make it longer"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _stored(db)
    assert 0 < partial < N_PAGES
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == N_PAGES
        assert conn.execute("SELECT count(DISTINCT source) FROM articles").fetchone()[0] == N_PAGES
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == N_PAGES
        runs = conn.execute("SELECT status FROM runs ORDER BY id").fetchall()
        assert [r[0] for r in runs] == ["running", "done"]  # the killed run never finished
