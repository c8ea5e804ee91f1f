"""Within-group changes are single-arm findings (GUIDELINES, Findings; issue 10, round 2): a change against the
start of treatment, or located in the one arm a sentence names, has no comparator and is judged
positive / negative; a sentence that compares the arms stays a comparison. Real sentences from ../shared
(Evidence Inference abstracts of the findings gold)."""

from claims_helpers import claims_of, finding_of, make_record

from claimex.assemble.claims.harms import harmful
from claimex.assemble.claims.significance import AGAINST_START, NOT_SIGNIFICANT, WITHIN_CHANGE

# Evidence Inference PMC5515187 (title, design and two results sentences)
EDUCATION = (
    "The impact of educational intervention on self-care behaviors in overweight hypertensive women: A "
    "randomized control trial. "
    "The control group received routine care from health-care center and any special intervention has been done "
    "for the control group. "
    "After 6 months intervention self-efficacy (< 0.001) and physical activity (< 0.001) improvement of in the "
    "intervention group was significantly different in comparison with the control group. "
    "After 6 months, there was a significant reduction in systolic (P < 0.001) and diastolic BP (P = 0.010) in "
    "the intervention group.")


def _education():
    return make_record(EDUCATION, [
        ("INTERVENTION", "educational intervention"), ("COMPARATOR", "routine care"),
        ("OUTCOME", "self-efficacy"), ("OUTCOME", "systolic"), ("OUTCOME", "diastolic BP"),
        ("INTERVENTION", "intervention", 4)], title=True)  # "in the intervention group", as the tagger marks it


def test_a_change_in_the_one_arm_named_is_a_single_arm_finding():
    rec = _education()
    claim = finding_of(rec, "significant reduction in systolic")
    # the arm is where the change happened, not the subject of a comparison: no comparator, judged
    assert claim.comparator == []
    # a fall of blood pressure is favourable ("systolic" alone names it)
    assert (claim.direction, claim.significant) == ("positive", True)


def test_the_same_arm_compared_with_the_control_group_stays_a_comparison():
    rec = _education()
    claim = finding_of(rec, "significantly different in comparison")
    assert claim.comparator and claim.direction in ("increase", "decrease", "no_difference")


# Evidence Inference PMC5140822 (the abstract's lines joined)
RIDING = (
    "The effects of horse riding simulation exercise with blindfolding on healthy subjects’ balance and gait. "
    "Thirty subjects were randomly divided into an experimental group (n=15) and a control group (n=15). "
    "The control group took part in the horse riding exercises without a blindfold. "
    "The experimental group showed significant improvement in static balance, dynamic balance, velocity, and "
    "cadence compared to pre-intervention measurements.")


def test_compared_to_pre_intervention_measurements_is_within_the_arm():
    rec = make_record(RIDING, [
        ("INTERVENTION", "horse riding simulation exercise with blindfolding"),
        ("COMPARATOR", "horse riding exercises without a blindfold"), ("OUTCOME", "static balance"),
        ("OUTCOME", "dynamic balance"), ("OUTCOME", "velocity"), ("OUTCOME", "cadence")], title=True)
    claim = finding_of(rec, "compared to pre-intervention")
    assert claim.comparator == []
    assert (claim.direction, claim.significant) == ("positive", True)


def test_within_wording():
    # before / after the intervention (PMC4477769), pre- and post-training (PMC3309323)
    assert WITHIN_CHANGE.search("the mean score of satisfaction among the parents of the children was 20 out of 90 "
                                "before the intervention, but, after the FCC method was used, it increased to 83.2")
    assert WITHIN_CHANGE.search("After pre- and post-training experimental group, MT, MV, NJS improved significantly")
    assert not WITHIN_CHANGE.search("was significantly different in comparison with the control group")


