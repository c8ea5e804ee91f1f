"""Direction, significance, negation and hedging on real sentences."""

from claims_helpers import claims_of, ent, make_record, measure, significance_of

from claimex.assemble.claims.hedging import hedged


def test_ci_significance_ratio_and_difference():
    assert significance_of("hazard ratio for clinical improvement, 1.31; 95% confidence interval [CI], 0.95 to 1.80") is False
    assert significance_of("HR 0.76 (95% CI 0.61-0.95)") is True
    assert significance_of("OR 0.63 (95% CI 0.37-1.05)") is False
    assert significance_of("difference, -5.8 percentage points; 95% CI, -17.3 to 5.7") is False
    assert significance_of("a difference of 2.1 points (95% CI 0.4 to 3.8)") is True


def test_p_value_and_words():
    assert significance_of("was lower (P = 0.03)") is True
    assert significance_of("was lower (P = 0.21)") is False
    assert significance_of("(p > 0.05)") is False
    assert significance_of("did not differ between groups") is False
    assert significance_of("was significantly higher with PRVC") is True
    assert significance_of("was not significantly different") is False


def test_ratio_ci_decides_direction():
    text = ("Treatment with lopinavir-ritonavir was not associated with a difference from standard care in the "
            "time to clinical improvement (hazard ratio for clinical improvement, 1.31; 95% confidence interval "
            "[CI], 0.95 to 1.80).")
    rec = make_record(text, [("INTERVENTION", "lopinavir-ritonavir"), ("INTERVENTION", "standard care"),
                             ("OUTCOME", "time to clinical improvement")])
    claim = claims_of(rec)[0]
    assert claim.direction == "no_difference" and claim.significant is False
    assert claim.comparator == [ent(rec, "standard care")]
    text = "Pembrolizumab reduced the risk of death compared with chemotherapy (HR 0.63, 95% CI 0.47-0.86)."
    rec = make_record(text, [("INTERVENTION", "Pembrolizumab"), ("COMPARATOR", "chemotherapy"),
                             ("OUTCOME", "risk of death")])
    claim = claims_of(rec)[0]
    assert claim.direction == "decrease" and claim.significant is True


def test_negation_flips_and_is_kept():
    text = "Enalapril did not improve exercise capacity compared with placebo."
    rec = make_record(text, [("INTERVENTION", "Enalapril"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "exercise capacity")])
    claim = claims_of(rec)[0]
    assert claim.direction == "no_difference" and claim.negated is True
    # a single-arm judgement: the negation turns favourable into unfavourable
    text = "Background sentence. In conclusion, octreotide did not improve survival in these patients."
    rec = make_record(text, [("INTERVENTION", "octreotide"), ("OUTCOME", "survival")])
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert claim.type == "finding"  # a conclusion stating an observed result for a named outcome (GUIDELINES)
    assert claim.direction == "negative" and claim.negated is True


def test_cue_subject_and_reference_arms():
    text = ("Children treated with Bacillus clausii had shorter duration of respiratory infections in comparison "
            "with the control group (mean 11.7 days vs 14.37; p=0.037).")
    rec = make_record(text, [("INTERVENTION", "Bacillus clausii"), ("OUTCOME", "duration of respiratory infections")])
    assert claims_of(rec)[0].direction == "decrease"
    text = "Pain scores were significantly lower in the placebo group than with ketorolac (P < 0.01)."
    rec = make_record(text, [("INTERVENTION", "ketorolac"), ("COMPARATOR", "placebo"), ("OUTCOME", "Pain scores")])
    assert claims_of(rec)[0].direction == "increase"


def test_improvement_of_a_harmful_outcome_is_a_decrease():
    text = ("Duloxetine demonstrated significantly greater improvement in depressive symptom severity compared "
            "with placebo (p < .001).")
    rec = make_record(text, [("INTERVENTION", "Duloxetine"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "depressive symptom severity")])
    assert claims_of(rec)[0].direction == "decrease"


