"""The store itself, on SQLite and PostgreSQL: writing, idempotency, near-duplicates, merged events,
re-extraction by a newer pipeline, and all-or-nothing writes."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from rasd.store import models
from rasd.store.extraction import extract
from rasd.store.records import ArticleIn
from store_fixtures import db_url, nlp_loaded, store  # noqa: F401 (pytest fixtures)
from store_samples import AID_A, PROTEST, PUBLISHED, STRIKE_A, STRIKE_A_COPY, STRIKE_B


def _art(text: str, outlet: str = "outlet-a", **kw) -> ArticleIn:
    return ArticleIn(text=text, title=text.split("\n", 1)[0], published=PUBLISHED, outlet=outlet, **kw)


def _save(store, nlp, text, outlet="outlet-a"):
    a = _art(text, outlet)
    return store.save(a, extract(nlp, a))


def _rows(store, model, **where):
    with store.engine.connect() as conn:
        stmt = select(func.count()).select_from(model)
        for k, v in where.items():
            stmt = stmt.where(getattr(model, k) == v)
        return conn.execute(stmt).scalar_one()


def test_schema_is_created_and_versioned(store):
    from rasd.store import migrate

    assert migrate.current_revision(store.engine) == migrate.head_revision() == "0001"
    assert set(store.counts()) >= {"articles", "documents", "events", "event_sources", "places", "actors"}


def test_save_twice_is_one_article(store, nlp_loaded):
    assert _save(store, nlp_loaded, STRIKE_A) == "new"
    assert _save(store, nlp_loaded, STRIKE_A) == "duplicate"
    # the same text with different white space is the same article
    assert _save(store, nlp_loaded, STRIKE_A.replace(" ", "  ", 3) + "\n") == "duplicate"
    c = store.counts()
    assert c["articles"] == 1 and c["documents"] == 1
    assert c["event_sources"] == 1 and c["events"] == 1
    assert c["places"] > 0 and c["actors"] > 0


def test_every_derived_row_carries_the_pipeline_version(store, nlp_loaded):
    from rasd.pipeline import PIPELINE_VERSION

    _save(store, nlp_loaded, AID_A)
    for model in (models.Document, models.EventSource, models.PlaceMention, models.ActorMention):
        total = _rows(store, model)
        assert total > 0
        assert _rows(store, model, pipeline_version=PIPELINE_VERSION) == total


def test_same_event_from_two_articles_is_one_event_with_two_sources(store, nlp_loaded):
    _save(store, nlp_loaded, STRIKE_A, outlet="outlet-a")
    _save(store, nlp_loaded, STRIKE_B, outlet="outlet-b")
    events = store.search_events()
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    e = strikes[0]
    assert e.n_sources == 2 and e.n_independent == 2
    own = sorted((s.outlet, s.fatalities) for s in e.sources)
    assert own[0][0] == "outlet-a" and own[0][1] == 3          # each source keeps its own figure
    assert own[1][0] == "outlet-b" and own[1][1] is not None and own[1][1] != 3
    assert e.fatalities == min(f for _, f in own)              # ACLED: the lowest reported figure
    assert {q["text"] for s in e.sources for q in s.quantities} >= {"ثلاثة مدنيين", "خمسة أشخاص"}


def test_near_duplicates_share_a_group_and_count_once_as_independent(store, nlp_loaded):
    _save(store, nlp_loaded, STRIKE_A, outlet="outlet-a")
    _save(store, nlp_loaded, STRIKE_A_COPY, outlet="outlet-c")
    _save(store, nlp_loaded, PROTEST, outlet="outlet-a")
    arts = {a.outlet + ":" + (a.title or ""): a for a in store.search_articles()}
    groups = {k: a.dup_group for k, a in arts.items()}
    a, copy = [g for k, g in groups.items() if "معرة" in k]
    protest = next(g for k, g in groups.items() if "الرقة" in k)
    assert a == copy and protest != a
    strike = next(e for e in store.search_events() if e.sub_event_type == "Air/drone strike")
    assert strike.n_sources == 2 and strike.n_independent == 1


def test_newer_pipeline_replaces_the_old_extraction_cleanly(store, nlp_loaded):
    from rasd.pipeline import PIPELINE_VERSION

    a = _art(PROTEST)
    ex = extract(nlp_loaded, a)
    old_doc = dict(ex.document)
    # an older pipeline's output: another version and an extra event the new one does not produce
    extra = dict(old_doc["events"][0], sub_event_type="Violent demonstration", event_type="Riots")
    old_doc["events"] = old_doc["events"] + [extra]
    old = dataclasses.replace(ex, document=old_doc, pipeline_version="rasd 0.0.1")
    assert store.save(a, old) == "new"
    assert store.pipeline_versions() == {"rasd 0.0.1": 1}
    assert {e.sub_event_type for e in store.search_events()} == {"Peaceful protest", "Violent demonstration"}

    assert store.save(a, ex) == "updated"
    assert store.pipeline_versions() == {PIPELINE_VERSION: 1}
    assert {e.sub_event_type for e in store.search_events()} == {"Peaceful protest"}
    for model in (models.EventSource, models.PlaceMention, models.ActorMention):
        assert _rows(store, model, pipeline_version="rasd 0.0.1") == 0
    c = store.counts()
    assert c["articles"] == 1 and c["documents"] == 1 and c["events"] == 1


def test_a_failure_mid_article_leaves_nothing_half_written(store, nlp_loaded, monkeypatch):
    from rasd.store import writer

    _save(store, nlp_loaded, STRIKE_A)
    before = store.counts()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer.fts, "put", broken)  # the last step of writing an article
    with pytest.raises(RuntimeError):
        _save(store, nlp_loaded, AID_A)
    assert store.counts() == before
    monkeypatch.undo()
    assert _save(store, nlp_loaded, AID_A) == "new"  # and nothing blocks a retry


def test_delete_article_recomputes_merged_events(store, nlp_loaded):
    _save(store, nlp_loaded, STRIKE_A, outlet="outlet-a")
    _save(store, nlp_loaded, STRIKE_B, outlet="outlet-b")
    b = next(a for a in store.search_articles() if a.outlet == "outlet-b")
    assert store.delete_article(b.id)
    (e,) = [e for e in store.search_events() if e.sub_event_type == "Air/drone strike"]
    assert e.n_sources == 1 and e.fatalities == 3
    assert store.counts()["articles"] == 1
    assert store.search_articles(__import__("rasd.store", fromlist=["Query"]).Query(text="ناشطون")) == []


def test_unknown_database_url_and_unreachable_server_are_clear_errors(tmp_path):
    from rasd.store import StoreError, open_store

    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://x@y/z")
    with pytest.raises(StoreError, match="is a folder"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store("postgresql://nobody:x@127.0.0.1:1/none")


def test_db_reprocess_command_re_extracts_stale_articles(store, db_url, nlp_loaded, capsys):
    from rasd.cli import main
    from rasd.pipeline import PIPELINE_VERSION

    for text in (STRIKE_A, PROTEST):
        a = _art(text)
        store.save(a, dataclasses.replace(extract(nlp_loaded, a), pipeline_version="rasd 0.0.1"))
    assert store.pipeline_versions() == {"rasd 0.0.1": 2}
    assert main(["db", "reprocess", "--db", db_url, "--quiet"]) == 0
    assert f"2 articles re-extracted with {PIPELINE_VERSION}" in capsys.readouterr().err
    assert store.pipeline_versions() == {PIPELINE_VERSION: 2}
    assert main(["db", "reprocess", "--db", db_url, "--quiet"]) == 0
    assert "0 articles re-extracted" in capsys.readouterr().err
    assert main(["db", "info", "--db", db_url]) == 0
    info = capsys.readouterr().out
    assert "articles: 2" in info and f"documents by {PIPELINE_VERSION}: 2" in info and "schema revision: 0001" in info
