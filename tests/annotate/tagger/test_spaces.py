"""Whitespace tokens out of the network's view (:mod:`claimex.annotate.tagger.spaces`)."""

from __future__ import annotations

import numpy
import spacy

from claimex import paths
from claimex.annotate.tagger.spaces import kept, spread, without_space

# Evidence Inference abstract PMC 5140822 (../shared, evidence-inference-abstracts), wrapped as it is there
WRAPPED = ("Significant differences in post-training gains in static\nbalance, dynamic balance, and cadence were "
           "observed between the experimental group and the\ncontrol group.")


def test_view_drops_whitespace_tokens_and_keeps_norms():
    nlp = spacy.blank("en")
    doc = nlp(WRAPPED)
    assert any(t.is_space for t in doc)
    view, keep = without_space(doc)
    assert [t.text for t in view] == [t.text for t in doc if not t.is_space]
    assert [t.norm_ for t in view] == [doc[i].norm_ for i in keep.tolist()]


def test_doc_without_whitespace_is_read_as_it_is():
    doc = spacy.blank("en")("No line wraps here.")
    view, keep = without_space(doc)
    assert view is doc and keep is None


def test_kept_tokens_are_the_views_tokens():
    nlp = spacy.blank("en")
    doc = nlp(WRAPPED)
    keep = kept(doc)
    assert keep.tolist() == without_space(doc)[1].tolist()
    assert [doc[i].text for i in keep.tolist()] == [t.text for t in doc if not t.is_space]
    assert kept(nlp("No line wraps here.")) is None
    assert kept(nlp("\n\n")) is None  # nothing but whitespace: read as it is
    assert kept(nlp("")) is None


def test_spread_gives_a_gap_the_lower_neighbour():
    probs = numpy.array([[0.9, 0.1], [0.7, 0.4], [0.2, 0.8]], dtype="d")
    out = spread(probs, numpy.array([0, 2, 4]), 5)
    assert out.tolist() == [probs[0].tolist(), [0.7, 0.1], probs[1].tolist(),
                            [0.2, 0.4], probs[2].tolist()]


def test_spread_at_the_document_edges():
    probs = numpy.array([[0.6], [0.3]], dtype="d")
    out = spread(probs, numpy.array([1, 2]), 4)
    assert out[:, 0].tolist() == [0.6, 0.6, 0.3, 0.3]


def test_default_model_tags_a_wrapped_outcome_as_on_one_line():
    import claimex.annotate  # noqa: F401

    nlp = spacy.load(paths.MODELS_DIR / paths.DEFAULT_MODEL_NAME)
    doc, flat_doc = nlp(WRAPPED), nlp(WRAPPED.replace("\n", " "))
    wrapped = {(s.start_char, s.end_char, s.label_) for s in doc.spans["pico"]}
    flat = {(s.start_char, s.end_char, s.label_) for s in flat_doc.spans["pico"]}
    assert wrapped == flat
    assert any(WRAPPED[a:b].startswith("static\nbalance") and label == "OUTCOME" for a, b, label in wrapped)
