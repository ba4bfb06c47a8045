#!/usr/bin/env python3
"""List gazetteer aliases that occur suspiciously often in the news corpus.

A place alias that is also a common word ("الأمن", "جنوب") floods extraction
with false places. This prints single- and two-token aliases by corpus
frequency, with the population of their largest entry, for a person to review
into ``src/rasd/knowledge/data/place_stoplist.txt``. Nothing is written.

    python scripts/place_stoplist_candidates.py [--corpus ../shared/data/corpus/saudinewsnet.jsonl.gz] [--articles 5000]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from rasd.knowledge.gazetteer import Gazetteer
from rasd.text.normalize import normalize
from rasd.text.segment import tokenize

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/corpus/saudinewsnet.jsonl.gz")
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--top", type=int, default=300)
    a = ap.parse_args()
    gaz = Gazetteer.load()
    counts: Counter = Counter()
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= a.articles:
                break
            toks = tokenize(normalize(json.loads(line)["text"]))
            for i, t in enumerate(toks):
                for form in t.forms:
                    if (form,) in gaz.matcher:
                        counts[(form,)] += 1
                        break
    for key, c in counts.most_common(a.top):
        ents = gaz.lookup(key[0])
        best = max(ents, key=lambda e: e.population)
        print(f"{c}\t{' '.join(key)}\t{best.feature}\t{best.country}\t{best.population}\t{best.name}")


if __name__ == "__main__":
    main()
