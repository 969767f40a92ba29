"""What pages of one outlet have in common: lines its template repeats on every page.

A menu item, a footer address or a "follow us" line that an outlet prints on page after page is
boilerplate even when no phrase list knows it. :class:`OutletProfile` counts, over pages of one
outlet, on how many pages each (normalized) line appears; the dump filter then drops short and
medium lines the profile has seen too often. A long prose paragraph is never dropped for being
repeated on just a couple of pages: wire reprints repeat whole paragraphs legitimately.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from marsad.errors import ConfigError, NotFittedError
from marsad.extract.textdump_lines import clean_line, match_key

# Lines longer than this are article prose, not template: not worth counting (bounds memory).
_MAX_COUNTED_WORDS = 40


class OutletProfile:
    """Counts of lines across pages of one outlet (scikit-learn style estimator).

    Args:
        min_pages: A line must appear on at least this many pages to count as template.
        min_share: Once the profile has seen ``share_from`` pages or more, a line must also
            appear on at least this share of them.
        share_from: Number of pages from which ``min_share`` applies.
        prose_min_share: A prose-shaped line (ten words or more ending a sentence) counts as
            template only on at least this share of pages (and at least three pages).

    Attributes:
        line_counts_: For each normalized line, the number of pages it appears on.
        n_pages_: Number of pages seen.
    """

    def __init__(self, min_pages: int = 2, min_share: float = 0.5, share_from: int = 10,
                 prose_min_share: float = 0.5) -> None:
        self.min_pages = min_pages
        self.min_share = min_share
        self.share_from = share_from
        self.prose_min_share = prose_min_share

    # scikit-learn's parameter protocol, so clone()/get_params() work without importing it
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Return the constructor parameters."""
        return {"min_pages": self.min_pages, "min_share": self.min_share,
                "share_from": self.share_from, "prose_min_share": self.prose_min_share}

    def set_params(self, **params: Any) -> OutletProfile:
        """Set constructor parameters (unknown names raise :class:`ConfigError`)."""
        valid = self.get_params()
        for name, value in params.items():
            if name not in valid:
                raise ConfigError(f"unknown OutletProfile parameter {name!r}; valid parameters: "
                                  f"{', '.join(sorted(valid))}")
            setattr(self, name, value)
        return self

    def _validate(self) -> None:
        if not isinstance(self.min_pages, int) or self.min_pages < 1:
            raise ConfigError(f"min_pages must be an integer >= 1, got {self.min_pages!r}")
        for name in ("min_share", "prose_min_share"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
                raise ConfigError(f"{name} must be a number between 0 and 1, got {value!r}")
        if not isinstance(self.share_from, int) or self.share_from < 1:
            raise ConfigError(f"share_from must be an integer >= 1, got {self.share_from!r}")

    def fit(self, texts: Iterable[str]) -> OutletProfile:
        """Count lines over ``texts`` (page dumps of one outlet), forgetting earlier counts."""
        self._validate()
        self.line_counts_: Counter[str] = Counter()
        self.n_pages_ = 0
        return self.partial_fit(texts)

    def partial_fit(self, texts: Iterable[str]) -> OutletProfile:
        """Add the lines of more page dumps of the same outlet to the counts."""
        if not hasattr(self, "line_counts_"):
            self._validate()
            self.line_counts_ = Counter()
            self.n_pages_ = 0
        counts = self.line_counts_
        for text in texts:
            self.n_pages_ += 1
            counts.update(page_keys(text))
        return self

    def _check_fitted(self) -> None:
        if not hasattr(self, "line_counts_"):
            raise NotFittedError("this OutletProfile is not fitted yet: call fit(texts) or "
                                 "partial_fit(texts) with page dumps of the outlet first")

    def threshold(self, prose: bool = False) -> int:
        """Number of pages a line must appear on to count as this outlet's template."""
        self._check_fitted()
        n = self.n_pages_
        need = self.min_pages
        if n >= self.share_from:
            need = max(need, math.ceil(self.min_share * n))
        if prose:
            need = max(need, 3, math.ceil(self.prose_min_share * n))
        return need

    def is_template(self, key: str, prose: bool = False) -> bool:
        """True when the line with matching key ``key`` is repeated template of this outlet.

        Args:
            key: The line's matching key (:func:`marsad.extract.textdump_lines.match_key`).
            prose: Whether the line is shaped like an article paragraph (stricter threshold).
        """
        self._check_fitted()
        count = self.line_counts_.get(key, 0)
        return count >= 2 and count >= self.threshold(prose)

    def template_lines(self) -> list[tuple[str, int]]:
        """Return (normalized line, page count) for every line counted as template."""
        self._check_fitted()
        need = self.threshold()
        return [(k, c) for k, c in self.line_counts_.most_common() if c >= need]


def page_keys(text: str) -> set[str]:
    """The distinct matching keys of the countable lines of one page dump."""
    keys = set()
    for raw in text.splitlines():
        line = clean_line(raw)
        if not line or len(line.split()) > _MAX_COUNTED_WORDS:
            continue
        key = match_key(line)
        if key:
            keys.add(key)
    return keys

