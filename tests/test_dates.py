"""Dates: absolute expressions and relative ones resolved against publication."""

from __future__ import annotations

import datetime as dt

import pytest

from rasd.text.dates import dateline, find_dates, numeric_dates
from rasd.text.normalize import normalize
from rasd.text.segment import tokenize

PUBLISHED = dt.date(2015, 7, 22)  # a Wednesday


def dates(text, published=PUBLISHED):
    toks = tokenize(normalize(text))
    return [(d.text, d.date, d.time_precision) for d in find_dates(text, toks, 0, len(toks), published)]


@pytest.mark.parametrize("text,expected", [
    ("قتل أمس خمسة من عناصر التنظيم", [("أمس", "2015-07-21", 1)]),
    ("وقعت الاشتباكات أول أمس في المدينة", [("أول أمس", "2015-07-20", 1)]),
    ("شنت طائرات التحالف غارات يوم السبت الماضي", [("السبت", "2015-07-18", 1)]),
    ("صدر البيان في 3 كانون الثاني/يناير 2015", [("3 كانون الثاني/يناير 2015", "2015-01-03", 1)]),
    ("منذ آذار 2014", [("آذار 2014", "2014-03-01", 3)]),
    ("في 14 جويلية الجاري", [("14 جويلية", "2015-07-14", 1)]),
    ("وصلت اليوم دفعة جديدة من المدنيين", [("اليوم", "2015-07-22", 1)]),
])
def test_dates(text, expected):
    assert dates(text) == expected


def test_relative_dates_need_a_publication_date():
    assert dates("قتل أمس خمسة", published=None) == []


def test_numeric_and_dateline():
    assert [(d.text, d.date) for d in numeric_dates("في 2015-07-21 و 21/7/2015")] == [
        ("2015-07-21", "2015-07-21"), ("21/7/2015", "2015-07-21")]
    text = "قيادي بـ\"داعش\" يكشف تفاصيل الاتفاق\n\n26 فبراير 2019\nنشرت شبكة"
    d = dateline(text)
    assert (d.text, d.date) == ("26 فبراير 2019", "2019-02-26")
    assert text[d.start:d.end] == d.text
