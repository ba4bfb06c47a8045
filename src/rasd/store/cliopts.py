"""Command-line pieces shared by the store commands (ingest, search, export, db)."""

from __future__ import annotations

import argparse
import datetime as dt

DB_HELP = ("the store: a SQLite file path or postgresql://USER:PASS@HOST/DB "
           "(default: $RASD_DB, else the per-user file; see 'rasd db path')")


def iso_date(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None
