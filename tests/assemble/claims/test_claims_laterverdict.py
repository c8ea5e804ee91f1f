"""A difference at one time point and none at another, said in a contrast clause that names no outcome of its own,
gives a second finding of the same arms and outcome, no difference (issue 10, session 21; ``claims/laterverdict.py``,
docs/claims-rounds.md section 35.9, s21-verdict). Real sentences from ../shared outside the findings gold (PICO-Corpus,
Evidence Inference unlabelled abstracts)."""

from claims_helpers import claims_of, entity_texts, make_record

# Evidence Inference unlabelled abstract PMC3162205
LENKE = ("The control sides treated with an autograft showed significantly better Lenke scores than the study sides "
         "treated with β-CPP at 3 and 6 months postoperatively, but there was no difference between the two sides at "
         "12 months.")
# PICO-Corpus 22832202 (the design sentence, then the result)
TAM = ("Altogether 96 women were treated either with tamoxifen (TAM, n=45) or placebo (PLA, n=51) for up to 5 years in "
       "a randomised, double-blind IBIS I breast cancer prevention trial. In postmenopausal women the median "
       "endometrial thickness was significantly increased at five years in the TAM group (median 4.3 versus 2.0mm, "
       "p=0.011), but there was no difference between the groups at one year after the treatment.")
# Evidence Inference unlabelled abstract PMC3214443: the null is said of one arm, a change within it
CONTROL_GROUP = ("All three intervention groups showed significant reduction in BP (SBP/DBP mmHg: 5.3/6.0 in NG II, "
                 "2.5/2.0 in NG III, and 2.3/2.4 in NG IV, respectively), while the Control Group showed no significant "
                 "difference.")


def _verdicts(rec, outcome):
    for s in rec.sentences:
        s.section = "RESULTS"
    return sorted((c.direction, c.significant) for c in claims_of(rec, model=None)
                  if entity_texts(rec, c.outcome) == [outcome] and c.comparator)


def test_the_null_clause_at_another_time_point_is_a_second_finding():
    rec = make_record(LENKE, [("COMPARATOR", "control sides"), ("INTERVENTION", "autograft"), ("OUTCOME", "Lenke scores"),
                              ("INTERVENTION", "β-CPP")])
    got = _verdicts(rec, "Lenke scores")
    assert ("no_difference", False) in got and any(d in ("increase", "decrease") for d, _ in got)


def test_the_null_clause_with_the_comparator_carried_from_the_design():
    rec = make_record(TAM, [("INTERVENTION", "tamoxifen"), ("INTERVENTION", "TAM"), ("COMPARATOR", "placebo"),
                            ("POPULATION", "postmenopausal women"), ("OUTCOME", "median endometrial thickness"),
                            ("INTERVENTION", "TAM")])
    assert _verdicts(rec, "median endometrial thickness") == [("increase", True), ("no_difference", False)]


def test_a_null_said_of_one_arm_is_no_second_comparison():
    rec = make_record(CONTROL_GROUP, [("INTERVENTION", "NG II"), ("OUTCOME", "BP"), ("COMPARATOR", "Control")])
    assert ("no_difference", False) not in _verdicts(rec, "BP")
