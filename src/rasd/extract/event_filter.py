"""Is a triggered sentence a report of an event? A small linear classifier.

The trigger lexicon is built for recall: "هجوم" also attacks a football
defence, "الاتفاق" also names a deal signed years ago, and a statistic of
"26350 غارة" is not a strike. Rules catch the clear cases (negation, plans,
purpose clauses); this filter weighs the rest from the words around the
trigger, the sentence's words and the shape of its other layers (a date, a
count of dead, a place, an actor).

It is an averaged perceptron over sparse binary features, trained by
``scripts/train_event_filter.py`` on labelled sentences (the silver sentence
set and the project's own labelled corpus sentences) and shipped as a JSON
file of weights in ``knowledge/data/``. Scoring is a sum of weights: no
dependency, microseconds per sentence.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from rasd.document import Doc
from rasd.knowledge import data_path
from rasd.text.segment import Sentence

#: Words around the trigger that the features look at, each side.
WINDOW = 3
FILTER_FILE = "event_filter.json.gz"


def features(doc: Doc, sent: Sentence, first: int, last: int, subtype: str, event_type: str) -> list[str]:
    """Sparse binary features of a sentence and its chosen trigger tokens [first, last)."""
    toks = doc.tokens
    words = [t.forms[-1] for t in toks[sent.first:sent.last] if t.is_word]
    out = ["bias", f"type={event_type}", f"sub={subtype}"]
    trigger = " ".join(t.forms[-1] if k == first else t.norm for k, t in enumerate(toks[first:last], first))
    out.append(f"trig={trigger}")
    out.append(f"trig_def={toks[first].norm.startswith(('ال', 'وال', 'بال', 'لل'))}")
    for k in range(1, WINDOW + 1):
        if first - k >= sent.first:
            out.append(f"L{k}={toks[first - k].forms[-1]}")
            out.append(f"Lb={toks[first - k].forms[-1]}")
        if last - 1 + k < sent.last:
            out.append(f"R{k}={toks[last - 1 + k].forms[-1]}")
            out.append(f"Rb={toks[last - 1 + k].forms[-1]}")
    out.extend(f"w={w}" for w in set(words))
    out.extend(f"bi={a}_{b}" for a, b in set(zip(words, words[1:])))
    start, end = toks[sent.first].start, toks[sent.last - 1].end
    inside = lambda x: start <= x.start and x.end <= end  # noqa: E731
    quantities = [q for q in doc.quantities if inside(q)]
    out.extend(f"qty={q.category}" for q in quantities)
    out.extend(f"date={d.time_precision}" for d in doc.dates if inside(d))
    places = [p for p in doc.places if inside(p)]
    out.append(f"places={min(len(places), 3)}")
    out.extend(f"place_prec={p.geo_precision}" for p in places)
    actors = [a for a in doc.actors if inside(a)]
    out.extend(f"actor_inter={a.inter}" for a in actors)
    out.append(f"actors={min(len(actors), 3)}")
    out.append(f"attributed={any(inside(x) for x in doc.attributions)}")
    out.append(f"len={min(len(words) // 10, 6)}")
    out.append(f"position={min(first - sent.first, 30) // 5}")
    return out


@dataclass
class EventFilter:
    weights: dict[str, float]
    threshold: float
    trained_on: str

    def score(self, feats: list[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)

    def keep(self, feats: list[str]) -> bool:
        return self.score(feats) >= self.threshold

    def save(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump({"threshold": self.threshold, "trained_on": self.trained_on,
                       "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-4}},
                      f, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Optional[Path] = None) -> "EventFilter":
        with gzip.open(path or data_path(FILTER_FILE), "rt", encoding="utf-8") as f:
            d = json.load(f)
        return cls(weights=d["weights"], threshold=float(d["threshold"]), trained_on=d.get("trained_on", ""))


@lru_cache(maxsize=1)
def default_filter() -> Optional[EventFilter]:
    """The shipped filter; None only while it has not been trained yet (a fresh checkout
    that lost its data file is an error the tests catch, not a silent pass)."""
    path = data_path(FILTER_FILE)
    return EventFilter.load(path) if path.exists() else None


def train(examples: list[tuple[list[str], bool]], epochs: int = 12, seed: int = 13) -> dict[str, float]:
    """Averaged perceptron weights for examples of (features, is_event)."""
    import random

    rng = random.Random(seed)
    w: dict[str, float] = {}
    total: dict[str, float] = {}
    stamp: dict[str, int] = {}
    c = 1
    order = list(range(len(examples)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = examples[i]
            margin = sum(w.get(f, 0.0) for f in feats)
            if (margin >= 0) != y:
                delta = 1.0 if y else -1.0
                for f in feats:
                    total[f] = total.get(f, 0.0) + (c - stamp.get(f, 0)) * w.get(f, 0.0)
                    stamp[f] = c
                    w[f] = w.get(f, 0.0) + delta
            c += 1
    for f in w:
        total[f] = total.get(f, 0.0) + (c - stamp.get(f, 0)) * w[f]
    return {f: v / c for f, v in total.items() if v}
