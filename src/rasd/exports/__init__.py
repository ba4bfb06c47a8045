"""Exports of the store's events for the tools analysts use.

| format  | file             | for                                              |
| acled   | CSV, 31 columns  | anything that reads ACLED data (ACLED's column names and order) |
| plover  | JSON Lines       | PLOVER event-data tools (PLOVER's field names)   |
| geojson | FeatureCollection| QGIS, GDAL, Leaflet, geopandas                   |
| jsonl   | JSON Lines       | everything, nested: each event with every source |
| parquet | Parquet          | pandas, R (arrow), DuckDB, Spark                 |

Field mappings are documented in docs/exports.md. Every exporter takes the
events one at a time, so exports of any size run in constant memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from rasd.store.records import EventRecord


@dataclass
class ExportResult:
    written: int = 0
    skipped: int = 0
    skip_reason: Optional[str] = None


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    binary: bool
    write: Callable[[Iterable[EventRecord], object], ExportResult]
    help: str


def formats() -> dict[str, Format]:
    from rasd.exports import acled, geojson, jsonl, parquet, plover

    return {
        "acled": Format("acled", ".csv", False, acled.write, "ACLED-compatible CSV (31 columns)"),
        "plover": Format("plover", ".jsonl", False, plover.write, "PLOVER JSON Lines"),
        "geojson": Format("geojson", ".geojson", False, geojson.write, "GeoJSON FeatureCollection of points"),
        "jsonl": Format("jsonl", ".jsonl", False, jsonl.write, "JSON Lines, each event with all its sources"),
        "parquet": Format("parquet", ".parquet", True, parquet.write, "Parquet table (needs pyarrow)"),
    }
