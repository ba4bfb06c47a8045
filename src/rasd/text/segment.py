"""Sentences and tokens over the normalised view, with offsets into the original.

Tokens carry their clitic-stripped forms (و ف ب ل ك ال لل), so lexicon lookups
match "بالباغوز" to الباغوز without ever splitting a name such as بغداد: the
unstripped form is always tried first, and a stripped form is only a further
candidate, never a replacement. Pronoun suffixes ("منازلهم", "مقتله") give a
token its ``stems``, which a lexicon may opt into; ``split_clitics`` shows the
pieces of a token with their original offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

from rasd.knowledge import load_yaml
from rasd.text.normalize import _MARKS, TextView

_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<ar>[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]+)"
    r"|(?P<lat>[a-z\u00c0-\u024f]+(?:['’][a-z]+)?)"
    r"|(?P<punct>[^\s])"
)
# Sentence ends: . ! ? ؟ ؛ ; followed by space/quote/end, or a line break.
_SENT_END_RE = re.compile(r"(?<!\d)[.!?؟؛;…]+(?=[\s\"'»”)\]]|$)|(?<=\d)[.!?؟؛;]+(?=\s|$)|\n+")


@dataclass(slots=True)
class Token:
    """One token: original offsets, normalised form and its clitic-stripped variants."""

    i: int
    start: int  # original text offsets
    end: int
    nstart: int  # normalised view offsets
    nend: int
    norm: str
    kind: str  # num | ar | lat | punct
    forms: tuple[str, ...] = field(default=())
    #: the word ends in ة as written (its normalised final ه is not a pronoun)
    ta_marbuta: bool = False

    @property
    def stems(self) -> tuple[str, ...]:
        """Forms without a pronoun suffix ("وبمنازلهم" → منازل), tried after ``forms`` by
        lexicons that opt in; computed on demand (few tokens are ever asked)."""
        return word_stems(self.norm, self.ta_marbuta) if self.kind == "ar" else ()

    @property
    def is_word(self) -> bool:
        return self.kind in ("ar", "lat")

    @property
    def conjoined(self) -> bool:
        """The word carries the conjunction و or ف ("وأصيب", "فقتل"; not "في", "وزير")."""
        return self.norm[:1] in ("و", "ف") and len(self.forms) > 1 and self.forms[1] == self.norm[1:]

    def clitic_length(self, form: str) -> int:
        """How many leading normalised characters ``form`` dropped ("وبالباغوز" → "الباغوز": 2)."""
        return len(self.norm) - len(form) if self.norm.endswith(form) else 0


@dataclass(slots=True)
class Sentence:
    """A sentence: original offsets and the half-open token range [first, last)."""

    start: int
    end: int
    first: int
    last: int
    #: a short line of its own with no closing punctuation: a title or a section heading
    heading: bool = False


#: Last letters of the pronoun suffixes (a quick test before looking for one).
_SUFFIX_LAST = frozenset("هامن")

#: Clitic forms of words already seen (bounded; news vocabulary is small).
_FORMS: dict[str, tuple[str, ...]] = {}
_FORMS_MAX = 500_000


@lru_cache(maxsize=1)
def _clitics() -> dict:
    return load_yaml("clitics.yaml")


@lru_cache(maxsize=1)
def _clitic_rules() -> tuple[frozenset[str], frozenset[str], str, str, int]:
    c = _clitics()
    return (frozenset(c["conjunctions"]), frozenset(c["prepositions"]), c["article"], c["preposition_article"],
            int(c["min_stem"]))


@lru_cache(maxsize=200_000)
def clitic_forms(word: str) -> tuple[str, ...]:
    """Candidate lexicon forms of a normalised word, least stripped first.

    "وبالباغوز" → ("وبالباغوز", "بالباغوز", "الباغوز", "باغوز").
    """
    conjunctions, prepositions, article, preposition_article, minimum = _clitic_rules()
    stems = [word]
    if len(word) > 2 and word[0] in conjunctions:
        stems.append(word[1:])
    for w in tuple(stems):
        if w.startswith(preposition_article) and len(w) > 3:
            stems.append(article + w[2:])
        elif len(w) > 2 and w[0] in prepositions:
            stems.append(w[1:])
    out = [word]
    for w in stems:
        if len(w) >= minimum and w not in out:
            out.append(w)
    for w in tuple(out):
        if w.startswith(article) and len(w) - 2 >= minimum and w[2:] not in out:
            out.append(w[2:])
    return tuple(out)


@lru_cache(maxsize=200_000)
def suffix_stems(form: str, may_end_in_pronoun_ha: bool = True) -> tuple[str, ...]:
    """``form`` without a pronoun suffix: "منازلهم" → ("منازل",), "سيارته" → ("سياره", "سيارت").

    ``may_end_in_pronoun_ha`` is False for a word written with a final ة, whose
    normalised ه is not the pronoun."""
    suffix = _pronoun_suffix(form)
    if not suffix or (suffix == "ه" and not may_end_in_pronoun_ha):
        return ()
    stem = form[:-len(suffix)]
    if stem.endswith("ت") and not stem.endswith("ات"):
        return (stem[:-1] + "ه", stem)
    return (stem,)


@lru_cache(maxsize=200_000)
def word_stems(w: str, ta_marbuta: bool = False) -> tuple[str, ...]:
    """The suffix stems of a normalised word's clitic forms (``ta_marbuta``: its final ه was written ة)."""
    if not w or w[-1] not in _SUFFIX_LAST:
        return ()
    return _stems(clitic_forms(w), not (ta_marbuta and w[-1] == "ه"))


