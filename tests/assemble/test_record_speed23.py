"""Speed-up of record building (session 23) that must not change a record: the entities read as
``entities.claim_entries`` tuples with their character offsets from ``entities.char_bounds`` (two Token objects)
give what ``claim_entities``' ``TaggedSpan``s gave (a Span per entity, its ``start_char`` / ``end_char`` /
``label_``), on real abstracts from ../shared (PubMed XML samples) run through the shipped pipeline; the old form
is kept here."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import claimex.assemble.record as record
from claimex import paths
from claimex.annotate.entities import CLAIMS_KEY, char_bounds, claim_entities, claim_entries
from claimex.annotate.tokens import token_texts
from claimex.read.base import Document


def _entities_old(doc):
    """What ``to_record`` read before session 23: each ``TaggedSpan``'s span offsets and label, score, subtype."""
    return [(t.span.start_char, t.span.end_char, t.span.label_, t.score, t.subtype) for t in claim_entities(doc)]


def _entities_new(doc):
    texts = token_texts(doc)
    return [(*char_bounds(doc, s, e, texts), label, score, sub) for s, e, label, score, sub in claim_entries(doc)]


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


def test_char_bounds_equal_span_offsets_on_every_short_range(docs):
    for doc in docs[:10]:
        texts = token_texts(doc)
        for s in range(len(doc)):
            for e in range(s, min(len(doc), s + 12) + 1):  # the empty range too
                span = Span(doc, s, e)
                assert char_bounds(doc, s, e, texts) == (span.start_char, span.end_char)


def test_records_equal_those_built_from_tagged_spans(docs, monkeypatch):
    """``to_record`` without its claims gives the same JSON as with ``claim_entries`` made from ``TaggedSpan``s (the
    old reads); claim assembly is left out (another module; the record's entities are its input)."""
    monkeypatch.setattr(record, "assemble_claims", lambda rec, doc: [])
    docs = docs[:15]
    new = [record.to_record(doc, Document(id=str(k), text=doc.text)).to_json() for k, doc in enumerate(docs)]

    def old_entries(doc):
        return [(t.span.start, t.span.end, t.span.label_, t.score, t.subtype) for t in claim_entities(doc)]

    def old_bounds(doc, start, end, texts):
        span = Span(doc, start, end)
        return span.start_char, span.end_char

    monkeypatch.setattr(record, "claim_entries", old_entries)
    monkeypatch.setattr(record, "char_bounds", old_bounds)
    old = [record.to_record(doc, Document(id=str(k), text=doc.text)).to_json() for k, doc in enumerate(docs)]
    assert new == old