def test_a_drug_named_pre_is_no_time_before_treatment():
    # PMC3821116 (Evidence Inference, outside the gold): "than the pregabalin group" sets the arms apart
    nausea = "Nausea frequency was also higher in the placebo group than the pregabalin group (P = 0.003)."
    assert not WITHIN_CHANGE.search(nausea) and not AGAINST_START.search(nausea)
    assert AGAINST_START.search("compared to pre-intervention") and AGAINST_START.search("than pretreatment values")


def test_blood_pressure_is_harmful_but_systolic_velocities_are_not():
    assert harmful("systolic") and harmful("diastolic BP") and harmful("SBP")
    assert not harmful("systolic (S') mitral annular velocities")


# Evidence Inference PMC4598102 (title, design and a results sentence, as written)
ANTIPSYCHOTICS = (
    "Adjunctive Aripiprazole Treatment for Risperidone-Induced Hyperprolactinemia: An 8-Week Randomized, "
    "Open-Label, Comparative Clinical Trial. "
    "One hundred and thirteen patients who were receiving a stable dose of risperidone were randomly assigned to "
    "either adjunctive aripiprazole treatment (10 mg/day) (aripiprazole group) or no additional treatment "
    "(control group) at a 1:1 ratio for 8 weeks. "
    "There were no significant differences in changes of Fasting Plasma Glucose, Total cholesterol, Triglycerides "
    "and High Density Lipoprotein within each group at week 4 and 8 execpt low density lipoproteins.")


def test_no_differences_within_each_group_is_a_single_arm_no_change():
    rec = make_record(ANTIPSYCHOTICS, [
        ("INTERVENTION", "adjunctive aripiprazole treatment"), ("COMPARATOR", "no additional treatment"),
        ("OUTCOME", "changes of Fasting Plasma Glucose"), ("OUTCOME", "Total cholesterol")], title=True)
    claim = finding_of(rec, "within each group")
    assert claim.comparator == []
    # no change of a harmful measure is no change, not "a harm that did not happen"
    assert (claim.direction, claim.significant) == ("negative", False)


# Evidence Inference PMC4477769 (title, design and a results sentence)
FAMILY = (
    "Effects of family-centered care on the satisfaction of parents of children hospitalized in pediatric wards "
    "in a pediatric ward in Chaloos in 2012. "
    "They were divided randomly into two equal groups, a control group (routine care) and an experimental group "
    "(family-centered care). "
    "In the FCC group, the mean score of satisfaction among the parents of the children was 20 out of 90 before "
    "the intervention, but, after the FCC method was used, it increased to 83.2 out of 90.")


def test_a_score_before_and_after_the_intervention_is_a_single_arm_finding():
    rec = make_record(FAMILY, [
        ("INTERVENTION", "family-centered care"), ("COMPARATOR", "routine care"), ("INTERVENTION", "FCC"),
        ("OUTCOME", "mean score of satisfaction")], title=True)
    claim = finding_of(rec, "before the intervention")
    assert claim.comparator == [] and claim.direction == "positive"


# Evidence Inference PMC2952311 (title, design and a results sentence)
ACUPRESSURE = (
    "Comparative Effects of Acupressure at Local and Distal Acupuncture Points on Pain Conditions and Autonomic "
    "Function in Females with Chronic Neck Pain. "
    "Thirty-three females were assigned to three groups: the control group did not receive any stimuli, the LP group "
    "received acupressure at local acupuncture points, GB 21, SI 14 and SI 15, and the DP group received acupressure "
    "at distal acupuncture points, LI 4, LI 10 and LI 11. "
    "VRS, NDI, STAI and MH values decreased after acupressure in the LP and the DP group.")


