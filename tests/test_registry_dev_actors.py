"""Every actor name in the gold dev set resolves to the right registry entry.

Each gold event gives ``actor1``/``actor2`` as a list of acceptable names (English
and Arabic). Every alias of a list must resolve, through the registry, to an entry
whose canonical name is in the list: a named actor by lookup, a country-dependent
generic phrase by the event's country, an unnamed group ("Civilians", "Protesters")
as "Group (Country)". A list may mix two real actors ("Police Forces of Iraq" and
"Military Forces of Iraq"): any entry named in the list is right.

The country comes from the event's location; an article whose events lie in
several countries (Turkish strikes reported from Turkey, Yemenis flown home from
Djibouti) lends the others, and a nationality entry of the same list ("لاجئين
يمنيين" → Civilians (Yemen)) names the group words beside it ("مواطنا",
"Civilians"): ACLED names civilians by their nationality.

Names that are not registry aliases are skipped, each with its reason below.
Skips without ../shared (the gold file lives outside the repository).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Optional

import pytest

from rasd.extract.actors import ActorRegistry, country_name, default_registry
from rasd.text.matcher import phrase_key

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold" / "dev.jsonl"

# People named in the articles: a person is not a registry actor (6 people, 12 names).
PERSONS = {
    "Suleiman al-Assad", "Sulaiman Hilal al-Assad", "سليمان هلال الأسد", "سليمان الأسد",  # a relative of Bashar al-Assad
    "Hassan al-Sheikh", "العقيد حسان الشيخ",  # the colonel he shot
    "Ahmed Abubakr Mahjoub", "أحمد أبوبكر محجوب",  # a Libyan assembly member, target of an assassination attempt
    "Omar al-Bashir", "الرئيس البشير",  # heads of state in a bilateral meeting
    "Abdel Fattah al-Sisi", "الرئيس السيسي",
}

# Words and phrases of the gold lists that are deliberately not registry aliases.
NOT_ALIASES = {
    # country names: places, resolved by the gazetteer; as actor aliases they would swallow every place mention
    "United States": "country name", "USA": "country name", "الولايات المتحدة": "country name", "أمريكا": "country name",
    "Sudan": "country name", "السودان": "country name", "Egypt": "country name", "مصر": "country name",
    "Cameroon": "country name", "الكاميرون": "country name",
    # bare nationality adjectives: civilians, protesters, fighters or officials depending on the sentence
    "عراقيين": "bare nationality", "العراقيين": "bare nationality", "سوريين": "bare nationality",
    "فلسطينيين": "bare nationality", "تشيكيين": "bare nationality", "التشيكيين": "bare nationality",
    "إيطاليين": "bare nationality", "النيجيريين": "bare nationality", "الأمريكيين": "bare nationality",
    # ordinary words
    "IS": "the English word 'is'",
    "فتح": "'opened' (فتح النار, فتح تحقيق); حركة فتح is the alias",
    "القاعدة": "'the base'; تنظيم القاعدة is the alias",
    "المركز": "'the centre', a back-reference",
    "النائب": "'the deputy', a back-reference",
    # descriptions of the people in one event, not names of an actor
    "جماعات منافسة": "description ('rival groups')",
    "أهالي المختطفين": "description of the protesters ('families of the abducted')",
    "الأسر اليمنية": "description of the protesters ('Yemeni families')",
    "pro-Kurdish activists": "description of the victims", "ناشطين مؤيدين للقضية الكردية": "description of the victims",
    "Bonatti employees": "description of the victims", "Czech journalists": "description of the victims",
}

# Aliases skipped in one list only: (article id, alias) → reason.
NOT_ALIASES_IN = {
    ("snn-2015-08-06-0346", "Palestinian refugees"): "who the protesters were; as a mention it names civilians",
}

# Gold aliases that run past the actor's name into a place: the registry alias stops
# before the place, so the place stays a place mention.
SUBSTITUTES = {
    "قيادة قوات التحالف المساندة للشرعية في اليمن": "قيادة قوات التحالف المساندة للشرعية",  # ... في اليمن
}

# Lists that lack the canonical name of an actor they list (to be added to the gold):
# (article id, event index, slot) → names accepted besides the list's own.
GOLD_GAPS = {
    ("baghouz-2019-02-26", 2, "actor1"): {"Global Coalition Against Daesh"},  # ACLED's name for the US-led coalition
    ("snn-2015-08-07-0128", 2, "actor2"): {"International Committee of the Red Cross"},  # lists ICRC, not its name
    ("snn-2015-08-10-0364", 1, "actor1"): {"National Defense Forces"},  # lists the British spelling "Defence"
}

ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def _norm(s: str) -> str:
    """The scorer's comparison form (shared/tools/score.py): casefolded, Arabic letters unified, no punctuation."""
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
    s = ARABIC_DIACRITICS.sub("", s)
    s = re.sub("[إأآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return " ".join(re.sub(r"[\W_]+", " ", s.casefold()).split())


def _gold() -> list[dict]:
    if not GOLD.exists():
        pytest.skip(f"no gold dev set at {GOLD}")
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _country_codes() -> dict[str, str]:
    """ACLED country name → code ("Syria" → "SY"), for canonical group names such as "Civilians (Syria)"."""
    from rasd.extract.actors import _country_names

    return {name: code for code, name in _country_names().items()}


def _resolve(reg: ActorRegistry, alias: str, countries: list[str], nationals: list[str]) -> list[str]:
    """The names ``alias`` can take in an article about ``countries``, as the actor stage names them
    (its first payload: a registry actor, a generic phrase by country, a group coded by country or
    named by a nationality entry of the same list, ``nationals``)."""
    refs = reg.matcher.get(phrase_key(SUBSTITUTES.get(alias, alias)))
    if not refs:
        m = re.fullmatch(r"(.+) \((.+)\)", alias)  # a group's canonical name: "Civilians (Syria)"
        if m and m.group(1) in {g["name"] for g in reg.groups.values()} and m.group(2) in _country_codes():
            return [alias]
        return []
    ref = refs[0]
    if ref.kind == "actor":
        return [reg.actors[ref.key].name]
    if ref.kind == "generic":
        return [a.name for c in countries if (a := reg.resolve_generic(ref.key, c))]
    g = reg.groups[ref.key]
    return [f"{g['name']} ({country_name(c)})" for c in countries if country_name(c)] + \
        [n for n in nationals if n.startswith(g["name"] + " (")]


def _nationals(reg: ActorRegistry, names: list[str]) -> list[str]:
    """Names of the nationality entries of a list ("لاجئين يمنيين" → "Civilians (Yemen)")."""
    return list(dict.fromkeys(a.name for n in names for a in reg.lookup(n) if a.kind == "group"))


def _slots(docs: list[dict]):
    for d in docs:
        article_countries = [c for e in d.get("events") or [] if (c := (e.get("location") or {}).get("country"))]
        for i, e in enumerate(d.get("events") or []):
            country: Optional[str] = (e.get("location") or {}).get("country")
            for slot in ("actor1", "actor2"):
                if e.get(slot):
                    yield d["id"], i, slot, country, article_countries, e[slot]


def test_every_gold_actor_alias_resolves_to_an_entry_named_in_its_list():
    reg = default_registry()
    failures = []
    checked = 0
    for doc_id, i, slot, country, article_countries, names in _slots(_gold()):
        accepted = {_norm(n) for n in names} | {_norm(n) for n in GOLD_GAPS.get((doc_id, i, slot), ())}
        countries = list(dict.fromkeys([c for c in [country] if c] + article_countries))
        nationals = _nationals(reg, names)
        for alias in names:
            if alias in PERSONS or alias in NOT_ALIASES or (doc_id, alias) in NOT_ALIASES_IN:
                continue
            checked += 1
            got = _resolve(reg, alias, countries, nationals)
            if not any(_norm(n) in accepted for n in got):
                failures.append(f"{doc_id}#{i} {slot} ({country}): {alias!r} → {got or 'nothing'}; list starts {names[0]!r}")
    assert checked > 300
    assert not failures, "\n".join(dict.fromkeys(failures))


def test_skip_lists_are_still_needed():
    """Every skipped or substituted name occurs in the gold, and no skipped name has become an alias."""
    docs = _gold()
    all_names = {(d["id"], n) for d in docs for e in d.get("events") or [] for s in ("actor1", "actor2") for n in e.get(s) or ()}
    names = {n for _, n in all_names}
    assert not (PERSONS | set(NOT_ALIASES) | set(SUBSTITUTES)) - names
    assert not set(NOT_ALIASES_IN) - all_names
    reg = default_registry()
    assert not [n for n in PERSONS | set(NOT_ALIASES) if reg.matcher.get(phrase_key(n))]
    for (doc_id, i, slot), extra in GOLD_GAPS.items():
        event = next(d for d in docs if d["id"] == doc_id)["events"][i]
        assert not {_norm(n) for n in extra} & {_norm(n) for n in event[slot]}, (doc_id, i, slot, "the gold has it now")


def test_registry_ids_and_references_are_consistent():
    reg = default_registry()
    for g_alias, by_country in reg.generic.items():
        assert all(a in reg.actors for a in by_country.values()), g_alias
    assert all(a.parent in reg.actors for a in reg.actors.values() if a.parent), "unknown parent"
    collisions = {k: v for k, v in reg.matcher.exact.items() if len(v) > 1}
    assert not collisions, collisions


# ---- the pipeline on short sentences: country-dependent phrases and pejorative aliases

@pytest.fixture(scope="module")
def nlp():
    import rasd

    return rasd.load()


def _actors(nlp, text: str) -> dict[str, tuple[str, Optional[str]]]:
    return {a.text: (a.name, a.registry_id) for a in nlp(text).actors}


def test_regime_forces_are_syrian_only_in_a_syrian_article(nlp):
    assert _actors(nlp, "قصفت قوات النظام بلدة تلبيسة في ريف حمص.")["قوات النظام"] == \
        ("Military Forces of Syria", "military_forces_of_syria")
    # elsewhere the phrase stays generic: named by its own text, no registry entry
    assert _actors(nlp, "قصفت قوات النظام مدينة الموصل العراقية.")["قوات النظام"] == ("قوات النظام", None)


def test_occupation_army_is_israel_in_palestinian_reporting(nlp):
    got = _actors(nlp, "اعتقل جيش الاحتلال ثلاثة شبان في مدينة الخليل بالضفة الغربية.")
    assert got["جيش الاحتلال"] == ("Military Forces of Israel", "military_forces_of_israel")


@pytest.mark.parametrize("text,surface,name", [
    ("هاجمت مليشيا قسد قرية في ريف الرقة.", "مليشيا قسد", "Syrian Democratic Forces"),
    ("قصفت ميليشيا الحوثي أحياء في مدينة تعز.", "ميليشيا الحوثي", "Houthi Movement"),
    ("فجرت عصابات داعش منزلا في الموصل.", "عصابات داعش", "Islamic State"),
], ids=["qasad-militia", "houthi-militia", "daesh-gangs"])
def test_pejorative_aliases(nlp, text, surface, name):
    assert _actors(nlp, text)[surface][0] == name


def test_civilians_named_by_nationality_keep_their_nationality(nlp):
    got = _actors(nlp, "أوقف الجيش اللبناني 23 شخصا من التابعية السورية في زحلة.")
    assert got["من التابعية السورية"][0] == "Civilians (Syria)"
    assert got["الجيش اللبناني"][0] == "Military Forces of Lebanon"


@pytest.mark.parametrize("text,surface,name", [
    ("هاجم مسلحون من الشباب قاعدة عسكرية في مقديشو.", "الشباب", "Al Shabaab"),
    ("شارك الشباب في مسيرة في مدينة عمان.", "الشباب", "الشباب"),
    ("قتل جنود من SNA في مقديشو.", "SNA", "Military Forces of Somalia"),
], ids=["shabaab-in-somalia", "youth-in-jordan", "sna-in-somalia"])
def test_generic_phrases_by_country(nlp, text, surface, name):
    assert _actors(nlp, text)[surface][0] == name
