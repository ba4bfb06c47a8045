"""PLOVER JSON Lines: one record per merged event, with PLOVER's field names (PLOVER manual 0.7b1,
"JSON Data Fields"): id, date, event, mode, context, source, recipient, event_loc, event_text,
quad_code, dead, injured, size, cite_info, coder, coded_date, has_event.

rasd codes ACLED's sub-event types; ``PLOVER_MAP`` gives each its PLOVER
category and mode (see docs/exports.md for the reasoning). Sub-event types
with no PLOVER category (Change to group/activity, Other, Displacement) are
left out and counted. Battles are two-sided, so both actors are ``source``
(PLOVER's rule for reciprocal violence); one-sided events put the target in
``recipient``. ``cite_info`` is a list, one object per reporting article,
since a merged event has several texts.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Optional, TextIO

from rasd import __version__
from rasd.exports import ExportResult
from rasd.exports.countries import country
from rasd.store.records import EventRecord

#: sub_event_type → (PLOVER event, mode or None, context list)
PLOVER_MAP: dict[str, tuple[str, Optional[str], list[str]]] = {
    "Armed clash": ("ASSAULT", None, ["military"]),
    "Government regains territory": ("ASSAULT", None, ["military", "resource"]),
    "Non-state actor overtakes territory": ("ASSAULT", None, ["military", "resource"]),
    "Chemical weapon": ("ASSAULT", None, ["cbrn"]),
    "Air/drone strike": ("ASSAULT", "heavy-weapons", ["military"]),
    "Suicide bomb": ("ASSAULT", "suicide-attack", []),
    "Shelling/artillery/missile attack": ("ASSAULT", "heavy-weapons", ["military"]),
    "Remote explosive/landmine/IED": ("ASSAULT", "explosives", []),
    "Grenade": ("ASSAULT", "explosives", []),
    "Sexual violence": ("ASSAULT", "sexual", ["crime_sexual"]),
    "Attack": ("ASSAULT", None, []),
    "Abduction/forced disappearance": ("ASSAULT", "abduct", []),
    "Peaceful protest": ("PROTEST", "demo", []),
    "Protest with intervention": ("PROTEST", "demo", []),
    "Excessive force against protesters": ("ASSAULT", None, []),
    "Violent demonstration": ("PROTEST", "riot", []),
    "Mob violence": ("ASSAULT", "primitive", []),
    "Agreement": ("AGREE", None, []),
    "Arrests": ("COERCE", "arrest", []),
    "Disrupted weapons use": ("COERCE", "confiscate", ["military"]),
    "Headquarters or base established": ("MOBILIZE", "troops", ["military"]),
    "Looting/property destruction": ("ASSAULT", "destroy", []),
    "Non-violent transfer of territory": ("RETREAT", "withdraw", ["resource"]),
    "Aid delivery": ("AID", "humanitarian", ["humanitarian"]),
}
TWO_SIDED = {"Armed clash"}
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
        "INVESTIGATE": 2, "DEMAND": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
        "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def _actor(name: Optional[str], inter: Optional[int]) -> dict[str, Any]:
    return {"actor_text": name, "identifier_text": name, "inter": inter}


def _people(e: EventRecord, category: str) -> Optional[int]:
    """The lowest figure any source gives for a casualty category (as for fatalities)."""
    values = [int(q["low"]) for s in e.sources for q in s.quantities or []
              if q.get("category") == category and q.get("low") is not None]
    return min(values) if values else None


def plover_record(e: EventRecord) -> Optional[dict[str, Any]]:
    mapped = PLOVER_MAP.get(e.sub_event_type)
    if mapped is None or e.date is None:
        return None
    category, mode, context = mapped
    actors = [a for a in ((e.actor1, e.inter1), (e.actor2, e.inter2)) if a[0]]
    if e.sub_event_type in TWO_SIDED:
        source, recipient = [_actor(*a) for a in actors], []
    else:
        source = [_actor(e.actor1, e.inter1)] if e.actor1 else []
        recipient = [_actor(e.actor2, e.inter2)] if e.actor2 else []
    c = country(e.country)
    loc = None
    if e.lat is not None and e.lon is not None:
        loc = {"name": e.location_name, "latitude": e.lat, "longitude": e.lon, "country code": e.country,
               "cc3": c.alpha_3 if c else None, "admin1": e.admin1, "geo_precision": e.geo_precision}
    return {
        "id": f"rasd-{e.id}",
        "has_event": True,
        "date": e.date.isoformat(),
        "source": source,
        "recipient": recipient,
        "event": [category],
        "mode": [mode] if mode else [],
        "context": context,
        "event_loc": loc,
        "event_text": [s.evidence for s in e.sources if s.evidence],
        "quad_code": QUAD[category],
        "dead": e.fatalities,
        "injured": _people(e, "injured"),
        "size": _people(e, "people") if category == "PROTEST" else None,
        "cite_info": [{"url": s.url, "title": s.title, "publication": s.outlet, "language": "ar",
                       "citation": f"rasd article {s.article_id}"} for s in e.sources],
        "coder": f"rasd {__version__}",
        "coded_date": e.updated_at.date().isoformat() if e.updated_at else None,
        "comment": f"ACLED: {e.event_type} / {e.sub_event_type}; {e.n_sources} source(s), "
                   f"{e.n_independent} independent",
    }


def write(events: Iterable[EventRecord], out: TextIO) -> ExportResult:
    result = ExportResult(skip_reason="no PLOVER category for the sub-event type, or no date")
    for e in events:
        rec = plover_record(e)
        if rec is None:
            result.skipped += 1
            continue
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        result.written += 1
    return result
