"""Quantities: numbers in digits or words, their modifiers, ranges and counted nouns.

"ما بين عشرين إلى خمسين شخصًا" is one quantity (20–50 people), not two numbers
and not their sum. The grammar works on tokens (so clitics such as the و of
"وعشرين" are handled by the token's forms) and reads every word from
``knowledge/data/numbers.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rasd.document import Quantity
from rasd.knowledge import load_yaml
from rasd.text.normalize import norm
from rasd.text.segment import Token


@dataclass(frozen=True)
class _Word:
    kind: str  # unit | teen_one | ten | tens | hundreds | scale | scale_plural
    value: int


@dataclass
class _Lexicon:
    words: dict[str, list[_Word]]
    vague: dict[tuple[str, ...], tuple[int, int]]
    vague_sorted: list[tuple[tuple[str, ...], tuple[int, int]]]
    vague_heads: set[str]
    starts: frozenset[str]  # every word that can begin a number or a vague plural
    modifiers: dict[str, list[tuple[str, ...]]]
    range_join: set[str]
    after: dict[str, list[tuple[str, ...]]]
    nouns: dict[tuple[str, ...], tuple[str, str]]
    cues: dict[str, str]
    not_count_before: set[str]
    max_noun_len: int


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return sorted({tuple(norm(x).split()) for x in items}, key=len, reverse=True)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    d = load_yaml("numbers.yaml")
    words: dict[str, list[_Word]] = {}

    def add(forms: list[str], w: _Word) -> None:
        for f in forms:
            words.setdefault(norm(f), []).append(w)

    for v, forms in d["units"].items():
        add(forms, _Word("unit", int(v)))
    add(d["ten"], _Word("ten", 10))
    add(d["teen_one"], _Word("teen_one", 1))
    for v, forms in d["tens"].items():
        add(forms, _Word("tens", int(v)))
    for v, forms in d["hundreds"].items():
        add(forms, _Word("hundreds", int(v)))
    for v, forms in d["scales"].items():
        add(forms, _Word("scale", int(v)))
    for v, forms in d["scale_plurals"].items():
        add(forms, _Word("scale_plural", int(v)))
    nouns: dict[tuple[str, ...], tuple[str, str]] = {}
    for unit, spec in d["nouns"].items():
        for f in spec["forms"]:
            nouns[tuple(norm(f).split())] = (unit, spec["category"])
    cues = {norm(w): cat for cat, ws in d["category_cues"].items() for w in ws}
    vague = {tuple(norm(k).split()): (int(lo), int(hi)) for k, (lo, hi) in d["vague"].items()}
    return _Lexicon(
        words=words,
        vague=vague,
        vague_sorted=sorted(vague.items(), key=lambda x: -len(x[0])),
        vague_heads={k[0] for k in vague},
        starts=frozenset(words) | frozenset(k[0] for k in vague),
        modifiers={k: _phrases(v) for k, v in d["modifiers"].items() if k != "range_join"},
        range_join={norm(w) for w in d["modifiers"]["range_join"]},
        after={k: _phrases(v) for k, v in d["modifiers_after"].items()},
        nouns=nouns,
        cues=cues,
        not_count_before={norm(w) for w in d["not_count_before"]},
        max_noun_len=max(len(k) for k in nouns),
    )


def _digit_value(s: str) -> Optional[float]:
    """"1,500" → 1500; "1.5" → 1.5; "2.000.000" → 2000000."""
    if "," in s:
        parts = s.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            return float("".join(parts))
        return None
    if s.count(".") > 1:
        parts = s.split(".")
        return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
    try:
        return float(s)
    except ValueError:
        return None


def _word(tok: Token) -> Optional[tuple[_Word, ...]]:
    """Number-word readings of a token. Forms made by stripping ال are not tried:
    "الاثنين" is Monday, not two."""
    words = lexicon().words
    for f in tok.forms:
        if f in words and "ال" + f not in tok.forms:
            return tuple(words[f])
    return None


def _pick(options: tuple[_Word, ...], kinds: tuple[str, ...]) -> Optional[_Word]:
    for w in options:
        if w.kind in kinds:
            return w
    return None


def _match_phrase(tokens: list[Token], i: int, phrase: tuple[str, ...], first_forms: bool = True) -> bool:
    """Does ``phrase`` occur at tokens[i:]? The first token may carry clitics."""
    if i < 0 or i + len(phrase) > len(tokens):
        return False
    for k, p in enumerate(phrase):
        t = tokens[i + k]
        if p == t.norm or (k == 0 and first_forms and p in t.forms):
            continue
        return False
    return True


def _phrase_before(tokens: list[Token], end: int, phrases: list[tuple[str, ...]], lo: int) -> Optional[int]:
    """Index where one of ``phrases`` starts and ends right before ``end``."""
    for p in phrases:
        s = end - len(p)
        if s >= lo and _match_phrase(tokens, s, p):
            return s
    return None


_SCALE_BASES = (1000, 1_000_000, 1_000_000_000)


def parse_number(tokens: list[Token], i: int, stop: int) -> Optional[tuple[float, int]]:
    """Parse a number at tokens[i]: (value, index after it).

    Digits may take a scale word ("3 آلاف"); words add up as Arabic reads them
    ("سبعة وعشرين" = 7 + 20, "ثلاثة آلاف وخمسمائة" = 3500, "ثلاثة عشر" = 13).
    A word joins the number only through و or as a scale/teen word right after it.
    """
    t = tokens[i]
    if t.kind == "num":
        v = _digit_value(t.norm)
        if v is None:
            return None
        j = i + 1
        if j < stop:
            w = _word(tokens[j])
            sc = _pick(w, ("scale", "scale_plural")) if w else None
            if sc and sc.value in _SCALE_BASES and tokens[j].forms[0] in lexicon().words:
                v *= sc.value
                j += 1
        return v, j
    words = lexicon().words
    total = cur = 0
    last: Optional[str] = None
    j = i
    while j < stop:
        tok = tokens[j]
        opts = _word(tok)
        if not opts:
            break
        if last is None:
            w = opts[0]
            if w.kind == "scale_plural":
                return None  # bare "آلاف" is vague, read by _vague_at
            if w.kind == "teen_one":
                nxt = _word(tokens[j + 1]) if j + 1 < stop else None
                if not (nxt and _pick(nxt, ("ten",))):
                    return None
                w = _Word("unit", 1)
        elif tok.norm.startswith("و") and tok.norm[1:] in words:
            w = words[tok.norm[1:]][0]
        else:
            w = _pick(opts, ("ten", "scale", "scale_plural"))
            if w is None or (w.kind == "ten" and last != "unit") or tok.forms[0] not in words:
                break
            if w.kind == "ten":  # teen: ثلاثة عشر
                cur += 10
                last = "tens"
                j += 1
                continue
        if w.kind in ("scale", "scale_plural"):
            total += cur * w.value if cur and w.value in _SCALE_BASES else w.value
            cur = 0
        else:
            cur += w.value
        last = w.kind
        j += 1
    if last is None:
        return None
    return total + cur, j


def _vague_at(tokens: list[Token], i: int, stop: int) -> Optional[tuple[tuple[int, int], int]]:
    lex = lexicon()
    if not any(f in lex.vague_heads for f in tokens[i].forms):
        return None
    for phrase, rng in lex.vague_sorted:
        if i + len(phrase) > stop:
            continue
        ok = True
        for k, p in enumerate(phrase):
            t = tokens[i + k]
            if not (p == t.norm or p in t.forms):
                ok = False
                break
        if ok:
            return rng, i + len(phrase)
    return None


def _noun_after(tokens: list[Token], j: int, stop: int) -> Optional[tuple[str, str, int]]:
    """The counted noun after a number: "27 شاحنة", "عشرات من المدنيين", "الف شخص"."""
    lex = lexicon()
    for skip in (0, 1):
        k = j + skip
        if skip and not (k - 1 < stop and tokens[k - 1].norm == "من"):
            break
        for n in range(lex.max_noun_len, 0, -1):
            if k + n > stop:
                continue
            head = tokens[k]
            for f in head.forms:
                key = (f,) + tuple(t.norm for t in tokens[k + 1:k + n])
                if key in lex.nouns:
                    unit, cat = lex.nouns[key]
                    return unit, cat, k + n
    return None


def _cue_before(tokens: list[Token], start: int, lo: int) -> Optional[str]:
    lex = lexicon()
    for k in range(start - 1, max(lo, start - 4) - 1, -1):
        for f in tokens[k].forms:
            if f in lex.cues:
                return lex.cues[f]
    return None


def _num(v: Optional[float]):
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def find_quantities(text: str, tokens: list[Token], lo: int, hi: int) -> list[Quantity]:
    """All quantities in tokens[lo:hi] (one sentence), as spans of ``text``."""
    lex = lexicon()
    starts = lex.starts
    out: list[Quantity] = []
    i = lo
    while i < hi:
        t = tokens[i]
        if t.kind != "num" and (t.kind != "ar" or not any(f in starts for f in t.forms)):
            i += 1
            continue
        low = high = None
        approx = False
        start = i
        vague = _vague_at(tokens, i, hi) if t.kind != "num" else None
        parsed = None if vague else parse_number(tokens, i, hi)
        if vague:
            (low, high), j = vague
            approx = True
        elif parsed:
            value, j = parsed
            low = high = value
        else:
            i += 1
            continue
        # a number right after "ال" ("الـ40") belongs to it
        if start > lo and tokens[start - 1].norm == "ال":
            start -= 1
        if start > lo and tokens[start - 1].norm in lex.not_count_before:
            i = j
            continue
        # range: (ما) بين X و/إلى Y, من X إلى Y
        k = _phrase_before(tokens, start, lex.modifiers["range_start"], lo)
        if k is not None and not vague and j < hi:
            second = None
            join = tokens[j].norm
            if join in lex.range_join and j + 1 < hi and not (join == "و" and tokens[k].norm == "من"):
                second = parse_number(tokens, j + 1, hi)
            elif join.startswith("و") and tokens[k].norm != "من":
                second = parse_number(tokens, j, hi)  # "وخمسين" carries its conjunction
            if second:
                high, j, start = second[0], second[1], k
        if start != k:
            m = _phrase_before(tokens, start, lex.modifiers["approx"], lo)
            if m is not None:
                approx, start = True, m
            else:
                m = _phrase_before(tokens, start, lex.modifiers["at_least"], lo)
                if m is not None:
                    high, start = None, m
                else:
                    m = _phrase_before(tokens, start, lex.modifiers["at_most"], lo)
                    if m is not None:
                        low, start = None, m
        unit, category, end = None, "other", j
        noun = _noun_after(tokens, j, hi)
        if noun:
            unit, category, end = noun
        for phrase in lex.after["at_least"]:
            if _match_phrase(tokens, end, phrase):
                high = None
                end += len(phrase)
                break
        if category in ("people", "other") and (noun is None or category == "people"):
            cue = _cue_before(tokens, start, lo)
            if cue and (noun is not None or not vague):
                category = cue
                unit = unit or "person"
        s, e = tokens[start].start, tokens[end - 1].end
        out.append(Quantity(start=s, end=e, text=text[s:e], low=_num(low), high=_num(high), approx=approx,
                            unit=unit, category=category))
        i = max(end, i + 1)
    return out
