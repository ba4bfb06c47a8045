"""The query API: one ``Query`` of filters for events and articles, on both backends.

``Query`` is what ``rasd search`` options and ``rasd export --where`` clauses
become; ``Store.search_events(query)`` and ``Store.search_articles(query)``
run it. Text search goes through the Arabic-aware index (``rasd.store.terms``);
the other filters are plain indexed columns.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from typing import Optional

from sqlalchemy import Select, or_, select

from rasd.store import fts
from rasd.store.models import Article, Event, EventSource
from rasd.store.terms import query_terms


@dataclass(frozen=True)
class Query:
    """Filters, all optional and combined with AND.

    text: words that must all occur (Arabic normalised, clitics handled; English place/actor names work too)
    start, end: event date range (for articles: publication date), inclusive
    country: ISO 3166-1 alpha-2 ("SY"); admin1: first-level division as named in the output ("Deir ez-Zor")
    event_type: an event type or sub-event type ("Battles", "Air/drone strike")
    actor: part of an actor name, any case ("SDF" does not match; "Syrian Democratic" does)
    outlet: the publishing outlet; min_sources: events reported by at least this many articles
    """

    text: Optional[str] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    country: Optional[str] = None
    admin1: Optional[str] = None
    event_type: Optional[str] = None
    actor: Optional[str] = None
    outlet: Optional[str] = None
    min_sources: Optional[int] = None
    limit: Optional[int] = 50
    offset: int = 0


def event_select(q: Query, dialect: str) -> Select:
    """SELECT of merged events matching ``q``, newest first."""
    stmt = select(Event)
    if q.text:
        terms = query_terms(q.text)
        if not terms:
            raise ValueError(f"the search text {q.text!r} holds no searchable word")
        arts = fts.matching_articles(dialect, terms).subquery()
        stmt = stmt.where(Event.id.in_(select(EventSource.event_id).where(
            EventSource.article_id.in_(select(arts.c.article_id)))))
    if q.start:
        stmt = stmt.where(Event.date >= q.start)
    if q.end:
        stmt = stmt.where(Event.date <= q.end)
    if q.country:
        stmt = stmt.where(Event.country == q.country.upper())
    if q.admin1:
        stmt = stmt.where(Event.admin1.ilike(q.admin1))
    if q.event_type:
        stmt = stmt.where(or_(Event.event_type.ilike(q.event_type), Event.sub_event_type.ilike(q.event_type)))
    if q.actor:
        pattern = f"%{_escape_like(q.actor)}%"
        stmt = stmt.where(or_(
            Event.actor1.ilike(pattern, escape="\\"), Event.actor2.ilike(pattern, escape="\\"),
            Event.id.in_(select(EventSource.event_id).where(or_(
                EventSource.actor1.ilike(pattern, escape="\\"), EventSource.actor2.ilike(pattern, escape="\\")))),
        ))
    if q.outlet:
        stmt = stmt.where(Event.id.in_(select(EventSource.event_id).join(
            Article, Article.id == EventSource.article_id).where(Article.outlet.ilike(q.outlet))))
    if q.min_sources:
        stmt = stmt.where(Event.n_sources >= q.min_sources)
    stmt = stmt.order_by(Event.date.desc().nulls_last(), Event.id.desc())
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    return stmt.offset(q.offset) if q.offset else stmt


def article_select(q: Query, dialect: str) -> Select:
    """SELECT of article ids matching ``q`` (event filters apply through the article's events)."""
    stmt = select(Article.id)
    if q.text:
        terms = query_terms(q.text)
        if not terms:
            raise ValueError(f"the search text {q.text!r} holds no searchable word")
        arts = fts.matching_articles(dialect, terms).subquery()
        stmt = stmt.where(Article.id.in_(select(arts.c.article_id)))
    if q.start:
        stmt = stmt.where(Article.published >= q.start)
    if q.end:
        stmt = stmt.where(Article.published <= q.end)
    if q.outlet:
        stmt = stmt.where(Article.outlet.ilike(q.outlet))
    if any((q.country, q.admin1, q.event_type, q.actor, q.min_sources)):
        events = event_select(replace(q, text=None, start=None, end=None, outlet=None, limit=None, offset=0),
                              dialect).with_only_columns(Event.id).order_by(None)
        stmt = stmt.where(Article.id.in_(select(EventSource.article_id).where(EventSource.event_id.in_(events))))
    stmt = stmt.order_by(Article.published.desc().nulls_last(), Article.id.desc())
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    return stmt.offset(q.offset) if q.offset else stmt


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ------------------------------------------------------------------ --where clauses

_CLAUSE = re.compile(r"^\s*(\w+)\s*(>=|<=|=|~)\s*(.*?)\s*$")
_KEYS = {f.name for f in fields(Query)} - {"limit", "offset", "start", "end"} | {"date", "q"}


def parse_where(clauses: list[str], base: Optional[Query] = None) -> Query:
    """Turn ``--where`` clauses into a Query.

    ``date>=2019-01-01``, ``date<=2019-12-31``, ``date=2019-02-26``, ``country=SY``,
    ``admin1=Deir ez-Zor``, ``event_type=Battles``, ``actor~Islamic State``,
    ``outlet=aawsat``, ``text=الرقة`` (or ``q=``), ``min_sources>=2``.
    """
    q = base or Query(limit=None)
    for clause in clauses:
        m = _CLAUSE.match(clause)
        if not m:
            raise ValueError(f"--where {clause!r}: expected KEY=VALUE, KEY>=VALUE, KEY<=VALUE or KEY~VALUE "
                             f"(keys: {', '.join(sorted(_KEYS))})")
        key, op, value = m.groups()
        value = value.strip("\"'")
        if key not in _KEYS:
            raise ValueError(f"--where {clause!r}: unknown key {key!r} (keys: {', '.join(sorted(_KEYS))})")
        if key == "date":
            day = _parse_date(value, clause)
            if op == ">=":
                q = replace(q, start=day)
            elif op == "<=":
                q = replace(q, end=day)
            elif op == "=":
                q = replace(q, start=day, end=day)
            else:
                raise ValueError(f"--where {clause!r}: dates take =, >= or <=")
        elif key == "min_sources":
            if op not in (">=", "="):
                raise ValueError(f"--where {clause!r}: use min_sources>=N")
            try:
                q = replace(q, min_sources=int(value))
            except ValueError:
                raise ValueError(f"--where {clause!r}: {value!r} is not a whole number") from None
        else:
            if op in (">=", "<="):
                raise ValueError(f"--where {clause!r}: {key} takes = (or ~ for part of a name)")
            q = replace(q, **{"text" if key == "q" else key: value})
    return q


def _parse_date(value: str, clause: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"--where {clause!r}: {value!r} is not a date (YYYY-MM-DD)") from None
