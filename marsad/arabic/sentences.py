"""Sentence splitting for Arabic, English and French news text, with original offsets.

Rules, in order of strength:

* A line break always ends a sentence (article bodies are one paragraph per line).
* ``. ! ? ؟ … ۔`` end a sentence; ``،`` ``؛`` and ``:`` never do.
* Not inside a quotation: quote marks are paired within the line (« », “ ”, „ ‟, ‹ › and
  ASCII ``"`` told apart as opening or closing by the characters around them), and a terminator
  inside a pair does not split, unless it closes the quotation (``... العنف." وأضاف``), where
  the sentence ends after the closing mark. An unpaired quote mark suppresses nothing, and a
  pair longer than ``max_quote_chars`` does not either, so one stray or missing mark cannot
  swallow the rest of the text.
* A period does not end a sentence after an initial or a single letter (د. م. U.S. أ.ف.ب), a
  listed abbreviation (``marsad/data/arabic_abbreviations.txt``), inside a number (3.5), before
  a lowercase Latin word, or glued to the next word unless both sides are Arabic words
  (``سوريا.وقال`` is the common missing-space typo and does split).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from marsad.arabic._data import load_lines
from marsad.arabic.normalize import ARABIC_LETTER_CLASS, ARABIC_MARK_CLASS
from marsad.model import Span

__all__ = ["ABBREVIATIONS", "MAX_QUOTE_CHARS", "split_sentences"]

ABBREVIATIONS: frozenset[str] = frozenset(
    a.lower().replace("\u0640", "") for a in load_lines("arabic_abbreviations.txt"))
"""Abbreviations (lowercase, no final period) after which a period does not end a sentence."""

MAX_QUOTE_CHARS = 600
"""A quotation longer than this (in characters) no longer keeps its sentences together."""

_LINE_RE = re.compile("[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_TERMINATORS = ".!?؟…۔‼⁇⁈⁉"
_QUOTE_CHARS = '"«»“”„‟‹›'
_EVENT_RE = re.compile(f"[{re.escape(_TERMINATORS)}]+|[{_QUOTE_CHARS}]")
_ARABIC_LETTER_RE = re.compile(f"[{ARABIC_LETTER_CLASS}]")
# A word after a period: letters, digits, Arabic marks.
_WORD_CHARS = f"(?:[^\\W_]|[{ARABIC_MARK_CLASS}])+"
_WORD_AFTER_RE = re.compile(_WORD_CHARS)
_MARKS_RE = re.compile(f"[{ARABIC_MARK_CLASS}\u0640]")
_MARK_CHARS = frozenset(c for c in map(chr, range(0x0600, 0x0900)) if _MARKS_RE.match(c))
_ALNUM_RE = re.compile(r"[^\W_]")

# Characters after which a quote mark opens (besides whitespace and the start of the line),
# and before which it closes (besides whitespace and the end of the line).
_OPEN_CONTEXT = frozenset("([{«“„‹:،,؛;—–-/")
_CLOSE_CONTEXT = frozenset(")]}»”›.,،؛;:!?؟…")
# What may follow the last terminator of a line without starting a new sentence.
_LINE_END_CHARS = ' \t"\')]}»”’›.!?؟…'
# Closing characters a sentence end takes along: ``نعم.»`` ends after the ».
_TRAILING_CLOSERS = frozenset('")]}»”’›\'')

_OPEN, _CLOSE, _EITHER = 1, 2, 3
_FAMILY = {'"': "ascii", "«": "guillemet", "»": "guillemet", "‹": "single", "›": "single",
           "“": "curly", "”": "curly", "„": "curly", "‟": "curly"}


def split_sentences(text: str, *, max_quote_chars: int = MAX_QUOTE_CHARS) -> list[Span]:
    """Split ``text`` into sentences.

    Args:
        text: The original article text (Arabic, English or French; one paragraph per line).
        max_quote_chars: Longest quotation whose inner sentence ends are ignored.

    Returns:
        One ``Span`` labelled ``SENT`` per sentence, with offsets into ``text``; leading and
        trailing whitespace is outside the spans and blank lines give none.
    """
    spans: list[Span] = []
    for line in _LINE_RE.finditer(text):
        start, end = line.span()
        cuts = list(_line_cuts(text, start, end, max_quote_chars))
        prev = start
        for cut in [*cuts, end]:
            s, e = _strip(text, prev, cut)
            if s < e:
                spans.append(Span(s, e, "SENT", text[s:e]))
            prev = cut
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_cuts(text: str, start: int, end: int, max_quote_chars: int) -> Iterator[int]:
    """Yield the offsets inside one line where a sentence ends (exclusive ends)."""
    events = list(_EVENT_RE.finditer(text, start, end))
    if not events:
        return
    regions = _quote_regions(text, start, end,
                             [m.start() for m in events if m.group() in _FAMILY],
                             max_quote_chars)
    sentence_start = start
    for match in events:
        run = match.group()
        if run in _FAMILY:
            continue
        i, j = match.span()
        if j == end or not text[j:end].strip(_LINE_END_CHARS):
            continue  # the line ends here anyway
        region = _region_at(regions, i)
        if region is not None:
            # Inside a quotation: only a terminator right before its closing mark may end the
            # sentence, and then after that mark (and any closers stuck to it).
            close = region[1]
            if j != close or _region_at(regions, close) is not None:
                continue
            j = close
        elif not _is_break(text, run, i, j, start, end):
            continue
        cut = _take_closers(text, j, end)
        if cut < end and not text[cut].isspace() and region is not None:
            continue  # ``«نعم.»للصحفيين``: the quotation goes on in the same sentence
        if not _ALNUM_RE.search(text, sentence_start, cut):
            continue  # never emit a sentence of punctuation alone (a leading "...")
        if _ALNUM_RE.search(text, cut, end) is None:
            return  # only punctuation left on the line: keep it with this sentence
        yield cut
        sentence_start = cut


def _take_closers(text: str, pos: int, end: int) -> int:
    """Move ``pos`` past closing brackets and quote marks that directly follow it."""
    while pos < end and text[pos] in _TRAILING_CLOSERS:
        nxt = text[pos + 1] if pos + 1 < end else " "
        if text[pos] in "\"'" and not (nxt.isspace() or nxt in _CLOSE_CONTEXT
                                       or nxt in _TRAILING_CLOSERS):
            break  # an ASCII mark glued to the next word opens a quotation
        pos += 1
    return pos


def _quote_role(text: str, i: int, start: int, end: int) -> int:
    """Tell whether the quote mark at ``i`` opens or closes a quotation (or may do either)."""
    ch = text[i]
    if ch in "«‹„":
        return _OPEN
    if ch in "»›":
        return _CLOSE
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    opens = prev.isspace() or prev in _OPEN_CONTEXT
    closes = nxt.isspace() or nxt in _CLOSE_CONTEXT
    if opens and not closes:
        return _OPEN
    if closes and not opens:
        return _CLOSE
    if ch == "“":
        return _OPEN
    if ch in "”‟":
        return _CLOSE
    return _EITHER


def _quote_regions(text: str, start: int, end: int, marks: list[int],
                   max_quote_chars: int) -> list[tuple[int, int]]:
    """Pair the quote marks of one line; return ``(open, close)`` offsets of each pair.

    Marks are matched with a stack per family; a closing mark pairs with the latest opening
    mark of its family and discards unpaired marks opened after it. Pairs longer than
    ``max_quote_chars`` are dropped.
    """
    if not marks:
        return []
    stack: list[tuple[str, int]] = []
    regions: list[tuple[int, int]] = []
    for i in marks:
        family = _FAMILY[text[i]]
        role = _quote_role(text, i, start, end)
        opener = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
        if role == _OPEN or (role == _EITHER and opener is None):
            stack.append((family, i))
        elif opener is not None:
            if i - stack[opener][1] <= max_quote_chars:
                regions.append((stack[opener][1], i))
            del stack[opener:]
    regions.sort()
    return regions


def _region_at(regions: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """Return the outermost quotation strictly containing ``pos`` (``open < pos < close``)."""
    for open_, close in regions:  # sorted by opening offset, so the outermost comes first
        if open_ >= pos:
            return None
        if pos < close:
            return open_, close
    return None


def _is_break(text: str, run: str, i: int, j: int, start: int, end: int) -> bool:
    """Decide whether the terminator run ``text[i:j]`` (outside quotations) ends a sentence."""
    nxt = text[j] if j < end else " "
    if run != ".":
        # ! ? ؟ … and "...": a break, except glued to an ASCII word (URLs, "Yahoo!News").
        return not (nxt.isascii() and nxt.isalnum() and "…" not in run and ".." not in run)
    word_start = _word_start(text, i, max(start, i - 40))
    word = text[word_start:i]
    if nxt.isalnum() or nxt in "_@/%\u0640":
        return _glued_break(text, word, j, end)
    if not word:
        return True  # after a bracket or quote mark: ``(رويترز).``
    if word.isdigit():
        # "1. " at the start of a line numbers a list item; any other number may end one.
        return not (len(word) <= 2 and not text[start:word_start].strip())
    letters = _MARKS_RE.sub("", word).lower()
    if letters in ABBREVIATIONS:
        return False
    parts = letters.split(".")
    if all(p.isdigit() for p in parts):
        return True  # a number (2014, 3.5) can end a sentence
    if any(len(p) == 1 and not p.isdigit() for p in parts):
        return False  # initials: U.S. أ.ف.ب د. م.
    after = _WORD_AFTER_RE.search(text, j, min(end, j + 40))
    return not (after and after.group()[0].islower() and after.group()[0].isascii())


def _word_start(text: str, i: int, limit: int) -> int:
    """Start of the word ending at ``i``: letters, digits, Arabic marks, tatweel and inner
    dots (U.S, أ.ف.ب, e.g), so that multi-part abbreviations can be looked up whole."""
    k = i
    while k > limit:
        ch = text[k - 1]
        if ch.isalnum() or ch in _MARK_CHARS:
            k -= 1
        elif ch == "." and k - 1 > limit and k < i and text[k - 2].isalnum():
            k -= 1
        else:
            break
    return k


def _glued_break(text: str, word: str, j: int, end: int) -> bool:
    """A period with no space after it ends a sentence only between two Arabic words."""
    after = _WORD_AFTER_RE.match(text, j, min(end, j + 40))
    if after is None or "." in word:
        return False
    return (len(_MARKS_RE.sub("", word)) >= 3 and _ARABIC_LETTER_RE.match(word[-1]) is not None
            and len(after.group()) >= 2 and _ARABIC_LETTER_RE.match(after.group()) is not None)
