"""Arm spans in outcome roles (:mod:`claimex.annotate.outcome_arms`), round-8 rules: received more, dose changes,
measures of an anatomical part, zero counts. Sentences are real ones from ``../shared`` (Evidence Inference 2.0
abstracts, PICO-Corpus and PubMed XML samples, not in the findings gold); the tagger's spans are given by hand, so
the rules are tested alone (as in ``test_outcome_counts.py``)."""

from __future__ import annotations

import pytest
from span_helpers import outcome_lists_of

from claimex.annotate.entities import claim_entities


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def run(nlp, text: str, tagged: list[tuple[str, str]]):
    return outcome_lists_of(nlp, text, tagged)


def labelled(doc, label: str) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == label]


def test_an_arm_received_in_a_larger_amount_is_the_outcome(nlp):
    # Evidence Inference 2.0, PMC 4565804
    text = "Dogs in the Placebo group received significantly more morphine doses than the Gabapentin group (P = 0.01)."
    doc = run(nlp, text, [("COMPARATOR", "Placebo"), ("INTERVENTION", "morphine"), ("INTERVENTION", "Gabapentin")])
    assert "morphine doses" in labelled(doc, "OUTCOME")
    assert labelled(doc, "INTERVENTION") == ["Gabapentin"]


def test_received_without_a_comparative_keeps_the_arm(nlp):
    # PubMed 26702213-style methods: what a group was given is its arm
    text = "Group P received phenylephrine before the induction of anaesthesia."
    doc = run(nlp, text, [("INTERVENTION", "phenylephrine")])
    assert labelled(doc, "INTERVENTION") == ["phenylephrine"]


def test_a_dose_change_of_a_drug_is_the_outcome(nlp):
    # PICO-Corpus 32275467
    text = ("Overall, 39.1% of patients had capecitabine dose reductions, and 8.4% reported grade ≥ 3 hand-foot "
            "syndrome.")
    doc = run(nlp, text, [("INTERVENTION", "capecitabine"), ("OUTCOME", "hand-foot syndrome")])
    assert "capecitabine dose reductions" in labelled(doc, "OUTCOME")
    assert labelled(doc, "INTERVENTION") == []


def test_a_zero_count_of_an_arm_worded_event_is_the_outcome(nlp):
    # PubMed 25345997 (the tagger's arm span given by hand); "no effect of any treatment" compares (EI PMC 2671107)
    doc = run(nlp, "There was no operative mortality.", [("INTERVENTION", "operative")])
    assert labelled(doc, "OUTCOME") == ["operative mortality"]
    doc = run(nlp, "There was no effect of any treatment on fibrinolysis.", [("INTERVENTION", "treatment"),
                                                                              ("OUTCOME", "fibrinolysis")])
    assert labelled(doc, "INTERVENTION") == ["treatment"]


def test_the_thickness_of_a_part_tagged_as_an_arm_is_one_outcome(nlp):
    # PubMed 26432314 (spans given by hand): the part measured belongs to the outcome's "of" phrase
    text = ("The thickness of the alveolar bone at 1 mm under the alveolar crest and at the apex were calculated "
            "before and after treatment.")
    doc = run(nlp, text, [("OUTCOME", "thickness"), ("INTERVENTION", "alveolar bone")])
    assert "thickness of the alveolar bone" in labelled(doc, "OUTCOME")


def test_an_arm_span_that_ends_a_measured_argument_completes_the_outcome(nlp):
    # PICO-Corpus 31843386: the tagger cut "removal time of indwelling drains" before its last word
    text = ("Intake of 25 mg per day of hydrochlorothiazide tablets effectively reduced the total abdominal drainage "
            "volume and removal time of indwelling drains.")
    doc = run(nlp, text, [("INTERVENTION", "hydrochlorothiazide"), ("OUTCOME", "total abdominal drainage volume"),
                          ("OUTCOME", "removal time of indwelling"), ("INTERVENTION", "drains")])
    assert "removal time of indwelling drains" in labelled(doc, "OUTCOME")
    assert labelled(doc, "INTERVENTION") == ["hydrochlorothiazide"]


def test_an_arm_span_before_a_noun_of_how_much_there_is_completes_the_outcome(nlp):
    # Evidence Inference 2.0 unlabelled, PMC 2887151
    text = ("This study aims to determine the subcutaneous (SC) dose of enoxaparin that would give the best "
            "anti-factor Xa levels in ICU patients.")
    doc = run(nlp, text, [("INTERVENTION", "enoxaparin"), ("INTERVENTION", "anti-factor Xa"), ("OUTCOME", "levels")])
    assert labelled(doc, "OUTCOME") == ["anti-factor Xa levels"]
    assert labelled(doc, "INTERVENTION") == ["enoxaparin"]


def test_arms_that_cause_or_are_given_stay_arms_beside_an_outcome(nlp):
    # PICO-Corpus 18506620, 17166386; Evidence Inference 2.0 unlabelled PMC 3533739
    doc = run(nlp, "At one year, age (P < 0.001) and taxane use (P = 0.002) were significant factors for CIA.",
              [("INTERVENTION", "taxane"), ("OUTCOME", "use"), ("OUTCOME", "CIA")])
    assert labelled(doc, "INTERVENTION") == ["taxane"]
    doc = run(nlp, "This study was to evaluate the efficacy and toxicity of injection Yiyoutasai in treating advanced "
                   "breast cancer.", [("OUTCOME", "efficacy and toxicity of injection"), ("INTERVENTION", "Yiyoutasai")])
    assert labelled(doc, "INTERVENTION") == ["Yiyoutasai"]
    doc = run(nlp, "There was no evidence that the number of times salicylic acid was applied was different between "
                   "the preference groups at one week (p=0.89).",
              [("OUTCOME", "number of times"), ("INTERVENTION", "salicylic acid")])
    assert labelled(doc, "INTERVENTION") == ["salicylic acid"]
