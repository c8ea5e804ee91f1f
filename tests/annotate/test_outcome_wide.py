"""Widened OUTCOME spans (:mod:`claimex.annotate.outcome_wide`): a claims-layer OUTCOME span extends over the
free words of its ``pico_wide`` run (the tagger's probabilities over the weak floor), joins a second OUTCOME span
of the run that only connecting words part, and stops at list separators, verbs, result words and time/place
phrases; the token-level PICO layer never changes. Sentences are real ones from ``../shared`` (PubMed XML
samples, not in the findings gold); the tagger's spans and runs are given by hand, so the rule is tested alone."""

from __future__ import annotations

import pytest
from span_helpers import char_spans  # tests/ is on sys.path through its conftest

from claimex.annotate.entities import WIDE_KEY, claim_entities, get_entities, set_entities
from claimex.annotate.outcome_lists import OutcomeLists


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def run(nlp, text: str, tagged: list[tuple[str, str]], wide: list[str] | None):
    """The doc after the component, given the tagger's (label, text) spans and its ``pico_wide`` runs."""
    doc = nlp(text)
    spans = char_spans(doc, text, tagged)
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    if wide is not None:
        set_entities(doc, char_spans(doc, text, [("OUTCOME", w) for w in wide]), key=WIDE_KEY)
    return OutcomeLists()(doc)


def outcomes(doc) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == "OUTCOME"]


# PubMed XML samples
REDUCTION = "Results of the present study suggest a compensatory reduction in PA in response to aerobic exercise."
LOSS = "No significant difference was found in the mean corneal endothelial cell loss between the groups."
STAY = ("Greater use of clinically relevant anticholinergic medications was related to longer length of stay but "
        "not discharge disposition.")
HORMONE = "Normal serum phosphate and parathyroid hormone were observed in HMWKO mice."


def test_a_span_takes_in_the_premodifiers_of_its_run(nlp):
    doc = run(nlp, LOSS, [("OUTCOME", "corneal endothelial cell loss")], ["mean corneal endothelial cell loss"])
    assert outcomes(doc) == ["mean corneal endothelial cell loss"]
    assert [x.span.text for x in get_entities(doc)] == ["corneal endothelial cell loss"]  # PICO layer unchanged


def test_without_the_runs_nothing_changes(nlp):
    doc = run(nlp, LOSS, [("OUTCOME", "corneal endothelial cell loss")], None)
    assert outcomes(doc) == ["corneal endothelial cell loss"]


def test_two_spans_of_one_run_join_but_a_comparison_word_stays_out(nlp):
    # "[length] of [stay]": one outcome; "longer" is the result, not part of the outcome's name
    doc = run(nlp, STAY, [("OUTCOME", "length"), ("OUTCOME", "stay")], None)
    assert "length of stay" not in outcomes(doc)
    doc = run(nlp, STAY, [("OUTCOME", "length"), ("OUTCOME", "stay")], ["longer length of stay"])
    assert "length of stay" in outcomes(doc) and "stay" not in outcomes(doc)
    assert not any("longer" in o for o in outcomes(doc))


def test_a_change_noun_does_not_join_the_outcome_it_changes(nlp):
    # "[reduction] in [PA]": the change is the result and PA the outcome
    doc = run(nlp, REDUCTION, [("OUTCOME", "compensatory reduction"), ("OUTCOME", "PA")],
              ["compensatory reduction in PA"])
    assert "PA" in outcomes(doc) and not any("reduction in" in o for o in outcomes(doc))


def test_a_span_stops_at_a_list_separator_and_at_the_verb(nlp):
    doc = run(nlp, HORMONE, [("OUTCOME", "serum phosphate"), ("OUTCOME", "parathyroid hormone")],
              ["Normal serum phosphate and parathyroid hormone were observed in HMWKO"])
    assert outcomes(doc) == ["Normal serum phosphate", "parathyroid hormone"]


def test_an_entity_of_another_label_bounds_the_growth(nlp):
    doc = run(nlp, STAY, [("INTERVENTION", "anticholinergic medications"), ("OUTCOME", "discharge disposition")],
              ["clinically relevant anticholinergic medications"])
    assert "discharge disposition" in outcomes(doc) and not any("anticholinergic" in o for o in outcomes(doc))
    assert [x.span.text for x in claim_entities(doc) if x.label == "INTERVENTION"] == ["anticholinergic medications"]


