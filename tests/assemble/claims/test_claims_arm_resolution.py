"""Arm resolution rules of issue 10's class 3 (which entity a claim's intervention / comparator slot
names), each on real sentences from ../shared."""

from claims_helpers import claims_of, ent, finding_of, make_record


def test_title_intervention_in_the_setting_is_not_the_main_one():
    # PubMed 26432115: "after radial keratotomy" is the patients' history, not the arm, even though the
    # abstract names RK more often than the treatment
    text = ("Femtosecond-assisted laser in situ keratomileusis for consecutive hyperopia after radial keratotomy. "
            "To evaluate femtosecond-assisted laser in situ keratomileusis for the treatment of hyperopic shift "
            "after RK. "
            "The flap was dissected in a centrifugal fashion along previous RK cuts. "
            "The mean CDVA was 0.04 ± 0.06 logMAR (P < .05).")
    rec = make_record(text, [("INTERVENTION", "Femtosecond-assisted laser in situ keratomileusis"),
                             ("INTERVENTION", "radial keratotomy"),
                             ("INTERVENTION", "femtosecond-assisted laser in situ keratomileusis"),
                             ("INTERVENTION", "RK", 0, "radial keratotomy"),
                             ("INTERVENTION", "RK", 1, "radial keratotomy"), ("OUTCOME", "mean CDVA")],
                      title=True)
    claim = finding_of(rec, "mean CDVA")
    assert claim.intervention == [ent(rec, "femtosecond-assisted laser in situ keratomileusis")]


def test_title_intervention_after_therapy_with_is_the_main_one():
    # EvidenceMap 9933852: "after therapy with X" introduces the treatment, not the setting
    text = ("Erythropoiesis after therapy with recombinant human erythropoietin : a dose-response study in anemic "
            "cancer surgery patients. "
            "The aim of this study was to evaluate the erythropoietic response after different doses of r-HuEPO. "
            "After treatment, the serum iron level significantly rose in both groups.")
    rec = make_record(text, [("INTERVENTION", "Erythropoiesis"),
                             ("INTERVENTION", "recombinant human erythropoietin"),
                             ("INTERVENTION", "r-HuEPO", 0, "recombinant human erythropoietin"),
                             ("OUTCOME", "serum iron level")], title=True)
    claim = finding_of(rec, "serum iron")
    assert claim.intervention == [ent(rec, "r-HuEPO")]


def test_span_settled_as_outcome_is_not_brought_back_as_a_repeated_arm():
    # PMC 5809706: a methods sentence tagged "OLP" as an intervention; in the result sentence the span is
    # tagged outcome and intervention, settled as the outcome - its repeat is no arm either
    text = ("Sixty infants were randomly assigned to place either the i-gel or the LMA Supreme. "
            "The primary outcome variable was oropharyngeal leak pressure (OLP). "
            "OLP for the i-gel (26.0 ± 3.8 cmH2O) was higher than for the LMA Supreme (23.7 ± 3.2 cmH2O) "
            "(P = 0.016).")
    rec = make_record(text, [("INTERVENTION", "i-gel"), ("INTERVENTION", "LMA Supreme"), ("INTERVENTION", "OLP"),
                             ("OUTCOME", "OLP", 1), ("INTERVENTION", "OLP", 1), ("INTERVENTION", "i-gel", 1),
                             ("INTERVENTION", "LMA Supreme", 1)])
    claim = finding_of(rec, "OLP for")
    assert claim.intervention == [ent(rec, "i-gel", 1)] and claim.comparator == [ent(rec, "LMA Supreme", 1)]
    assert claim.outcome == [ent(rec, "OLP", 1)]


def test_intervention_group_is_the_arm_the_design_sets_against_the_comparator():
    # PMC 3686162: the title's wording ("exercise and cognitive programme") is not the arm's name; "the
    # intervention" is what the objective sets against usual care alone
    text = ("An enhanced exercise and cognitive programme does not appear to reduce incident delirium in "
            "hospitalised patients: a randomised controlled trial. "
            "To determine if a programme of progressive resistance exercise, mobilisation and orientation, in "
            "addition to usual care, was superior to usual care alone in the prevention of incident delirium in "
            "older hospitalised patients. "
            "The intervention had no effect on delirium duration, severity, discharge destination or length of "
            "stay.")
    rec = make_record(text, [("INTERVENTION", "exercise and cognitive programme"),
                             ("INTERVENTION", "progressive resistance exercise"), ("INTERVENTION", "usual care"),
                             ("INTERVENTION", "usual care alone"), ("INTERVENTION", "intervention"),
                             ("OUTCOME", "delirium duration")], title=True)
    claim = finding_of(rec, "delirium duration")
    assert claim.intervention == [ent(rec, "progressive resistance exercise")]
    assert claim.arm_mentions == [ent(rec, "intervention")]


