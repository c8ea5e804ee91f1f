"""A result said of one subgroup or time point and denied for another after "but not" gives a second finding, no
difference (issue 10, session 17; ``claims/subgroups.py``, docs/claims-rounds.md section 31, s17-dir). Real sentences from ../shared
outside the findings gold (PICO-Corpus, EvidenceMap, Evidence Inference abstracts)."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.subgroups import denied_subgroup

# PICO-Corpus 16936184
LETROZOLE = ("Letrozole, compared with placebo, significantly improved DFS for Caucasians (HR = 0.55; P < 0.0001) but "
             "not for minorities (HR = 1.39; P = 0.53).")
# Evidence Inference abstract PMC3476139
RIZATRIPTAN = "Rizatriptan was superior to ibuprofen and placebo in relieving headache at 2 h but not at 24 h."
# PICO-Corpus 19776028
MIGRATION = ("Serum from patients receiving propofol/paravertebral anaesthesia for breast cancer surgery inhibited "
             "proliferation, but not migration, of ER-MDA-MB-231 cells in vitro, to a greater extent than that from "
             "patients receiving sevoflurane/opioid anaesthesia-analgesia.")
# Evidence Inference PMC1174877
TELMISARTAN = ("Telmisartan, but not losartan, significantly (p < 0.05) reduced free plasma glucose, free plasma insulin, "
               "homeostasis model assessment of insulin resistance and HbAic.")


def _span(text, words, label):
    start = text.index(words)
    return start, start + len(words), label


def _stretch(text, spans=()):
    got = denied_subgroup(text, list(spans))
    return text[got[0]:got[1]] if got else None


def test_the_subgroup_or_time_point_after_but_not_is_found():
    minorities = _stretch(LETROZOLE, [_span(LETROZOLE, "DFS", "OUTCOME")])
    assert minorities.startswith("but not for minorities") and minorities.endswith("P = 0.53)")  # its whole bracket
    assert _stretch(RIZATRIPTAN) == "but not at 24 h"


def test_an_arm_another_outcome_or_a_quantifier_after_but_not_is_no_subgroup():
    assert _stretch(TELMISARTAN, [_span(TELMISARTAN, "losartan", "COMPARATOR")]) is None
    assert _stretch(MIGRATION) is None  # a bare noun that names no people, stage, study or time
    some = ("Higher intake of fish or n-3FA supplements is associated with lower rates of coronary heart disease and "
            "death, and some, but not all, previous trials reported reduced CV events in patients receiving n-3FA "
            "supplements.")  # Evidence Inference PMC4569275 (background)
    assert _stretch(some) is None
    control = "Pain decreased in the exercise group but not in the control group."
    assert _stretch(control) is None


def test_the_denied_subgroup_is_a_second_finding_of_no_difference():
    rec = make_record(LETROZOLE, [("INTERVENTION", "Letrozole"), ("COMPARATOR", "placebo"), ("OUTCOME", "DFS")])
    rec.sentences[0].section = "RESULTS"
    got = sorted((c.direction, c.significant) for c in claims_of(rec, model=None)
                 if entity_texts(rec, c.outcome) == ["DFS"])
    assert got == [("increase", True), ("no_difference", False)]
