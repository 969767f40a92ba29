"""End-to-end tests of the web app in a real headless Chromium (Debian's, driven by Playwright).

The app runs under uvicorn in a background thread on a free loopback port. The fixture store
(``tests/fixtures/web``) is used for the reading flow and the malicious article; the demo
corpus store for the acceptance flow once the run produces its events. Screenshots go to
``out/screenshots/``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from marsad.store import Store
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
SHOTS = ROOT / "out" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class Server:
    """uvicorn serving one store in a daemon thread."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from marsad.web.app import create_app

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.fixtures.web.store import build_store

    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def server(fixture_db: Path) -> Iterator[Server]:
    with Server(fixture_db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing at /usr/bin/chromium: run `make browser`",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport=DESKTOP, locale="ar")  # type: ignore[attr-defined]
    pg = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.dialogs, pg.errors = dialogs, errors
    yield pg
    context.close()


def _assert_rtl(pg: object) -> None:
    assert pg.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert pg.evaluate("document.documentElement.getAttribute('dir')") == "rtl"
    assert pg.evaluate("document.documentElement.getAttribute('lang')") == "ar"


def _overflow(pg: object) -> int:
    """Pixels the page is wider than the viewport (0 when nothing overflows)."""
    return int(pg.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"))


def _shot(pg: object, name: str) -> None:
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


# -- the reading flow on the fixture store ---------------------------------------------------------

def test_web_browser_reading_flow(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/")
    _assert_rtl(pg)
    assert pg.locator("h1").first.inner_text() == "أبرز الأحداث"
    _shot(pg, "fixture-home")
    # open the Amman event from the home page
    pg.get_by_role("link", name="إطلاق خطة إقليمية لتقاسم المياه في اجتماع عمّان").first.click()
    pg.wait_for_load_state()
    assert "/events/" in pg.url
    _assert_rtl(pg)
    _shot(pg, "fixture-event")
    # follow the first citation of the summary to the sentence in the article
    cite = pg.locator(".summary .cite").first
    href = cite.get_attribute("href")
    assert href and href.startswith("/articles/") and "#s-" in href
    cite.click()
    pg.wait_for_load_state()
    anchor = href.split("#", 1)[1]
    assert pg.url.endswith(href)
    target = pg.locator(f"[id='{anchor}']")
    assert target.count() == 1
    assert pg.evaluate(f"document.getElementById('{anchor}').matches(':target')")
    assert pg.locator(".article-body mark.ent").count() > 0
    _shot(pg, "fixture-article")
    assert not pg.dialogs and not pg.errors


def test_web_browser_search_without_hamza(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/search")
    pg.fill("input[name=q]#top-q", "")
    pg.locator("form.search-form input[name=q]").fill("اطلاق خطة")
    pg.locator("form.search-form button[type=submit]").click()
    pg.wait_for_load_state()
    titles = pg.locator(".hit .card-title").all_inner_texts()
    assert "إطلاق خطة إقليمية لتقاسم المياه في اجتماع عمّان" in titles
    assert pg.locator(".hit mark.hit").count() > 0
    _assert_rtl(pg)
    _shot(pg, "fixture-search")


@pytest.mark.parametrize("path", ["/", "/events/ev-web-amman", "/articles/w01-afaq-amman",
                                  "/search?q=%D8%A7%D9%84%D9%85%D9%8A%D8%A7%D9%87", "/status",
                                  "/storylines/sl-web-water", "/outlets", "/rejected",
                                  "/entities"])
def test_web_browser_phone_width_has_no_horizontal_overflow(server: Server, browser: object,
                                                            fixture_db: Path, path: str) -> None:
    if path.startswith("/events/") or path.startswith("/storylines/"):
        with Store(fixture_db) as store:  # the clusterer may have named the events itself
            found = store.event_of("w01-afaq-amman")
            assert found is not None
            ev = store.get_event(found[0])
            path = (f"/events/{quote(ev.id, safe='')}" if path.startswith("/events/")
                    else f"/storylines/{quote(ev.storyline or '', safe='')}")
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="ar")  # type: ignore[attr-defined]
    pg = context.new_page()
    response = pg.goto(server.url + path)
    assert response is not None and response.status == 200
    _assert_rtl(pg)
    assert _overflow(pg) <= 0, f"{path} is wider than a 390px phone screen"
    name = path.strip("/").split("?")[0].replace("/", "-") or "home"
    _shot(pg, f"phone-{name.split('-')[0]}")
    context.close()


# -- the malicious article renders inert -----------------------------------------------------------

def _assert_inert(pg: object) -> None:
    assert pg.dialogs == [], f"a dialog opened: {pg.dialogs}"
    assert pg.evaluate("window.__pwned === undefined"), "an article payload ran"
    assert pg.title() != "pwned"
    # no element carries an event-handler attribute, no script/iframe/svg came from the article
    handlers = pg.evaluate("""() => [...document.querySelectorAll('*')].flatMap(
        el => [...el.attributes].filter(a => a.name.toLowerCase().startsWith('on'))
        .map(a => el.tagName + '.' + a.name))""")
    assert handlers == []
    assert pg.locator("script").count() == 0
    assert pg.locator("iframe, object, embed, svg, img:not([src^='/static/'])").count() == 0
    assert pg.evaluate("[...document.querySelectorAll('a[href]')].every(a => "
                       "['http:', 'https:'].includes(new URL(a.href).protocol))")
    assert pg.evaluate("getComputedStyle(document.body).display") != "none"


def test_web_browser_malicious_article_is_inert(server: Server, page: object) -> None:
    pg = page
    pg.goto(server.url + "/articles/w07-evil")
    pg.wait_for_timeout(300)  # give any injected handler (onerror, onload) time to fire
    _assert_inert(pg)
    body = pg.locator(".article-body").inner_text()
    assert "<script>window.__pwned=1;document.title='pwned';alert('x')</script>" in body
    assert '<img src=x onerror="window.__pwned=2;alert(2)">' in body
    assert "{{ 7*7 }}" in body
    title = pg.locator("h1").inner_text()
    assert "<script>" in title and "\u202e" not in title and "معكوس" in title
    assert "\u202e" not in body and "\u2066" not in body
    # the javascript: URL of the article is never a link
    assert pg.locator("a.external").count() == 0
    _shot(pg, "malicious-article")


def test_web_browser_malicious_event_and_search_are_inert(server: Server, page: object,
                                                          fixture_db: Path) -> None:
    with Store(fixture_db) as store:
        found = store.event_of("w07-evil")
    assert found is not None
    pg = page
    pg.goto(server.url + "/events/" + quote(found[0], safe=""))
    pg.wait_for_timeout(300)
    _assert_inert(pg)
    assert "<script>" in pg.locator("h1").inner_text()
    pg.goto(server.url + "/")
    pg.wait_for_timeout(200)
    _assert_inert(pg)
    pg.goto(server.url + "/search?q=" + quote("عرض المقالات"))
    pg.wait_for_timeout(300)
    _assert_inert(pg)
    assert pg.locator(".hit").count() >= 1
    assert "<script>" in pg.locator(".hit").first.inner_text()
    pg.goto(server.url + "/outlets/" + quote('منصة "الاختبار" <b>', safe=""))
    pg.wait_for_timeout(200)
    _assert_inert(pg)
    assert pg.locator("h1").inner_text() == 'منصة "الاختبار" <b>'
    _shot(pg, "malicious-outlet")


# -- the demo corpus (acceptance) -----------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.fixtures.web.demo import build_demo_store

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    counts = build_demo_store(db)
    if not counts["articles"]:
        with Store(db) as store:
            reasons = {r["reason"] for r in store.rejected(limit=5)}
        pytest.skip(f"the pipeline extracts no demo article yet: {sorted(reasons)[:1]}")
    return db


def test_web_browser_demo_corpus_flow(demo_db: Path, browser: object) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="ar")  # type: ignore[attr-defined]
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with Server(demo_db) as srv:
        pg.goto(srv.url + "/")
        _assert_rtl(pg)
        assert pg.locator(".event-card").count() >= 3
        _shot(pg, "demo-home")
        pg.locator(".event-card .card-title a").first.click()
        pg.wait_for_load_state()
        assert "/events/" in pg.url
        _shot(pg, "demo-event")
        assert pg.locator(".summary .cite").count() > 0
        pg.locator(".summary .cite").first.click()
        pg.wait_for_load_state()
        assert "/articles/" in pg.url and "#s-" in pg.url
        _shot(pg, "demo-article")
        pg.goto(srv.url + "/search?q=" + quote("اللاجئين"))
        assert pg.locator(".hit").count() > 0
        _shot(pg, "demo-search")
        for path in ("/storylines", "/entities", "/outlets", "/rejected", "/status"):
            response = pg.goto(srv.url + path)
            assert response is not None and response.status == 200, path
            _assert_rtl(pg)
        pg.set_viewport_size(PHONE)
        pg.goto(srv.url + "/")
        assert _overflow(pg) <= 0
        _shot(pg, "demo-home-phone")
    assert not dialogs
    context.close()
