"""The gazetteer: places with Arabic aliases, indexed by normalised token sequence.

Two layers load into one index: the shipped gazetteer (a gzipped TSV built by
``scripts/build_gazetteer.py``) and the user's own places imported with
``rasd gazetteer import`` (see :mod:`rasd.knowledge.user_places`). A user row
with the id of a shipped row replaces its fields and adds its aliases.

The in-memory index maps each alias (normalised, split into tokens) to the
entries it may name. Aliases that are ordinary words far more often than
places (the stoplist: الميادين "the arenas", الحي "the quarter") go into a
second, *guarded* index: they name a place only right after a cue word that
announces one ("مدينة الميادين", "قضاء الحي"); see ``rasd.extract.places``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Union

from rasd.knowledge import data_path, read_tsv
from rasd.knowledge.user_places import user_gazetteer_path
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

#: The shortest consonant skeleton trusted to join two Arabic spellings of one name.
VARIANT_SKELETON_LENGTH = 4

#: ``user`` argument of :meth:`Gazetteer.load`: the default user layer, none, or a file.
UserLayer = Union[bool, Path, None]


def entry_from_row(r: dict[str, str]) -> Entry:
    """An entry from a gazetteer row (shipped or user schema: the same columns)."""
    return Entry(
        id=r["id"], name=r["name"], name_ar=r["name_ar"], lat=float(r["lat"]), lon=float(r["lon"]),
        country=r["country"], admin1=r["admin1"], feature=r["feature"],
        population=int(float(r["population"] or 0)),
        geonames_id=int(r["geonames_id"]) if r["geonames_id"] else None, source=r["source"],
    )


def load_stoplist() -> set[str]:
    """Normalised aliases that are ordinary words far more often than places."""
    return {norm(w) for w in data_path("place_stoplist.txt").read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")}


def merged_rows(shipped: Iterable[dict[str, str]], user: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """Shipped rows, then user rows; a user row with a shipped id replaces it and keeps its aliases too."""
    rows = {r["id"]: r for r in shipped}
    for r in user:
        old = rows.get(r["id"])
        if old is not None:
            aliases = list(dict.fromkeys(a for a in (r["aliases"] + "|" + old["aliases"]).split("|") if a))
            r = {**r, "aliases": "|".join(aliases)}
        rows[r["id"]] = r
    return list(rows.values())


class Gazetteer:
    """Places and their alias matchers.

    Aliases are indexed as written (normalised), and the article is stripped on
    neither side: "المدينة" (Medina) must not match the noun "مدينة", nor the
    adjective "السورية" the country "سورية". Other clitics are stripped from the
    text ("بالباغوز" → الباغوز).
    """

    def __init__(self, entries: list[Entry], aliases: list[list[str]], stoplist: set[str]):
        self.entries = entries
        self.aliases = aliases
        self._by_skeleton: Optional[dict[str, list[int]]] = None
        self.matcher: PhraseMatcher[int] = PhraseMatcher(strip_article=False)
        #: stoplisted aliases: a place only after a cue word (see rasd.extract.places)
        self.guarded: PhraseMatcher[int] = PhraseMatcher(strip_article=False)
        for i, names in enumerate(aliases):
            for a in names:
                key = phrase_key(a)
                if not key:
                    continue
                if " ".join(key) in stoplist:
                    self.guarded.add(key, i)
                else:
                    self.matcher.add(key, i)

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, str]], stoplist: Optional[set[str]] = None) -> "Gazetteer":
        entries: list[Entry] = []
        aliases: list[list[str]] = []
        for r in rows:
            entries.append(entry_from_row(r))
            aliases.append(r["aliases"].split("|"))
        return cls(entries, aliases, load_stoplist() if stoplist is None else stoplist)

    @classmethod
    def load(cls, path: Optional[Path] = None, user: UserLayer = None) -> "Gazetteer":
        """The gazetteer from ``path`` (default: the shipped one) and the user layer.

        ``user``: None or True, the user's imported places when there are any
        (``$RASD_HOME/gazetteer/places.tsv.gz``); False, none; a path, that file.
        """
        shipped = read_tsv(path or data_path("gazetteer.tsv.gz"))
        user_file = user_layer_path(user)
        if user_file is None:
            return cls.from_rows(shipped)
        return cls.from_rows(merged_rows(shipped, read_tsv(user_file)))

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose alias is exactly ``name`` (normalised), stoplisted aliases included."""
        key = phrase_key(name)
        return [self.entries[i] for i in dict.fromkeys(self.matcher.get(key) + self.guarded.get(key))]

    def spelling_variants(self, name: str) -> list[Entry]:
        """Entries with an alias that is ``name`` (normalised Arabic) spelled with other long
        vowels: the same consonant skeleton ("المزاريب" for المزيريب). Built on first use; the
        recogniser asks only for unknown names right after a cue word, in the article's countries.
        Skeletons shorter than VARIANT_SKELETON_LENGTH are too common ("قبل", "المريسة" → MRS)."""
        from rasd.knowledge.transliteration import skeleton_arabic

        if self._by_skeleton is None:
            index: dict[str, list[int]] = {}
            for i, names in enumerate(self.aliases):
                for a in names:
                    key = skeleton_arabic(norm(a))
                    if len(key) >= VARIANT_SKELETON_LENGTH and i not in index.get(key, ()):
                        index.setdefault(key, []).append(i)
            self._by_skeleton = index
        return [self.entries[i] for i in self._by_skeleton.get(skeleton_arabic(name), ())]


def user_layer_path(user: UserLayer = None) -> Optional[Path]:
    """The user layer file that :meth:`Gazetteer.load` reads for ``user``, or None."""
    if user is False:
        return None
    path = user_gazetteer_path() if user is None or user is True else Path(user)
    return path if path.exists() else None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer plus the user's imported places, built once per process.

    With a user layer, the built index is cached on disk (keyed by the files'
    contents), so later processes load it instead of rebuilding it.
    """
    from rasd.knowledge.gazetteer_cache import load_cached
    from rasd.text import matcher

    user_file = user_layer_path()
    if user_file is None:
        return Gazetteer.load(user=False)
    # the key covers the data and the code of the pickled classes: an upgrade never reads a stale index
    inputs = [data_path("gazetteer.tsv.gz"), user_file, data_path("place_stoplist.txt"),
              Path(__file__), Path(str(matcher.__file__))]
    return load_cached(inputs, lambda: Gazetteer.load(user=user_file))
