"""An effect denied in a controlled trial whose design named the other arm is no difference between the arms, not
a single-arm judgement (issue 10, session 13; docs/claims-rounds.md section 27.3); a harm denied stays a judgement of the
arm (GUIDELINES, Findings). Real sentences from ../shared (Evidence Inference train abstracts outside the findings
gold)."""

from claims_helpers import entity_texts, finding_of, make_record

# Evidence Inference PMC3733748 (title, the allocation sentence and a result; EI prompt: no significant difference
# against placebo)
CILOSTAZOL = (
    "Effect of cilostazol on arterial stiffness and vascular adhesion molecules in type 2 diabetic patients with "
    "metabolic syndrome: a randomised, double-blind, placebo-controlled, crossover trial. "
    "In this randomized, double-blind, crossover trial, 45 diabetic patients with metabolic syndrome were randomly "
    "assigned to either the cilostazol group (50 mg for 2 weeks, 100 mg for 6 weeks) or placebo group for an 8-week "
    "treatment phase, and then crossed over. "
    "However, other biochemical markers including lipid profiles, high sensitivity C-reactive protein, adiponectin, "
    "interleukin-6, tumor necrosis factor-alpha, monocyte chemotactic protein-1, and soluble intercellular adhesion "
    "molecule-1 did not improve with cilostazol treatment.")


def _cilostazol():
    return make_record(CILOSTAZOL, [
        ("INTERVENTION", "cilostazol"), ("INTERVENTION", "cilostazol group", 0), ("COMPARATOR", "placebo group"),
        ("OUTCOME", "lipid profiles"), ("OUTCOME", "adiponectin"), ("INTERVENTION", "cilostazol treatment")],
        title=True)


def test_an_effect_denied_in_a_controlled_trial_is_no_difference_against_the_design_comparator():
    rec = _cilostazol()
    claim = finding_of(rec, "did not improve with cilostazol")
    assert claim.direction == "no_difference"
    assert entity_texts(rec, claim.comparator) == ["placebo group"]


# Evidence Inference PMC2649924 (title, the control arm's sentence, the last result)
MAGNESIUM = (
    "Magnesium sulphate and amiodarone prophylaxis for prevention of postoperative arrhythmia in coronary by-pass "
    "operations. "
    "Sixty-four patients in group 3 (control group) had 100 cc. isotonic 0.9% as placebo, during the same time "
    "periods. "
    "No side effects of the drugs were observed.")


def test_a_harm_denied_stays_a_judgement_of_the_arm():
    rec = make_record(MAGNESIUM, [
        ("INTERVENTION", "Magnesium sulphate"), ("INTERVENTION", "amiodarone"), ("COMPARATOR", "placebo"),
        ("OUTCOME", "side effects")], title=True)
    rec.sentences[1].section, rec.sentences[2].section = "METHODS", "RESULTS"
    claim = finding_of(rec, "No side effects")
    assert claim.direction == "positive"
    assert claim.comparator == []