def test_a_change_in_arms_written_as_a_list_is_one_finding_of_their_common_treatment():
    rec = make_record(ACUPRESSURE, [
        ("INTERVENTION", "Acupressure"), ("INTERVENTION", "acupressure", 0), ("INTERVENTION", "acupressure", 2),
        ("INTERVENTION", "LP", 1), ("INTERVENTION", "DP", 1),
        ("OUTCOME", "VRS"), ("OUTCOME", "NDI"), ("OUTCOME", "STAI"), ("OUTCOME", "MH values")], title=True)
    claims = [c for c in claims_of(rec) if "in the LP and the DP group" in c.text and c.type == "finding"]
    ents = {e.id: e.text for e in rec.entities}
    assert claims and all(c.comparator == [] for c in claims)
    assert {tuple(ents[i] for i in c.intervention) for c in claims} == {("acupressure",)}
    # pain (verbal rating scale), neck disability and anxiety falling are favourable
    assert all(c.direction == "positive" for c in claims)


def test_each_listed_arm_with_its_own_values_gives_its_own_single_arm_finding():
    # EvidenceMap 10993031: "HRT alone" and "HRT + T" share a word; each arm has its own change
    text = ("Deoxypyridinoline levels decreased significantly in the HRT alone and HRT + T groups , - 14.4 +/- 6.8 % "
            "and -26.9 +/- 7.6 % , respectively .")
    rec = make_record(text, [("OUTCOME", "Deoxypyridinoline levels"), ("INTERVENTION", "HRT alone"),
                             ("INTERVENTION", "HRT + T")])
    claims = [c for c in claims_of(rec) if c.type == "finding"]
    ents = {e.id: e.text for e in rec.entities}
    assert sorted(ents[c.intervention[0]] for c in claims) == ["HRT + T", "HRT alone"]
    assert all(c.comparator == [] and c.direction in ("positive", "negative") for c in claims)


def test_each_arms_own_change_by_an_amount_needs_no_preposition_before_the_first_arm():
    # EvidenceMap 10993031 (findings gold): "by +2.2 % the HRT alone group and by + 1.8 % in the HRT + T group" -
    # the source drops the "in"; "changed by X ... and by Y" with two arms is still each arm's own change
    text = ("The E2 and E2+P4 groups were combined into the HRT alone group ( n=30 ) , and the E2+T and E2+P4+T "
            "groups were combined into the HRT + T group ( n=27 ) . "
            "Bone mineral density in the lumbar spine increased ( p < 0.05 ) by +2.2 +/- 0.5 % the HRT alone group "
            "and by + 1.8 +/- 0.6 % in the HRT + T group .")
    rec = make_record(text, [("INTERVENTION", "HRT alone"), ("INTERVENTION", "HRT + T"),
                             ("OUTCOME", "Bone mineral density in the lumbar spine"),
                             ("INTERVENTION", "HRT alone", 1), ("INTERVENTION", "HRT + T", 1)])
    claims = [c for c in claims_of(rec) if c.sentence == 1]
    ents = {e.id: e.text for e in rec.entities}
    assert sorted(ents[c.intervention[0]] for c in claims) == ["HRT + T", "HRT alone"]
    assert all(c.comparator == [] and (c.direction, c.significant) == ("positive", True) for c in claims)


def test_did_not_result_in_added_benefit_is_no_difference():
    # EvidenceMap 10993031 (conclusion): the spine's result is no difference, the hip's a significant increase
    text = ("Although the addition of testosterone to HRT for 1 year did not result in added benefit to the spine bone "
            "mineral density , it did result in a significant increase in hip bone mineral density .")
    assert NOT_SIGNIFICANT.search(text[:text.index(",")])
    rec = make_record(text, [("INTERVENTION", "testosterone to HRT"), ("OUTCOME", "spine bone mineral density"),
                             ("OUTCOME", "hip bone mineral density")])
    got = {rec.entities[int(c.outcome[0][1:]) - 1].text: c for c in claims_of(rec) if c.outcome}
    spine = got["spine bone mineral density"]
    # no change (a single-sentence record has no design: judged, "no change" is negative), not the hip's increase
    assert spine.direction in ("no_difference", "negative") and spine.significant is False


