"""Entity-level scoring as CoNLL's ``conlleval`` does it.

An entity counts as correct only when its span and its type both match the
gold exactly. Chunks are read from the tags with conlleval's own rules
(B, I, E, O prefixes), so an ``I-X`` after ``O`` or after another type opens a new chunk,
and the figures here equal the Perl script's on the same columns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence


def _split(tag: str) -> tuple[str, str]:
    if tag == "O" or "-" not in tag:
        return "O", ""
    prefix, label = tag.split("-", 1)
    return prefix, label


def _ends(prev_p: str, prev_t: str, p: str, t: str) -> bool:
    """conlleval's endOfChunk: does a chunk end between the previous tag and this one?"""
    if (prev_p, p) in _END_PAIRS:
        return True
    return prev_p != "O" and prev_t != t


def _starts(prev_p: str, prev_t: str, p: str, t: str) -> bool:
    """conlleval's startOfChunk: does a chunk start at this tag?"""
    if (prev_p, p) in _START_PAIRS:
        return True
    return p != "O" and prev_t != t


# conlleval's tables (B, I, E, O prefixes; E closes a chunk).
_END_PAIRS = {("B", "B"), ("B", "O"), ("I", "B"), ("I", "O"), ("E", "E"), ("E", "I"), ("E", "O")}
_START_PAIRS = {("B", "B"), ("I", "B"), ("O", "B"), ("O", "I"), ("E", "E"), ("E", "I"), ("O", "E")}


def chunks(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities as (first, last + 1, type) from one sentence's tags."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    prev_p, prev_t = "O", ""
    for i, tag in enumerate(list(tags) + ["O"]):
        p, t = _split(tag)
        if start >= 0 and _ends(prev_p, prev_t, p, t):
            out.append((start, i, label))
            start = -1
        if _starts(prev_p, prev_t, p, t):
            start, label = i, t
        prev_p, prev_t = p, t
    return out


@dataclass
class Scores:
    """Counts and precision/recall/F1, overall and per entity type."""

    gold: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    tokens: int = 0
    tokens_correct: int = 0

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """(precision, recall, F1) for one type, or micro-averaged over all types."""
        if label is None:
            g, p, c = sum(self.gold.values()), sum(self.predicted.values()), sum(self.correct.values())
        else:
            g, p, c = self.gold[label], self.predicted[label], self.correct[label]
        precision = c / p if p else 0.0
        recall = c / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.gold) | set(self.predicted))

    def report(self) -> str:
        """A table like conlleval's."""
        lines = [f"tokens {self.tokens}, accuracy {self.tokens_correct / max(self.tokens, 1):.4f}; "
                 f"entities gold {sum(self.gold.values())}, predicted {sum(self.predicted.values())}, "
                 f"correct {sum(self.correct.values())}"]
        for label in [None] + self.labels:
            p, r, f = self.prf(label)
            lines.append(f"{label or 'overall':>8}: precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}")
        return "\n".join(lines)


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    """Entity-level scores of predicted tag sequences against gold ones (sentence by sentence)."""
    s = Scores()
    for g, p in zip(gold, predicted, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: gold {len(g)}, predicted {len(p)}")
        s.tokens += len(g)
        s.tokens_correct += sum(1 for a, b in zip(g, p) if a == b)
        gc, pc = set(chunks(g)), set(chunks(p))
        s.gold.update(c[2] for c in gc)
        s.predicted.update(c[2] for c in pc)
        s.correct.update(c[2] for c in gc & pc)
    return s
