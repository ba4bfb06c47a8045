"""Dates: absolute expressions ("26 فبراير 2019", "2019-02-26") and relative ones
("أمس", "يوم السبت") resolved against the publication date, with ACLED time precision.

Month and weekday names live in ``knowledge/data/months.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rasd.document import DateMention
from rasd.knowledge import load_yaml
from rasd.text.normalize import norm, normalize
from rasd.text.segment import Token, tokenize

_ISO_RE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")


@dataclass
class _Calendar:
    months: dict[tuple[str, ...], int]
    weekdays: dict[str, int]
    relative: dict[tuple[str, ...], int]
    max_month_len: int
    month_heads: frozenset[str]  # first words of month names
    word_heads: frozenset[str]  # first words of any date expression that starts with a word


@lru_cache(maxsize=1)
def calendar() -> _Calendar:
    d = load_yaml("months.yaml")
    months = {tuple(norm(n).split()): int(m) for m, names in d["gregorian"].items() for n in names}
    weekdays = {norm(n): int(k) for k, names in d["weekdays"].items() for n in names}
    relative = {tuple(norm(k).split()): int(v) for k, v in d["relative_days"].items()}
    month_heads = frozenset(k[0] for k in months)
    word_heads = month_heads | frozenset(weekdays) | frozenset(k[0] for k in relative)
    return _Calendar(months, weekdays, relative, max(len(k) for k in months), month_heads, word_heads)


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_at(tokens: list[Token], i: int, stop: int) -> Optional[tuple[int, int]]:
    """(month, index after) for a month name at tokens[i], e.g. "كانون الثاني/يناير"."""
    cal = calendar()
    for n in range(cal.max_month_len, 0, -1):
        if i + n > stop:
            continue
        for f in tokens[i].forms[:3]:  # the name itself, or with و/ب/ل/ف attached
            key = (f,) + tuple(t.norm for t in tokens[i + 1:i + n])
            if key in cal.months:
                j = i + n
                # "كانون الثاني/يناير": a second name after a slash is the same month
                if j + 1 < stop and tokens[j].norm == "/":
                    second = _month_at(tokens, j + 1, stop)
                    if second and second[0] == cal.months[key]:
                        j = second[1]
                return cal.months[key], j
    return None


def _year(tok: Token) -> Optional[int]:
    if tok.kind == "num" and tok.norm.isdigit() and len(tok.norm) == 4 and 1900 <= int(tok.norm) <= 2100:
        return int(tok.norm)
    return None


def find_dates(text: str, tokens: list[Token], lo: int, hi: int,
               published: Optional[dt.date]) -> list[DateMention]:
    """Date expressions in tokens[lo:hi]; relative ones need ``published``."""
    cal = calendar()
    heads = cal.word_heads
    out: list[DateMention] = []
    i = lo
    while i < hi:
        t = tokens[i]
        if t.kind == "num":
            nxt = tokens[i + 1] if i + 1 < hi else None
            if nxt is None or not any(f in cal.month_heads for f in nxt.forms[:3]):
                i += 1
                continue
        elif t.kind != "ar" or not any(f in heads for f in t.forms):
            i += 1
            continue
        # DAY MONTH [YEAR]
        if t.kind == "num" and t.norm.isdigit() and 1 <= int(t.norm) <= 31 and i + 1 < hi:
            m = _month_at(tokens, i + 1, hi)
            if m:
                month, j = m
                year = _year(tokens[j]) if j < hi else None
                if year:
                    j += 1
                elif published:
                    year = published.year
                    if _safe_date(year, month, int(t.norm)) and _safe_date(year, month, int(t.norm)) > published:
                        year -= 1
                d = _safe_date(year, month, int(t.norm)) if year else None
                if d:
                    out.append(_mention(text, tokens, i, j, d, 1))
                    i = j
                    continue
        # MONTH YEAR
        m = _month_at(tokens, i, hi) if t.kind == "ar" else None
        if m and m[1] < hi and _year(tokens[m[1]]):
            month, j = m
            out.append(_mention(text, tokens, i, j + 1, dt.date(_year(tokens[j]), month, 1), 3))
            i = j + 1
            continue
        if published and t.kind == "ar":
            # relative days: أمس، أول أمس، فجر اليوم
            hit = None
            for phrase, offset in cal.relative.items():
                n = len(phrase)
                if i + n <= hi and phrase[0] in t.forms and all(
                        tokens[i + k].norm == phrase[k] for k in range(1, n)):
                    if hit is None or n > hit[0]:
                        hit = (n, offset)
            if hit:
                out.append(_mention(text, tokens, i, i + hit[0], published + dt.timedelta(days=hit[1]), 1))
                i += hit[0]
                continue
            # weekdays: the most recent such day on or before publication
            wd = next((cal.weekdays[f] for f in t.forms if f in cal.weekdays), None)
            if wd is not None:
                back = (published.weekday() - wd) % 7
                j = i + 1
                if j < hi and tokens[j].norm in ("الماضي", "المنصرم") and back == 0:
                    back = 7
                    j += 1
                out.append(_mention(text, tokens, i, j, published - dt.timedelta(days=back), 1))
                i = j
                continue
        i += 1
    return out


def _mention(text: str, tokens: list[Token], i: int, j: int, d: dt.date, precision: int) -> DateMention:
    s, e = tokens[i].start, tokens[j - 1].end
    return DateMention(start=s, end=e, text=text[s:e], date=d.isoformat(), time_precision=precision)


def numeric_dates(text: str) -> list[DateMention]:
    """ISO (2019-02-26) and day/month/year (26/2/2019) dates anywhere in ``text``."""
    view = normalize(text)
    out = []
    for rx, order in ((_ISO_RE, (0, 1, 2)), (_DMY_RE, (2, 1, 0))):
        for m in rx.finditer(view.text):
            g = m.groups()
            d = _safe_date(int(g[order[0]]), int(g[order[1]]), int(g[order[2]]))
            if d:
                s, e = view.to_original(m.start(), m.end())
                out.append(DateMention(start=s, end=e, text=text[s:e], date=d.isoformat(), time_precision=1))
    return sorted(out, key=lambda x: x.start)


def dateline(text: str, max_lines: int = 6) -> Optional[DateMention]:
    """The article's own date, when one of its first lines is nothing but a date."""
    offset = 0
    for n, line in enumerate(text.split("\n")):
        if n >= max_lines:
            break
        stripped = line.strip()
        if stripped and len(stripped) <= 40:
            found = numeric_dates(line)
            if not found:
                view = normalize(line)
                toks = tokenize(view)
                found = [d for d in find_dates(line, toks, 0, len(toks), None) if d.time_precision == 1]
            if found and len(found[0].text) >= len(stripped) - 12:
                d = found[0]
                return DateMention(start=offset + d.start, end=offset + d.end, text=d.text, date=d.date,
                                   time_precision=1)
        offset += len(line) + 1
    return None
