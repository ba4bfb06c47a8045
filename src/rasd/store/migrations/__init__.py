"""Alembic migrations of the rasd store (run by ``rasd.store.migrate``; ``rasd db upgrade``)."""
