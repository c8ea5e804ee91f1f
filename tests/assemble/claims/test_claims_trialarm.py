"""The trial-arm check (:mod:`claimex.assemble.claims.trialarm`, ``models/claimex-trialarm``): a mention group that
is no arm of the trial neither keeps a finding's intervention by the arm ranker's own-arm rule nor wins the slot.
Real sentences of an Evidence Inference 2.0 train abstract (PMC 34114, ../shared/corpora/evidence-inference-v2; not
in the findings gold), the entities and scores as the shipped tagger gives them, trimmed to those the case needs."""

import json

import pytest
from claims_helpers import claims_of, ent, entity_texts, make_record

from claimex import paths
from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.armrank import ARM_TYPES, AbstractFacts, ArmRanker, default_ranker_path
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.trialarm import FEATURES, MODEL_NAME, TrialArmModel, group_features, load_trial_arms

needs_models = pytest.mark.skipif(not (default_ranker_path().exists() and paths.weights_path(MODEL_NAME).exists()),
                                  reason="models/claimex-arms or models/claimex-trialarm not shipped")

# PMC 34114: the tagger took the dose schedule "once-weekly" of the result sentence for an intervention (score .457)
RHIL = ("Results of a phase-I/II randomized, masked, placebo-controlled trial of recombinant human interleukin-11 "
        "(rhIL-11) in the treatment of subjects with active rheumatoid arthritis\n"
        "This was a multicenter, randomized, placebo-controlled trial that evaluated the safety and tolerability of "
        "rhIL-11 in 91 patients with active RA. "
        "Patients were treated for 12 weeks with either 2.5 or 7.5 μg/kg of rhIL-11 or placebo twice per week or 5 "
        "or 15 μg/kg of rhIL-11 or placebo once per week. "
        "The data suggest a statistically significant reduction in the number of tender joints (P < 0.008) at the "
        "15 μg/kg once-weekly dose schedule but showed no overall significant benefit at the ACR criterion of a 20% "
        "response. "
        "The trial showed rhIL-11 to be safe and well tolerated at a variety of doses and schedules over a 12-week "
        "treatment period in patients with active RA.")
RHIL_ENTITIES = [  # (label, text, occurrence, expanded), score
    (("COMPARATOR", "placebo-controlled"), 0.962), (("INTERVENTION", "recombinant human interleukin-11"), 0.969),
    (("INTERVENTION", "rhIL-11"), 0.5), (("POPULATION", "subjects with active rheumatoid arthritis"), 0.848),
    (("COMPARATOR", "placebo-controlled", 1), 0.964), (("OUTCOME", "safety and tolerability"), 0.766),
    (("INTERVENTION", "rhIL-11", 1, "recombinant human interleukin-11"), 0.5),
    (("POPULATION", "91 patients with active RA"), 0.934),
    (("INTERVENTION", "rhIL-11", 2, "recombinant human interleukin-11"), 0.5), (("COMPARATOR", "placebo", 2), 0.957),
    (("INTERVENTION", "rhIL-11", 3, "recombinant human interleukin-11"), 0.5), (("COMPARATOR", "placebo", 3), 0.962),
    (("OUTCOME", "number of tender joints"), 0.939), (("INTERVENTION", "once-weekly"), 0.457),
    (("OUTCOME", "ACR criterion"), 0.5), (("INTERVENTION", "rhIL-11", 4, "recombinant human interleukin-11"), 0.5),
    (("OUTCOME", "safe"), 0.746), (("OUTCOME", "well tolerated"), 0.953),
]


def _record():
    rec = make_record(RHIL, [spec for spec, _ in RHIL_ENTITIES], title=True)
    for e, (_, score) in zip(rec.entities, RHIL_ENTITIES):
        e.score = score
    return rec


def _claim_of(rec, words, arms=None):
    """The first claim the arm ranker checks (finding, adverse effect, conclusion: "The data suggest ..." is typed
    a conclusion) whose sentence holds ``words``."""
    return next(c for c in claims_of(rec, arms=arms) if words in c.text and c.type in ARM_TYPES)


def _ranker_without_check() -> ArmRanker:
    return ArmRanker.load(default_ranker_path(), trial_arms=paths.weights_path(MODEL_NAME).parent / "missing")


@needs_models
def test_a_dose_schedule_tagged_as_an_arm_gives_the_slot_to_the_trial_arm():
    rec = _record()
    before = _claim_of(rec, "number of tender joints", arms=_ranker_without_check())
    # the own-arm rule kept the one I/C mention of the sentence
    assert entity_texts(rec, before.intervention) == ["once-weekly"]
    claim = _claim_of(rec, "number of tender joints")
    assert entity_texts(rec, claim.intervention) == ["rhIL-11"]  # the trial's arm, carried
    assert claim.comparator == before.comparator and entity_texts(rec, claim.comparator) == ["placebo"]
    assert claim.direction == before.direction


@needs_models
def test_the_trial_arms_are_arms_and_the_schedule_is_not():
    rec = _record()
    ClaimAssembler(arms="rules")(rec)
    views = sentence_views(rec)
    facts = AbstractFacts(rec, views)
    model = load_trial_arms()
    p = {g[0].text: q for g, q in zip(facts.arms, model.probabilities(group_features(facts, views)))}
    assert p["once-weekly"] < model.threshold < p["recombinant human interleukin-11"]
    not_arm = {facts.arms[g][0].text for g in model.not_arms(facts, views)}
    assert "once-weekly" in not_arm
    # the later "rhIL-11" mentions are the long form's group (expanded); the placebo arm is control-worded
    assert not not_arm & {"recombinant human interleukin-11", "placebo-controlled"}


@needs_models
def test_a_control_worded_group_is_always_an_arm():
    # a model that finds no arm at all still leaves the control arm (a single-arm finding of the placebo group
    # keeps its intervention)
    rec = _record()
    views = sentence_views(rec)
    facts = AbstractFacts(rec, views)
    nothing = TrialArmModel([-30.0] + [0.0] * (len(FEATURES) - 1), 0.5)
    not_arm = {facts.arms[g][0].text for g in nothing.not_arms(facts, views)}
    assert "placebo-controlled" not in not_arm and {"once-weekly", "recombinant human interleukin-11"} <= not_arm


def test_without_the_weights_every_group_is_an_arm(tmp_path):
    assert load_trial_arms(tmp_path / "missing") is None
    if default_ranker_path().exists():
        assert ArmRanker.load(default_ranker_path(), trial_arms=tmp_path / "missing").trial_arms is None


def test_weights_for_other_features_are_refused(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"features": ["bias"], "w": [0.0], "threshold": 0.5}), encoding="utf-8")
    with pytest.raises(ValueError, match="features"):
        TrialArmModel.load(path)


def test_the_own_arm_rule_still_keeps_an_arm_of_the_trial():
    # a model that finds every group an arm changes nothing: "once-weekly" keeps the slot
    rec = _record()
    everything = TrialArmModel([30.0] + [0.0] * (len(FEATURES) - 1), 0.5)
    if not default_ranker_path().exists():
        pytest.skip("models/claimex-arms not shipped")
    ranker = _ranker_without_check()
    ranker.trial_arms = everything
    claim = _claim_of(rec, "number of tender joints", arms=ranker)
    assert claim.intervention == [ent(rec, "once-weekly")]