def test_change_reported_for_the_comparator_arm_alone_is_its_single_armfinding_of():
    # EvidenceMap 10563544: the saline arm's own (absent) change - not nicotine against saline
    text = ("Intra-luminal nicotine reduces smooth muscle tone and contractile activity in the distal large bowel. "
            "All 17 subjects were given nicotine or placebo solution on two separate occasions in a randomized "
            "sequence. "
            "No significant change in tone or activity was observed with the saline solution. "
            "Results from normals and UC did not differ significantly from each other compared with the saline "
            "solution.")
    rec = make_record(text, [("INTERVENTION", "Intra-luminal nicotine"), ("INTERVENTION", "nicotine", 1),
                             ("COMPARATOR", "placebo"), ("OUTCOME", "tone", 1), ("OUTCOME", "activity", 1),
                             ("INTERVENTION", "saline solution"), ("INTERVENTION", "saline solution", 1)],
                      title=True)
    claim = finding_of(rec, "No significant change")
    assert claim.intervention == [ent(rec, "saline solution")] and claim.comparator == []
    assert claim.inherited == []
    # a comparison with the saline arm keeps it the comparator (a claim with no outcome entity: kept on request)
    other = next(c for c in claims_of(rec, outcomeless=True) if "did not differ" in c.text and c.type == "finding")
    assert other.comparator == [ent(rec, "saline solution", 1)]


def test_active_arm_as_subject_of_an_effect_verb_is_compared_with_the_design_comparator():
    # PMC 5827476: the conclusion claims an effect of the arm - against the normal saline of the design
    text = ("A prospective randomised controlled study for evaluation of high-volume low-concentration "
            "intraperitoneal bupivacaine for post-laparoscopic cholecystectomy analgesia. "
            "In Group S, intraperitoneal irrigation was done with 500 ml of normal saline. "
            "High-volume low-concentration of intraperitoneal bupivacaine significantly increases post-operative "
            "DOA and reduces opioid requirement after LC.")
    rec = make_record(text, [("INTERVENTION", "intraperitoneal bupivacaine"), ("INTERVENTION", "normal saline"),
                             ("INTERVENTION", "intraperitoneal bupivacaine", 1), ("OUTCOME", "post-operative DOA")],
                      title=True)
    claim = finding_of(rec, "post-operative DOA")
    assert claim.intervention == [ent(rec, "intraperitoneal bupivacaine", 1)]
    assert claim.comparator == [ent(rec, "normal saline")]


def test_change_seen_in_every_subject_stays_single_arm():
    # EvidenceMap 10563544: a change within each subject, not an effect against the placebo arm
    text = ("All 17 subjects were given nicotine or placebo solution on two separate occasions in a randomized "
            "sequence. "
            "The nicotine reduced both tone and activity in all subjects, with reduction or abolition of the large "
            "contractions in UC.")
    rec = make_record(text, [("INTERVENTION", "nicotine"), ("COMPARATOR", "placebo"), ("INTERVENTION", "nicotine", 1),
                             ("OUTCOME", "tone")])
    claim = finding_of(rec, "tone")
    assert claim.intervention == [ent(rec, "nicotine", 1)] and claim.comparator == []
    # judged as a within-arm change, not decided as a comparison (round 7: before, "decrease" against placebo),
    # by the rules alone as well as with the arm ranker
    assert claim.direction in ("positive", "negative")
    assert finding_of(rec, "tone", arms="rules").comparator == []


def test_spans_in_the_setting_or_modifying_an_arm_are_not_arms():
    # PMC 5827476: "after LC" is the operation the patients had; "High-volume low-concentration of" modifies
    # the arm - neither is an intervention of the claim
    text = ("A prospective randomised controlled study for evaluation of high-volume low-concentration "
            "intraperitoneal bupivacaine for post-laparoscopic cholecystectomy analgesia. "
            "This study was conducted to evaluate the effectiveness of intraperitoneal instillation of high-volume "
            "low-concentration bupivacaine for post-operative analgesia in LC. "
            "High-volume low-concentration of intraperitoneal bupivacaine significantly increases post-operative "
            "DOA and reduces opioid requirement after LC.")
    rec = make_record(text, [("INTERVENTION", "high-volume low-concentration intraperitoneal bupivacaine"),
                             ("INTERVENTION", "high-volume low-concentration bupivacaine"), ("INTERVENTION", "LC"),
                             ("INTERVENTION", "High-volume low-concentration"),
                             ("INTERVENTION", "intraperitoneal bupivacaine", 1), ("INTERVENTION", "LC", 1),
                             ("OUTCOME", "post-operative DOA")], title=True)
    claim = finding_of(rec, "post-operative DOA")
    assert claim.intervention == [ent(rec, "intraperitoneal bupivacaine")]


