"""Line classes in context and boilerplate clusters of a page dump.

The first two steps of the dump filter (the last two are in
:mod:`marsad.extract.textdump_region`; all are linear in the number of lines):

1. :func:`classify_lines` gives each line a class from its own features and the page: ``good``
   (an article-like paragraph), ``near`` (a short sentence), ``short`` (a heading, label or
   crosshead), ``bad`` (boilerplate the article may continue after: a caption, a share button)
   or ``hard`` (a boundary the article never crosses: "related articles", a comment form).
2. :func:`mark_clusters` finds multi-line structures no single line reveals: a comment form,
   a list of headlines with their time stamps, the repeated-title-and-captions header that
   opens an article.
3. then :mod:`marsad.extract.textdump_region` finds the article (the best-scoring run of
   lines, never crossing a hard line; crossheads between paragraphs come along) and
4. says why each line outside it was dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.extract.textdump_dates import is_date_line
from marsad.extract.textdump_lines import (
    BAD,
    GOOD,
    HARD,
    NEAR,
    SHORT,
    LineFeatures,
    breadcrumb_like,
    match_key,
    names_data,
    phrase_matcher,
)
from marsad.extract.textdump_profile import OutletProfile

# Reasons a person reads in `marsad show`.
R_NAV = "navigation/section label"
R_CAPTION = "photo caption"
R_DUP_CAPTION = "duplicated photo caption"
R_RELATED = "related-articles block"
R_UNRELATED = "unrelated article after related-articles block"
R_OTHER_ARTICLE = "another article printed after the main one"
R_FORM = "comment form"
R_COMMENTS = "reader comments"
R_HEADLINES_TS = "headline list with time stamps"
R_HEADLINES = "list of headlines (links to other articles)"
R_FOOTER_LATIN = "footer / Latin-script address"
R_LATIN = "Latin-script fragment (page widget or label)"
R_STAMP = "date / time stamp"
R_DATELINE = "dateline / byline"
R_CREDIT = "source credit line"
R_BYLINE = "byline"
R_OUTLET = "outlet name (header/footer)"
R_DUP = "line repeated elsewhere in the page"
R_PROFILE = "repeated across pages of this outlet"
R_SYMBOLS = "symbols only"
R_TITLE = "title (kept as the article's title)"
R_TITLE_DUP = "repeated title"
R_HEADER = "page header before the article (subtitle, heading or caption)"
R_AFTER = "after the end of the article"
R_NO_ARTICLE = "no article-like text found in the page"

# Flags that do not stop a line from being the page's title.
TITLE_OK_FLAGS = frozenset({"dup", "profile", "profile_weak", "header_block"})

_GOOD_BASE = 10
_GOOD_CAP = 40
SHORT_PENALTY = -4.0
_BAD_PENALTY = 25


@dataclass(frozen=True, slots=True)
class Region:
    """The article's lines as indices into the page's non-blank line list (inclusive)."""

    start: int
    end: int
    score: float
    n_good: int


def _set_bad(lf: LineFeatures, reason: str, flag: str, penalty: float = _BAD_PENALTY,
             hard: bool = False) -> None:
    lf.flags.append(flag)
    if lf.cls in (HARD, BAD) and lf.reason:
        return  # the first (most specific) reason stands
    lf.cls = HARD if hard else BAD
    lf.reason = reason
    lf.score = -penalty


def _caption_shaped(lf: LineFeatures) -> bool:
    """A short noun phrase ending with a parenthesized credit: "الوزير في واشنطن (أ.ف.ب)"."""
    if not lf.paren_tail or lf.words > 40 or len(lf.paren_tail.split()) > 4:
        return False
    if match_key(lf.paren_tail) in names_data()["title_tail_markers"]:
        return False
    head = lf.text[: lf.text.rfind("(" if "(" in lf.text else "[")].rstrip()
    if not head:
        return False  # "(أ ف ب)" alone is a credit line, not a caption
    if "،" in head or head[-1] in ".!?؟:؛":
        return False
    return not any(c in head for c in ".!?؟") or lf.words <= 12


_AGENCY_LIST_SEP_RE = re.compile(r"\s*[/+،,&]\s*|\s+و\s*(?=\S)")


def _credit_line(lf: LineFeatures) -> bool:
    names = names_data()
    key = lf.key
    if lf.words > 8 or (lf.ends_sentence and lf.words > 4):
        return False
    if key in names["agencies"]:
        return True
    if lf.text.startswith(("|", "｜")) and lf.words <= 5:
        return True
    if lf.words <= 6 and _AGENCY_LIST_SEP_RE.search(lf.text):
        # "فرانس24/ أ ف ب", "رويترز + الأناضول": agencies, maybe with the outlet's own name
        parts = [match_key(p) for p in _AGENCY_LIST_SEP_RE.split(lf.text) if match_key(p)]
        known = [p in names["agencies"] for p in parts]
        if len(parts) >= 2 and any(known) and all(k or len(p.split()) <= 2
                                                  for k, p in zip(known, parts, strict=True)):
            return True
    first2 = " ".join(key.split()[:2])
    first1 = key.split()[0] if key else ""
    return (first1 in names["credit_prefixes"] or first2 in names["credit_prefixes"]) and (
        ":" in lf.text or lf.words <= 5)


def byline_prefix_width(lf: LineFeatures) -> int:
    """Number of words of the byline prefix ("بقلم", "written by") a line starts with, or 0.

    Prefixes that also start headings ("تحرير الأسعار") count only before a colon.
    """
    if lf.words > 7 or lf.ends_sentence:
        return 0
    names = names_data()
    toks = lf.key.split()
    if len(toks) < 2:
        return 0
    for width in (2, 1):
        head = " ".join(toks[:width])
        if head in names["byline_prefixes:strong"] and len(toks) > width:
            return width
        if head in names["byline_prefixes:with_colon"] and len(toks) > width and \
                lf.text.split(":", 1)[0].strip() and ":" in lf.text and \
                len(lf.text.split(":", 1)[0].split()) == width:
            return width
    return 0


def _byline(lf: LineFeatures) -> bool:
    return byline_prefix_width(lf) > 0


def classify_lines(lines: Sequence[LineFeatures], *, arabic_page: bool,
                   profile: OutletProfile | None = None,
                   outlet_lines: frozenset[int] = frozenset()) -> None:
    """Give every non-blank line a class, a score and (for boilerplate) a reason, in place.

    Args:
        lines: All lines of the page (blank ones included, left as they are).
        arabic_page: Whether the page is mostly Arabic (then Latin-script lines are suspect).
        profile: The outlet's fitted profile, when one is available.
        outlet_lines: Line numbers found to be the outlet naming itself.
    """
    matcher = phrase_matcher()
    counts = Counter(lf.key for lf in lines if lf.key)
    use_profile = profile is not None and getattr(profile, "n_pages_", 0) >= 2
    for lf in lines:
        if lf.blank:
            continue
        lf.dup = counts[lf.key] if lf.key else 1
        prose = lf.prose
        cat = matcher.match(lf.key, lf.words, prose) if lf.words <= 60 else None
        if cat is None and lf.copyright and lf.words <= 30:
            cat = matcher.categories["copyright"]
        if cat is not None:
            lf.pattern = cat.name
            _set_bad(lf, cat.reason, "pattern:" + cat.name, cat.penalty, cat.hard)
        if prose:
            if not lf.reason:  # prose is never judged by its shape alone
                lf.cls, lf.score = GOOD, _GOOD_BASE + min(lf.words, _GOOD_CAP)
            continue
        _shape_flags(lf, arabic_page, outlet_lines)
        if lf.reason:
            continue
        if lf.dup >= 2:
            _set_bad(lf, R_DUP, "dup", 20)
        elif use_profile and profile is not None and profile.is_template(lf.key):
            _set_bad(lf, R_PROFILE, "profile", 20)
            if not profile.is_template(lf.key, prose=True):
                lf.flags.append("profile_weak")  # see keep_crossheads
        elif _unpunctuated_prose(lf):
            lf.cls, lf.score = GOOD, _GOOD_BASE + min(lf.words, _GOOD_CAP) - 5
        elif lf.ends_sentence and lf.words >= 4 and not _short_question(lf):
            lf.cls, lf.score = NEAR, 2.0 + lf.words * 0.25
        elif lf.text.endswith((":", "：")) and lf.words >= 5:
            lf.cls, lf.score = NEAR, 1.0
        else:
            lf.cls, lf.score = SHORT, SHORT_PENALTY
    if use_profile and profile is not None:
        _profile_prose(lines, profile)


_INNER_STOP_RE = re.compile(r"[^.\d][.!?؟]\s+\S")


def _unpunctuated_prose(lf: LineFeatures) -> bool:
    """A paragraph that lost its final full stop: long with a comma, or several sentences."""
    if lf.arabic + lf.latin == 0:
        return False
    if lf.words >= 20 and ("،" in lf.text or "," in lf.text):
        return True
    return lf.words >= 12 and _INNER_STOP_RE.search(lf.text) is not None


def _short_question(lf: LineFeatures) -> bool:
    """A short line ending with ? or ! is a headline or crosshead more often than a sentence."""
    return lf.words < 10 and lf.text.rstrip(_QUOTES)[-1:] in "?؟!"


def _shape_flags(lf: LineFeatures, arabic_page: bool, outlet_lines: frozenset[int]) -> None:
    """Flag a non-prose line by its shape; the first matching shape gives the reason."""
    if lf.star and lf.words <= 8:
        _set_bad(lf, R_FORM, "form", 30)
    if lf.lineno in outlet_lines:
        _set_bad(lf, R_OUTLET, "outlet", 25)
    if _credit_line(lf):
        _set_bad(lf, R_CREDIT, "credit", 20)
    if _byline(lf):
        _set_bad(lf, R_BYLINE, "byline", 20)
    if lf.words <= 15 and (lf.has_time or ((lf.digits > 0 or lf.words <= 5)
                                           and is_date_line(lf.text))):
        _set_bad(lf, R_STAMP, "timestamp", 18)
    if _caption_shaped(lf):
        _set_bad(lf, R_DUP_CAPTION if lf.dup >= 2 else R_CAPTION, "caption", 12)
    if arabic_page and lf.latin >= 0.6:
        _set_bad(lf, R_LATIN, "latin", 25)
    if breadcrumb_like(lf.text):
        _set_bad(lf, R_NAV, "breadcrumb", 25)
    if (len(lf.dash_parts) == 2 and all(1 <= n <= 3 for n in lf.dash_parts)
            and not lf.ends_sentence):
        _set_bad(lf, R_DATELINE, "dateline", 15)
    if lf.arabic == 0 and lf.latin == 0 and not lf.digits:
        _set_bad(lf, R_SYMBOLS, "symbols", 5)


def _profile_prose(lines: Sequence[LineFeatures], profile: OutletProfile) -> None:
    """Drop prose-shaped lines the outlet prints on most of its pages (disclaimers)."""
    for lf in lines:
        if lf.cls == GOOD and lf.key and profile.is_template(lf.key, prose=True):
            lf.cls, lf.reason, lf.score = BAD, R_PROFILE, -_BAD_PENALTY
            lf.flags.append("profile")


# ---------------------------------------------------------------------------------------------
# clusters


def mark_clusters(lines: Sequence[LineFeatures], nb: Sequence[int]) -> None:
    """Find comment forms, time-stamped headline lists and article headers (in place).

    Args:
        lines: All lines of the page.
        nb: Indices (into ``lines``) of the non-blank lines, in order.
    """
    _mark_adjacent_duplicates(lines, nb)
    _mark_form(lines, nb)
    _mark_headline_list(lines, nb)
    _mark_article_headers(lines, nb)
    _mark_headline_runs(lines, nb)


def _mark_adjacent_duplicates(lines: Sequence[LineFeatures], nb: Sequence[int]) -> None:
    """A short line printed twice in a row is a photo caption (sites repeat it as alt text)."""
    for p in range(len(nb) - 1):
        a, b = lines[nb[p]], lines[nb[p + 1]]
        if a.key and a.key == b.key and a.reason == R_DUP:
            a.reason = b.reason = R_DUP_CAPTION


def _is_form(lf: LineFeatures) -> bool:
    return "form" in lf.flags or lf.pattern in ("form", "comments")


def _mark_form(lines: Sequence[LineFeatures], nb: Sequence[int]) -> None:
    hits = [p for p, i in enumerate(nb) if _is_form(lines[i])]
    for first, last in _groups(hits, max_gap=5, min_size=2):
        for p in range(first, last + 1):
            lf = lines[nb[p]]
            lf.cls, lf.reason, lf.score = HARD, R_FORM, -_BAD_PENALTY
            lf.flags.append("form_block")


def _groups(positions: Sequence[int], max_gap: int, min_size: int) -> list[tuple[int, int]]:
    """Group sorted positions whose neighbours are at most ``max_gap`` apart."""
    out = []
    start = prev = None
    size = 0
    for p in positions:
        if prev is not None and p - prev <= max_gap:
            prev, size = p, size + 1
            continue
        if start is not None and size >= min_size:
            out.append((start, prev))
        start = prev = p
        size = 1
    if start is not None and size >= min_size:
        out.append((start, prev))
    return out


def _mark_headline_list(lines: Sequence[LineFeatures], nb: Sequence[int]) -> None:
    stamps = [p for p, i in enumerate(nb)
              if "timestamp" in lines[i].flags and lines[i].pattern != "published"]
    groups = []
    for first, last in _groups(stamps, max_gap=4, min_size=2):
        # only a list when stamps alternate with headlines, never with paragraphs
        span = range(first, last + 1)
        if any(lines[nb[p]].cls == GOOD for p in span):
            continue
        n_stamps = sum(1 for p in span if "timestamp" in lines[nb[p]].flags)
        if len(span) - n_stamps < n_stamps - 1:
            continue
        groups.append((first, last))
    for first, last in groups:
        lo = first
        while lo > 0 and first - lo < 2 and lines[nb[lo - 1]].cls in (SHORT, NEAR, BAD) \
                and not lines[nb[lo - 1]].flags.count("form_block"):
            lo -= 1
        hi = last
        while hi + 1 < len(nb) and hi - last < 2 and lines[nb[hi + 1]].cls in (SHORT, NEAR) \
                and "timestamp" not in lines[nb[hi + 1]].flags:
            hi += 1
        for p in range(lo, hi + 1):
            lf = lines[nb[p]]
            if lf.cls == HARD:
                continue
            lf.cls, lf.reason, lf.score = HARD, R_HEADLINES_TS, -_BAD_PENALTY
            lf.flags.append("headline_list")


def _title_like(lf: LineFeatures) -> bool:
    return 2 <= lf.words <= 30 and not lf.ends_sentence and lf.cls != GOOD


def _mark_article_headers(lines: Sequence[LineFeatures], nb: Sequence[int]) -> None:
    """An article opens with its title printed twice around its photo captions: a boundary."""
    n = len(nb)
    p = 0
    while p < n:
        lf = lines[nb[p]]
        if lf.dup < 2 or not _title_like(lf) or "caption" in lf.flags:
            p += 1
            continue
        end = None
        for q in range(p + 1, min(n, p + 9)):
            other = lines[nb[q]]
            if other.cls == GOOD:
                break
            if other.key == lf.key:
                end = q if q > p + 1 else None  # printed twice in a row: a caption pair
                break
        if end is None:
            p += 1
            continue
        while end + 1 < n and lines[nb[end + 1]].cls in (BAD, HARD) and (
                "caption" in lines[nb[end + 1]].flags or "dup" in lines[nb[end + 1]].flags):
            end += 1
        for q in range(p, end + 1):
            h = lines[nb[q]]
            h.flags.append("header_block")
            if h.cls != HARD:
                h.cls = HARD
                if h.key == lf.key and h.reason in ("", R_DUP):
                    h.reason = R_TITLE_DUP
        p = end + 1


def _headline_item(lf: LineFeatures) -> bool:
    if lf.cls == NEAR:  # a headline may ask a question
        return 3 <= lf.words <= 15 and lf.text.rstrip(_QUOTES)[-1:] in "?؟!"
    return lf.cls == SHORT and 3 <= lf.words <= 25


_QUOTES = "\"'»”’) "


def _mark_headline_runs(lines: Sequence[LineFeatures], nb: Sequence[int]) -> None:
    """After article text, a run of headline-like lines is a list of links to other articles.

    Three in a row make a list, or two right after a "read also"/"related" label; a run after
    a lead-in ending with ":" is the article's own list and stays.
    """
    n = len(nb)
    seen_good = False
    p = 0
    while p < n:
        lf = lines[nb[p]]
        if lf.cls == GOOD:
            seen_good = True
        if not seen_good or not _headline_item(lf):
            p += 1
            continue
        q = p
        while q + 1 < n and _headline_item(lines[nb[q + 1]]):
            q += 1
        prev = lines[nb[p - 1]] if p > 0 else None
        labelled = prev is not None and prev.pattern in ("read_also", "related") \
            and prev.words <= 4
        lead_in = prev is not None and prev.text.endswith((":", "："))
        if (q - p + 1 >= 3 and not (lead_in and not labelled)) or (labelled and q > p):
            # a "read also" list may sit inside the article: a soft break that the article
            # can continue after (see merge_across_lists); a "related" label ends the article
            soft = not labelled or (prev is not None and prev.pattern == "read_also")
            if labelled and prev is not None:
                prev.cls = HARD
                prev.flags.append("list_header")
                if soft:
                    prev.flags.append("soft_break")
            for k in range(p, q + 1):
                item = lines[nb[k]]
                item.cls, item.reason, item.score = HARD, R_HEADLINES, -_BAD_PENALTY
                item.flags.append("headline_run")
                if soft:
                    item.flags.append("soft_break")
        p = q + 1
