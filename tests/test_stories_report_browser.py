"""The HTML report in a real Chromium: right to left, no horizontal overflow, screenshots.

Builds the report of the seeds (``../shared/samples/seeds.jsonl``, read at run time) into a
temporary folder, opens the index and the February event page at a phone viewport (390x844) and
a desktop one (1280x900), and saves full-page screenshots to ``out/screenshots/`` (git-ignored)
for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.eval.stories_demo import enrich_sources
from marsad.model import Event, Storyline
from marsad.stories.report import event_filename, write_report
from marsad.stories.story import build_stories

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "out" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# Blocks that must never be wider than their box (tables scroll inside .table-wrap instead).
OVERFLOW_JS = """() => {
  const bad = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) bad.push('html ' + root.scrollWidth);
  if (document.body.scrollWidth > document.body.clientWidth + 1)
    bad.push('body ' + document.body.scrollWidth);
  const blocks = 'main, section.block, article.card, .storyline, .summary, .timeline, '
    + '.evolution, blockquote';
  for (const el of document.querySelectorAll(blocks)) {
    if (el.scrollWidth > el.clientWidth + 1)
      bad.push(el.tagName + '.' + el.className + '#' + el.id + ' ' + el.scrollWidth);
  }
  for (const el of document.querySelectorAll('.table-wrap')) {
    const r = el.getBoundingClientRect();
    if (r.right > root.clientWidth + 1 || r.left < -1) bad.push('table-wrap outside the page');
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory, seeds_jsonl: Path) -> Path:
    articles, rejected = enrich_sources([seeds_jsonl])
    assert not rejected, rejected
    by_prefix = {a.id[:3]: a.id for a in articles.values()}
    events = [Event(id="feb-2019", articles=[by_prefix[p] for p in ("000", "001", "002")]),
              Event(id="nov-2019", articles=[by_prefix["003"]]),
              Event(id="may-2017", articles=[by_prefix["004"]])]
    stories, lines = build_stories(events, articles,
                                   [Storyline("coalition", "", [e.id for e in events])])
    out = tmp_path_factory.mktemp("report")
    write_report(stories, lines, out, articles=articles)
    return out


def test_report_renders_right_to_left_without_overflow(report_dir: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make browser)",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = {"index": report_dir / "index.html",
             "event": report_dir / event_filename("feb-2019")}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for view, size in VIEWPORTS.items():
                page = browser.new_page(viewport=size)
                for name, path in pages.items():
                    page.goto(path.as_uri())
                    assert page.evaluate("document.documentElement.dir") == "rtl"
                    assert page.evaluate("document.documentElement.lang") == "ar"
                    assert page.evaluate(OVERFLOW_JS) == [], f"{name} overflows at {view}"
                    direction = page.evaluate("getComputedStyle(document.body).direction")
                    assert direction == "rtl"
                    page.screenshot(path=str(SHOTS / f"stories-{name}-{view}.png"),
                                    full_page=True)
                page.close()
        finally:
            browser.close()
    assert (SHOTS / "stories-event-phone.png").stat().st_size > 10_000
