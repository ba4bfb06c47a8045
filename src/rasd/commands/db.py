"""``rasd db``: where the store is, what it holds, schema upgrades, re-extraction with a newer pipeline."""

from __future__ import annotations

import argparse
import sys

from rasd.store.cliopts import DB_HELP

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "db", help="the store: path, info, upgrade, reprocess",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Manage the store.\n\n"
            "  path       print which database the other commands use\n"
            "  info       rows per table, pipeline versions, size on disk, schema revision\n"
            "  upgrade    bring the schema to this rasd's version (also done automatically on open)\n"
            "  reprocess  re-extract articles stored by another pipeline version, replacing their\n"
            "             documents, mentions and event reports (merged events are recomputed)\n\n"
            "The store is --db, else $RASD_DB, else ~/.local/share/rasd/rasd.db (SQLite, WAL).\n"
            "For a team, point everyone at PostgreSQL: export RASD_DB=postgresql://user:pass@host/rasd\n"
            "(needs pip install 'rasd[postgres]')."),
        epilog="examples:\n  rasd db info\n  RASD_DB=postgresql://rasd@dbhost/rasd rasd db upgrade\n  rasd db reprocess --jobs 2",
    )
    p.add_argument("action", choices=["path", "info", "upgrade", "reprocess"])
    p.add_argument("--db", metavar="PATH|URL", help=DB_HELP)
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="reprocess: extract in N processes")
    p.add_argument("--quiet", action="store_true", help="reprocess: no progress bar")
    p.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from rasd.store import StoreError, open_store, resolve_url
    from rasd.store.location import describe

    try:
        if a.action == "path":
            print(describe(resolve_url(a.db)))
            return EXIT_OK
        store = open_store(a.db)
    except StoreError as e:
        print(f"rasd db: {e}", file=sys.stderr)
        return EXIT_USAGE
    with store:
        if a.action == "upgrade":
            from rasd.store import migrate

            print(f"{describe(store.url)}: schema at revision {migrate.current_revision(store.engine)} (newest)")
            return EXIT_OK
        if a.action == "info":
            from rasd.store import migrate

            print(f"store: {describe(store.url)}")
            print(f"schema revision: {migrate.current_revision(store.engine)}")
            size = store.size_bytes()
            print(f"size on disk: {size / 1e6:.1f} MB" if size is not None else "size on disk: unknown")
            for name, n in store.counts().items():
                print(f"{name}: {n}")
            for version, n in sorted(store.pipeline_versions().items()):
                print(f"documents by {version}: {n}")
            return EXIT_OK
        return _reprocess(store, a)


def _reprocess(store, a: argparse.Namespace) -> int:
    from tqdm import tqdm

    from rasd.ingest.runner import ingest
    from rasd.pipeline import PIPELINE_VERSION

    with tqdm(unit="article", desc="reprocess", file=sys.stderr, disable=a.quiet) as bar:
        summary = ingest(store, store.stale_articles(PIPELINE_VERSION), jobs=a.jobs,
                         on_failure=lambda f: bar.write(f"rasd db reprocess: failed: {f}", file=sys.stderr),
                         progress=lambda s: bar.update(s.read - bar.n))
    print(f"rasd db reprocess: {summary.updated} articles re-extracted with {PIPELINE_VERSION}, "
          f"{summary.failed} failed", file=sys.stderr)
    return EXIT_FAILED if summary.failed else EXIT_OK
