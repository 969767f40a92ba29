"""A static, self-contained HTML report of storylines and events (Arabic, right to left).

:func:`write_report` writes ``index.html`` (every storyline with its timeline and evolving
facts, then every event) and one page per event (``event-<id>.html``): the cited summary, the
reports in order, the facts table with conflicts, evolutions, quotes, the outlets side by side
(coverage, unique facts, omissions, framing) and the articles themselves, with the loaded terms
marked and the summary's sentences linked to them.

The pages need nothing else: CSS is inline, there are no scripts, fonts come from the reader's
system (Noto Naskh Arabic, Noto Sans Arabic, Amiri, then Tahoma). They are written for phones
first: one column that becomes a grid on wide screens, long tokens wrap
(``overflow-wrap:anywhere``) and tables scroll inside their own box.

Article text is untrusted: Jinja2 escapes everything, and bidi override and isolate controls
(U+202A–U+202E, U+2066–U+2069), which can reorder what a reader sees, are removed from every
value rendered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from marsad.model import Article

__all__ = ["BIDI_OVERRIDES", "COUNT_WORDS", "count_ar", "event_filename", "strip_bidi",
           "write_report"]

BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidi embedding, override and isolate controls removed from everything rendered."""
TEMPLATES = Path(__file__).resolve().parent / "templates"
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]+")


def strip_bidi(value: Any) -> Any:
    """Remove bidi override/isolate controls from a string (other values pass through).

    Markup (a macro's output, already escaped) stays markup: removing the controls from it
    cannot open a tag.
    """
    if isinstance(value, Markup):
        return Markup(BIDI_OVERRIDES.sub("", str(value)))
    if isinstance(value, str):
        return BIDI_OVERRIDES.sub("", value)
    return value


def event_filename(event_id: str) -> str:
    """The file name of an event's page (ids are sanitized: they may come from page names)."""
    safe = _SAFE_ID.sub("-", str(event_id)).strip("-.") or "event"
    return f"event-{safe}.html"


def _anchor(article_id: str) -> str:
    return "a-" + (_SAFE_ID.sub("-", str(article_id)).strip("-.") or "article")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=select_autoescape(["html"], default=True),
                      undefined=StrictUndefined, finalize=strip_bidi, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["anchor"] = _anchor
    env.filters["event_file"] = event_filename
    env.filters["short"] = lambda s, n=140: (s if len(s) <= n else s[:n].rsplit(" ", 1)[0] + "…")
    env.filters["count"] = count_ar
    return env


COUNT_WORDS: dict[str, tuple[str, str, str, str]] = {
    "report": ("تقرير واحد", "تقريران", "تقارير", "تقريراً"),
    "outlet": ("وسيلة إعلام واحدة", "وسيلتا إعلام", "وسائل إعلام", "وسيلة إعلام"),
    "event": ("حدث واحد", "حدثان", "أحداث", "حدثاً"),
    "storyline": ("خط قصصي واحد", "خطان قصصيان", "خطوط قصصية", "خطاً قصصياً"),
    "word": ("كلمة واحدة", "كلمتان", "كلمات", "كلمة"),
    "sentence": ("جملة واحدة", "جملتان", "جمل", "جملة"),
    "conflict": ("تعارض واحد", "تعارضان", "تعارضات", "تعارضاً"),
}
"""Arabic counted nouns: (one, two, 3-10, 11 and more)."""


def count_ar(n: int, noun: str) -> str:
    """An Arabic count with the noun in the right number: تقرير واحد، تقريران، 5 تقارير، 12 تقريراً.

    Args:
        n: The count.
        noun: A key of :data:`COUNT_WORDS`.
    """
    one, two, few, many = COUNT_WORDS[noun]
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    return f"{n} {many}" if n else f"0 {few}"


