"""Which trigger names the event, and who acts in it, on real news sentences."""

from __future__ import annotations

import pytest

REPELLED = ("اعلنت قيادة الشرطة الاتحادية العراقية اليوم، عن صد هجوم شنه تنظيم /داعش/ الإرهابي في حصيبة "
            "شرقي الرمادي , وقتل 12 من عناصره بينهم ثلاثة انتحاريين.")


def test_suicide_bombers_among_the_dead_do_not_make_a_suicide_bombing(nlp):
    doc = nlp(REPELLED, published="2015-07-30")
    assert [e.sub_event_type for e in doc.events] == ["Armed clash"]


def test_the_announcer_is_not_the_attacker(nlp):
    (e,) = nlp(REPELLED, published="2015-07-30").events
    assert (e.actor1, e.actor2) == ("Islamic State", "Police Forces of Iraq")


def test_a_claim_after_the_attack_names_the_attacker(nlp):
    doc = nlp("قتل 21 شخصا على الأقل في هجوم أعلنت حركة طالبان مسؤوليتها عنه في ولاية قندوز شمال أفغانستان.",
              published="2015-08-09")
    assert [e.actor1 for e in doc.events] == ["Taliban"]


def test_a_suicide_bomber_who_blew_himself_up_is_still_a_suicide_bombing(nlp):
    doc = nlp("قتل ثلاثة جنود عندما فجر انتحاري نفسه عند نقطة تفتيش في مدينة الرمادي أمس.", published="2015-07-30")
    assert [e.sub_event_type for e in doc.events] == ["Suicide bomb"]


LOGAR = ("قتل 14 جنديا أفغانيا على الأقل أمس في غارة أمريكية على حاجز للجيش في ولاية لوغار جنوب كابول، "
         "حيث ينتشر متمردو طالبان، كما أعلنت السلطات المحلية.")


def test_a_state_named_by_its_adjective_after_a_weapon_is_the_attacker(nlp):
    (e,) = nlp(LOGAR, published="2015-07-21").events
    assert (e.actor1, e.actor2) == ("Military Forces of the United States", "Military Forces of Afghanistan")


def test_a_place_after_a_direction_word_only_locates_the_one_before_it(nlp):
    (e,) = nlp(LOGAR, published="2015-07-21").events
    assert (e.location["name"], e.location["country"]) == ("Logar", "AF")


def test_a_province_that_says_whose_capital_a_place_is_is_not_the_place(nlp):
    text = "قتل انتحاري ثلاثة رجال شرطة عند نقطة تفتيش في داماتورو، عاصمة ولاية يوبي في شمال شرق نيجيريا."
    (e,) = nlp(text, published="2015-07-26").events
    assert e.location["name"] == "Damaturu"
    # with nothing else to place it, the province is better than no place
    text = "قتل انتحاري ثلاثة رجال شرطة في نيجيريا عند نقطة تفتيش على مشارف المدينة وهي عاصمة ولاية يوبي."
    (e,) = nlp(text, published="2015-07-26").events
    assert e.location["name"] == "Yobe"


def test_a_place_in_the_province_told_of_the_same_event_makes_it_precise(nlp):
    for text in ("قتل خمسة مدنيين في قصف جوي على محافظة إدلب أمس. وقال ناشطون إن القصف الذي وقع في مدينة سراقب أوقع جرحى.",
                 "قتل خمسة مدنيين في قصف جوي على ريف إدلب أمس. وقال ناشطون إن القصف الذي استهدف مدينة سراقب أوقع جرحى."):
        events = nlp(text, published="2015-07-21").events
        assert [(e.location["name"], e.location["geo_precision"]) for e in events] == [("Saraqib", 1)], text
    # a place in another province told with the same word is not this event's
    text = "قصف الطيران مناطق في سهل الغاب بريف حماة أمس. وقال ناشطون إن القصف الذي استهدف بلدة سراقب أوقع جرحى."
    assert [e.location["name"] for e in nlp(text, published="2015-07-21").events] == ["Al-Ghab plain"]


GAZA = ('قال تجمع لاهالي معتقلين "سلفيين" في غزة في بيان امس ان اجهزة الامن التابعة لحماس التي تسيطر '
        'على القطاع اعتقلت عدداً من نشطاء الجماعات السلفية المتشددة.')


def test_detentions_by_a_group_that_governs_where_it_acts_are_arrests(nlp):
    (e,) = nlp(GAZA, published="2015-07-22").events
    assert e.sub_event_type == "Arrests"


def test_who_reports_comes_after_those_the_report_is_about(nlp):
    (e,) = nlp(GAZA, published="2015-07-22").events
    assert (e.actor1, e.actor2) == ("Hamas", "Salafists")


