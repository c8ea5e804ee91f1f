"""Weak OUTCOME spans (the tagger's second, lower-threshold decode) in the claims layer: taken only where they
overlap no entity (or, beside an arm, for their untagged part) and their sentence reports a result; never in the
token-level PICO layer. Sentences are real ones from ``../shared`` (PubMed XML samples, Evidence Inference).

The tagger's spans and its weak spans are given by hand, so the rule is tested alone."""

from __future__ import annotations

import pytest
from span_helpers import char_spans  # tests/ is on sys.path through its conftest

from claimex.annotate.entities import WEAK_KEY, claim_entities, get_entities, set_entities
from claimex.annotate.outcome_lists import OutcomeLists
from claimex.annotate.outcome_weak import result_sentences


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def run(nlp, text: str, tagged: list[tuple[str, str]], weak: list[str]):
    """The doc after the component, given the tagger's (label, text) spans and its weak OUTCOME texts (first
    occurrence of each text)."""
    doc = nlp(text)
    spans = char_spans(doc, text, tagged)
    set_entities(doc, spans, scores=[0.9] * len(spans), subtypes=[None] * len(spans))
    if weak:
        set_entities(doc, char_spans(doc, text, [("OUTCOME", w) for w in weak]), scores=[0.4] * len(weak), key=WEAK_KEY)
    return OutcomeLists()(doc)


def outcomes(doc) -> list[str]:
    return [x.span.text for x in claim_entities(doc) if x.label == "OUTCOME"]


# PubMed 26340864 (PubMed XML samples): the methods sentence names the outcome, the result sentence reports it
METHODS = "The primary outcome was objectively measured total amount of walking activity measured in steps/day."
RESULT = ("Women in the control group showed a decline of 1,191.6 (95% CI=-2243.7, -139.5) steps/day at 24 months "
          "compared to baseline.")


def test_a_weak_outcome_is_taken_in_a_result_sentence_only(nlp):
    # the weak span is the first "steps/day": the one of the methods sentence
    doc = run(nlp, METHODS + " " + RESULT, [("COMPARATOR", "control")], ["steps/day"])
    assert outcomes(doc) == []
    doc = run(nlp, RESULT, [("COMPARATOR", "control")], ["steps/day"])
    assert outcomes(doc) == ["steps/day"]
    assert [x.span.text for x in get_entities(doc)] == ["control"]  # the PICO layer is unchanged


def test_the_result_test_needs_a_result_word_or_a_result_measure(nlp):
    from claimex.annotate.outcome_lists import Tokens

    doc = nlp(METHODS + " " + RESULT)
    t = Tokens(doc)
    assert result_sentences(doc, t, t.sentences, {0, 1}) == {1}
    question = nlp("Is hands-on experience more effective than didactic workshops in postgraduate cancer pain "
                   "education ?")  # EvidenceMap 11199239, the title: a question reports nothing
    tq = Tokens(question)
    assert result_sentences(question, tq, tq.sentences, {0}) == set()


# Evidence Inference 5515187: "intervention" is tagged as the arm, the weak span runs over it
ARM = ("After 6 months intervention self-efficacy (< 0.001) and physical activity (< 0.001) improvement of in the "
       "intervention group was significantly different in comparison with the control group.")


def test_beside_an_arm_the_untagged_part_of_a_weak_span_is_an_outcome(nlp):
    doc = run(nlp, ARM, [("INTERVENTION", "intervention"), ("OUTCOME", "physical activity"),
                         ("COMPARATOR", "control")], ["intervention self-efficacy"])
    assert outcomes(doc) == ["self-efficacy", "physical activity"]
    assert [x.span.text for x in get_entities(doc) if x.label == "OUTCOME"] == ["physical activity"]


def test_a_weak_span_over_a_tagged_outcome_is_not_taken(nlp):
    # PubMed 26432115: the tagger has "mean defocus" (which outcome_names grows over "equivalent"); the weak
    # "mean defocus equivalent" overlaps it and adds no entity of its own
    text = "At 9 months, the mean defocus equivalent was 0.51 ± 0.47 D (P < .05)."
    doc = run(nlp, text, [("OUTCOME", "mean defocus")], ["mean defocus equivalent"])
    assert outcomes(doc) == ["mean defocus equivalent"]
    doc = run(nlp, text, [("OUTCOME", "mean defocus")], ["defocus equivalent was"])
    assert outcomes(doc) == ["mean defocus equivalent"]


