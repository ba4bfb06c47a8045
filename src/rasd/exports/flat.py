"""One flat row per event (GeoJSON properties, Parquet columns): no nesting, so QGIS, pandas and R
read every field as a column. Each source's own figures travel as one JSON text column."""

from __future__ import annotations

import json
from typing import Any

from rasd.store.records import EventRecord

COLUMNS = ["id", "event_type", "sub_event_type", "date", "time_precision", "actor1", "inter1", "actor2", "inter2",
           "location", "location_ar", "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities",
           "n_sources", "n_independent", "confidence", "outlets", "sources_json", "pipeline_version"]


def flat_event(e: EventRecord) -> dict[str, Any]:
    return {
        "id": e.id, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "date": e.date.isoformat() if e.date else None, "time_precision": e.time_precision,
        "actor1": e.actor1, "inter1": e.inter1, "actor2": e.actor2, "inter2": e.inter2,
        "location": e.location_name, "location_ar": e.location_name_ar, "admin1": e.admin1, "country": e.country,
        "latitude": e.lat, "longitude": e.lon, "geo_precision": e.geo_precision, "fatalities": e.fatalities,
        "n_sources": e.n_sources, "n_independent": e.n_independent, "confidence": e.confidence,
        "outlets": "; ".join(dict.fromkeys(s.outlet for s in e.sources if s.outlet)),
        "sources_json": json.dumps([s.to_dict() for s in e.sources], ensure_ascii=False),
        "pipeline_version": e.pipeline_version,
    }