def test_detentions_by_a_rebel_group_are_abductions(nlp):
    doc = nlp("اعتقل مسلحو تنظيم داعش عشرات المدنيين في مدينة الموصل أمس.", published="2015-07-22")
    assert [e.sub_event_type for e in doc.events] == ["Abduction/forced disappearance"]


def test_one_death_told_without_a_number_is_one_fatality(nlp):
    doc = nlp("استشهد رضيع فلسطيني وأصيب ثلاثة آخرون من عائلته اليوم جراء إحراق مستوطنين إسرائيليين لمنزلهم "
              "في قرية دوما جنوب نابلس.", published="2015-07-31")
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Attack", 1)]


def test_a_nationwide_toll_is_not_the_toll_of_the_one_placed_attack(nlp):
    text = ("قالت مصادر بالشرطة ومسعفون، إن تفجيرات في أنحاء العراق أدت الى مقتل 32 شخصا على الاقل.\n\n"
            "وفي الهجوم الاكثر دموية انفجرت سيارة ملغومة في حي بغداد الجديدة شمال شرق العاصمة، ما تسبب في "
            "مقتل 16 شخصا واصابة 48 شخصا.")
    doc = nlp(text, published="2015-07-22")
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Remote explosive/landmine/IED", 16)]


def test_a_country_named_beside_a_region_is_not_the_event_place(nlp):
    doc = nlp("أكد أكثر من مصدر في لبنان اختطاف 5 مواطنين تشيكيين وسائقهم اللبناني في منطقة البقاع الغربي "
              "بشرق البلاد.", published="2015-07-21")
    (e,) = doc.events
    assert e.location is not None and e.location["country"] == "LB" and e.location["admin1"]


def test_the_organisation_named_again_is_the_armed_group_named_before(nlp):
    doc = nlp("قام عناصر تنظيم داعش بخطف نحو 230 مدنياً في محافظة حمص. واوضح مدير المرصد ان التنظيم كان "
              "بحوزته لائحة تضم اسماء مطلوبين. وناقش المؤتمر تنظيم الانتخابات المقبلة.", published="2015-08-08")
    assert [(a.text, a.name) for a in doc.actors if a.name == "Islamic State"] == [
        ("تنظيم داعش", "Islamic State"), ("التنظيم", "Islamic State")]


def test_a_definite_group_phrase_with_no_group_before_it_is_no_actor(nlp):
    doc = nlp("قال مسؤولون إن التنظيم المتطرف هاجم قرية في الشمال.", published="2015-08-08")
    assert not any(a.text.startswith("التنظيم") for a in doc.actors)


def test_state_forces_holding_suspects_of_a_rebel_group_make_arrests(nlp):
    doc = nlp("وأعلنت الشرطة التركية أنها أوقفت 251 شخصا يشتبه في انتمائهم إلى تنظيم داعش في اسطنبول أمس.",
              published="2015-07-24")
    assert [e.sub_event_type for e in doc.events] == ["Arrests"]


@pytest.mark.parametrize("text", [
    "قال مسؤول في الجيش الليبي إن سلاح الجو التابع للجيش سيشن المزيد من الغارات الجوية على مواقع تنظيم داعش في سرت.",
    "وقال مسؤولون إن تركيا وافقت على السماح للجيش الأمريكي بشن ضربات جوية ضد تنظيم داعش من قاعدة إنجرليك.",
])
def test_strikes_to_come_or_allowed_are_not_events(nlp, text):
    assert nlp(text, published="2015-07-24").events == []


def test_an_explosion_last_spring_is_background(nlp):
    text = ("في صباح أحد أيام الربيع الماضي دوت أصوات انفجارات في سماء القرية قرب مدينة حلب.")
    assert nlp(text, published="2015-07-24").events == []


def test_an_armed_group_killing_a_worker_is_an_attack_not_a_clash(nlp):
    doc = nlp("وقتل عامل في شركة السكك الحديدية التركية في هجوم بالأسلحة مساء الخميس شنه عناصر من حزب العمال "
              "الكردستاني في منطقة ساريكاميس في اقليم كارس شرق تركيا.", published="2015-07-31")
    assert [e.sub_event_type for e in doc.events] == ["Attack"]


@pytest.mark.parametrize("text,not_coded", [
    ("وقال رئيس مجلس المحافظة إن المجلس طالب رئيس الوزراء بوقف القصف على مدينة الفلوجة.",
     "Shelling/artillery/missile attack"),
    ("وأوضحت مصادر المقاومة أن قواتها دخلت مدينة دمت شمال مدينة الضالع عصر أمس دون حدوث أي مواجهات مع المتمردين.",
     "Armed clash"),
])
def test_what_is_stopped_or_did_not_happen_is_not_coded(nlp, text, not_coded):
    assert not_coded not in {e.sub_event_type for e in nlp(text, published="2015-07-24").events}
