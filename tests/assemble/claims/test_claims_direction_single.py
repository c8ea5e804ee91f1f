"""Direction of single-arm results and of statements without a comparison word (issue 10, class 4),
on real sentences from ../shared (the findings gold's abstracts)."""

from claims_helpers import claims_of, finding_of, make_record

# PubMed 26702233 (pubmed-xml sample): an uncontrolled series, one arm
SYMPATHICOTOMY = (
    "Single-Port Microthoracoscopic Sympathicotomy for the Treatment of Primary Palmar Hyperhidrosis. "
    "Between January 2008 and March 2013, 56 patients underwent single-port microthoracoscopic thoracic "
    "sympathicotomy for palmar hyperhidrosis. "
    "No postoperative complications such as hemorrhage, wound infection, hemopneumothorax, bradycardia, or "
    "Horner's syndrome were observed. "
    "The palmar temperature increased by 2.2 ± 0.3 °C after surgery. "
    "The efficacy rate was 100 %. "
    "Plantar hyperhidrosis was also significantly reduced in 33 of the 34 patients with this condition "
    "(remission rate 97.1 %).")


def _by_outcome(rec, claims):
    ents = {e.id: e.text for e in rec.entities}
    return {ents[c.outcome[0]]: c for c in claims if c.outcome and c.type in ("finding", "adverse_effect")}


def test_single_arm_results_are_judged_without_the_comparison_model():
    rec = make_record(SYMPATHICOTOMY, [
        ("INTERVENTION", "single-port microthoracoscopic thoracic sympathicotomy"),
        ("OUTCOME", "postoperative complications"), ("OUTCOME", "palmar temperature"),
        ("OUTCOME", "efficacy rate"), ("OUTCOME", "Plantar hyperhidrosis")], title=True)
    got = _by_outcome(rec, claims_of(rec, model=None))  # the shipped model must not be asked
    # a harm that did not happen is favourable
    assert got["postoperative complications"].direction == "positive" and got["postoperative complications"].negated
    # a rise of an outcome that is not a harm; a value reported for the arm
    assert got["palmar temperature"].direction == "positive"
    assert got["efficacy rate"].direction == "positive"
    # a disease (-osis) falling is favourable
    assert (got["Plantar hyperhidrosis"].direction, got["Plantar hyperhidrosis"].significant) == ("positive", True)


def test_a_harm_that_happened_is_negative_and_a_description_stays_undecided():
    # PubMed 25974212 (pubmed-xml sample), a phase II single-arm trial
    text = ("A phase II trial of RCHOP followed by radioimmunotherapy for early stage diffuse large B-cell "
            "lymphoma. Patients with stages I/II DLBCL received 4-6 cycles of RCHOP followed by RIT. "
            "With a median follow-up of 5·9 years, 7 (13%) patients have progressed and 4 (8%) have died. "
            "The median progression-free survival was 6 months.")
    rec = make_record(text, [("INTERVENTION", "RCHOP", 1), ("OUTCOME", "died"),
                             ("OUTCOME", "median progression-free survival")], title=True)
    got = _by_outcome(rec, claims_of(rec))
    assert got["died"].direction == "negative"
    assert got["median progression-free survival"].direction == "positive"  # survival is no event


def test_no_difference_words_and_both_groups():
    from claimex.assemble.claims.polarity import both_arms_change
    from claimex.assemble.claims.significance import significance

    # Evidence Inference 3751503: a negated "statistical difference"; 5809706: "similar in both groups"
    assert significance([], "the sterilization process, BioCleanse, did not demonstrate a statistical "
                            "difference in clinical outcomes for the BTB allograft at 2 years.", 0)[0] is False
    assert significance([], "Insertion success rate was similar in both groups.", 0)[0] is False
    # EvidenceMap 10563544: "in both normal subjects and patients" names populations, not the arms
    assert not both_arms_change("significantly reduces both smooth muscle tone and contractile activity in the "
                                "recto-sigmoid colon in both normal subjects and patients with UC .")
    assert both_arms_change("HbA1c was also reduced significantly in both groups at 12 weeks.")
    assert both_arms_change("decreased in both the ketamine and placebo groups")


