"""Session 16 (:mod:`claimex.assemble.claims.observed`): a plain abstract's result said in words the result cues
miss. Real sentences of Evidence Inference 2.0 unlabelled (train-side) abstracts in ../shared, cited by PMC id; none
is in the findings gold (``bench/typing_dev.py`` leaves every gold article out). Typed in an abstract without
section labels after a design sentence, as ``bench/typing_dev.py`` reads headed abstracts with their headings
stripped; and (:func:`~claimex.assemble.claims.observed.seen_part`) a conclusion whose result a trailing clause
interprets."""

from claims_helpers import make_record, types_of

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.hedging import hedged
from claimex.assemble.claims.observed import OBSERVED, observed_plain, seen_part

DESIGN = "Patients were randomized to the two arms. "

RESULTS = [  # Results sentences of their abstracts that no result word or measure typed before
    ("Quality of life (SF-36) was not different.", [("OUTCOME", "Quality of life (SF-36)")]),  # PMC 4297469
    ("CPP did not vary with ETS.", [("OUTCOME", "CPP"), ("INTERVENTION", "ETS")]),  # PMC 4056626
    ("Changes in cathepsin S levels were directly correlated with change in LDL-C.",  # PMC 4155124
     [("OUTCOME", "Changes in cathepsin S levels"), ("OUTCOME", "change in LDL-C")]),
    ("No post-expeditional ophthalmic sequelae were detected.",  # PMC 3040733
     [("OUTCOME", "post-expeditional ophthalmic sequelae")]),
    ("Severe hypoglycemia rates were similarly low in both groups.",  # PMC 3263860
     [("OUTCOME", "Severe hypoglycemia rates")]),
    ("Except from the first hour postoperatively, hematocrit was identical in between groups postoperatively.",
     [("OUTCOME", "hematocrit")]),  # PMC 111193
]


def test_a_plain_abstracts_observed_result_is_a_finding():
    for sentence, ents in RESULTS:
        assert types_of(DESIGN + sentence)[1] is None, sentence  # no OUTCOME: no finding
        assert types_of(DESIGN + sentence, entities=ents)[1] == "finding", sentence


def test_not_before_the_design_nor_in_a_methods_section():
    sentence, ents = RESULTS[1]
    # the first sentence of a plain abstract is in its background zone: the rule is not asked there
    assert types_of(sentence, entities=ents)[0] == "background"
    # a headed Methods sentence keeps its zone's typing
    assert types_of(DESIGN + sentence, sections=["METHODS", "METHODS"], entities=ents)[1] is None


def test_methods_and_hypotheses_stay_untyped():
    cases = [
        # PMC 2762857, 3017527: methods sentences in the past tense, no observation cue ("later" is none)
        ("Measures of subsequent behavior were taken 1 week later.", [("OUTCOME", "subsequent behavior")]),
        ("Subjects maintained their normal dietary habits and physical activity without major variations.",
         [("OUTCOME", "physical activity")]),
        # PMC 3636800: a hypothesis ("It was also predicted that ... would"), comparatives and all
        ("It was also predicted that a native smartphone application would (1) yield a greater number of data points, "
         "(2) take less time, and (3) be more positively appraised by patient participant users than the text-based "
         "system.", [("INTERVENTION", "native smartphone application"), ("OUTCOME", "time")]),
    ]
    for sentence, ents in cases:
        assert types_of(DESIGN + sentence, entities=ents)[1] is None, sentence


def test_the_cue_is_read_outside_entity_names_and_in_the_past_tense():
    # PMC 4056626 with the cue inside the OUTCOME entity: no cue of the sentence's own
    text = "CPP did not vary with ETS."
    view = sentence_views(make_record(text, [("OUTCOME", "CPP did not vary")]))[0]
    assert OBSERVED.search(text) and not observed_plain(view)
    # the same cue in the present tense generalises (past_result): no observed result
    text = "Quality of life (SF-36) is not different."
    present = sentence_views(make_record(text, [("OUTCOME", "Quality of life (SF-36)")]))[0]
    assert OBSERVED.search(text) and not observed_plain(present)
    # a hedge reaches it
    text = "CPP probably did not vary with ETS."
    view = sentence_views(make_record(text, [("OUTCOME", "CPP")]))[0]
    assert OBSERVED.search(text) and not observed_plain(view)
    assert observed_plain(sentence_views(make_record("CPP did not vary with ETS.", [("OUTCOME", "CPP")]))[0])


CONCLUSIONS = [  # conclusion sentences of EI train-side abstracts: a result, then a clause that interprets it
    ("Cold-pressed turnip rapeseed oil had favourable effects on circulating LDL cholesterol and oxidized LDL, which "
     "may be important in the management of patients at high cardiovascular risk.",  # PMC 3017527
     [("INTERVENTION", "Cold-pressed turnip rapeseed oil"), ("OUTCOME", "circulating LDL cholesterol"),
      ("OUTCOME", "oxidized LDL")]),
    ("In this small study, there was a clear difference in response depending on HIV status, suggesting that EE with "
     "superimposed HIV enteropathy may be a distinct pathophysiological condition.",  # PMC 3897937
     [("OUTCOME", "response"), ("OUTCOME", "HIV status")]),
]


def test_a_conclusion_with_an_interpreting_clause_states_its_result():
    for sentence, ents in CONCLUSIONS:
        assert hedged(sentence) and not hedged(seen_part(sentence)), sentence
        assert types_of(sentence, sections=["CONCLUSIONS"], entities=ents) == ["finding"], sentence


def test_a_hedge_before_the_result_still_hedges_it():
    # PMC 3267522: the hedge governs the whole sentence, no comma sets a seen result apart
    sentence = ("The results suggest that GCA may be an effective nutraceutical in reducing weight in preobese adults, "
                "and may be an inexpensive means of preventing obesity in overweight adults.")
    assert hedged(seen_part(sentence))
    ents = [("INTERVENTION", "GCA"), ("OUTCOME", "weight")]
    assert types_of(sentence, sections=["CONCLUSIONS"], entities=ents) == ["conclusion"]
