"""Accuracy floor on the gold dev set, scored by the project's scorer (skips without ../shared).

These are regression floors, not targets: the issue-level targets are measured
and logged in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import jsonschema
import pytest

from test_example import SCHEMA

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


def _scorer():
    path = SCORER
    if not path.exists():
        pytest.skip(f"{path} not available (the scorer lives in ../shared)")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def predictions(nlp, gold_docs):
    return {g["id"]: nlp(g["text"], published=g.get("published"), title=g.get("title"), id=g["id"]).to_dict()
            for g in gold_docs}


def test_every_dev_document_is_predicted_and_valid(predictions, gold_docs):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for g in gold_docs:
        d = predictions[g["id"]]
        validator.validate(d)
        for layer in ("places", "actors", "quantities", "dates", "attributions"):
            for span in d[layer]:
                assert g["text"][span["start"]:span["end"]] == span["text"]


def test_dev_scores_meet_the_walking_skeleton_floor(predictions, gold_docs):
    metrics, _ = _scorer().score(gold_docs, predictions)
    assert metrics["documents_predicted"] == metrics["documents"]
    assert metrics["event_lenient"]["f1"] >= 0.35
    assert metrics["place_acc161"] >= 0.6


def test_corpus_outputs_validate(nlp, corpus_sample):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for rec in corpus_sample[:150]:
        d = nlp(rec["text"], published=rec["published"], title=rec.get("title"), id=rec["id"]).to_dict()
        validator.validate(d)
        for e in d["events"]:
            assert e["location"] is None or e["location"]["lat"] is not None
