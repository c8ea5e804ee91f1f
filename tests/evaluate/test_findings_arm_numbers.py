"""The findings scorer reads an arm's numbers (claimex.evaluate.findings_match: number_words, arm_words, entity_names).

Arm phrases from Evidence Inference 2.0 train prompts and their abstracts (../shared/corpora/evidence-inference-v2):
PMC1174954 (risedronate 5 mg / 15 mg / placebo), PMC3701780 (atorvastatin 10 mg / 40 mg), PMC5545112 (vitamin D3
2,000 / 4,000 IU), PMC3493722 (1-week / 2-week rescue therapy), PMC3558408 (C:V ratios).
"""

from __future__ import annotations

from claimex.evaluate.findings_match import arm_words, content_words, entity_names, is_bare, names_arm, number_words
from claimex.schema import Entity

SENTENCE = "Risedronate (15 mg) significantly reduced markers of cartilage degradation and bone resorption."
RANDOMISED = "Patients were randomized to once-daily risedronate (5 mg or 15 mg) or placebo."


def ent(text: str) -> Entity:
    return Entity(id="E1", label="INTERVENTION", start=0, end=len(text), text=text)


def arm(phrase: str) -> list[frozenset[str]]:
    return [arm_words(phrase)]


def test_doses_durations_codes_and_ratios_are_arm_words():
    assert arm_words("atorvastatin 10 mg") == {"atorvastatin", "10", "mg"}
    assert number_words("2,000 IU  of oral vitamin D3") == {"2000", "3"}
    assert number_words("4,000 IU of oral vitamin D3") == {"4000", "3"}
    assert number_words("1-week quadruple rescue therapy") == {"1"}
    assert number_words("The C:V ratios 3:1,") == {"3:1"} != number_words("The C:V ratios 9:3")
    assert number_words("thimerosal-free vaccine 0.50 mL") == number_words("0.5 mL") == {"0.5"}


def test_labels_counts_and_years_are_not():
    phrase = "atorvastatin 10 mg treatment group (group I: n = 35"
    assert number_words(phrase) == {"10"}
    assert number_words("A total of 70 patients with VAP were divided into two groups") == frozenset()
    assert number_words("group 1") == number_words("2 groups") == frozenset()
    assert number_words("developed in China since 2003") == frozenset()
    assert is_bare(ent("group 1")) and not is_bare(ent("the 15 mg group"))


def test_an_entity_names_its_dose_and_not_the_other():
    high, low = arm("risedronate 15 mg"), arm("risedronate 5 mg")
    named = ent(SENTENCE[:SENTENCE.index(" significantly")])  # "Risedronate (15 mg)"
    assert entity_names(named, high, low) and not entity_names(named, low, high)
    assert entity_names(ent("15 mg risedronate"), high, low)
    # the drug alone, or both doses, tells the arms apart no better than before
    assert not entity_names(ent("Risedronate"), high, low) and not entity_names(ent("Risedronate"), low, high)
    both = ent(RANDOMISED[RANDOMISED.index("risedronate"):RANDOMISED.index(" or placebo")])
    assert not entity_names(both, high, low) and not entity_names(both, low, high)
    assert entity_names(ent("atorvastatin 40 mg"), arm("atorvastatin 40 mg "), arm("atorvastatin 10 mg"))


def test_a_dose_the_arm_does_not_hold_is_not_that_arm():
    high, placebo = arm("risedronate 15 mg"), arm("placebo")
    assert entity_names(ent("Risedronate"), high, placebo)
    assert entity_names(ent("risedronate at 15 mg"), high, placebo)
    assert not entity_names(ent("risedronate 5 mg"), high, placebo)


def test_arms_without_numbers_are_judged_on_letters_as_before():
    drug, placebo = arm("risedronate"), arm("placebo")
    for text in ("Risedronate (15 mg)", "risedronate (5 mg or 15 mg)", "Risedronate", "placebo", "group 1"):
        letters_only = names_arm(content_words(text), drug, placebo)
        assert entity_names(ent(text), drug, placebo) == letters_only
    assert entity_names(ent("Risedronate (15 mg)"), drug, placebo)


def test_an_arms_duration_does_not_dilute_an_entity_without_numbers():
    # Evidence Inference validation prompt, PMC5976302: "insoles" names the insole arm's letters as before
    insoles, control = arm("arch support insoles for 12 weeks"), arm("did not wear the insoles")
    assert entity_names(ent("insoles"), insoles, control) == names_arm(
        content_words("insoles"), [content_words("arch support insoles for 12 weeks")], control)
    assert not entity_names(ent("insoles"), control, insoles)
    assert entity_names(ent("insoles for 12 weeks"), insoles, control)
