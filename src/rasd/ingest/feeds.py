"""RSS and Atom feeds → one article per entry (feedparser).

Offline, only what the feed itself carries is read: the entry's full content
when the feed has it, else its summary; linked pages are not fetched.
"""

from __future__ import annotations

import time
from typing import Iterator, Optional, Union

from rasd.ingest.html import fragment_text
from rasd.ingest.records import Failure
from rasd.store.records import ArticleIn


def looks_like_feed(head: bytes) -> bool:
    h = head[:2048].lstrip().lower()
    return (b"<rss" in h or b"<feed" in h or b"<rdf:rdf" in h) and b"<html" not in h


def read_feed(data: bytes, origin: str) -> Iterator[Union[ArticleIn, Failure]]:
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield Failure(origin, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#entry {n}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value") or "" for c in entry.content), key=len)
        body = fragment_text(body or entry.get("summary") or "")
        title = (entry.get("title") or "").strip() or None
        if not body.strip():
            yield Failure(where, "entry has no text (neither content nor summary)")
            continue
        text = f"{title}\n{body}" if title and not body.startswith(title) else body
        yield ArticleIn(text=text, title=title, published=_date(entry.get("published_parsed")
                                                              or entry.get("updated_parsed")),
                        outlet=outlet, url=entry.get("link"), ext_id=entry.get("id") or entry.get("link"),
                        origin=where)


def _date(t: Optional[time.struct_time]) -> Optional[str]:
    return time.strftime("%Y-%m-%d", t) if t else None
