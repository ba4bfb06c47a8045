#!/usr/bin/env python3
"""Throughput of the text layer (normalise, segment, numbers, dates) on corpus articles.

    python benchmarks/text_layer.py [--articles 3000]

Reports MB of UTF-8 Arabic text per CPU-second of this process for each step and in
total (one process, so one core), and the wall-clock figure beside it: on a busy
machine the wall clock counts time spent waiting for a core, the CPU clock does not.
Reads the research-only corpus from ../shared.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from corpus import load_articles, parse_args


def main() -> int:
    a = parse_args(__doc__, articles=3000)
    records = load_articles(a.corpus, a.articles)
    from rasd.text.dates import find_dates
    from rasd.text.normalize import normalize
    from rasd.text.numbers import find_quantities
    from rasd.text.segment import split_sentences, tokenize

    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    find_quantities("تحميل", tokenize(normalize("تحميل")), 0, 1)  # load lexicons outside the timing
    find_dates("تحميل", tokenize(normalize("تحميل")), 0, 1, None)
    timings = {"normalise": 0.0, "segment": 0.0, "numbers": 0.0, "dates": 0.0}
    wall0 = time.perf_counter()
    for rec in records:
        text, published = rec["text"], dt.date.fromisoformat(rec["published"])
        t0 = time.process_time()
        view = normalize(text)
        t1 = time.process_time()
        tokens = tokenize(view)
        sentences = split_sentences(view, tokens)
        t2 = time.process_time()
        for s in sentences:
            find_quantities(text, tokens, s.first, s.last)
        t3 = time.process_time()
        for s in sentences:
            find_dates(text, tokens, s.first, s.last, published)
        t4 = time.process_time()
        for k, v in zip(timings, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            timings[k] += v
    total = sum(timings.values())
    wall = time.perf_counter() - wall0
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; one process; "
          f"{len(records)} articles, {mb:.1f} MB UTF-8")
    for k, v in timings.items():
        print(f"{k:>10}: {mb / v:6.2f} MB/s")
    print(f"{'total':>10}: {mb / total:6.2f} MB per CPU-second (one core); wall clock {mb / wall:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
