"""The curated Arabic news spellings for GeoNames places (geonames_aliases_ar.tsv) are well-formed.

scripts/build_gazetteer.py keeps every listed GeoNames place whatever its population and adds these
aliases to its own, so a malformed row would silently add a wrong or unmatchable name.
"""

from __future__ import annotations

import csv
import re
from collections import Counter

from rasd.knowledge import gazetteer as gaz

# the build's rule for an Arabic alias (scripts/build_gazetteer.py: ARABIC_ONLY, longer than 2 letters)
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0640-\u0652\u0670\u0671 '\-]+$")
DIACRITICS = re.compile(r"[\u064b-\u0652\u0670\u0640]")


def rows() -> list[dict]:
    with open(gaz.data_path("geonames_aliases_ar.tsv"), encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_geonames_aliases_file_is_well_formed():
    table = rows()
    assert len(table) > 250
    assert list(table[0]) == ["geonameid", "aliases", "name_en", "note"]
    ids = Counter(r["geonameid"] for r in table)
    assert all(gid.isdigit() for gid in ids), [g for g in ids if not g.isdigit()]
    assert [g for g, n in ids.items() if n > 1] == []
    owner: dict[str, str] = {}
    for r in table:
        assert r["name_en"] and None not in r.values(), r  # four columns, no stray tabs
        aliases = r["aliases"].split("|")
        assert aliases and len(set(aliases)) == len(aliases), r
        for a in aliases:
            assert a == a.strip() and ARABIC_ONLY.match(a), (r["geonameid"], a)
            assert not DIACRITICS.search(a), (r["geonameid"], a)
            assert len(a.replace(" ", "")) > 2, (r["geonameid"], a)
            assert owner.setdefault(a, r["geonameid"]) == r["geonameid"], f"{a} is listed for {owner[a]} and {r['geonameid']}"


def test_geonames_aliases_names_the_places_news_needs():
    by_id = {r["geonameid"]: r for r in rows()}
    assert "واشنطن" in by_id["4140963"]["aliases"].split("|")  # Washington DC: no Arabic name in GeoNames
    assert "موسكو" in by_id["524901"]["aliases"].split("|")
    assert "نيودلهي" in by_id["1261481"]["aliases"].split("|")
    everything = {a for r in by_id.values() for a in r["aliases"].split("|")}
    # ordinary words or other meanings, left out on purpose
    assert not everything & {"كان", "نيس", "كيف", "سيول", "ماليه", "مشهد", "بورصة", "عمان", "العيون", "البندقية"}
