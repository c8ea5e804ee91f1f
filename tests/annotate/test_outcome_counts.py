"""Outcomes said by the verb of a counted subject (:mod:`claimex.annotate.outcome_counts`), claims layer only.
Sentences are real ones from ``../shared`` (Evidence Inference 2.0 train abstracts and PubMed XML samples, not in
the findings gold); the tagger's spans are given by hand, so the rule is tested alone."""

from __future__ import annotations

import pytest
from span_helpers import outcome_lists_of

from claimex.annotate.entities import claim_entities, get_entities


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def run(nlp, text: str, tagged: list[tuple[str, str]]):
    return outcome_lists_of(nlp, text, tagged)


def outcomes(doc) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == "OUTCOME"]


# Evidence Inference 2.0, PMC 3580299
STONES = ("Thirty-nine of 41 (95.1%) patients in group 1 and 40 of 43 (93.0%) patients in group 2 ultimately passed "
          "stones (p=0.96).")
# Evidence Inference 2.0, PMC 1891439
FAILURE = ("19 out of 70 (27%) patients who completed the 7 day trial had acute clinical failure in the cefixime "
           "group as compared to 1 out of 88 patients (1%) in gatifloxacin group.")
# PubMed XML samples 26432115 / 25974212-like sample descriptions
EYES = "Four eyes (3.3%) required neodymium:YAG capsulotomy."
STAGE = "42% (22/53) had stage I/IE; 58% (31/53) stage II/IIE."
# PubMed XML samples: a passive participle after the count
CONFIRMED = "In 20 (33.3%) of the 60 patients, dermatophytosis was confirmed through a mycological study (p < 0.05)."


def test_the_verb_phrase_of_a_counted_subject_is_the_outcome(nlp):
    doc = run(nlp, STONES, [])
    assert outcomes(doc) == ["passed stones"]
    assert get_entities(doc) == []  # the PICO layer is unchanged


def test_a_relative_clause_is_passed_over_and_a_light_verb_gives_its_object(nlp):
    doc = run(nlp, FAILURE, [("INTERVENTION", "cefixime"), ("INTERVENTION", "gatifloxacin")])
    assert outcomes(doc) == ["acute clinical failure"]


def test_a_count_without_a_comparison_or_a_test_describes_a_sample(nlp):
    assert outcomes(run(nlp, EYES, [])) == []
    assert outcomes(run(nlp, STAGE, [])) == []


def test_a_passive_is_no_result_verb_and_a_tagged_outcome_stands(nlp):
    assert outcomes(run(nlp, CONFIRMED, [])) == []
    doc = run(nlp, STONES, [("OUTCOME", "stones")])
    assert outcomes(doc) == ["stones"]


# EvidenceMap 8918486 (not in the findings gold)
RECURRENCE = ("However , 25 of 48 control patients have had a first recurrence in the pelvis , compared with 15 of 51 "
              "cisplatin-treated patients ( P = .036 ) .")


def test_an_auxiliary_is_passed_over_and_the_object_drops_its_determiner(nlp):
    doc = run(nlp, RECURRENCE, [("COMPARATOR", "control"), ("INTERVENTION", "cisplatin-treated")])
    assert outcomes(doc) == ["first recurrence"]
