"""The typed document model that flows through every stage.

One :class:`RawPage` comes in from a source; extraction turns it into an :class:`Article` (or a
:class:`Rejected`); every later stage takes an ``Article`` and returns a new one with more fields
filled in. Annotations are :class:`Span` objects whose ``start``/``end`` are character offsets in
``Article.text`` (the extracted, *original* body text): normalized text is for matching, hashing
and search only and is never what an offset points into.

Everything here is plain data: ``to_dict`` / ``from_dict`` give JSON-ready dictionaries (the
store keeps them as JSON), so the same objects cross process and Dask-worker boundaries.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
"""Version of the serialized article layout; bump it (and add a migration) when it changes."""

STATUS_OK = "ok"
STATUS_REJECTED = "rejected"


@dataclass(slots=True)
class Span:
    """A labelled stretch of an article's original text.

    Attributes:
        start: Offset of the first character in ``Article.text``.
        end: Offset one past the last character.
        label: What the span is (``PER``, ``DATE``, ``QUANTITY``, ``SENT`` ...).
        text: ``Article.text[start:end]``, kept for readability of stored JSON.
        attrs: Label-specific values (resolved date, canonical entity id, number ...).
    """

    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text,
                "attrs": self.attrs}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        """Build a span from :meth:`to_dict` output."""
        return cls(d["start"], d["end"], d["label"], d["text"], dict(d.get("attrs") or {}))


@dataclass(slots=True)
class Block:
    """A block of the page that extraction dropped, with the reason it was dropped.

    ``first_line``/``last_line`` are 1-based line numbers in the decoded page (0 when the page
    had no line structure, as for HTML).
    """

    first_line: int
    last_line: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Block:
        """Build a block from :meth:`to_dict` output."""
        return cls(d["first_line"], d["last_line"], d["text"], d["reason"])


@dataclass(slots=True)
class Quote:
    """A quotation and who said it.

    Attributes:
        start, end: Offsets of the quoted words in ``Article.text``.
        text: The quoted words.
        kind: ``direct`` (inside quote marks or after a colon) or ``indirect`` (قال … إن …).
        speaker: The speaker as written (``None`` when it could not be found).
        speaker_entity: Canonical entity id of the speaker, when linked.
        verb: The reporting verb as written (قال، أكد، زعم …).
        stance: ``neutral`` or ``loaded`` (زعم، ادعى …), from the verb lexicon.
        attrs: Anything else (speaker span offsets, how the speaker was found ...).
    """

    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker: str | None = None
    speaker_entity: str | None = None
    verb: str | None = None
    stance: str = "neutral"
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        """Build a quote from :meth:`to_dict` output."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class RawPage:
    """A page as a source hands it over, before extraction.

    Attributes:
        id: Proposed stable id (record id, file stem ...); the store may suffix it on collision.
        source: Where it came from (file path, ``file.jsonl#line``, URL) — unique per page.
        data: The page bytes (files) or already-decoded text (JSON records).
        kind: ``text`` for a plain-text page dump, ``html`` for markup.
        meta: What the source knows: ``outlet``, ``published``, ``title``, ``url``, ``language``.
    """

    id: str
    source: str
    data: bytes | str
    kind: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Rejected:
    """A page that could not become an article, and why (never a bare ``None``).

    Attributes:
        id: The page's proposed id.
        source: Where the page came from.
        stage: Name of the stage that rejected it (``ingest``, ``decode``, ``extract`` ...).
        reason: A sentence a person understands ("empty file", "binary data (PNG image)").
        code: A short stable machine code for counting (``empty``, ``binary`` ...).
        meta: Whatever was known about the page (outlet, size, encoding ...).
    """

    id: str
    source: str
    stage: str
    reason: str
    code: str = "error"
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Article:
    """One extracted article and everything the stages learned about it.

    Fields up to ``removed`` are filled by extraction; the rest by later stages, each of which
    declares which of them it needs and which it adds (see :mod:`marsad.pipeline`).
    """

    id: str
    source: str
    text: str
    title: str = ""
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_how: str | None = None  # "meta" | "page" | "inferred"
    author: str | None = None
    language: str | None = None
    kind: str = "text"
    encoding: str | None = None
    content_hash: str = ""
    status: str = STATUS_OK
    reason: str | None = None
    removed: list[Block] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # outlets/agencies the page credits
    # language layer
    norm_text: str = ""
    norm_title: str = ""
    sentences: list[Span] = field(default_factory=list)
    stems: list[str] = field(default_factory=list)
    # enrichment
    entities: list[Span] = field(default_factory=list)
    timexes: list[Span] = field(default_factory=list)
    quantities: list[Span] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # anything else a stage adds, under a declared key
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (the stored form)."""
        d: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list) and value and hasattr(value[0], "to_dict"):
                value = [v.to_dict() for v in value]
            d[f.name] = value
        d["schema"] = SCHEMA_VERSION
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Build an article from :meth:`to_dict` output (unknown keys are ignored)."""
        kw: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}
        for k, v in d.items():
            if k not in names:
                continue
            if k == "removed":
                v = [Block.from_dict(x) for x in v]
            elif k in ("sentences", "entities", "timexes", "quantities"):
                v = [Span.from_dict(x) for x in v]
            elif k == "quotes":
                v = [Quote.from_dict(x) for x in v]
            kw[k] = v
        return cls(**kw)

    def replace(self, **changes: Any) -> Article:
        """Return a copy with ``changes`` applied (stages never mutate their input)."""
        return dataclasses.replace(self, **changes)


@dataclass(slots=True)
class Event:
    """One real-world happening reported by one or more articles.

    Attributes:
        id: Stable id (derived from the first article that opened it).
        title: A one-line headline.
        articles: Article ids in the event, in publication order.
        outlets: Distinct outlets (reprints counted once).
        first_seen, last_seen: Publication dates of the earliest and latest article.
        event_date: When the happening itself takes place (ISO date), when known.
        place: Main place name, when known.
        storyline: Id of the storyline the event belongs to.
        attrs: Centroid summaries, history of merges and splits, ...
    """

    id: str
    title: str = ""
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    event_date: str | None = None
    place: str | None = None
    storyline: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Build an event from :meth:`to_dict` output."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass(slots=True)
class Storyline:
    """A longer story made of events (the coalition's meetings over the years)."""

    id: str
    title: str = ""
    events: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Storyline:
        """Build a storyline from :meth:`to_dict` output."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})
