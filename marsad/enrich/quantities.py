"""Quantities: numbers in digits or words with their counted noun, approximation and range.

``find_quantities`` scans the text once with a small tokenizer over a *folded* copy of it (a
length-preserving character map: hamza forms → ا, ى → ي, ة → ه, Arabic-Indic digits → ASCII), so
token offsets are offsets in the original text. Around every number it looks for:

* multipliers (ألف، آلاف، مليون، مليار) and compound number words (خمسة وعشرون ألفاً);
* an approximation cue before or after (أكثر من، نحو، قرابة، على الأقل، تقريباً) from
  ``data/units_approx.tsv``;
* a range (بين خمسة وستة، من 10 إلى 20، 10-20);
* the counted noun or unit from ``data/units_nouns.tsv`` (singular lemma + plural forms), or
  failing that the next word lightly singularized, or — when the noun is elided (وصل عدد أعضائه
  إلى أكثر من 75) — the noun named after ``عدد`` just before;
* percentages, currencies (with ISO code), ordinals (العضو الـ68).

Dates, times, years and identifiers (المادة 51) are skipped: the timex stage owns dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.arabic import numbers
from marsad.config import Settings
from marsad.enrich.quantities_lexicon import (
    ARABIC,
    CURRENCY_SYMBOLS,
    DIGIT,
    ID_NOUNS,
    LATIN,
    MONTHS,
    NOT_UNITS,
    PERCENT_WORDS,
    PUNCT,
    RANGE_TO,
    SCALE_KEYS,
    SCALE_NOUN_AFTER_MIN,
    SENT_END,
    TIME_AFTER,
    TIME_BEFORE,
    CountedNoun,
    Token,
    bare,
    cue_after,
    cue_before,
    dual_index,
    fold,
    is_unit_start,
    key,
    ordinal_words,
    parse_words,
    rate_at,
    scale_after,
    singular_guess,
    token_class,
    tokens,
    unit_at,
    word_info,
)
from marsad.model import Article, Span
from marsad.pipeline import stage

__all__ = [
    "ARABIC", "DIGIT", "LATIN", "PUNCT", "Token", "bare", "find_quantities", "fold", "key",
    "quantities_stage", "tokens",
]


@dataclass(slots=True)
class _Number:
    value: int | float
    start: int  # token index
    end: int  # token index one past
    char_start: int  # offset of the first digit/letter of the number (after a clitic)
    words: bool  # written (at least partly) in words
    vague: bool  # آلاف، عشرات ...
    year_like: bool


def _parse_number(text: str, toks: Sequence[Token], i: int) -> _Number | None:
    """Parse a number (digits or words, with multipliers) starting at token ``i``."""
    t = toks[i]
    if t.kind == DIGIT:
        if len(t.key.replace(",", "").replace(".", "")) > 15:
            return None
        parsed = scale_after(text, toks, i)
        if parsed is None:
            return None
        v, j = parsed
        year_like = j == i + 1 and len(t.key) == 4 and 1800 <= v <= 2100
        return _Number(v, i, j, t.start, False, False, year_like)
    parsed_w = parse_words(text, toks, i)
    if parsed_w is None:
        return None
    value, j, vague, prefix_len = parsed_w
    return _Number(value, i, j, _skip_clitic(t, prefix_len), True, vague, False)


def _skip_clitic(t: Token, prefix_len: int) -> int:
    """Char offset of a word token after ``prefix_len`` proclitic letters."""
    return t.start + prefix_len if prefix_len else t.start


def _is_date_context(toks: Sequence[Token], num: _Number) -> bool:
    """True when the number is part of a date or time (the timex stage owns those)."""
    n = len(toks)
    j = num.end
    prev = toks[num.start - 1] if num.start > 0 else None
    if j < n:
        nxt = toks[j]
        if nxt.kind != PUNCT and (nxt.key in MONTHS or bare(nxt.key) in MONTHS):
            return True
        if nxt.kind == PUNCT and nxt.key in ":/" and j + 1 < n and toks[j + 1].kind == DIGIT:
            return True
        if nxt.key in TIME_AFTER and not num.words:
            return True
    if j + 1 < n and toks[j].key == "من" and (toks[j + 1].key in MONTHS
                                               or bare(toks[j + 1].key) in MONTHS):
        return True  # "السادس عشر من فبراير"، "14 من الشهر"
    if prev is not None and num.words and num.start + 1 == num.end \
            and numbers.ordinal_value(prev.key) is not None:
        return True  # "الثامن عشر": the عشر of an ordinal
    if prev is not None:
        if prev.kind == PUNCT and prev.key in ":/" and num.start >= 2 \
                and toks[num.start - 2].kind == DIGIT:
            return True
        if prev.key in MONTHS or bare(prev.key) in MONTHS:
            return True
        if prev.key in TIME_BEFORE and not num.words:
            return True
    return False


def _is_identifier(text: str, toks: Sequence[Token], num: _Number) -> bool:
    """True for numbers that name rather than count: المادة 51، F-16، ETG 6، COVID-19."""
    if num.words:
        return False
    prev = toks[num.start - 1] if num.start > 0 else None
    nxt = toks[num.end] if num.end < len(toks) else None
    if prev is not None:
        if prev.key in ID_NOUNS:
            return True
        if prev.kind == LATIN and (text[prev.start:prev.end].isupper()
                                   or prev.end == toks[num.start].start):
            return True  # "ETG 6", "GMT 17", "A4"
        if prev.key == "-" and num.start >= 2 and toks[num.start - 2].kind in (LATIN, ARABIC) \
                and toks[num.start - 2].end == prev.start:
            return True
    if nxt is not None and nxt.kind == LATIN:
        if nxt.start == toks[num.end - 1].end:
            return True  # "4G", "3D"
        if text[nxt.start:nxt.end].isupper() and len(nxt.key) > 1:
            return True  # "6 APPT"
    return False


def _sentence_start(toks: Sequence[Token], i: int, limit: int) -> int:
    """Index of the first token of ``i``'s sentence, looking back at most ``limit`` tokens."""
    s = i
    while s > 0 and i - s < limit and toks[s - 1].key not in SENT_END:
        s -= 1
    return s


