"""``entities.span_bounds``: a layer's (start, end, label id) without a Span per span (session 21), against reading
the spans, on real abstracts from ../shared; and what it answers once a layer is no longer the one
``set_entities`` wrote."""

from __future__ import annotations

import gc
import random

import pytest
from spacy.tokens import Span, SpanGroup

from claimex.annotate.entities import _BOUNDS, CLAIMS_KEY, SPANS_KEY, set_entities, span_bounds
from claimex.schema import PICO_LABELS


def _read(doc, key):
    return [(s.start, s.end, s.label) for s in doc.spans[key]]


@pytest.fixture(scope="module")
def docs(rules_nlp, pubmed_sentences):
    return [rules_nlp(t) for t in [s for s in pubmed_sentences if len(s) > 600][:30]]


def _random_spans(doc, rng):
    n = len(doc)
    out = []
    for _ in range(rng.randint(0, 30)):
        s = rng.randrange(n)
        out.append(Span(doc, s, min(n, s + rng.randint(1, 6)), label=rng.choice(PICO_LABELS)))
    return out


def test_bounds_equal_the_spans_read_back(docs):
    rng = random.Random(21)
    seen = 0
    for doc in docs:
        for key in (SPANS_KEY, CLAIMS_KEY, "pico_wide"):
            spans = _random_spans(doc, rng)
            set_entities(doc, spans, key=key)
            assert span_bounds(doc, key) == _read(doc, key)  # sorted by position, as the group holds them
            seen += len(spans)
        assert span_bounds(doc, CLAIMS_KEY) == _read(doc, CLAIMS_KEY)
        set_entities(doc, _random_spans(doc, rng))  # a new PICO layer drops the claims layer
        assert span_bounds(doc, SPANS_KEY) == _read(doc, SPANS_KEY)
        assert span_bounds(doc, CLAIMS_KEY) is None
    assert seen > 500


def test_a_layer_set_otherwise_or_changed_is_read_from_its_spans(docs):
    doc = docs[0]
    set_entities(doc, [Span(doc, 0, 2, label="OUTCOME"), Span(doc, 5, 7, label="POPULATION")])
    doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=[Span(doc, 3, 4, label="OUTCOME")])  # not ours
    assert span_bounds(doc, SPANS_KEY) == _read(doc, SPANS_KEY) == [(3, 4, doc.vocab.strings["OUTCOME"])]
    set_entities(doc, [Span(doc, 0, 2, label="OUTCOME")])
    doc.spans[SPANS_KEY].append(Span(doc, 8, 9, label="INTERVENTION"))  # grown in place
    assert span_bounds(doc, SPANS_KEY) == _read(doc, SPANS_KEY)
    assert span_bounds(doc, "no such layer") is None


def test_the_table_keeps_no_doc_alive(rules_nlp):
    doc = rules_nlp("Mortality was lower with aspirin than with placebo in older adults.")
    set_entities(doc, [Span(doc, 0, 1, label="OUTCOME"), Span(doc, 4, 5, label="INTERVENTION")])
    assert doc in _BOUNDS
    gc.collect()  # docs other tests left in reference cycles leave the table now, not in the count below
    before = len(_BOUNDS)
    del doc
    gc.collect()
    assert len(_BOUNDS) == before - 1
