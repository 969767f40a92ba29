"""The plain-text page-dump extractor: marsad's own boilerplate filter.

Crawlers often hand over a page as a plain-text dump of everything on it: menus, the title
twice, photo captions twice, the article, a "related articles" box with a whole other article
after it, a comment form, a list of unrelated headlines with time stamps, footers in Latin
script. Nothing on PyPI cleans such dumps (trafilatura needs markup), so marsad keeps exactly
the article by looking at *line features* rather than at any site's strings:

* each line's own shape (:mod:`marsad.extract.textdump_lines`): length, sentence punctuation,
  Arabic/Latin/digit shares, time stamps, caption and form-field shapes, known boilerplate
  phrases kept as data in ``marsad/data/boilerplate_*.json``;
* its page context (:mod:`marsad.extract.textdump_blocks`): repetition within the page and,
  with an :class:`OutletProfile`, across pages of the same outlet; multi-line structures
  (comment forms, headline lists, article headers);
* the article (:mod:`marsad.extract.textdump_region`) as the densest contiguous run of prose,
  never crossing a hard boundary, preferring what precedes "related articles", and joined
  across "read also" lists when its parts share their vocabulary;
* what the page says about itself (:mod:`marsad.extract.textdump_meta`): title, outlet,
  publication date, credited sources, author.

Every dropped line keeps a reason a person understands, grouped into
:class:`~marsad.model.Block` runs, so ``marsad show ID`` can explain what was removed.

Example::

    result = extract_textdump(Path("page.txt").read_text(encoding="utf-8"))
    print(result.title, result.body_lines[:3])
    print(result.explain())  # what was kept, what was removed and why
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.textdump_blocks import (
    R_AFTER,
    R_DUP,
    R_HEADER,
    R_HEADLINES,
    R_TITLE_DUP,
    Region,
    classify_lines,
    mark_clusters,
)
from marsad.extract.textdump_eval import line_f1
from marsad.extract.textdump_lines import (
    GOOD,
    NEAR,
    SHORT,
    LineFeatures,
    line_features,
    match_key,
    names_data,
)
from marsad.extract.textdump_meta import (
    OutletFinding,
    find_author,
    find_credits,
    find_outlet_in_page,
    find_published,
    find_title,
    outlet_from_meta,
    strip_outlet,
)
from marsad.extract.textdump_profile import OutletProfile
from marsad.extract.textdump_region import assign_reasons, best_region, keep_crossheads
from marsad.model import Block

__all__ = ["DumpResult", "OutletProfile", "extract_textdump", "line_f1", "split_lines"]

_NEWLINE_RE = re.compile(r"\r\n|\r|\n")

# reasons that say little about a line: that it repeats the title is more telling
_WEAK_REASONS = frozenset({"", R_DUP, R_HEADER, R_AFTER, R_HEADLINES})


@dataclass(slots=True)
class DumpResult:
    """What the filter found in one page dump.

    Attributes:
        title: The article's title ("" when the page has neither a title nor an article).
        title_how: ``line`` (a line of the page), ``meta`` (given by the source), ``derived``
            (made from the first sentence because the page prints no title), or "".
        title_line: 1-based line number of the title in the dump, when it is a line of it.
        body: The kept lines, each stripped, joined with "\\n".
        body_lines: 1-based line numbers of the kept lines (title excluded).
        removed: Contiguous runs of dropped lines, each with the reason it was dropped.
        outlet: The outlet's name, or ``None``.
        outlet_how: ``meta``, ``folder`` or ``page`` (``None`` when unknown).
        outlet_evidence: Where the outlet was read (a line of the page, the folder ...).
        published: The page's publication date (ISO ``YYYY-MM-DD``), or ``None``.
        published_how: ``meta``, ``page``, or ``inferred`` (a wire dateline's day and month
            with the year of the page's copyright line); ``None`` when unknown.
        published_evidence: The line(s) the date was read from.
        credits: Sources the page credits (agencies, the outlet it reprints), in page order.
        author: The author named on a byline, or ``None``.
        features: Per-line features and decisions (for debugging and ``marsad show``).
    """

    title: str = ""
    title_how: str = ""
    title_line: int | None = None
    body: str = ""
    body_lines: list[int] = field(default_factory=list)
    removed: list[Block] = field(default_factory=list)
    outlet: str | None = None
    outlet_how: str | None = None
    outlet_evidence: str = ""
    published: str | None = None
    published_how: str | None = None
    published_evidence: str = ""
    credits: list[str] = field(default_factory=list)
    author: str | None = None
    features: list[LineFeatures] = field(default_factory=list)

    def to_dict(self, with_features: bool = False) -> dict[str, Any]:
        """Return a JSON-ready dict (features only when asked: they are bulky)."""
        d = {
            "title": self.title, "title_how": self.title_how, "title_line": self.title_line,
            "body": self.body, "body_lines": list(self.body_lines),
            "removed": [b.to_dict() for b in self.removed],
            "outlet": self.outlet, "outlet_how": self.outlet_how,
            "outlet_evidence": self.outlet_evidence,
            "published": self.published, "published_how": self.published_how,
            "published_evidence": self.published_evidence,
            "credits": list(self.credits), "author": self.author,
        }
        if with_features:
            d["features"] = [lf.to_dict() for lf in self.features if not lf.blank]
        return d

    def article_fields(self) -> dict[str, Any]:
        """The :class:`~marsad.model.Article` fields this result fills in (for ``replace``).

        ``text`` is the body; ``published_how`` is ``meta``, ``page`` or ``inferred``.
        """
        return {"text": self.body, "title": self.title, "outlet": self.outlet,
                "published": self.published, "published_how": self.published_how,
                "author": self.author, "credits": list(self.credits),
                "removed": list(self.removed)}

    def explain(self) -> str:
        """A readable account of what was kept and removed, line numbers included."""
        out = [f"title ({self.title_how or 'none'}): {self.title}"]
        if self.outlet:
            out.append(f"outlet ({self.outlet_how}): {self.outlet} — {self.outlet_evidence}")
        if self.published:
            out.append(f"published ({self.published_how}): {self.published} — "
                       f"{self.published_evidence}")
        if self.credits:
            out.append("credits: " + ", ".join(self.credits))
        if self.body_lines:
            out.append(f"body: lines {self.body_lines[0]}-{self.body_lines[-1]} "
                       f"({len(self.body_lines)} lines kept)")
        for b in self.removed:
            first = b.text.split("\n", 1)[0]
            out.append(f"removed {b.first_line}-{b.last_line}: {b.reason} — {first[:70]}")
        return "\n".join(out)


def split_lines(text: str) -> list[str]:
    """Split a dump into raw lines the way line numbers are counted (\\n, \\r\\n or \\r)."""
    return _NEWLINE_RE.split(text) if text else []


def extract_textdump(text: str, *, meta: Mapping[str, Any] | None = None,
                     profile: OutletProfile | None = None) -> DumpResult:
    """Keep exactly the article of a plain-text page dump, and say why everything else went.

    Args:
        text: The decoded page dump.
        meta: What the source knows about the page: ``outlet``, ``published``, ``title`` win
            over what the page says; ``path``/``source`` (a file path) lets the outlet be read
            from the dump's folder when that folder is named after an outlet.
        profile: A fitted :class:`OutletProfile` of the page's outlet: lines its template
            repeats across pages are dropped as "repeated across pages of this outlet". An
            unfitted profile, or one fitted on fewer than two pages, is not used.

    Returns:
        A :class:`DumpResult`. A page with no article-like text gives an empty body (every
        line removed with the reason), never an exception.
    """
    lines = [line_features(i, raw) for i, raw in enumerate(split_lines(text or ""), start=1)]
    nb = [i for i, lf in enumerate(lines) if not lf.blank]
    result = DumpResult(features=lines)
    if not nb:
        return _with_meta_only(result, meta)
    n_ar = sum(lf.arabic * lf.words for lf in lines)
    n_lat = sum(lf.latin * lf.words for lf in lines)
    arabic_page = n_ar > 0 and n_ar >= 0.3 * (n_ar + n_lat)

    outlet = outlet_from_meta(meta)
    in_page = find_outlet_in_page(lines, nb)
    outlet_lines = set(in_page.lines)
    if not outlet.name:
        outlet = in_page
    if outlet.name:
        outlet_lines |= _lines_naming(lines, nb, outlet.name)

    classify_lines(lines, arabic_page=arabic_page, profile=profile,
                   outlet_lines=frozenset(outlet_lines))
    mark_clusters(lines, nb)
    region = best_region(lines, nb)
    if region is not None:
        keep_crossheads(lines, nb, region)
    title = find_title(lines, nb, region, _meta_str(meta, "title"))
    assign_reasons(lines, nb, region, title.pos)
    _mark_title_repeats(lines, nb, title.title, title.pos, region)

    body_pos = _body_positions(lines, nb, region)
    result.body_lines = [lines[nb[p]].lineno for p in body_pos]
    result.body = "\n".join(lines[nb[p]].text for p in body_pos)
    result.removed = _blocks(lines, nb, set(body_pos))
    result.title = strip_outlet(title.title, outlet.name) if title.how == "line" else title.title
    result.title_how = title.how
    result.title_line = lines[nb[title.pos]].lineno if title.pos is not None else None
    _set_outlet(result, outlet)
    date = find_published(lines, nb, region, meta)
    result.published, result.published_how = date.date, date.how
    result.published_evidence = date.evidence
    result.credits = find_credits(lines, nb, region, result.outlet)
    result.author = _meta_str(meta, "author") or find_author(lines, nb)
    return result


def _meta_str(meta: Mapping[str, Any] | None, key: str) -> str | None:
    value = meta.get(key) if meta else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _with_meta_only(result: DumpResult, meta: Mapping[str, Any] | None) -> DumpResult:
    _set_outlet(result, outlet_from_meta(meta))
    title = _meta_str(meta, "title")
    if title:
        result.title, result.title_how = title, "meta"
    date = find_published([], [], None, meta)
    result.published, result.published_how = date.date, date.how
    result.published_evidence = date.evidence
    return result


def _set_outlet(result: DumpResult, outlet: OutletFinding) -> None:
    result.outlet, result.outlet_how, result.outlet_evidence = (
        outlet.name, outlet.how, outlet.evidence)


def _lines_naming(lines: list[LineFeatures], nb: list[int], name: str) -> set[int]:
    """Short lines that are just the outlet's (known) name, possibly after a type word."""
    key = match_key(name)
    out = set()
    if not key:
        return out
    agencies = names_data()["agencies"]
    n_key = len(key.split())
    for i in nb:
        lf = lines[i]
        if lf.words > n_key + 4 or lf.ends_sentence or key not in lf.key:
            continue
        rest = f" {lf.key} ".replace(f" {key} ", " ", 1).split()
        # the name alone, after a type word ("صحيفة X"), or with agencies ("X + وكالات")
        if (len(rest) <= 1 and lf.words <= n_key + 2) or (
                rest and all(t in agencies or t == "و" for t in rest)):
            out.add(lf.lineno)
    return out


def _mark_title_repeats(lines: list[LineFeatures], nb: list[int], title: str,
                        title_pos: int | None, region: Region | None) -> None:
    """Dropped lines that repeat the title (even with changes) say so."""
    toks = {t for t in match_key(title).split() if len(t) >= 3}
    if not toks:
        return
    inside = range(region.start, region.end + 1) if region is not None else range(0)
    for p, i in enumerate(nb):
        lf = lines[i]
        if p == title_pos or p in inside or lf.reason not in _WEAK_REASONS:
            continue
        other = {t for t in lf.key.split() if len(t) >= 3}
        if other and len(toks & other) >= 0.8 * len(toks) and len(toks & other) >= 0.8 * len(other):
            lf.reason = R_TITLE_DUP


def _body_positions(lines: list[LineFeatures], nb: list[int], region: Region | None) -> list[int]:
    if region is None:
        return []
    return [p for p in range(region.start, region.end + 1)
            if lines[nb[p]].cls in (GOOD, NEAR, SHORT) and not lines[nb[p]].reason]


def _blocks(lines: list[LineFeatures], nb: list[int], body: set[int]) -> list[Block]:
    """Group dropped non-blank lines into runs with one reason (blank lines do not split)."""
    blocks: list[Block] = []
    run: list[LineFeatures] = []

    def flush() -> None:
        if run:
            blocks.append(Block(run[0].lineno, run[-1].lineno,
                                "\n".join(lf.text for lf in run), run[0].reason))
            run.clear()

    for p, i in enumerate(nb):
        lf = lines[i]
        if p in body:
            flush()
            continue
        if run and run[-1].reason != lf.reason:
            flush()
        run.append(lf)
    flush()
    return blocks
