"""Storage. ``Store`` (SQLite) is the only class that speaks SQL."""

from .db import Store, source_of

__all__ = ["Store", "source_of"]
