"""What the counted patients did is the outcome, also where the tagger read its object as an arm
(:mod:`claimex.annotate.outcome_countarms`; issue 10, docs/claims-rounds.md 34.5, s20-found). Sentences are real ones from
``../shared`` (Evidence Inference train articles, no findings-gold abstract: PMC5244530, PMC4169371).

The tagger's spans are given by hand (as the shipped tagger gives them), so the rule is tested alone."""

from __future__ import annotations

import pytest
from span_helpers import char_spans  # tests/ is on sys.path through its conftest

from claimex.annotate.entities import claim_entities, set_entities
from claimex.annotate.outcome_lists import OutcomeLists


@pytest.fixture(scope="module")
def nlp():
    from claimex.annotate import build_pipeline

    return build_pipeline()


def entities(nlp, text: str, tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = nlp(text)
    spans = char_spans(doc, text, tagged)
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    doc = OutcomeLists()(doc)
    return [(x.label, x.span.text) for x in claim_entities(doc)]


def test_the_predicate_of_the_counted_patients_holding_an_arm_span_is_the_outcome(nlp):
    text = ("However, significantly more patients in the intervention group continued antidepressants until the 6 "
            "month follow-up (86/125 vs 78/133, p < 0.05).")
    got = entities(nlp, text, [("INTERVENTION", "intervention"), ("INTERVENTION", "antidepressants")])
    assert ("OUTCOME", "continued antidepressants") in got
    assert ("INTERVENTION", "antidepressants") not in got
    assert ("INTERVENTION", "intervention") in got  # the arm of the subject keeps its label


def test_a_flow_verb_gives_no_outcome(nlp):
    text = ("A total of 50 (13.3%) patients discontinued the study in the ABLE group compared to 2 patients (1.6%) in "
            "the LAmB group (Figure 2).")
    got = entities(nlp, text, [("INTERVENTION", "ABLE"), ("INTERVENTION", "LAmB")])
    assert [label for label, _ in got] == ["INTERVENTION", "INTERVENTION"]


def test_a_sentence_that_names_an_outcome_is_left_alone(nlp):
    # where the tagger (or a rule) names an OUTCOME, the sentence's outcome is that one
    text = ("However, significantly more patients in the intervention group continued antidepressants until the 6 "
            "month follow-up (86/125 vs 78/133, p < 0.05).")
    tagged = [("INTERVENTION", "intervention"), ("INTERVENTION", "antidepressants"), ("OUTCOME", "follow-up")]
    got = entities(nlp, text, tagged)
    assert ("INTERVENTION", "antidepressants") in got
    assert [t for label, t in got if label == "OUTCOME"] == ["follow-up"]
