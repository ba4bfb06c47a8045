"""CRF features for Arabic named entities, one list of strings per token.

Arabic names hide behind clitics ("وبالقاهرة" is القاهرة), carry no
capitals, and are mostly recognised by the words around them (الرئيس،
مدينة، وكالة) and by lexicons. So each token gets: its raw and normalised
form, its clitic-stripped forms from rasd's tokenizer, prefixes and
suffixes, a shape, membership in rasd's gazetteer and actor registry (as
B/I of a longest phrase match, so multi-word names are covered), membership
in word lists shipped with the model, and the same for the words two to the
left and right. Within a document, a word repeated elsewhere also gets the
neighbours of its other occurrences (:func:`document_context`).

Features that depend on the word alone are computed once per distinct word
and cached: news repeats its vocabulary, and this keeps tagging fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from rasd.knowledge.gazetteer import Gazetteer
from rasd.text.matcher import PhraseMatcher
from rasd.text.normalize import norm
from rasd.text.segment import Token, clitic_forms

_ARABIC = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_DIGIT = re.compile(r"\d")

#: Offsets of the context window.
WINDOW = (-2, -1, 1, 2)

#: Gazetteer feature classes, coarse enough to generalise.
_PLACE_CLASS = {"country": "country", "admin1": "admin", "admin2": "admin", "admin3": "admin", "region": "admin"}


def word_kind(normalised: str) -> str:
    """rasd's token kinds (ar, num, lat, punct) for a normalised word that arrives as a string."""
    if _ARABIC.search(normalised):
        return "ar"
    if _DIGIT.search(normalised):
        return "num"
    if _LATIN.search(normalised):
        return "lat"
    return "punct"


def word_tokens(words: Sequence[str]) -> list[Token]:
    """rasd Tokens (normalised form, kind, clitic forms) for pre-split words such as a CoNLL column.

    Offsets are left at 0: only the forms matter to features and lexicon matching.
    """
    out = []
    for i, w in enumerate(words):
        n = norm(w).replace(" ", "_") or w
        kind = word_kind(n)
        forms = clitic_forms(n) if kind == "ar" else (n,)
        out.append(Token(i=i, start=0, end=0, nstart=0, nend=0, norm=n, kind=kind, forms=forms))
    return out


@dataclass
class Lexicons:
    """Everything the features look words up in.

    ``places`` and ``actors`` are rasd's phrase matchers (gazetteer aliases,
    registry aliases); ``stems`` and ``words`` map a list name (``per``,
    ``loc``…; ``names``) to the normalised entries of the lists shipped with
    the model.
    """

    places: Optional[PhraseMatcher] = None
    place_classes: list[str] = field(default_factory=list)  # per gazetteer entry index
    actors: Optional[PhraseMatcher] = None
    #: lists of clitic-stripped stems, matched through any clitic form (learned from training data)
    stems: dict[str, frozenset[str]] = field(default_factory=dict)
    #: lists of whole words, matched as written or after a conjunction و/ف (external name lists)
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_rasd(cls, gazetteer: Gazetteer, actors: PhraseMatcher,
                  stems: Optional[dict[str, frozenset[str]]] = None,
                  words: Optional[dict[str, frozenset[str]]] = None) -> "Lexicons":
        classes = [_PLACE_CLASS.get(e.feature, "place") for e in gazetteer.entries]
        return cls(gazetteer.matcher, classes, actors, dict(stems or {}), dict(words or {}))


