"""``rasd export``: write stored events as ACLED CSV, PLOVER JSONL, GeoJSON, JSONL or Parquet."""

from __future__ import annotations

import argparse
import sys

from rasd.store.cliopts import DB_HELP

EXIT_OK, EXIT_USAGE = 0, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="export stored events: ACLED CSV, PLOVER JSONL, GeoJSON, JSONL, Parquet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Export the store's events (merged across articles, with every source) for other tools.\n\n"
            "  acled     CSV with ACLED's 31 columns in ACLED's order (pandas, R, Excel, ACLED tools)\n"
            "  plover    JSON Lines with PLOVER's field names\n"
            "  geojson   FeatureCollection of points (QGIS, GDAL, Leaflet, geopandas)\n"
            "  jsonl     JSON Lines, each event with all its sources and their own figures\n"
            "  parquet   a flat table (pandas, R arrow, DuckDB); needs pip install 'rasd[parquet]'\n\n"
            "--where narrows the export (repeat it; all must hold):\n"
            "  date>=2019-01-01  date<=2019-12-31  date=2019-02-26  country=SY  admin1=Deir ez-Zor\n"
            "  event_type=Battles (or a sub-event type)  actor~Islamic State  outlet=aawsat\n"
            "  text=الرقة (Arabic-aware full text)  min_sources>=2\n\n"
            "Mappings and what each format leaves out: docs/exports.md."),
        epilog=("examples:\n"
                "  rasd export --format acled --out events.csv\n"
                "  rasd export --format geojson --where country=SY --where date>=2019-01-01 --out syria.geojson\n"
                "  rasd export --format parquet --where \"event_type=Explosions/Remote violence\" --out ev.parquet\n\n"
                "exit status: 0 written (even if nothing matched); 2 bad options, no store or missing pyarrow."),
    )
    p.add_argument("--format", required=True, choices=["acled", "plover", "geojson", "jsonl", "parquet"])
    p.add_argument("--where", action="append", default=[], metavar="CLAUSE", help="a filter, e.g. country=SY")
    p.add_argument("--out", metavar="FILE", help="write here (default: standard output; required for parquet)")
    p.add_argument("--db", metavar="PATH|URL", help=DB_HELP)
    p.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from rasd.exports import formats
    from rasd.exports.parquet import MissingDependency
    from rasd.store import StoreError, open_store, parse_where

    fmt = formats()[a.format]
    try:
        query = parse_where(a.where)
    except ValueError as e:
        print(f"rasd export: {e}", file=sys.stderr)
        return EXIT_USAGE
    if fmt.binary and not a.out:
        print(f"rasd export: --format {a.format} writes a binary file: give --out FILE", file=sys.stderr)
        return EXIT_USAGE
    try:
        store = open_store(a.db)
    except StoreError as e:
        print(f"rasd export: {e}", file=sys.stderr)
        return EXIT_USAGE
    tmp = None
    try:
        with store:
            if a.out:
                import os
                tmp = f"{a.out}.partial"
                out = open(tmp, "wb" if fmt.binary else "w", encoding=None if fmt.binary else "utf-8",
                           newline=None if fmt.binary else "")
            else:
                out = sys.stdout
            try:
                result = fmt.write(store.iter_events(query), out)
            finally:
                if out is not sys.stdout:
                    out.close()
            if tmp:
                os.replace(tmp, a.out)  # a failed export never leaves a half-written file under the real name
                tmp = None
    except BrokenPipeError:  # the reader (head, less) closed the pipe: not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (MissingDependency, ValueError, StoreError, OSError) as e:
        print(f"rasd export: {e}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if tmp:
            import os
            if os.path.exists(tmp):
                os.remove(tmp)
    skipped = f", {result.skipped} left out ({result.skip_reason})" if result.skipped else ""
    print(f"rasd export: {result.written} events written as {a.format}{skipped}", file=sys.stderr)
    return EXIT_OK