def test_change_in_both_arms_is_a_single_arm_result():
    # issue 10's finding unit: a change within the arms, with no comparison between them, is a
    # single-arm result (a lower HbA1c is favourable), significant within the arms
    text = "HbA1c was also reduced significantly in both groups at 12 weeks."
    rec = make_record(text, [("OUTCOME", "HbA1c")], measures=False)
    claim = claims_of(rec)[0]
    assert claim.direction == "positive" and claim.significant is True
    # the comparison decision (Evidence Inference prompts name both arms) still reads it as no difference
    from claimex.assemble.claims import ClaimAssembler

    assert ClaimAssembler("cues").compare(rec).direction == "no_difference"


def test_hedges():
    assert hedged("In conclusion, HACE seems to be an attractive alternative treatment.")
    assert hedged("These results suggest that early mobilisation may reduce delirium.")
    assert hedged("Zinc appears to shorten the duration of diarrhoea.")
    assert not hedged("The trial was registered in May 2001.")
    assert not hedged("Viral RNA could not be detected after day 7.")
    assert not hedged("Mortality was lower in the treated group (P = 0.01).")


def test_qualitative_polarity_and_prior_failure_context():
    text = ("Objective response rates with systemic chemotherapy are disappointing. In conclusion, HACE seems to "
            "be an attractive alternative treatment, mainly following unsuccessful systemic chemotherapy.")
    rec = make_record(text, [("OUTCOME", "Objective response rates"), ("INTERVENTION", "systemic chemotherapy"),
                             ("INTERVENTION", "HACE")])
    first, second = claims_of(rec)
    assert (first.type, first.direction) == ("finding", "negative")
    assert (second.type, second.direction, second.hedged) == ("conclusion", "positive", True)
    assert second.intervention == [ent(rec, "HACE")]


def test_adverse_effects():
    text = ("Hepatic arterial chemoembolization for liver metastases. "
            "The aims of hepatic arterial chemoembolization are to control symptoms and to inhibit tumor growth. "
            "The postembolization syndrome, usually mild and transient, is the commonest side effect. "
            "Major extrahepatic complications are rare.")
    rec = make_record(text, [("INTERVENTION", "Hepatic arterial chemoembolization"),
                             ("OUTCOME", "postembolization syndrome"), ("OUTCOME", "side effect"),
                             ("OUTCOME", "Major extrahepatic complications")], title=True)
    aim, first, second = claims_of(rec)
    assert aim.type == "aim" and aim.direction is None
    assert first.type == second.type == "adverse_effect"
    assert first.direction is None and second.direction == "positive"  # a description vs a judgement
    # the adverse effects are those of the intervention named before: carried, and marked inherited
    assert first.inherited == second.inherited == [ent(rec, "Hepatic arterial chemoembolization")]


def test_model_absent_falls_back_to_cues(tmp_path):
    from claimex.assemble.claims import ClaimAssembler

    assembler = ClaimAssembler(tmp_path / "no-model-here")
    assert assembler.model is None
    text = "Mortality was significantly lower with aspirin than with placebo (P = 0.01)."
    rec = make_record(text, [("INTERVENTION", "aspirin"), ("COMPARATOR", "placebo"), ("OUTCOME", "Mortality")])
    claim = assembler(rec)[0]
    assert claim.direction == "decrease" and claim.p_value == measure(rec, "P = 0.01")


def test_purpose_infinitives_are_not_comparisons():
    from claimex.assemble.claims.direction import is_comparative

    goal = "The aims of HACE are: (1) to control symptoms; (2) to inhibit tumor growth, and (3) to improve survival."
    assert not is_comparative(goal, has_comparator=True, measures=[])
    assert is_comparative("Treatment led to reduced mortality in the study arm.", has_comparator=True, measures=[])


def test_adverse_effect_when_the_tagger_stops_short_of_the_head_noun():
    from claimex.assemble.claims.base import sentence_views
    from claimex.assemble.claims.resultcues import is_adverse

    text = "Hepatic arterial chemoembolization for liver metastases. Major extrahepatic complications are rare."
    short = make_record(text, [("OUTCOME", "Major extrahepatic")], title=True)
    other = make_record(text.replace("complications", "remissions"), [("OUTCOME", "Major extrahepatic")], title=True)
    assert is_adverse(sentence_views(short)[1])
    assert not is_adverse(sentence_views(other)[1])


