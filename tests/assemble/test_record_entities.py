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