def test_both_arms_named_after_a_setting_word_stay():
    # EvidenceMap 10077140: "the two products" names both arms, never the setting
    text = ("Switching patients with asthma from CFC albuterol to HFA albuterol. "
            "Adverse event profiles were similar for the two products, except the patients remaining on CFC "
            "albuterol reported increased asthma symptoms and rhinitis significantly more often than the patients "
            "switched to HFA albuterol.")
    rec = make_record(text, [("INTERVENTION", "CFC albuterol"), ("INTERVENTION", "HFA albuterol"),
                             ("INTERVENTION", "two products"), ("INTERVENTION", "remaining on CFC albuterol"),
                             ("INTERVENTION", "switched to HFA albuterol"), ("OUTCOME", "Adverse event profiles")],
                      title=True)
    claim = finding_of(rec, "Adverse event", arms="rules")
    assert ent(rec, "two products") in claim.intervention
    # the arm ranker names the two arms the sentence sets against each other; "two products" stays a mention
    claim = finding_of(rec, "Adverse event")
    assert claim.intervention == [ent(rec, "remaining on CFC albuterol")]
    assert claim.comparator == [ent(rec, "switched to HFA albuterol")]
    assert ent(rec, "two products") in claim.arm_mentions


def test_arms_each_with_their_own_test_give_one_single_arm_finding_each():
    # PMC 3634264: each arm's own p-value ("respectively"), no comparison between the arms
    text = ("This study showed that after one month of L-carnitine or placebo therapy there was no significant "
            "improvement in flow mediated dilation (p = 0.80 and p = 0.59, respectively) or decrease in carotid "
            "intima-media thickness (p = 0.12 and p = 0.50, respectively).")
    rec = make_record(text, [("INTERVENTION", "L-carnitine"), ("COMPARATOR", "placebo"),
                             ("OUTCOME", "flow mediated dilation"), ("OUTCOME", "carotid intima-media thickness")])
    fmd = [c for c in claims_of(rec) if ent(rec, "flow mediated dilation") in c.outcome]
    assert [(c.intervention, c.comparator) for c in fmd] == [([ent(rec, "L-carnitine")], []),
                                                              ([ent(rec, "placebo")], [])]
    assert all(c.direction == "negative" and c.significant is False for c in fmd)


def test_group_labels_defined_respectively_split_the_result_per_arm_against_the_control():
    # PMC 5735483: "Group C/B/D" are defined in order by "respectively"; Group C's phrase is the control group
    text = ("Comparative Effects of Buprenorphine and Dexmedetomidine as Adjuvants to Bupivacaine Spinal "
            "Anaesthesia. "
            "Sterile water (0.2 mL) or buprenorphine (60 μg) or dexmedetomidine (5 μg) was added to control group "
            "(Group C), buprenorphine group (Group B), and dexmedetomidine group (Group D), respectively. "
            "Time to S1 regression was 130 ± 46 min (Group C), 144 ± 51.3 min (Group B) and 164 ± 55.99 min "
            "(Group D), P = 0.117.")
    rec = make_record(text, [("INTERVENTION", "Buprenorphine and Dexmedetomidine"), ("INTERVENTION", "water"),
                             ("INTERVENTION", "buprenorphine"), ("INTERVENTION", "dexmedetomidine"),
                             ("COMPARATOR", "control"), ("INTERVENTION", "buprenorphine", 1),
                             ("INTERVENTION", "dexmedetomidine", 1), ("OUTCOME", "Time to S1 regression")],
                      title=True)
    claims = [c for c in claims_of(rec) if ent(rec, "Time to S1 regression") in c.outcome]
    assert [(c.intervention, c.comparator) for c in claims] == [
        ([ent(rec, "buprenorphine")], [ent(rec, "water")]), ([ent(rec, "dexmedetomidine")], [ent(rec, "water")])]
    texts = {m.id: m.text for m in rec.measures}
    # each arm's value, the control's value and the test after all of them
    assert [texts[m] for m in claims[0].measures] == ["130 ± 46 min", "144 ± 51.3 min", "P = 0.117"]
    assert [texts[m] for m in claims[1].measures] == ["130 ± 46 min", "164 ± 55.99 min", "P = 0.117"]


