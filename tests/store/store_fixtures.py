"""Fixtures of the store tests (imported by each test module: a second conftest.py would shadow the
top-level one for tests that import it). Store tests run on SQLite and PostgreSQL alike: the
``db_url`` fixture is parametrised.

PostgreSQL: set RASD_TEST_PG to a server URL whose role may CREATE DATABASE
(.ci/run installs and starts one); each test gets a fresh database, dropped
after. Without it the postgresql variants skip — except under CI (CI=true),
where a missing server is a failure, not a skip.
"""

from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "RASD_TEST_PG"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "rasd.db")
        return
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must run the PostgreSQL variants (.ci/run starts a server)")
        pytest.skip(f"PostgreSQL variant: set {PG_ENV}=postgresql://USER:PASS@HOST/DB "
                    f"(a role allowed to CREATE DATABASE) to run it")
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base.replace("postgresql+psycopg://", "postgresql://"))
    admin_dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"rasd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def store(db_url):
    from rasd.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def nlp_loaded():
    import rasd

    return rasd.load()
