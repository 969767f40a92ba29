"""Issue 4's acceptance on the bare folder of seed dumps (no outlet or date given), and the
partial dates (a day without its year, a weekday) that make it work."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.cluster.events import EventClusterer
from marsad.cluster.eventstate import EventRecord, Member
from marsad.cluster.features import date_kernel, date_key
from marsad.cluster.similarity import date_agreement
from marsad.config import Settings
from marsad.eval.pairs import available_stages, run_stages
from marsad.ingest.files import iter_file_pages
from marsad.model import Article, Rejected
from marsad.pipeline import process_page

EXPECTED = [["000", "001", "002"], ["003"], ["004"]]


@pytest.fixture(scope="module")
def bare_articles(seeds_dir: Path) -> list[Article]:
    """The seed dumps as `marsad run ../shared/samples/seeds` reads them."""
    from marsad.config import load_settings

    settings = load_settings(env={})
    out = []
    for page in iter_file_pages(seeds_dir, settings):
        assert not isinstance(page, Rejected), page
        art = process_page(page, settings, [])
        assert not isinstance(art, Rejected), art
        out.append(art)
    return run_stages(out, settings, available_stages())[0]


def _by_prefix(articles: list[Article]) -> dict[str, Article]:
    return {a.id[:3]: a for a in articles}


def _groups(model: EventClusterer) -> list[list[str]]:
    return sorted(sorted(a[:3] for a in e.articles) for e in model.events())


def test_seeds_bare_publication_dates_from_the_text(bare_articles: list[Article]) -> None:
    arts = _by_prefix(bare_articles)
    got = {k: (a.published, a.published_how) for k, a in arts.items()}
    assert got["000"] == ("2019-01-30", "inferred")  # a week before the announced 6 February
    assert got["001"] == ("2019-01-30", "inferred")  # January (الجاري), before "6 next month"
    assert got["002"] == (None, None)  # no year anywhere in its text
    assert got["003"] == (None, None)  # only "after September 2014"
    assert got["004"][0] == "2017-05-09"
    assert arts["001"].extra["published_range"] == "2019-01-10/2019-01-31"
    assert arts["003"].extra["published_inference"]["range"] == "2014-09-01/"


def test_seeds_bare_three_events_one_storyline(bare_articles: list[Article]) -> None:
    model = EventClusterer().fit(bare_articles)
    assert _groups(model) == EXPECTED
    storylines = model.storylines()
    assert len(storylines) == 1
    by_id = {e.id: e for e in model.events()}
    dates = [by_id[e].event_date for e in storylines[0].events]
    # 003's page dates its meeting only as "next Thursday": no calendar date can be given
    assert dates == ["2017-05-09", "2019-02-06", None]
    assert by_id[storylines[0].events[-1]].articles[0].startswith("003")


def test_seeds_bare_thursday_meeting_is_not_the_wednesday_one(
        bare_articles: list[Article]) -> None:
    model = EventClusterer().fit(bare_articles)
    arts = _by_prefix(bare_articles)
    why = model.explain(arts["003"].id)
    assert why["opened"]
    assert why["runner_up"]["components"]["date"] == -1.0
    joined = model.explain(arts["002"].id)
    # its "6 February" without a year agrees with the event's 2019-02-06
    assert not joined["opened"] and joined["components"]["date"] > 0.5


def test_seeds_bare_batch_order_does_not_matter(bare_articles: list[Article]) -> None:
    assert _groups(EventClusterer().fit(bare_articles[::-1])) == EXPECTED


def test_features_date_key_and_kernel() -> None:
    assert date_key("2019-02-06") == ("day", 737096)
    assert date_key("XXXX-02-29") == ("md", 229)
    assert date_key("XXXX-02-30") is None and date_key("XXXX-WXX-8") is None
    assert date_kernel("XXXX-02-06", "2019-02-06") == 1.0
    assert date_kernel("XXXX-02-06", "2019-02-07") == 0.5
    assert date_kernel("XXXX-12-31", "2020-01-01") == 0.5
    assert date_kernel("XXXX-02-06", "2019-11-14") == 0.0
    assert date_kernel("XXXX-WXX-3", "2019-02-06") == 0.5  # a Wednesday
    assert date_kernel("XXXX-WXX-4", "2019-02-06") == 0.0  # Thursday: no day-off tolerance
    assert date_kernel("XXXX-WXX-4", "XXXX-WXX-4") is None
    assert date_kernel("XXXX-02-06", "XXXX-WXX-3") is None


def test_similarity_partial_dates_need_a_current_full_date() -> None:
    thursday = {"XXXX-WXX-4": 3.0}
    event = {"2019-02-06": 12.0}
    pub = 737089  # 2019-01-30
    assert date_agreement(thursday, event, None, (pub, pub))[0] == -1.0
    # without the event's publication days the date might be background: not compared
    assert date_agreement(thursday, event)[0] is None
    # a date years away from its side's publication is background, not the news
    assert date_agreement(thursday, event, None, (pub + 400, pub + 400))[0] is None
    value = date_agreement({"XXXX-02-06": 2.0, "XXXX-WXX-5": 1.0}, event, None, (pub, pub))[0]
    # the Friday is compared too (it is not the event's weekday): it weakens the agreement
    assert value is not None and 0.85 < value < 0.9
    # full dates compare as before, whatever the publication days
    assert date_agreement({"2019-11-14": 3.0}, event)[0] == -1.0


def test_eventstate_event_date_counts_yearless_reports_for_their_date() -> None:
    ev = EventRecord("ev-test")
    members = [Member("a", 737089, None, "", dates={"2019-02-06": 1.25, "2019-01-10": 0.4}),
               Member("b", None, None, "", dates={"XXXX-02-06": 2.0}),
               Member("c", None, None, "", dates={"XXXX-02-06": 2.0, "XXXX-WXX-5": 1.0})]
    for m in members:
        ev.add(m, {})
    assert ev.event_date() == "2019-02-06"
    assert set(ev.dates) == {"2019-02-06"}
    alone = EventRecord("ev-alone")
    alone.add(Member("d", None, None, "", dates={"XXXX-WXX-4": 3.0}), {})
    assert alone.event_date() is None


def test_seeds_bare_run_stores_three_events(seeds_dir: Path, settings: Settings) -> None:
    from marsad import api

    api.run([seeds_dir], settings=settings, progress=False)
    found = api.events(settings=settings)
    assert sorted(sorted(a[:3] for a in ev["articles"]) for ev in found) == EXPECTED
    dates = {ev["articles"][0][:3]: ev["event_date"] for ev in found}
    assert dates == {"004": "2017-05-09", "000": "2019-02-06", "003": None}
    (line,) = api.storylines(settings=settings)
    assert len(line["events"]) == 3
