"""Speaker resolution for :mod:`marsad.enrich.quotes`.

Who said it: the noun phrase after the verb (cut at "في بيان", "أمام صحافيين" …) with titles
trimmed when a name follows, the subject written before the verb (SVO, "أما X فقال"), a name in
apposition, the subject of an earlier verb in the sentence (for participles: مضيفاً، مشيراً),
the previous quote's speaker ("carried"), anaphors (البيان، الوزارة) and entity links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.enrich.quantities_lexicon import ARABIC, DIGIT, LATIN, PUNCT, bare, key
from marsad.enrich.quotes_lexicon import (
    _ADJ_AFTER_TITLE,
    _ANAPHORS,
    _CLAUSE_BREAKS,
    _COMM_NOUNS,
    _COMPLEMENTIZERS,
    _COPULAS,
    _DOC_NOUNS,
    _HONORIFICS,
    _INSTITUTION_ANAPHORS,
    _INSTITUTIONS,
    _KEEP_AFTER_TITLE,
    _MEDIA,
    _NAME_JOINERS,
    _OFFICIALS,
    _PARTICLES,
    _PREPS,
    _PRONOUN_SUBJECTS,
    _SKIP_LEAD,
    _STOP,
    _TIME_WORDS,
    _TITLES,
    _TOPIC_MARKERS,
    _Cand,
    _Doc,
    _inside,
)


@dataclass(slots=True)
class _Speaker:
    text: str
    start: int
    end: int
    phrase: str
    how: str
    entity: str | None = None
    unnamed: bool = False
    context: str = ""


_DOC_NOUNS_BARE = frozenset(bare(d) for d in _DOC_NOUNS)


def _is_definite(k: str) -> bool:
    return bare(k) != k


def _name_run(doc: _Doc, a: int, b: int) -> int:
    """Start index of the trailing run of name-like tokens in ``[a, b)`` (``b`` if none)."""
    toks = doc.toks
    r = b
    while r > a:
        t = toks[r - 1]
        k = t.key
        if t.kind not in (ARABIC, LATIN) or k in _TITLES or k in _STOP or k in _PREPS:
            break
        if _is_definite(k) and not (r - 2 >= a and toks[r - 2].key in _NAME_JOINERS):
            break
        r -= 1
    return r if b - r <= 4 else b


def _is_nisba(k: str) -> bool:
    """An indefinite relational adjective (دبلوماسي، أردني، أوروبيون)."""
    return not _is_definite(k) and k.endswith(("ي", "يه", "ين", "يون"))


def _title_name(doc: _Doc, a: int, b: int) -> tuple[int, int] | None:
    """Split "title words + name" in ``[a, b)``: the token range of the name, or None.

    Title words are titles, definite words, adjectives after an indefinite title and
    institution nouns heading a construct (مجلس الشيوخ). The name is the run of bare words after
    them, possibly ending with a definite family name (منير الصافي), and stops before an
    institution noun that starts the verb's object (ميتش ماكونيل | إدارة الرئيس …).
    """
    toks = doc.toks
    head = toks[a].key
    if not (head in _TITLES or _is_definite(head) or bare(head) in _TITLES):
        return None
    i = a
    indefinite = False  # inside "مصدر دبلوماسي أردني": nisba words after it are adjectives
    construct = False  # inside "لشؤون عودة اللاجئين": a bare noun before ال continues it
    while i < b:
        k = toks[i].key
        nxt_def = i + 1 < b and _is_definite(toks[i + 1].key)
        prefixed = k[:1] in "لب" and (k[1:] in _INSTITUTIONS or _is_definite(k[1:]))
        if (k in _TITLES or _is_definite(k) or k in _KEEP_AFTER_TITLE or k in _ADJ_AFTER_TITLE
                or k in _INSTITUTIONS or prefixed
                or (indefinite and _is_nisba(k))
                or (construct and nxt_def)):
            indefinite = (k in _TITLES and not _is_definite(k)) or (indefinite and _is_nisba(k))
            construct = prefixed or k in _INSTITUTIONS or (construct and nxt_def)
            i += 1
            continue
        break
    j = i
    while j < b and j - i < 4:
        t = toks[j]
        k = t.key
        if t.kind not in (ARABIC, LATIN) or k in _TITLES or k in _STOP or k in _PREPS \
                or k in _INSTITUTIONS:
            break
        if _is_definite(k):
            if j > i and toks[j - 1].key in _NAME_JOINERS:
                j += 1
                continue
            if j - i == 1 or any(toks[x].key in _NAME_JOINERS for x in range(i, j)):
                j += 1  # a family name with ال ends the name: منير الصافي، أبو بكر البغدادي
            elif j - i == 2:
                i += 1  # "والي نابل هشام الزواري": the first bare word completes the title
                j += 1
            else:
                j -= 1  # "رشيد بلقاسمي استعداد المنظمة": the last bare word heads the object
            break
        j += 1
    return (i, j) if j > i else None


def _speaker_span(doc: _Doc, a: int, b: int, how: str) -> _Speaker:
    """Build the speaker from phrase tokens ``[a, b)``: drop a document noun, trim titles."""
    toks = doc.toks
    sa = a
    if b - a > 1 and bare(toks[a].key) in _DOC_NOUNS_BARE:
        sa = a + 1
    head = toks[sa].key
    split = _title_name(doc, sa, b)
    if split is not None:
        sa, b = split
        phrase = doc.surface(a, b)
    else:
        phrase = doc.surface(a, b)
    if split is None and toks[sa].kind == LATIN and b - sa > 3 and all(
            doc.text[toks[i].start].isupper() for i in (b - 2, b - 1)):
        sa = b - 2  # "UN coordinator Johan Karlsson": the last two capitalized words
    pa, pb = toks[a].start, toks[b - 1].end
    unnamed = split is None and (head in _OFFICIALS or bare(head) in _OFFICIALS)
    sp = _Speaker(doc.surface(sa, b), toks[sa].start, toks[b - 1].end, phrase, how,
                  unnamed=unnamed)
    _link_entity(doc, sp, pa, pb)
    return sp


def _link_entity(doc: _Doc, sp: _Speaker, pa: int, pb: int) -> None:
    """Prefer an entity inside the phrase: the last PER, else the first ORG/GPE."""
    inside = [e for e in doc.entities if e.start < pb and e.end > pa]
    if not inside:
        return
    pers = [e for e in inside if e.label == "PER"]
    e = pers[-1] if pers else inside[0]
    sp.text, sp.start, sp.end = e.text, e.start, e.end
    sp.entity = e.attrs.get("entity") or e.attrs.get("canonical") or e.text
    sp.unnamed = False


def _phrase_after(doc: _Doc, cand: _Cand) -> _Speaker | None:
    """The subject written after the verb, up to the quote/colon/complementizer."""
    toks = doc.toks
    a, limit = cand.verb_end or 0, cand.limit_tok or 0
    limit = min(limit, a + 14)
    while a < limit and (toks[a].key in _SKIP_LEAD or toks[a].key in _TIME_WORDS
                         or (toks[a].key in _HONORIFICS and a + 1 < limit
                             and toks[a + 1].key == ".")):
        a += 2 if toks[a].key in _HONORIFICS else 1  # "M. Ayari", "Dr. Smith"
    if cand.verb is not None and cand.verb.act == "report":
        for i in range(a, limit):
            if toks[i].key == "عن" or (toks[i].key == "لسان" and i > a):
                a = i + 1
    if cand.verb is not None and cand.verb.act == "document":
        pass  # "جاء في بيان الخارجية": the document holder follows
    b = a
    head = toks[a].key if a < limit else ""
    while b < limit:
        t = toks[b]
        k = t.key
        if t.kind == PUNCT or t.kind == DIGIT or k in _COMPLEMENTIZERS or k in _STOP \
                or k in _TIME_WORDS or b in doc.verbs:
            break
        if k in _PREPS or (k.startswith("ل") and (k[1:] in _MEDIA or bare(k) in _MEDIA)):
            nxt = toks[b + 1].key if b + 1 < limit else ""
            keep = (k in _KEEP_AFTER_TITLE and (head in _TITLES or head in _OFFICIALS
                                                or bare(head) in _OFFICIALS)
                    and nxt and nxt not in _COMM_NOUNS and nxt not in _TIME_WORDS)
            if not keep:
                break
        b += 1
        if b - a >= 10:
            break
    if b == a:
        return None
    sp = _speaker_span(doc, a, b, "same-sentence")
    # apposition: "وزير الخارجية الأميركي، مايك بومبيو، …"
    if b < limit and toks[b].key in ("،", ",") and sp.text == sp.phrase \
            and (head in _TITLES or _is_definite(head)):
        c = b + 1
        d = c
        while d < limit and toks[d].kind in (ARABIC, LATIN) and d - c < 7 \
                and toks[d].key not in _COMPLEMENTIZERS:
            d += 1
        if c < d and (d >= limit or toks[d].kind == PUNCT or toks[d].key in _COMPLEMENTIZERS):
            if d - c <= 4 and _name_run(doc, c, d) == c:
                name = _speaker_span(doc, c, d, "same-sentence")
            else:
                split = _title_name(doc, c, d)  # "، السويدي يوهان كارلسون،"
                name = _speaker_span(doc, split[0], split[1], "same-sentence") if split \
                    else None
            if name is not None:
                name.phrase = doc.surface(a, d)
                return name
    return sp


def _phrase_before(doc: _Doc, v: int) -> _Speaker | None:
    """SVO: "وكان أحد كبار المسؤولين …، قال …" — the subject written before the verb."""
    toks = doc.toks
    s0 = doc.sent_start(toks[v].start)
    b = v
    if b > 0 and toks[b - 1].key in ("،", ","):
        b -= 1
    a = b
    while a > 0 and toks[a - 1].start >= s0 and b - a < 10:
        t = toks[a - 1]
        if t.kind == PUNCT or t.key in _COMPLEMENTIZERS or t.key in _CLAUSE_BREAKS \
                or (a - 1) in doc.verbs or t.kind == DIGIT:
            break
        a -= 1
    while a < b and (toks[a].key in _COPULAS or toks[a].key in _TOPIC_MARKERS):
        a += 1
    while b > a and (toks[b - 1].key in _PARTICLES or toks[b - 1].key in _TIME_WORDS):
        b -= 1
    if a >= b or toks[a].key in _PREPS or toks[a].key in _TIME_WORDS or b - a >= 10 \
            or (b - a == 1 and toks[a].key in _PRONOUN_SUBJECTS):
        return None
    return _speaker_span(doc, a, b, "before-verb")


def _apposition_before(doc: _Doc, v: int) -> _Speaker | None:
    """"واستقال الموفد …، بريت مكغورك، …، وقال: …" — a name in apposition earlier."""
    toks = doc.toks
    s0 = doc.sent_start(toks[v].start)
    i = v - 1
    while i > 0 and toks[i].start >= s0:
        if toks[i].key in ("،", ","):
            j = i - 1
            while j >= 0 and toks[j].start >= s0 and toks[j].kind in (ARABIC, LATIN) \
                    and i - j <= 5:
                j -= 1
            if j >= 0 and toks[j].key in ("،", ",") and 1 <= i - j - 1 <= 4 \
                    and _name_run(doc, j + 1, i) == j + 1 and toks[j].start >= s0:
                before = toks[j - 1].key if j > 0 else ""
                if _is_definite(before) or before in _TITLES or before in ("»", "”", "\"", ")"):
                    return _speaker_span(doc, j + 1, i, "same-sentence")
        i -= 1
    return None


def _entity_before(doc: _Doc, v: int) -> _Speaker | None:
    """The nearest PER/ORG entity before the verb in its sentence."""
    pos = doc.toks[v].start
    s0 = doc.sent_start(pos)
    best = None
    for e in doc.entities:
        if e.start >= pos:
            break
        if e.start >= s0 and e.label in ("PER", "ORG"):
            best = e
    if best is None:
        return None
    sp = _Speaker(best.text, best.start, best.end, best.text, "entity-before")
    sp.entity = best.attrs.get("entity") or best.attrs.get("canonical") or best.text
    return sp


def _carry(doc: _Doc, prev: list[tuple[_Cand, _Speaker]], pos: int, how: str
           ) -> _Speaker | None:
    """The speaker of the previous quote, when it is at most two paragraphs back."""
    for cand, sp in reversed(prev):
        if cand.start >= pos:
            continue
        between = doc.text[cand.end:pos]
        paragraphs = sum(1 for ln in between.split("\n")[1:] if ln.strip())
        if paragraphs > 2 or len(between) > 1500:
            return None
        return _Speaker(sp.text, sp.start, sp.end, sp.phrase, how, sp.entity, sp.unnamed,
                        sp.context)
    return None


def _resolve_anaphor(sp: _Speaker, prev: list[tuple[_Cand, _Speaker]],
                     doc: _Doc | None = None) -> _Speaker:
    """"وتابع البيان" / "وأكد المسؤول": reuse an earlier speaker whose context names it;
    "وقالت الوزارة" with no such quote: the last "وزارة …" named earlier in the text."""
    k = key(sp.phrase)
    if k not in _ANAPHORS and k not in _INSTITUTION_ANAPHORS:
        return sp
    stem = bare(k)
    for _, other in reversed(prev[-6:]):
        if other.text == sp.text:
            continue
        if stem in key(other.phrase) or stem in key(other.context):
            return _Speaker(other.text, other.start, other.end, sp.phrase, "anaphor",
                            other.entity, other.unnamed, other.context)
    if doc is None or k not in _INSTITUTION_ANAPHORS:
        return sp
    toks = doc.toks
    i = doc.tok_at(sp.start) - 1
    while i >= 0 and sp.start - toks[i].start < 3000:
        if bare(toks[i].key) == stem and not _is_definite(toks[i].key) \
                and i + 1 < len(toks) and _is_definite(toks[i + 1].key):
            j = i + 1
            while j < len(toks) and j - i < 4 and _is_definite(toks[j].key) \
                    and toks[j].key not in _TIME_WORDS:
                j += 1
            named = _Speaker(doc.surface(i, j), toks[i].start, toks[j - 1].end, sp.phrase,
                             "anaphor")
            _link_entity(doc, named, named.start, named.end)
            return named
        i -= 1
    return sp


def _resolve(doc: _Doc, cand: _Cand, prev: list[tuple[_Cand, _Speaker]]) -> _Speaker | None:
    toks = doc.toks
    if cand.headline_speaker is not None:
        a, b = cand.headline_speaker
        return _speaker_span(doc, a, b, "headline")
    if cand.verb_tok is None:
        return None
    v = cand.verb_tok
    if cand.speaker_before is not None:  # "«…»، X قال" / "“…”, Al-Mannai told …"
        a, b = cand.speaker_before
        sp = _speaker_span(doc, a, b, "after-quote")
        sp.context = doc.text[cand.end:toks[v].end]
        return _resolve_anaphor(sp, prev, doc)
    if toks[v].kind == LATIN and not cand.post and not _is_participle(toks[v].key):
        sp = _phrase_before(doc, v)  # English and French put the subject first
        if sp is not None:
            sp.context = doc.text[toks[v].start:cand.start]
            return sp
    participle = _is_participle(toks[v].key)
    conj = doc.verbs[v][2] > 0

    def earlier_quote(doc: _Doc, v: int) -> _Speaker | None:
        return _earlier_quote_speaker(doc, v, prev)

    if not participle or (cand.verb is not None and cand.verb.act == "report"):
        # after a participle the noun phrase is its object: داعية الدول المضيفة إلى …
        sp = _phrase_after(doc, cand)
        if sp is not None:
            sp.context = doc.text[toks[v].start:cand.start]
            return _resolve_anaphor(sp, prev, doc)
    order: list[Any]
    if participle:
        order = [earlier_quote, _subject_of_earlier_verb, _sentence_subject, _entity_before,
                 _apposition_before]
    elif conj:
        order = [_adjacent_before, earlier_quote, _subject_of_earlier_verb, _sentence_subject,
                 _entity_before, _apposition_before]
    else:
        order = [_phrase_before, earlier_quote, _entity_before]
    for fn in order:
        found = fn(doc, v)
        if found is not None:
            found.context = doc.text[toks[v].start:cand.start]
            return _resolve_anaphor(found, prev, doc)
    return _carry(doc, prev, toks[v].start, "carried")


def _adjacent_before(doc: _Doc, v: int) -> _Speaker | None:
    """"أما كارلسون فرأى …": a subject written right before a ف/و-verb."""
    if v == 0 or doc.toks[v - 1].kind not in (ARABIC, LATIN) \
            or doc.toks[v - 1].start < doc.sent_start(doc.toks[v].start):
        return None
    return _phrase_before(doc, v)


def _sentence_subject(doc: _Doc, v: int) -> _Speaker | None:
    """"وشارك نائب وزير الخارجية رامي الحلبي في …، وأكد أن …": the named subject of the
    sentence's first verb, when it is a title followed by a name."""
    toks = doc.toks
    s0 = doc.tok_at(doc.sent_start(toks[v].start))
    if s0 + 2 >= v or toks[s0].kind != ARABIC or toks[s0].key[:1] not in "وف" \
            or toks[s0].key in _STOP or toks[s0].key in _PREPS:
        return None
    a = s0 + 1
    b = a
    while b < v and b - a < 10 and toks[b].kind in (ARABIC, LATIN) and toks[b].key not in _PREPS \
            and toks[b].key not in _STOP:
        b += 1
    split = _title_name(doc, a, b) if b > a else None
    if split is None:
        return None
    sp = _speaker_span(doc, split[0], split[1], "same-sentence")
    sp.phrase = doc.surface(a, split[1])
    return sp


