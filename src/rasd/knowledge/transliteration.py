"""Arabic names of places the gazetteer knows only in Latin letters.

Most towns outside the Arab world, and many inside it, have no Arabic name in the
sources ("داماتورو" is Damaturu, "ولاية لوغار" is Logar). Both spellings reduce to
the same consonant skeleton when letters that transliterate into each other fall
into one class and vowels, ع, ء and h are dropped:

    داماتورو → DMTR      Damaturu → DMTR
    لوغار    → LKR       Logar    → LKR

``LatinPlaces`` indexes ``knowledge/data/gazetteer_latin.tsv.gz`` (GeoNames places
and provinces without an Arabic name, built by ``scripts/build_gazetteer.py``) by
skeleton. It is consulted only for a name right after a cue word that says a place
follows ("مدينة", "ولاية", "قرية") and that the gazetteer does not know: a skeleton
alone matches too many words to be trusted anywhere else.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rasd.knowledge import data_path, load_yaml, read_tsv
from rasd.knowledge.gazetteer import Entry


@dataclass(frozen=True)
class _Rules:
    arabic: dict[str, str]
    latin_digraphs: list[tuple[str, str]]
    latin: dict[str, str]
    latin_prefixes: tuple[str, ...]
    min_length: int
    province_min_length: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    d = load_yaml("transliteration.yaml")
    digraphs = sorted(d["latin_digraphs"].items(), key=lambda kv: -len(kv[0]))
    return _Rules(dict(d["arabic"]), digraphs, dict(d["latin"]), tuple(d["latin_prefixes"]), int(d["min_length"]),
                  int(d["province_min_length"]))


def _collapse(s: str) -> str:
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def skeleton_arabic(name: str) -> str:
    """The consonant skeleton of a normalised Arabic name ("الماسوره" → "MSR")."""
    r = _rules()
    words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in name.replace("-", " ").split()]
    out = []
    for w in words:
        for k, ch in enumerate(w):
            if ch in ("و", "ي"):
                out.append(("W" if ch == "و" else "Y") if k == 0 else "")
            elif ch == "ه" and k == len(w) - 1:
                continue  # ta marbuta, normalised to ه: a vowel
            else:
                out.append(r.arabic.get(ch, ""))
    return _collapse("".join(out))


def skeleton_latin(name: str) -> str:
    """The consonant skeleton of a Latin name ("Diyarbakır" → "DRBKR", "Al Maşūrah" → "MSR")."""
    r = _rules()
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    words = []
    for w in s.replace("-", " ").replace("'", "").replace("‘", "").replace("’", "").split():
        if w not in r.latin_prefixes:  # "Al Mahfad", "el-Obeid": the article is a word of its own
            words.append(w)
    out = []
    for w in words:
        i = 0
        first = True
        while i < len(w):
            for dg, cls in r.latin_digraphs:
                if w.startswith(dg, i):
                    out.append(cls)
                    i += len(dg)
                    break
            else:
                ch = w[i]
                if ch in "wy":
                    out.append(ch.upper() if first else "")
                elif ch == "c":
                    out.append("S" if w[i + 1:i + 2] in ("e", "i", "y") else "K")
                else:
                    out.append(r.latin.get(ch, ""))
                i += 1
            first = False
    return _collapse("".join(out))


def latin_skeletons(names: list[str], province: bool = False) -> list[str]:
    """The distinct skeletons of a place's Latin names that are long enough to be trusted,
    shorter ones for a province (see ``LatinPlaces.lookup``). The build script stores them,
    so that loading costs no transliteration."""
    r = _rules()
    shortest = r.province_min_length if province else r.min_length
    keys = dict.fromkeys(skeleton_latin(n) for n in names if n)
    return [k for k in keys if len(k) >= shortest]


class LatinPlaces:
    """Places known only by Latin names, by consonant skeleton."""

    def __init__(self, places: list[tuple[Entry, list[str]]]):
        """``places``: each entry with its skeletons (see ``latin_skeletons``)."""
        self.by_skeleton: dict[str, list[Entry]] = {}
        for e, keys in places:
            for key in keys:
                self.by_skeleton.setdefault(key, []).append(e)

    @classmethod
    def load(cls) -> "LatinPlaces":
        places = [(Entry(id=r["id"], name=r["name"], name_ar="", lat=float(r["lat"]), lon=float(r["lon"]),
                         country=r["country"], admin1=r["admin1"], feature=r["feature"],
                         population=int(float(r["population"] or 0)),
                         geonames_id=int(r["geonames_id"]) if r["geonames_id"] else None, source=r["source"]),
                   [k for k in r["skeletons"].split("|") if k])
                  for r in read_tsv(data_path("gazetteer_latin.tsv.gz"))]
        return cls(places)

    def lookup(self, arabic_name: str, province: bool = False) -> list[Entry]:
        """Entries whose Latin name has the skeleton of ``arabic_name`` (normalised Arabic).
        With ``province`` (the name follows "ولاية" or "محافظة"), only provinces, by a shorter
        skeleton: a country has a few dozen provinces, so "يوبي" (YB) tells Yobe from the
        rest of Nigeria's, where among its towns it would match several."""
        key = skeleton_arabic(arabic_name)
        if len(key) >= _rules().min_length:
            hits = list(self.by_skeleton.get(key, ()))
            return [e for e in hits if e.feature == "admin1"] if province else hits
        if province and len(key) >= _rules().province_min_length:
            return [e for e in self.by_skeleton.get(key, ()) if e.feature == "admin1"]
        return []


@lru_cache(maxsize=1)
def default_latin_places() -> Optional[LatinPlaces]:
    return LatinPlaces.load() if data_path("gazetteer_latin.tsv.gz").exists() else None
