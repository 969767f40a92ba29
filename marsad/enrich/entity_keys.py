"""Entity keys: when two written names denote the same entity, within and across articles.

Split out of :mod:`marsad.enrich.entities` (which re-exports everything here): hamza forms,
ة/ه, ى/ي, the article ال, place endings ية/يا and, for foreign-looking names, the consonant
skeleton are unified; the alias table maps other names to a canonical one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from marsad.enrich.gazetteer import DATA_DIR, read_table
from marsad.enrich.ner_features import norm_word

_WORD = re.compile(r"[^\W_]+")


# --------------------------------------------------------------------------- entity keys
@dataclass(frozen=True)
class _KeyRules:
    arabic_only: frozenset[str]
    protect: frozenset[str]
    given: frozenset[str]  # word keys of common given names (never linked alone)
    aliases: dict[str, tuple[str, str]]  # alias key -> (canonical name, label)


@lru_cache(maxsize=1)
def _rules() -> _KeyRules:
    arabic_only: set[str] = set()
    protect: set[str] = set()
    given: list[str] = []
    for row in read_table(DATA_DIR / "gazetteer_name_variants.tsv"):
        if row[0] == "arabic_only":
            arabic_only.update(row[1].split())
        elif row[0] == "protect":
            protect.add(norm_word(row[1]))
        elif row[0] == "given":
            given.append(row[1])
    rules = _KeyRules(frozenset(arabic_only), frozenset(protect), frozenset(), {})
    rules = _KeyRules(rules.arabic_only, rules.protect,
                      frozenset(key_word(g, "PER", rules) for g in given), {})
    for alias, canonical, label in read_table(DATA_DIR / "gazetteer_aliases.tsv"):
        rules.aliases.setdefault(_raw_key(alias, label, rules), (canonical, label))
    for row in read_table(DATA_DIR / "gazetteer_places.tsv"):
        rules.aliases.setdefault(_raw_key(row[0], "LOC", rules), (row[0], "LOC"))
    return rules


def skeleton(word: str) -> str:
    """Consonant skeleton of a normalized foreign name: ا و ي dropped inside, ج → غ.

    The first and last letters are kept (بومبيو → بمبو, سوريا → سرا) so that a final vowel
    still tells names apart.
    """
    if len(word) < 3:
        return word
    middle = "".join(c for c in word[1:-1] if c not in "اوي")
    return (word[0] + middle + word[-1]).replace("ج", "غ")


def key_word(word: str, label: str = "", rules: _KeyRules | None = None) -> str:
    """The key of one name word (see :func:`entity_key`)."""
    if rules is None:
        return _cached_key_word(word, label)
    n = norm_word(word)
    if n.startswith("ال") and len(n) >= 5:
        n = n[2:]
    if label == "LOC" and len(n) >= 4 and n.endswith("يه"):
        n = n[:-1] + "ا"  # سورية → سوريا (ة is already ه)
    if len(n) >= 5 and n not in rules.protect and not any(c in rules.arabic_only for c in n):
        n = skeleton(n)
    return n


@lru_cache(maxsize=65536)
def _cached_key_word(word: str, label: str) -> str:
    return key_word(word, label, _rules())


def _raw_key(name: str, label: str, rules: _KeyRules) -> str:
    return " ".join(k for k in (key_word(w, label, rules) for w in _WORD.findall(name)) if k)


@lru_cache(maxsize=65536)
def entity_key(name: str, label: str) -> str:
    """A stable key for a name: equal keys mean the same entity, within and across articles.

    Words are normalized (diacritics, tatweel, hamza forms, ى/ي, ة/ه), lose the article ال
    (when four letters stay), places ending in ية end in يا, and foreign-looking words of five
    letters or more (no letter of ``arabic_only`` in ``gazetteer_name_variants.tsv``, not in its
    ``protect`` list) are reduced to their :func:`skeleton`. A name in the alias table gets the
    key of its canonical name.

    Args:
        name: The name as written (without clitics or titles).
        label: ``PER``, ``ORG``, ``LOC`` or ``MISC``.

    Returns:
        Space-separated word keys (empty when the name has no letters or digits).
    """
    rules = _rules()
    key = _raw_key(name, label, rules)
    alias = rules.aliases.get(key)
    if alias is not None:
        return _raw_key(alias[0], alias[1], rules)
    return key


@lru_cache(maxsize=65536)
def entity_id(name: str, label: str) -> str:
    """The canonical id ``LABEL:key`` (alias-table names take the table's label)."""
    alias = _rules().aliases.get(_raw_key(name, label, _rules()))
    if alias is not None:
        label = alias[1]
    return f"{label}:{entity_key(name, label)}"


def link_partial_ids(ids: Iterable[str]) -> dict[str, str]:
    """Map surname-only person ids to the one full-name id ending in that surname.

    For the store, across articles: an article that only says بومبيو gets ``PER:بمبو``; when
    exactly one known multi-word person id ends in ``بمبو`` (``PER:مايك بمبو``), this maps the
    first to it. Ambiguous surnames (two Hariris) stay unmapped: precision first.

    Args:
        ids: Canonical entity ids seen so far (any labels; only ``PER:`` ones are used).

    Returns:
        ``{partial id: full id}`` for the unambiguous cases.
    """
    given = _rules().given
    persons = sorted({i for i in ids if i.startswith("PER:")})
    by_tail: dict[str, set[str]] = defaultdict(set)
    for pid in persons:
        words = pid[4:].split()
        for k in range(1, len(words)):
            by_tail[" ".join(words[k:])].add(pid)
    out = {}
    for pid in persons:
        fulls = by_tail.get(pid[4:], set())
        if len(fulls) == 1 and pid[4:] not in given:
            out[pid] = next(iter(fulls))
    return out


__all__ = ["entity_id", "entity_key", "key_word", "link_partial_ids", "skeleton"]
