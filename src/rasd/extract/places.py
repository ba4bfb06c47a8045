"""Place mentions: gazetteer matching over clitic-aware tokens, then resolution.

Recognition finds every alias of the gazetteer in the text (longest match).
Resolution picks one entry per mention by a score over feature type,
population, cue words ("محافظة", "مخيم", "ريف") and the article's country
focus, and sets ACLED's geo_precision (1 the place itself, 2 near/within a
district, 3 only the province or country).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Optional

from rasd.document import Doc, Place
from rasd.geo import km
from rasd.knowledge import load_yaml
from rasd.knowledge.gazetteer import POINT_FEATURES, Entry, Gazetteer, default_gazetteer
from rasd.knowledge.transliteration import LatinPlaces, default_latin_places
from rasd.text.matcher import PhraseMatcher, phrase_key
from rasd.text.normalize import norm, normalize
from rasd.text.segment import tokenize


@dataclass
class _Cues:
    before: dict[str, str]
    directions_after: PhraseMatcher[str]
    directions_before: PhraseMatcher[str]
    container_gap: frozenset[str]
    common_words: frozenset[str]
    regions: frozenset[str]
    landmarks: frozenset[str]
    unknown_cues: frozenset[str]
    not_region_adjectives: frozenset[str]
    prepositions: frozenset[str]
    adjective_names: frozenset[str]
    not_clitic_words: frozenset[str]
    hyphen_cues: frozenset[str]
    #: never (part of) the name of a place the gazetteer lacks: common words, region words and
    #: location words ("منطقة جنوب الصحراء": a direction)
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = load_yaml("places.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(norm(w) for w in d[key])

    after: PhraseMatcher[str] = PhraseMatcher().add_all((w, w) for w in d["directions_after"])
    return _Cues(
        before={phrase_key(k)[0]: v for k, v in d["cues"].items()},
        directions_after=after,
        directions_before=PhraseMatcher().add_all((w, w) for w in d["directions_before"]),
        container_gap=words("container_gap"), common_words=words("not_names_after_cue"), regions=words("regions"),
        not_names=words("not_names_after_cue") | words("regions") | words("container_gap"),
        landmarks=words("landmarks"), unknown_cues=words("unknown_cues"),
        not_region_adjectives=words("not_region_adjectives"), prepositions=words("prepositions"),
        adjective_names=words("adjective_names"), not_clitic_words=words("not_clitic_words"),
        hyphen_cues=words("hyphen_cues"),
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


def find_place_mentions(doc: Doc, gazetteer: Gazetteer, transliterate: bool = True) -> list[PlaceMention]:
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
        entries = [gazetteer.entries[i] for i in m.payloads]
        if _counted_people(tokens, m.first, m.form, entries) or (
                tokens[m.first].norm != m.form and tokens[m.first].norm in c.not_clitic_words):
            continue  # "كريمة" is no ك + ريمة
        if m.form in c.adjective_names and tokens[m.first].norm == m.form and prev is not None \
                and prev.kind == "ar" and prev.norm.startswith("ال") and prev.norm not in c.prepositions:
            cue = ADJECTIVE  # "سوق الأسهم السعودية": says the country, names no place
        head = tokens[m.first]
        start = doc.view.to_original(head.nstart + head.clitic_length(m.form), head.nend)[0]
        out.append(PlaceMention(m.first, last, entries, cue, area,
                                start, tokens[last - 1].end))
    if gazetteer.guarded.exact:
        extra = _guarded_mentions(doc, gazetteer, out)
        if extra:
            out = sorted(out + extra, key=lambda m: m.first)
    latin = default_latin_places() if transliterate else None
    if latin is not None:
        extra = _transliterated_mentions(doc, latin, out, gazetteer)
        if extra:
            out = sorted(out + extra, key=lambda m: m.first)
    extra = _region_adjectives(doc, gazetteer, out)
    if extra:
        out = sorted(out + extra, key=lambda m: m.first)
    return out


def _counted_people(tokens, first: int, form: str, entries: list[Entry]) -> bool:
    """"12 سوريا قتلوا": twelve Syrians (the accusative of the people's name reads as the
    country). A count under 1,000 right before a bare country name ending in "يا"; a year
    ("كأس العالم 2018 بروسيا", "2008 كينيا") or a clitic says the country."""
    if first == 0 or tokens[first].norm != form or not form.endswith("يا"):
        return False
    prev = tokens[first - 1]
    return (prev.kind == "num" and prev.norm.isdigit() and int(prev.norm) < 1000
            and all(e.feature == "country" for e in entries))


#: The cue of a mention made of a province's or region's adjective ("البقاعية"): it only says
#: where the place before it lies, and is never a place of its own in the output.
REGION_ADJECTIVE = "region adjective"
#: The cue of a country's name used as its adjective ("الخطوط السعودية"): it votes for the
#: article's country, and is no place in the output.
ADJECTIVE = "adjective"
ADJECTIVE_CUES = (REGION_ADJECTIVE, ADJECTIVE)


def _region_adjectives(doc: Doc, gazetteer: Gazetteer, found: list[PlaceMention]) -> list[PlaceMention]:
    """The adjective of a province or region right after a place: "بلدة كفريا البقاعية" (in the
    Bekaa), "قرية X الحلبية". A country's adjective is not one ("الجزائرية" is Algeria, not
    the province of Algiers), nor a direction ("الشمالية")."""
    tokens = doc.tokens
    taken = {k for m in found for k in range(m.first, m.last)}
    directions, ordinary = cues().container_gap, cues().not_region_adjectives
    out: list[PlaceMention] = []
    for m in found:
        k = m.last
        if k >= len(tokens) or k in taken or all(e.feature == "country" for e in m.candidates):
            continue
        t = tokens[k]
        if t.kind != "ar" or not t.norm.startswith("ال") or t.norm in ordinary:
            continue
        for suffix in ("يه", "ي"):
            stem = t.norm[2:-len(suffix)]
            if not t.norm.endswith(suffix) or len(stem) < 3 or stem in directions:
                continue
            named = [e for name in ("ال" + stem, stem) for e in gazetteer.lookup(name)]
            if named and not any(e.feature == "country" for e in named):
                regions = [e for e in named if e.feature in ("admin1", "region")]
                if regions:
                    out.append(PlaceMention(k, k + 1, regions, REGION_ADJECTIVE, False, t.start, t.end))
            break
    return out


#: The curated gazetteer's own features for the same cue words (spelling variants).
_CURATED_KINDS = {"town": {"town"}, "village": {"village", "town"}, "area": {"town", "village", "region"}}

#: Cue words after which an unknown name is looked up by transliteration, and the
#: features it may then have.
_LATIN_CUES = {
    "town": {"populated_place"}, "village": {"populated_place"}, "area": {"populated_place", "admin1"},
    "admin1": {"admin1"}, "admin2": {"populated_place", "admin1"}, "admin3": {"populated_place"},
}


def _transliterated_mentions(doc: Doc, latin: LatinPlaces, found: list[PlaceMention],
                             gazetteer: Optional[Gazetteer] = None) -> list[PlaceMention]:
    """Names the gazetteer lacks, right after a cue word ("ولاية لوغار", "مدينة داماتورو"),
    matched to places known by Latin names, or to its own places spelled with other long
    vowels ("بلدة المزاريب": المزيريب), in a country the article is about."""
    tokens = doc.tokens
    c = cues()
    before = c.before
    # with no name that only one country has, the countries of the likeliest readings
    # ("كابول": Kabul, not the village in Galilee)
    focus = ({c for c, _ in country_focus(found).most_common(3)}
             or {max(m.candidates, key=lambda e: e.population).country for m in found if m.candidates})
    if not focus:
        return []
    taken = {k for x in found for k in range(x.first, x.last)}
    not_names = c.not_names
    out: list[PlaceMention] = []
    for i in range(1, len(tokens)):
        if i in taken or tokens[i].kind != "ar":
            continue
        prev = tokens[i - 1]
        # "الإقليم", "المنطقة": the region told before, no cue ("يدفع الإقليم ثمن اتفاق")
        kind = next((before[f] for f in prev.forms if f in before and not ("ال" + f) in (prev.norm, prev.norm[1:])),
                    None)
        hyphened = i + 2 < len(tokens) and tokens[i + 1].norm == "-" and tokens[i + 1].start == tokens[i].end
        if hyphened and kind not in _LATIN_CUES and c.hyphen_cues.intersection(prev.forms):
            kind = "town"  # "معسكر غورما-راروس"
        if kind not in _LATIN_CUES:
            continue
        for n in ((3, 2, 1) if hyphened else (2, 1)):
            span = tokens[i:i + n]
            words = span[::2] if n == 3 else span  # "غورما-راروس": the hyphen joins one name
            if len(span) < n or any(t.kind != "ar" for t in words) or any(t.i in taken for t in span):
                continue
            name = " ".join(t.norm for t in words)
            if name.endswith(("يه", "يين", "ين")) or not_names & {t.norm for t in span} \
                    or words[0].norm in c.prepositions:  # "القضاء على التنظيم": a phrase
                continue  # "منطقة حدودية", "قرية صغيرة": an adjective, not a name; "آسيا-المحيط": a region
            hits = [e for e in latin.lookup(name) if e.country in focus and e.feature in _LATIN_CUES[kind]]
            if not hits and gazetteer is not None:
                features = _LATIN_CUES[kind] | _CURATED_KINDS.get(kind, set())
                hits = [e for e in gazetteer.spelling_variants(name) if e.country in focus and e.feature in features]
            if hits:
                out.append(PlaceMention(i, i + n, hits, kind, False, span[0].start, span[-1].end))
                taken.update(range(i, i + n))
                break
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


#: A town this large that shares its name with its province is what the bare name means.
CITY_OVER_PROVINCE_POPULATION = 50_000


def _city_over_province(m: PlaceMention) -> list[Entry]:
    """"حمص", "إدلب", "دير الزور" alone name the city, not the province: drop a province
    candidate when a large town of its country has the same name, unless a cue says
    province ("محافظة حمص")."""
    if m.cue == "admin1":
        return m.candidates
    cities = {e.country for e in m.candidates
              if e.feature == "populated_place" and e.population >= CITY_OVER_PROVINCE_POPULATION}
    kept = [e for e in m.candidates if not (e.feature == "admin1" and e.country in cities)]
    return kept or m.candidates


def _reviewed(e: Entry) -> bool:
    """Curated, or a GeoNames place whose news spellings were reviewed by hand
    (``geonames_aliases_ar.tsv``): a place the news names, never a homonym of a word."""
    return e.source.startswith("curated") or e.source.endswith("rasd news spellings")


def _km(a: Entry, b: Entry) -> float:
    return km(a.lat, a.lon, b.lat, b.lon)


def _anchors(mentions: list[PlaceMention], picks: list[Entry]) -> list[tuple[int, Entry]]:
    """Places the article names without doubt (one candidate, or every candidate within
    ANCHOR_SPREAD_KM of each other), countries excepted: (mention index, entry)."""
    out = []
    for k, (m, e) in enumerate(zip(mentions, picks)):
        if e.feature == "country":
            continue
        if all(_km(c, e) <= ANCHOR_SPREAD_KM for c in m.candidates):
            out.append((k, e))
    return out


def _proximity(e: Entry, k: int, anchors: list[tuple[int, Entry]]) -> Optional[float]:
    """Distance (km) from a candidate to the nearest anchor of another mention."""
    ds = [_km(e, a) for j, a in anchors if j != k]
    return min(ds) if ds else None


#: Candidates of one mention this close together are one place for anchoring.
ANCHOR_SPREAD_KM = 50.0
#: Proximity to an anchor: (within km, score bonus), nearest band first.
PROXIMITY_BONUS = ((50.0, 2.5), (150.0, 1.5), (400.0, 0.5))
#: A city this large is what its bare name means wherever the article's other places are:
#: it scores as if near them ("إطلاع الرياض" in an Egyptian article is Riyadh, not the
#: Egyptian town of 24,000 by Cairo).
WORLD_CITY_POPULATION = 1_000_000
#: A small place outside the article's countries and this far from every anchor is a
#: false friend ("قصر البريج" in rural Aleppo is not al-Bureij in Gaza): not emitted.
FALSE_FRIEND_KM = 500.0
FALSE_FRIEND_MAX_POPULATION = 100_000
#: What a false friend may be: a town or village (a province or a camp is named on purpose).
FALSE_FRIEND_FEATURES = ("populated_place", "village", "town")
#: A village (under VILLAGE_POPULATION) in a country the article is not about is a false
#: friend already this far from the places it names ("المنية" in a Lebanese article is not
#: the hamlet of 999 people near Hebron, 250 km away).
VILLAGE_POPULATION = 5_000
VILLAGE_FALSE_FRIEND_KM = 100.0
#: A country the article is hardly about: under 1/MINOR_SHARE of the votes other names cast.
MINOR_SHARE = 6


@dataclass
class Resolution:
    """One mention's candidates with their final scores (best first) and the choice made:
    None when no candidate fits (a false friend, or not near the place it is said to lie in)."""

    mention: PlaceMention
    ranked: list[tuple[Entry, float]]
    chosen: Optional[Entry]
    why: str  # "best", "near its container", "in its container, not in the gazetteer", "false friend"


def resolve_all(doc: Doc, mentions: list[PlaceMention], focus: Optional[Counter] = None) -> list[Resolution]:
    """Every mention's resolution (``focus``: the article's country votes).

    Two passes: the first scores each mention alone; the second adds to each
    candidate of an ambiguous mention a bonus for being near the places the
    article names without doubt (``_anchors``; a small place named once in a country nothing
    else supports is none), keeps a place said to lie in another near it, and drops a small
    place far from everything or, with nothing to measure by, alone in its country (a word
    that is also a village's name)."""
    focus = country_focus(mentions) if focus is None else focus
    for m in mentions:
        m.candidates = _city_over_province(m)
    alone = [[_score(e, m, focus) for e in m.candidates] for m in mentions]  # first pass, kept for the second
    picks = [max(zip(m.candidates, sc), key=lambda x: x[1])[0] for m, sc in zip(mentions, alone)]
    anchors = _anchors(mentions, picks)
    containers = _containers(doc, mentions)
    total = sum(focus.values())
    # a mention whose candidates agree on a country votes for it (country_focus); each entry:
    # how many such mentions name it (its own votes)
    unanimous = [len({e.country for e in m.candidates}) == 1 for m in mentions]
    name_votes: Counter = Counter(id(e) for m, u in zip(mentions, unanimous) if u for e in m.candidates)
    named: Counter = Counter(id(e) for m in mentions for e in m.candidates)  # how often each may be named
    # a small place named once, in a country no other name in the article is in, anchors
    # nothing: "القائم" (the chargé d'affaires) does not bring "القصير" (short) near Iraq
    anchors = [(j, a) for j, a in anchors
               if a.population >= FALSE_FRIEND_MAX_POPULATION or a.feature not in FALSE_FRIEND_FEATURES
               or named[id(a)] > 1 or focus.get(a.country, 0) > name_votes.get(id(a), 0)]
    out: list[Resolution] = []
    for k, m in enumerate(mentions):
        if k in containers:  # "قرية قصر البريج في ريف حلب": near Aleppo, or not this name at all
            around = picks[containers[k]]
            radius = CONTAINER_KM * (2 if around.feature in ("admin1", "region") else 1)
            ranked = sorted(((e, sc - (0 if _km(e, around) <= radius else FAR_FROM_CONTAINER))
                             for e, sc in zip(m.candidates, alone[k])), key=lambda x: -x[1])
            far = _km(ranked[0][0], around) > radius or (around.feature in ("admin1", "admin2")
                                                          and ranked[0][0].country != around.country)
            if far and m.cue is None and any(e.population >= CONTAINER_OVERRIDE_POPULATION
                                             or e.feature in ("country", "admin1") for e in m.candidates):
                pass  # a city or a province is not in a town: "الحديدة غرب تعز" says where Hodeidah lies
            elif far:
                # the gazetteer's places of that name are elsewhere: the one meant is a place it
                # lacks, somewhere in its container ("حصيبة شرقي الرمادي"), where ACLED codes it,
                # if a cue or a direction word says it is a place ("سياد باري" is a man's name,
                # "مصدر قبلي في شبوة" a tribal source)
                gap = doc.tokens[m.last:mentions[containers[k]].first]
                said = m.cue is not None or (any(cues().directions_before.match_at(doc.tokens, t.i, t.i + 2)
                                                 for t in gap) and around.country in {e.country for e in m.candidates})
                out.append(Resolution(m, ranked, around, IN_CONTAINER) if said
                           else Resolution(m, ranked, None, "no candidate near its container"))
                continue
            else:
                picks[k] = ranked[0][0]
                out.append(Resolution(m, ranked, ranked[0][0], "near its container"))
                continue

        # "الجزائر", "عمان": a country that shares its name with a big city stays the country
        country_named = any(e.feature == "country" for e in m.candidates)

        def scored(e: Entry, score_alone: float) -> float:
            if len(m.candidates) > 1 and e.population >= WORLD_CITY_POPULATION and e.feature == "populated_place" \
                    and not country_named:  # near any article that names it
                return score_alone + PROXIMITY_BONUS[0][1]
            d = _proximity(e, k, anchors) if anchors and len(m.candidates) > 1 else None
            return score_alone + next((b for within, b in PROXIMITY_BONUS if d is not None and d <= within), 0.0)

        ranked = sorted(((e, scored(e, sc)) for e, sc in zip(m.candidates, alone[k])), key=lambda x: -x[1])
        best = ranked[0][0]
        # in a country the article is otherwise hardly about (the votes of this very name
        # aside), another mention of the same name confirms nothing: "براك" twice in an
        # Afghan article is still not Brak in Libya
        same = name_votes.get(id(best), 0)
        minor = total > same and (focus.get(best.country, 0) - same) * MINOR_SHARE < total - same
        d = _proximity(best, k, [(j, a) for j, a in anchors if a is not best] if minor else anchors) if anchors else None
        limit = VILLAGE_FALSE_FRIEND_KM if best.population < VILLAGE_POPULATION else FALSE_FRIEND_KM
        own = 1 if unanimous[k] else 0  # its own vote does not count
        far = d is not None and d > limit and total and (focus.get(best.country, 0) - own) * 3 < total - own
        # named once, nothing to measure against, and no other name in the article is in its
        # country ("الدين الخالص" in an article that names only Saudi places is not al-Khalis)
        isolated = d is None and total > same and focus.get(best.country, 0) == same and named[id(best)] == 1
        if ((far or isolated) and best.feature in FALSE_FRIEND_FEATURES
                and best.population < FALSE_FRIEND_MAX_POPULATION and not _reviewed(best)):
            out.append(Resolution(m, ranked, None, FALSE_FRIEND))
            continue
        if best.feature == "admin1" and not unanimous[k] and total and not focus.get(best.country, 0):
            # "المنطقة الشرقية" in a Libyan article: the eastern region of Libya, not the
            # province of Saudi Arabia or Oman that has the name
            out.append(Resolution(m, ranked, None, "province of a country the article is not about"))
            continue
        out.append(Resolution(m, ranked, best, "best"))
    # a place in a container the article does not mean ("بركي براك": Brak in Libya, a false
    # friend) is nowhere
    for k, r in enumerate(out):
        if r.why == IN_CONTAINER and out[containers[k]].chosen is not r.chosen:
            out[k] = Resolution(r.mention, r.ranked, None, "no candidate near its container")
    return out


def resolve(doc: Doc, mentions: list[PlaceMention], focus: Optional[Counter] = None) -> list[Place]:
    """One place per mention that resolves (see ``resolve_all``)."""
    return [_place(doc, r.mention, r.chosen, r.why == IN_CONTAINER)
            for r in resolve_all(doc, mentions, focus)
            if r.chosen is not None and r.mention.cue not in ADJECTIVE_CUES]


#: Resolution.why of a small foreign place far from the article's places (or with none near).
FALSE_FRIEND = "false friend"
#: Resolution.why of a name placed at the place it is said to lie in.
IN_CONTAINER = "in its container, not in the gazetteer"


def _place(doc: Doc, m: PlaceMention, best: Entry, in_container: bool = False) -> Place:
    """The place a mention names; ``in_container``: a place the gazetteer lacks, placed in
    ``best``, the one it is said to lie in (``_placed_in``)."""
    s, e = m.start, m.end
    place = Place(
        start=s, end=e, text=doc.text[s:e], name=best.name, lat=best.lat, lon=best.lon,
        admin1=best.admin1 or None, country=best.country, geonames_id=best.geonames_id,
        geo_precision=precision_of(best, m.area), feature=best.feature, source=best.source,
    )
    if in_container:
        return _placed_in(doc, place, s, e, f"placed in {best.name} ({best.source}): the gazetteer lacks this {place.text}")
    return place


def _placed_in(doc: Doc, where: Place, start: int, end: int, source: str) -> Place:
    """A place the gazetteer lacks, named at [start, end), given the coordinates of ``where``,
    the place it lies in, at geo_precision 2 at least (ACLED's "near")."""
    return replace(where, start=start, end=end, text=doc.text[start:end], geonames_id=None,
                   geo_precision=max(2, where.geo_precision or 2), source=source)


#: A place said to lie in another ("X في ريف حلب", "X بمحافظة إدلب") is within this of it
#: (twice as far when the other is a province); a candidate further away loses FAR_FROM_CONTAINER.
CONTAINER_KM = 150.0
FAR_FROM_CONTAINER = 100.0
#: A place this populous is not a village the gazetteer lacks in the place it is said to be
#: in: a direction word then says where it lies ("الحديدة غرب تعز").
CONTAINER_OVERRIDE_POPULATION = 200_000


def _containers(doc: Doc, mentions: list[PlaceMention]) -> dict[int, int]:
    """Mention index → the index of the place it is said to lie in: the next mention, when
    only location words stand between them ("في", "ريف", "محافظة", "شمال", a comma)."""
    words = cues().container_gap
    out: dict[int, int] = {}
    for k in range(len(mentions) - 1):
        m, n = mentions[k], mentions[k + 1]
        gap = doc.tokens[m.last:n.first]
        head = doc.tokens[n.first]
        # "بين منطقتي المهدية والماسورة بمدينة رفح": a name the gazetteer lacks, joined by و,
        # lies in the same place as the first
        if len(gap) > 1 and gap[0].norm[:1] == "و" and len(gap[0].forms) > 1 and gap[0].kind == "ar" \
                and not ({gap[0].forms[-1], gap[0].forms[1]} & words):
            gap = gap[1:]
        if n.cue == REGION_ADJECTIVE and n.first == m.last:  # "بلدة كفريا البقاعية"
            out[k] = k + 1
            continue
        joined = (head.norm[:1] == "ب" and len(head.forms) > 1) or any(t.kind != "punct" for t in gap)
        if head.norm[:1] == "و" or any(t.norm[:1] == "و" and len(t.forms) > 1 for t in gap):
            continue  # "للحسكة وفي حلب": a second place, not the first one's surroundings
        if len(gap) <= 3 and joined and all(t.norm in words or t.forms[-1] in words for t in gap) \
                and not any(e.feature == "country" for e in n.candidates):
            out[k] = k + 1
    return out


class PlaceStage:
    """Pipeline stage: adds ``doc.places``."""

    name = "places"

    def __init__(self, gazetteer: Optional[Gazetteer] = None):
        self.gazetteer = gazetteer or default_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        places = resolve(doc, find_place_mentions(doc, self.gazetteer))
        doc.places = sorted(places + unknown_in_container(doc, places), key=lambda p: p.start)
        doc.country_focus = focus_from_places(doc.places)
        return doc


def _joins_another(t) -> bool:
    """Does a word begin another phrase: و joined ("وحي البركة"), or ب/ل before the article
    ("بالعاصمة", "للاحتفالات")?"""
    if len(t.forms) < 2:
        return False
    return (t.conjoined and t.norm[:1] == "و") or (t.norm[:1] in ("ب", "ل") and t.forms[1].startswith("ال"))


#: The longest name of a landmark or unknown place looked for before its container (words).
UNKNOWN_NAME_WORDS = 3


def unknown_in_container(doc: Doc, places: list[Place]) -> list[Place]:
    """Landmarks and places the gazetteer lacks, named after a cue word and followed by the
    place they lie in: "ساحة التحرير وسط بغداد", "دوار الزراعة في مدينة اللاذقية", "قرية X في
    ريف حلب", or joined by و to a place that is ("منطقة الجفينة والبلق جنوب غرب مأرب"). ACLED
    codes them at that place; so does rasd, at geo_precision 2."""
    c = cues()
    tokens = doc.tokens
    at: dict[int, Place] = {}  # first token of each resolved sub-national place
    cued_ends: set[int] = set()  # last tokens of the places named after a cue word ("منطقة الجفينة")
    taken: set[int] = set()
    for p in places:
        first = bisect_left(tokens, p.start, key=lambda t: t.end)  # the token the place starts in
        if first == len(tokens):
            continue
        if p.lat is not None and p.feature != "country":
            at[first] = p
        k = first
        while k < len(tokens) and tokens[k].start < p.end:
            taken.add(k)
            k += 1
        if first > 0 and p.feature != "country" and any(f in c.before for f in tokens[first - 1].forms):
            cued_ends.add(k - 1)
    if not at:
        return []
    not_names = c.not_names
    cue_words = c.landmarks | c.unknown_cues | set(c.before)
    out: list[Place] = []
    for i in range(1, len(tokens) - 1):
        prev, tok = tokens[i - 1], tokens[i]
        if i in taken or tok.kind != "ar":
            continue
        construct = not any(f.startswith("ال") for f in prev.forms)  # "شارع الأعمدة", not "الشارع الرئيسي"
        landmark = next((f for f in prev.forms if f in c.landmarks), None) if construct else None
        cued = landmark is not None or (construct and bool(c.unknown_cues.intersection(prev.forms)))
        joined = i - 1 in cued_ends and tok.norm[:1] == "و" and len(tok.forms) > 1  # "منطقة الجفينة والبلق"
        if not (cued or joined):
            continue
        for n in range(1, min(UNKNOWN_NAME_WORDS, len(tokens) - i) + 1):
            last = tokens[i + n - 1]
            if last.kind != "ar" or last.i in taken or not_names.intersection(last.forms) \
                    or last.norm.endswith("يه") or (landmark and n == 1 and last.norm.endswith("ي") and not last.norm.startswith("ال")) \
                    or (n > 1 and _joins_another(last)) or cue_words.intersection(last.forms):
                break  # "المنطقة التاريخية", "شارع تجاري مزدحم": a description; "السلام وحي البركة", "X بالعاصمة": two things
            k = i + n  # what follows the name: location words, then the container
            while k < len(tokens) and k - (i + n) < 3 and k not in at and \
                    (tokens[k].norm in c.container_gap or tokens[k].forms[-1] in c.container_gap):
                k += 1
            container = at.get(k)
            attached = container is not None and k == i + n and tokens[k].norm[:1] == "ب" and len(tokens[k].forms) > 1
            if container is None or not (k > i + n or attached):
                continue
            # the landmark word is part of its name ("ساحة التحرير"); a clitic or a village cue is not
            head, form = (prev, landmark) if landmark else (tok, tok.forms[1] if joined else tok.norm)
            start = doc.view.to_original(head.nstart + head.clitic_length(form), head.nend)[0]
            out.append(_placed_in(doc, container, start, last.end,
                                  f"placed in {container.name}: the gazetteer lacks this {doc.text[start:last.end]}"))
            taken.update(range(i, i + n))
            break
    return out



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

    @property
    def is_place(self) -> bool:
        """False for an adjective ("البقاعية", "السعودية" after a definite word): the pipeline
        reads it (a container, a country vote) but emits no place for it."""
        return self.cue not in ADJECTIVE_CUES


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
    out = []
    for r in resolve_all(doc, mentions, votes):
        if r.chosen is None:
            continue  # the pipeline does not emit it either
        place = _place(doc, r.mention, r.chosen, r.why == IN_CONTAINER)
        ranked = [Candidate(e, score) for e, score in r.ranked]
        out.append(MentionCandidates(place.text, r.mention.start, r.mention.end, r.mention.cue, r.mention.area,
                                     ranked, place))
    return out
