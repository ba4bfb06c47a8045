#!/usr/bin/env python3
"""Build rasd's shipped gazetteer (``src/rasd/knowledge/data/gazetteer.tsv.gz``).

Reads the gazetteer sources in ``../shared/data`` (see each folder's README for
source and licence) plus the curated files committed in the package
(``places_curated.tsv``, ``country_aliases.tsv``, ``geonames_aliases_ar.tsv``, ``capitals_ar.tsv``,
``admin1_capitals.tsv``) and writes one gzipped TSV,
one row per place, with every Arabic alias and the row's source. Re-run after
changing any input:

    python scripts/build_gazetteer.py [--shared ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Callable, Hashable, Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # the package's own distance and transliteration rules
from rasd.geo import km  # noqa: E402
from rasd.knowledge import load_yaml  # noqa: E402
from rasd.knowledge.transliteration import latin_skeletons  # noqa: E402
from rasd.text.normalize import norm  # noqa: E402

DATA = ROOT / "src" / "rasd" / "knowledge" / "data"
OUT = DATA / "gazetteer.tsv.gz"
COLUMNS = ["id", "name", "name_ar", "aliases", "lat", "lon", "country", "admin1", "feature",
           "population", "geonames_id", "source"]
# An Arabic alias uses only the Arabic alphabet (plus diacritics); names with Persian or
# Kurdish letters (ی ک ە ۆ پ چ گ ژ …) are other languages' names for the place.
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0640-\u0652\u0670\u0671 '\-]+$")
# Countries whose GeoNames places are kept whole (the region rasd codes); elsewhere
# only cities of 15,000+ with an Arabic name.
WORLD_MIN_POPULATION = 500_000
MENA = set("SY IQ YE LB JO PS IL EG LY SD SS TR SA IR AE KW QA BH OM DZ MA TN MR EH SO DJ ER ET TD NE ML CY AF PK NG CM KE".split())


def tsv(path: Path, comments: bool = False):
    """Rows of a TSV file; with ``comments``, leading lines starting with # are skipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        lines = (line for line in f if not (comments and line.startswith("#")))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def ascii_name(name: str) -> str:
    """GeoNames names carry diacritics (Ḩimş); admin1 labels are easier to compare without."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


ADMIN_SUFFIX = re.compile(r"\s+(Governorate|Province|Region|Wilayah|Muhafazah)$")


def english_admin1(name: str, aliases: str) -> str:
    """The common English name of a province: "Nineveh Governorate" → "Nineveh"; else the
    first plain-ASCII alias; else the GeoNames name without diacritics ("Dhi Qar")."""
    plain = [a for a in aliases.split("|") if a and a.isascii()]
    for a in plain:
        if ADMIN_SUFFIX.search(a):
            return ADMIN_SUFFIX.sub("", a)
    return plain[0] if plain else ascii_name(name)


def arabic_aliases(*values: str) -> list[str]:
    seen: list[str] = []
    for v in values:
        for a in (v or "").split("|"):
            a = a.strip()
            # two-letter names (اب، ان) are function words far more often than places
            if a and ARABIC_ONLY.match(a) and len(a.replace(" ", "")) > 2 and a not in seen:
                seen.append(a)
    return seen


PROVINCE_WORDS = ("محافظة ", "ولاية ", "إقليم ", "اقليم ")
PROVINCE_SUFFIXES = (" ولايت",)
#: Cue words that announce a town or village ("مدينة", "بلدة", "قرية"), normalised, from places.yaml.
TOWN_CUES = frozenset(w for w, kind in load_yaml("places.yaml")["cues"].items() if kind in ("town", "village"))


def without_town_cue(aliases: list[str]) -> list[str]:
    """A town's aliases less those that are another alias with a town cue before it
    ("مدينة زنجبار" beside "زنجبار").

    The recogniser reads the cue word itself and then prefers towns; an alias that swallows
    it makes its match the longest one, which hides every other place of that name
    (Zinjibar in Abyan behind "مدينة زنجبار", an alias of Zanzibar). An alias whose bare
    form is not listed stays whole: "مدينة الصدر" is Sadr City, "الصدر" alone is not."""
    bare = set(aliases)
    return [a for a in aliases
            if not (norm(a.partition(" ")[0]) in TOWN_CUES and a.partition(" ")[2] in bare)]


def admin1_aliases(values: str) -> list[str]:
    """A province's Arabic aliases, with the bare name of each "محافظة X" ("محافظة القادسية" → "القادسية"):
    news writes both, and GeoNames often lists only the first."""
    aliases = arabic_aliases(values)
    bare = [a[len(w):] for a in aliases for w in PROVINCE_WORDS if a.startswith(w)]
    # Dari puts the word after the name ("فارياب ولايت", GeoNames' only Arabic-letter name of
    # Faryab): the bare name is the one Arabic news uses
    dari = [a[:-len(w)] for a in aliases for w in PROVINCE_SUFFIXES if a.endswith(w)]
    return arabic_aliases("|".join(dari + aliases + bare))


PROVINCE_NAME_KM = 50.0




def yield_province_names(towns: list[dict], subdivisions: list[dict], capital: dict) -> list[dict]:
    """Towns without the aliases that name a province of their country far away from them.

    GeoNames calls a few towns by a province's name (Pīrmām in Erbil is also "صلاح الدين");
    in news that name is the province. A town in the province, or within 50 km of its capital
    (GeoNames sometimes files a capital under a neighbouring province code), keeps it. A town
    left with no alias is dropped.
    """
    provinces: dict[tuple[str, str], list[tuple[tuple[str, str], dict]]] = defaultdict(list)
    for r in subdivisions:
        key = (r["country_code"], r["admin1_code"])
        if r["level"] in ("1", "2") and r["geonames_code"].count(".") == 1 and key in capital:
            for a in admin1_aliases(r["arabic_names"]):
                provinces[(r["country_code"], a)].append((key, capital[key]))
    out = []
    for t in towns:
        lat, lon = float(t["lat"]), float(t["lon"])
        keep = []
        for a in t["aliases"].split("|"):
            named = provinces.get((t["country"], a), [])
            if not named or any(key == t["_key"] or km(lat, lon, float(c["lat"]), float(c["lon"])) <= PROVINCE_NAME_KM
                                for key, c in named):
                keep.append(a)
        del t["_key"]
        if keep:
            t.update(name_ar=keep[0], aliases="|".join(keep))
            out.append(t)
    return out


def polygon_centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid of a (multi)polygon's largest outer ring."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best = None
    for poly in polys:
        ring = poly[0]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if a and (best is None or abs(a) > abs(best[0])):
            best = (a, cx / (3 * a), cy / (3 * a))
    assert best is not None
    return best[2], (best[1] + 180) % 360 - 180  # rings crossing the antimeridian


def extra_aliases(path: Path = DATA / "geonames_aliases_ar.tsv",
                  capitals: Path = DATA / "capitals_ar.tsv") -> dict[str, str]:
    """Arabic news spellings of GeoNames places, by geonameid (``geonames_aliases_ar.tsv``):
    GeoNames' Arabic alias lists are trimmed for many cities (Washington DC has none); and
    capitals by their country's adjective ("العاصمة الصومالية", ``capitals_ar.tsv``)."""
    out = {r["geonameid"]: r["aliases"] for r in tsv(path, comments=True)}
    for r in tsv(capitals, comments=True):
        by_adjective = "|".join("العاصمة " + a for a in r["adjectives"].split("|"))
        out[r["geonameid"]] = "|".join(x for x in (out.get(r["geonameid"]), by_adjective) if x)
    return out


