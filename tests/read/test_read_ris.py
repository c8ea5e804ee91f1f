"""RIS reader (rispy)."""

from __future__ import annotations

from claimex.read import Document, ReadError, read_documents, read_ris

RIS = """TY  - JOUR
AN  - 12345
TI  - Aspirin for primary prevention
AB  - BACKGROUND: Aspirin is cheap. METHODS: We pooled trials.
PY  - 2018
JO  - The Lancet
KW  - aspirin
KW  - prevention
DO  - 10.1016/S0140-6736(18)31924-X
AU  - Smith, J
ER  - 

TY  - JOUR
N1  - nothing useful
ER  - 

TY  - JOUR
T1  - Second style title
N2  - An abstract in N2
  that continues.
Y1  - 2003/05/01
T2  - J Second
ER  - 

TY  - JOUR
ID  - abc
TI  - Last record without end tag
AB  - Still read.
"""


def test_ris_records(tmp_path):
    p = tmp_path / "refs.ris"
    p.write_text(RIS, encoding="utf-8")
    items = list(read_documents([p]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document", "Document"]
    a, err, c, d = items
    assert a.id == "12345" and a.source == f"{p}:1"
    assert a.text == "Aspirin for primary prevention\n\nBACKGROUND: Aspirin is cheap.\nMETHODS: We pooled trials."
    assert [lab for _, _, lab in a.sections] == ["TITLE", "BACKGROUND", "METHODS"]
    assert a.meta["year"] == 2018 and a.meta["journal"] == "The Lancet"
    assert a.meta["keywords"] == ["aspirin", "prevention"] and a.meta["doi"] == "10.1016/S0140-6736(18)31924-X"
    assert a.meta["authors"] == ["Smith, J"]
    assert err.record == "refs:2" and err.message == "empty abstract"
    assert c.id == "refs:3" and c.text == "Second style title\n\nAn abstract in N2 that continues."
    assert c.meta["year"] == 2003 and c.meta["journal"] == "J Second"
    assert d.id == "abc" and d.text.endswith("Still read.")


def test_ris_invalid_utf8(tmp_path):
    p = tmp_path / "bad.ris"
    p.write_bytes(b"TY  - JOUR\nTI  - Caf\xff\nER  - \n")
    (doc,) = read_ris(p)
    assert isinstance(doc, Document) and doc.meta["title"] == "Caf\ufffd"
    assert doc.meta["warnings"] == ["invalid UTF-8 replaced at byte 20"]
    (err,) = read_ris(p, encoding_errors="strict")
    assert isinstance(err, ReadError)
