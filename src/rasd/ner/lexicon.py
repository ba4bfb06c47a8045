"""Word lists learned from labelled sentences: which word stems are mostly
part of a person, place, organisation or other name.

A name seen in training ("أينشتاين", "السنيورة") is strong evidence when it
comes back with other clitics or in another sentence. The lists are keyed by
the most stripped clitic form, and a stem is listed for a type only when
most of its occurrences are inside entities, so ordinary words that
sometimes start a name (مجلس، جامعة) stay out.

Training must build the lists without the sentence being featurised
(``jackknife``), or the model would learn to trust a list that always agrees
with the gold.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from rasd.ner.features import word_tokens

#: A stem is listed for a type when at least this share of its occurrences is inside that type.
MIN_SHARE = 0.5


def build_word_lists(sentences: Sequence[tuple[list[str], list[str]]],
                     min_share: float = MIN_SHARE) -> dict[str, frozenset[str]]:
    """Stems that are mostly inside entities of each type, from (tokens, BIO tags) pairs."""
    total: Counter = Counter()
    inside: dict[str, Counter] = defaultdict(Counter)
    for words, tags in sentences:
        for tok, tag in zip(word_tokens(words), tags):
            if tok.kind != "ar":
                continue
            stem = tok.forms[-1]
            total[stem] += 1
            if tag != "O":
                inside[tag.split("-", 1)[1].lower()][stem] += 1
    return {label: frozenset(s for s, c in counts.items() if c / total[s] >= min_share)
            for label, counts in sorted(inside.items())}


def jackknife(sentences: Sequence[tuple[list[str], list[str]]], folds: int = 5,
              min_share: float = MIN_SHARE) -> list[dict[str, frozenset[str]]]:
    """For each sentence, the word lists built from the other folds (contiguous blocks)."""
    n = len(sentences)
    out: list[dict[str, frozenset[str]]] = []
    for k in range(folds):
        lo, hi = n * k // folds, n * (k + 1) // folds
        lists = build_word_lists(list(sentences[:lo]) + list(sentences[hi:]), min_share)
        out.extend([lists] * (hi - lo))
    return out
