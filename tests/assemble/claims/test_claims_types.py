"""Sentence typing on real abstract sentences (issue 10, classes 1, 2 and 7). Sources: Evidence Inference 2.0
PMC abstracts in ../shared (``articles_fulltext_labeled.jsonl.gz``, cited by PMC id)."""

from claims_helpers import make_record, types_of
from claims_helpers import typed_claims_of as claims_of  # typing: every sentence's claim, outcome or not

from claimex.assemble.claims.types import reports_nothing


def test_baseline_and_flow_sentences_are_no_findings():
    # PMC 56204 (RESULTS), PMC 3686162-like flow, dexmedetomidine trial (RESULTS)
    text = ("Relevant baseline variables were similar in all groups. "
            "Of the 40 patients who participated in the study, seven patients could not be included in the analysis "
            "of respiratory function because they did not receive a study drug infusion after extubation. "
            "There were no significant differences in patient characteristics and operative details between the "
            "groups. "
            "Requirements for morphine were reduced by more than 50% in patients receiving dexmedetomidine when "
            "compared with placebo after extubation (0.003 ± 0.004 vs 0.008 ± 0.006 mg/kg per h; P= 0.040).")
    assert types_of(text, ["RESULTS"] * 4) == [None, None, None, "finding"]


def test_flow_with_a_comparison_stays_a_finding():
    text = "Forty patients were randomised; mortality was 12% in those randomised to PRVC versus 20% with VC."
    assert types_of(text, ["RESULTS"]) == ["finding"]


def test_registration_funding_and_captions():
    for sentence in ("This trial is registered with ClinicalTrials.gov, number NCT00615940.",
                     "Funded by the Medical Research Council.",
                     "Figure 1Respiratory rate for the 6-h periods before and after extubation."):
        assert types_of(sentence, ["RESULTS"]) == [None], sentence


def test_background_cue_is_background_even_with_a_verdict():
    # unstructured abstract: "No effective therapy exists" must not become a finding
    text = ("No effective therapy exists for advanced digestive endocrine tumors. "
            "We randomised 40 patients to HACE or systemic chemotherapy.")
    assert types_of(text, entities=[("OUTCOME", "therapy"), ("INTERVENTION", "HACE")])[0] == "background"


def test_background_section_reports_no_finding_without_numbers():
    # PMC 37407 INTRODUCTION and PMC 30713 BACKGROUND: earlier work, not this study's result
    text = ("Cardiovascular stability was demonstrated, with significant reductions in rate-pressure product during "
            "sedation and over the extubation period. "
            "These beds have been reported to improve lung function, reduce hospital-acquired pneumonia, and "
            "facilitate secretion removal.")
    assert types_of(text, ["INTRODUCTION", "BACKGROUND"]) == ["background", "background"]


def test_results_sentence_is_not_a_conclusion():
    # PMC 111183 RESULTS with a "these results" style cue must stay a finding
    text = "These data show that PTEF increased significantly after albuterol (P < 0.05)."
    assert types_of(text, ["RESULTS"]) == ["finding"]
    judging = "These data show that albuterol may be useful in infants with bronchiolitis."
    assert types_of(judging, ["CONCLUSIONS"]) == ["conclusion"]


def test_conclusion_stating_a_result_is_a_finding():
    # EvidenceMap 10563544 CONCLUSION (result for named outcomes) vs PMC 57751 / 37407 CONCLUSIONS (judgement,
    # hedged suggestion); PMC 30713 recommendation
    text = ("Intra-luminal nicotine significantly reduces both smooth muscle tone and contractile activity in the "
            "recto-sigmoid colon in both normal subjects and patients with UC . "
            "The fibrinogen-lowering and lipid-modifying effects of bezafibrate were confirmed. "
            "Our results suggest that enteral feeding can be continued when a patient is turned from supine to prone "
            "position. "
            "Further studies are needed to determine whether the reduced sputum volume improves outcomes.")
    ents = [("INTERVENTION", "Intra-luminal nicotine"), ("OUTCOME", "smooth muscle tone"),
            ("OUTCOME", "contractile activity"), ("OUTCOME", "fibrinogen-lowering"), ("INTERVENTION", "bezafibrate"),
            ("INTERVENTION", "enteral feeding"), ("OUTCOME", "sputum volume")]
    assert types_of(text, ["CONCLUSION"] * 4, ents) == ["finding", "conclusion", "conclusion", "conclusion"]


