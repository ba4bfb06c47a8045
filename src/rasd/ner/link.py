"""Linking named entities to rasd's knowledge: places to gazetteer entries,
organisations and persons to actor registry entries.

The CRF finds names the lexicons do not know, and the lexicons resolve the
names the CRF finds; linking is where the two meet. An entity links only
when a whole alias covers exactly its tokens (clitics on the first word
allowed, as everywhere in rasd), so "بغداد" in "مطار بغداد" (an ORG or a
facility) is not silently turned into the city.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from rasd.extract.actors import ActorRegistry, default_registry
from rasd.knowledge.gazetteer import Gazetteer, default_gazetteer
from rasd.ner.model import Entity
from rasd.text.segment import Token


@dataclass(frozen=True)
class Link:
    """What an entity names: a gazetteer entry (``place``) or a registry actor (``actor``)."""

    kind: str  # place | actor
    id: str
    name: str


#: Which lexicon each entity type is linked against.
_TARGETS = {"LOC": ("place",), "ORG": ("actor", "place"), "PER": ("actor",), "MISC": ()}


class Linker:
    """Links entities of a Doc's token list; holds the gazetteer and the registry."""

    def __init__(self, gazetteer: Optional[Gazetteer] = None, registry: Optional[ActorRegistry] = None):
        self.gazetteer = gazetteer or default_gazetteer()
        self.registry = registry or default_registry()

    def link(self, entity: Entity, tokens: list[Token]) -> list[Link]:
        """Candidates for ``entity`` (best first within each lexicon); empty when none covers it exactly."""
        out: list[Link] = []
        for target in _TARGETS.get(entity.label, ()):
            if target == "place":
                m = self.gazetteer.matcher.match_at(tokens, entity.first, entity.last)
                if m is not None and m.last == entity.last:
                    for i in m.payloads:
                        e = self.gazetteer.entries[i]
                        out.append(Link("place", e.id, e.name))
            else:
                m = self.registry.matcher.match_at(tokens, entity.first, entity.last)
                if m is not None and m.last == entity.last:
                    for ref in m.payloads:
                        if ref.kind == "actor":
                            a = self.registry.actors[ref.key]
                            out.append(Link("actor", a.id, a.name))
            if out:
                break
        return out
