"""What goes into the store and what comes out of it: plain dataclasses at the edges."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass
class ArticleIn:
    """An article as read from a source, before extraction.

    ``origin`` says where it was read ("feeds/x.xml#entry 3"), for messages
    and for finding it again; it is not part of the article's identity.
    """

    text: str
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    outlet: Optional[str] = None
    url: Optional[str] = None
    ext_id: Optional[str] = None
    origin: Optional[str] = None

    @property
    def content_hash(self) -> str:
        """Identity of the text: SHA-256 of its NFC form with runs of white space collapsed.

        Re-reading the same article from another file, a feed and a WARC gives
        the same hash, so the store keeps it once.
        """
        canonical = " ".join(unicodedata.normalize("NFC", self.text).split())
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class Extraction:
    """What the pipeline made of an article, plus what the store needs to index it."""

    document: dict[str, Any]  # Doc.to_dict()
    pipeline_version: str
    terms: str  # rasd.store.terms.document_terms
    minhash: list[int]


@dataclass
class SourceRecord:
    """One article's account of an event: its own figures, attribution and evidence."""

    article_id: int
    outlet: Optional[str]
    url: Optional[str]
    title: Optional[str]
    published: Optional[dt.date]
    dup_group: Optional[int]
    date: Optional[dt.date]
    actor1: Optional[str]
    actor2: Optional[str]
    fatalities: Optional[int]
    quantities: list[dict[str, Any]]
    attribution: Optional[str]
    evidence: Optional[str]
    confidence: Optional[float]
    pipeline_version: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("published", "date"):
            d[k] = d[k].isoformat() if d[k] else None
        return d


@dataclass
class EventRecord:
    """An event merged across articles, with every source that reported it."""

    id: int
    event_type: str
    sub_event_type: str
    date: Optional[dt.date]
    time_precision: Optional[int]
    actor1: Optional[str]
    actor2: Optional[str]
    inter1: Optional[int]
    inter2: Optional[int]
    location_name: Optional[str]
    location_name_ar: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    admin1: Optional[str]
    country: Optional[str]
    geo_precision: Optional[int]
    fatalities: Optional[int]
    n_sources: int
    n_independent: int
    confidence: Optional[float]
    pipeline_version: Optional[str]
    updated_at: Optional[dt.datetime]
    sources: list[SourceRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        d["updated_at"] = self.updated_at.isoformat() if self.updated_at else None
        d["sources"] = [s.to_dict() for s in self.sources]
        return d


@dataclass
class ArticleRecord:
    id: int
    title: Optional[str]
    published: Optional[dt.date]
    outlet: Optional[str]
    url: Optional[str]
    ext_id: Optional[str]
    dup_group: Optional[int]
    n_events: int
    pipeline_version: Optional[str]
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d
