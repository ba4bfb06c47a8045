"""Web archives (WARC, .warc.gz) → one article per archived HTML page or feed (warcio).

The page's own date metadata is preferred; the crawl date (WARC-Date) is only a
fallback, since a page can be archived long after it was published.
"""

from __future__ import annotations

from typing import IO, Iterator, Union
from urllib.parse import urlsplit

from rasd.ingest.feeds import looks_like_feed, read_feed
from rasd.ingest.html import decode_html, extract_page
from rasd.ingest.records import Failure
from rasd.store.records import ArticleIn


def read_warc(stream: IO[bytes], origin: str) -> Iterator[Union[ArticleIn, Failure]]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}#record {n} ({uri})"
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode()
            body = record.content_stream().read()
            if status and not status.startswith("2"):
                continue  # redirects and errors are crawl artefacts, not articles
            if looks_like_feed(body[:2048]) or "rss" in ctype or "atom" in ctype:
                yield from read_feed(body, where)
                continue
            if "html" not in ctype:
                continue
            charset = ctype.split("charset=", 1)[1].strip() if "charset=" in ctype else None
            try:
                page = extract_page(decode_html(body, charset), url=uri)
            except ValueError as e:
                yield Failure(where, str(e))
                continue
            if page is None:
                yield Failure(where, "no article text found in the page")
                continue
            crawl_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            yield ArticleIn(text=page["text"], title=page["title"], published=page["published"] or crawl_date,
                            outlet=page["outlet"] or (urlsplit(uri).hostname if uri else None), url=uri,
                            ext_id=uri, origin=where)
    except ArchiveLoadFailed as e:
        yield Failure(origin, f"not a readable WARC file ({str(e).strip().splitlines()[0]})")
        return
    if n == 0:
        yield Failure(origin, "no archived responses: not a WARC file, or one without pages")