def test_methods_section_mean_sd_describes_the_sample():
    # PMC 111183 PARTICIPANTS
    text = ("Twenty infants younger than 1 year of age (mean age, 5.8 ± 2.8 months) with a first episode of wheezing "
            "due to respiratory syncytial virus bronchiolitis.")
    assert types_of(text, ["PARTICIPANTS"]) == [None]


def test_short_results_get_a_claim():
    # PMC 524504 RESULTS; "No patients died." as in the issue
    text = ("One woman had an unexplained stillbirth following the administration of one dose of dinoprostone. "
            "No patients died. "
            "A single dose of diclofenac did not alter the formation of codeine-6-glucuronide in healthy volunteers.")
    assert types_of(text, ["RESULTS"] * 3) == ["finding", "finding", "finding"]


def test_reports_nothing_needs_no_entities():
    record = make_record("1171 patients were screened, 891 patients were randomized, and 687 completed 12 weeks.")
    from claimex.assemble.claims.base import sentence_views

    assert reports_nothing(sentence_views(record)[0])


def test_main_intervention_is_the_titles_most_mentioned_one():
    # PMC 5827476-like: a title naming several interventions must not make every finding inherit all of them
    text = ("Bupivacaine versus normal saline for analgesia after laparoscopic cholecystectomy\n"
            "Patients were randomised to bupivacaine (Group B) or normal saline (Group S). "
            "Pain scores were lower with bupivacaine than with normal saline (P = 0.01). "
            "Rescue analgesic use was lower (P = 0.02).")
    record = make_record(text, [("INTERVENTION", "Bupivacaine"), ("COMPARATOR", "normal saline"),
                                ("INTERVENTION", "analgesia"), ("INTERVENTION", "bupivacaine", 0),
                                ("COMPARATOR", "normal saline", 1), ("INTERVENTION", "bupivacaine", 1),
                                ("COMPARATOR", "normal saline", 2)], title=True)
    last = [c for c in claims_of(record) if c.sentence == 3][0]
    names = {e.id: e.text for e in record.entities}
    assert [names[i] for i in last.intervention] == ["bupivacaine"]


def test_sample_descriptions_and_significance_levels_are_no_findings():
    # Evidence Inference PMC 4166055 and 4601415 (RESULTS), PMC 5735483 (METHODS), PMC 5809706 (RESULTS)
    text = ("The mean age of patients was 36.68 ± 10.8 years. "
            "Forty percent of patients were male. "
            "The value of P < 0.05 was considered statistically significant. "
            "Demographic data did not differ between the two groups. "
            "The mean age was lower in the intervention group than in the control group (P = 0.01).")
    assert types_of(text, ["RESULTS"] * 5) == [None, None, None, None, "finding"]


def test_background_section_numbers_without_a_test_are_background():
    # PMC 3483284 BACKGROUND: a fact with numbers, not this study's result
    text = ("Intracellular concentrations of adenosine-5'-triphosphate (ATP) are many times greater than extracellular "
            "concentrations (1-10 mM versus 10-100 nM, respectively).")
    assert types_of(text, ["BACKGROUND"]) == ["background"]


def test_a_lone_summary_heading_is_no_conclusions_zone():
    text = "Mortality was lower with PRVC than with VC (12% vs 20%, P = 0.01)."
    assert types_of(text, ["SUMMARY"]) == ["finding"]


