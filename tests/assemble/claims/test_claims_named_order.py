"""Values written side by side for the arms a clause names pair up in the order the arms were named
(:mod:`claimex.assemble.claims.namedorder`), and a people noun or a unit between a value and its arm
(:data:`claimex.assemble.claims.link._FOLLOWING`). Real sentences: Evidence Inference train abstracts, the OPEN tune
half, Evidence Inference unlabelled / PICO-Corpus abstracts outside the findings gold."""

from claims_helpers import claims_of, ent, make_record, measure


def _linked(rec):
    return {a.measure: a.arm for c in claims_of(rec) for a in c.arms}


def test_bracketed_values_after_a_comparison_of_two_arms():
    # Evidence Inference train 3580671: both values went to the Bolus group (the arm before the bracket)
    text = ("Microbiological success rate was higher in the Infusion group as opposed to the Bolus group "
            "(90.6% vs. 78.4%; P = 0.020).")
    rec = make_record(text, [("OUTCOME", "Microbiological success rate"), ("INTERVENTION", "Infusion"),
                             ("COMPARATOR", "Bolus")])
    linked = _linked(rec)
    assert linked[measure(rec, "90.6%")] == ent(rec, "Infusion")
    assert linked[measure(rec, "78.4%")] == ent(rec, "Bolus")
    claim = claims_of(rec)[0]
    assert claim.direction == "increase" and claim.significant is True


def test_values_compared_between_arm_mentions():
    # OPEN tune, Evidence Inference 4877983: the first value was not linked, the direction was wrong
    text = ("ACS use for the <5th percentile infants in the intervention clusters was 49.1 % compared to 13.8 % in "
            "the control clusters.")
    rec = make_record(text, [("OUTCOME", "ACS use"), ("INTERVENTION", "intervention"), ("COMPARATOR", "control")])
    linked = _linked(rec)
    assert linked[measure(rec, "49.1 %")] == ent(rec, "intervention")
    assert linked[measure(rec, "13.8 %")] == ent(rec, "control")
    assert claims_of(rec)[0].direction == "increase"


def test_respectively_after_arms_that_are_not_a_list():
    # Evidence Inference train 3269572
    text = ("The metastasis-to-liver SI ratio was significantly higher after CMC-001 than after gadobenate "
            "dimeglumine (0.51 and 0.21 respectively, P < 0.0001).")
    rec = make_record(text, [("OUTCOME", "metastasis-to-liver SI ratio"), ("INTERVENTION", "CMC-001"),
                             ("COMPARATOR", "gadobenate dimeglumine")])
    linked = _linked(rec)
    assert linked[measure(rec, "0.51")] == ent(rec, "CMC-001")
    assert linked[measure(rec, "0.21")] == ent(rec, "gadobenate dimeglumine")


def test_each_arm_with_its_own_before_and_after_values_is_not_an_order():
    # Evidence Inference train 4734805: a bracket of two values after each arm is that arm's before / after
    text = ("The central retinal thickness did not show significant changes after treatment when compared to baseline "
            "as follows: in the bromfenac group (247.2±32.9 vs 252.0±24.9 μm; P=0.958) and in nepafenac group "
            "(250.8±34 vs 264.0±34.1 μm; P=0.045).")
    rec = make_record(text, [("OUTCOME", "central retinal thickness"), ("INTERVENTION", "bromfenac"),
                             ("COMPARATOR", "nepafenac")])
    linked = _linked(rec)
    assert linked.get(measure(rec, "252.0±24.9 μm")) != ent(rec, "nepafenac")


def test_reference_named_first_gives_no_order():
    # PICO-Corpus 27461049 (outside the gold): the values are in the subject's order, not the order of mention
    text = ("Compared with controls, participants in the intervention group had higher increases in plasma lutein "
            "(+20.4% vs. -11.5%; P < 0.01).")
    rec = make_record(text, [("COMPARATOR", "controls"), ("INTERVENTION", "intervention"),
                             ("OUTCOME", "plasma lutein")])
    linked = _linked(rec)
    assert linked.get(measure(rec, "+20.4%")) != ent(rec, "controls")


def test_a_people_noun_or_a_unit_between_value_and_arm():
    # Evidence Inference train 4169371 and 1766476: no value was linked
    text = ("Weight gain was observed in 318 (86.2%) patients in the ABLE group and 103 (84.4%) patients in the LAmB "
            "group (Figure 3b).")
    rec = make_record(text, [("OUTCOME", "Weight gain"), ("INTERVENTION", "ABLE"), ("COMPARATOR", "LAmB")])
    linked = _linked(rec)
    assert linked[measure(rec, "318")] == ent(rec, "ABLE")
    assert linked[measure(rec, "103")] == ent(rec, "LAmB")
    text = ("The crude postoperative fall incidence rate was 6.29/1,000 days in the intervention group vs "
            "16.28/1,000 days in the control group.")
    rec = make_record(text, [("OUTCOME", "crude postoperative fall incidence rate"),
                             ("INTERVENTION", "intervention"), ("COMPARATOR", "control")])
    linked = _linked(rec)
    assert linked[measure(rec, "6.29")] == ent(rec, "intervention")
    assert linked[measure(rec, "16.28")] == ent(rec, "control")
