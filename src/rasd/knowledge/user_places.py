"""The user's own gazetteer layer: places imported with ``rasd gazetteer import``.

Analysts add the places their work needs (a country's full GeoNames dump, an
OCHA populated-places list with every village) without rebuilding rasd. The
layer lives outside the package, in the user data directory::

    $RASD_HOME/gazetteer/places.tsv.gz      (default RASD_HOME: ~/.local/share/rasd,
                                              or $XDG_DATA_HOME/rasd when that is set)

in the shipped gazetteer's own schema (gzipped TSV, one row per place, every
row naming its source), so the two layers load the same way. Rows are keyed
by ``id``: importing a file again replaces its rows instead of adding copies,
and a user row with the id of a shipped row (``gn:170062``) overrides it.
Writes go to a temporary file that is renamed over the old one, so a failed
import leaves the layer as it was.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from rasd.knowledge import read_tsv

#: The gazetteer schema, shared by the shipped file and the user layer.
COLUMNS = ["id", "name", "name_ar", "aliases", "lat", "lon", "country", "admin1", "feature",
           "population", "geonames_id", "source"]


def rasd_home() -> Path:
    """The user data directory: ``$RASD_HOME``, else ``$XDG_DATA_HOME/rasd``, else ``~/.local/share/rasd``."""
    if os.environ.get("RASD_HOME"):
        return Path(os.environ["RASD_HOME"]).expanduser()
    if os.environ.get("XDG_DATA_HOME"):
        return Path(os.environ["XDG_DATA_HOME"]).expanduser() / "rasd"
    return Path.home() / ".local" / "share" / "rasd"


def user_gazetteer_path() -> Path:
    return rasd_home() / "gazetteer" / "places.tsv.gz"


def read_rows(path: Optional[Path] = None) -> list[dict[str, str]]:
    """The rows of the user layer (none when nothing was imported yet)."""
    path = path or user_gazetteer_path()
    if not path.exists():
        return []
    return list(read_tsv(path))


def write_rows(rows: Iterable[dict[str, str]], path: Optional[Path] = None) -> None:
    """Write the layer atomically: a temporary file in the same folder, renamed over the old one."""
    path = path or user_gazetteer_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    # no quoting and no escaping: read_tsv reads fields verbatim (importers keep tabs and
    # newlines out of values; the writer refuses any that slipped through)
    w = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None,
                       lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    fd, tmp = tempfile.mkstemp(prefix=".places-", suffix=".tsv.gz.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
            f.write(buf.getvalue().encode("utf-8"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class MergeResult:
    added: int
    updated: int
    unchanged: int
    total: int  # rows in the layer after the merge


def merge_rows(existing: list[dict[str, str]], new: Iterable[dict[str, str]]) -> tuple[list[dict[str, str]], MergeResult]:
    """``existing`` with ``new`` rows added or replacing the rows of the same id (first seen order)."""
    by_id = {r["id"]: r for r in existing}
    added = updated = unchanged = 0
    for r in new:
        row = {c: r.get(c, "") for c in COLUMNS}
        old = by_id.get(row["id"])
        if old is None:
            added += 1
        elif {c: old.get(c, "") for c in COLUMNS} == row:
            unchanged += 1
        else:
            updated += 1
        by_id[row["id"]] = row
    return list(by_id.values()), MergeResult(added, updated, unchanged, len(by_id))
