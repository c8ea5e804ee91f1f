"""Active arms reported side by side in a controlled trial are each compared with the design's control (issue 10,
session 17, :mod:`claimex.assemble.claims.sidebyside`; GUIDELINES, Findings: one finding per comparison of the
experimental arm with each other arm). Real sentences from ../shared (Evidence Inference train abstracts, not in the
findings gold)."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.sidebyside import initials_of

# evidence-inference-abstracts 2649924: the title, the three arms of the methods, a result and the conclusion
MAGNESIUM = (
    "Magnesium sulphate and amiodarone prophylaxis for prevention of postoperative arrhythmia in coronary by-pass "
    "operations. "
    "Sixty-four patients were given 3 g of magnesium sulphate (MgSO4) [20 ml = 24.32 mEq/L Mg+2] in 100 cc of "
    "isotonic 0.9% solution over 2 hours intravenously at the following times: 12 hours prior to the operation, "
    "immediately following the operation, and on postoperative days 1, 2, and 3 (Group 1). "
    "Another group of 64 patients was given a preoperative infusion of amiodarone (1200 mg) on first post-operative "
    "day (Group 2). "
    "Sixty-four patients in group 3 (control group) had 100 cc. isotonic 0.9% as placebo, during the same time "
    "periods. "
    "The use of amiodarone for total arrhythmia was significantly more effective than prophylactic treatment with "
    "magnesium sulphate (p = 0.015). "
    "Prophylactic use of magnesium sulphate and amiodarone are both effective at preventing arrhythmia that may occur "
    "following coronary by-pass operations.")
MAGNESIUM_ENTS = [
    ("INTERVENTION", "Magnesium sulphate"), ("INTERVENTION", "amiodarone prophylaxis"),
    ("OUTCOME", "postoperative arrhythmia"),
    ("INTERVENTION", "magnesium sulphate (MgSO4)"), ("INTERVENTION", "isotonic 0.9% solution"),
    ("INTERVENTION", "amiodarone", 1),
    ("COMPARATOR", "control"), ("INTERVENTION", "isotonic", 1), ("COMPARATOR", "placebo"),
    ("OUTCOME", "total arrhythmia"), ("INTERVENTION", "magnesium sulphate", 1),
    ("INTERVENTION", "magnesium sulphate", 2), ("INTERVENTION", "amiodarone", 3), ("OUTCOME", "arrhythmia", 2)]


def _record():
    rec = make_record(MAGNESIUM, MAGNESIUM_ENTS, title=True)
    for k, section in enumerate(["TITLE", "METHODS", "METHODS", "METHODS", "RESULTS", "CONCLUSION"]):
        rec.sentences[k].section = section
    return rec


def _arms(rec, claims, words):
    return sorted((entity_texts(rec, c.intervention)[0], tuple(entity_texts(rec, c.comparator)))
                  for c in claims if words in c.text)


def test_two_active_arms_side_by_side_are_each_compared_with_the_control():
    # a reviewer writes magnesium sulphate vs the control (group 3, placebo) and amiodarone vs the control, not
    # magnesium sulphate vs amiodarone (what the pair rule read before)
    for arms in ("rules", None):
        rec = _record()
        got = _arms(rec, claims_of(rec, arms=arms), "are both effective")
        assert got == [("amiodarone", ("control",)), ("magnesium sulphate", ("control",))], arms


def test_arms_a_comparison_cue_sets_against_each_other_stay_the_comparison():
    # "more effective than prophylactic treatment with magnesium sulphate": amiodarone vs magnesium sulphate
    rec = _record()
    claim = next(c for c in claims_of(rec, arms="rules") if "more effective than" in c.text)
    assert entity_texts(rec, claim.comparator) == ["magnesium sulphate"]


def test_one_regimen_of_both_arms_is_not_split():
    # "X with Y" is one regimen: the sentence is left to the pair rule
    text = MAGNESIUM.replace("Prophylactic use of magnesium sulphate and amiodarone are both",
                             "Prophylactic use of magnesium sulphate with amiodarone is")
    rec = make_record(text, MAGNESIUM_ENTS[:-2] + [("INTERVENTION", "amiodarone", 3), ("OUTCOME", "arrhythmia", 2)],
                      title=True)
    claims = [c for c in claims_of(rec, arms="rules") if "with amiodarone is" in c.text]
    assert claims and not any(entity_texts(rec, c.comparator) == ["control"] for c in claims)


def test_initials_name_the_control_arm():
    # evidence-inference-abstracts 5834159: "the SoC arm" of "Standard of Care TB and HIV testing (SOC)"
    assert initials_of("SoC", "Standard of Care")
    assert initials_of("SOC", "Standard of Care")
    assert not initials_of("PoC CD4", "Standard of Care")
    assert not initials_of("placebo", "placebo")
