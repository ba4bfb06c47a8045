"""The command line: single files, batches, bad input reported and skipped, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.cli import main

SENTENCE = "وقالت مصادر محلية إن سبعة وعشرين شاحنة تحمل عشرات المدنيين وصلت إلى مخيم الهول جنوب شرق الحسكة."

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "baghouz-2019-02-26.txt"


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_example_prints_document_json(example_text, capsys, tmp_path):
    code, out, err = run(["extract", str(EXAMPLE)], capsys)
    assert code == 0, err
    d = json.loads(out)
    assert d["id"] == "baghouz-2019-02-26"
    assert d["published"] == "2019-02-26"  # from the dateline
    assert d["title"] == example_text.split("\n", 1)[0]
    for layer in ("places", "actors", "quantities"):
        for span in d[layer]:
            assert example_text[span["start"]:span["end"]] == span["text"]


def test_published_option_overrides_the_dateline(capsys):
    code, out, _ = run(["extract", str(EXAMPLE), "--published", "2019-03-01"], capsys)
    assert code == 0 and json.loads(out)["published"] == "2019-03-01"
    code, _, err = run(["extract", str(EXAMPLE), "--published", "26/02/2019"], capsys)
    assert code == 2 and "YYYY-MM-DD" in err


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    ("قتل خمسة".encode("cp1256"), "not UTF-8"),
])
def test_bad_single_file_is_a_clear_error(tmp_path, capsys, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, out, err = run(["extract", str(f)], capsys)
    assert code == 2 and out == ""
    assert str(f) in err and message in err


def test_missing_file(capsys):
    code, _, err = run(["extract", "/nonexistent/article.txt"], capsys)
    assert code == 2 and "no such file" in err


def test_batch_skips_bad_records_and_exits_1(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    good = {"id": "a1", "text": SENTENCE, "published": "2019-02-26", "title": "عنوان", "outlet": "ignored"}
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a3", "text": ""}),
        json.dumps(["a list"]),
        json.dumps({"id": "a5", "text": SENTENCE, "published": "yesterday"}, ensure_ascii=False),
        json.dumps({"text": SENTENCE}, ensure_ascii=False),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", "--jsonl", str(src), "--out", str(out)], capsys)
    assert code == 1
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["a1", "line-6"]
    for n in (2, 3, 4, 5):
        assert f"{src}:{n}" in err
    assert "malformed JSON" in err and "2 documents written, 4 records failed" in err
    assert docs[0]["published"] == "2019-02-26"
    q = {x["text"]: (x["low"], x["high"]) for x in docs[0]["quantities"]}
    assert q["سبعة وعشرين شاحنة"] == (27, 27)


def test_batch_of_good_records_exits_0_and_table_format(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": SENTENCE, "published": "2019-02-26"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    code, out, _ = run(["extract", "--jsonl", str(src), "--format", "table", "--quiet"], capsys)
    assert code == 0
    assert "مخيم الهول" in out and "PLACES" in out


def test_usage_errors(capsys):
    assert run(["extract"], capsys)[0] == 2
    assert run([], capsys)[0] == 2


def test_console_script_help_runs():
    r = subprocess.run([sys.executable, "-m", "rasd.cli", "extract", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "--jsonl" in r.stdout and "exit status" in r.stdout