def test_values_at_baseline_and_study_composition_are_no_findings():
    # PubMed XML samples (pubmed-xml-samples) 19368899, 26432115, 26432132, 26702162; EvidenceMap 10986219
    text = ("At baseline, schizophrenia participants had significantly lower-than-normal serum BDNF. "
            "Preoperatively, the mean defocus equivalent was 3.13 diopters (D) ± 0.71 (SD). "
            "The study comprised 499 eyes (302 patients) that had transepithelial PTK (Group 1, 153 eyes) or "
            "mechanical epithelial removal (Group 2, 256 eyes) followed by CXL. "
            "Echocardiography was performed at a median of 120 (interquartile range: 66-141) days after AVR. "
            "Mean basal ammonia was 27 ( SEM 5 ) micromol/l in non-TIPS and 76 ( 10 ) micromol/l in TIPS patients "
            "( p < 0.05 ) .")
    assert types_of(text, ["RESULTS"] * 5) == [None] * 5


def test_received_with_a_result_verb_is_a_finding():
    # PubMed XML 25974212 (RESULTS)
    assert types_of("One partial responder after RIT received IFRT and achieved a CR.", ["RESULTS"]) == ["finding"]


def test_a_threshold_is_no_comparison():
    # EvidenceMap 32896292: an eligibility criterion with "more than 4 L / min"
    text = ("We enrolled patients admitted to hospital with suspected or confirmed COVID-19 and use of oxygen "
            "supplementation of more than 4 L / min flow .")
    assert types_of(text) == [None]


def test_as_needed_is_no_recommendation():
    # PubMed XML 29768149 (CONCLUSIONS): a result stated for a named outcome
    text = ("Budesonide-formoterol used as needed resulted in substantially lower glucocorticoid exposure than "
            "budesonide maintenance therapy.")
    ents = [("INTERVENTION", "Budesonide-formoterol"), ("OUTCOME", "glucocorticoid exposure"),
            ("COMPARATOR", "budesonide maintenance therapy")]
    assert types_of(text, ["CONCLUSIONS"], ents) == ["finding"]


def test_a_heading_sentence_sets_the_zone_of_its_section():
    # Evidence Inference unlabelled abstract PMC 5225252 ("Results." / "Conclusions." left as sentences of one
    # ABSTRACT section) and EvidenceMap 10470636 (an inline heading inside the reader's INTERVENTIONS section)
    text = ("Methods. "
            "Sixty-five HIV-1-uninfected adults in Kenya, Rwanda, and the United Kingdom were assigned to receive 1 of "
            "4 prime-boost regimens. "
            "Results. "
            "SeV-Gag did not boost T-cell counts in the ASH group. "
            "Mucosal antibody responses were sporadic. "
            "Conclusions. "
            "The prime-boost sequence appears to determine which arm of the immune response is stimulated.")
    ents = [("INTERVENTION", "SeV-Gag"), ("OUTCOME", "T-cell counts"), ("OUTCOME", "Mucosal antibody responses")]
    assert types_of(text, ["ABSTRACT"] * 7, ents) == [None, None, None, "finding", "finding", None, "conclusion"]
    text = ("MEASUREMENTS AND MAIN RESULTS In Group S , mean bladder compliance was significantly ( p = 0.003 ) higher. "
            "Following the induction of general anesthesia , a small change in bladder compliance was noted .")
    ents = [("OUTCOME", "bladder compliance"), ("INTERVENTION", "general anesthesia"), ("OUTCOME", "bladder compliance", 1)]
    assert types_of(text, ["INTERVENTIONS"] * 2, ents) == ["finding", "finding"]
    assert types_of(text.split(". ", 1)[1], ["INTERVENTIONS"], ents[1:2] + ents[:1]) == [None]  # without the heading
    # a short sentence is no heading: "All sixty patients completed the study." (PMC 5735483 RESULTS)
    assert types_of("All sixty patients completed the study.", ["RESULTS"]) == [None]


