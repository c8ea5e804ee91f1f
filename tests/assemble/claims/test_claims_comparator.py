"""The comparator slot agrees with the comparison decision (issue 10, round 7): a finding decided as a comparison
(increase / decrease / no difference) that names no comparator gets the design's comparator, as a reviewer
resolves it from the design sentence; a single-arm result (positive / negative) keeps none. Real sentences from
../shared (Evidence Inference train abstracts, not in the findings gold)."""

from claims_helpers import finding_of, make_record

# Evidence Inference PMC5737852 (title, design sentence and a results sentence)
KETAMINE = (
    "Factors Influencing the Cardiovascular Response to Subanesthetic Ketamine: A Randomized, Placebo-Controlled "
    "Trial. "
    "Blood pressure and heart rate were monitored during and following administration of a subanesthetic dose of "
    "ketamine or placebo in 68 healthy participants in a double-blind, randomized, controlled, parallel-design "
    "trial. "
    "Systolic and diastolic blood pressure as well as heart rate increased significantly upon ketamine "
    "administration, but without reaching hypertensive levels.")


def _ketamine():
    return make_record(KETAMINE, [
        ("INTERVENTION", "Subanesthetic Ketamine"), ("COMPARATOR", "Placebo-Controlled"),
        ("OUTCOME", "Blood pressure"), ("OUTCOME", "heart rate"), ("INTERVENTION", "ketamine"),
        ("COMPARATOR", "placebo"), ("OUTCOME", "Systolic and diastolic blood pressure"),
        ("OUTCOME", "heart rate", 1), ("INTERVENTION", "ketamine", 1)], title=True)


def test_a_comparison_naming_one_arm_gets_the_design_comparator():
    rec = _ketamine()
    claim = finding_of(rec, "increased significantly upon ketamine", arms="rules")
    ents = {e.id: e.text for e in rec.entities}
    assert claim.direction == "increase"
    assert [ents[i] for i in claim.intervention] == ["ketamine"]
    # the design's alternative ("ketamine or placebo"), carried from the methods sentence
    assert [ents[i] for i in claim.comparator] == ["placebo"]
    assert rec.entities[5].id in claim.inherited


def test_a_change_seen_in_every_subject_is_judged_not_compared():
    # EvidenceMap 10563544: a change within each subject of a crossover, not an effect against the placebo arm:
    # no comparator and a single-arm direction (before round 7 it was decided as a comparison, "decrease")
    text = ("All 17 subjects were given nicotine or placebo solution on two separate occasions in a randomized "
            "sequence. "
            "The nicotine reduced both tone and activity in all subjects, with reduction or abolition of the large "
            "contractions in UC.")
    rec = make_record(text, [("INTERVENTION", "nicotine"), ("COMPARATOR", "placebo"), ("INTERVENTION", "nicotine", 1),
                             ("OUTCOME", "tone")])
    claim = finding_of(rec, "tone", arms="rules")
    assert claim.comparator == []
    assert claim.direction in ("positive", "negative")
