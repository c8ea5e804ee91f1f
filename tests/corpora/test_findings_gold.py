"""The findings gold (corpora/gold/findings): every file checked against ../shared, and the reader."""

from __future__ import annotations

import hashlib
import importlib.util
import json

import pytest

from claimex import paths
from claimex.corpora.findings import (
    GOLD_FINDINGS_DIR,
    GoldAbstract,
    GoldFinding,
    Span,
    check_abstract,
    dump_abstract,
    gold_files,
    load_gold,
    load_text,
    split_of,
    text_sha1,
)


@pytest.mark.shared
def test_every_gold_file_matches_shared(shared_dir):
    files = gold_files(GOLD_FINDINGS_DIR)
    assert files, "no gold files"
    errors: list[str] = []
    golds = load_gold(GOLD_FINDINGS_DIR, errors=errors)
    assert errors == []
    keys = [g.key for g in golds]
    assert len(keys) == len(set(keys)), "an abstract is annotated twice"
    test_ids = set((shared_dir / "corpora/evidence-inference-v2/splits/ev2_test_article_ids.txt")
                   .read_text().split()) if (shared_dir / "corpora/evidence-inference-v2/splits").is_dir() else set()
    for g in golds:
        text = load_text(g.source, g.id)
        assert check_abstract(g, text) == [], g.key
        assert g.split == split_of(g.source, g.id), g.key
        assert g.id not in test_ids, f"{g.key} is in the Evidence Inference test split"
        for f in g.findings:  # the finding sentence is a whole sentence of the text, not a fragment
            s, e = f.sentence
            assert text[s:e] == text[s:e].strip() and e > s


@pytest.mark.shared
def test_evidence_inference_text_is_the_headed_abstract(shared_dir):
    text = load_text("evidence-inference", "28991")
    assert text.startswith("TITLE:") and "ABSTRACT.RESULTS::" in text and "BODY" not in text


def test_split_is_the_hash_of_source_and_id():
    for key in ("28991", "3686162", "10940692"):
        h = int(hashlib.sha1(f"evidence-inference:{key}".encode()).hexdigest(), 16)
        assert split_of("evidence-inference", key) == ("tune" if h % 2 == 0 else "report")


TEXT = "RESULTS: Mortality was lower with PRVC than with VC (12% vs 20%, P = 0.03)."


def _gold(**change) -> GoldAbstract:
    s = (9, len(TEXT))
    finding = GoldFinding(sentence=s, type="finding", outcome=Span(9, 18, "Mortality"),
                          intervention=Span(34, 38, "PRVC"), comparator=Span(49, 51, "VC"),
                          numbers=[Span(53, 56, "12%")], direction="decrease", significant=True)
    for k, v in change.items():
        setattr(finding, k, v)
    return GoldAbstract("evidence-inference", "x", "headed", "tune", text_sha1(TEXT), len(TEXT), [s], [finding])


def test_check_abstract_accepts_good_and_names_bad_spans():
    assert check_abstract(_gold(), TEXT) == []
    problems = check_abstract(_gold(outcome=Span(10, 18, "Mortality")), TEXT)
    assert any("outcome 'Mortality' != text[10:18]" in p for p in problems)
    assert check_abstract(_gold(comparator=None), TEXT)  # a comparison direction without comparator
    assert check_abstract(_gold(), TEXT + " ") == ["text sha1/length differs from ../shared"]


def test_load_gold_keeps_good_lines_around_a_bad_one(tmp_path):
    path = tmp_path / "g.jsonl"
    good = dump_abstract(_gold())
    bad = json.dumps({**json.loads(good), "id": "y", "findings": [{"direction": "sideways"}]})
    path.write_text("\n".join([good, bad, good.replace('"id": "x"', '"id": "z"')]) + "\n", encoding="utf-8")
    errors: list[str] = []
    golds = load_gold(path, errors=errors)
    assert [g.id for g in golds] == ["x", "z"]
    assert len(errors) == 1 and f"{path}:2" in errors[0] and "evidence-inference:y" in errors[0]
    with pytest.raises(ValueError, match="g.jsonl:2"):
        load_gold(path)
    assert golds[0].findings[0].numbers == [Span(53, 56, "12%")]


def _author():
    spec = importlib.util.spec_from_file_location("author_findings", paths.GOLD_DIR / "author_findings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_author_helper_finds_whole_words_across_odd_spaces():
    author = _author()
    text = "TITLE: x\n\nABSTRACT.RESULTS:\nLower with PRVC than VC (20\u00a0cmH2O vs. 24 cmH2O). No other."
    assert author.find(text, "VC", 0, len(text)).start == text.index(" VC") + 1  # not inside PRVC
    span = author.find(text, "20 cmH2O", 0, len(text))
    assert span.text == "20\u00a0cmH2O"
    s, e = author.sentence_of(text, "Lower with PRVC")
    assert text[s:e] == "Lower with PRVC than VC (20\u00a0cmH2O vs. 24 cmH2O)."
    with pytest.raises(author.SpecError):
        author.find(text, "cmH2O#3", 0, len(text))


@pytest.mark.shared
def test_load_text_of_each_source_and_unknown_ids(shared_dir):
    pubmed = load_text("pubmed-xml", "17942999")  # structured: LABEL: text lines after the title
    assert pubmed.startswith("Neuroplasticity in the processing of pitch dimensions") and "\n\nPURPOSE: " in pubmed
    assert load_text("evidencemap", "32187464").startswith("A Trial of Lopinavir-Ritonavir")
    assert load_text("pico-corpus", "10459028").startswith("A randomized, prospective study of endometrial resection")
    for source, doc_id in (("pubmed-xml", "1"), ("evidence-inference", "nope"), ("medline", "1"),
                           ("evidence-inference-abstracts", "nope"), ("pico-corpus", "nope")):
        with pytest.raises(KeyError, match=f"{source}:{doc_id}"):
            load_text(source, doc_id)


@pytest.mark.shared
def test_evidence_inference_abstracts_are_unlabelled_headed_texts(shared_dir):
    """The unlabelled Evidence Inference abstracts: PMC headed text as stored, never a labelled article
    (whose prompts the ``--task prompts`` evaluation scores)."""
    text = load_text("evidence-inference-abstracts", "29012")
    assert text.startswith("TITLE:") and "\n\nABSTRACT.RESULTS::\n" in text and "BODY" not in text
    cut = load_text("evidence-inference-abstracts", "4436815")  # stored with body text after the abstract
    assert cut.rstrip().endswith("should be undertaken.") and "BODY" not in cut
    labelled = {g.id for g in load_gold() if g.source == "evidence-inference"}
    unlabelled = [g for g in load_gold() if g.source == "evidence-inference-abstracts"]
    assert unlabelled and {g.split for g in unlabelled} == {"tune", "report"}
    for g in unlabelled:
        assert g.form == "headed" and g.id not in labelled, g.key
        with pytest.raises(KeyError):
            load_text("evidence-inference", g.id)


@pytest.mark.shared
def test_every_spec_rebuilds_its_gold_file(shared_dir):
    """``src/<set>.txt`` authored with author_findings.py gives exactly ``<set>.findings.jsonl``."""
    author = _author()
    specs = sorted((GOLD_FINDINGS_DIR / "src").glob("*.txt"))
    assert len(specs) >= 5
    for spec in specs:
        built = "".join(dump_abstract(g) + "\n" for g in author.parse_spec(spec))
        assert built == (GOLD_FINDINGS_DIR / f"{spec.stem}.findings.jsonl").read_text(encoding="utf-8"), spec.name
