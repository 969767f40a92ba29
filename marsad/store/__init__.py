"""Persistence: the SQLite store (the only code that speaks SQL)."""

from marsad.store.sqlite import Store, raw_hash

__all__ = ["Store", "raw_hash"]
