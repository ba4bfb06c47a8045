"""The shipped CRF named-entity tagger: PER, ORG, LOC and MISC in BIO tags.

Trained by ``scripts/train_ner.py`` on the ANERcorp train split (Benajiba
et al. 2007, CAMeL Lab split; CC BY-SA 4.0). The model file and the word
lists it was trained with ship together in ``ner/data/``; the gazetteer and
actor registry features come from the rasd knowledge files at run time, so
the tagger sees the same lexicons the rest of the pipeline uses.

Entry points: :meth:`NerModel.tag` and :meth:`NerModel.tag_document` for
words given as strings (CoNLL columns), and :meth:`NerModel.entities` for a
rasd Doc, with character offsets into the original text. A document is
tagged sentence by sentence, each sentence seeing the other mentions of its
words in the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Sequence

import pycrfsuite

from rasd.ner.conll import DOC_WINDOW
from rasd.ner.features import FeatureExtractor, Lexicons, word_tokens
from rasd.text.segment import Token

MODEL_FILE = "ner.crfsuite"
#: stems learned from the training data, per entity type (written by scripts/train_ner.py)
STEMS_FILE = "ner_words.tsv"
#: words of personal names (written by scripts/build_ner_names.py)
NAMES_FILE = "ner_names.txt"

#: Entity types the model emits (ANERcorp's PERS is written PER).
LABELS = ("PER", "ORG", "LOC", "MISC")


def data_path(name: str) -> Path:
    """Path of a file shipped in ``rasd/ner/data``."""
    return Path(str(resources.files("rasd.ner").joinpath("data", name)))


def read_word_lists(path: Path) -> dict[str, frozenset[str]]:
    """Word lists from ``stem<TAB>list`` lines (``#`` starts a comment)."""
    lists: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, name = line.split("\t")
        lists.setdefault(name, set()).add(word)
    return {k: frozenset(v) for k, v in lists.items()}


def write_word_lists(path: Path, lists: dict[str, frozenset[str]], header: str) -> None:
    """Write word lists sorted, so a retrained model gives a byte-identical file."""
    lines = [f"# {h}" for h in header.splitlines()]
    lines += [f"{w}\t{name}" for name in sorted(lists) for w in sorted(lists[name])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_names(path: Path) -> frozenset[str]:
    """A one-word-a-line list (``#`` starts a comment)."""
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


def rasd_lexicons(stems: Optional[dict[str, frozenset[str]]] = None,
                  names: Optional[frozenset[str]] = None) -> Lexicons:
    """The gazetteer and actor registry matchers, plus learned ``stems`` and the person-name list."""
    from rasd.extract.actors import default_registry
    from rasd.knowledge.gazetteer import default_gazetteer

    names = read_names(data_path(NAMES_FILE)) if names is None else names
    return Lexicons.from_rasd(default_gazetteer(), default_registry().matcher, stems, {"names": names})


@dataclass(frozen=True)
class Entity:
    """A named entity in a Doc: type, token range [first, last) and original character span."""

    label: str
    first: int
    last: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "label": self.label}


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last + 1, type) of each entity in BIO tags; a stray ``I-`` opens an entity."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and start >= 0 and tag[2:] == label:
            continue
        if start >= 0:
            out.append((start, i, label))
            start = -1
        if tag != "O":
            start, label = i, tag[2:]
    if start >= 0:
        out.append((start, len(tags), label))
    return out


class NerModel:
    """A trained CRF and the feature extractor it was trained with."""

    def __init__(self, model_path: Path, lexicons: Lexicons):
        self.path = model_path
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        self.features = FeatureExtractor(lexicons)

    @classmethod
    def load(cls, model_path: Optional[Path] = None) -> "NerModel":
        """The shipped model, or another one trained by ``scripts/train_ner.py`` (its word
        lists are read from the same folder)."""
        model_path = model_path or data_path(MODEL_FILE)
        return cls(model_path, rasd_lexicons(read_word_lists(model_path.with_name(STEMS_FILE))))

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for one sentence given as words (one CoNLL column), alone."""
        return self.tag_document([words])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for the sentences of one document given as words: names repeated across
        sentences are tagged with each other's context (see ``features.document_context``)."""
        return self._tag([(words, word_tokens(words)) for words in sentences])

    def tag_stream(self, sentences: Sequence[Sequence[str]], window: int = DOC_WINDOW) -> list[list[str]]:
        """BIO tags for sentences with no document boundaries (a CoNLL file): consecutive
        windows of ``window`` sentences are tagged as documents, as in training."""
        out: list[list[str]] = []
        for k in range(0, len(sentences), window):
            out.extend(self.tag_document(sentences[k:k + window]))
        return out

    def _tag(self, sentences: list[tuple[Sequence[str], list[Token]]],
             only: Optional[set[int]] = None) -> list[list[str]]:
        features = self.features.document(sentences, only)
        return [self.tagger.tag(f) if f else [] for f in features]

    def entities(self, doc: Any, only: Optional[set[int]] = None) -> list[Entity]:
        """Entities of a Doc that has been through the text stage (tokens and sentences);
        the whole Doc is the document context. ``only``: tag just these sentences (indices
        into ``doc.sentences``), for speed."""
        text, tokens = doc.text, doc.tokens
        sentences = [([text[t.start:t.end] for t in tokens[s.first:s.last]], tokens[s.first:s.last])
                     for s in doc.sentences]
        out: list[Entity] = []
        for s, tags in zip(doc.sentences, self._tag(sentences, only)):
            for a, b, label in spans(tags):
                first, last = s.first + a, s.first + b
                start, end = doc.tokens[first].start, doc.tokens[last - 1].end
                out.append(Entity(label, first, last, start, end, doc.text[start:end]))
        return out


@lru_cache(maxsize=1)
def default_model() -> NerModel:
    """The shipped model, loaded once per process."""
    return NerModel.load()