# Evidence Inference 2.0 (PMC 3573541, not in the findings gold)
LESSER = ("Significantly lesser number of women in the yoga group (n = 3) developed pregnancy-induced hypertension "
          "(PIH) / pre-eclampsia (PE) than those in the control group (n = 12).")


def test_a_comparative_stays_out_of_the_outcome(nlp):
    doc = run(nlp, LESSER, [("OUTCOME", "number of women"), ("INTERVENTION", "yoga")], ["lesser number of women"])
    assert "number of women" in outcomes(doc) and not any("lesser" in o for o in outcomes(doc))


# PubMed XML samples
CAPSULOTOMY = "Four eyes (3.3%) required neodymium:YAG capsulotomy."


def test_an_arm_span_inside_the_outcomes_run_is_a_modifier_of_the_outcome(nlp):
    tagged = [("INTERVENTION", "neodymium:YAG"), ("OUTCOME", "capsulotomy")]
    doc = run(nlp, CAPSULOTOMY, tagged, ["neodymium:YAG capsulotomy"])
    assert outcomes(doc) == ["neodymium:YAG capsulotomy"]
    assert [x.label for x in claim_entities(doc)] == ["OUTCOME"]
    assert [x.span.text for x in get_entities(doc)] == ["neodymium:YAG", "capsulotomy"]  # PICO layer unchanged
    doc = run(nlp, CAPSULOTOMY, tagged, ["capsulotomy"])  # the arm's words are under the floor: it stays an arm
    assert outcomes(doc) == ["capsulotomy"]
    assert [x.label for x in claim_entities(doc)] == ["INTERVENTION", "OUTCOME"]


# PubMed XML samples 21615262
TESTS = ("In a series of studies, our lab has developed tests of cognitive function and stress response, which are "
         "sensitive to drug effects.")


def test_a_widened_pair_that_is_now_a_list_splits_into_its_items(nlp):
    tagged = [("OUTCOME", "cognitive function and stress")]
    assert outcomes(run(nlp, TESTS, tagged, None)) == ["cognitive function and stress"]  # too short to split
    assert outcomes(run(nlp, TESTS, tagged, ["cognitive function and stress response"])) == [
        "cognitive function", "stress response"]


# PICO-Corpus 31229205, Evidence Inference unlabelled 2954378, PICO-Corpus 20652755 (not in the findings gold)
AMPLITUDE = ("Sensory action potential amplitude of the median nerve was significantly higher and the tibial nerve "
             "latency was significantly shorter in the CMG compared to the CG at week 12.")
VARIABILITY = ("The variability of the median day-to-day forced expiratory volume in 1 s (FEV1) was 72.5 mL (25th "
               "percentile of 40 mL and 75th percentile of 130 mL).")
SAFETY = ("To assess the long-term safety of no axillary clearance in elderly patients with breast cancer and "
          "nonpalpable axillary nodes.")


def test_two_names_parted_by_of_are_one_outcome_where_the_run_dips_on_of(nlp):
    # the tagger's run covers the measure and dips on "of": the measured site is still part of the outcome's name
    tagged = [("OUTCOME", "Sensory action potential amplitude"), ("OUTCOME", "median nerve"),
              ("OUTCOME", "tibial nerve latency")]
    doc = run(nlp, AMPLITUDE, tagged, ["Sensory action potential amplitude", "tibial nerve latency"])
    assert outcomes(doc) == ["Sensory action potential amplitude of the median nerve", "tibial nerve latency"]
    tagged = [("OUTCOME", "variability"), ("OUTCOME", "median day-to-day forced expiratory volume in 1 s (FEV1)")]
    doc = run(nlp, VARIABILITY, tagged, ["variability"])
    assert outcomes(doc) == ["variability of the median day-to-day forced expiratory volume in 1 s (FEV1)"]


def test_an_evaluated_treatment_after_of_stays_apart(nlp):
    # "safety of X": X is what is evaluated (here a treatment the tagger read as an outcome), not part of the name
    doc = run(nlp, SAFETY, [("OUTCOME", "safety"), ("OUTCOME", "no axillary clearance")], ["long-term safety"])
    assert outcomes(doc) == ["long-term safety", "no axillary clearance"]
