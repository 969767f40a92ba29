"""Lexical resources from outside ANERcorp for the NER features: word frequency and name lists.

Two resources, both offline:

- **Word frequency** (:func:`zipf_bucket`): the Arabic "large" list of the ``wordfreq`` package
  (Wikipedia, subtitles, news, web text; code Apache-2.0, data CC BY-SA 4.0, read from the
  installed package at run time, never copied here). Frequent words are rarely names; a word
  that no list knows is often a transliterated foreign name. Keys are normalized with
  :func:`~marsad.enrich.ner_features.norm_word` (alef forms, ى/ي, ة/ه merged, the highest
  frequency kept).
- **Name lists** (:func:`external_classes`, ``marsad/data/gazetteer_external.tsv``): single
  words of person names, place names, club names and nationality adjectives, extracted once by
  :func:`build_external_rows` from three PyPI wheels (see the file's header for sources and
  licences). They are *features*: the CRF learns how far to trust them (most of their words are
  also common words somewhere).

On the end of the ANERcorp train part (one-pass CRF, validation split, micro-F1): frequency
buckets +0.6, person and place lists +0.4, both +1.1, club names on top +1.3 (mostly ORG).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from marsad.enrich.gazetteer import DATA_DIR, read_table
from marsad.errors import DataMissingError

EXTERNAL_FILE = DATA_DIR / "gazetteer_external.tsv"
EXTERNAL_CLASSES: tuple[str, ...] = ("XP", "XL", "XLF", "XN", "XO")
"""``XP`` person-name word, ``XL`` word of a place name, ``XLF`` a whole one-word place name,
``XN`` nationality adjective, ``XO`` word of a sports-club name."""


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """Normalized Arabic word -> zipf bucket (1..7), from wordfreq's large Arabic list."""
    try:
        import wordfreq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DataMissingError(
            "the NER features need the wordfreq package (wordfreq==3.1.1, its Arabic list is in "
            "the wheel): install the project's dependencies with `make venv`"
        ) from exc
    from marsad.enrich.ner_features import norm_word

    # the list comes in centibel buckets, most frequent first (bucket i: 10^(-i/100) of all
    # words, zipf 9 - i/100); normalize a bucket's words in one pass over one string, and
    # keep a normalized form's first (highest) bucket
    out: dict[str, int] = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list("ar", wordlist="large")):
        if not bucket:
            continue
        zipf = max(1, int(9 - i / 100))
        for n in norm_word.__wrapped__("\n".join(bucket)).split("\n"):
            out.setdefault(n, zipf)
    return out


def zipf_bucket(nword: str) -> int:
    """Frequency class of a normalized word: 0 unknown, else floor of its zipf value (1..7).

    Zipf is log10 of occurrences per billion words: 7 for في، 5 for common nouns, 1 for words
    seen a few times in billions.
    """
    return _frequencies().get(nword, 0)


@lru_cache(maxsize=1)
def _external() -> dict[str, tuple[str, ...]]:
    from marsad.enrich.ner_features import norm_word

    if not EXTERNAL_FILE.is_file():
        raise DataMissingError(f"NER name lists {EXTERNAL_FILE} are missing (package data)")
    out: dict[str, list[str]] = {}
    for word, cls in read_table(EXTERNAL_FILE):
        out.setdefault(norm_word(word), []).append(cls)
    return {w: tuple(sorted(set(c))) for w, c in out.items()}


def external_classes(nword: str) -> tuple[str, ...]:
    """Classes of a normalized word in the external name lists (empty when in none)."""
    return _external().get(nword, ())


# --------------------------------------------------------------------------- building the file
_AR_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+")
_CLUB_NOISE = frozenset({"نادي", "لكره", "القدم", "فريق"})


def _words(text: str) -> list[str]:
    from marsad.enrich.ner_features import norm_word

    return [norm_word(w) for w in _AR_WORD.findall(text)]


