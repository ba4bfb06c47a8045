"""Country codes and names for exports: ISO alpha-2 (what rasd stores) → alpha-3, numeric, ACLED name and region."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional


@dataclass(frozen=True)
class Country:
    alpha_2: str
    alpha_3: str
    numeric: int
    name: str
    region: str


@lru_cache(maxsize=1)
def _table() -> dict[str, Country]:
    path = resources.files("rasd.exports").joinpath("data", "countries.tsv")
    with path.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {r["alpha_2"]: Country(r["alpha_2"], r["alpha_3"], int(r["numeric"]), r["name"], r["region"])
                for r in rows}


def country(alpha_2: Optional[str]) -> Optional[Country]:
    return _table().get((alpha_2 or "").upper())
