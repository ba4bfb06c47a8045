"""The rasd store: articles, their extractions and the events across them, in SQL.

SQLite (WAL) is the embedded default, PostgreSQL serves teams; the same
SQLAlchemy models and Alembic migrations run on both. ``open_store()`` returns a
:class:`Store`; ``Store.search_events()`` / ``Store.search_articles()`` are the
query API and ``rasd ingest`` / ``rasd search`` / ``rasd export`` the commands.

    >>> from rasd.store import open_store, Query
    >>> store = open_store()                       # $RASD_DB or the default file
    >>> for e in store.search_events(Query(text="الرقة", country="SY")):
    ...     print(e.date, e.sub_event_type, e.location_name, e.n_sources)
"""

from __future__ import annotations

from rasd.store.location import StoreError, default_db_path, resolve_url
from rasd.store.query import Query, parse_where
from rasd.store.records import ArticleRecord, EventRecord, SourceRecord
from rasd.store.store import Store, open_store

__all__ = [
    "ArticleRecord", "EventRecord", "Query", "SourceRecord", "Store", "StoreError",
    "default_db_path", "open_store", "parse_where", "resolve_url",
]
