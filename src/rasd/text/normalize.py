"""Arabic normalisation that never loses the way back to the original text.

Matching Arabic news against lexicons needs a folded form (no diacritics, one
alef, ى→ي, ة→ه, ASCII digits), but every result must point at the original
characters. :func:`normalize` therefore returns a :class:`TextView`: the
normalised string plus, for each of its characters, the index of the original
character it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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

    ``index[i]`` is the original index of normalised character ``i``;
    ``index`` has one extra entry equal to ``len(original)`` so that an end
    offset always maps.
    """

    original: str
    text: str
    index: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the original span covering it."""
        if end <= start:
            o = self.index[start]
            return o, o
        e = self.index[end - 1] + 1
        # diacritics and tatweel written on the last letter belong to the span ("عاماً")
        while e < len(self.original) and self.original[e] in _MARKS:
            e += 1
        return self.index[start], e

    def original_span(self, start: int, end: int) -> str:
        s, e = self.to_original(start, end)
        return self.original[s:e]


def _fold_map(options: NormalizeOptions) -> dict[str, str]:
    table = dict(_FOLD_BASE)
    if options.fold_letters:
        table.update(_FOLD_LETTERS)
    return table


_DEFAULT = NormalizeOptions()
_DEFAULT_TABLE = _fold_map(_DEFAULT)


def normalize(text: str, options: NormalizeOptions = _DEFAULT) -> TextView:
    """Normalise ``text`` for matching, keeping the offset map.

    Presentation forms and other compatibility characters go through NFKC
    (one original character may become several, all mapped to it);
    diacritics, tatweel and bidi/zero-width controls are removed.
    """
    table = _DEFAULT_TABLE if options is _DEFAULT else _fold_map(options)
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        mapped = table.get(ch)
        if mapped is not None:
            out.append(mapped)
            index.append(i)
            continue
        if ch.isascii():
            out.append(ch.lower() if options.lowercase else ch)
            index.append(i)
            continue
        # Compatibility forms (Arabic presentation forms, ligatures, full-width) only.
        decomposed = unicodedata.normalize("NFKC", ch) if unicodedata.decomposition(ch).startswith("<") else ch
        for piece in decomposed:
            if piece in _DROP:
                continue
            piece = table.get(piece, piece)
            if options.lowercase:
                piece = piece.lower()
            for p in piece:
                out.append(p)
                index.append(i)
    index.append(len(text))
    return TextView(original=text, text="".join(out), index=index)


def norm(text: str) -> str:
    """The normalised form of ``text`` alone (for lexicon keys)."""
    return " ".join(normalize(text).text.split())
