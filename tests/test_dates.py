"""Dates: absolute expressions and relative ones resolved against publication."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ("منذ اجتياحها العاصمة في الـ21 من سبتمبر من العام الماضي", [("21 من سبتمبر من العام الماضي", "2014-09-21", 1)]),
    ("وصلوا في 3 من الشهر الجاري إلى المخيم", [("3 من الشهر الجاري", "2015-07-03", 1)]),
    ("قتل 5 من الجنود", []),
    ("وقام ثلاثة مقنعين في مايو بخطف رئيس الدير", [("مايو", "2015-05-01", 3)]),
    ("سيطرت على صنعاء في سبتمبر الماضي", [("سبتمبر الماضي", "2014-09-01", 3)]),
    ("ذكرى ثورة يناير", []),
    ("قصفت الطائرات ليل الاثنين بلدة الباغوز", [("ليل الاثنين", "2015-07-20", 1)]),
    ("وقع الانفجار فجر الجمعة قرب المسجد", [("فجر الجمعة", "2015-07-17", 1)]),
    ("ومساء يوم الأحد اندلعت اشتباكات", [("مساء يوم الأحد", "2015-07-19", 1)]),
    ("شنت طائرات التحالف غارات يوم السبت الماضي", [("يوم السبت الماضي", "2015-07-18", 1)]),
    ("صدر البيان في 3 كانون الثاني/يناير 2015", [("3 كانون الثاني/يناير 2015", "2015-01-03", 1)]),
    ("منذ آذار 2014", [("آذار 2014", "2014-03-01", 3)]),
    ("في 14 جويلية الجاري", [("14 جويلية الجاري", "2015-07-14", 1)]),
    ("منذ ثلاثة أيام", [("منذ ثلاثة أيام", "2015-07-19", 1)]),
    ("الأسبوع الماضي", [("الأسبوع الماضي", "2015-07-15", 2)]),
    ("عقب سلسلة من الاحتجاجات في القدس الشرقية العام الماضي", [("العام الماضي", "2014-01-01", 3)]),
    ("خلال السنة الماضية", [("السنة الماضية", "2014-01-01", 3)]),
    ("26 شوال 1436 هـ", [("26 شوال 1436 هـ", "2015-08-11", 1)]),
    ("السادس من آب/أغسطس من عام 1945", [("السادس من آب/أغسطس من عام 1945", "1945-08-06", 1)]),
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


def test_hijri_numeric_dates_convert():
    assert [(d.text, d.date) for d in numeric_dates("يوم الأحد ٧/١٠/١٤٣٦هـ")] == [("٧/١٠/١٤٣٦", "2015-07-23")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789١٢/- منذقبلأمسيومينالاثنينشوالهـ٢٠١٥كانونالثانييناير")), max_size=60))
def test_any_text_parses_without_error(text):
    for d in dates(text) + [(x.text, x.date, x.time_precision) for x in numeric_dates(text)]:
        assert d[0] in text and d[2] in (1, 2, 3)