def _infer_unit(toks: Sequence[Token], i: int) -> tuple[CountedNoun, Token] | None:
    """Find an elided counted noun: "عدد <noun> ... <number>" shortly before token ``i``."""
    s = _sentence_start(toks, i, 10)
    for m in range(i - 1, s - 1, -1):
        if bare(toks[m].key) in ("عدد", "اعداد") and m + 1 < i:
            hit = unit_at(toks, m + 1, pronouns=True)
            if hit:
                return hit[0], toks[m + 1]
    return None


def _make_span(text: str, start: int, end: int, attrs: dict[str, Any]) -> Span:
    return Span(start, end, "QUANTITY", text[start:end], attrs)


def find_quantities(text: str, *, vague: bool = False) -> list[Span]:
    """Find quantities in ``text``.

    Args:
        text: Original article text (Arabic first; English "17 countries", "$150 million" too).
        vague: Also report vague counts (آلاف المقاتلين، عشرات الرسائل) with ``vague=True``,
            their order of magnitude as ``value`` and ``approx="at_least"``.

    Returns:
        ``QUANTITY`` spans in text order. ``attrs``: ``value`` (int or float), ``high`` (upper
        bound of a range or None), ``approx`` (None, ``more_than``, ``less_than``, ``about``,
        ``at_least``, ``at_most``, ``range``), ``unit`` (singular lemma or None), ``unit_text``
        (as written), ``ordinal``, ``percent``, ``currency`` (ISO code or None), and when
        relevant ``unit_inferred`` (an elided noun taken from "عدد أعضائه … أكثر من 75" or from
        the quantity next to it: "أكثر من مليون لاجئ، وأن نحو 65 ألفاً") and ``unit_guessed``
        (the next word, not in the lexicon, lightly singularized).
    """
    if not text:
        return []
    toks = tokens(text)
    out: list[Span] = []
    n = len(toks)
    nxt = 0  # tokens before this index are already inside a quantity
    for i, t in enumerate(toks):
        if i < nxt:
            continue
        kind = t[3]
        if kind == DIGIT:
            cls = 1
        elif kind == ARABIC:
            cls = token_class(t[2])
            if cls == 0 and i + 1 < n and toks[i + 1][2] in SCALE_KEYS and t[2][:2] == "ال":
                cls = 1  # "الثلاثة مليارات"
        else:
            continue
        if cls == 1:
            found = _quantity_at(text, toks, i, vague)
            if found is not None:
                span, nxt = found
                if span is not None:
                    out.append(span)
                nxt = max(nxt, i + 1)
                continue
            cls = 2 if is_unit_start(t[2]) else 0
        if cls == 2:
            found2 = _noun_first_at(text, toks, i)
            if found2 is not None:
                out.append(found2[0])
                nxt = found2[1]
    _units_from_neighbours(text, out)
    return out


