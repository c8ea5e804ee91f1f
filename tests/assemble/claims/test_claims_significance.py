"""Significance read from words, on real sentences from ../shared (claims/significance.py)."""

from claims_helpers import claims_of, make_record, significance_of


def test_efficacy_denied_is_not_significant():
    # Evidence Inference 3686162 (conclusion)
    assert significance_of("A programme of progressive resistance exercise and orientation was not effective in reducing "
                           "incident delirium in hospitalised elderly patients.") is False
    # PubMed XML sample 25998582 (conclusion)
    assert significance_of("Tamsulosin 400 μg and nifedipine 30 mg are not effective at decreasing the need for further "
                           "treatment to achieve stone clearance in 4 weeks for patients with expectantly managed ureteric "
                           "colic.") is False
    # efficacy affirmed, or a negation elsewhere, is no denial
    assert significance_of("Oral rehydration was effective in reducing the need for admission.") is None
    assert significance_of("It was not clear whether X was effective in reducing pain.") is None


def test_no_relevant_effect_is_no_difference():
    # Evidence Inference 5980265 (conclusion): a null effect against placebo
    text = ("Fenoldopam CRI at 0.1 µg/kg/min did not have a clinically relevant effect on kidney function "
            "parameters in dogs with severe heatstroke‐associated AKI.")
    assert significance_of(text) is False
    rec = make_record("Dogs were randomised to fenoldopam or placebo. " + text,
                      [("INTERVENTION", "fenoldopam"), ("COMPARATOR", "placebo"), ("INTERVENTION", "Fenoldopam"),
                       ("OUTCOME", "kidney function parameters")])
    rec.sentences[1].section = "CONCLUSIONS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "no_difference" and claim.significant is False


def test_two_arms_values_written_with_of_are_read_in_parallel():
    # Evidence Inference PMC4722945 (findings gold, tune): "25% of intranasal and 9% of intramuscular dosing visits"
    # gives both arms' values (significance.PARALLEL); the second arm is untagged
    text = ("Head/facial discomfort was reported during 25% of intranasal and 9% of intramuscular dosing visits; nausea "
            "(with or without vomiting) occurred with 35% and 38% of visits, respectively.")
    rec = make_record(text, [("OUTCOME", "Head/facial discomfort"), ("INTERVENTION", "intranasal"),
                             ("OUTCOME", "nausea"), ("OUTCOME", "vomiting")])
    rec.sentences[0].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if rec.entities[0].id in c.outcome)
    assert claim.direction == "increase"


def test_second_value_led_by_that_is_read_in_parallel():
    # Evidence Inference PMC5827476 (EI train prompt evidence, label increase): "... in Group S were V1 (V1 in
    # minutes) and that in Group B was V2": the pronoun of the measure leads the second arm's half, a bracket follows
    # the first value; Group B (bupivacaine) has the longer duration of analgesia
    text = ("Patients were randomised to bupivacaine (Group B) or normal saline (Group S). "
            "DOA in Group S were 0.06 ± 0.172 h (3.6 ± 10.32 min) and that in Group B was 19.35 ± 8.64 h (P = 0.00).")
    rec = make_record(text, [("INTERVENTION", "bupivacaine"), ("COMPARATOR", "normal saline"), ("OUTCOME", "DOA")])
    rec.sentences[1].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "increase" and claim.significant is True
    # the time of measurement in the first half has no partner in the second: the arm values are paired by kind
    text = ("Patients were randomised to bupivacaine (Group B) or normal saline (Group S). Cumulative requirement of "
            "rescue analgesic in 24 h in Group S was 123.33 ± 43.01 mg and that in Group B was 23.33 ± 43.01 mg "
            "(P = 0.000).")
    rec = make_record(text, [("INTERVENTION", "bupivacaine"), ("COMPARATOR", "normal saline"),
                             ("OUTCOME", "Cumulative requirement of rescue analgesic")])
    rec.sentences[1].section = "RESULTS"
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.direction == "decrease" and claim.significant is True


def test_without_differences_is_not_significant():
    # Evidence Inference train 3511174 (both arms improved, the arms did not differ)
    text = ("Both groups had very small improvements in AHA and Melbourne two months after BoNT-A injections, without "
            "differences between groups.")
    assert significance_of(text) is False
    # a change denied is no verdict on the arms
    assert significance_of("Weight fell without changes in diet.") is None


def test_ratio_named_earlier_in_its_clause_reads_its_ci_against_one():
    # Evidence Inference train 1584256: the hazard ratio is named at the start of the sentence, its value 60+ characters
    # later; its CI spans 1 (not significant), where against 0 it would exclude it
    assert significance_of("The hazard ratio for myocardial infarction/coronary death with estrogen plus progestin was 1.13 (95% "
                           "confidence interval 0.68–1.89) among non-users of COX inhibitors, and 1.35 (95% confidence interval "
                           "0.86–2.10) among continuous users.") is False
    # a difference named after the ratio is not read as the ratio (its CI excluding 1 would say not significant)
    assert significance_of("Unlike the odds ratio of the primary analysis, the mean difference in length of stay was 1.09 "
                           "(95% confidence interval 0.27–1.90) days.") is not False
