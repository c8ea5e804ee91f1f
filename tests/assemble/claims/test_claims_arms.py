"""Arm values and outcomes: each number goes to its arm and outcome (real sentences from
Evidence Inference / EvidenceMap / PICO-Corpus)."""

from claims_helpers import claims_of, ent, make_record, measure


def test_values_follow_their_arm_and_the_p_value_decides():
    text = ("Intravenous ulinastatin for acute pancreatitis. "
            "Patients were randomized to ulinastatin (study group) or placebo (control group). "
            "The effective rate was 44.8% in the study group and 45.3% in the control group (P = 0.971).")
    rec = make_record(text, [("INTERVENTION", "ulinastatin", 1), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "effective rate")])
    claim = next(c for c in claims_of(rec) if "effective rate" in c.text)
    arms = {(a.measure, a.arm, a.arm_text) for a in claim.arms}
    assert arms == {(measure(rec, "44.8%"), ent(rec, "ulinastatin", 0), "the study group"),
                    (measure(rec, "45.3%"), ent(rec, "placebo"), "the control group")}
    assert claim.p_value == measure(rec, "P = 0.971")
    assert claim.outcome == [ent(rec, "effective rate")]
    assert claim.direction == "no_difference" and claim.significant is False
    # the arms were named earlier: carried into the roles and recorded as inherited
    assert claim.intervention == [ent(rec, "ulinastatin", 0)] and claim.comparator == [ent(rec, "placebo")]
    assert set(claim.inherited) == {ent(rec, "ulinastatin", 0), ent(rec, "placebo")}


def test_respectively_pairs_lists_in_order():
    text = ("The average hospitalization for the study group and control group was 13.8 (8.1) and 17.5 (14.5) "
            "respectively (p value <0.001).")
    rec = make_record(text, [("OUTCOME", "average hospitalization")])
    claim = claims_of(rec)[0]
    by_measure = {a.measure: a.arm_text for a in claim.arms}
    assert by_measure[measure(rec, "13.8")] == "the study group"
    assert by_measure[measure(rec, "17.5")] == "control group"
    assert claim.significant is True and claim.p_value == measure(rec, "p value <0.001")


def test_versus_values_pair_with_the_arm_list():
    text = ("Mortality at 28 days was similar in the lopinavir-ritonavir group and the standard-care group "
            "(19.2% vs. 25.0%; difference, -5.8 percentage points; 95% CI, -17.3 to 5.7).")
    rec = make_record(text, [("OUTCOME", "Mortality at 28 days"), ("INTERVENTION", "lopinavir-ritonavir"),
                             ("INTERVENTION", "standard-care")])
    claim = claims_of(rec)[0]
    by_measure = {a.measure: a.arm for a in claim.arms}
    assert by_measure[measure(rec, "19.2%")] == ent(rec, "lopinavir-ritonavir")
    assert by_measure[measure(rec, "25.0%")] == ent(rec, "standard-care")
    # standard care is the control arm even though the gold labels it as an intervention
    assert claim.intervention == [ent(rec, "lopinavir-ritonavir")] and claim.comparator == [ent(rec, "standard-care")]
    assert claim.direction == "no_difference" and claim.significant is False


def test_values_before_and_after_arm_names():
    text = ("The percentage of patients with ≥1 exacerbation was reduced (tiotropium 9.5%; placebo 17.9%; "
            "p = 0.0147), independent of disease severity.")
    rec = make_record(text, [("OUTCOME", "percentage of patients with ≥1 exacerbation"),
                             ("INTERVENTION", "tiotropium"), ("COMPARATOR", "placebo")])
    claim = claims_of(rec)[0]
    by_measure = {a.measure: a.arm for a in claim.arms}
    assert by_measure == {measure(rec, "9.5%"): ent(rec, "tiotropium"), measure(rec, "17.9%"): ent(rec, "placebo")}
    assert claim.direction == "decrease" and claim.significant is True  # 9.5% < 17.9%


def test_clause_scope_and_parenthesis_after_arm():
    text = ("In group I, the post-operative ventilation time (24.5 +/- 6.00 hours) and hospital stay "
            "(12.4 +/- 3.6 days) were significantly lower than in group II (35.2 +/- 22.3 hours, "
            "18.8 +/- 6.6 days respectively).")
    rec = make_record(text, [("OUTCOME", "post-operative ventilation time"), ("OUTCOME", "hospital stay")])
    arms = {a.measure: a.arm_text for c in claims_of(rec) for a in c.arms}
    assert arms[measure(rec, "24.5 +/- 6.00 hours")] == "group I"
    assert arms[measure(rec, "12.4 +/- 3.6 days")] == "group I"
    assert arms[measure(rec, "35.2 +/- 22.3 hours")] == "group II"
    assert arms[measure(rec, "18.8 +/- 6.6 days")] == "group II"


def test_one_claim_per_outcome_when_each_has_its_own_comparison():
    text = ("Mortality was 10% in the aspirin group and 12% in the placebo group (P = 0.40), and readmission "
            "was 5% in the aspirin group and 9% in the placebo group (P = 0.01).")
    rec = make_record(text, [("OUTCOME", "Mortality"), ("OUTCOME", "readmission"),
                             ("INTERVENTION", "aspirin"), ("COMPARATOR", "placebo"),
                             ("INTERVENTION", "aspirin", 1), ("COMPARATOR", "placebo", 1)])
    claims = claims_of(rec)
    assert [c.outcome for c in claims] == [[ent(rec, "Mortality")], [ent(rec, "readmission")]]
    first, second = claims
    assert first.p_value == measure(rec, "P = 0.40") and first.direction == "no_difference"
    assert second.p_value == measure(rec, "P = 0.01") and second.direction == "decrease"
    assert {measure(rec, "10%"), measure(rec, "12%")} <= set(first.measures)
    assert measure(rec, "5%") not in first.measures and measure(rec, "5%") in second.measures