def test_conclusion_stating_an_observed_comparison_or_null_effect_is_a_finding():
    # CONCLUSIONS of PMC 3686162, 5980265, 5809706 and EvidenceMap 11199239 state the study's observed
    # result; PMC 4436815's CONCLUSION (hedged: "suggests ... would be feasible") stays a conclusion
    sentences = [
        ("A programme of progressive resistance exercise and orientation was not effective in reducing incident "
         "delirium in hospitalised elderly patients.",
         [("INTERVENTION", "progressive resistance exercise"), ("OUTCOME", "incident delirium")]),
        ("Fenoldopam CRI at 0.1 µg/kg/min did not have a clinically relevant effect on kidney function parameters "
         "in dogs with severe heatstroke-associated AKI.",
         [("INTERVENTION", "Fenoldopam"), ("OUTCOME", "kidney function parameters")]),
        ("This study demonstrated that the i-gel and LMA Supreme provided a similar performance of airway in infants.",
         [("INTERVENTION", "i-gel"), ("INTERVENTION", "LMA Supreme"), ("OUTCOME", "performance of airway")]),
        ("For postgraduate nurses , daylong cancer pain education workshops were , in the group studied , as "
         "effective as hands-on experience in improving cancer pain knowledge and changing attitudes .",
         [("INTERVENTION", "pain education workshops"), ("OUTCOME", "cancer pain knowledge")]),
    ]
    for text, ents in sentences:
        assert types_of(text, ["CONCLUSIONS"], ents) == ["finding"], text
    hedged = ("This study suggests that a large cookstove intervention trial in Malawi would be feasible with careful "
              "community sensitisation.")
    assert types_of(hedged, ["CONCLUSIONS"], [("INTERVENTION", "cookstove intervention")]) == ["conclusion"]


def test_a_results_sentence_opening_with_no_and_an_outcome_reports_a_zero_count():
    # PubMed XML 26432115 RESULTS ("No retreatments were performed."): a count of zero, not a methods sentence; the
    # same words in a Methods section, and flow ("No patients were excluded"), give no claim
    ents = [("OUTCOME", "retreatments")]
    assert types_of("No retreatments were performed.", ["RESULTS"], ents) == ["finding"]
    assert types_of("No retreatments were performed.", ["METHODS"], ents) == [None]
    assert types_of("No patients were excluded.", ["RESULTS"]) == [None]
    # ... whatever flow words follow (PMC 5819580 RESULTS)
    text = "No serious AEs were reported; there were no withdrawals due to AEs, including injection-related AEs."
    ents = [("OUTCOME", "serious AEs"), ("OUTCOME", "injection-related AEs")]
    assert types_of(text, ["RESULTS"], ents) == ["finding"]
    assert types_of("No patients withdrew due to AEs.", ["RESULTS"]) == [None]


def test_sample_attributes_led_by_age_or_sex_are_a_baseline_comparison():
    # EvidenceMap 10993031 and 10470636 RESULTS, Evidence Inference unlabelled abstract PMC 5515187 RESULTS
    for sentence in ("The subjects were of similar age ( 54.0 +/- 0.8 years ) , height ( 64.0 +/- 0.3 in ) , weight "
                     "( 157.2 +/- 3.6 lb ) .",
                     "There are no significant differences between age, weight, body mass index and BP and "
                     "biochemical variables between the two groups.",
                     "The two groups were demographically comparable ."):
        assert types_of(sentence, ["RESULTS"], [("OUTCOME", "weight")] if "weight" in sentence else []) == [None], \
            sentence
    # constructed counter-example: an outcome that starts with "age" is no sample attribute
    assert types_of("Scores were similar in age-related quality of life (p = 0.4).", ["RESULTS"]) == ["finding"]


def test_a_comparative_predicate_before_a_comma_reports_a_result():
    # PMC 5057363 RESULTS: "were more common" is the result, though the sentence also names withdrawals
    text = ("Hypersensitivity and injection site reactions were more common, and more patients withdrew due to AEs, "
            "in the atacicept group.")
    assert types_of(text, ["RESULTS"]) == ["finding"]
    # a flow sentence without a comparison stays no finding
    assert types_of("Two patients withdrew due to AEs, and one was lost to follow-up.", ["RESULTS"]) == [None]


