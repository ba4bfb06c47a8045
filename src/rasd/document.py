"""The rasd data model: one article, one Doc, layers of spans.

Every extracted thing is a span with ``start``/``end`` character offsets into
``Article.text`` exactly as read (before any normalisation), so an analyst can
always see the characters behind a field. The JSON produced by
:meth:`Document.to_dict` is the output contract of ``docs/event-schema.md``
(field names there are binding); :meth:`Document.from_dict` reads it back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional


def _from_fields(cls, data: dict[str, Any]):
    """Build a dataclass from a dict, ignoring keys the class does not know."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Article:
    """The input: the text as read, plus what we know about it."""

    text: str
    id: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date, YYYY-MM-DD
    outlet: Optional[str] = None
    url: Optional[str] = None


@dataclass
class Span:
    """A stretch of the original text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """All fields, the span's own first (subclasses add theirs after)."""
        return asdict(self)


@dataclass
class Place(Span):
    """A place mention, resolved to a gazetteer entry when possible."""

    name: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    admin1: Optional[str] = None
    country: Optional[str] = None
    geonames_id: Optional[int] = None
    geo_precision: Optional[int] = None
    feature: Optional[str] = None
    source: Optional[str] = None  # which gazetteer source the entry came from

    def location(self) -> dict[str, Any]:
        """The event-level location object of the schema."""
        return {
            "name": self.name,
            "name_ar": self.text,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "country": self.country,
            "geo_precision": self.geo_precision,
        }


@dataclass
class Actor(Span):
    """An actor mention; ``registry_id`` is None for unknown or generic actors."""

    name: Optional[str] = None
    inter: Optional[int] = None
    registry_id: Optional[str] = None
    country: Optional[str] = None
    kind: Optional[str] = None
    #: a person's role when the text gives it ("الناشط محمد الجزراوي" → activist)
    role: Optional[str] = None


@dataclass
class Quantity(Span):
    """A count: ``low``/``high`` per the schema (equal when exact, high None when open)."""

    low: Optional[float] = None
    high: Optional[float] = None
    approx: bool = False
    unit: Optional[str] = None
    category: str = "other"


@dataclass
class DateMention(Span):
    """A date expression resolved to an ISO date with ACLED time precision."""

    date: Optional[str] = None
    time_precision: int = 1


@dataclass
class Attribution(Span):
    """Who says so: the source noun phrase governed by a reporting verb."""

    source: str = ""
    cue: Optional[str] = None


@dataclass
class Event:
    """One coded event, per the schema's event object."""

    event_type: str
    sub_event_type: str
    date: Optional[str] = None
    time_precision: Optional[int] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    location: Optional[dict[str, Any]] = None
    fatalities: Optional[int] = None
    quantities: list[dict[str, Any]] = field(default_factory=list)
    source: Optional[str] = None
    evidence: Optional[dict[str, int]] = None
    confidence: float = 0.5
    trigger: Optional[dict[str, Any]] = None
    terms: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Doc:
    """One article as the pipeline sees it: the text, its views, and every layer.

    Like spaCy's ``Doc``: stages read it and each adds one layer. ``view``
    (the normalised text with its offset map), ``sentences`` and ``tokens`` are
    working layers and are not serialised; the mention and event layers are.
    """

    id: Optional[str]
    title: Optional[str]
    published: Optional[str]
    text: str
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pipeline_version: Optional[str] = None
    view: Any = field(default=None, repr=False, compare=False)
    sentences: list[Any] = field(default_factory=list, repr=False, compare=False)
    tokens: list[Any] = field(default_factory=list, repr=False, compare=False)
    country_focus: list[str] = field(default_factory=list, repr=False, compare=False)
    #: named entities of the statistical tagger (rasd.ner), before linking
    entities: list[Any] = field(default_factory=list, repr=False, compare=False)
    #: offset where the body starts (after a title line and a dateline): events come from the body only
    body_start: int = field(default=0, repr=False, compare=False)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title, "published": self.published}
        if include_text:
            out["text"] = self.text
        out.update(
            places=[p.to_dict() for p in self.places],
            actors=[a.to_dict() for a in self.actors],
            quantities=[q.to_dict() for q in self.quantities],
            dates=[d.to_dict() for d in self.dates],
            attributions=[a.to_dict() for a in self.attributions],
            events=[e.to_dict() for e in self.events],
            pipeline_version=self.pipeline_version,
        )
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: Optional[str] = None) -> "Doc":
        """Rebuild a Doc from :meth:`to_dict` output (text given or embedded)."""
        return cls(
            id=data.get("id"),
            title=data.get("title"),
            published=data.get("published"),
            text=text if text is not None else data.get("text", ""),
            places=[_from_fields(Place, p) for p in data.get("places", [])],
            actors=[_from_fields(Actor, a) for a in data.get("actors", [])],
            quantities=[_from_fields(Quantity, q) for q in data.get("quantities", [])],
            dates=[_from_fields(DateMention, d) for d in data.get("dates", [])],
            attributions=[_from_fields(Attribution, a) for a in data.get("attributions", [])],
            events=[_from_fields(Event, e) for e in data.get("events", [])],
            pipeline_version=data.get("pipeline_version"),
        )


#: The public name of the output object: ``rasd.extract(...) -> Document``.
Document = Doc
