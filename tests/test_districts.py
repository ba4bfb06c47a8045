"""Every Syrian and Iraqi governorate and district resolves by its Arabic name.

The units come from data (see ``tests/admin_units.py``): OpenSyria for Syria,
Open Admin Data for Iraq, GeoNames for the seat towns. Each is written the
ways news writes it (with and without diacritics, ة/ه, hamza forms, ى/ي) and
with the clitics news attaches (بالرقة، وفي حلب، لدير الزور), in an article
that names the country. A district is right within 25 km of its centroid or
of its seat; a governorate is right as the governorate itself (precision 3,
within 250 km of its centroid: the largest governorates are that wide) or as
its seat town within 25 km.

A name that is, in news, mostly an ordinary word is kept off bare matching by
the place stoplist (الميادين "the arenas", الحي "the quarter"); such units are
tested after the cue word that news puts before them ("مدينة الميادين").
"""

from __future__ import annotations

import pytest

from admin_units import HERE, TABLE, build_table, km, load_table
from rasd.knowledge import data_path
from rasd.text.normalize import norm

UNITS = load_table()
COUNTRY_AR = {"SY": "سوريا", "IQ": "العراق"}
CUE = {("SY", "1"): "محافظة", ("SY", "2"): "منطقة", ("IQ", "1"): "محافظة", ("IQ", "2"): "قضاء"}
STOPLIST = {norm(w) for w in data_path("place_stoplist.txt").read_text(encoding="utf-8").splitlines()
            if w.strip() and not w.startswith("#")}
SHADDA, FATHA = "\u0651", "\u064e"


def vocalised(name: str) -> str:
    """The name with a diacritic, as some outlets print it (دير الزّور، الرّقة، حَلب)."""
    words = name.split()
    last = words[-1]
    if last.startswith("ال") and len(last) > 3:
        words[-1] = last[:3] + SHADDA + last[3:]
    else:
        words[-1] = last[:1] + FATHA + last[1:]
    return " ".join(words)


def spellings(name: str) -> list[str]:
    """Orthographic variants news uses for the same name: ة/ه, ى/ي, hamza on alef, diacritics."""
    out = [name]
    if name.endswith("ة"):
        out.append(name[:-1] + "ه")
    if name.endswith("ى"):
        out.append(name[:-1] + "ي")
    if name[:1] in "أإآ":
        out.append("ا" + name[1:])
    out.append(vocalised(name))
    return list(dict.fromkeys(out))


def with_clitic(clitic: str, form: str) -> str:
    """"ل" + "الرقة" is written "للرقة"."""
    if clitic.endswith("ل") and form.startswith("ال"):
        return clitic + form[1:]
    return clitic + form


def is_stopped(form: str) -> bool:
    return norm(form) in STOPLIST


def phrasings(unit: dict[str, str]) -> list[tuple[str, str]]:
    """(sentence, the written name in it) for every spelling and clitic.

    An alternative form that is an ordinary word ("رقه" thinness, "ثورة"
    revolution) is not expected to be a place; the unit's own name always is,
    after its cue word when the bare name is stoplisted."""
    out = []
    cue = CUE[unit["country"], unit["level"]]
    for form in [f for f in unit["forms"].split("|") if f]:
        for s in spellings(form):
            if is_stopped(s):
                if norm(s) != norm(unit["name_ar"]):
                    continue
                s = f"{cue} {s}"
            out.append((f"قصفت الطائرات {s} مساء أمس.", s))
    name = unit["name_ar"]
    if is_stopped(name):
        name = f"{cue} {name}"
    for clitic in ("ب", "وفي ", "ل"):
        written = with_clitic(clitic, name)
        out.append((f"وصل النازحون {written} صباح اليوم.", written))
    return out


def resolved_right(unit: dict[str, str], place) -> bool:
    centre = (float(unit["lat"]), float(unit["lon"]))
    points = [centre] + ([(float(unit["seat_lat"]), float(unit["seat_lon"]))] if unit["seat_lat"] else [])
    near = min(km((place.lat, place.lon), p) for p in points)
    if place.country != unit["country"]:
        return False
    if unit["level"] == "1" and place.feature == "admin1":
        # the province itself, at its capital: a bound that the largest governorates
        # (al-Anbar, ~140,000 km²) still meet, far closer than any neighbour's namesake
        return place.geo_precision == 3 and km((place.lat, place.lon), centre) <= 250
    return near <= 25


def _ids(unit: dict[str, str]) -> str:
    return f"{unit['country']}-{unit['code']}-{unit['name_en']}"


@pytest.mark.parametrize("unit", UNITS, ids=_ids)
def test_unit_resolves_in_country_context(nlp, unit):
    failures = []
    for sentence, written in phrasings(unit):
        text = f"{sentence} وتتواصل المعارك في {COUNTRY_AR[unit['country']]}."
        lo = text.index(written)
        hi = lo + len(written)
        places = nlp(text).places
        found = [p for p in places if p.start < hi and p.end > lo]
        if not found:
            failures.append(f"{sentence!r}: not found ({[p.text for p in places]})")
        elif not resolved_right(unit, found[0]):
            p = found[0]
            failures.append(f"{sentence!r}: {p.name} {p.country} {p.feature} ({p.lat:.2f}, {p.lon:.2f})")
    assert not failures, "\n".join(failures)


# Names the brief of issue 4 lists, bare, with no country in the text: news often
# names the place alone in a headline.
BARE = ["دير الزور", "دير الزّور", "الرقة", "الرقه", "الحسكة", "إدلب", "ادلب", "نينوى", "نينوي", "الأنبار",
        "صلاح الدين", "البوكمال", "منبج", "تلعفر", "سنجار", "بالرقة", "وفي حلب", "لدير الزور"]


@pytest.mark.parametrize("surface", BARE)
def test_well_known_units_resolve_without_context(nlp, surface):
    places = nlp(f"عاجل: قصف مدفعي {surface}").places
    assert places, surface
    p = places[0]
    key = norm(p.text)
    units = [u for u in UNITS if any(key.endswith(norm(f)) for f in u["forms"].split("|"))]
    assert units, p.text
    assert any(resolved_right(u, p) for u in units), (p.name, p.country, p.lat, p.lon)


def test_table_covers_every_governorate_and_district():
    counts = {(u["country"], u["level"]): 0 for u in UNITS}
    for u in UNITS:
        counts[u["country"], u["level"]] += 1
    # OpenSyria: 14 governorates, 62 districts; Open Admin Data: 18 governorates, 101 districts
    assert counts == {("SY", "1"): 14, ("SY", "2"): 62, ("IQ", "1"): 18, ("IQ", "2"): 101}


def test_table_matches_its_sources():
    shared = HERE.parents[1] / "shared" / "data"
    if not (shared / "syria_opensyria").is_dir():
        pytest.skip(f"{shared} not available (research data lives in ../shared)")
    assert build_table(shared) == load_table(TABLE), "re-run: python tests/admin_units.py"
