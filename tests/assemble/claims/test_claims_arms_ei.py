"""Arms of result sentences on Evidence Inference 2.0 train abstracts (../shared/corpora/evidence-inference-v2):
context-inherited comparators that are not the sentence's, arms of the same name as a control-worded design
comparator. Real sentences; entities as the shipped tagger gives them, trimmed to those each rule needs."""

from claims_helpers import entity_texts, finding_of, make_record


def test_arm_without_the_sham_word_is_not_the_sham_comparator():
    # PMC 4301658: "moxibustion" is the active arm, not a mention of "moxibustion and sham moxibustion"
    text = ("Brain regions involved in moxibustion-induced analgesia in irritable bowel syndrome with diarrhea: "
            "a functional magnetic resonance imaging study\n"
            "Eighty D-IBS patients were randomly divided into a moxibustion and sham moxibustion group (control "
            "group) for a 4-week treatment. "
            "After treatment, the decrease in Birmingham IBS Symptom Scale and IBS QOL Scale scores in moxibustion "
            "group was significantly greater than that of control group (P < 0.01).")
    rec = make_record(text, [("INTERVENTION", "functional magnetic resonance imaging"),
                             ("INTERVENTION", "moxibustion and sham moxibustion"), ("COMPARATOR", "control", 0),
                             ("INTERVENTION", "moxibustion", 3), ("COMPARATOR", "control", 1),
                             ("OUTCOME", "Birmingham IBS Symptom Scale and IBS QOL Scale scores")], title=True)
    claim = finding_of(rec, "After treatment")
    assert entity_texts(rec, claim.intervention) == ["moxibustion"]
    assert "moxibustion" not in entity_texts(rec, claim.comparator)
    assert "functional magnetic resonance imaging" not in entity_texts(rec, claim.intervention)


def test_second_site_of_one_regimen_is_not_the_design_comparator():
    # PMC 5827033: "received 1 h TEA on Neiguan (ST36) and Zusanli (PC6)" is one regimen; the control group
    # is the comparator of every result
    text = ("Transcutaneous electroacupuncture alleviates postoperative ileus after gastrectomy: A randomized "
            "clinical trial\n"
            "After gastrectomy, the patients were randomly allocated to the TEA (n = 33) or control (n = 30) group. "
            "The patients in the TEA group received 1 h TEA on Neiguan (ST36) and Zusanli (PC6) twice daily in the "
            "morning and afternoon until they passed flatus. "
            "Hospital stay in the TEA group was significantly shorter than in the control group (8.06 ± 1.75 vs "
            "9.40 ± 3.09 d, P = 0.041).")
    rec = make_record(text, [("INTERVENTION", "Transcutaneous electroacupuncture"), ("INTERVENTION", "TEA", 0),
                             ("COMPARATOR", "control", 0), ("INTERVENTION", "TEA", 1), ("INTERVENTION", "TEA", 2),
                             ("INTERVENTION", "Zusanli (PC6)"), ("INTERVENTION", "TEA", 3),
                             ("COMPARATOR", "control", 1), ("OUTCOME", "Hospital stay")], title=True)
    claim = finding_of(rec, "Hospital stay")
    assert entity_texts(rec, claim.intervention) == ["TEA"]
    assert entity_texts(rec, claim.comparator) == ["control"]
    assert claim.direction == "decrease"


def test_active_reference_set_against_placebo_is_the_sentence_intervention():
    # PMC 5771543: fluoxetine is the design's reference arm (a comparator); set against placebo in a result
    # sentence it is that sentence's intervention, and the main intervention (desvenlafaxine) is not carried
    text = ("Desvenlafaxine Versus Placebo in a Fluoxetine-Referenced Study of Children and Adolescents with Major "
            "Depressive Disorder\n"
            "Outpatient children and adolescents were randomly assigned to 8-week treatment with placebo, "
            "desvenlafaxine (25, 35, or 50 mg/d based on baseline weight), or fluoxetine (20 mg/d). "
            "At week 8, the CGI-I response rate for fluoxetine (78.2%) was significantly greater compared with "
            "placebo (62.6%; p = 0.017).")
    rec = make_record(text, [("INTERVENTION", "Desvenlafaxine"), ("COMPARATOR", "Placebo"),
                             ("COMPARATOR", "placebo", 0), ("INTERVENTION", "desvenlafaxine", 0),
                             ("INTERVENTION", "fluoxetine", 0), ("INTERVENTION", "fluoxetine", 1),
                             ("COMPARATOR", "placebo", 1), ("OUTCOME", "CGI-I response rate")], title=True)
    claim = finding_of(rec, "At week 8")
    assert entity_texts(rec, claim.intervention) == ["fluoxetine"]
    assert entity_texts(rec, claim.comparator) == ["placebo"]
    assert claim.direction == "increase"


