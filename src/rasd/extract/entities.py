"""Named entities from the statistical tagger, as a pipeline stage.

The registry and the gazetteer know the actors and places the news names most;
the CRF tagger (``rasd.ner``, trained on ANERcorp) finds the names they do not
know. This stage only tags (``doc.entities``), by default in the sentences where a name can
matter to the output (those with a trigger or a role word); the actor stage links them:
registry first, entity second, so an unknown organisation or a named person is
kept as an actor with its own surface form instead of being dropped.
"""

from __future__ import annotations

from typing import Optional

from rasd.document import Doc, Place
from rasd.extract.places import cues, focus_from_places, precision_of
from rasd.knowledge.gazetteer import default_gazetteer
from rasd.knowledge.transliteration import default_latin_places
from rasd.ner.model import NerModel, default_model


#: What a name found by its Latin spelling may be.
LATIN_FEATURES = {"populated_place", "admin1", "admin2"}


class EntityStage:
    """Pipeline stage: adds ``doc.entities`` (needs tokens and sentences)."""

    name = "entities"

    def __init__(self, model: Optional[NerModel] = None, only_event_sentences: bool = True):
        self.model = model or default_model()
        #: tag only the sentences where a name can matter to the output (a trigger word, a
        #: role word): the tagger is the slowest stage, and most sentences report no event
        self.only_event_sentences = only_event_sentences

    @staticmethod
    def _worth_tagging(doc: Doc) -> set[int]:
        from rasd.extract.actors import roles_matcher
        from rasd.extract.events import lexicon as event_lexicon

        triggers, roles = event_lexicon().triggers, roles_matcher()
        return {k for k, s in enumerate(doc.sentences)
                if triggers.find(doc.tokens, s.first, s.last) or roles.find(doc.tokens, s.first, s.last)}

    def __call__(self, doc: Doc) -> Doc:
        doc.entities = self.model.entities(doc, self._worth_tagging(doc) if self.only_event_sentences else None)
        # a place name that is part of a longer person's name is not a place: "بشار" in
        # "بشار الأسد" is not Béchar (a name the tagger calls a person as a whole stays a place)
        persons = [(e.start, e.end) for e in doc.entities if e.label == "PER"]
        kept = [p for p in doc.places
                if not any(s <= p.start and p.end <= e and (e - s) > (p.end - p.start) + 1 for s, e in persons)]
        if len(kept) != len(doc.places):
            doc.places = kept
            doc.country_focus = focus_from_places(kept)
        unknown = self._unresolved_places(doc)
        if unknown:
            doc.places = sorted(doc.places + unknown, key=lambda p: p.start)
        return doc

    @staticmethod
    def _unresolved_places(doc: Doc) -> list[Place]:
        """Names the tagger calls places that the gazetteer lacks ("قرية دوغوري"): kept, with no
        coordinates, so an analyst sees them and can add them (``rasd gazetteer import``).
        A cue word the tagger took for a name ("ريف") is not one, nor a continent or a sea
        ("أوروبا", "الشرق الأوسط": no place an analyst adds), nor a name the gazetteer
        knows: where the recogniser left it out, that was its decision (a stoplisted word, a
        false friend), not a gap."""
        cue_words, regions = cues().before, cues().regions
        gazetteer = default_gazetteer()
        taken = [(p.start, p.end) for p in doc.places]
        out: list[Place] = []
        for e in doc.entities:
            if e.label != "LOC" or any(s < e.end and e.start < t for s, t in taken):
                continue
            if all(f in cue_words for f in (doc.tokens[k].forms[-1] for k in range(e.first, e.last))) \
                    or any(regions.intersection(doc.tokens[k].forms) for k in range(e.first, e.last)):
                continue  # "ريف": a cue word; "أوروبا", "الشرق الأوسط": a continent or sea, no place to add
            if gazetteer.lookup(e.text) or (e.last - e.first == 1 and any(gazetteer.lookup(f) for f in doc.tokens[e.first].forms)):
                continue
            out.append(_spelled_otherwise(doc, e) or
                       Place(start=e.start, end=e.end, text=e.text, source="NER (not in the gazetteer)"))
        return out


def _spelled_otherwise(doc: Doc, e) -> Optional[Place]:
    """A name the tagger calls a place, known to the gazetteer only by its Latin name, in the
    country the article is most about ("سوق غامبورو" in a Nigerian article: Gamboru). Only the
    tagger's word makes the name a place here, as a cue word does for ``find_place_mentions``;
    the reading must be the only one there. (Arabic spelling variants are not tried: on the
    corpus they turned "كردستان" into Iran's province in Iraqi articles.)"""
    if not doc.country_focus:
        return None
    words = [doc.tokens[k] for k in range(e.first, e.last)]
    c = cues()
    if any(t.kind != "ar" or {t.forms[-1], t.norm} & (c.common_words | c.regions) for t in words) \
            or words[-1].norm.endswith(("يه", "يين", "ين")) or words[0].norm in c.prepositions:
        return None  # "المحيط الهادئ", "المنطقة المركزية", "على التنظيم": words, not a name spelled otherwise
    gazetteer = default_gazetteer()
    stem = words[-1].forms[-1]
    if stem.endswith("ي") and (gazetteer.lookup(stem[:-1]) or gazetteer.lookup("ال" + stem[:-1])):
        return None  # "اسم فارسي", "الفارسي": the adjective of a place the gazetteer knows
    latin = default_latin_places()
    if latin is None:
        return None
    country = doc.country_focus[0]
    # after "ولاية" or "محافظة" the name is one of the country's provinces ("ولاية يوبي")
    province = e.first > 0 and c.before.get(doc.tokens[e.first - 1].forms[0]) == "admin1"
    hits = []
    # as written first ("بركي": its ب is its own), then without a clitic; a leading و or ف is
    # the conjunction ("وأوروبا")
    forms = words[0].forms[1:] if words[0].norm[:1] in ("و", "ف") and len(words[0].forms) > 1 else words[0].forms
    for first in forms:
        name = " ".join([first] + [t.norm for t in words[1:]])
        hits = [x for x in latin.lookup(name, province) if x.country == country and x.feature in LATIN_FEATURES]
        if hits:
            break
    if len({(x.lat, x.lon) for x in hits}) != 1:
        return None
    x = hits[0]
    return Place(start=e.start, end=e.end, text=e.text, name=x.name, lat=x.lat, lon=x.lon,
                 admin1=x.admin1 or None, country=x.country, geonames_id=x.geonames_id,
                 geo_precision=precision_of(x, False), feature=x.feature,
                 source=f"{x.source}; another spelling, found for a name the tagger calls a place")
