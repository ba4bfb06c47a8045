"""Decode article bytes: UTF-8, UTF-16, Windows-1256 and ISO-8859-6, detected.

Arabic news archives are full of the two legacy single-byte encodings, and a
wrong guess does not fail — it silently yields Latin accents. So the decision
is made on the result: every plausible decoding is tried and the one whose
letters are most Arabic wins. charset-normalizer proposes the candidates for
anything that is not plainly UTF-8 or UTF-16.
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

ARABIC_CODECS = ("cp1256", "iso8859_6")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding."""


def decode(data: bytes, declared: Optional[str] = None) -> tuple[str, str]:
    """(text, encoding used). ``declared`` (an HTTP or <meta> charset) is tried first but not trusted blindly."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise DecodeError("looks like a binary file (NUL bytes), not text")
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    candidates.extend(ARABIC_CODECS)
    candidates.extend(_detected(data))
    best: Optional[tuple[float, str, str]] = None
    for enc in dict.fromkeys(candidates):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _arabic_score(text)
        if best is None or score > best[0]:
            best = (score, text, codecs.lookup(enc).name)
    if best is None:
        raise DecodeError("not text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6")
    return best[1], best[2]


def _utf16_without_bom(data: bytes) -> Optional[tuple[str, str]]:
    """UTF-16 without a BOM: every other byte of ASCII/Arabic text is 0x00 (LE) or 0x06/0x00 (BE)."""
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for enc, high in (("utf-16-le", odd), ("utf-16-be", even)):
        if sum(1 for b in high if b in (0x00, 0x06)) / len(high) > 0.9:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None
    return None


def _detected(data: bytes) -> list[str]:
    from charset_normalizer import from_bytes

    return [m.encoding for m in from_bytes(data[:65536])][:3]


def _arabic_score(text: str) -> float:
    """Share of letters that are Arabic (a wrong single-byte guess produces Latin letters instead)."""
    letters = _LETTER.findall(text)
    if not letters:
        return 0.0
    return len(_ARABIC.findall("".join(letters))) / len(letters)