def build_external_rows(arabnamer: str | Path, arwikicats: str | Path,
                        name_variants: str | Path) -> list[tuple[str, str]]:
    """Extract ``(word, class)`` rows from the unpacked wheels (a one-off, for maintainers).

    Args:
        arabnamer: The ``arabnamer`` package folder of arabnamer 0.1.3 (``data/dict_FINAL.json``:
            English -> Arabic person names, CC BY 4.0).
        arwikicats: The ``ArWikiCats`` package folder of arwikicats 0.2.3 (``jsons/``: Arabic
            Wikipedia names of cities, regions, people, clubs, nationalities; MIT).
        name_variants: The ``name_variants`` package folder of name-variants 0.1.3
            (``arabic_names.py``: common Arabic given names; MIT).

    Returns:
        Sorted unique rows (normalized words of two letters or more).
    """
    a, w, v = Path(arabnamer), Path(arwikicats) / "jsons", Path(name_variants)
    rows: set[tuple[str, str]] = set()

    def add(texts: Iterable[str], cls: str, whole: str | None = None) -> None:
        for text in texts:
            ws = _words(text)
            if whole and len(ws) == 1:
                rows.add((ws[0], whole))
            for word in ws:
                if len(word) >= 2 and not (cls == "XO" and word in _CLUB_NOISE):
                    rows.add((word, cls))

    add(json.loads((a / "data" / "dict_FINAL.json").read_text(encoding="utf-8")).values(), "XP")
    add(json.loads((w / "people" / "peoples.json").read_text(encoding="utf-8")).values(), "XP")
    given = re.findall(r'^    "([^"]+)": \{', (v / "arabic_names.py").read_text(encoding="utf-8"),
                       flags=re.M)
    add(given, "XP")
    for name in ("cities/cities_full.json", "geography/popopo.json", "geography/P17_PP.json",
                 "geography/P17_2_final_ll.json", "geography/us_counties.json"):
        values = json.loads((w / name).read_text(encoding="utf-8")).values()
        add((x for x in values if isinstance(x, str)), "XL", whole="XLF")
    add(json.loads((w / "sports" / "Clubs_key.json").read_text(encoding="utf-8")).values(), "XO")
    for name in ("nationalities/nationalities_data.json", "nationalities/all_nat_as_en.json"):
        for entry in json.loads((w / name).read_text(encoding="utf-8")).values():
            for key in ("male", "males", "female", "females", "the_male", "the_female"):
                ws = _words(entry.get(key, ""))
                if len(ws) == 1:
                    rows.add((ws[0], "XN"))
            ws = _words(entry.get("ar", ""))
            if len(ws) == 1:
                rows.add((ws[0], "XLF"))
    return sorted(rows)


_HEADER = """\
# Words of names from outside ANERcorp, for the NER tagger's features (x=XP ...), written by
# marsad.enrich.ner_lexicons.build_external_rows from three PyPI wheels. Normalized (norm_word).
# word<TAB>class: XP person-name word, XL word of a place name, XLF one-word place name,
# XN nationality adjective, XO word of a sports-club name.
# Sources (changes: split into normalized words, deduplicated):
#  - arabnamer 0.1.3, data/dict_FINAL.json (English->Arabic person names), (c) Elsayed Yousef,
#    CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), github.com/sayedyousef/arabnamer
#  - arwikicats 0.2.3, ArWikiCats/jsons (cities, regions, people, clubs, nationalities from
#    Arabic Wikipedia category names), MIT licence, github.com/MrIbrahem/ArWikiCats
#  - name-variants 0.1.3, name_variants/arabic_names.py (common Arabic given names),
#    Copyright (c) 2026 Security Ronin Ltd, MIT licence, github.com/SecurityRonin/name-variants
"""


def write_external(rows: Iterable[tuple[str, str]], path: str | Path = EXTERNAL_FILE) -> None:
    """Write rows from :func:`build_external_rows` with the provenance header."""
    body = "".join(f"{word}\t{cls}\n" for word, cls in rows)
    Path(path).write_text(_HEADER + body, encoding="utf-8")


__all__ = [
    "EXTERNAL_CLASSES",
    "EXTERNAL_FILE",
    "build_external_rows",
    "external_classes",
    "write_external",
    "zipf_bucket",
]
