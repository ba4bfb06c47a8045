"""Readers for the place lists analysts bring, into rows of rasd's gazetteer schema.

rasd ships towns of 500+ people and administrative units down to sub-districts;
the villages an analyst needs are in files they can get offline: a GeoNames
country dump (``SY.txt``, ``allCountries.zip``, ``cities500.txt``), GeoNames'
``alternateNamesV2.txt`` (Arabic names for places already known), an OCHA
Common Operational Dataset list of populated places (CSV/TSV, or a CSV
exported from its XLSX), or a TSV in rasd's own gazetteer columns. Each reader
turns one into :data:`~rasd.knowledge.user_places.COLUMNS` rows; a malformed
line stops the import with an error naming the file and line, before anything
is written. :func:`import_file` merges the rows into the user layer.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import re
import zipfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from rasd.knowledge import data_path, read_tsv
from rasd.knowledge.user_places import COLUMNS, MergeResult, merge_rows, read_rows, write_rows

FORMATS = ("geonames", "alternatenames", "ocha", "tsv")
# An Arabic alias uses only the Arabic alphabet (plus diacritics); names with Persian or
# Kurdish letters (ی ک ە ۆ پ چ گ ژ) are other languages' names for the place.
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0640-\u0652\u0670\u0671 '\-]+$")
GEONAMES_COLUMNS = 19
_SPACE = re.compile(r"\s+")


class GazetteerInputError(Exception):
    """A file rasd cannot import; the message names the file (and line)."""

    def __init__(self, file: str, message: str, line: Optional[int] = None):
        self.file, self.line = file, line
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


@dataclass
class ImportReport:
    file: str
    format: str
    source: str
    lines: int = 0  # data lines read
    rows: int = 0  # gazetteer rows produced
    skipped: Counter = field(default_factory=Counter)  # reason → lines
    merge: Optional[MergeResult] = None


# ---------------------------------------------------------------- reading files

def _tab_rows(path: Path, report: "ImportReport") -> Iterator[tuple[int, list[str]]]:
    """(line number, tab-separated cells) of every non-empty line, counted in ``report``."""
    with open_lines(path) as lines:
        for n, line in enumerate(lines, 1):
            line = line.rstrip("\r\n")
            if not line:
                continue
            report.lines += 1
            yield n, line.split("\t")


@contextmanager
def open_lines(path: Path) -> Iterator[Iterator[str]]:
    """Text lines of ``path``: plain, gzip, or the data file inside a zip (GeoNames ships
    ``SY.zip`` holding ``SY.txt`` and ``readme.txt``)."""
    name = str(path)
    try:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                with z.open(zip_member(z, path)) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        elif path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as f:
                yield f
        else:
            with open(path, encoding="utf-8-sig", newline="") as f:
                yield f
    except FileNotFoundError:
        raise GazetteerInputError(name, "no such file") from None
    except IsADirectoryError:
        raise GazetteerInputError(name, "is a directory") from None
    except UnicodeDecodeError as e:
        raise GazetteerInputError(name, f"not UTF-8 text ({e.reason} at byte {e.start}); convert it first") from None
    except (zipfile.BadZipFile, gzip.BadGzipFile, EOFError) as e:
        raise GazetteerInputError(name, f"damaged archive ({e})") from None


def zip_member(z: zipfile.ZipFile, path: Path) -> str:
    """The data file in a GeoNames zip: the one named like the zip (``alternateNamesV2.zip`` also
    holds ``iso-languagecodes.txt``), else the largest that is not a readme."""
    members = [i for i in z.infolist() if not i.is_dir() and "readme" not in i.filename.lower()]
    if not members:
        raise GazetteerInputError(str(path), "the zip holds no data file")
    same = [i for i in members if Path(i.filename).stem == path.stem]
    return (same or sorted(members, key=lambda i: -i.file_size))[0].filename


def inner_name(path: Path) -> str:
    """The data file's own name (``SY.zip`` → ``SY.txt``, ``x.csv.gz`` → ``x.csv``)."""
    if path.suffix == ".zip" and path.exists():
        try:
            with zipfile.ZipFile(path) as z:
                return Path(zip_member(z, path)).name
        except zipfile.BadZipFile:
            return path.name
    return path.name[:-3] if path.name.endswith(".gz") else path.name


