"""Which arm is a claim's intervention (issue 10, round 7): the abstract's experimental arm takes the
intervention slot and the direction is read relative to it, whichever arm the sentence makes its subject.
Real sentences from Evidence Inference 2.0 train abstracts (../shared/corpora/evidence-inference-v2; not in
the findings gold)."""

from claims_helpers import claims_of, ent, make_record


def test_title_alternative_is_never_the_main_intervention():
    # PMC 1794469: "X: a prospective comparison with the landmark technique" - the landmark technique is what
    # the ultrasound-guided technique is compared with, however often the abstract names it; a result whose
    # subject is the landmark group is read with ultrasound as the intervention (more harm with landmark =
    # decrease for ultrasound)
    text = ("Real-time ultrasound-guided catheterisation of the internal jugular vein: a prospective comparison "
            "with the landmark technique in critical care patients. "
            "This study was designed to evaluate whether real-time ultrasound-guided cannulation of the internal "
            "jugular vein is superior to the standard landmark method. "
            "In this randomised study, 450 critical care patients who underwent real-time ultrasound-guided "
            "cannulation of the internal jugular vein were prospectively compared with 450 critical care patients "
            "in whom the landmark technique was used. "
            "Cannulation of the internal jugular vein was achieved in all patients by using ultrasound and in 425 "
            "of the patients (94.4%) by using the landmark technique (p < 0.001). "
            "In the landmark group, puncture of the carotid artery occurred in 10.6% of patients, which was "
            "significantly increased compared with the ultrasound group (p < 0.001).")
    rec = make_record(text, [
        ("INTERVENTION", "Real-time ultrasound-guided catheterisation"), ("INTERVENTION", "internal jugular vein"),
        ("INTERVENTION", "landmark"),
        ("INTERVENTION", "real-time ultrasound-guided cannulation"), ("INTERVENTION", "internal jugular vein", 1),
        ("INTERVENTION", "landmark", 1),
        ("INTERVENTION", "real-time ultrasound-guided cannulation", 1), ("INTERVENTION", "internal jugular vein", 2),
        ("INTERVENTION", "landmark", 2),
        ("INTERVENTION", "internal jugular vein", 3), ("INTERVENTION", "ultrasound", 3),
        ("INTERVENTION", "landmark", 3), ("OUTCOME", "Cannulation"),
        ("INTERVENTION", "landmark", 4), ("OUTCOME", "puncture of the carotid artery"),
        ("INTERVENTION", "ultrasound", 4)], title=True)
    claim = next(c for c in claims_of(rec, arms="rules") if "carotid" in c.text)
    assert claim.intervention == [ent(rec, "ultrasound", 1)] and claim.comparator == [ent(rec, "landmark", 4)]
    assert claim.direction == "decrease"


def test_result_naming_no_arm_carries_the_arm_the_design_allocates_against_the_control():
    # PMC 4713062: the title's only tagged arm is a run of title words; the methods sentence allocates the
    # sustained inflation against conventional ventilation, and a result naming no arm is about that arm
    text = ("Single Sustained Inflation followed by Ventilation Leads to Rapid Cardiorespiratory Recovery but Causes "
            "Cerebral Vascular Leakage in Asphyxiated Near-Term Lambs. "
            "Lambs were randomised to receive 5 consecutive 3 s SI (multiple SI; n = 6), a single 30 s SI (single SI; "
            "n = 6) or conventional ventilation (no SI; n = 6). "
            "Blood brain barrier disruption was increased in single SI lambs as indicated by increased numbers of "
            "blood vessel profiles with plasma protein extravasation (p = 0.001) in the cerebral cortex.")
    rec = make_record(text, [
        ("INTERVENTION", "Ventilation Leads to Rapid Cardiorespiratory"), ("INTERVENTION", "SI", 0),
        ("INTERVENTION", "conventional ventilation"), ("INTERVENTION", "no SI"),
        ("OUTCOME", "Blood brain barrier disruption")], title=True)
    claim = next(c for c in claims_of(rec, arms="rules") if "Blood brain" in c.text)
    assert claim.intervention == [ent(rec, "SI")] and claim.comparator == [ent(rec, "no SI")]
    assert claim.direction == "increase"


def test_title_arm_the_design_names_again_in_its_own_words_stays_the_carried_arm():
    # PMC 3640933: the design allocates "school-based programs" against the control group; they share their
    # head with the title's "education programs" (a rewording, not a different arm): the title's arm is carried
    text = ("The impact of education programs on smoking prevention: a randomized controlled trial among 11 to 14 "
            "year olds in Aceh, Indonesia. "
            "Eight schools were randomly assigned to a control group or one of three school-based programs: "
            "health-based, Islamic-based, or a combined program. "
            "There were no significant effects on the odds of intention to smoke or smoking behaviors.")
    rec = make_record(text, [
        ("INTERVENTION", "education programs"), ("COMPARATOR", "control"), ("INTERVENTION", "school-based programs"),
        ("INTERVENTION", "health-based, Islamic-based"), ("INTERVENTION", "combined program"),
        ("OUTCOME", "odds of intention to smoke"), ("OUTCOME", "smoking behaviors")], title=True)
    claim = next(c for c in claims_of(rec, arms="rules") if "odds of intention" in c.text)
    assert claim.intervention == [ent(rec, "education programs")]
    assert claim.direction == "no_difference"
