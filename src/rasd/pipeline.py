"""The pipeline: text → Doc, one stage per layer (spaCy style).

``rasd.load()`` builds it once (loading the gazetteer, registry and lexicons);
calling it on a text runs every stage in order. Stages are plain callables
``Doc → Doc`` with a ``name``, so one can be swapped or dropped:
``nlp.stages = [s for s in nlp.stages if s.name != "events"]``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional, Protocol

from rasd import __version__
from rasd.document import Article, Doc
from rasd.extract.actors import ActorStage
from rasd.extract.attribution import AttributionStage
from rasd.extract.entities import EntityStage
from rasd.extract.events import EventStage
from rasd.extract.places import PlaceStage
from rasd.knowledge import load_yaml
from rasd.text.dates import dateline, find_dates
from rasd.text.matcher import PhraseMatcher
from rasd.text.normalize import normalize
from rasd.text.numbers import find_quantities
from rasd.text.segment import split_sentences, tokenize

PIPELINE_VERSION = f"rasd {__version__}"


class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc) -> Doc: ...


@lru_cache(maxsize=1)
def _trailers() -> PhraseMatcher[str]:
    return PhraseMatcher(strip_article=False).add_all((w, w) for w in load_yaml("boilerplate.yaml")["trailers"])


class TextStage:
    """Normalised view, tokens, sentences; the dateline and where the body starts; a
    trailer ("رابط الخبر …") and what follows it are cut from the sentences."""

    name = "text"

    def __call__(self, doc: Doc) -> Doc:
        doc.view = normalize(doc.text)
        doc.tokens = tokenize(doc.view)
        doc.sentences = split_sentences(doc.view, doc.tokens)
        body = 0
        first_line = doc.text.split("\n", 1)[0]
        if doc.title and first_line.strip() == doc.title.strip():
            body = len(first_line)
        line = dateline(doc.text)
        if line is not None:
            doc.published = doc.published or line.date
            body = max(body, line.end)
        doc.body_start = body
        trailers = _trailers()
        for k, s in enumerate(doc.sentences):
            if s.start >= body and k and trailers.match_at(doc.tokens, s.first, s.last) is not None:
                doc.sentences = doc.sentences[:k]
                break
        return doc


class QuantityStage:
    name = "quantities"

    def __call__(self, doc: Doc) -> Doc:
        given: set[tuple] = set()
        doc.quantities = [q for s in doc.sentences
                          for q in find_quantities(doc.text, doc.tokens, s.first, s.last, given)]
        return doc


class DateStage:
    name = "dates"

    def __call__(self, doc: Doc) -> Doc:
        published = dt.date.fromisoformat(doc.published) if doc.published else None
        doc.dates = [d for s in doc.sentences for d in find_dates(doc.text, doc.tokens, s.first, s.last, published)]
        return doc


class Pipeline:
    """A reusable extractor: ``nlp = rasd.load(); doc = nlp(text)``."""

    def __init__(self, stages: Optional[list[Stage]] = None):
        self.stages: list[Stage] = stages if stages is not None else [
            TextStage(), QuantityStage(), DateStage(), PlaceStage(), EntityStage(), ActorStage(), AttributionStage(),
            EventStage(),
        ]

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, text: str, published: Optional[str] = None, title: Optional[str] = None,
                 id: Optional[str] = None) -> Doc:
        return self.run(Article(text=text, id=id, title=title, published=_iso_date(published)))

    def run(self, article: Article) -> Doc:
        if not isinstance(article.text, str):
            raise TypeError(f"text must be str, not {type(article.text).__name__}")
        doc = Doc(id=article.id, title=article.title, published=article.published, text=article.text,
                  pipeline_version=PIPELINE_VERSION)
        for stage in self.stages:
            doc = stage(doc)
        return doc


def _iso_date(value: Optional[str]) -> Optional[str]:
    """Accept YYYY-MM-DD (or a timestamp starting with it); reject anything else loudly."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from None


_default: Optional[Pipeline] = None


def load() -> Pipeline:
    """The default pipeline, built once per process."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


