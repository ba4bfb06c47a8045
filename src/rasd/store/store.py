"""``Store``: one object for the database — open, write an article, query, count.

Every write is one transaction per article (see ``rasd.store.writer``); reads
never block writes on either backend (SQLite WAL, PostgreSQL MVCC).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Optional

from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from rasd.store import migrate, writer
from rasd.store.engine import SQLITE_BEGIN, make_engine
from rasd.store.location import StoreError, describe, resolve_url
from rasd.store.models import (ActorMention, Article, ArticleBand, Document, Event, EventSource, PlaceMention)
from rasd.store.query import Query, article_select, event_select
from rasd.store.records import ArticleIn, ArticleRecord, EventRecord, Extraction, SourceRecord

_TABLES = {"articles": Article, "documents": Document, "events": Event, "event_sources": EventSource,
           "places": PlaceMention, "actors": ActorMention, "article_bands": ArticleBand}


class Store:
    """The rasd database. Use :func:`open_store` to get one (it migrates the schema)."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = self.engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})

    def __repr__(self) -> str:
        return f"Store({describe(self.url)!r})"

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def transaction(self):
        """A connection in one write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing)."""
        return self._writer.begin()

    def save(self, article: ArticleIn, extraction: Extraction) -> writer.Outcome:
        """Store one article and its extraction in one transaction: "new", "updated" or "duplicate"."""
        with self.transaction() as conn:
            return writer.save(conn, article, extraction)

    def stored_version(self, article: ArticleIn) -> Optional[str]:
        """The pipeline version of a stored article's extraction; None when the text is not stored
        ("" when it is stored without an extraction)."""
        with self.engine.connect() as conn:
            article_id, version = writer.stored_version(conn, article.content_hash)
        if article_id is None:
            return None
        return version or ""

    def delete_article(self, article_id: int) -> bool:
        """Remove an article and all that was derived from it; merged events are recomputed."""
        from rasd.store import fts

        with self.transaction() as conn:
            if conn.execute(select(Article.id).where(Article.id == article_id)).first() is None:
                return False
            writer.remove_extraction(conn, article_id)
            fts.delete(conn, article_id)
            conn.execute(Article.__table__.delete().where(Article.id == article_id))
        return True

    # ------------------------------------------------------------------ reading

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._sessions() as session:
            return {name: session.execute(select(func.count()).select_from(model)).scalar_one()
                    for name, model in _TABLES.items()}

    def pipeline_versions(self) -> dict[str, int]:
        """How many documents each pipeline version produced."""
        with self._sessions() as session:
            rows = session.execute(select(Document.pipeline_version, func.count())
                                   .group_by(Document.pipeline_version)).all()
        return {v: n for v, n in rows}

    def stale_articles(self, version: str) -> Iterator[ArticleIn]:
        """Stored articles whose extraction is missing or from another pipeline version."""
        with self._sessions() as session:
            ids = session.execute(select(Article.id).outerjoin(Document, Document.article_id == Article.id)
                                  .where((Document.id.is_(None)) | (Document.pipeline_version != version))
                                  .order_by(Article.id)).scalars().all()
        for article_id in ids:
            with self._sessions() as session:
                a = session.get(Article, article_id)
                if a is not None:
                    yield ArticleIn(text=a.text, title=a.title, published=a.published.isoformat() if a.published
                                    else None, outlet=a.outlet, url=a.url, ext_id=a.ext_id, origin=a.origin)

    def search_events(self, query: Optional[Query] = None, with_sources: bool = True) -> list[EventRecord]:
        """Merged events matching ``query`` (newest first), each with its sources."""
        query = query or Query()
        with self._sessions() as session:
            events = session.execute(event_select(query, self.dialect)).scalars().all()
            records = [_event_record(e) for e in events]
            if with_sources and records:
                by_id = {r.id: r for r in records}
                for chunk in _chunks(list(by_id), 500):
                    rows = session.execute(
                        select(EventSource, Article).join(Article, Article.id == EventSource.article_id)
                        .where(EventSource.event_id.in_(chunk))
                        .order_by(EventSource.event_id, Article.published, Article.id)).all()
                    for s, a in rows:
                        by_id[s.event_id].sources.append(_source_record(s, a))
        return records

    def iter_events(self, query: Optional[Query] = None, batch: int = 1000) -> Iterator[EventRecord]:
        """All matching events, fetched in batches (for exports of any size)."""
        from dataclasses import replace

        query = query or Query(limit=None)
        offset, remaining = query.offset, query.limit
        while remaining is None or remaining > 0:
            n = batch if remaining is None else min(batch, remaining)
            page = self.search_events(replace(query, limit=n, offset=offset))
            yield from page
            if len(page) < n:
                return
            offset += n
            remaining = None if remaining is None else remaining - n

    def search_articles(self, query: Optional[Query] = None) -> list[ArticleRecord]:
        """Articles matching ``query`` (newest first)."""
        query = query or Query()
        with self._sessions() as session:
            ids = session.execute(article_select(query, self.dialect)).scalars().all()
            if not ids:
                return []
            n_events: dict[int, int] = defaultdict(int)
            for aid, n in session.execute(select(EventSource.article_id, func.count(func.distinct(EventSource.event_id)))
                                          .where(EventSource.article_id.in_(ids)).group_by(EventSource.article_id)):
                n_events[aid] = n
            rows = {a.id: (a, v) for a, v in session.execute(
                select(Article, Document.pipeline_version).outerjoin(Document, Document.article_id == Article.id)
                .where(Article.id.in_(ids)))}
        out = []
        for aid in ids:
            a, version = rows[aid]
            out.append(ArticleRecord(id=a.id, title=a.title, published=a.published, outlet=a.outlet, url=a.url,
                                     ext_id=a.ext_id, dup_group=a.dup_group, n_events=n_events[aid],
                                     pipeline_version=version, snippet=" ".join(a.text.split())[:200]))
        return out

    def article_text(self, article_id: int) -> Optional[str]:
        with self._sessions() as session:
            a = session.get(Article, article_id)
            return a.text if a else None

    def size_bytes(self) -> Optional[int]:
        """Size of the database on disk (SQLite file + WAL, or PostgreSQL's pg_database_size)."""
        if self.dialect == "sqlite":
            import os

            path = self.engine.url.database
            return sum(os.path.getsize(p) for p in (path, path + "-wal") if p and os.path.exists(p))
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()


