"""``rasd actors lookup`` and ``rasd actors list`` against the shipped registry."""

from __future__ import annotations

import json

import pytest

from rasd.cli import main


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_lookup_named_actor_through_clitics(capsys):
    code, out, _ = run(["actors", "lookup", "ولتنظيم داعش"], capsys)
    assert code == 0
    assert out.startswith("ولتنظيم داعش → Islamic State [islamic_state] inter 2")


def test_lookup_generic_phrase_shows_each_country(capsys):
    code, out, _ = run(["actors", "lookup", "جيش الاحتلال"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert "generic phrase" in lines[0]
    by_country = {ln.split(":")[0].strip(): ln for ln in lines[1:]}
    assert set(by_country) == {"PS", "IL", "LB", "SY"}
    assert all("Military Forces of Israel [military_forces_of_israel]" in ln for ln in by_country.values())


def test_lookup_generic_phrase_resolved_for_a_country(capsys):
    code, out, _ = run(["actors", "lookup", "قوات النظام", "--country", "sy"], capsys)
    assert code == 0
    assert out == ("قوات النظام → Military Forces of Syria [military_forces_of_syria] inter 1, country SY, "
                   "state_military (generic phrase, resolved for SY)\n")
    code, out, _ = run(["actors", "lookup", "قوات النظام", "--country", "YE"], capsys)
    assert code == 0 and "no registry actor for YE" in out


def test_lookup_finds_every_alias_in_a_sentence_longest_first(capsys):
    code, out, _ = run(["actors", "lookup", "قصفت طائرات النظام مواقع كتائب حزب الله قرب المدنيين",
                        "--country", "SY", "--json"], capsys)
    assert code == 0
    items = json.loads(out)
    assert [(i["text"], i["kind"]) for i in items] == [
        ("طائرات النظام", "generic"), ("كتائب حزب الله", "actor"), ("المدنيين", "group")]
    assert items[0]["actor"]["id"] == "military_forces_of_syria"
    assert items[1]["actor"]["id"] != "hezbollah"  # the longer alias wins
    assert items[2]["name"] == "Civilians (Syria)" and items[2]["group"]["inter"] == 7


def test_lookup_nothing_found_and_usage_errors(capsys):
    code, out, err = run(["actors", "lookup", "كتاب جديد عن الشعر"], capsys)
    assert code == 1 and out == "" and "no registry alias" in err
    code, _, err = run(["actors", "lookup", "قوات النظام", "--country", "Syria"], capsys)
    assert code == 2 and "two-letter" in err
    code, _, err = run(["actors", "lookup", "   "], capsys)
    assert code == 2 and "empty" in err
    assert run(["actors"], capsys)[0] == 2


def test_list_filters_by_country_and_inter(capsys):
    from rasd.extract.actors import default_registry

    code, out, _ = run(["actors", "list", "--country", "SY", "--inter", "2"], capsys)
    assert code == 0
    rows = [ln.split("\t") for ln in out.splitlines()]
    assert rows and all(r[1] == "2" and r[2] == "SY" for r in rows)
    assert "jabhat_al_nusra" in [r[0] for r in rows]
    expected = [a.id for a in default_registry().actors.values() if a.country == "SY" and a.inter == 2]
    assert [r[0] for r in rows] == expected


def test_list_all_and_aliases(capsys):
    from rasd.extract.actors import default_registry

    code, out, _ = run(["actors", "list"], capsys)
    assert code == 0 and len(out.splitlines()) == len(default_registry().actors)
    code, out, _ = run(["actors", "list", "--inter", "8", "--aliases"], capsys)
    assert code == 0
    assert all(r.split("\t")[1] == "8" for r in out.splitlines())
    assert any("|" in r.split("\t")[5] for r in out.splitlines())


@pytest.mark.parametrize("argv,message", [
    (["actors", "list", "--inter", "9"], "from 1 to 8"),
    (["actors", "list", "--country", "S"], "two-letter"),
])
def test_list_usage_errors(capsys, argv, message):
    code, out, err = run(argv, capsys)
    assert code == 2 and out == "" and message in err


def test_list_nothing_found(capsys):
    code, out, err = run(["actors", "list", "--country", "ZZ"], capsys)
    assert code == 1 and out == "" and "no registry actor" in err
