"""Gazetteers: word lists for NER features and entity canonicalization, loaded once from data.

Files in ``marsad/data/`` (each starts with ``#`` comment lines saying what it is and where it
came from; fields are tab-separated):

- ``gazetteer_triggers.tsv``: ``word<TAB>class`` hand-written titles and trigger words
  (``PER_TITLE`` وزير، الرئيس …; ``ORG_TRIG`` وكالة، صحيفة …; ``LOC_TRIG`` العاصمة، مدينة …).
- ``gazetteer_nisba.tsv``: ``adjective<TAB>place`` nisba adjectives (masculine singular, without
  ال) and the place they belong to (أميركي → الولايات المتحدة); inflected forms are generated.
- ``gazetteer_names.tsv``: ``word<TAB>class<TAB>count`` words seen inside entities of the
  ANERcorp *train* part (``PER_T``, ``LOC_T``, ``ORG_T``, ``MISC_T``); written by training
  (:mod:`marsad.enrich.train_ner`) together with the model, because the model learned from it.
- ``gazetteer_external.tsv``: ``word<TAB>class`` words of person, place and club names and
  nationality adjectives from three PyPI wheels (arabnamer, arwikicats, name-variants), for
  the tagger's ``x=`` features; read by :mod:`marsad.enrich.ner_lexicons`.
- ``gazetteer_aliases.tsv``: ``alias<TAB>canonical<TAB>label`` names of well-known entities;
  ``gazetteer_places.tsv``: place names (CLDR countries and a hand-written list of cities);
  ``gazetteer_org_heads.tsv``: head words of organisation names; ``gazetteer_name_variants.tsv``:
  entity-key rules. These four are used by :mod:`marsad.enrich.entities`, not by the tagger.

Not used: the name lists inside the PyPI package Farasa (``hmPeople``, ``hmLocations``,
``hmListGaz``). Measured on the ANERcorp train part, only 19% (people) and 21% (places) of the
tokens they match are entities of that type (they hold common words such as بين، كان، وزير),
after removing Farasa's own common-word lexicons they cover 6.6% of person tokens, adding them
as features did not move held-out F1, they are pickles, and their licence is "for research
purpose only".

All keys are normalized with :func:`marsad.enrich.ner_features.norm_word` when loaded, so the
files stay readable (written as outlets write them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

NISBA_ENDINGS: tuple[str, ...] = ("", "ه", "ون", "ين", "ان", "تان", "تين")
"""Endings added to a nisba stem ending in ي (ي، ية، يون، يين، يان، يتان، يتين) after norm_word."""


@dataclass(frozen=True)
class Gazetteers:
    """Read-only word lists, keyed by normalized word.

    Attributes:
        classes: normalized single word -> gazetteer classes it belongs to.
        nisba: normalized nisba form (with and without ال) -> place name as written.
    """

    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    nisba: dict[str, str] = field(default_factory=dict)

    def word_classes(self, nword: str) -> tuple[str, ...]:
        """Classes of a normalized word (empty tuple when it is in no list)."""
        return self.classes.get(nword, ())


def read_table(path: Path) -> Iterator[list[str]]:
    """Yield the tab-separated fields of each non-comment, non-empty line of a data file.

    Raises:
        FileNotFoundError: ``path`` does not exist (with the path in the message).
    """
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield line.split("\t")


def nisba_forms(adjective: str) -> list[str]:
    """All normalized inflections of a nisba adjective, with and without ال.

    Args:
        adjective: Masculine singular without ال, e.g. ``أميركي``.

    Returns:
        Normalized forms such as ``اميركي``, ``الاميركيه``, ``الاميركيين``.
    """
    from marsad.enrich.ner_features import norm_word

    stem = norm_word(adjective)
    forms = []
    for ending in NISBA_ENDINGS:
        word = stem + ending
        forms.extend((word, "ال" + word))
    return forms


def build_gazetteers(
    class_rows: Iterable[tuple[str, str]],
    nisba_rows: Iterable[tuple[str, str]] = (),
) -> Gazetteers:
    """Build :class:`Gazetteers` from rows (used by the loader and by training).

    Args:
        class_rows: ``(word, class)`` pairs; a word may appear in several classes.
        nisba_rows: ``(adjective, place)`` pairs; each adjective's inflections are added
            with class ``NISBA``.
    """
    from marsad.enrich.ner_features import norm_word

    classes: dict[str, list[str]] = {}
    for word, cls in class_rows:
        key = norm_word(word)
        if key and cls not in classes.setdefault(key, []):
            classes[key].append(cls)
    nisba: dict[str, str] = {}
    for adjective, place in nisba_rows:
        for form in nisba_forms(adjective):
            nisba.setdefault(form, place)
            if "NISBA" not in classes.setdefault(form, []):
                classes[form].append("NISBA")
    return Gazetteers(classes={k: tuple(sorted(v)) for k, v in classes.items()}, nisba=nisba)


@lru_cache(maxsize=1)
def static_rows(data_dir: str | None = None
                ) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The hand-written lists: ``(word, class)`` trigger rows and ``(adjective, place)`` rows.

    Raises:
        FileNotFoundError: A data file is missing (the package data is incomplete).
    """
    folder = Path(data_dir) if data_dir else DATA_DIR
    triggers = tuple((r[0], r[1]) for r in read_table(folder / "gazetteer_triggers.tsv"))
    nisba = tuple((r[0], r[1]) for r in read_table(folder / "gazetteer_nisba.tsv"))
    return triggers, nisba


@lru_cache(maxsize=4)
def load_gazetteers(data_dir: str | None = None) -> Gazetteers:
    """Load the shipped gazetteers once per process (read-only afterwards).

    Args:
        data_dir: Folder holding the ``gazetteer_*.tsv`` files; default ``marsad/data``.

    Raises:
        FileNotFoundError: A gazetteer file is missing (the package data is incomplete).
    """
    folder = Path(data_dir) if data_dir else DATA_DIR
    triggers, nisba = static_rows(data_dir)
    class_rows = list(triggers)
    names = folder / "gazetteer_names.tsv"
    if names.exists():
        class_rows.extend((row[0], row[1]) for row in read_table(names))
    return build_gazetteers(class_rows, nisba)


def cldr_place_names() -> list[str]:
    """Arabic names of countries and territories from CLDR (through Babel), cleaned.

    Used once to write the CLDR part of ``gazetteer_places.tsv`` (Babel is not needed at run
    time): parenthesized notes and "X - Y" qualifiers are dropped, region groupings (العالم،
    أوروبا الغربية …) and non-places (منطقة اليورو) are left out.

    Raises:
        ImportError: Babel is not installed.
    """
    from babel import Locale

    skip = {"001", "EU", "EZ", "UN", "XA", "XB", "ZZ", "QO"}
    names = set()
    for code, name in Locale("ar").territories.items():
        if code.isdigit() or code in skip:
            continue
        name = name.split("(")[0].split(" - ")[0].strip()
        if name:
            names.add(name)
    return sorted(names)
