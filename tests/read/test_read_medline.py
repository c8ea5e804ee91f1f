"""MEDLINE text (nbib) reader."""

from __future__ import annotations

import pytest

from claimex.read import Document, ReadError, detect_format, read_documents, read_medline
from claimex.read.medline import split_labelled


@pytest.fixture(scope="module")
def biopython(corpora):
    return corpora / "pubmed-xml-samples" / "biopython"


def test_samples(biopython):
    path = biopython / "medline_pubmed_result1.txt"
    assert detect_format(path) == "medline"
    (doc,) = read_documents([path])
    assert doc.id == "12230038" and doc.meta["title"] == "The Bio* toolkits--a brief overview."
    assert doc.text.startswith("The Bio* toolkits--a brief overview.\n\nBioinformatics research is often")
    assert "  " not in doc.text and "\n" not in doc.text.split("\n\n", 1)[1]  # continuation lines re-joined
    assert doc.meta["journal"] == "Briefings in bioinformatics" and doc.meta["journal_abbrev"] == "Brief Bioinform"
    assert doc.meta["year"] == 2002 and doc.meta["pub_types"] == ["Journal Article"]
    assert doc.meta["mesh"][:2] == ["Computational Biology*", "Computer Systems"]
    assert doc.meta["citation"] == "Brief Bioinform. 2002 Sep;3(3):296-302."


def test_structured_abstract_and_qualifiers(biopython):
    docs = [d for d in read_medline(biopython / "medline_pubmed_result2.txt") if isinstance(d, Document)]
    scop = next(d for d in docs if d.id == "16403221")
    assert [lab for _, _, lab in scop.sections] == ["TITLE", "BACKGROUND", "RESULTS", "CONCLUSION"]
    for start, end, label in scop.sections[1:]:
        assert scop.text[start:end].startswith(label + ": ")
    assert "Information Storage and Retrieval / methods*" in scop.meta["mesh"]
    assert {"descriptor": "Information Storage and Retrieval", "qualifiers": ["methods"], "major": True,
            "ui": None} in \
        scop.meta["mesh_terms"]
    assert scop.meta["doi"] == "10.1186/1471-2105-7-10" and scop.meta["pmcid"] == "PMC1373603"


def test_tags_records_and_errors(tmp_path):
    p = tmp_path / "export.nbib"
    p.write_text(
        "PMID- 111\nTI  - A wrapped\n      title.\nAB  - OBJECTIVE: To test. METHODS: We read\n      files. "
        "RESULTS: 95% CI: fine.\nDP  - 2019 Mar\nJT  - Journal\nMH  - Liver Neoplasms/secondary/*therapy\n"
        "RN  - 80168379AG (Doxorubicin)\nRN  - 0 (Interleukin-1 (IL-1))\nOT  - keyword one\n"
        "LID - 10.1000/xyz [doi]\nLID - S0000 [pii]\n\n"
        "TI  - No PMID here\nAB  - Lost.\n\n"
        "PMID- 333\nTI  - Title only\n"
        "PMID- 444\nAB  - Abstract \xe9 only.\n", encoding="utf-8")
    items = list(read_medline(p))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document", "Document"]
    a = items[0]
    assert a.text == ("A wrapped title.\n\nOBJECTIVE: To test.\nMETHODS: We read files.\nRESULTS: 95% CI: fine.")
    assert a.meta["year"] == 2019 and a.meta["doi"] == "10.1000/xyz"
    assert a.meta["mesh"] == ["Liver Neoplasms / secondary", "Liver Neoplasms / therapy*"]
    assert a.meta["chemicals"] == ["Doxorubicin", "Interleukin-1 (IL-1)"] and a.meta["keywords"] == ["keyword one"]
    assert a.source == f"{p}:1"
    assert items[1].record == "15" and "without PMID" in items[1].message
    assert items[2].meta["no_abstract"] is True and items[2].text == "Title only"
    assert items[3].text == "Abstract é only." and items[3].sections == []


def test_split_labelled():
    assert split_labelled("Plain text. With: a colon.") == [(None, "Plain text. With: a colon.")]
    assert split_labelled("AIM: x. DESIGN, SETTING, AND PARTICIPANTS: y.") == [
        ("AIM", "x."), ("DESIGN, SETTING, AND PARTICIPANTS", "y.")]
    assert split_labelled("") == []


def test_invalid_utf8_and_txt_sniffing(tmp_path):
    p = tmp_path / "pubmed_result.txt"
    p.write_bytes(b"\nPMID- 1\nTI  - Bad \xff title\n")
    (doc,) = read_documents([p])
    assert doc.id == "1" and doc.meta["title"] == "Bad \ufffd title"
    assert doc.meta["warnings"] == ["invalid UTF-8 replaced at byte 19"]
    (err,) = read_medline(p, encoding_errors="strict")
    assert isinstance(err, ReadError)
