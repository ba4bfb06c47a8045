"""The store's tables (SQLAlchemy 2 declarative models), the same on SQLite and PostgreSQL.

- ``articles``: one row per distinct text (``content_hash`` is unique, which is
  what makes ingesting the same input twice add nothing); near-duplicates keep
  their own row and share a ``dup_group``.
- ``documents``: the extraction of an article (the Document JSON), with the
  ``pipeline_version`` that produced it. Every row derived from it (places,
  actors, event sources) carries that version too and is deleted with it, so a
  newer pipeline replaces an old extraction without leftovers.
- ``events``: one row per real-world event, merged across articles;
  ``event_sources`` keeps each article's own account (its figures, its
  attribution, its evidence), so disagreement between outlets stays visible.

Full-text search tables differ by backend and live outside these models (see
``rasd.store.fts``); they are created by the same migration.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import (JSON, BigInteger, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String,
                        Text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    ext_id: Mapped[Optional[str]] = mapped_column(String(512), index=True)
    title: Mapped[Optional[str]] = mapped_column(Text)
    published: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    outlet: Mapped[Optional[str]] = mapped_column(String(256), index=True)
    url: Mapped[Optional[str]] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[Optional[str]] = mapped_column(Text)  # file:record where it was first read
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    dup_group: Mapped[Optional[int]] = mapped_column(Integer, index=True)
    minhash: Mapped[Optional[bytes]] = mapped_column(LargeBinary)

    document: Mapped[Optional["Document"]] = relationship(back_populates="article", passive_deletes=True)


class ArticleBand(Base):
    """LSH buckets of an article's MinHash signature: articles sharing a bucket are near-duplicate candidates."""

    __tablename__ = "article_bands"

    band_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True,
                                            index=True)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), unique=True)
    pipeline_version: Mapped[str] = mapped_column(String(64), index=True)
    extracted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)

    article: Mapped[Article] = relationship(back_populates="document")


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merge_key: Mapped[str] = mapped_column(String(256), unique=True)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64), index=True)
    date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    time_precision: Mapped[Optional[int]] = mapped_column(Integer)
    actor1: Mapped[Optional[str]] = mapped_column(String(256), index=True)
    actor2: Mapped[Optional[str]] = mapped_column(String(256), index=True)
    inter1: Mapped[Optional[int]] = mapped_column(Integer)
    inter2: Mapped[Optional[int]] = mapped_column(Integer)
    location_name: Mapped[Optional[str]] = mapped_column(String(256))
    location_name_ar: Mapped[Optional[str]] = mapped_column(String(256))
    lat: Mapped[Optional[float]] = mapped_column(Float)
    lon: Mapped[Optional[float]] = mapped_column(Float)
    admin1: Mapped[Optional[str]] = mapped_column(String(128), index=True)
    country: Mapped[Optional[str]] = mapped_column(String(2), index=True)
    geo_precision: Mapped[Optional[int]] = mapped_column(Integer)
    fatalities: Mapped[Optional[int]] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    n_independent: Mapped[int] = mapped_column(Integer, default=0)
    confidence: Mapped[Optional[float]] = mapped_column(Float)
    pipeline_version: Mapped[Optional[str]] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EventSource(Base):
    """One article's account of an event, with its own figures."""

    __tablename__ = "event_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)  # index of the event in the Document
    date: Mapped[Optional[dt.date]] = mapped_column(Date)
    actor1: Mapped[Optional[str]] = mapped_column(String(256))
    actor2: Mapped[Optional[str]] = mapped_column(String(256))
    inter1: Mapped[Optional[int]] = mapped_column(Integer)
    inter2: Mapped[Optional[int]] = mapped_column(Integer)
    fatalities: Mapped[Optional[int]] = mapped_column(Integer)
    quantities: Mapped[list[dict[str, Any]]] = mapped_column(JSONType, default=list)
    attribution: Mapped[Optional[str]] = mapped_column(Text)
    evidence_start: Mapped[Optional[int]] = mapped_column(Integer)
    evidence_end: Mapped[Optional[int]] = mapped_column(Integer)
    evidence_text: Mapped[Optional[str]] = mapped_column(Text)
    confidence: Mapped[Optional[float]] = mapped_column(Float)


class _Mention:
    """The columns every mention table shares: where in which document, as extracted by which pipeline."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(String(256))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    name: Mapped[Optional[str]] = mapped_column(String(256), index=True)


class PlaceMention(_Mention, Base):
    __tablename__ = "places"

    lat: Mapped[Optional[float]] = mapped_column(Float)
    lon: Mapped[Optional[float]] = mapped_column(Float)
    admin1: Mapped[Optional[str]] = mapped_column(String(128))
    country: Mapped[Optional[str]] = mapped_column(String(2))
    geonames_id: Mapped[Optional[int]] = mapped_column(BigInteger)
    geo_precision: Mapped[Optional[int]] = mapped_column(Integer)


class ActorMention(_Mention, Base):
    __tablename__ = "actors"

    inter: Mapped[Optional[int]] = mapped_column(Integer)
    registry_id: Mapped[Optional[str]] = mapped_column(String(128))
    country: Mapped[Optional[str]] = mapped_column(String(2))
