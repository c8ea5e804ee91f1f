"""The claimex_record component: doc._.record, doc._.claims and doc.spans["measures"] for spaCy users."""

import pytest
from spacy import displacy

import claimex
from claimex.extractor import Extractor

TEXT = ("We randomized 120 patients with asthma to budesonide or placebo. Mortality was 12% vs 20% "
        "(P = 0.03) and FEV1 improved by 0.3 L (95% CI 0.1 to 0.5).")


@pytest.fixture(scope="module")
def nlp():
    return claimex.load("rules")


def test_doc_carries_the_record_the_extractor_builds(nlp, rules_extractor):
    doc = nlp(TEXT)
    assert nlp.pipe_names[-1] == "claimex_record"
    want = rules_extractor(TEXT, id="doc")
    assert doc._.record.model_dump() == want.model_dump()
    assert doc._.claims == want.claims


def test_measures_are_a_span_group_labelled_by_kind(nlp):
    doc = nlp(TEXT)
    spans = doc.spans["measures"]
    record = doc._.record
    assert len(spans) == len(record.measures) > 3
    assert [(s.start_char, s.end_char, s.label_) for s in spans] == [
        (m.start, m.end, m.kind) for m in record.measures]  # measures end on token boundaries here
    html = displacy.render(doc, style="span", options={"spans_key": "measures"})
    assert "p_value" in html and "percentage" in html and "0.03" in html


def test_pipe_users_get_records_with_their_ids(nlp):
    texts = ["Pain fell by 3 to 7 points in 40 patients.", "No numbers here."]
    docs = list(nlp.pipe(texts))
    assert [len(d.spans["measures"]) for d in docs] == [len(d._.record.measures) for d in docs]
    assert len(docs[0].spans["measures"]) >= 2 and len(docs[1].spans["measures"]) == 0
    doc = nlp.make_doc(texts[0])
    doc.user_data["claimex_id"] = "123"
    assert nlp(doc)._.record.id == "123"


def test_extractor_keeps_returning_records_without_the_component(rules_extractor):
    assert "claimex_record" not in rules_extractor.nlp.pipe_names
    record = claimex.extract("Mortality was 12% vs 20% (P = 0.03).", id="x", model="rules")
    assert record.id == "x" and [m.kind for m in record.measures][-1] == "p_value"
    assert isinstance(Extractor.load("rules")("Mortality was 12%.", id="y"), claimex.Record)


def test_shipped_model_gives_pico_spans_and_claims(shipped_model_path):
    nlp = claimex.load()
    doc = nlp(TEXT)
    labels = {s.label_ for s in doc.spans["pico"]}
    assert {"POPULATION", "INTERVENTION", "OUTCOME"} <= labels
    assert len(doc._.record.entities) == len(doc.spans["pico"])
    assert doc._.claims and doc._.claims[0].measures
