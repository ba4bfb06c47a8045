"""A record that could not be read, with where it was and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    origin: str  # "file", "file:line", "archive.zip!member", "file.warc.gz#record 3"
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
