"""A sentence that refers back to an event and tells another, events with no place of their
own, claims of responsibility and phrases that only look like events."""

from __future__ import annotations


def _events(doc):
    return [(e.sub_event_type, (e.location or {}).get("name"), e.date) for e in doc.events]


def test_an_event_counted_back_in_days_is_coded_on_its_own_day(nlp):
    # "ويأتي [الانفجار] بعد ستة أيام من تفجير انتحاري": a second, earlier event, six days before
    doc = nlp("قال شهود إن انفجارا وقع في سوق مزدحم في مدينة داماتورو بشمال شرق نيجيريا اليوم الأحد "
              "مما أسفر عن مقتل 11 شخصا على الأقل.\n"
              "ووقع الانفجار صباحا ويأتي بعد ستة أيام من تفجير انتحاري قتل ثلاثة رجال شرطة عند "
              "نقطة تفتيش على مشارف المدينة.", published="2015-07-26")
    assert ("Suicide bomb", "Damaturu", "2015-07-20") in _events(doc)
    assert ("Remote explosive/landmine/IED", "Damaturu", "2015-07-26") in _events(doc)
    # without a back-reference, "بعد ساعات على تفجيرات" still only dates what follows
    doc = nlp("اعتقلت الشرطة عشرة أشخاص في مدينة داماتورو اليوم بعد ساعات على تفجيرات في السوق.",
              published="2015-07-26")
    assert [e.sub_event_type for e in doc.events] == ["Arrests"]


def test_an_event_linked_to_one_already_told_is_coded_with_its_own_place_and_day(nlp):
    doc = nlp("وقصفت الطائرات بلدة مارع في ريف حلب الشمالي أمس الأحد.\n"
              "ويأتي القصف بعد سيطرة تنظيم داعش على بلدة صوران في ريف حلب الشمالي الجمعة.",
              published="2015-08-03")
    got = _events(doc)
    assert ("Non-state actor overtakes territory", "2015-07-31") in [(t, d) for t, _, d in got], got
    assert any(t == "Air/drone strike" and d == "2015-08-02" for t, _, d in got), got


def test_a_claimed_killing_is_an_attack_by_the_claimant(nlp):
    doc = nlp("أعلن متمردو حركة الشباب الصومالية مسؤوليتهم عن قتل نائب صومالي مع حارسيه السبت في مقديشو.",
              published="2015-07-26")
    [e] = doc.events
    assert (e.sub_event_type, e.location["name"], e.actor1) == ("Attack", "Mogadishu", "Al Shabaab")


def test_the_side_whose_dead_are_counted_is_the_target(nlp):
    doc = nlp("أعلنت المقاومة الشعبية اليوم مقتل 22 من ميليشيا الحوثي في اشتباكات مع عناصرها في مدينة تعز.",
              published="2015-07-21")
    [e] = doc.events
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Armed clash", "Popular Resistance", "Houthi Movement")


def test_an_event_with_no_place_before_it_takes_the_place_the_article_is_about(nlp):
    doc = nlp("قالت الوكالة إن السلطات اعتقلت أحد أقارب الرئيس بعد احتجاجات استمرت يومين.\n"
              "وشارك مئات السوريين في احتجاج نادر مساء السبت في مدينة اللاذقية الساحلية.\n"
              "وذكر المرصد أن الحادث وقع في اللاذقية.", published="2015-08-10")
    assert ("Arrests", "Latakia") in [(t, p) for t, p, _ in _events(doc)]
    # an article that names two places as often as each other has no one place
    doc = nlp("قالت الوكالة إن السلطات اعتقلت أحد أقارب الرئيس.\n"
              "وتظاهر العشرات في حمص، وتظاهر آخرون في حماة.\nوتقع حمص وحماة في وسط البلاد.",
              published="2015-08-10")
    assert [e.location for e in doc.events if e.sub_event_type == "Arrests"] == [None]


