"""Ingest N corpus articles into SQLite and into PostgreSQL; report speed, size, memory and search latency.

    python benchmarks/ingest.py --articles 20000 --jobs 2
    python benchmarks/ingest.py --articles 20000 --backend postgresql --pg postgresql://USER:PASS@HOST/DB

For each backend: a fresh store, then ``rasd ingest``'s own code path (read
JSON Lines → extract in --jobs processes → one transaction per article);
articles per second over the whole run, the database size on disk, peak RSS of
the writer process and of the largest extraction worker, and the median time
of a fixed set of searches (text and filters, 20 results each with their
sources) over the filled store. PostgreSQL: --pg, else $RASD_TEST_PG, names a
server whose role may CREATE DATABASE; a database rasd_bench_ingest is
(re)created there.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT_CORPUS, load_articles  # noqa: E402

QUERIES = [
    {"text": "اليمن"}, {"text": "الحوثي"}, {"text": "بغداد"}, {"text": "دمشق"}, {"text": "قصف"},
    {"text": "اتفاق"}, {"text": "الرياض"}, {"text": "مقتل"}, {"text": "Yemen"}, {"text": "صنعاء", "country": "YE"},
    {"country": "SY"}, {"event_type": "Battles"}, {"event_type": "Air/drone strike", "country": "YE"},
    {"actor": "Houthi"}, {"text": "القوات", "min_sources": 2},
]


def fresh_pg_url(base: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base.replace("postgresql+psycopg://", "postgresql://"))
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "rasd_bench_ingest" WITH (FORCE)')
        conn.execute('CREATE DATABASE "rasd_bench_ingest"')
    return url.set(drivername="postgresql+psycopg", database="rasd_bench_ingest").render_as_string(
        hide_password=False)


def run(backend: str, url: str, source: Path, n: int, jobs: int) -> dict:
    from rasd.ingest import iter_articles
    from rasd.ingest.runner import ingest
    from rasd.store import Query, open_store

    store = open_store(url)
    t0 = time.perf_counter()
    summary = ingest(store, iter_articles([str(source)]), jobs=jobs)
    elapsed = time.perf_counter() - t0
    counts = store.counts()
    size = store.size_bytes()
    timings = []
    for q in QUERIES:
        query = Query(limit=20, **q)
        store.search_events(query)  # warm
        runs = []
        for _ in range(15):
            t = time.perf_counter()
            store.search_events(query)
            runs.append((time.perf_counter() - t) * 1000)
        timings.append(statistics.median(runs))
    store.close()
    return {
        "backend": backend, "articles": n, "read": summary.read, "new": summary.new, "failed": summary.failed,
        "duplicate": summary.duplicate, "seconds": round(elapsed, 1),
        "articles_per_s": round(summary.read / elapsed, 1), "events": counts["events"],
        "event_sources": counts["event_sources"], "db_mb": round((size or 0) / 1e6, 1),
        "search_median_ms": round(statistics.median(timings), 2), "search_max_ms": round(max(timings), 2),
        "peak_rss_main_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_worker_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--jobs", type=int, default=2, help="extraction processes (default 2)")
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--pg", default=os.environ.get("RASD_TEST_PG"), help="PostgreSQL server URL (default $RASD_TEST_PG)")
    a = ap.parse_args()
    articles = load_articles(a.corpus, a.articles)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl.gz"
        with gzip.open(source, "wt", encoding="utf-8") as f:
            for rec in articles:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        backends = ["sqlite", "postgresql"] if a.backend == "both" else [a.backend]
        for backend in backends:
            if backend == "postgresql":
                if not a.pg:
                    print("postgresql: give --pg URL or set RASD_TEST_PG", file=sys.stderr)
                    return 2
                url = fresh_pg_url(a.pg)
            else:
                url = str(Path(tmp) / "bench.db")
            print(json.dumps(run(backend, url, source, len(articles), a.jobs)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
