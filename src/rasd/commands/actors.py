"""``rasd actors``: browse the actor registry from the shell.

``lookup`` answers "what would rasd code this phrase as?": every registry
alias found in the phrase, what it refers to, and for a phrase that only
names a force through the article's country ("قوات النظام") the actor it
stands for in each country, or in the one given with ``--country``.
``list`` prints the registry, filtered by country and ACLED inter code, as
tab-separated lines for people and for ``cut``/``sort``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import Any, Optional

EXIT_OK, EXIT_NOTHING_FOUND, EXIT_USAGE = 0, 1, 2

_COUNTRY_RE = re.compile(r"^[A-Za-z]{2}$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "actors", help="look up phrases in the actor registry, list registry actors",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Browse rasd's actor registry (knowledge/data/actors.yaml and actor_groups.yaml).",
        epilog="examples:\n"
               "  rasd actors lookup \"قوات النظام\"\n"
               "  rasd actors lookup \"قوات النظام\" --country SY\n"
               "  rasd actors list --country SY --inter 2\n\n"
               "exit status: 0 found; 1 nothing matched; 2 bad usage.",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    lk = actions.add_parser(
        "lookup", help="registry entries whose aliases occur in a phrase",
        description="Find every registry alias in PHRASE (longest match first, clitics such as و ب ل allowed "
                    "on the first word) and say what it refers to. A country-dependent phrase is shown "
                    "with the actor it names in each country, or resolved for --country.")
    lk.add_argument("phrase", help="Arabic phrase, e.g. \"قوات النظام\" or a whole sentence")
    lk.add_argument("--country", metavar="CC", help="ISO 3166 alpha-2 code of the article's country (e.g. SY)")
    lk.add_argument("--json", action="store_true", help="print JSON instead of text")
    lk.set_defaults(func=cmd_lookup)
    ls = actions.add_parser(
        "list", help="registry actors, optionally of one country and/or inter code",
        description="Registry actors as tab-separated lines: id, inter, country, kind, name, aliases "
                    "(number of aliases, or the aliases themselves with --aliases).")
    ls.add_argument("--country", metavar="CC", help="only actors of this country (ISO alpha-2, e.g. SY)")
    ls.add_argument("--inter", type=int, metavar="N", help="only actors with this ACLED inter code (1-8)")
    ls.add_argument("--aliases", action="store_true", help="print the Arabic aliases, separated by |")
    ls.set_defaults(func=cmd_list)
    p.set_defaults(func=lambda a: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return EXIT_USAGE


def _country(value: Optional[str], command: str) -> tuple[Optional[str], Optional[str]]:
    """(upper-cased code, None) or (None, error message)."""
    if value is None:
        return None, None
    if not _COUNTRY_RE.match(value):
        return None, f"rasd actors {command}: --country must be a two-letter ISO code such as SY, got {value!r}"
    return value.upper(), None


def _actor_dict(a: Any) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "inter": a.inter, "country": a.country, "kind": a.kind}


def describe_hits(phrase: str, country: Optional[str]) -> list[dict[str, Any]]:
    """What each alias in ``phrase`` refers to, as plain data (the text and JSON outputs share it)."""
    from rasd.extract.actors import default_registry

    reg = default_registry()
    out: list[dict[str, Any]] = []
    for hit in reg.alias_hits(phrase):
        item: dict[str, Any] = {"text": hit.text, "kind": hit.kind}
        if hit.kind == "actor":
            item["actor"] = _actor_dict(reg.actors[hit.key])
        elif hit.kind == "generic":
            item["alias"] = hit.key
            by_country = {cc: _actor_dict(reg.actors[aid]) for cc, aid in sorted(reg.generic[hit.key].items())
                          if aid in reg.actors}
            if country is None:
                item["by_country"] = by_country
            else:
                item["country"] = country
                item["actor"] = by_country.get(country)
        else:
            g = reg.groups[hit.key]
            item["group"] = {"id": hit.key, "name": g["name"], "inter": g["inter"]}
            if country is not None:
                item["country"] = country
                place = _country_name(country)
                item["name"] = f"{g['name']} ({place})" if place else g["name"]
        out.append(item)
    return out


def _country_name(code: str) -> Optional[str]:
    """The English country name the pipeline puts in group names ("Civilians (Syria)")."""
    from rasd.knowledge.gazetteer import default_gazetteer

    return next((e.name for e in default_gazetteer().entries if e.feature == "country" and e.country == code), None)


def _actor_line(a: dict[str, Any]) -> str:
    return f"{a['name']} [{a['id']}] inter {a['inter'] if a['inter'] is not None else '-'}, " \
           f"country {a['country'] or '-'}, {a['kind'] or '-'}"


def format_hits(items: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for it in items:
        if it["kind"] == "actor":
            lines.append(f"{it['text']} → {_actor_line(it['actor'])}")
        elif it["kind"] == "generic" and "by_country" in it:
            lines.append(f"{it['text']} → generic phrase; the actor depends on the article's country:")
            for cc, a in it["by_country"].items():
                lines.append(f"    {cc}: {_actor_line(a)}")
            if not it["by_country"]:
                lines.append("    (no country resolves it)")
        elif it["kind"] == "generic":
            if it["actor"] is None:
                lines.append(f"{it['text']} → generic phrase; no registry actor for {it['country']} "
                             f"(coded by its own text, no registry id)")
            else:
                lines.append(f"{it['text']} → {_actor_line(it['actor'])} (generic phrase, resolved for "
                             f"{it['country']})")
        else:
            g = it["group"]
            if "name" in it:
                lines.append(f"{it['text']} → {it['name']} (group {g['id']}) inter {g['inter']}, "
                             f"country {it['country']}")
            else:
                lines.append(f"{it['text']} → group {g['name']} [{g['id']}] inter {g['inter']}, "
                             f"named after the article's country, e.g. \"{g['name']} (Syria)\"")
    return "\n".join(lines) + "\n" if lines else ""


def cmd_lookup(a: argparse.Namespace) -> int:
    country, err = _country(a.country, "lookup")
    if err:
        print(err, file=sys.stderr)
        return EXIT_USAGE
    if not a.phrase.strip():
        print("rasd actors lookup: the phrase is empty", file=sys.stderr)
        return EXIT_USAGE
    items = describe_hits(a.phrase, country)
    if a.json:
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_hits(items))
    if not items:
        print(f"rasd actors lookup: no registry alias in {a.phrase!r}", file=sys.stderr)
        return EXIT_NOTHING_FOUND
    return EXIT_OK


def cmd_list(a: argparse.Namespace) -> int:
    from rasd.extract.actors import default_registry

    country, err = _country(a.country, "list")
    if err:
        print(err, file=sys.stderr)
        return EXIT_USAGE
    if a.inter is not None and not 1 <= a.inter <= 8:
        print(f"rasd actors list: --inter must be an ACLED inter code from 1 to 8, got {a.inter}", file=sys.stderr)
        return EXIT_USAGE
    actors = default_registry().select(country=country, inter=a.inter)
    lines = ["\t".join([r.id, str(r.inter) if r.inter is not None else "-", r.country or "-", r.kind or "-",
                        r.name, "|".join(r.aliases) if a.aliases else str(len(r.aliases))]) + "\n"
             for r in actors]
    try:
        sys.stdout.write("".join(lines))
        sys.stdout.flush()
    except BrokenPipeError:  # `rasd actors list | head`: the reader has all it wanted
        sys.stdout = open(os.devnull, "w")
    if not actors:
        print("rasd actors list: no registry actor matches", file=sys.stderr)
        return EXIT_NOTHING_FOUND
    return EXIT_OK