def test_words_that_only_look_like_events(nlp):
    nothing = [
        # attackers who fled the scene are not displaced people
        "وكان النائب في احد احياء جنوب العاصمة الصومالية عندما نصب له مهاجموه مكمنا ثم لاذوا بالفرار.",
        # a relief committee is a body, not an aid delivery
        "وقالت رئيسة لجنة الإغاثة الدولية المقيمة في الرياض إن الرحلات توقفت إلى صنعاء.",
        # seizing "any" plane is a threat about what may happen
        "قالت إن الرحلات توقفت إلى صنعاء كون الحوثيين أعلنوا الاستيلاء على أي طائرة تهبط في المطار.",
        # what usually happens is no one event
        "وعادة ما تتحول المواجهات بين الشبان الفلسطينيين والشرطة الاسرائيلية في القدس الى اعمال عنف.",
    ]
    for text in nothing:
        doc = nlp(text, published="2015-08-06")
        assert [e.sub_event_type for e in doc.events if e.sub_event_type != "Armed clash"] == [], text
    # the ambush itself is still fighting
    doc = nlp("نصب مسلحون مكمنا لدورية للجيش في مدينة تعز أمس.", published="2015-08-06")
    assert [e.sub_event_type for e in doc.events] == ["Armed clash"]


def test_a_masdar_whose_doer_stands_before_its_object_is_a_trigger(nlp):
    doc = nlp("أشارت مصادر صحفية يمنية السبت إلى سيطرة المقاومة الشعبية على معسكر لبوزة في محافظة لحج.",
              published="2015-08-02")
    assert [e.sub_event_type for e in doc.events] == ["Government regains territory"]
    doc = nlp("وأعلن الجيش الأربعاء استعادة قوات الاتحاد الإفريقي لبلدة باردهيري في جنوب الصومال.",
              published="2015-07-23")
    assert "Government regains territory" in {e.sub_event_type for e in doc.events}
    # punctuation between them: no trigger ("السيطرة، قالت المصادر، على")
    doc = nlp("وتحدثت المصادر عن السيطرة، وقالت إن المعارك على أشدها.", published="2015-07-23")
    assert "Government regains territory" not in {e.sub_event_type for e in doc.events}


def test_a_seized_bomb_workshop_in_a_clause_of_its_own_is_coded_where_it_was(nlp):
    doc = nlp("اعلنت قيادة الشرطة الاتحادية العراقية اليوم، عن صد هجوم شنه تنظيم داعش في حصيبة شرقي الرمادي، "
              "فضلا عن ضبط ورشة لتفخيخ العجلات جنوبي تكريت.", published="2015-07-30")
    got = {(e.sub_event_type, e.location["name"]) for e in doc.events}
    assert ("Disrupted weapons use", "Tikrīt") in got and ("Armed clash", "Ramadi") in got


def test_a_building_struck_is_no_seat(nlp):
    # "استهدفت مقرهم، جنوبي الرمادي": the strike was south of Ramadi; "مقرها في طرابلس" is a seat
    doc = nlp("أعلنت خلية الإعلام الحربي اليوم عن مقتل عشرة من عناصر تنظيم داعش بضربة جوية استهدفت مقرهم، "
              "جنوبي الرمادي.", published="2015-07-30")
    assert [(e.sub_event_type, e.location["name"]) for e in doc.events] == [("Air/drone strike", "Ramadi")]
    doc = nlp("واتهمت المؤسسة التي يوجد مقرها في طرابلس الطائرات بقصف ناقلة نفط قبالة بنغازي أمس.",
              published="2015-07-21")
    assert all(e.location is None or e.location["name"] != "Tripoli" for e in doc.events)


