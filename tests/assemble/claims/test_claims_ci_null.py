"""The no-effect value of a CI (:func:`claimex.assemble.claims.significance.ci_null`) is 0 for a difference or a
regression coefficient even where the measure was read as a ratio: a CI with a negative bound, or the statistic "β"
(the Greek spelling of ``DIFF_STATS``' "beta"). Session 21 (s21-nodiff, docs/claims-rounds.md section 35.7); GUIDELINES,
Findings: ``no_difference`` whenever the sentence says the difference is not significant (a CI that holds the
no-effect value). Real sentences from ../shared outside the findings gold."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.significance import ci_null
from claimex.schema import Measure


def _results(text, entities, model="cues"):
    rec = make_record(text, entities)
    for sentence in rec.sentences:
        sentence.section = "RESULTS"
    return {tuple(entity_texts(rec, c.outcome)): (c.direction, c.significant) for c in claims_of(rec, model=model)}


def test_a_beta_read_as_a_ratio_has_the_no_effect_value_0():
    # Evidence Inference PMC4882812: the measures layer reads "β = 0.02, 95 % CI = -0.08–0.12" as kind "ratio"
    beta = Measure(id="M1", start=0, end=30, text="β = 0.02, 95 % CI = -0.08–0.12", kind="ratio", value=0.02,
                   stat="β", level=95.0, ci_low=-0.08, ci_high=0.12)
    assert ci_null(beta, beta.text) == 0.0


def test_a_ratio_whose_ci_has_a_negative_bound_is_a_difference():
    rd = Measure(id="M1", start=0, end=16, text="0.7(- 1.9,0.5)", kind="ratio", value=-0.7, ci_low=-1.9, ci_high=0.5)
    assert ci_null(rd, "RD - " + rd.text) == 0.0
    hr = Measure(id="M2", start=0, end=30, text="HR 0.51, 95% CI 0.29-0.90", kind="ratio", value=0.51, stat="HR",
                 ci_low=0.29, ci_high=0.90)
    assert ci_null(hr, hr.text) == 1.0


def test_risk_differences_whose_cis_hold_0_are_no_difference():
    # PICO-Corpus 31392518 (outside the findings gold): decrease, significant, before (the CIs read against 1)
    got = _results("Rates of complications per chemotherapy cycles in the peripheral vs central access groups with risk "
                   "difference (RD) (95% CI) were: thrombotic events requiring anticoagulation [1 (0.3%) vs. 3 (1.0%), "
                   "RD -\u20090.7(-\u20091.9,0.5)], line infections [0 (0%) vs. 1 (0.3%), RD -\u20090.3(-\u20090.9,0.3)].",
                   [("INTERVENTION", "peripheral"), ("COMPARATOR", "central access"), ("OUTCOME", "thrombotic events"),
                    ("OUTCOME", "line infections")])
    assert got == {("thrombotic events",): ("no_difference", False), ("line infections",): ("no_difference", False)}
