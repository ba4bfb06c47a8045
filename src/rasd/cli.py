"""The ``rasd`` command line.

    rasd extract article.txt                 # one article → Document JSON
    rasd extract --jsonl in.jsonl --out out.jsonl   # a batch, with a progress bar

Bad input never passes silently: a file that is empty, binary or not UTF-8
is an error naming the file; in batch mode a bad line is reported with its
line number and skipped, every other record is still processed, and the exit
status is 1 at the end.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import io
import json
import pkgutil
import sys
from pathlib import Path
from typing import IO, Iterator, Optional, TextIO

from rasd import __version__, commands

EXIT_OK, EXIT_FAILED_RECORDS, EXIT_USAGE = 0, 1, 2


class InputError(Exception):
    """Input rasd cannot read; the message names the file (and line)."""


# ---------------------------------------------------------------- reading input

def read_input_bytes(path: str, what: str = "a text file", error: type[Exception] = InputError) -> bytes:
    """A file's bytes (``-`` is standard input), or ``error`` saying why not (``what``: the
    kind of file expected, for the message)."""
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory, not {what}") from None
    except OSError as e:
        raise error(f"{path}: cannot read ({e.strerror})") from None


def read_text_file(path: str) -> str:
    """Read one article file as UTF-8 text, or raise InputError saying why not."""
    return decode_text(read_input_bytes(path), path)


def decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start}); "
                         f"convert it first, e.g. iconv -f WINDOWS-1256 -t UTF-8") from None
    if not text.strip():
        raise InputError(f"{name}: is empty")
    return text


def split_title(text: str) -> Optional[str]:
    """The first non-empty line is the title."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def open_jsonl(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None


def iter_records(path: str) -> Iterator[tuple[int, dict | InputError]]:
    """(line number, record or the error for that line) for each non-blank line."""
    f = open_jsonl(path)
    with f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield n, InputError(f"{path}:{n}: not UTF-8")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                yield n, InputError(f"{path}:{n}: malformed JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(rec, dict):
                yield n, InputError(f"{path}:{n}: expected a JSON object, got {type(rec).__name__}")
            elif not isinstance(rec.get("text"), str) or not rec["text"].strip():
                yield n, InputError(f"{path}:{n}: missing or empty \"text\"")
            else:
                yield n, rec


def count_lines(path: str) -> Optional[int]:
    if path == "-":
        return None
    try:
        with open_jsonl(path) as f:
            return sum(1 for line in f if line.strip())
    except (InputError, OSError):
        return None


# ---------------------------------------------------------------- writing output

def format_table(d: dict) -> str:
    """A plain-text view of a Document for people: events first, then places and counts."""
    lines = [f"# {d.get('id') or ''} {d.get('title') or ''}".rstrip(), f"published: {d.get('published')}", ""]
    lines.append("EVENTS")
    if not d["events"]:
        lines.append("  (none)")
    for e in d["events"]:
        loc = e.get("location") or {}
        lines.append(f"  {e['sub_event_type']} ({e['event_type']}) {e.get('date')} @ "
                     f"{loc.get('name') or '?'} [{loc.get('country') or ''}, precision {loc.get('geo_precision')}]")
        lines.append(f"    actors: {e.get('actor1') or '-'} / {e.get('actor2') or '-'}   "
                     f"fatalities: {e.get('fatalities')}   source: {e.get('source') or '-'}   "
                     f"confidence: {e.get('confidence')}")
        for q in e.get("quantities") or []:
            lines.append(f"    count: {q['text']} = {q['low']}–{q['high']} {q.get('unit') or ''} ({q['category']})")
    lines.append("PLACES")
    seen = set()
    for p in d["places"]:
        key = (p["text"], p.get("name"))
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"  {p['text']} → {p.get('name')} ({p.get('lat')}, {p.get('lon')}) {p.get('country')} "
                     f"precision {p.get('geo_precision')}")
    lines.append("ACTORS")
    for name in dict.fromkeys(a["name"] for a in d["actors"]):
        lines.append(f"  {name}")
    return "\n".join(lines) + "\n"


def write_doc(out: TextIO, d: dict, fmt: str) -> None:
    if fmt == "json":
        out.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
    else:
        out.write(format_table(d) + "\n")


# ---------------------------------------------------------------- commands

