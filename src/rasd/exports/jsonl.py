"""JSON Lines: one merged event per line, with the full list of its sources (``EventRecord.to_dict``)."""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from rasd.exports import ExportResult
from rasd.store.records import EventRecord


def write(events: Iterable[EventRecord], out: TextIO) -> ExportResult:
    result = ExportResult()
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        result.written += 1
    return result
