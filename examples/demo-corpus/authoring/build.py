"""Build the demo corpus pages and gold labels from the article sources.

Usage (from the repository root; hijridate is needed for the Hijri checks)::

    .venv/bin/python examples/demo-corpus/authoring/build.py

The sources ``s1.py``, ``s2.py`` and ``s3.py`` hold one dict per page: metadata, title, the body
written with inline markup (see ``markup.py``) and the quotes and framing terms; and each
storyline's events and facts. This script renders every page with its outlet's template
(``render.py``), writes pages, sidecars and ``gold/``, and checks what it can: canonical names
for every entity surface, weekday/month/Hijri/relative-word agreement of each timex with its
value and the publication date, body length, that annotations occur in body order, that facts
cite quantities the cited pages really carry. It also warns about known name surfaces left
unannotated in a body (some are deliberate: «صور» "pictures", «سورية» as an adjective).
"""
# ruff: noqa: E501
import html as H
import json
import re
import sys
from pathlib import Path

import canon as C
from dates import EGY, EN_M, FR_M, LEV, MAG, WD, d, hijri
from markup import parse
from render import OUTLETS, PAGE_DATE, RENDER_HTML, RENDER_TXT

OUT = Path(__file__).resolve().parent.parent
ERR = []


def err(aid, msg):
    ERR.append(f"{aid}: {msg}")


def canon_fn_for(aid):
    def f(surface, key):
        try:
            c = C.canon(surface, key)
        except KeyError as e:
            err(aid, str(e))
            return surface
        if c is None:
            err(aid, f"no canonical for entity surface «{surface}»")
            return surface
        return c
    return f


MONTHS = {}
for _tab in (LEV, EGY, MAG):
    for _i, _n in enumerate(_tab):
        MONTHS.setdefault(_n, set()).add(_i + 1)
for _i, _n in enumerate(EN_M):
    MONTHS.setdefault(_n, set()).add(_i + 1)
for _i, _n in enumerate(FR_M):
    MONTHS.setdefault(_n, set()).add(_i + 1)
