"""Attribution: who reports an event ("قالت مصادر محلية", "بحسب المرصد السوري").

The source phrase is the run of words after a reporting verb or preposition,
up to a stop word ("إن", "أن", a time word), punctuation or ``max_tokens``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasd.document import Attribution, Doc
from rasd.knowledge import load_yaml
from rasd.text.matcher import PhraseMatcher
from rasd.text.normalize import norm


_QUOTES = set('"«»“”\'')


@dataclass
class _Lexicon:
    cues: PhraseMatcher[str]
    stops: set[str]
    max_tokens: int


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    d = load_yaml("attribution.yaml")
    cues: PhraseMatcher[str] = PhraseMatcher(strip_article=False)
    cues.add_all((w, "verb") for w in d["verbs"])
    cues.add_all((w, "preposition") for w in d["prepositions"])
    return _Lexicon(cues, {norm(w) for w in d["stops"]}, int(d["max_tokens"]))


class AttributionStage:
    """Pipeline stage: adds ``doc.attributions`` (one per reporting cue with a source phrase)."""

    name = "attribution"

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        out: list[Attribution] = []
        for sent in doc.sentences:
            for m in lex.cues.find(doc.tokens, sent.first, sent.last):
                j = m.last
                k, words, end = j, 0, None
                while k < sent.last and words < lex.max_tokens:
                    t = doc.tokens[k]
                    if t.kind == "punct" and t.norm in _QUOTES:
                        k += 1  # quoted names: الناشط "محمد الجزراوي"
                        continue
                    if not t.is_word or t.norm in lex.stops or t.forms[0] in lex.stops:
                        break
                    words += 1
                    end = k
                    k += 1
                if end is None:
                    continue
                while doc.tokens[j].kind == "punct":
                    j += 1
                if end + 1 < sent.last and doc.tokens[end + 1].norm in _QUOTES and any(
                        doc.tokens[x].norm in _QUOTES for x in range(j, end)):
                    end += 1  # close the quote opened inside the phrase
                s, e = doc.tokens[j].start, doc.tokens[end].end
                cue = doc.text[doc.tokens[m.first].start:doc.tokens[m.last - 1].end]
                out.append(Attribution(start=s, end=e, text=doc.text[s:e], source=doc.text[s:e], cue=cue))
        doc.attributions = out
        return doc
