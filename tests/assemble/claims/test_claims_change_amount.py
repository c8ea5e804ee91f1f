"""A CI whose estimate is written as an amount of change or difference has the no-effect value 0
(:data:`claimex.assemble.claims.significance.CHANGE_AMOUNT`, read by ``ci_null`` where nothing else names the estimate a
ratio or a difference): a change "by" an amount, an amount that names itself a difference or change, a difference that
opens the CI's bracket or gives the amount the CI follows. GUIDELINES, Findings: ``significant`` from a CI - a CI that
excludes its no-effect value. A CI of one arm's own value ("response rate 70 % (95 % CI 56-83)") stays unread.
Session 23 (s23-sig, docs/claims-rounds.md section 37.2). Real sentences: the OPEN tune half and ../shared outside the gold."""

from claims_helpers import claims_of, entity_texts, make_record


def _results(text, entities):
    rec = make_record(text, entities)
    for sentence in rec.sentences:
        sentence.section = "RESULTS"
    return {tuple(entity_texts(rec, c.outcome)): c.significant for c in claims_of(rec)}


def test_a_change_by_an_amount_with_its_ci_is_significant():
    # Evidence Inference abstract 5346199 (OPEN): significance null before (the CI's no-effect value unknown)
    got = _results("We found that the integrated care model effectively lowered blood pressure by 1.93 mmHg (95% CI "
                   "0.063\u20133.8), improved self-assessed health-related quality of life, and reduced the rate of "
                   "hypertension-related hospitalization by 0.17 percentage points (95% CI 0.094\u20130.24).",
                   [("INTERVENTION", "integrated care model"), ("OUTCOME", "blood pressure"),
                    ("OUTCOME", "rate of hypertension-related hospitalization")])
    assert got[("blood pressure",)] is True
    assert got[("rate of hypertension-related hospitalization",)] is True


def test_a_change_in_percentage_points_is_significant():
    # Evidence Inference unlabelled abstract 3338089 (outside the findings gold)
    got = _results("The utilization of LLITN in all age groups in the intervention villages was increased by 17.7 "
                   "percentage point (95% CI 9.7-25.6) at sixth month and by 31.0 percentage point (95% CI 16.9-45.1) at "
                   "the twelfth month.", [("OUTCOME", "utilization of LLITN"), ("INTERVENTION", "intervention villages")])
    assert set(got.values()) == {True}


def test_an_amount_named_a_difference_with_its_ci_in_the_closing_bracket():
    # PICO-Corpus 31763746 (OPEN): the CI stands after the difference's phrase
    got = _results("A 4.6-point difference in fatigue score was observed between groups at T2 (95% CI: 1.3, 7.8) "
                   "indicating improvement in fatigue profiles in the intervention group.",
                   [("OUTCOME", "fatigue score"), ("INTERVENTION", "intervention group")])
    assert got[("fatigue score",)] is True


def test_a_difference_of_an_amount_after_both_arms_values():
    # Evidence Inference unlabelled abstract 2864284 (outside the findings gold): the arms' own CIs are not read,
    # the difference's 90% CI excludes 0
    got = _results("At day 56, there were more recurrent infections in the chloroquine arm (8.9%, 95% CI 6.0-13.1%) "
                   "than the dihydroartemisinin-piperaquine arm (2.8%, 95% CI 1.4-5.8%), a difference in cumulative "
                   "recurrence rate of 6.1% (2-sided 90%CI +2.6 to +9.7%).",
                   [("COMPARATOR", "chloroquine"), ("INTERVENTION", "dihydroartemisinin-piperaquine"),
                    ("OUTCOME", "recurrent infections")])
    assert got[("recurrent infections",)] is True


def test_an_arms_own_value_with_its_ci_is_no_test():
    # PICO-Corpus 23053638 (outside the findings gold): two response rates, each with its own CI, and no test
    got = _results("The overall clinical response rate was 70 % (95 % CI 56-83) in the EC-D arm and 77 % (95 % CI "
                   "65-87) in the EC-DCb arm.", [("OUTCOME", "overall clinical response rate"),
                                                  ("INTERVENTION", "EC-D"), ("COMPARATOR", "EC-DCb")])
    assert got[("overall clinical response rate",)] is None
