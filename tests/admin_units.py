"""The Syrian and Iraqi governorates and districts the place tests expect rasd to resolve.

The list comes from data, never from memory:

- Syria: OpenSyria ``syria_admin1_3.tsv`` (OCHA COD p-codes, centroids), levels 1 and 2;
- Iraq: Open Admin Data (``tests/data/iraq_admin1_2_openadmindata.tsv``, CC BY 4.0);
- seats: the GeoNames populated place (``cities500_mena.tsv.gz``) of the same
  country whose Arabic names include the unit's name (or whose name is the
  unit's English name), nearest the unit's centroid and within 150 km.
  News means the town when it names a district after its seat ("منبج"), so a
  district resolves correctly at its centroid or at its seat.

The committed table ``tests/data/admin_units_sy_iq.tsv`` is written by this
module (``python tests/admin_units.py``) from ``../shared/data``; a test checks
that it still matches its sources when they are present.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
import unicodedata
from pathlib import Path
from typing import Iterator

from rasd import geo

HERE = Path(__file__).resolve().parent
TABLE = HERE / "data" / "admin_units_sy_iq.tsv"
IRAQ = HERE / "data" / "iraq_admin1_2_openadmindata.tsv"
COLUMNS = ["country", "level", "code", "name_en", "name_ar", "forms", "lat", "lon", "seat_lat", "seat_lon", "source"]
# Arabic letters only: Kurdish/Persian spellings (ی ک ە) are other languages' names.
ARABIC = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
SEAT_KM = 150.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return geo.km(a[0], a[1], b[0], b[1])


def ascii_key(name: str) -> str:
    """"Abu Kamal", "Abū Kamāl", "Abu-Kamal" → "abukamal"."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if c.isascii() and c.isalnum()).lower()


def fold(name: str) -> str:
    """Spelling-insensitive key: hamza forms, ى/ي, ة/ه folded, leading article and spaces dropped
    ("البو كمال" = "البوكمال")."""
    s = name.strip().translate(_FOLD)
    return (s[2:] if s.startswith("ال") else s).replace(" ", "")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t",
                                  quoting=csv.QUOTE_NONE)


def _units(shared: Path) -> list[dict]:
    units = []
    for r in _rows(shared / "syria_opensyria" / "syria_admin1_3.tsv"):
        if r["level"] not in ("1", "2"):
            continue
        bare = [a for a in r["aliases_ar"].split("|")
                if a and not a.startswith(("منطقة ", "محافظة ", "مركز", "مدينة ")) and ARABIC.match(a)]
        units.append({"country": "SY", "level": r["level"], "code": r["ocha_pcode"], "name_en": r["name_en"],
                      "name_ar": r["name_ar"], "forms": [r["name_ar"]] + bare,
                      "lat": float(r["latitude"]), "lon": float(r["longitude"]),
                      "source": "OpenSyria (OCHA COD)"})
    for r in _rows(IRAQ):
        units.append({"country": "IQ", "level": r["level"], "code": r["id"], "name_en": r["name_en"],
                      "name_ar": r["name_ar"], "forms": [r["name_ar"]],
                      "lat": float(r["lat"]), "lon": float(r["lon"]), "source": "Open Admin Data"})
    return units


def build_table(shared: Path) -> list[dict[str, str]]:
    """The table, from the sources in ``shared`` (``../shared/data``)."""
    towns: dict[str, list[tuple[set[str], float, float, list[str]]]] = {}
    for r in _rows(shared / "geonames_gazetteer" / "cities500_mena.tsv.gz"):
        if r["country_code"] in ("SY", "IQ"):
            names = [a for a in r["arabic_names"].split("|") if a and ARABIC.match(a)]
            towns.setdefault(r["country_code"], []).append(
                ({ascii_key(n) for n in [r["name"]] + r["alternatenames_all"].split("|")},
                 float(r["latitude"]), float(r["longitude"]), names))
    units = _units(shared)
    # a district's alias that is its governorate's name (مركز ريف دمشق: "ريف دمشق") names the governorate
    governorates = {(u["country"], fold(u["name_ar"])) for u in units if u["level"] == "1"}
    out = []
    for u in units:
        key, en = fold(u["name_ar"]), ascii_key(u["name_en"])
        centre = (u["lat"], u["lon"])
        seats = [(km(centre, (lat, lon)), lat, lon, names) for name, lat, lon, names in towns[u["country"]]
                 if any(fold(n) == key for n in names) or en in name]
        seats = [s for s in seats if s[0] <= SEAT_KM]
        forms = [f for f in u["forms"]
                 if f == u["name_ar"] or u["level"] == "1" or (u["country"], fold(f)) not in governorates]
        seat_lat = seat_lon = ""
        if seats:
            _, la, lo, names = min(seats)
            seat_lat, seat_lon = f"{la:.5f}", f"{lo:.5f}"
            # the seat's own spellings of the same name (سلمية / السلمية)
            forms += [n for n in names if fold(n) == key and ARABIC.match(n)]
        out.append({"country": u["country"], "level": u["level"], "code": u["code"], "name_en": u["name_en"],
                    "name_ar": u["name_ar"], "forms": "|".join(dict.fromkeys(forms)),
                    "lat": f"{u['lat']:.5f}", "lon": f"{u['lon']:.5f}", "seat_lat": seat_lat, "seat_lon": seat_lon,
                    "source": u["source"] + (" + GeoNames seat" if seats else "")})
    return out


def load_table(path: Path = TABLE) -> list[dict[str, str]]:
    return list(_rows(path))


def write_table(rows: list[dict[str, str]], path: Path = TABLE) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("# Written by tests/admin_units.py from OpenSyria, Open Admin Data and GeoNames; do not edit by hand.\n")
        w = csv.DictWriter(f, fieldnames=COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[1] / "shared" / "data"
    table = build_table(shared)
    write_table(table)
    print(f"wrote {len(table)} units to {TABLE}")
