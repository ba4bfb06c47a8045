"""Ingest: read → skip what is already stored → extract → store, one transaction per article.

Idempotent and kill-safe by construction: an article is identified by its text
(``content_hash``, unique in the database), it is written in one transaction
together with everything derived from it, and a rerun re-reads all input and
skips what is stored. So ingesting twice adds nothing, and a run killed at any
point (even with kill -9) loses nothing that a rerun does not restore.

Extraction, the slow part (about 200 articles/s per core), can run in worker
processes (``jobs``); the database is written by this process only, in input
order.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional, Union

from sqlalchemy.exc import DataError, IntegrityError

from rasd.ingest.records import Failure
from rasd.store.extraction import extract
from rasd.store.records import ArticleIn, Extraction
from rasd.store.store import Store

BATCH = 64


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    updated: int = 0
    duplicate: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def reasons(self) -> Counter:
        """Failures grouped by reason (the part after the location)."""
        return Counter(f.reason for f in self.failures)

    def line(self) -> str:
        return (f"read {self.read}, new {self.new}, updated {self.updated} (re-extracted by a newer pipeline), "
                f"duplicate {self.duplicate}, failed {self.failed}")


_worker_nlp = None


def _init_worker() -> None:
    global _worker_nlp
    import rasd

    _worker_nlp = rasd.load()


def _extract_in_worker(article: ArticleIn) -> Union[Extraction, str]:
    try:
        return extract(_worker_nlp, article)
    except (ValueError, TypeError) as e:
        return f"extraction failed ({e})"


def ingest(store: Store, items: Iterable[Union[ArticleIn, Failure]], jobs: int = 1,
           on_failure: Optional[Callable[[Failure], None]] = None,
           progress: Optional[Callable[[Summary], None]] = None) -> Summary:
    """Store every article in ``items``; returns the counts. ``on_failure`` hears each bad record."""
    from rasd.pipeline import PIPELINE_VERSION

    summary = Summary()

    def fail(f: Failure) -> None:
        summary.failures.append(f)
        if on_failure:
            on_failure(f)

    pool = None
    if jobs > 1:
        import multiprocessing

        pool = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(
            jobs, initializer=_init_worker)
    else:
        _init_worker()
    try:
        it = iter(items)
        while True:
            batch = list(islice(it, BATCH))
            if not batch:
                break
            todo: list[ArticleIn] = []
            for item in batch:
                summary.read += 1
                if isinstance(item, Failure):
                    fail(item)
                elif store.stored_version(item) == PIPELINE_VERSION:
                    summary.duplicate += 1
                else:
                    todo.append(item)
            results: Iterator[Union[Extraction, str]] = (
                pool.imap(_extract_in_worker, todo, chunksize=4) if pool else map(_extract_in_worker, todo))
            for article, result in zip(todo, results):
                if isinstance(result, str):
                    fail(Failure(article.origin or "?", result))
                    continue
                try:
                    outcome = store.save(article, result)
                except (DataError, IntegrityError) as e:
                    fail(Failure(article.origin or "?", f"rejected by the database, nothing stored "
                                                        f"({str(e.orig).strip().splitlines()[0]})"))
                    continue
                setattr(summary, outcome, getattr(summary, outcome) + 1)
            if progress:
                progress(summary)
    finally:
        if pool:
            pool.terminate()
            pool.join()
    return summary
