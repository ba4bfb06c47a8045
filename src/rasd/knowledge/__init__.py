"""Knowledge shipped with rasd: lexicons, registries and the gazetteer, as data files.

Code holds the logic; everything an analyst might want to extend (aliases,
trigger words, month names, number words, places) lives in ``data/``.
"""

from __future__ import annotations

import gzip
import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import yaml


def data_path(name: str) -> Path:
    """Path of a file in the package's ``knowledge/data`` folder."""
    return Path(str(resources.files("rasd.knowledge").joinpath("data", name)))


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Load a YAML data file (cached: data files are read once per process)."""
    with data_path(name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a (possibly gzipped) tab-separated file with a header row."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
