"""``rasd ingest``: add articles to the store (extracting their events) from files, folders, archives and URLs."""

from __future__ import annotations

import argparse
import os
import sys

from rasd.store.cliopts import DB_HELP

EXIT_OK, EXIT_FAILED_RECORDS, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="add articles to the store: files, folders, zip, JSONL, HTML, RSS/Atom, WARC, URLs",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Read articles, extract their events, places and actors, and add them to the store\n"
            "(a SQLite file by default, or PostgreSQL with --db/RASD_DB; see 'rasd db path').\n\n"
            "Inputs (any mix; folders are read recursively, zip files member by member):\n"
            "  .txt                 one article; the first line is the title\n"
            "  .jsonl[.gz]          one article per line: \"text\" and optionally \"id\", \"title\",\n"
            "                       \"published\" (YYYY-MM-DD), \"outlet\", \"url\"\n"
            "  .html/.htm           a web page; menus, footers and related links are removed\n"
            "  .rss/.atom/.xml      a feed; one article per entry (its content, else its summary)\n"
            "  .warc[.gz]           a web archive; one article per archived page\n"
            "  http(s)://…          a page or feed fetched once\n"
            "Text encodings UTF-8, UTF-16, Windows-1256 and ISO-8859-6 are detected.\n\n"
            "Ingesting is idempotent: an article already stored (same text) is counted as a duplicate and\n"
            "left alone, so rerunning after an interruption (even kill -9) completes the job without\n"
            "duplicates. An article stored by an older pipeline version is re-extracted and replaced.\n"
            "Near-duplicates (wire copies) are stored and grouped; the same event in several articles\n"
            "becomes one event with several sources."),
        epilog=("examples:\n"
                "  rasd ingest articles.jsonl.gz\n"
                "  rasd ingest archive/ feeds.zip crawl.warc.gz --jobs 2\n"
                "  rasd ingest https://example.org/feed.xml --db postgresql://rasd@dbhost/rasd\n\n"
                "exit status: 0 all read; 1 some records failed (each reported with file and record,\n"
                "the rest stored); 2 nothing could be done (a missing input, no store, no readable article)."),
    )
    p.add_argument("inputs", nargs="+", metavar="PATH|URL", help="files, folders, zip files or http(s) URLs")
    p.add_argument("--db", metavar="PATH|URL", help=DB_HELP)
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="extract in N processes (default 1; the pipeline does about 200 articles/s per core)")
    p.add_argument("--quiet", action="store_true", help="no progress bar; failures and the summary are still printed")
    p.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from tqdm import tqdm

    from rasd.ingest import iter_articles
    from rasd.ingest.runner import ingest
    from rasd.store import StoreError, open_store
    from rasd.store.location import describe

    if a.jobs < 1 or a.jobs > (os.cpu_count() or 1) * 4:
        print(f"rasd ingest: --jobs must be between 1 and {(os.cpu_count() or 1) * 4}", file=sys.stderr)
        return EXIT_USAGE
    from pathlib import Path

    from rasd.ingest.sources import is_url

    missing = [x for x in a.inputs if not is_url(x) and not Path(x).exists()]
    if missing:  # a typo should not create a store or half a run
        for x in missing:
            print(f"rasd ingest: {x}: no such file or folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        store = open_store(a.db)
    except StoreError as e:
        print(f"rasd ingest: {e}", file=sys.stderr)
        return EXIT_USAGE
    with store, tqdm(unit="article", desc="ingest", file=sys.stderr, disable=a.quiet, dynamic_ncols=True) as bar:
        def on_failure(f) -> None:
            bar.write(f"rasd ingest: failed: {f}", file=sys.stderr)

        def progress(s) -> None:
            bar.update(s.read - bar.n)
            bar.set_postfix(new=s.new, dup=s.duplicate, failed=s.failed, refresh=False)

        summary = ingest(store, iter_articles(a.inputs), jobs=a.jobs, on_failure=on_failure, progress=progress)
        counts = store.counts()
    print(f"rasd ingest: {summary.line()}", file=sys.stderr)
    for reason, n in summary.reasons().most_common():
        print(f"  {n} × {reason}", file=sys.stderr)
    print(f"store {describe(store.url)}: {counts['articles']} articles, {counts['events']} events "
          f"from {counts['event_sources']} event reports", file=sys.stderr)
    if summary.new + summary.updated + summary.duplicate == 0:
        return EXIT_USAGE
    return EXIT_FAILED_RECORDS if summary.failed else EXIT_OK