def _stems(forms: tuple[str, ...], may_end_in_pronoun_ha: bool) -> tuple[str, ...]:
    out: list[str] = []
    for f in forms:
        for s in suffix_stems(f, may_end_in_pronoun_ha):
            if s not in out and s not in forms:
                out.append(s)
    return tuple(out)


def split_clitics(view: TextView, token: Token,
                  known: Optional[Callable[[str], bool]] = None) -> list[tuple[str, int, int]]:
    """The pieces of an Arabic token as (role, start, end) in original offsets, roles
    "proclitic", "stem" and "suffix": "وبمنازلهم" → و, ب, منازل, هم.

    Letters that look like clitics but belong to a name stay: the least stripped
    form that ``known`` accepts is the stem ("بغداد", "لبنان", "حماه"; by default,
    known words are the gazetteer's place names). Off-the-shelf light stemmers
    split those names (tashaphyne: ب+غداد, ل+بنا+ان), which is why this is ours."""
    if token.kind != "ar":
        return [("stem", token.start, token.end)]
    known = known or _known_name
    norm = token.norm
    base, tail = _analysis(token, known)
    if norm.endswith(base):
        lead = len(norm) - len(base)
    elif base.startswith("ال") and norm.endswith(base[1:]):  # ل + الحسكة written للحسكة
        lead = len(norm) - len(base) + 1
    else:
        lead = 0
    cuts = [0]
    k = 0
    while k < lead:  # one letter each, except the article ال and ل + ال written لل
        k += 2 if norm.startswith(("ال", "لل"), k) and k + 2 <= lead else 1
        cuts.append(k)
    if tail:
        cuts.append(len(norm) - tail)
    cuts.append(len(norm))
    out: list[tuple[str, int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        role = "proclitic" if b <= lead else ("suffix" if tail and a >= len(norm) - tail else "stem")
        start, end = view.orig(token.nstart + a), view.orig(token.nstart + b) if b < len(norm) else token.end
        if start < end:  # a compatibility character (ligature) may hold several letters: no empty pieces
            out.append((role, start, end))
    if not out or out[0][1] != token.start:
        return [("stem", token.start, token.end)]
    return out


def _analysis(token: Token, known: Callable[[str], bool]) -> tuple[str, int]:
    """(the form without proclitics, the length of its pronoun suffix): the least
    stripped reading in which the word or its stem is known ("بيته" → بيت + ه, not
    ب + يته), else the most stripped one."""
    for f in token.forms:
        if known(f):
            return f, 0
        suffix = _pronoun_suffix(f)
        if suffix and token.stems and any(known(s) for s in suffix_stems(f)):
            return f, len(suffix)
    base = token.forms[-1]
    return base, len(_pronoun_suffix(base)) if token.stems else 0


def _known_name(word: str) -> bool:
    from rasd.knowledge.gazetteer import default_gazetteer  # the text layer needs it only here

    return word in default_gazetteer().matcher.lengths


def _pronoun_suffix(form: str) -> str:
    suffixes, min_stem = _suffix_rules()
    for x in suffixes:
        if form.endswith(x) and len(form) - len(x) >= min_stem:
            return x
    return ""


@lru_cache(maxsize=1)
def _suffix_rules() -> tuple[tuple[str, ...], int]:
    c = _clitics()
    return tuple(c["suffixes"]), int(c["suffix_min_stem"])


def tokenize(view: TextView) -> list[Token]:
    """Tokens with original offsets; walks the view's sparse offset map in step with the text.

    The loop runs once per token of every article, so it is written for speed: the
    next break of the offset map is kept at hand, each word's clitic forms are
    computed once per process (``_FORMS``), and suffix stems only when asked for."""
    tokens: list[Token] = []
    append = tokens.append
    original = view.original
    n = len(original)
    breaks, shifts = view.breaks, view.shifts
    nb = len(breaks)
    never = n + len(view.text) + 1
    k = -1  # index of the last break at or before the current position
    shift = 0  # shifts[k]
    next_break = breaks[0] if nb else never
    marks = _MARKS
    get = _FORMS.get
    if not nb:
        return _tokenize_unchanged(view.text, original, get)
    for i, m in enumerate(_TOKEN_RE.finditer(view.text)):
        ns, ne = m.span()
        while next_break <= ns:
            k += 1
            shift = shifts[k]
            next_break = breaks[k + 1] if k + 1 < nb else never
        s = ns + shift
        if next_break <= ne - 1:  # a break inside the token: the end maps through a later shift
            j = k + 1
            while j + 1 < nb and breaks[j + 1] <= ne - 1:
                j += 1
            e = ne + shifts[j]
        else:
            e = ne + shift
        while e < n and original[e] in marks:
            e += 1
        kind = m.lastgroup
        w = m.group()
        if kind == "ar":
            forms = get(w) or _remember_forms(w)
            # "مدينة": the final ه is a ta marbuta, not a pronoun
            ta = w[-1] == "ه" and _last_letter(original, s, e) == "ة"
        else:
            forms, ta = (w,), False
        append(Token(i, s, e, ns, ne, w, kind, forms, ta))
    return tokens


def _tokenize_unchanged(text: str, original: str, get) -> list[Token]:
    """``tokenize`` for a text that normalisation left the same length (no character
    removed): normalised and original offsets coincide, and no mark trails a token."""
    tokens: list[Token] = []
    append = tokens.append
    for i, m in enumerate(_TOKEN_RE.finditer(text)):
        ns, ne = m.span()
        kind = m.lastgroup
        w = m.group()
        if kind == "ar":
            forms = get(w) or _remember_forms(w)
            ta = w[-1] == "ه" and original[ne - 1] == "ة"
        else:
            forms, ta = (w,), False
        append(Token(i, ns, ne, ns, ne, w, kind, forms, ta))
    return tokens


def _remember_forms(w: str) -> tuple[str, ...]:
    """A word's clitic forms, kept for the next time (the common case is a dict hit, inline)."""
    forms = clitic_forms(w)
    if len(_FORMS) < _FORMS_MAX:
        _FORMS[w] = forms
    return forms


def _last_letter(original: str, start: int, end: int) -> str:
    while end > start and original[end - 1] in _MARKS:
        end -= 1
    return original[end - 1] if end > start else ""


@lru_cache(maxsize=1)
def _sentence_rules() -> tuple[frozenset[str], dict[str, str], int]:
    d = load_yaml("sentences.yaml")
    return frozenset(d["abbreviations"]), dict(d["quotes"]), int(d["quote_span"])


_WORD_BEFORE_RE = re.compile(r"(?:^|[\s(«\"“])([\u0621-\u064a]+(?: [\u0621-\u064a]+)?)$")


def _abbreviation_before(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    """The full stop at ``dot`` closes an abbreviation or an initial ("د.", "ق. س. د.", "إلخ.")."""
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot)
    if m is None:
        return False
    words = m.group(1)
    return words in abbreviations or words.rsplit(" ", 1)[-1] in abbreviations


def _inside_quote(text: str, pos: int, quotes: list[tuple[str, str]], span: int) -> bool:
    """``pos`` lies inside a quotation opened earlier on its line that closes later on it, within ``span``
    (``quotes``: the (opening, closing) pairs the text uses at all)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, pos - span):pos]
    for opening, closing in quotes:
        if opening == closing:
            is_open = before.count(opening) % 2 == 1
        else:
            is_open = before.rfind(opening) > before.rfind(closing)
        if is_open and closing in text[pos:min(line_end, pos + span)]:
            return True
    return False


def split_sentences(view: TextView, tokens: list[Token]) -> list[Sentence]:
    """Split at sentence punctuation and line breaks, but not after an abbreviation
    or inside a short quotation; empty stretches are dropped."""
    abbreviations, quotes, span = _sentence_rules()
    text = view.text
    quoted = [(o, c) for o, c in quotes.items() if o in text]
    bounds: list[int] = []
    for m in _SENT_END_RE.finditer(text):
        first = text[m.start()]
        if first == "." and m.end() - m.start() == 1 and _abbreviation_before(text, m.start(), abbreviations):
            continue
        if quoted and first != "\n" and _inside_quote(text, m.end(), quoted, span):
            continue
        bounds.append(m.end())
    bounds.append(len(text))
    sentences: list[Sentence] = []
    starts = [t.nstart for t in tokens]
    ti = 0
    for b in bounds:
        first = ti
        ti = bisect_left(starts, b, ti)
        if ti > first:
            # trim to the tokens' own extent
            sentences.append(Sentence(tokens[first].start, tokens[ti - 1].end, first, ti,
                                      _is_heading(view, tokens, first, ti)))
    return sentences


#: A line of at most this many words with no sentence punctuation reads as a heading.
HEADING_MAX_WORDS = 8


def _is_heading(view: TextView, tokens: list[Token], first: int, last: int) -> bool:
    if tokens[last - 1].kind == "punct" or last - first > 2 * HEADING_MAX_WORDS:
        return False
    text = view.text
    b = tokens[first].nstart - 1
    while b >= 0 and text[b] in " \t":
        b -= 1
    a = tokens[last - 1].nend
    while a < len(text) and text[a] in " \t":
        a += 1
    own_line = (b < 0 or text[b] == "\n") and (a >= len(text) or text[a] == "\n")
    return own_line and sum(1 for t in tokens[first:last] if t.is_word) <= HEADING_MAX_WORDS
