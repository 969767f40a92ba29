"""The bad-input folder of the foundation issue: the run finishes, good pages are stored, bad
ones are stored as rejected with their stage and a reason a person understands."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad import api
from marsad.cli import EXIT_REJECTED, app

PARAGRAPHS = [
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الريفية، تتضمن "
    "قروضاً ميسرة وبذوراً محسنة وتدريباً على أساليب الري الحديثة خلال الموسم المقبل.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحافي إن الخطة تستهدف أكثر من عشرين ألف أسرة، وإن "
    "تمويلها سيأتي من موازنة الدولة ومن منحة قدمتها منظمة دولية معنية بالأمن الغذائي.",
    "ويشكو المزارعون منذ سنوات من ارتفاع كلفة الأسمدة وتراجع منسوب المياه الجوفية، ما دفع "
    "كثيرين منهم إلى هجر أراضيهم والبحث عن عمل في المدن الكبرى.",
]
ARTICLE = "خطة حكومية لدعم صغار المزارعين\n\n" + "\n".join(PARAGRAPHS) + "\n"


def make_bad_folder(root: Path) -> Path:
    """Write the bad-input folder the issue lists (plus two good pages to keep)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (root / "arabic-1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    broken = ARTICLE.replace("المزارعين", "المزارعين_X", 1).encode("utf-8")
    (root / "broken-utf8.txt").write_bytes(broken.replace(b"_X", b"\xff\xfe"))
    with (root / "huge.txt").open("wb") as handle:
        line = ("سطر طويل من نص لا معنى له يتكرر لملء الملف " * 4 + "\n").encode("utf-8")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (root / "no-article.html").write_text(
        "<html><head><title>بحث</title></head><body><nav><a href='/'>الرئيسية</a>"
        "<a href='/s'>رياضة</a></nav><footer>جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8")
    good = {"id": "rec-good", "outlet": "وكالة تجريبية", "published": "2025-03-01",
            "text": ARTICLE}
    good2 = {**good, "id": "rec-good-2", "text": ARTICLE.replace("الزراعة", "الري")}
    lines = [json.dumps(good, ensure_ascii=False), '{"id": "rec-broken", "text": "نص',
             json.dumps(good2, ensure_ascii=False)]
    (root / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_bad_folder(tmp_path_factory.mktemp("bad") / "pages")


def test_bad_input_run_stores_good_and_rejects_bad(bad_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    report = api.run([bad_folder], db=db, progress=False)
    rows = {r["id"]: r for r in api.articles(db=db)}
    ok = {k for k, r in rows.items() if r["status"] == "ok"}
    assert ok == {"arabic-1256", "broken-utf8", "rec-good", "rec-good-2"}
    rejected = {k: (r["stage"], r["code"]) for k, r in rows.items() if r["status"] != "ok"}
    assert rejected == {
        "empty": ("decode", "empty"),
        "binary": ("decode", "binary"),
        "photo": ("decode", "binary"),
        "huge": ("ingest", "too-large"),
        "no-article": ("extract", "no-article"),
        "records-L2": ("ingest", "bad-json"),
    }
    reasons = {r["id"]: r["reason"] for r in report.rejected}
    assert "PNG image" in reasons["photo"]
    assert "MB" in reasons["huge"]
    assert "line 2" in reasons["records-L2"]
    assert rows["arabic-1256"]["text"].startswith(PARAGRAPHS[0][:30])
    assert api.show("arabic-1256", db=db)["encoding"] == "cp1256"
    status = api.status(db=db)
    assert status["by_status"] == {"ok": 4, "rejected": 6}
    assert {(r["stage"], r["code"]) for r in status["rejected"]} == set(rejected.values())


def test_bad_input_exit_code_and_status_command(bad_folder: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["run", str(bad_folder), "--db", db])
    assert result.exit_code == EXIT_REJECTED, result.output
    assert "6 rejected" in result.output
    status = runner.invoke(app, ["status", "--db", db])
    assert status.exit_code == 0
    assert "too-large" in status.output and "no-article" in status.output
    # nothing changed: a rerun skips every page and still reports success of the store
    again = runner.invoke(app, ["run", str(bad_folder), "--db", db, "--json"])
    counts = json.loads(again.output.strip().splitlines()[-1])["counts"]
    assert counts["unchanged"] == 10 and counts.get("stored", 0) == 0
