"""How an outlet frames an event: loaded terms, attribution verbs and scare quotes.

* **Loaded and evaluative terms** come from ``data/framing_lexicon.tsv`` (its header documents
  the columns, the matching and the two rules). They are matched on folded tokens of the
  original text with word boundaries, clitics and optional definite article on the first word,
  and inflection where the lexicon allows it. Two words need context:

  - الإرهابي/الإرهابية counts only as an *epithet*: right after a name (داعش الإرهابي), after a
    plural group noun (التنظيمات الإرهابية، العناصر الإرهابية) or used as a noun (من
    الإرهابيين). Describing acts or an already-named group (التنظيم الإرهابي، أنشطته
    الإرهابية) is the common descriptive usage of Arab outlets and is not counted; neither is
    the indefinite adjective (منظمة إرهابية).
  - النظام counts only for a *government*: followed by a country adjective (النظام التركي) or a
    person's name (نظام الأسد).

  A term inside a direct quote is the speaker's word: it is listed with ``in_quote`` and left
  out of the outlet's own count.
* **Attribution verbs**: the reporting verbs of the article's quotes and their stance (neutral
  قال vs loaded زعم/ادعى vs denial نفى), from the quotes stage.
* **Scare quotes**: short quoted phrases that are not names (``article.extra["quoted_terms"]``).
  A quoted phrase is a *name* (and not counted) when it overlaps a known entity (a gazetteer name,
  or one the tagger also finds outside these quote marks), follows a naming noun
  (تنظيم "الدولة الإسلامية"، صندوق «…»), is a single word (داعش، تويتر), contains Latin
  letters, or is written without quote marks by another outlet of the event or outside quotes by
  the same article («التحالف الدولي»). A phrase right after a distancing term (ما سماه «…»،
  ما تسمى "…") always counts, even a single word.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.enrich.quantities import ARABIC, LATIN, PUNCT, Token, key, tokens
from marsad.errors import ConfigError, choices
from marsad.model import Article, Span
from marsad.stories.text import token_index, word_variants

__all__ = [
    "CATEGORIES",
    "FramingHit",
    "LexiconEntry",
    "attribution_summary",
    "find_framing_terms",
    "framing_view",
    "load_framing_lexicon",
    "quoted_names",
    "scare_quotes",
]

CATEGORIES = frozenset({"delegitimizing", "distancing", "loaded-label", "victim", "evaluative",
                        "emotive", "attribution"})
"""Valid values of the lexicon's category column."""
RULES = frozenset({"any", "epithet", "government"})
"""Valid values of the lexicon's rule column."""

ENDINGS: tuple[str, ...] = ("ا", "ه", "ات", "ون", "ين", "ان", "تان", "تين", "ها", "هم", "هما",
                            "هن", "كم", "نا")
"""Endings a lexicon word marked with * may take (folded: ة is ه)."""
VERB_ENDINGS: tuple[str, ...] = ("ت", "وا", "تم", "نا")
"""Further endings of the verbs of the attribution category (زعمت، زعموا)."""
_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")
_FUSED_MA = frozenset({"عما", "مما", "لما", "بما", "فيما", "كما", "وعما", "ومما", "ولما", "وبما",
                       "وفيما", "وكما"})
_GROUP_NOUNS = frozenset({"تنظيمات", "جماعات", "مجموعات", "عصابات", "ميليشيات", "مليشيات",
                          "فصائل", "عناصر", "خلايا", "منظمات", "حركات"})
_FUNCTION_WORDS = frozenset({"من", "علي", "ضد", "الي", "عن", "مع", "بين", "لدي", "في", "و",
                             "او", "ان", "هولاء", "اولئك", "كل", "جميع", "بعض", "مئات", "عشرات",
                             "الاف", "اي"})