def test_each_outcome_claim_reads_its_own_change_word():
    # PMC 57751 (Evidence Inference): three outcomes, each with its own number, two change words
    # (with its design sentence: a placebo-controlled trial, so these are comparisons, not single-arm results)
    text = ("The treatment regimen, which is double-blind and placebo-controlled, is bezafibrate 400 mg/day. "
            "Bezafibrate significantly reduced total cholesterol by approximately 8.0% and low-density "
            "lipoprotein (LDL)-cholesterol by approximately 9.0%, and increased high-density lipoprotein "
            "(HDL)-cholesterol by approximately 6.0%.")
    rec = make_record(text, [("INTERVENTION", "bezafibrate 400 mg/day"), ("COMPARATOR", "placebo"),
                             ("INTERVENTION", "Bezafibrate"), ("OUTCOME", "total cholesterol"),
                             ("OUTCOME", "low-density lipoprotein (LDL)-cholesterol"),
                             ("OUTCOME", "high-density lipoprotein (HDL)-cholesterol")])
    claims = claims_of(rec)
    assert [len(c.outcome) for c in claims] == [1, 1, 1]
    assert [c.direction for c in claims] == ["decrease", "decrease", "increase"]


def test_single_arm_results_are_judged_not_compared():
    """Issue 10, class 4: with no comparator and one arm, a change is positive or negative (GUIDELINES,
    Findings): a harmful outcome falling is positive, any other outcome rising is positive, no change negative."""
    from claimex.assemble.claims import single_arm_direction

    assert single_arm_direction("decrease", "postoperative pain") == "positive"
    assert single_arm_direction("increase", "mortality") == "negative"
    assert single_arm_direction("increase", "ACT prescription") == "positive"  # shared PubMed sample, 2007-2009
    assert single_arm_direction("decrease", "complete response rate") == "negative"
    assert single_arm_direction("no_difference", "HbA1c") == "negative"
    assert single_arm_direction("positive", "survival") == "positive" and single_arm_direction(None, "x") is None


def test_a_single_arm_change_of_an_outcome_of_unknown_valence_is_the_treatments_effect():
    """A fall is unfavourable only for an outcome of which more is better (survival, function, response); an
    outcome the rules cannot value, changed by the treatment, is its effect: positive (findings gold)."""
    from claimex.assemble.claims import single_arm_direction

    # EvidenceMap 10993031, 10563544 (findings gold, single-arm)
    assert single_arm_direction("decrease", "Bone-specific alkaline phosphatase") == "positive"
    assert single_arm_direction("decrease", "smooth muscle tone") == "positive"
    assert single_arm_direction("decrease", "overall survival") == "negative"
    assert single_arm_direction("decrease", "bone mineral density") == "negative"
    assert single_arm_direction("decrease", "haemoglobin") == "negative"
    text = ("The E2 and E2+P4 groups were combined into the HRT alone group ( n=30 ) , and the E2+T and E2+P4+T "
            "groups were combined into the HRT + T group ( n=27 ) . "
            "Bone-specific alkaline phosphatase decreased ( p < 0.05 ) by -14.3 +/- 4.1 % in the HRT alone group "
            "and by -8.2 +/- 4.6 % in the HRT + T group .")
    rec = make_record(text, [("INTERVENTION", "HRT alone"), ("INTERVENTION", "HRT + T"),
                             ("INTERVENTION", "HRT alone", 1), ("INTERVENTION", "HRT + T", 1),
                             ("OUTCOME", "Bone-specific alkaline phosphatase")])
    claims = [c for c in claims_of(rec) if c.sentence == 1]
    assert claims and all(c.comparator == [] and (c.direction, c.significant) == ("positive", True) for c in claims)


