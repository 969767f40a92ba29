"""Response and request models of the JSON API (they document the OpenAPI schema).

Every page's JSON twin returns one of the ``*Page`` models; every error, on every route, the
:class:`ErrorOut` shape. Sections whose layout belongs to the story products
(:mod:`marsad.stories`) are typed loosely (``Any``) so the API follows them as they grow.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """The one error shape, for 404, 422, 500 and the rest."""

    ok: Literal[False] = False
    error: str = Field(description="What was wrong and, where it helps, what is valid.")
    status: int = Field(description="The HTTP status code.")


class PageOut(BaseModel):
    """Fields every page has."""

    ok: Literal[True] = True


class Paged(PageOut):
    """A page of a list: ``limit``/``offset`` and links to the neighbouring pages."""

    limit: int = Field(description="Items per page.")
    offset: int = Field(description="Items skipped.")
    next: str | None = Field(None, description="URL of the next page (None on the last).")
    prev: str | None = Field(None, description="URL of the previous page (None on the first).")


# -- events ---------------------------------------------------------------------------------------

class EventCard(BaseModel):
    """An event as listed: its headline, dates, coverage and links."""

    id: str
    title: str
    first_seen: str | None = Field(None, description="Publication date of its first article.")
    last_seen: str | None = Field(None, description="Publication date of its latest article.")
    event_date: str | None = Field(None, description="When the happening itself took place.")
    place: str | None = None
    storyline: str | None = Field(None, description="Id of its storyline.")
    n_articles: int = 0
    n_outlets: int = 0
    outlets: list[str] = Field(default_factory=list)
    lead: str | None = Field(None, description="Opening words of its first article.")
    url: str = Field(description="HTML page of the event.")
    json_url: str = Field(description="JSON twin of the event page.")


class OutletCount(BaseModel):
    """An outlet with its article count and date span."""

    name: str
    articles: int
    first: str | None = None
    last: str | None = None
    url: str


class HomeFilters(BaseModel):
    """The filters a home page was asked for."""

    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    entity: str | None = None
    order: str = "rank"


class HomePage(Paged):
    """Events ranked by coverage and recency, filtered."""

    events: list[EventCard]
    filters: HomeFilters
    entity_ids: list[str] | None = Field(None, description="Entity ids the entity filter matched.")
    total_events: int = Field(description="Active events in the store (unfiltered).")
    outlets: list[OutletCount] = Field(description="Outlets to filter by.")


class ArticleRef(BaseModel):
    """An article as listed."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = Field(None, description="The original page (http/https only).")
    event: str | None = Field(None, description="Id of its event.")


class CitationOut(BaseModel):
    """An article that carries a summary sentence's information."""

    article: str
    outlet: str | None = None
    similarity: float | None = None
    title: str | None = None
    anchor: str | None = Field(None, description="Link to the sentence in the article page.")


class SummarySentenceOut(BaseModel):
    """One summary sentence and the articles that carry it."""

    text: str
    article: str
    outlet: str | None = None
    start: int | None = None
    end: int | None = None
    citations: list[CitationOut] = Field(default_factory=list)


class SummaryOut(BaseModel):
    """The cited multi-source summary."""

    headline: str
    headline_article: str | None = None
    sentences: list[SummarySentenceOut] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)


class StoryOut(BaseModel):
    """The story products of an event (see :mod:`marsad.stories`)."""

    summary: SummaryOut
    timeline: Any = Field(default_factory=list, description="Reports in order (who was first).")
    facts: Any = Field(default_factory=list, description="Facts with sources and conflicts.")
    evolution: Any = Field(default_factory=list, description="Values that change across the "
                                                             "storyline.")
    quotes: Any = Field(default_factory=list, description="Who said what, carried by whom.")
    outlets: Any = Field(default_factory=list, description="Outlet comparison: coverage, "
                                                           "unique and missing facts.")
    framing: Any = Field(default_factory=dict, description="Loaded terms and attribution verbs "
                                                           "per outlet.")
    available: bool = Field(True, description="False while only the summary is available.")


class StorylineRef(BaseModel):
    """A storyline as listed."""

    id: str
    title: str
    n_events: int = 0
    url: str
    first: str | None = None
    last: str | None = None


class EventPage(PageOut):
    """One event: its story, its articles and its storyline."""

    event: EventCard
    articles: list[ArticleRef]
    story: StoryOut
    storyline: StorylineRef | None = None
    history: list[dict[str, Any]] = Field(default_factory=list,
                                          description="Merges and splits of this event.")


class StorylinesPage(Paged):
    """Storylines, the largest first."""

    storylines: list[StorylineRef]


class StorylinePage(PageOut):
    """A storyline's timeline: its events in event-date order."""

    storyline: StorylineRef
    timeline: list[EventCard]
    evolution: Any = Field(default_factory=list, description="Values that change from one "
                                                             "event to the next.")
    available: bool = Field(True, description="False while the story products are missing.")


# -- articles -------------------------------------------------------------------------------------

class BlockOut(BaseModel):
    """A block of the page that extraction removed, and why."""

    first_line: int
    last_line: int
    text: str
    reason: str
    reason_ar: str | None = None


class SpanOut(BaseModel):
    """An annotation over the article text (offsets into ``text``)."""

    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = Field(default_factory=dict)


class QuoteOut(BaseModel):
    """A quotation and who said it."""

    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker: str | None = None
    speaker_entity: str | None = None
    verb: str | None = None
    stance: str = "neutral"


