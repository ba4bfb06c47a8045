"""Where the store lives: ``--db``, then ``$RASD_DB``, then a per-user default file.

An analyst should not have to name a database to start: the default is a
SQLite file in the user's data folder (``$XDG_DATA_HOME/rasd/rasd.db``, i.e.
``~/.local/share/rasd/rasd.db`` on Linux). A team points every machine at one
PostgreSQL server instead, with a URL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

ENV_VAR = "RASD_DB"


class StoreError(Exception):
    """The store cannot be opened or used; the message says why and what to do."""


def default_db_path() -> Path:
    """The default SQLite file: ``$XDG_DATA_HOME/rasd/rasd.db`` (``~/.local/share/rasd/rasd.db``)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rasd" / "rasd.db"


def resolve_url(db: Optional[str] = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or a URL), ``$RASD_DB``, or the default file.

    ``postgresql://`` and ``postgres://`` URLs are given the psycopg (v3) driver;
    a plain path becomes a SQLite URL and its folder is created.
    """
    value = db or os.environ.get(ENV_VAR) or str(default_db_path())
    if value.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if value.startswith(("postgresql+", "sqlite:")):
        return value
    if "://" in value:
        raise StoreError(f"unsupported database URL {value!r}: use a file path, sqlite:///PATH or "
                         f"postgresql://USER:PASSWORD@HOST/DB")
    path = Path(value).expanduser()
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; give the database file, e.g. {path / 'rasd.db'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"{path.parent}: cannot create the store's folder ({e.strerror})") from None
    return f"sqlite:///{path.resolve()}"


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
