"""The same event from several articles becomes one event with several sources.

Two accounts are the same event when they agree on the sub-event type, the
day and the place (coordinates to two decimals, about a kilometre, plus the
country) — the schema's "one event per (sub-event type, place, day)" rule
applied across articles. Actors are not part of the key: outlets name the
sides differently or not at all. An event without a date or a place cannot be
matched safely and stays on its own.

The merged event's fields are recomputed from its sources each time one is
added or removed: fatalities are the lowest reported figure (ACLED's rule),
actors the most reported names, ``n_sources`` the number of articles and
``n_independent`` the number of near-duplicate groups among them (a wire story
republished by five sites is one independent source). Each source's own
figures stay in ``event_sources``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Iterable, Optional

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy import Connection

from rasd.store.models import Article, Event, EventSource, utcnow
from rasd.store.upsert import insert_ignore


def merge_key(event: dict[str, Any], article_id: int, position: int) -> str:
    loc = event.get("location") or {}
    if event.get("date") and loc.get("lat") is not None and loc.get("lon") is not None:
        return (f"{event['sub_event_type']}|{event['date']}|{loc.get('country') or ''}|"
                f"{float(loc['lat']):.2f},{float(loc['lon']):.2f}")
    return f"single|{article_id}|{position}"


def event_row(event: dict[str, Any], key: str, version: str) -> dict[str, Any]:
    """The columns of a new merged event, from its first source (refined by :func:`recompute`)."""
    loc = event.get("location") or {}
    return {
        "merge_key": key, "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "date": _date(event.get("date")), "time_precision": event.get("time_precision"),
        "location_name": loc.get("name"), "location_name_ar": loc.get("name_ar"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "admin1": loc.get("admin1"),
        "country": loc.get("country"), "geo_precision": loc.get("geo_precision"),
        "n_sources": 0, "n_independent": 0, "pipeline_version": version, "updated_at": utcnow(),
    }


def get_or_create(conn: Connection, event: dict[str, Any], key: str, version: str) -> int:
    """The id of the merged event for ``key``, created if new (safe against a concurrent writer)."""
    new_id = insert_ignore(conn, Event, event_row(event, key, version), ["merge_key"])
    if new_id is not None:
        return new_id
    return conn.execute(_BY_KEY, {"key": key}).scalar_one()


_BY_KEY = select(Event.id).where(Event.merge_key == bindparam("key"))


_SOURCES = (
    select(EventSource.article_id, EventSource.fatalities, EventSource.actor1, EventSource.inter1,
           EventSource.actor2, EventSource.inter2, EventSource.confidence, EventSource.pipeline_version,
           Article.dup_group)
    .join(Article, Article.id == EventSource.article_id)
    .where(EventSource.event_id == bindparam("eid")).order_by(EventSource.article_id, EventSource.position)
)
_DELETE = delete(Event.__table__).where(Event.__table__.c.id == bindparam("eid"))
_UPDATE = update(Event.__table__).where(Event.__table__.c.id == bindparam("eid"))


def recompute(conn: Connection, event_ids: Iterable[int]) -> None:
    """Refresh merged events from their sources; delete those left without any."""
    for event_id in sorted(set(event_ids)):
        sources = conn.execute(_SOURCES, {"eid": event_id}).all()
        if not sources:
            conn.execute(_DELETE, {"eid": event_id})
            continue
        fat = [s.fatalities for s in sources if s.fatalities is not None]
        a1, i1 = _most_common((s.actor1, s.inter1) for s in sources)
        a2, i2 = _most_common((s.actor2, s.inter2) for s in sources)
        conn.execute(_UPDATE, {
            "eid": event_id,
            "fatalities": min(fat) if fat else None,
            "actor1": a1, "inter1": i1, "actor2": a2, "inter2": i2,
            "n_sources": len({s.article_id for s in sources}),
            "n_independent": len({s.dup_group if s.dup_group is not None else -s.article_id for s in sources}),
            "confidence": max((s.confidence for s in sources if s.confidence is not None), default=None),
            "pipeline_version": max(s.pipeline_version for s in sources),
            "updated_at": utcnow(),
        })


def _most_common(pairs: Iterable[tuple[Optional[str], Optional[int]]]) -> tuple[Optional[str], Optional[int]]:
    counts = Counter(p for p in pairs if p[0])
    return counts.most_common(1)[0][0] if counts else (None, None)


def _date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
