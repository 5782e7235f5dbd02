"""Storage. ``Store`` (SQLite) is the only class that speaks SQL."""

from .db import Store

__all__ = ["Store"]
