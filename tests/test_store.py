"""The SQLite store: migrations, idempotent upserts, id collisions, Arabic-aware search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.errors import NotFoundError, StoreError
from marsad.model import Article, Rejected, Span
from marsad.store import Store
from marsad.store.migrations import MIGRATIONS

BODY = ("اجتمع وزراء خارجية الدول المشاركة في المؤتمر الإقليمي لبحث أزمة المياه، وأكدت "
        "المدرسة الوطنية للإدارة أن الخطة الجديدة ستُعرض على البرلمان الأسبوع المقبل.")


def article(aid: str, source: str, text: str = BODY, **kw) -> Article:
    return Article(id=aid, source=source, text=text, title="مؤتمر المياه", **kw)


def test_store_migrations_recorded_once(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    Store(db).close()
    Store(db).close()
    conn = sqlite3.connect(db)
    numbers = [r[0] for r in conn.execute("SELECT number FROM _migrations ORDER BY number")]
    assert numbers == sorted(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_upsert_is_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save([(article("a1", "/x/a1.txt"), "h1")])
        store.save([(article("a1", "/x/a1.txt"), "h1")])
        assert store.count() == 1
        assert store.known_hash("/x/a1.txt") == "h1"


def test_store_same_id_other_source_gets_suffixed_id(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        first = store.save([(article("a1", "/x/a1.txt"), "h1")])
        second = store.save([(article("a1", "/y/a1.txt"), "h2")])
        again = store.save([(article("a1", "/y/a1.txt"), "h2")])
        assert first == ["a1"] and second[0].startswith("a1-") and again == second
        assert store.count() == 2


def test_store_rejected_then_fixed_page_replaces_rejection(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save([(Rejected("p", "/x/p.txt", "decode", "empty file", "empty"), "h0")])
        assert store.count("rejected") == 1
        store.save([(article("p", "/x/p.txt"), "h1")])
        assert store.count("rejected") == 0 and store.count("ok") == 1


@pytest.mark.parametrize("query", ["المدرسة", "المدرسه", "المَدْرَسَة", "الوطنيه", "وزراء خارجيه",
                                   '"المؤتمر الإقليمي"', "الاقليمي", "للمياه"])
def test_store_search_is_arabic_aware(tmp_path: Path, query: str) -> None:
    with Store(tmp_path / "s.db") as store:
        store.save([(article("a1", "/x/a1.txt"), "h1"),
                    (article("a2", "/x/a2.txt", text="نص آخر عن كرة القدم والملاعب " * 8), "h2")])
        hits = store.search(query)
        assert [h["id"] for h in hits] == ["a1"], query


def test_store_search_by_entity_variant(tmp_path: Path) -> None:
    span = Span(0, 5, "PER", "ترامب", {"entity": "PER:trmb", "canonical": "دونالد ترامب"})
    with Store(tmp_path / "s.db") as store:
        store.save([(article("a1", "/x/a1.txt", text="ترامب " + BODY, entities=[span]), "h")])
        assert [h["id"] for h in store.search(entity="ترامب")] == ["a1"]
        assert [h["id"] for h in store.search(entity="دونالد ترامب")] == ["a1"]
        assert store.search(entity="بايدن") == []


def test_store_unknown_article_is_a_clear_error(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store, pytest.raises(NotFoundError, match="no article"):
        store.get_article("nope")


def test_store_readonly_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no marsad database"):
        Store(tmp_path / "missing.db", readonly=True)
