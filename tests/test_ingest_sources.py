"""Local sources: folders, sidecars, outlets.json, JSON records."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.ingest import iter_pages
from marsad.model import RawPage, Rejected


def test_ingest_folder_outlet_sidecar_and_mapping(tmp_path: Path, settings) -> None:
    root = tmp_path / "pages"
    (root / "wadi").mkdir(parents=True)
    (root / "other").mkdir()
    (root / "outlets.json").write_text(json.dumps({"wadi": {"name": "أخبار الوادي"}}),
                                       encoding="utf-8")
    (root / "wadi" / "a.txt").write_text("نص", encoding="utf-8")
    (root / "wadi" / "b.html").write_text("<html></html>", encoding="utf-8")
    (root / "wadi" / "b.meta.json").write_text(
        json.dumps({"outlet": "الوادي اليوم", "published": "2025-04-01", "id": "wadi-b"}),
        encoding="utf-8")
    (root / "other" / "c.txt").write_text("نص", encoding="utf-8")
    (root / "other" / "d.png").write_bytes(b"\x89PNG")
    items = list(iter_pages([root], settings))
    pages = {p.id: p for p in items if isinstance(p, RawPage)}
    assert pages["a"].meta["outlet"] == "أخبار الوادي" and pages["a"].meta["outlet_mapped"]
    assert pages["wadi-b"].meta["outlet"] == "الوادي اليوم"
    assert pages["wadi-b"].meta["outlet_how"] == "meta" and pages["wadi-b"].kind == "html"
    assert pages["c"].meta["outlet"] == "other" and not pages["c"].meta["outlet_mapped"]
    rejected = [p for p in items if isinstance(p, Rejected)]
    assert [(r.id, r.code) for r in rejected] == [("d", "unsupported")]
    assert "'.png'" in rejected[0].reason


def test_ingest_jsonl_records_and_broken_lines(tmp_path: Path, settings) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "r1", "outlet": "س", "text": "نص الخبر"}, ensure_ascii=False),
        "{broken",
        json.dumps({"id": "r3", "html": "<html><p>x</p></html>"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "r5", "title": "no body"}),
        "",
    ]), encoding="utf-8")
    items = list(iter_pages([path], settings))
    kinds = [(i.id, type(i).__name__) for i in items]
    assert kinds == [("r1", "RawPage"), ("feed-L2", "Rejected"), ("r3", "RawPage"),
                     ("feed-L4", "Rejected"), ("r5", "Rejected")]
    assert items[0].source.endswith("feed.jsonl#r1") and items[2].kind == "html"
    assert "has no 'text' or 'html'" in items[4].reason


def test_ingest_json_file_with_a_list(tmp_path: Path, settings) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "a", "text": "x"}, {"id": "b", "text": "y"}]),
                    encoding="utf-8")
    assert [p.id for p in iter_pages([path], settings)] == ["a", "b"]
