#!/usr/bin/env python3
"""Throughput of the CRF named-entity tagger and entity linking on corpus articles.

    python benchmarks/ner.py [--articles 2000]

One process, so the figures are per core. Tokens are rasd's tokens. The text
layer (normalise, tokenise, split sentences) is timed apart from NER +
linking; both are reported as tokens per CPU-second (process time, which
other work on the machine does not inflate) and per wall-clock second, with
the peak resident memory of the process and the time to load the model.
Reads the research-only corpus from ../shared.
"""

from __future__ import annotations

import resource
import sys
import time
from collections import Counter

from corpus import load_articles, parse_args


def main() -> int:
    a = parse_args(__doc__, articles=2000)
    records = load_articles(a.corpus, a.articles)
    from rasd.ner.link import Linker
    from rasd.ner.model import default_model
    from rasd.text.normalize import normalize
    from rasd.text.segment import split_sentences, tokenize

    t0 = time.perf_counter()
    model = default_model()
    linker = Linker()
    load_s = time.perf_counter() - t0

    class Doc:  # the three layers NER reads; the full pipeline is benchmarked in pipeline.py
        __slots__ = ("text", "tokens", "sentences")

    text_cpu = ner_cpu = text_wall = ner_wall = 0.0
    tokens = 0
    labels: Counter = Counter()
    linked = 0
    for rec in records:
        c0, w0 = time.process_time(), time.perf_counter()
        doc = Doc()
        doc.text = rec["text"]
        view = normalize(doc.text)
        doc.tokens = tokenize(view)
        doc.sentences = split_sentences(view, doc.tokens)
        c1, w1 = time.process_time(), time.perf_counter()
        for e in model.entities(doc):
            labels[e.label] += 1
            linked += bool(linker.link(e, doc.tokens))
        c2, w2 = time.process_time(), time.perf_counter()
        text_cpu += c1 - c0
        ner_cpu += c2 - c1
        text_wall += w1 - w0
        ner_wall += w2 - w1
        tokens += len(doc.tokens)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(records)} articles, {tokens} tokens; one process; model load {load_s:.2f} s")
    print(f"NER + linking: {tokens / ner_cpu:,.0f} tokens per CPU-second ({tokens / ner_wall:,.0f} per wall second)")
    print(f"text layer + NER + linking: {tokens / (text_cpu + ner_cpu):,.0f} tokens per CPU-second")
    print(f"entities: {sum(labels.values())} ({', '.join(f'{k} {v}' for k, v in labels.most_common())}); "
          f"{linked} linked to the gazetteer or the actor registry")
    print(f"peak RSS {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
