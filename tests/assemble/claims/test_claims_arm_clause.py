"""A sentence read clause by clause: a clause that names one arm and says how an outcome of that arm changed, setting
no arms apart, beside a clause that compares the arms, gives that arm's single-arm finding too (GUIDELINES, Findings:
single-arm for a within-group change; issue 10, session 19; docs/claims.md section 33.1). Real sentences from
../shared: Evidence Inference train (PMC3733748, PMC3131514) and unlabelled (PMC4173437) abstracts outside the findings
gold."""

from claims_helpers import entity_texts, findings_opening, make_record

from claimex.assemble.claims.armclause import fine_clauses

# PMC4173437: title, allocation, the results sentence with a comparing clause and a one-arm clause
TRANEXAMIC = (
    "The prophylactic role of tranexamic acid to reduce blood loss during radical surgery: A prospective study. "
    "Sixty adult female patients were blindly randomized into two groups to receive either intravenous 1 g "
    "tranexamic acid 20 min before skin incision or an equivalent volume of normal saline as placebo (P). "
    "The coagulation profile did not differ between the groups, but D-dimer concentrations were increased in the "
    "control group.")


def _tranexamic():
    return make_record(TRANEXAMIC, [
        ("INTERVENTION", "tranexamic acid"), ("INTERVENTION", "tranexamic acid", 1), ("COMPARATOR", "normal saline"),
        ("OUTCOME", "coagulation profile"), ("OUTCOME", "D-dimer concentrations"),
        ("COMPARATOR", "control group")], title=True)


def test_a_one_arm_clause_beside_a_comparing_clause_gives_that_arms_finding_too():
    rec = _tranexamic()
    claims = [c for c in findings_opening(rec, "The coagulation profile")
              if entity_texts(rec, c.outcome) == ["D-dimer concentrations"]]
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert any(c.direction in ("increase", "decrease", "no_difference") for c in claims)  # the comparison is kept
    assert len(judged) == 1 and not judged[0].comparator
    # the control group's finding, named as the design names the control arm (GUIDELINES: "normal saline" for "Group S")
    assert entity_texts(rec, judged[0].intervention) == ["normal saline"]


def test_the_comparing_clause_gives_no_single_arm_finding():
    rec = _tranexamic()
    claims = [c for c in findings_opening(rec, "The coagulation profile")
              if entity_texts(rec, c.outcome) == ["coagulation profile"]]
    assert claims and all(c.direction == "no_difference" and c.comparator for c in claims)


def test_fine_clauses_split_at_a_join_of_two_clauses_only():
    # PMC3733748 (EI train): ", and there was" joins two clauses
    text = ("Cilostazol treatment significantly reduced sVCAM-1 level (from 1288.7 ± 285.6 to 1168.2 ± 252.3 ng/dL, "
            "P = 0.0003), and there was also significant mean difference between groups.")
    assert len(fine_clauses(text)) == 2
    # a list of outcomes and the objects of one verb are no clauses
    for text in ("Heart rate, blood pressure, and oxygen saturation were lower in the study group.",
                 "Fracture patients treated with an early application of PEMF achieved a significantly increased rate "
                 "of union and an overall reduced suffering time compared with patients that receive PEMF later."):
        assert len(fine_clauses(text)) == 1, text


# PMC3131514 (EI train): a comparison opens the sentence and is said of its every clause
PREDNISOLONE = (
    "Effects of prednisolone on lipolysis: a randomized placebo-controlled trial. "
    "Participants were randomized to prednisolone 7.5 mg, prednisolone 30 mg or placebo. "
    "Prednisolone, compared with placebo, dose dependently and significantly increased fasting plasma glucose levels, "
    "whereas only prednisolone 30 mg increased fasting insulin levels (29 ± 15 pmol/l).")


def test_a_comparison_that_opens_the_sentence_is_said_of_every_clause():
    rec = make_record(PREDNISOLONE, [
        ("INTERVENTION", "prednisolone"), ("INTERVENTION", "prednisolone 30 mg"), ("COMPARATOR", "placebo", 1),
        ("INTERVENTION", "Prednisolone"), ("COMPARATOR", "placebo", 2), ("OUTCOME", "fasting plasma glucose levels"),
        ("INTERVENTION", "prednisolone 30 mg", 1), ("OUTCOME", "fasting insulin levels")], title=True)
    claims = [c for c in findings_opening(rec, "Prednisolone, compared")
              if entity_texts(rec, c.outcome) == ["fasting insulin levels"]]
    assert claims and not any(c.direction in ("positive", "negative") for c in claims)