def detect_format(path: Path) -> str:
    """Which reader fits: by the file's name, then by its first line."""
    name = inner_name(path).lower()
    if name.startswith("alternatename"):
        return "alternatenames"
    with open_lines(path) as lines:
        first = next(iter(lines), "")
    header = {_col(c) for c in re.split(r"[\t,;]", first)}
    if "namear" in header and header & {"lat", "latitude"}:
        return "tsv"
    if any(re.fullmatch(r"(admin|adm)\d(name)?(ar|en|pcode)", c) for c in header) or header & _OCHA_NAME_AR:
        return "ocha"
    cells = first.rstrip("\r\n").split("\t")
    if len(cells) == GEONAMES_COLUMNS and cells[0].isdigit():
        return "geonames"
    if len(cells) in (8, 10) and cells[0].isdigit() and cells[1].isdigit():
        return "alternatenames"
    raise GazetteerInputError(str(path), "cannot tell the format from the first line; pass --format "
                                         "(geonames, alternatenames, ocha or tsv)", 1)


# ---------------------------------------------------------------- shared helpers

def clean(value: str) -> str:
    """One line of text: tabs and newlines would break the TSV."""
    return _SPACE.sub(" ", value).strip()


def arabic_names(values: Iterable[str]) -> list[str]:
    """Arabic-script names in Arabic letters, longer than two letters ("ان", "اب" are words), once each."""
    out: list[str] = []
    for v in values:
        v = clean(v)
        if v and ARABIC_ONLY.match(v) and len(v.replace(" ", "")) > 2 and v not in out:
            out.append(v)
    return out


def coordinate(value: str, low: float, high: float, what: str, file: str, line: int) -> str:
    try:
        x = float(value)
    except ValueError:
        raise GazetteerInputError(file, f"{what} {value!r} is not a number", line) from None
    if not low <= x <= high or x != x:
        raise GazetteerInputError(file, f"{what} {x} is out of range [{low}, {high}]", line)
    return value.strip()


def row(**values: str) -> dict[str, str]:
    return {c: clean(values.get(c, "") or "") for c in COLUMNS}


def shipped_rows() -> list[dict[str, str]]:
    return list(read_tsv(data_path("gazetteer.tsv.gz")))


def geonames_features() -> dict[str, str]:
    """GeoNames ``class.code`` → rasd feature, for the codes rasd imports (a data file)."""
    return {r["code"]: r["feature"] for r in read_tsv_comments(data_path("geonames_features.tsv"))}


def read_tsv_comments(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t",
                                  quoting=csv.QUOTE_NONE)


# ---------------------------------------------------------------- GeoNames dumps

def read_geonames(path: Path, source: str, country: Optional[str] = None,
                  report: Optional[ImportReport] = None) -> list[dict[str, str]]:
    """Places with an Arabic name from a GeoNames dump (19 columns, no header).

    Columns, as GeoNames' readme documents them: geonameid, name, asciiname,
    alternatenames, latitude, longitude, feature class, feature code, country
    code, cc2, admin1 code, admin2, admin3, admin4, population, elevation, dem,
    timezone, modification date. Arabic names come from the alternatenames;
    admin1 codes become the province names rasd already uses.
    """
    report = report or ImportReport(str(path), "geonames", source)
    file = str(path)
    features = geonames_features()
    shipped_admin1 = {r["geonames_id"]: r["admin1"] for r in shipped_rows() if r["geonames_id"]}
    learned: dict[tuple[str, str], Counter] = {}  # (country, admin1 code) → shipped labels of its places
    own: dict[tuple[str, str], str] = {}  # (country, admin1 code) → the file's ADM1 name
    rows: list[tuple[dict[str, str], tuple[str, str]]] = []
    for n, c in _tab_rows(path, report):
        if len(c) != GEONAMES_COLUMNS:
            raise GazetteerInputError(file, f"expected {GEONAMES_COLUMNS} tab-separated GeoNames columns, "
                                            f"found {len(c)}", n)
        gid = c[0]
        if not gid.isdigit():
            raise GazetteerInputError(file, f"geonameid {gid!r} is not a number", n)
        cc, code = c[8], c[10]
        if country and cc != country:
            report.skipped["other country"] += 1
            continue
        lat = coordinate(c[4], -90, 90, "latitude", file, n)
        lon = coordinate(c[5], -180, 180, "longitude", file, n)
        key = (cc, code)
        if gid in shipped_admin1 and shipped_admin1[gid]:
            learned.setdefault(key, Counter())[shipped_admin1[gid]] += 1
        fcode = f"{c[6]}.{c[7]}"
        if fcode == "A.ADM1":
            own[key] = c[2] or c[1]
        feature = features.get(fcode)
        if feature is None:
            report.skipped["feature code not imported"] += 1
            continue
        names = arabic_names(c[3].split(","))
        if not names:
            report.skipped["no Arabic name"] += 1
            continue
        rows.append((row(id=f"gn:{gid}", name=c[1], name_ar=names[0], aliases="|".join(names), lat=lat, lon=lon,
                         country=cc, feature=feature, population=c[14] or "0", geonames_id=gid,
                         source=source), key))
    for r, key in rows:
        label = learned[key].most_common(1)[0][0] if key in learned else own.get(key, "")
        r["admin1"] = r["name"] if r["feature"] == "admin1" and not label else label
    report.rows = len(rows)
    return [r for r, _ in rows]


