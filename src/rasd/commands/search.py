"""``rasd search``: find events (or articles) in the store by words and filters."""

from __future__ import annotations

import argparse
import json
import sys

from rasd.store.cliopts import DB_HELP, iso_date

EXIT_OK, EXIT_NONE, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search", help="search stored events or articles (Arabic-aware full text + filters)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Search the store. Words are matched after Arabic normalisation (diacritics, alef and\n"
            "ya forms, ta marbuta) and clitics: \"الرقة\" finds بالرقة، والرقة، للرقة. English place and\n"
            "actor names find the Arabic articles they were resolved from (\"Raqqa\"). All words must\n"
            "occur; filters narrow further. Results: merged events, newest first, each with the\n"
            "articles that reported it and each one's own figures; --articles lists articles instead."),
        epilog=("examples:\n"
                "  rasd search \"الرقة\"\n"
                "  rasd search \"قصف\" --country SY --from 2019-01-01 --to 2019-03-31\n"
                "  rasd search --type \"Air/drone strike\" --admin1 \"Idlib\" --format jsonl\n"
                "  rasd search --actor \"Islamic State\" --min-sources 2\n"
                "  rasd search \"اتفاق\" --articles\n\n"
                "exit status: 0 results found; 1 nothing matched; 2 bad options or no store."),
    )
    p.add_argument("text", nargs="?", help="words that must all occur (Arabic or English names)")
    p.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD", help="events on or after this day")
    p.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", help="events on or before this day")
    p.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 code, e.g. SY, IQ, YE")
    p.add_argument("--admin1", metavar="NAME", help="governorate/province as in the output, e.g. \"Deir ez-Zor\"")
    p.add_argument("--type", dest="event_type", metavar="TYPE", help="event type or sub-event type, e.g. Battles")
    p.add_argument("--actor", metavar="NAME", help="part of an actor's name, any case")
    p.add_argument("--outlet", metavar="NAME", help="only events reported by this outlet")
    p.add_argument("--min-sources", type=int, metavar="N", help="only events reported by at least N articles")
    p.add_argument("--articles", action="store_true", help="list matching articles instead of events")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (default 20)")
    p.add_argument("--format", choices=["table", "json", "jsonl"], default="table", help="output (default table)")
    p.add_argument("--db", metavar="PATH|URL", help=DB_HELP)
    p.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from rasd.store import Query, StoreError, open_store

    if a.limit < 1:
        print("rasd search: --limit must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    q = Query(text=a.text, start=a.start, end=a.end, country=a.country, admin1=a.admin1, event_type=a.event_type,
              actor=a.actor, outlet=a.outlet, min_sources=a.min_sources, limit=a.limit)
    try:
        with open_store(a.db) as store:
            results = store.search_articles(q) if a.articles else store.search_events(q)
    except (StoreError, ValueError) as e:
        print(f"rasd search: {e}", file=sys.stderr)
        return EXIT_USAGE
    dicts = [r.to_dict() for r in results]
    if a.format == "json":
        print(json.dumps(dicts, ensure_ascii=False, indent=2))
    elif a.format == "jsonl":
        for d in dicts:
            print(json.dumps(d, ensure_ascii=False))
    else:
        print(format_articles(results) if a.articles else format_events(results), end="")
    if not results:
        print("rasd search: nothing matched", file=sys.stderr)
        return EXIT_NONE
    return EXIT_OK


def format_events(events) -> str:
    lines = []
    for e in events:
        place = ", ".join(x for x in (e.location_name, e.admin1, e.country) if x) or "(no location)"
        lines.append(f"#{e.id} {e.date or '????-??-??'}  {e.sub_event_type} ({e.event_type})  @ {place}")
        lines.append(f"    actors: {e.actor1 or '-'} / {e.actor2 or '-'}   fatalities: "
                     f"{'-' if e.fatalities is None else e.fatalities}   sources: {e.n_sources} "
                     f"({e.n_independent} independent)")
        for s in e.sources:
            figures = [f"fatalities {s.fatalities}"] if s.fatalities is not None else []
            figures += [f"{q.get('text')} = {q.get('low')}–{q.get('high')} {q.get('unit') or ''}".rstrip()
                        for q in s.quantities]
            lines.append(f"    - {s.outlet or '?'} {s.published or ''} (article {s.article_id})"
                         + (f", according to {s.attribution}" if s.attribution else "")
                         + (": " + "; ".join(figures) if figures else ""))
    return "\n".join(lines) + ("\n" if lines else "")


def format_articles(articles) -> str:
    lines = []
    for r in articles:
        lines.append(f"#{r.id} {r.published or '????-??-??'}  {r.outlet or '?'}  {r.title or ''}".rstrip())
        lines.append(f"    {r.n_events} events · near-duplicate group {r.dup_group} · {r.snippet[:120]}")
    return "\n".join(lines) + ("\n" if lines else "")
