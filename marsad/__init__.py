"""marsad (مرصد): Arabic-first news story intelligence.

The public API is re-exported here; see ``__all__``.
"""

from marsad.model import Article, Block, Event, Quote, RawPage, Rejected, Span, Storyline

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "Event",
    "Quote",
    "RawPage",
    "Rejected",
    "Span",
    "Storyline",
    "__version__",
]
