"""The value each item of a result list reports (:mod:`claimex.annotate.outcome_valueslots`) and the siblings rule
reading a list past those values (issue 10, docs/claims.md 34.x, s20-found). Sentences are real ones from
``../shared`` (Evidence Inference train articles, no findings-gold abstract: PMC1794469, PMC3525331, PMC3651308).

The tagger's spans are given by hand (as the shipped tagger gives them), so the rule is tested alone."""

from __future__ import annotations

import pytest
from span_helpers import char_spans  # tests/ is on sys.path through its conftest

from claimex.annotate.entities import claim_entities, set_entities
from claimex.annotate.outcome_lists import OutcomeLists, Tokens
from claimex.annotate.outcome_valueslots import value_slots

LANDMARK = ("In the landmark group, puncture of the carotid artery occurred in 10.6% of patients, haematoma in 8.4%, "
            "haemothorax in 1.7%, pneumothorax in 2.4%, and central venous catheter-associated blood stream infection "
            "in 16%, which were all significantly increased compared with the ultrasound group (p < 0.001).")


@pytest.fixture(scope="module")
def nlp():
    from claimex.annotate import build_pipeline

    return build_pipeline()


def outcomes(nlp, text: str, tagged: list[tuple[str, str]]) -> list[str]:
    doc = nlp(text)
    spans = char_spans(doc, text, tagged)
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    doc = OutcomeLists()(doc)
    return [x.span.text for x in claim_entities(doc) if x.label == "OUTCOME"]


def slot_texts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    t = Tokens(doc)
    return [doc[a:b].text for a, b in sorted(value_slots(t, 0, t.n).items())]


def test_the_values_of_a_result_list_are_slots(nlp):
    assert slot_texts(nlp, LANDMARK) == ["in 10.6% of patients", "in 8.4%", "in 1.7%", "in 2.4%", "in 16%"]


def test_a_bare_number_is_a_value_only_with_a_percentage_or_a_comparison(nlp):
    # "week 12" and "64 (sd 20)" are a time point and a statistic, not the value an item reports
    assert slot_texts(nlp, "Compared with the placebo group, the CXDT-HFG group showed significant reduction in "
                           "migraine days and attacks frequency at week 12 and follow-up period (P < 0.05).") == []
    assert slot_texts(nlp, "Mean IBS SSS score 241.9 (sd 87.7), IBS-QOL 64 (sd 20) at baseline.") == []


def test_the_list_runs_on_over_the_values_to_its_untagged_items(nlp):
    tagged = [("INTERVENTION", "landmark"), ("OUTCOME", "carotid artery"), ("OUTCOME", "pneumothorax"),
              ("OUTCOME", "central venous catheter-associated blood stream infection")]
    got = outcomes(nlp, LANDMARK, tagged)
    assert "haematoma" in got and "haemothorax" in got


def test_no_item_is_taken_past_a_number_that_reports_no_value(nlp):
    text = ("Compared with the placebo group, the CXDT-HFG group showed significant reduction in migraine days and "
            "attacks frequency at week 12 and follow-up period (P < 0.05) as well as in the reduction of VAS scores at "
            "follow-up period.")
    got = outcomes(nlp, text, [("OUTCOME", "migraine days"), ("OUTCOME", "attacks frequency at week")])
    assert "follow-up period" not in got
