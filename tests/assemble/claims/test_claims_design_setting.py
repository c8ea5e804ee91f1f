"""A design sentence's setting is no allocated arm (issue 10, session 17): "After PCI, the treatment group received
Danhong injection ..." names what every patient had (PCI) before the arm the treatment group was given, so "the
treatment group" of a later result is the Danhong arm, not PCI (as ``arms`` reads a result sentence's "after X"
setting). Real sentences from ../shared (Evidence Inference train article PMC 5863299, not in the findings gold)."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.allocation import in_setting
from claimex.assemble.claims.base import sentence_views

DANHONG = (
    "Treatment of Danhong Injection Combined with Naoxintong Capsule in Acute Coronary Syndrome Patients Undergoing "
    "PCI Operation: Study for a Randomized Controlled and Double-Blind Trial.\n"
    "This double-blind and randomized placebo-controlled trial evaluated the safety and efficacy of Danhong "
    "injection combined with Naoxintong capsule in patients with acute coronary syndrome (ACS) after percutaneous "
    "coronary intervention (PCI).\n"
    "ACS patients scheduled to undergo PCI (n = 130) were equally and randomly apportioned to either a treatment or "
    "control group.\n"
    "After PCI, the treatment group received Danhong injection combined with Naoxintong capsule for 12 weeks, while "
    "the control group was given placebo.\n"
    "The treatment group demonstrated better signs of clinical efficacy, including left ventricular ejection "
    "fraction, higher nitric oxide levels, and lower levels of endothelin-1 (ET-1) and von Willebrand factor (VWF).")
SECTIONS = ["TITLE", "OBJECTIVE", "METHODS", "METHODS", "RESULTS"]
DANHONG_ENTS = [
    ("INTERVENTION", "Treatment"), ("INTERVENTION", "Injection Combined with Naoxintong"),
    ("POPULATION", "Acute Coronary Syndrome Patients Undergoing PCI Operation"), ("INTERVENTION", "PCI"),
    ("COMPARATOR", "placebo-controlled"), ("OUTCOME", "safety and efficacy"),
    ("INTERVENTION", "injection combined with Naoxintong"),
    ("POPULATION", "patients with acute coronary syndrome (ACS) after percutaneous coronary intervention (PCI)"),
    ("INTERVENTION", "percutaneous coronary intervention"), ("INTERVENTION", "PCI", 1),
    ("POPULATION", "ACS patients scheduled to undergo PCI"), ("INTERVENTION", "PCI", 2),
    ("INTERVENTION", "treatment", 0), ("COMPARATOR", "control", 1),
    ("INTERVENTION", "PCI", 3), ("INTERVENTION", "treatment", 1),
    ("INTERVENTION", "injection combined with Naoxintong", 1), ("COMPARATOR", "control", 2), ("COMPARATOR", "placebo", 1),
    ("INTERVENTION", "treatment", 2), ("OUTCOME", "left ventricular ejection fraction"),
    ("OUTCOME", "nitric oxide levels")]


def _record():
    rec = make_record(DANHONG, DANHONG_ENTS)
    for sent, section in zip(rec.sentences, SECTIONS):
        sent.section = section
    return rec


def test_an_arm_after_a_sentence_opening_after_is_the_setting():
    rec = _record()
    view = sentence_views(rec)[3]
    arms = view.label("INTERVENTION")
    assert [e.text for e in arms if in_setting(view, e)] == ["PCI"]


def test_the_treatment_group_is_the_arm_the_design_gave_it_not_the_setting():
    rec = _record()
    claim = finding_of(rec, "left ventricular ejection fraction")
    assert entity_texts(rec, claim.intervention) == ["injection combined with Naoxintong"]