def _units_from_neighbours(text: str, spans: list[Span]) -> None:
    """Give a unitless quantity the unit of its neighbour in the same sentence.

    "من 14 إلى 17 دولة" (the first takes the second's unit) and "أكثر من مليون لاجئ، وأن نحو
    65 ألفاً" (the second takes the first's). Spans are fresh objects, updated in place.
    """
    for idx, span in enumerate(spans):
        a = span.attrs
        from_next = a.pop("_unit_from_next", False)
        if a["unit"] is not None or a["percent"] or a["ordinal"]:
            continue
        for other_idx in ((idx + 1, idx - 1) if from_next else (idx - 1,)):
            if not 0 <= other_idx < len(spans):
                continue
            other = spans[other_idx]
            gap = text[other.end:span.start] if other_idx < idx else text[span.end:other.start]
            if other.attrs["unit"] is None or other.attrs["percent"] or len(gap) > 160 \
                    or any(c in gap for c in ".!?؟\n"):
                continue
            a.update(unit=other.attrs["unit"], unit_inferred=True,
                     currency=other.attrs.get("currency"))
            break


def _quantity_at(text: str, toks: Sequence[Token], i: int, vague: bool = False
                 ) -> tuple[Span | None, int] | None:
    """Try to read a quantity whose number starts at token ``i``.

    Returns None when there is no number there, ``(None, next_index)`` for a number that is
    deliberately skipped (date, year, identifier), else ``(span, next_index)``.
    """
    num = _parse_number(text, toks, i)
    if num is None:
        return None
    if _is_date_context(toks, num):
        j = num.end
        while j < len(toks) and (toks[j].key in MONTHS or toks[j].kind == DIGIT
                                 or toks[j].key in ":/"):
            j += 1
        return None, j
    if _is_identifier(text, toks, num):
        return None, num.end
    if num.words and num.value in (1, 2) and num.end == num.start + 1:
        return None, num.end  # "في آن واحد"، "اثنين من": counts of one or two need a noun
    n = len(toks)
    attrs: dict[str, Any] = {"value": num.value, "high": None, "approx": None, "unit": None,
                             "unit_text": None, "ordinal": False, "percent": False,
                             "currency": None}
    start_char = num.char_start
    j = num.end

    # ordinal written in digits: العضو الـ68
    if not num.words and i >= 1 and toks[i - 1].key == "ال":
        attrs["ordinal"] = True
        start_char = toks[i - 1].start
        if i >= 2 and toks[i - 2].kind == ARABIC:
            noun = toks[i - 2]
            hit = unit_at(toks, i - 2)
            attrs["unit"] = hit[0].lemma if hit else singular_guess(text[noun.start:noun.end])
            attrs["unit_text"] = text[noun.start:noun.end]
            start_char = noun.start
            plural = not hit[0].singular if hit else noun.key.endswith(("ات", "ين", "ون"))
            if plural:  # "الساعات الـ48 الماضية" counts hours, it does not rank them
                attrs["ordinal"] = False
        return _make_span(text, start_char, toks[j - 1].end, attrs), j

    # range: بين X و Y / من X إلى Y / X-Y
    high = None
    k = j
    range_start_tok = None
    if k < n:
        if toks[k].key == "-" and k + 1 < n and toks[k + 1].kind == DIGIT:
            hi = _parse_number(text, toks, k + 1)
            if hi is not None and hi.value > num.value:
                high, k = hi, hi.end
        elif toks[k].key in RANGE_TO and k + 1 < n:
            hi = _parse_number(text, toks, k + 1)
            if hi is not None and i >= 1 and toks[i - 1].key in ("من", "ومن"):
                attrs["_unit_from_next"] = True  # "ارتفع من 14 إلى 17 دولة": two counts
            elif hi is not None:
                high, k = hi, hi.end
        elif (i >= 1 and bare(toks[i - 1].key) in ("بين", "مابين")) or (
                i >= 1 and toks[i - 1].key == "بين"):
            hi = _and_number(text, toks, k)
            if hi is not None:
                high, k = hi, hi.end
                range_start_tok = i - 1
    if high is not None:
        if num.year_like and high.year_like:
            return None, k
        if high.value < num.value and high.value < 1000 <= num.value:
            pass  # "5 آلاف إلى 6" style is too rare to guess
        attrs["high"] = high.value
        attrs["approx"] = "range"
        j = k
    elif num.vague:
        if not vague:
            return None, num.end
        attrs["vague"] = True
        attrs["approx"] = "at_least"

    # percent, currency symbol, unit
    end_tok = j
    unit_found = False
    if i >= 1 and toks[i - 1].key in CURRENCY_SYMBOLS:
        lemma, code = CURRENCY_SYMBOLS[toks[i - 1].key]
        attrs.update(unit=lemma, unit_text=toks[i - 1].key, currency=code)
        start_char = toks[i - 1].start
        unit_found = True
    elif j < n and toks[j].key in ("%",):
        attrs.update(percent=True, unit="%", unit_text="%")
        end_tok = j + 1
        unit_found = True
    elif j < n and toks[j].key in CURRENCY_SYMBOLS:
        lemma, code = CURRENCY_SYMBOLS[toks[j].key]
        attrs.update(unit=lemma, unit_text=toks[j].key, currency=code)
        end_tok = j + 1
        unit_found = True
    elif j < n and toks[j].key in PERCENT_WORDS:
        attrs.update(percent=True, unit="%", unit_text=text[toks[j].start:toks[j].end])
        end_tok = j + 1
        unit_found = True
    elif j + 1 < n and toks[j].key == "في" and toks[j + 1].key in PERCENT_WORDS:
        attrs.update(percent=True, unit="%", unit_text=text[toks[j].start:toks[j + 1].end])
        end_tok = j + 2
        unit_found = True
    elif i >= 1 and toks[i - 1].key == "%" and not num.words:
        attrs.update(percent=True, unit="%", unit_text="%")
        start_char = toks[i - 1].start
        unit_found = True
    else:
        hit = unit_at(toks, j) or unit_at(toks, j, pronouns=True)
        if hit is None and j + 1 < n and ((toks[j].key in SCALE_NOUN_AFTER_MIN and (
                num.vague or num.words or num.value >= 2) and toks[j + 1].key.startswith("ال"))
                or toks[j].key in ("de", "d", "of")):
            hit = unit_at(toks, j + 1 + (toks[j + 1].key == "'"))
        if hit is not None:
            unit, end_tok = hit
            ut = toks[end_tok - 1]
            first = toks[j] if toks[j].key not in SCALE_NOUN_AFTER_MIN | {"de", "d", "of"} \
                else toks[j + 1]
            rate = rate_at(toks, end_tok) if "/" not in unit.lemma else None
            if rate is not None:  # "120 متراً مكعباً في الثانية"
                end_tok = rate[1]
                ut = toks[end_tok - 1]
            attrs.update(unit=unit.lemma + (f"/{rate[0]}" if rate else ""),
                         unit_text=text[first.start:ut.end])
            if unit.category == "currency":
                attrs["currency"] = unit.code or None
            unit_found = True

    if num.year_like and not unit_found and high is None:
        return None, j
    if num.year_like and j < n and toks[j].kind == ARABIC and toks[j].key in ("م", "ه"):
        return None, j + 1

    # cues
    cue_b = cue_before(toks, range_start_tok if range_start_tok is not None else i)
    if cue_b is not None and high is None:
        attrs["approx"] = cue_b[0]
        start_char = min(start_char, cue_b[1])
    if range_start_tok is not None:
        start_char = min(start_char, toks[range_start_tok].start)
    cue_a = cue_after(toks, end_tok)
    if cue_a is None and not unit_found and end_tok < n and toks[end_tok].kind == ARABIC:
        guess = _guess_unit(text, toks, end_tok, num)
        if guess is not None:
            attrs.update(unit=guess[0], unit_text=guess[1], unit_guessed=True)
            end_tok += 1
            unit_found = True
            cue_a = cue_after(toks, end_tok)
    if cue_a is not None:
        if cue_a[0] != "exact" and attrs["approx"] in (None, "at_least") and high is None:
            attrs["approx"] = cue_a[0]
        end_tok = cue_a[1]
    if not unit_found and not attrs.get("_unit_from_next"):
        inferred = _infer_unit(toks, i)
        if inferred is not None:
            unit, tok = inferred
            attrs.update(unit=unit.lemma, unit_text=text[tok.start:tok.end], unit_inferred=True)
    if num.vague and not unit_found:
        return None, num.end  # "الآلاف" alone is not a quantity worth reporting
    end_char = toks[end_tok - 1].end
    return _make_span(text, start_char, end_char, attrs), end_tok