def test_a_leading_although_clause_is_its_own_clause():
    from claimex.assemble.claims.direction import focus

    # PubMed 26702162 (pubmed-xml sample): the outcome of the main clause improved, the others did not change
    text = ("Although LV dimensions, mass and ejection fraction remained unchanged, LV diastolic and systolic "
            "functions improved (as observed on TDI).")
    first = text.index("LV dimensions")
    second = text.index("LV diastolic")
    a, b = focus(text, [(first, first + 13, "O")])
    assert "unchanged" in text[a:b] and "improved" not in text[a:b]
    a, b = focus(text, [(second, second + 12, "O")])
    assert "improved" in text[a:b] and "unchanged" not in text[a:b]


def test_no_effect_is_a_comparison_without_difference():
    # Evidence Inference 3686162: no comparison word, but "had no effect on" compares with usual care
    text = ("Patients were randomised to an exercise and cognitive programme or to usual care. "
            "The intervention had no effect on delirium duration, severity, discharge destination or length of stay.")
    rec = make_record(text, [("INTERVENTION", "exercise and cognitive programme"), ("COMPARATOR", "usual care"),
                             ("OUTCOME", "delirium duration")])
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert (claim.direction, claim.significant) == ("no_difference", False)
    # EvidenceMap 10986219: "did not affect"
    from claimex.assemble.claims.direction import is_comparative
    from claimex.assemble.claims.significance import NOT_SIGNIFICANT

    assert NOT_SIGNIFICANT.search("Glutamine did not affect psychometric function in TIPS patients")
    assert is_comparative("Glutamine did not affect psychometric function", has_comparator=False, measures=[])


def test_cue_words_inside_other_outcomes_and_body_parts_are_no_cues():
    from claimex.assemble.claims.direction import comparison_evidence

    # Evidence Inference 4748327: "fall" of "fall risk score" (another outcome) is not a decrease
    text = ("Compared to the control group, SMT participants improved their fall risk score (p = 0.036), "
            "sit-to-stand performance (p = 0.011) and executive functioning (p = 0.001).")
    out = text.index("sit-to-stand performance")
    other = text.index("fall risk score")
    spans = [(text.index("control group"), text.index("control group") + 13, "C"), (31, 34, "I"),
             (out, out + len("sit-to-stand performance"), "O")]
    ev = comparison_evidence(text, 0, [], spans, [], "sit-to-stand performance", [(other, other + 15)])
    assert ev.cue == "increase"
    # Evidence Inference 4650143: "lower body" is anatomy
    text = "A-GPC is effective at increasing lower body force production after 6 days of supplementation."
    out = text.index("body force production")
    ev = comparison_evidence(text, 0, [], [(0, 5, "I"), (out, out + 21, "O")], [], "body force production")
    assert ev.cue == "increase"


def test_significance_skips_baseline_p_values_and_adjectives_of_other_nouns():
    from claimex.annotate.measures import parse_measures
    from claimex.assemble.claims.significance import significance

    # EvidenceMap 32379667: the first p-value compares the groups before the intervention
    text = ("The average sleep quality score ( SRSS ) of the two groups before intervention was not statistically "
            "significant ( P = 0.838 ) , and it was statistically significant after intervention ( P < 0.001 ) .")
    ms = [m.to_schema(f"M{k}") for k, m in enumerate(parse_measures(text), start=1)]
    sig, p, _ = significance(ms, text, 0)
    assert sig is True and p.text.startswith("P < 0.001")
    # Evidence Inference 5735483: "comparable" is said of the recovery profile, not of the outcome
    text = ("Addition of buprenorphine (60 μg) or dexmedetomidine (5 μg) to intrathecal bupivacaine for "
            "transurethral resection prolongs the time to the first analgesic request with comparable recovery profile.")
    assert significance([], text, 0)[0] is None
    assert significance([], "Marked stromal edema occurred at similar rates in both groups.", 0)[0] is False
    # PubMed 26432115: "defocus equivalent" is a measure's name, not a no-difference word
    assert significance([], "At 9 months, the mean defocus equivalent was 0.51 ± 0.47 D.", 0)[0] is None
    assert significance([], "The two regimens were equivalent.", 0)[0] is False


