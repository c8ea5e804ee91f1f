"""Sections of Record.sentences from heading sentences (issue 10, class 1)."""

import spacy

from claimex.annotate import tokenizer  # noqa: F401
from claimex.annotate.sentences import split_sentences
from claimex.assemble.record import _sentences
from claimex.read.base import Document

# Evidence Inference 2.0, PMC 28991 (text[:abstract_end], shortened): PMC heading lines
TEXT = ("TITLE: \nA comparison of volume control and pressure-regulated volume control ventilation in acute "
        "respiratory failure\n\n\n\nABSTRACT.BACKGROUND::\nThe aim of this study was to test the hypothesis that a "
        "new mode of ventilation is associated with improvements in respiratory mechanics. We conducted a randomised "
        "cross over trial on 44 patients.\n\nABSTRACT.RESULTS::\nIn the crossover trial, peak inspiratory pressure was "
        "significantly lower using PRVC than with VC (20 cmH2O vs 24 cmH2O, P < 0.0001). No other statistically "
        "significant differences were found.\n\nABSTRACT.CONCLUSIONS::\nPeak inspiratory pressure was significantly "
        "lower during PRVC ventilation than during VC ventilation.\n")


def _records_sentences(text, sections=()):
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "claimex.SciTokenizer.v1"}}})
    doc = split_sentences(nlp.make_doc(text))
    return [(text[s["start"]:s["end"]], s["section"]) for s in _sentences(doc, Document(id="t", text=text,
                                                                                   sections=list(sections)))]


def test_pmc_headings_become_sections_and_leave_the_sentences():
    got = _records_sentences(TEXT)
    assert [label for _, label in got] == ["TITLE", "BACKGROUND", "BACKGROUND", "RESULTS", "RESULTS", "CONCLUSIONS"]
    assert not any("ABSTRACT" in s or s.startswith("TITLE") for s, _ in got)


def test_title_heading_labels_the_title_line_only():
    text = "TITLE: \nRespiratory effects of dexmedetomidine\n\n\n\nThe respiratory effects were examined. Morphine fell."
    assert [label for _, label in _records_sentences(text)] == ["TITLE", None, None]


def test_glued_heading_overrides_the_readers_section():
    # a PubMed line whose RESULTS heading is glued to the previous sentence: the reader saw one METHODS section
    text = "METHODS: Forty patients were randomised.RESULTS: Scores were higher with diazepam (P <0.01)."
    got = _records_sentences(text, [(0, len(text), "METHODS")])
    assert got == [("Forty patients were randomised.", "METHODS"),
                   ("Scores were higher with diazepam (P <0.01).", "RESULTS")]
