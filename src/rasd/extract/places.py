"""Place mentions: gazetteer matching over clitic-aware tokens, then resolution.

Recognition finds every alias of the gazetteer in the text (longest match).
Resolution picks one entry per mention by a score over feature type,
population, cue words ("محافظة", "مخيم", "ريف") and the article's country
focus, and sets ACLED's geo_precision (1 the place itself, 2 near/within a
district, 3 only the province or country).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from rasd.document import Doc, Place
from rasd.knowledge import load_yaml
from rasd.knowledge.gazetteer import POINT_FEATURES, Entry, Gazetteer, default_gazetteer
from rasd.text.matcher import PhraseMatcher, phrase_key
from rasd.text.normalize import normalize
from rasd.text.segment import tokenize


@dataclass
class _Cues:
    before: dict[str, str]
    directions_after: PhraseMatcher[str]
    directions_before: PhraseMatcher[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = load_yaml("places.yaml")
    after: PhraseMatcher[str] = PhraseMatcher().add_all((w, w) for w in d["directions_after"])
    return _Cues(
        before={phrase_key(k)[0]: v for k, v in d["cues"].items()},
        directions_after=after,
        directions_before=PhraseMatcher().add_all((w, w) for w in d["directions_before"]),
    )


@dataclass
class PlaceMention:
    first: int
    last: int
    candidates: list[Entry]
    cue: Optional[str]
    area: bool  # "ريف X", "شرقي X", "X الشرقي": somewhere around X
    start: int  # original offsets, without attached clitics ("وبالباغوز" → "الباغوز")
    end: int


_FEATURE_BASE = {"country": 3.0, "admin1": 2.2, "admin2": 1.6, "admin3": 1.3, "crossing": 1.8, "transport": 1.2}


def _score(e: Entry, m: PlaceMention, focus: Counter) -> float:
    if e.source.startswith("curated"):
        s = 2.6
    elif e.feature == "populated_place":
        s = 0.8 + math.log10(e.population + 10) / 3
    else:
        s = _FEATURE_BASE.get(e.feature, 1.5)
    if m.cue == "admin1" and e.feature == "admin1":
        s += 3
    elif m.cue in ("admin2", "admin3") and e.feature == m.cue:
        s += 2
    elif m.cue in ("town", "village") and e.feature in ("populated_place", "village", "town", "admin3"):
        s += 1
    elif m.cue and m.cue == e.feature:
        s += 2
    total = sum(focus.values())
    if total:
        s += 3 * focus.get(e.country, 0) / total
    return s


def find_place_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    tokens = doc.tokens
    c = cues()
    out: list[PlaceMention] = []
    for m in gazetteer.matcher.find(tokens):
        prev = tokens[m.first - 1] if m.first > 0 else None
        cue = None
        if prev is not None:
            cue = next((c.before[f] for f in prev.forms if f in c.before), None)
        area = cue == "countryside"
        for n in (2, 1):  # "شرقي دير الزور", "جنوب شرق الحسكة"
            if m.first - n >= 0:
                d = c.directions_before.match_at(tokens, m.first - n, m.first)
                if d is not None and d.last == m.first:
                    area = True
                    break
        last = m.last
        if last < len(tokens):
            d = c.directions_after.match_at(tokens, last, len(tokens), max_forms=1)
            if d is not None:
                area, last = True, d.last
        head = tokens[m.first]
        start = doc.view.to_original(head.nstart + head.clitic_length(m.form), head.nend)[0]
        out.append(PlaceMention(m.first, last, [gazetteer.entries[i] for i in m.payloads], cue, area,
                                start, tokens[last - 1].end))
    if gazetteer.guarded.exact:
        extra = _guarded_mentions(doc, gazetteer, out)
        if extra:
            out = sorted(out + extra, key=lambda m: m.first)
    return out


# The features a cue word announces: a stoplisted name right after it is that kind of place.
_ANNOUNCES = {
    "town": {"populated_place", "town", "village", "admin2", "admin3"},
    "village": {"village", "populated_place"},
    "admin1": {"admin1"},
    "admin2": {"admin2"},
    "admin3": {"admin3"},
    "area": {"admin2", "admin3"},  # Syrian "منطقة X": the district
}


def _guarded_mentions(doc: Doc, gazetteer: Gazetteer, found: list[PlaceMention]) -> list[PlaceMention]:
    """Stoplisted names right after a cue word that announces their kind: "مدينة الميادين",
    "قضاء الحي" (bare, الميادين and الحي are ordinary words: "the arenas", "the quarter")."""
    tokens = doc.tokens
    heads = gazetteer.guarded.lengths  # first words of stoplisted names: a few hundred
    before = cues().before
    taken: Optional[set[int]] = None
    out: list[PlaceMention] = []
    for i in range(1, len(tokens)):
        if tokens[i].norm not in heads:
            continue
        kind = next((before[f] for f in tokens[i - 1].forms if f in before), None)
        if kind not in _ANNOUNCES:
            continue
        m = gazetteer.guarded.match_at(tokens, i, len(tokens), max_forms=1)
        if m is None:
            continue
        if taken is None:
            taken = {k for x in found for k in range(x.first, x.last)}
        if any(k in taken for k in range(m.first, m.last)):
            continue
        hits = [gazetteer.entries[j] for j in m.payloads if gazetteer.entries[j].feature in _ANNOUNCES[kind]]
        if hits:
            out.append(PlaceMention(m.first, m.last, hits, kind, False, tokens[i].start, tokens[m.last - 1].end))
    return out


def country_focus(mentions: list[PlaceMention]) -> Counter:
    """Countries the article is about: votes from mentions whose candidates agree on a country."""
    focus: Counter = Counter()
    for m in mentions:
        countries = {e.country for e in m.candidates}
        if len(countries) == 1:
            focus[countries.pop()] += 2 if any(e.feature == "country" for e in m.candidates) else 1
    return focus


def focus_from_places(places: list[Place]) -> list[str]:
    """Countries of the resolved places, most mentioned first (a country named as such counts double)."""
    votes: Counter = Counter()
    for p in places:
        if p.country:
            votes[p.country] += 2 if p.feature == "country" else 1
    return [c for c, _ in votes.most_common()]


def precision_of(e: Entry, area: bool) -> int:
    """ACLED geo_precision: 1 the place itself, 2 around it or a district, 3 province/country."""
    if e.feature in ("country", "admin1"):
        return 3
    return 1 if e.feature in POINT_FEATURES and not area else 2


def resolve(doc: Doc, mentions: list[PlaceMention], focus: Optional[Counter] = None) -> list[Place]:
    """One place per mention, the best-scoring candidate (``focus``: the article's country votes)."""
    focus = country_focus(mentions) if focus is None else focus
    places: list[Place] = []
    for m in mentions:
        best = max(m.candidates, key=lambda e: _score(e, m, focus))
        s, e = m.start, m.end
        places.append(Place(
            start=s, end=e, text=doc.text[s:e], name=best.name, lat=best.lat, lon=best.lon,
            admin1=best.admin1 or None, country=best.country, geonames_id=best.geonames_id,
            geo_precision=precision_of(best, m.area), feature=best.feature, source=best.source,
        ))
    return places


class PlaceStage:
    """Pipeline stage: adds ``doc.places``."""

    name = "places"

    def __init__(self, gazetteer: Optional[Gazetteer] = None):
        self.gazetteer = gazetteer or default_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        doc.places = resolve(doc, find_place_mentions(doc, self.gazetteer))
        doc.country_focus = focus_from_places(doc.places)
        return doc



# ---------------------------------------------------------------- for analysts: every candidate, ranked

@dataclass
class Candidate:
    entry: Entry
    score: float


@dataclass
class MentionCandidates:
    """One place mention with every gazetteer entry it may name, best first, and the choice made."""

    text: str
    start: int
    end: int
    cue: Optional[str]
    area: bool
    candidates: list[Candidate]
    chosen: Place


def candidates_for(text: str, focus: Iterable[str] = (), gazetteer: Optional[Gazetteer] = None) -> list[MentionCandidates]:
    """Place mentions in ``text`` with their ranked candidates, scored exactly as the pipeline scores them.

    ``focus``: countries (ISO alpha-2) the text is known to be about, counted
    as if the text named each one (for a phrase too short to carry its own
    context). The pipeline never passes one; it is for ``rasd geocode``.
    """
    gazetteer = gazetteer or default_gazetteer()
    doc = Doc(id=None, title=None, published=None, text=text)
    doc.view = normalize(text)
    doc.tokens = tokenize(doc.view)
    mentions = find_place_mentions(doc, gazetteer)
    votes = country_focus(mentions)
    for cc in focus:
        votes[cc.upper()] += 2
    chosen = resolve(doc, mentions, votes)
    out = []
    for m, place in zip(mentions, chosen):
        ranked = sorted((Candidate(e, _score(e, m, votes)) for e in m.candidates), key=lambda c: -c.score)
        out.append(MentionCandidates(place.text, m.start, m.end, m.cue, m.area, ranked, place))
    return out
