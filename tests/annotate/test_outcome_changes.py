"""A change noun is no outcome when the outcome it changes follows (:mod:`claimex.annotate.outcome_changes`).
Sentences are real ones from ../shared; the tagger's spans are given by hand as the tagger gave them there, so the
rule is tested alone (as in ``test_outcome_objects.py``)."""

from __future__ import annotations

import pytest
from span_helpers import outcome_lists_of

from claimex.annotate.entities import claim_entities


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def outcomes(doc) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == "OUTCOME"]


def test_greater_improvements_in_an_outcome_give_the_outcome_alone(nlp):
    # EvidenceMap 8885803 (findings gold, tune: one finding, outcome "rhinitis symptoms")
    text = ("Patients receiving triamcinolone acetonide aqueous nasal spray , 220 micrograms/day , had significantly "
            "( P < .05 ) greater improvements in all rhinitis symptoms at weeks 1 and 2 .")
    doc = outcome_lists_of(nlp, text, [("INTERVENTION", "triamcinolone acetonide aqueous nasal spray"),
                                       ("OUTCOME", "improvements"), ("OUTCOME", "rhinitis symptoms")])
    assert outcomes(doc) == ["rhinitis symptoms"]


def test_the_change_noun_stays_where_no_outcome_follows(nlp):
    # outside-gold Evidence Inference 3532974: "more changes in medication" counts the changes (not a change noun
    # of this rule); "improvement" with no OUTCOME after it is the outcome the sentence has
    text = "Intervention patients had significantly more BP readings and more changes in medication."
    doc = outcome_lists_of(nlp, text, [("OUTCOME", "BP readings"), ("OUTCOME", "changes"), ("OUTCOME", "medication")])
    assert "changes" in outcomes(doc)
    text = "Group I had a higher degree of improvement than group II (24±5 vs 19±5, p<0.001)."
    doc = outcome_lists_of(nlp, text, [("OUTCOME", "improvement")])
    assert outcomes(doc) == ["improvement"]


def test_reductions_in_a_list_of_outcomes(nlp):
    # outside-gold Evidence Inference 3400348 (claimex extract, session 32): two findings had come out, "reductions"
    # and "BP"
    text = ("Treatment with telmisartan-HCTZ induced significantly greater reductions in BP (−31.1/−18.3 mm Hg) than "
            "valsartan-HCTZ (−28.4/−16.3 mm Hg).")
    doc = outcome_lists_of(nlp, text, [("INTERVENTION", "telmisartan-HCTZ"), ("OUTCOME", "reductions"),
                                       ("OUTCOME", "BP"), ("COMPARATOR", "valsartan-HCTZ")])
    assert outcomes(doc) == ["BP"]