_NAMING_NOUNS = frozenset({
    "تنظيم", "حركه", "جماعه", "حزب", "جبهه", "منظمه", "وكاله", "صحيفه", "موقع", "قناه",
    "عمليه", "مؤتمر", "مجلس", "هيئه", "شركه", "مجموعه", "برنامج", "مبادره", "اتفاق", "اتفاقيه",
    "خطه", "مشروع", "صندوق", "حمله", "شعار", "وسم", "كتاب", "فيلم", "مسلسل", "تطبيق", "حساب",
    "منصه", "قمه", "منتدي", "تحالف", "ائتلاف", "جمعيه", "اتحاد", "مركز", "معهد", "جامعه",
    "مستشفي", "مخيم", "معبر", "سد", "مرفا", "مطار", "ميناء", "فندق", "نادي", "فريق", "تيار",
    "كتله", "قائمه", "لواء", "كتيبه", "فيلق", "غرفه", "قوات", "جيش", "ميليشيا", "مليشيا",
    "بعنوان", "عنوان", "اسم", "باسم", "تسميه", "وثيقه", "تقرير", "قانون", "قرار", "مرسوم",
    "منظومه", "شبكه", "مؤسسه", "دار", "بيت", "اذاعه", "تلفزيون", "مجله", "عملية",
})
_NON_NATIONAL = frozenset({"اوروبي", "عربي", "افريقي", "اسيوي", "غربي", "دولي", "عالمي",
                           "اسلامي", "خليجي", "لاتيني"})
MAX_SCARE_WORDS = 6
"""Quoted phrases longer than this are titles or short quotes, not scare quotes."""


