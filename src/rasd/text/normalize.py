"""Arabic normalisation that never loses the way back to the original text.

Matching Arabic news against lexicons needs a folded form (no diacritics, one
alef, ى→ي, ة→ه, ASCII digits), but every result must point at the original
characters. :func:`normalize` therefore returns a :class:`TextView`: the
normalised string plus, for each of its characters, the index of the original
character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel.
_DROP = set(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]
)
_MARKS = frozenset(_DROP)
# Bidi and zero-width controls: invisible, never meaningful for matching.
_DROP.update(["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u2066", "\u2067", "\u2068", "\u2069"])
_DROP.update([chr(c) for c in range(0x202A, 0x202F)])

_FOLD_BASE = {
    # digits: Arabic-Indic and Persian to ASCII
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    # Persian letters that leak into Arabic text
    "\u06cc": "\u064a",  # ی → ي
    "\u06a9": "\u0643",  # ک → ك
    "\u00a0": " ",
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",  # Arabic thousands separator
}
_FOLD_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}


@dataclass(frozen=True)
class NormalizeOptions:
    """Which foldings to apply. The defaults are those used for lexicon matching."""

    fold_letters: bool = True
    lowercase: bool = True


@dataclass
class TextView:
    """A normalised view of ``original`` with a character-level offset map.

    Most characters map one to one; the map is stored sparsely as the
    normalised positions where the offset to the original changes (after a run
    of removed characters, or an expanded ligature), so building a view costs
    C-level string operations only.
    """

    original: str
    text: str
    breaks: list[int]  # normalised positions where the shift changes (sorted)
    shifts: list[int]  # original index − normalised index from that position on

    def orig(self, i: int) -> int:
        """Original index of normalised character ``i`` (``len(text)`` maps to ``len(original)``)."""
        if i >= len(self.text):
            return len(self.original)
        k = bisect_right(self.breaks, i) - 1
        return i + (self.shifts[k] if k >= 0 else 0)

    @property
    def index(self) -> list[int]:
        """The full map, one entry per normalised character plus the end (for tests and debugging)."""
        return [self.orig(i) for i in range(len(self.text))] + [len(self.original)]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the original span covering it."""
        if end <= start:
            o = self.orig(start)
            return o, o
        e = self.orig(end - 1) + 1
        # diacritics and tatweel written on the last letter belong to the span ("عاماً")
        while e < len(self.original) and self.original[e] in _MARKS:
            e += 1
        return self.orig(start), e



def _tables(options: NormalizeOptions) -> tuple[dict[int, Optional[str]], "re.Pattern[str]"]:
    table: dict[int, Optional[str]] = {ord(c): None for c in _DROP}
    fold = dict(_FOLD_BASE)
    if options.fold_letters:
        fold.update(_FOLD_LETTERS)
    table.update({ord(k): v for k, v in fold.items()})
    if options.lowercase:
        table.update({c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)})
    return table, re.compile("[" + re.escape("".join(sorted(_DROP))) + "]+")


_DEFAULT = NormalizeOptions()
_DEFAULT_TABLES = _tables(_DEFAULT)
# Compatibility characters that NFKC rewrites, possibly into several characters:
# Latin ligatures, Arabic presentation forms A and B, full-width forms.
_COMPAT_RE = re.compile("[\ufb00-\ufdff\ufe70-\ufeff\uff00-\uffef]")


def normalize(text: str, options: NormalizeOptions = _DEFAULT) -> TextView:
    """Normalise ``text`` for matching, keeping the offset map.

    Diacritics, tatweel and bidi/zero-width controls are removed; letters and
    digits are folded (see module docstring); presentation forms and other
    compatibility characters go through NFKC (one original character may become
    several, all mapped to it).
    """
    table, drop_re = _DEFAULT_TABLES if options is _DEFAULT else _tables(options)
    if _COMPAT_RE.search(text):
        return _normalize_slow(text, table)
    breaks: list[int] = []
    shifts: list[int] = []
    removed = 0
    for m in drop_re.finditer(text):
        removed += m.end() - m.start()
        breaks.append(m.start() - (removed - (m.end() - m.start())))
        shifts.append(removed)
    return TextView(original=text, text=text.translate(table), breaks=breaks, shifts=shifts)


def _normalize_slow(text: str, table: dict[int, Optional[str]]) -> TextView:
    """Character by character, for texts with compatibility characters to expand."""
    out: list[str] = []
    breaks: list[int] = []
    shifts: list[int] = []
    shift = 0
    for i, ch in enumerate(text):
        pieces = unicodedata.normalize("NFKC", ch) if _COMPAT_RE.match(ch) else ch
        folded = pieces.translate(table)
        for piece in folded:
            j = len(out)
            if i - j != shift:
                shift = i - j
                breaks.append(j)
                shifts.append(shift)
            out.append(piece)
    return TextView(original=text, text="".join(out), breaks=breaks, shifts=shifts)


def norm(text: str) -> str:
    """The normalised form of ``text`` alone (for lexicon keys)."""
    return " ".join(normalize(text).text.split())
