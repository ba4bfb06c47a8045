"""Write one article and its extraction: all of it in the caller's transaction, or nothing.

The caller (``Store.save``) opens one transaction per article, so a crash,
a kill -9 or a bad record in the middle leaves no half-written article: either
the article, its document, its mentions, its event sources and the merged
events all changed, or none did.

A stored article whose extraction came from another pipeline version is
re-extracted in place: its old document and everything derived from it are
deleted (the rows carry the version that made them) and the merged events it
fed are recomputed, so a newer pipeline replaces old results cleanly.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

from sqlalchemy import delete, insert, select, update
from sqlalchemy import Connection

from rasd.store import dedup, fts, merge, minhash
from rasd.store.models import ActorMention, Article, Document, EventSource, PlaceMention, utcnow
from rasd.store.records import ArticleIn, Extraction
from rasd.store.upsert import insert_ignore

Outcome = Literal["new", "updated", "duplicate"]


def stored_version(conn: Connection, content_hash: str) -> tuple[Optional[int], Optional[str]]:
    """(article id, pipeline version of its extraction) for a text, (None, None) when not stored."""
    row = conn.execute(
        select(Article.id, Document.pipeline_version).outerjoin(Document, Document.article_id == Article.id)
        .where(Article.content_hash == content_hash)
    ).first()
    return (row[0], row[1]) if row else (None, None)


def save(conn: Connection, article: ArticleIn, ex: Extraction) -> Outcome:
    article_id, version = stored_version(conn, article.content_hash)
    if article_id is not None:
        if version == ex.pipeline_version:
            return "duplicate"
        remove_extraction(conn, article_id)
        _write_extraction(conn, article_id, article, ex)
        return "updated"
    values = {
        "content_hash": article.content_hash, "ext_id": _cut(article.ext_id, 512), "title": article.title,
        "published": _date(article.published or ex.document.get("published")),
        "outlet": _cut(article.outlet, 256), "url": article.url, "text": article.text, "origin": article.origin,
        "ingested_at": utcnow(), "minhash": minhash.pack(ex.minhash),
    }
    article_id = insert_ignore(conn, Article, values, ["content_hash"])
    if article_id is None:  # another writer stored it since we looked
        return "duplicate"
    group, merged = dedup.assign_group(conn, article_id, ex.minhash)
    if merged:  # independent-source counts of events reported by the merged groups change
        merge.recompute(conn, conn.execute(
            select(EventSource.event_id).join(Article, Article.id == EventSource.article_id)
            .where(Article.dup_group == group)).scalars())
    _write_extraction(conn, article_id, article, ex)
    return "new"


def remove_extraction(conn: Connection, article_id: int) -> None:
    """Delete an article's document and everything derived from it; refresh the events it fed."""
    doc_id = conn.execute(select(Document.id).where(Document.article_id == article_id)).scalar_one_or_none()
    if doc_id is None:
        return
    events = set(conn.execute(select(EventSource.event_id).where(EventSource.document_id == doc_id)).scalars())
    for model in (EventSource, PlaceMention, ActorMention):  # explicit: no reliance on cascades for correctness
        conn.execute(delete(model).where(model.document_id == doc_id))
    conn.execute(delete(Document).where(Document.id == doc_id))
    merge.recompute(conn, events)


def _write_extraction(conn: Connection, article_id: int, article: ArticleIn, ex: Extraction) -> None:
    data, version = ex.document, ex.pipeline_version
    if data.get("published") and article.published is None:
        conn.execute(update(Article).where(Article.id == article_id, Article.published.is_(None))
                        .values(published=_date(data["published"])))
    doc_id = conn.execute(insert(Document.__table__).returning(Document.__table__.c.id), dict(
        article_id=article_id, pipeline_version=version, extracted_at=utcnow(), data=data)).scalar_one()
    common = {"document_id": doc_id, "article_id": article_id, "pipeline_version": version}
    places = [{**common, "text": _cut(p["text"], 256), "start": p["start"], "end": p["end"],
               "name": _cut(p.get("name"), 256), "lat": p.get("lat"), "lon": p.get("lon"),
               "admin1": _cut(p.get("admin1"), 128), "country": p.get("country"),
               "geonames_id": p.get("geonames_id"), "geo_precision": p.get("geo_precision")}
              for p in data.get("places", [])]
    if places:
        conn.execute(insert(PlaceMention.__table__), places)
    actors = [{**common, "text": _cut(a["text"], 256), "start": a["start"], "end": a["end"],
               "name": _cut(a.get("name"), 256), "inter": a.get("inter"), "registry_id": a.get("registry_id"),
               "country": a.get("country")}
              for a in data.get("actors", [])]
    if actors:
        conn.execute(insert(ActorMention.__table__), actors)
    inter: dict[str, Optional[int]] = {}
    inter.update({a.get("name"): a.get("inter") for a in data.get("actors", []) if a.get("name")})
    touched: set[int] = set()
    sources: list[dict[str, Any]] = []
    for pos, ev in enumerate(data.get("events", [])):
        key = merge.merge_key(ev, article_id, pos)
        event_id = merge.get_or_create(conn, ev, key, version)
        touched.add(event_id)
        evidence = ev.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        sources.append(dict(
            **common, event_id=event_id, position=pos, date=_date(ev.get("date")),
            actor1=_cut(ev.get("actor1"), 256), actor2=_cut(ev.get("actor2"), 256),
            inter1=_inter(inter, ev.get("actor1")), inter2=_inter(inter, ev.get("actor2")),
            fatalities=ev.get("fatalities"), quantities=ev.get("quantities") or [],
            attribution=ev.get("source"), evidence_start=start, evidence_end=end,
            evidence_text=article.text[start:end] if isinstance(start, int) and isinstance(end, int) else None,
            confidence=ev.get("confidence"),
        ))
    if sources:
        conn.execute(insert(EventSource.__table__), sources)
    merge.recompute(conn, touched)
    fts.put(conn, article_id, ex.terms)


#: ACLED's generic actors ("Protesters (Syria)") have fixed types even when no mention carries one
_GENERIC_INTER = {"Rioters": 5, "Protesters": 6, "Civilians": 7}


def _inter(known: dict[str, Optional[int]], name: Optional[str]) -> Optional[int]:
    if not name:
        return None
    if known.get(name) is not None:
        return known[name]
    return _GENERIC_INTER.get(name.split(" (", 1)[0])


def _date(value: Any) -> Optional[dt.date]:
    if not value:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _cut(value: Optional[str], n: int) -> Optional[str]:
    return value[:n] if isinstance(value, str) else value