_PARTICIPLE_RE = re.compile(r"^(م|قائل|لافت|ناقل|زاعم|نافي|واصف|كاتب|ذاكر|رادا|داعي)")


def _is_participle(k: str) -> bool:
    """Active participles used in apposition: مشيراً، مضيفةً، قائلاً، لافتة، adding."""
    if k.isascii():
        return k.endswith("ing")
    return bool(_PARTICIPLE_RE.match(k)) and k.endswith(("ا", "ه", "ين"))


def _earlier_quote_speaker(doc: _Doc, v: int, prev: list[tuple[_Cand, _Speaker]]
                           ) -> _Speaker | None:
    """"وقال X إن …، مضيفاً أن …": the speaker of an earlier quote in the same sentence."""
    s0 = doc.sent_start(doc.toks[v].start)
    for cand, sp in reversed(prev):
        if cand.verb_tok is not None and cand.verb_tok < v and doc.toks[cand.verb_tok].start >= s0:
            return _Speaker(sp.text, sp.start, sp.end, sp.phrase, "same-sentence", sp.entity,
                            sp.unnamed, sp.context)
    return None


def _subject_of_earlier_verb(doc: _Doc, v: int) -> _Speaker | None:
    """"أعلن ترامب …، مشيراً إلى أن …": the subject of an earlier verb in the sentence."""
    s0 = doc.sent_start(doc.toks[v].start)
    for i in range(v - 1, -1, -1):
        if doc.toks[i].start < s0:
            return None
        if i in doc.verbs and not _is_participle(doc.toks[i].key) \
                and not _inside(doc.regions, doc.toks[i].start):
            verb, vend, _ = doc.verbs[i]
            tmp = _Cand(0, 0, "indirect", None, i, vend, verb, min(v, vend + 14))
            sp = _phrase_after(doc, tmp) or _phrase_before(doc, i)
            if sp is not None and sp.text == sp.phrase and len(sp.text.split()) >= 3 \
                    and not any(_is_definite(key(w)) for w in sp.text.split()):
                # "أعلن ترامب قرار سحب …": without entities, keep the first word only
                first = doc.tok_at(sp.start)
                sp = _speaker_span(doc, first, first + 1, sp.how)
            return sp
    return None
