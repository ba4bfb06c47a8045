"""Shared by the benchmark scripts: command-line options and corpus loading.

The corpus (SaudiNewsNet, research use only) is read from ../shared; a
benchmark exits with status 2 and a message when it is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared/data/corpus/saudinewsnet.jsonl.gz"


def parse_args(doc: str, articles: int) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--articles", type=int, default=articles, help=f"how many non-empty articles (default {articles})")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus, JSON Lines (gzip)")
    return ap.parse_args()


def load_articles(path: Path, n: int) -> list[dict]:
    """The first ``n`` non-empty articles, or exit with status 2 when the corpus is missing."""
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        sys.exit(2)
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["text"].strip():
                out.append(rec)
            if len(out) >= n:
                break
    return out