def open_store(db: Optional[str] = None, upgrade: bool = True) -> Store:
    """Open the store at ``db`` (a path or URL; default ``$RASD_DB`` or the per-user file), migrating it."""
    url = resolve_url(db)
    try:
        store = Store(url)
    except ModuleNotFoundError as e:
        if url.startswith("postgresql"):
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'rasd[postgres]'") from None
        raise StoreError(f"cannot open {describe(url)}: missing module {e.name}") from None
    try:
        if upgrade:
            migrate.upgrade(store.engine)
        elif migrate.current_revision(store.engine) != migrate.head_revision():
            raise StoreError(f"{describe(url)}: the schema is not current; run 'rasd db upgrade'")
    except OperationalError as e:
        store.close()
        raise StoreError(f"{describe(url)}: cannot open the database ({_first_line(e)})") from None
    except SQLAlchemyError as e:
        store.close()
        raise StoreError(f"{describe(url)}: {_first_line(e)}") from None
    except StoreError:
        store.close()
        raise
    return store


def _first_line(e: Exception) -> str:
    msg = str(getattr(e, "orig", None) or e)
    return msg.strip().splitlines()[0] if msg.strip() else type(e).__name__


def _chunks(items: list[int], n: int) -> Iterator[list[int]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _event_record(e: Event) -> EventRecord:
    return EventRecord(
        id=e.id, event_type=e.event_type, sub_event_type=e.sub_event_type, date=e.date,
        time_precision=e.time_precision, actor1=e.actor1, actor2=e.actor2, inter1=e.inter1, inter2=e.inter2,
        location_name=e.location_name, location_name_ar=e.location_name_ar, lat=e.lat, lon=e.lon,
        admin1=e.admin1, country=e.country, geo_precision=e.geo_precision, fatalities=e.fatalities,
        n_sources=e.n_sources, n_independent=e.n_independent, confidence=e.confidence,
        pipeline_version=e.pipeline_version, updated_at=e.updated_at,
    )


def _source_record(s: EventSource, a: Article) -> SourceRecord:
    return SourceRecord(
        article_id=a.id, outlet=a.outlet, url=a.url, title=a.title, published=a.published, dup_group=a.dup_group,
        date=s.date, actor1=s.actor1, actor2=s.actor2, fatalities=s.fatalities, quantities=s.quantities or [],
        attribution=s.attribution, evidence=s.evidence_text, confidence=s.confidence,
        pipeline_version=s.pipeline_version,
    )