def test_bracket_label_closing_an_arm_clause_names_that_arm():
    # PubMed 25840296: "(Group 2)" closes the clause of the cold solution
    text = ("Clinical study of pain sensation during phacoemulsification with and without cryoanalgesia. "
            "Patients with symmetrical bilateral cataract had phacoemulsification with the use of an intraocular "
            "irrigation solution at room temperature in 1 eye and a cold (4°C) solution in the contralateral eye "
            "(Group 2). "
            "There was no statistically significant difference in the mean pain score between Group 1 "
            "(26.0 ± 3.7) and Group 2 (21.3 ± 3.6) (P = .2016, paired t test).")
    rec = make_record(text, [("INTERVENTION", "cryoanalgesia"), ("INTERVENTION", "intraocular irrigation solution"),
                             ("INTERVENTION", "solution", 1), ("OUTCOME", "mean pain score")], title=True)
    claim = finding_of(rec, "mean pain score")
    assert claim.intervention == [ent(rec, "solution")]


def test_outcomes_in_the_clause_of_one_of_several_arms_belong_to_that_arm():
    # PMC 4748327: SMT's outcomes before "while", KIN's after it, both against the control group
    text = ("As part of a larger analysis, we compared feasibility and efficacy of two exergame interventions: "
            "step-mat-training (SMT) and Microsoft-Kinect (KIN) exergames. "
            "Compared to the control group, SMT participants improved their fall risk score (p = 0.036) and "
            "executive functioning (p = 0.001), while KIN participants improved their muscle strength (p = 0.032) "
            "and vision (p = 0.047).")
    rec = make_record(text, [("INTERVENTION", "step-mat-training (SMT)"), ("INTERVENTION", "KIN"),
                             ("COMPARATOR", "control"), ("INTERVENTION", "SMT", 1), ("INTERVENTION", "KIN", 1),
                             ("OUTCOME", "fall risk score"), ("OUTCOME", "executive functioning"),
                             ("OUTCOME", "muscle strength"), ("OUTCOME", "vision")])
    by_outcome = {rec.entities[[e.id for e in rec.entities].index(c.outcome[0])].text: c
                  for c in claims_of(rec) if c.type == "finding" and c.outcome}
    assert by_outcome["fall risk score"].intervention == [ent(rec, "SMT")]
    assert by_outcome["muscle strength"].intervention == [ent(rec, "KIN", 1)]
    assert by_outcome["vision"].comparator == [ent(rec, "control")]


def test_tagged_bare_label_that_stands_for_no_arm_is_not_the_intervention():
    # PubMed 26702233: "after surgery" names no arm; the finding is the sympathicotomy's
    text = ("Single-Port Microthoracoscopic Sympathicotomy for the Treatment of Primary Palmar Hyperhidrosis: an "
            "Analysis of 56 Consecutive Cases. "
            "The palmar temperature increased by 2.2 ± 0.3 °C after surgery.")
    rec = make_record(text, [("INTERVENTION", "Single-Port Microthoracoscopic Sympathicotomy"),
                             ("INTERVENTION", "surgery"), ("OUTCOME", "palmar temperature")], title=True)
    claim = finding_of(rec, "palmar temperature")
    assert claim.intervention == [ent(rec, "Single-Port Microthoracoscopic Sympathicotomy")]


def test_carried_comparator_is_the_named_control_arm_not_a_bare_control_word():
    # EvidenceMap 32896292: a later methods sentence says only "the control group"; "between groups" carries
    # the arm the design named
    text = ("Azithromycin in addition to standard of care versus standard of care alone in the treatment of "
            "patients admitted to the hospital with severe COVID-19 in Brazil : a randomised clinical trial. "
            "Patients were randomly assigned ( 1:1 ) to azithromycin ( 500 mg once daily for 10 days ) plus "
            "standard of care or to standard of care without macrolides. "
            "COVID-19 was confirmed in 397 patients who constituted the mITT population , of whom 214 were "
            "assigned to the azithromycin group and 183 to the control group. "
            "Rates of adverse events were not significantly different between groups.")
    rec = make_record(text, [("INTERVENTION", "Azithromycin"), ("INTERVENTION", "azithromycin"),
                             ("INTERVENTION", "standard of care without macrolides"), ("COMPARATOR", "control"),
                             ("OUTCOME", "Rates of adverse events")], title=True)
    claim = finding_of(rec, "Rates of adverse events")
    assert claim.comparator == [ent(rec, "standard of care without macrolides")]


