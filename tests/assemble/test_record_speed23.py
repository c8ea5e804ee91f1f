"""Speed-ups of record building (sessions 23 and 24) that must not change a record: the entities read as
``entities.claim_entries`` tuples with their character offsets from ``entities.claim_chars`` (session 24: the offsets
``set_entities`` read off the Spans it was given; session 23 made two Token objects per entity, ``char_bounds``)
give what ``claim_entities``' ``TaggedSpan``s gave (a Span per entity, its ``start_char`` / ``end_char`` /
``label_``), on real abstracts from ../shared (PubMed XML samples) run through the shipped pipeline; the old form
is kept here."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span, SpanGroup

import claimex.assemble.record as record
from claimex import paths
from claimex.annotate.entities import _BOUNDS, CLAIMS_KEY, claim_chars, claim_entities, claim_entries, span_chars
from claimex.read.base import Document


def _entities_old(doc):
    """What ``to_record`` read before session 23: each ``TaggedSpan``'s span offsets and label, score, subtype."""
    return [(t.span.start_char, t.span.end_char, t.span.label_, t.score, t.subtype) for t in claim_entities(doc)]


def _entities_new(doc):
    return [(*chars, label, score, sub) for (_, _, label, score, sub), chars in zip(claim_entries(doc), claim_chars(doc))]


@pytest.fixture(scope="module")
def docs(pubmed_abstracts):
    nlp = spacy.load(paths.MODELS_DIR / paths.DEFAULT_MODEL_NAME)
    texts = [f"{title}\n{body}" for _, title, body in pubmed_abstracts if len(body) > 600][:40]
    return list(nlp.pipe(texts))


def test_claim_entries_equal_the_tagged_spans(docs):
    n = 0
    for doc in docs:
        assert CLAIMS_KEY in doc.spans
        old = _entities_old(doc)
        assert _entities_new(doc) == old
        n += len(old)
    assert n > 500


def test_span_chars_equal_span_offsets_in_every_layer(docs):
    """Every layer the pipeline wrote answers from the table; a group set by hand (empty spans too) from its spans."""
    answered = 0
    for doc in docs[:20]:
        for key, group in doc.spans.items():
            got = span_chars(doc, key)
            assert got == [(span.start_char, span.end_char) for span in group]
            answered += got is _BOUNDS[doc][key][2] if key in _BOUNDS.get(doc, {}) else 0
        spans = [Span(doc, 0, 0), Span(doc, 1, 3), Span(doc, len(doc), len(doc))]
        doc.spans["by_hand"] = SpanGroup(doc, name="by_hand", spans=spans)
        assert span_chars(doc, "by_hand") == [(s.start_char, s.end_char) for s in spans]
        del doc.spans["by_hand"]
    assert answered >= 60 and span_chars(docs[0], "no such layer") is None


def test_records_equal_those_built_from_tagged_spans(docs, monkeypatch):
    """``to_record`` without its claims gives the same JSON as with ``claim_entries`` made from ``TaggedSpan``s (the
    old reads); claim assembly is left out (another module; the record's entities are its input)."""
    monkeypatch.setattr(record, "assemble_claims", lambda rec, doc: [])
    docs = docs[:15]
    new = [record.to_record(doc, Document(id=str(k), text=doc.text)).to_json() for k, doc in enumerate(docs)]

    def old_entries(doc):
        return [(t.span.start, t.span.end, t.span.label_, t.score, t.subtype) for t in claim_entities(doc)]

    def old_chars(doc):
        return [(t.span.start_char, t.span.end_char) for t in claim_entities(doc)]

    monkeypatch.setattr(record, "claim_entries", old_entries)
    monkeypatch.setattr(record, "claim_chars", old_chars)
    old = [record.to_record(doc, Document(id=str(k), text=doc.text)).to_json() for k, doc in enumerate(docs)]
    assert new == old
