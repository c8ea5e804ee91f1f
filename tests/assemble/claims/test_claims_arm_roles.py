"""Arm roles of issue 10 (arms3): bare control labels resolved to the design's named control arm, arms
coordinated with a syntactic comparator, two valued arms set against each other - each on real sentences
from ../shared."""

from claims_helpers import ent, finding_of, make_record


def test_bare_control_group_is_the_control_arm_the_design_named():
    # Evidence Inference 3917487: "the control group" is the ordinary yogurt of the design sentence, not a
    # bare "control" mention
    text = ("Effects of probiotic yogurt on performance of young adult female endurance swimmers: a randomized "
            "controlled trial. "
            "Subjects were randomly assigned into two groups,receiving either 400 ml probiotic yogurt "
            "(intervention group) or ordinary yogurt (control group) daily for 8weeks. "
            "The average numberof episodes of respiratory infection in the intervention group was 0.9 day, which "
            "was statistically fewer than thatin the control group (1.4 days), P=0.009.")
    rec = make_record(text, [("INTERVENTION", "probiotic yogurt"), ("INTERVENTION", "probiotic yogurt", 1),
                             ("COMPARATOR", "ordinary yogurt"), ("COMPARATOR", "control", 1),
                             ("INTERVENTION", "intervention group", 1), ("COMPARATOR", "control", 2),
                             ("OUTCOME", "episodes of respiratory infection")], title=True)
    claim = finding_of(rec, "respiratory infection")
    assert claim.comparator == [ent(rec, "ordinary yogurt")]
    assert ent(rec, "control", 1) in claim.arm_mentions  # the sentence's own mention