def test_no_weak_layer_changes_nothing(nlp):
    doc = run(nlp, RESULT, [("COMPARATOR", "control")], [])
    assert outcomes(doc) == [] and WEAK_KEY not in doc.spans


def test_a_statistic_or_a_result_word_is_no_outcome(nlp):
    # EvidenceMap 32706953: the test's name; a weak "Significant improvement" (EvidenceMap) ends on a result word
    text = ("The clinical status distribution on day 11 between the 10-day remdesivir and standard care groups was "
            "not significantly different (P = .18 by Wilcoxon rank sum test).")
    doc = run(nlp, text, [("OUTCOME", "clinical status distribution"), ("INTERVENTION", "10-day remdesivir"),
                          ("COMPARATOR", "standard care")], ["rank sum test"])
    assert outcomes(doc) == ["clinical status distribution"]
    text = "Significant improvement was recorded for all symptoms at days 10 and 28 in all groups (p < 0.001)."
    doc = run(nlp, text, [("OUTCOME", "symptoms")], ["Significant improvement"])
    assert outcomes(doc) == ["symptoms"]


# Evidence Inference (unlabelled abstracts) 2920262: no result word and no result measure, but the tagger names
# outcomes in the sentence, so the one it almost tagged is an outcome of the same result (docs/claims-rounds.md 32.1)
THEMES = ("Positive effects on physical sensation, general well-being, community/social support and "
          "achievement/efficacy emerged as common themes.")
# PICO-Corpus 27017207: the same kind of sentence with no OUTCOME of the tagger's
NONINFERIOR = "The non-inferiority of TAP-144-SR (6M) to TAP-144-SR (3M) for E2 suppression was confirmed."


def test_a_weak_outcome_is_taken_beside_a_tagged_outcome_without_a_result_word(nlp):
    tagged = [("OUTCOME", "physical sensation"), ("OUTCOME", "general well-being"),
              ("OUTCOME", "community/social support")]
    doc = run(nlp, THEMES, tagged, ["achievement/efficacy"])
    assert outcomes(doc) == ["physical sensation", "general well-being", "community/social support",
                             "achievement/efficacy"]
    assert [x.span.text for x in get_entities(doc)] == [w for _, w in tagged]  # the PICO layer is unchanged
    # no OUTCOME of the tagger's and no result word: the weak span stays out
    doc = run(nlp, NONINFERIOR, [("INTERVENTION", "TAP-144-SR (6M)")], ["E2 suppression"])
    assert outcomes(doc) == []


def test_a_polarity_word_and_effects_name_no_outcome(nlp):
    tagged = [("OUTCOME", "physical sensation"), ("OUTCOME", "general well-being")]
    doc = run(nlp, THEMES, tagged, ["Positive effects", "achievement/efficacy"])
    assert "Positive effects" not in outcomes(doc)
    assert "achievement/efficacy" in outcomes(doc)


# Evidence Inference unlabelled 1913602 and PICO-Corpus 23522754 (outside the findings gold): no result word, no test,
# but two values of the outcome set side by side (docs/claims-rounds.md 35.4)
EXPOSURES = "Daily average PM2.5 exposures were 264 and 102 μg/m3 in the control and intervention groups, respectively."
METASTASIS = ("In the multifocal group, 51% had a metastasis in the sentinel node compared to 28% in the unifocal "
              "group; and further nodal involvement after a positive sentinel node was found in 40% (38/95) and 39% "
              "(39/101) respectively.")


def test_two_values_set_side_by_side_report_a_result(nlp):
    doc = run(nlp, EXPOSURES, [("COMPARATOR", "control"), ("INTERVENTION", "intervention")],
              ["average PM2.5 exposures"])
    assert outcomes(doc) == ["average PM2.5 exposures"]
    doc = run(nlp, METASTASIS, [("INTERVENTION", "multifocal"), ("INTERVENTION", "sentinel")], ["metastasis"])
    assert "metastasis" in outcomes(doc)


def test_one_value_or_values_without_a_comparison_word_report_nothing(nlp):
    # PubMed XML 25974212 (OPEN): two counts with percentages, no word that sets them side by side
    text = "With a median follow-up of 5·9 years, 7 (13%) patients have progressed and 4 (8%) have died (2 with DLBCL)."
    doc = run(nlp, text, [], ["progressed"])
    assert outcomes(doc) == []
