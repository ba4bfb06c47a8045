"""MinHash signatures and LSH buckets for near-duplicate articles (wire copies, republished reports).

One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification
(Shrivastava & Li 2014): every shingle is hashed once, and slot ``h % K``
keeps the smallest hash it sees. Each slot then behaves like an independent
MinHash, at the cost of one hash per shingle instead of K — fast enough in
pure Python to run inside ingest without numpy. The share of equal slots
estimates the Jaccard similarity of the two shingle sets.

Shingles are overlapping word triples of the normalised text, so a copy that
changed a dateline, a byline or a few words still shares most of them.
LSH: the K slots are cut into B bands of R slots; two articles become
candidates when any band is identical, i.e. with probability
``1 - (1 - J**R) ** B`` — about 0.5 at J≈0.6 for K=120, B=20, R=6.
"""

from __future__ import annotations

import hashlib
import struct
from typing import Iterable, Sequence

K = 120  # slots
BANDS = 20
ROWS = K // BANDS
#: Jaccard estimate above which two articles are near-duplicates
THRESHOLD = 0.6
_EMPTY = (1 << 64) - 1
_PACK = struct.Struct(f"<{K}Q")


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def shingles(words: Sequence[str], n: int = 3) -> set[bytes]:
    """Overlapping word n-grams (a short text gives its words as one shingle)."""
    if len(words) < n:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + n]).encode() for i in range(len(words) - n + 1)}


def signature(items: Iterable[bytes]) -> list[int]:
    """The K-slot signature of a set of shingles (all slots _EMPTY for an empty set)."""
    slots = [_EMPTY] * K
    for item in items:
        h = _h64(item)
        i = h % K
        if h < slots[i]:
            slots[i] = h
    filled = [i for i, v in enumerate(slots) if v != _EMPTY]
    if not filled or len(filled) == K:
        return slots
    # densify: an empty slot borrows the next filled slot to its right (cyclically), salted by distance
    out = list(slots)
    for i in range(K):
        if slots[i] == _EMPTY:
            d = 1
            while slots[(i + d) % K] == _EMPTY:
                d += 1
            out[i] = _h64(struct.pack("<QQ", slots[(i + d) % K], d))
    return out


def pack(sig: Sequence[int]) -> bytes:
    return _PACK.pack(*sig)


def unpack(data: bytes) -> tuple[int, ...]:
    return _PACK.unpack(data)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return sum(1 for x, y in zip(a, b) if x == y) / K


def bands(sig: Sequence[int]) -> list[int]:
    """One signed 63-bit bucket key per band (fits SQL BIGINT on both backends)."""
    out = []
    for b in range(BANDS):
        chunk = struct.pack(f"<H{ROWS}Q", b, *sig[b * ROWS:(b + 1) * ROWS])
        out.append(_h64(chunk) >> 1)
    return out
