#!/usr/bin/env python3
"""Event detection and typing per sub-event type on held-out labelled corpus sentences.

    python benchmarks/event_sentences.py [--all]

Reads tests/data/event_sentences.tsv (the project's own labels on SaudiNewsNet
sentences, see its .md). The shipped event filter learned from every row, so by
default this trains a filter without the odd ids (scripts/train_event_filter.py,
a few seconds) and scores the odd ids with it: held-out figures. --all scores
every row with the shipped filter (optimistic). Each sentence runs through the whole pipeline alone,
with its publication date. Per sub-event type: how many labelled sentences of the
type get an event of that type (recall), and how many predicted events of the type
are right (precision); for negatives, the share that yields no event at all.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "event_sentences.tsv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="score every row with the shipped filter (optimistic)")
    a = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 2
    from rasd.extract.events import EventStage
    from rasd.pipeline import Pipeline

    nlp = Pipeline()
    if not a.all:
        sys.path.insert(0, str(ROOT / "scripts"))
        from train_event_filter import train_filter

        held_out = train_filter(ROOT.parent / "shared", hold_out=True, verbose=False)
        nlp.stages = [s if s.name != "events" else EventStage(filter=held_out) for s in nlp.stages]
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if a.all or int(r["id"].lstrip("e")) % 2 == 1]
    gold_n: Counter = Counter()
    hit: Counter = Counter()
    pred_n: Counter = Counter()
    pred_ok: Counter = Counter()
    neg_n = neg_clean = 0
    by_modality: Counter = Counter()
    by_modality_clean: Counter = Counter()
    t0 = time.perf_counter()
    for r in rows:
        types = {e.sub_event_type for e in nlp(r["sentence"], published=r["published"]).events}
        want = r["sub_event_type"]
        for t in types:
            pred_n[t] += 1
            pred_ok[t] += t == want
        if want == "none":
            neg_n += 1
            neg_clean += not types
            by_modality[r["modality"]] += 1
            by_modality_clean[r["modality"]] += not types
        else:
            gold_n[want] += 1
            hit[want] += want in types
    took = time.perf_counter() - t0
    print(f"{len(rows)} sentences ({'all' if a.all else 'held-out odd ids'}), {took:.1f} s")
    print(f"{'sub-event type':40} {'gold':>5} {'recall':>7} {'pred':>5} {'precision':>9}")
    for t in sorted(set(gold_n) | set(pred_n), key=lambda t: -gold_n[t]):
        rec = f"{hit[t] / gold_n[t]:.2f}" if gold_n[t] else "-"
        prec = f"{pred_ok[t] / pred_n[t]:.2f}" if pred_n[t] else "-"
        print(f"{t:40} {gold_n[t]:5d} {rec:>7} {pred_n[t]:5d} {prec:>9}")
    pos = sum(gold_n.values())
    print(f"events: recall {sum(hit.values()) / pos:.3f} over {pos}; "
          f"precision {sum(pred_ok.values()) / max(1, sum(pred_n.values())):.3f} over {sum(pred_n.values())} predicted")
    print(f"negatives with no event: {neg_clean}/{neg_n} ({neg_clean / max(1, neg_n):.3f}); by kind: "
          + ", ".join(f"{k} {by_modality_clean[k]}/{n}" for k, n in by_modality.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
