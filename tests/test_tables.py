"""The hand-labelled tables of real news phrasing (tests/data/, see its README):
every quantity and date expression must be read with the labelled values."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from rasd.text.dates import find_dates, numeric_dates
from rasd.text.normalize import normalize
from rasd.text.numbers import find_quantities
from rasd.text.segment import tokenize

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _num(x: str):
    if x == "":
        return None
    v = float(x)
    return int(v) if v.is_integer() else v


QUANTITIES = rows("quantities.tsv")
DATES = rows("dates.tsv")

def _quantity_params():
    for i, row in enumerate(QUANTITIES):
        yield pytest.param(row, id=f"q{i}")


def test_tables_are_big_enough():
    assert len(QUANTITIES) >= 300 and len(DATES) >= 150


@pytest.mark.parametrize("row", list(_quantity_params()))
def test_quantity_table(row):
    snippet, expr = row["snippet"], row["expression"]
    start = snippet.index(expr)
    end = start + len(expr)
    toks = tokenize(normalize(snippet))
    found = [q for q in find_quantities(snippet, toks, 0, len(toks)) if q.start < end and start < q.end]
    if row["category"] == "other":
        # not a headcount: either not read as a quantity, or filed under "other"
        assert all(q.category == "other" for q in found), [(q.text, q.category) for q in found]
        return
    want = (_num(row["low"]), _num(row["high"]), row["approx"] == "true")
    got = [(q.low, q.high, q.approx) for q in found]
    assert want in got, f"{expr!r}: want {want}, got {[(q.text, q.low, q.high, q.approx, q.category) for q in found]}"
    q = found[got.index(want)]
    assert q.category == row["category"], f"{expr!r}: category {q.category}, want {row['category']}"


@pytest.mark.parametrize("row", DATES, ids=[f"d{i}" for i in range(len(DATES))])
def test_date_table(row):
    snippet, expr = row["snippet"], row["expression"]
    start = snippet.index(expr)
    end = start + len(expr)
    published = dt.date.fromisoformat(row["published"])
    toks = tokenize(normalize(snippet))
    found = find_dates(snippet, toks, 0, len(toks), published) + numeric_dates(snippet)
    got = [(d.date, d.time_precision) for d in found if d.start < end and start < d.end]
    want = (row["date"], int(row["time_precision"]))
    assert want in got, f"{expr!r} ({row['published']}): want {want}, got {got}"
