"""Parquet: the flat event table (see ``rasd.exports.flat``), written in row groups with pyarrow.

pyarrow is an optional extra (``pip install 'rasd[parquet]'``); every other
export works without it.
"""

from __future__ import annotations

from itertools import islice
from typing import BinaryIO, Iterable

from rasd.exports import ExportResult
from rasd.exports.flat import COLUMNS, flat_event
from rasd.store.records import EventRecord

ROW_GROUP = 10_000


class MissingDependency(RuntimeError):
    pass


def _schema():
    try:
        import pyarrow as pa
    except ModuleNotFoundError:
        raise MissingDependency("Parquet export needs pyarrow: pip install 'rasd[parquet]'") from None
    types = {"id": pa.int64(), "time_precision": pa.int8(), "inter1": pa.int8(), "inter2": pa.int8(),
             "latitude": pa.float64(), "longitude": pa.float64(), "geo_precision": pa.int8(),
             "fatalities": pa.int32(), "n_sources": pa.int32(), "n_independent": pa.int32(),
             "confidence": pa.float64(), "date": pa.date32()}
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def write(events: Iterable[EventRecord], out: BinaryIO) -> ExportResult:
    schema = _schema()
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    result = ExportResult()
    it = iter(events)
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        while True:
            rows = [flat_event(e) for e in islice(it, ROW_GROUP)]
            if not rows and result.written:
                break
            for r in rows:
                r["date"] = dt.date.fromisoformat(r["date"]) if r["date"] else None
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            result.written += len(rows)
            if not rows:
                break
    return result
