"""Quotes: direct and indirect speech with speaker, reporting verb and its stance.

How a text is read:

1. **Quote marks** («…», “…”, "…") are paired paragraph by paragraph with a stack; the ASCII
   ``"`` (and a lone ``”``) is an opener or a closer depending on its neighbours, so nested marks
   (قال: "… ما تسمى "الخلافة"، …") and unbalanced ones (opened and never closed before the end
   of the paragraph) are handled without crashing.
2. A top-level quoted span is a **quote** when it is long (more than four words) or introduced
   by a reporting verb (وقال: «…», قال إن «…», وأضاف كوتس "…"); otherwise it is a **quoted
   term** (scare quotes and names: «التحالف الدولي»، "دائمة"), returned by
   :func:`find_quoted_terms` for the framing analysis.
3. A reporting verb followed by a colon and no quote mark opens a **colon quote** that runs to the
   end of the paragraph or to a stray closing mark (وكتب ترامب في تغريدة: … وشيك»). Headlines of
   the form "ترامب: …" are colon quotes without a verb.
4. A reporting verb followed by إن/أن (قال … إن …) gives an **indirect** quote.
5. The **speaker** is the noun phrase after the verb, cut at prepositional phrases ("في بيان"،
   "أمام صحافيين"), with titles trimmed when a name follows (the whole phrase stays in
   ``attrs["speaker_phrase"]``). A verb without a subject takes the subject written before it
   (SVO), a name in apposition earlier in the sentence, or the previous quote's speaker
   (``speaker_how="carried"``). Anaphors (البيان، المسؤول) resolve to an earlier speaker. Given
   entity spans, the speaker is linked to the entity (``speaker_entity``).

Verbs and their stance come from ``data/attribution_verbs.tsv``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.config import Settings
from marsad.enrich.quantities_lexicon import ARABIC, LATIN, PUNCT, bare, key
from marsad.enrich.quotes_lexicon import (
    _CALL_PREPS,
    _COMPLEMENTIZERS,
    _DATA_HEADS_BARE,
    _EN_NOT_CLAUSE,
    _HEADLINE_LABELS,
    _PREPS,
    _PRONOUN_SUBJECTS,
    _STOP,
    _Cand,
    _Doc,
    _inside,
)
from marsad.enrich.quotes_speakers import (
    _resolve,
    _Speaker,
)
from marsad.model import Article, Quote, Span
from marsad.pipeline import stage

__all__ = ["analyze_quotes", "find_quoted_terms", "find_quotes", "quotes_stage"]
SHORT_WORDS = 4
"""A quoted span of at most this many words needs a reporting verb to count as a quote."""
LONG_TERM_WORDS = 8
"""A quoted span of at most this many words with no verb before or after it is a term."""
_MARK_RE = re.compile(r"[«»“”„\"\n]")
_OPEN_SIDE = frozenset("([{:—–-«“/")
_CLOSE_SIDE = frozenset(".,،:;؛!?؟)]}»”…")


@dataclass(slots=True)
class _Pair:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark (None: unclosed to ``line_end``)
    line_end: int
    depth: int

    @property
    def content(self) -> tuple[int, int]:
        """Content offsets (without the marks)."""
        return self.open + 1, self.close if self.close is not None else self.line_end


def _role(text: str, pos: int, family: str, stack: list[tuple[str, int]]) -> str | None:
    """Whether an ambiguous mark at ``pos`` opens or closes (or is noise)."""
    prev = text[pos - 1] if pos > 0 else "\n"
    nxt = text[pos + 1] if pos + 1 < len(text) else "\n"
    prev_sp = prev.isspace() or prev in _OPEN_SIDE
    next_sp = nxt.isspace() or nxt in _CLOSE_SIDE or nxt in "\"“”"
    has_open = any(f == family for f, _ in stack)
    if prev_sp and not next_sp:
        return "open"
    if next_sp and not prev_sp:
        return "close" if has_open else "stray"
    if prev_sp and next_sp:
        return "close" if has_open else None
    if prev == "ـ":
        return "open"
    return "close" if has_open else "open"


def _pair_marks(text: str) -> tuple[list[_Pair], list[int]]:
    """Pair quote marks paragraph by paragraph: (pairs, offsets of stray closing marks)."""
    pairs: list[_Pair] = []
    strays: list[int] = []
    stack: list[tuple[str, int]] = []
    for m in _MARK_RE.finditer(text):
        pos, ch = m.start(), m.group()
        if ch == "\n":
            for depth, (_, o) in enumerate(stack):
                pairs.append(_Pair(o, None, pos, depth))
            stack.clear()
            continue
        if ch in "«“„":
            family = "«" if ch == "«" else "“"
            role = "open"
        elif ch == "»":
            family, role = "«", "close"
        else:  # " or ” : decide from the neighbours
            family = "\"" if ch == "\"" else "“"
            role = _role(text, pos, family, stack) or ""
            if ch == "”" and role == "open" and any(f == "“" for f, _ in stack):
                role = "close"
        if role == "open":
            stack.append((family, pos))
        elif role == "close":
            for idx in range(len(stack) - 1, -1, -1):
                if stack[idx][0] == family:
                    for depth in range(len(stack) - 1, idx, -1):  # opened inside, never closed
                        pairs.append(_Pair(stack[depth][1], None, pos, depth))
                    pairs.append(_Pair(stack[idx][1], pos, pos, idx))
                    del stack[idx:]
                    break
            else:
                strays.append(pos)
        elif role == "stray":
            strays.append(pos)
    for depth, (_, o) in enumerate(stack):
        pairs.append(_Pair(o, None, len(text), depth))
    pairs.sort(key=lambda p: p.open)
    return pairs, strays


def _verb_before(doc: _Doc, tok: int, max_back: int, stop_at: int) -> int | None:
    """Nearest speech verb before token ``tok`` (not before offset ``stop_at``)."""
    for i in range(tok - 1, max(-1, tok - 1 - max_back), -1):
        if doc.toks[i].start < stop_at:
            return None
        hit = doc.verbs.get(i)
        if hit is not None and hit[0].act not in ("impersonal", "source") and hit[1] <= tok:
            return i
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` to exclude surrounding spaces and unmatched closing marks."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or (
            text[b - 1] in "»\"”" and not _balanced_inside(text, a, b))):
        b -= 1
    while b > a and text[b - 1] in "«“„":
        b -= 1
    return a, b


def _balanced_inside(text: str, a: int, b: int) -> bool:
    """Whether the closing mark at ``b - 1`` closes an opener inside ``[a, b - 1)``."""
    ch = text[b - 1]
    inner = text[a:b - 1]
    if ch == "»":
        return inner.count("«") > inner.count("»")
    if ch == "”":
        return inner.count("“") > inner.count("”")
    return inner.count("\"") % 2 == 1


def _direct_candidates(doc: _Doc, pairs: list[_Pair]
                       ) -> tuple[list[_Cand], list[tuple[_Pair, bool]]]:
    """Classify top-level quoted spans: quotes become candidates, the rest terms.

    A long span opened inside an indirect clause (أكد أن التنظيم "سيستغل …") is left to the
    indirect pass, which covers it.
    """
    text, toks = doc.text, doc.toks
    cands: list[_Cand] = []
    terms: list[tuple[_Pair, bool]] = []
    last_quote_end = 0
    for p in pairs:
        cs, ce = _trim(text, *p.content)
        if ce <= cs:
            continue
        if p.depth > 0:
            terms.append((p, True))
            continue
        n_words = doc.words_in(cs, ce)
        open_tok = doc.tok_at(p.open)
        stop = max(doc.sent_start(p.open), last_quote_end)
        v = _verb_before(doc, open_tok, 40, stop)
        close_tok = doc.tok_at(p.close + 1) if p.close is not None else None
        after = toks[close_tok] if close_tok is not None and close_tok < len(toks) else None
        how = _introduction(doc, v, open_tok) if v is not None else "none"
        if how == "embedded":
            if n_words <= SHORT_WORDS:
                terms.append((p, False))
            continue  # part of an indirect quote
        if n_words <= SHORT_WORDS:
            ends_clause = after is None or after.kind == PUNCT or (
                p.close is not None and "\n" in text[p.close:after.start])
            if not (how == "direct" and ends_clause and p.close is not None):
                terms.append((p, False))
                continue
        elif v is None and p.close is None:
            terms.append((p, False))  # an unclosed mark with nothing introducing it
            continue
        cand = _Cand(cs, ce, "direct", text[p.open] + (text[p.close] if p.close else ""),
                     unbalanced=p.close is None)
        if v is not None:
            cand.verb_tok, cand.verb = v, doc.verbs[v][0]
            cand.verb_end, cand.limit_tok = doc.verbs[v][1], open_tok
        elif close_tok is not None:
            _post_verb(doc, cand, close_tok)
            if cand.verb_tok is None and n_words <= LONG_TERM_WORDS:
                terms.append((p, False))  # a quoted name or title: «مجموعة الاتصال الدولية …»
                continue
        cands.append(cand)
        last_quote_end = p.close if p.close is not None else p.line_end
    return cands, terms


def _introduction(doc: _Doc, v: int, open_tok: int) -> str:
    """How the verb at ``v`` introduces the mark at ``open_tok``: direct, embedded or loose.

    ``direct``: the mark follows the verb, its subject, a colon or إن/أن (قال كوتس "…"،
    قال: «…»، قال إن «…»، دعا إلى «…»). ``embedded``: words stand between إن/أن and the mark
    (أكد أن التنظيم "سيستغل …"), so the quoted words belong to an indirect quote. ``loose``:
    anything else.
    """
    toks = doc.toks
    verb, vend, _ = doc.verbs[v]
    comps = _COMPLEMENTIZERS | (_CALL_PREPS if verb.act == "call" else frozenset())
    gap = range(vend, open_tok)
    prev = toks[open_tok - 1].key if open_tok > 0 else ""
    if open_tok == vend or prev == ":" or prev in comps:
        return "direct"
    if any(toks[i].key in comps for i in gap):
        return "embedded"
    if len(gap) <= 4 and not any(toks[i].key in _PREPS or toks[i].kind == PUNCT for i in gap):
        return "direct"
    return "loose"


def _post_verb(doc: _Doc, cand: _Cand, k: int) -> None:
    """Attribution after the quote: «…»، قال المسؤول / «…» بحسب المصدر / “…”, X told …."""
    toks = doc.toks
    first_word = None
    for i in range(k, min(k + 7, len(toks))):
        t = toks[i]
        if t.key in ("،", ",", "-", "—") and first_word is None:
            continue
        hit = doc.verbs.get(i)
        if hit is not None and hit[0].act != "impersonal":
            cand.verb_tok, cand.verb, cand.verb_end = i, hit[0], hit[1]
            cand.post = True
            if first_word is not None:
                cand.speaker_before = (first_word, i)
            end = doc.tok_at(doc.sent_end(toks[i].start))
            cand.limit_tok = min(end, hit[1] + 12)
            return
        if (t.kind == PUNCT and t.key != "-") or t.key in _COMPLEMENTIZERS:
            return
        if first_word is None:
            first_word = i
    return


def _colon_candidates(doc: _Doc, strays: list[int], quote_regions: list[tuple[int, int]]
                      ) -> list[_Cand]:
    """Colon quotes without marks, after a verb (وكتب ترامب: …) or a headline subject."""
    text, toks = doc.text, doc.toks
    out: list[_Cand] = []
    quote_starts = [a for a, _ in quote_regions]
    for ci, t in enumerate(toks):
        if t.key != ":" or _inside(quote_regions, t.start):
            continue
        ls, le = doc.line_bounds(t.start)
        nxt = ci + 1
        if nxt < len(toks) and toks[nxt].key in _COMPLEMENTIZERS:
            nxt += 1
        if nxt < len(toks) and toks[nxt].start < le and text[toks[nxt].start] in "«“\"„":
            continue  # the marks carry this quote
        # end: a stray closing mark on the line, the next marked quote, or the end of the line
        si = bisect.bisect_right(strays, t.start)
        end = strays[si] if si < len(strays) and strays[si] < le else le
        qi = bisect.bisect_right(quote_starts, t.start)
        if qi < len(quote_starts) and quote_starts[qi] < end:
            end = text.rfind(" ", t.end, quote_starts[qi]) if " " in text[t.end:quote_starts[qi]] \
                else t.end
        end = _before_next_attribution(doc, ci + 1, end)
        cs, ce = _trim(text, t.end, end)
        if doc.words_in(cs, ce) < 2:
            continue
        v = _verb_before(doc, ci, 15, doc.sent_start(t.start))
        if v is not None:
            out.append(_Cand(cs, ce, "direct", ":", v, doc.verbs[v][1], doc.verbs[v][0], ci))
            continue
        head = _headline_subject(doc, ci, ls, le)
        if head is not None and doc.words_in(cs, ce) >= 3:
            out.append(_Cand(cs, ce, "direct", ":", headline_speaker=head))
    return out


def _before_next_attribution(doc: _Doc, k: int, end: int) -> int:
    """End a colon quote before a later sentence that opens with a speech verb (ويقول …)."""
    toks = doc.toks
    pos = toks[k].start if k < len(toks) else end
    while True:
        nxt = doc.sent_end(pos)
        if nxt >= end:
            return end
        ti = doc.tok_at(nxt)
        for i in range(ti, min(ti + 3, len(toks))):
            if i in doc.verbs and doc.verbs[i][0].act not in ("impersonal", "source"):
                return nxt
        pos = nxt


def _headline_subject(doc: _Doc, ci: int, ls: int, le: int) -> tuple[int, int] | None:
    """"ترامب: …" in a short line: the token range of the subject before the colon."""
    toks = doc.toks
    if doc.words_in(ls, le) > 25:
        return None
    a = ci
    while a > 0 and toks[a - 1].start >= ls and toks[a - 1].kind in (ARABIC, LATIN) \
            and ci - a < 4:
        a -= 1
    if a == ci or ci - a > 3:
        return None
    if a > 0 and toks[a - 1].start >= ls and toks[a - 1].key not in ("…", "|", "-", "—", "."):
        return None
    if any(toks[k].key in _HEADLINE_LABELS or toks[k].key in _STOP or toks[k].key in _PREPS
           or toks[k].kind == LATIN for k in range(a, ci)):
        return None
    if doc.entities and not any(e.start < toks[ci - 1].end and e.end > toks[a].start
                                for e in doc.entities):
        return None
    return a, ci


def _indirect_candidates(doc: _Doc, used: set[int], quote_regions: list[tuple[int, int]],
                         quote_opens: list[int]) -> list[_Cand]:
    """قال … إن …: the clause after the complementizer, to the end of the sentence."""
    toks = doc.toks
    out: list[_Cand] = []
    for v, (verb, vend, _) in sorted(doc.verbs.items()):
        if v in used or verb.act in ("impersonal", "source", "document") \
                or _inside(quote_regions, toks[v].start):
            continue
        s_end = doc.sent_end(toks[v].start)
        comps = _COMPLEMENTIZERS | (_CALL_PREPS if verb.act == "call" else frozenset())
        c = None
        for i in range(vend, min(vend + 30, len(toks))):
            t = toks[i]
            if t.start >= s_end or t.key == ":" or (
                    i in doc.verbs and doc.verbs[i][0].act not in ("source",)):
                break
            if t.key in comps:
                c = i
                break
        if c is None:
            c = _bare_said(doc, v, vend)  # "Karlsson said about 265,000 refugees …"
            if c is None:
                continue
        k = toks[c].key
        if c < vend:
            start = toks[vend].start
        elif k in ("ان", "بان", "that", "que", "qu", "الي", "ب"):
            start = toks[c].end + (1 if k == "qu" else 0)
        else:
            start = toks[c].start + (1 if k[0] == "ب" else 0)
        end = s_end
        for i in range(c + 1, min(c + 200, len(toks))):
            t = toks[i]
            if t.start >= s_end:
                break
            if t.key in ("،", ",") and i + 1 < len(toks) and (i + 1) in doc.verbs:
                end = t.start
                break
        qi = bisect.bisect_left(quote_opens, start)
        if qi < len(quote_opens) and quote_opens[qi] < end:
            end = quote_opens[qi]
        cs, ce = _trim(doc.text, start, end)
        while ce > cs and doc.text[ce - 1] in ".،,:؛;":
            ce -= 1
        if doc.words_in(cs, ce) < 2:
            continue
        if verb.act == "call" and not any(ch in doc.text[cs:ce] for ch in "«\"“"):
            continue  # "دعا إلى الحوار" is an appeal; with quoted words it reports speech
        out.append(_Cand(cs, ce, "indirect", None, v, vend, verb, max(c, vend)))
    return out


def _split_chained(doc: _Doc, cands: list[_Cand]) -> None:
    """End an indirect quote where the next one's verb starts (…، لكنه حذر من أن …)."""
    cands.sort(key=lambda c: c.start)
    for cand, nxt in itertools.pairwise(cands):
        if nxt.verb_tok is None:
            continue
        k = nxt.verb_tok
        while k > 0 and doc.toks[k - 1].key in _PRONOUN_SUBJECTS:
            k -= 1
        cut = doc.toks[k].start
        if cand.start < cut < cand.end:
            cs, ce = _trim(doc.text, cand.start, cut)
            while ce > cs and doc.text[ce - 1] in ".،,:؛;":
                ce -= 1
            cand.end = max(cs + 1, ce)


