"""Search (Arabic-aware full text + filters) and every export, opened by the library its users use:
csv and pandas for ACLED CSV, GDAL (pyogrio) for GeoJSON, pandas/pyarrow for Parquet, json for JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import json
import struct

import pytest

from rasd.cli import main
from rasd.store import Query
from rasd.store.extraction import extract
from rasd.store.records import ArticleIn
from store_fixtures import db_url, nlp_loaded, store  # noqa: F401 (pytest fixtures)
from store_samples import AID_A, PROTEST, PUBLISHED, STRIKE_A, STRIKE_B

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]


@pytest.fixture
def filled(store, nlp_loaded):
    for text, outlet, day in ((STRIKE_A, "outlet-a", PUBLISHED), (STRIKE_B, "outlet-b", PUBLISHED),
                              (AID_A, "outlet-a", PUBLISHED), (PROTEST, "outlet-c", "2019-04-02")):
        a = ArticleIn(text=text, title=text.split("\n", 1)[0], published=day, outlet=outlet, url=f"http://{outlet}/x")
        assert store.save(a, extract(nlp_loaded, a)) == "new"
    return store


def _types(events):
    return sorted(e.sub_event_type for e in events)


def test_search_handles_clitics_normalisation_and_english_names(filled):
    assert _types(filled.search_events(Query(text="معرة النعمان"))) == ["Air/drone strike"]
    assert _types(filled.search_events(Query(text="بمعرة"))) == ["Air/drone strike"]      # preposition typed
    assert _types(filled.search_events(Query(text="والرقة"))) == ["Peaceful protest"]     # text has "الرقة"
    assert _types(filled.search_events(Query(text="الرقّة"))) == ["Peaceful protest"]     # with a shadda
    assert _types(filled.search_events(Query(text="مخيم الهول"))) == ["Aid delivery"]
    strike = filled.search_events(Query(text="بمعرة"))[0]
    english = strike.location_name.split()[-1]                                          # the resolved name
    assert _types(filled.search_events(Query(text=english))) == ["Air/drone strike"]
    assert filled.search_events(Query(text="الرقة مخيم")) == []                          # all words must occur
    assert [a.title for a in filled.search_articles(Query(text="ناشطون"))] == ["مقتل خمسة بقصف جوي في إدلب"]
    with pytest.raises(ValueError, match="no searchable word"):
        filled.search_events(Query(text="!!"))


def test_search_filters(filled):
    assert _types(filled.search_events(Query(country="SY"))) == ["Aid delivery", "Air/drone strike",
                                                                 "Peaceful protest"]
    assert _types(filled.search_events(Query(start=dt.date(2019, 4, 1)))) == ["Peaceful protest"]
    assert _types(filled.search_events(Query(end=dt.date(2019, 3, 31)))) == ["Aid delivery", "Air/drone strike"]
    assert _types(filled.search_events(Query(event_type="Protests"))) == ["Peaceful protest"]
    assert _types(filled.search_events(Query(event_type="air/drone strike"))) == ["Air/drone strike"]
    assert _types(filled.search_events(Query(admin1="Idlib"))) == ["Air/drone strike"]
    assert _types(filled.search_events(Query(actor="united nations"))) == ["Aid delivery"]
    assert _types(filled.search_events(Query(min_sources=2))) == ["Air/drone strike"]
    assert _types(filled.search_events(Query(outlet="outlet-b"))) == ["Air/drone strike"]
    assert filled.search_events(Query(country="IQ")) == []
    assert {a.outlet for a in filled.search_articles(Query(event_type="Air/drone strike"))} == {"outlet-a",
                                                                                               "outlet-b"}


def test_search_cli(filled, db_url, capsys):
    assert main(["search", "معرة", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "Air/drone strike (Explosions/Remote violence)" in out and "sources: 2 (2 independent)" in out
    assert "- outlet-a 2019-03-10" in out and "fatalities 3" in out
    assert main(["search", "--country", "SY", "--format", "jsonl", "--db", db_url]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3 and all(r["country"] == "SY" for r in rows)
    assert main(["search", "كابول", "--db", db_url]) == 1
    with pytest.raises(SystemExit) as e:
        main(["search", "--from", "2019-13-01", "--db", db_url])
    assert e.value.code == 2


def _export(db_url, fmt, tmp_path, *where):
    out = tmp_path / f"events.{fmt}"
    args = ["export", "--format", fmt, "--out", str(out), "--db", db_url]
    for w in where:
        args += ["--where", w]
    assert main(args) == 0
    return out


def test_acled_csv_field_by_field(filled, db_url, tmp_path, capsys):
    import pandas as pd

    path = _export(db_url, "acled", tmp_path)
    assert "2 events written as acled, 1 left out" in capsys.readouterr().err   # Aid delivery is not ACLED's
    with open(path, newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ACLED_COLUMNS
    df = pd.read_csv(path, keep_default_na=False)
    assert list(df.columns) == ACLED_COLUMNS and len(df) == 2
    strike = filled.search_events(Query(event_type="Air/drone strike"))[0]
    row = df[df.sub_event_type == "Air/drone strike"].iloc[0]
    assert row.event_id_cnty == f"SYR{strike.id}"
    assert row.event_date == "2019-03-10" and row.year == 2019 and row.time_precision == 1
    assert row.disorder_type == "Political violence" and row.event_type == "Explosions/Remote violence"
    assert row.iso == 760 and row.region == "Middle East" and row.country == "Syria"
    assert row.admin1 == strike.admin1 == "Idlib" and row.admin2 == "" and row.location == strike.location_name
    assert row.latitude == pytest.approx(strike.lat, abs=1e-4) and row.longitude == pytest.approx(strike.lon, abs=1e-4)
    assert row.geo_precision == strike.geo_precision
    assert row.source == "outlet-a; outlet-b" and row.fatalities == strike.fatalities
    assert "fatalities 3" in row.notes and "outlet-b" in row.notes                # each source's own figures
    assert row.tags == "sources=2; independent sources=2"
    protest = df[df.sub_event_type == "Peaceful protest"].iloc[0]
    event = filled.search_events(Query(event_type="Peaceful protest"))[0]
    assert protest.disorder_type == "Demonstrations" and protest.actor1 == event.actor1 != ""
    assert protest.inter1 == event.inter1 == 6 or protest.inter1 == event.inter1 == 7   # protesters or civilians
    expected = (min(event.inter1, event.inter2) * 10 + max(event.inter1, event.inter2) if event.inter2
                else event.inter1 * 10)
    assert protest.interaction == expected and protest.fatalities == 0
    only_april = pd.read_csv(_export(db_url, "acled", tmp_path, "date>=2019-04-01"), keep_default_na=False)
    assert list(only_april.sub_event_type) == ["Peaceful protest"]


def _wkb_point(wkb: bytes) -> tuple[float, float]:
    order = "<" if wkb[0] == 1 else ">"
    (kind,) = struct.unpack(order + "I", wkb[1:5])
    assert kind == 1  # Point
    return struct.unpack(order + "dd", wkb[5:21])


def test_geojson_read_by_gdal(filled, db_url, tmp_path):
    import pyogrio

    path = _export(db_url, "geojson", tmp_path, "country=SY")
    info = pyogrio.read_info(path)
    assert info["geometry_type"] == "Point" and info["features"] == 3
    assert "EPSG:4326" in str(info["crs"]) or "WGS 84" in str(info["crs"])
    meta, _, geometry, fields = pyogrio.raw.read(path)
    cols = dict(zip(meta["fields"], fields))
    assert set(meta["fields"]) >= {"event_type", "sub_event_type", "date", "actor1", "fatalities", "n_sources",
                                   "location", "admin1", "country", "outlets", "sources_json"}
    i = list(cols["sub_event_type"]).index("Air/drone strike")
    strike = filled.search_events(Query(event_type="Air/drone strike"))[0]
    lon, lat = _wkb_point(bytes(geometry[i]))
    assert (lon, lat) == (pytest.approx(strike.lon, abs=1e-6), pytest.approx(strike.lat, abs=1e-6))
    assert cols["n_sources"][i] == 2 and cols["country"][i] == "SY" and cols["outlets"][i] == "outlet-a; outlet-b"
    assert str(cols["date"][i])[:10] == "2019-03-10"
    sources = json.loads(cols["sources_json"][i])
    assert sorted(s["outlet"] for s in sources) == ["outlet-a", "outlet-b"]


def test_plover_jsonl_fields(filled, db_url, tmp_path):
    path = _export(db_url, "plover", tmp_path)
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_event = {r["event"][0]: r for r in recs}
    assert set(by_event) == {"ASSAULT", "AID", "PROTEST"}
    strike = by_event["ASSAULT"]
    assert set(strike) >= {"id", "date", "source", "recipient", "event", "mode", "context", "event_loc",
                           "event_text", "quad_code", "dead", "cite_info", "coder", "has_event"}
    assert strike["date"] == "2019-03-10" and strike["mode"] == ["heavy-weapons"] and strike["quad_code"] == 4
    assert strike["event_loc"]["country code"] == "SY" and strike["event_loc"]["cc3"] == "SYR"
    assert {c["publication"] for c in strike["cite_info"]} == {"outlet-a", "outlet-b"}
    assert len(strike["event_text"]) == 2
    aid = by_event["AID"]
    assert aid["mode"] == ["humanitarian"] and aid["quad_code"] == 2
    assert aid["source"][0]["actor_text"] == "United Nations"
    assert by_event["PROTEST"]["mode"] == ["demo"]


def test_jsonl_keeps_every_source_with_its_own_figures(filled, db_url, tmp_path):
    path = _export(db_url, "jsonl", tmp_path, "event_type=Air/drone strike")
    (rec,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rec["n_sources"] == 2
    figures = {s["outlet"]: (s["fatalities"], [q["text"] for q in s["quantities"]]) for s in rec["sources"]}
    assert figures["outlet-a"][0] == 3 and "ثلاثة مدنيين" in figures["outlet-a"][1]
    assert "خمسة أشخاص" in figures["outlet-b"][1]


def test_parquet_read_by_pandas(filled, db_url, tmp_path):
    import pandas as pd

    df = pd.read_parquet(_export(db_url, "parquet", tmp_path))
    assert len(df) == 3
    strike = filled.search_events(Query(event_type="Air/drone strike"))[0]
    row = df[df.sub_event_type == "Air/drone strike"].iloc[0]
    assert row["id"] == strike.id and row["date"] == dt.date(2019, 3, 10)
    assert row["latitude"] == pytest.approx(strike.lat) and row["n_sources"] == 2
    assert row["fatalities"] == strike.fatalities and row["admin1"] == "Idlib"
    assert str(df["n_sources"].dtype) == "int32" and str(df["latitude"].dtype) == "float64"


def test_export_errors_are_clear(filled, db_url, tmp_path, capsys):
    assert main(["export", "--format", "parquet", "--db", db_url]) == 2
    assert "give --out FILE" in capsys.readouterr().err
    assert main(["export", "--format", "acled", "--where", "colour=red", "--db", db_url]) == 2
    assert "unknown key 'colour'" in capsys.readouterr().err
    assert main(["export", "--format", "acled", "--where", "date>=yesterday", "--db", db_url]) == 2
    assert "not a date" in capsys.readouterr().err


def test_commands_teach_in_their_help(capsys):
    for cmd in ("ingest", "search", "export", "db"):
        with pytest.raises(SystemExit) as e:
            main([cmd, "--help"])
        assert e.value.code == 0
        out = capsys.readouterr().out
        assert "examples:" in out and "--db" in out
