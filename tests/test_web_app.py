"""The web app and its JSON API, rendered in-process (FastAPI's TestClient) on the fixture store.

Every page, its JSON twin and content negotiation; the one error shape; pagination; filters;
Arabic search; citations that lead to sentence anchors; entity and outlet pages; security
headers and the escaping of the malicious article; the write endpoints and their protection.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from marsad.errors import ConfigError, StoreError
from marsad.store import Store
from marsad.web.app import create_app, get

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.fixtures.web.store import build_store

    return build_store(tmp_path_factory.mktemp("webapp") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _event_of(db: Path, article_id: str) -> str:
    with Store(db) as store:
        found = store.event_of(article_id)
    assert found is not None, f"{article_id} is in no event"
    return found[0]


def _pages(db: Path) -> list[str]:
    amman = _event_of(db, "w01-afaq-amman")
    with Store(db) as store:
        storyline = store.get_event(amman).storyline
    assert storyline
    return ["/", f"/events/{quote(amman, safe='')}", "/storylines",
            f"/storylines/{quote(storyline, safe='')}", "/articles/w01-afaq-amman",
            "/articles/w08-short", "/entities", "/entities/" + quote("PER:سليم الراشد"),
            "/outlets", "/outlets/" + quote("صحيفة الآفاق"), "/search?q=" + quote("المياه"),
            "/rejected", "/status"]


def _json_twin(path: str) -> str:
    base, _, query = path.partition("?")
    twin = "/index.json" if base == "/" else base + ".json"
    return twin + (f"?{query}" if query else "")


# -- pages and twins ------------------------------------------------------------------------------

def test_app_every_page_renders_rtl_html(client: TestClient, db: Path) -> None:
    for path in _pages(db):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert '<html dir="rtl" lang="ar">' in r.text
        assert 'href="/static/marsad.css"' in r.text


def test_app_every_page_has_a_json_twin_with_the_same_data(client: TestClient, db: Path) -> None:
    for path in _pages(db):
        twin = client.get(_json_twin(path))
        assert twin.status_code == 200, path
        assert twin.headers["content-type"] == "application/json"
        assert twin.json()["ok"] is True
        negotiated = client.get(path, headers={"accept": "application/json"})
        assert negotiated.status_code == 200
        assert negotiated.json() == twin.json(), path
        assert "Accept" in negotiated.headers["vary"]


def test_app_json_keeps_arabic_readable(client: TestClient) -> None:
    body = client.get("/articles/w01-afaq-amman.json").content.decode("utf-8")
    assert "رابطة مياه المتوسط" in body and "\\u0631" not in body


def test_app_openapi_documents_every_twin(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/index.json", "/events/{event_id}.json", "/articles/{article_id}.json",
            "/search.json", "/entities/{entity_id}.json", "/outlets/{name}.json",
            "/storylines/{storyline_id}.json", "/rejected.json", "/status.json",
            "/api/events/merge", "/api/events/split"} <= paths
    search = spec["paths"]["/search.json"]["get"]
    names = {p["name"]: p for p in search["parameters"]}
    assert {"q", "entity", "date_from", "date_to", "limit", "offset"} <= set(names)
    assert names["q"]["description"]
    assert "ErrorOut" in str(search["responses"]["404"])


# -- errors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("path,status", [
    ("/events/no-such-event.json", 404),
    ("/articles/no-such-article.json", 404),
    ("/nowhere.json", 404),
    ("/index.json?limit=0", 422),
    ("/search.json?date_from=yesterday", 422),
    ("/index.json?order=random", 422),
])
def test_app_errors_have_one_json_shape(client: TestClient, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_app_html_errors_are_arabic_pages_with_the_shape(client: TestClient) -> None:
    r = client.get("/events/no-such-event")
    assert r.status_code == 404
    assert '<html dir="rtl" lang="ar">' in r.text
    assert "الصفحة غير موجودة" in r.text and "no-such-event" in r.text
    r = client.get("/?limit=0")
    assert r.status_code == 422 and "معطيات غير صالحة" in r.text


def test_app_server_errors_have_the_shape(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.web import views_more

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(views_more, "status_page", boom)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get("/status.json")
        assert r.status_code == 500
        assert r.json() == {"ok": False, "error": "internal server error (see the server log)",
                            "status": 500}
        html = c.get("/status")
        assert html.status_code == 500 and "خطأ في الخادم" in html.text
        assert "secret internal detail" not in html.text


def test_app_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no marsad database"):
        create_app(tmp_path / "missing.db")


# -- lists, filters, search -----------------------------------------------------------------------

def test_app_pagination_follows_next_links(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/index.json?limit=1"
    while url:
        page = client.get(url).json()
        assert len(page["events"]) <= 1
        seen += [e["id"] for e in page["events"]]
        url = page["next"]
        assert len(seen) < 10
    assert len(seen) == len(set(seen)) == 3
    second = client.get("/index.json?limit=1&offset=1").json()
    assert second["prev"] == "/index.json?limit=1"
    html = client.get("/?limit=1").text
    assert 'href="/?limit=1&amp;offset=1"' in html


def test_app_home_filters_by_outlet_entity_and_date(client: TestClient, db: Path) -> None:
    amman, tunis = _event_of(db, "w01-afaq-amman"), _event_of(db, "w05-afaq-tunis")
    by_outlet = client.get("/index.json", params={"outlet": "شبكة النهار"}).json()
    assert [e["id"] for e in by_outlet["events"]] == [amman]
    # the other spelling of the name finds the same entity
    by_entity = client.get("/index.json", params={"entity": "خوسيه فرنانديز"}).json()
    assert {e["id"] for e in by_entity["events"]} == {amman, tunis}
    assert by_entity["entity_ids"] == ["PER:خوسيه فيرنانديز"]
    by_date = client.get("/index.json", params={"date_from": "2025-04-01",
                                                "date_to": "2025-04-30"}).json()
    assert [e["id"] for e in by_date["events"]] == [tunis]
    unknown = client.get("/index.json", params={"entity": "لا أحد بهذا الاسم"}).json()
    assert unknown["events"] == [] and unknown["entity_ids"] == []
    # an HTML form sends empty fields: they mean "no filter"
    assert client.get("/?date_from=&date_to=&outlet=&entity=&order=rank").status_code == 200


def test_app_search_ignores_hamza_and_shows_the_text_as_written(client: TestClient) -> None:
    hits = client.get("/search.json", params={"q": "اطلاق"}).json()["hits"]
    assert [h["id"] for h in hits] == ["w01-afaq-amman"]
    assert "إطلاق" in hits[0]["snippet"]
    html = client.get("/search", params={"q": "اطلاق"}).text
    assert "<mark class=\"hit\">إطلاق</mark>" in html


def test_app_search_by_entity_and_dates(client: TestClient) -> None:
    hits = client.get("/search.json", params={"entity": "سليم الراشد",
                                              "date_from": "2025-04-01"}).json()["hits"]
    assert {h["id"] for h in hits} == {"w05-afaq-tunis"}
    empty = client.get("/search.json").json()
    assert empty["hits"] == []


# -- event, article, storyline, entity, outlet ---------------------------------------------------

def test_app_event_summary_cites_sentences_in_the_articles(client: TestClient, db: Path) -> None:
    event = client.get(f"/events/{_event_of(db, 'w01-afaq-amman')}.json").json()
    sentences = event["story"]["summary"]["sentences"]
    assert sentences
    outlets = {c["outlet"] for s in sentences for c in s["citations"]}
    assert len(outlets) >= 3
    first = sentences[0]["citations"][0]
    assert first["article"] == sentences[0]["article"]
    anchor = first["anchor"]
    assert anchor == f"/articles/{quote(first['article'], safe='')}#s-{sentences[0]['start']}"
    article_html = client.get(anchor.split("#")[0]).text
    assert f'id="{anchor.split("#")[1]}"' in article_html
    for section in ("timeline", "facts", "evolution", "quotes", "outlets", "framing"):
        assert section in event["story"]
    assert [a["id"] for a in event["articles"]][:2] == ["w01-afaq-amman", "w02-nahar-amman"]


def test_app_article_page_shows_annotations_removed_blocks_and_copies(client: TestClient,
                                                                      db: Path) -> None:
    html = client.get("/articles/w01-afaq-amman").text
    assert '<mark class="ent per" title="شخص: خوسيه فيرنانديز"' in html
    assert "كتلة «مقالات ذات صلة»" in html and "نموذج تعليق" in html
    data = client.get("/articles/w01-afaq-amman.json").json()
    assert data["event"]["id"] == _event_of(db, "w01-afaq-amman")
    assert any(b["reason"] == "related-articles block" for b in data["article"]["removed"])
    assert data["article"]["url"] == "https://afaq.example/news/2025/03/03/water-amman"
    assert 'rel="noopener noreferrer nofollow"' in html
    copy = client.get("/articles/w02-nahar-amman.json").json()["links"]
    assert copy["copies"][0]["article"] == "w04-nahar-amman-reprint"
    # w04 repeats w02 word for word: the duplicate index calls that an exact copy
    kind = copy["copies"][0]["kind"]
    label = {"exact": "نسخة مطابقة", "near": "نسخة شبه مطابقة", "reprint": "إعادة نشر"}[kind]
    assert label in client.get("/articles/w04-nahar-amman-reprint").text


def test_app_rejected_article_page_says_why(client: TestClient) -> None:
    r = client.get("/articles/w08-short.json").json()
    assert r["rejected"]["stage"] == "extract"
    assert "fewer than 200" in r["rejected"]["reason"]


def test_app_storyline_timeline_is_in_event_order(client: TestClient, db: Path) -> None:
    amman, tunis = _event_of(db, "w01-afaq-amman"), _event_of(db, "w05-afaq-tunis")
    with Store(db) as store:
        storyline = store.get_event(amman).storyline
    data = client.get(f"/storylines/{quote(storyline or '', safe='')}.json").json()
    order = [e["id"] for e in data["timeline"]]
    assert order.index(amman) < order.index(tunis)


def test_app_entity_page_lists_variants_events_and_company(client: TestClient, db: Path) -> None:
    data = client.get("/entities/" + quote("PER:خوسيه فيرنانديز") + ".json").json()
    variants = {v["text"] for v in data["entity"]["variants"]}
    assert {"خوسيه فيرنانديز", "خوسيه فرنانديز"} <= variants
    assert _event_of(db, "w01-afaq-amman") in {e["id"] for e in data["events"]}
    assert "PER:سليم الراشد" in {c["id"] for c in data["cooccurring"]}
    found = client.get("/entities.json", params={"q": "فرنانديز خوسيه"}).json()
    listing = client.get("/entities.json", params={"label": "PER"}).json()
    assert all(e["label"] == "PER" for e in listing["entities"])
    assert found["entities"] == [] or found["entities"][0]["label"] == "PER"


def test_app_outlet_page_gives_coverage_and_first_to_report(client: TestClient) -> None:
    afaq = client.get("/outlets/" + quote("صحيفة الآفاق") + ".json").json()
    assert afaq["outlet"]["articles"] == 2
    assert afaq["first_to_report"] == {"shared_events": 2, "first": 2, "sole_first": 1}
    wadi = client.get("/outlets/" + quote("بوابة الوادي") + ".json").json()
    assert wadi["first_to_report"]["first"] == 0
    assert {v["verb"] for v in afaq["framing"]["attribution"]["verbs"]} >= {"قال"}
    wadi_terms = {t["term"] for t in wadi["framing"]["terms"]}
    assert "المزعوم" in wadi_terms or not wadi["framing"]["lexicon"]
    outlets = client.get("/outlets.json").json()["outlets"]
    assert outlets[0]["url"].startswith("/outlets/")


def test_app_rejected_and_status_pages_count_rejections(client: TestClient) -> None:
    rejected = client.get("/rejected.json").json()
    assert rejected["total"] == 2
    assert {(r["stage"], r["code"]) for r in rejected["items"]} == {
        ("extract", "no-article"), ("ingest", "bad-record")}
    status = client.get("/status.json").json()
    assert status["by_status"] == {"ok": 7, "rejected": 2}
    assert status["events"] == 3 and status["writes_enabled"] is False


# -- security -------------------------------------------------------------------------------------

def test_app_sends_security_headers(client: TestClient) -> None:
    for path in ("/", "/index.json", "/static/marsad.css", "/nowhere"):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "style-src 'self'" in csp and "unsafe-inline" not in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_app_pages_have_no_script_or_inline_style(client: TestClient, db: Path) -> None:
    for path in [*_pages(db), "/articles/w07-evil", "/entities/" + quote(
            "PER:<img src=x onerror=alert(7)>")]:
        tags = _tags(client.get(path).text)
        names = {t for t, _ in tags}
        assert not names & {"script", "iframe", "img", "svg", "object", "embed", "style"}, path
        for tag, attrs in tags:
            assert "style" not in attrs, (path, tag)
            assert not [a for a in attrs if a.startswith("on")], (path, tag, attrs)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, tag)


def test_app_malicious_article_is_escaped_everywhere(client: TestClient, db: Path) -> None:
    evil = _event_of(db, "w07-evil")
    for path in ("/articles/w07-evil", f"/events/{evil}", "/",
                 "/search?q=" + quote("عرض المقالات"),
                 "/outlets/" + quote('منصة "الاختبار" <b>'), "/outlets", "/status",
                 "/entities", "/entities/" + quote("PER:<img src=x onerror=alert(7)>")):
        r = client.get(path)
        assert r.status_code == 200, path
        tags = _tags(r.text)
        assert not {t for t, _ in tags} & {"script", "img", "iframe", "svg", "b", "style"}, path
        assert not [a for _, attrs in tags for a in attrs if a.startswith("on")], path
        assert not [v for _, attrs in tags for k, v in attrs.items()
                    if k in ("href", "src") and "javascript:" in (v or "").lower()], path
        assert "\u202e" not in r.text and "\u2066" not in r.text, path
    article = client.get("/articles/w07-evil").text
    assert "&lt;script&gt;window.__pwned=" in article
    assert client.get("/articles/w07-evil.json").json()["article"]["url"] is None
    assert 'class="external"' not in article


def test_app_loopback_server_refuses_other_host_names(db: Path) -> None:
    app = create_app(db, allowed_hosts=("127.0.0.1", "localhost"))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/index.json").status_code == 200
        r = c.get("/index.json", headers={"host": "evil.example"})
        assert r.status_code == 400 and r.json()["ok"] is False


# -- writes ---------------------------------------------------------------------------------------

def test_app_writes_are_off_by_default(client: TestClient) -> None:
    r = client.post("/api/events/merge", json={"a": "x", "b": "y"},
                    headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and r.json()["ok"] is False


def test_app_writes_need_a_token(tmp_path: Path, db: Path) -> None:
    with pytest.raises(ConfigError, match="token"):
        create_app(db, enable_writes=True)
    with TestClient(create_app(db, enable_writes=True, write_token=TOKEN)) as c:
        assert c.post("/api/events/merge", json={"a": "x", "b": "y"}).status_code == 401
        r = c.post("/api/events/merge", json={"a": "x", "b": "y"},
                   headers={"authorization": "Bearer wrong-token-0123456789"})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


def test_app_merge_and_split_events(tmp_path: Path) -> None:
    from tests.fixtures.web.store import build_store

    db = build_store(tmp_path / "w.db")
    amman, tunis = _event_of(db, "w01-afaq-amman"), _event_of(db, "w05-afaq-tunis")
    auth = {"authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(db, enable_writes=True, write_token=TOKEN)) as c:
        before = c.get(f"/events/{amman}.json").json()  # computes and caches the story
        r = c.post("/api/events/merge", json={"a": amman, "b": tunis}, headers=auth)
        assert r.status_code == 200, r.text
        merged = r.json()["event"]
        assert merged["id"] == amman and merged["n_articles"] == 6
        assert tunis not in {e["id"] for e in c.get("/index.json").json()["events"]}
        after = c.get(f"/events/{amman}.json").json()
        assert len(after["articles"]) == len(before["articles"]) + 2
        assert c.post("/api/events/merge", json={"a": amman, "b": amman},
                      headers=auth).status_code == 409
        r = c.post("/api/events/split", json={"event": amman,
                                              "articles": ["w05-afaq-tunis", "w06-wadi-tunis"]},
                   headers=auth)
        assert r.status_code == 200, r.text
        new = r.json()["event"]
        assert new["n_articles"] == 2
        assert c.get("/articles/w05-afaq-tunis.json").json()["event"]["id"] == new["id"]
        assert c.post("/api/events/split", json={"event": amman, "articles": ["w07-evil"]},
                      headers=auth).status_code == 404
        history = c.get("/status.json").json()["history"]
        assert [h["action"] for h in history[:2]] == ["split", "merge"]


def test_app_get_renders_in_process(db: Path) -> None:
    status, body = get(db, "/index.json")
    assert status == 200 and '"ok":true' in body
    status, body = get(db, "/", accept="application/json")
    assert status == 200 and body.startswith("{")


def test_app_serve_binds_loopback_and_checks_host(db: Path, monkeypatch: pytest.MonkeyPatch
                                                  ) -> None:
    import uvicorn

    from marsad.web.app import serve

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    serve(db)
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000 and seen["workers"] == 1
    with TestClient(seen["app"], base_url="http://127.0.0.1:8000") as c:  # type: ignore[arg-type]
        assert c.get("/index.json").status_code == 200
        assert c.get("/index.json", headers={"host": "attacker.example"}).status_code == 400


def test_app_sees_a_replaced_store(tmp_path: Path) -> None:
    from tests.fixtures.web.store import build_store

    db = build_store(tmp_path / "a.db")
    with TestClient(create_app(db)) as c:
        assert c.get("/status.json").json()["events"] == 3
        other = tmp_path / "b.db"
        with Store(other) as store:  # an empty store takes the old one's place
            store.count()
        for suffix in ("-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        other.replace(db)
        assert c.get("/status.json").json()["events"] == 0
