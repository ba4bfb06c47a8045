"""Actor mentions: the registry's aliases, country-dependent generic phrases,
and unnamed groups (civilians, protesters) coded by the article's country.

Knowledge lives in ``knowledge/data/actors.yaml`` (named actors and generic
phrases) and ``actor_groups.yaml``; nothing is guessed: a generic phrase the
article's country cannot resolve stays an actor named by its own surface text,
with no registry id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from rasd.document import Actor, Doc
from rasd.extract.places import focus_from_places
from rasd.knowledge import load_yaml
from rasd.text.matcher import PhraseMatcher, phrase_key
from rasd.text.normalize import norm


@dataclass(frozen=True)
class RegistryActor:
    id: str
    name: str
    inter: Optional[int]
    country: Optional[str]
    kind: str
    parent: Optional[str]
    aliases: tuple[str, ...] = field(default=())
    side: Optional[str] = None  # "government": a militia that fights for the government


@dataclass(frozen=True)
class AliasHit:
    """An alias found in a phrase: its surface text and what it refers to."""

    text: str
    kind: str  # actor | generic | group
    key: str  # actor id, generic phrase, or group id


@dataclass(frozen=True)
class _Ref:
    """What an alias points at: a registry actor, a generic phrase, or a group."""

    kind: str  # actor | generic | group
    key: str


class ActorRegistry:
    """Named actors, generic phrases and groups, with one alias matcher over all."""

    def __init__(self, actors: list[RegistryActor], generic: dict[str, dict[str, str]],
                 groups: dict[str, dict]):
        self.actors = {a.id: a for a in actors}
        self.generic = generic  # alias → {country: actor id}
        self.groups = groups
        self.matcher: PhraseMatcher[_Ref] = PhraseMatcher()
        # definite phrases that name the last armed group again (actors.yaml, anaphora)
        self.anaphora: PhraseMatcher[str] = PhraseMatcher(strip_article=False)
        self.anaphora_inter: frozenset[int] = frozenset()
        for a in actors:
            for alias in (a.name,) + a.aliases:
                self.matcher.add(alias, _Ref("actor", a.id))
        for alias in generic:
            self.matcher.add(alias, _Ref("generic", alias))
        for gid, g in groups.items():
            for alias in g["aliases"]:
                self.matcher.add(alias, _Ref("group", gid))

    @classmethod
    def load(cls) -> "ActorRegistry":
        d = load_yaml("actors.yaml")
        actors = [RegistryActor(id=a["id"], name=a["name"], inter=a.get("inter"), country=a.get("country"),
                                kind=a.get("kind", ""), parent=a.get("parent"),
                                aliases=tuple(str(x) for x in a.get("aliases") or ()), side=a.get("side"))
                  for a in d["actors"]]
        generic = {g["alias"]: dict(g.get("by_country") or {}) for g in d.get("generic") or ()}
        registry = cls(actors, generic, load_yaml("actor_groups.yaml")["groups"])
        registry.anaphora_inter = frozenset(d["anaphora"]["inter"])
        registry.anaphora = PhraseMatcher(strip_article=False).add_all((p, p) for p in d["anaphora"]["phrases"])
        forces = d["national_forces"]
        for a in actors:  # matched, not listed among the actor's aliases (rasd actors)
            for alias in _national_force_aliases(a, forces["army_word"], forces["nouns"]):
                registry.matcher.add(alias, _Ref("actor", a.id))
        return registry

    def lookup(self, text: str) -> list[RegistryActor]:
        """Registry actors one of whose aliases is exactly ``text``."""
        return [self.actors[r.key] for r in self.matcher.get(phrase_key(text)) if r.kind == "actor"]

    # ---- read-only helpers for browsing the registry (``rasd actors``)

    def alias_hits(self, text: str) -> list[AliasHit]:
        """Every alias found in ``text`` (longest first, clitics allowed), with what it refers to."""
        from rasd.text.normalize import normalize
        from rasd.text.segment import tokenize

        tokens = tokenize(normalize(text))
        return [AliasHit(text[tokens[m.first].start:tokens[m.last - 1].end], r.kind, r.key)
                for m in self.matcher.find(tokens) for r in m.payloads]

    def resolve_generic(self, alias: str, country: str) -> Optional[RegistryActor]:
        """The actor a country-dependent phrase names in ``country``, or None."""
        actor_id = self.generic.get(alias, {}).get(country)
        return self.actors.get(actor_id) if actor_id else None

    def select(self, country: Optional[str] = None, inter: Optional[int] = None) -> list[RegistryActor]:
        """Registry actors of one country and/or one ACLED inter code, in file order."""
        return [a for a in self.actors.values()
                if (country is None or a.country == country) and (inter is None or a.inter == inter)]


def _national_force_aliases(actor: RegistryActor, army_word: str, nouns: list[str]) -> tuple[str, ...]:
    """"غارة أمريكية", "مروحيتين أمريكيتين" … for a state military with the alias "الجيش الأمريكي"
    (actors.yaml, national_forces): the adjective without its article, masculine, feminine and
    feminine dual, after each noun."""
    if not actor.kind.endswith("military"):
        return ()
    army = norm(army_word) + " "
    adjectives = [norm(a)[len(army):] for a in actor.aliases if norm(a).startswith(army + "ال")]
    forms = [f for adj in adjectives if " " not in adj
             for f in (adj[2:], adj[2:] + "ه", adj[2:] + "تين", adj[2:] + "تان")]
    return tuple(f"{n} {f}" for n in nouns for f in dict.fromkeys(forms))


@lru_cache(maxsize=1)
def roles_matcher() -> PhraseMatcher[str]:
    """Role words before a person's name (``roles.yaml``), payload the role."""
    d = load_yaml("roles.yaml")["roles"]
    return PhraseMatcher().add_all((w, role) for role, words in d.items() for w in words)


