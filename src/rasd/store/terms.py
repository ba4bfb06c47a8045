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

A query word is reduced the same way but less far. With an article inside, the
conjunction and preposition go and the article stays ("وبالرقة" → الرقه), so
الرقة never matches ورقة ("paper"). Without one, the word matches as typed or
as any of its stripped forms ("بمعرة" → بمعره | معره), so a preposition typed
by habit does not hide the place, and "بغداد" still finds بغداد.
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


def query_terms(query: str) -> list[list[str]]:
    """What a query must match: every inner list (AND), any term of each (OR), normalised like the index.

    "وبالرقة بمعرة" → [["الرقه"], ["بمعره", "معره"]].
    """
    out: list[list[str]] = []
    for t in tokenize(normalize(query)):
        if t.kind not in _WORD_KINDS:
            continue
        alternatives = [t.norm]
        if t.kind == "ar":
            definite = [f for f in t.forms if f.startswith("ال")]
            alternatives = definite[:1] if definite else list(t.forms or (t.norm,))
        alternatives = [a for a in alternatives if _SAFE.match(a)]
        if alternatives and alternatives not in out:
            out.append(alternatives)
    return out
