"""Title, outlet, publication date, credits and author of a page dump.

Each finder returns what it found and *how* (``meta``, ``folder``, ``page`` ...) with the line
that says so, so ``marsad show`` can explain where a value came from. Values found in the page
are only read from places that speak about the page itself: the lines before the article, the
footer, a credit line; never from a headline list, whose dates and names belong to other
articles.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from marsad.extract.textdump_blocks import (
    R_CREDIT,
    TITLE_OK_FLAGS,
    Region,
    byline_prefix_width,
)
from marsad.extract.textdump_dates import is_date_line, parse_date, parse_day_month
from marsad.extract.textdump_lines import (
    BAD,
    GOOD,
    HARD,
    LineFeatures,
    clean_line,
    content_words,
    match_key,
    names_data,
    phrase_matcher,
)

_SELF_STANDALONE_RE = re.compile(r"^(.{2,40}?)\s*[-ـ–—:|]+\s*$")
_ANY_SEP_RE = re.compile(r"[-ـ–—:|]")
_DASH_RE = re.compile(r"\s+[-ـ–—]+\s*|\s*[-ـ–—]+\s+")
_COPYRIGHT_RE = re.compile(
    r"جميع الحقوق محفوظة|كل الحقوق محفوظة|حقوق النشر محفوظة|جميع حقوق النشر|الحقوق محفوظة"
    r"|©|\(c\)|copyright|all rights reserved|tous droits réservés|droits réservés",
    re.IGNORECASE)
_YEARS_RE = re.compile(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?")
_TRIM = " \t-ـ–—:|©.,،()[]«»\"'"
_SENT_SPLIT_RE = re.compile(r"(?<=[.!?؟])\s+")
_CLAUSE_SPLIT_RE = re.compile(r"\s*[،,؛;]\s*")
_CREDIT_SPLIT_RE = re.compile(r"\s*[+/،,&]\s*|\s+و\s+")
_LEAD_CREDIT_RE = re.compile(r"^[^()\n]{0,40}\(([^()]{1,30})\)\s*[-ـ–—:]")
_TAIL_CREDIT_RE = re.compile(r"\(([^()]{1,30})\)\s*[.]?\s*$")


def _trim(text: str) -> str:
    return text.strip(_TRIM).strip()


# ---------------------------------------------------------------------------------------------
# title


_TITLE_WINDOW = 40


@dataclass(slots=True)
class TitleFinding:
    """The title and how it was found (``line``, ``meta`` or ``derived``)."""

    title: str = ""
    how: str = ""
    pos: int | None = None  # position in the non-blank line list


def _content_tokens(key: str) -> set[str]:
    return {t for t in key.split() if len(t) >= 3}


def _containment(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 0.0


def find_title(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region | None,
               meta_title: str | None = None) -> TitleFinding:
    """Pick the title among the lines before the article (or take the metadata's title).

    A title candidate is a heading-shaped line before the article that is not boilerplate; it
    scores for being repeated in the page header (sites print it twice), for sharing words with
    the first paragraphs, and for coming first (a subtitle comes after the title). With a
    metadata title, the page line that matches it (if any) is still located so it is not
    mistaken for anything else.
    """
    if region is None:
        return TitleFinding(clean_line(meta_title), "meta") if meta_title else TitleFinding()
    limit = region.start
    low = max(0, limit - _TITLE_WINDOW)  # the title sits near the article it heads
    body_words: set[str] = set()
    for p in range(region.start, min(region.end + 1, region.start + 3)):
        body_words |= content_words(lines[nb[p]].key)
    cands: list[tuple[float, int]] = []
    header_keys = {p: _content_tokens(lines[nb[p]].key) for p in range(low, limit)}
    for p in range(low, limit):
        lf = lines[nb[p]]
        if not _title_candidate(lf):
            continue
        toks = header_keys[p]
        if not toks:
            continue
        score = 1.0
        if lf.dup >= 2 or any(q != p and _containment(header_keys[q], toks) >= 0.8
                              and len(header_keys[q]) >= 2 for q in header_keys):
            score += 1.5
        shared = _containment(content_words(lf.key), body_words)
        score += 2.0 * shared
        if not cands and lf.words >= 4:  # the first heading after the menus is the title
            score += 1.0 if shared > 0 or lf.dup >= 2 else 0.3
        if lf.words < 4:
            score -= 1.5
        elif lf.words > 25:
            score -= 0.5
        cands.append((score, p))
    best = max(cands, key=lambda c: (c[0], -c[1])) if cands else None
    if meta_title:
        pos = None
        mt = _content_tokens(match_key(meta_title))
        for _, p in cands:
            if _containment(mt, header_keys[p]) >= 0.8 and _containment(header_keys[p], mt) >= 0.8:
                pos = p
                break
        return TitleFinding(clean_line(meta_title), "meta", pos)
    if best is not None and best[0] >= 1.2:
        return TitleFinding(lines[nb[best[1]]].text, "line", best[1])
    return TitleFinding(derive_title(lines[nb[region.start]].text), "derived", None)


_TITLE_SEP_RE = re.compile(r"\s+[-|–—:]\s+|\s*[|｜]\s*")


def strip_outlet(title: str, outlet: str | None) -> str:
    """Drop the outlet's name from a title written "headline - outlet" or "outlet | headline"."""
    if not outlet or not title:
        return title
    own = match_key(outlet)
    parts = _TITLE_SEP_RE.split(title)
    if len(parts) < 2 or not own:
        return title
    if match_key(parts[-1]) == own or match_key(parts[-1]).endswith(" " + own):
        return title[: title.rfind(parts[-1])].rstrip(" -|–—:｜")
    if match_key(parts[0]) == own:
        return title[len(parts[0]):].lstrip(" -|–—:｜")
    return title


def _title_candidate(lf: LineFeatures) -> bool:
    if lf.words < 2 or lf.words > 35 or (lf.words < 3 and len(lf.text) < 12):
        return False
    if lf.text.endswith((":", "：")):
        return False
    if lf.cls in (BAD, HARD) and not set(lf.flags) <= TITLE_OK_FLAGS:
        return False
    return lf.cls != GOOD or not lf.ends_sentence or lf.text.rstrip()[-1] in "?؟!"


def derive_title(first_paragraph: str, max_words: int = 20) -> str:
    """A title made from the article's first sentence, cut at a clause break when it is long.

    Used when the page prints no title of its own; the result is marked ``derived``.
    """
    sentence = _SENT_SPLIT_RE.split(first_paragraph.strip(), maxsplit=1)[0].strip()
    if len(sentence.split()) > 15:
        for m in _CLAUSE_SPLIT_RE.finditer(sentence):
            if len(sentence[: m.start()].split()) >= 6:
                sentence = sentence[: m.start()]
                break
    words = sentence.split()
    if len(words) > max_words:
        return " ".join(words[:max_words]) + " …"
    return sentence.rstrip(".،,؛;:!?؟ ")


# ---------------------------------------------------------------------------------------------
# outlet


@dataclass(slots=True)
class OutletFinding:
    """The outlet, how it was found (``meta``, ``folder``, ``page``) and the evidence."""

    name: str | None = None
    how: str | None = None
    evidence: str = ""
    lines: frozenset[int] = field(default_factory=frozenset)  # line numbers naming the outlet


def outlet_from_meta(meta: Mapping[str, Any] | None) -> OutletFinding:
    """The outlet named by the source's metadata, or by the folder the dump was found in."""
    if not meta:
        return OutletFinding()
    name = meta.get("outlet")
    if isinstance(name, str) and name.strip():
        return OutletFinding(name.strip(), "meta", "metadata field 'outlet'")
    for key in ("path", "source", "file"):
        value = meta.get(key)
        if isinstance(value, str) and value and "://" not in value:
            folder = outlet_from_folder(value)
            if folder:
                return OutletFinding(folder, "folder", f"folder of {value}")
    return OutletFinding()


def outlet_from_folder(path: str) -> str | None:
    """The folder a dump sits in, when that folder is named after an outlet.

    Generic folder names (``pages``, ``seeds``, ``2019-01-31`` ...) name no outlet.
    """
    parent = PurePath(path.split("#", 1)[0]).parent.name
    if not parent:
        return None
    key = match_key(parent)
    if not key or key in names_data()["generic_folders"]:
        return None
    if re.fullmatch(r"[\d\s_-]+", parent):
        return None
    return parent.replace("_", " ").strip()


def find_outlet_in_page(lines: Sequence[LineFeatures], nb: Sequence[int]) -> OutletFinding:
    """The outlet as the page names itself: a "صحيفة X" line, "X -" self-references, the
    outlet's name as the header line, or the copyright holder (in that order of trust)."""
    if not nb:
        return OutletFinding()
    names = names_data()
    # 1. "صحيفة الوطن" on its own line at the top or the bottom
    for i in nb[-8:][::-1] + nb[:6]:
        lf = lines[i]
        toks = lf.key.split()
        if 2 <= len(toks) <= 5 and toks[0] in names["outlet_type_words"] and not lf.ends_sentence:
            name = _trim(lf.text.split(None, 1)[1])
            if name:
                return OutletFinding(name, "page", f"line {lf.lineno}: {lf.text}",
                                     frozenset({lf.lineno}))
    # 2. the outlet names itself again and again: "X -", "X - headline", "City ـ X"
    found = _self_references(lines, nb, names["agencies"])
    if found.name:
        return found
    # 3. the first line is the outlet's name ("... نيوز"), or the header line recurs in the footer
    first = lines[nb[0]]
    if (1 <= first.words <= 4 and not first.ends_sentence
            and phrase_matcher().match(first.key, first.words, False) is None):
        toks = first.key.split()
        pairs = {" ".join(toks[k:k + 2]) for k in range(len(toks) - 1)}
        mirrored = any(lines[i].key == first.key or f" {first.key} " in f" {lines[i].key} "
                       for i in nb[-8:] if i != nb[0])
        strong = any(t in names["outlet_cue_words:strong"] for t in [*toks, *pairs])
        # a weak cue ("اليوم", "الشرق") also makes up headlines: only a two-word line counts
        weak = first.words <= 2 and any(t in names["outlet_cue_words:weak"] for t in toks)
        if mirrored or strong or weak:
            same = frozenset(lines[i].lineno for i in nb if lines[i].key == first.key)
            return OutletFinding(_trim(first.text), "page", f"line {first.lineno}: {first.text}",
                                 same)
    # 4. the copyright holder
    for i in nb[-8:][::-1]:
        owner = copyright_owner(lines[i].text) if lines[i].words <= 20 else None
        if owner:
            return OutletFinding(owner, "page", f"copyright line {lines[i].lineno}: "
                                 f"{lines[i].text}")
    return OutletFinding()


def copyright_owner(text: str) -> str | None:
    """The holder named on a copyright line ("© 2023 صدى الشرق" → "صدى الشرق"), if any."""
    if not _COPYRIGHT_RE.search(text):
        return None
    rest = _YEARS_RE.sub(" ", _COPYRIGHT_RE.sub(" | ", text))
    parts = [_trim(p) for p in rest.split("|")]
    parts = [p for p in parts if p and match_key(p)]
    if not parts:
        return None
    owner = max(parts, key=len)
    owner = re.sub(r"^(?:لـ\s*|ل\s+|لصالح\s+|to\s+|à\s+)", "", owner).strip()
    first = owner.split()[0] if owner else ""
    if first.startswith("ل") and match_key(first[1:]) in names_data()["owner_prefix_words"]:
        owner = owner[1:]  # "لوكالة الأفق" → "وكالة الأفق"
    owner = re.sub(r"^(?:by|par)\s+", "", owner, flags=re.IGNORECASE).strip()
    if not owner or len(owner.split()) > 6:
        return None
    return " ".join(owner.split())


def _self_references(lines: Sequence[LineFeatures], nb: Sequence[int],
                     agencies: frozenset[str]) -> OutletFinding:
    weight: dict[str, float] = {}
    raw: dict[str, str] = {}
    where: dict[str, set[int]] = {}

    def add(text: str, w: float, lineno: int) -> None:
        name = _trim(text)
        key = match_key(name)
        if not key or key in agencies or len(key.split()) > 4 or key.replace(" ", "").isdigit():
            return
        if is_date_line(name):
            return
        weight[key] = weight.get(key, 0.0) + w
        raw.setdefault(key, name)
        where.setdefault(key, set()).add(lineno)

    for i in nb:
        lf = lines[i]
        if lf.words > 14 or lf.prose or not _ANY_SEP_RE.search(lf.text):
            continue
        m = _SELF_STANDALONE_RE.match(lf.text)
        if m and len(m.group(1).split()) <= 4:
            add(m.group(1), 2.0, lf.lineno)
            continue
        parts = [p for p in _DASH_RE.split(lf.text) if p.strip()]
        if len(parts) == 2:
            left, right = parts[0].split(), parts[1].split()
            if len(left) <= 3 and len(right) <= 4:
                add(parts[1], 1.0, lf.lineno)  # dateline "City ـ Outlet"
            elif len(left) <= 4 and len(right) >= 4:
                add(parts[0], 1.0, lf.lineno)  # "Outlet - headline"
    if not weight:
        return OutletFinding()
    key = max(weight, key=lambda k: (weight[k], -min(where[k])))
    if weight[key] < 3 or len(where[key]) < 2:
        return OutletFinding()
    linenos = sorted(where[key])
    return OutletFinding(raw[key], "page",
                         f"the page names itself on lines {', '.join(map(str, linenos[:6]))}",
                         frozenset(linenos))


# ---------------------------------------------------------------------------------------------
# credits and author


def find_credits(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region | None,
                 outlet: str | None = None) -> list[str]:
    """Sources the page credits: "المصدر: X", "| وكالات", an agency line, "(أ ف ب)" at the
    start or end of the article, an agency in a dateline. The outlet itself is no credit."""
    names = names_data()
    out: list[str] = []
    own = match_key(outlet).replace(" ", "") if outlet else ""

    def add(name: str) -> None:
        name = " ".join(_trim(name).split())
        key = match_key(name).replace(" ", "")
        if not key or (own and (key == own or key.endswith(own) or own.endswith(key))):
            return
        if name not in out:
            out.append(name)

    for i in nb:
        lf = lines[i]
        if lf.reason == R_CREDIT:  # a photo credit ("صدر الصورة، رويترز") credits no text
            text = lf.text.lstrip("|｜ ").strip()
            parts = [p for p in _DASH_RE.split(text) if p.strip()]
            if len(parts) == 2 and len(parts[0].split()) <= 3:
                text = parts[1]  # "| دمشق - وكالات": a dateline, the credit is after the dash
            toks = match_key(text).split()
            for width in (2, 1):
                if " ".join(toks[:width]) in names["credit_prefixes"] and len(toks) > width:
                    text = _strip_words(text, width)
                    break
            for part in _CREDIT_SPLIT_RE.split(text):
                add(part)
        elif "dateline" in lf.flags:
            right = _DASH_RE.split(lf.text)[-1]
            if match_key(right) in names["agencies"]:
                add(right)
    if region is not None:
        first = lines[nb[region.start]].text
        last = lines[nb[region.end]].text
        m = _LEAD_CREDIT_RE.match(first)
        if m and match_key(m.group(1)) in names["agencies"]:
            add(m.group(1))
        m = _TAIL_CREDIT_RE.search(last)
        if m and match_key(m.group(1)) in names["agencies"]:
            add(m.group(1))
    return out


def _strip_words(text: str, n: int) -> str:
    """Drop the first ``n`` words (and a colon after them) from ``text``."""
    rest = text.split(None, n)
    return rest[n] if len(rest) > n else ""


def find_author(lines: Sequence[LineFeatures], nb: Sequence[int]) -> str | None:
    """The author named on a byline ("بقلم: X", "كتب X", "By X")."""
    for i in nb:
        lf = lines[i]
        if "byline" in lf.flags:
            width = byline_prefix_width(lf)
            name = _trim(_strip_words(lf.text.lstrip("|｜ "), width)) if width else ""
            if name:
                return name
    return None


# ---------------------------------------------------------------------------------------------
# publication date


@dataclass(slots=True)
class DateFinding:
    """The publication date (ISO), how it was found and the line that says so."""

    date: str | None = None
    how: str | None = None
    evidence: str = ""


_PUBLISHED_WORDS = ("نشر", "تاريخ", "published", "posted", "publie", "publié")


def find_published(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region | None,
                   meta: Mapping[str, Any] | None = None) -> DateFinding:
    """The page's own publication date: from metadata, else from the page where it states it.

    The page is read only outside the article and outside headline lists and other articles:
    a "نشر في" / "آخر تحديث" line (the date on the same line or on the next line when that line
    is only a date), else a date line in the header. A publication statement wins over an
    update statement.
    """
    if meta:
        value = meta.get("published")
        if isinstance(value, str) and value.strip():
            iso = parse_date(value) or value.strip()
            return DateFinding(iso, "meta", "metadata field 'published'")
    if not nb:
        return DateFinding()
    start = region.start if region is not None else len(nb)
    end = region.end if region is not None else len(nb) - 1
    positions = list(range(start)) + list(range(end + 1, min(len(nb), end + 4)))
    updated: DateFinding | None = None
    header_date: DateFinding | None = None
    for p in positions:
        lf = lines[nb[p]]
        if {"headline_list", "header_block"} & set(lf.flags) and lf.pattern != "published":
            continue
        if lf.pattern == "published":
            iso = parse_date(lf.text)
            evidence = f"line {lf.lineno}: {lf.text}"
            if iso is None and p + 1 < len(nb):
                nxt = lines[nb[p + 1]]
                if nxt.words <= 12 and is_date_line(nxt.text):
                    iso = parse_date(nxt.text)
                    evidence += f" / line {nxt.lineno}: {nxt.text}"
            if iso is None:
                continue
            finding = DateFinding(iso, "page", evidence)
            if any(w in lf.key for w in _PUBLISHED_WORDS):
                return finding
            updated = updated or finding
        elif p < start and "timestamp" in lf.flags and header_date is None:
            iso = parse_date(lf.text)
            if iso:
                header_date = DateFinding(iso, "page", f"line {lf.lineno}: {lf.text}")
    found = header_date or updated
    if found is None and region is not None:
        found = _dateline_date(lines, nb, region)
    return found or DateFinding()


_DATELINE_DASH_RE = re.compile(r"\s[-ـ–—]\s")
_DATELINE_HEAD_RE = re.compile(r"^(.{3,60}?)(?:\(|\s[-ـ–—]\s|:)")


def _dateline_date(lines: Sequence[LineFeatures], nb: Sequence[int],
                   region: Region) -> DateFinding | None:
    """A wire dateline opening the article ("عمّان 4 شباط/فبراير (أفق) - ...").

    With a year in the dateline the date is the page's ("page"); without one, the year is taken
    from the page's copyright line and the date is marked ``inferred``.
    """
    first = lines[nb[region.start]]
    m = _DATELINE_DASH_RE.search(first.text[:120])
    if m is None:
        m = _DATELINE_HEAD_RE.match(first.text)
        if m is None:
            return None
        head = m.group(1)
    else:
        head = first.text[: m.start()]
    head = re.sub(r"\([^()]*\)", " ", head)  # "(لبنان)", "(أفق)"
    if len(head.split()) > 8:
        return None
    iso = parse_date(head)
    if iso:
        return DateFinding(iso, "page", f"dateline of line {first.lineno}: {head.strip()}")
    day_month = parse_day_month(head)
    if day_month is None:
        return None
    for i in nb[::-1][:8]:
        lf = lines[i]
        if lf.pattern == "copyright" or lf.copyright:
            years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", lf.text)]
            if years:
                year = max(years)
                try:
                    iso = _dt.date(year, day_month[1], day_month[0]).isoformat()
                except ValueError:
                    return None
                return DateFinding(iso, "inferred", f"dateline of line {first.lineno}: "
                                   f"{head.strip()}; year {year} from line {lf.lineno}")
    return None


def credits_in_text(body: str, outlet: str | None = None) -> list[str]:
    """Credits in an already clean article body (an HTML page's text): "(أ ف ب)" leading the
    first paragraph or closing the last, and a closing "المصدر: X" / "وكالات" line.

    A cheap cousin of :func:`find_credits` for bodies that have no page lines around them.
    """
    names = names_data()
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if not lines:
        return []
    own = match_key(outlet).replace(" ", "") if outlet else ""
    found: list[str] = []

    def add(name: str) -> None:
        name = " ".join(_trim(name).split())
        key = match_key(name).replace(" ", "")
        if key and key != own and name not in found:
            found.append(name)

    m = _LEAD_CREDIT_RE.match(lines[0])
    if m and match_key(m.group(1)) in names["agencies"]:
        add(m.group(1))
    m = _TAIL_CREDIT_RE.search(lines[-1])
    if m and match_key(m.group(1)) in names["agencies"]:
        add(m.group(1))
    for line in lines[-2:]:
        if len(line.split()) > 8:
            continue
        toks = match_key(line.lstrip("|｜ ")).split()
        for width in (2, 1):
            if " ".join(toks[:width]) in names["credit_prefixes"] and len(toks) > width:
                for part in _CREDIT_SPLIT_RE.split(_strip_words(line.lstrip("|｜ "), width)):
                    add(part)
                break
        else:
            if match_key(line) in names["agencies"]:
                add(line)
    return found
