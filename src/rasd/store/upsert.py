"""INSERT … ON CONFLICT DO NOTHING on both backends, returning the new id or None.

Uniqueness is what makes ingest idempotent and safe to rerun after a kill:
inserting a row that already exists is a no-op the caller can see, not an error.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy import Connection


def insert_ignore(conn: Connection, model: Any, values: dict[str, Any], conflict: list[str]) -> Optional[int]:
    return conn.execute(_statement(conn.dialect.name, model.__table__, tuple(conflict)), values).scalar_one_or_none()


@lru_cache(maxsize=None)
def _statement(dialect: str, table: Any, conflict: tuple[str, ...]) -> Any:
    ins = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(table)
    return ins.on_conflict_do_nothing(index_elements=list(conflict)).returning(table.c.id)