WD_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def check_timex(aid, pub, t):
    s, v = t["text"], t["value"]
    if t["type"] != "date":
        if t["type"] == "duration" and not re.fullmatch(r"P\d+[YMWD]|PT\d+[HMS]", v):
            err(aid, f"bad duration {v}")
        return
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        err(aid, f"bad date value {v} for {s}")
        return
    p = d(pub)
    if len(v) == 10:
        x = d(v)
        for i, w in enumerate(WD):
            if w in s and x.weekday() != i and "إلى" not in s:
                err(aid, f"weekday mismatch {s} -> {v}")
        for i, w in enumerate(WD_EN):
            if w in s and x.weekday() != i:
                err(aid, f"weekday mismatch {s} -> {v}")
        for i, w in enumerate(WD_FR):
            if re.search(rf"\b{w}\b", s) and x.weekday() != i:
                err(aid, f"weekday mismatch {s} -> {v}")
        toks = re.findall(r"[\w']+", s)
        off = None
        for i_, tk in enumerate(toks):
            base = tk[1:] if tk.startswith("و") and tk[1:] in ("أمس", "اليوم", "غداً") else tk
            if base == "أمس":
                off = -2 if i_ + 1 < len(toks) and toks[i_ + 1] == "الأول" else -1
            elif base == "اليوم" or base.lower() in ("today", "aujourd'hui"):
                off = 0
            elif base in ("غداً", "غدا") or base.lower() in ("tomorrow", "demain"):
                off = 1
            elif base.lower() in ("yesterday", "hier"):
                off = -1
            if off is not None:
                break
        if off is not None and (x - p).days != off:
            err(aid, f"relative word in «{s}» gives {v} but pub {pub}")
        if "المقبل" in s or "القادم" in s:
            if not x > p:
                err(aid, f"future word but {v} <= {pub}: {s}")
        if "الماضي" in s and not x < p:
            err(aid, f"past word but {v} >= {pub}: {s}")
        for hm, name in ((8, "شعبان"), (9, "رمضان")):
            mm = re.search(r"([0-9٠-٩]+)\s+" + name, s)
            if mm:
                day = int(mm.group(1).translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
                y, m, dd = hijri(v)
                if (m, dd) != (hm, day):
                    err(aid, f"hijri mismatch {s} -> {v} is {y}-{m}-{dd}")
    if len(v) >= 7:
        m = int(v[5:7])
        for name, ms in MONTHS.items():
            if name in s and m not in ms and not any(
                    other in s for other, oms in MONTHS.items() if m in oms):
                err(aid, f"month mismatch {s} -> {v}")


def build_article(a, parsed_cache):
    aid = a["id"]
    cf = canon_fn_for(aid)
    items, raw_items, ents, txs, qts = [], [], [], [], []
    for el in a["body"]:
        if isinstance(el, tuple):
            kind, raw = el
        else:
            kind, raw = "p", el
        if kind == "cap":
            items.append(("cap", raw))
            raw_items.append(("cap", raw))
            continue
        text, e, t, q = parse(raw, cf)
        items.append((kind, text))
        raw_items.append((kind, raw))
        ents += e
        txs += t
        qts += q
    body_lines = [t for k, t in items if k != "cap"]
    body = "\n".join(body_lines)
    words = len(body.split())
    if not 150 <= words <= 450:
        err(aid, f"body has {words} words")
    for t in txs:
        check_timex(aid, a["published"], t)
    outlet = a["outlet"]
    if outlet in RENDER_TXT:
        page, bl = RENDER_TXT[outlet](a, items)
        kind = "text"
        lines = page.split("\n")
        if "\n".join(lines[i - 1] for i in bl) != body:
            err(aid, "rendered body lines differ from body")
        if a["title"] not in page:
            err(aid, "title not in page")
    else:
        page = RENDER_HTML[outlet](a, items, raw_items)
        bl = None
        kind = "html"
        flat = H.unescape(re.sub(r"<[^>]+>", "", page))
        for line in body_lines:
            if line not in flat:
                err(aid, f"html body line not found: {line[:40]}")
        if a["title"] not in flat:
            err(aid, "title not in page")
    # annotations must be found in body, in order
    pos = 0
    for e_ in ents:
        i = body.find(e_["text"], pos)
        if i < 0:
            err(aid, f"entity out of order/not found {e_['text']}")
        else:
            pos = i + len(e_["text"])
    for q in a.get("quotes", []):
        if q[1] not in body:
            err(aid, f"quote text not in body: {q[1]}")
        if q[3] not in body:
            err(aid, f"quote verb not in body: {q[3]}")
        if q[0] is not None and q[0] not in C.CANONICALS:
            err(aid, f"quote speaker not canonical: {q[0]}")
        if len(q[1].split()) > 10:
            err(aid, f"quote text too long: {q[1]}")
    for f in a.get("framing", []):
        if f not in body:
            err(aid, f"framing term not in body: {f}")
    quotes = [{"speaker": q[0], "text": q[1], "kind": q[2], "verb": q[3]} for q in a.get("quotes", [])]
    quotes.sort(key=lambda q: body.find(q["text"]))
    ws = body.split()
    lang = a.get("lang", "ar")
    rec = {
        "id": aid,
        "file": f"pages/{outlet}/{aid}.{'txt' if kind == 'text' else 'html'}",
        "kind": kind,
        "encoding": a.get("encoding", "utf-8"),
        "language": lang,
        "outlet": OUTLETS[outlet]["name"],
        "published": a["published"],
        "published_in_page": PAGE_DATE[outlet],
        "title": a["title"],
        "body_lines": bl,
        "body": body,
        "first_sentence_start": " ".join(ws[:6]),
        "last_sentence_end": " ".join(ws[-6:]),
        "event": a["event"],
        "storyline": a["storyline"],
        "reprint_of": a.get("reprint_of"),
        "duplicate_of": a.get("duplicate_of"),
        "credits": a.get("credits", []),
        "entities": ents,
        "timexes": txs,
        "quantities": qts,
        "quotes": quotes,
        "framing": a.get("framing", []),
    }
    return rec, page


def write_page(rec, a, page):
    path = OUT / rec["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    enc = rec["encoding"]
    if a.get("crlf"):
        page = page.replace("\n", "\r\n")
    data = page.encode(enc)
    path.write_bytes(data)
    side = path.with_name(a["id"] + ".meta.json")
    if a.get("sidecar"):
        meta = {}
        for k in a["sidecar"]:
            meta[{"o": "outlet", "p": "published", "u": "url"}[k]] = {
                "o": rec["outlet"], "p": rec["published"], "u": a["url"]}[k]
        side.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif side.exists():
        side.unlink()


_AR = "\u0600-\u06FFA-Za-z"


def unmarked_mentions(records):
    """Yield (id, surfaces) for known name surfaces that occur in a body outside any entity."""
    surfaces = sorted((s for s in C.SURF2CANON if len(s) >= 3), key=len, reverse=True)
    for a in records:
        body = a["body"]
        covered = [False] * len(body)
        pos = 0
        for e in a["entities"]:
            i = body.find(e["text"], pos)
            covered[i:i + len(e["text"])] = [True] * len(e["text"])
            pos = i + len(e["text"])
        miss = set()
        for s in surfaces:
            for m in re.finditer(re.escape(s), body):
                st, en = m.start(), m.end()
                if any(covered[st:en]):
                    continue
                before = body[max(0, st - 2):st]
                letter_before = bool(re.match(f"[{_AR}]", before[-1:]))
                clitic = before[-1:] in "وبلكف" and not re.match(f"[{_AR}]", before[:1] or " ")
                after = body[en:en + 1]
                if (not letter_before or clitic or before in ("لـ", "بـ")) and not re.match(f"[{_AR}]", after):
                    miss.add(s)
                    covered[st:en] = [True] * (en - st)
        if miss:
            yield a["id"], sorted(miss)


def main():
    import importlib
    arts = []
    events, storylines = [], []
    for mod in sys.argv[1:] or ["s1", "s2", "s3"]:
        m = importlib.import_module(mod)
        arts += m.ARTICLES
        events += getattr(m, "EVENTS", [])
        storylines += getattr(m, "STORYLINES", [])
    ids = [a["id"] for a in arts]
    assert len(ids) == len(set(ids)), "duplicate ids"
    recs = {}
    pages = {}
    for a in arts:
        a.setdefault("url", f"https://{OUTLETS[a['outlet']]['domain']}/news/{a['id'][4:]}")
        rec, page = build_article(a, None)
        recs[a["id"]] = rec
        pages[a["id"]] = (a, page)
    # duplicates must share body
    for r in recs.values():
        if r["duplicate_of"] and recs[r["duplicate_of"]]["body"] != r["body"]:
            err(r["id"], "duplicate body differs")
    # events
    ev_ids = {e["id"] for e in events}
    for e in events:
        e["articles"] = [r["id"] for r in recs.values() if r["event"] == e["id"]]
        if not e["articles"]:
            err(e["id"], "event has no articles")
        for f in e["facts"]:
            for val, pids in f["values"].items():
                for pid in pids:
                    if pid not in e["articles"]:
                        err(e["id"], f"fact page {pid} not in event")
                    elif not any(str(q["value"]) == val for q in recs[pid]["quantities"]):
                        err(e["id"], f"fact value {val} not a quantity of {pid}")
        for u in e["unique_facts"]:
            if u["text"] not in recs[u["article"]]["body"]:
                err(e["id"], f"unique fact text not in {u['article']}")
        e["framing"] = {pid: recs[pid]["framing"] for pid in e["articles"] if recs[pid]["framing"]}
    for r in recs.values():
        if r["event"] not in ev_ids:
            err(r["id"], f"unknown event {r['event']}")
    if ERR:
        print("\n".join(ERR))
        print(f"{len(ERR)} errors")
    for aid, (a, page) in pages.items():
        write_page(recs[aid], a, page)
    gold = OUT / "gold"
    gold.mkdir(parents=True, exist_ok=True)
    outlets = {k: {kk: v[kk] for kk in ("name", "country", "kind", "notes")}
               for k, v in OUTLETS.items()}
    txt = json.dumps(outlets, ensure_ascii=False, indent=2) + "\n"
    (gold / "outlets.json").write_text(txt, encoding="utf-8")
    (OUT / "pages" / "outlets.json").write_text(txt, encoding="utf-8")
    with open(gold / "articles.jsonl", "w", encoding="utf-8") as fh:
        for aid in sorted(recs):
            fh.write(json.dumps(recs[aid], ensure_ascii=False) + "\n")
    with open(gold / "events.jsonl", "w", encoding="utf-8") as fh:
        for e in sorted(events, key=lambda e: e["id"]):
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    with open(gold / "storylines.jsonl", "w", encoding="utf-8") as fh:
        for s in storylines:
            fh.write(json.dumps(s, ensure_ascii=False) + "\n")
    for aid, miss in unmarked_mentions(recs.values()):
        print(f"note: {aid}: known name surface(s) not annotated: {', '.join(miss)}")
    print(f"built {len(recs)} pages, {len(events)} events, {len(storylines)} storylines")
    return 1 if ERR else 0


if __name__ == "__main__":
    sys.exit(main())
