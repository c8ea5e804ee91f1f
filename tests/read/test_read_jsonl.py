"""JSONL reader."""

from __future__ import annotations

import gzip
import json

from claimex.read import Document, ReadError, read_documents, read_jsonl


def test_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "  Exact text\twith spacing \n", "title": "T", "journal": "J", "year": 2001}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": "d", "text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "No id here."}),
        json.dumps({"id": 12345, "text": "Numeric id.", "meta": {"source": "x"}, "sections": [[0, 7, "TITLE"]]}),
        json.dumps({"id": "", "text": "Empty id.", "sections": "junk"}),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(p))
    kinds = [(type(i).__name__, i.record if isinstance(i, ReadError) else i.id) for i in items]
    assert kinds == [("Document", "a"), ("ReadError", "2"), ("ReadError", "3"), ("ReadError", "4"),
                     ("ReadError", "5"), ("ReadError", "6"), ("Document", "batch:8"), ("Document", "12345"),
                     ("Document", "batch:10")]
    a = items[0]
    assert a.text == "  Exact text\twith spacing \n"  # byte for byte, title not prepended
    assert a.meta == {"title": "T", "journal": "J", "year": 2001} and a.sections == []
    assert a.source == f"{p}:1"
    assert "invalid JSON" in items[1].message and str(items[1]).startswith(f"{p}: record 2: invalid JSON")
    assert items[2].message == "missing text (id b)"
    assert items[3].message == "empty text (id c)"
    assert items[4].message == "text is not a string (int) (id d)"
    assert "not a JSON object" in items[5].message
    assert items[7].meta == {"source": "x"} and items[7].sections == [(0, 7, "TITLE")]
    assert items[8].meta == {"sections": "junk"}


def test_gzip_and_bom(tmp_path):
    p = tmp_path / "b.jsonl.gz"
    p.write_bytes(gzip.compress("\ufeff".encode() + b'{"id": "x", "text": "caf\xc3\xa9"}\n'))
    (doc,) = read_documents([p])
    assert doc.text == "café" and doc.id == "x"


def test_invalid_utf8_line(tmp_path):
    p = tmp_path / "u.jsonl"
    good = b'{"id": "1", "text": "fine"}\n'
    p.write_bytes(good + b'{"id": "2", "text": "bad \xff byte"}\n' + good)
    one, two, three = read_jsonl(p)
    assert two.text == "bad \ufffd byte"
    assert two.meta["warnings"] == [f"invalid UTF-8 replaced at byte {len(good) + 25}"]
    assert "warnings" not in one.meta and three.id == "1"
    strict = list(read_jsonl(p, encoding_errors="strict"))
    assert isinstance(strict[1], ReadError) and strict[1].record == "2" and isinstance(strict[2], Document)


def test_too_long_text_and_too_long_line(tmp_path):
    p = tmp_path / "big.jsonl"
    big = "x" * 1_100_000
    p.write_text("\n".join([json.dumps({"id": "1", "text": "ok"}), json.dumps({"id": "2", "text": big}),
                            json.dumps({"id": "3", "text": "ok"})]) + "\n")
    one, two, three = read_jsonl(p)
    assert two.record == "2" and two.message == "abstract too long (1100000 chars > 300000) (id 2)"
    assert (one.id, three.id) == ("1", "3")
    small = list(read_jsonl(p, max_chars=10))  # line cap = 6 * 10 bytes + 1 MiB: line 2 is over it
    assert small[1].message.startswith("line too long") and small[2].id == "3"


def test_missing_file(tmp_path):
    (err,) = read_jsonl(tmp_path / "nope.jsonl")
    assert isinstance(err, ReadError) and err.message == "no such file"
