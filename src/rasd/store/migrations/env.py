"""Alembic environment: runs on the connection rasd hands over (or on sqlalchemy.url).

SQLite migrations run in batch mode (ALTER via table copy) and inside one
transaction, so an interrupted upgrade leaves the previous schema intact.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from rasd.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    is_sqlite = connection.dialect.name == "sqlite"
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=is_sqlite, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line, with sqlalchemy.url set
    engine = engine_from_config(config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as conn:
        _run(conn)
