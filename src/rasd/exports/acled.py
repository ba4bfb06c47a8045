"""ACLED-compatible CSV: ACLED's 31 export columns, in ACLED's order, one row per merged event.

Mapping (full table in docs/exports.md): ``event_id_cnty`` is the ISO alpha-3
code plus rasd's event id; ``inter1``/``inter2`` are ACLED's numeric actor
types and ``interaction`` their two-digit combination, lower first (actor1
alone: X0); ``disorder_type`` follows ACLED's sub-event types; ``source`` lists
the outlets; ``notes`` tells each source's own figures; ``fatalities`` is the
lowest reported figure, 0 when none was reported (ACLED's convention).
Admin2/admin3 and source_scale are not known to rasd and left empty.

Left out, and counted: events without a location or date (ACLED rows need
both) and rasd's Humanitarian extension types, which are not ACLED types.
"""

from __future__ import annotations

import csv
from typing import Any, Iterable, Optional, TextIO

from rasd.exports import ExportResult
from rasd.exports.countries import country
from rasd.store.records import EventRecord, SourceRecord

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of a sub-event type."""
    if event_type == "Strategic developments":
        return "Strategic developments"
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    return "Political violence"


def interaction(inter1: Optional[int], inter2: Optional[int]) -> Optional[int]:
    if inter1 and inter2:
        lo, hi = sorted((inter1, inter2))
        return lo * 10 + hi
    if inter1:
        return inter1 * 10
    return None


def source_note(s: SourceRecord) -> str:
    parts = [f"{s.outlet or 'unknown outlet'}"
             + (f" ({s.published.isoformat()})" if s.published else "")]
    if s.attribution:
        parts.append(f"according to {s.attribution}")
    if s.fatalities is not None:
        parts.append(f"fatalities {s.fatalities}")
    counts = [_count(q) for q in s.quantities or []]
    if counts:
        parts.append("counts " + ", ".join(counts))
    return ", ".join(parts)


def _count(q: dict[str, Any]) -> str:
    low, high = q.get("low"), q.get("high")
    num = lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)  # noqa: E731
    if low is not None and high is not None and low != high:
        value = f"{num(low)}-{num(high)}"
    elif low is not None and high is None:
        value = f"{num(low)}+"
    else:
        value = num(low if low is not None else high)
    return f"{'~' if q.get('approx') else ''}{value} {q.get('unit') or ''} ({q.get('category')})".replace("  ", " ")


def acled_row(e: EventRecord) -> Optional[dict[str, Any]]:
    """The CSV row of an event, or None when ACLED could not hold it."""
    if e.event_type not in ACLED_TYPES or e.date is None or e.lat is None or e.lon is None:
        return None
    c = country(e.country)
    dtype = disorder_type(e.event_type, e.sub_event_type)
    notes = f"{e.sub_event_type} reported by {e.n_sources} article(s) ({e.n_independent} independent): " + \
        "; ".join(source_note(s) for s in e.sources)
    return {
        "event_id_cnty": f"{c.alpha_3 if c else (e.country or 'XXX')}{e.id}",
        "event_date": e.date.isoformat(), "year": e.date.year, "time_precision": e.time_precision or 1,
        "disorder_type": dtype, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "actor1": e.actor1 or "", "assoc_actor_1": "", "inter1": e.inter1 if e.inter1 else "",
        "actor2": e.actor2 or "", "assoc_actor_2": "", "inter2": e.inter2 if e.inter2 else "",
        "interaction": interaction(e.inter1, e.inter2) or "",
        "civilian_targeting": "Civilian targeting" if e.inter2 == 7 and "Political violence" in dtype else "",
        "iso": c.numeric if c else "", "region": c.region if c else "", "country": c.name if c else (e.country or ""),
        "admin1": e.admin1 or "", "admin2": "", "admin3": "", "location": e.location_name or "",
        "latitude": round(e.lat, 4), "longitude": round(e.lon, 4), "geo_precision": e.geo_precision or "",
        "source": "; ".join(dict.fromkeys(s.outlet for s in e.sources if s.outlet)), "source_scale": "",
        "notes": notes, "fatalities": e.fatalities if e.fatalities is not None else 0,
        "tags": f"sources={e.n_sources}; independent sources={e.n_independent}",
        "timestamp": int(e.updated_at.timestamp()) if e.updated_at else "",
    }


def write(events: Iterable[EventRecord], out: TextIO) -> ExportResult:
    result = ExportResult(skip_reason="no location or date, or not an ACLED event type (Humanitarian)")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in events:
        row = acled_row(e)
        if row is None:
            result.skipped += 1
            continue
        writer.writerow(row)
        result.written += 1
    return result
