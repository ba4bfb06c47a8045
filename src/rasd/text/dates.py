"""Dates: absolute expressions in every month system Arabic news uses, Hijri dates,
numeric dates, and relative ones ("أمس", "يوم السبت", "الأسبوع الماضي", "منذ
ثلاثة أيام") resolved against the publication date, with ACLED time precision
(1 day, 2 week, 3 month).

Month, weekday and ordinal names live in ``knowledge/data/months.yaml``;
Hijri dates are converted with the Umm al-Qura calendar (``hijridate``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from hijridate import Hijri

from rasd.document import DateMention
from rasd.knowledge import load_yaml
from rasd.text.matcher import PhraseMatcher
from rasd.text.normalize import norm, normalize
from rasd.text.segment import Token, tokenize

_SEP = r"\s*[/\-.]\s*"
_YMD_RE = re.compile(r"(?<![\d/])(\d{4})" + _SEP + r"(\d{1,2})" + _SEP + r"(\d{1,2})(?![\d/])")
_DMY_RE = re.compile(r"(?<![\d/])(\d{1,2})" + _SEP + r"(\d{1,2})" + _SEP + r"(\d{4})(?![\d/])")
#: Four-digit years in this range are Hijri (1300–1499 AH ≈ 1882–2077 CE).
_HIJRI_YEARS = range(1300, 1500)


@dataclass
class _Calendar:
    months: PhraseMatcher[tuple[str, int]]  # ("g" | "h", month)
    weekdays: dict[str, int]
    relative: PhraseMatcher[int]
    periods: PhraseMatcher[str]
    ordinals: PhraseMatcher[int]
    separators: set[str]
    year_before: PhraseMatcher[str]
    gregorian_markers: set[str]
    hijri_markers: set[str]
    month_relative: dict[str, str]
    ago: set[str]
    units: dict[str, str]
    heads: frozenset[str]  # first words of any date expression that starts with a word
    year_relative: PhraseMatcher[int]
    month_of_publication: PhraseMatcher[int]
    day_parts: PhraseMatcher[str]
    bare_month_before: frozenset[str]


@lru_cache(maxsize=1)
def calendar() -> _Calendar:
    d = load_yaml("months.yaml")
    months: PhraseMatcher[tuple[str, int]] = PhraseMatcher()
    for system, key in (("g", "gregorian"), ("h", "hijri")):
        for m, names in d[key].items():
            months.add_all((n, (system, int(m))) for n in names)
    relative: PhraseMatcher[int] = PhraseMatcher(strip_article=False).add_all(
        (k, int(v)) for k, v in d["relative_days"].items())
    periods: PhraseMatcher[str] = PhraseMatcher(strip_article=False).add_all(d["relative_periods"].items())
    ordinals: PhraseMatcher[int] = PhraseMatcher(strip_article=False).add_all(
        (n, int(k)) for k, names in d["ordinals"].items() for n in names)
    weekdays = {norm(n): int(k) for k, names in d["weekdays"].items() for n in names}
    units = {norm(w): unit for unit, words in d["units"].items() for w in words}
    heads = (set(months.lengths) | set(weekdays) | set(relative.lengths) | set(periods.lengths)
             | set(ordinals.lengths) | {norm(w) for w in d["ago"]})
    return _Calendar(
        months=months, weekdays=weekdays, relative=relative, periods=periods, ordinals=ordinals,
        separators=set(d["month_separators"]),
        year_before=PhraseMatcher(strip_article=False).add_all((w, w) for w in d["year_before"]),
        gregorian_markers={norm(w) for w in d["gregorian_markers"]},
        hijri_markers={norm(w) for w in d["hijri_markers"]},
        month_relative={norm(k): v for k, v in d["month_relative"].items()},
        ago={norm(w) for w in d["ago"]}, units=units, heads=frozenset(heads),
        day_parts=PhraseMatcher(strip_article=False).add_all((w, w) for w in d["day_parts"]),
        bare_month_before=frozenset(norm(w) for w in d["bare_month_before"]),
        year_relative=PhraseMatcher(strip_article=False).add_all((k, int(v)) for k, v in d["year_relative"].items()),
        month_of_publication=PhraseMatcher(strip_article=False).add_all(
            (k, int(v)) for k, v in d["month_of_publication"].items()),
    )


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def hijri_to_gregorian(y: int, m: int, d: int) -> Optional[dt.date]:
    """Umm al-Qura conversion; None outside its range or for an impossible date."""
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _month_at(tokens: list[Token], i: int, stop: int) -> Optional[tuple[str, int, int]]:
    """(system, month, index after) for a month name at tokens[i], with any second name of
    the same month after a separator ("كانون الثاني/يناير", "مايو - أيار", "أيلول (سبتمبر)")."""
    cal = calendar()
    m = cal.months.match_at(tokens, i, stop, max_forms=3)
    if m is None:
        return None
    system, month = m.payloads[0]
    j = m.last
    k = j
    while k < stop and tokens[k].norm in cal.separators:
        k += 1
    if k > j and k < stop:
        second = cal.months.match_at(tokens, k, stop, max_forms=1)
        if second and any(p[1] == month for p in second.payloads):
            j = second.last
            if j < stop and tokens[j].norm == ")":
                j += 1
    return system, month, j


def _year_at(tokens: list[Token], j: int, stop: int) -> tuple[Optional[int], int, Optional[str]]:
    """A year at tokens[j] ("2019", "عام 1980", "1436هـ"): (year, index after, "g"/"h"/None marker)."""
    cal = calendar()
    k = j
    m = cal.year_before.match_at(tokens, j, stop) if j < stop else None
    if m is not None:
        k = m.last
    if k < stop and tokens[k].kind == "num" and tokens[k].norm.isdigit() and len(tokens[k].norm) == 4:
        year = int(tokens[k].norm)
        k += 1
        marker = None
        if k < stop and tokens[k].norm in cal.hijri_markers:
            marker, k = "h", k + 1
        elif k < stop and tokens[k].norm in cal.gregorian_markers:
            marker, k = "g", k + 1
        return year, k, marker
    return None, j, None


def _day_at(tokens: list[Token], i: int, stop: int) -> Optional[tuple[int, int]]:
    """A day of the month at tokens[i]: digits 1–31 or an ordinal ("السادس من")."""
    t = tokens[i]
    if t.kind == "num":
        if t.norm.isdigit() and 1 <= int(t.norm) <= 31:
            return int(t.norm), i + 1
        return None
    m = calendar().ordinals.match_at(tokens, i, stop, max_forms=1)
    if m is not None and m.last < stop and tokens[m.last].norm == "من":
        return m.payloads[0], m.last + 1
    return None


def _resolve(system: str, year: Optional[int], month: int, day: int,
             published: Optional[dt.date], relation: Optional[str]) -> Optional[dt.date]:
    if system == "h":
        if year is None:
            if published is None:
                return None
            from hijridate import Gregorian

            year = Gregorian(published.year, published.month, published.day).to_hijri().year
        return hijri_to_gregorian(year, month, day)
    if year is not None:
        return _safe_date(year, month, day)
    if published is None:
        return None
    year = published.year
    d = _safe_date(year, month, day)
    if d and d > published and relation != "next":
        d = _safe_date(year - 1, month, day)  # no year: the most recent such date
    return d


def find_dates(text: str, tokens: list[Token], lo: int, hi: int,
               published: Optional[dt.date]) -> list[DateMention]:
    """Date expressions in tokens[lo:hi]; relative ones need ``published``."""
    cal = calendar()
    out: list[DateMention] = []
    i = lo
    while i < hi:
        t = tokens[i]
        if t.kind == "num":
            head = i + 2 if i + 2 < hi and tokens[i + 1].norm == "من" else i + 1  # "21 من سبتمبر"
            if not (head < hi and not cal.heads.isdisjoint(tokens[head].forms)):
                i += 1
                continue
        elif t.kind != "ar" or cal.heads.isdisjoint(t.forms):
            i += 1
            continue
        found = _absolute(text, tokens, i, hi, published) or (
            _relative(text, tokens, i, hi, published) if published else None)
        if found is None:
            i += 1
            continue
        mention, i = found
        out.append(mention)
    return out


def _absolute(text: str, tokens: list[Token], i: int, hi: int,
              published: Optional[dt.date]) -> Optional[tuple[DateMention, int]]:
    cal = calendar()
    day = _day_at(tokens, i, hi)
    if day is not None and day[1] + 1 < hi and tokens[day[1]].norm == "من" and tokens[i].kind == "num":
        # "21 من سبتمبر" (Gulf style), "12 من الشهر الحالي"
        found = _month_of_publication(tokens, day[1] + 1, hi, day[0], published)
        if found is not None:
            return _mention(text, tokens, i, found[1], found[0], 1), found[1]
        day = (day[0], day[1] + 1)
    if day is not None and day[1] < hi:
        month = _month_at(tokens, day[1], hi)
        if month:
            system, m, j = month
            year, j, marker = _year_at(tokens, j, hi)
            relation = cal.month_relative.get(tokens[j].norm) if j < hi else None
            if relation:
                j += 1
            elif year is None and published and j < hi:
                rel = cal.year_relative.match_at(tokens, j, hi)
                if rel is not None:  # "من العام الماضي"
                    year, j = published.year + rel.payloads[0], rel.last
            d = _resolve("h" if marker == "h" else system, year, m, day[0], published, relation)
            if d:
                return _mention(text, tokens, i, j, d, 1), j
    month = _month_at(tokens, i, hi) if tokens[i].kind == "ar" else None
    if month:
        system, m, j = month
        year, k, marker = _year_at(tokens, j, hi)
        if year is not None and system == "g":
            return _mention(text, tokens, i, k, dt.date(year, m, 1), 3), k
        relation = cal.month_relative.get(tokens[j].norm) if j < hi else None
        if relation and published and system == "g":
            y = published.year if (relation == "current" or m < published.month) else published.year - 1
            return _mention(text, tokens, i, j + 1, dt.date(y, m, 1), 3), j + 1
        if (published and system == "g" and i > 0 and _in_month_before(tokens, i)
                and not (j < hi and tokens[j].kind == "num")):
            # "في مايو", "منذ سبتمبر أيلول": the most recent such month
            y = published.year if m <= published.month else published.year - 1
            return _mention(text, tokens, i, j, dt.date(y, m, 1), 3), j
    return None


def _in_month_before(tokens: list[Token], i: int) -> bool:
    """A bare month name is a date after "في", "منذ", "خلال", "مطلع", "أواخر" (not "شهر مايو"
    in a list of things, and not a name such as "ثورة يناير" without one of them)."""
    return tokens[i - 1].norm in calendar().bare_month_before


def _month_of_publication(tokens: list[Token], j: int, hi: int, day: int,
                          published: Optional[dt.date]) -> Optional[tuple[dt.date, int]]:
    """"الشهر الحالي" / "الشهر الماضي" after "DAY من": (the date, index after)."""
    if published is None:
        return None
    m = calendar().month_of_publication.match_at(tokens, j, hi)
    if m is None:
        return None
    first = published.replace(day=1)
    if m.payloads[0] < 0:
        first = (first - dt.timedelta(days=1)).replace(day=1)
    d = _safe_date(first.year, first.month, day)
    return (d, m.last) if d else None


def _relative(text: str, tokens: list[Token], i: int, hi: int,
              published: dt.date) -> Optional[tuple[DateMention, int]]:
    cal = calendar()
    m = cal.relative.match_at(tokens, i, hi)
    if m is not None:
        return _mention(text, tokens, i, m.last, published + dt.timedelta(days=m.payloads[0]), 1), m.last
    m = cal.periods.match_at(tokens, i, hi)
    if m is not None:
        if m.payloads[0] == "week":
            return _mention(text, tokens, i, m.last, published - dt.timedelta(days=7), 2), m.last
        if m.payloads[0] == "year":
            return _mention(text, tokens, i, m.last, dt.date(published.year - 1, 1, 1), 3), m.last
        first = published.replace(day=1) - dt.timedelta(days=1)
        return _mention(text, tokens, i, m.last, first.replace(day=1), 3), m.last
    t = tokens[i]
    if t.norm in cal.ago and i + 1 < hi:
        found = _period_length(tokens, i + 1, hi)
        if found:
            days, precision, j = found
            return _mention(text, tokens, i, j, published - dt.timedelta(days=days), precision), j
    wd = next((cal.weekdays[f] for f in t.forms if f in cal.weekdays), None)
    if wd is not None:
        back = (published.weekday() - wd) % 7
        j = i + 1
        if j < hi and tokens[j].norm in ("الماضي", "المنصرم"):
            back = back or 7
            j += 1
        mention = _mention(text, tokens, _day_part_start(tokens, i), j, published - dt.timedelta(days=back), 1)
        if mention.text.startswith("و") and mention.start < tokens[i].start:  # "ومساء يوم الأحد": not the و
            mention = DateMention(start=mention.start + 1, end=mention.end, text=mention.text[1:], date=mention.date,
                                  time_precision=1)
        return mention, j
    return None


def _day_part_start(tokens: list[Token], i: int) -> int:
    """Where a weekday's expression starts, with the part of the day before it ("ليل الاثنين")."""
    day_parts = calendar().day_parts
    for n in range(min(3, i), 0, -1):
        m = day_parts.match_at(tokens, i - n, i)
        if m is not None and m.last == i and m.form == tokens[i - n].norm.removeprefix("و"):
            return i - n
    return i


