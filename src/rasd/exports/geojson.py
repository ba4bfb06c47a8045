"""GeoJSON FeatureCollection (RFC 7946): one Point per located event, flat properties.

Coordinates are [longitude, latitude] in WGS84, as the RFC requires. Events
without a location cannot be drawn and are left out (and counted).
"""

from __future__ import annotations

import json
from typing import Iterable, TextIO

from rasd.exports import ExportResult
from rasd.exports.flat import flat_event
from rasd.store.records import EventRecord


def write(events: Iterable[EventRecord], out: TextIO) -> ExportResult:
    result = ExportResult(skip_reason="no location")
    out.write('{"type": "FeatureCollection", "features": [\n')
    for e in events:
        if e.lat is None or e.lon is None:
            result.skipped += 1
            continue
        feature = {"type": "Feature", "id": e.id,
                   "geometry": {"type": "Point", "coordinates": [round(e.lon, 6), round(e.lat, 6)]},
                   "properties": flat_event(e)}
        out.write((",\n" if result.written else "") + json.dumps(feature, ensure_ascii=False))
        result.written += 1
    out.write("\n]}\n")
    return result
