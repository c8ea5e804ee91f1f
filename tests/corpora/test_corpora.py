"""Corpus loading: projection onto scispaCy tokens, partial annotation, the dev split, user formats."""

from __future__ import annotations

import json

import pytest

from claimex.corpora import CorpusDoc, SpanAnn, detokenize, doc_key, in_split, is_dev, iter_source, load_docs
from claimex.corpora.spans import outcome_regions, respace
from claimex.corpora.types import runs_to_spans


@pytest.fixture(scope="module")
def sci_nlp():
    import spacy

    from claimex.annotate.tokenizer import create_sci_tokenizer

    nlp = spacy.blank("en")
    nlp.tokenizer = create_sci_tokenizer()(nlp)
    return nlp


def test_detokenize_keeps_offsets():
    tokens = ["Patients", "(", "n", "=", "40", ")", "with", "neuropathy", ":", "5-HIAA", "fell", "by", "57", "%", "."]
    text, offsets = detokenize(tokens)
    assert text == "Patients (n = 40) with neuropathy: 5-HIAA fell by 57%."
    assert [text[a:b] for a, b in offsets] == tokens


def test_runs_to_spans():
    _, offsets = detokenize(["a", "b", "c", "d"])
    spans = runs_to_spans(offsets, [None, "OUTCOME", "OUTCOME", "POPULATION"])
    assert spans == [SpanAnn(2, 5, "OUTCOME"), SpanAnn(6, 7, "POPULATION")]


def test_projection_onto_scispacy_tokens(sci_nlp):
    """EBM-NLP tokens -> text -> scispaCy tokens: every gold span maps to whole tokens, exactly."""
    from claimex.train.data import make_example

    tokens = ["Effect", "of", "5-HIAA", "(", "5-hydroxyindoleacetic", "acid", ")", "levels", "in", "adults", "."]
    text, offsets = detokenize(tokens)
    span = SpanAnn(offsets[2][0], offsets[6][1], "OUTCOME")
    doc = CorpusDoc(id="t", text=text, spans=[span], annotated=frozenset({"OUTCOME"}))
    eg = make_example(sci_nlp, doc)
    gold = list(eg.reference.spans["pico"])
    assert [(s.start_char, s.end_char, s.label_) for s in gold] == [(span.start, span.end, "OUTCOME")]
    assert gold[0].text == "5-HIAA (5-hydroxyindoleacetic acid)"
    assert [t.text for t in eg.predicted] == [t.text for t in eg.reference]
    regions = list(eg.reference.spans["pico_annotated"])
    assert [(r.label_, r.start, r.end) for r in regions] == [("OUTCOME", 0, len(eg.reference))]


def test_partial_annotation_targets(sci_nlp):
    """An outcome-only doc trains the outcome head everywhere and no other head (missing != negative)."""
    from claimex.annotate.tagger.model import HEADS, targets
    from claimex.train.data import make_example

    text = "Aspirin reduced mortality in adults."
    doc = CorpusDoc(id="t", text=text, spans=[SpanAnn(16, 25, "OUTCOME")], annotated=frozenset({"OUTCOME"}))
    y, mask = targets(make_example(sci_nlp, doc))
    o = HEADS.index("OUTCOME")
    assert mask[:, o].all()
    assert not mask[:, [k for k in range(len(HEADS)) if k != o]].any()
    assert y[:, o].tolist() == [0, 0, 1, 0, 0, 0]


def test_regions_and_comparator_targets(sci_nlp):
    from claimex.annotate.tagger.model import HEADS, targets
    from claimex.train.data import make_example

    text = "Aspirin or placebo. Mortality fell."
    doc = CorpusDoc(id="t", text=text, annotated=frozenset({"INTERVENTION", "COMPARATOR", "OUTCOME"}),
                    spans=[SpanAnn(0, 7, "INTERVENTION"), SpanAnn(11, 18, "COMPARATOR"), SpanAnn(20, 29, "OUTCOME")],
                    regions={"OUTCOME": [(20, 35)]})
    y, mask = targets(make_example(sci_nlp, doc))
    i, c, o = HEADS.index("INTERVENTION"), HEADS.index("COMPARATOR"), HEADS.index("OUTCOME")
    assert y[:, i].tolist()[:3] == [1, 0, 1] and y[:, c].tolist()[:3] == [0, 0, 1]
    assert mask[:, c].tolist()[:3] == [1, 0, 1]  # comparator head: only on intervention tokens
    assert mask[:, o].tolist() == [0, 0, 0, 0, 1, 1, 1]  # outcomes annotated only in the region


def test_dev_split_deterministic():
    keys = [f"pmid:{n}" for n in range(2000)]
    dev = [k for k in keys if is_dev(k)]
    assert dev == [k for k in keys if is_dev(k)]
    assert 0.12 < len(dev) / len(keys) < 0.18
    assert is_dev("pmid:10036953") == is_dev(doc_key("10036953", "any text"))
    assert all(in_split(k, "train") != in_split(k, "dev") for k in keys[:50])
    assert doc_key(None, "Some Text!") == doc_key(None, "some text")