def test_arm_named_in_the_population_is_not_what_the_study_group_received():
    # PMC 4756971: "105 PCNL patients were randomized" - PCNL is the patients' operation; "the study group"
    # received the peritubal infiltration
    text = ("The efficacy of peritubal analgesic infiltration in postoperative pain following percutaneous "
            "nephrolithotomy – A prospective randomized controlled study\n"
            "A total of 105 PCNL patients were randomized into two groups, 53 patients receiving peritubal "
            "analgesic infiltration (study group) and 52 patients as the control group. "
            "The average VAS pain at 1 and 4 hours after the operation in the study group were significant lower "
            "in the control group (P≤0.001 and 0.026).")
    rec = make_record(text, [("INTERVENTION", "peritubal analgesic infiltration", 0),
                             ("INTERVENTION", "percutaneous nephrolithotomy"),
                             ("POPULATION", "total of 105 PCNL patients were randomized"), ("INTERVENTION", "PCNL"),
                             ("INTERVENTION", "peritubal analgesic infiltration", 1), ("COMPARATOR", "control", 0),
                             ("OUTCOME", "average VAS pain"), ("COMPARATOR", "control", 1)], title=True)
    claim = finding_of(rec, "average VAS pain")
    assert entity_texts(rec, claim.intervention) == ["peritubal analgesic infiltration"]
    assert "PCNL" not in entity_texts(rec, claim.intervention)


def test_title_entity_after_in_is_the_setting_not_the_main_intervention():
    # PMC 5850145: "in a Swine Model of ..." is where the pericytes were transplanted; the result sentence that
    # names no tagged arm inherits the pericytes, not the swine model
    text = ("Transplantation of Allogeneic Pericytes Improves Myocardial Vascularization and Reduces Interstitial "
            "Fibrosis in a Swine Model of Reperfused Acute Myocardial Infarction\n"
            "We performed a blind, randomized, placebo‐controlled APC therapy trial in a swine model of reperfused "
            "myocardial infarction. "
            "Transplantation of allogeneic sAPCs benefited capillary density and fibrosis but did not improve cardiac "
            "magnetic resonance imaging indices of contractility.")
    rec = make_record(text, [("INTERVENTION", "Allogeneic Pericytes"), ("INTERVENTION", "Swine Model"),
                             ("INTERVENTION", "APC therapy"), ("INTERVENTION", "swine model"),
                             ("OUTCOME", "capillary density"), ("OUTCOME", "indices of contractility")], title=True)
    claim = finding_of(rec, "capillary density")
    assert "swine model" not in [t.lower() for t in entity_texts(rec, claim.intervention)]
    assert entity_texts(rec, claim.intervention) == ["Allogeneic Pericytes"]


def test_an_arm_written_again_is_listed_once():
    # PMC 1190216: "seminal plasma" three times in one sentence is one arm, not three
    text = ("Intramuscular administration of seminal plasma resulted in a higher ovulation rate than intrauterine "
            "administration of seminal plasma (93% versus 41%; P < 0.01), while intrauterine seminal plasma after "
            "endometrial curettage was intermediate (67%).")
    rec = make_record(text, [("INTERVENTION", "seminal plasma", 0), ("INTERVENTION", "seminal plasma", 1),
                             ("INTERVENTION", "seminal plasma", 2), ("OUTCOME", "ovulation rate")])
    claim = finding_of(rec, "ovulation rate")
    assert entity_texts(rec, claim.intervention) == ["seminal plasma"]
    assert len(entity_texts(rec, claim.comparator)) == len(set(entity_texts(rec, claim.comparator))) <= 1
    listed = {*claim.intervention, *claim.comparator, *claim.arm_mentions}
    assert all(e.id in listed for e in rec.entities if e.label == "INTERVENTION")


