"""claimex.read.base and the read_documents dispatcher."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimex.read import (
    Deletion,
    Document,
    ReadError,
    build_text,
    detect_format,
    expand_paths,
    open_any,
    read_documents,
)
from claimex.read.base import checked_record, decode_utf8, utf8_warning
from claimex.read.mesh import mesh_display, mesh_terms, parse_mesh_line

XML_ONE = (b'<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">11</PMID><Article>'
           b"<ArticleTitle>A title.</ArticleTitle><Abstract><AbstractText>Body.</AbstractText></Abstract>"
           b"</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>")


def test_read_error_str_one_line():
    assert str(ReadError("a.jsonl", "3", "invalid JSON:\n bad")) == "a.jsonl: record 3: invalid JSON: bad"
    assert str(ReadError("a.xml", None, "not well-formed")) == "a.xml: not well-formed"


def test_document_defaults():
    doc = Document(id="1", text="x")
    assert doc.meta == {} and doc.sections == [] and doc.source is None and doc.version is None
    assert Deletion("f.xml", ["1", "2"]).pmids == ["1", "2"]


def test_build_text_unstructured_and_structured():
    text, sections = build_text("Title.", [(None, "First para."), (None, "Second.")])
    assert text == "Title.\n\nFirst para.\nSecond."
    assert sections == [(0, 6, "TITLE")]
    text, sections = build_text("T", [("BACKGROUND", "Why."), ("METHODS", "How."), (None, "Extra.")])
    assert text == "T\n\nBACKGROUND: Why.\nMETHODS: How.\nExtra."
    assert [(text[s:e], lab) for s, e, lab in sections] == [
        ("T", "TITLE"), ("BACKGROUND: Why.", "BACKGROUND"), ("METHODS: How.", "METHODS")]
    assert build_text("Only title", []) == ("Only title", [(0, 10, "TITLE")])
    assert build_text("", [(None, "")]) == ("", [])


def test_decode_utf8_positions():
    text, bad = decode_utf8("é".encode() + b"\xff" + b"ok\xc3", offset=10)
    assert text == "é\ufffdok\ufffd" and bad == [12, 15]
    assert utf8_warning(bad) == "invalid UTF-8 replaced at byte 12 and 1 more place"
    assert utf8_warning([]) is None


def test_mesh_helpers():
    assert mesh_display("Liver Neoplasms", False, [("secondary", True), ("therapy", False)]) == [
        "Liver Neoplasms / secondary*", "Liver Neoplasms / therapy"]
    assert mesh_display("Hepatic Artery", True, []) == ["Hepatic Artery*"]
    assert parse_mesh_line("Asthma* / drug therapy") == ("Asthma", True, [("drug therapy", False)])
    terms = mesh_terms(["Humans", "Liver Neoplasms / secondary*", "Liver Neoplasms / therapy*"])
    assert terms == [{"descriptor": "Humans", "qualifiers": [], "major": False, "ui": None},
                     {"descriptor": "Liver Neoplasms", "qualifiers": ["secondary", "therapy"], "major": True,
                      "ui": None}]


def test_open_any_gzip_by_magic_and_bom(tmp_path):
    p = tmp_path / "no_extension.txt"
    p.write_bytes(gzip.compress(b"\xef\xbb\xbfhello"))
    with open_any(p) as f:
        assert f.read() == b"hello"


@pytest.mark.parametrize("name,content,fmt", [
    ("a.jsonl", b'{"id": 1}', "jsonl"), ("a.jsonl.gz", None, "jsonl"), ("a.xml", XML_ONE, "pubmed-xml"),
    ("a.xml.gz", None, "pubmed-xml"), ("a.nbib", b"PMID- 1", "medline"), ("a.ris", b"TY  - JOUR", "ris"),
    ("a.txt", b"\nPMID- 123\nTI  - x", "medline"), ("a.txt", b"Title\n\nAbstract.", "text"),
    ("a.TXT", b"TY  - JOUR\nER  - ", "ris"), ("noext", XML_ONE, "pubmed-xml"), ("b.dat", b'{"id":1}', "jsonl"),
])
def test_detect_format(tmp_path, name, content, fmt):
    p = tmp_path / name
    p.write_bytes(gzip.compress(b"x") if content is None else content)
    assert detect_format(p) == fmt


def test_detect_format_unknown(tmp_path):
    p = tmp_path / "a.csv"
    p.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="unknown format"):
        detect_format(p)


def test_read_documents_missing_and_unknown_do_not_raise(tmp_path):
    (tmp_path / "a.csv").write_text("a,b\n")
    items = list(read_documents([tmp_path / "missing.xml", tmp_path / "a.csv", str(tmp_path / "*.nope")]))
    assert [type(i) for i in items] == [ReadError] * 3
    assert "no such file" in items[0].message
    assert "unknown format" in items[1].message
    assert "no files match" in items[2].message
    with pytest.raises(ValueError):
        list(read_documents([tmp_path / "a.csv"], encoding_errors="ignore"))


def test_read_documents_directory_glob_and_order(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "b.jsonl").write_text('{"id": "b1", "text": "B one."}\n{"id": "b2", "text": "B two."}\n')
    (d / "a.txt").write_text("Plain abstract text.")
    (d / "sub" / "c.xml").write_bytes(XML_ONE)
    (d / "README.md").write_text("not an input")
    (d / ".hidden.jsonl").write_text('{"id": "h", "text": "hidden"}\n')
    ids = [i.id for i in read_documents([d])]
    assert ids == ["a", "b1", "b2", "11"]  # sorted paths: a.txt, b.jsonl, sub/c.xml
    assert [i.id for i in read_documents(str(d / "*.jsonl"))] == ["b1", "b2"]
    assert [p.name for p in expand_paths([d / "sub" / "c.xml", d / "a.txt"])] == ["c.xml", "a.txt"]


def test_format_override(tmp_path):
    p = tmp_path / "records.dat"
    p.write_text('{"id": "x", "text": "Some text."}\n')
    (doc,) = read_documents([p], format="jsonl")
    assert doc.id == "x" and doc.text == "Some text."
    (err,) = read_documents([p], format="docx")
    assert isinstance(err, ReadError) and "unknown format" in err.message


def test_single_path_string_is_not_iterated_by_character(tmp_path):
    p = tmp_path / "one.txt"
    p.write_text("Just text.")
    (doc,) = read_documents(str(p))
    assert isinstance(doc, Document) and doc.id == "one"
    assert Path(doc.source) == p


# -- properties -------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_decode_utf8_agrees_with_python_replace(data):
    text, bad = decode_utf8(data)
    assert text == data.decode("utf-8", "replace")
    assert len(bad) == text.count("\ufffd") - data.count("\ufffd".encode())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab .:\n", max_size=20),
       st.lists(st.tuples(st.none() | st.sampled_from(["AIM", "METHODS"]), st.text(alphabet="xy .", max_size=15)),
                max_size=5))
def test_build_text_sections_cover_their_lines(title, paragraphs):
    text, sections = build_text(title, paragraphs)
    for start, end, label in sections:
        assert 0 <= start <= end <= len(text)
        if label == "TITLE":
            assert text[start:end] == title.strip() and start == 0
        else:
            assert text[start:end].startswith(label + ":")
            assert end == len(text) or text[end] == "\n"
            assert start == 0 or text[start - 1] == "\n"


# -- the record loop the readers share --------------------------------------------------------------------
def test_checked_record():
    def doc():
        return Document("1", "Text.")

    replaced = checked_record(doc, source="f.jsonl", record="3", bad=[7, 9], encoding_errors="replace")
    assert replaced.meta["warnings"] == ["invalid UTF-8 replaced at byte 7 and 1 more place"]
    assert "warnings" not in checked_record(doc, source="f", record="3", bad=[], encoding_errors="strict").meta
    strict = checked_record(doc, source="f.jsonl", record="3", bad=[7], encoding_errors="strict")
    assert str(strict) == "f.jsonl: record 3: invalid UTF-8 at byte 7"

    def boom():
        raise KeyError("x")

    err = checked_record(boom, source="f.jsonl", record="3", bad=[], encoding_errors="replace", what="line")
    assert str(err) == "f.jsonl: record 3: cannot read line: KeyError: 'x'"
    passed = ReadError("f", "3", "empty abstract")
    assert checked_record(lambda: passed, source="f", record="3", bad=[1], encoding_errors="replace") is passed


def _words(rng: random.Random) -> str:
    return " ".join(f"{rng.getrandbits(40):x}" for _ in range(40))  # incompressible: gzip cannot hide a cut


def _many(fmt: str, n: int = 300) -> bytes:
    rng = random.Random(7)
    if fmt == "jsonl":
        return "".join(f'{{"id": "{i}", "text": "{_words(rng)}"}}\n' for i in range(1, n + 1)).encode()
    if fmt == "medline":
        return "".join(f"PMID- {i}\nTI  - Title {i}.\nAB  - {_words(rng)}\n\n" for i in range(1, n + 1)).encode()
    if fmt == "ris":
        return "".join(f"TY  - JOUR\nAN  - {i}\nTI  - Title {i}.\nAB  - {_words(rng)}\nER  - \n\n"
                       for i in range(1, n + 1)).encode()
    records = "\n".join(f"<PubmedArticle><MedlineCitation><PMID>{i}</PMID><Article><ArticleTitle>Title {i}."
                         f"</ArticleTitle><Abstract><AbstractText>{_words(rng)}</AbstractText></Abstract>"
                         f"</Article></MedlineCitation></PubmedArticle>" for i in range(1, n + 1))
    return f"<PubmedArticleSet>\n{records}\n</PubmedArticleSet>\n".encode()


@pytest.mark.parametrize(("fmt", "ext", "unit"), [("jsonl", ".jsonl", "line"), ("medline", ".nbib", "line"),
                                                  ("ris", ".ris", "record"), ("pubmed-xml", ".xml", "record")])
def test_every_reader_ends_a_truncated_gzip_with_one_error(tmp_path, fmt, ext, unit):
    whole = gzip.compress(_many(fmt))
    p = tmp_path / f"cut{ext}.gz"
    p.write_bytes(whole[: len(whole) * 2 // 3])
    items = list(read_documents([p]))
    good = [i for i in items if isinstance(i, Document)]
    assert 0 < len(good) < 300 and [d.id for d in good] == [str(i) for i in range(1, len(good) + 1)]
    assert [isinstance(i, ReadError) for i in items].count(True) == 1 and isinstance(items[-1], ReadError)
    err = items[-1]
    assert err.source == str(p) and err.record is None
    assert err.message.startswith(f"read error after {unit} ") and "(truncated or corrupt gzip?)" in err.message
    (missing,) = read_documents([tmp_path / f"missing{ext}"])
    assert missing.message == "no such file"