def read_alternatenames(path: Path, source: str, known: dict[int, list[dict[str, str]]],
                        report: Optional[ImportReport] = None) -> list[dict[str, str]]:
    """Rows of ``known`` places (geonameid → its rows) with the Arabic names ``alternateNamesV2.txt`` adds.

    Columns: alternateNameId, geonameid, isolanguage, alternate name,
    isPreferredName, isShortName, isColloquial, isHistoric, from, to (the older
    ``alternateNames.txt`` stops after isHistoric). Historic names are left out.
    """
    report = report or ImportReport(str(path), "alternatenames", source)
    file = str(path)
    found: dict[int, list[str]] = {}
    for n, c in _tab_rows(path, report):
        if len(c) not in (8, 10):
            raise GazetteerInputError(file, f"expected 10 tab-separated alternate-name columns, found {len(c)}", n)
        if not c[1].isdigit():
            raise GazetteerInputError(file, f"geonameid {c[1]!r} is not a number", n)
        if c[2] != "ar":
            report.skipped["not Arabic"] += 1
            continue
        if c[7] == "1":
            report.skipped["historic name"] += 1
            continue
        gid = int(c[1])
        if gid not in known:
            report.skipped["place not in the gazetteer"] += 1
            continue
        names = arabic_names([c[3]])
        if not names:
            report.skipped["not an Arabic-letter name"] += 1
            continue
        found.setdefault(gid, []).extend(names)
    out = []
    note = f"Arabic names: {source}"
    for gid, names in found.items():
        for r in known[gid]:  # a province can be both a GeoNames and an OpenSyria row
            aliases = [a for a in r["aliases"].split("|") if a]
            aliases += [a for a in names if a not in aliases]
            src = r["source"] if note in r["source"] else f"{r['source']}; {note}"
            out.append({**r, "aliases": "|".join(aliases), "source": src, "name_ar": r["name_ar"] or aliases[0]})
    report.rows = len(out)
    return out


# ---------------------------------------------------------------- OCHA COD populated places

def _col(name: str) -> str:
    """Column names compared loosely: "admin4Name_ar", "ADM4_AR", "Latitude (y)" → admin4namear, adm4ar, latitudey."""
    return re.sub(r"[^a-z0-9]", "", name.strip().lower())


_OCHA_NAME_AR = {"featurenamear", "locnamear", "locationnamear", "pplnamear", "placenamear"}
_OCHA_NAME_EN = ["featurenameen", "locname", "locnameen", "locationnameen", "pplnameen", "placenameen", "nameen", "name"]
_OCHA_PCODE = ["featurepcode", "locpcode", "locationpcode", "pplpcode", "pcode"]
_LAT = ["latitude", "lat", "latitudey", "y", "pointy", "ycoord"]
_LON = ["longitude", "lon", "long", "longitudex", "x", "pointx", "xcoord"]
_POPULATION = ["population", "pop", "totalpop"]


def _first(columns: dict[str, int], names: Iterable[str]) -> Optional[int]:
    return next((columns[n] for n in names if n in columns), None)


def _delimiter(first: str) -> str:
    return max("\t,;", key=first.count)


