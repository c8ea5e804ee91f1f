"""A named set of outcomes is an outcome (:mod:`claimex.annotate.outcome_sets`). Sentences are real ones from
Evidence Inference 2.0 train abstracts and the PICO-Corpus in ``../shared`` (not in the findings gold); the tagger
tagged no OUTCOME in them (its other spans are given by hand as it gave them), so the rule is tested alone (as in
``test_outcome_objects.py``)."""

from __future__ import annotations

import pytest
from span_helpers import outcome_lists_of

from claimex.annotate.entities import claim_entities


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def labelled(doc, label: str) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == label]


def test_the_secondary_outcomes_a_sentence_compares_are_its_outcome(nlp):
    # Evidence Inference 2.0, PMC 4675066
    doc = outcome_lists_of(nlp, "No differences were identified between groups in any secondary outcomes.", [])
    assert labelled(doc, "OUTCOME") == ["secondary outcomes"]


def test_outcome_measures_need_no_modifier(nlp):
    # Evidence Inference 2.0, PMC 4650105
    text = ("There were no significant differences between the two groups over the 1-year follow-up for any of the "
            "outcome measures.")
    assert labelled(outcome_lists_of(nlp, text, []), "OUTCOME") == ["outcome measures"]


def test_two_sets_joined_by_and_are_one_outcome_beside_the_arms(nlp):
    # Evidence Inference 2.0, PMC 3747889
    text = ("There were no differences in the primary and secondary outcomes between the n-3FA supplement and placebo "
            "groups.")
    doc = outcome_lists_of(nlp, text, [("INTERVENTION", "n-3FA supplement"), ("COMPARATOR", "placebo")])
    assert labelled(doc, "OUTCOME") == ["primary and secondary outcomes"]
    assert labelled(doc, "INTERVENTION") == ["n-3FA supplement"]


def test_an_end_point_named_after_it_is_left_to_its_name(nlp):
    # PICO-Corpus 15117982: the outcome is "time to progression", named after "of"
    text = ("At a median follow-up of 14.5 months, there was no significant difference between fulvestrant and "
            "tamoxifen for the primary end point of time to progression.")
    doc = outcome_lists_of(nlp, text, [("INTERVENTION", "fulvestrant"), ("INTERVENTION", "tamoxifen"),
                                       ("OUTCOME", "time to progression")])
    assert labelled(doc, "OUTCOME") == ["time to progression"]


def test_a_planned_test_names_no_result(nlp):
    # PICO-Corpus 30558672 (methods)
    text = "A Fisher's exact test will be used to test differences between groups on the primary outcome."
    assert labelled(outcome_lists_of(nlp, text, []), "OUTCOME") == []


def test_a_bare_set_and_a_list_header_are_not_outcomes(nlp):
    # PICO-Corpus 25537522: the list after "included" names the outcomes
    text = ("Improvements in secondary outcomes included reduced fatigue, sleep disturbance, and vasomotor symptoms "
            "(P < .05 for all).")
    doc = outcome_lists_of(nlp, text, [("OUTCOME", "fatigue"), ("OUTCOME", "sleep disturbance"),
                                       ("OUTCOME", "vasomotor symptoms")])
    assert "secondary outcomes" not in labelled(doc, "OUTCOME")
    # Evidence Inference 2.0, PMC 2365983: "outcome" alone names no set
    text = "It was suggested that the lack of difference in outcome between HAL-RP and ORP could be explained."
    assert labelled(outcome_lists_of(nlp, text, []), "OUTCOME") == []
