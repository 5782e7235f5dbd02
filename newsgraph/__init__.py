"""newsgraph: who said what, where and when — across the news.

The public API::

    from newsgraph import Store, ingest, load_settings
    with Store("news.db") as store:
        report = ingest(["articles/"], store, load_settings())
"""

from .config import Settings, load_settings
from .errors import ConfigError, NewsgraphError, PipelineError, QueryError, StoreError
from .models import Article, CleanDocument, Fact, GivenMeta, Metadata, Notice, RawDocument, Rejected, Segment
from .pipeline import IngestReport, ingest
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "CleanDocument",
    "ConfigError",
    "Fact",
    "GivenMeta",
    "IngestReport",
    "Metadata",
    "NewsgraphError",
    "Notice",
    "PipelineError",
    "QueryError",
    "RawDocument",
    "Rejected",
    "Segment",
    "Settings",
    "Store",
    "StoreError",
    "ingest",
    "load_settings",
]
