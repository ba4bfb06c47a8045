"""``rasd gazetteer``: add the user's own places (import) and see what is loaded (info).

    rasd gazetteer import SY.zip                       # a GeoNames country dump
    rasd gazetteer import alternateNamesV2.zip         # Arabic names for known places
    rasd gazetteer import syr_pplp.csv --country SY    # OCHA COD populated places
    rasd gazetteer import my_places.tsv --source "field team 2026-11"
    rasd gazetteer info
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

EXIT_OK, EXIT_INPUT = 0, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "gazetteer", help="import your own places (GeoNames, OCHA COD, TSV); show what is loaded",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Manage the user gazetteer layer, which rasd loads over its shipped gazetteer.\n\n"
                    "Imported places are stored in $RASD_HOME/gazetteer/places.tsv.gz (RASD_HOME defaults to\n"
                    "~/.local/share/rasd). Importing the same file again replaces its rows; a bad line stops the\n"
                    "import with the file and line, and nothing is written.",
        epilog="examples:\n"
               "  rasd gazetteer import SY.zip\n"
               "  rasd gazetteer import alternateNamesV2.zip\n"
               "  rasd gazetteer import syr_pplp_adm4.csv --country SY --source 'OCHA COD-PP 2024'\n"
               "  rasd gazetteer info",
    )
    p.set_defaults(func=lambda a: (p.print_help(), EXIT_INPUT)[1])
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    imp = actions.add_parser(
        "import", help="add the places of a file to the user layer",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Formats:\n"
                    "  geonames        a GeoNames dump: a country file (SY.txt), allCountries, citiesNNNN\n"
                    "                  (19 columns, no header; .txt, .zip or .gz); places with an Arabic name\n"
                    "  alternatenames  GeoNames alternateNamesV2.txt: Arabic names for places already loaded\n"
                    "  ocha            an OCHA COD list (CSV/TSV; admin1Name_ar … admin4Name_ar, ADM4_AR,\n"
                    "                  featureName_ar, latitude/longitude)\n"
                    "  tsv             rasd's gazetteer columns with a header: name_ar, lat, lon, country, and\n"
                    "                  optionally id, name, aliases (|-separated), admin1, feature,\n"
                    "                  population, geonames_id, source",
    )
    imp.add_argument("file", type=Path, help="the file to import")
    imp.add_argument("--format", default="auto", choices=["auto", "geonames", "alternatenames", "ocha", "tsv"],
                     help="the file's format (default: told from its name and first line)")
    imp.add_argument("--country", metavar="CC", help="ISO 3166 alpha-2 code: keep only this country (geonames), "
                                                     "or the country of every row (ocha, tsv)")
    imp.add_argument("--source", metavar="NAME", help="the source recorded on every row (default: the file name)")
    imp.set_defaults(func=cmd_import)
    info = actions.add_parser("info", help="counts of the shipped and user places, by source and country")
    info.set_defaults(func=cmd_info)


def cmd_import(a: argparse.Namespace) -> int:
    from rasd.knowledge.gazetteer_cache import clear_cache
    from rasd.knowledge.importers import GazetteerInputError, import_file
    from rasd.knowledge.user_places import user_gazetteer_path

    if a.country and not (len(a.country) == 2 and a.country.isalpha()):
        print(f"rasd gazetteer import: --country {a.country!r} is not an ISO 3166 alpha-2 code (SY, IQ, YE …)",
              file=sys.stderr)
        return EXIT_INPUT
    try:
        r = import_file(a.file, a.format, a.country, a.source)
    except GazetteerInputError as e:
        print(f"rasd gazetteer import: {e}; nothing was imported", file=sys.stderr)
        return EXIT_INPUT
    except OSError as e:
        print(f"rasd gazetteer import: cannot write the user gazetteer ({e}); nothing was imported", file=sys.stderr)
        return EXIT_INPUT
    m = r.merge
    assert m is not None
    print(f"{r.file}: {r.format}, source {r.source!r}: {r.lines} lines read, {r.rows} places")
    print(f"  {m.added} added, {m.updated} updated, {m.unchanged} already there")
    for reason, n in r.skipped.most_common():
        print(f"  {n} skipped: {reason}")
    if m.added or m.updated:
        clear_cache()
    print(f"user gazetteer: {m.total} places in {user_gazetteer_path()}")
    return EXIT_OK


def cmd_info(a: argparse.Namespace) -> int:
    from rasd.knowledge import data_path, read_tsv
    from rasd.knowledge.user_places import rasd_home, read_rows, user_gazetteer_path

    shipped = list(read_tsv(data_path("gazetteer.tsv.gz")))
    user = read_rows()
    shipped_ids = {r["id"] for r in shipped}
    print(f"shipped: {len(shipped)} places ({data_path('gazetteer.tsv.gz')})")
    _counts("  by source", Counter(r["source"] for r in shipped))
    print(f"user: {len(user)} places ({user_gazetteer_path()}; RASD_HOME={rasd_home()})")
    if user:
        print(f"  {sum(r['id'] in shipped_ids for r in user)} of them update a shipped place")
        _counts("  by source", Counter(r["source"] for r in user))
        _counts("  by country", Counter(r["country"] for r in user))
    total = len(shipped_ids | {r["id"] for r in user})
    print(f"loaded: {total} places")
    return EXIT_OK


def _counts(title: str, counts: Counter, top: int = 15) -> None:
    print(title + ":")
    for key, n in counts.most_common(top):
        print(f"    {n:7d}  {key}")
    if len(counts) > top:
        print(f"    {sum(n for _, n in counts.most_common()[top:]):7d}  ({len(counts) - top} more)")
