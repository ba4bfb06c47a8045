"""Shared fixtures. Research-only data (the gold set, the corpus) is read from
../shared when present; tests that need it skip cleanly when it is absent."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
EXAMPLE = ROOT / "examples" / "baghouz-2019-02-26.txt"


@pytest.fixture(scope="session")
def nlp():
    import rasd

    return rasd.load()


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_doc(nlp, example_text):
    return nlp(example_text, title=example_text.split("\n", 1)[0], id="baghouz-2019-02-26")


def shared_path(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not available (research-only data lives in ../shared)")
    return p


@pytest.fixture(scope="session")
def gold_docs() -> list[dict]:
    with shared_path("gold", "dev.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def corpus_sample() -> list[dict]:
    """The first 300 non-empty corpus articles."""
    out = []
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["text"].strip():
                out.append(rec)
            if len(out) >= 300:
                break
    return out