def test_each_arm_changed_by_its_own_amount_is_a_single_arm_finding_per_arm():
    # EvidenceMap 10993031: a change of each arm, no comparison between them
    text = ("Bone-specific alkaline phosphatase decreased ( p < 0.05 ) by -14.3 +/- 4.1 % in the HRT alone group and by "
            "-8.2 +/- 4.6 % in the HRT + T group .")
    rec = make_record(text, [("OUTCOME", "Bone-specific alkaline phosphatase"), ("INTERVENTION", "HRT alone"),
                             ("INTERVENTION", "HRT + T")])
    claims = [c for c in claims_of(rec) if c.type == "finding"]
    ents = {e.id: e.text for e in rec.entities}
    assert sorted(ents[c.intervention[0]] for c in claims) == ["HRT + T", "HRT alone"]
    assert all(c.comparator == [] and c.direction in ("positive", "negative") for c in claims)


# Evidence Inference PMC4720464 (design and results sentences; the tea arm is tagged as an intervention, so no
# comparator is seen)
COFFEE = (
    "Sixty patients were randomized in relation to the type of resection surgery. "
    "The first group of thirty patients was given 100 ml of instant coffee, while the second group of thirty "
    "patients got 100 ml of tea. "
    "Also, the length of hospital stay was significantly shorter after drinking coffee (p <0.01). "
    "The incidence of postoperative complications was significantly lower after consumption of coffee (p <0.05).")


def test_a_comparative_in_a_controlled_design_is_a_comparison():
    ents = [("INTERVENTION", "instant coffee"), ("INTERVENTION", "tea"), ("OUTCOME", "length of hospital stay"),
            ("INTERVENTION", "drinking coffee"), ("OUTCOME", "incidence of postoperative complications"),
            ("INTERVENTION", "consumption of coffee")]
    rec = make_record(COFFEE, ents)
    for words in ("length of hospital stay", "incidence of postoperative complications"):
        claim = finding_of(rec, words)
        # "shorter" / "lower" with a test, in a randomised trial: against the other arm, not a judged result
        assert (claim.direction, claim.significant) == ("decrease", True)
    # the same sentences in an abstract that names no controlled design stay single-arm results, judged
    rec = make_record(COFFEE.replace("were randomized", "were studied"), ents)
    assert finding_of(rec, "length of hospital stay").direction == "positive"


def test_nothing_in_any_group_of_a_controlled_trial_is_no_difference():
    # Evidence Inference PMC3724383: "controlled trial", the tagger sees no comparator arm (both arms are
    # interventions); "in any group" says nothing happened in either arm: no difference, not a judged harm
    text = ("This controlled trial was conducted on 60 children with functional constipation. "
            "Children were allocated to receive the synbiotic plus mineral oil or the mineral oil alone for two "
            "months. "
            "No severe side-effects were observed in any group.")
    rec = make_record(text, [("INTERVENTION", "synbiotic"), ("INTERVENTION", "plus mineral oil"),
                             ("INTERVENTION", "mineral oil", 1), ("OUTCOME", "severe side-effects")])
    claim = finding_of(rec, "No severe side-effects")
    assert claim.direction == "no_difference"


def test_no_change_in_either_group_holds_for_its_own_clause_only():
    # Evidence Inference PMC4569055 (design and results sentences, entities as the tagger gives them: the control
    # arm is tagged only inside the results sentence): "no better progress ... in either group" is no difference;
    # the satisfaction after "but" is a result of its own, with its own test
    text = ("We conducted a randomized cross-controlled educational trial on medical students, assessing the impact "
            "of the use of CPOE on their ability to place adequate orders. "
            "Thirty-six students show no better progress (beginning and final test means = 69.87 and 80.98 points "
            "out of 176 for the control group, 64.60 and 78.11 for the CPOE group, p = 0.556) during their rotation "
            "in either group, even after adjusting for each student and CR, but show a better satisfaction with "
            "patient care and greater involvement in the medical team in the CPOE group (p = 0.035*).")
    rec = make_record(text, [("INTERVENTION", "CPOE"), ("POPULATION", "Thirty-six students show"),
                             ("OUTCOME", "progress"), ("COMPARATOR", "control"), ("INTERVENTION", "CPOE", 1),
                             ("OUTCOME", "satisfaction with patient"), ("INTERVENTION", "CPOE", 2)])
    claims = [c for c in claims_of(rec) if c.sentence == 1]
    names = {e.id: e.text for e in rec.entities}
    by_outcome = {names[c.outcome[0]]: c for c in claims if c.outcome}
    assert (by_outcome["progress"].direction, by_outcome["progress"].significant) == ("no_difference", False)
    assert (by_outcome["satisfaction with patient"].direction,
            by_outcome["satisfaction with patient"].significant) == ("increase", True)


