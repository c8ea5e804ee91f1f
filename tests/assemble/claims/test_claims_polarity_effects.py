"""Single-arm polarity of "positive / negative effect(s)" (GUIDELINES, Findings, direction: positive = favourable),
on real sentences from ../shared (Evidence Inference unlabelled abstracts, outside the findings gold)."""

from claimex.assemble.claims.polarity import polarity


def test_a_positive_effect_is_favourable():
    # Evidence Inference 2.0 unlabelled abstracts: a conclusion of a training trial (outcome masked as the claims
    # layer masks its entities)
    text = "Household level skill-based training has demonstrated a marked positive effect in the utilization of ___."
    assert polarity(text, False) == ("positive", False)


def test_a_negative_impact_is_unfavourable():
    text = "Malignancy diagnosis was associated with significant negative impact on ___."
    assert polarity(text, False) == ("negative", False)


def test_positive_alone_is_no_cue():
    # "positive" of a test or a receptor status judges nothing
    assert polarity("Patients with hormone receptor positive ___ were enrolled.", False) == (None, False)