def _role_before(doc: Doc, first: int) -> Optional[str]:
    """The role a phrase of ``roles.yaml`` ending right before token ``first`` gives."""
    roles = roles_matcher()
    for n in range(min(4, first), 0, -1):
        m = roles.match_at(doc.tokens, first - n, first)
        if m is not None and m.last == first:
            return m.payloads[0]
    return None


@lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    return ActorRegistry.load()


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from rasd.knowledge.gazetteer import default_gazetteer

    return {e.country: e.name for e in default_gazetteer().entries if e.feature == "country"}


def country_name(code: Optional[str]) -> Optional[str]:
    """The English name ACLED uses for a country code ("SY" → "Syria"), or None."""
    return _country_names().get(code) if code else None


class ActorStage:
    """Pipeline stage: adds ``doc.actors`` (needs ``doc.country_focus`` from places)."""

    name = "actors"

    def __init__(self, registry: Optional[ActorRegistry] = None):
        self.registry = registry or default_registry()
        self.country_names = _country_names()

    def _resolve(self, ref: _Ref, focus: list[str], surface: str) -> tuple[Optional[RegistryActor], str, Optional[int], Optional[str]]:
        reg = self.registry
        if ref.kind == "actor":
            a = reg.actors[ref.key]
            return a, a.name, a.inter, a.country
        if ref.kind == "generic":
            by_country = reg.generic[ref.key]
            country = focus[0] if focus else None
            if country and country in by_country and by_country[country] in reg.actors:
                a = reg.actors[by_country[country]]
                return a, a.name, a.inter, a.country
            return None, surface, None, country
        g = reg.groups[ref.key]
        country = focus[0] if focus else None
        name = f"{g['name']} ({self.country_names[country]})" if country in self.country_names else g["name"]
        return None, name, g["inter"], country

    def __call__(self, doc: Doc) -> Doc:
        matches = self.registry.matcher.find(doc.tokens)
        # a place inside an actor's name ("قوات سورية الديمقراطية") is not a place mention
        spans = [(doc.tokens[m.first].start, doc.tokens[m.last - 1].end) for m in matches]
        kept = [p for p in doc.places if not any(s <= p.start and p.end <= e for s, e in spans)]
        if len(kept) != len(doc.places):
            doc.places = kept
            doc.country_focus = focus_from_places(kept)
        out: list[Actor] = []
        for m in matches:
            s, e = doc.tokens[m.first].start, doc.tokens[m.last - 1].end
            surface = doc.text[s:e]
            a, name, inter, country = self._resolve(m.payloads[0], doc.country_focus, surface)
            out.append(Actor(start=s, end=e, text=surface, name=name, inter=inter,
                             registry_id=a.id if a else None, country=country,
                             kind=a.kind if a else m.payloads[0].kind))
        out.extend(self._anaphora(doc, out))
        out.extend(self._from_entities(doc, out))
        doc.actors = sorted(out, key=lambda x: x.start)
        return doc

    def _anaphora(self, doc: Doc, known: list[Actor]) -> list[Actor]:
        """"التنظيم", "الجماعة المتشددة" …: the latest rebel group or militia named before."""
        named = sorted((a for a in known if a.registry_id and a.inter in self.registry.anaphora_inter),
                       key=lambda a: a.start)
        taken = [(a.start, a.end) for a in known]
        out: list[Actor] = []
        for m in self.registry.anaphora.find(doc.tokens):
            s, e = doc.tokens[m.first].start, doc.tokens[m.last - 1].end
            if any(a < e and s < b for a, b in taken):
                continue  # part of a longer name ("التنظيم" in "التنظيم الدولي للإخوان")
            before = [a for a in named if a.end <= s]
            if before:
                a = before[-1]
                out.append(Actor(start=s, end=e, text=doc.text[s:e], name=a.name, inter=a.inter,
                                 registry_id=a.registry_id, country=a.country, kind=a.kind))
        return out

    def _from_entities(self, doc: Doc, known: list[Actor]) -> list[Actor]:
        """Organisations and persons the tagger found and the registry did not: kept under
        their own surface form (no registry id), a person with the role the words before
        the name give ("الناشط محمد الجزراوي" → activist)."""
        taken = [(a.start, a.end) for a in known] + [(p.start, p.end) for p in doc.places]
        out: list[Actor] = []
        for ent in doc.entities:
            if ent.label not in ("ORG", "PER") or any(s < ent.end and ent.start < e for s, e in taken):
                continue
            role = _role_before(doc, ent.first) if ent.label == "PER" else None
            out.append(Actor(start=ent.start, end=ent.end, text=ent.text, name=ent.text, inter=None,
                             registry_id=None, country=None,
                             kind="person" if ent.label == "PER" else "organisation", role=role))
        return out