def build(shared: Path, curated: Path = DATA / "places_curated.tsv") -> list[dict]:
    rows: list[dict] = []
    gz = shared / "geonames_gazetteer"
    news_spellings = extra_aliases()

    # admin1 names in plain English ("Nineveh", "Deir ez-Zor") by (country, admin1_code)
    subdivisions = list(tsv(gz / "subdivisions_world_admin1_admin2.tsv.gz"))
    syria_rows = list(tsv(shared / "syria_opensyria" / "syria_admin1_3.tsv"))
    syria_admin1 = {r["id"]: r["name_en"] for r in syria_rows if r["level"] == "1"}
    syria_by_geonames = {r["geonames_id"]: r["name_en"] for r in syria_rows if r["level"] == "1" and r["geonames_id"]}
    admin1_name: dict[tuple[str, str], str] = {}
    for r in subdivisions:
        if r["level"] == "1":
            admin1_name[(r["country_code"], r["admin1_code"])] = (
                syria_by_geonames.get(r["geonameid"]) or english_admin1(r["name"], r["aliases_all"]))

    # populated places
    seen_ids: set[str] = set()
    towns: list[dict] = []
    # Outside the region, Arabic names are transliterations that often collide with
    # Arabic words (Ans → "ان", Cannes → "كان"): keep only large cities there.
    for fname, keep in (("cities500_mena.tsv.gz", lambda r: r["country_code"] in MENA),
                        ("cities15000_world.tsv.gz",
                         lambda r: r["country_code"] in MENA or int(r["population"] or 0) >= WORLD_MIN_POPULATION)):
        for r in tsv(gz / fname):
            spellings = news_spellings.get(r["geonameid"], "")
            if r["geonameid"] in seen_ids or not (keep(r) or spellings):
                continue
            aliases = without_town_cue(arabic_aliases(r["arabic_names"], spellings))
            if not aliases:
                continue
            seen_ids.add(r["geonameid"])
            key = (r["country_code"], r["admin1_code"])
            row = {
                "id": f"gn:{r['geonameid']}", "name": r["name"], "name_ar": aliases[0],
                "aliases": "|".join(aliases), "lat": r["latitude"], "lon": r["longitude"],
                "country": r["country_code"], "admin1": admin1_name.get(key, ascii_name(r["admin1_name"])),
                "feature": "populated_place", "population": r["population"] or "0",
                "geonames_id": r["geonameid"],
                "source": "GeoNames + rasd news spellings" if spellings else "GeoNames",
            }
            towns.append(row)
            row["_key"] = key
    capital = largest_town(towns, lambda t: t["_key"])
    capitals = province_capitals(gz)
    capital.update(capitals)
    rows.extend(yield_province_names(towns, subdivisions, capital))

    # admin1 subdivisions with Arabic names, placed at the capital: the largest town unless
    # admin1_capitals.tsv names another (the schema's geo_precision 3 uses the capital's coordinates)
    for r in subdivisions:
        if r["level"] not in ("1", "2"):
            continue
        aliases = admin1_aliases(r["arabic_names"])
        key = (r["country_code"], r["admin1_code"])
        if not aliases or key not in capital:
            continue
        # GeoNames admin2 rows have no coordinates of their own here: only admin1
        # (some countries list governorates at level 2, with a one-dot code) is kept.
        if r["geonames_code"].count(".") != 1:
            continue
        cap = capital[key]
        rows.append({
            "id": f"gn:{r['geonameid']}", "name": ascii_name(r["name"]), "name_ar": aliases[0],
            "aliases": "|".join(aliases), "lat": cap["lat"], "lon": cap["lon"], "country": r["country_code"],
            "admin1": admin1_name.get(key, ascii_name(r["name"])),
            "feature": "admin1", "population": "0",
            "geonames_id": r["geonameid"], "source": "GeoNames subdivisions",
            "_capital": key in capitals,
        })

    # Syria: OpenSyria governorates, districts, subdistricts (OCHA p-codes, centroids)
    for r in tsv(shared / "syria_opensyria" / "syria_admin1_3.tsv"):
        # "منطقة X" / "ناحية X" in news mean "the X area", mostly the town: those aliases
        # would pull such mentions to the district centroid, so only bare names are kept
        # (the official name stays, even "مركز ريف دمشق": nothing else is called that)
        aliases = [a for a in arabic_aliases(r["name_ar"], r["aliases_ar"])
                   if a == r["name_ar"] or not a.startswith(("منطقة ", "ناحية ", "مركز "))]
        level = int(r["level"])
        rows.append({
            "id": f"ocha:{r['ocha_pcode']}", "name": r["name_en"], "name_ar": aliases[0],
            "aliases": "|".join(aliases), "lat": r["latitude"], "lon": r["longitude"], "country": "SY",
            "admin1": syria_admin1.get(r["governorate_id"] or r["id"], r["name_en"]),
            "feature": f"admin{level}", "population": r["population"] or "0",
            "geonames_id": r["geonames_id"], "source": "OpenSyria (OCHA COD)",
        })
    for r in tsv(shared / "syria_opensyria" / "syria_transport_locations.tsv"):
        aliases = arabic_aliases(r["name_ar"])
        if not aliases:
            continue
        rows.append({
            "id": f"opensyria:{r['id']}", "name": r["name_en"], "name_ar": aliases[0],
            "aliases": "|".join(aliases), "lat": r["latitude"], "lon": r["longitude"], "country": "SY",
            "admin1": syria_admin1.get(r["governorate_id"], ""),
            "feature": "crossing" if "border" in r["location_types"] else "transport",
            "population": "0", "geonames_id": "", "source": "OpenSyria transport",
        })

    # Yemen: OCHA COD governorates and districts (sub-districts are too ambiguous for v1)
    for r in tsv(shared / "yemen_places" / "yemen_admin1_3_ocha_cod.tsv"):
        aliases = arabic_aliases(r["name_ar"])
        if r["level"] not in ("1", "2") or not aliases:
            continue
        rows.append({
            "id": f"ocha:{r['pcode']}", "name": r["name_en"], "name_ar": aliases[0],
            "aliases": "|".join(aliases), "lat": r["centroid_lat"], "lon": r["centroid_lon"], "country": "YE",
            "admin1": r["adm1_en"], "feature": f"admin{r['level']}", "population": "0",
            "geonames_id": "", "source": "OCHA COD-AB Yemen",
        })

    # countries: Arabic ISO names + common aliases, at the centroid of their largest polygon
    centroids = {}
    with gzip.open(shared / "basemap" / "ne_countries_50m.geojson.gz", "rt", encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            iso = feat["properties"].get("iso_a2")
            if iso:
                centroids[iso] = polygon_centroid(feat["geometry"])
    extra_rows = list(tsv(DATA / "country_aliases.tsv", comments=True))
    extra = {r["alpha_2"]: r["aliases"].split("|") for r in extra_rows}
    acled_name = {r["alpha_2"]: r["name_en"] for r in extra_rows}
    # an ISO name that the curated file gives to another country is a mistake in iso-codes
    # (it lists "المالديف", the Maldives, as Moldova's common name)
    curated_owner = {a: iso for iso, names in extra.items() for a in names}
    for r in tsv(shared / "country_names_ar" / "iso3166_1_countries_ar.tsv"):
        iso = r["alpha_2"]
        if iso not in centroids:
            continue
        iso_names = [a for a in arabic_aliases(r["name_ar"], r["common_name_ar"], r["official_name_ar"])
                     if curated_owner.get(a, iso) == iso]
        aliases = extra.get(iso, []) + iso_names
        aliases = list(dict.fromkeys(aliases))
        if not aliases:
            continue
        lat, lon = centroids[iso]
        rows.append({
            "id": f"iso:{iso}", "name": acled_name.get(iso) or r["common_name_en"] or r["name_en"], "name_ar": aliases[0],
            "aliases": "|".join(aliases), "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "country": iso,
            "admin1": "", "feature": "country", "population": "0", "geonames_id": "",
            "source": "ISO 3166 (iso-codes) + Natural Earth",
        })

    # curated places the sources lack (camps, crossings, bases, villages in the news)
    for r in tsv(curated):
        aliases = arabic_aliases(r["name_ar"], r["aliases"])
        if not aliases:
            continue
        rows.append({
            "id": f"curated:{ascii_name(r['name_en']).lower().replace(' ', '-')}", "name": r["name_en"],
            "name_ar": aliases[0], "aliases": "|".join(aliases), "lat": r["lat"], "lon": r["lon"],
            "country": r["country"], "admin1": r["admin1"], "feature": r["feature"], "population": "0",
            "geonames_id": "", "source": f"curated ({r['source']})",
        })
    place_provinces_at_largest_town(rows)
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180 and not math.isnan(lat), r
    return rows


@lru_cache(maxsize=None)
def province_capitals(gz: Path, path: Path = DATA / "admin1_capitals.tsv") -> dict[tuple[str, str], dict]:
    """(country, admin1 code) → the capital's coordinates ({"lat", "lon"}, plus the GeoNames row)
    for the provinces whose largest town is not their capital (``admin1_capitals.tsv``). Read
    once per build (both layers ask; the city files are scanned once); callers copy, never change it."""
    wanted = {r["capital_geonameid"]: (r["country"], r["admin1_code"]) for r in tsv(path, comments=True)}
    out: dict[tuple[str, str], dict] = {}
    for fname in ("cities500_mena.tsv.gz", "cities15000_world.tsv.gz"):
        for r in tsv(gz / fname):
            key = wanted.get(r["geonameid"])
            if key is not None and key not in out:
                assert r["country_code"] == key[0], (r["geonameid"], key)
                out[key] = {**r, "lat": r["latitude"], "lon": r["longitude"]}
    missing = set(wanted.values()) - set(out)
    assert not missing, f"capitals not in the GeoNames files: {sorted(missing)}"
    return out


def largest_town(towns: Iterable[dict], key: Callable[[dict], Hashable]) -> dict[Hashable, dict]:
    """The most populous of ``towns`` for each ``key`` (the first one on a tie): a province's
    capital, nearly everywhere, where the sources do not say which town it is."""
    out: dict[Hashable, dict] = {}
    for t in towns:
        k = key(t)
        if k not in out or int(t["population"] or 0) > int(out[k]["population"] or 0):
            out[k] = t
    return out


def place_provinces_at_largest_town(rows: list[dict]) -> None:
    """OCHA governorates come at their polygon centroids; the schema places a province-only
    event at the province capital, so each governorate moves to the GeoNames province of the
    same Arabic name when that one sits at a listed capital (admin1_capitals.tsv), else to its
    largest town (the capital, nearly everywhere: Homs, Deir ez-Zor…) when one is known,
    else to that GeoNames province (placed at its largest town)."""
    largest = largest_town((r for r in rows if r["feature"] == "populated_place" and r["admin1"]),
                           lambda r: (r["country"], r["admin1"]))
    # where the English spellings differ ("Hadramawt" / GeoNames "Hadramaout"), the GeoNames
    # province of the same Arabic name, already at its largest town
    geonames_province = {(r["country"], norm(a)): r for r in rows
                         if r["feature"] == "admin1" and r["source"] == "GeoNames subdivisions"
                         for a in r["aliases"].split("|")}
    for r in rows:
        if r["feature"] == "admin1" and r["source"].startswith(("OpenSyria", "OCHA")):
            same_name = next((geonames_province[(r["country"], norm(a))] for a in r["aliases"].split("|")
                              if (r["country"], norm(a)) in geonames_province), None)
            # a GeoNames province placed at a capital that is not its largest town (Abyan at
            # Zinjibar) gives its place to the governorate of the same name
            town = (same_name if same_name is not None and same_name.get("_capital")
                    else largest.get((r["country"], r["admin1"])) or same_name)
            if town is not None:
                r["lat"], r["lon"] = town["lat"], town["lon"]


LATIN_FILE = "gazetteer_latin.tsv.gz"
LATIN_COLUMNS = ["id", "name", "latin", "skeletons", "lat", "lon", "country", "admin1", "feature", "population",
                 "geonames_id", "source"]
#: Latin alternate names kept per place for transliteration matching.
LATIN_ALTERNATES = 4


def write_tsv_gz(path: Path, columns: list[str], rows: list[dict]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\",
                       lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    # mtime=0: the same inputs give the same bytes (small git diffs)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(buf.getvalue().encode("utf-8"))


def _latin_names(r: dict) -> list[str]:
    names = [r["name"]]
    for n in (r.get("alternatenames_all") or "").split("|"):
        if n and n not in names and all(ord(ch) < 0x250 for ch in n) and len(names) <= LATIN_ALTERNATES:
            names.append(n)
    return names


def build_latin(shared: Path, arabic_rows: list[dict]) -> list[dict]:
    """GeoNames places that have no Arabic name in the sources, and every province, by their
    Latin names (rasd.knowledge.transliteration matches Arabic spellings to them after a cue
    word: "ولاية فرياب" where the Arabic name is spelled فارياب)."""
    gz = shared / "geonames_gazetteer"
    known = {r["geonames_id"] for r in arabic_rows if r.get("geonames_id")}
    out: list[dict] = []
    cities = [r for fname in ("cities500_mena.tsv.gz", "cities15000_world.tsv.gz") for r in tsv(gz / fname)]
    largest = largest_town(cities, lambda r: (r["country_code"], r["admin1_code"]))
    largest.update(province_capitals(gz))
    seen: set[str] = set()
    for r in cities:
        gid = r["geonameid"]
        if gid in known or gid in seen:
            continue
        seen.add(gid)
        out.append({
            "id": f"gn:{gid}", "name": r["name"], "latin": "|".join(_latin_names(r)),
            "lat": r["latitude"], "lon": r["longitude"], "country": r["country_code"],
            "admin1": ascii_name(r["admin1_name"]), "feature": "populated_place",
            "population": r["population"] or "0", "geonames_id": gid, "source": "GeoNames (Latin name)",
        })
    for r in tsv(gz / "subdivisions_world_admin1_admin2.tsv.gz"):
        key = (r["country_code"], r["admin1_code"])
        if r["level"] != "1" or key not in largest:
            continue
        town = largest[key]
        names = [r["name"]] + [n for n in (r.get("aliases_all") or "").split("|")
                               if n and all(ord(ch) < 0x250 for ch in n)][:LATIN_ALTERNATES]
        out.append({
            "id": f"gn:{r['geonameid']}", "name": ascii_name(r["name"]), "latin": "|".join(dict.fromkeys(names)),
            "lat": town["latitude"], "lon": town["longitude"], "country": r["country_code"],
            "admin1": ascii_name(r["name"]), "feature": "admin1", "population": "0",
            "geonames_id": r["geonameid"], "source": "GeoNames subdivisions (Latin name)",
        })
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data",
                    help="folder with the source data (default: ../shared/data)")
    ap.add_argument("--curated", type=Path, default=DATA / "places_curated.tsv",
                    help="curated places file (default: the package's places_curated.tsv)")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    if not a.shared.is_dir():
        print(f"error: source folder {a.shared} not found (pass --shared)", file=sys.stderr)
        return 2
    rows = build(a.shared, a.curated)
    write_tsv_gz(a.out, COLUMNS, rows)
    latin = build_latin(a.shared, rows)
    for r in latin:  # computed here once, not at every start of the pipeline
        r["skeletons"] = "|".join(latin_skeletons(r["latin"].split("|"), province=r["feature"] == "admin1"))
    latin_out = a.out.with_name(LATIN_FILE)
    write_tsv_gz(latin_out, LATIN_COLUMNS, latin)
    print(f"wrote {len(latin)} places known only by Latin names to {latin_out} "
          f"({latin_out.stat().st_size / 1e6:.1f} MB)")
    by_source: dict[str, int] = defaultdict(int)
    for r in rows:
        by_source[r["source"]] += 1
    print(f"wrote {len(rows)} places to {a.out} ({a.out.stat().st_size / 1e6:.1f} MB)")
    for s, n in sorted(by_source.items(), key=lambda x: -x[1]):
        print(f"  {n:7d}  {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