def test_respace_moves_offsets():
    text = "Lopinavir-Ritonavir ( 400 mg ) , especially ."
    spans = [SpanAnn(0, 19, "INTERVENTION"), SpanAnn(22, 28, "INTERVENTION")]
    new, moved = respace(text, spans)
    assert new == "Lopinavir-Ritonavir (400 mg), especially."
    assert [new[s.start:s.end] for s in moved] == ["Lopinavir-Ritonavir", "400 mg"]


def test_outcome_regions():
    text = "Title\n\nBACKGROUND : x.\nRESULTS : pain fell.\nCONCLUSIONS : ok."
    assert outcome_regions(text, []) == [(text.index("RESULTS"), len(text))]
    plain = "Title\n\nWe studied pain.\nPain fell."
    assert outcome_regions(plain, [SpanAnn(25, 29, "OUTCOME")]) == [(24, len(plain))]


def test_user_records_and_brat(tmp_path):
    rec = tmp_path / "gold.jsonl"
    rec.write_text(json.dumps({"schema": "claimex/1", "id": "r1", "text": "Aspirin cut pain.", "entities": [
        {"id": "e1", "label": "INTERVENTION", "start": 0, "end": 7, "text": "Aspirin"},
        {"id": "e2", "label": "OUTCOME", "start": 12, "end": 16, "text": "pain"}]}) + "\n")
    (d,) = iter_source(str(rec))
    assert [(s.label, d.text[s.start:s.end]) for s in d.spans] == [("INTERVENTION", "Aspirin"), ("OUTCOME", "pain")]
    assert d.annotated == frozenset({"POPULATION", "INTERVENTION", "COMPARATOR", "OUTCOME"})
    brat = tmp_path / "brat"
    brat.mkdir()
    (brat / "123.txt").write_text("Placebo versus aspirin in adults.")
    (brat / "123.ann").write_text("T1\tControl 0 7\tPlacebo\nT2\tIntervention 15 22\taspirin\n"
                                  "T3\tParticipant 26 32\tadults\nR1\tto Arg1:T1 Arg2:T2\n")
    (b,) = iter_source(str(brat))
    assert [(s.label, b.text[s.start:s.end]) for s in b.spans] == [
        ("COMPARATOR", "Placebo"), ("INTERVENTION", "aspirin"), ("POPULATION", "adults")]
    assert b.key == "pmid:123"


def test_datasets_json_roundtrip(tmp_path):
    """Local JSON through ``datasets.load_dataset("json")`` and ``Dataset.from_generator``."""
    pytest.importorskip("datasets")
    from claimex.corpora.hf import load_hf, to_dataset

    docs = [CorpusDoc(id="a", text="Aspirin cut pain.", spans=[SpanAnn(12, 16, "OUTCOME")],
                      annotated=frozenset({"OUTCOME"}), regions={"OUTCOME": [(0, 17)]})]
    ds = to_dataset(docs)
    assert ds[0]["spans"][0]["label"] == "OUTCOME"
    path = tmp_path / "corpus.jsonl"
    ds.to_json(str(path))
    (back,) = load_hf(str(path))
    assert back.spans == docs[0].spans and back.annotated == docs[0].annotated and back.regions == docs[0].regions
    bigbio = tmp_path / "bigbio.jsonl"
    bigbio.write_text(json.dumps({"id": "1", "document_id": "999", "passages": [
        {"id": "p", "type": "abstract", "text": ["Aspirin cut pain."], "offsets": [[0, 17]]}],
        "entities": [{"id": "e", "type": "Intervention_Pharmacological", "text": ["Aspirin"], "offsets": [[0, 7]],
                      "normalized": []}]}) + "\n")
    (bb,) = list(iter_source(f"json:{bigbio}"))
    assert bb.spans == [SpanAnn(0, 7, "INTERVENTION", "Pharmacological")]
    # hf:NAME goes through datasets.load_dataset(NAME, split=...) - the hub code path - here on a local folder
    folder = tmp_path / "bigbio_like"
    folder.mkdir()
    (folder / "train.jsonl").write_text(bigbio.read_text())
    (hub,) = list(iter_source(f"hf:{folder}"))
    assert hub.spans == bb.spans and hub.text == "Aspirin cut pain."


@pytest.mark.shared
def test_shared_corpora_load(corpora):
    ebm = load_docs("ebm_nlp", split="dev")
    assert 300 < len(ebm) < 500
    assert all(d.text[a:b] for d in ebm[:20] for a, b in d.meta["token_offsets"])
    eo = next(iter_source("evidence_outcomes"))
    assert eo.annotated == frozenset({"OUTCOME"}) and eo.regions["OUTCOME"]
    diff = next(iter_source("ebm_difficulty"))
    assert diff.annotated == frozenset({"INTERVENTION"})
