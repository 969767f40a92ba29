"""Check the demo corpus gold labels against the pages (standard library only).

Run from anywhere::

    python examples/demo-corpus/validate.py

It checks that every page listed in ``gold/articles.jsonl`` exists and decodes with its stated
encoding; that the gold body really is in the page (text dumps: the listed lines joined with
newlines; HTML: every body line in the tag-stripped, entity-unescaped page); that every
annotated surface (entity, timex, quantity, quote, framing term, unique fact) occurs in the body;
and that articles, events and storylines reference each other consistently. It prints one line
per problem and a summary, and exits with status 1 when anything is wrong.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GOLD = ROOT / "gold"
PAGES = ROOT / "pages"

LABELS = {"PER", "ORG", "LOC", "MISC"}
TIMEX_TYPES = {"date", "duration", "set"}
APPROX = {None, "more_than", "less_than", "about", "at_least", "at_most", "range"}
DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DURATION_RE = re.compile(r"P(\d+[YMWD])+|PT\d+[HMS]")
ARTICLE_KEYS = {
    "id", "file", "kind", "encoding", "language", "outlet", "published", "published_in_page",
    "title", "body_lines", "body", "first_sentence_start", "last_sentence_end", "event",
    "storyline", "reprint_of", "duplicate_of", "credits", "entities", "timexes", "quantities",
    "quotes", "framing",
}
TAG_RE = re.compile(r"<[^>]+>")


def read_jsonl(path: Path) -> list[dict]:
    """Read a JSON Lines file into a list of objects."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def html_text(page: str) -> str:
    """The text of an HTML page: tags removed (not replaced), entities unescaped."""
    return html.unescape(TAG_RE.sub("", page))


def check_article(a: dict, problems: list[str]) -> None:
    """Check one article record against its page."""
    aid = a.get("id", "?")

    def bad(msg: str) -> None:
        problems.append(f"{aid}: {msg}")

    missing = ARTICLE_KEYS - a.keys()
    if missing:
        bad(f"missing keys {sorted(missing)}")
        return
    path = ROOT / a["file"]
    if not path.is_file():
        bad(f"file {a['file']} does not exist")
        return
    try:
        page = path.read_bytes().decode(a["encoding"])
    except (UnicodeDecodeError, LookupError) as exc:
        bad(f"cannot decode with {a['encoding']}: {exc}")
        return
    if a["encoding"] == "utf-8" and page.startswith("\ufeff"):
        bad("page starts with a BOM but encoding says utf-8 (use utf-8-sig)")
    body = a["body"]
    suffix = path.suffix.lower()
    if a["kind"] == "text":
        if suffix != ".txt":
            bad(f"kind text but file suffix {suffix}")
        lines = page.splitlines()
        nums = a["body_lines"]
        if not nums or any(not isinstance(n, int) or n < 1 or n > len(lines) for n in nums):
            bad("body_lines missing or out of range")
        else:
            if nums != sorted(set(nums)):
                bad("body_lines not strictly increasing")
            if any(not lines[n - 1].strip() for n in nums):
                bad("body_lines include an empty line")
            joined = "\n".join(lines[n - 1] for n in nums)
            if joined != body:
                bad("body_lines joined differ from body")
        if a["title"] not in page:
            bad("title not found in page")
    elif a["kind"] == "html":
        if suffix not in {".html", ".htm"}:
            bad(f"kind html but file suffix {suffix}")
        if a["body_lines"] is not None:
            bad("html page must have body_lines null")
        text = html_text(page)
        for line in body.split("\n"):
            if line not in text:
                bad(f"html body line not in page text: {line[:50]}…")
        if a["title"] not in text:
            bad("title not found in page text")
    else:
        bad(f"unknown kind {a['kind']}")
    if not body.startswith(a["first_sentence_start"]):
        bad("first_sentence_start is not the start of body")
    if not body.endswith(a["last_sentence_end"]):
        bad("last_sentence_end is not the end of body")
    for e in a["entities"]:
        if e["text"] not in body:
            bad(f"entity «{e['text']}» not in body")
        if e["label"] not in LABELS:
            bad(f"entity «{e['text']}» has label {e['label']}")
        if not e.get("canonical"):
            bad(f"entity «{e['text']}» has no canonical name")
    for t in a["timexes"]:
        if t["text"] not in body:
            bad(f"timex «{t['text']}» not in body")
        if t["type"] not in TIMEX_TYPES:
            bad(f"timex «{t['text']}» has type {t['type']}")
        pattern = DATE_RE if t["type"] == "date" else DURATION_RE
        if not pattern.fullmatch(t["value"]):
            bad(f"timex «{t['text']}» has value {t['value']} unfit for type {t['type']}")
    for q in a["quantities"]:
        if q["text"] not in body:
            bad(f"quantity «{q['text']}» not in body")
        if not isinstance(q["value"], int | float) or not q.get("unit"):
            bad(f"quantity «{q['text']}» needs a numeric value and a unit")
        if q["approx"] not in APPROX:
            bad(f"quantity «{q['text']}» has approx {q['approx']}")
        if (q["approx"] == "range") != (q["high"] is not None):
            bad(f"quantity «{q['text']}»: high is set exactly when approx is range")
    for q in a["quotes"]:
        if q["text"] not in body:
            bad(f"quote «{q['text']}» not in body")
        if q["verb"] not in body:
            bad(f"quote verb «{q['verb']}» not in body")
        if q["kind"] not in {"direct", "indirect"}:
            bad(f"quote «{q['text']}» has kind {q['kind']}")
    for term in a["framing"]:
        if term not in body:
            bad(f"framing term «{term}» not in body")


