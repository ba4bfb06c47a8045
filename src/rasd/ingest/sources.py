"""Paths and URLs → articles: pick the reader by extension, else by the first bytes.

Supported: .txt (one article; the first line is the title), .jsonl/.ndjson
(optionally .gz; one article per line with "text" and optionally "id",
"title", "published", "outlet", "url"), .html/.htm, RSS/Atom (.rss, .atom,
.xml), WARC (.warc, .warc.gz), .zip files and folders of any of these, and
http(s) URLs of a page or a feed. Anything unreadable becomes a ``Failure``
naming the file (and line, entry, member or record), and reading goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Iterator, Optional, Union

from rasd.ingest.encoding import DecodeError, decode
from rasd.ingest.feeds import looks_like_feed, read_feed
from rasd.ingest.html import decode_html, extract_page
from rasd.ingest.records import Failure
from rasd.ingest.warc import read_warc
from rasd.store.records import ArticleIn

Item = Union[ArticleIn, Failure]

EXTENSIONS = (".txt", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".html", ".htm", ".xhtml",
              ".rss", ".atom", ".xml", ".warc", ".warc.gz", ".zip")
_JSON_FIELDS = {"outlet": ("outlet", "source_outlet", "source", "site"), "url": ("url", "link")}


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def iter_articles(inputs: list[str]) -> Iterator[Item]:
    """Every article (or failure) in the given paths and URLs, in a stable order."""
    for arg in inputs:
        if is_url(arg):
            yield from _read_url(arg)
            continue
        path = Path(arg)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _known(p.name)
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                yield Failure(arg, f"folder holds no readable files ({', '.join(EXTENSIONS)})")
            for p in files:
                yield from _read_file(p)
        elif path.is_file():
            yield from _read_file(path)
        elif path.exists():
            yield Failure(arg, "not a regular file or folder")
        else:
            yield Failure(arg, "no such file or folder")


def _known(name: str) -> bool:
    return name.lower().endswith(EXTENSIONS)


def _read_file(path: Path) -> Iterator[Item]:
    origin = str(path)
    name = path.name.lower()
    try:
        if name.endswith((".jsonl.gz", ".ndjson.gz")):
            with gzip.open(path, "rb") as f:
                yield from read_jsonl(f, origin)
            return
        if name.endswith((".jsonl", ".ndjson")):
            with open(path, "rb") as f:
                yield from read_jsonl(f, origin)
            return
        if name.endswith((".warc", ".warc.gz")):
            with open(path, "rb") as f:
                yield from read_warc(f, origin)
            return
        if name.endswith(".zip"):
            yield from read_zip(path, origin)
            return
        data = path.read_bytes()
    except OSError as e:
        yield Failure(origin, f"cannot read ({e.strerror or e})")
        return
    except (EOFError, gzip.BadGzipFile, zipfile.BadZipFile) as e:
        yield Failure(origin, f"damaged or truncated file ({e})")
        return
    yield from read_bytes(data, origin, name, stem=path.stem)


def read_bytes(data: bytes, origin: str, name: str, stem: Optional[str] = None,
               content_type: Optional[str] = None, url: Optional[str] = None) -> Iterator[Item]:
    """Dispatch one file's (or response's) bytes to its reader."""
    name = name.lower()
    ctype = (content_type or "").lower()
    head = data[:2048]
    if not data.strip():
        yield Failure(origin, "is empty")
    elif name.endswith((".warc", ".warc.gz")) or head.startswith(b"WARC/"):
        yield from read_warc(io.BytesIO(data), origin)
    elif head.startswith(b"\x1f\x8b"):
        try:
            inner = gzip.decompress(data)
        except (OSError, EOFError) as e:
            yield Failure(origin, f"damaged gzip data ({e})")
            return
        yield from read_bytes(inner, origin, name[:-3] if name.endswith(".gz") else name, stem)
    elif head.startswith(b"PK\x03\x04"):
        yield from read_zip(io.BytesIO(data), origin)
    elif name.endswith((".rss", ".atom")) or "rss" in ctype or "atom" in ctype or looks_like_feed(head):
        yield from read_feed(data, origin)
    elif name.endswith((".html", ".htm", ".xhtml")) or "html" in ctype or b"<html" in head.lower():
        yield from read_html(data, origin, url=url, charset=_charset(ctype))
    elif name.endswith((".jsonl", ".ndjson")) or "json" in ctype:
        yield from read_jsonl(io.BytesIO(data), origin)
    else:
        yield from read_text(data, origin, stem)


def read_text(data: bytes, origin: str, stem: Optional[str] = None) -> Iterator[Item]:
    """A text file is one article; its first non-empty line is the title."""
    try:
        text, _ = decode(data)
    except (DecodeError, UnicodeDecodeError) as e:
        yield Failure(origin, str(e))
        return
    if not text.strip():
        yield Failure(origin, "is empty")
        return
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    yield ArticleIn(text=text, title=title, ext_id=stem, origin=origin)


def read_html(data: bytes, origin: str, url: Optional[str] = None, charset: Optional[str] = None) -> Iterator[Item]:
    try:
        page = extract_page(decode_html(data, charset), url=url)
    except (DecodeError, UnicodeDecodeError) as e:
        yield Failure(origin, str(e))
        return
    if page is None:
        yield Failure(origin, "no article text found in the page")
        return
    yield ArticleIn(text=page["text"], title=page["title"], published=page["published"], outlet=page["outlet"],
                    url=url, ext_id=url or Path(origin.split("!")[-1]).stem, origin=origin)


def read_jsonl(f: io.BufferedIOBase, origin: str) -> Iterator[Item]:
    """One article per line; a bad line is a Failure naming its line number."""
    try:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            where = f"{origin}:{n}"
            try:
                rec = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                yield Failure(where, "not UTF-8 (JSON Lines must be UTF-8)")
                continue
            except json.JSONDecodeError as e:
                yield Failure(where, f"malformed JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(rec, dict):
                yield Failure(where, f"expected a JSON object, got {type(rec).__name__}")
                continue
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                yield Failure(where, 'missing or empty "text"')
                continue
            published = rec.get("published")
            if published not in (None, "") and not _iso_date_ok(published):
                yield Failure(where, f'"published" must be a date (YYYY-MM-DD), got {published!r}')
                continue
            extra = {k: next((str(rec[a]) for a in aliases if rec.get(a)), None) for k, aliases in _JSON_FIELDS.items()}
            yield ArticleIn(text=text, title=_str(rec.get("title")), published=str(published)[:10] if published else None,
                            ext_id=_str(rec.get("id")), origin=where, **extra)
    except (EOFError, OSError) as e:  # a truncated .gz ends the file, not the run
        yield Failure(origin, f"damaged or truncated file ({e})")


def read_zip(source: Union[Path, io.BytesIO], origin: str) -> Iterator[Item]:
    try:
        zf = zipfile.ZipFile(source)
    except zipfile.BadZipFile as e:
        yield Failure(origin, f"not a readable zip file ({e})")
        return
    with zf:
        members = sorted(i.filename for i in zf.infolist() if not i.is_dir() and _known(i.filename)
                         and not os.path.basename(i.filename).startswith("."))
        if not members:
            yield Failure(origin, "zip holds no readable files")
        for member in members:
            where = f"{origin}!{member}"
            try:
                data = zf.read(member)
            except (zipfile.BadZipFile, OSError, RuntimeError) as e:
                yield Failure(where, f"cannot read member ({e})")
                continue
            yield from read_bytes(data, where, os.path.basename(member), stem=Path(member).stem)


def _read_url(url: str) -> Iterator[Item]:
    from rasd.ingest.fetch import FetchError, fetch

    try:
        body, ctype = fetch(url)
    except FetchError as e:
        yield Failure(url, str(e))
        return
    yield from read_bytes(body, url, url.rsplit("/", 1)[-1].split("?")[0], content_type=ctype, url=url)


def _charset(ctype: str) -> Optional[str]:
    return ctype.split("charset=", 1)[1].split(";")[0].strip() if "charset=" in ctype else None


def _iso_date_ok(value: object) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(str(value)[:10])
        return True
    except ValueError:
        return False


def _str(value: object) -> Optional[str]:
    return None if value is None else str(value)