# ---------------------------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One row of ``framing_lexicon.tsv``.

    Attributes:
        term: As written.
        normalized: Matching form (words, * = may inflect).
        category: One of :data:`CATEGORIES`.
        rule: One of :data:`RULES`.
        note: What the word does.
        words: ``(folded word, may inflect)`` per word.
    """

    term: str
    normalized: str
    category: str
    rule: str
    note: str
    words: tuple[tuple[str, bool], ...]


@lru_cache(maxsize=1)
def load_framing_lexicon() -> tuple[LexiconEntry, ...]:
    """Read and check ``marsad/data/framing_lexicon.tsv`` (once per process).

    Raises:
        ConfigError: A row with a missing column, an unknown category or rule, or a normalized
            form that is not the folded term.
    """
    text = resources.files("marsad.data").joinpath("framing_lexicon.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    entries = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < 5:
            raise ConfigError(f"framing_lexicon.tsv row {number}: expected 5 tab-separated "
                              f"columns (term, normalized, category, rule, note), got {len(row)}")
        term, normalized, category, rule, note = (c.strip() for c in row[:5])
        if category not in CATEGORIES:
            raise ConfigError(f"framing_lexicon.tsv row {number}: "
                              + choices("category", category, CATEGORIES))
        if rule not in RULES:
            raise ConfigError(f"framing_lexicon.tsv row {number}: " + choices("rule", rule, RULES))
        words = tuple((w.rstrip("*"), w.endswith("*")) for w in normalized.split())
        if " ".join(w for w, _ in words) != " ".join(key(t) for t in term.split()):
            raise ConfigError(f"framing_lexicon.tsv row {number}: normalized form "
                              f"{normalized!r} is not the folded term {term!r}")
        entries.append(LexiconEntry(term, normalized, category, rule, note, words))
    return tuple(entries)


@lru_cache(maxsize=1)
def _first_index() -> dict[str, list[LexiconEntry]]:
    """Folded first word (without ال) -> entries starting with it."""
    index: dict[str, list[LexiconEntry]] = defaultdict(list)
    for entry in load_framing_lexicon():
        first = entry.words[0][0]
        index[_undefined(first)].append(entry)
    return dict(index)


@lru_cache(maxsize=1)
def _nisba_forms() -> frozenset[str]:
    """Folded country adjectives in every inflection, with and without ال."""
    text = resources.files("marsad.data").joinpath("gazetteer_nisba.tsv").read_text("utf-8")
    forms: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        stem = key(line.split("\t")[0].strip())
        if stem in _NON_NATIONAL:
            continue
        for ending in ("", "ه", "ون", "ين", "ان", "تان", "تين"):
            forms.update((stem + ending, "ال" + stem + ending))
    return frozenset(forms)


def _undefined(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _entries_for(word: str, definite: bool) -> list[LexiconEntry]:
    """Entries whose first word (without ال) is ``word`` or inflects to it.

    An entry written with ال (السافر، الجائرة) needs a definite token: without the article the
    word is often something else (سافر "travelled"); entries written without ال match both.
    """
    index = _first_index()
    out = [e for e in index.get(word, ()) if definite or not e.words[0][0].startswith("ال")]
    for cut in range(1, 5):
        stem = word[:-cut]
        if len(stem) < 2:
            break
        for base in (stem, stem + "ه"):
            for entry in index.get(base, ()):
                if not entry.words[0][1] or entry in out or (
                        entry.words[0][0].startswith("ال") and not definite):
                    continue
                # nouns written with ال take no verb endings; other words may be verbs (نهبت)
                if _inflects(word, base, True, verb=not entry.words[0][0].startswith("ال")):
                    out.append(entry)
    return out


def _inflects(word: str, base: str, inflect: bool, *, verb: bool = False) -> bool:
    """True when ``word`` is ``base`` or, when allowed, ``base`` with an ending."""
    if word == base:
        return True
    if not inflect or not word.startswith(base[:-1]):
        return False
    if any(word == base + e for e in (ENDINGS + VERB_ENDINGS if verb else ENDINGS)):
        return True
    if base.endswith("ا") and word == base + "ت":  # ميليشيا -> ميليشيات
        return True
    if base.endswith("ه"):  # ة: عصابة -> عصابات، عصابته
        stem = base[:-1]
        return word in {stem + "ات", stem + "تين", stem + "تان"} or any(
            word == stem + "ت" + p for p in _PRONOUNS)
    return False


# ---------------------------------------------------------------------------------------------
# Term matching
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FramingHit:
    """A loaded or evaluative term found in an article.

    Attributes:
        term: The lexicon term.
        category: Its category.
        text: The words as written.
        start, end: Offsets in the article's original text.
        in_quote: Inside a direct quote (the speaker's word, not the outlet's).
        rule: The lexicon rule that allowed it.
    """

    term: str
    category: str
    text: str
    start: int
    end: int
    in_quote: bool = False
    rule: str = "any"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"term": self.term, "category": self.category, "text": self.text,
                "start": self.start, "end": self.end, "in_quote": self.in_quote}


def _first_variants(tok: Token) -> list[tuple[str, int, bool]]:
    """(reading without ال, letters stripped, definite) of a token that may start a term."""
    out: list[tuple[str, int, bool]] = []
    for variant in word_variants(tok.key):
        definite = variant.startswith("ال")
        out.append((_undefined(variant), len(tok.key) - len(variant), definite))
    if tok.key in _FUSED_MA:
        out.append(("ما", 1, False))
    return out


def _is_definite(tok: Token) -> bool:
    return any(v.startswith("ال") for v in word_variants(tok.key))


def _name_like(text: str, tok: Token, entity_ends: set[int]) -> bool:
    """Does ``tok`` look like (the end of) a proper name: an entity, or a bare word like داعش?"""
    if tok.end in entity_ends:
        return True
    if tok.kind != ARABIC or tok.key in _FUNCTION_WORDS or len(tok.key) < 3:
        return False
    if _is_definite(tok) or tok.key.startswith("لل"):
        return False
    written = text[tok.start:tok.end]
    if written.endswith(("ه", "ها", "هم", "هما", "كم", "نا")) or written.endswith("ة"):
        return False  # أنشطته: a pronoun; منظمة: a common noun in construct
    return not written.endswith(("ات", "ين", "ون"))


def _epithet_ok(text: str, toks: Sequence[Token], i: int, entity_ends: set[int]) -> bool:
    if not _is_definite(toks[i]):
        return False  # منظمة إرهابية: description
    if i == 0 or toks[i - 1].kind == PUNCT:
        return True  # used as a noun
    prev = toks[i - 1]
    bare_prev = _undefined(word_variants(prev.key)[-1]) if prev.kind == ARABIC else prev.key
    if prev.key in _FUNCTION_WORDS or bare_prev in _FUNCTION_WORDS:
        return True  # من الإرهابيين
    if any(_undefined(v) in _GROUP_NOUNS for v in word_variants(prev.key)):
        return True  # التنظيمات الإرهابية
    return _name_like(text, prev, entity_ends)  # داعش الإرهابي


def _government_end(text: str, toks: Sequence[Token], i: int, entity_starts: dict[int, int]
                    ) -> int | None:
    """Token index after "النظام التركي" / "نظام <person>", or None."""
    if i + 1 >= len(toks) or toks[i + 1].kind != ARABIC:
        return None
    nxt = toks[i + 1]
    if nxt.key in _nisba_forms() and _is_definite(toks[i]):
        return i + 2
    if nxt.start in entity_starts:
        end_char = entity_starts[nxt.start]
        j = i + 1
        while j < len(toks) and toks[j].start < end_char:
            j += 1
        return j
    return None


def _quote_regions(article: Article) -> list[tuple[int, int]]:
    return sorted((q.start, q.end) for q in article.quotes if q.kind == "direct")


def _inside(regions: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in regions)


def find_framing_terms(article: Article) -> list[FramingHit]:
    """Loaded and evaluative terms of an article, in text order.

    Args:
        article: An article (entities and quotes, when filled, refine the rules).

    Returns:
        One :class:`FramingHit` per occurrence; overlapping candidates keep the longest.
    """
    text = article.text
    if not text:
        return []
    toks = tokens(text)
    _first_index()
    entity_ends = {e.end for e in article.entities}
    entity_starts = {e.start: e.end for e in article.entities if e.label == "PER"}
    candidates: list[tuple[int, int, int, LexiconEntry]] = []  # (i, j, stripped, entry)
    for i, tok in enumerate(toks):
        if tok.kind != ARABIC:
            continue
        for variant, stripped, definite in _first_variants(tok):
            for entry in _entries_for(variant, definite):
                j = _match_rest(toks, i, entry)
                if j is None:
                    continue
                if entry.rule == "epithet" and not _epithet_ok(text, toks, i, entity_ends):
                    continue
                if entry.rule == "government":
                    j = _government_end(text, toks, i, entity_starts)
                    if j is None:
                        continue
                candidates.append((i, j, stripped, entry))
    regions = _quote_regions(article)
    hits: list[FramingHit] = []
    taken: set[int] = set()
    for i, j, _stripped, entry in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0], c[2])):
        if any(k in taken for k in range(i, j)):
            continue
        taken.update(range(i, j))
        start, end = toks[i].start, toks[j - 1].end
        hits.append(FramingHit(entry.term, entry.category, text[start:end], start, end,
                               _inside(regions, start, end), entry.rule))
    return sorted(hits, key=lambda h: h.start)


def _match_rest(toks: Sequence[Token], i: int, entry: LexiconEntry) -> int | None:
    """Token index after the entry's later words matched from token ``i + 1``, or None."""
    j = i + 1
    for word, inflect in entry.words[1:]:
        if j >= len(toks) or toks[j].kind != ARABIC or not _inflects(toks[j].key, word, inflect):
            return None
        j += 1
    return j


