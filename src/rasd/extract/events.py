"""Events v1: trigger lexicon detection per sentence, modality blocking, and
argument assembly from the layers the earlier stages added.

One sentence gives at most one event: the unblocked trigger of highest
priority (more specific sub-types rank higher). Arguments come from the same
sentence: the most precise place (for Displacement, the place people left
from), the first two distinct actors, the sentence's date expression (else the
publication date), killed counts as fatalities, and the attribution as source.
Events with the same (sub-type, place, day) are merged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rasd.document import Doc, Event, Place, Quantity
from rasd.extract.places import cues as place_cues
from rasd.knowledge import load_yaml
from rasd.text.matcher import PhraseMatcher
from rasd.text.segment import Sentence

#: A sentence dated more than this many days before publication reports background, not an event.
MAX_EVENT_AGE_DAYS = 10
#: Negation cues block a trigger only when this close before it (tokens).
NEGATION_WINDOW = 4


@dataclass(frozen=True)
class SubType:
    name: str
    event_type: str
    priority: int


@dataclass
class _Lexicon:
    triggers: PhraseMatcher[SubType]
    modality: PhraseMatcher[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    d = load_yaml("triggers.yaml")
    triggers: PhraseMatcher[SubType] = PhraseMatcher()
    for name, spec in d["sub_event_types"].items():
        st = SubType(name, spec["event_type"], int(spec.get("priority", 0)))
        for t in spec.get("triggers") or ():
            triggers.add(str(t), st)
    modality: PhraseMatcher[str] = PhraseMatcher(strip_article=False)
    for kind, words in (d.get("modality") or {}).items():
        modality.add_all((str(w), kind) for w in words)
    return _Lexicon(triggers, modality)


@dataclass
class _Candidate:
    subtype: SubType
    first: int
    last: int


def _in(span_start: int, span_end: int, sent: Sentence, doc: Doc) -> bool:
    return doc.tokens[sent.first].start <= span_start and span_end <= doc.tokens[sent.last - 1].end


def _blocked(doc: Doc, sent: Sentence, trigger_first: int) -> Optional[str]:
    """The modality kind that blocks a trigger, if any cue stands before it in the sentence."""
    for m in lexicon().modality.find(doc.tokens, sent.first, trigger_first):
        kind = m.payloads[0]
        if kind == "negation" and trigger_first - m.last > NEGATION_WINDOW:
            continue
        return kind
    return None


def _left_from(doc: Doc, place: Place, token_at: dict[int, int]) -> bool:
    """Is the place introduced by "من" (from), possibly through a cue word ("من منطقة الباغوز")?"""
    i = token_at.get(place.start, 0) - 1
    if i >= 0 and doc.tokens[i].forms[-1] in place_cues().before:
        i -= 1
    return i >= 0 and doc.tokens[i].norm == "من"


def _pick_place(places: list[Place], subtype: str, doc: Doc, token_at: dict[int, int]) -> Optional[Place]:
    """The event's place: for Displacement where people left from, else the most precise, first."""
    if not places:
        return None
    if subtype == "Displacement":
        for p in places:
            if _left_from(doc, p, token_at):
                return p
    return min(places, key=lambda p: (p.geo_precision or 9, p.start))


def _fatalities(quantities: list[Quantity]) -> Optional[int]:
    killed = [q for q in quantities if q.category == "killed" and q.low is not None]
    return int(min(q.low for q in killed)) if killed else None


class EventStage:
    """Pipeline stage: adds ``doc.events``."""

    name = "events"

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        published = dt.date.fromisoformat(doc.published) if doc.published else None
        token_at = {t.start: t.i for t in doc.tokens}
        events: list[Event] = []
        last_place: Optional[Place] = None
        for sent in doc.sentences:
            s_start, s_end = doc.tokens[sent.first].start, doc.tokens[sent.last - 1].end
            places = [p for p in doc.places if _in(p.start, p.end, sent, doc)]
            if s_start < doc.body_start:
                continue
            cands = [_Candidate(m.payloads[0], m.first, m.last)
                     for m in lex.triggers.find(doc.tokens, sent.first, sent.last)]
            cands = [c for c in cands if _blocked(doc, sent, c.first) is None]
            if not cands:
                if places:
                    last_place = _pick_place(places, "", doc, token_at)
                continue
            best = max(cands, key=lambda c: (c.subtype.priority, -c.first))
            dates = [d for d in doc.dates if _in(d.start, d.end, sent, doc)]
            date, precision = (dates[0].date, dates[0].time_precision) if dates else (doc.published, 1)
            if published and date and (published - dt.date.fromisoformat(date)).days > MAX_EVENT_AGE_DAYS:
                continue  # background: reported as having happened well before publication
            place = _pick_place(places, best.subtype.name, doc, token_at) or last_place
            if places:
                last_place = _pick_place(places, "", doc, token_at)
            actors: list[str] = []
            for a in doc.actors:
                if _in(a.start, a.end, sent, doc) and a.name and a.name not in actors:
                    actors.append(a.name)
            quantities = [q for q in doc.quantities if _in(q.start, q.end, sent, doc) and q.category != "other"]
            source = next((x.source for x in doc.attributions if _in(x.start, x.end, sent, doc)), None)
            t_start, t_end = doc.tokens[best.first].start, doc.tokens[best.last - 1].end
            confidence = 0.45 + (0.2 if place and place.geo_precision == 1 else 0.1 if place else -0.15) \
                + (0.1 if actors else 0) + (0.05 if dates else 0)
            events.append(Event(
                event_type=best.subtype.event_type, sub_event_type=best.subtype.name,
                date=date, time_precision=precision,
                actor1=actors[0] if actors else None, actor2=actors[1] if len(actors) > 1 else None,
                location=place.location() if place else None,
                fatalities=_fatalities(quantities),
                quantities=[q.to_dict() for q in quantities],
                source=source, evidence={"start": s_start, "end": s_end},
                confidence=round(min(confidence, 0.95), 2),
                trigger={"text": doc.text[t_start:t_end], "start": t_start, "end": t_end},
            ))
        doc.events = merge_events(events)
        return doc


def merge_events(events: list[Event]) -> list[Event]:
    """One event per (sub-type, place, day): later mentions add quantities and fill gaps."""
    merged: dict[tuple, Event] = {}
    out: list[Event] = []
    for e in events:
        key = (e.sub_event_type, (e.location or {}).get("name"), e.date)
        first = merged.get(key)
        if first is None:
            merged[key] = e
            out.append(e)
            continue
        first.quantities.extend(q for q in e.quantities if q not in first.quantities)
        if e.fatalities is not None:
            first.fatalities = e.fatalities if first.fatalities is None else max(first.fatalities, e.fatalities)
        first.actor1 = first.actor1 or e.actor1
        first.actor2 = first.actor2 or e.actor2
        first.source = first.source or e.source
        first.confidence = round(min(0.95, max(first.confidence, e.confidence) + 0.05), 2)
    return out