def read_ocha(path: Path, source: str, country: Optional[str] = None,
              report: Optional[ImportReport] = None) -> list[dict[str, str]]:
    """Places from an OCHA COD list (populated places, or an admin-level table with centroids).

    The standard COD columns are read: ``admin1Name_en``/``_ar``/``Pcode`` …
    ``admin4Name_ar``, ``latitude``/``longitude`` (or ``ADM4_AR``, ``ADM4_PCODE``,
    ``featureName_ar``, ``LOC_NAME``, ``Latitude_y``/``Longitude_x``). The
    place is the deepest level with an Arabic name: a feature name or admin 4+
    is a populated place, admin 1–3 that administrative unit.
    """
    report = report or ImportReport(str(path), "ocha", source)
    file = str(path)
    with open_lines(path) as lines:
        lines = iter(lines)
        first = next(lines, "")
        if not first.strip():
            raise GazetteerInputError(file, "is empty")
        reader = csv.reader(_chain(first, lines), delimiter=_delimiter(first))
        header = next(reader)
        cols: dict[str, int] = {}
        for i, h in enumerate(header):
            cols.setdefault(_col(h), i)
        level = next((lv for lv in range(5, 0, -1) if f"admin{lv}namear" in cols or f"adm{lv}ar" in cols), None)
        name_ar = _first(cols, _OCHA_NAME_AR)
        if name_ar is not None:
            feature, name_en, pcode = "populated_place", _first(cols, _OCHA_NAME_EN), _first(cols, _OCHA_PCODE)
        elif level is not None:
            name_ar = _first(cols, [f"admin{level}namear", f"adm{level}ar"])
            name_en = _first(cols, [f"admin{level}nameen", f"adm{level}en"])
            pcode = _first(cols, [f"admin{level}pcode", f"adm{level}pcode"])
            feature = "populated_place" if level >= 4 else f"admin{level}"
        else:
            raise GazetteerInputError(file, "no Arabic name column (looked for featureName_ar, admin1Name_ar … "
                                            "admin5Name_ar, ADM1_AR … ADM5_AR)", 1)
        lat, lon = _first(cols, _LAT), _first(cols, _LON)
        if lat is None or lon is None:
            raise GazetteerInputError(file, "no latitude/longitude columns (looked for latitude, lat, "
                                            "Latitude_y, y / longitude, lon, Longitude_x, x)", 1)
        admin1 = _first(cols, ["admin1nameen", "adm1en", "admin1name"])
        country_col = _first(cols, ["admin0pcode", "adm0pcode", "iso2", "countrycode"])
        admin1_pcode = _first(cols, ["admin1pcode", "adm1pcode"])
        population = _first(cols, _POPULATION)
        rows = []
        for values in reader:
            n = reader.line_num
            if not any(v.strip() for v in values):
                continue
            report.lines += 1
            if len(values) != len(header):
                raise GazetteerInputError(file, f"expected {len(header)} columns as in the header, found {len(values)}", n)

            def get(col: Optional[int]) -> str:
                return values[col].strip() if col is not None else ""

            # "اعزاز / عزاز": two names; "(شرقي)", "(مركز)": a qualifier, not a name
            names = arabic_names(re.split(r"\s*[/|]\s*", re.sub(r"\([^)]*\)", " ", get(name_ar))))
            if not names:
                report.skipped["no Arabic name"] += 1
                continue
            cc = country or _country_code(get(country_col), get(admin1_pcode))
            if not cc:
                raise GazetteerInputError(file, "cannot tell the country (no 2-letter admin0Pcode/admin1Pcode); "
                                                "pass --country", n)
            y = coordinate(get(lat), -90, 90, "latitude", file, n)
            x = coordinate(get(lon), -180, 180, "longitude", file, n)
            code = get(pcode)
            ident = f"ocha:{code}" if code else f"ocha:{cc}:{_digest(names[0], y, x)}"
            pop = get(population)
            rows.append(row(id=ident, name=get(name_en) or names[0], name_ar=names[0], aliases="|".join(names),
                            lat=y, lon=x, country=cc, admin1=get(admin1), feature=feature,
                            population=pop if pop.replace(".", "", 1).isdigit() else "0", source=source))
    report.rows = len(rows)
    return rows


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _country_code(admin0: str, admin1_pcode: str) -> str:
    if len(admin0) == 2 and admin0.isalpha():
        return admin0.upper()
    if len(admin1_pcode) >= 3 and admin1_pcode[:2].isalpha():
        return admin1_pcode[:2].upper()
    return ""


def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


# ---------------------------------------------------------------- rasd's own TSV