def test_intervention_group_is_the_arm_the_aim_evaluates():
    # PubMed 26340864: the title's tagged "Community" is no arm name; the aim names the programme evaluated
    text = ("Effect of Community Volunteering on Physical Activity: A Randomized Controlled Trial. "
            "This study evaluates the effects of the Baltimore Experience Corps program, a community-based "
            "volunteer program, on walking activity in older adults. "
            "At 24 months, women, but not men, in the intervention group showed an increased amount of walking "
            "activity, averaging 1,500.3 (95% CI=77.6, 2,922.9) greater steps/day compared with the control group.")
    rec = make_record(text, [("INTERVENTION", "Community"), ("INTERVENTION", "Experience Corps program"),
                             ("INTERVENTION", "community-based volunteer program"), ("INTERVENTION", "intervention"),
                             ("COMPARATOR", "control"), ("OUTCOME", "amount of walking activity")], title=True)
    claim = finding_of(rec, "amount of walking activity")
    assert claim.intervention == [ent(rec, "Experience Corps program")]


def test_result_on_both_sides_for_the_one_named_treatment_is_its_single_armfinding_of():
    # PMC 4601415 (split-face trial): the laser treatment common to both sides, no comparison between them
    text = ("Efficacy of Punch Elevation Combined with Fractional Carbon Dioxide Laser Resurfacing in Facial "
            "Atrophic Acne Scarring: A Randomized Split-face Clinical Study. "
            "The aim of this study was to compare the clinical effectiveness and side effects of fractional CO2 "
            "laser resurfacing combined with punch elevation with fractional CO2 laser resurfacing alone. "
            "Among all side effects, coagulated crust formation and pruritus at day 3 after fractional CO2 laser "
            "treatment was significant on both treatment sides (P < 0.05).")
    rec = make_record(text, [("INTERVENTION", "Punch Elevation Combined"),
                             ("INTERVENTION", "fractional CO2 laser resurfacing combined with punch elevation"),
                             ("INTERVENTION", "fractional CO2 laser resurfacing alone"),
                             ("INTERVENTION", "fractional CO2 laser treatment"),
                             ("OUTCOME", "coagulated crust formation")], title=True)
    claim = finding_of(rec, "coagulated crust")
    assert claim.intervention == [ent(rec, "fractional CO2 laser treatment")] and claim.comparator == []


def test_design_alternative_split_by_the_tagger_is_its_head():
    # PMC 3525031: "intra muscular (IM) pethidine" tagged as two spans; the comparator carried is pethidine
    text = ("Pain relief after cesarean section: Oral methadone vs. intramuscular pethidine. "
            "The aim of current study was to compare the analgesic efficacy of oral methadone and intra muscular "
            "(IM) pethidine which the latter was routinely used in our center in post cesarean pain treatment. "
            "There was no difference between groups in terms of complications and supplementary analgesic use.")
    rec = make_record(text, [("INTERVENTION", "Oral methadone"), ("INTERVENTION", "pethidine"),
                             ("INTERVENTION", "oral methadone"), ("INTERVENTION", "intra muscular"),
                             ("INTERVENTION", "IM"), ("INTERVENTION", "pethidine", 1),
                             ("OUTCOME", "complications")], title=True)
    claim = finding_of(rec, "complications")
    assert claim.comparator == [ent(rec, "pethidine", 1)]