class ArticleOut(BaseModel):
    """An extracted article with its annotations."""

    id: str
    source: str
    title: str = ""
    outlet: str | None = None
    url: str | None = Field(None, description="The original page (http/https only).")
    published: str | None = None
    published_how: str | None = None
    author: str | None = None
    language: str | None = None
    kind: str | None = None
    text: str
    credits: list[str] = Field(default_factory=list)
    removed: list[BlockOut] = Field(default_factory=list)
    entities: list[SpanOut] = Field(default_factory=list)
    timexes: list[SpanOut] = Field(default_factory=list)
    quantities: list[SpanOut] = Field(default_factory=list)
    quotes: list[QuoteOut] = Field(default_factory=list)
    sentences: list[SpanOut] = Field(default_factory=list)


class EventRef(BaseModel):
    """The event an article belongs to."""

    id: str
    title: str | None = None
    score: float | None = None
    url: str


class LinkOut(BaseModel):
    """A duplicate or reprint link to another article."""

    article: str
    kind: str
    overlap: float | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


class LinksOut(BaseModel):
    """Articles this one copies, and articles that copy it."""

    originals: list[LinkOut] = Field(default_factory=list)
    copies: list[LinkOut] = Field(default_factory=list)


class EntityRef(BaseModel):
    """An entity as listed."""

    id: str
    label: str
    name: str
    count: int | None = Field(None, description="Mentions (in one article) or articles.")
    url: str


class ArticlePage(PageOut):
    """One article: clean text, annotations, what was removed, its event and copies."""

    article: ArticleOut
    event: EventRef | None = None
    links: LinksOut
    entities: list[EntityRef] = Field(default_factory=list)


class RejectedArticlePage(PageOut):
    """A page that was rejected, with the stage and reason."""

    rejected: dict[str, Any]


# -- entities and outlets -------------------------------------------------------------------------

class EntitiesPage(Paged):
    """Entities by number of articles, optionally matching a name or a label."""

    q: str | None = None
    label: str | None = None
    entities: list[EntityRef]


class VariantOut(BaseModel):
    """A spelling of an entity and how often it is used."""

    text: str
    count: int


class EntityOut(BaseModel):
    """An entity: its label, name and variants."""

    id: str
    label: str
    name: str
    canonical: str | None = None
    variants: list[VariantOut]
    n_mentions: int
    n_articles: int


class EntityEvent(EventCard):
    """An event that mentions the entity."""

    mentions: int = 0


class EntityPage(PageOut):
    """An entity's variants, events, co-occurring entities and latest articles."""

    entity: EntityOut
    events: list[EntityEvent]
    cooccurring: list[EntityRef]
    articles: list[ArticleRef]


class OutletsPage(PageOut):
    """Every outlet with its coverage."""

    outlets: list[OutletCount]


class OutletOut(BaseModel):
    """An outlet's coverage figures."""

    name: str
    articles: int
    events: int
    first: str | None = None
    last: str | None = None
    languages: dict[str, int] = Field(default_factory=dict)


class FirstToReport(BaseModel):
    """How often the outlet reported an event first among the outlets that covered it."""

    shared_events: int = Field(description="Events it covered along with other outlets.")
    first: int = Field(description="Of those, reported no later than any other outlet.")
    sole_first: int = Field(description="Of those, reported before every other outlet.")


class OutletEvent(EventCard):
    """An event the outlet covered."""

    own_articles: int = 0
    own_first: str | None = None
    first_to_report: bool = False
    sole_first: bool = False


class OutletPage(Paged):
    """An outlet: coverage, first-to-report record, framing profile, events covered."""

    outlet: OutletOut
    first_to_report: FirstToReport
    framing: dict[str, Any] = Field(description="Loaded terms and attribution verbs it uses.")
    events: list[OutletEvent]


# -- search, rejected, status ---------------------------------------------------------------------

class SearchHit(BaseModel):
    """A search hit."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    snippet: str = Field(description="The text around the first match, as written.")
    score: float = 0.0
    event: str | None = None
    url: str


class SearchPage(Paged):
    """Full-text search with Arabic normalization, by entity and date range."""

    q: str = ""
    entity: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity_ids: list[str] | None = None
    hits: list[SearchHit]


class RejectedCount(BaseModel):
    """Rejections of one stage and code."""

    stage: str | None = None
    code: str | None = None
    count: int
    example: str | None = None


class RejectedOut(BaseModel):
    """A rejected page."""

    id: str
    source: str
    stage: str | None = None
    code: str | None = None
    reason: str | None = None
    updated: str | None = None


class RejectedPage(Paged):
    """Rejected pages with their stage and reason."""

    total: int
    by_stage: list[RejectedCount]
    items: list[RejectedOut]


class StatusPage(PageOut):
    """Counts: pages by status, rejections, outlets, languages, events; last runs."""

    total: int
    by_status: dict[str, int]
    by_outlet: dict[str, int]
    by_language: dict[str, int]
    rejected: list[RejectedCount]
    events: int
    storylines: int
    runs: list[dict[str, Any]]
    history: list[dict[str, Any]]
    writes_enabled: bool


# -- writes ---------------------------------------------------------------------------------------

class MergeIn(BaseModel):
    """Merge event ``b`` into event ``a``."""

    a: str = Field(min_length=1, max_length=200, description="The event that stays.")
    b: str = Field(min_length=1, max_length=200, description="The event merged into ``a``.")


class SplitIn(BaseModel):
    """Move some articles of an event into a new event."""

    event: str = Field(min_length=1, max_length=200)
    articles: list[str] = Field(min_length=1, max_length=1000,
                                description="Article ids that form the new event.")


class WriteOut(PageOut):
    """The result of a merge or split."""

    action: str
    event: EventCard = Field(description="The surviving (merge) or new (split) event.")
    via: str = Field(description="'clusterer' or 'store' (which implementation ran).")
