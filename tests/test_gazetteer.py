"""The user gazetteer layer: importing GeoNames, alternateNamesV2, OCHA COD and TSV files.

Every test writes its input in the exact format the source publishes and
uses a temporary RASD_HOME, so the real user data directory is never touched.
"""

from __future__ import annotations

import gzip

import pytest

from rasd.cli import main
from rasd.extract.places import PlaceStage
from rasd.knowledge import gazetteer as gaz
from rasd.knowledge.gazetteer import Gazetteer
from rasd.knowledge.importers import GazetteerInputError, detect_format, import_file
from rasd.knowledge.user_places import read_rows, user_gazetteer_path
from rasd.pipeline import Pipeline


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_HOME", str(tmp_path / "rasd-home"))
    return tmp_path / "rasd-home"


def geonames_line(gid, name, alternates, lat, lon, fclass, fcode, cc, admin1, population=0):
    """One line of a GeoNames dump: the 19 columns of geonames.org/export readme, tab-separated."""
    cols = [str(gid), name, name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "", admin1,
            "", "", "", str(population), "", "250", "Asia/Damascus", "2024-03-01"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


# Deir ez-Zor (GeoNames admin1 code 07): Hajīn is a shipped place; the villages are not.
SY_DUMP = "".join([
    geonames_line(174506, "Hajīn", ["Hajin", "هجين"], 34.69508, 40.83138, "P", "PPL", "SY", "07", 29237),
    geonames_line(9000001, "Al Marāshidah", ["Al Marashida", "المراشدة", "مراشدة"], 34.6605, 40.8898,
                  "P", "PPL", "SY", "07", 3200),
    geonames_line(9000002, "Al Kashmah", ["Kashma", "الكشمة"], 34.7705, 40.7212, "P", "PPL", "SY", "07"),
    geonames_line(9000003, "Al Bāghūz at Taḩtānī", ["الباغوز تحتاني", "Baghuz Tahtani"], 34.4617, 40.9531,
                  "P", "PPLX", "SY", "07"),
    geonames_line(9000004, "Wādī al Marāshidah", ["وادي المراشدة"], 34.66, 40.90, "H", "WAD", "SY", "07"),
    geonames_line(9000005, "Tall Ḩamīs", ["Tell Hamis"], 36.61, 41.74, "P", "PPL", "SY", "01"),
    geonames_line(9000006, "Sūwaydān", ["سويدان جزيرة", "Suwaydan"], 34.9876, 40.5765, "P", "PPL", "SY", "07"),
    geonames_line(9000007, "Ma‘şarat Ghanām", ["معصرة غنام"], 31.1, 35.7, "P", "PPL", "JO", "09"),
])


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def with_places(g: Gazetteer) -> Pipeline:
    nlp = Pipeline()
    nlp.stages = [PlaceStage(g) if s.name == "places" else s for s in nlp.stages]
    return nlp


# ---------------------------------------------------------------- GeoNames dumps

def test_geonames_country_file_adds_villages_the_pipeline_then_finds(tmp_path):
    src = write(tmp_path / "SY.txt", SY_DUMP)
    assert detect_format(src) == "geonames"
    report = import_file(src, country="SY")
    assert report.format == "geonames" and report.source == "GeoNames SY.txt"
    assert report.merge.added == 5  # Hajin, three villages, Suwaydan
    assert report.skipped["feature code not imported"] == 1  # the wadi
    assert report.skipped["no Arabic name"] == 1
    assert report.skipped["other country"] == 1
    rows = {r["id"]: r for r in read_rows()}
    village = rows["gn:9000001"]
    assert village["aliases"] == "المراشدة|مراشدة"
    assert village["admin1"] == "Deir ez-Zor"  # learned from Hajin, a shipped place with the same admin1 code
    assert village["feature"] == "populated_place" and village["source"] == "GeoNames SY.txt"
    assert rows["gn:9000003"]["feature"] == "neighbourhood"  # PPLX

    g = Gazetteer.load()
    nlp = with_places(g)
    doc = nlp("قصفت طائرات التحالف بلدة المراشدة وقرية الكشمة قرب هجين في ريف دير الزور الشرقي")
    found = {p.text: p for p in doc.places}
    assert found["المراشدة"].country == "SY" and (found["المراشدة"].lat, found["المراشدة"].lon) == (34.6605, 40.8898)
    assert found["المراشدة"].admin1 == "Deir ez-Zor" and found["المراشدة"].geo_precision == 1
    assert found["الكشمة"].source == "GeoNames SY.txt"
    # a shipped place imported again keeps one entry (the user's), not two
    assert [e.id for e in g.lookup("هجين") if e.feature == "populated_place"] == ["gn:174506"]


def test_geonames_zip_as_downloaded(tmp_path):
    import zipfile

    src = tmp_path / "SY.zip"
    with zipfile.ZipFile(src, "w") as z:
        z.writestr("readme.txt", "GeoNames readme\n")
        z.writestr("SY.txt", SY_DUMP)
    report = import_file(src, country="SY")
    assert report.format == "geonames" and report.source == "GeoNames SY.txt" and report.merge.added == 5


def test_reimporting_the_same_file_adds_nothing(tmp_path):
    src = write(tmp_path / "SY.txt", SY_DUMP)
    import_file(src)
    before = user_gazetteer_path().read_bytes()
    again = import_file(src)
    assert (again.merge.added, again.merge.updated, again.merge.unchanged) == (0, 0, 6)
    assert user_gazetteer_path().read_bytes() == before
    assert len(read_rows()) == 6


def test_malformed_geonames_line_names_file_and_line_and_writes_nothing(tmp_path, capsys):
    good = write(tmp_path / "SY.txt", SY_DUMP)
    import_file(good)
    before = user_gazetteer_path().read_bytes()
    lines = SY_DUMP.splitlines(keepends=True)
    lines[2] = "\t".join(lines[2].split("\t")[:18]) + "\n"  # a truncated row: 18 columns
    bad = write(tmp_path / "IQ.txt", "".join(lines))
    with pytest.raises(GazetteerInputError, match=r"IQ\.txt:3: expected 19 tab-separated GeoNames columns, found 18"):
        import_file(bad, fmt="geonames")
    code = main(["gazetteer", "import", str(bad), "--format", "geonames"])
    err = capsys.readouterr().err
    assert code == 2 and "IQ.txt:3:" in err and "nothing was imported" in err
    assert user_gazetteer_path().read_bytes() == before


def test_bad_coordinates_are_an_error(tmp_path):
    bad = write(tmp_path / "SY.txt", geonames_line(9000009, "X", ["قرية"], 134.5, 40.0, "P", "PPL", "SY", "07"))
    with pytest.raises(GazetteerInputError, match=r"SY\.txt:1: latitude 134\.5 is out of range"):
        import_file(bad)
    assert not user_gazetteer_path().exists()


# ---------------------------------------------------------------- alternateNamesV2

def alt_line(alt_id, gid, lang, name, preferred="", short="", colloquial="", historic=""):
    """alternateNamesV2.txt: id, geonameid, isolanguage, name, isPreferredName, isShortName,
    isColloquial, isHistoric, from, to."""
    return "\t".join([str(alt_id), str(gid), lang, name, preferred, short, colloquial, historic, "", ""]) + "\n"


def test_alternate_names_add_arabic_names_to_known_places(tmp_path):
    import_file(write(tmp_path / "SY.txt", SY_DUMP))
    alt = write(tmp_path / "alternateNamesV2.txt", "".join([
        alt_line(1, 165509, "ar", "سري كانيه", colloquial="1"),  # Ras al-Ayn (shipped), its Kurdish name in Arabic letters
        alt_line(2, 165509, "ku", "Serê Kaniyê"),
        alt_line(3, 9000002, "ar", "الكشمه"),  # a village imported above
        alt_line(4, 9000002, "ar", "كشمة القديمة", historic="1"),
        alt_line(5, 123456789, "ar", "مكان مجهول"),  # a place rasd does not know
        alt_line(6, 165509, "fa", "رأس العین"),
        alt_line(7, 173813, "ar", "محافظة الحسكة السورية"),  # one GeoNames id, two shipped rows (GeoNames, OpenSyria)
    ]))
    report = import_file(alt)
    assert report.format == "alternatenames"
    # Ras al-Ayn and both al-Hasakah rows copied into the layer; Kashma updated
    assert report.merge.added == 3 and report.merge.updated == 1
    hasakah = [r for r in read_rows() if r["geonames_id"] == "173813"]
    assert len(hasakah) == 2 and all("محافظة الحسكة السورية" in r["aliases"].split("|") for r in hasakah)
    assert report.skipped == {"not Arabic": 2, "historic name": 1, "place not in the gazetteer": 1}
    rows = {r["id"]: r for r in read_rows()}
    assert rows["gn:165509"]["aliases"] == "رأس العين|سري كانيه"
    assert "Arabic names: GeoNames alternate names alternateNamesV2.txt" in rows["gn:165509"]["source"]
    assert rows["gn:9000002"]["aliases"] == "الكشمة|الكشمه"
    g = Gazetteer.load()
    places = with_places(g)("نزح آلاف المدنيين من سري كانيه باتجاه الحسكة").places
    assert places[0].text == "سري كانيه" and places[0].name == "Ra’s al ‘Ayn" and places[0].country == "SY"
    assert (places[0].lat, places[0].lon) == (36.85034, 40.07055)
    again = import_file(alt)
    assert (again.merge.added, again.merge.updated) == (0, 0)


# ---------------------------------------------------------------- OCHA COD populated places

OCHA_HEADER = ("admin0Name_en,admin0Name_ar,admin0Pcode,admin1Name_en,admin1Name_ar,admin1Pcode,admin2Name_en,"
               "admin2Name_ar,admin2Pcode,admin3Name_en,admin3Name_ar,admin3Pcode,admin4Name_en,admin4Name_ar,"
               "admin4Pcode,latitude,longitude\n")
OCHA_ROWS = [
    "Syrian Arab Republic,الجمهورية العربية السورية,SY,Deir-ez-Zor,دير الزور,SY09,Abu Kamal,البوكمال,SY0902,"
    "Susat,سوسة,SY090203,Al Bulil,البوليل,C5070,34.9047,40.5453\n",
    "Syrian Arab Republic,الجمهورية العربية السورية,SY,Deir-ez-Zor,دير الزور,SY09,Abu Kamal,البوكمال,SY0902,"
    "Hajin,هجين,SY090201,Al Bahra,الباغوز تحتاني / باغوز تحتاني,C5071,34.4617,40.9531\n",
    "Syrian Arab Republic,الجمهورية العربية السورية,SY,Deir-ez-Zor,دير الزور,SY09,Abu Kamal,البوكمال,SY0902,"
    "Hajin,هجين,SY090201,Kharayej,الخرايج (شرقي),C5072,34.6951,40.9011\n",
]


def test_ocha_cod_populated_places_csv(tmp_path):
    src = write(tmp_path / "syr_pplp_adm4_unocha.csv", OCHA_HEADER + "".join(OCHA_ROWS))
    assert detect_format(src) == "ocha"
    report = import_file(src)
    assert report.source == "OCHA COD syr_pplp_adm4_unocha.csv" and report.merge.added == 3
    rows = {r["id"]: r for r in read_rows()}
    assert rows["ocha:C5070"]["name_ar"] == "البوليل" and rows["ocha:C5070"]["country"] == "SY"
    assert rows["ocha:C5070"]["admin1"] == "Deir-ez-Zor" and rows["ocha:C5070"]["feature"] == "populated_place"
    assert rows["ocha:C5071"]["aliases"] == "الباغوز تحتاني|باغوز تحتاني"  # "/" separates two names
    assert rows["ocha:C5072"]["aliases"] == "الخرايج"  # "(شرقي)" qualifies, it is not a name
    places = with_places(Gazetteer.load())("سيطرت قوات سوريا الديمقراطية على البوليل شرقي دير الزور").places
    assert places[0].text == "البوليل" and (places[0].lat, places[0].lon) == (34.9047, 40.5453)
    assert import_file(src).merge.added == 0


def test_ocha_variant_columns_and_country_option(tmp_path):
    # the newer COD style (ADMn_AR / _PCODE) with feature names and Latitude_y/Longitude_x, no admin0 column
    text = ("ADM1_EN\tADM1_AR\tADM3_EN\tADM3_AR\tfeatureName_en\tfeatureName_ar\tLOC_PCODE\tLatitude_y\tLongitude_x\n"
            "Ninewa\tنينوى\tQayyarah\tالقيارة\tHaj Ali\tالحاج علي\tIQ-PPL-1001\t35.9067\t43.2533\n"
            "Ninewa\tنينوى\tQayyarah\tالقيارة\tImam Gharbi\tامام غربي\tIQ-PPL-1002\t35.8522\t43.1934\n")
    src = write(tmp_path / "irq_villages.tsv", text)
    with pytest.raises(GazetteerInputError, match="pass --country"):
        import_file(src, fmt="ocha")
    report = import_file(src, fmt="ocha", country="IQ", source="REACH villages 2021")
    assert report.merge.added == 2
    row = {r["id"]: r for r in read_rows()}["ocha:IQ-PPL-1001"]
    assert (row["name_ar"], row["country"], row["admin1"], row["source"]) == ("الحاج علي", "IQ", "Ninewa",
                                                                             "REACH villages 2021")


def test_ocha_bad_latitude_names_the_line(tmp_path):
    bad_row = OCHA_ROWS[1].replace("34.4617", "north")
    src = write(tmp_path / "cod.csv", OCHA_HEADER + OCHA_ROWS[0] + bad_row)
    with pytest.raises(GazetteerInputError, match=r"cod\.csv:3: latitude 'north' is not a number"):
        import_file(src)
    assert not user_gazetteer_path().exists()


# ---------------------------------------------------------------- rasd's own TSV

def test_own_tsv_minimal_columns_and_errors(tmp_path):
    src = write(tmp_path / "field_team.tsv",
                "name_ar\tlat\tlon\tcountry\taliases\tfeature\n"
                "مخيم الخريطة\t35.0640\t40.5170\tSY\tمخيم خريطة\tcamp\n"
                "الصبحة\t35.0330\t40.4250\tSY\t\t\n")
    report = import_file(src)
    assert report.format == "tsv" and report.source == "field_team.tsv" and report.merge.added == 2
    rows = read_rows()
    assert [r["feature"] for r in rows] == ["camp", "populated_place"]
    assert rows[0]["aliases"] == "مخيم الخريطة|مخيم خريطة" and rows[0]["id"].startswith("user:")
    places = with_places(Gazetteer.load())("وصلت عائلات نازحة إلى مخيم الخريطة غرب الميادين").places
    assert places[0].text == "مخيم الخريطة" and places[0].feature == "camp" and places[0].source == "field_team.tsv"
    assert import_file(src).merge.added == 0

    missing = write(tmp_path / "no_lon.tsv", "name_ar\tlat\tcountry\nالصبحة\t35.03\tSY\n")
    with pytest.raises(GazetteerInputError, match=r"no_lon\.tsv:1: missing column\(s\) lon"):
        import_file(missing)
    wrong_country = write(tmp_path / "cc.tsv", "name_ar\tlat\tlon\tcountry\nالصبحة\t35.03\t40.42\tSyria\n")
    with pytest.raises(GazetteerInputError, match=r"cc\.tsv:2: country 'Syria' is not an ISO 3166 alpha-2 code"):
        import_file(wrong_country)


def test_undetectable_file_asks_for_a_format(tmp_path):
    src = write(tmp_path / "notes.txt", "قائمة أماكن\nالصبحة\n")
    with pytest.raises(GazetteerInputError, match=r"notes\.txt:1: cannot tell the format"):
        import_file(src)
    sheet = tmp_path / "syr_pplp.xlsx"
    sheet.write_bytes(b"PK\x03\x04 not text")
    with pytest.raises(GazetteerInputError, match=r"syr_pplp\.xlsx: a spreadsheet: export the sheet .* as CSV"):
        import_file(sheet)
    latin1 = tmp_path / "latin1.tsv"
    latin1.write_bytes("name_ar\tlat\tlon\tcountry\nBa\xefrout\t33.9\t35.5\tLB\n".encode("latin-1"))
    with pytest.raises(GazetteerInputError, match=r"latin1\.tsv: not UTF-8 text"):
        import_file(latin1)


# ---------------------------------------------------------------- the command and the default gazetteer

def test_cli_import_and_info(tmp_path, capsys, home):
    src = write(tmp_path / "SY.txt", SY_DUMP)
    assert main(["gazetteer", "import", str(src), "--country", "SY"]) == 0
    out = capsys.readouterr().out
    assert "5 added, 0 updated, 0 already there" in out and "1 skipped: feature code not imported" in out
    assert main(["gazetteer", "import", str(src), "--country", "SY"]) == 0
    assert "0 added, 0 updated, 5 already there" in capsys.readouterr().out
    assert main(["gazetteer", "info"]) == 0
    out = capsys.readouterr().out
    assert "user: 5 places" in out and str(home) in out
    assert "1 of them update a shipped place" in out  # Hajin
    assert "5  GeoNames SY.txt" in out and "5  SY" in out


def test_default_gazetteer_loads_the_user_layer_and_caches_the_index(tmp_path, home):
    import_file(write(tmp_path / "SY.txt", SY_DUMP))
    gaz.default_gazetteer.cache_clear()
    try:
        g = gaz.default_gazetteer()
        assert [e.id for e in g.lookup("المراشدة")] == ["gn:9000001"]
        cached = list((home / "cache").glob("gazetteer-*.pickle"))
        assert len(cached) == 1
        stamp = cached[0].stat().st_mtime_ns
        gaz.default_gazetteer.cache_clear()
        again = gaz.default_gazetteer()  # read from the cache, not rebuilt
        assert cached[0].stat().st_mtime_ns == stamp
        assert [e.id for e in again.lookup("المراشدة")] == ["gn:9000001"]
        assert len(again.entries) == len(g.entries)
        # a new import changes the key: the next load sees it
        import_file(write(tmp_path / "more.tsv", "name_ar\tlat\tlon\tcountry\nالصبحة\t35.03\t40.42\tSY\n"))
        gaz.default_gazetteer.cache_clear()
        assert gaz.default_gazetteer().lookup("الصبحة")
    finally:
        gaz.default_gazetteer.cache_clear()


def test_without_a_user_layer_nothing_is_written(home):
    gaz.default_gazetteer.cache_clear()
    try:
        assert gaz.default_gazetteer().lookup("حلب")
        assert not home.exists()
    finally:
        gaz.default_gazetteer.cache_clear()


def test_user_layer_file_is_the_shipped_schema(tmp_path):
    import_file(write(tmp_path / "SY.txt", SY_DUMP))
    with gzip.open(user_gazetteer_path(), "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
    with gzip.open(gaz.data_path("gazetteer.tsv.gz"), "rt", encoding="utf-8") as f:
        assert header == f.readline().rstrip("\n").split("\t")