def test_two_arms_values_and_a_test_in_a_randomised_trial_are_a_comparison():
    # Evidence Inference PMC64502: no comparator resolved (both papers tagged "standard"), but the arm rules see
    # two arms' values and the abstract names a randomised trial: a comparison, not a judged single-arm result
    text = ("Effect of paper quality on the response rate to a postal survey: A randomised controlled trial. "
            "Recipients were randomised to receiving the questionnaire printed on standard quality paper or high "
            "quality paper. "
            "The response rate for the recipients of high quality paper was 43/195 (22%) and 57/194 (29%) for "
            "standard quality paper (relative rate of response 0.75, 95% CI 0.33–1.05, p = 0.1")
    ents = [("OUTCOME", "response rate"), ("INTERVENTION", "standard"), ("OUTCOME", "response rate", 1),
            ("INTERVENTION", "standard", 1)]
    claim = finding_of(make_record(text, ents, title=True), "43/195")
    assert (claim.direction, claim.significant) == ("no_difference", False)
    # the same sentence where no controlled design is named stays a judged result of the arm
    plain = text.replace(": A randomised controlled trial", "").replace("were randomised to receiving",
                                                                        "received")
    assert finding_of(make_record(plain, ents, title=True), "43/195").direction in ("positive", "negative", None)


def test_a_change_in_both_groups_then_more_change_in_one_group_is_a_comparison():
    # Evidence Inference PMC3724383: the change of both arms, then a comparison of one arm's change with the
    # other's in the "but" clause, which has the between-arm test
    text = ("Children were allocated to receive the synbiotic plus mineral oil or the mineral oil alone for two months. "
            "Straining at defecation, incomplete evacuation, and soiling decreased in both groups (P < 0.001), but "
            "more decrease was seen in the synbiotic + mineral oil group (P < 0.05).")
    rec = make_record(text, [("INTERVENTION", "synbiotic plus mineral oil"), ("COMPARATOR", "mineral oil alone"),
                             ("OUTCOME", "Straining at defecation"), ("OUTCOME", "incomplete evacuation"),
                             ("OUTCOME", "soiling"), ("INTERVENTION", "synbiotic + mineral oil")])
    claim = finding_of(rec, "Straining at defecation")
    # compared (not judged positive as a change common to both arms), read in the clause that compares
    p_value = next(m for m in rec.measures if m.id == claim.p_value)
    assert (claim.direction, claim.significant, rec.text[p_value.start:p_value.end]) == ("decrease", True, "P < 0.05")


# Evidence Inference PMC3309323 (title, design and the first results sentence; the tagger takes "post-training
# experimental" for an arm and "elbow" for another)
CHRIST = (
    "The Effect of Comprehensive Hand Repetitive Intensive Strength Training (CHRIST) Using Motion Analysis in "
    "Children with Cerebral Palsy. "
    "The experimental group (n=10) received CHRIST and general rehabilitation therapy. "
    "The control group (n=9) received a home program as well as general rehabilitation therapy. "
    "After pre- and post-training experimental group, MT, MV, NJS, MAV of shoulder, elbow, wrist and NJS of elbow "
    "and wrist improved significantly in reaching movement of both comfortable and fast speed (p<0.05).")


