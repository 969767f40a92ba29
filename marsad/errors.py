"""The marsad error tree.

Every error says what was wrong and, where there is a finite set of valid choices, lists them
(spaCy's coded-catalogue habit, without the codes getting in the way of reading).
"""

from __future__ import annotations

from collections.abc import Iterable


class MarsadError(Exception):
    """Base class of every error marsad raises on purpose."""


class ConfigError(MarsadError, ValueError):
    """A setting has an unknown name or an invalid value."""


class PipelineError(MarsadError):
    """The stage list is inconsistent (unknown stage, or a stage runs before what it needs)."""


class SourceError(MarsadError):
    """A source given to ``marsad run`` cannot be read at all (missing path, unknown scheme)."""


class StoreError(MarsadError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(MarsadError, KeyError):
    """An article, event, storyline or entity id is not in the store."""

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0]) if self.args else "not found"


class NotFittedError(MarsadError, AttributeError):
    """A learning component was used before ``fit``/``partial_fit`` (scikit-learn's contract)."""


class DataMissingError(MarsadError, FileNotFoundError):
    """Evaluation or training data is not where it was expected."""


def choices(name: str, value: object, valid: Iterable[object]) -> str:
    """Format "unknown X 'v'; valid values: a, b, c" for an error message."""
    listed = ", ".join(repr(v) for v in sorted(valid, key=str))
    return f"unknown {name} {value!r}; valid values: {listed}"
