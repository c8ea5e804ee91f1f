"""Text reader: the PubMed abstract page (the seed / gold fixture) and plain text."""

from __future__ import annotations

import json

from claimex import paths
from claimex.read import Document, ReadError, read_documents, read_text_file
from claimex.read.text import parse_text

SEED_TITLE = "Hepatic arterial chemoembolization in the management of advanced digestive endocrine tumors"


def test_seed_page(seed_path):
    doc = read_text_file(seed_path)
    assert doc.id == seed_path.stem  # no PMID printed on the page
    assert doc.text.startswith(SEED_TITLE + "\n\nThe management of advanced digestive endocrine tumors")
    assert doc.text.endswith("are needed.") and "MeSH terms" not in doc.text and "•" not in doc.text
    assert "Digestion. 2000" not in doc.text
    assert doc.sections == [(0, len(SEED_TITLE), "TITLE")]
    meta = doc.meta
    assert len(meta["mesh"]) == 12
    assert meta["mesh"][0] == "Antineoplastic Combined Chemotherapy Protocols / administration & dosage*"
    assert "Chemoembolization, Therapeutic*" in meta["mesh"]
    assert meta["chemicals"] == ["Streptozocin", "Doxorubicin"]
    assert meta["citation"] == "Digestion. 2000;62 Suppl 1:79-83. doi: 10.1159/000051860."
    assert (meta["journal"], meta["year"], meta["doi"]) == ("Digestion", 2000, "10.1159/000051860")
    assert meta["title"] == SEED_TITLE
    assert {"descriptor": "Liver Neoplasms", "qualifiers": ["secondary", "therapy"], "major": True, "ui": None} in \
        meta["mesh_terms"]
    assert {"descriptor": "Female", "qualifiers": [], "major": False, "ui": None} in meta["mesh_terms"]


def test_seed_page_matches_gold_fixture(seed_path):
    gold = json.loads((paths.GOLD_DIR / "10940692.json").read_text(encoding="utf-8"))
    doc = read_text_file(seed_path, doc_id="10940692")
    assert doc.id == "10940692" and doc.text == gold["text"]
    for key, value in gold["meta"].items():
        assert doc.meta[key] == value, key


EXPORT = """1. Digestion. 2000;62 Suppl 1:79-83. doi: 10.1159/000051860.

Hepatic arterial chemoembolization in the management of advanced digestive
endocrine tumors.

Roche A(1), Girish BV, de Baère T, Baudin E, Ducreux M, Elias D, Schlumberger M.

Author information:
(1)Department of Radiology, Institut Gustave-Roussy, Villejuif, France.

BACKGROUND: The management of advanced digestive endocrine tumors is often
challenging.
METHODS: Liver metastases are usually diffuse at the time of diagnosis.

RESULTS: Objective response rates were 33-80%.

Copyright 2000 S. Karger AG, Basel

DOI: 10.1159/000051860
PMID: 10940692  [Indexed for MEDLINE]
"""

WEB = """Review

Hepatic arterial chemoembolization in the management of advanced digestive endocrine tumors

Alain Roche 1, Bobby V Girish, Thierry de Baère, Eric Baudin

Affiliations

1 Department of Radiology, Institut Gustave-Roussy, Villejuif, France.

PMID: 10940692 DOI: 10.1159/000051860

Abstract

Background: The management is challenging.

Methods: We did things.

Keywords: chemoembolization; endocrine tumors; liver.

Publication types

  • Review

MeSH terms

  • Humans
  • Liver Neoplasms / secondary*

Substances

  • Doxorubicin
"""


def test_abstract_text_export_layout():
    doc = parse_text(EXPORT, source="in/export.txt")
    assert doc.id == "10940692"  # the printed PMID
    assert doc.text == (SEED_TITLE + ".\n\nBACKGROUND: The management of advanced digestive endocrine tumors is "
                        "often challenging.\nMETHODS: Liver metastases are usually diffuse at the time of "
                        "diagnosis.\nRESULTS: Objective response rates were 33-80%.")
    assert [lab for _, _, lab in doc.sections] == ["TITLE", "BACKGROUND", "METHODS", "RESULTS"]
    assert doc.meta["authors"].startswith("Roche A(1), Girish BV")
    assert doc.meta["copyright"] == "Copyright 2000 S. Karger AG, Basel"
    assert doc.meta["year"] == 2000 and doc.meta["doi"] == "10.1159/000051860"


def test_web_page_layout():
    doc = parse_text(WEB, "given-id", source="in/web.txt")
    assert doc.id == "given-id" and doc.meta["pmid"] == "10940692"
    assert doc.text == SEED_TITLE + "\n\nBackground: The management is challenging.\nMethods: We did things."
    assert [(doc.text[s:e], lab) for s, e, lab in doc.sections[1:]] == [
        ("Background: The management is challenging.", "BACKGROUND"), ("Methods: We did things.", "METHODS")]
    assert doc.meta["keywords"] == ["chemoembolization", "endocrine tumors", "liver"]
    assert doc.meta["pub_types"] == ["Review"] and doc.meta["chemicals"] == ["Doxorubicin"]
    assert doc.meta["mesh"] == ["Humans", "Liver Neoplasms / secondary*"]


def test_page_without_abstract():
    doc = parse_text("A lonely title\n\nJ Test. 2001;1:1-2.\n\nPMID: 5\n", source="x.txt")
    assert doc.id == "5" and doc.text == "A lonely title" and doc.meta["no_abstract"] is True


def test_plain_text_with_title_and_stripping(tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("\n\n  Aspirin and stroke\n\nWe studied aspirin.\nIt helped.  \n\n", encoding="utf-8")
    doc = read_text_file(p)
    assert doc.id == "note" and doc.text == "Aspirin and stroke\n\nWe studied aspirin.\nIt helped."
    assert doc.sections == [(0, 18, "TITLE")] and doc.meta["title"] == "Aspirin and stroke"
    assert doc.meta["stripped"] == {"leading": 4, "trailing": 4}


def test_plain_text_without_title(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text("We studied aspirin in 40 patients.\n\nIt helped.\n")
    doc = read_text_file(p)
    assert doc.text == "We studied aspirin in 40 patients.\n\nIt helped." and doc.sections == []
    assert "title" not in doc.meta


def test_empty_invalid_utf8_and_too_long(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n ")
    (err,) = read_documents([empty])
    assert isinstance(err, ReadError) and err.message == "empty file" and err.source == str(empty)  # issue 14.5
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9 au lait study.")
    doc = read_text_file(bad)
    assert isinstance(doc, Document) and doc.text == "Caf\ufffd au lait study."
    assert doc.meta["warnings"] == ["invalid UTF-8 replaced at byte 3"]
    assert isinstance(read_text_file(bad, encoding_errors="strict"), ReadError)
    big = tmp_path / "big.txt"
    big.write_text("word " * 220_000)
    err = read_text_file(big)
    assert isinstance(err, ReadError) and err.message == "abstract too long (1099999 chars > 300000)"
    assert isinstance(read_text_file(big, max_chars=2_000_000), Document)


def test_bullet_lists_split_by_single_blank_lines_stay_one_list():
    page = ("A title\n\nJ Test. 2001;1:1-2.\n\nAbstract text here.\n\nMeSH terms\n  • Humans\n\n  • Male\n\n"
            "  • Female\n\n\n  • Aspirin\n")
    doc = parse_text(page, source="x.txt")
    assert doc.meta["mesh"] == ["Humans", "Male", "Female"] and doc.meta["chemicals"] == ["Aspirin"]
