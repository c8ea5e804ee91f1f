"""Conclusions that say in the past tense what this study saw (:func:`claimex.assemble.claims.concluded.past_result`).

Sentences from the CONCLUSIONS sections of Evidence Inference 2.0 abstracts (``../shared``, no findings-gold article).
"""

from claims_helpers import make_record, types_of

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.concluded import observed_trend, past_result
from claimex.assemble.claims.hedging import hedged


def _past(text: str, entities=()) -> bool:
    return past_result(sentence_views(make_record(text, entities))[0])


def test_a_past_tense_conclusion_on_a_named_outcome_is_a_finding():
    cases = [  # (EI article, sentence, entities)
        ("4137650", "Both the drugs attenuated the pressure response.", [("OUTCOME", "pressure response")]),
        ("3425748", "This training course resulted in a positive change in the trainees' attitudes.",
         [("INTERVENTION", "training course"), ("OUTCOME", "trainees' attitudes")]),
        ("111193", "The need for homologous blood transfusion was identical.",
         [("OUTCOME", "homologous blood transfusion")]),
        ("4199615", "Three sessions of 30 min exercise (60% of VO2max) in moderate hypoxia over 7.5 h did not "
                    "attenuate postprandial glucose and insulin responses in young, overweight men.",
         [("INTERVENTION", "30 min exercise"), ("OUTCOME", "postprandial glucose and insulin responses")]),
    ]
    for _id, text, ents in cases:
        assert types_of(text, ["CONCLUSIONS"], ents) == ["finding"], text


def test_a_past_tended_to_is_an_observed_trend_not_a_hedge():
    text = ("Participants who attended classes and/or performed the supplementary individualized programs tended to "
            "maintain their immunological function and to experience a decrease in body fat percentage.")  # 3924124
    assert hedged(text) and not hedged(observed_trend(text))
    assert types_of(text, ["CONCLUSIONS"], [("OUTCOME", "immunological function"),
                                            ("OUTCOME", "body fat percentage")]) == ["finding"]
    assert hedged(observed_trend("Yoga tends to improve sleep quality."))  # the present tense generalises


def test_verdicts_aims_and_present_tense_generalisations_stay_conclusions():
    cases = [
        ("4435702", "VM202 was safe, well tolerated and effective indicating the feasibility of a nonviral gene "
                    "therapy approach to painful diabetic neuropathy.",
         [("INTERVENTION", "VM202"), ("OUTCOME", "painful diabetic neuropathy")]),  # a verdict (GUIDELINES: neutral)
        ("1166569", "We hypothesized that exercise training would be a feasible and effective intervention to improve "
                    "aerobic endurance and lower extremity strength in female cardiac transplant recipients.",
         [("INTERVENTION", "exercise training"), ("OUTCOME", "aerobic endurance and lower extremity strength")]),  # the aim restated
        ("2822946", "An FP result is a common adverse effect of PC screening and affects at least every eighth man "
                    "screened repeatedly, even when using a relatively high cutoff level.",
         [("OUTCOME", "FP result"), ("INTERVENTION", "PC screening")]),  # present tense; a reduced relative
        ("3752932", "The efficacy and safety of mirabegron are demonstrated in this large pooled clinical trial "
                    "dataset in patients with OAB.", [("OUTCOME", "efficacy"), ("INTERVENTION", "mirabegron")]),
    ]
    for _id, text, ents in cases:
        assert not _past(text, ents), text
        assert types_of(text, ["CONCLUSIONS"], ents) == ["conclusion"], text


def test_a_design_statement_in_the_past_tense_is_no_result():
    # EI 4722945 (CONCLUSIONS): the past tense of the design, the present tense of the judgement
    text = ("Although the trial was conducted in a controlled setting, the results are applicable to real-world "
            "management of severe hypoglycemia.")
    assert not _past(text, [("OUTCOME", "severe hypoglycemia")])
    # EI 4137650: an arm's finite past verb on its outcome
    assert _past("Both the drugs attenuated the pressure response.", [("OUTCOME", "pressure response")])
