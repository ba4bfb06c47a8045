"""The text layer: normalisation keeps offsets, tokens keep clitic forms, sentences split."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import normalize, norm
from rasd.text.segment import clitic_forms, split_clitics, split_sentences, tokenize


def test_normalise_folds_for_matching():
    assert norm("إِسْرَائِيلُ") == "اسراييل"
    assert norm("مُـــحـافَظَة") == "محافظه"
    assert norm("مستشفى") == "مستشفي"
    assert norm("١٢٣ ۴۵") == "123 45"
    assert norm("ﻻ") == "لا"  # presentation form (lam-alef ligature)


def test_offsets_point_back_to_the_original_characters():
    text = "قالت مصادر محلية إنّ سبعة وعشرين شاحنةً وصلت\u200f إلى مخيّم الهول"
    view = normalize(text)
    i = view.text.index("مخيم الهول")
    s, e = view.to_original(i, i + len("مخيم الهول"))
    assert text[s:e] == "مخيّم الهول"
    j = view.text.index("شاحنه")
    s, e = view.to_original(j, j + len("شاحنه"))
    assert text[s:e] == "شاحنةً"  # the tanwin written on the last letter is part of the span


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_every_normalised_span_maps_to_a_valid_original_span(text):
    view = normalize(text)
    assert len(view.index) == len(view.text) + 1
    assert all(0 <= a <= b for a, b in zip(view.index, view.index[1:]))
    for i in range(len(view.text)):
        s, e = view.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        # each normalised character comes from the original character it maps to
        assert view.text[i] in normalize(text[s]).text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("وبالباغوز دير الزور،.؟\n١٢ ًّـ\u200f")), max_size=60))
def test_tokens_and_sentences_stay_inside_the_text(text):
    view = normalize(text)
    tokens = tokenize(view)
    for t in tokens:
        assert 0 <= t.start < t.end <= len(text)
        assert (t.start, t.end) == view.to_original(t.nstart, t.nend)
    for s in split_sentences(view, tokens):
        assert text[s.start:s.end].strip()


def test_clitic_forms_strip_conjunction_preposition_and_article():
    assert clitic_forms("وبالباغوز") == ("وبالباغوز", "بالباغوز", "الباغوز", "باغوز")
    assert "الحسكه" in clitic_forms("للحسكه")
    assert "حلب" in clitic_forms("وفي حلب".split()[1]) or clitic_forms("حلب")[0] == "حلب"
    # names that begin with a clitic letter keep their full form first
    assert clitic_forms("بغداد")[0] == "بغداد"
    assert clitic_forms("لبنان")[0] == "لبنان"


def test_sentences_split_on_arabic_punctuation_and_lines():
    text = "قيادي بـ\"داعش\" يكشف تفاصيل الاتفاق\n\n26 فبراير 2019\nوصلت دفعة جديدة من المدنيين. هل انتهت المعارك؟ نعم"
    view = normalize(text)
    sents = [text[s.start:s.end] for s in split_sentences(view, tokenize(view))]
    assert sents == ["قيادي بـ\"داعش\" يكشف تفاصيل الاتفاق", "26 فبراير 2019",
                     "وصلت دفعة جديدة من المدنيين.", "هل انتهت المعارك؟", "نعم"]


def test_decimal_point_does_not_end_a_sentence():
    text = "نزح 2.5 مليون شخص من المدينة."
    view = normalize(text)
    assert len(split_sentences(view, tokenize(view))) == 1


def test_short_unpunctuated_lines_are_headings():
    text = "نص الخبر الأول.\n\nالتحالف يواصل نقل المدنيين\n\nبالتوازي مع ذلك، وصلت اليوم دفعة جديدة من المدنيين."
    view = normalize(text)
    flags = [(text[s.start:s.end], s.heading) for s in split_sentences(view, tokenize(view))]
    assert flags == [("نص الخبر الأول.", False), ("التحالف يواصل نقل المدنيين", True),
                     ("بالتوازي مع ذلك، وصلت اليوم دفعة جديدة من المدنيين.", False)]


def test_link_trailer_is_not_read_for_counts(nlp):
    # SaudiNewsNet articles often end with a link line repeating the headline
    text = ("لقي 8 أشخاص من عائلة واحدة مصرعهم بقصف على دار سعد شمال عدن. "
            "رابط الخبر بصحيفة الوئام: 8 قتلى من عائلة واحدة بقصف على دار سعد شمال #عدن")
    doc = nlp(text, published="2015-07-21")
    assert [(q.text, q.category) for q in doc.quantities] == [("8 أشخاص", "killed")]
    assert all(s.end <= text.index("رابط") for s in doc.sentences)


def _pieces(word):
    view = normalize(word)
    token = tokenize(view)[0]
    return [(role, word[a:b]) for role, a, b in split_clitics(view, token)]


def test_clitic_split_proclitics_and_pronoun_suffixes_with_offsets():
    assert _pieces("وبمنازلهم") == [("proclitic", "و"), ("proclitic", "ب"), ("stem", "منازل"), ("suffix", "هم")]
    assert _pieces("وقصفها") == [("proclitic", "و"), ("stem", "قصف"), ("suffix", "ها")]
    assert _pieces("بيته") == [("stem", "بيت"), ("suffix", "ه")]  # not ب + يته
    assert _pieces("للحسكة") == [("proclitic", "ل"), ("stem", "لحسكة")]  # ل + الحسكة
    # diacritics stay inside the piece they belong to
    assert _pieces("وبِمنازِلِهِم") == [("proclitic", "و"), ("proclitic", "بِ"), ("stem", "منازِلِ"), ("suffix", "هِم")]


def test_clitic_split_keeps_names_whole():
    for name in ("بغداد", "لبنان", "الفلوجة", "حماه"):
        assert _pieces(name) == [("stem", name)]
    assert _pieces("بحماه") == [("proclitic", "ب"), ("stem", "حماه")]


def test_ta_marbuta_is_not_a_pronoun():
    (city,) = tokenize(normalize("مدينة"))
    assert city.stems == ()
    (car,) = tokenize(normalize("بسيارته"))
    assert "سياره" in car.stems  # سيارة + ه, normalised


def test_counted_noun_with_a_pronoun_suffix():
    from rasd.text.numbers import find_quantities

    text = "قتل خمسة من عناصرها في الغارة"
    toks = tokenize(normalize(text))
    assert [(q.text, q.low, q.category) for q in find_quantities(text, toks, 0, len(toks))] == [
        ("خمسة من عناصرها", 5, "killed")]


def _sentences(text):
    view = normalize(text)
    return [text[s.start:s.end] for s in split_sentences(view, tokenize(view))]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert _sentences("قال د. محمد الحسن إن القصف استمر. وأضاف أن الطرق مقطوعة.") == [
        "قال د. محمد الحسن إن القصف استمر.", "وأضاف أن الطرق مقطوعة."]
    assert _sentences("ولد عام 1415 هـ. في الرياض") == ["ولد عام 1415 هـ. في الرياض"]


def test_a_quotation_stays_with_the_verb_that_introduces_it():
    assert _sentences('قال المتحدث «لن نتراجع. سنقاتل حتى النهاية» ثم غادر. وانتهى المؤتمر.') == [
        "قال المتحدث «لن نتراجع. سنقاتل حتى النهاية» ثم غادر.", "وانتهى المؤتمر."]
    # an unclosed quotation mark does not swallow the rest of the text
    assert len(_sentences('قال «لن نتراجع. سنقاتل. وانتهى.')) == 3


# Any Unicode at all, and text built from Arabic letters, marks, digits and punctuation
_ARABIC_SOUP = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),  # presentation forms
    st.sampled_from(list(" \n.،؛؟!\"«»()/-0123456789\u200f\u200e\u0640")),
), max_size=120)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), _ARABIC_SOUP))
def test_every_parser_of_the_text_layer_takes_any_unicode(text):
    import datetime as dt

    from rasd.text.dates import dateline, find_dates, numeric_dates
    from rasd.text.numbers import find_quantities

    view = normalize(text)
    tokens = tokenize(view)
    for s in split_sentences(view, tokens):
        assert 0 <= s.start <= s.end <= len(text)
        for q in find_quantities(text, tokens, s.first, s.last, set()):
            assert text[q.start:q.end] == q.text
        for d in find_dates(text, tokens, s.first, s.last, dt.date(2019, 2, 26)):
            assert text[d.start:d.end] == d.text
    for t in tokens:
        pieces = split_clitics(view, t, known=lambda w: False)
        assert pieces[0][1] == t.start and pieces[-1][2] == t.end
        assert all(a < b for _, a, b in pieces)
    for d in numeric_dates(text):
        assert text[d.start:d.end] == d.text
    dateline(text)