def _article_dict(article: Article | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(article, Article):
        return article.to_dict()
    return dict(article)


def _segments(text: str, marks: Sequence[tuple[int, int, str, str]]) -> list[list[dict[str, Any]]]:
    """Split a text into paragraphs of ``{text, cls, title}`` pieces around non-overlapping marks.

    Marks are ``(start, end, css class, tooltip)``; overlapping marks keep the first (longest
    first among those starting at the same place).
    """
    chosen: list[tuple[int, int, str, str]] = []
    last = -1
    for m in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if m[0] >= last and 0 <= m[0] < m[1] <= len(text):
            chosen.append(m)
            last = m[1]
    pieces: list[dict[str, Any]] = []
    pos = 0
    for start, end, cls, title in chosen:
        if start > pos:
            pieces.append({"text": text[pos:start], "cls": None, "title": None})
        pieces.append({"text": text[start:end], "cls": cls, "title": title})
        pos = end
    if pos < len(text):
        pieces.append({"text": text[pos:], "cls": None, "title": None})
    paragraphs: list[list[dict[str, Any]]] = [[]]
    for piece in pieces:
        parts = piece["text"].split("\n")
        for k, part in enumerate(parts):
            if k > 0:
                paragraphs.append([])
            if part:
                paragraphs[-1].append({**piece, "text": part})
    return [p for p in paragraphs if any(x["text"].strip() for x in p)]


def _article_views(story: Mapping[str, Any], articles: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The articles of an event for its page, text split into marked paragraphs."""
    terms_by_article: dict[str, list[tuple[int, int, str, str]]] = {}
    for outlet in story["framing"]:
        for term in outlet["terms"]:
            for hit in term["hits"]:
                cls = "quoted-term" if hit["in_quote"] else "loaded"
                terms_by_article.setdefault(hit["article"], []).append(
                    (hit["start"], hit["end"], cls, f"{term['term']} — {term['category']}"))
    for i, sentence in enumerate(story["summary"]["sentences"], start=1):
        terms_by_article.setdefault(sentence["article"], []).append(
            (sentence["start"], sentence["end"], "cited", f"جملة الملخص {i}"))
    views = []
    for report in story["timeline"]["reports"]:
        article = articles.get(report["article"])
        text = str(article.get("text") or "") if article else ""
        marks = sorted(terms_by_article.get(report["article"], []),
                       key=lambda m: m[2] != "loaded")  # loaded terms win over sentence marks
        views.append({**report, "anchor": _anchor(report["article"]),
                      "url": (article or {}).get("url"),
                      "paragraphs": _segments(text, _split_marks(marks)) if text else []})
    return views


def _split_marks(marks: Sequence[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Cut sentence marks around the term marks inside them, so both show."""
    terms = [m for m in marks if m[2] != "cited"]
    out = list(terms)
    for s, e, cls, title in (m for m in marks if m[2] == "cited"):
        pos = s
        for ts, te, _, _ in sorted(t for t in terms if s <= t[0] < e):
            if ts > pos:
                out.append((pos, ts, cls, title))
            pos = max(pos, te)
        if pos < e:
            out.append((pos, e, cls, title))
    return out


def _event_card(story: Mapping[str, Any]) -> dict[str, Any]:
    """What the index shows of an event."""
    loaded = [f["outlet"] for f in story["framing"] if f["loaded"]]
    return {"id": story["event"]["id"], "file": event_filename(story["event"]["id"]),
            "headline": story["summary"]["headline"], "event": story["event"],
            "outlets": [o["outlet"] for o in story["outlets"]],
            "n_articles": len(story["timeline"]["reports"]),
            "conflicts": sum(1 for f in story["facts"] if f["conflict"]),
            "loaded_outlets": loaded}


def write_report(stories: Sequence[Mapping[str, Any]], storylines: Sequence[Mapping[str, Any]],
                 out_dir: str | Path, *,
                 articles: Mapping[str, Article | Mapping[str, Any]] | Sequence[Article]
                 | None = None, title: str = "تقرير القصص") -> Path:
    """Write the static HTML report and return the path of ``index.html``.

    Args:
        stories: Story dicts (:func:`marsad.stories.story.build_story` / ``build_stories``).
        storylines: Storyline dicts (:func:`marsad.stories.story.build_storyline`).
        out_dir: Folder to write into (created when missing; existing report files are
            overwritten, nothing else is touched).
        articles: The events' articles (by id, or a list), to show their text with marks;
            without them the article sections show titles and links only.
        title: The report's title.

    Returns:
        Path of the written ``index.html``.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if articles is None:
        by_id: dict[str, Any] = {}
    elif isinstance(articles, Mapping):
        by_id = {k: _article_dict(v) for k, v in articles.items()}
    else:
        by_id = {a.id: _article_dict(a) for a in articles}
    env = _environment()
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    cards = {s["event"]["id"]: _event_card(s) for s in stories}
    storyline_of = {e["event"]: line for line in storylines for e in line["events"]}
    event_page = env.get_template("event.html")
    for story in stories:
        event_id = story["event"]["id"]
        html = event_page.render(
            title=title, story=story, card=cards[event_id], generated=generated,
            storyline=storyline_of.get(event_id), articles=_article_views(story, by_id),
            cards=cards)
        (out / event_filename(event_id)).write_text(html, encoding="utf-8")
    in_storyline = set(storyline_of)
    index = env.get_template("index.html").render(
        title=title, storylines=storylines, cards=cards, generated=generated,
        events=[cards[s["event"]["id"]] for s in stories],
        loose=[cards[s["event"]["id"]] for s in stories if s["event"]["id"] not in in_storyline])
    path = out / "index.html"
    path.write_text(index, encoding="utf-8")
    return path
