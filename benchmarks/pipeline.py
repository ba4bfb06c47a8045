#!/usr/bin/env python3
"""Full-pipeline throughput and memory on corpus articles (one process, one core).

    python benchmarks/pipeline.py [--articles 2000] [--corpus ../shared/data/corpus/saudinewsnet.jsonl.gz]

Prints load time, articles/s, MB of text/s and peak resident memory. Reads the
research-only corpus from ../shared; exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/corpus/saudinewsnet.jsonl.gz")
    a = ap.parse_args()
    if not a.corpus.exists():
        print(f"corpus not found: {a.corpus}", file=sys.stderr)
        return 2
    records = []
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["text"].strip():
                records.append(rec)
            if len(records) >= a.articles:
                break
    import rasd

    t0 = time.perf_counter()
    nlp = rasd.load()
    nlp("تحميل")  # first call builds every lexicon
    load_s = time.perf_counter() - t0
    chars = sum(len(r["text"]) for r in records)
    nbytes = sum(len(r["text"].encode("utf-8")) for r in records)
    events = 0
    t0 = time.perf_counter()
    for r in records:
        events += len(nlp(r["text"], published=r["published"], title=r.get("title"), id=r["id"]).events)
    run_s = time.perf_counter() - t0
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {os.cpu_count()} cores; one process")
    print(f"load: {load_s:.2f} s")
    print(f"articles: {len(records)} ({chars / 1e6:.1f} M chars, {nbytes / 1e6:.1f} MB UTF-8), events: {events}")
    print(f"throughput: {len(records) / run_s:.1f} articles/s, {nbytes / 1e6 / run_s:.2f} MB/s")
    print(f"peak RSS: {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
