"""A comparison's no difference is not significant even when the rules read no test or null word (issue 10, session
16; GUIDELINES, Findings: ``significant: false`` always goes with ``no_difference`` in a comparison; docs/claims-rounds.md
section 30.4): a change word under a negation. The direction classifier's no difference keeps the significance the
rules read (setting it false too lost significance on the report half, 30.4). Real sentences from
../shared (Evidence Inference train abstracts outside the findings gold)."""

from claims_helpers import claims_of, entity_texts, make_record


def _results(text, entities, model=None):
    rec = make_record(text, entities)
    for sentence in rec.sentences:
        sentence.section = "RESULTS"
    return {tuple(entity_texts(rec, c.outcome)): (c.direction, c.significant) for c in claims_of(rec, model=model)}


def test_a_negated_change_of_the_arms_is_no_difference_not_significant():
    # Evidence Inference PMC4274342
    got = _results("There was no increase in the incidence of endometrial cancer or hyperplasia among postmenopausal "
                   "women treated with ospemifene compared with placebo.",
                   [("OUTCOME", "incidence of endometrial cancer"), ("INTERVENTION", "ospemifene"),
                    ("COMPARATOR", "placebo")], model="cues")
    assert got == {("incidence of endometrial cancer",): ("no_difference", False)}


def test_beside_another_outcomes_change_too():
    # Evidence Inference PMC2680972
    got = _results("Early ART resulted in less AIDS progression/death with no increase in adverse events or loss of "
                   "virologic response compared to deferred ART.",
                   [("INTERVENTION", "Early ART"), ("OUTCOME", "AIDS progression/death"), ("OUTCOME", "adverse events"),
                    ("COMPARATOR", "deferred ART")], model="cues")
    assert got == {("AIDS progression/death",): ("decrease", None), ("adverse events",): ("no_difference", False)}


def test_the_classifiers_no_difference_keeps_the_rules_significance():
    # Evidence Inference PMC3056193: "as safe and effective as" is no phrase of the rules; the shipped classifier
    # reads it as no difference, and no test or word states its significance
    got = _results("Placeboxetine is as safe and effective as sertraline in Indian patients with major depressive "
                   "disorder.", [("INTERVENTION", "Placeboxetine"), ("COMPARATOR", "sertraline"),
                                 ("OUTCOME", "major depressive disorder")])
    assert got == {("major depressive disorder",): ("no_difference", None)}