class FeatureExtractor:
    """Token sequences → CRF feature lists; caches what depends on the word alone."""

    #: Words whose features are kept, about 3.5 KB each. News vocabulary is Zipfian: the most
    #: frequent words fill the cache early and make most of the tokens; the rest are recomputed.
    #: 10,000 words: +35 MB and 94% of the speed of an unbounded cache (2,000 corpus articles).
    CACHE_SIZE = 10_000

    def __init__(self, lexicons: Lexicons, cache_size: int = CACHE_SIZE):
        self.lex = lexicons
        self._word: dict[str, tuple[tuple[str, ...], dict[int, tuple[str, ...]]]] = {}
        self._cache_size = cache_size
        self._stems = sorted(lexicons.stems.items())
        self._words = sorted(lexicons.words.items())

    # ------------------------------------------------------------ per word

    def _word_features(self, raw: str, tok: Token) -> tuple[tuple[str, ...], dict[int, tuple[str, ...]]]:
        key = raw + "\t" + tok.norm
        hit = self._word.get(key)
        if hit is not None:
            return hit
        n = tok.norm
        forms = tok.forms
        stem = forms[-1]
        f = ["b", "w=" + raw, "n=" + n, "k=" + tok.kind]
        if tok.kind == "ar":
            for form in forms[1:]:
                f.append("f=" + form)
            f.append("st=" + stem)
            if len(n) > len(stem):
                f.append("cl=" + n[:len(n) - len(stem)])
            f.append("len=" + str(min(len(stem), 9)))
            for k in (1, 2, 3, 4):
                if len(n) > k:
                    f.append(f"p{k}={n[:k]}")
                    f.append(f"s{k}={n[-k:]}")
                if len(stem) > k + 1:
                    f.append(f"sp{k}={stem[:k]}")
                    f.append(f"ss{k}={stem[-k:]}")
        elif tok.kind == "lat":
            f.append("cap" if raw[:1].isupper() else "low")
        elif tok.kind == "num":
            f.append("num=" + re.sub(r"\d", "0", n)[:6])
        else:
            f.append("pu=" + n)
        ctx_atoms = ["n=" + n, "k=" + tok.kind]
        if tok.kind == "ar" and stem != n:
            ctx_atoms.append("st=" + stem)
        for name, stems in self._stems:
            if any(form in stems for form in forms):
                f.append("L=" + name)
                ctx_atoms.append("L=" + name)
        if self._words and tok.kind == "ar":
            bare = n[1:] if n[0] in "وف" and len(n) > 3 else n
            for name, words in self._words:
                if n in words or bare in words:
                    f.append("W=" + name)
                    ctx_atoms.append("W=" + name)
        ctx = {d: tuple(f"{d}{a}" for a in ctx_atoms) for d in WINDOW}
        out = (tuple(f), ctx)
        if len(self._word) < self._cache_size:
            self._word[key] = out
        return out

    # ------------------------------------------------------------ per sentence

    def _phrase_tags(self, tokens: list[Token], lo: int, hi: int) -> list[list[str]]:
        """B/I tags of the longest gazetteer and registry matches, per token."""
        tags: list[list[str]] = [[] for _ in range(hi - lo)]
        lex = self.lex
        if lex.places is not None:
            for m in lex.places.find(tokens, lo, hi):
                cls = lex.place_classes[m.payloads[0]] if lex.place_classes else "place"
                tags[m.first - lo].append("gB=" + cls)
                for j in range(m.first + 1, m.last):
                    tags[j - lo].append("gI")
        if lex.actors is not None:
            for m in lex.actors.find(tokens, lo, hi):
                kind = getattr(m.payloads[0], "kind", "actor")
                tags[m.first - lo].append("aB=" + kind)
                for j in range(m.first + 1, m.last):
                    tags[j - lo].append("aI")
        return tags

    def sentence(self, raws: Sequence[str], tokens: list[Token], lo: int = 0,
                 hi: Optional[int] = None) -> list[list[str]]:
        """Features of tokens[lo:hi] (one sentence); ``raws[k]`` is the original text of tokens[lo + k]."""
        hi = len(tokens) if hi is None else hi
        words = [self._word_features(raws[i - lo], tokens[i]) for i in range(lo, hi)]
        phrase = self._phrase_tags(tokens, lo, hi)
        size = hi - lo
        out: list[list[str]] = []
        for i in range(size):
            feats = list(words[i][0])
            feats.extend(phrase[i])
            for d in WINDOW:
                j = i + d
                if 0 <= j < size:
                    feats.extend(words[j][1][d])
                    for t in phrase[j]:
                        feats.append(f"{d}{t}")
                elif j == -1:
                    feats.append("BOS")
                elif j == size:
                    feats.append("EOS")
            if i > 0:
                feats.append("bg-=" + tokens[lo + i - 1].norm + "|" + tokens[lo + i].norm)
            if i + 1 < size:
                feats.append("bg+=" + tokens[lo + i].norm + "|" + tokens[lo + i + 1].norm)
            out.append(feats)
        return out

    def words(self, words: Sequence[str]) -> list[list[str]]:
        """Features of one sentence given as strings (a CoNLL sentence), without document context."""
        return self.sentence(words, word_tokens(words))

    def document(self, sentences: Sequence[tuple[Sequence[str], list[Token]]],
                 only: Optional[set[int]] = None) -> list[list[list[str]]]:
        """Features of each (raw texts, tokens) sentence of one document, document context included
        (``only``: the indices of the sentences wanted; the others get none, but still lend
        their words to the document context)."""
        out = [self.sentence(raws, tokens) if only is None or k in only else []
               for k, (raws, tokens) in enumerate(sentences)]
        for feats, extra in zip(out, document_context([tokens for _, tokens in sentences])):
            for f, e in zip(feats, extra):
                if e:
                    f.extend(e)
        return out


#: Words occurring more often than this in a document are too common to tell about each other.
MAX_OCCURRENCES = 30


def document_context(sentences: Sequence[Sequence[Token]],
                     max_occurrences: int = MAX_OCCURRENCES) -> list[list[list[str]]]:
    """For each token, the neighbours of the other occurrences of its stem in the document.

    A name is introduced once with a telling context ("الرئيس الفرنسي جاك
    شيراك", "مدينة بلنسية") and then repeated bare; the words around its other
    mentions are evidence for the bare ones. Each Arabic token whose stem
    occurs 2 to ``max_occurrences`` times gets ``dl=``/``dr=`` features naming
    the stems just left and right of its other occurrences, and ``drep``.
    """
    occurrences: dict[str, list[tuple[int, int]]] = {}
    for s, tokens in enumerate(sentences):
        for i, t in enumerate(tokens):
            if t.kind == "ar" and len(t.forms[-1]) >= 3:
                occurrences.setdefault(t.forms[-1], []).append((s, i))
    out: list[list[list[str]]] = [[[] for _ in tokens] for tokens in sentences]
    for places in occurrences.values():
        if not 2 <= len(places) <= max_occurrences:
            continue
        left = [sentences[s][i - 1].forms[-1] if i > 0 else "BOS" for s, i in places]
        right = [sentences[s][i + 1].forms[-1] if i + 1 < len(sentences[s]) else "EOS" for s, i in places]
        for k, (s, i) in enumerate(places):
            others = range(len(places))
            feats = {"dl=" + left[j] for j in others if j != k} | {"dr=" + right[j] for j in others if j != k}
            out[s][i] = sorted(feats) + ["drep"]
    return out
