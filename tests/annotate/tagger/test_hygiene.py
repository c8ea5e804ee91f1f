"""Span hygiene on real sentences from ../shared: runs the heads might fire on, repaired."""

from __future__ import annotations

import numpy
import pytest

from claimex.annotate.tagger.decode import decode
from claimex.annotate.tagger.hygiene import SpanHygiene
from claimex.annotate.tagger.model import HEADS

I, O = HEADS.index("INTERVENTION"), HEADS.index("OUTCOME")


@pytest.fixture(scope="module")
def seed_doc(rules_nlp, seed_path):
    from claimex.read.text import read_text_file

    return rules_nlp(read_text_file(seed_path).text)


@pytest.fixture(scope="module")
def evidencemap(corpora):
    from claimex.corpora import load_docs

    return {str(d.meta.get("pmid")): d.text for d in load_docs("evidencemap")}


def tokens_of(doc, phrase: str, occurrence: int = 0) -> tuple[int, int]:
    """Token range of the ``occurrence``-th match of ``phrase`` in ``doc``'s text."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return span.start, span.end


def cleaned(doc, phrase: str, label: str = "OUTCOME", occurrence: int = 0) -> list[str]:
    s, e = tokens_of(doc, phrase, occurrence)
    return [doc[a:b].text for a, b in SpanHygiene(doc).clean(s, e, label)]


def test_never_crosses_a_sentence(seed_doc):
    assert cleaned(seed_doc, "side effect. Major extrahepatic complications") == [
        "side effect", "Major extrahepatic complications"]


def test_split_keeps_only_seeded_pieces(seed_doc):
    s, e = tokens_of(seed_doc, "side effect. Major extrahepatic complications")
    probs = numpy.zeros((len(seed_doc), len(HEADS)), dtype="f")
    probs[s:e, O] = 0.3  # the run grew over both sentences by hysteresis ...
    probs[e - 1, O] = 0.9  # ... from one seed in the second
    spans, _, _ = decode(seed_doc, probs, HEADS, {h: 0.5 for h in HEADS}, hysteresis={"OUTCOME": 0.5},
                         hygiene=SpanHygiene(seed_doc))
    assert [(x.text, x.label_) for x in spans] == [("Major extrahepatic complications", "OUTCOME")]


def test_brackets_balanced(seed_doc):
    assert cleaned(seed_doc, "tumor growth (objective response rates") == ["tumor growth", "objective response rates"]
    assert cleaned(seed_doc, "carcinoid syndrome (>50", "POPULATION") == ["carcinoid syndrome"]
    # a single open bracket whose partner is near is taken in; wholly bracketed loses the brackets
    assert cleaned(seed_doc, "hepatic arterial chemoembolization (HACE", "INTERVENTION") == [
        "hepatic arterial chemoembolization (HACE)"]
    assert cleaned(seed_doc, "(unresectable)", "POPULATION") == ["unresectable"]


def test_edges_trimmed(seed_doc):
    assert cleaned(seed_doc, "diffuse (unresectable) and progressive metastases confined to", "POPULATION") == [
        "diffuse (unresectable) and progressive metastases confined"]
    assert cleaned(seed_doc, "at the time of diagnosis, and", "OUTCOME") == ["time of diagnosis"]
    assert cleaned(seed_doc, "Major extrahepatic complications are rare", "OUTCOME") == [
        "Major extrahepatic complications are rare"]  # only edges are trimmed
    assert cleaned(seed_doc, "the management of advanced digestive endocrine tumors", "POPULATION") == [
        "management of advanced digestive endocrine tumors"]


def test_truncated_name_grows(seed_doc):
    # the title's "Hepatic arterial" (the heads fade before the noun) and the long form's first words
    assert cleaned(seed_doc, "Hepatic arterial", "INTERVENTION") == ["Hepatic arterial chemoembolization"]
    assert cleaned(seed_doc, "hepatic arterial", "INTERVENTION") == ["hepatic arterial chemoembolization"]
    # a noun-final span stays as it is
    assert cleaned(seed_doc, "systemic chemotherapy", "INTERVENTION") == ["systemic chemotherapy"]


def test_no_number_end_or_clause(evidencemap, rules_nlp):
    doc = rules_nlp(evidencemap["32910735"])
    assert cleaned(doc, "Forty healthy adults participated (24 women, Mage = 67.5 years)", "POPULATION") == [
        "Forty healthy adults participated", "24 women"]


def test_dates_and_software_are_not_pico(evidencemap, rules_nlp):
    doc = rules_nlp(evidencemap["32527346"])
    assert cleaned(doc, "from January to March in 2020", "POPULATION") == []
    # "SAS" is a rating scale here ("SAS anxiety and SDS depression scores"), not the statistics package
    doc = rules_nlp(evidencemap["32379637"])
    assert cleaned(doc, "SAS anxiety and SDS depression scores", "OUTCOME") == ["SAS anxiety and SDS depression scores"]


def test_decode_with_hygiene_matches_clean(seed_doc):
    s, e = tokens_of(seed_doc, "tumor growth (objective response rates")
    probs = numpy.zeros((len(seed_doc), len(HEADS)), dtype="f")
    probs[s:e, O] = 0.8
    spans, scores, _ = decode(seed_doc, probs, HEADS, {h: 0.5 for h in HEADS}, hygiene=SpanHygiene(seed_doc))
    assert [x.text for x in spans] == ["tumor growth", "objective response rates"]
    assert scores == [pytest.approx(0.8)] * 2


def test_outcome_grows_over_its_head_noun(seed_doc):
    assert cleaned(seed_doc, "urinary 5-HIAA", "OUTCOME") == ["urinary 5-HIAA decrease"]
    assert cleaned(seed_doc, "urinary 5-HIAA", "POPULATION") == ["urinary 5-HIAA"]
