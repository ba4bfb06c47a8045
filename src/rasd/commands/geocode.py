"""``rasd geocode``: every place mention in a phrase, its ranked candidates and the choice made.

For analysts asking "why did rasd put this event in Kenitra?": the candidates
are scored by the pipeline's own resolver (``rasd.extract.places.candidates_for``),
so what this prints is what ``rasd extract`` decides.

    rasd geocode "قصف على القنيطرة"
    rasd geocode "قصف على القنيطرة" --country-focus SY
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_USAGE = 0, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "geocode", help="show how a phrase's place names resolve: every candidate, ranked",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Find the place names in an Arabic phrase or sentence and print, for each, every gazetteer\n"
                    "entry it may name (name, Arabic name, country, admin1, feature, population, lat/lon, score,\n"
                    "source), best first, and the one chosen with its geo_precision. The scores are the pipeline's.",
        epilog="examples:\n"
               "  rasd geocode \"قصف على القنيطرة\"\n"
               "  rasd geocode \"قصف على القنيطرة\" --country-focus SY\n"
               "  echo \"وصلوا بالباغوز\" | rasd geocode -",
    )
    p.add_argument("text", nargs="+", help="the Arabic text ('-' reads standard input)")
    p.add_argument("--country-focus", metavar="CC", action="append", default=[],
                   help="a country (ISO alpha-2) the text is about, counted as if the text named it; repeatable")
    p.add_argument("--top", type=int, default=10, metavar="N", help="candidates shown per mention (default 10)")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
    p.set_defaults(func=cmd_geocode)


def cmd_geocode(a: argparse.Namespace) -> int:
    from rasd.extract.places import candidates_for

    text = sys.stdin.read() if a.text == ["-"] else " ".join(a.text)
    if not text.strip():
        print("rasd geocode: no text given", file=sys.stderr)
        return EXIT_USAGE
    bad = [c for c in a.country_focus if not (len(c) == 2 and c.isalpha())]
    if bad:
        print(f"rasd geocode: --country-focus {bad[0]!r} is not an ISO 3166 alpha-2 code (SY, IQ, YE …)",
              file=sys.stderr)
        return EXIT_USAGE
    mentions = candidates_for(text, focus=a.country_focus)
    if a.json:
        print(json.dumps([_as_dict(m, a.top) for m in mentions], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not mentions:
        print("no place names found")
    for m in mentions:
        p = m.chosen
        notes = ", ".join(x for x in (f"cue {m.cue}" if m.cue else "", "around it (area)" if m.area else "") if x)
        print(f"{m.text}  [{m.start}:{m.end}]" + (f"  ({notes})" if notes else ""))
        if not m.is_place:
            print(f"  an adjective: read as {p.name} ({p.country}), which it says the text is about or the place "
                  "before it lies in; not a place in `rasd extract` output")
        else:
            print(f"  chosen: {p.name} · {p.country} · {p.admin1 or '-'} · {p.feature} · ({p.lat:.4f}, {p.lon:.4f}) · "
                  f"geo_precision {p.geo_precision} · {p.source}")
        for rank, c in enumerate(m.candidates[:a.top], 1):
            e = c.entry
            print(f"  {rank:2d}. {c.score:5.2f}  {e.name} | {e.name_ar} | {e.country} | {e.admin1 or '-'} | "
                  f"{e.feature} | pop {e.population:,} | ({e.lat:.4f}, {e.lon:.4f}) | {e.source}")
        if len(m.candidates) > a.top:
            print(f"      … {len(m.candidates) - a.top} more (--top)")
    return EXIT_OK


def _as_dict(m, top: int) -> dict:
    return {
        "text": m.text, "start": m.start, "end": m.end, "cue": m.cue, "area": m.area, "is_place": m.is_place,
        "chosen": m.chosen.to_dict(),
        "candidates": [{"score": round(c.score, 4), "id": c.entry.id, "name": c.entry.name, "name_ar": c.entry.name_ar,
                        "country": c.entry.country, "admin1": c.entry.admin1, "feature": c.entry.feature,
                        "population": c.entry.population, "lat": c.entry.lat, "lon": c.entry.lon,
                        "geonames_id": c.entry.geonames_id, "source": c.entry.source}
                       for c in m.candidates[:top]],
    }
