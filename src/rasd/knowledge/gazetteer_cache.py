"""An on-disk cache of the built gazetteer index, for large user layers.

Building the index normalises every alias; with a country's full GeoNames
dump imported that takes seconds, on every start. The built
:class:`~rasd.knowledge.gazetteer.Gazetteer` is therefore pickled to
``$RASD_HOME/cache/`` under a key made of its input files' contents (the
data and the modules of the pickled classes), the rasd version and the cache
format: any change to an input gives a new key, so a stale index is never read. The cache is the user's own file in the user's
own directory (the same trust as the data it is built from); one that cannot
be read or written is rebuilt or skipped, never fatal.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

from rasd import __version__
from rasd.knowledge.user_places import rasd_home

T = TypeVar("T")
#: bump when the pickled classes change shape
CACHE_FORMAT = 1
_KEEP = 3  # cache files kept (older ones are removed)


def cache_dir() -> Path:
    return rasd_home() / "cache"


def cache_key(inputs: list[Path]) -> str:
    h = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    for p in inputs:
        h.update(p.name.encode())
        h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:24]


def load_cached(inputs: list[Path], build: Callable[[], T]) -> T:
    """The object cached for ``inputs``, or ``build()`` (then stored for next time)."""
    path = cache_dir() / f"gazetteer-{cache_key(inputs)}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    obj = build()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
    except OSError:
        pass  # a read-only or full disk: work without the cache
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return obj


def _prune(folder: Path) -> None:
    old = sorted(folder.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[_KEEP:]
    for p in old:
        p.unlink(missing_ok=True)


def clear_cache() -> int:
    """Remove every cached index; returns how many files were removed."""
    n = 0
    for p in cache_dir().glob("gazetteer-*.pickle"):
        p.unlink(missing_ok=True)
        n += 1
    return n
