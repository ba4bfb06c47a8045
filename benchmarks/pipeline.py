#!/usr/bin/env python3
"""Full-pipeline throughput and memory on corpus articles (one process, one core).

    python benchmarks/pipeline.py [--articles 2000] [--corpus ../shared/data/corpus/saudinewsnet.jsonl.gz]

Prints load time, articles/s, MB of text/s and peak resident memory. Reads the
research-only corpus from ../shared; exits with a message when it is absent.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from corpus import load_articles, parse_args


def main() -> int:
    a = parse_args(__doc__, articles=2000)
    records = load_articles(a.corpus, a.articles)
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
