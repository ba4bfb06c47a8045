"""The sample article end to end: the acceptance checks of the walking skeleton."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from rasd import geo

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src/rasd/schema/document.schema.json").read_text())


def km(a, lat, lon):
    return geo.km(a["lat"], a["lon"], lat, lon)


def test_output_validates_against_the_schema(example_doc):
    jsonschema.Draft202012Validator(SCHEMA).validate(example_doc.to_dict())


def test_every_span_points_at_its_text(example_doc, example_text):
    d = example_doc.to_dict()
    for layer in ("places", "actors", "quantities", "dates", "attributions"):
        for span in d[layer]:
            assert example_text[span["start"]:span["end"]] == span["text"], (layer, span)
    for e in d["events"]:
        assert 0 <= e["evidence"]["start"] < e["evidence"]["end"] <= len(example_text)
        t = e["trigger"]
        assert example_text[t["start"]:t["end"]] == t["text"]


def events(doc, sub_type):
    return [e for e in doc.events if e.sub_event_type == sub_type]


def test_agreement_at_baghouz_between_is_and_sdf(example_doc):
    ag = [e for e in events(example_doc, "Agreement")
          if e.location and km(e.location, 34.45, 40.94) <= 25]
    assert ag, [(e.sub_event_type, e.location) for e in example_doc.events]
    assert {ag[0].actor1, ag[0].actor2} == {"Islamic State", "Syrian Democratic Forces"}
    assert ag[0].date == "2019-02-26"


def test_displacement_with_trucks_and_people_per_truck(example_doc):
    disp = events(example_doc, "Displacement")
    assert disp
    quantities = {(q["low"], q["high"], q["unit"]) for e in disp for q in e.quantities}
    assert (27, 27, "truck") in quantities
    assert (20, 50, "person") in quantities
    assert any(e.location and km(e.location, 34.45, 40.94) <= 25 for e in disp)  # where they left from


def test_aid_delivery_convoy_into_kobani(example_doc):
    aid = events(example_doc, "Aid delivery")
    assert any(e.location and km(e.location, 36.89, 38.35) <= 25 for e in aid)


@pytest.mark.parametrize("surface,lat,lon", [
    ("الباغوز", 34.45, 40.94),
    ("مخيم الهول", 36.38, 41.15),
    ("الحسكة", 36.50, 40.75),
    ("دير الزور", 35.34, 40.14),
    ("عين العرب", 36.89, 38.35),
    ("كوباني", 36.89, 38.35),
])
def test_sample_places_geocoded_within_25_km(example_doc, surface, lat, lon):
    hits = [p for p in example_doc.places if p.text.startswith(surface) or surface in p.text]
    assert hits, surface
    assert all(km(p.to_dict(), lat, lon) <= 25 for p in hits), [(p.text, p.lat, p.lon) for p in hits]


def test_attributed_sources(example_doc):
    sources = [a.source for a in example_doc.attributions]
    assert "مصادر محلية" in sources
    assert any(s.startswith("الناشط") for s in sources)


def test_document_round_trips(example_doc, example_text):
    from rasd.document import Document

    d = example_doc.to_dict()
    again = Document.from_dict(d, text=example_text)
    assert again.to_dict() == d


def test_clauses_of_the_deal_are_terms_not_events(example_doc, example_text):
    clause = "ونص أيضاً على عدم إخضاع العوائل إلى التحقيق"
    ag = events(example_doc, "Agreement")[0]
    assert any(t.startswith(clause) for t in ag.terms)
    start = example_text.index(clause)
    assert not any(e.evidence["start"] == start for e in example_doc.events)


def test_section_headings_are_not_events(example_doc, example_text):
    heading = example_text.index("التحالف يواصل نقل المدنيين")
    assert not any(e.evidence["start"] == heading for e in example_doc.events)
