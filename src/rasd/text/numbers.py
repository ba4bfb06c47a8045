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
    after: PhraseMatcher[str]  # payload: at_least | approx
    after_window: int
    not_numbers: set[str]
    inner_punct: set[str]
    nouns: PhraseMatcher[tuple[str, str]]
    duals: PhraseMatcher[tuple[str, str]]
    person_endings: tuple[str, ...]
    cue_window: int
    cues: PhraseMatcher[str]
    cues_after: PhraseMatcher[str]
    cues_after_weak: PhraseMatcher[str]
    cues_near: PhraseMatcher[str]
    cues_adjacent: PhraseMatcher[str]
    near_cue_window: int
    clause_openers: PhraseMatcher[str]
    nisba_min_value: float
    not_nisba: set[str]
    subset_cues: PhraseMatcher[str]
    not_count_before: set[str]
    not_nouns: set[str]
    year_range: tuple[int, int]
    after_cue_window: int
    starts: frozenset[str]  # every word that can begin a number, a vague plural or a dual


def _matcher(words, payload=None, strip_article: bool = True) -> PhraseMatcher:
    return PhraseMatcher(strip_article=strip_article).add_all((w, payload if payload is not None else w) for w in words)


def _cue_matcher(by_category: dict[str, list[str]]) -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher()
    for cat, ws in by_category.items():
        m.add_all((w, cat) for w in ws)
    return m


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
    nouns: PhraseMatcher[tuple[str, str]] = PhraseMatcher(use_stems=True)
    duals: PhraseMatcher[tuple[str, str]] = PhraseMatcher(strip_article=False)
    for unit, spec in d["nouns"].items():
        nouns.add_all((f, (unit, spec["category"])) for f in spec["forms"])
        duals.add_all((f, (unit, spec["category"])) for f in spec.get("dual") or ())
    for unit, spec in d["nouns"].items():  # a dual form is also a counted noun after a number
        nouns.add_all((f, (unit, spec["category"])) for f in spec.get("dual") or ())
    vague: PhraseMatcher[tuple[int, int]] = PhraseMatcher()
    for k, (lo, hi) in d["vague"].items():
        vague.add(k, (int(lo), int(hi)))
    cues, cues_after = _cue_matcher(d["category_cues"]), _cue_matcher(d["category_after"])
    cues_after_weak, cues_near, cues_adjacent = _cue_matcher(d["category_after_weak"]), \
        _cue_matcher(d["category_cues_near"]), _cue_matcher(d["category_cues_adjacent"])
    starts = frozenset(words) | frozenset(vague.lengths) | frozenset(duals.lengths)
    return _Lexicon(
        words=words, vague=vague,
        modifiers={k: _matcher(v, strip_article=False) for k, v in d["modifiers"].items()
                   if k not in ("range_join", "bare_range_join")},
        range_join={norm(w) for w in d["modifiers"]["range_join"]},
        bare_range_join={norm(w) for w in d["modifiers"]["bare_range_join"]},
        after=PhraseMatcher(strip_article=False).add_all(
            (w, kind) for kind, ws in d["modifiers_after"].items() for w in ws),
        after_window=int(d["after_window"]),
        not_numbers={norm(w) for w in d["not_numbers"]},
        inner_punct=set(d["inner_punct"]),
        nouns=nouns, duals=duals, person_endings=tuple(norm(e) for e in d["person_endings"]),
        cue_window=int(d["cue_window"]), cues=cues, cues_after=cues_after, cues_after_weak=cues_after_weak,
        clause_openers=_matcher(d["clause_openers"], strip_article=False),
        cues_near=cues_near, cues_adjacent=cues_adjacent, near_cue_window=int(d["near_cue_window"]),
        nisba_min_value=float(d["nisba_min_value"]), not_nisba={norm(w) for w in d["not_nisba"]},
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
    last_words = matcher.last_words()
    if end <= lo or (last_words is not None and last_words.isdisjoint(tokens[end - 1].forms)):
        return None  # no phrase of the matcher ends with this word
    for n in range(min(4, end - lo), 0, -1):
        m = matcher.match_at(tokens, end - n, end, max_forms=3)
        if m is not None and m.last == end:
            return end - n, m.payloads[0]
    return None


def _noun_after(tokens: list[Token], j: int, stop: int, value: Optional[float] = None,
                text: str = "") -> Optional[tuple[str, str, int]]:
    """The counted noun after a number: "27 شاحنة", "عشرات من المدنيين", "5 من عناصر";
    with ``value`` and the original ``text``, also a singular nisba after 11 and above
    ("300 مسيحي", "ألفي نيجيري")."""
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
        if value is not None and value >= lex.nisba_min_value and _is_nisba(tokens[j], text):
            return "person", "people", j + 1
    return None


def _is_nisba(t: Token, text: str) -> bool:
    """A singular relative adjective used as a noun ("سوري", "مسيحي"): written with a
    final ي (not ى), no article, not a known non-person word."""
    w = t.forms[-1]
    return (len(w) >= 4 and text[t.end - 1:t.end] == "ي" and not w.startswith("ال")
            and w not in lexicon().not_nisba and t.norm not in lexicon().not_nisba and not _word(t))


def _cue_before(tokens: list[Token], start: int, lo: int) -> Optional[str]:
    """The category an event word before the count gives it, within the same clause."""
    lex = lexicon()
    for k in range(start - 1, max(lo, start - lex.cue_window) - 1, -1):
        t = tokens[k]
        if t.kind == "punct" and t.norm in _CLAUSE_END:
            return None
        m = lex.cues.match_at(tokens, k, start)
        if m is None and start - k <= lex.near_cue_window:
            m = lex.cues_near.match_at(tokens, k, start)
        if m is None and k == start - 1:
            m = lex.cues_adjacent.match_at(tokens, k, start)
        if m is not None:
            return m.payloads[0]
        opener = lex.clause_openers.match_at(tokens, k, start)
        if opener is not None and t.norm in (opener.form, "و" + opener.form):  # not كان → ان
            return None
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
    cue = _cue_after(lex.cues_after, tokens, end, hi) or _cue_before(tokens, start, lo)
    if cue is None and bare and previous not in (None, "other", "people") and tokens[start].norm.startswith("و"):
        cue = previous
    if cue is None:
        cue = _cue_after(lex.cues_after_weak, tokens, end, hi)
    return None if cue == "people" else cue


def _cue_after(cues: PhraseMatcher[str], tokens: list[Token], end: int, hi: int) -> Optional[str]:
    """The category a word after the count gives it, in the same clause: "عشرة آخرين بجروح";
    a coordinated subject goes on to its verb ("امرأتين وطفلا في التاسعة من العمر، قتلوا")."""
    lex = lexicon()
    for k in range(end, min(hi, end + lex.after_cue_window)):
        t = tokens[k]
        if t.kind == "punct" and t.norm in _CLAUSE_END | {"،", ","}:
            if k + 1 < hi and (m := cues.match_at(tokens, k + 1, hi)) is not None and m.form == tokens[k + 1].norm:
                return m.payloads[0]  # "…، قتلوا": the verb of the whole subject
            return None
        m = cues.match_at(tokens, k, hi)
        if m is None and k > end and t.conjoined and not _coordinated_noun(tokens, k, hi):
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


def find_quantities(text: str, tokens: list[Token], lo: int, hi: int,
                    given: Optional[set[tuple]] = None) -> list[Quantity]:
    """All quantities in tokens[lo:hi] (one sentence), as spans of ``text``.

    ``given`` carries (low, high) of the counts read so far in the document, across
    calls: a definite count that repeats one ("الصحافيون الثلاثة" after "ثلاثة صحافيين")
    refers back to it and is not a new count."""
    lex = lexicon()
    starts = lex.starts
    out: list[Quantity] = []
    prev = _Previous()
    i = lo
    while i < hi:
        t = tokens[i]
        if t.kind != "num" and (t.kind != "ar" or starts.isdisjoint(t.forms)):
            i += 1
            continue
        r = _read_number(tokens, i, hi, lo)
        if r is not None and given is not None and _definite(tokens, r) and (r.low, r.high) in given:
            i = r.end
            continue
        if (r is None or _is_date_day(tokens, r, hi) or _is_back_reference(tokens, r, lo)
                or _is_adjective_one(tokens, r, lo)):
            dual = _dual(tokens, i, lo, hi)
            if dual is None:
                i += 1
                continue
            unit, category, last = dual
            if category == "people":
                category = _category_from_context(tokens, i, last, lo, hi, prev.category, False) or category
            s, e = tokens[i].start, tokens[last - 1].end
            out.append(Quantity(start=s, end=e, text=text[s:e], low=2, high=2, approx=False,
                                unit=unit, category=category))
            prev = _Previous(category)
            i = last
            continue
        q, end = _quantity(text, tokens, r, lo, hi, prev)
        out.append(q)
        if given is not None:
            given.add((r.low, r.high))
        prev = _Previous(q.category, q.unit, prev.subset if _joined(tokens, r.start) else None, end)
        if _subset_after(tokens, r.end, hi) or _before(lex.subset_cues, tokens, r.start, lo) is not None:
            prev.subset = q.category
        i = max(end, i + 1)
    return out


@dataclass
class _Previous:
    """What the quantity before says about the next one in the same sentence."""
    category: Optional[str] = None
    unit: Optional[str] = None
    subset: Optional[str] = None  # the category of an enumeration of a subset ("خمسة منهم …، وستة …")
    end: int = -1  # token index after it


def _joined(tokens: list[Token], start: int) -> bool:
    """The quantity at ``start`` is joined to the one before by و ("وستة متدربين")."""
    return tokens[start].conjoined or (start > 0 and tokens[start - 1].norm == "و")


def _quantity(text: str, tokens: list[Token], r: _Reading, lo: int, hi: int,
              prev: _Previous) -> tuple[Quantity, int]:
    """The quantity of reading ``r``, with the token index after it: its counted noun,
    after-modifiers and category."""
    lex = lexicon()
    unit, category, end = None, "other", r.end
    noun = _noun_after(tokens, r.end, hi, r.high if r.high is not None else r.low, text)
    if noun:
        unit, category, end = noun
    for k in range(end, min(hi, end + lex.after_window)):
        m = lex.after.match_at(tokens, k, hi)
        if m is not None:
            if m.payloads[0] == "at_least":
                r.high = None
            else:
                r.approx = True
            end = m.last
            break
        tk = tokens[k]
        if tk.kind == "num" or _word(tk) or (tk.kind == "punct" and tk.norm not in lex.inner_punct):
            break
        if tk.conjoined and not _coordinated_noun(tokens, k, hi):
            break
    nxt = _skip_punct(tokens, end, hi)
    unknown = (noun is None and nxt < hi and tokens[nxt].kind == "ar" and tokens[nxt].norm != "من"
               and tokens[nxt].norm not in lex.not_nouns and not tokens[nxt].conjoined
               and not _subset_after(tokens, end, hi))
    is_year = (noun is None and r.end == r.start + 1 and tokens[r.start].kind == "num"
               and tokens[r.start].norm.isdigit() and lex.year_range[0] <= int(tokens[r.start].norm) <= lex.year_range[1])
    subset = _subset_after(tokens, r.end, hi)
    if is_year:
        pass  # "1991": a year, not a count
    elif noun is None and _definite_after_noun(tokens, r, lo):
        category, unit = "people", "person"  # "الصحافيين المستقلين الثلاثة"
    elif subset and prev.category not in (None, "other"):
        category, unit = prev.category, unit or prev.unit or "person"  # "خمسة منهم": five of those
    elif (unknown and prev.category not in (None, "other") and _joined(tokens, r.start) and _elided(tokens[nxt])
          and _adjacent(tokens, prev.end, r.start)):
        # "٤٠ عاملة مقبولة، و ١٠ مرفوضات": the same noun, elided
        category, unit = prev.category, prev.unit
    elif unknown:
        # an unknown noun counts people only when an event word stands right before it
        # ("مقتل 21 سائحا"); far cues do not reach it ("21,601 فرصة عمل", "عدة جماعات")
        cue = _cue_before(tokens, r.start, max(lo, r.start - NEAR_CUE))
        if cue and cue != "people":
            category, unit = cue, "person"
    elif category == "displaced":
        # refugees can be killed, wounded or held too ("مقتل ثلاثة لاجئين"): an event word says so
        cue = _category_from_context(tokens, r.start, end, lo, hi, None, False)
        if cue in ("killed", "injured", "detained"):
            category = cue
    elif category == "people" or (noun is None and category == "other"):
        if prev.subset not in (None, "other") and _joined(tokens, r.start):
            cue = prev.subset  # "خمسة منهم من رجال الأمن، وستة متدربين": the enumeration goes on
        else:
            cue = _category_from_context(tokens, r.start, end, lo, hi, prev.category, noun is None)
        if cue:
            category = cue
            unit = unit or "person"
        elif r.vague and noun is None:
            category, unit = "people", "person"  # "تجمع المئات", "دفع بالمئات إلى الشوارع"
    s, e = tokens[r.start].start, tokens[end - 1].end
    return Quantity(start=s, end=e, text=text[s:e], low=_num(r.low), high=_num(r.high), approx=r.approx,
                    unit=unit, category=category), end


def _coordinated_noun(tokens: list[Token], k: int, hi: int) -> bool:
    """"وشرطيا" in "13 جنديا وشرطيا على الأقل": a second counted noun, not a new clause."""
    t = tokens[k]
    if len(t.forms) > 1 and t.forms[1].startswith("ال"):
        return True  # "رجال الجيش والشرطة": a definite noun, not a verb opening a clause
    m = lexicon().nouns.match_at(tokens, k, hi)
    return (m is not None and m.form != t.norm) or (len(t.forms[-1]) > 4 and t.forms[-1].endswith(lexicon().person_endings))


def _adjacent(tokens: list[Token], prev_end: int, start: int) -> bool:
    """Only the previous count's adjectives and a comma stand between the two counts
    ("٤٠ عاملة مقبولة، و ١٠"), not a phrase of their own ("آلاف العراقيين في بغداد وست محافظات")."""
    between = tokens[max(prev_end, 0):start]
    return 0 <= prev_end and len(between) <= 3 and all(t.norm not in lexicon().not_nouns for t in between)


def _elided(t: Token) -> bool:
    """A sound-plural adjective standing for a noun said just before ("مرفوضات", "مصابين")."""
    return t.forms[-1].endswith(("ات", "ين", "ون"))


def _subset_after(tokens: list[Token], j: int, hi: int) -> bool:
    """"خمسة منهم": the count is part of the count before it."""
    return j < hi and tokens[j].norm in ("منهم", "منهن", "بينهم", "بينهن")


def _is_date_day(tokens: list[Token], r: _Reading, hi: int) -> bool:
    """"الـ21 من سبتمبر": a day of a month, not a count."""
    from rasd.text.dates import calendar  # dates reads numbers' module, not the other way round at import

    j = r.end
    if j + 1 >= hi or tokens[j].norm != "من" or r.vague or r.low is None or r.low > 31:
        return False
    return calendar().months.match_at(tokens, j + 1, hi, max_forms=3) is not None


def _is_adjective_one(tokens: list[Token], r: _Reading, lo: int) -> bool:
    """"جندي أفغاني واحد", "عائلة واحدة": واحد after its noun is an adjective ('a single'),
    not a count; a count of one is the singular noun itself."""
    return (r.low == 1 and r.high == 1 and r.end == r.start + 1 and tokens[r.start].kind == "ar"
            and r.start > lo and tokens[r.start - 1].kind == "ar" and not _word(tokens[r.start - 1])
            and tokens[r.start - 1].norm not in lexicon().not_nouns and tokens[r.start - 1].norm not in ("من", "و"))


def _definite(tokens: list[Token], r: _Reading) -> bool:
    t = tokens[r.start]
    return (t.kind == "ar" and not r.vague and r.end == r.start + 1 and t.norm.startswith("ال")
            and t.norm not in lexicon().words)


def _definite_after_noun(tokens: list[Token], r: _Reading, lo: int) -> bool:
    """A definite number word after its (person) noun, within two adjectives: "الصحافيين المستقلين الثلاثة"."""
    if not _definite(tokens, r):
        return False
    for k in range(r.start - 1, max(lo, r.start - 3) - 1, -1):
        if tokens[k].kind != "ar":
            break
        m = lexicon().nouns.match_at(tokens, k, r.start)
        if (m is not None and m.payloads[0][1] != "other") or _noun_after(tokens, k, r.start) is not None:
            return True
    return False


def _is_back_reference(tokens: list[Token], r: _Reading, lo: int) -> bool:
    """"الأربعة موظفون": a definite number word with no noun before it names people
    counted already; after its noun ("الصحافيين المستقلين الثلاثة") it is a count."""
    return _definite(tokens, r) and not _definite_after_noun(tokens, r, lo)


def _dual(tokens: list[Token], i: int, lo: int, hi: int) -> Optional[tuple[str, str, int]]:
    """A dual noun standing as a count of two ("قتيلان", "جنديين", "نجليه", "ضابطي صف"), as
    (unit, category, index after); not a definite back-reference ("المهاجمان") and not the
    noun of a number before it ("ألفي شخص")."""
    t = tokens[i]
    if t.kind != "ar" or any(f.startswith("ال") for f in t.forms):
        return None
    if i > lo and (tokens[i - 1].kind == "num" or _word(tokens[i - 1])):
        return None
    m = lexicon().duals.match_at(tokens, i, hi, max_forms=3)
    if m is None:
        return None
    unit, category = m.payloads[0]
    return unit, category, m.last
