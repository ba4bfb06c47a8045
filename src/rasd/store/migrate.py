"""Schema migrations, run by rasd itself: opening a store brings it to the newest schema.

Analysts should never have to run a migration tool by hand, so ``open_store``
upgrades an older schema in one transaction; ``rasd db upgrade`` does the same
explicitly. A database written by a newer rasd is refused rather than guessed at.
"""

from __future__ import annotations

from importlib import resources
from typing import Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from rasd.store.engine import SQLITE_BEGIN
from rasd.store.location import StoreError


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("rasd.store").joinpath("migrations")))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> Optional[str]:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest revision; True when something was applied."""
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None and script.get_revision(current) is None:
        raise StoreError(f"the database has schema revision {current}, which this rasd does not know: "
                         f"it was written by a newer rasd; upgrade rasd (pip install -U rasd)")
    with engine.connect().execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
    return True