def test_the_sentences_cue_beats_the_classifier_and_linked_arm_values():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompt 11596): the shipped classifier read
    # the marked sentence as an increase; "significantly reduced", said of telmisartan, decides
    from claimex.assemble.claims import ClaimAssembler
    from claimex.assemble.claims.direction import decide_comparison

    text = ("Telmisartan, but not losartan, significantly (p < 0.05) reduced free plasma glucose, free plasma "
            "insulin, homeostasis model assessment of insulin resistance and HbAic.")
    rec = make_record(text, [("INTERVENTION", "Telmisartan"), ("COMPARATOR", "losartan"),
                             ("OUTCOME", "free plasma glucose")])
    assert ClaimAssembler()(rec)[0].direction == "decrease"
    # same corpus (prompt 11998): values whose arms came from context the wrong way round lose to the cue
    text = ("Time to first flatus in the TEA group was significantly shorter than in the control group "
            "(73.19 ± 15.61 vs 82.82 ± 20.25 h, P = 0.038).")
    rec = make_record(text, [("INTERVENTION", "TEA"), ("COMPARATOR", "control"), ("OUTCOME", "Time to first flatus")])
    ms = [m for m in rec.measures if m.value in (73.19, 82.82)]
    assert len(ms) == 2
    sides = [(ms[0], "C"), (ms[1], "I")]
    spans = [(e.start, e.end, e.label[0]) for e in rec.entities]
    decision = decide_comparison(text, 0, rec.measures, spans, sides, None, "Time to first flatus")
    assert decision.direction == "decrease" and decision.significant


def test_arm_values_rank_before_the_outcomes_change_noun_and_new_cue_words():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompts 11229, 12531, 12595)
    text = ("By 12- and 24-h post-treatment, 44.4% and 72.8% of patients in the butoconazole treatment group "
            "reported first relief of symptoms versus 29.1% and 55.7% of patients in the fluconazole group "
            "(p = 0.044 and p = 0.024 respectively).")
    rec = make_record(text, [("INTERVENTION", "butoconazole"), ("COMPARATOR", "fluconazole"),
                             ("OUTCOME", "first relief of symptoms")])
    assert claims_of(rec)[0].direction == "increase"  # more patients relieved, not less of the symptoms
    text = ("Significantly lesser number of women in the yoga group (n = 3) developed pregnancy-induced "
            "hypertension (PIH) / pre-eclampsia (PE) than those in the control group (n = 12).")
    rec = make_record(text, [("INTERVENTION", "yoga"), ("COMPARATOR", "control"),
                             ("OUTCOME", "pregnancy-induced hypertension")])
    assert claims_of(rec)[0].direction == "decrease"
    text = ("At week 24, patients receiving memantine added to donepezil significantly outperformed those "
            "receiving placebo added to donepezil in measures of cognition (P < 0.0001).")
    rec = make_record(text, [("INTERVENTION", "memantine"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "measures of cognition")])
    assert claims_of(rec)[0].direction == "increase"


def test_arm_mentions_inside_brackets_are_not_the_cues_subject():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompt 13721): "controls" in the bracket
    # labels a value; the cue outside it is said of the cases ("less in cases than controls")
    from claimex.assemble.claims.polarity import cue_direction

    text = ("median time to diagnosis (13 days [range 1–84] in cases, vs. 107 days [range 21–429] in controls) "
            "were significantly less in cases than controls (p = 0.04).")
    spans = [(text.index(w), text.index(w) + len(w), r) for w, r in
             (("median time to diagnosis", "O"), ("controls", "C"))]
    spans.append((text.rindex("controls"), text.rindex("controls") + len("controls"), "C"))
    assert cue_direction(text, spans, "median time to diagnosis") == ("decrease", False)


def test_from_names_a_reference_only_after_differ():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompt 11558): "patients from intervention
    # practices" are the subject of "lower"; "differed from placebo" names the reference
    from claimex.assemble.claims.polarity import cue_direction

    text = ("the mean cholesterol level in patients from intervention practices was significantly lower "
            "(-0.15 mmol/l, 95% CI -0.25, -0.06).")
    spans = [(text.index(w), text.index(w) + len(w), r) for w, r in
             (("mean cholesterol level", "O"), ("intervention", "I"))]
    assert cue_direction(text, spans, "mean cholesterol level") == ("decrease", False)