def read_own_tsv(path: Path, source: str, country: Optional[str] = None,
                 report: Optional[ImportReport] = None) -> list[dict[str, str]]:
    """Rows of a TSV with rasd's gazetteer columns (a header; at least name_ar, lat, lon, country).

    Optional columns: id, name, aliases (``|``-separated), admin1, feature
    (default populated_place), population, geonames_id, source (per row; the
    default is the file's). ``--country`` fills a missing country column.
    """
    report = report or ImportReport(str(path), "tsv", source)
    file = str(path)
    rows = []
    with open_lines(path) as lines:
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = set(reader.fieldnames or [])
        missing = [c for c in ("name_ar", "lat", "lon", "country") if c not in header
                   and not (c == "country" and country)]
        if missing:
            raise GazetteerInputError(file, f"missing column(s) {', '.join(missing)} in the header "
                                            f"(needed: name_ar, lat, lon, country)", 1)
        for r in reader:
            n = reader.line_num
            if not any((v or "").strip() for v in r.values() if isinstance(v, str)):
                continue
            report.lines += 1
            if None in r or any(v is None for v in r.values()):
                raise GazetteerInputError(file, "the number of columns differs from the header", n)
            name_ar = clean(r["name_ar"])
            if not name_ar:
                raise GazetteerInputError(file, "empty name_ar", n)
            cc = clean(r.get("country") or "") or (country or "")
            if not re.fullmatch(r"[A-Za-z]{2}", cc):
                raise GazetteerInputError(file, f"country {cc!r} is not an ISO 3166 alpha-2 code", n)
            y = coordinate(r["lat"], -90, 90, "lat", file, n)
            x = coordinate(r["lon"], -180, 180, "lon", file, n)
            pop = clean(r.get("population") or "0")
            if not pop.replace(".", "", 1).isdigit():
                raise GazetteerInputError(file, f"population {pop!r} is not a number", n)
            gid = clean(r.get("geonames_id") or "")
            if gid and not gid.isdigit():
                raise GazetteerInputError(file, f"geonames_id {gid!r} is not a number", n)
            aliases = [name_ar] + [a for a in (clean(x) for x in (r.get("aliases") or "").split("|")) if a and a != name_ar]
            rows.append(row(id=clean(r.get("id") or "") or f"user:{_digest(cc.upper(), name_ar, y, x)}",
                            name=clean(r.get("name") or "") or name_ar, name_ar=name_ar,
                            aliases="|".join(dict.fromkeys(aliases)), lat=y, lon=x, country=cc.upper(),
                            admin1=r.get("admin1") or "", feature=clean(r.get("feature") or "") or "populated_place",
                            population=pop, geonames_id=gid, source=clean(r.get("source") or "") or source))
    report.rows = len(rows)
    return rows


# ---------------------------------------------------------------- importing

_LABEL = {"geonames": "GeoNames", "alternatenames": "GeoNames alternate names", "ocha": "OCHA COD", "tsv": ""}


def import_file(path: Path, fmt: str = "auto", country: Optional[str] = None, source: Optional[str] = None,
                store: Optional[Path] = None) -> ImportReport:
    """Read ``path`` and merge its places into the user layer (``store``, default the user's).

    Nothing is written unless the whole file reads cleanly; rows already in the
    layer (same id) are replaced, so importing a file twice changes nothing.
    """
    path = Path(path)
    if not path.exists():
        raise GazetteerInputError(str(path), "no such file")
    if path.suffix.lower() in (".xlsx", ".xls", ".ods"):
        raise GazetteerInputError(str(path), "a spreadsheet: export the sheet with the places as CSV (UTF-8) first")
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt not in FORMATS:
        raise GazetteerInputError(str(path), f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    country = country.upper() if country else None
    src = source or " ".join(x for x in (_LABEL[fmt], inner_name(path)) if x)
    report = ImportReport(str(path), fmt, src)
    existing = read_rows(store)
    if fmt == "geonames":
        rows = read_geonames(path, src, country, report)
    elif fmt == "alternatenames":
        by_id = {r["id"]: {c: r.get(c, "") for c in COLUMNS} for r in shipped_rows() + existing}  # user rows win
        known: dict[int, list[dict[str, str]]] = {}
        for r in by_id.values():
            if r["geonames_id"].isdigit():
                known.setdefault(int(r["geonames_id"]), []).append(r)
        rows = read_alternatenames(path, src, known, report)
    elif fmt == "ocha":
        rows = read_ocha(path, src, country, report)
    else:
        rows = read_own_tsv(path, src, country, report)
    merged, report.merge = merge_rows(existing, rows)
    if report.merge.added or report.merge.updated:
        write_rows(merged, store)
    return report
