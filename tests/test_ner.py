"""The shipped CRF NER model: spans on sentences written for these tests, the
Doc-level API with offsets, linking, conlleval scoring, the ANERcorp test-split
floor (skipped without ../shared), and ``rasd ner --conll``."""

from __future__ import annotations

import pytest

from conftest import shared_path
from rasd.cli import main
from rasd.ner.conll import canonical_tag
from rasd.ner.model import LABELS, default_model, spans
from rasd.ner.score import chunks, score


def entities(words: list[str]) -> set[tuple[str, str]]:
    tags = default_model().tag(words)
    return {(" ".join(words[a:b]), label) for a, b, label in spans(tags)}


@pytest.mark.parametrize("sentence,expected", [
    ("قال الرئيس الفرنسي جاك شيراك في باريس إن فرنسا تدعم القرار",
     {("جاك شيراك", "PER"), ("باريس", "LOC"), ("فرنسا", "LOC")}),
    ("وصل الأمين العام للأمم المتحدة بان كي مون إلى بيروت أمس",
     {("للأمم المتحدة", "ORG"), ("بان كي مون", "PER"), ("بيروت", "LOC")}),
    ("وأعلن حزب الله في لبنان أن الهجوم استهدف مواقع إسرائيلية",
     {("حزب الله", "ORG"), ("لبنان", "LOC")}),
    ("ذكرت وكالة رويترز أن أسعار النفط ارتفعت في لندن إلى 70 دولارا",
     {("رويترز", "ORG"), ("لندن", "LOC"), ("دولارا", "MISC")}),
])
def test_sentences_get_their_entities(sentence, expected):
    assert entities(sentence.split()) == expected


def test_a_sentence_without_names_has_no_entities():
    assert entities("وقال إن الاجتماع سيعقد الأسبوع المقبل لبحث الأوضاع".split()) == set()


def test_tag_returns_one_bio_tag_per_word():
    words = "التقى وزير الخارجية السعودي سعود الفيصل نظيره الإيراني في طهران".split()
    tags = default_model().tag(words)
    assert len(tags) == len(words)
    assert set(tags) <= {"O"} | {f"{p}-{t}" for p in "BI" for t in LABELS}
    assert default_model().tag([]) == []


def test_doc_entities_point_at_the_original_text(nlp):
    text = "قال الأمين العام للأمم المتحدة كوفي أنان في نيويورك إن الوضع خطير.\nوأضاف أنان أن المنظمة ستساعد لبنان."
    doc = nlp(text)
    found = default_model().entities(doc)
    for e in found:
        assert text[e.start:e.end] == e.text
        assert doc.tokens[e.first].start == e.start and doc.tokens[e.last - 1].end == e.end
    got = {(e.text, e.label) for e in found}
    assert {("كوفي أنان", "PER"), ("نيويورك", "LOC"), ("لبنان", "LOC")} <= got


def test_linking_places_and_actors(nlp):
    from rasd.ner.link import Linker

    doc = nlp("وأعلنت حركة حماس في غزة أن الأمين العام لحزب الله حسن نصر الله وصل إلى بيروت.")
    linker = Linker()
    links = {e.text: (e.label, [(x.kind, x.id) for x in linker.link(e, doc.tokens)])
             for e in default_model().entities(doc)}
    assert links["حماس"] == ("ORG", [("actor", "hamas")])
    assert links["لحزب الله"] == ("ORG", [("actor", "hezbollah")])
    assert links["غزة"][0] == "LOC" and links["غزة"][1] and all(k == "place" for k, _ in links["غزة"][1])
    assert links["بيروت"][0] == "LOC" and links["بيروت"][1]
    assert links["حسن نصر الله"] == ("PER", [])  # persons link only when the registry names them


def test_linker_needs_an_alias_covering_the_whole_entity(nlp):
    from rasd.ner.link import Linker
    from rasd.ner.model import Entity

    doc = nlp("وصل وفد إلى مطار دمشق الدولي")
    linker = Linker()
    first = next(i for i, t in enumerate(doc.tokens) if t.norm == "دمشق")
    city = Entity("LOC", first, first + 1, doc.tokens[first].start, doc.tokens[first].end, "دمشق")
    assert [x.kind for x in linker.link(city, doc.tokens)][:1] == ["place"]
    wider = Entity("LOC", first - 1, first + 2, doc.tokens[first - 1].start, doc.tokens[first + 1].end, "مطار دمشق الدولي")
    assert all(x.name != "Damascus" for x in linker.link(wider, doc.tokens))
    misc = Entity("MISC", first, first + 1, doc.tokens[first].start, doc.tokens[first].end, "دمشق")
    assert linker.link(misc, doc.tokens) == []


# ---------------------------------------------------------------- scoring

def test_conlleval_chunks_and_scores():
    assert chunks(["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")]
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "B-MISC"]]
    s = score(gold, pred)
    assert (s.gold["PER"], s.predicted["PER"], s.correct["PER"]) == (1, 1, 0)  # span differs: wrong
    p, r, f = s.prf()
    assert (round(p, 4), round(r, 4)) == (0.5, round(2 / 3, 4))
    assert round(f, 4) == round(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3), 4)
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])


def test_anercorp_person_spelling_is_canonical():
    assert canonical_tag("B-PERS") == "B-PER" and canonical_tag("I-LOC") == "I-LOC" and canonical_tag("O") == "O"