def test_outcome_named_by_a_change_noun():
    from claimex.assemble.claims.polarity import outcome_change

    # Evidence Inference 1913915; PubMed 26702233
    assert outcome_change("Median improvement in FVC") == "increase"
    assert outcome_change("alleviation of their symptoms") == "decrease"
    assert outcome_change("reduction in pain") is None  # the outcome may be the change itself
    assert outcome_change("incidence of withdrawal movements") is None
    text = ("Eighteen of the 20 patients (90.0 %) with both plantar and axillary hyperhidrosis experienced "
            "significant alleviation of their symptoms.")
    rec = make_record("Single-port microthoracoscopic thoracic sympathicotomy for palmar hyperhidrosis. " + text,
                      [("INTERVENTION", "Single-port microthoracoscopic thoracic sympathicotomy"),
                       ("OUTCOME", "alleviation of their symptoms")], title=True)
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert (claim.direction, claim.significant) == ("positive", True)


def test_an_arm_named_inside_the_outcome_is_not_the_subject():
    from claimex.assemble.claims.direction import comparison_evidence

    # PubMed 19368899: "BDNF" (tagged as an arm) inside "Serum BDNF levels"
    text = ("Serum BDNF levels are significantly increased in clinically stable, chronically ill schizophrenia "
            "subjects after neuroplasticity-based cognitive training, but not after computer games.")
    arm = text.index("neuroplasticity-based cognitive training")
    spans = [(0, 17, "O"), (6, 10, "C"), (arm, arm + 40, "I")]
    assert comparison_evidence(text, 0, [], spans, [], "Serum BDNF levels").cue == "increase"


def test_trends_and_no_difference_said_of_another_pair_or_of_the_change_within_arms():
    from claimex.annotate.measures import parse_measures
    from claimex.assemble.claims.direction import comparison_evidence
    from claimex.assemble.claims.significance import significance

    # a trend is not significant (GUIDELINES, Findings)
    assert significance([], "body fat percent tended to decrease compared with the placebo group", 0)[0] is False
    # PubMed 29768149: "similar" is said of the two budesonide regimens; the comparison with terbutaline differs
    text = ("Exacerbation rates with the two budesonide-containing regimens were similar and were lower than the "
            "rate with terbutaline.")
    c = text.index("terbutaline")
    ev = comparison_evidence(text, 0, [], [(0, 18, "O"), (c, c + 11, "C")], [], "Exacerbation rates")
    assert ev.significant is None and ev.cue == "decrease"
    # Evidence Inference 3751503: the p-value tests the change over time; between the groups there is none
    text = ("Active flexion ROM significantly improved from pre-op to 24-month follow-up (P < 0.0001) with no "
            "difference between groups at any time point.")
    ms = [m.to_schema(f"M{k}") for k, m in enumerate(parse_measures(text), start=1)]
    assert comparison_evidence(text, 0, ms, [(0, 18, "O")], [], "Active flexion ROM").significant is False


def test_a_change_in_both_arms_is_judged_even_with_a_comparator():
    # Evidence Inference 4601415 (split-face trial): the harms were significant on both treatment sides
    text = ("Patients received fractional CO2 laser treatment on one side and punch elevation on the other side. "
            "Among all side effects, coagulated crust formation and pruritus at day 3 after fractional CO2 laser "
            "treatment was significant on both treatment sides (P < 0.05).")
    rec = make_record(text, [("INTERVENTION", "fractional CO2 laser treatment"), ("COMPARATOR", "punch elevation"),
                             ("OUTCOME", "side effects"), ("OUTCOME", "coagulated crust formation")])
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert (claim.direction, claim.significant) == ("negative", True)


def test_a_negated_change_verb_is_not_significant():
    from claimex.assemble.claims.direction import is_comparative
    from claimex.assemble.claims.significance import significance

    # Evidence Inference 3634264: a result that failed to improve; not a sign of a comparison by itself
    text = ("Our study revealed that one month of oral L-carnitine therapy did not improve endothelial function "
            "in hemodialysis patients.")
    assert significance([], text, 0)[0] is False
    assert not is_comparative(text, has_comparator=False, measures=[])
    rec = make_record("L-carnitine in hemodialysis patients. " + text,
                      [("INTERVENTION", "oral L-carnitine therapy"), ("OUTCOME", "endothelial function")], title=True)
    claim = next(c for c in claims_of(rec) if c.sentence == 1)
    assert (claim.direction, claim.significant, claim.negated) == ("negative", False, True)


def test_regardless_of_names_both_arms_only_for_the_allocation():
    from claimex.assemble.claims.polarity import both_arms_change

    # pubmed-xml samples: "regardless of sex" qualifies a change, it does not report one in each arm
    assert not both_arms_change("Vertical growth was seen in the bilateral cleft lip and palate subjects regardless "
                                "of sex, and no change was observed with age.")
    assert both_arms_change("acute low back pain that will likely resolve regardless of treatment.")


