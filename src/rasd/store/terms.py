"""Arabic-aware search terms, the same on both backends.

Full-text engines split words but know nothing of Arabic clitics or spelling
variants, so rasd hands them pre-normalised terms instead of raw text:

- normalisation as everywhere in rasd (no diacritics or tatweel, أ/إ/آ→ا,
  ى→ي, ة→ه, Eastern digits → 0-9, Latin lower-cased);
- each Arabic word is indexed with all its clitic-stripped forms
  ("وبالرقة" → وبالرقه، بالرقه، الرقه، رقه), so a query for الرقة finds
  بالرقة and للرقة without the engine knowing any Arabic;
- the English names that extraction resolved (places, actors) are indexed
  too, so "Raqqa" finds Arabic reports about الرقة.

A query word is reduced the same way but less far: its conjunction and
preposition are dropped and its article kept ("بالرقة" → الرقه), so a query
never matches more loosely than the reader asked for.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from rasd.text.normalize import normalize
from rasd.text.segment import Token, tokenize

_WORD_KINDS = ("ar", "lat", "num")
_SAFE = re.compile(r"^\w+$")


def document_terms(tokens: Iterable[Token], extra_text: Iterable[Optional[str]] = ()) -> str:
    """The space-separated, de-duplicated search terms of a document.

    ``tokens`` are the pipeline's tokens of the article text; ``extra_text``
    holds the title and resolved English names, tokenised here.
    """
    seen: dict[str, None] = {}
    for t in tokens:
        if t.kind in _WORD_KINDS:
            for f in t.forms or (t.norm,):
                seen[f] = None
    for text in extra_text:
        if text:
            for t in tokenize(normalize(text)):
                if t.kind in _WORD_KINDS:
                    for f in t.forms or (t.norm,):
                        seen[f] = None
    return " ".join(f for f in seen if _SAFE.match(f))


def query_terms(query: str) -> list[str]:
    """The terms a query must all match (AND), normalised like the index.

    An Arabic query word keeps its article but loses a leading و/ف and ب/ل/ك
    when stripping leaves the definite form: "وبالرقة" → الرقه, "دمشق" → دمشق.
    """
    out: list[str] = []
    for t in tokenize(normalize(query)):
        if t.kind not in _WORD_KINDS:
            continue
        term = t.norm
        if t.kind == "ar":
            definite = [f for f in t.forms if f.startswith("ال")]
            if definite:
                term = definite[0]
        if _SAFE.match(term) and term not in out:
            out.append(term)
    return out
