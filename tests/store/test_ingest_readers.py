"""Readers: every input kind and encoding becomes the right articles, and every bad record a
failure naming its file and record. No database needed."""

from __future__ import annotations

import gzip
import io
import json
import zipfile

import pytest

from rasd.ingest import Failure, iter_articles
from rasd.ingest.encoding import decode
from store_samples import AID_A, PROTEST, STRIKE_A

# Only characters every one of the four encodings can hold (ISO-8859-6 has no « » or Persian letters).
PLAIN = "تظاهر مئات المدنيين في مدينة الرقة، احتجاجا على تردي الأوضاع المعيشية؛ فما الذي تغير؟ 25 شاحنة"


def _articles(items):
    return [i for i in items if not isinstance(i, Failure)]


def _failures(items):
    return [i for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256",
                                      "iso8859_6"])
def test_encodings_are_detected(tmp_path, encoding):
    p = tmp_path / f"a-{encoding}.txt"
    p.write_bytes(f"عنوان\n{PLAIN}\n".encode(encoding))
    (a,) = list(iter_articles([str(p)]))
    assert a.text == f"عنوان\n{PLAIN}\n"
    assert a.title == "عنوان" and a.ext_id == p.stem


def test_legacy_encodings_are_told_apart():
    # the same bytes mean different letters in the two encodings; the Arabic reading must win each time
    for enc in ("cp1256", "iso8859_6"):
        text, used = decode(PLAIN.encode(enc))
        assert text == PLAIN, enc


