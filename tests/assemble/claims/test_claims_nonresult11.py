"""Session 11 typing cues (:mod:`claimex.assemble.claims.nonresult` ``DEFINITION`` / ``STATS_*``,
:func:`claimex.assemble.claims.typecues.reported_apart`) on real sentences of Evidence Inference 2.0 unlabelled
(train-side) abstracts in ../shared, cited by PMC id; none is in the findings gold. Typed in unlabelled abstracts
after a design sentence, as ``bench/typing_dev.py`` reads headed abstracts with their headings stripped."""

from claims_helpers import types_of

from claimex.assemble.claims.nonresult import (
    AT_START,
    BASELINE,
    DEFINITION,
    SAMPLE,
    STATS_FRAME,
    STATS_RESULT,
    STATS_TEST,
)

DESIGN = "Patients were randomized to the two arms. "


def test_an_outcome_defined_reports_nothing():
    cases = [  # PMC 2277487, 2876855: methods sentences with ratio / comparison words
        ("The primary objective was to detect a hazard ratio (HR) of 0·71 or less for progression-free survival.",
         [("OUTCOME", "progression-free survival")]),
        ("Positive responses were defined as an increase in HR ≥ 20 bpm or SBP ≥ 15 mmHg, or a decrease in the T-wave "
         "amplitude ≥ 25%.", [("OUTCOME", "Positive responses")]),
    ]
    for sentence, ents in cases:
        assert DEFINITION.search(sentence), sentence
        assert types_of(DESIGN + sentence, entities=ents)[1] is None, sentence


def test_an_outcome_reported_is_no_definition():
    # PMC 3263860, 5299497: Results sentences that open on the primary outcome and report it
    for sentence in ("The primary outcome was achieved by 19% in the CGM group and 28% in the control group (P = 0.17).",
                     "The primary end point was met by more patients treated with anifrolumab (34.3% of 99 for 300 mg "
                     "and 28.8% of 104 for 1,000 mg) than placebo (17.6% of 102)."):
        assert not DEFINITION.search(sentence), sentence
        got = types_of(DESIGN + sentence, entities=[("OUTCOME", "primary")])
        assert got[1] == "finding", sentence
    # PMC 5080766: "classified as" in a result is no definition
    assert not DEFINITION.search("Based on the results of OGTT, no patient was classified as being diabetic; however, "
                                 "annual increases were observed in post-OGTT insulin levels.")


def test_how_the_data_were_analysed_reports_nothing():
    # PMC 3422059, 2694465: a statistical test in a method frame (the p-value a bound, no result words)
    for sentence, ents in (
            ("One-way analysis of variance was used to compare shear bond strengths and the Kruskal-Wallis test was "
             "performed to evaluate differences in the ARI for different etching types.",
             [("OUTCOME", "shear bond strengths")]),
            ("Statistical analyses were performed using the repeated measures ANOVA or Mann-Whiney tests (*p<0.05).",
             [])):
        assert STATS_TEST.search(sentence) and STATS_FRAME.search(sentence) and not STATS_RESULT.search(sentence)
        assert types_of(DESIGN + sentence, entities=ents)[1] is None, sentence
    # a test named in a result sentence leaves it a result (PMC 4717319: result words, p-values with "=", a CI)
    result = ("In the double-blind phase, lurasidone significantly delayed time to relapse compared with placebo "
              "(log-rank test, p=0.039), reflecting a 33.7% reduction in risk of relapse (Cox hazard ratio (95% "
              "confidence interval), 0.663 (0.447–0.983); p=0.041).")
    assert STATS_TEST.search(result) and STATS_RESULT.search(result)
    ents = [("INTERVENTION", "lurasidone"), ("OUTCOME", "time to relapse"), ("COMPARATOR", "placebo")]
    assert types_of(DESIGN + result, entities=ents)[1] == "finding"


