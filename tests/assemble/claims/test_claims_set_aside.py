"""A comparison's cue word is read of the claim's own arms: a comparator-side mention the claim set apart (a stray
comparator, a mention of no arm of the trial) is not the arm the cue is said of (issue 10, session 21,
:func:`claimex.assemble.claims.decision.set_aside`). Real sentences from Evidence Inference 2.0 train abstracts
(../shared/corpora/evidence-inference-v2; not in the findings gold), with the shipped tagger's arm spans."""

from claims_helpers import entity_texts, make_record

import claimex.assemble.claims as claims_module
from claimex.assemble.claims.context import Arm
from claimex.assemble.claims.decision import cue_arms
from claimex.assemble.claims.switches import without
from claimex.schema import Entity

# PMC 3580671 (title, aim, allocation, result)
MEROPENEM = (
    "Clinical and microbiological efficacy of continuous versus intermittent application of meropenem in critically "
    "ill patients: a randomized open-label controlled trial. "
    "The goal of this study was to compare clinical and bacteriological efficacy of continuous meropenem infusion "
    "versus bolus administration in critically ill patients with severe infection, and to evaluate the safety of "
    "both dosing regimens. "
    "Patients admitted to the interdisciplinary Intensive Care Unit (ICU) who suffered from severe infections and "
    "received meropenem were randomized either in the Infusion group (n = 120) or in the Bolus group (n = 120). "
    "Meropenem-related ICU stay was shorter in the Infusion group compared to the Bolus group (10 (7 to 14) days vs. "
    "12 (7 to 19) days; P = 0.044) as well as shorter duration of meropenem therapy (7 (6 to 8) days vs. 8 (7 to 10) "
    "days; P = 0.035) and lower total dose of meropenem (24 (21 to 32) grams vs. 48 (42 to 60) grams; P < 0.0001).")
MEROPENEM_ENTS = [
    ("OUTCOME", "microbiological efficacy"), ("INTERVENTION", "continuous"), ("INTERVENTION", "intermittent"),
    ("INTERVENTION", "meropenem"), ("OUTCOME", "bacteriological efficacy"),
    ("INTERVENTION", "continuous meropenem infusion"), ("INTERVENTION", "bolus"), ("OUTCOME", "safety"),
    ("INTERVENTION", "interdisciplinary"), ("OUTCOME", "severe infections"), ("INTERVENTION", "meropenem", 2),
    ("INTERVENTION", "Infusion", 0), ("INTERVENTION", "Bolus", 0), ("OUTCOME", "Meropenem-related ICU stay"),
    ("INTERVENTION", "Infusion", 1), ("INTERVENTION", "Bolus", 1), ("OUTCOME", "duration of meropenem therapy"),
    ("OUTCOME", "total dose"), ("INTERVENTION", "meropenem", 4)]


def _meropenem():
    return make_record(MEROPENEM, MEROPENEM_ENTS, title=True)


def test_the_cue_of_a_later_outcome_is_read_of_the_claims_arms():
    # "... shorter in the Infusion group compared to the Bolus group ... and lower total dose of meropenem": the
    # "meropenem" of the outcome's words is no arm of this comparison; the Infusion group had the lower dose
    rec = _meropenem()
    claim = next(c for c in claims_module.ClaimAssembler("cues")(rec)
                 if "total dose" in entity_texts(rec, c.outcome))
    assert entity_texts(rec, claim.intervention) == ["Infusion"]
    assert entity_texts(rec, claim.comparator) == ["Bolus"]
    assert claim.direction == "decrease"


def test_without_the_rule_the_stray_mention_flipped_the_cue():
    rec = _meropenem()
    with without("set_aside"):
        claim = next(c for c in claims_module.ClaimAssembler("cues")(rec)
                     if "total dose" in entity_texts(rec, c.outcome))
    assert claim.direction == "increase"


def test_only_comparator_side_mentions_set_apart_leave_the_cue_arms():
    ent = Entity(id="E1", label="INTERVENTION", start=0, end=3, text="abc")
    arms = [Arm(0, 3, "abc", ent, "C"), Arm(5, 8, "def", Entity(id="E2", label="INTERVENTION", start=5, end=8,
                                                                  text="def"), "I")]
    assert cue_arms(arms, frozenset({"E1"})) == arms[1:]
    assert cue_arms(arms, frozenset({"E2"})) == arms  # an intervention-side mention stays
    assert cue_arms(arms, frozenset()) == arms