def cmd_extract(a: argparse.Namespace) -> int:
    import rasd

    if (a.file is None) == (a.jsonl is None):
        print("rasd extract: give one article FILE, or --jsonl IN for a batch (see rasd extract --help)",
              file=sys.stderr)
        return EXIT_USAGE
    if a.published:
        from rasd.pipeline import _iso_date

        try:
            _iso_date(a.published)
        except ValueError as e:
            print(f"rasd extract: --published: {e}", file=sys.stderr)
            return EXIT_USAGE
    out: TextIO = open(a.out, "w", encoding="utf-8") if a.out else sys.stdout
    try:
        if a.file is not None:
            try:
                text = read_text_file(a.file)
                nlp = rasd.load()
                doc = nlp(text, published=a.published, title=split_title(text),
                          id=a.id or (Path(a.file).stem if a.file != "-" else None))
            except (InputError, ValueError) as e:
                print(f"rasd extract: {e}", file=sys.stderr)
                return EXIT_USAGE
            write_doc(out, doc.to_dict(), a.format or "json")
            return EXIT_OK
        return _extract_batch(a, out)
    finally:
        if out is not sys.stdout:
            out.close()


def _extract_batch(a: argparse.Namespace, out: TextIO) -> int:
    import rasd
    from tqdm import tqdm

    try:
        records = iter_records(a.jsonl)
        total = count_lines(a.jsonl)
        nlp = rasd.load()
    except InputError as e:
        print(f"rasd extract: {e}", file=sys.stderr)
        return EXIT_USAGE
    failed = done = 0
    fmt = a.format or "jsonl"
    try:
        with tqdm(total=total, unit="doc", desc="extract", file=sys.stderr, disable=a.quiet) as bar:
            for n, rec in records:
                bar.update(1)
                if isinstance(rec, InputError):
                    failed += 1
                    bar.write(f"rasd extract: skipped {rec}", file=sys.stderr)
                    continue
                try:
                    published = a.published or rec.get("published")
                    doc = nlp(rec["text"], published=published, title=rec.get("title"),
                              id=str(rec.get("id") if rec.get("id") is not None else f"line-{n}"))
                except (ValueError, TypeError) as e:
                    failed += 1
                    bar.write(f"rasd extract: skipped {a.jsonl}:{n}: {e}", file=sys.stderr)
                    continue
                write_doc(out, doc.to_dict(), fmt)
                done += 1
    except InputError as e:
        print(f"rasd extract: {e}", file=sys.stderr)
        return EXIT_USAGE
    if not a.quiet or failed:
        print(f"rasd extract: {done} documents written, {failed} records failed", file=sys.stderr)
    return EXIT_FAILED_RECORDS if failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rasd",
        description="rasd (رصد): turn Arabic news reports into structured, geocoded, sourced event data, offline.",
        epilog="Run 'rasd COMMAND --help' for a command's options. Output fields: see docs/event-schema.md.",
    )
    p.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser(
        "extract", help="extract events, places, actors and counts from articles",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Extract events, places, actors, quantities and sources from Arabic articles.\n\n"
                    "One article: a UTF-8 text file whose first line is the title; a line holding only a date\n"
                    "(\"26 فبراير 2019\", \"2019-02-26\") near the top is taken as the publication date.\n"
                    "A batch: JSON Lines (optionally .gz), one object per line with \"text\" and optionally\n"
                    "\"id\", \"published\" (YYYY-MM-DD) and \"title\"; other fields are ignored.",
        epilog="examples:\n"
               "  rasd extract examples/baghouz-2019-02-26.txt\n"
               "  rasd extract article.txt --published 2019-02-26 --format table\n"
               "  rasd extract --jsonl articles.jsonl.gz --out documents.jsonl\n\n"
               "exit status: 0 all good; 1 some batch records failed (reported, others written);\n"
               "2 the input could not be read at all.",
    )
    ex.add_argument("file", nargs="?", help="one article as a UTF-8 text file ('-' reads standard input)")
    ex.add_argument("--jsonl", metavar="IN", help="a batch of articles as JSON Lines (.jsonl or .jsonl.gz, '-' for stdin)")
    ex.add_argument("--out", metavar="OUT", help="write here instead of standard output")
    ex.add_argument("--format", choices=["json", "jsonl", "table"],
                    help="json (default for one file), jsonl (default for --jsonl), or a table for reading")
    ex.add_argument("--published", metavar="YYYY-MM-DD",
                    help="publication date; overrides any date in the file or the records")
    ex.add_argument("--id", help="document id for a single file (default: the file name without extension)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar or summary (errors are still printed)")
    ex.set_defaults(func=cmd_extract)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return p


def main(argv: Optional[list[str]] = None) -> int:
    # Arabic output must survive a non-UTF-8 locale
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    a = parser.parse_args(argv)
    if not getattr(a, "func", None):
        parser.print_help()
        return EXIT_USAGE
    return a.func(a)


if __name__ == "__main__":
    sys.exit(main())