def test_an_aim_with_a_concentration_reports_nothing():
    # PMC 4313493: the percentages are the drugs' concentrations, next to their names
    aim = ("The aim was to compare efficacy and cost-effectiveness of bimatoprost 0.03% and brimonidine 0.2% in "
           "primary open-angle glaucoma (POAG)/ocular hypertension (OHT).")
    ents = [("OUTCOME", "efficacy and cost-effectiveness"), ("INTERVENTION", "bimatoprost"),
            ("INTERVENTION", "brimonidine")]
    assert types_of(aim, entities=ents) == ["aim"]
    # a rate standing apart from every name reports (the seed's "objective response rates: 33-80%")
    reported = "The aim of HACE is to inhibit tumor growth (objective response rates: 33-80%)."
    assert types_of(reported, entities=[("INTERVENTION", "HACE"), ("OUTCOME", "objective response rates")]) == [
        "finding"]


def test_baseline_comparisons_with_decimals_costs_and_demography():
    # PMC 4427989, 3046916, 2856148, 4335741: Results sentences that compare the arms at baseline
    cases = [("The average stress scores were similar (18.9) at baseline for control and intervention arms.",
              "average stress scores"),
             ("There were no significant differences between groups in baseline costs.", "baseline costs"),
             ("Demography, severity of disease and clinical profiles were similar in both groups.",
              "severity of disease"),
             ("There were no demographic data differences between groups (age, weight, and sex).", "age")]
    for sentence, outcome in cases:
        assert BASELINE.search(sentence), sentence
        assert types_of(sentence, sections=["RESULTS"], entities=[("OUTCOME", outcome)]) == [None], sentence
    # a change from baseline reports (PMC 3635645)
    change = ("The SBP, DBP, MAP and HR within group R4 were not significantly different as compared with baseline "
              "values.")
    assert not BASELINE.search(change)
    assert types_of(change, sections=["RESULTS"], entities=[("OUTCOME", "SBP")]) == ["finding"]


def test_more_definitions_analyses_and_sample_ages():
    # PMC 3682900, 4374260, 4065280: outcome definitions that open on the outcome or name the study
    for sentence in ("Nephrotoxicity was defined either as 25% or 44 μmol/l increase in serum creatinine or cystatin C "
                     "levels compared to baseline values.",
                     "Successful treatment of PE is defined if IELT exceeded 120 s.",
                     "The primary outcome of the study was the difference in total lesion count between the study agent "
                     "group versus the placebo group from baseline to endpoint."):
        assert DEFINITION.search(sentence), sentence
    # PMC 4517637, 3778304, 4319071: analyses named by an en dash, an apostrophe, or as the subject of the verb
    for sentence in ("The Mann–Whitney U test was used to investigate differences between group medians.",
                     "Differences in 5-year OS and DSS between WL groups were analysed by Cox's regression with "
                     "adjustments for important socio-demographic and tumour-related confounders.",
                     "Linear mixed model analyses examined group differences in change over time."):
        assert STATS_TEST.search(sentence) and STATS_FRAME.search(sentence), sentence
        assert types_of(DESIGN + sentence, entities=[("OUTCOME", "group")])[1] is None, sentence
    # PMC 4398439, 4129110: the sample's age as a value or a mean ± SD describes the sample
    for sentence in ("Thirty-seven recreationally-trained women (n = 37; age = 27.1 ± 4.2; height = 165.1 ± 6.4; weight "
                     "= 68.5 ± 10.1; BMI = 25.1 ± 3.4) completed one of the following three-week interventions.",
                     "Participants were physically inactive with an average BMI of 31.1 ± 3.5 kg/m2, body fat percentage "
                     "of 42.0 ± 7.4%, weight of 89.5 ± 14.2 kg, and ages 26.8 ± 5.9 years."):
        assert SAMPLE.found(sentence), sentence
        assert types_of(DESIGN + sentence, entities=[("OUTCOME", "BMI")])[1] is None, sentence