def _and_number(text: str, toks: Sequence[Token], k: int) -> _Number | None:
    """Parse the second member of "بين X و Y" at token ``k`` ("و Y", "وY" or "وستة")."""
    if k >= len(toks):
        return None
    t = toks[k]
    if t.key == "و" and k + 1 < len(toks):
        return _parse_number(text, toks, k + 1)
    if t.kind == ARABIC and t.key.startswith("و") and len(t.key) > 2:
        return _parse_number(text, toks, k)
    return None


def _guess_unit(text: str, toks: Sequence[Token], j: int, num: _Number
                ) -> tuple[str, str] | None:
    """The next word as an unknown counted noun, unless it is clearly not one."""
    t = toks[j]
    k = t.key
    if len(k) < 3 or k in NOT_UNITS or k in MONTHS or word_info(k)[0]:
        return None
    if k.startswith("ال") and not num.vague:
        return None  # "قتل 5 الأطفال" is not Arabic; a definite word here starts a new phrase
    if k.endswith("وا") or k[:2] in ("سي", "ست", "سن") or k[0] in "وف" or k.startswith("اخر"):
        return None  # plural past verbs (أصيبوا), future verbs (سيجتمع)
    raw = text[t.start:t.end]
    return singular_guess(raw), raw


_POST_NUMBERS = {key(w): v for w, v in (("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنين", 2),
                                         ("اثنتان", 2), ("اثنتين", 2))}


