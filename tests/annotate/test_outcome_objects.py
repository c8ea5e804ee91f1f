"""What an effect verb acts on is the outcome (:mod:`claimex.annotate.outcome_objects`). Sentences are real ones from
Evidence Inference 2.0 train abstracts in ``../shared`` (not in the findings gold); the tagger's spans are given by
hand as the tagger gave them there, so the rule is tested alone (as in ``test_outcome_arms.py``)."""

from __future__ import annotations

import pytest
from span_helpers import outcome_lists_of

from claimex.annotate.entities import claim_entities


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def labelled(doc, label: str) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == label]


def test_the_object_of_an_effect_verb_is_the_outcome_not_an_arm(nlp):
    # Evidence Inference 2.0, PMC 5809707
    text = ("The use of 50 µg fentanyl or 0.5 mg/kg ketamine in a single dose during EUS reduces the dose of propofol "
            "required for sedation.")
    doc = outcome_lists_of(nlp, text, [("INTERVENTION", "fentanyl"), ("INTERVENTION", "ketamine"),
                                       ("INTERVENTION", "EUS"), ("INTERVENTION", "propofol"),
                                       ("INTERVENTION", "sedation")])
    assert labelled(doc, "OUTCOME") == ["dose of propofol"]
    assert "propofol" not in labelled(doc, "INTERVENTION") and "fentanyl" in labelled(doc, "INTERVENTION")


def test_a_denied_effect_names_its_outcome_too(nlp):
    # Evidence Inference 2.0, PMC 3488177 (its title)
    text = "Tourniquet use in total knee replacement does not improve fixation, but appears to reduce final range of motion"
    doc = outcome_lists_of(nlp, text, [("INTERVENTION", "Tourniquet"), ("OUTCOME", "use"),
                                       ("INTERVENTION", "total knee replacement"), ("INTERVENTION", "fixation"),
                                       ("OUTCOME", "final range")])
    assert "fixation" in labelled(doc, "OUTCOME")
    assert "total knee replacement" in labelled(doc, "INTERVENTION")


def test_a_verb_without_an_object_keeps_the_arm_after_it(nlp):
    # Evidence Inference 2.0, PMC 4331444: "increased following X" - X is when, not what
    text = "NT-proBNP increased following chemoradiotherapy (p = 0.05) but not after chemotherapy (p > 0.99)."
    doc = outcome_lists_of(nlp, text, [("OUTCOME", "NT-proBNP"), ("INTERVENTION", "chemoradiotherapy"),
                                       ("INTERVENTION", "chemotherapy")])
    assert labelled(doc, "INTERVENTION") == ["chemoradiotherapy", "chemotherapy"]


def test_an_object_that_holds_an_outcome_is_left_as_tagged(nlp):
    # Evidence Inference 2.0, PMC 1865086
    text = "The drug combination reduced VAT and insulin resistance over time."
    doc = outcome_lists_of(nlp, text, [("INTERVENTION", "drug combination"), ("OUTCOME", "VAT"),
                                       ("INTERVENTION", "insulin")])
    assert labelled(doc, "INTERVENTION") == ["drug combination", "insulin"]
