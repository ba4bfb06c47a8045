"""Reading articles from what analysts actually have: text files, JSON Lines, web pages,
RSS/Atom feeds, web archives (WARC), folders and zip files of those, and URLs.

``iter_articles(inputs)`` turns paths and URLs into ``ArticleIn`` records (or
``Failure`` records naming the file and record that could not be read);
``rasd.ingest.runner.ingest`` extracts and stores them.
"""

from __future__ import annotations

from rasd.ingest.records import Failure
from rasd.ingest.sources import iter_articles

__all__ = ["Failure", "iter_articles"]
