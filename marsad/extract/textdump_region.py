"""The article region of a page dump, and the reason for every line left out of it.

:func:`best_region` finds the article: the contiguous run of lines with the highest score (good
paragraphs add, boilerplate subtracts: Kadane's maximum-subarray algorithm over the line
scores of :mod:`marsad.extract.textdump_blocks`), never crossing a hard line, preferring what
comes before a "related articles"/comments marker, and joining parts split by a "read also"
list when they share their vocabulary. :func:`assign_reasons` then explains every dropped
line, including the related-articles block and any whole other article printed after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.textdump_blocks import (
    R_AFTER,
    R_COMMENTS,
    R_DUP,
    R_FOOTER_LATIN,
    R_FORM,
    R_HEADER,
    R_HEADLINES,
    R_HEADLINES_TS,
    R_LATIN,
    R_NAV,
    R_NO_ARTICLE,
    R_OTHER_ARTICLE,
    R_PROFILE,
    R_RELATED,
    R_TITLE,
    R_TITLE_DUP,
    R_UNRELATED,
    SHORT_PENALTY,
    TITLE_OK_FLAGS,
    Region,
)
from marsad.extract.textdump_lines import (
    GOOD,
    HARD,
    NEAR,
    SHORT,
    LineFeatures,
    content_words,
    phrase_matcher,
)


def _kadane(scores: Sequence[float], lo: int, hi: int) -> tuple[float, int, int]:
    """Maximum-sum run of scores[lo:hi] → (sum, first, last); (0, -1, -1) when none positive."""
    best, best_s, best_e = 0.0, -1, -1
    cur, cur_s = 0.0, lo
    for k in range(lo, hi):
        if cur <= 0:
            cur, cur_s = scores[k], k
        else:
            cur += scores[k]
        if cur > best:
            best, best_s, best_e = cur, cur_s, k
    return best, best_s, best_e


def candidate_regions(lines: Sequence[LineFeatures], nb: Sequence[int],
                      lo: int = 0, hi: int | None = None) -> list[Region]:
    """Best-scoring run of each stretch between hard lines, in page order."""
    hi = len(nb) if hi is None else hi
    scores = [lines[i].score for i in nb]
    out = []
    seg = lo
    for p in range(lo, hi + 1):
        if p == hi or lines[nb[p]].cls == HARD:
            if p > seg:
                total, s, e = _kadane(scores, seg, p)
                if s >= 0:
                    classes = [lines[nb[q]].cls for q in range(s, e + 1)]
                    n_good = classes.count(GOOD)
                    # an article of short sentences has no long paragraph: three will do
                    if n_good or classes.count(NEAR) >= 3:
                        out.append(Region(s, e, total, n_good))
            seg = p + 1
    return out


def _end_marker(lf: LineFeatures) -> bool:
    if lf.cls != HARD:
        return False
    if "list_header" in lf.flags or "headline_run" in lf.flags:
        return True
    if lf.pattern:
        return phrase_matcher().categories[lf.pattern].end_marker
    return "form_block" in lf.flags


def best_region(lines: Sequence[LineFeatures], nb: Sequence[int]) -> Region | None:
    """The article: the best region, preferring one before a related/comments marker.

    Pages print their own article before "related articles" or the comments; what follows
    such a marker (teasers, another whole article, readers' comments) can be longer than the
    article itself. So an article-like region before the first marker wins unless it is a
    lone short paragraph next to a much stronger region after the marker (then the one after
    wins only at half its score).
    """
    regions = candidate_regions(lines, nb)
    if not regions:
        return None
    marker = None
    for p in range(regions[0].end + 1, len(nb)):
        if _end_marker(lines[nb[p]]):
            marker = p
            break
    before = [r for r in regions if marker is None or r.end < marker]
    after = [r for r in regions if marker is not None and r.start > marker]
    pre = max(before, key=lambda r: r.score) if before else None
    post = max(after, key=lambda r: r.score) if after else None
    if pre is None:
        best = post
    elif post is None or pre.n_good >= 2 or pre.score >= 0.3 * post.score:
        best = pre
    elif pre.score >= 0.5 * post.score or _title_prefers(lines, nb, pre, post):
        best = pre
    else:
        best = post
    assert best is not None
    return merge_across_lists(lines, nb, best, regions)


def _title_prefers(lines: Sequence[LineFeatures], nb: Sequence[int], pre: Region,
                   post: Region) -> bool:
    """True when the headline at the top of the page is about ``pre`` and not about ``post``."""
    top = None
    for p in range(min(len(nb), 12, pre.start)):
        lf = lines[nb[p]]
        if lf.words >= 4 and not lf.ends_sentence and (
                lf.cls == SHORT or set(lf.flags) <= TITLE_OK_FLAGS):
            top = content_words(lf.key)
            break
    if not top:
        return False
    near = cohesion(top, _content_words(lines, nb, pre, 2))
    far = cohesion(top, _content_words(lines, nb, post, 2))
    return near >= 0.25 and near > far


# Share of content words two parts of one article have in common (measured: halves of one
# article share 0.15-0.3 of their words, unrelated articles about 0.05).
_COHESION_MIN = 0.1


def _content_words(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region,
                   limit: int = 10_000) -> set[str]:
    """Topic words of the good paragraphs of a region (the first ``limit`` of them)."""
    words: set[str] = set()
    seen = 0
    for p in range(region.start, region.end + 1):
        lf = lines[nb[p]]
        if lf.cls == GOOD:
            words |= content_words(lf.key)
            seen += 1
            if seen >= limit:
                break
    return words


def cohesion(a: set[str], b: set[str]) -> float:
    """Share of the smaller word set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _gap_cohesion(lines: Sequence[LineFeatures], nb: Sequence[int], lo: int,
                  hi: int) -> float | None:
    """How cohesive two parts split by positions lo..hi-1 must be to be one article.

    Only a "read also" list (a soft break) may split an article; any other boundary (a
    "related" label, comments, forms, time-stamped lists, article headers) is never crossed:
    what follows a "related" label can be a whole article on the same story, as cohesive as a
    continuation would be.
    """
    soft = False
    for p in range(lo, hi):
        lf = lines[nb[p]]
        if "header_block" in lf.flags or "timestamp" in lf.flags or "form_block" in lf.flags:
            return None
        if lf.cls == HARD:
            if "soft_break" not in lf.flags:
                return None
            soft = True
    return _COHESION_MIN if soft else None


def merge_across_lists(lines: Sequence[LineFeatures], nb: Sequence[int], best: Region,
                       regions: Sequence[Region]) -> Region:
    """Join the article's parts split by a list of links when they are about the same thing.

    Sites put lists of links in the middle of articles; the text after such a list continues
    the article when it shares its vocabulary (names, topic words), and is another article
    when it does not.
    """
    k = regions.index(best)
    start, end, score, n_good = best.start, best.end, best.score, best.n_good
    words: set[str] | None = None  # computed only when a list splits the page
    j = k + 1
    while j < len(regions):
        need = _gap_cohesion(lines, nb, end + 1, regions[j].start)
        if need is None:
            break
        words = set(_content_words(lines, nb, best)) if words is None else words
        other = _content_words(lines, nb, regions[j])
        if cohesion(words, other) < need:
            break
        end, score, n_good = regions[j].end, score + regions[j].score, n_good + regions[j].n_good
        words |= other
        j += 1
    j = k - 1
    while j >= 0:
        need = _gap_cohesion(lines, nb, regions[j].end + 1, start)
        if need is None:
            break
        words = set(_content_words(lines, nb, best)) if words is None else words
        other = _content_words(lines, nb, regions[j])
        if cohesion(words, other) < need:
            break
        start, score = regions[j].start, score + regions[j].score
        n_good += regions[j].n_good
        words |= other
        j -= 1
    return Region(start, end, score, n_good)


def keep_crossheads(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region) -> None:
    """Keep a short line between two paragraphs that was dropped only because a few other
    pages of the outlet print it too (two versions of one story share their crossheads); a
    line on most of the outlet's pages stays dropped."""
    for p in range(region.start + 1, region.end):
        lf = lines[nb[p]]
        if lf.reason == R_PROFILE and "profile_weak" in lf.flags and \
                lines[nb[p - 1]].cls in (GOOD, NEAR) and lines[nb[p + 1]].cls in (GOOD, NEAR):
            lf.cls, lf.reason, lf.score = SHORT, "", SHORT_PENALTY


# ---------------------------------------------------------------------------------------------
# reasons for what is dropped


def assign_reasons(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region | None,
                   title_pos: int | None) -> None:
    """Fill in a reason for every dropped line that has none yet (in place).

    Args:
        lines: All lines of the page.
        nb: Indices of the non-blank lines.
        region: The article region (``None`` when the page has no article).
        title_pos: Position in ``nb`` of the title line, if the page has one.
    """
    if title_pos is not None:
        t = lines[nb[title_pos]]
        t.reason = R_TITLE
        if t.key:
            for i in nb:
                other = lines[i]
                if other is not t and other.key == t.key and (
                        not other.reason or other.reason == R_DUP):
                    other.reason = R_TITLE_DUP
    if region is None:
        for i in nb:
            if not lines[i].reason:
                lines[i].reason = R_NO_ARTICLE
        return
    for p in range(region.start, region.end + 1):
        lf = lines[nb[p]]
        if lf.cls in (GOOD, NEAR, SHORT):
            lf.reason = ""  # kept
    _reasons_before(lines, nb, region, title_pos)
    _reasons_after(lines, nb, region)


def _reasons_before(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region,
                    title_pos: int | None) -> None:
    for p in range(region.start):
        lf = lines[nb[p]]
        if lf.reason:
            continue
        if (title_pos is None or p < title_pos) and lf.words <= 3:
            lf.reason = R_NAV
        else:
            lf.reason = R_HEADER


def _reasons_after(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region) -> None:
    n = len(nb)
    related_at = None
    for p in range(region.end + 1, n):
        lf = lines[nb[p]]
        if lf.pattern == "related" or (lf.pattern and _end_marker(lf) and lf.pattern != "comments"):
            related_at = p
            break
    # other articles printed after the main one (after a related block or on their own)
    for other in candidate_regions(lines, nb, region.end + 1, n):
        if other.score < 40 or not _has_adjacent_paragraphs(lines, nb, other):
            continue
        start = _article_start(lines, nb, other, region.end + 1)
        reason = R_UNRELATED if related_at is not None and related_at < start else \
            R_OTHER_ARTICLE
        for p in range(start, other.end + 1):
            lines[nb[p]].reason = reason
    zone = ""  # the kind of block the lines after a marker belong to
    for p in range(region.end + 1, n):
        lf = lines[nb[p]]
        if p == related_at or (zone != R_RELATED and "list_header" in lf.flags):
            zone = R_RELATED
        elif lf.pattern == "comments" and lf.cls == HARD:
            zone = R_COMMENTS
        elif zone and lf.cls == HARD and lf.reason in (R_FORM, R_HEADLINES_TS) and \
                lf.pattern != "comments":
            zone = R_COMMENTS if lf.reason == R_FORM else ""  # a new kind of block
        if lf.reason in (R_UNRELATED, R_OTHER_ARTICLE, R_TITLE):
            continue
        if "latin" in lf.flags and lf.reason in ("", R_LATIN, R_DUP, R_PROFILE):
            lf.reason = R_FOOTER_LATIN
            continue
        if zone == R_RELATED and (not lf.pattern or lf.pattern in ("related", "read_also",
                                                                   "caption")):
            lf.reason = R_RELATED
            continue
        if zone == R_COMMENTS and not lf.pattern and lf.reason != R_FORM:
            lf.reason = R_COMMENTS
            continue
        if lf.reason or lf.cls == SHORT:
            continue  # short lines: see _label_short_runs
        lf.reason = R_AFTER
    _label_short_runs(lines, nb, region)


def _has_adjacent_paragraphs(lines: Sequence[LineFeatures], nb: Sequence[int],
                             region: Region) -> bool:
    """Two paragraphs with only captions or boilerplate between them: an article, not teasers
    (which alternate a headline and a one-paragraph summary)."""
    prev_good = False
    for p in range(region.start, region.end + 1):
        lf = lines[nb[p]]
        if lf.cls == GOOD:
            if prev_good:
                return True
            prev_good = True
        elif lf.cls in (SHORT, NEAR):
            prev_good = False
    return False


def _label_short_runs(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region) -> None:
    """Runs of three or more headline-like lines after the article are a list of links."""
    run: list[LineFeatures] = []
    for p in range(region.end + 1, len(nb) + 1):
        lf = lines[nb[p]] if p < len(nb) else None
        if lf is not None and not lf.reason and lf.cls == SHORT:
            run.append(lf)
            continue
        for r in run:
            r.reason = R_HEADLINES if len(run) >= 3 else R_AFTER
        run = []


def _article_start(lines: Sequence[LineFeatures], nb: Sequence[int], region: Region,
                   floor: int) -> int:
    """Where an article found after the main one begins: its header block, else its title."""
    p = region.start - 1
    header_start = None
    while p >= floor:
        lf = lines[nb[p]]
        if lf.cls == GOOD:
            break
        if "header_block" in lf.flags:
            header_start = p
        elif header_start is not None:
            break
        p -= 1
    if header_start is not None:
        return header_start
    p = region.start
    steps = 0
    while p - 1 >= floor and steps < 3:
        prev = lines[nb[p - 1]]
        if prev.cls == GOOD or (prev.cls == HARD and "header_block" not in prev.flags):
            break
        if "caption" not in prev.flags and prev.cls != SHORT:
            break
        p -= 1
        steps += 1
    return p