def test_values_at_the_start_named_after_the_subject():
    # PMC 5686687, 4227976: Results sentences giving the arms' values before treatment
    for sentence, outcome in (
            ("Mean [95% confidence interval (CI)] pain scores on day 0 were 5.4 (4.2 to 6.6) in the placebo group and "
             "5.7 (4.8 to 6.6) in resveratrol groups.", "pain scores"),
            ("The frequency of orgasmic disorder before the intervention was 41.5%, 40.5%, and 57.1% in E. "
             "angustifolia, sildenafil citrate, and control groups, respectively (p=0.23).", "orgasmic disorder")):
        assert AT_START.search(sentence), sentence
        assert types_of(sentence, sections=["RESULTS"], entities=[("OUTCOME", outcome)]) == [None], sentence
    # PMC 2928344: "at diagnosis" names the patients of a conclusion that states a result
    assert not AT_START.search("At the doses used, calcitriol is ineffective in protecting β-cell function in subjects "
                               "(including children) with recent-onset type 1 diabetes and high C-peptide at diagnosis.")


def test_a_methods_sentence_without_measures_needs_result_words():
    # PMC 4139977: a change word inside what was measured ("Improvement in patients QOL") reports nothing
    assessed = "Improvement in patients QOL was assessed by the IBS-QOL instrument."
    assert types_of(DESIGN + assessed, entities=[("OUTCOME", "QOL")])[1] is None
    # PMC 3506492, 5372065: likeness or association words report, whatever methods word ("recorded", "received")
    for sentence, outcome in (
            ("Mortality and hospital stays were similar between the groups and no adverse event was recorded.",
             "Mortality"),
            ("Among study participants with diabetes, the intervention was well received and associated with "
             "sustained weight loss at 24-month follow-up.", "sustained weight loss")):
        assert types_of(DESIGN + sentence, entities=[("OUTCOME", outcome)])[1] in ("finding", "adverse_effect"), sentence


def test_a_time_after_the_verb_or_in_a_list_is_no_start_value():
    # Evidence Inference train PMC 5856421, 4391192: results whose time point is not in the subject before its verb
    for sentence in ("Other parameters, such as analgesic required on postoperative Day 1 (3.2 vs. 3; p = 0.67), VAS "
                     "scores on Day 0 (4.55 vs. 4.65; p = 0.59) did not significantly differ between the groups.",
                     "No group differences were found in urinary melatonin levels and cortisol levels for the night "
                     "before surgery, and the first and second nights after surgery."):
        assert not AT_START.search(sentence), sentence


def test_infinitive_aims_and_hypotheses_are_aims():
    # PMC 4509558: an infinitive aim whose range describes the patients; PMC 2954378, 4222660: hypotheses
    aim = ("To compare long term effects of two bariatric procedures for Chinese type 2 diabetes mellitus (T2DM) "
           "patients with a body mass index (BMI) of 28-35 kg/m2.")
    assert types_of(aim, entities=[("OUTCOME", "long term effects")]) == ["aim"]
    for sentence, outcome in (("We hypothesize that daily, home-based spirometry is a better tool.", "spirometry"),
                              ("Favourable intervention effects on children's SSB consumption were hypothesized.",
                               "SSB consumption")):
        assert types_of(sentence, entities=[("OUTCOME", outcome)]) == ["aim"], sentence


def test_a_baseline_comparison_with_values_after_treatment_reports():
    # PMID 26702212 (PubMed samples): the groups are compared at baseline *and after* the injection
    sentence = ("The hemodynamic value (systolic blood pressure, diastolic blood pressure, heart rate, mean arterial "
                "pressure and saturation of oxygen) were similar, and there was no significant difference between two "
                "groups in the baseline value or after propofol or placebo injection.")
    assert BASELINE.search(sentence)
    got = types_of(DESIGN + sentence, entities=[("OUTCOME", "systolic blood pressure"), ("INTERVENTION", "propofol")])
    assert got[1] == "finding"