def main() -> int:
    """Run every check; print problems and a summary; return the exit status."""
    problems: list[str] = []
    outlets = json.loads((GOLD / "outlets.json").read_text(encoding="utf-8"))
    names = {v["name"] for v in outlets.values()}
    pages_copy = PAGES / "outlets.json"
    if pages_copy.is_file() and json.loads(pages_copy.read_text(encoding="utf-8")) != outlets:
        problems.append("pages/outlets.json differs from gold/outlets.json")
    articles = read_jsonl(GOLD / "articles.jsonl")
    events = read_jsonl(GOLD / "events.jsonl")
    storylines = read_jsonl(GOLD / "storylines.jsonl")
    by_id = {a["id"]: a for a in articles}
    if len(by_id) != len(articles):
        problems.append("duplicate article ids")
    ev_by_id = {e["id"]: e for e in events}
    sl_by_id = {s["id"]: s for s in storylines}

    for a in articles:
        check_article(a, problems)
        aid = a["id"]
        if a["outlet"] not in names:
            problems.append(f"{aid}: outlet {a['outlet']} not in outlets.json")
        folder = Path(a["file"]).parts[1] if len(Path(a["file"]).parts) > 2 else ""
        if folder not in outlets or outlets[folder]["name"] != a["outlet"]:
            problems.append(f"{aid}: folder {folder} does not map to outlet {a['outlet']}")
        sidecar = (ROOT / a["file"]).with_name(aid + ".meta.json")
        if sidecar.is_file():
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
            for key in ("outlet", "published"):
                if key in meta and meta[key] != a[key]:
                    problems.append(f"{aid}: sidecar {key} {meta[key]} differs from gold")
        if a["event"] not in ev_by_id:
            problems.append(f"{aid}: event {a['event']} does not exist")
        elif ev_by_id[a["event"]]["storyline"] != a["storyline"]:
            problems.append(f"{aid}: storyline differs from its event's")
        for key in ("reprint_of", "duplicate_of"):
            ref = a[key]
            if ref is not None and ref not in by_id:
                problems.append(f"{aid}: {key} {ref} does not exist")
        if a["duplicate_of"] in by_id and by_id[a["duplicate_of"]]["body"] != a["body"]:
            problems.append(f"{aid}: duplicate_of a page with a different body")

    listed = {a["file"] for a in articles}
    for path in sorted(PAGES.rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".html"}:
            rel = path.relative_to(ROOT).as_posix()
            if rel not in listed:
                problems.append(f"page {rel} has no gold record")

    for e in events:
        eid = e["id"]
        if e["storyline"] not in sl_by_id:
            problems.append(f"{eid}: storyline {e['storyline']} does not exist")
        members = {a["id"] for a in articles if a["event"] == eid}
        if set(e["articles"]) != members:
            problems.append(f"{eid}: articles list differs from articles whose event is {eid}")
        for f in e["facts"]:
            for value, pids in f["values"].items():
                for pid in pids:
                    if pid not in e["articles"]:
                        problems.append(f"{eid}: fact {f['name']} cites {pid} outside the event")
                    elif not any(str(q["value"]) == value for q in by_id[pid]["quantities"]):
                        problems.append(f"{eid}: fact value {value} is no quantity of {pid}")
            if f["conflict"] != (len(f["values"]) > 1):
                problems.append(f"{eid}: fact {f['name']} conflict flag disagrees with values")
        for u in e["unique_facts"]:
            if u["article"] not in e["articles"]:
                problems.append(f"{eid}: unique fact of {u['article']} outside the event")
            elif u["text"] not in by_id[u["article"]]["body"]:
                problems.append(f"{eid}: unique fact text not in {u['article']}")
        for pid in e["framing"]:
            if pid not in e["articles"]:
                problems.append(f"{eid}: framing of {pid} outside the event")

    for s in storylines:
        sid = s["id"]
        evs = s["events"]
        if any(ev not in ev_by_id for ev in evs):
            problems.append(f"{sid}: unknown event in {evs}")
            continue
        if {e["id"] for e in events if e["storyline"] == sid} != set(evs):
            problems.append(f"{sid}: events list differs from events whose storyline is {sid}")
        dates = [ev_by_id[ev]["event_date"] for ev in evs]
        if dates != sorted(dates):
            problems.append(f"{sid}: events are not in event-date order")
        for f in s["evolving_facts"]:
            for v in f["values"]:
                if v["event"] not in evs:
                    problems.append(f"{sid}: evolving fact {f['name']} cites event {v['event']}")

    kinds = Counter(a["kind"] for a in articles)
    encs = Counter(a["encoding"] for a in articles)
    langs = Counter(a["language"] for a in articles)
    count = {k: sum(len(a[k]) for a in articles)
             for k in ("entities", "timexes", "quantities", "quotes", "framing")}
    print(f"articles: {len(articles)} ({dict(kinds)}; languages {dict(langs)}; "
          f"encodings {dict(encs)})")
    print(f"outlets: {len(outlets)}, events: {len(events)}, storylines: {len(storylines)}")
    print("annotations: " + ", ".join(f"{k} {v}" for k, v in count.items()))
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