def _noun_first_at(text: str, toks: Sequence[Token], i: int) -> tuple[Span, int] | None:
    """Counts written after or inside the noun: "شخص واحد"، "المفقودين الأربعة"، "شخصين"
    (a dual), "العضو الثامن والستين" (an ordinal)."""
    k = toks[i].key
    if not is_unit_start(k):
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.kind == ARABIC:
        value = _POST_NUMBERS.get(nxt.key)
        if value is None and nxt.key.startswith("ال") and len(nxt.key) > 4:
            raw = text[nxt.start + 2:nxt.end]
            if word_info(nxt.key[2:])[0]:
                parsed = numbers.parse_number_words((raw,), 0, ordinals=False)
                value = parsed.value if parsed is not None and parsed.value >= 3 else None
        after = toks[i + 2].key if i + 2 < len(toks) else ""
        if value is not None and after not in SCALE_KEYS:  # not "الثلاثة مليارات"
            hit = unit_at(toks, i)
            if hit is not None and hit[1] == i + 1 and not (
                    value <= 2 and hit[0].category == "time"):  # "في يوم واحد" is an idiom
                attrs = _attrs(value, hit[0].lemma, text[toks[i].start:toks[i].end])
                return _make_span(text, toks[i].start, nxt.end, attrs), i + 2
        if nxt.key.startswith("ال"):
            ordinal = _ordinal_word_at(text, toks, i)
            if ordinal is not None:
                return ordinal
    unit = dual_index().get(k)
    if unit is None and text[toks[i].end - 3:toks[i].end - 2] == "\u064e" and k.endswith("ين"):
        hit = unit_at(toks, i)  # "المفقودَين": the fatha marks a dual, not a plural
        unit = hit[0] if hit is not None else None
    if unit is not None:
        attrs = _attrs(2, unit.lemma, text[toks[i].start:toks[i].end])
        attrs["dual"] = True
        return _make_span(text, toks[i].start, toks[i].end, attrs), i + 1
    return None


def _attrs(value: int | float, unit: str | None, unit_text: str | None) -> dict[str, Any]:
    return {"value": value, "high": None, "approx": None, "unit": unit, "unit_text": unit_text,
            "ordinal": False, "percent": False, "currency": None}


def _ordinal_word_at(text: str, toks: Sequence[Token], i: int) -> tuple[Span, int] | None:
    """"<unit noun> <ordinal word>" (العضو الثامن والستين، للمرة الثالثة) at token ``i``."""
    nxt = toks[i + 1]
    k = toks[i].key
    if not nxt.key.startswith("ال") or not k.startswith(("ال", "لل", "بال", "وال")):
        return None
    hit = unit_at(toks, i)
    if hit is None or hit[1] != i + 1 or hit[0].category not in ("person", "group"):
        return None  # "للمرة الأولى"، "الجلسة الثانية" rank events, they do not count
    val = ordinal_words(text, toks, i + 1)
    if val is None:
        return None
    value, end = val
    attrs = {"value": value, "high": None, "approx": None, "unit": hit[0].lemma,
             "unit_text": text[toks[i].start:toks[i].end], "ordinal": True, "percent": False,
             "currency": None}
    return _make_span(text, toks[i].start, toks[end - 1].end, attrs), end


@stage("quantities", requires=("text",), assigns=("quantities",))
def quantities_stage(article: Article, *, settings: Settings) -> Article:
    """Pipeline stage: fill ``article.quantities`` with :func:`find_quantities`."""
    return article.replace(quantities=find_quantities(article.text))
