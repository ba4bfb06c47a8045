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
    # a singular nisba after 11 and above counts people
    ("لم يبق منهم سوى 300 مسيحي قبل هجوم التنظيم", "300 مسيحي", 300, 300, False, "people"),
    ("أن أكثر من ألفي نيجيري في وضع غير شرعي", "أكثر من ألفي نيجيري", 2000, None, False, "people"),
    # construct and suffixed duals are counts of two
    ("وأصابت نجليه بجراح متوسطة", "نجليه", 2, 2, False, "injured"),
    ("وأضافت أن ضابطي صف في قوة الدرك قتلا في الانفجار", "ضابطي صف", 2, 2, False, "killed"),
    # "على الأقل" after the noun's own phrase
    ("قتل 25 مقاتلا من المعارضة السورية على الأقل خلال", "25 مقاتلا من المعارضة السورية على الأقل", 25, None, False, "killed"),
    # a subset enumeration keeps the category of its whole
    # a crowd with no noun
    ("تجمع المئات خارج مكتب المنظمة", "المئات", 100, 999, True, "people"),
    # passive فقد: missing, not killed
    ("وفقد 15 جنديا من الكتيبة نفسها", "15 جنديا", 15, 15, False, "people"),
]


@pytest.mark.parametrize("phrase,span,low,high,approx,category", [c for c in CASES if c[1]])
def test_quantity(phrase, span, low, high, approx, category):
    found = [q for q in quantities(phrase) if q.category != "other"]
    assert [(q.text, q.low, q.high, q.approx, q.category) for q in found] == [(span, low, high, approx, category)]
    q = found[0]
    assert phrase[q.start:q.end] == q.text


def test_subset_enumeration_keeps_the_category():
    found = [(q.text, q.low, q.category) for q in quantities(
        "نتج عن الحادث استشهاد 15 مصلياً، خمسة منهم من رجال الأمن، وستة متدربين، وأربعة من العاملين في الموقع")]
    assert found == [("15 مصلياً", 15, "killed"), ("خمسة", 5, "killed"), ("وستة متدربين", 6, "killed"),
                     ("وأربعة من العاملين", 4, "killed")]


def test_definite_count_after_its_noun_and_back_reference():
    text = "أن الصحافيين المستقلين الثلاثة دخلوا سورية"
    assert [(q.text, q.category) for q in quantities(text)] == [("الثلاثة", "people")]
    toks = tokenize(normalize(text))
    given = {(3, 3)}  # the article counted three of them already
    assert find_quantities(text, toks, 0, len(toks), given) == []
    assert [q.text for q in quantities("وأضافت في بيان أن الأربعة موظفون في شركة")] == []


def test_killed_and_injured_in_one_clause():
    found = [(q.text, q.low, q.category) for q in quantities("أسفر عن مقتل 5 أشخاص وإصابة 12 آخرين")]
    assert found == [("5 أشخاص", 5, "killed"), ("12 آخرين", 12, "injured")]


@pytest.mark.parametrize("phrase", [
    "يعامل المسنون فوق الـ40 عاماً معاملة الجرحى",  # an age, not a headcount
    "قلّصت سيطرته إلى نحو 1 في المائة",  # a percentage
    "يوم الاثنين الماضي",  # Monday, not two
    "قتل أحد عناصر الشرطة",  # "one of", not a count
    "بينهم نساء وأطفال وجندي أفغاني واحد على الأقل",  # واحد after its noun: 'a single'
    "خطفت عناصر من الفرقة 30 بينهم قائد الفرقة",  # a unit's number
    "منذ اجتياحها العاصمة في الـ21 من سبتمبر",  # a day of the month
    "شنت عدة جماعات مقاتلة هجومها بعد مقتل قائدها",  # groups, not people
])
def test_not_a_headcount(phrase):
    assert all(q.category == "other" for q in quantities(phrase))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789١٢,. ومنالفعشرتسبخحثينإلىبين%")), max_size=50))
def test_any_text_parses_without_error_and_spans_match(text):
    for q in quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.low is None or q.high is None or q.low <= q.high
