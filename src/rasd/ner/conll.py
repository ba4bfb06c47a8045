"""Reading CoNLL-style files: one token per line, columns separated by
whitespace, a blank line between sentences.

Two readings are needed. ``rasd ner`` takes the token from the first column
and ignores the rest (any CoNLL file can be tagged); training and evaluation
read ANERcorp, whose token is everything before the last space (19 of its
tokens contain a space) and whose tag is the last column. Both keep the line
number of every token so a bad line can be named, and neither drops a line
silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

#: Sentences tagged as one document when the input marks no document boundaries (a CoNLL
#: file); the model was trained on ANERcorp in windows of this many sentences.
DOC_WINDOW = 60

#: ANERcorp spells the person type PERS; rasd writes the CoNLL spelling PER.
LABEL_ALIASES = {"PERS": "PER"}


class ConllError(Exception):
    """A CoNLL file rasd cannot read; the message names the file (and line)."""


@dataclass
class ConllSentence:
    """One sentence: its tokens, the gold tag when the file has one, and where each line was."""

    tokens: list[str] = field(default_factory=list)
    gold: list[Optional[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def canonical_tag(tag: str) -> str:
    """``B-PERS`` → ``B-PER``: one spelling of each type, so gold and predicted tags compare."""
    if "-" not in tag:
        return tag
    prefix, label = tag.split("-", 1)
    return f"{prefix}-{LABEL_ALIASES.get(label, label)}"


def read_bytes(path: str) -> bytes:
    """The file's bytes (``-`` is standard input), or ConllError saying why not."""
    from rasd.cli import read_input_bytes

    return read_input_bytes(path, "a CoNLL file", ConllError)


def decode_lines(data: bytes, name: str) -> list[str]:
    """UTF-8 lines of a CoNLL file; binary or non-UTF-8 content is an error naming the line."""
    if b"\x00" in data:
        line = data[:data.index(b"\x00")].count(b"\n") + 1
        raise ConllError(f"{name}:{line}: looks like a binary file (NUL byte), not CoNLL text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise ConllError(f"{name}:{line}: not UTF-8 text (invalid byte 0x{data[e.start]:02x}); "
                         f"convert it first, e.g. iconv -f WINDOWS-1256 -t UTF-8") from None
    return text.split("\n") if text else []


def iter_sentences(lines: list[str], token_is_prefix: bool = False) -> Iterator[ConllSentence]:
    """Sentences of a CoNLL file.

    With ``token_is_prefix`` the token is everything before the last
    whitespace (ANERcorp); otherwise it is the first column. The gold tag is
    the last column when a line has two or more, else None.
    """
    sent = ConllSentence()
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if not line.strip():
            if sent.tokens:
                yield sent
                sent = ConllSentence()
            continue
        cols = line.split()
        if token_is_prefix and len(cols) > 1:
            token = line.strip().rsplit(None, 1)[0]
        else:
            token = cols[0]
        sent.tokens.append(token)
        sent.gold.append(canonical_tag(cols[-1]) if len(cols) > 1 else None)
        sent.lines.append(n)
    if sent.tokens:
        yield sent


def read_labelled(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence of a labelled ANERcorp-style file; every token must have a tag."""
    name = str(path)
    out = []
    for s in iter_sentences(decode_lines(read_bytes(name), name), token_is_prefix=True):
        for tag, n in zip(s.gold, s.lines):
            if tag is None:
                raise ConllError(f"{name}:{n}: token without a tag")
        out.append((s.tokens, [t for t in s.gold if t is not None]))
    return out
