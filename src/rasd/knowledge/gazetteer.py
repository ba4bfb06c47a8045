"""The shipped gazetteer: places with Arabic aliases, indexed by normalised token sequence.

The committed form is a gzipped TSV built by ``scripts/build_gazetteer.py``;
the in-memory index maps each alias (normalised, split into tokens, with and
without its leading article) to the entries it may name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from rasd.knowledge import data_path, read_tsv
from rasd.text.matcher import PhraseMatcher, phrase_key
from rasd.text.normalize import norm


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    name_ar: str
    lat: float
    lon: float
    country: str
    admin1: str
    feature: str
    population: int
    geonames_id: Optional[int]
    source: str


# Features that name the place itself (ACLED geo_precision 1).
POINT_FEATURES = {"populated_place", "village", "town", "camp", "crossing", "transport", "neighbourhood",
                  "base", "oilfield", "airport", "dam", "landmark"}


class Gazetteer:
    """Places and their alias matcher.

    Aliases are indexed as written (normalised), and the article is stripped on
    neither side: "المدينة" (Medina) must not match the noun "مدينة", nor the
    adjective "السورية" the country "سورية". Other clitics are stripped from the
    text ("بالباغوز" → الباغوز).
    """

    def __init__(self, entries: list[Entry], aliases: list[list[str]], stoplist: set[str]):
        self.entries = entries
        self.matcher: PhraseMatcher[int] = PhraseMatcher(strip_article=False)
        for i, names in enumerate(aliases):
            for a in names:
                key = phrase_key(a)
                if key and " ".join(key) not in stoplist:
                    self.matcher.add(key, i)

    @classmethod
    def load(cls, path: Optional[Path] = None) -> "Gazetteer":
        entries: list[Entry] = []
        aliases: list[list[str]] = []
        for r in read_tsv(path or data_path("gazetteer.tsv.gz")):
            entries.append(Entry(
                id=r["id"], name=r["name"], name_ar=r["name_ar"], lat=float(r["lat"]), lon=float(r["lon"]),
                country=r["country"], admin1=r["admin1"], feature=r["feature"],
                population=int(float(r["population"] or 0)),
                geonames_id=int(r["geonames_id"]) if r["geonames_id"] else None, source=r["source"],
            ))
            aliases.append(r["aliases"].split("|"))
        stop = {norm(w) for w in data_path("place_stoplist.txt").read_text(encoding="utf-8").splitlines()
                if w.strip() and not w.startswith("#")}
        return cls(entries, aliases, stop)

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose alias is exactly ``name`` (normalised)."""
        return [self.entries[i] for i in self.matcher.get(phrase_key(name))]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()
