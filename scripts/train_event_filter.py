#!/usr/bin/env python3
"""Train the event filter (rasd.extract.event_filter) from labelled sentences.

    python scripts/train_event_filter.py [--shared ../shared] [--out src/rasd/knowledge/data/event_filter.json.gz]

Training data, each sentence run through rasd's own layers up to its chosen trigger:
- ../shared/data/sentences/event_sentences.jsonl: silver sentences with their events, or
  none (a negative with its reason);
- tests/data/event_sentences.tsv, when present: the project's own labelled corpus sentences
  (sub_event_type, or "none" for a negative). The shipped filter learns from all of them;
  benchmarks/event_sentences.py --holdout trains one without the odd ids to score those.
A sentence counts only when the trigger lexicon fires on it (the filter judges triggered
sentences). Five-fold cross-validation, grouped by article so that no article is on both
sides, prints recall of event sentences and the share of negatives kept; the threshold is
set on those folds so that RECALL_TARGET of the event sentences pass. Deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.extract.event_filter import FILTER_FILE, EventFilter, features, train  # noqa: E402
from rasd.extract.events import sentence_trigger  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

#: Share of event sentences the threshold must let through on held-out folds.
RECALL_TARGET = 0.95
FOLDS = 5


def labelled(shared: Path, hold_out: bool = False) -> list[tuple[str, str, str, bool]]:
    """(group, published, sentence, is_event) from every source present; with ``hold_out``,
    without the odd ids of the project's own sentences (benchmarks/event_sentences.py)."""
    out = []
    silver = shared / "data" / "sentences" / "event_sentences.jsonl"
    if silver.exists():
        for line in silver.open(encoding="utf-8"):
            r = json.loads(line)
            out.append((r["article_id"], r["published"], r["sentence"], bool(r["events"])))
    for r in own_sentences(odd=False if hold_out else None):
        out.append((r["article_id"], r["published"], r["sentence"], r["sub_event_type"] != "none"))
    return out


def own_sentences(odd: bool | None = None) -> list[dict]:
    """The project's labelled corpus sentences (tests/data/event_sentences.tsv): all of them,
    or only the odd (``odd=True``) or even (``odd=False``) ids."""
    own = ROOT / "tests" / "data" / "event_sentences.tsv"
    if not own.exists():
        return []
    with own.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if odd is None or (int(r["id"].lstrip("e")) % 2 == 1) == odd]


def examples(rows: list[tuple[str, str, str, bool]]) -> list[tuple[str, list[str], bool]]:
    nlp = Pipeline()
    nlp.stages = [s for s in nlp.stages if s.name != "events"]
    out = []
    for group, published, sentence, is_event in rows:
        doc = nlp(sentence, published=published)
        best = None
        for sent in doc.sentences:
            cand, _ = sentence_trigger(doc, sent)
            if cand is not None and (best is None or cand.subtype.priority > best[1].subtype.priority):
                best = (sent, cand)
        if best is None:
            continue
        sent, c = best
        out.append((group, features(doc, sent, c.first, c.last, c.subtype.name, c.subtype.event_type), is_event))
    return out


def cross_validate(data: list[tuple[str, list[str], bool]], seed: int = 13) -> list[tuple[float, bool]]:
    """Held-out margins of every example, folds grouped by article."""
    groups = sorted({g for g, _, _ in data})
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    scored = []
    for k in range(FOLDS):
        w = train([(f, y) for g, f, y in data if fold_of[g] != k], seed=seed)
        for g, f, y in data:
            if fold_of[g] == k:
                scored.append((sum(w.get(x, 0.0) for x in f), y))
    return scored


def train_filter(shared: Path, hold_out: bool = False, verbose: bool = True, seed: int = 13) -> EventFilter:
    """Train on every labelled source (``hold_out``: not on the odd ids of the project's own
    sentences), with the threshold set by grouped cross-validation. ``seed`` orders the
    perceptron's passes (benchmarks average over several: one seed's threshold moves
    held-out precision by a few points)."""
    rows = labelled(shared, hold_out)
    if not rows:
        raise FileNotFoundError(f"no labelled sentences found under {shared} or tests/data")
    data = examples(rows)
    pos = sum(1 for _, _, y in data if y)
    scored = sorted(cross_validate(data, seed), key=lambda x: x[0])
    margins = sorted(m for m, y in scored if y)
    threshold = margins[int((1 - RECALL_TARGET) * len(margins))]
    if verbose:
        kept_neg = sum(1 for m, y in scored if not y and m >= threshold)
        kept_pos = sum(1 for m, y in scored if y and m >= threshold)
        print(f"{len(rows)} labelled sentences; {len(data)} with a trigger ({pos} events, {len(data) - pos} not)")
        print(f"held-out ({FOLDS} folds by article): threshold {threshold:.3f} keeps {kept_pos}/{pos} events "
              f"({kept_pos / pos:.3f}) and {kept_neg}/{len(data) - pos} non-events "
              f"({kept_neg / max(1, len(data) - pos):.3f})")
    sources = "silver event_sentences.jsonl + " + ("even ids of " if hold_out else "") + "tests/data/event_sentences.tsv"
    return EventFilter(train([(f, y) for _, f, y in data], seed=seed), threshold,
                       f"{sources}: {len(data)} triggered sentences")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "rasd" / "knowledge" / "data" / FILTER_FILE)
    a = ap.parse_args()
    t0 = time.perf_counter()
    try:
        f = train_filter(a.shared)
    except FileNotFoundError as e:
        print(e, file=sys.stderr)
        return 2
    f.save(a.out)
    print(f"wrote {a.out} ({a.out.stat().st_size / 1024:.0f} KB, {len(f.weights)} weights) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
