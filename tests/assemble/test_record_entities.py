"""The record's entities come from the claims layer (one OUTCOME per list item), not the token-level
PICO layer that keeps a tagged list whole (:mod:`claimex.annotate.entities`). Sentence from the findings
gold abstracts (Evidence Inference, ../shared)."""

from __future__ import annotations

from claimex.annotate import build_pipeline
from claimex.annotate.entities import get_entities, set_entities
from claimex.annotate.outcome_lists import OutcomeLists
from claimex.assemble.record import to_record
from claimex.read.base import Document

TEXT = "The intervention had no effect on delirium duration, severity, discharge destination or length of stay."
WHOLE = "delirium duration, severity, discharge destination or length of stay"


def test_record_entities_are_the_list_items_while_doc_spans_pico_keeps_the_list():
    doc = build_pipeline()(TEXT)
    a = TEXT.index(WHOLE)
    set_entities(doc, [doc.char_span(a, a + len(WHOLE), label="OUTCOME")], scores=[0.8], subtypes=[None])
    doc = OutcomeLists()(doc)
    record = to_record(doc, Document(id="t", text=TEXT))
    assert [e.text for e in record.entities] == ["delirium duration", "severity", "discharge destination",
                                                 "length of stay"]
    assert [x.span.text for x in get_entities(doc)] == [WHOLE]


def test_without_a_claims_layer_the_record_takes_the_pico_layer():
    doc = build_pipeline()(TEXT)
    a = TEXT.index(WHOLE)
    set_entities(doc, [doc.char_span(a, a + len(WHOLE), label="OUTCOME")])
    assert [e.text for e in to_record(doc, Document(id="t", text=TEXT)).entities] == [WHOLE]


def test_record_parts_made_without_validation_equal_validated_ones():
    """to_record makes sentences, abbreviations and entities with ``model_construct``: validating the
    record's dump gives the same record (same types and values), so skipping item validation changed nothing."""
    text = ("Patients with chronic obstructive pulmonary disease (COPD) were randomised. " + TEXT
            + " COPD exacerbations fell by 12% (P = 0.03).")
    doc = build_pipeline()(text)
    a = text.index(WHOLE)
    b = text.index("COPD exacerbations")
    set_entities(doc, [doc.char_span(a, a + len(WHOLE), label="OUTCOME"),
                       doc.char_span(b, b + len("COPD exacerbations"), label="OUTCOME")],
                 scores=[0.81234567, None], subtypes=["Other", None])
    doc = OutcomeLists()(doc)
    record = to_record(doc, Document(id="t", text=text))
    assert record.sentences and record.abbreviations and len(record.entities) == 5
    assert record.entities[-1].expanded == "chronic obstructive pulmonary disease exacerbations"
    again = type(record).model_validate(record.model_dump(by_alias=True))
    assert again == record and again.to_json() == record.to_json()
