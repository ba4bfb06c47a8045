"""Events across sentences: a later sentence that tells the same event again joins it; a
definite mention of an attack in another place is a past one, not news."""

from __future__ import annotations

import pytest

LEAD = ("أعلنت مصادر رسمية مقتل عسكريين تركيين اثنين وجرح اربعة آخرين مساء أمس السبت، في انفجار سيارة "
        "مفخخة استهدف قافلة عسكرية في محافظة دياربكر ذات الغالبية الكردية جنوب شرقي تركيا.\n\n"
        "ولم تتبن أي جهة الهجوم؛ لكنه يأتي بينما هدد حزب العمال الكردستاني بقطع الهدنة مع أنقرة.\n\n")
DETAIL = ("وقالت القيادة العسكرية إن سيارة مفخخة انفجرت عند وصول قافلة مدرعات تابعة للقوات الخاصة "
          "للدرك على طريق في منطقة ليجي.\n\n")
RECALLED = ("وقالت إن هذه العملية هي رد على الهجوم الانتحاري الذي استهدف في سروج (جنوب) ناشطين مؤيدين "
            "للقضية الكردية واسفر عن سقوط 32 قتيلا.")


def test_details_without_a_day_or_place_of_their_own_join_the_event(nlp):
    doc = nlp(LEAD + DETAIL, published="2015-07-26")
    assert [(e.sub_event_type, e.date, e.location["admin1"]) for e in doc.events] == [
        ("Remote explosive/landmine/IED", "2015-07-25", "Diyarbakır")]


def test_a_definite_mention_of_an_attack_elsewhere_is_not_coded(nlp):
    doc = nlp(LEAD + DETAIL + RECALLED, published="2015-07-26")
    assert [e.sub_event_type for e in doc.events] == ["Remote explosive/landmine/IED"]


def test_a_sentence_with_its_own_place_is_its_own_event(nlp):
    other = "وانفجرت سيارة مفخخة أخرى في مدينة ماردين مساء اليوم."
    doc = nlp(LEAD + other, published="2015-07-26")
    assert {(e.sub_event_type, e.location["name"]) for e in doc.events} >= {
        ("Remote explosive/landmine/IED", "Mardin")}
    assert len(doc.events) == 2


ONE_EVENT_TOLD_TWICE = {
    # a later, anaphoric mention gives the day the first one left out
    "day_given_later": (
        "قتل 25 مقاتلا من المعارضة السورية على الأقل خلال محاولة هجوم فاشلة قاموا بها على قاعدة "
        "عسكرية في محافظة حلب، شمال البلاد، حسبما أفاد المرصد السوري لحقوق الإنسان.\n"
        "كما أفاد المرصد عن مقتل تسعة من قوات النظام في الاشتباكات التي اندلعت بعد أن شنت عدة "
        "جماعات مقاتلة هجومها في وقت متأخر من الجمعة.",
        "2015-08-02", ("Armed clash", "2015-07-31")),
    # a later sentence at the same place without a day of its own is the same event
    "same_place_no_day": (
        "قال يوم الاثنين متحدثون عسكريون باسم الحكومة الليبية إن طائرات حربية أغرقت، يوم الأحد، سفينة، "
        "وهاجمت سفينة أخرى قرب مدينة بنغازي في شرق ليبيا. وكان مراسل لـ\"رويترز\" قد سمع خلال النهار "
        "طائرات حربية تحوم فوق بنغازي.",
        "2015-07-21", ("Air/drone strike", "2015-07-19")),
    # the day officials spoke dates the attack only until the attack's own day is told
    "report_day_then_event_day": (
        "قتل 21 شخصا على الأقل في هجوم تبنته حركة طالبان في ولاية قندوز شمال أفغانستان، بحسب ما أعلن "
        "مسؤولون اليوم الأحد.\n"
        "وقالت وزارة الداخلية الأفغانية أن جميع الأشخاص الذين قتلوا في الهجوم الذي وقع مساء السبت في "
        "ولاية قندوز هم مدنيون.",
        "2015-08-09", ("Attack", "2015-08-08")),
}


@pytest.mark.parametrize("case", sorted(ONE_EVENT_TOLD_TWICE))
def test_one_event_told_twice_is_one_event_with_its_day(nlp, case):
    text, published, expected = ONE_EVENT_TOLD_TWICE[case]
    doc = nlp(text, published=published)
    assert [(e.sub_event_type, e.date) for e in doc.events] == [expected]


def test_a_ceasefire_kills_no_one_even_beside_a_death_toll(nlp):
    text = ("وقعت قبيلتا التبو والطوارق بمدينة سبها اتفاقا لوقف إطلاق النار بعد اشتباكات بين الطرفين "
            "أسفرت عن مقتل 60 شخصا.")
    doc = nlp(text, published="2015-07-27")
    agreements = [e for e in doc.events if e.sub_event_type == "Agreement"]
    assert agreements and all(e.fatalities is None for e in agreements)