def test_dead_counted_as_others_are_another_event(nlp):
    doc = nlp("وفي الهجوم الاكثر دموية انفجرت سيارة ملغومة في حي الكرادة وسط بغداد، ما تسبب في مقتل 16 شخصا.\n"
              "والى جانب التفجير الذي وقع في الكرادة، قتل شخصان آخران في هجمات بقنابل في حي الزعفرانية "
              "في جنوب بغداد.", published="2015-07-22")
    got = sorted((e.location["name"], e.fatalities) for e in doc.events)
    assert got == [("Al-Karrada", 16), ("Al-Zafaraniya", 2)], got
    # wounded "others" are the same event's: one strike, not two
    doc = nlp("قتل 25 حوثيا جراء قصف جوي شنته قوات التحالف على مواقعهم بمدينة مأرب اليوم.\n"
              "وقالت المصادر إن غارات عنيفة شنتها مقاتلات التحالف على مواقع الحوثيين في مأرب أسفرت عن "
              "مقتل 25 حوثياً وجرح 15 آخرين.", published="2015-08-01")
    assert len(doc.events) == 1


def test_the_town_is_the_one_told_before(nlp):
    doc = nlp("لقي ثلاثة لاجئين فلسطينيين مصرعهم بقصف قوات النظام السوري بصواريخ اليوم بلدة المزيريب قرب "
              "مدينة درعا جنوب سوريا.\n"
              "وأشارت مجموعة العمل من أجل فلسطيني سوريا إلى تعرض بعض المناطق المحيطة بالبلدة لقصف بثلاثة "
              "براميل متفجرة أدى إلى سقوط عدد من القتلى والجرحى في صفوف السكان.", published="2015-08-11")
    strike = next(e for e in doc.events if e.sub_event_type == "Air/drone strike")
    assert strike.location["name"] == "Al Muzayrīb"
    # civilians among the dead are the target, never the side that strikes
    assert strike.actor1 is None and strike.actor2 == "Civilians (Syria)"
    # a sentence that names only a country and no word for the place told stays unplaced
    doc = nlp("وقالت مصادر إن تفجيرات في أنحاء العراق أدت الى مقتل 32 شخصا على الاقل.\n"
              "وفي الهجوم الاكثر دموية قتل 16 شخصا في انفجار سيارة ملغومة في مدينة الرمادي.", published="2015-07-22")
    assert [e.fatalities for e in doc.events if e.location and e.location["name"] == "Ramadi"] == [16]


def test_the_day_in_a_purpose_clause_is_not_the_event_day(nlp):
    doc = nlp("نفذ أكثر من ألف شخص اليوم اعتصاماً عند دوار الزراعة في مدينة اللاذقية احتجاجاً على قتل ضابط "
              "عند دوار الأزهري ليل السادس من أغسطس.", published="2015-08-09")
    assert [(e.sub_event_type, e.date) for e in doc.events] == [("Peaceful protest", "2015-08-09")]


def test_a_strike_told_again_takes_the_place_its_first_mention_left_out(nlp):
    doc = nlp("أفاد مسؤول حكومي بأن خمسة عناصر مفترضين من تنظيم القاعدة قتلوا أمس في غارة لطائرة بدون طيار "
              "يرجح أنها أمريكية فوق جنوب اليمن.\n"
              "وأوضح المسؤول أن «الغارة دمرت سيارة تابعة لعناصر القاعدة عند وصولها إلى بلدة المحفد محافظة أبين».",
              published="2015-07-31")
    [e] = doc.events
    assert (e.sub_event_type, e.location["name"], e.date) == ("Air/drone strike", "Al Maḩfid", "2015-07-30")
    # an armed group named in an air strike with no word making it the doer is the one struck
    assert e.actor1 is None and e.actor2 == "Al Qaeda"


def test_an_event_told_again_with_a_day_months_before_is_background(nlp):
    # ("السيطرة" refers back to the fighting the strikes support; its day is March's)
    doc = nlp("وتدعم دول التحالف بالضربات الجوية تقدم قوات المقاومة من جنوب اليمن شمالا.\n"
              "ونجحت قوات المقاومة في السيطرة على مطار عدن، بعدما تعذر الوصول إليه منذ السادس والعشرين من مارس.",
              published="2015-08-07")
    assert [e.sub_event_type for e in doc.events] == []