def test_outcomes_listed_as_adverse_events_are_harms():
    # PubMed 26702392 (pubmed-xml sample), a single-arm trastuzumab study: "transaminase increased" is an
    # adverse event here, so "frequently" judges it (not the rise of a transaminase level)
    text = ("Trastuzumab in patients with gastric cancer. "
            "The most frequently drug-related adverse events were fever (59.3 %), transaminase increased "
            "(22.2 %), chills (18.5 %) and arrhythmia (18.5 %).")
    rec = make_record(text, [("INTERVENTION", "Trastuzumab"), ("OUTCOME", "drug-related adverse events"),
                             ("OUTCOME", "fever"), ("OUTCOME", "transaminase"), ("OUTCOME", "arrhythmia")],
                      title=True)
    claims = [c for c in claims_of(rec) if c.sentence == 1]
    assert claims and all(c.direction == "negative" for c in claims)


def test_a_sentence_that_compares_two_arms_is_a_comparison_without_a_resolved_comparator():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompts 12385 and the fluocinolone implant
    # prompt): no comparator entity anywhere in the abstract, but the sentence compares two arms in words
    text = ("Participants trained with resistance exercise. No statistically significant differences were noted "
            "for the increase in skeletal muscle mass between training three versus two times a week (+7.4% vs "
            "+4.4%, respectively).")
    rec = make_record(text, [("INTERVENTION", "resistance exercise"), ("OUTCOME", "skeletal muscle mass")])
    claim = _by_outcome(rec, claims_of(rec))["skeletal muscle mass"]
    assert (claim.direction, claim.significant) == ("no_difference", False)
    text = ("Eyes received the implant. Mean improvement in VA was significantly greater in implanted than "
            "non-implanted eyes at 1 (P = 0.0015) postoperatively.")
    rec = make_record(text, [("INTERVENTION", "implant"), ("OUTCOME", "Mean improvement in VA")])
    assert _by_outcome(rec, claims_of(rec))["Mean improvement in VA"].direction == "increase"
    # a change against the start stays a judged single-arm result
    text = ("Eyes received the implant. Mean VA was significantly higher than before surgery (P = 0.001).")
    rec = make_record(text, [("INTERVENTION", "implant"), ("OUTCOME", "Mean VA")])
    assert _by_outcome(rec, claims_of(rec))["Mean VA"].direction == "positive"


def test_outcomes_in_contrasting_clauses_are_claims_of_their_own():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompt 12672)
    text = ("Hemodynamic stability did not differ between SLED-BD and CVVH, whereas patients in the SLED-BD group "
            "had significantly fewer days of mechanical ventilation (17.7 ± 19.4 vs. 20.9 ± 19.8, P = 0.047).")
    rec = make_record(text, [("INTERVENTION", "SLED-BD"), ("COMPARATOR", "CVVH"), ("OUTCOME", "Hemodynamic stability"),
                             ("INTERVENTION", "SLED-BD", 1), ("OUTCOME", "days of mechanical ventilation")])
    got = _by_outcome(rec, claims_of(rec))
    assert (got["Hemodynamic stability"].direction, got["Hemodynamic stability"].significant) == (
        "no_difference", False)
    ventilation = got["days of mechanical ventilation"]
    assert (ventilation.direction, ventilation.significant) == ("decrease", True)
    assert len(ventilation.outcome) == 1


def test_values_given_respectively_with_a_test_compare_two_arms():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompt 12408)
    text = ("Patients received ESWL. The number of ESWL sessions was 1.34±0.65 and 1.41±0.85 in groups 1 and 2, "
            "respectively (p=0.33).")
    rec = make_record(text, [("INTERVENTION", "ESWL"), ("OUTCOME", "number of ESWL sessions")])
    claim = _by_outcome(rec, claims_of(rec))["number of ESWL sessions"]
    assert (claim.direction, claim.significant) == ("no_difference", False)


def test_similar_in_both_groups_compares_the_arms():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompt 13316); "decreased in both groups"
    # alone stays a change within the arms
    text = "Patients received pemetrexed. The hematologic toxicity was similar in both groups."
    rec = make_record(text, [("INTERVENTION", "pemetrexed"), ("OUTCOME", "hematologic toxicity")])
    assert _by_outcome(rec, claims_of(rec))["hematologic toxicity"].direction == "no_difference"
    text = "Patients received pemetrexed. The hematologic toxicity decreased in both groups."
    rec = make_record(text, [("INTERVENTION", "pemetrexed"), ("OUTCOME", "hematologic toxicity")])
    assert _by_outcome(rec, claims_of(rec))["hematologic toxicity"].direction == "positive"


