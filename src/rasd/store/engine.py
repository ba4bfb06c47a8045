"""Engines for the two backends, set up so that one article is one real transaction.

SQLite: WAL journal (readers never block the writer, and a process killed
mid-write leaves the last committed state), ``synchronous=NORMAL`` (durable
across process kills; only a power cut may lose the last commits), foreign keys
on, and a busy timeout so a second process waits instead of failing. Python's
sqlite3 driver does not open a transaction before DDL, so migrations would not
be atomic; we take over ``BEGIN`` ourselves (the SQLAlchemy-documented recipe),
which also lets writers ask for ``BEGIN IMMEDIATE`` and so never deadlock on
upgrading a read lock.
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

#: execution option a writer sets to take SQLite's write lock at BEGIN
SQLITE_BEGIN = "sqlite_begin"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (``sqlite:///…`` or ``postgresql+psycopg://…``)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})
        _sqlite_setup(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # pragma: no cover - exercised via every test
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        mode = conn.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")