def _bare_said(doc: _Doc, v: int, vend: int) -> int | None:
    """English "X said <clause>" without "that": the token before the clause, or None."""
    toks = doc.toks
    if toks[v].kind != LATIN or toks[v].key not in ("said", "says") or vend >= len(toks):
        return None
    nxt = toks[vend]
    if nxt.kind == PUNCT or nxt.key in _EN_NOT_CLAUSE:
        return None
    return vend - 1


def analyze_quotes(text: str, sentences: Sequence[Span] | None = None,
                   entities: Sequence[Span] | None = None) -> tuple[list[Quote], list[Span]]:
    """Find quotes and quoted terms in one pass.

    Args:
        text: Original article text.
        sentences: Sentence spans (optional; a light splitter is used otherwise).
        entities: Entity spans (``PER``/``ORG``/``GPE``/``LOC`` with ``attrs["entity"]`` or
            ``attrs["canonical"]``); optional.

    Returns:
        ``(quotes, quoted_terms)`` in text order.
    """
    if not text or not text.strip():
        return [], []
    doc = _Doc(text, sentences, entities)
    pairs, strays = _pair_marks(text)
    marked = sorted(p.content for p in pairs)
    doc.verbs = {i: v for i, v in doc.verbs.items() if not _inside(marked, doc.toks[i].start)}
    direct, term_pairs = _direct_candidates(doc, pairs)
    regions = sorted((c.start, c.end) for c in direct)
    colon = _colon_candidates(doc, strays, regions)
    used = {c.verb_tok for c in direct + colon if c.verb_tok is not None}
    regions = sorted((c.start, c.end) for c in direct + colon)
    opens = sorted(c.start for c in direct)
    indirect = _indirect_candidates(doc, used, regions, opens)
    _split_chained(doc, indirect)
    cands = sorted(direct + colon + indirect, key=lambda c: c.start)
    doc.regions = regions
    quotes: list[Quote] = []
    resolved: list[tuple[_Cand, _Speaker]] = []
    for cand in cands:
        sp = _resolve(doc, cand, resolved)
        if sp is not None and bare(key(sp.phrase.split(" ")[0])) in _DATA_HEADS_BARE:
            continue  # "تشير أرقام المفوضية إلى أن …" reports data, not speech
        if sp is not None:
            resolved.append((cand, sp))
        quotes.append(_to_quote(doc, cand, sp))
    terms = [_to_term(text, p, nested) for p, nested in term_pairs]
    return quotes, [t for t in terms if t is not None]