def test_a_result_under_a_back_matter_label_is_a_finding():
    # PMC 4588424: the reader labels the body text after "Funding source" with that heading
    text = ("As the primary endpoint, total stroke and TIA similarly occurred in pravastatin and control group (2.56 "
            "vs. 2.65%/year, p = 0.82, adjusted HR 0.97 [95%CI 0.73 to 1.29]). "
            "This study was initially supported by a grant from the Ministry of Health, Labour and Welfare, Japan.")
    assert types_of(text, ["FUNDING SOURCE"] * 2) == ["finding", None]
    # registration lines stay skipped, whatever their words
    assert types_of("ClinicalTrials.gov NCT00221104 (p = 0.82).", ["TRIAL REGISTRATION"]) == [None]


def test_a_conclusion_where_an_arm_did_something_to_an_outcome_is_a_finding():
    # PubMed XML samples (not in the findings gold): CONCLUSIONS sentences; the past-tense verb of an arm reports
    # what the study saw, an -ed adjective or a passive does not, and a hedge of the same clause keeps it a
    # conclusion
    findings = [
        ("APRV preserved surfactant and lung architecture and maintenance of oxygenation.",
         [("INTERVENTION", "APRV"), ("OUTCOME", "surfactant")]),
        ("The trifocal IOL provided complete and stable visual restoration after cataract surgery during a 12-month "
         "follow-up, with good levels of visual quality.",
         [("INTERVENTION", "trifocal IOL"), ("OUTCOME", "visual restoration")]),
    ]
    for text, ents in findings:
        assert types_of(text, ["CONCLUSIONS"], ents) == ["finding"], text
    conclusions = [
        ("In sum, our study reveals novel and unexpected features of SKI-1/S1P zymogen activation.",
         [("INTERVENTION", "SKI-1/S1P"), ("OUTCOME", "features")]),
        ("The variability in ovarian responses between repeated cycles using the same protocol was not explained by "
         "baseline FSH and AFC.", [("OUTCOME", "ovarian responses"), ("INTERVENTION", "protocol")]),
        ("APRV possibly preserved surfactant and lung architecture.",
         [("INTERVENTION", "APRV"), ("OUTCOME", "surfactant")]),
    ]
    for text, ents in conclusions:
        assert types_of(text, ["CONCLUSIONS"], ents) == ["conclusion"], text


def test_an_arm_as_the_agent_of_a_participle_reports_a_result_a_passive_does_not():
    # EvidenceMap 11074150 (a reduced relative: what nicotine activated); PubMed XML samples (passives: methods)
    activated = ("Eleven smokers were studied. Cerebral structures specifically activated by nicotine ( nicotine minus "
                 "pepper , Z score > 4.0 ) included : left inferior frontal gyrus and right thalamus .")
    ents = [("INTERVENTION", "nicotine"), ("OUTCOME", "left inferior frontal gyrus"), ("OUTCOME", "right thalamus")]
    assert types_of(activated, [None, None], ents) == [None, "finding"]
    detected = ("Eleven dogs were studied. Leishmania infection was detected by real-time PCR targeting a "
                "kinetoplast DNA.")
    ents = [("INTERVENTION", "real-time PCR"), ("OUTCOME", "Leishmania infection")]
    assert types_of(detected, [None, None], ents) == [None, None]


def test_a_conclusion_clause_saying_no_outcome_was_seen_is_a_result():
    # Evidence Inference 2.0 abstract (CONCLUSIONS): an observed zero count, whatever the other clause says
    text = "The treatments were well-tolerated; no significant side-effect was noted."
    got = types_of(text, ["CONCLUSIONS"], [("OUTCOME", "significant side-effect")])
    assert got[0] in ("finding", "adverse_effect")
    # the same outcome with no observation verb stays a conclusion
    assert types_of("The treatments were well-tolerated; no significant side-effect.", ["CONCLUSIONS"],
                    [("OUTCOME", "significant side-effect")]) == ["conclusion"]
