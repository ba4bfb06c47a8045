"""The event filter: a linear classifier over triggered sentences (see rasd.extract.event_filter)."""

from __future__ import annotations

from rasd.extract.event_filter import default_filter


def test_the_filter_ships_with_the_package():
    f = default_filter()
    assert f is not None and len(f.weights) > 1000 and "triggered sentences" in f.trained_on


def _events(nlp, text):
    return [e.sub_event_type for e in nlp(text, published="2015-08-01").events]


SPORTS = ["ويلعب المهاجم الجديد في خط الهجوم إلى جانب زميله في المباراة المقبلة.",
          "وقال المدرب إن فريقه سيعتمد على الهجوم السريع في مواجهة الأهلي يوم الجمعة."]


def test_the_sports_sense_of_attack_is_filtered_out(nlp):
    from rasd.extract.events import EventStage
    from rasd.pipeline import Pipeline

    unfiltered = Pipeline()
    unfiltered.stages = [s if s.name != "events" else EventStage(use_filter=False) for s in unfiltered.stages]
    for text in SPORTS:
        assert _events(unfiltered, text) == ["Armed clash"]  # the lexicon alone fires on هجوم
        assert _events(nlp, text) == []


def test_a_reported_strike_passes(nlp):
    assert "Air/drone strike" in _events(
        nlp, "قتل سبعة مدنيين أمس في غارة جوية شنتها طائرات التحالف على قرية في محافظة صعدة شمال اليمن.")


def test_an_event_that_dates_the_news_is_not_the_news(nlp):
    # "بعد ساعات على تفجيرات …": the arrests are the news, the bombings are known already
    text = "اعتقلت أجهزة الأمن عدداً من النشطاء في غزة أمس بعد ساعات على تفجيرات استهدفت سيارات ناشطين."
    assert _events(nlp, text) == ["Arrests"]


def test_a_raid_in_which_fighters_are_killed_is_a_clash(nlp):
    text = "قتل 12 مسلحاً أمس في حملة مداهمات شنتها القوات المسلحة المصرية بمدينة الشيخ زويد في شمال سيناء."
    assert _events(nlp, text) == ["Armed clash"]


def test_present_tense_control_is_a_state_not_a_change(nlp):
    assert _events(nlp, "وفي حين تسيطر الفصائل المقاتلة على الأحياء الشرقية، تسيطر قوات النظام على الأحياء الغربية من حلب.") == []


def test_one_armed_side_and_a_civilian_victim_is_an_attack(nlp):
    text = "قتلت قوات الاحتلال الشاب الفلسطيني فجر أمس خلال اقتحام منزل عائلته في بلدة بيت أمر شمال الخليل."
    assert _events(nlp, text) == ["Attack"]