def _to_quote(doc: _Doc, cand: _Cand, sp: _Speaker | None) -> Quote:
    attrs: dict[str, Any] = {"marks": cand.marks, "speaker_how": sp.how if sp else None}
    verb_text = None
    if cand.verb_tok is not None:
        t = doc.toks[cand.verb_tok]
        _, vend, prefix = doc.verbs[cand.verb_tok]
        verb_text = doc.text[t.start:doc.toks[vend - 1].end]
        if prefix:
            verb_text = verb_text[1:].lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        attrs.update(verb_lemma=cand.verb.lemma if cand.verb else None,
                     verb_act=cand.verb.act if cand.verb else None,
                     verb_start=t.start, verb_end=doc.toks[vend - 1].end)
    if cand.post:
        attrs["verb_after"] = True
    if cand.unbalanced:
        attrs["unbalanced"] = True
    if sp is not None:
        attrs.update(speaker_start=sp.start, speaker_end=sp.end, speaker_phrase=sp.phrase)
        if sp.unnamed:
            attrs["unnamed"] = True
    return Quote(cand.start, cand.end, doc.text[cand.start:cand.end], cand.kind,
                 sp.text if sp else None, sp.entity if sp else None, verb_text,
                 cand.verb.stance if cand.verb else "neutral", attrs)


