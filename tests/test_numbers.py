"""Quantities on real news phrasing: digits, words, ranges, modifiers, counted nouns.

Cases come from the project's sample article and from sentences of the news
corpus (SaudiNewsNet, research use); each is a short phrase, not an article.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import normalize
from rasd.text.numbers import find_quantities
from rasd.text.segment import tokenize


def quantities(text):
    toks = tokenize(normalize(text))
    return find_quantities(text, toks, 0, len(toks))


CASES = [
    # (phrase, quantity text, low, high, approx, category)
    ("إن سبعة وعشرين شاحنة تحمل", "سبعة وعشرين شاحنة", 27, 27, False, "vehicles"),
    ("تحمل ما بين عشرين إلى خمسين شخصًا، حيث", "ما بين عشرين إلى خمسين شخصًا", 20, 50, False, "people"),
    ("عدد الخارجين اليوم من الباغوز أكثر من ألفي شخص؛", "أكثر من ألفي شخص", 2000, None, False, "people"),
    ("تحمل عشرات المدنيين وعائلات", "عشرات المدنيين", 10, 99, True, "people"),
    ("وما زال المئات من عناصر داعش", "المئات من عناصر", 100, 999, True, "people"),
    ("دخل رتل مؤلف من عشرات الشاحنات إلى قاعدة", "عشرات الشاحنات", 10, 99, True, "vehicles"),
    ("سقط ١٢ قتيلاً على الأقل", "١٢ قتيلاً على الأقل", 12, None, False, "killed"),
    ("بين 20 و30 قتيلا", "بين 20 و30 قتيلا", 20, 30, False, "killed"),
    ("فرار نحو 2.5 مليون لاجئ", "نحو 2.5 مليون لاجئ", 2500000, 2500000, True, "displaced"),
    ("نزوح ثلاثة آلاف وخمسمائة نازح", "ثلاثة آلاف وخمسمائة نازح", 3500, 3500, False, "displaced"),
    ("قتل ثلاثة عشر شخصا", "ثلاثة عشر شخصا", 13, 13, False, "killed"),
    ("مئة وخمسة وعشرون جريحا", "مئة وخمسة وعشرون جريحا", 125, 125, False, "injured"),
    ("اعتقال 1,500 مشتبه", "1,500 مشتبه", 1500, 1500, False, "detained"),
]


@pytest.mark.parametrize("phrase,span,low,high,approx,category", CASES)
def test_quantity(phrase, span, low, high, approx, category):
    found = [q for q in quantities(phrase) if q.category != "other"]
    assert [(q.text, q.low, q.high, q.approx, q.category) for q in found] == [(span, low, high, approx, category)]
    q = found[0]
    assert phrase[q.start:q.end] == q.text


def test_killed_and_injured_in_one_clause():
    found = [(q.text, q.low, q.category) for q in quantities("أسفر عن مقتل 5 أشخاص وإصابة 12 آخرين")]
    assert found == [("5 أشخاص", 5, "killed"), ("12 آخرين", 12, "injured")]


@pytest.mark.parametrize("phrase", [
    "يعامل المسنون فوق الـ40 عاماً معاملة الجرحى",  # an age, not a headcount
    "قلّصت سيطرته إلى نحو 1 في المائة",  # a percentage
    "يوم الاثنين الماضي",  # Monday, not two
    "قتل أحد عناصر الشرطة",  # "one of", not a count
])
def test_not_a_headcount(phrase):
    assert all(q.category == "other" for q in quantities(phrase))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789١٢,. ومنالفعشرتسبخحثينإلىبين%")), max_size=50))
def test_any_text_parses_without_error_and_spans_match(text):
    for q in quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.low is None or q.high is None or q.low <= q.high