def test_a_comparative_said_of_one_group_with_a_test_is_a_comparison():
    # Evidence Inference 2.0 train (ei2_prompts_train_val.jsonl, prompt 13825)
    text = ("Children received synbiotic + mineral oil. Finally, there was a better global improvement in the "
            "synbiotic + mineral oil group (P < 0.05).")
    rec = make_record(text, [("INTERVENTION", "synbiotic + mineral oil"), ("OUTCOME", "global improvement"),
                             ("INTERVENTION", "synbiotic + mineral oil", 1)])
    claim = _by_outcome(rec, claims_of(rec))["global improvement"]
    assert (claim.direction, claim.significant) == ("increase", True)


def test_a_single_arm_result_takes_its_significance_from_its_own_clause():
    # PubMed 26702162 (pubmed-xml sample, an uncontrolled series): "remained unchanged" is said of the first
    # clause's outcomes; the improvement after the comma states no test
    text = ("Forty patients underwent AVR. "
            "Although LV dimensions, mass and ejection fraction remained unchanged, LV diastolic and systolic "
            "functions improved (as observed on TDI).")
    rec = make_record(text, [("INTERVENTION", "AVR"), ("OUTCOME", "LV dimensions"), ("OUTCOME", "mass"),
                             ("OUTCOME", "ejection fraction"), ("OUTCOME", "LV diastolic and systolic functions")])
    got = _by_outcome(rec, [c for c in claims_of(rec) if c.sentence == 1])
    assert (got["LV diastolic and systolic functions"].direction,
            got["LV diastolic and systolic functions"].significant) == ("positive", None)
    # "remained unchanged" itself states no test either (as the findings gold reads this sentence)
    assert (got["LV dimensions"].direction, got["LV dimensions"].significant) == ("negative", None)


def test_no_change_without_a_test_states_no_significance():
    # EvidenceMap 10871578 (not in the findings gold): "were unchanged" describes the arm, it tests nothing -
    # significant null (GUIDELINES, Findings); "no significant change" is a test's null - false
    for words, significant in (("were unchanged", None), ("showed no significant change", False)):
        text = ("Plasma antioxidant status after high-dose chemotherapy. "
                f"Plasma cysteine concentrations {words}, whereas cystine concentrations increased.")
        rec = make_record(text, [("INTERVENTION", "high-dose chemotherapy"),
                                 ("OUTCOME", "Plasma cysteine concentrations"), ("OUTCOME", "cystine concentrations")],
                          title=True)
        rec.sentences[1].section = "RESULTS"
        claim = next(c for c in claims_of(rec) if c.sentence == 1 and rec.entities[1].id in c.outcome)
        assert claim.direction == "negative" and claim.significant is significant


# PubMed 26702162 (pubmed-xml-samples; title, methods and a results sentence): an uncontrolled series, pre- vs
# postoperative, with two operations named as subgroups
AVR = (
    "Improvement in left ventricular function assessed by tissue Doppler imaging after aortic valve replacement for "
    "severe aortic stenosis. "
    "We compared the preoperative and postoperative echocardiographic assessments of 23 patients with severe AS who "
    "had undergone isolated AVR (n = 13) or concomitant AVR with coronary artery bypass grafting (CABG) (n = 10). "
    "There was significant improvement in TDI-derived parameters among the patients who had isolated AVR, while "
    "among the patients who had concomitant AVR with CABG, only S' had significant improvement (p = 0.028).")


def test_two_treatments_named_in_an_uncontrolled_series_do_not_make_a_comparison():
    rec = make_record(AVR, [
        ("INTERVENTION", "aortic valve replacement"), ("OUTCOME", "TDI-derived parameters"),
        ("INTERVENTION", "AVR", 2), ("INTERVENTION", "AVR", 3), ("INTERVENTION", "CABG", 1)], title=True)
    claim = finding_of(rec, "TDI-derived parameters among")
    # no control, no design comparator, no comparison in words: the change within the operated patients is judged
    assert claim.comparator == []
    assert claim.direction == "positive"
