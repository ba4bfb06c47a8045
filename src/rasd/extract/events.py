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
import re
from bisect import bisect_left
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Optional, Union

from rasd.document import Actor, DateMention, Doc, Event, Place, Quantity
from rasd.extract.event_filter import EventFilter, default_filter, features
from rasd.extract.places import cues as place_cues
from rasd.geo import km
from rasd.knowledge import load_yaml
from rasd.text.matcher import PhraseMatcher, phrase_key
from rasd.text.normalize import norm
from rasd.text.segment import Sentence

#: A sentence dated more than this many days before publication reports background, not an event.
MAX_EVENT_AGE_DAYS = 10
#: A trigger-less sentence this close after an event may elaborate on it.
ELABORATION_SENTENCES = 2


@dataclass(frozen=True)
class SubType:
    name: str
    event_type: str
    priority: int


@dataclass
class _Lexicon:
    triggers: PhraseMatcher[SubType]
    split_triggers: dict[str, list[tuple[str, list[SubType]]]]  # head → (preposition, sub-types)
    split_window: int
    types: dict[str, SubType]
    modality: PhraseMatcher[str]
    modality_windows: dict[str, int]
    state_before: PhraseMatcher[str]
    state_window: int
    transit_before: PhraseMatcher[str]
    seat_before: PhraseMatcher[str]
    origin_before: PhraseMatcher[str]
    origin_window: int
    destinations: set[str]
    terms_cues: PhraseMatcher[str]
    terms_window: int
    arrival_types: set[str]
    non_participant_kinds: set[str]
    demonstratives: set[str]
    relatives_after: set[str]
    family: dict[str, str]  # event type → family
    generic: set[str]
    list_gap: re.Pattern
    single_place_types: set[str]
    target_before: PhraseMatcher[str]
    agent_before: PhraseMatcher[str]
    claim_before: PhraseMatcher[str]
    agent_after: set[str]
    recipient_before: PhraseMatcher[str]
    role_window: int
    clause_openers: PhraseMatcher[str]
    after_words: set[str]
    after_window: int
    sequel_words: set[str]
    any_object: set[str]
    any_object_preps: set[str]
    addition_openers: PhraseMatcher[str]
    others_words: set[str]
    place_anaphors: set[str]
    capital_words: set[str]
    counted_of: set[str]
    aircraft_types: set[str]
    civilian_victim_words: PhraseMatcher[str]
    bombing_types: set[str]
    civilian_target_types: set[str]
    civilian_units: set[str]
    victim_categories: set[str]
    non_lethal: set[str]  # event types and sub-types
    aftermath_types: set[str]
    single_death: PhraseMatcher[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    d = load_yaml("triggers.yaml")
    triggers: PhraseMatcher[SubType] = PhraseMatcher()
    types: dict[str, SubType] = {}
    for name, spec in d["sub_event_types"].items():
        st = types[name] = SubType(name, spec["event_type"], int(spec.get("priority", 0)))
        for t in spec.get("triggers") or ():
            triggers.add(str(t), st)
    modality: PhraseMatcher[str] = PhraseMatcher(strip_article=False)
    for kind, words in (d.get("modality") or {}).items():
        modality.add_all((str(w), kind) for w in words)
    c = load_yaml("event_context.yaml")

    def words(key: str) -> PhraseMatcher[str]:
        return PhraseMatcher(strip_article=False).add_all((w, w) for w in c[key])

    split: dict[str, list[tuple[str, list[SubType]]]] = {}
    for head, prep, like in d.get("split_triggers") or ():
        subtypes = triggers.get(phrase_key(norm(like)))
        if not subtypes:
            raise ValueError(f"triggers.yaml: split trigger {head} … {prep} names {like!r}, which is no trigger")
        split.setdefault(norm(head), []).append((norm(prep), subtypes))
    return _Lexicon(
        triggers=triggers, split_triggers=split, split_window=int(d.get("split_window", 0)),
        types=types, modality=modality,
        modality_windows={k: int(v) for k, v in (d.get("modality_windows") or {}).items()},
        state_before=words("state_before"), state_window=int(c["state_window"]),
        transit_before=words("transit_before"), seat_before=words("seat_before"),
        origin_before=words("origin_before"),
        origin_window=int(c["origin_window"]), destinations={norm(w) for w in c["destination_words"]},
        terms_cues=words("terms_cues"), terms_window=int(c["terms_window"]),
        arrival_types=set(c["arrival_types"]), non_participant_kinds=set(c["non_participant_kinds"]),
        demonstratives={norm(w) for w in c["demonstratives"]}, relatives_after={norm(w) for w in c["relatives_after"]},
        family={t: fam for fam, types in c["families"].items() for t in types},
        generic={norm(w) for w in c["generic_triggers"]},
        list_gap=re.compile(c["list_gap"]), single_place_types=set(c["single_place_types"]),
        target_before=words("target_before"), agent_before=words("agent_before"), claim_before=words("claim_before"),
        agent_after={norm(w) for w in c["agent_after"]},
        recipient_before=words("recipient_before"), role_window=int(c["role_window"]),
        clause_openers=words("clause_openers"),
        after_words={norm(w) for w in c["after_words"]}, after_window=int(c["after_window"]),
        sequel_words={norm(w) for w in c["sequel_words"]},
        addition_openers=words("addition_openers"), others_words={norm(w) for w in c["others_words"]},
        place_anaphors={norm(w) for w in c["place_anaphors"]}, capital_words={norm(w) for w in c["capital_words"]},
        counted_of={norm(w) for w in c["counted_of"]},
        aircraft_types=set(c["aircraft_types"]),
        any_object={norm(w) for w in c["any_object"]}, any_object_preps={norm(w) for w in c["any_object_preps"]},
        civilian_victim_words=words("civilian_victim_words"),
        bombing_types=set(c["bombing_types"]), civilian_target_types=set(c["civilian_target_types"]),
        civilian_units=set(c["civilian_units"]), victim_categories=set(c["victim_categories"]),
        non_lethal=set(c["non_lethal"]), aftermath_types=set(c["aftermath_types"]),
        single_death=words("single_death_words"),
    )


def _preceded_by(matcher: PhraseMatcher[str], doc: Doc, first: int, lo: int, window: int = 1) -> bool:
    """Does a phrase of ``matcher`` end within ``window`` tokens before token ``first``?"""
    for start in range(max(lo, first - window - 2), first):
        m = matcher.match_at(doc.tokens, start, first)
        if m is not None and first - window <= m.last <= first:
            return True
    return False


@dataclass
class _Candidate:
    subtype: SubType
    first: int
    last: int
    generic: bool = False  # "هجوم": says only that something violent happened


def _candidates(doc: Doc, sent: Sentence) -> list[_Candidate]:
    lex = lexicon()
    out = []
    for m in lex.triggers.find_all(doc.tokens, sent.first, sent.last):
        phrase = " ".join((m.form,) + tuple(t.norm for t in doc.tokens[m.first + 1:m.last]))
        generic = phrase in lex.generic or doc.tokens[m.first].norm in lex.generic
        out.extend(_Candidate(st, m.first, m.last, generic) for st in m.payloads)
    taken = {c.first for c in out}
    for k in range(sent.first, sent.last):
        if k in taken:
            continue
        heads = next((lex.split_triggers[f] for f in doc.tokens[k].forms if f in lex.split_triggers), None)
        if heads:
            out.extend(_split_candidates(doc, sent, k, heads))
    return out


def _split_candidates(doc: Doc, sent: Sentence, k: int, heads: list[tuple[str, list[SubType]]]) -> list[_Candidate]:
    """A masdar at token k whose doer stands before its object ("سيطرة تنظيم داعش على",
    "استعادة قوات الاتحاد الإفريقي لبلدة"): its trigger is the masdar alone."""
    toks = doc.tokens
    for j in range(k + 2, min(sent.last, k + 2 + lexicon().split_window)):
        t = toks[j - 1]
        if t.kind == "punct":
            return []
        nxt = toks[j]
        for prep, subtypes in heads:
            if nxt.norm == prep or (prep == "ل" and nxt.norm.startswith("ل") and len(nxt.forms) > 1):
                return [_Candidate(st, k, k + 1) for st in subtypes]
    return []


def sentence_trigger(doc: Doc, sent: Sentence) -> tuple[Optional[_Candidate], list[_Candidate]]:
    """The sentence's chosen trigger (the unblocked candidate of highest priority) and all
    its unblocked candidates."""
    cands = [c for c in _candidates(doc, sent) if _blocked(doc, sent, c.first, c.last) is None]
    if not cands:
        return None, []
    counted = _counted_people(doc, sent, cands)
    return max(cands, key=lambda c: (c not in counted, c.subtype.priority, -c.first)), cands


def _counted_people(doc: Doc, sent: Sentence, cands: list[_Candidate]) -> list[_Candidate]:
    """Triggers that are the counted noun of a number of dead or wounded ("قتل 12 من عناصره
    بينهم ثلاثة انتحاريين"): they say who the dead were, not what happened, so any other
    trigger of the sentence ("صد هجوم") names the event before them. (Counts of prisoners or
    refugees stay: "تبادل 30 أسيرا", "وصل 620 لاجئا" are the event.)"""
    spans = [(q.start, q.end) for q in doc.quantities
             if q.category in ("killed", "injured") and _in(q.start, q.end, sent, doc)]
    if not spans:
        return []
    return [c for c in cands
            if any(b <= doc.tokens[c.first].start and doc.tokens[c.last - 1].end <= e for b, e in spans)]


def _anaphoric(doc: Doc, c: _Candidate, sent: Sentence) -> bool:
    """A trigger that names an event already told: definite ("الهجوم"), after a
    demonstrative ("هذا الهجوم"), or before a relative ("الهجوم الذي وقع")."""
    lex = lexicon()
    t = doc.tokens[c.first]
    definite = any(f.startswith("ال") for f in t.forms) and t.forms[-1] != t.norm
    before = doc.tokens[c.first - 1].norm if c.first > sent.first else ""
    after = doc.tokens[c.last].norm if c.last < sent.last else ""
    return definite or before in lex.demonstratives or after in lex.relatives_after


def _in(span_start: int, span_end: int, sent: Sentence, doc: Doc) -> bool:
    return doc.tokens[sent.first].start <= span_start and span_end <= doc.tokens[sent.last - 1].end


def _after_clause(doc: Doc, sent: Sentence, trigger_first: int) -> bool:
    """"بعد ساعات على تفجيرات …", "بعد ستة أيام من تفجير …": the trigger dates what happens
    next, it is not itself the news."""
    lex = lexicon()
    for k in range(trigger_first - 1, max(sent.first, trigger_first - lex.after_window) - 1, -1):
        t = doc.tokens[k]
        if t.norm in ("بعد", "وبعد") and k < trigger_first - 1:
            return True
        if not (t.kind == "num" or t.forms[-1] in lex.after_words or t.norm in lex.after_words
                or _is_number_word(t) or lex.triggers.match_at(doc.tokens, k, trigger_first + 1) is not None):
            return False  # ("تفجير" in "بعد ستة أيام من تفجير انتحاري" is a trigger word too)
    return False


def _is_number_word(t) -> bool:
    from rasd.text.numbers import lexicon as number_lexicon

    return t.kind == "ar" and any(f in number_lexicon().words for f in t.forms)


def _blocked(doc: Doc, sent: Sentence, trigger_first: int, trigger_last: Optional[int] = None) -> Optional[str]:
    """Why a trigger does not report an event: a modality cue before it in the sentence,
    a state phrase right before it ("الخاضع لسيطرة"), or an object that is no one in
    particular right after it ("الاستيلاء على أي طائرة")."""
    lex = lexicon()
    if trigger_last is not None and trigger_last < sent.last:
        after = doc.tokens[trigger_last]
        if after.norm in lex.any_object or (trigger_last + 1 < sent.last and after.norm in lex.any_object_preps
                                            and doc.tokens[trigger_last + 1].norm in lex.any_object):
            return "any"
    if _preceded_by(lex.state_before, doc, trigger_first, sent.first, lex.state_window):
        return "state"
    if _after_clause(doc, sent, trigger_first):
        return "earlier"
    for m in lex.modality.find(doc.tokens, sent.first, trigger_first):
        kind = m.payloads[0]
        window = lex.modality_windows.get(kind)
        if window is not None and trigger_first - m.last > window:
            continue
        return kind
    return None


def _place_token(doc: Doc, place: Place, token_at: dict[int, int]) -> int:
    """Index of the place's first token, stepping back over a cue word ("منطقة الباغوز")."""
    i = token_at.get(place.start, 0)
    if i > 0 and any(f in place_cues().before for f in doc.tokens[i - 1].forms):  # "ولاية" too
        i -= 1
    return i


def _is_origin(doc: Doc, first: int, lo: int) -> bool:
    """Is the place at token ``first`` where something comes from: an origin cue shortly
    before it ("من", "قادمة من"), with no destination word ("إلى") in between?"""
    lex = lexicon()
    for start in range(first - 1, max(lo, first - lex.origin_window) - 1, -1):
        if doc.tokens[start].forms[0] in lex.destinations or doc.tokens[start].norm in lex.destinations:
            return False
        m = lex.origin_before.match_at(doc.tokens, start, first)
        if m is not None:
            return True
    return False


def _pick_place(places: list[Place], subtype: str, doc: Doc, token_at: dict[int, int],
                lo: int, at: Optional[int] = None, capitals: bool = False) -> Optional[Place]:
    """The event's place among the sentence's places.

    Routes ("عبر معبر سيمالكا") and seats ("المقيمة في الرياض") are never the place, nor a
    place that only locates another ("لوغار جنوب كابول"), nor, unless ``capitals`` (the last
    resort, when nothing was told before), a province that says whose capital the place before
    it is ("المدينة وهي عاصمة ولاية يوبي"). Displacement is placed where
    people left from ("من منطقة الباغوز"); arrivals such as Aid delivery where the
    goods arrive, so their origins are skipped. Otherwise: the most precise, first.
    """
    if not places:
        return None
    lex = lexicon()
    firsts = {id(p): _place_token(doc, p, token_at) for p in places}
    eligible = [p for p in places if not _preceded_by(lex.transit_before, doc, firsts[id(p)], lo)
                and not _seat(doc, firsts[id(p)], lo)
                and not _landmark(p, places, doc, firsts[id(p)])]
    if not capitals:
        described = [p for p in eligible if _capital_of(p, places, doc, firsts[id(p)], lo)]
        eligible = [p for p in eligible if p not in described
                    and not (described and p.feature == "country")]  # the province says more
    origins = [p for p in eligible if _is_origin(doc, firsts[id(p)], lo)]
    if subtype == "Displacement" and origins:
        return origins[0]
    if subtype in lex.arrival_types:
        eligible = [p for p in eligible if p not in origins]
    if not eligible:
        return None
    # a country is no event's place (ACLED codes sub-national ones): any other place goes first
    eligible = [p for p in eligible if p.feature != "country"] or eligible
    if at is None:
        return min(eligible, key=lambda p: (p.geo_precision or 9, p.start))
    # of equally precise places, the one nearest the trigger ("والى جانب التفجير الذي وقع في
    # بغداد الجديدة، قتل شخصان في هجمات بقنابل في حي الزعفرانية")
    return min(eligible, key=lambda p: (p.geo_precision or 9, abs(firsts[id(p)] - at)))


def _article_place(doc: Doc) -> Optional[Place]:
    """The place an article is about, for an event its text does not place before it names
    one: the sub-national place it names most (twice at least), the first of a tie."""
    counts: dict[str, list[Place]] = {}
    for p in doc.places:
        if p.lat is not None and p.feature != "country" and p.start >= doc.body_start:
            counts.setdefault(p.name or "", []).append(p)
    ranked = sorted(counts.values(), key=lambda ps: (-len(ps), ps[0].start))
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return ranked[0][0]


def _seat(doc: Doc, first: int, lo: int) -> bool:
    """Is the place at token ``first`` where someone lives or something has its seat ("المقيمة
    في الرياض", "يوجد مقرها في طرابلس")? Not after a comma: "بضربة جوية استهدفت مقرهم، جنوبي
    الرمادي" places the strike."""
    seat = lexicon().seat_before
    for start in range(max(lo, first - 4), first):
        m = seat.match_at(doc.tokens, start, first)
        if m is not None and first - 2 <= m.last <= first:
            return not any(t.kind == "punct" for t in doc.tokens[m.last:first])
    return False


def _names_the_place_told(doc: Doc, sent: Sentence, told: Optional[Place], country: Place) -> bool:
    """Does a sentence that names only a country refer back to the place told before, in that
    country, by a word for it ("بالبلدة", "في المدينة")?"""
    if told is None or told.country != country.country:
        return False
    words = lexicon().place_anaphors
    return any(words.intersection(t.forms) for t in doc.tokens[sent.first:sent.last])


def _sub_national(place: Optional[Place]) -> Optional[Place]:
    return place if place is not None and place.feature != "country" else None


def _landmark(place: Place, places: list[Place], doc: Doc, first: int) -> bool:
    """A place that only locates the one before it: "في ولاية لوغار جنوب كابول" happened in
    Logar, south of Kabul (a direction word between them)."""
    directions = place_cues().directions_before
    for k in (first - 1, first - 2):
        if k < 1:
            continue
        d = directions.match_at(doc.tokens, k, first)
        if d is not None and d.last == first:
            before = doc.tokens[k - 1]
            return any(q is not place and q.start < before.end <= q.end for q in places)
    return False


def _capital_of(place: Place, places: list[Place], doc: Doc, first: int, lo: int) -> bool:
    """A province that only says whose capital the place before it is: "داماتورو، عاصمة
    ولاية يوبي", "على مشارف المدينة وهي عاصمة ولاية يوبي" (``first`` is the province's cue
    word, where it has one: ``_place_token``)."""
    if place.feature not in ("admin1", "admin2"):
        return False
    k = first - 1
    if k <= lo or doc.tokens[k].norm not in lexicon().capital_words:
        return False
    before = doc.tokens[max(lo, k - 4):k]
    anaphors = lexicon().place_anaphors
    return any(anaphors.intersection(t.forms) for t in before) or any(
        q is not place and q.end <= doc.tokens[k].start and q.start >= before[0].start for q in places)


#: A more precise place told of an event placed at a province or area lies in the same
#: province and this near it.
REFINED_WITHIN_KM = 150.0


def _elaborate(event: Event, doc: Doc, sent: Sentence, places: list[Place]) -> None:
    """A sentence with no trigger of its own that names the previous event's place, or
    no place at all, tells more about it ("إن سبعة وعشرين شاحنة تحمل عشرات المدنيين
    وصلت ... من الباغوز"): its counts, killed figures and source join that event."""
    loc = event.location
    if places and (loc is None or not any(p.name == loc["name"] or (p.lat is not None and p.geo_precision == 1 and
                                                        _km(p.location(), loc) <= SAME_PLACE_KM) for p in places)):
        return
    counts = [q for q in doc.quantities if _in(q.start, q.end, sent, doc) and q.category != "other"]
    event.quantities.extend(q.to_dict() for q in counts if q.to_dict() not in event.quantities)
    killed = _fatalities(counts)
    if killed is not None and event.fatalities is None:
        event.fatalities = killed
    if event.source is None:
        event.source = next((x.source for x in doc.attributions if _in(x.start, x.end, sent, doc)), None)


#: Actors kept in ``doc.actors`` but not put in event slots: unresolved generic phrases, and
#: organisations and persons only the statistical tagger knows (a ministry, a spokesman).
UNSLOTTED_KINDS = {"generic", "person", "organisation"}

#: Actor types that come first in an event of the given type (schema: actor1 = the side
#: that acts; in Displacement the displaced, in protests the protesters).
FIRST_INTER = {"Displacement": {7}, "Protests": {6}, "Riots": {5, 6}}


def _clause(doc: Doc, sent: Sentence, trigger: _Candidate) -> Sentence:
    """The clause of the sentence that holds the trigger: sentences run on with "، و…",
    "، فيما …" into reports of other events ("… بقصف لميليشيا الحوثي، ويأتي ذلك في الوقت
    الذي أعلنت فيه المقاومة …")."""
    toks = doc.tokens
    lo, hi = sent.first, sent.last
    for k in _clause_breaks(doc, sent):
        if k < trigger.first:
            lo = k + 1
        elif k >= trigger.last:
            hi = k
            break
    return Sentence(toks[lo].start, toks[hi - 1].end, lo, hi)


def _clause_breaks(doc: Doc, sent: Sentence) -> list[int]:
    """The commas of a sentence that open a new clause: before a word joined by و or ف, or
    before a clause opener ("فيما", "في الوقت الذي")."""
    lex = lexicon()
    toks = doc.tokens
    out = []
    for k in range(sent.first, sent.last - 1):
        t, nxt = toks[k], toks[k + 1]
        if t.kind != "punct" or t.norm not in ("،", ",", "؛", ";"):
            continue
        if nxt.conjoined or \
                lex.clause_openers.match_at(toks, k + 1, sent.last) is not None:
            out.append(k)
    return out


def _units(doc: Doc, sent: Sentence) -> list[Sentence]:
    """The parts of a sentence coded as events one by one: its clauses when two or more of
    them each have a trigger and a place of their own ("لقي 8 أشخاص مصرعهم بقصف … على دار
    سعد شمال عدن، ويأتي ذلك في الوقت الذي أعلنت فيه المقاومة عن مقتل 22 … باشتباكات … قرب
    قاعدة العند، فيما قتل 9 … في هجوم للمقاومة بمأرب": three events); else the sentence."""
    breaks = _clause_breaks(doc, sent)
    if not breaks:
        return [sent]
    toks = doc.tokens
    bounds = [sent.first] + [k + 1 for k in breaks] + [sent.last]
    clauses = [Sentence(toks[a].start, toks[b - 1].end, a, b)
               for a, b in zip(bounds, bounds[1:]) if b > a]

    def eventful(c: Sentence) -> bool:
        return (any(p.feature != "country" and p.lat is not None and _in(p.start, p.end, c, doc) for p in doc.places)
                and any(_blocked(doc, c, x.first, x.last) is None for x in _candidates(doc, c)))

    marks = [eventful(c) for c in clauses]
    if sum(marks) < 2:
        return [sent]
    # a clause with no event of its own joins the unit before it (the first unit, if it leads)
    units: list[Sentence] = []
    lead: Optional[Sentence] = None
    for c, m in zip(clauses, marks):
        if m:
            units.append(c if lead is None else Sentence(lead.start, c.end, lead.first, c.last))
            lead = None
        elif units:
            u = units[-1]
            units[-1] = Sentence(u.start, c.end, u.first, c.last)
        else:
            lead = c if lead is None else Sentence(lead.start, c.end, lead.first, c.last)
    return units


def _participants(doc: Doc, sent: Sentence, subtype: SubType) -> list[Actor]:
    """Distinct actor names of the sentence that can take part in an event, in order.

    Media and monitors report but do not act; unresolved generic phrases stay in
    ``doc.actors`` but are not put in an event's actor slots. Unnamed groups come
    first where the event type makes them the actor (protesters, the displaced),
    and last elsewhere (civilians are the target of violence).
    """
    lex = lexicon()
    first_inter = FIRST_INTER.get(subtype.name) or FIRST_INTER.get(subtype.event_type) or set()
    seen: set[str] = set()
    named: list[Actor] = []
    groups: list[Actor] = []
    speakers = [(x.start, x.end) for x in doc.attributions if _in(x.start, x.end, sent, doc)]
    said = [a for a in doc.actors if any(b <= a.start and a.end <= e for b, e in speakers)]
    # who says so comes after those the report is about ("قال تجمع لأهالي معتقلين سلفيين إن
    # أجهزة الأمن التابعة لحماس اعتقلت …"); a speaker named nowhere else still takes part
    for a in [a for a in doc.actors if a not in said] + said:
        if not _in(a.start, a.end, sent, doc) or not a.name or a.kind in lex.non_participant_kinds:
            continue
        if (a.registry_id is None and a.kind in UNSLOTTED_KINDS) or a.name in seen:
            continue
        seen.add(a.name)
        (groups if a.kind == "group" else named).append(a)
    leading = [g for g in groups if g.inter in first_inter]
    trailing = [g for g in groups if g.inter not in first_inter]
    return leading + named + trailing


def _role_of(doc: Doc, a: Actor, subtype: SubType, trigger: _Candidate) -> Optional[str]:
    """"target", "agent" or "recipient" from the words right before an actor's mention."""
    lex = lexicon()
    i = bisect_left(doc.tokens, a.start, key=lambda t: t.start)  # the mention's first token
    if i == len(doc.tokens):
        return None
    arrival = subtype.name in lex.arrival_types
    tok = doc.tokens[i]
    attached_l = (tok.start < a.start and doc.text[tok.start] == "ل") or tok.norm == "ل" \
        or (tok.norm.startswith("لل") and "ال" + tok.norm[2:] in tok.forms)  # "لـميليشيا", "للمقاومة"
    after_l = attached_l or _preceded_by(lex.recipient_before, doc, i, max(0, i - 3), 1)
    if arrival and after_l:
        return "recipient"  # "لقسد", "إلى قوات سوريا الديمقراطية"
    if arrival:
        return None
    if _preceded_by(lex.target_before, doc, i, max(0, i - 4), lex.role_window):
        return "target"
    if any(q.category in ("killed", "injured") and q.end <= a.start and _counted_of(doc.text[q.end:a.start])
           for q in doc.quantities):
        return "target"  # "مقتل 22 من ميليشيا الحوثي", "خمسة عناصر مفترضين من تنظيم القاعدة": who lost them
    j = bisect_left(doc.tokens, a.end, key=lambda t: t.start)  # the first token after the mention
    if any(t.forms[-1] in lex.agent_after or t.norm in lex.agent_after for t in doc.tokens[j:j + lex.role_window]):
        return "agent"  # "أعلن متمردو حركة الشباب مسؤوليتهم عن قتل نائب"
    if _preceded_by(lex.agent_before, doc, i, max(0, i - 5), lex.role_window) or (
            i >= trigger.last and _preceded_by(lex.claim_before, doc, i, max(0, i - 5), lex.role_window)):
        return "agent"
    if (attached_l or (i > 0 and doc.tokens[i - 1].norm == "ل")) and 0 <= i - trigger.last <= 2:
        return "agent"  # "بقصف لميليشيا الحوثي": the trigger's own doer
    return None


def _counted_of(gap: str) -> bool:
    """Is ``gap`` what stands between a count of dead or wounded and the side they belonged to:
    nothing, "من", or up to two words ending in "من" ("مفترضين من", "من عناصر")?"""
    words = norm(gap).split()
    return not words or (len(words) <= 3 and words[-1] in lexicon().counted_of)


def _assign_roles(doc: Doc, sent: Sentence, trigger: _Candidate, actors: list[Actor], subtype: SubType,
                  quantities: list[Quantity], country: Optional[str]) -> tuple[Optional[Actor], Optional[Actor]]:
    """(actor1, actor2): the side that acts and the side acted on.

    Protesters lead a protest and the forces that intervene come second; an actor
    after "على/ضد/استهدف" is a target, after "من قبل/تبنته" or the trigger's ل an
    agent, after ل/إلى in an arrival a recipient; a bombing that names only state
    forces names its target; violence whose victims are counted people has
    "Civilians (country)" as its target. An actor named twice in the sentence takes
    the role of the mention that has one ("مصادر مقربة من قسد … لقسد")."""
    lex = lexicon()
    roles: dict[str, Optional[str]] = {}
    for m in doc.actors:
        if m.name in {a.name for a in actors} and _in(m.start, m.end, sent, doc):
            roles[m.name] = roles.get(m.name) or _role_of(doc, m, subtype, trigger)
    agents = [a for a in actors if roles.get(a.name) == "agent"]
    targets = [a for a in actors if roles.get(a.name) in ("target", "recipient")]
    rest = [a for a in actors if roles.get(a.name) is None]
    if subtype.event_type in ("Protests", "Riots"):
        protesters = [a for a in actors if a.inter in (5, 6)] or [_group("Protesters", 6, country, doc)]
        others = [a for a in agents + rest + targets if a not in protesters]
        return protesters[0], (others[0] if others else None)
    if subtype.name in lex.bombing_types and not agents and rest and all(a.inter in STATE for a in rest):
        targets, rest = rest + targets, []  # "انفجار عبوة ناسفة استهدف دورية للشرطة": the police were hit
    if subtype.name in lex.aircraft_types and not agents and rest and all(a.inter in NON_STATE for a in rest):
        targets, rest = rest + targets, []  # "قتلوا في غارة لطائرة بدون طيار": armed groups fly none
    first = (agents + rest)[:1]
    second = [a for a in targets + agents + rest if a not in first][:1]
    victims_counted = any(q.category in lex.victim_categories and q.unit in lex.civilian_units for q in quantities)
    if (not second and victims_counted and not any(a.inter == 7 for a in first)
            and (lex.family.get(subtype.event_type) == "violence" or subtype.name in lex.civilian_target_types)):
        second = [_group("Civilians", 7, country, doc)]
    if not first and targets and subtype.name not in lex.bombing_types | lex.aircraft_types:
        first, second = second, []
    if first and first[0].inter == 7 and lex.family.get(subtype.event_type) == "violence":
        # civilians suffer violence, they do not do it ("في صفوف السكان")
        first, second = ([], first) if not second or second[0].inter == 7 else (second, first)
    return (first[0] if first else None), (second[0] if second else None)


def _group(name: str, inter: int, country: Optional[str], doc: Doc) -> Actor:
    """An unnamed group coded by the event's country: "Civilians (Iraq)", "Protesters (Jordan)"."""
    from rasd.extract.actors import country_name

    label = f"{name} ({country_name(country)})" if country and country_name(country) else name
    return Actor(start=0, end=0, text="", name=label, inter=inter, country=country, kind="group")


#: Inter codes of non-state armed actors (rebels, political and identity militias).
NON_STATE = {2, 3, 4}


#: Inter codes of state forces (ACLED: 1 state forces, 3 political militias are not state).
STATE = {1}


def _refine(subtype: SubType, actors: list[Actor], quantities: list[Quantity], protest_words: bool = False) -> SubType:
    """Sub-types the trigger word alone cannot tell apart, decided by who acts.

    A territorial gain is the government's or a non-state actor's by actor1;
    "arrests" by a non-state group are abductions, unless it governs there (Hamas in Gaza); arrests or dispersal where
    protesters are present are a protest with intervention; a protest in which
    people are killed is excessive force against protesters.
    """
    first = actors[0] if actors else None
    types = lexicon().types
    name = subtype.name
    if name in ("Government regains territory", "Non-state actor overtakes territory") and first:
        state_side = first.inter not in NON_STATE or _government_side(first)
        name = "Government regains territory" if state_side else "Non-state actor overtakes territory"
    elif name == "Arrests" and any(q.category == "killed" for q in quantities):
        name = "Armed clash"  # "قتل 12 مسلحا في حملة مداهمات": a raid that met resistance
    elif name == "Arrests" and any(a.inter == 6 for a in actors):
        name = "Protest with intervention"
    elif name == "Arrests" and first and first.inter in NON_STATE and not any(
            a.inter in STATE or _side(a) == "authority" for a in actors):  # police holding IS suspects: arrests
        name = "Abduction/forced disappearance"
    elif subtype.event_type == "Protests" and any(q.category == "killed" for q in quantities):
        name = "Excessive force against protesters"
    if name == "Excessive force against protesters" and not any(a.inter == 6 for a in actors) and not protest_words:
        name = "Attack"  # live fire at people who are not protesting
    elif name == "Armed clash" and first and first.inter in STATE and actors[1:] and all(a.inter == 7 for a in actors[1:]):
        name = "Attack"  # a raid on civilians, no armed side against the forces
    return types.get(name, subtype)


#: ACLED inter codes of armed sides (state forces, rebels, militias, external forces).
ARMED = {1, 2, 3, 4, 8}


def _one_armed_side_and_civilian_victims(doc: Doc, clause: Sentence, actors: list[Actor],
                                         quantities: list[Quantity]) -> bool:
    """Fighting needs two armed sides: one armed actor and civilian victims is an attack."""
    if sum(1 for a in actors if a.inter in ARMED) != 1:
        return False
    lex = lexicon()
    counted = any(q.category in ("killed", "injured") and q.unit in lex.civilian_units for q in quantities)
    named = lex.civilian_victim_words.find(doc.tokens, clause.first, clause.last)
    return counted or bool(named)


def _government_side(a: Actor) -> bool:
    """A militia that fights for the government (registry ``side: government``)."""
    return _side(a) == "government"


def _side(a: Actor) -> Optional[str]:
    """The registry's ``side`` of an actor: "government" (a militia fighting for it),
    "authority" (a group that governs where it acts), or None."""
    from rasd.extract.actors import default_registry

    entry = default_registry().actors.get(a.registry_id) if a.registry_id else None
    return entry.side if entry is not None else None


def _fatalities(quantities: list[Quantity], doc: Optional[Doc] = None) -> Optional[int]:
    """Killed in one sentence: counts of different groups joined by و add up ("قتل 25 من
    المعارضة و9 من قوات النظام" = 34); a subset ("بينهم 3 أطفال") does not; other figures
    of the same dead are alternatives, and the lowest is taken (ACLED)."""
    killed = [q for q in quantities if q.category == "killed" and q.low is not None]
    if not killed:
        return None
    if doc is None:
        return int(min(q.low for q in killed))
    totals: list[float] = []
    for q in killed:
        before = doc.text[max(0, q.start - 12):q.start]
        if _SUBSET_BEFORE.search(before):
            continue
        if totals and (q.text.startswith("و") or before.rstrip().endswith((" و", "،و"))):
            totals[-1] += q.low
        else:
            totals.append(q.low)
    return int(min(totals)) if totals else int(min(q.low for q in killed))


_SUBSET_BEFORE = re.compile(r"(?:بينهم|منهم|بينهن|منهن|ضمنهم)\s*[:،,]?\s*$")


class EventStage:
    """Pipeline stage: adds ``doc.events``."""

    name = "events"

    def __init__(self, filter: Optional[EventFilter] = None, use_filter: bool = True):
        self.filter = (filter or default_filter()) if use_filter else None

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        published = dt.date.fromisoformat(doc.published) if doc.published else None
        token_at = {t.start: t.i for t in doc.tokens}
        events: list[_CodedEvent] = []
        last_place: Optional[Place] = None
        last_event: Optional[tuple[int, Event]] = None  # (sentence number, event)
        units = [(unit, sent) for sent in doc.sentences for unit in _units(doc, sent)]
        dated_before: dict[int, DateMention] = {}  # a sequel's day, counted back from the event it follows
        for n, (sent, whole) in enumerate(units):
            s_start, s_end = doc.tokens[sent.first].start, doc.tokens[sent.last - 1].end
            places = [p for p in doc.places if p.lat is not None and _in(p.start, p.end, sent, doc)]
            if s_start < doc.body_start or sent.heading:
                continue
            best, cands = sentence_trigger(doc, sent)
            agreement = last_event[1] if last_event and last_event[1].sub_event_type == "Agreement" else None
            if (best is not None and agreement is not None and best.subtype.name != "Agreement"
                    and n - last_event[0] <= lex.terms_window and lex.terms_cues.find(doc.tokens, sent.first, sent.last)):
                agreement.terms.append(doc.text[s_start:s_end])  # a clause of the deal, not an event
                continue
            if best is not None and self.filter is not None and not self.filter.keep(
                    features(doc, sent, best.first, best.last, best.subtype.name, best.subtype.event_type)):
                best, cands = None, []  # the words around the trigger do not read as a report of an event
            if best is None:
                if last_event and n - last_event[0] <= ELABORATION_SENTENCES:
                    _elaborate(last_event[1], doc, sent, places)
                if places:
                    last_place = _sub_national(_pick_place(places, "", doc, token_at, sent.first)) or last_place
                continue
            # a clause without a date of its own takes its sentence's ("اليوم" in another clause);
            # the day a source spoke is not the event's ("بحسب ما أعلن مسؤولون اليوم الأحد")
            # nor is the day of what a purpose clause after the trigger names ("اعتصاماً … احتجاجاً
            # على قتل … العقيد … ليل السادس من أغسطس")
            told_on = _report_dates(doc, whole) + _purpose_dates(doc, whole, best)
            dates = _nearest_first([d for d in doc.dates if _in(d.start, d.end, sent, doc) and d not in told_on]
                                   or [d for d in doc.dates if _in(d.start, d.end, whole, doc) and d not in told_on],
                                   doc.tokens[best.first].start)
            if id(sent) in dated_before:
                dates = [dated_before[id(sent)]]
            reported_on = _nearest_first(told_on, doc.tokens[best.first].start) if not dates else []
            # "ويأتي القصف بعد سيطرة التنظيم على بلدة صوران الجمعة": the rest tells another event
            sequel = _sequel(doc, sent, best) if _anaphoric(doc, best, sent) else None
            own_places = places  # the mention's own, without those of the event told after it
            if sequel is not None:
                dates = [d for d in dates if d.end <= sequel.unit.start]
                own_places = [p for p in places if p.end <= sequel.unit.start]
            told = _told_before(events, best, doc, sent, dates, own_places)
            if told is ELSEWHERE:
                continue
            if told is not None:  # "الهجوم الذي وقع …": more about an event already coded
                if sequel is not None:
                    units.insert(n + 1, (sequel.unit, whole))
                    if sequel.days_before is not None and told.date:
                        day = dt.date.fromisoformat(told.date) - dt.timedelta(days=sequel.days_before)
                        dated_before[id(sequel.unit)] = DateMention(start=sequel.unit.start, end=sequel.unit.start,
                                                                    text="", date=day.isoformat(), time_precision=1)
                if dates and not told.dated:  # its day, which the first mention left out
                    if published and (published - dt.date.fromisoformat(dates[0].date)).days > MAX_EVENT_AGE_DAYS:
                        events = [e for e in events if e is not told]  # an old event told again: background
                        last_event = None
                        continue
                    told.date, told.time_precision, told.dated = dates[0].date, dates[0].time_precision, True
                if not best.generic and best.subtype.priority > lex.types[told.sub_event_type].priority:
                    told.sub_event_type, told.event_type = best.subtype.name, best.subtype.event_type
                if lex.family.get(told.event_type) == "violence" and (
                        told.location is None or (told.location.get("geo_precision") or 1) > 1):
                    # its place, which the first mention left out ("فوق جنوب اليمن") or told only
                    # as its province or area ("ولاية قندوز" first, then "الهجوم الذي وقع … في
                    # مقاطعة خان آباد"): a place in that area said of the same event is its own
                    own = _sub_national(_pick_place(own_places, best.subtype.name, doc, token_at, sent.first,
                                                    best.first))
                    if told.location is None:
                        told.location = own.location() if own is not None else None
                    elif own is not None and (own.geo_precision or 1) < told.location["geo_precision"] \
                            and own.country == told.location.get("country") and own.admin1 \
                            and own.admin1 == told.location.get("admin1") \
                            and _km(own.location(), told.location) <= REFINED_WITHIN_KM:
                        told.location = own.location()
                _elaborate(told, doc, sent, [])
                last_event = (n, told)
                continue
            if (best.subtype.name in lex.aftermath_types and not dates and not places and last_event
                    and n - last_event[0] <= ELABORATION_SENTENCES
                    and lex.family.get(last_event[1].event_type) == "violence"):
                _elaborate(last_event[1], doc, sent, [])  # the damage the last attack did
                continue
            # no day, and no place or the same: the same event in more detail; coded with its
            # day and place, it joins it in merge_events (counts, missing actors)
            others = _others_counted(doc, sent)
            retold = None if others else _retold(events, best, dates, places)
            # with only the day the source spoke, that day, until a later mention gives the event's
            date, precision = ((dates[0].date, dates[0].time_precision) if dates
                               else (retold.date, retold.time_precision) if retold
                               else (reported_on[0].date, reported_on[0].time_precision) if reported_on
                               else (doc.published, 1))
            if published and date and (published - dt.date.fromisoformat(date)).days > MAX_EVENT_AGE_DAYS:
                continue  # background: reported as having happened well before publication
            place = (_pick_place(places, best.subtype.name, doc, token_at, sent.first, best.first) or last_place
                     or _article_place(doc)
                     or _pick_place(places, best.subtype.name, doc, token_at, sent.first, best.first, capitals=True))
            if place is not None and place.feature == "country":
                # a country is not an event location (ACLED codes sub-national places); "the town"
                # is the one told before ("تعرض بعض المناطق المحيطة بالبلدة لقصف")
                place = last_place if _names_the_place_told(doc, sent, last_place, place) else None
            if places:
                last_place = _sub_national(_pick_place(places, "", doc, token_at, sent.first)) or last_place
            clause = _clause(doc, sent, best)
            actors = _participants(doc, clause, best.subtype) or _participants(doc, sent, best.subtype)
            quantities = [q for q in doc.quantities if _in(q.start, q.end, sent, doc) and q.category != "other"]
            subtype = _refine(best.subtype, actors, quantities,
                              any(c.subtype.event_type == "Protests" for c in cands if c is not best))
            if subtype.name == "Armed clash" and _one_armed_side_and_civilian_victims(doc, clause, actors, quantities):
                subtype = lex.types["Attack"]  # "قتلت قوات الاحتلال الشاب … خلال اقتحام منزله"
            actor1, actor2 = _assign_roles(doc, sent, best, actors, subtype, quantities,
                                           (place.country if place else None)
                                           or (doc.country_focus[0] if doc.country_focus else None))
            source = next((x.source for x in doc.attributions if _in(x.start, x.end, sent, doc)), None)
            t_start, t_end = doc.tokens[best.first].start, doc.tokens[best.last - 1].end
            confidence = 0.45 + (0.2 if place and place.geo_precision == 1 else 0.1 if place else -0.15) \
                + (0.1 if actors else 0) + (0.05 if dates else 0)
            event = _CodedEvent(
                event_type=subtype.event_type, sub_event_type=subtype.name,
                date=date, time_precision=precision,
                actor1=actor1.name if actor1 else None, actor2=actor2.name if actor2 else None,
                location=retold.location if retold else place.location() if place else None,
                fatalities=_fatalities(quantities, doc) if any(q.category == "killed" for q in quantities)
                else (1 if lex.single_death.find(doc.tokens, sent.first, sent.last) else None),
                quantities=[q.to_dict() for q in quantities],
                source=source, evidence={"start": s_start, "end": s_end},
                confidence=round(min(confidence, 0.95), 2),
                trigger={"text": doc.text[t_start:t_end], "start": t_start, "end": t_end},
            )
            event.generic, event.clause, event.others = best.generic, sent is not whole, others
            event.dated = bool(dates) or (retold is not None and retold.dated)
            events.append(event)
            last_event = (n, event)
            if place is not None and subtype.name not in lex.single_place_types:
                for other in _listed_with(place, places, doc):
                    twin = _CodedEvent(**{**asdict(event), "location": other.location()})
                    twin.generic, twin.dated, twin.clause, twin.others = event.generic, event.dated, event.clause, event.others
                    events.append(twin)
        doc.events = merge_events(events)
        for e in doc.events:
            if e.event_type in lex.non_lethal or e.sub_event_type in lex.non_lethal:
                e.fatalities = None
        return doc


def _listed_with(place: Place, places: list[Place], doc: Doc) -> list[Place]:
    """The other places of a coordinated list that ``place`` belongs to ("في البصرة وذي قار
    والحلة والنجف"): ACLED codes one event per location, so each gets its own."""
    gap = lexicon().list_gap
    ordered = sorted((p for p in places if p.feature != "country" and p.lat is not None), key=lambda p: p.start)
    groups: list[list[Place]] = []
    for p in ordered:
        if groups and gap.fullmatch(doc.text[groups[-1][-1].end:p.start]):
            groups[-1].append(p)
        else:
            groups.append([p])
    group = next((g for g in groups if any(p is place or p.start == place.start for p in g)), [])
    out: list[Place] = []
    for p in group:
        if p.start != place.start and all(_km(p.location(), q.location()) > SAME_PLACE_KM for q in [place] + out):
            out.append(p)
    return out


@dataclass
class _Sequel:
    """Another event told in the rest of a sentence that refers back to one already coded."""

    unit: Sentence
    days_before: Optional[int]  # "بعد ستة أيام من تفجير": that many days before the coded event


def _sequel(doc: Doc, sent: Sentence, told: _Candidate) -> Optional[_Sequel]:
    """The rest of a sentence that refers back to an event already told, from the trigger of
    another event linked to it: right after a link word ("وتأتي السيطرة على دينسور بعد
    استعادة القوات لبلدة باردهيري الأربعاء"), or after a count of days ("ويأتي [الانفجار]
    بعد ستة أيام من تفجير انتحاري"), which dates it. That trigger must be news (not anaphoric)."""
    lex = lexicon()
    later = [(c, _blocked(doc, sent, c.first, c.last)) for c in sorted(_candidates(doc, sent), key=lambda c: c.first)
             if c.first > told.last and not c.generic and not _anaphoric(doc, c, sent)]
    opener = lex.addition_openers.match_at(doc.tokens, sent.first, sent.last)
    if opener is not None and opener.last == told.first:  # "والى جانب التفجير الذي وقع …، قتل …"
        comma = next((k for k in range(told.last, sent.last - 1) if doc.tokens[k].norm in ("،", ",")), None)
        if comma is not None and any(c.first > comma and why is None for c, why in later):
            return _Sequel(Sentence(doc.tokens[comma + 1].start, doc.tokens[sent.last - 1].end, comma + 1, sent.last),
                           None)
    for c, why in later:
        unit = Sentence(doc.tokens[c.first].start, doc.tokens[sent.last - 1].end, c.first, sent.last)
        link = doc.tokens[c.first - 1]
        if (link.norm in lex.sequel_words or link.forms[-1] in lex.sequel_words) and why is None:
            return _Sequel(unit, None)
        if why == "earlier":
            lo = doc.tokens[max(sent.first, c.first - lex.after_window - 1)].start
            days = [q for q in doc.quantities
                    if q.unit == "day" and lo <= q.start and q.end <= doc.tokens[c.first].start and q.low]
            if days:
                return _Sequel(unit, int(days[-1].low))
    return None


def _report_dates(doc: Doc, sent: Sentence) -> list:
    """Dates right after who says so ("أعلن مسؤولون اليوم الأحد", "أفاد المرصد أمس"): the day
    the source spoke, not the day of what it reports."""
    out: list = []
    for x in doc.attributions:
        if not _in(x.start, x.end, sent, doc):
            continue
        end = x.end
        for d in sorted((d for d in doc.dates if _in(d.start, d.end, sent, doc)), key=lambda d: d.start):
            if d.start >= end and not doc.text[end:d.start].strip():
                out.append(d)
                end = d.end
    return out


def _purpose_dates(doc: Doc, sent: Sentence, c: _Candidate) -> list:
    """Dates after a purpose cue that follows the trigger ("اعتصاماً … احتجاجاً على قتل العقيد
    ليل السادس من أغسطس"): the day of what the event is about, not its own."""
    purpose = [m for m in lexicon().modality.find(doc.tokens, c.last, sent.last) if "purpose" in m.payloads]
    if not purpose:
        return []
    after = doc.tokens[purpose[0].first].start
    return [d for d in doc.dates if _in(d.start, d.end, sent, doc) and d.start >= after]


def _nearest_first(dates: list, at: int) -> list:
    """The sentence's dates, the one nearest the trigger first: a sentence may date two things
    ("ووافق الكنيست ليل أمس … عقب سلسلة من الاحتجاجات … العام الماضي")."""
    return sorted(dates, key=lambda d: min(abs(d.start - at), abs(d.end - at)))


def _others_counted(doc: Doc, sent: Sentence) -> bool:
    """Are dead counted as others ("قتل شخصان آخران")? Then they are another event's (wounded
    "others" are the same event's: "مقتل 25 حوثياً وجرح 15 آخرين")."""
    others = lexicon().others_words
    for q in doc.quantities:
        if q.category == "killed" and _in(q.start, q.end, sent, doc):
            k = bisect_left(doc.tokens, q.end, key=lambda t: t.start)
            if any(t.norm in others or t.forms[-1] in others for t in doc.tokens[max(k - 1, 0):k + 1]
                   if t.start >= q.start):
                return True
    return False


def _retold(events: list[_CodedEvent], c: _Candidate, dates: list, places: list[Place]) -> Optional[_CodedEvent]:
    """The latest event of the trigger's sub-type when the sentence gives no date and no
    place of its own, or only places near that event's: news tells an event in its first
    lines and its details further down
    ("وقالت القيادة العسكرية إن سيارة مفخخة انفجرت عند وصول قافلة …" after "مقتل عسكريين
    … في انفجار سيارة مفخخة … في محافظة دياربكر"); coded apart, the details would take the
    day of publication and whatever place the text named last. (Dead counted as others are
    never a retelling: the caller asks only when ``_others_counted`` says no.)"""
    if dates:
        return None
    last = next((e for e in reversed(events) if e.sub_event_type == c.subtype.name), None)
    own = _own_locations(places)
    if last is None or (own and not (last.location and all(_km(last.location, o) <= SAME_PLACE_KM for o in own))):
        return None
    return last


class _Elsewhere:
    pass


#: What _told_before returns for an anaphoric mention of an earlier event in another place.
ELSEWHERE = _Elsewhere()


def _own_locations(places: list[Place]) -> list[dict]:
    """The locations of a sentence's resolved sub-national places (what "its own place" means
    when a mention is weighed against an event already coded)."""
    return [p.location() for p in places if p.feature != "country" and p.lat is not None]


def _told_before(events: list[_CodedEvent], c: _Candidate, doc: Doc, sent: Sentence, dates: list,
                 places: list[Place]) -> Union[_CodedEvent, _Elsewhere, None]:
    """The event of the same family that an anaphoric trigger refers back to: the latest one,
    unless the sentence gives a date of its own that differs from the one that event's text gave.

    ELSEWHERE when the sentence names places of its own, none of them near that event's:
    a definite mention of an attack elsewhere ("رد على الهجوم الانتحاري الذي استهدف في
    سروج", after a car bomb in Diyarbakir) recalls one reported before, not news."""
    if not events or not _anaphoric(doc, c, sent):
        return None
    family = lexicon().family.get(c.subtype.event_type)
    own = _own_locations(places)
    for e in reversed(events):
        if (e.sub_event_type == c.subtype.name if family is None
                else lexicon().family.get(e.event_type) == family):
            if dates and e.date and dates[0].date != e.date and e.dated:
                return None
            if own and e.location and all(_km(e.location, o) > SAME_PLACE_KM for o in own):
                return ELSEWHERE
            return e
    return None


class _CodedEvent(Event):
    """An event while it is being coded: knows whether its trigger was generic and whether
    its text gave its day (``dated``) or it took the day of publication."""

    generic: bool = False
    dated: bool = False
    clause: bool = False  # coded from one clause of its sentence (_units), where its place is its own
    others: bool = False  # its dead are counted as others ("قتل شخصان آخران"): not an earlier event's


#: Two mentions of the same sub-type and day this close (km) are one place.
SAME_PLACE_KM = 25.0


def _km(a: dict, b: dict) -> float:
    return km(a["lat"], a["lon"], b["lat"], b["lon"])


def _same_event(a: Event, b: Event) -> bool:
    """Same sub-type and day, and the same place: equal, within SAME_PLACE_KM, one of them
    only known as the area (precision 2–3) of the same province, or one of them unplaced.
    A mention whose text gave no day (it took the day of publication) has the day of the
    other ("انفجار عبوة ناسفة بشمال سيناء" and, further down, "صباح الخميس … بمدينة رفح
    انفجرت عبوة ناسفة")."""
    if a.sub_event_type != b.sub_event_type:
        return False
    la, lb = a.location, b.location
    province_level = bool(la and lb) and max(la.get("geo_precision") or 1, lb.get("geo_precision") or 1) == 3
    same_province = bool(la and lb and la.get("admin1")) and la.get("admin1") == lb.get("admin1")
    if a.date != b.date and getattr(a, "dated", True) and getattr(b, "dated", True):
        # a province-level lead and the precise report of a day or two around it
        # ("بعد استيلائهم على احدى البلدات في محافظة حمص … أمس" / "… لمدينة القريتين … الاربعاء")
        if not (province_level and same_province and a.date and b.date
                and abs((dt.date.fromisoformat(a.date) - dt.date.fromisoformat(b.date)).days) <= 2):
            return False
    if la is None or lb is None:
        return True  # an unplaced mention of the same sub-type and day is that event
    if la.get("name") == lb.get("name") or _km(la, lb) <= SAME_PLACE_KM:
        return True
    coarse = max(la.get("geo_precision") or 1, lb.get("geo_precision") or 1) >= 2
    return coarse and same_province


def _absorbs(a: Event, b: Event) -> bool:
    """A generic mention ("هجوم") joins a same-family event of the same day; one coded from a
    clause of its own (its place is its own) only when it is near that event's place."""
    family = lexicon().family.get(b.event_type)
    if not (getattr(b, "generic", False) and a.date == b.date and a is not b and family is not None
            and lexicon().family.get(a.event_type) == family):
        return False
    if getattr(b, "clause", False) and a.location and b.location:
        return _km(a.location, b.location) <= SAME_PLACE_KM or a.location.get("admin1") == b.location.get("admin1")
    return True


def merge_events(events: list[Event]) -> list[Event]:
    """One event per (sub-type, place, day): later mentions add quantities and fill gaps;
    the most precise location wins. A generic mention joins a specific one of its family
    and day, wherever it was placed."""
    specific = [e for e in events if not getattr(e, "generic", False)]
    events = sorted(events, key=lambda e: getattr(e, "generic", False) and any(_absorbs(x, e) for x in specific))
    out: list[Event] = []
    for e in events:
        first = None if getattr(e, "others", False) else next((x for x in out if _same_event(x, e)), None)
        if first is None and getattr(e, "generic", False):
            first = next((x for x in out if _absorbs(x, e) and not getattr(x, "generic", False)), None)
        if first is None:
            out.append(e)
            continue
        first_placed = first.location is not None
        if e.location and (first.location is None or
                           (e.location.get("geo_precision") or 9) < (first.location.get("geo_precision") or 9)):
            first.location = e.location
            if getattr(e, "dated", False):
                first.date, first.time_precision = e.date, e.time_precision  # the precise report's day
        if not getattr(first, "dated", True) and getattr(e, "dated", False):
            first.date, first.time_precision, first.dated = e.date, e.time_precision, True
        first.quantities.extend(q for q in e.quantities if q not in first.quantities)
        first.terms.extend(t for t in e.terms if t not in first.terms)
        if e.fatalities is not None:
            if first.fatalities is None:
                first.fatalities = e.fatalities
            elif first_placed != (e.location is not None):
                # an unplaced mention may total several events ("تفجيرات في أنحاء العراق أدت الى
                # مقتل 32 شخصا"): the placed mention's toll is this event's
                first.fatalities = first.fatalities if first_placed else e.fatalities
            else:
                first.fatalities = max(first.fatalities, e.fatalities)
        first.actor1 = first.actor1 or e.actor1
        first.actor2 = first.actor2 or e.actor2
        first.source = first.source or e.source
        first.confidence = round(min(0.95, max(first.confidence, e.confidence) + 0.05), 2)
    return out
