"""The assembled story of an event and of a storyline (marsad.stories.story).

Texts are invented.
"""

from __future__ import annotations

import json

from marsad.enrich.quantities import find_quantities
from marsad.enrich.quotes import analyze_quotes
from marsad.model import Article, Event, Storyline
from marsad.stories.story import STORY_FIELDS, build_stories, build_story, build_storyline


def art(ident: str, text: str, outlet: str, published: str) -> Article:
    quotes, terms = analyze_quotes(text)
    return Article(id=ident, source=f"t/{ident}", text=text, outlet=outlet, published=published,
                   title=text.split("،")[0][:60], quantities=find_quantities(text),
                   quotes=quotes, extra={"quoted_terms": [t.to_dict() for t in terms]})


def meeting(ident: str, day: str, count: int, outlets: list[str]) -> tuple[Event, list[Article]]:
    arts = [art(f"{ident}-{i}",
                f"اجتمع وزراء الرابطة المؤلفة من {count} دولة في مدينة النور، وقال الأمين العام "
                f"سالم الحداد إن الاجتماع ناجح وإن الرابطة ستواصل عملها.", outlet, day)
            for i, outlet in enumerate(outlets)]
    return Event(id=ident, title="", articles=[a.id for a in arts], event_date=day), arts


def test_build_story_has_exactly_the_story_fields_and_is_json_ready() -> None:
    event, articles = meeting("e1", "2024-02-01", 40, ["صحيفة الأفق", "وكالة الضفة"])
    story = build_story(event, articles)
    assert tuple(story) == STORY_FIELDS
    assert set(story["event"]) == {"id", "title", "event_date", "place", "first_seen",
                                   "last_seen"}
    text = json.dumps(story, ensure_ascii=False)
    assert "الرابطة" in text  # Arabic kept as is
    assert story["evolution"] == [] and story["timeline"]["storyline"] is None
    assert all("citations" in s for s in story["summary"]["sentences"])
    assert all("conflicts" in f for f in story["facts"])
    assert story["quotes"] and story["quotes"][0]["speaker"]
    assert [o["outlet"] for o in story["outlets"]] == [f["outlet"] for f in story["framing"]]
    assert "framing" not in story["outlets"][0]


def test_build_story_with_storyline_gives_timeline_and_evolution() -> None:
    first = meeting("e1", "2022-02-01", 36, ["صحيفة الأفق", "وكالة الضفة"])
    second = meeting("e2", "2024-02-01", 40, ["صحيفة الأفق", "إذاعة السهل"])
    line = Storyline("s1", "اجتماعات الرابطة", ["e1", "e2"])
    story = build_story(*second, storyline=line, storyline_events=[first, second])
    assert [e["event"] for e in story["timeline"]["storyline"]["events"]] == ["e1", "e2"]
    (evolution,) = story["evolution"]
    assert [s["value"] for s in evolution["steps"]] == [36, 40]


def test_build_stories_and_build_storyline_agree() -> None:
    first = meeting("e1", "2022-02-01", 36, ["صحيفة الأفق"])
    second = meeting("e2", "2024-02-01", 40, ["وكالة الضفة"])
    lone = meeting("e3", "2024-05-01", 7, ["إذاعة السهل"])
    articles = [a for _, arts in (first, second, lone) for a in arts]
    line = Storyline("s1", "اجتماعات الرابطة", ["e1", "e2"])
    stories, lines = build_stories([first[0], second[0], lone[0]], articles, [line])
    assert [s["event"]["id"] for s in stories] == ["e1", "e2", "e3"]
    assert stories[2]["timeline"]["storyline"] is None
    assert lines[0]["evolution"] == build_storyline(line, [first, second])["evolution"]
    assert [e["event"] for e in lines[0]["events"]] == ["e1", "e2"]