def _to_term(text: str, p: _Pair, nested: bool) -> Span | None:
    cs, ce = _trim(text, *p.content)
    if ce <= cs:
        return None
    attrs = {"marks": text[p.open] + (text[p.close] if p.close is not None else ""),
             "nested": nested, "unbalanced": p.close is None}
    return Span(cs, ce, "QUOTED_TERM", text[cs:ce], attrs)


def find_quotes(text: str, sentences: Sequence[Span] | None = None,
                entities: Sequence[Span] | None = None) -> list[Quote]:
    """Find direct and indirect quotes with their speaker, verb and stance.

    Args:
        text: Original article text.
        sentences: Sentence spans (optional).
        entities: Entity spans used to link speakers (optional).

    Returns:
        :class:`~marsad.model.Quote` objects in text order. ``attrs`` holds ``speaker_how``
        (``same-sentence``, ``before-verb``, ``carried``, ``anaphor``, ``entity-before``,
        ``headline`` or None), ``speaker_phrase``, ``speaker_start``/``speaker_end``, ``marks``,
        ``verb_lemma``, ``verb_act`` and, when relevant, ``unnamed``, ``unbalanced``,
        ``verb_after``.
    """
    return analyze_quotes(text, sentences, entities)[0]


def find_quoted_terms(text: str) -> list[Span]:
    """Short quoted spans that are not quotes (scare quotes, quoted names): ``QUOTED_TERM``.

    Args:
        text: Original article text.

    Returns:
        Spans over the words inside the marks; ``attrs``: ``marks``, ``nested`` (inside a
        quote), ``unbalanced``.
    """
    return analyze_quotes(text)[1]


@stage("quotes", requires=("text", "sentences", "entities"),
       assigns=("quotes", "extra.quoted_terms"))
def quotes_stage(article: Article, *, settings: Settings) -> Article:
    """Pipeline stage: fill ``article.quotes`` and ``article.extra["quoted_terms"]``."""
    quotes, terms = analyze_quotes(article.text, article.sentences or None,
                                   article.entities or None)
    extra = dict(article.extra)
    extra["quoted_terms"] = [t.to_dict() for t in terms]
    return article.replace(quotes=quotes, extra=extra)
