#!/usr/bin/env python3
"""Event detection and typing per sub-event type on held-out labelled corpus sentences.

    python benchmarks/event_sentences.py [--all] [--seeds N]

Reads tests/data/event_sentences.tsv (the project's own labels on SaudiNewsNet
sentences, see its .md). The shipped event filter learned from every row, so by
default this trains a filter without the odd ids (scripts/train_event_filter.py,
a few seconds) and scores the odd ids with it: held-out figures; --seeds N
repeats that with N training seeds and reports their mean (compare changes this way). --all scores
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


def score(nlp, rows: list[dict]) -> dict[str, Counter]:
    """Per sub-event type: gold, hit, predicted and right counts; negatives by modality."""
    c: dict[str, Counter] = {k: Counter() for k in ("gold", "hit", "pred", "ok", "neg", "neg_clean")}
    for r in rows:
        types = {e.sub_event_type for e in nlp(r["sentence"], published=r["published"]).events}
        want = r["sub_event_type"]
        for t in types:
            c["pred"][t] += 1
            c["ok"][t] += t == want
        if want == "none":
            c["neg"][r["modality"]] += 1
            c["neg_clean"][r["modality"]] += not types
        else:
            c["gold"][want] += 1
            c["hit"][want] += want in types
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="score every row with the shipped filter (optimistic)")
    ap.add_argument("--seeds", type=int, default=1,
                    help="held-out: train the filter with this many seeds and report each and their mean "
                         "(one seed's threshold moves precision by a few points; default 1)")
    a = ap.parse_args()
    if not DATA.exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 2
    from rasd.extract.events import EventStage
    from rasd.pipeline import Pipeline

    with DATA.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                if a.all or int(r["id"].lstrip("e")) % 2 == 1]
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_event_filter import train_filter

    nlp = Pipeline()
    runs: list[dict[str, Counter]] = []
    t0 = time.perf_counter()
    for seed in ([None] if a.all else range(13, 13 + max(1, a.seeds))):
        if seed is not None:
            held_out = train_filter(ROOT.parent / "shared", hold_out=True, verbose=False, seed=seed)
            nlp.stages = [s if s.name != "events" else EventStage(filter=held_out) for s in nlp.stages]
        runs.append(score(nlp, rows))
        if len(runs) > 1 or a.seeds > 1:
            c = runs[-1]
            print(f"seed {seed}: recall {sum(c['hit'].values()) / sum(c['gold'].values()):.3f}, "
                  f"precision {sum(c['ok'].values()) / max(1, sum(c['pred'].values())):.3f}")
    took = time.perf_counter() - t0
    total = {k: sum((r[k] for r in runs), Counter()) for k in runs[0]}
    print(f"{len(rows)} sentences ({'all' if a.all else 'held-out odd ids'}), {len(runs)} filter(s), {took:.1f} s")
    print(f"{'sub-event type':40} {'gold':>5} {'recall':>7} {'pred':>5} {'precision':>9}")
    gold_n, hit, pred_n, ok = total["gold"], total["hit"], total["pred"], total["ok"]
    n = len(runs)
    for t in sorted(set(gold_n) | set(pred_n), key=lambda t: -gold_n[t]):
        rec = f"{hit[t] / gold_n[t]:.2f}" if gold_n[t] else "-"
        prec = f"{ok[t] / pred_n[t]:.2f}" if pred_n[t] else "-"
        print(f"{t:40} {gold_n[t] // n:5d} {rec:>7} {pred_n[t] / n:5.0f} {prec:>9}")
    pos = sum(gold_n.values())
    print(f"events: recall {sum(hit.values()) / pos:.3f} over {pos // n}; "
          f"precision {sum(ok.values()) / max(1, sum(pred_n.values())):.3f} over {sum(pred_n.values()) / n:.0f} predicted"
          + (f" (mean of {n} seeds)" if n > 1 else ""))
    neg, clean = total["neg"], total["neg_clean"]
    print(f"negatives with no event: {sum(clean.values()) / max(1, sum(neg.values())):.3f} of {sum(neg.values()) // n}; "
          "by kind: " + ", ".join(f"{k} {clean[k] / n:.0f}/{m // n}" for k, m in neg.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