def test_within_arm_wording_inside_a_mistagged_arm_span_still_says_within():
    rec = make_record(CHRIST, [
        ("INTERVENTION", "Comprehensive Hand Repetitive Intensive Strength Training"),
        ("COMPARATOR", "home program"), ("INTERVENTION", "post-training experimental"), ("OUTCOME", "MT"),
        ("OUTCOME", "MV"), ("INTERVENTION", "elbow")], title=True)
    claim = finding_of(rec, "After pre- and post-training")
    # "pre- and post-" is the change of the arm over time, even though the tagger put "post-" inside an arm span:
    # a single-arm finding, no comparator carried from the design
    assert claim.comparator == []
    assert (claim.direction, claim.significant) == ("positive", True)


# Evidence Inference PMC3672778 (title, methods, a results sentence; not in the findings gold)
FULVESTRANT = (
    "A randomized trial to assess the biological activity of short-term (pre-surgical) fulvestrant 500 mg plus "
    "anastrozole versus fulvestrant 500 mg alone or anastrozole alone on primary breast cancer. "
    "In this double-blind, multicenter trial, 121 patients received fulvestrant 500 mg on Day 1 plus anastrozole 1 "
    "mg/day for 14 to 21 days (F + A); fulvestrant plus anastrozole placebo (F); or fulvestrant placebo plus "
    "anastrozole (A), 2 to 3 weeks before surgery. "
    "All treatments significantly reduced mean ER expression from baseline (F: -41%, P = 0.0001; F + A: -39%, "
    "P = 0.0001; A: -13%, P = 0.0034).")


def test_within_arm_wording_inside_an_outcome_span_still_says_within():
    rec = make_record(FULVESTRANT, [
        ("INTERVENTION", "fulvestrant 500 mg plus anastrozole"), ("INTERVENTION", "fulvestrant 500 mg alone"),
        ("INTERVENTION", "anastrozole alone"), ("INTERVENTION", "fulvestrant plus anastrozole"),
        ("COMPARATOR", "placebo", 1), ("OUTCOME", "mean ER expression from baseline")], title=True)
    claim = finding_of(rec, "All treatments significantly reduced")
    # "from baseline", though the tagger put it inside the outcome: a change within the arms, not against placebo
    assert claim.comparator == []
    assert claim.direction in ("positive", "negative")


# Evidence Inference PMC4440033 (title, design and a results sentence; neither in the findings gold nor a prompt)
CALCITRIOL = (
    "The effects of calcitriol with calcium carbonate supplementation on inflammatory biomarkers in chronic kidney "
    "disease patients with low vitamin D. "
    "Patients were randomized into the Vitamin D + Calcium (Vitamin D + C) or Calcium group. "
    "At week 12, serum IL-10 was maintained in the Vitamin D + C group (p = 0.06) and was reduced in the Calcium "
    "group (p = 0.001).")


def test_one_subject_with_a_predicate_in_each_arm_gives_one_single_arm_finding_per_arm():
    rec = make_record(CALCITRIOL, [
        ("INTERVENTION", "calcitriol with calcium carbonate supplementation"),
        ("INTERVENTION", "Vitamin D + Calcium (Vitamin D + C)"), ("INTERVENTION", "Calcium", 1),
        ("OUTCOME", "serum IL-10"), ("INTERVENTION", "Vitamin D + C", 1), ("INTERVENTION", "Calcium", 2)], title=True)
    claims = [c for c in claims_of(rec) if "serum IL-10 was maintained" in c.text and c.type == "finding"]
    ents = {e.id: e.text for e in rec.entities}
    # "was maintained in A and was reduced in B": each arm's own result, not a comparison of the two
    assert sorted(ents[c.intervention[0]] for c in claims) == ["Calcium", "Vitamin D + C"]
    assert all(c.comparator == [] and c.direction in ("positive", "negative") for c in claims)
