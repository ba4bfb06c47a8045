"""rasd ingest end to end, on SQLite and PostgreSQL: idempotent reruns, kill -9 mid-run, URLs,
bad input reported by file and record, and the corpus sample ingested twice."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
import unicodedata

import pytest
from sqlalchemy import create_engine, text

from rasd.cli import main
from store_fixtures import db_url, nlp_loaded, store  # noqa: F401 (pytest fixtures)
from store_samples import PROTEST, STRIKE_A, many_articles, write_folder


def _summary(capsys) -> str:
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith("rasd ingest: read")][-1]


def test_ingest_twice_adds_nothing(db_url, tmp_path, capsys):
    folder = write_folder(tmp_path / "in", many_articles(30))
    (folder / "bad.jsonl").write_text('{"text": ""}\n', encoding="utf-8")
    assert main(["ingest", str(folder), "--db", db_url, "--quiet"]) == 1
    out = capsys.readouterr().err
    assert "read 31, new 30, updated 0 (re-extracted by a newer pipeline), duplicate 0, failed 1" in out
    assert 'bad.jsonl:1: missing or empty "text"' in out
    assert main(["ingest", str(folder), "--db", db_url, "--quiet"]) == 1
    assert "read 31, new 0, updated 0 (re-extracted by a newer pipeline), duplicate 30, failed 1" in _summary(capsys)
    from rasd.store import open_store

    with open_store(db_url) as s:
        c = s.counts()
    assert c["articles"] == 30 and c["documents"] == 30


def test_parallel_extraction_stores_the_same(db_url, tmp_path, capsys):
    folder = write_folder(tmp_path / "in", many_articles(40))
    assert main(["ingest", str(folder), "--db", db_url, "--quiet", "--jobs", "2"]) == 0
    assert "new 40," in _summary(capsys)
    from rasd.store import open_store

    with open_store(db_url) as s:
        assert s.counts()["documents"] == 40


def test_nothing_to_read_and_bad_store_exit_2(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db"), "--quiet"]) == 2
    assert "nope: no such file or folder" in capsys.readouterr().err
    (tmp_path / "a.txt").write_text(PROTEST, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", "mysql://u@h/d"]) == 2
    assert "unsupported database URL" in capsys.readouterr().err


def _count(db_url: str) -> int:
    from rasd.store.location import resolve_url

    engine = create_engine(resolve_url(db_url))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except Exception:  # the schema may not exist yet while the child starts
        return 0
    finally:
        engine.dispose()


def test_kill_9_mid_run_then_rerun_loses_and_duplicates_nothing(db_url, tmp_path):
    n = 600
    folder = write_folder(tmp_path / "in", many_articles(n))
    cmd = [sys.executable, "-m", "rasd.cli", "ingest", str(folder), "--db", db_url, "--quiet"]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and child.poll() is None:
        stored = _count(db_url)
        if stored >= 60:
            break
        time.sleep(0.02)
    assert child.poll() is None, f"ingest ended before it could be killed: {child.stderr.read().decode()[-2000:]}"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    after_kill = _count(db_url)
    assert 60 <= after_kill < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"read {n}, new {n - after_kill}, updated 0 (re-extracted by a newer pipeline), " \
           f"duplicate {after_kill}, failed 0" in rerun.stderr
    from rasd.store import open_store

    with open_store(db_url) as s:
        c = s.counts()
        assert c["articles"] == n and c["documents"] == n
        with s.engine.connect() as conn:
            # one document per article, every event report points at a stored document, search rows match
            assert conn.execute(text("SELECT count(DISTINCT article_id) FROM documents")).scalar_one() == n
            assert conn.execute(text("SELECT count(*) FROM event_sources es LEFT JOIN documents d "
                                     "ON d.id = es.document_id WHERE d.id IS NULL")).scalar_one() == 0
            fts_rows = conn.execute(text("SELECT count(*) FROM article_fts" if s.dialect == "sqlite"
                                         else "SELECT count(*) FROM article_search")).scalar_one()
            assert fts_rows == n
            assert conn.execute(text("SELECT coalesce(sum(n_sources), 0) FROM events")).scalar_one() == \
                conn.execute(text("SELECT count(*) FROM (SELECT DISTINCT event_id, article_id FROM event_sources) x")
                             ).scalar_one()


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[bytes, str]] = {}

    def do_GET(self):  # noqa: N802 (http.server API)
        if self.path not in self.pages:
            self.send_error(404)
            return
        body, ctype = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_server():
    from test_ingest_readers import PAGE, RSS

    _Handler.pages = {"/feed": (RSS.encode("utf-8"), "application/rss+xml; charset=utf-8"),
                      "/news/1": (PAGE.encode("cp1256"), "text/html; charset=windows-1256")}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_urls_of_a_feed_and_a_page(db_url, local_server, capsys):
    code = main(["ingest", f"{local_server}/feed", f"{local_server}/news/1", f"{local_server}/missing",
                 "--db", db_url, "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{local_server}/missing: HTTP 404" in err
    assert f"{local_server}/feed#entry 2: entry has no text" in err
    assert "read 4, new 2," in err
    from rasd.store import open_store

    with open_store(db_url) as s:
        arts = s.search_articles()
    assert {a.url for a in arts} == {"http://e.org/1", f"{local_server}/news/1"}


def test_corpus_sample_ingested_twice(db_url, tmp_path, corpus_sample, capsys):
    path = tmp_path / "sample.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for rec in corpus_sample:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    distinct = len({hashlib.sha256(" ".join(unicodedata.normalize("NFC", r["text"]).split()).encode()).hexdigest()
                    for r in corpus_sample})
    n = len(corpus_sample)
    assert main(["ingest", str(path), "--db", db_url, "--quiet", "--jobs", "2"]) == 0
    assert f"read {n}, new {distinct}, updated 0 (re-extracted by a newer pipeline), duplicate {n - distinct}, " \
           f"failed 0" in _summary(capsys)
    assert main(["ingest", str(path), "--db", db_url, "--quiet"]) == 0
    assert f"read {n}, new 0, updated 0 (re-extracted by a newer pipeline), duplicate {n}, failed 0" in _summary(capsys)
    from rasd.store import open_store

    with open_store(db_url) as s:
        c = s.counts()
        assert c["articles"] == distinct and c["documents"] == distinct
        assert c["events"] > 0 and c["event_sources"] >= c["events"]
        assert {a.outlet for a in s.search_articles()} <= {r.get("outlet") for r in corpus_sample}


def test_strike_text_is_searchable_after_cli_ingest(db_url, tmp_path, capsys):
    (tmp_path / "s.txt").write_text(STRIKE_A, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "s.txt"), "--db", db_url, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["search", "بمعرة النعمان", "--db", db_url]) == 0
    assert "Air/drone strike" in capsys.readouterr().out
