"""Quantities: numbers in digits or words, their modifiers, ranges and counted nouns.

"ما بين عشرين إلى خمسين شخصًا" is one quantity (20–50 people), not two numbers
and not their sum; "قتيلان" is a count of two by itself; "فوق الـ40 عاماً" is an
age. The grammar works on tokens (so clitics such as the و of "وعشرين" are
handled by the token's forms) and reads every word from
``knowledge/data/numbers.yaml``. Low/high/approx follow the schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rasd.document import Quantity
from rasd.knowledge import load_yaml
from rasd.text.matcher import PhraseMatcher
from rasd.text.normalize import norm
from rasd.text.segment import Token

_SCALE_BASES = (1000, 1_000_000, 1_000_000_000)
#: How close (tokens) an event word must stand before a count of an unknown noun to type it.
NEAR_CUE = 2
#: Punctuation that ends the stretch a category cue may govern.
_CLAUSE_END = set(".؛;!?؟")


@dataclass(frozen=True)
class _Word:
    kind: str  # unit | teen_one | ten | tens | hundreds | scale | scale_plural | fraction
    value: float


@dataclass
class _Lexicon:
    words: dict[str, list[_Word]]
    vague: PhraseMatcher[tuple[int, int]]
    modifiers: dict[str, PhraseMatcher[str]]
    range_join: set[str]
    bare_range_join: set[str]
    after: dict[str, PhraseMatcher[str]]
    after_window: int
    not_numbers: set[str]
    inner_punct: set[str]
    nouns: PhraseMatcher[tuple[str, str]]
    duals: dict[str, tuple[str, str]]
    person_endings: tuple[str, ...]
    cue_window: int
    cues: PhraseMatcher[str]
    cues_after: PhraseMatcher[str]
    subset_cues: PhraseMatcher[str]
    not_count_before: set[str]
    not_nouns: set[str]
    year_range: tuple[int, int]
    after_cue_window: int
    starts: frozenset[str]  # every word that can begin a number, a vague plural or a dual


def _matcher(words, payload=None, strip_article: bool = True) -> PhraseMatcher:
    return PhraseMatcher(strip_article=strip_article).add_all((w, payload if payload is not None else w) for w in words)


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
    for key, kind in (("tens", "tens"), ("hundreds", "hundreds"), ("scales", "scale"), ("scale_plurals", "scale_plural")):
        for v, forms in d[key].items():
            add(forms, _Word(kind, int(v)))
    for w, v in d["fractions"].items():
        add([w], _Word("fraction", float(v)))
    nouns: PhraseMatcher[tuple[str, str]] = PhraseMatcher()
    duals: dict[str, tuple[str, str]] = {}
    for unit, spec in d["nouns"].items():
        nouns.add_all((f, (unit, spec["category"])) for f in spec["forms"])
        duals.update({norm(f): (unit, spec["category"]) for f in spec.get("dual") or ()})
    for unit, spec in d["nouns"].items():  # a dual form is also a counted noun after a number
        nouns.add_all((f, (unit, spec["category"])) for f in spec.get("dual") or ())
    vague: PhraseMatcher[tuple[int, int]] = PhraseMatcher()
    for k, (lo, hi) in d["vague"].items():
        vague.add(k, (int(lo), int(hi)))
    cues: PhraseMatcher[str] = PhraseMatcher()
    for cat, ws in d["category_cues"].items():
        cues.add_all((w, cat) for w in ws)
    cues_after: PhraseMatcher[str] = PhraseMatcher()
    for cat, ws in d["category_after"].items():
        cues_after.add_all((w, cat) for w in ws)
    starts = frozenset(words) | frozenset(vague.lengths) | frozenset(duals)
    return _Lexicon(
        words=words, vague=vague,
        modifiers={k: _matcher(v, strip_article=False) for k, v in d["modifiers"].items()
                   if k not in ("range_join", "bare_range_join")},
        range_join={norm(w) for w in d["modifiers"]["range_join"]},
        bare_range_join={norm(w) for w in d["modifiers"]["bare_range_join"]},
        after={k: _matcher(v, strip_article=False) for k, v in d["modifiers_after"].items()},
        after_window=int(d["after_window"]),
        not_numbers={norm(w) for w in d["not_numbers"]},
        inner_punct=set(d["inner_punct"]),
        nouns=nouns, duals=duals, person_endings=tuple(norm(e) for e in d["person_endings"]),
        cue_window=int(d["cue_window"]), cues=cues, cues_after=cues_after,
        subset_cues=_matcher(d["subset_cues"], strip_article=False),
        not_count_before={norm(w) for w in d["not_count_before"]},
        not_nouns={norm(w) for w in d["not_nouns"]},
        year_range=(int(d["year_range"][0]), int(d["year_range"][1])),
        after_cue_window=int(d["after_cue_window"]),
        starts=starts,
    )


def _digit_value(s: str) -> Optional[float]:
    """"1,500" → 1500; "1.5" → 1.5; "2.000.000" → 2000000."""
    if "," in s:
        parts = s.split(",")
        return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
    if s.count(".") > 1:
        parts = s.split(".")
        return float("".join(parts)) if all(len(p) == 3 for p in parts[1:]) else None
    try:
        return float(s)
    except ValueError:
        return None


def _word(tok: Token) -> Optional[tuple[_Word, ...]]:
    """Number-word readings of a token ("وعشرين", "الستة"); "الاثنين" (Monday) is none."""
    lex = lexicon()
    if tok.norm in lex.not_numbers:
        return None
    for f in tok.forms:
        if f in lex.words:
            return tuple(lex.words[f])
    return None


def _pick(options: Optional[tuple[_Word, ...]], kinds: tuple[str, ...]) -> Optional[_Word]:
    for w in options or ():
        if w.kind in kinds:
            return w
    return None


def _skip_punct(tokens: list[Token], j: int, stop: int) -> int:
    """Index of the next token that is not a quote or bracket: '"600"', '(٢٥)'."""
    inner = lexicon().inner_punct
    while j < stop and tokens[j].kind == "punct" and tokens[j].norm in inner:
        j += 1
    return j


def _scale_after(tokens: list[Token], j: int, stop: int) -> Optional[_Word]:
    if j >= stop or tokens[j].forms[0] not in lexicon().words:
        return None
    sc = _pick(_word(tokens[j]), ("scale", "scale_plural"))
    return sc if sc and sc.value in _SCALE_BASES else None


def parse_number(tokens: list[Token], i: int, stop: int) -> Optional[tuple[float, int]]:
    """Parse a number at tokens[i]: (value, index after it).

    Digits may take a scale word ("3 آلاف", "2.5 مليون") and a fraction ("مليون
    ونصف"); words add up as Arabic reads them ("سبعة وعشرين" = 7 + 20, "ثلاثة آلاف
    وخمسمائة" = 3500, "ثلاثة عشر" = 13). A word joins the number only through و or
    as a scale/teen word right after it.
    """
    t = tokens[i]
    words = lexicon().words
    if t.kind == "num":
        v = _digit_value(t.norm)
        if v is None:
            return None
        j = i + 1
        sc = _scale_after(tokens, j, stop)
        if sc:
            v *= sc.value
            j += 1
            v, j = _fraction_after(tokens, j, stop, v, sc.value)
        return v, j
    total = cur = 0.0
    last: Optional[str] = None
    last_scale = 0.0
    j = i
    while j < stop:
        tok = tokens[j]
        opts = _word(tok)
        if not opts:
            break
        if last is None:
            w = opts[0]
            if w.kind == "scale_plural":
                return None  # bare "آلاف" is vague, read by the vague lexicon
            if w.kind == "fraction":  # "نصف مليون"
                sc = _scale_after(tokens, j + 1, stop)
                if not sc:
                    return None
                total, last, last_scale, j = w.value * sc.value, "scale", sc.value, j + 2
                continue
            if w.kind == "teen_one":
                if not _pick(_word(tokens[j + 1]) if j + 1 < stop else None, ("ten",)):
                    return None
                w = _Word("unit", 1)
        elif tok.norm.startswith("و") and tok.norm[1:] in words:
            w = words[tok.norm[1:]][0]
            if w.kind == "fraction":
                if not last_scale or last != "scale":
                    break
                total += w.value * last_scale
                j += 1
                break
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
            last_scale = w.value
        elif w.kind == "fraction":
            break
        else:
            cur += w.value
        last = "scale" if w.kind in ("scale", "scale_plural") else w.kind
        j += 1
    if last is None:
        return None
    return total + cur, j


def _fraction_after(tokens: list[Token], j: int, stop: int, value: float, scale: float) -> tuple[float, int]:
    """"مليون ونصف": a fraction joined by و after a scale word adds that share of it."""
    if j < stop and tokens[j].norm.startswith("و"):
        w = _pick(tuple(lexicon().words.get(tokens[j].norm[1:], ())), ("fraction",))
        if w:
            return value + w.value * scale, j + 1
    return value, j


def _before(matcher: PhraseMatcher, tokens: list[Token], end: int, lo: int) -> Optional[tuple[int, str]]:
    """(start, payload) of a phrase of ``matcher`` that ends right before ``end``
    (quotes and brackets between are allowed)."""
    inner = lexicon().inner_punct
    while end > lo and tokens[end - 1].kind == "punct" and tokens[end - 1].norm in inner:
        end -= 1
    for n in range(min(4, end - lo), 0, -1):
        m = matcher.match_at(tokens, end - n, end, max_forms=3)
        if m is not None and m.last == end:
            return end - n, m.payloads[0]
    return None


def _noun_after(tokens: list[Token], j: int, stop: int) -> Optional[tuple[str, str, int]]:
    """The counted noun after a number: "27 شاحنة", "عشرات من المدنيين", "5 من عناصر"."""
    lex = lexicon()
    j = _skip_punct(tokens, j, stop)
    for k in (j, j + 1):
        if k >= stop or (k == j + 1 and tokens[j].norm != "من"):
            break
        m = lex.nouns.match_at(tokens, k, stop)
        # a noun joined by و starts a new phrase ("مقتل اثنين وإصابة ..."), it is not counted
        if m is not None and not (m.form != tokens[k].norm and tokens[k].norm.startswith(("و", "ف"))):
            unit, cat = m.payloads[0]
            return unit, cat, m.last
    # an unknown noun that reads as people: a sound plural or an accusative nisba
    if j < stop and tokens[j].kind == "ar":
        w = tokens[j].forms[-1]
        if len(w) > 4 and w.endswith(lex.person_endings) and not _word(tokens[j]):
            return "person", "people", j + 1
    return None


def _cue_before(tokens: list[Token], start: int, lo: int) -> Optional[str]:
    """The category an event word before the count gives it, within the same clause."""
    lex = lexicon()
    for k in range(start - 1, max(lo, start - lex.cue_window) - 1, -1):
        t = tokens[k]
        if t.kind == "punct" and t.norm in _CLAUSE_END:
            return None
        m = lex.cues.match_at(tokens, k, start)
        if m is not None:
            return m.payloads[0]
    return None


def _category_from_context(tokens: list[Token], start: int, end: int, lo: int, hi: int,
                           previous: Optional[str], bare: bool) -> Optional[str]:
    """What a count of people counts, from its context: a subset of the count before
    it ("بينهم 80 مدنيين"), a word after it ("عشرة آخرين بجروح"), an event word before
    it ("مقتل 5 من عناصر"), or, for a bare number joined by و, the count before it
    ("قتل 9 من X و6 من Y")."""
    lex = lexicon()
    if previous and previous != "other" and _before(lex.subset_cues, tokens, start, lo) is not None:
        return previous
    cue = _cue_after(tokens, end, hi) or _cue_before(tokens, start, lo)
    if cue is None and bare and previous not in (None, "other", "people") and tokens[start].norm.startswith("و"):
        cue = previous
    return None if cue == "people" else cue


def _cue_after(tokens: list[Token], end: int, hi: int) -> Optional[str]:
    lex = lexicon()
    for k in range(end, min(hi, end + lex.after_cue_window)):
        if tokens[k].kind == "punct" and tokens[k].norm in _CLAUSE_END | {"،", ","}:
            return None
        m = lex.cues_after.match_at(tokens, k, hi)
        if m is None and k > end and tokens[k].norm.startswith(("و", "ف")):
            return None  # a new coordinated clause: "قتل 11 عنصرا ... وأصيب"
        if m is not None:
            return m.payloads[0]
    return None


def _num(v: Optional[float]):
    if v is None:
        return None
    return int(v) if float(v).is_integer() else round(v, 4)


@dataclass
class _Reading:
    start: int
    end: int  # token index after the number part
    low: Optional[float]
    high: Optional[float]
    approx: bool
    vague: bool


def _read_number(tokens: list[Token], i: int, hi: int, lo: int) -> Optional[_Reading]:
    """The number or vague plural at tokens[i], with ranges and modifiers before it."""
    lex = lexicon()
    t = tokens[i]
    vague = lex.vague.match_at(tokens, i, hi) if t.kind == "ar" else None
    if vague is not None:
        low, high = vague.payloads[0]
        r = _Reading(i, vague.last, low, high, True, True)
    else:
        parsed = parse_number(tokens, i, hi)
        if not parsed:
            return None
        r = _Reading(i, parsed[1], parsed[0], parsed[0], False, False)
        _range(tokens, r, lo, hi)
    if r.start > lo and tokens[r.start - 1].norm == "ال":  # "الـ40"
        r.start -= 1
    if r.start > lo and tokens[r.start - 1].norm in lex.not_count_before:
        return None
    for kind in ("approx", "at_least", "at_most"):
        hit = _before(lex.modifiers[kind], tokens, r.start, lo)
        if hit is None:
            continue
        r.start = hit[0]
        if kind == "approx":
            r.approx = True
        elif kind == "at_least":
            r.high = None
        else:
            r.low = None
        break
    return r


def _range(tokens: list[Token], r: _Reading, lo: int, hi: int) -> None:
    """Extend a reading to a range: (ما) بين X و/إلى Y, من X إلى Y, X أو/إلى Y."""
    lex = lexicon()
    j = r.end
    if j >= hi:
        return
    started = _before(lex.modifiers["range_start"], tokens, r.start, lo)
    join = tokens[j].norm
    second = None
    if started is not None and join in lex.range_join and not (join == "و" and tokens[started[0]].norm == "من"):
        second = parse_number(tokens, j + 1, hi) if j + 1 < hi else None
    elif started is not None and join.startswith("و") and tokens[started[0]].norm != "من":
        second = parse_number(tokens, j, hi)  # "وخمسين" carries its conjunction
    elif join in lex.bare_range_join and j + 1 < hi:
        second = parse_number(tokens, j + 1, hi)
        started = None
    if not second or second[0] < r.low:
        return
    low = r.low
    # "ما بين 5 و12 مليون": a scale word written once, after the second number, applies to both
    second_scale = _pick(_word(tokens[second[1] - 1]), ("scale", "scale_plural"))
    first_scale = _pick(_word(tokens[r.end - 1]), ("scale", "scale_plural"))
    if (second_scale and not first_scale and second_scale.value in _SCALE_BASES and low is not None
            and second[1] - (j + 1 if join in lex.range_join or join in lex.bare_range_join else j) > 1):
        low *= second_scale.value
    r.low, r.high, r.end = low, second[0], second[1]
    if started is not None:
        r.start = started[0]


def find_quantities(text: str, tokens: list[Token], lo: int, hi: int) -> list[Quantity]:
    """All quantities in tokens[lo:hi] (one sentence), as spans of ``text``."""
    lex = lexicon()
    starts = lex.starts
    out: list[Quantity] = []
    previous_category: Optional[str] = None
    i = lo
    while i < hi:
        t = tokens[i]
        if t.kind != "num" and (t.kind != "ar" or starts.isdisjoint(t.forms)):
            i += 1
            continue
        r = _read_number(tokens, i, hi, lo)
        if r is None:
            dual = _dual(tokens, i, lo)
            if dual is None:
                i += 1
                continue
            unit, category = dual
            if category == "people":
                category = _category_from_context(tokens, i, i + 1, lo, hi, previous_category, False) or category
            s, e = tokens[i].start, tokens[i].end
            out.append(Quantity(start=s, end=e, text=text[s:e], low=2, high=2, approx=False,
                                unit=unit, category=category))
            previous_category = category
            i += 1
            continue
        unit, category, end = None, "other", r.end
        noun = _noun_after(tokens, r.end, hi)
        if noun:
            unit, category, end = noun
        for k in range(end, min(hi, end + lex.after_window)):
            hit = next(((kind, m) for kind, mt in lex.after.items()
                        if (m := mt.match_at(tokens, k, hi)) is not None), None)
            if hit:
                kind, m = hit
                if kind == "at_least":
                    r.high = None
                else:
                    r.approx = True
                end = m.last
                break
        # a number before an unknown, non-person noun ("21,601 فرصة عمل", "٢٠ م") counts
        # something else; only a bare number takes its category from the context
        nxt = _skip_punct(tokens, end, hi)
        counts_unknown = (noun is None and not r.vague and nxt < hi and tokens[nxt].kind == "ar"
                          and tokens[nxt].norm != "من" and tokens[nxt].norm not in lex.not_nouns
                          and not tokens[nxt].norm.startswith(("و", "ف")))
        is_year = (noun is None and r.end == r.start + 1 and tokens[r.start].kind == "num"
                   and tokens[r.start].norm.isdigit() and lex.year_range[0] <= int(tokens[r.start].norm) <= lex.year_range[1])
        if is_year:
            pass  # "1991": a year, not a count
        elif counts_unknown:
            # an unknown noun counts people only when an event word stands right before it
            # ("مقتل 21 سائحا"); far cues do not reach it ("21,601 فرصة عمل")
            cue = _cue_before(tokens, r.start, max(lo, r.start - NEAR_CUE))
            if cue and cue != "people":
                category, unit = cue, "person"
        elif category == "people" or (noun is None and category == "other"):
            cue = _category_from_context(tokens, r.start, end, lo, hi, previous_category, noun is None)
            if cue:
                category = cue
                unit = unit or "person"
        s, e = tokens[r.start].start, tokens[end - 1].end
        out.append(Quantity(start=s, end=e, text=text[s:e], low=_num(r.low), high=_num(r.high), approx=r.approx,
                            unit=unit, category=category))
        previous_category = category
        i = max(end, i + 1)
    return out


def _dual(tokens: list[Token], i: int, lo: int) -> Optional[tuple[str, str]]:
    """A dual noun standing as a count of two ("قتيلان", "جنديين"); not a definite
    back-reference ("المهاجمان") and not the noun of a number before it ("ألفي شخص")."""
    lex = lexicon()
    t = tokens[i]
    if t.kind != "ar" or any(f.startswith("ال") for f in t.forms):
        return None
    if i > lo and (tokens[i - 1].kind == "num" or _word(tokens[i - 1])):
        return None
    for f in t.forms:
        if f in lex.duals:
            return lex.duals[f]
    return None