def test_binary_and_empty_files_are_failures_naming_the_file(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    fails = _failures(iter_articles([str(tmp_path / "bin.txt"), str(tmp_path / "empty.txt"),
                                     str(tmp_path / "missing.txt")]))
    assert [f.origin.rsplit("/", 1)[-1] for f in fails] == ["bin.txt", "empty.txt", "missing.txt"]
    assert "binary" in fails[0].reason and "empty" in fails[1].reason and "no such file" in fails[2].reason


def test_jsonl_gz_records_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl.gz"
    lines = [json.dumps({"id": "s1", "text": STRIKE_A, "published": "2019-03-10", "source_outlet": "x",
                         "url": "http://e.org/1"}, ensure_ascii=False),
             "{broken", json.dumps({"id": "s2"}), json.dumps([1, 2]),
             json.dumps({"text": PROTEST, "published": "10/03/2019"}, ensure_ascii=False),
             json.dumps({"id": 7, "text": AID_A}, ensure_ascii=False)]
    p.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    items = list(iter_articles([str(p)]))
    arts, fails = _articles(items), _failures(items)
    assert [(a.ext_id, a.published, a.outlet, a.url) for a in arts] == [
        ("s1", "2019-03-10", "x", "http://e.org/1"), ("7", None, None, None)]
    assert [f.origin.rsplit("/", 1)[-1] for f in fails] == ["batch.jsonl.gz:2", "batch.jsonl.gz:3",
                                                            "batch.jsonl.gz:4", "batch.jsonl.gz:5"]
    assert "malformed JSON" in fails[0].reason and '"text"' in fails[1].reason
    assert "JSON object" in fails[2].reason and "YYYY-MM-DD" in fails[3].reason


PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">
<title>تظاهرة في الرقة - موقع الأخبار</title>
<meta property="article:published_time" content="2019-03-10T08:00:00Z"></head><body>
<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a> | <a href="/econ">اقتصاد</a></nav>
<article><h1>تظاهرة في الرقة</h1>
<p>تظاهر مئات المدنيين في مدينة الرقة احتجاجا على تردي الأوضاع المعيشية، وفق ما ذكرت مصادر محلية في المدينة صباح اليوم.</p>
<p>وقال أحد المشاركين إن الأسعار ارتفعت بشكل كبير خلال الأشهر الماضية، وإن الخدمات الأساسية غائبة عن معظم الأحياء.</p>
</article>
<aside><h3>أخبار ذات صلة</h3><ul><li><a href="/a">رابط الخبر الأول عن كرة القدم</a></li></ul></aside>
<footer>جميع الحقوق محفوظة لموقع الأخبار</footer></body></html>"""


def test_html_boilerplate_is_removed_and_metadata_kept(tmp_path):
    p = tmp_path / "page.html"
    p.write_bytes(PAGE.encode("cp1256"))
    (a,) = list(iter_articles([str(p)]))
    assert "تظاهر مئات المدنيين في مدينة الرقة" in a.text
    assert "الخدمات الأساسية غائبة" in a.text
    for boiler in ("الرئيسية", "جميع الحقوق محفوظة", "كرة القدم"):
        assert boiler not in a.text
    assert a.published == "2019-03-10"
    assert a.text.split("\n", 1)[0] == a.title and "تظاهرة في الرقة" in a.title


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة الاختبار</title>
<item><title>تظاهرة في الرقة</title><link>http://e.org/1</link><guid>e1</guid>
<pubDate>Sun, 10 Mar 2019 08:00:00 GMT</pubDate>
<description><![CDATA[<p>تظاهر مئات المدنيين في مدينة الرقة.</p><p>وفق مصادر محلية.</p>]]></description></item>
<item><title>بلا نص</title><link>http://e.org/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title>
<entry><title>مساعدات إلى مخيم الهول</title><id>urn:x:1</id><link href="http://e.org/a1"/>
<updated>2019-03-11T10:00:00Z</updated>
<content type="html">&lt;p&gt;دخلت قافلة مساعدات إلى مخيم الهول.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_entries_are_articles(tmp_path):
    (tmp_path / "f.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "f.atom").write_text(ATOM, encoding="utf-8")
    items = list(iter_articles([str(tmp_path / "f.rss"), str(tmp_path / "f.atom")]))
    arts, fails = _articles(items), _failures(items)
    assert [(a.title, a.published, a.outlet, a.url) for a in arts] == [
        ("تظاهرة في الرقة", "2019-03-10", "وكالة الاختبار", "http://e.org/1"),
        ("مساعدات إلى مخيم الهول", "2019-03-11", "Atom Test", "http://e.org/a1")]
    assert arts[0].text == "تظاهرة في الرقة\nتظاهر مئات المدنيين في مدينة الرقة.\nوفق مصادر محلية."
    assert len(fails) == 1 and fails[0].origin.endswith("f.rss#entry 2") and "no text" in fails[0].reason


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for uri, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def test_warc_pages_are_articles(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _warc(p, [("http://news.example/1", PAGE.encode("cp1256"), "text/html; charset=windows-1256"),
              ("http://news.example/logo.png", b"\x89PNG....", "image/png"),
              ("http://news.example/feed", RSS.encode("utf-8"), "application/rss+xml")])
    items = list(iter_articles([str(p)]))
    arts = _articles(items)
    assert arts[0].url == "http://news.example/1" and "مخيم" not in arts[0].text
    assert "تظاهر مئات المدنيين" in arts[0].text and arts[0].published == "2019-03-10"
    assert arts[0].outlet == "news.example"
    assert [a.title for a in arts[1:]] == ["تظاهرة في الرقة"]  # the feed inside the archive
    assert arts[0].origin.endswith("crawl.warc.gz#record 1 (http://news.example/1)")
    (bad := tmp_path / "bad.warc.gz").write_bytes(gzip.compress(b"not a warc at all"))
    (f,) = _failures(iter_articles([str(bad)]))
    assert f.origin.endswith("bad.warc.gz") and "WARC" in f.reason


def test_folders_and_zips_are_read_recursively_in_order(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "b.txt").write_text(STRIKE_A, encoding="utf-8")
    (d / "sub" / "a.txt").write_text(PROTEST, encoding="cp1256")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")          # not an article format: ignored in folders
    (d / ".hidden.txt").write_text("سر", encoding="utf-8")
    z = d / "sub" / "pack.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("x/page.html", PAGE.encode("cp1256"))
        zf.writestr("x/feed.rss", RSS)
        zf.writestr("x/batch.jsonl", json.dumps({"id": "j1", "text": AID_A}, ensure_ascii=False) + "\n{oops\n")
    items = list(iter_articles([str(d)]))
    arts, fails = _articles(items), _failures(items)
    origins = [a.origin.replace(str(d) + "/", "") for a in arts]
    assert origins == ["b.txt", "sub/a.txt", "sub/pack.zip!x/batch.jsonl:1", "sub/pack.zip!x/feed.rss#entry 1",
                       "sub/pack.zip!x/page.html"]
    assert arts[1].text == PROTEST
    assert [f.origin.replace(str(d) + "/", "") for f in fails] == ["sub/pack.zip!x/batch.jsonl:2",
                                                                   "sub/pack.zip!x/feed.rss#entry 2"]
