"""Named entities on articles and their canonical entities (the ``entities`` stage).

Mentions come from the CRF tagger (:mod:`marsad.enrich.ner`, ``how="crf"``), from curated
lists where the tagger found nothing (``how="gazetteer"``: the alias table of well-known names
such as داعش, which a 2007 corpus cannot teach, and ``gazetteer_places.tsv``), and from a rule
for organisation names built on a head word (``how="pattern"``: وزارة الداخلية، مجلس الوزراء,
which ANERcorp leaves untagged). Each mention is a :class:`~marsad.model.Span` on the original
text with label ``PER``/``ORG``/``LOC``/``MISC``, its start moved past a leading clitic
(وبومبيو → بومبيو), title words dropped from persons (الرئيس ترمب → ترمب).

Mentions that denote the same thing become one entity (:func:`canonicalize`):

- the same *entity key* (:func:`entity_key`): hamza forms, ة/ه, ى/ي, the article ال, the
  LOC ending ية/يا (سورية/سوريا) and, for foreign-looking names, the consonant skeleton
  (ترامب/ترمب, بروكسل/بروكسيل, أميركا/أمريكا) are unified;
- an alias in ``marsad/data/gazetteer_aliases.tsv`` (الدولة الإسلامية → داعش);
- a person's surname or tail joins the full name it ends (بومبيو → مايك بومبيو), taking the
  nearest full name before it when several share the surname;
- an organisation or place written with its trigger word joins the bare name (تنظيم X → X).

Nisba adjectives (الأميركي) are not persons: they become ``NISBA`` spans with
``attrs["nisba_of"]`` naming the place and ``attrs["entity"]`` its LOC id (a relation, not a
mention of the place).

Span attributes of a mention: ``entity`` (canonical id ``LABEL:key``, stable across articles),
``canonical`` (readable name: the most frequent full form, or the alias table's name), ``how``
(``crf`` | ``gazetteer`` | ``pattern``), ``link`` (how it joined its entity: ``key`` | ``alias`` |
``partial-name`` | ``trigger``), and for persons ``surname`` (the id a surname alone would get,
so the store can attach surname-only articles with :func:`link_partial_ids`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.config import Settings
from marsad.enrich.entity_keys import (  # noqa: F401 - re-exported: part of this module's API
    _raw_key,
    _rules,
    entity_id,
    entity_key,
    key_word,
    link_partial_ids,
    skeleton,
)
from marsad.enrich.gazetteer import DATA_DIR, load_gazetteers, read_table
from marsad.enrich.ner import bio_spans, load_tagger
from marsad.enrich.ner_features import SENTENCE_END, norm_word
from marsad.model import Article, Span
from marsad.pipeline import stage

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
NISBA = "NISBA"
_LABEL_ORDER = {label: i for i, label in enumerate(LABELS)}
_WORD = re.compile(r"[^\W_]+")
_SINGLE_CLITICS = frozenset("وفبلك")


# --------------------------------------------------------------------------- canonicalize
@dataclass
class Entity:
    """One canonical entity of an article.

    Attributes:
        id: ``LABEL:key``, stable across articles.
        label: Majority label of its mentions (or the alias table's).
        canonical: Readable name (most frequent full form, or the alias table's name).
        mentions: Indices into the mention list given to :func:`canonicalize`.
        variants: Distinct surface forms, in order of first use.
        links: How each mention joined (``key`` | ``alias`` | ``partial-name`` | ``trigger``).
    """

    id: str
    label: str
    canonical: str
    mentions: list[int] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    links: dict[int, str] = field(default_factory=dict)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def display_name(surface: str) -> str:
    """A mention's surface as a name: للأمم المتحدة → الأمم المتحدة (لل is ل + ال)."""
    if surface.startswith("لل") and len(surface) > 4:
        return "ال" + surface[2:]
    return surface


@lru_cache(maxsize=65536)
def mention_key(text: str, label: str) -> str:
    """Entity key of a mention's surface (before aliases): :func:`entity_key` rules, plus
    لل read as ال, and trailing nisba adjectives dropped from places (مايوت الفرنسي → مايوت).
    """
    rules = _rules()
    words = _words(display_name(text))
    if label == "LOC":
        nisba = load_gazetteers().nisba
        while len(words) > 1 and norm_word(words[-1]) in nisba:
            words.pop()
    return " ".join(k for k in (key_word(w, label, rules) for w in words) if k)


def canonicalize(mentions: Sequence[Span]) -> list[Entity]:
    """Group an article's mentions into entities (a pure function).

    Args:
        mentions: Spans with label PER/ORG/LOC/MISC and clean ``text`` (no clitic, no title),
            in text order.

    Returns:
        Entities in order of first mention; every mention index is in exactly one.
    """
    rules = _rules()
    n = len(mentions)
    keys = [mention_key(m.text, m.label) for m in mentions]
    parent = list(range(n))
    link = ["key"] * n

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(child: int, root: int) -> None:
        a, b = find(child), find(root)
        if a != b:
            parent[a] = b

    # 1. same key (after aliases) -> same entity, whatever label the tagger gave each mention
    resolved: list[str] = []
    alias_of: list[tuple[str, str] | None] = []
    for i, k in enumerate(keys):
        alias = rules.aliases.get(k)
        alias_of.append(alias)
        if alias is not None:
            link[i] = "alias"
            resolved.append(_raw_key(alias[0], alias[1], rules))
        else:
            resolved.append(k)
    # person tails (surnames) are linked one by one in step 3, not grouped by key first:
    # two بوش may belong to جورج بوش and جيب بوش
    targets = _partial_targets(mentions, resolved, alias_of, rules.given)
    first_of: dict[str, int] = {}
    for i, k in enumerate(resolved):
        if not k or i in targets:
            continue
        if k in first_of:
            union(i, first_of[k])
        else:
            first_of[k] = i
    # 2. trigger-prefixed names join the bare name (تنظيم داعش -> داعش)
    gaz = load_gazetteers()
    for i, m in enumerate(mentions):
        words = _words(m.text)
        if m.label != "PER" and len(words) > 1:
            head = norm_word(words[0])
            if "ORG_TRIG" in gaz.word_classes(head) or "LOC_TRIG" in gaz.word_classes(head):
                rest = " ".join(resolved[i].split()[1:])
                if rest in first_of and find(first_of[rest]) != find(i):
                    union(i, first_of[rest])
                    link[i] = "trigger"
    # 3. person tails join the nearest full name that ends with them
    for i, target in targets.items():
        union(i, target)
        link[i] = "partial-name"
    # 4. build the entities
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    entities = []
    for members in sorted(groups.values(), key=lambda g: min(g)):
        entities.append(_entity(members, mentions, resolved, alias_of, link))
    return entities


def _partial_targets(mentions: Sequence[Span], resolved: list[str],
                     alias_of: list[tuple[str, str] | None], given: frozenset[str]
                     ) -> dict[int, int]:
    """For each mention that is the tail of a longer person name: the full name it joins.

    The nearest full name before the mention wins (journalists name a person in full first);
    with none before, the first one after. A one-word ORG/MISC can be a known person's
    surname (فريق ترمب); a place never is (جورج واشنطن does not make the city a person); a
    common given name alone (محمد) is never linked.
    """
    full = [j for j, m in enumerate(mentions) if m.label == "PER" and len(resolved[j].split()) > 1]
    out: dict[int, int] = {}
    for i, m in enumerate(mentions):
        words = resolved[i].split()
        if not words or m.label == "LOC" or alias_of[i] is not None or (
                m.label != "PER" and len(words) > 1) or (len(words) == 1 and words[0] in given):
            continue
        candidates = [j for j in full if j != i and len(resolved[j].split()) > len(words)
                      and resolved[j].split()[-len(words):] == words]
        if not candidates:
            continue
        before = [j for j in candidates if mentions[j].start < m.start]
        out[i] = (max(before, key=lambda j: mentions[j].start) if before
                  else min(candidates, key=lambda j: mentions[j].start))
    return out


def _entity(members: list[int], mentions: Sequence[Span], resolved: list[str],
            alias_of: list[tuple[str, str] | None], link: list[str]) -> Entity:
    aliases = [alias_of[i] for i in members if alias_of[i] is not None]
    if aliases:
        canonical, label = Counter(aliases).most_common(1)[0][0]
    else:
        votes = Counter(mentions[i].label for i in members)
        label = min(votes, key=lambda lab: (-votes[lab], _LABEL_ORDER.get(lab, 9)))
        longest = max(len(resolved[i].split()) for i in members)
        forms = Counter(display_name(mentions[i].text) for i in members
                        if len(resolved[i].split()) == longest)
        first = {display_name(mentions[i].text): mentions[i].start for i in reversed(members)}
        canonical = min(forms, key=lambda f: (-forms[f], first.get(f, 0)))
    variants: list[str] = []
    for i in members:
        if mentions[i].text not in variants:
            variants.append(mentions[i].text)
    return Entity(
        id=f"{label}:{entity_key(canonical, label)}",
        label=label,
        canonical=canonical,
        mentions=list(members),
        variants=variants,
        links={i: link[i] for i in members},
    )


# --------------------------------------------------------------------------- mentions
def clitic_length(word: str, known: Container[str]) -> int:
    """How many leading characters of ``word`` are a clitic to leave out of a mention.

    Only evidence counts, because names often begin with these letters (بريت، باتريك، وليد):
    a single و ف ب ل ك is skipped when the rest of the word is ``known`` (it occurs on its own
    in the article, or is in a gazetteer), or when it is followed by the article (والعراق →
    العراق). ``لل`` is never skipped: no substring of للأمم reads الأمم. A tatweel after the
    clitic (لـ) goes with it.

    Args:
        word: The first word of a mention, as written.
        known: Normalized words that may stand alone (see :func:`_known_words`).
    """
    n = norm_word(word)
    if len(n) < 3 or n[0] not in _SINGLE_CLITICS or n.startswith("لل"):
        return 0
    rest = n[1:]
    if not (rest.startswith("ال") and len(rest) >= 4) and rest not in known:
        return 0
    skip = 1
    while skip < len(word) - 1 and (word[skip] == "\u0640" or not word[skip].isalpha()):
        skip += 1
    return skip if skip < len(word) else 0


class _Known:
    """Membership in either of two sets, without copying the large one per article."""

    __slots__ = ("own", "shared")

    def __init__(self, own: set[str], shared: frozenset[str]) -> None:
        self.own = own
        self.shared = shared

    def __contains__(self, word: object) -> bool:
        return word in self.own or word in self.shared


def _known_words(norms: list[str], is_word: list[bool]) -> _Known:
    """Normalized words that stand alone: the article's own words, known place names and the
    title and trigger words (وشرق → شرق).

    Person-name lists are left out on purpose: ريت being a name somewhere must not turn
    بريت into ب + ريت.
    """
    known = {n for n, w in zip(norms, is_word, strict=True) if w}
    return _Known(known, _place_words())


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Function words and frequent verbs no name starts with (from arabic_common_words.txt).

    أم is kept out of the list: it starts names (أم كلثوم).
    """
    path = DATA_DIR / "arabic_common_words.txt"
    if not path.is_file():
        return frozenset()
    words = {norm_word(r[0]) for r in read_table(path)}
    return frozenset(words - {norm_word("أم")})


def _implausible(surface: str) -> bool:
    """Tagger output no name looks like: starts with a function word (على رأسهم), or is one
    word ending in tanween fath (وشيكاً: an adverb; names do not take it)."""
    words = _words(surface)
    if not words:
        return True
    if norm_word(words[0]) in _function_words():
        return True
    return len(words) == 1 and surface.rstrip().endswith("\u064b")


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Normalized words that may follow a clitic: one-word place and organisation names (alias
    table, LOC/ORG lexicon) and title and trigger words."""
    gaz = load_gazetteers()
    words = {w for w, cls in gaz.classes.items()
             if {"LOC_T", "ORG_T", "LOC_TRIG", "ORG_TRIG", "PER_TITLE"} & set(cls)}
    words |= _alias_words()
    return frozenset(words)


@lru_cache(maxsize=1)
def _alias_words() -> frozenset[str]:
    """Normalized one-word names of the alias table and places list (سورية, أميركا, داعش)."""
    return frozenset(norm_word(name) for name, _ in _listed_names() if len(name.split()) == 1)


@lru_cache(maxsize=65536)
def _is_nisba(word: str) -> bool:
    """A nisba adjective that is not also a name (سورية is the country in many outlets)."""
    if _nisba_place(word) is None:
        return False
    n = norm_word(word)
    return n not in _alias_words() and n[1:] not in _alias_words()


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    gaz = load_gazetteers()
    return frozenset(w for w, cls in gaz.classes.items()
                     if "PER_TITLE" in cls or "NISBA" in cls)


@lru_cache(maxsize=65536)
def _nisba_place(word: str) -> str | None:
    gaz = load_gazetteers()
    n = norm_word(word)
    if n in gaz.nisba:
        return gaz.nisba[n]
    if n[:1] in _SINGLE_CLITICS and n[1:] in gaz.nisba:
        return gaz.nisba[n[1:]]
    return None


_CUT_PUNCT = frozenset("()[]{}«»\"'“”،,؛;:|")


def _extend_to_listed(tokens: list[Span], s: int, e: int, most: int = 2) -> int:
    """End of a tagged span, extended by up to ``most`` words when that completes a listed
    name (the tagger often stops after الأمم in الأمم المتحدة)."""
    index = _surface_index()
    first = _light_key(tokens[s].text)
    if first not in index and first[1:] in index:
        first = first[1:]  # والأمم
    for words, _ in index.get(first, ()):
        j = s + len(words)
        if e < j <= e + most and j <= len(tokens) and tuple(
                _light_key(t.text) for t in tokens[s + 1:j]) == words[1:]:
            return j
    return e


def _relabel(tokens: list[Span], s: int, label: str) -> str:
    """A "person" whose first word is a place or organisation trigger is that place or
    organisation (مرفأ طرابلس, وزارة الداخلية): names never start with such words."""
    if label != "PER":
        return label
    classes = load_gazetteers().word_classes(norm_word(tokens[s].text))
    if "LOC_TRIG" in classes:
        return "LOC"
    if "ORG_TRIG" in classes:
        return "ORG"
    return label


def _clean_tokens(tokens: list[Span], s: int, e: int, label: str) -> tuple[int, int]:
    """Token range of a tagged span once punctuation, titles and trailing verbs are cut.

    The span ends before its first bracket, quote or comma; a person loses leading titles
    and nisba adjectives (الرئيس الأميركي دونالد ترمب → دونالد ترمب), ends before ب/ل glued to
    a listed place (بومبيو بواشنطن → بومبيو) and, in spans of three words or more, loses a
    trailing future verb (مايك بومبيو سيلتقي → مايك بومبيو).
    """
    for i in range(s, e):
        if tokens[i].text in _CUT_PUNCT:
            e = i
            break
    if label == "PER" and e > s:
        titles = _title_words()
        while s < e - 1 and norm_word(tokens[s].text).removeprefix("و") in titles:
            s += 1
        for i in range(s + 1, e):
            n = norm_word(tokens[i].text)
            if n[:1] in "بل" and n[1:] in _alias_words():
                e = i  # a preposition glued to a listed place ends the name (بومبيو بواشنطن)
                break
        if e - s >= 3:
            n = norm_word(tokens[e - 1].text)
            if n[:2] in ("سي", "ست", "سن", "سا") and len(n) >= 5 and n[2:3] != "ي":
                from marsad.arabic.tokenize import strip_clitics

                if strip_clitics(tokens[e - 1].text)[0].endswith("س"):
                    e -= 1
    return s, e


def _sentences(article: Article, tokens: list[Span]) -> list[list[int]]:
    """Token indices grouped by the language stage's sentences.

    Tokens outside every sentence (possible when ``sentences`` is empty) are grouped in runs
    cut after sentence-final punctuation, as in training.
    """
    bounds = sorted((s.start, s.end) for s in article.sentences)
    groups: list[list[int]] = []
    current: list[int] = []
    key: int | None = None
    b = 0
    for i, tok in enumerate(tokens):
        while b < len(bounds) and bounds[b][1] <= tok.start:
            b += 1
        k = b if b < len(bounds) and bounds[b][0] <= tok.start else None
        if current and (k != key or (k is None and tokens[current[-1]].text in SENTENCE_END)):
            groups.append(current)
            current = []
        key = k
        current.append(i)
    if current:
        groups.append(current)
    return groups


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("a" <= c.lower() <= "z" for c in letters)


def find_mentions(article: Article, *, model: str | None = None) -> tuple[list[Span], list[Span]]:
    """Tag an article: ``(mentions, nisba spans)`` before canonicalization.

    Args:
        article: An article with ``text`` (and ``sentences`` when the language stage ran).
        model: CRF model path; ``None`` for the shipped one.

    Returns:
        Mentions (label PER/ORG/LOC/MISC, ``attrs["how"]``) and ``NISBA`` spans, in text order;
        none for an article identified as another language than Arabic (the tagger and the
        lists are Arabic: tagging English with them would only produce noise).
    """
    from marsad.arabic.tokenize import tokenize

    text = article.text or ""
    if article.language not in (None, "", "ar"):
        return [], []
    tokens = tokenize(text)
    if not tokens:
        return [], []
    groups = _sentences(article, tokens)
    tagger = load_tagger(model)
    tags = tagger.tag_sentences([[tokens[i].text for i in g] for g in groups])
    raw: list[tuple[int, int, str]] = []
    for g, seq in zip(groups, tags, strict=True):
        for s, e, label in bio_spans(seq):
            raw.append((g[s], g[e - 1] + 1, label))
    norms = [norm_word(t.text) for t in tokens]
    is_word = [t.attrs.get("kind") == "word" for t in tokens]
    known = _known_words(norms, is_word)
    person_tails = {norm_word(tokens[e - 1].text) for s, e, label in raw
                    if label == "PER" and e - s > 1}
    covered = [False] * len(tokens)
    mentions: list[Span] = []
    for s0, e0, label in raw:
        e0 = _extend_to_listed(tokens, s0, e0)
        label = _relabel(tokens, s0, label)
        s, e = _clean_tokens(tokens, s0, e0, label)
        if e <= s:
            continue
        if e - s == 1 and _is_nisba(tokens[s].text) \
                and norm_word(tokens[s].text) not in person_tails:
            continue  # a nisba adjective is a relation (NISBA span below), not a mention
        start = tokens[s].start + clitic_length(tokens[s].text, known)
        end = tokens[e - 1].end
        surface = text[start:end]
        if len(surface) < 2 or not any(ch.isalpha() for ch in surface) or _is_latin(surface) \
                or _implausible(surface):
            continue
        for i in range(s, e):
            covered[i] = True
        mentions.append(Span(start, end, label, surface, {"how": "crf"}))
    mentions.extend(_gazetteer_mentions(text, tokens, covered, known, norms, is_word))
    mentions.extend(_org_pattern_mentions(text, tokens, covered, known, norms, is_word))
    nisba_spans = []
    forms = load_gazetteers().nisba
    for i, tok in enumerate(tokens):
        n = norms[i]
        if covered[i] or not (n in forms or n[1:] in forms):
            continue  # cheap test first: _is_nisba looks at the same two forms
        place = _nisba_place(tok.text) if _is_nisba(tok.text) else None
        if place is not None:
            start = tok.start + clitic_length(tok.text, known)
            nisba_spans.append(Span(start, tok.end, NISBA, text[start:tok.end],
                                    {"nisba_of": place, "entity": entity_id(place, "LOC"),
                                     "how": "gazetteer"}))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions, nisba_spans


@lru_cache(maxsize=262_144)
def _light_key(word: str) -> str:
    """Exact-match key for finding listed names in text: norm_word without a leading ال.

    No skeleton here: skeletons are for telling whether two *names* are spellings of one
    another; applied to every word of a text they collide with common words (بينما ~ بنما).
    """
    n = norm_word(word)
    return n[2:] if n.startswith("ال") and len(n) >= 5 else n


@lru_cache(maxsize=1)
def _listed_names() -> list[tuple[str, str]]:
    """``(name, label)`` of the alias table and the places list, as written."""
    rows = [(r[0], r[2]) for r in read_table(DATA_DIR / "gazetteer_aliases.tsv")]
    rows += [(r[0], "LOC") for r in read_table(DATA_DIR / "gazetteer_places.tsv")]
    return rows


@lru_cache(maxsize=1)
def _surface_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word light key -> [(light keys of all words, label)], longest names first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for name, label in _listed_names():
        words = tuple(_light_key(w) for w in _words(name))
        if words and (words, label) not in index[words[0]]:
            index[words[0]].append((words, label))
    for entries in index.values():
        entries.sort(key=lambda x: -len(x[0]))
    return dict(index)


def _gazetteer_mentions(text: str, tokens: list[Span], covered: list[bool],
                        known: Container[str], norms: list[str], is_word: list[bool]
                        ) -> list[Span]:
    """Listed names (alias table, places) the tagger missed, where no tagged mention is.

    ``norms`` and ``is_word`` are each token's normalized form and whether it is a word.
    """
    index = _surface_index()
    # _light_key from the normalized forms already at hand
    keys = [(n[2:] if n[:2] == "ال" and len(n) >= 5 else n) if w else ""
            for n, w in zip(norms, is_word, strict=True)]
    out: list[Span] = []
    i = 0
    while i < len(tokens):
        key = keys[i]
        if covered[i] or not key or (key not in index and _light_key(key[1:]) not in index) \
                or _is_nisba(tokens[i].text):
            i += 1
            continue
        word = tokens[i].text
        skip = clitic_length(word, known)
        first = _light_key(word[skip:]) if skip else key
        matched = 0
        for words, label in index.get(first, ()):
            j = i + len(words)
            if j <= len(tokens) and not any(covered[i:j]) and tuple(keys[i + 1:j]) == words[1:]:
                if label == "ORG" and j < len(tokens) and not covered[j] \
                        and _nisba_place(tokens[j].text) is not None:
                    j += 1  # الهلال الأحمر التونسي
                start = tokens[i].start + skip
                out.append(Span(start, tokens[j - 1].end, label, text[start:tokens[j - 1].end],
                                {"how": "gazetteer"}))
                for k in range(i, j):
                    covered[k] = True
                matched = len(words)
                break
        i += matched or 1
    return out


@lru_cache(maxsize=1)
def _org_heads() -> tuple[frozenset[str], frozenset[str]]:
    """(head words, stop words) of ``gazetteer_org_heads.tsv``, normalized, heads also with ال."""
    heads: set[str] = set()
    stops: set[str] = set()
    for row in read_table(DATA_DIR / "gazetteer_org_heads.tsv"):
        n = norm_word(row[0])
        kind = row[1] if len(row) > 1 else ""
        if kind == "stop":
            stops.add(n)
        else:
            heads.add(n)
            if kind == "definite":
                heads.add("ال" + n)
    return frozenset(heads), frozenset(stops) | _function_words()


def _org_pattern_mentions(text: str, tokens: list[Span], covered: list[bool],
                          known: Container[str], norms: list[str], is_word: list[bool],
                          max_words: int = 2) -> list[Span]:
    """Organisation names by rule: a head word (وزارة، مجلس …) and up to ``max_words``
    definite words right after it (وزارة الخارجية الأميركية), where nothing was tagged.

    A nisba adjective ends the name; a definite plural that is not one (المواطنين) is not
    part of it.
    """
    heads, stops = _org_heads()
    out: list[Span] = []
    for i, tok in enumerate(tokens):
        n = norms[i]
        if n not in heads and n[1:] not in heads:
            continue  # cheap test first: most words are no head, with or without a clitic
        if covered[i] or not is_word[i]:
            continue
        skip = clitic_length(tok.text, known)
        if norm_word(tok.text[skip:]) not in heads:
            continue
        j = i + 1
        while j < len(tokens) and j - i <= max_words and not covered[j]:
            n = norms[j]
            if not is_word[j] or n in stops or not (
                    n.startswith("ال") or n.startswith("لل")) or len(n) < 4:
                break
            nisba = _nisba_place(tokens[j].text) is not None
            if not nisba and n.endswith(("ين", "ون")):
                break
            j += 1
            if nisba:
                break
        if j == i + 1:
            continue
        start = tok.start + skip
        out.append(Span(start, tokens[j - 1].end, "ORG", text[start:tokens[j - 1].end],
                        {"how": "pattern"}))
        for k in range(i, j):
            covered[k] = True
    return out


def annotate(article: Article, *, model: str | None = None) -> list[Span]:
    """Mentions with canonical entity attributes, then NISBA spans, in text order.

    Args:
        article: The article to annotate.
        model: CRF model path; ``None`` for the shipped one.
    """
    mentions, nisba_spans = find_mentions(article, model=model)
    out: list[Span] = []
    for ent in canonicalize(mentions):
        surname = None
        if ent.label == "PER":
            words = ent.id[4:].split()
            surname = f"PER:{words[-1]}" if len(words) > 1 else ent.id
        for i in ent.mentions:
            m = mentions[i]
            attrs = dict(m.attrs)
            attrs.update(entity=ent.id, canonical=ent.canonical, link=ent.links[i])
            if surname is not None:
                attrs["surname"] = surname
            out.append(Span(m.start, m.end, ent.label, m.text, attrs))
    out.extend(nisba_spans)
    out.sort(key=lambda s: (s.start, s.end))
    return out


@stage("entities", requires=("text", "sentences"), assigns=("entities",))
def entities_stage(article: Article, *, settings: Settings) -> Article:
    """Fill ``entities``: named-entity mentions with canonical ids, and NISBA relations."""
    return article.replace(entities=annotate(article, model=settings.ner_model or None))


def group_entities(spans: Iterable[Span]) -> dict[str, dict[str, object]]:
    """Summarize an article's entity spans by canonical id (for reports and tests).

    Returns:
        ``{id: {"label", "canonical", "variants": [...], "count"}}`` (NISBA spans excluded).
    """
    out: dict[str, dict[str, object]] = {}
    for s in spans:
        if s.label == NISBA or "entity" not in s.attrs:
            continue
        e = out.setdefault(s.attrs["entity"], {"label": s.label,
                                                "canonical": s.attrs.get("canonical"),
                                                "variants": [], "count": 0})
        variants = e["variants"]
        assert isinstance(variants, list)
        if s.text not in variants:
            variants.append(s.text)
        e["count"] = int(e["count"]) + 1  # type: ignore[call-overload]
    return out