def test_arm_words_inside_the_population_neither_count_for_the_main_arm_nor_set_up_an_alternative():
    # PMC 3525331: the tagger marks "migraine" as an intervention, also inside "150 migraine patients ..."; the
    # herbal granule is the main intervention and placebo the comparator, not "migraine" and the granule
    text = ("Efficacy of Chuanxiong Ding Tong Herbal Formula Granule in the Treatment and Prophylactic of Migraine "
            "Patients: A Randomized, Double-Blind, Multicenter, Placebo-Controlled Trial\n"
            "To evaluate the efficacy of traditional Chinese herbal ChuanXiong Ding Tong herbal formula granule "
            "(CXDT-HFG) for migraine patients with “the Syndrome of Liver Wind and Blood Stasis.” "
            "150 migraine patients were recruited and assigned randomly in a double-blind, placebo-controlled study "
            "to receive CXDT-HFG (n = 99) plus necessary analgesics, or placebo (n = 51) plus necessary analgesics "
            "for 16 weeks (12 weeks' intervention and 4 weeks' follow up). "
            "Outcome measures included migraine days, frequency of migraine attacks, analgesics consumption for "
            "acute treatment, and the proportion of responders. "
            "Compared with the placebo group, the CXDT-HFG group showed significant reduction in migraine days and "
            "attacks frequency at week 12 and follow-up period (P < 0.05).")
    granule = "Chuanxiong Ding Tong Herbal Formula Granule"
    rec = make_record(text, [
        ("INTERVENTION", granule), ("INTERVENTION", "Migraine"), ("COMPARATOR", "Placebo-Controlled"),
        ("INTERVENTION", "ChuanXiong Ding Tong herbal formula granule (CXDT-HFG)", 0, granule),
        ("POPULATION", "migraine patients with “the Syndrome of Liver"), ("INTERVENTION", "migraine", 0),
        ("POPULATION", "150 migraine patients were recruited and assigned"), ("INTERVENTION", "migraine", 1),
        ("COMPARATOR", "placebo-controlled"), ("INTERVENTION", "CXDT-HFG", 1, granule),
        ("COMPARATOR", "placebo", 1), ("OUTCOME", "migraine days, frequency of migraine attacks"),
        ("INTERVENTION", "migraine", 2), ("INTERVENTION", "migraine", 3), ("COMPARATOR", "placebo", 2),
        ("INTERVENTION", "CXDT-HFG", 2, granule), ("OUTCOME", "migraine days and attacks frequency at week"),
        ("INTERVENTION", "migraine", 4)], title=True)
    claim = finding_of(rec, "Compared with the placebo group")
    assert "CXDT-HFG" in entity_texts(rec, claim.intervention)
    assert entity_texts(rec, claim.comparator) == ["placebo"]
    assert claim.direction == "decrease"


def test_than_a_few_words_before_the_arm_makes_it_the_comparator():
    # PMC 2649924: "than prophylactic treatment with magnesium sulphate" - the cue is 33 characters before the arm
    text = ("The use of amiodarone for total arrhythmia was significantly more effective than prophylactic "
            "treatment with magnesium sulphate (p = 0.015).")
    rec = make_record(text, [("INTERVENTION", "amiodarone"), ("OUTCOME", "total arrhythmia"),
                             ("INTERVENTION", "magnesium sulphate")])
    claim = finding_of(rec, "amiodarone")
    assert entity_texts(rec, claim.intervention) == ["amiodarone"]
    assert entity_texts(rec, claim.comparator) == ["magnesium sulphate"]


def test_a_no_hyphen_arm_is_the_control_arm():
    # PMC 5850179: "the no‐morphine group" is the comparator of "the morphine group"
    text = "The all‐cause mortality was 5.3% in the morphine group versus 5.8% in the no‐morphine group (P=0.89)."
    rec = make_record(text, [("OUTCOME", "all‐cause mortality"), ("INTERVENTION", "no‐morphine"),
                             ("INTERVENTION", "morphine")])
    claim = finding_of(rec, "mortality")
    assert entity_texts(rec, claim.intervention) == ["morphine"]
    assert entity_texts(rec, claim.comparator) == ["no‐morphine"]


def test_an_outcome_list_item_is_not_re_found_as_an_arm():
    # PMC 4748327: a methods sentence tagged "proprioception" as an intervention; in the result sentence it is
    # an OUTCOME list item, so its text is no re-mention of an arm there
    text = ("Outcomes were fall risk, proprioception and reaction time. "
            "Compared to the control group, SMT participants improved their fall risk score (p = 0.036), "
            "proprioception (p = 0.015), reaction time (p = 0.003).")
    rec = make_record(text, [("INTERVENTION", "proprioception", 0), ("COMPARATOR", "control"),
                             ("INTERVENTION", "SMT"), ("OUTCOME", "fall risk score"),
                             ("OUTCOME", "proprioception", 1), ("OUTCOME", "reaction time")])
    claim = finding_of(rec, "Compared to")
    assert entity_texts(rec, claim.intervention) == ["SMT"]