def test_the_date_nearest_the_trigger_dates_the_event(nlp):
    # the vote was last night; the protests it follows were last year: background, not news
    text = ("ووافق الكنيست في ساعة متأخرة من ليل أمس الاثنين على تشديد العقوبة بناء على تشريع طرح عقب "
            "سلسلة من الاحتجاجات الفلسطينية في القدس الشرقية العام الماضي.")
    assert nlp(text, published="2015-07-21").events == []


def test_damage_told_after_an_attack_is_not_another_event(nlp):
    text = ("قتل 14 جنديا أفغانيا على الأقل أمس في غارة أمريكية على حاجز للجيش في ولاية لوغار جنوب كابول.\n"
            "وقال حاكم المنطقة إن مروحيتين أمريكيتين هاجمتا حاجزا للجيش الأفغاني. مضيفا أن النيران اندلعت في "
            "الحاجز ودمر بالكامل، وقتل 14 جنديا أفغانيا.")
    doc = nlp(text, published="2015-07-21")
    assert [e.sub_event_type for e in doc.events] == ["Air/drone strike"]


def test_where_an_organisation_has_its_seat_is_not_where_the_event_happened(nlp):
    text = ("وقالت رئيسة لجنة الإغاثة المقيمة في الرياض إن الحوثيين سيطروا على مطار صنعاء أمس.")
    doc = nlp(text, published="2015-08-06")
    assert [e.location["name"] for e in doc.events if e.location] != ["Riyadh"]
    assert doc.events and doc.events[0].location and doc.events[0].location["country"] == "YE"


def test_clauses_with_a_trigger_and_a_place_of_their_own_are_events_of_their_own(nlp):
    text = ("لقي 8 أشخاص من عائلة واحدة مصرعهم بقصف لـميليشيا الحوثي على دار سعد شمال عدن، ويأتي ذلك في "
            "الوقت الذي أعلنت فيه المقاومة اليمنية اليوم عن مقتل 22 من ميليشيا الحوثي باشتباكات معها قرب "
            "قاعدة العند، فيما قتل 9 من الحوثيين وقوات صالح في هجوم للمقاومة الشعبية بـمأرب.")
    doc = nlp(text, published="2015-07-21")
    coded = {(e.sub_event_type, e.location["name"]) for e in doc.events if e.location}
    assert ("Shelling/artillery/missile attack", "Dar Sa'd") in coded
    assert ("Armed clash", "Ma'rib") in coded
    assert all(e.date == "2015-07-21" for e in doc.events)


def test_a_sentence_whose_clauses_share_one_place_stays_one_event(nlp):
    text = ("قال متحدثون عسكريون إن طائرات حربية أغرقت، يوم الأحد، سفينة قرب مدينة بنغازي، وهاجمت سفينة "
            "أخرى قرب مدينة بنغازي في شرق ليبيا.")
    doc = nlp(text, published="2015-07-21")
    assert [e.sub_event_type for e in doc.events] == ["Air/drone strike"]


ONE_EVENT_COARSE_AND_PRECISE = {
    # an undated mention and a dated one in the same province: the precise one's day and place
    "undated_lead": (
        "أعلن الناطق العسكري باسم القوات المسلحة المصرية استشهاد ضابط وثلاثة جنود في انفجار عبوة ناسفة "
        "بشمال سيناء.\n"
        "وقال في بيان إنه في صباح الخميس وأثناء قيام القوات المسلحة بتمشيط الحد الفاصل بين منطقتي المهدية "
        "والماسورة بمدينة رفح انفجرت عبوة ناسفة في إحدى مركبات قوة المداهمة.",
        "2015-07-24", ("Remote explosive/landmine/IED", "2015-07-23", "Rafaḩ")),
    # a province-level lead joins the precise report a day or two apart
    "province_lead": (
        "قام عناصر تنظيم داعش بخطف نحو 230 مدنياً بينهم ستون مسيحياً على الاقل بعد استيلائهم على احدى "
        "البلدات في محافظة حمص وسط سوريا، حسبما افاد المرصد السوري لحقوق الانسان امس.\n"
        'وقال مدير المرصد رامي عبد الرحمن "قامت داعش بخطف 170 سنيا واكثر من 60 مسيحيا بتهمة التخابر مع '
        'النظام وذلك خلال عملية مداهمة لمدينة القريتين التي استولوا عليها الاربعاء".',
        "2015-08-08", ("Abduction/forced disappearance", "2015-08-05", "Al Qaryatayn")),
}


@pytest.mark.parametrize("case", sorted(ONE_EVENT_COARSE_AND_PRECISE))
def test_a_coarse_mention_joins_the_precise_one(nlp, case):
    text, published, (sub_type, date, name) = ONE_EVENT_COARSE_AND_PRECISE[case]
    doc = nlp(text, published=published)
    assert [(e.date, e.location["name"]) for e in doc.events if e.sub_event_type == sub_type] == [(date, name)]


def test_an_unknown_name_joined_to_a_place_lies_in_the_same_container(nlp):
    # المهدية is also a Tunisian town; said to lie in Rafah with الماسورة, it is not that town
    doc = nlp("تمشيط الحد الفاصل بين منطقتي المهدية والماسورة بمدينة رفح", published="2015-07-24")
    assert "TN" not in {p.country for p in doc.places}