def _period_length(tokens: list[Token], j: int, hi: int) -> Optional[tuple[int, int, int]]:
    """"ثلاثة أيام", "يومين", "أسبوع" after منذ/قبل: (days, precision, index after)."""
    from rasd.text.numbers import parse_number

    cal = calendar()
    unit = cal.units.get(tokens[j].norm)
    if unit in ("dual_day", "dual_week"):
        return (2 if unit == "dual_day" else 14), (1 if unit == "dual_day" else 2), j + 1
    if unit in ("day", "week"):
        return (1 if unit == "day" else 7), (1 if unit == "day" else 2), j + 1
    n = parse_number(tokens, j, hi)
    if n and n[1] < hi and cal.units.get(tokens[n[1]].norm) in ("day", "week"):
        per = 1 if cal.units[tokens[n[1]].norm] == "day" else 7
        return int(n[0]) * per, (1 if per == 1 else 2), n[1] + 1
    return None


def _mention(text: str, tokens: list[Token], i: int, j: int, d: dt.date, precision: int) -> DateMention:
    s, e = tokens[i].start, tokens[j - 1].end
    return DateMention(start=s, end=e, text=text[s:e], date=d.isoformat(), time_precision=precision)


def numeric_dates(text: str) -> list[DateMention]:
    """Numeric dates anywhere in ``text``: 2019-02-26, 2015/8/25, 26/2/2019, "20 / 07 / 2015",
    and Hijri ones by their year (1436/10/15, ٧/١٠/١٤٣٦هـ)."""
    view = normalize(text)
    out = []
    for rx, order in ((_YMD_RE, (0, 1, 2)), (_DMY_RE, (2, 1, 0))):
        for m in rx.finditer(view.text):
            g = m.groups()
            y, mo, d = int(g[order[0]]), int(g[order[1]]), int(g[order[2]])
            date = hijri_to_gregorian(y, mo, d) if y in _HIJRI_YEARS else _safe_date(y, mo, d)
            if date:
                s, e = view.to_original(m.start(), m.end())
                out.append(DateMention(start=s, end=e, text=text[s:e], date=date.isoformat(), time_precision=1))
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
