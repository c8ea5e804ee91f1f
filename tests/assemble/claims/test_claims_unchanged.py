"""An outcome that stayed as it was ("there was no change in Group I", "did not significantly change") beside a
comparison reports the single-arm findings too, one per arm (GUIDELINES, Findings: single-arm ``negative`` for "no
significant change"; "the same outcome within a group over time and between groups in one sentence gives two
findings"; issue 10, session 17; docs/claims-rounds.md section 31.1). Real sentences from ../shared: Evidence Inference train
abstracts outside the findings gold (PMC1626393, PMC3658908, PMC5773922)."""

from claims_helpers import entity_texts, findings_opening, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.unchanged import NO_CHANGE, unchanged

# PMC1626393: the trial's arms (design) and the result that contrasts the remediation arm's change with the control
# arm's course
REMEDIATION = (
    "In this prospective, randomized controlled trial, symptomatic, asthmatic children (n = 62) received an asthma "
    "intervention including an action plan, education, and individualized problem solving. "
    "The remediation group also received household repairs, including reduction of water infiltration. "
    "The control group received only home cleaning information. "
    "The remediation group had a significant decrease in symptom days (p = 0.003, as randomized; p = 0.004, intent "
    "to treat) after remodeling, whereas these parameters in the control group did not significantly change.")


def _remediation():
    return make_record(REMEDIATION, [
        ("INTERVENTION", "household repairs"), ("COMPARATOR", "home cleaning information"),
        ("INTERVENTION", "remediation group", 1), ("OUTCOME", "symptom days"), ("COMPARATOR", "control group", 1)])


def test_a_contrast_with_an_arm_that_did_not_change_gives_each_arms_finding():
    rec = _remediation()
    claims = findings_opening(rec, "The remediation group had")
    compared = [c for c in claims if c.direction in ("increase", "decrease", "no_difference")]
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert compared and all(c.comparator for c in compared)  # the comparison stays
    assert judged and all(not c.comparator for c in judged)  # single-arm: no comparator
    arms = [entity_texts(rec, c.intervention) for c in judged]
    # one finding per arm: the remediation arm and the control arm, each its own (not both the reported arm)
    assert len(judged) == 2 and arms[0] != arms[1], arms


def test_no_change_said_of_the_outcome_is_read_in_its_forms():
    for text in ("In addition, fecal occult blood levels increased significantly in Group O (p = 0.0018), but there "
                 "was no change in Group I (p = 1.0), and the between-group difference was significant (p = 0.0031).",
                 "In contrast, there were no significant changes in the mean number of mucosal breaks before and after "
                 "co-treatment in Group I (0.3 ± 0.8 to 0.5 ± 0.7, p = 0.62).",
                 "whereas these parameters in the control group did not significantly change.",
                 "Body weight remained stable in both arms.", "Ashworth scores were unchanged (p > .05)."):
        assert NO_CHANGE.search(text), text


def test_no_change_between_the_groups_is_no_arms_own_course():
    # PMC5773922: the difference between the arms, not a within-arm result
    rec = make_record("Fasting serum TAG did not change between the groups.")
    assert NO_CHANGE.search(rec.text) and not unchanged(sentence_views(rec)[0])


def test_no_study_of_changes_is_no_unchanged_outcome():
    # the words between "no" and "change" are of degree or significance only
    assert not NO_CHANGE.search("To date, no study investigated changes in resting EEG asymmetry caused by exercise.")
    assert not NO_CHANGE.search("The change in the evaluation of comfort showed an improvement in 70 women.")


def test_a_comparison_without_a_no_change_gives_the_comparison_only():
    # PMC3658908 (results): compared arms, nothing said to stay as it was
    rec = make_record(
        "Thirty-two healthy volunteers were randomly assigned to an irsogladine group (Group I) or an omeprazole "
        "group (Group O). The degree of increase in fecal calprotectin in Group O was significantly higher compared "
        "with that in Group I (p<0.05).",
        [("INTERVENTION", "irsogladine"), ("COMPARATOR", "omeprazole"), ("INTERVENTION", "Group O", 1),
         ("COMPARATOR", "Group I", 1), ("OUTCOME", "fecal calprotectin")])
    claims = findings_opening(rec, "The degree of increase")
    assert claims and all(c.direction in ("increase", "decrease", "no_difference") for c in claims)
    assert not unchanged(sentence_views(rec)[1])