# ---------------------------------------------------------------------------------------------
# Attribution verbs and scare quotes
# ---------------------------------------------------------------------------------------------


def attribution_summary(articles: Iterable[Article]) -> dict[str, Any]:
    """Counts of the reporting verbs of the articles' quotes by stance.

    Returns:
        ``{"neutral": n, "loaded": n, "denial": n, "verbs": [{"verb", "stance", "count"}]}``,
        verbs most frequent first (the lemma when the quotes stage gave one).
    """
    stances: Counter[str] = Counter()
    verbs: Counter[tuple[str, str]] = Counter()
    for article in articles:
        for quote in article.quotes:
            verb = (quote.attrs or {}).get("verb_lemma") or quote.verb
            if not verb:
                continue
            stance = quote.stance or "neutral"
            stances[stance] += 1
            verbs[(verb, stance)] += 1
    return {"neutral": stances["neutral"], "loaded": stances["loaded"],
            "denial": stances["denial"],
            "verbs": [{"verb": v, "stance": s, "count": c}
                      for (v, s), c in sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))]}


def _terms_of(article: Article) -> list[Span]:
    out = []
    for t in article.extra.get("quoted_terms") or ():
        span = t if isinstance(t, Span) else Span.from_dict(t)
        if 0 <= span.start < span.end <= len(article.text):
            out.append(span)
    return out


def _phrase_key(text: str) -> str:
    return " ".join(tok.key for tok in tokens(text) if tok.kind in (ARABIC, LATIN))


def quoted_names(articles: Sequence[Article]) -> dict[str, set[str]]:
    """Folded quoted phrases of an event -> the outlets writing them *without* quote marks.

    A phrase another outlet writes bare is a name in that outlet's usage, not a scare quote.
    """
    phrases = {_phrase_key(s.text) for a in articles for s in _terms_of(a)}
    phrases.discard("")
    found: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        quoted = [(s.start, s.end) for s in _terms_of(article)]
        regions = quoted + [(q.start, q.end) for q in article.quotes]
        toks = tokens(article.text)
        keys = [t.key for t in toks]
        for phrase in phrases:
            words = phrase.split()
            n = len(words)
            for i in range(len(keys) - n + 1):
                if keys[i:i + n] == words or (
                        n and word_variants(keys[i])[-1] == word_variants(words[0])[-1]
                        and keys[i + 1:i + n] == words[1:]):
                    start, end = toks[i].start, toks[i + n - 1].end
                    if not _inside(regions, start, end) and not any(
                            s - 2 <= start and end <= e + 2 for s, e in quoted):
                        found[phrase].add(article.outlet or article.id)
                        break
    return found


