"""Speed-ups of the outcome-list component (session 22) that must not change a result, each against the form it
replaced (kept here), on real abstracts from ../shared (PubMed XML samples) run through the shipped pipeline.

* ``entities.layer_entries``: the tagger's layer and its weak layer as ``(start, end, label, score, subtype)``
  tuples from ``span_bounds`` (no Span, Token objects or ``TaggedSpan`` per span; each label id decoded once),
  where ``get_entities`` made a ``TaggedSpan`` per span and the rules read ``x.span.start`` and ``x.label`` (a new
  string per read);
* ``entities.spans_of``: the Spans of a layer to write with each label hashed once (was ``Span(doc, a, b,
  label="OUTCOME")`` per span).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import claimex.annotate.outcome_lists as outcome_lists
import claimex.annotate.outcome_weak as outcome_weak
from claimex import paths
from claimex.annotate.entities import (
    CLAIMS_KEY,
    SEEDS_KEY,
    SPANS_KEY,
    WEAK_KEY,
    WIDE_KEY,
    get_entities,
    layer_entries,
    spans_of,
)

KEYS = (SPANS_KEY, CLAIMS_KEY, WEAK_KEY, WIDE_KEY, SEEDS_KEY)


def _entries_old(doc, key=SPANS_KEY):
    """What the outcome-list rules read before session 22: ``get_entities``' spans, their bounds, label (``label_``),
    score and subtype."""
    return [(x.span.start, x.span.end, x.label, x.score, x.subtype) for x in get_entities(doc, key)]


def _copy(doc):
    """``doc.copy()`` with the extension values shared, not deep-copied (scispaCy's spans cannot be; as
    ``bench/count_stages.py`` copies)."""
    data = doc.user_data
    doc.user_data = {}
    try:
        out = doc.copy()
    finally:
        doc.user_data = data
    out.user_data = dict(data)
    return out


def _layers(doc):
    return {key: [(s.start, s.end, s.label_, s.start_char, s.end_char) for s in doc.spans[key]]
            for key in KEYS if key in doc.spans} | {
        key + ":attrs": dict(doc.spans[key].attrs) for key in KEYS if key in doc.spans}


@pytest.fixture(scope="module")
def shipped():
    return spacy.load(paths.MODELS_DIR / paths.DEFAULT_MODEL_NAME)


@pytest.fixture(scope="module")
def texts(pubmed_abstracts):
    return [body for _, _, body in pubmed_abstracts if len(body) > 600][:60]


def test_layer_entries_equal_the_tagged_spans(shipped, texts):
    """Every layer of the finished docs (read from what ``set_entities`` recorded) and of their copies (new groups:
    read from the spans)."""
    seen = 0
    for doc in shipped.pipe(texts):
        for d in (doc, _copy(doc)):
            for key in KEYS + ("no such layer",):
                got = layer_entries(d, key)
                assert got == _entries_old(d, key)
                seen += len(got)
    assert seen > 3000


def test_the_component_reads_the_same_layers(shipped, texts, monkeypatch):
    """The outcome-list component on the tagger's output: its layers with ``layer_entries`` equal those it writes
    when it reads the tagged spans the old way (``get_entities``), on 60 abstracts."""
    before = shipped.pipe_names[shipped.pipe_names.index("claimex_outcome_lists"):]
    component = shipped.get_pipe("claimex_outcome_lists")
    with shipped.select_pipes(disable=before):
        docs = list(shipped.pipe(texts))
    new = [_layers(component(_copy(doc))) for doc in docs]
    monkeypatch.setattr(outcome_lists, "layer_entries", _entries_old)
    monkeypatch.setattr(outcome_weak, "layer_entries", _entries_old)
    old = [_layers(component(_copy(doc))) for doc in docs]
    assert new == old
    assert sum(len(layers.get(CLAIMS_KEY, ())) for layers in new) > 1000


def test_spans_of_equals_spans_by_label_string(shipped, texts):
    doc = shipped(texts[0])
    entries = [[s, min(len(doc), s + w), label, None, None, "rule"]
               for s in range(0, len(doc) - 1, 7) for w, label in ((1, "OUTCOME"), (3, "INTERVENTION"))]
    made = spans_of(doc, entries)
    want = [Span(doc, a, b, label=label) for a, b, label, *_ in entries]
    assert [(s.start, s.end, s.label, s.label_, s.start_char, s.end_char) for s in made] == [
        (s.start, s.end, s.label, s.label_, s.start_char, s.end_char) for s in want]
    assert spans_of(doc, []) == []


def test_set_entities_checks_each_label_once_and_names_the_first_unknown(shipped, texts):
    """``set_entities`` decodes each distinct label id once (was ``span.label_`` per span); an unknown label raises
    the same error as before, naming the first unknown label in span order."""
    from claimex.annotate.entities import set_entities, span_bounds

    doc = shipped(texts[1])
    spans = [Span(doc, 0, 1, label="OUTCOME"), Span(doc, 2, 3, label="COMPARATOR"), Span(doc, 4, 5, label="DRUG"),
             Span(doc, 6, 7, label="")]
    with pytest.raises(ValueError, match="unknown PICO label 'DRUG'"):
        set_entities(doc, spans, key="test_layer")
    with pytest.raises(ValueError, match="unknown PICO label ''"):
        set_entities(doc, spans[-1:] + spans[:2], key="test_layer")
    set_entities(doc, spans[:2], key="test_layer")
    assert [(s, e) for s, e, _ in span_bounds(doc, "test_layer")] == [(0, 1), (2, 3)]


def test_sentence_offsets_equal_the_idx_column(shipped, texts):
    """``outcome_weak``'s sentence offsets (the measures are placed in sentences by them): a Token per sentence, as
    ``doc.to_array(IDX)`` gave them."""
    from spacy.attrs import IDX

    from claimex.annotate.outcome_lists import Tokens
    from claimex.annotate.outcome_weak import _sentence_chars

    sentences = 0
    for doc in shipped.pipe(texts[:30]):
        t = Tokens(doc)
        idx = doc.to_array(IDX).tolist()
        assert _sentence_chars(doc, t.sentences) == [idx[lo] for lo, _ in t.sentences]
        sentences += len(t.sentences)
    assert sentences > 200
