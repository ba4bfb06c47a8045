"""Longest-match lookup of phrase lexicons over tokens, clitic-aware.

One matcher serves the gazetteer, the actor registry and the trigger lexicon:
each is a mapping from a phrase (normalised token sequence) to payloads. The
first token of a phrase is tried in each of its clitic forms ("وبالباغوز" →
الباغوز); later tokens must match exactly, except that a pattern token written
with a trailing ``*`` matches any token form starting with it (اشتباك* →
اشتباكات).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Iterable, Optional, TypeVar

from rasd.text.normalize import norm
from rasd.text.segment import Token

T = TypeVar("T")


@dataclass
class Match(Generic[T]):
    first: int  # token range [first, last)
    last: int
    payloads: list[T]
    form: str  # the form of the first token that matched
    stripped: bool  # True when the first token matched only after removing clitics


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(norm(phrase).split())


class PhraseMatcher(Generic[T]):
    """Maps phrases to payloads and finds them in token sequences."""

    def __init__(self, strip_article: bool = True, use_stems: bool = False) -> None:
        #: when False, a token never matches through the form it has without ال:
        #: "السورية" (the adjective) must not match the country "سورية".
        self.strip_article = strip_article
        #: when True, a token's first word may also match without a pronoun suffix
        #: ("مقتله" → مقتل, "عناصرها" → عناصر), after all its proclitic forms
        self.use_stems = use_stems
        self.exact: dict[tuple[str, ...], list[T]] = {}
        self.prefixed: dict[str, list[tuple[tuple[str, ...], T]]] = {}  # first-token prefix → patterns
        self.lengths: dict[str, list[int]] = {}  # first token → phrase lengths, longest first
        self.prefix_sizes: list[int] = []  # lengths of the prefix keys, longest first
        self.max_len = 1
        self._last_words: Optional[frozenset[str]] = None

    def add(self, phrase: str | tuple[str, ...], payload: T) -> None:
        key = phrase if isinstance(phrase, tuple) else phrase_key(phrase)
        if not key:
            return
        self._last_words = None
        self.max_len = max(self.max_len, len(key))
        if any(p.endswith("*") for p in key):
            head = key[0].rstrip("*")
            self.prefixed.setdefault(head, []).append((key, payload))
            if len(head) not in self.prefix_sizes:
                self.prefix_sizes = sorted(self.prefix_sizes + [len(head)], reverse=True)
        else:
            bucket = self.exact.setdefault(key, [])
            if payload not in bucket:
                bucket.append(payload)
            sizes = self.lengths.setdefault(key[0], [])
            if len(key) not in sizes:
                sizes.append(len(key))
                sizes.sort(reverse=True)

    def add_all(self, items: Iterable[tuple[str, T]]) -> "PhraseMatcher[T]":
        for phrase, payload in items:
            self.add(phrase, payload)
        return self

    def last_words(self) -> Optional[frozenset[str]]:
        """The last word of every phrase, for a quick "can a phrase end here?" test
        before matching backwards; None when a prefix pattern makes it unknowable."""
        if self.prefixed:
            return None
        if self._last_words is None:
            self._last_words = frozenset(key[-1] for key in self.exact)
        return self._last_words

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return key in self.exact

    def get(self, key: tuple[str, ...]) -> list[T]:
        return self.exact.get(key, [])

    @staticmethod
    def _token_ok(pattern: str, tok: Token, first: bool, form: str) -> bool:
        word = form if first else tok.norm
        if pattern.endswith("*"):
            return word.startswith(pattern[:-1])
        return word == pattern

    def match_at(self, tokens: list[Token], i: int, stop: int, max_forms: int = 4) -> Optional[Match[T]]:
        """The longest phrase starting at tokens[i] (ends before ``stop``)."""
        tok = tokens[i]
        if not tok.is_word and tok.kind != "num":
            return None
        best: Optional[Match[T]] = None
        forms = tok.forms[:max_forms] + tok.stems if self.use_stems and tok.stems else tok.forms[:max_forms]
        for fi, form in enumerate(forms):
            if not self.strip_article and "ال" + form in tok.forms:
                continue
            for n in self.lengths.get(form, ()):
                if n > stop - i:
                    continue
                if best is not None and n <= best.last - best.first:
                    break
                key = (form,) + tuple(t.norm for t in tokens[i + 1:i + n])
                hit = self.exact.get(key)
                if hit:
                    best = Match(i, i + n, list(hit), form, fi > 0)
                    break
            if self.prefixed:
                for cut in self.prefix_sizes:
                    if cut > len(form):
                        continue
                    for key, payload in self.prefixed.get(form[:cut], ()):
                        n = len(key)
                        if i + n > stop or (best is not None and n <= best.last - best.first):
                            continue
                        if all(self._token_ok(key[k], tokens[i + k], k == 0, form) for k in range(n)):
                            best = Match(i, i + n, [payload], form, fi > 0)
            if best is not None:
                break
        return best

    def matches_at(self, tokens: list[Token], i: int, stop: int, max_forms: int = 4) -> list[Match[T]]:
        """Every phrase starting at tokens[i], of any length, through any clitic form."""
        tok = tokens[i]
        if not tok.is_word and tok.kind != "num":
            return []
        out: list[Match[T]] = []
        forms = tok.forms[:max_forms] + tok.stems if self.use_stems and tok.stems else tok.forms[:max_forms]
        for fi, form in enumerate(forms):
            if not self.strip_article and "ال" + form in tok.forms:
                continue
            for n in self.lengths.get(form, ()):
                if n <= stop - i:
                    hit = self.exact.get((form,) + tuple(t.norm for t in tokens[i + 1:i + n]))
                    if hit:
                        out.append(Match(i, i + n, list(hit), form, fi > 0))
            for cut in self.prefix_sizes:
                if cut > len(form):
                    continue
                for key, payload in self.prefixed.get(form[:cut], ()):
                    n = len(key)
                    if i + n <= stop and all(self._token_ok(key[k], tokens[i + k], k == 0, form) for k in range(n)):
                        out.append(Match(i, i + n, [payload], form, fi > 0))
        return out

    def find_all(self, tokens: list[Token], lo: int = 0, hi: Optional[int] = None) -> list[Match[T]]:
        """Every match in tokens[lo:hi], overlapping ones included (for lexicons where a
        shorter phrase can outrank a longer one, such as event triggers)."""
        hi = len(tokens) if hi is None else hi
        return [m for i in range(lo, hi) for m in self.matches_at(tokens, i, hi)]

    def find(self, tokens: list[Token], lo: int = 0, hi: Optional[int] = None) -> list[Match[T]]:
        """Non-overlapping longest matches, left to right."""
        hi = len(tokens) if hi is None else hi
        out: list[Match[T]] = []
        i = lo
        while i < hi:
            m = self.match_at(tokens, i, hi)
            if m is None:
                i += 1
            else:
                out.append(m)
                i = m.last
        return out