#: The shipped model measured 0.705 on the test split (README); the floor leaves room for lexicon edits.
#: (The project's target is 0.80; see the README's known gap.)
F1_FLOOR = 0.69


def test_anercorp_test_split_f1_floor():
    """Entity-level micro F1 on the ANERcorp test split does not fall below what the shipped model measured."""
    from rasd.ner.conll import read_labelled

    test = read_labelled(shared_path("anercorp", "ANERcorp_CamelSplit_reconstructed_test.txt"))
    model = default_model()
    s = score([tags for _, tags in test], model.tag_stream([words for words, _ in test]))
    assert s.prf()[2] >= F1_FLOOR, s.report()


# ---------------------------------------------------------------- rasd ner --conll

def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


CONLL = "قال O\nالرئيس O\nجاك B-PERS\nشيراك I-PERS\nفي O\nباريس B-LOC\n\nوصل O\nأنان B-PERS\nإلى O\nبيروت B-LOC\n"


def test_ner_conll_round_trip(tmp_path, capsys):
    src = tmp_path / "in.conll"
    src.write_text(CONLL, encoding="utf-8")
    code, out, err = run(["ner", "--conll", str(src)], capsys)
    assert code == 0, err
    assert out.count("\n") == 6 + 1 + 4 + 1 and out.endswith("\n\n")  # every token line, a blank after each sentence
    blocks = out.rstrip("\n").split("\n\n")
    assert len(blocks) == 2
    rows = [[ln.split("\t") for ln in b.splitlines()] for b in blocks]
    assert [[r[0] for r in b] for b in rows] == [["قال", "الرئيس", "جاك", "شيراك", "في", "باريس"],
                                                  ["وصل", "أنان", "إلى", "بيروت"]]
    assert all(len(r) == 2 for b in rows for r in b)
    assert [r[1] for r in rows[0]] == ["O", "O", "B-PER", "I-PER", "O", "B-LOC"]
    assert rows[1][3][1] == "B-LOC"

    code, out, err = run(["ner", "--conll", str(src), "--gold", "--score"], capsys)
    assert code == 0
    rows = [ln.split("\t") for ln in out.splitlines() if ln]
    assert [r[1] for r in rows] == ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-PER", "O", "B-LOC"]
    assert all(len(r) == 3 for r in rows)
    assert "overall: precision" in err


def test_ner_conll_reads_stdin_and_writes_out(tmp_path, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("بيروت\nعاصمة\nلبنان\n".encode("utf-8"))))
    out_file = tmp_path / "out.conll"
    code, out, _ = run(["ner", "--conll", "-", "--out", str(out_file)], capsys)
    assert code == 0 and out == ""
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert [ln.split("\t")[0] for ln in lines] == ["بيروت", "عاصمة", "لبنان", ""]
    assert lines[0].split("\t")[1] == "B-LOC" and lines[2].split("\t")[1] == "B-LOC"


@pytest.mark.parametrize("content,message", [
    (b"\xd9\x82\xd8\xa7\xd9\x84 O\n\x00\x01binary\n", ":2: looks like a binary file"),
    ("قال O\nفي O\n".encode("utf-8") + "بيروت".encode("cp1256") + b" B-LOC\n", ":3: not UTF-8"),
])
def test_ner_conll_bad_input_names_file_and_line(tmp_path, capsys, content, message):
    src = tmp_path / "bad.conll"
    src.write_bytes(content)
    code, out, err = run(["ner", "--conll", str(src)], capsys)
    assert code == 2 and out == ""
    assert f"{src}{message}" in err


def test_ner_conll_gold_missing_and_other_errors(tmp_path, capsys):
    src = tmp_path / "nogold.conll"
    src.write_text("قال O\nالرئيس\n", encoding="utf-8")
    code, out, err = run(["ner", "--conll", str(src), "--gold"], capsys)
    assert code == 2 and out == "" and f"{src}:2: no gold column" in err
    code, _, err = run(["ner", "--conll", str(tmp_path / "missing.conll")], capsys)
    assert code == 2 and "no such file" in err
    empty = tmp_path / "empty.conll"
    empty.write_text("\n\n", encoding="utf-8")
    code, _, err = run(["ner", "--conll", str(empty)], capsys)
    assert code == 2 and "no tokens" in err
    code, _, err = run(["ner", "--conll", str(src), "--score"], capsys)
    assert code == 2 and "--score needs --gold" in err


def test_pipeline_keeps_unknown_persons_with_their_role(nlp):
    doc = nlp("وقال الناشط محمد الجزراوي إن القصف استمر طوال الليل، بحسب الصحفي أحمد سعيد.", published="2015-08-01")
    people = {(a.text, a.kind, a.role, a.registry_id) for a in doc.actors if a.kind == "person"}
    assert ("محمد الجزراوي", "person", "activist", None) in people
    assert ("أحمد سعيد", "person", "journalist", None) in people
    assert all(a.text == doc.text[a.start:a.end] for a in doc.actors)


def test_a_place_name_inside_a_persons_name_is_not_a_place(nlp):
    doc = nlp("قالت الوكالة إن السلطات اعتقلت أحد أقارب الرئيس بشار الأسد في اللاذقية.", published="2015-08-10")
    assert [p.name for p in doc.places] == ["Latakia"]  # not Béchar (Algeria)
