"""``claimex_outcome_lists``: OUTCOME spans split into list items, completed over untagged list items and
named from result phrases (issue 10, granularity). Sentences are real ones from ``../shared`` (Evidence
Inference, EvidenceMap and PubMed XML samples: the abstracts of corpora/gold/findings, and the seed).

The tagger's spans are given by hand (as the shipped tagger gives them), so the rules are tested alone."""

from __future__ import annotations

import pytest
from span_helpers import char_spans  # tests/ is on sys.path through its conftest

from claimex.annotate.entities import SPANS_KEY, claim_entities, get_entities, set_entities
from claimex.annotate.outcome_lists import FACTORY, OutcomeLists


@pytest.fixture(scope="module")
def nlp():
    from claimex.annotate import build_pipeline

    return build_pipeline()


def run(nlp, text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (label, text) spans after the component, given the tagger's (label, text) spans (first
    occurrence of each text)."""
    doc = nlp(text)
    spans = char_spans(doc, text, tagged)
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    doc = OutcomeLists()(doc)
    return [(x.label, x.span.text) for x in claim_entities(doc)]


def outcomes(nlp, text, tagged) -> list[str]:
    return [t for label, t in run(nlp, text, tagged) if label == "OUTCOME"]


# -- split --------------------------------------------------------------------------------------------
def test_a_list_span_is_split_into_its_items(nlp):
    text = "The intervention had no effect on delirium duration, severity, discharge destination or length of stay."
    got = outcomes(nlp, text, [("OUTCOME", "delirium duration, severity, discharge destination or length of stay")])
    assert got == ["delirium duration", "severity", "discharge destination", "length of stay"]


def test_the_pico_layer_keeps_the_list_whole_the_claims_layer_has_its_items(nlp):
    # EBM-NLP marks a list as one OUTCOME span: the token-level layer keeps the separators tagged
    text = "The intervention had no effect on delirium duration, severity, discharge destination or length of stay."
    whole = "delirium duration, severity, discharge destination or length of stay"
    doc = nlp(text)
    a = text.index(whole)
    set_entities(doc, [doc.char_span(a, a + len(whole), label="OUTCOME")], scores=[0.9], subtypes=["Other"])
    doc = OutcomeLists()(doc)
    assert [x.span.text for x in get_entities(doc)] == [whole]
    items = claim_entities(doc)
    assert [x.span.text for x in items] == ["delirium duration", "severity", "discharge destination", "length of stay"]
    assert {(x.score, x.subtype) for x in items} == {(0.9, "Other")}
    # a new PICO layer (e.g. gold spans set by an evaluation) drops the claims layer made from the old one
    set_entities(doc, [doc.char_span(a, a + len(whole), label="OUTCOME")])
    assert [x.span.text for x in claim_entities(doc)] == [whole]


def test_pico_rules_choose_the_additions_of_the_token_layer(nlp):
    text = "There were no differences in UP, GFR, and NaFE between the fenoldopam and the placebo groups."
    doc = nlp(text)
    a = text.index("UP")
    set_entities(doc, [doc.char_span(a, a + 2, label="OUTCOME")])
    both = OutcomeLists(pico_rules=["siblings"])(doc.copy())
    assert [x.span.text for x in get_entities(both)] == ["UP", "GFR", "NaFE"]
    only_claims = OutcomeLists(pico_rules=[])(doc.copy())
    assert [x.span.text for x in get_entities(only_claims)] == ["UP"]
    assert [x.span.text for x in claim_entities(only_claims)] == ["UP", "GFR", "NaFE"]


def test_a_long_pair_is_split_a_short_one_is_one_concept(nlp):
    text = ("Marked stromal edema and peripheral sterile infiltrates occurred at similar rates in both groups "
            "(P = .567 and P = .479, respectively).")
    assert outcomes(nlp, text, [("OUTCOME", "Marked stromal edema and peripheral sterile infiltrates")]) == [
        "Marked stromal edema", "peripheral sterile infiltrates"]
    text = "The nicotine reduced both tone and activity in all subjects , with reduction or abolition of the large contractions in UC ."
    assert outcomes(nlp, text, [("OUTCOME", "tone and activity")]) == ["tone and activity"]


def test_shared_modifiers_and_heads_are_not_split(nlp):
    text = ("Although LV dimensions, mass and ejection fraction remained unchanged, LV diastolic and systolic "
            "functions improved (as observed on TDI).")
    got = outcomes(nlp, text, [("OUTCOME", "LV dimensions, mass and ejection fraction"),
                               ("OUTCOME", "LV diastolic and systolic functions")])
    assert got == ["LV dimensions", "mass", "ejection fraction", "LV diastolic and systolic functions"]
    text = ("Mild compensatory sweating of the back and thigh occurred in five patients (8.9\xa0%) at 2-3\xa0days "
            "after surgery and disappeared at 7-15\xa0days.")
    assert outcomes(nlp, text, [("OUTCOME", "Mild compensatory sweating of the back and thigh")]) == [
        "Mild compensatory sweating of the back and thigh"]
    text = ("Flap complications were limited to an RK incision opening larger than 2 mm in 3 eyes and 1 case of a "
            "small, self-limiting epithelial ingrowth.")
    assert outcomes(nlp, text, [("OUTCOME", "small, self-limiting epithelial ingrowth")]) == [
        "small, self-limiting epithelial ingrowth"]


# -- siblings and possessives ----------------------------------------------------------------------------
def test_untagged_items_of_an_outcome_list_are_outcomes(nlp):
    text = "There were no differences in UP, GFR, and NaFE between the fenoldopam and the placebo groups."
    got = outcomes(nlp, text, [("OUTCOME", "UP"), ("OUTCOME", "GFR"), ("INTERVENTION", "fenoldopam"),
                               ("COMPARATOR", "placebo")])
    assert got == ["UP", "GFR", "NaFE"]
    text = "IKDC or KT-1000 results were not significantly different between groups at any time point."
    assert outcomes(nlp, text, [("OUTCOME", "IKDC")]) == ["IKDC", "KT-1000 results"]


def test_bracketed_numbers_between_items_are_skipped_and_verbs_end_the_list(nlp):
    text = ("The most frequently drug-related adverse events were fever (59.3 %), transaminase increased (22.2 %), "
            "chills (18.5 %) and arrhythmia (18.5 %).")
    got = outcomes(nlp, text, [("OUTCOME", "drug-related adverse events"), ("OUTCOME", "fever"),
                               ("OUTCOME", "transaminase"), ("OUTCOME", "arrhythmia")])
    assert got == ["drug-related adverse events", "fever", "transaminase", "chills", "arrhythmia"]


def test_a_measure_modifier_alone_is_no_name(nlp):
    # EvidenceMap 11013280 and 8840371 (../shared): "overall" after a comparison word or before a list comma
    text = "Quality of life (QOL) was similar overall between the two arms."
    assert outcomes(nlp, text, [("OUTCOME", "Quality of life (QOL)")]) == ["Quality of life (QOL)"]
    text = "[table: see text] Overall, side effects from adenosine were not different between men and women."
    tagged = [("OUTCOME", "side effects"), ("INTERVENTION", "adenosine"), ("POPULATION", "men and women")]
    assert outcomes(nlp, text, tagged) == ["side effects"]


def test_a_suspended_hyphen_joins_its_compound(nlp):
    # EvidenceMap 10871578 RESULTS and PubMed XML 26702231 (../shared); the tagger's spans as it gives them
    text = ("Plasma glutathione (GSH) and alpha- and gamma-tocopherol concentrations decreased and the GSH redox "
            "state became more oxidized after conditioning chemotherapy.")
    tagged = [("OUTCOME", "Plasma glutathione (GSH)"), ("OUTCOME", "alpha-"),
              ("OUTCOME", "gamma-tocopherol concentrations")]
    got = outcomes(nlp, text, tagged)
    assert "alpha- and gamma-tocopherol concentrations" in got and "gamma-tocopherol concentrations" not in got
    # untagged words after the conjunction, no verb taken in
    got = outcomes(nlp, text, tagged[:2])
    assert "alpha- and gamma-tocopherol concentrations" in got
    text = ("Radical cancer resections under local anaesthesia are feasible in suitably selected high-risk patients "
            "with acceptable mortality and comparable medium- to long-term results.")
    got = outcomes(nlp, text, [("OUTCOME", "mortality"), ("OUTCOME", "medium-")])
    assert got == ["mortality", "medium- to long-term results"]
    # a span opening on the hyphen takes the compound before the conjunction in (PubMed XML 25368326)
    text = "Treatment with ILQ inhibited growth and induced apoptosis in both TKI-sensitive and -resistant NSCLC cells."
    tagged = [("INTERVENTION", "ILQ"), ("OUTCOME", "apoptosis"), ("OUTCOME", "-resistant NSCLC cells")]
    got = outcomes(nlp, text, tagged)
    assert got[-1] == "TKI-sensitive and -resistant NSCLC cells"


def test_a_possessive_name_and_an_of_tail_complete_an_item(nlp):
    text = ("No postoperative complications such as hemorrhage, wound infection, hemopneumothorax, bradycardia, "
            "or Horner's syndrome were observed.")
    got = outcomes(nlp, text, [("OUTCOME", "postoperative complications"),
                               ("OUTCOME", "hemorrhage, wound infection, hemopneumothorax, bradycardia"),
                               ("OUTCOME", "syndrome")])
    assert got == ["postoperative complications", "hemorrhage", "wound infection", "hemopneumothorax", "bradycardia",
                   "Horner's syndrome"]
    # a span that opens on the clitic: the name goes in, a common noun's clitic goes out (Evidence Inference 2.0
    # PMC 3647148 and 5819580, ../shared; the tagger's spans as it gives them)
    text = ("Among 2581 versus 2584 children surveyed during the second half of the study, mean plasma retinol was "
            "one-sixth higher (0·72 [SE 0·01] vs 0·62 [0·01] μmol/L, increase 0·10 [SE 0·01] μmol/L) and the "
            "prevalence of severe deficiency was halved (retinol <0·35 μmol/L 6% vs 13%, decrease 7% [SE 1%]), as "
            "was that of Bitot's spots (1·4% vs 3·5%, decrease 2·1% [SE 0·7%]).")
    assert "Bitot's spots" in outcomes(nlp, text, [("OUTCOME", "mean plasma retinol"), ("OUTCOME", "'s spots")])
    text = ("The placebo subject’s wound was described as slightly macerated; this finding was not considered "
            "clinically significant or an AE.")
    assert outcomes(nlp, text, [("COMPARATOR", "placebo"), ("OUTCOME", "’s wound"), ("OUTCOME", "AE")])[0] == "wound"
    text = ("There were no differences in fiberoptic view of the larynx, airway quality, airway manipulations, "
            "and complications between the two groups.")
    got = outcomes(nlp, text, [("OUTCOME", "fiberoptic view"), ("OUTCOME", "airway quality, airway manipulations"),
                               ("OUTCOME", "complications")])
    assert got == ["fiberoptic view of the larynx", "airway quality", "airway manipulations", "complications"]


# -- names ---------------------------------------------------------------------------------------------
def test_a_measure_noun_goes_with_its_outcome(nlp):
    text = ("The incidence of moderate to severe withdrawal movements was 14.3% with lidocaine, 17.2% with "
            "ketorolac, and 2.9% with lidocaine/ketorolac combination, as compared to 45.7% with the placebo.")
    got = outcomes(nlp, text, [("OUTCOME", "severe withdrawal movements"), ("INTERVENTION", "lidocaine")])
    assert got == ["incidence of moderate to severe withdrawal movements"]
    text = ("The percentage of patients with ≥1 exacerbation was reduced (tiotropium 9.5%; placebo 17.9%; "
            "p = 0.0147), independent of disease severity.")
    got = outcomes(nlp, text, [("OUTCOME", "percentage"), ("OUTCOME", "disease severity")])
    assert got == ["percentage of patients with ≥1 exacerbation", "disease severity"]


def test_a_qualifier_keeps_its_threshold(nlp):
    # Evidence Inference 3654568 RESULTS: the tagger stops at "HbA1c"; the threshold is part of the outcome
    text = ("Numerical reductions in FPG and higher proportions of subjects reaching HbA1c < 7.0% were observed with "
            "canagliflozin 100 and 300 mg versus placebo (27.3, 32.6 and 17.2%).")
    got = outcomes(nlp, text, [("OUTCOME", "Numerical reductions"), ("OUTCOME", "FPG"),
                               ("OUTCOME", "proportions of subjects reaching HbA1c")])
    assert "proportions of subjects reaching HbA1c < 7.0%" in got
    # no qualifier, no threshold: the trial arms' values after a comparison stay out
    got = outcomes(nlp, "Mean HbA1c < 7.0% in 40% of patients.", [("OUTCOME", "Mean HbA1c")])
    assert got == ["Mean HbA1c"]
    # a threshold on a test statistic is no part of the outcome (EvidenceMap 11074150)
    text = ("The visual cortex , including the right and left cuneus and left lateral occipito-temporal gyrus "
            "fusiformis , also showed an increase in regional cerebral metabolism of glucose with Z scores > 3 . 6 .")
    got = outcomes(nlp, text, [("OUTCOME", "regional cerebral metabolism of glucose with Z scores")])
    assert "regional cerebral metabolism of glucose with Z scores" in got


SEED = ("The aims of HACE are: (1) to control otherwise untractable hormone-related symptoms, particularly the "
        "carcinoid syndrome (>50% urinary 5-HIAA decrease: 57-91%) and insulinoma-related life-threatening "
        "hypoglycemias; (2) to inhibit tumor growth (objective response rates: 33-80%; mean duration: 6-42.5 "
        "months), and (3) to improve patients' survival. The postembolization syndrome, usually mild and "
        "transient, is the commonest side effect. Major extrahepatic complications are rare.")


def test_the_seed_slot_label_and_the_adverse_subject(nlp):
    got = outcomes(nlp, SEED, [("INTERVENTION", "HACE"), ("OUTCOME", "urinary 5-HIAA decrease"),
                               ("OUTCOME", "tumor growth"), ("OUTCOME", "objective response rates"),
                               ("OUTCOME", "patients' survival"), ("OUTCOME", "side effect"),
                               ("OUTCOME", "Major extrahepatic complications")])
    assert "mean duration" in got
    assert "postembolization syndrome" in got
    assert "Major extrahepatic complications" in got


def test_the_compared_quantity_of_a_result_clause_without_outcome(nlp):
    text = ("Success criteria were met at all but one intranasal visit and at all intramuscular visits "
            "(98.7% vs. 100%; difference 1.3%, upper end of 1-sided 97.5% CI 4.0%).")
    assert outcomes(nlp, text, [("INTERVENTION", "intranasal visit")]) == ["Success criteria"]
    text = ("In the mITT population , the primary endpoint was not significantly different between the "
            "azithromycin and control groups ( OR 1·36 [ 95 % CI 0·94 - 1·97 ] , p=0·11 ) .")
    assert outcomes(nlp, text, [("INTERVENTION", "azithromycin")]) == ["primary endpoint"]
    text = "No significant difference in evaluation was observed 1 month after treatment (P = 0.56)."
    assert outcomes(nlp, text, [("INTERVENTION", "treatment")]) == ["evaluation"]
    text = ("Direct palpation was associated with the highest accuracy for shape identification and was superior "
            "to both conventional instruments ( p < 0.001 ) and laparoscopic instruments ( p < 0.001 ) .")
    assert outcomes(nlp, text, [("INTERVENTION", "Direct palpation")]) == ["accuracy for shape identification"]


def test_no_outcome_is_made_up_where_none_is_reported(nlp):
    # a baseline value and a design sentence (EvidenceMap) stay without OUTCOME spans
    assert outcomes(nlp, "The mean age was 51.1 years .", [("POPULATION", "mean age")]) == []
    text = ("We conducted a randomized , controlled , open-label trial involving hospitalized adult patients with "
            "confirmed SARS-CoV-2 infection .")
    assert outcomes(nlp, text, [("POPULATION", "hospitalized adult patients")]) == []


def test_other_labels_pass_through_and_a_doc_without_tagger_is_untouched(nlp):
    text = "There were no differences in UP, GFR, and NaFE between the fenoldopam and the placebo groups."
    got = run(nlp, text, [("OUTCOME", "UP"), ("INTERVENTION", "fenoldopam"), ("COMPARATOR", "placebo")])
    assert ("INTERVENTION", "fenoldopam") in got and ("COMPARATOR", "placebo") in got
    doc = OutcomeLists()(nlp(text))
    assert SPANS_KEY not in doc.spans


def test_the_shipped_models_run_it_between_tagger_and_subtypes(shipped_model_path):
    import spacy

    nlp = spacy.load(shipped_model_path)
    names = nlp.pipe_names
    assert names.index("claimex_pico") < names.index(FACTORY) < names.index("claimex_subtypes")
    doc = nlp("There were no differences in UP, GFR, and NaFE between the fenoldopam and the placebo groups.")
    assert len(doc.spans[SPANS_KEY].attrs["subtypes"]) == len(doc.spans[SPANS_KEY])


def test_event_subjects_states_and_compound_names(nlp):
    text = ("Head/facial discomfort was reported during 25% of intranasal and 9% of intramuscular dosing visits; "
            "nausea (with or without vomiting) occurred with 35% and 38% of visits, respectively.")
    got = outcomes(nlp, text, [("OUTCOME", "Head/facial discomfort"), ("OUTCOME", "vomiting"),
                               ("INTERVENTION", "intranasal")])
    assert got == ["Head/facial discomfort", "nausea", "vomiting"]
    assert outcomes(nlp, "At 5 years, 78% of patients remain in remission and 94% are alive.", []) == [
        "remission", "alive"]
    # the article of the state stays out (PubMed XML 26187300)
    text = ("Between cycles 1 and 2, 11.9% switched from normal to low or high response, and 12.5% switched from low "
            "or high to normal response; 75.6% remained in the same category.")
    assert outcomes(nlp, text, [])[-1] == "same category"
    text = ("In patients with mild asthma, as-needed budesonide-formoterol provided superior asthma-symptom control "
            "to as-needed terbutaline.")
    got = outcomes(nlp, text, [("POPULATION", "patients with mild asthma"),
                               ("INTERVENTION", "budesonide-formoterol"), ("INTERVENTION", "terbutaline")])
    assert got == ["asthma-symptom control"]
    # design words after a comparison adjective are no outcome
    assert outcomes(nlp, "Patients in each group of different dosage were well-tolerated.",
                    [("OUTCOME", "well-tolerated")]) == ["well-tolerated"]
    text = ("Gastrointestinal adverse events were more common in the lopinavir-ritonavir group, but serious adverse "
            "events were more common in the standard-care group.")
    got = outcomes(nlp, text, [("OUTCOME", "Gastrointestinal adverse events"), ("OUTCOME", "serious adverse events")])
    assert got == ["Gastrointestinal adverse events", "serious adverse events"]


def test_topics_of_differences_and_effects_differ_verbs_and_event_shares(nlp):
    # Evidence Inference 2.0 train abstracts (../shared): outcome named only as a topic or a subject
    text = "No significant differences between groups were observed with regard to syncope/near-syncope occurrence."
    assert outcomes(nlp, text, []) == ["syncope/near-syncope occurrence"]
    text = ("There was no significant difference between the two groups regarding the onset of action of the "
            "anesthetic effect and duration of anesthesia.")
    assert outcomes(nlp, text, []) == ["onset of action"]
    assert outcomes(nlp, "MRI metrics did not differ between groups.", []) == ["MRI metrics"]
    text = "Glaucoma was reported in 19.7% of implanted eyes and no non-implanted eyes (P = 0.0008) postoperatively."
    assert outcomes(nlp, text, []) == ["Glaucoma"]
    # a transitive change verb makes its subject an agent, not an outcome
    text = "Rikkunshito increased the plasma level of active ghrelin in critically ill patients."
    assert "Rikkunshito" not in outcomes(nlp, text, [])
    text = ("Overall, there was no effect of prebiotic and probiotic on diarrhea (6% reduction, 95% Confidence "
            "Interval [CI]: −1 to 12%; p = 0.08).")
    assert outcomes(nlp, text, []) == ["diarrhea"]
    text = ("Using a nonparametrical analysis, there were significant improvements in the face scale for mood when "
            "rated by both the participants (p < 0.01) and the care workers (p = 0.017).")
    assert outcomes(nlp, text, []) == ["face scale"]
    text = ("Differences between the two groups were nonsignificant with regard to number of grafts per patient, "
            "mean duration of surgery, anesthesia and operating room time.")
    got = outcomes(nlp, text, [("OUTCOME", "mean duration of surgery"), ("OUTCOME", "anesthesia"),
                               ("OUTCOME", "operating room time")])
    assert got[0] == "number of grafts"


def test_a_measured_subject_tagged_as_an_arm_is_an_outcome_of_the_claims_layer(nlp):
    # Evidence Inference 2.0 train abstracts (../shared); the token layer keeps the tagger's label
    # the tagger's spans as it gives them: part of the subject, or its words around "of"
    cases = [("MRI metrics did not differ between groups.", ["MRI"], "MRI metrics"),
             ("Circulating irisin increased significantly in simvastatin-treated but not in ezetimibe-treated "
              "subjects.", ["irisin"], "Circulating irisin"),
             ("Severity of vitreous haze was less in implanted than non-implanted eyes at 3 months postoperatively "
              "(P = 0.0005).", ["Severity", "vitreous haze"], "Severity of vitreous haze")]
    for text, arms, subject in cases:
        got = run(nlp, text, [("INTERVENTION", x) for x in arms])
        assert got[0] == ("OUTCOME", subject)
        assert not any(label == "INTERVENTION" for label, _ in got)
    text = "Rikkunshito increased the plasma level of active ghrelin in critically ill patients."
    assert run(nlp, text, [("INTERVENTION", "Rikkunshito")])[0] == ("INTERVENTION", "Rikkunshito")


def test_embedded_subjects_of_result_predicates(nlp):
    # Evidence Inference 2.0 train abstracts (../shared); the tagger's spans as it gives them
    text = ("Analysis of first treatment phase data from one study (n = 793) showed that the incidence of psoriatic "
            "arthropathy per patient-year was lower in efalizumab-treated patients (0.10; 95% CI 0.05–0.18) than in "
            "those given placebo (0.17; 95% CI 0.08–0.30).")
    got = outcomes(nlp, text, [("INTERVENTION", "efalizumab-treated"), ("COMPARATOR", "placebo")])
    assert got == ["incidence of psoriatic arthropathy"]
    # a clause start beside a tagged outcome of another clause; "more common" is a comparative predicate
    text = ("History of a wheeze was more common among trial participants (35.4% vs. 11.2%; P < 0.01), while "
            "dehydration was more common among nontrial participants (8.6% vs. 5.9%; P = 0.05).")
    assert outcomes(nlp, text, [("OUTCOME", "dehydration")]) == ["History of a wheeze", "dehydration"]
    # "did not persist": the base form after an auxiliary
    text = ("Tympanic membrane perforation did not persist in any patient in the IGF-1 group, but did persist in "
            "15.5% (95% CI, 7.3–27.4%) of the patients in the Dex group (P = 0.001).")
    got = outcomes(nlp, text, [("INTERVENTION", "IGF-1"), ("INTERVENTION", "Dex")])
    assert got == ["Tympanic membrane perforation"]
    # EvidenceMap: a subject holding the change word is the result, not an outcome
    text = "No significant change in tone or activity was observed with the saline solution ."
    got = outcomes(nlp, text, [("OUTCOME", "tone or activity"), ("INTERVENTION", "saline solution")])
    assert "significant change" not in got


def test_arm_spans_in_outcome_roles_are_outcomes_of_the_claims_layer(nlp):
    # Evidence Inference 2.0 abstracts (../shared); the tagger's spans as it gives them
    # a list item with its own p-value beside OUTCOME items (PMC 4748327)
    text = ("Compared to the control group, SMT participants improved their fall risk score (p = 0.036), "
            "proprioception (p = 0.015), reaction time (p = 0.003).")
    tagged = [("COMPARATOR", "control"), ("INTERVENTION", "SMT"), ("OUTCOME", "fall risk score"),
              ("INTERVENTION", "proprioception"), ("OUTCOME", "reaction time")]
    assert outcomes(nlp, text, tagged) == ["fall risk score", "proprioception", "reaction time"]
    # ... not an arm of a design list whose brackets hold sample sizes (PMC 4713062)
    text = ("Lambs were randomised to receive 5 consecutive 3 s SI (multiple SI; n = 6), a single 30 s SI "
            "(single SI; n = 6) or conventional ventilation (no SI; n = 6).")
    got = run(nlp, text, [("OUTCOME", "single"), ("INTERVENTION", "conventional ventilation")])
    assert ("INTERVENTION", "conventional ventilation") in got
    # the argument of a compared measure noun (PMC 3580671, 3563445 style: "shorter duration of X")
    text = ("Meropenem-related ICU stay was shorter in the Infusion group compared to the Bolus group as well as "
            "shorter duration of meropenem therapy (7 (6 to 8) days vs. 8 (7 to 10) days; P = 0.035).")
    got = run(nlp, text, [("OUTCOME", "Meropenem-related ICU stay"), ("INTERVENTION", "Infusion"),
                          ("INTERVENTION", "Bolus"), ("INTERVENTION", "meropenem therapy")])
    assert ("OUTCOME", "duration of meropenem therapy") in got and ("INTERVENTION", "meropenem therapy") not in got
    # a measured subject after a clause joiner (PMC 5773922)
    text = ("Blood glucose decreased significantly (P = 0·024) in the krill group and vitamin D increased "
            "significantly in the fish group (P = 0·024).")
    got = run(nlp, text, [("OUTCOME", "Blood glucose"), ("INTERVENTION", "krill"), ("INTERVENTION", "vitamin D"),
                          ("INTERVENTION", "fish")])
    assert ("OUTCOME", "vitamin D") in got and ("INTERVENTION", "fish") in got
    # ... after an opening phrase that ends at a bracket or comma (PMC 3707735)
    text = ("After 2 months of therapy (T1) the FFMI increased in the daily dietary supplementation group (+ 3.7 %) "
            "and decreased in the placebo group (- 0.6 %), resulting in a statistically significant (p < 0.001) "
            "treatment difference.")
    tagged = [("INTERVENTION", "FFMI"), ("INTERVENTION", "dietary supplementation"), ("COMPARATOR", "placebo")]
    got = run(nlp, text, tagged)
    assert ("OUTCOME", "FFMI") in got and ("INTERVENTION", "dietary supplementation") in got
    got = run(nlp, text.replace("(T1) the FFMI", "(T1), the FFMI"), tagged)
    assert ("OUTCOME", "FFMI") in got
    # ... an arm that opens the clause after the phrase and changes nothing itself stays an arm
    text = "Compared with placebo, exenatide reduced HbA1c by 0.8%."
    got = run(nlp, text, [("COMPARATOR", "placebo"), ("INTERVENTION", "exenatide"), ("OUTCOME", "HbA1c")])
    assert ("INTERVENTION", "exenatide") in got
    # an arm that modifies an untagged harm noun is part of that outcome (PubMed XML 26432115)
    text = ("Flap complications were limited to an RK incision opening larger than 2 mm in 3 eyes and 1 case of a "
            "small, self-limiting epithelial ingrowth.")
    got = run(nlp, text, [("INTERVENTION", "Flap"), ("INTERVENTION", "RK"),
                          ("OUTCOME", "self-limiting epithelial ingrowth")])
    assert ("OUTCOME", "Flap complications") in got and ("INTERVENTION", "Flap") not in got
    assert ("INTERVENTION", "RK") in got  # "RK incision": no harm noun
    # ... after "that", an adverb between the change verb and its preposition (PMC 4497726)
    text = ("Analyses restricted to individuals who exercised per-protocol (n = 77) demonstrated that Simple "
            "Attention improved equivalently across all exercise groups compared to controls.")
    got = run(nlp, text, [("INTERVENTION", "Simple Attention"), ("INTERVENTION", "controls")])
    assert ("OUTCOME", "Simple Attention") in got
    # the token layer keeps the tagger's label
    text = ("Blood glucose decreased significantly (P = 0·024) in the krill group and vitamin D increased "
            "significantly in the fish group (P = 0·024).")
    doc = nlp(text)
    a = text.index("vitamin D")
    set_entities(doc, [doc.char_span(a, a + 9, label="INTERVENTION")], scores=[0.9], subtypes=[None])
    doc = OutcomeLists()(doc)
    assert [(x.label, x.span.text) for x in get_entities(doc)] == [("INTERVENTION", "vitamin D")]


def test_a_short_cut_outcome_grows_to_its_noun_phrase(nlp):
    # Evidence Inference 2.0 abstracts (../shared); the tagger's spans as it gives them
    text = ("Composition of the microbiota did not differ between study groups at age of 6 months, but was "
            "significantly different at age of 18 months as assessed by MCPP (p=0.01).")
    assert outcomes(nlp, text, [("OUTCOME", "microbiota")])[0] == "Composition of the microbiota"
    text = ("Average population CVD risk decreased from 32.9% to 29.4% (p <0.001) in the NHS Health Check only "
            "group.")
    assert outcomes(nlp, text, [("OUTCOME", "CVD")]) == ["CVD risk"]
    # a measure named "... equivalent" before its verb (PubMed 26432115 RESULTS); "equivalent" after the verb is
    # the predicate
    text = ("At 9 months, the mean defocus equivalent was 0.51 ± 0.47 D (P < .05), with 13 eyes (72%) having 0.50 D "
            "or less of defocus equivalent and 16 eyes (89%) having 1.0 D or less of defocus equivalent.")
    assert outcomes(nlp, text, [("OUTCOME", "mean defocus")])[0] == "mean defocus equivalent"
    text = "Pain scores were equivalent in the two groups."
    assert outcomes(nlp, text, [("OUTCOME", "Pain")]) == ["Pain scores"]
    # the scale an outcome is measured on, an untagged acronym right before it (Evidence Inference 5132127)
    text = "APGAR score <7 at 5 minutes, n (%)"
    assert outcomes(nlp, text, [("OUTCOME", "score")]) == ["APGAR score"]
    # ... not an acronym that spells a function word (the span lint reads "HAD" as the verb; EI 2920262)
    text = "Singers also had a significant fall in HAD anxiety score; -1.1(2.7) vs. +0.8(1.7) p = 0.03."
    assert outcomes(nlp, text, [("OUTCOME", "anxiety score")]) == ["anxiety score"]
    # ... not an upper-case word of an upper-case heading (Evidence Inference 5319516 body)
    text = "3.4BODY.LIVER AND RENAL FUNCTIONS, CREATINE KINASE, AND ADVERSE REACTIONS:"
    assert "AND ADVERSE" not in outcomes(nlp, text, [("OUTCOME", "RENAL FUNCTIONS"), ("OUTCOME", "ADVERSE")])
    # no tail after a bracket, nor over "plus or minus"
    text = ("Mean estimated GFR (eGFR) plus or minus standard error at 7 years was 53.9 ± 1.9, 54.2 ± 1.9, and "
            "35.3 ± 2.0 mL/min per 1.73 m2 for belatacept MI, belatacept LI and cyclosporine, respectively.")
    assert outcomes(nlp, text, [("OUTCOME", "Mean estimated GFR (eGFR)")])[0] == "Mean estimated GFR (eGFR)"
    # EvidenceOutcomes (../shared): no tail before a function word ("the safety population (0.3%)", "Students
    # spent an average of ...")
    text = ("Pancreatitis developed in 5 (2 in the 75-mg group and 3 in the 100-mg group) of the 1666 patients in "
            "the safety population (0.3%).")
    assert "safety" in outcomes(nlp, text, [("OUTCOME", "Pancreatitis"), ("OUTCOME", "safety")])
    text = "Students spent an average of 59.1 minutes per week outdoors."
    assert outcomes(nlp, text, [("OUTCOME", "Students")]) == ["Students"]


def test_subjects_that_are_arms_or_no_outcome_are_not_named(nlp):
    # EvidenceMap / EvidenceOutcomes abstracts (../shared): an arm set against another arm, a modifier cut off
    # by a tagged span, a population share, a subordinating word
    text = ("Our data show that remdesivir was superior to placebo in shortening the time to recovery in adults who "
            "were hospitalized with Covid-19 .")
    assert "remdesivir" not in outcomes(nlp, text, [("OUTCOME", "time to recovery")])
    text = "No new safety concerns were noted with eltrombopag."
    assert outcomes(nlp, text, [("OUTCOME", "safety concerns")]) == ["safety concerns"]
    text = "One allo-hMSC patient developed an elevated donor-specific antibody response."
    assert "One allo-hMSC patient" not in outcomes(nlp, text, [("OUTCOME", "donor-specific antibody response")])
    text = "Since the lower bound of the 95% CI was less than the margin, noninferiority was shown."
    assert "Since" not in outcomes(nlp, text, [])
    text = ("A higher proportion of the ocriplasmin group had a clinically meaningful improvement in visual "
            "function.")
    got = run(nlp, text, [("INTERVENTION", "ocriplasmin"), ("OUTCOME", "visual function")])
    assert ("INTERVENTION", "ocriplasmin") in got


def test_measure_nouns_take_attested_events_and_required_doses(nlp):
    # Evidence Inference 2.0 train abstracts (../shared); the tagger's spans as it gives them
    text = ("The intervention was associated with reductions in the longitudinal prevalence of reported diarrhea of "
            "53% among children <2 years (LPR = 0.47, 95% CI: 0.30–0.73, p = 0.001).")
    assert outcomes(nlp, text, [("INTERVENTION", "intervention"), ("OUTCOME", "diarrhea")]) == [
        "prevalence of reported diarrhea"]
    # (trimmed: "... who received early atropine (Group A&B) had ...")
    text = ("Beta-blocked patients had a significantly lower double product (p = 0.008), a higher mean test time "
            "(p = 0.010) and required a higher dose of atropine (p = 0.0005).")
    got = run(nlp, text, [("OUTCOME", "double product"), ("OUTCOME", "mean test time"), ("INTERVENTION", "atropine")])
    assert ("OUTCOME", "dose of atropine") in got
    # constructed contrast: a dose given is no outcome ("received a higher dose of atropine" is the arm)
    text = "Group B received a higher dose of atropine (p = 0.0005)."
    assert ("INTERVENTION", "atropine") in run(nlp, text, [("INTERVENTION", "atropine")])


def test_what_a_treatment_was_not_effective_at_changing(nlp):
    # PubMed XML 25998582 and Evidence Inference 3686162 (CONCLUSIONS): the argument of the change gerund after
    # "effective at / in" is the outcome (one "for"/"of" inside it), the gerund stays outside
    text = ("Tamsulosin 400 μg and nifedipine 30 mg are not effective at decreasing the need for further treatment to "
            "achieve stone clearance in 4 weeks for patients with expectantly managed ureteric colic.")
    got = outcomes(nlp, text, [("INTERVENTION", "Tamsulosin"), ("INTERVENTION", "nifedipine"),
                               ("OUTCOME", "stone clearance")])
    assert got == ["need for further treatment", "stone clearance"]
    text = ("A programme of progressive resistance exercise and orientation was not effective in reducing incident "
            "delirium in hospitalised elderly patients.")
    got = outcomes(nlp, text, [("INTERVENTION", "progressive resistance exercise")])
    assert got == ["incident delirium"]
    # no change gerund: nothing named ("effective in the management of AKI", PMC 5980265 OBJECTIVE-like)
    assert outcomes(nlp, "Fenoldopam was effective in the management of AKI.", [("INTERVENTION", "Fenoldopam")]) == []


def test_a_sentence_opening_outcome_takes_its_tagged_site(nlp):
    # EvidenceMap 10993031 RESULTS: "[Bone mineral density] in the [lumbar spine] increased" is one outcome; a result
    # noun opening the sentence is no outcome with a site (Evidence Inference 3654568: "Numerical reductions in FPG")
    text = ("Bone mineral density in the lumbar spine increased ( p < 0.05 ) by +2.2 +/- 0.5 % the HRT alone group and "
            "by + 1.8 +/- 0.6 % in the HRT + T group .")
    got = outcomes(nlp, text, [("OUTCOME", "Bone mineral density"), ("OUTCOME", "lumbar spine"),
                               ("INTERVENTION", "HRT alone")])
    assert got == ["Bone mineral density in the lumbar spine"]
    text = ("Numerical reductions in FPG and higher proportions of subjects reaching HbA1c < 7.0% were observed with "
            "canagliflozin 100 and 300 mg versus placebo (27.3, 32.6 and 17.2%).")
    got = outcomes(nlp, text, [("OUTCOME", "Numerical reductions"), ("OUTCOME", "FPG")])
    assert "FPG" in got and not any("reductions in FPG" in o for o in got)


def test_a_title_case_name_cut_short_grows_over_its_title_case_words(nlp):
    # Evidence Inference unlabelled abstract PMC 4598102 RESULTS: the tagger stops at "High"
    text = ("There were no significant differences in changes of Fasting Plasma Glucose, Total cholesterol, "
            "Triglycerides and High Density Lipoprotein within each group at week 4 and 8 execpt low density "
            "lipoproteins.")
    got = outcomes(nlp, text, [("OUTCOME", "changes of Fasting Plasma Glucose"), ("OUTCOME", "Total cholesterol"),
                               ("OUTCOME", "Triglycerides"), ("OUTCOME", "High")])
    assert "High Density Lipoprotein" in got
    # lower-case words after it are no part of a title-case name
    got = outcomes(nlp, "Total cholesterol decreased in the statin group.", [("OUTCOME", "Total")])
    assert "Total cholesterol decreased" not in got


def test_reporting_gates_drop_no_subject(nlp, corpora):
    """``embedded_subjects`` skips a sentence, ``result_names`` a clause's subject, without a copula or result verb
    (``_REPORTING``): on real PubMed abstracts (../shared pubmed-xml-samples) they find what they find with the
    gate always open (``result_names`` with no OUTCOME token and with every fifth token one)."""
    import json

    from claimex.annotate import outcome_results
    from claimex.annotate.outcome_lists import Tokens

    class Ungated:  # wraps, not subclasses: a mypyc-compiled Tokens (tools/mypyc_build.py) takes no Python subclass
        def __init__(self, doc):
            self._t = Tokens(doc)

        def __getattr__(self, name):
            return getattr(self._t, name)

        def at(self, words, lo, hi):
            return list(range(lo, hi)) if words is outcome_results._REPORTING else self._t.at(words, lo, hi)

    found = gated = named = 0
    with open(corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl", encoding="utf-8") as fh:
        for line in list(fh)[:120]:
            r = json.loads(line)
            doc = nlp(" ".join(s["text"] for s in r.get("abstract_sections") or []))
            t, u = Tokens(doc), Ungated(doc)
            for lo, hi in t.sentences:
                taken = [False] * t.n
                got = outcome_results.embedded_subjects(t, taken, lo, hi)
                assert got == outcome_results.embedded_subjects(u, taken, lo, hi), doc[lo:hi].text
                for outcome_at in ([False] * t.n, [j % 5 == 0 for j in range(t.n)]):
                    names = outcome_results.result_names(t, taken, lo, hi, outcome_at)
                    assert names == outcome_results.result_names(u, taken, lo, hi, outcome_at), doc[lo:hi].text
                    named += bool(names)
                found += bool(got)
                gated += not t.at(outcome_results._REPORTING, lo, hi)
    assert found >= 10 and gated >= 100 and named >= 50, (found, gated, named)  # both paths taken
