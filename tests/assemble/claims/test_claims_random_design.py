"""Allocation at random said with the adverb ("randomly assigned", "divided randomly") names a controlled design
like "randomised" does (:func:`claimex.assemble.claims.sides.controlled_design`; issue 10, session 13,
docs/claims-rounds.md section 27.3); a random sample ("randomly selected") does not. Real sentences from ../shared
(Evidence Inference unlabelled abstracts, none in the findings gold)."""

import pytest

from claimex.assemble.claims.sides import controlled_design

ALLOCATED = [
    # PMC2911596
    "Patients were randomly allocated to receive sevoflurane (n = 20) or isoflurane (n = 20) in 30% oxygen/air.",
    # PMC2931380
    "They were randomly divided into aerobic (n = 18) and resistance (n = 18) exercise groups.",
    # PMC2212351
    "A total of 77 patients with type 2 diabetes were assigned randomly into three dietary intervention groups: "
    "group M, diabetic meal delivery; group D, individual dietary counseling; and group C, conventional dietary "
    "education.",
]

SAMPLED = [
    # PMC3434899
    "METHODS:: Forty-six patients with confirmed diagnosis of lichen planus were randomly selected.",
    # PMC2253708
    "SETTING: A total of 34 randomly selected general practices from a German region (participation rate 87%).",
]


@pytest.mark.parametrize("sentence", ALLOCATED)
def test_random_allocation_in_words_is_a_controlled_design(sentence):
    assert controlled_design(sentence)


@pytest.mark.parametrize("sentence", SAMPLED)
def test_a_random_sample_is_no_controlled_design(sentence):
    assert not controlled_design(sentence)