def test_an_arm_that_did_not_improve_an_outcome_in_a_compared_sentence_is_no_difference():
    # Evidence Inference PMC2920262 (title, design and results sentence); the tagger takes the design's two arms
    # as one intervention span, so the claim carries no comparator, but the arm is the subject of an effect verb
    # in a randomised trial: a comparison with the other arm, no difference (not a judged single-arm result)
    text = ("Singing teaching as a therapy for chronic respiratory disease - a randomised controlled trial. "
            "To test this hypothesis we performed a randomised controlled trial, comparing a six week course of "
            "twice weekly singing classes to usual care, in 28 COPD patients. "
            "Singing did not improve single breath counting, breath hold time or shuttle walk distance.")
    rec = make_record(text, [("INTERVENTION", "Singing teaching"), ("INTERVENTION", "singing classes to usual care"),
                             ("INTERVENTION", "Singing", 1), ("OUTCOME", "single breath counting"),
                             ("OUTCOME", "breath hold time"), ("OUTCOME", "shuttle walk distance")], title=True)
    claim = next(c for c in claims_of(rec) if c.sentence == 2)
    assert (claim.direction, claim.significant) == ("no_difference", False)


def test_the_second_arm_of_a_reference_list_is_a_reference_too():
    # EvidenceMap 10509459 (findings gold): "superior to both A ( p ) and B ( p )" - B, coordinated with the
    # reference A, is no subject of "superior"
    text = ("Direct palpation was associated with the highest accuracy for shape identification and was superior to "
            "both conventional instruments ( p < 0.001 ) and laparoscopic instruments ( p < 0.001 ) .")
    rec = make_record(text, [("INTERVENTION", "Direct palpation"), ("OUTCOME", "accuracy for shape identification"),
                             ("COMPARATOR", "conventional instruments"), ("COMPARATOR", "laparoscopic instruments")])
    claims = claims_of(rec)
    assert claims and all((c.direction, c.significant) == ("increase", True) for c in claims)


def test_a_null_difference_between_the_treatments_said_after_a_change_in_both():
    # Evidence Inference 2.0 train, PMC111183 (prompt 11210): the significance of the first clause is the change after each
    # treatment; between the treatments "the difference ... was not significant"
    text = ("PTEF increased significantly both after albuterol and saline treatments but the difference between the "
            "two treatments was not significant (P = 0.6).")
    rec = make_record(text, [("OUTCOME", "PTEF"), ("INTERVENTION", "albuterol"), ("COMPARATOR", "saline")])
    from claimex.assemble.claims import ClaimAssembler

    decision = ClaimAssembler("cues").compare(rec)
    assert (decision.direction, decision.significant) == ("no_difference", False)


def test_a_sentence_that_compares_arms_in_words_is_decided_as_a_comparison():
    # Evidence Inference PMC5852975 (prompt 11974, label increase): "only in the SM group" compares the arms
    # (significance.ONE_ARM_ONLY) even though no comparator is named or tagged
    text = ("Secondary outcome measures that improved, only in the SM group, included self-efficacy, sense of agency "
            "(SOA), sense of community (SOC), and empowerment.")
    rec = make_record(text, [("INTERVENTION", "SM"), ("OUTCOME", "self-efficacy"), ("OUTCOME", "sense of agency"),
                             ("OUTCOME", "sense of community")])
    rec.sentences[0].section = "RESULTS"
    claims = [c for c in claims_of(rec) if c.type == "finding"]
    assert claims and all(c.direction == "increase" for c in claims)



def test_improved_adiposity_is_a_decrease():
    # Evidence Inference abstract PMC3349167; GUIDELINES, Findings: "improved X" is a decrease when less X is better
    text = ("Participants were randomised to a merged lifestyle intervention or usual care. The merged lifestyle "
            "intervention resulted in statistically significant improvements in patients' systolic blood pressure, "
            "waist circumference, exercise capacity, glycaemic control, and some aspects of general health-related "
            "quality of life.")
    rec = make_record(text, [("INTERVENTION", "merged lifestyle intervention"), ("COMPARATOR", "usual care"),
                             ("INTERVENTION", "merged lifestyle intervention", 1), ("OUTCOME", "waist circumference")])
    claim = claims_of(rec)[0]
    assert claim.outcome == [ent(rec, "waist circumference")]
    assert claim.direction == "decrease" and claim.significant is True
    # outcome names of PMC2129145: the fat of the body is less-is-better, the fat-free mass is not
    from claimex.assemble.claims.harms import harmful

    assert harmful("body fat") and harmful("fat mass") and not harmful("fat free mass")