def test_span_in_a_comma_list_of_outcomes_is_an_outcome_not_an_arm():
    # PMC 4748327: "proprioception" (tagged as an intervention) sits in SMT's list of outcomes
    text = ("As part of a larger analysis, we compared feasibility and efficacy of two exergame interventions: "
            "step-mat-training (SMT) and Microsoft-Kinect (KIN) exergames. "
            "Assessment measures included overall physiological fall risk, muscle strength, finger-press reaction "
            "time, proprioception, vision, balance and executive functioning. "
            "Compared to the control group, SMT participants improved their fall risk score (p = 0.036), "
            "proprioception (p = 0.015), reaction time (p = 0.003), sit-to-stand performance (p = 0.011) and "
            "executive functioning (p = 0.001), while KIN participants improved their muscle strength (p = 0.032) "
            "and vision (p = 0.047).")
    rec = make_record(text, [("INTERVENTION", "step-mat-training (SMT)"), ("INTERVENTION", "KIN"),
                             ("INTERVENTION", "proprioception"), ("COMPARATOR", "control"), ("INTERVENTION", "SMT", 1),
                             ("OUTCOME", "fall risk score"), ("INTERVENTION", "proprioception", 1),
                             ("OUTCOME", "reaction time", 1), ("OUTCOME", "executive functioning", 1),
                             ("INTERVENTION", "KIN", 1), ("OUTCOME", "muscle strength", 1)])
    claims = [c for c in claims_of(rec) if c.type == "finding"]
    assert all(ent(rec, "proprioception", 1) not in c.intervention + c.comparator for c in claims)
    reaction = next(c for c in claims if ent(rec, "reaction time") in c.outcome)
    assert reaction.intervention == [ent(rec, "SMT")]


def test_main_intervention_of_a_pair_is_the_intervention_whichever_comes_first():
    # PMC 3558644: the title's ketorolac is the intervention of "between the lidocaine group and the
    # ketorolac group"
    text = ("Rocuronium-induced withdrawal movement: influence of ketorolac or a combination of lidocaine and "
            "ketorolac pretreatment. "
            "There was no significant difference in withdrawal movement between the lidocaine group and the "
            "ketorolac group.")
    rec = make_record(text, [("INTERVENTION", "ketorolac"), ("INTERVENTION", "lidocaine", 1),
                             ("INTERVENTION", "ketorolac", 2), ("OUTCOME", "withdrawal movement", 1)], title=True)
    claim = finding_of(rec, "no significant difference")
    assert claim.intervention == [ent(rec, "ketorolac", 1)] and claim.comparator == [ent(rec, "lidocaine")]


def test_control_worded_mention_does_not_replace_the_active_arm_mention():
    # PMC 3599931: "standard care plus intervention (LWP)" mentions the main intervention together with the
    # control; "the intervention group" stays the earlier mention that names the active arm alone
    text = ("A 6-month randomized controlled trial to test the efficacy of a lifestyle intervention for weight gain "
            "management in schizophrenia. "
            "A multicentric, randomized, controlled-trial was conducted to test the efficacy of a 12-week group "
            "Lifestyle Wellness Program (LWP). "
            "Patients were randomized into two groups: standard care (SC) and standard care plus intervention (LWP). "
            "At six-month follow-up, there was a significant weight decrease of -1.15 kg in the intervention group "
            "compared to a weight increase in the standard care group (+0.5 kg, p=0.017).")
    rec = make_record(text, [("INTERVENTION", "lifestyle intervention"),
                             ("INTERVENTION", "Lifestyle Wellness Program (LWP)", 0,
                              "Lifestyle Wellness Program (Lifestyle Wellness Program)"),
                             ("INTERVENTION", "standard care (SC)"),
                             ("INTERVENTION", "standard care plus intervention (LWP)", 0,
                              "standard care plus intervention (Lifestyle Wellness Program)"),
                             ("INTERVENTION", "intervention", 2), ("INTERVENTION", "standard care", 2),
                             ("OUTCOME", "weight", 1)], title=True)
    claim = finding_of(rec, "six-month")
    assert claim.intervention == [ent(rec, "lifestyle intervention")]


def test_intervention_group_is_the_main_intervention_that_holds_its_word():
    # EI abstract PMC 5515187: "the intervention group" of a trial of an "educational intervention" is that
    # arm, not the "special intervention" a methods sentence says the control group did not get
    text = ("The impact of educational intervention on self-care behaviors in overweight hypertensive women: "
            "A randomized control trial. "
            "The control group received routine care from health-care center and any special intervention has "
            "been done for the control group. "
            "After 6 months, there was a significant reduction in systolic (P < 0.001) and diastolic BP "
            "(P = 0.010) in the intervention group.")
    rec = make_record(text, [("INTERVENTION", "educational intervention"), ("COMPARATOR", "control"),
                             ("COMPARATOR", "control", 1), ("INTERVENTION", "routine care"),
                             ("INTERVENTION", "special intervention"), ("COMPARATOR", "control", 2),
                             ("INTERVENTION", "intervention", 2), ("OUTCOME", "systolic"),
                             ("OUTCOME", "diastolic BP")], title=True)
    claim = finding_of(rec, "systolic")
    assert claim.intervention == [ent(rec, "educational intervention")]