def scare_quotes(article: Article, *, names: Mapping[str, set[str]] | None = None,
                 hits: Sequence[FramingHit] | None = None) -> list[dict[str, Any]]:
    """Quoted phrases of an article that are scare quotes, not names (see module docstring).

    Args:
        article: The article (``extra["quoted_terms"]`` from the quotes stage).
        names: :func:`quoted_names` of the event (phrases written bare, by outlet).
        hits: The article's :func:`find_framing_terms` (distancing terms before a quote).

    Returns:
        ``[{"text", "start", "end", "why"}]``.
    """
    text = article.text
    toks = tokens(text)
    hits = list(hits) if hits is not None else find_framing_terms(article)
    distancing_ends = [h.end for h in hits if h.category == "distancing"]
    # An entity vetoes a scare quote when it is a known name (gazetteer, alias) or is also
    # written outside these quote marks; a phrase the statistical tagger found only inside
    # quotes («دولة الخلافة») is as likely an ironic label as a name.
    mentions = Counter(e.attrs.get("entity") for e in article.entities)
    entities = [(e.start, e.end) for e in article.entities
                if e.attrs.get("how") != "crf" or mentions[e.attrs.get("entity")] > 1]
    out = []
    for span in _terms_of(article):
        if (span.attrs or {}).get("nested"):
            continue  # inside someone's quote
        i, j = token_index(toks, span.start, span.end)
        words = [t for t in toks[i:j] if t.kind in (ARABIC, LATIN)]
        opener = max(0, span.start - 3)
        after_distancing = any(opener - 12 <= e <= span.start for e in distancing_ends)
        if after_distancing:
            out.append({"text": span.text, "start": span.start, "end": span.end,
                        "why": "after a distancing term"})
            continue
        if not words or len(words) > MAX_SCARE_WORDS or len(words) == 1:
            continue
        if any(t.kind == LATIN for t in words):
            continue
        if any(s < span.end and span.start < e for s, e in entities):
            continue
        k = i - 1
        while k >= 0 and toks[k].kind == PUNCT:
            k -= 1
        if k >= 0 and any(_undefined(v) in _NAMING_NOUNS for v in word_variants(toks[k].key)):
            continue
        phrase = _phrase_key(span.text)
        users = (names or {}).get(phrase, set())
        if users - {article.outlet or article.id} or (article.outlet or article.id) in users:
            continue
        out.append({"text": span.text, "start": span.start, "end": span.end,
                    "why": "quoted phrase that is not a name"})
    return out


# ---------------------------------------------------------------------------------------------
# One outlet's framing
# ---------------------------------------------------------------------------------------------


def framing_view(articles: Sequence[Article], *, names: Mapping[str, set[str]] | None = None
                 ) -> dict[str, Any]:
    """The framing of one outlet's articles in an event.

    Args:
        articles: The outlet's articles.
        names: :func:`quoted_names` of the whole event.

    Returns:
        ``{"terms": [{"term", "category", "count", "quoted", "hits": [...]}], "loaded": n
        (own-voice occurrences), "quoted": n (inside direct quotes), "attribution": {...},
        "scare_quotes": [...]}``; terms most frequent first.
    """
    by_term: dict[str, dict[str, Any]] = {}
    scare: list[dict[str, Any]] = []
    for article in articles:
        hits = find_framing_terms(article)
        for hit in hits:
            row = by_term.setdefault(hit.term, {"term": hit.term, "category": hit.category,
                                                "count": 0, "quoted": 0, "hits": []})
            row["quoted" if hit.in_quote else "count"] += 1
            row["hits"].append({"article": article.id, **hit.to_dict()})
        scare.extend({"article": article.id, **s}
                     for s in scare_quotes(article, names=names, hits=hits))
    terms = sorted(by_term.values(), key=lambda r: (-r["count"], -r["quoted"], r["term"]))
    return {"terms": terms, "loaded": sum(r["count"] for r in terms),
            "quoted": sum(r["quoted"] for r in terms),
            "attribution": attribution_summary(articles), "scare_quotes": scare}
