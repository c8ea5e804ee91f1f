"""A change said of every arm beside a no difference between the arms gives two findings (GUIDELINES, Findings: "the
same outcome within a group over time and between groups in one sentence gives two findings"): the comparison's no
difference and the change within the arms, judged in its own stretch of the sentence (issue 10, session 20;
docs/claims-rounds.md section 34.3, ``claims/everyarm.py``). And a no difference with a hyphenated modifier ("no between-group
differences") is a no-difference phrase. Real sentences from ../shared outside the findings gold: Evidence Inference
train abstracts PMC3961245, PMC3646683, PMC4169371, Evidence Inference unlabelled abstracts 4114185, 2909923,
1489930, 2967098, 3263747, 4501118."""

from claims_helpers import claims_of, make_record

from claimex.assemble.claims.everyarm import every_arm_change
from claimex.assemble.claims.significance import BETWEEN_NULL, NOT_SIGNIFICANT

# PMC3961245: the allocation and a result of the STRE / FLEX trial
FIBROMYALGIA = (
    "Eighty sedentary women with FM were randomly selected to participate in STRE or flexibility (FLEX) exercises "
    "in a blinded controlled trial. "
    "Both groups showed improvements in the QOL, and there was no significant difference observed between the "
    "groups.")

# PMC3646683: the allocation and a result of the health coaching / usual care trial
CORONARY = (
    "430 adult myocardial infarction patients were randomised to a six-month CHD secondary prevention health coaching "
    "intervention or usual care control group. "
    "Improvements in health status (SF-6D) were observed in both groups, with no significant difference between the "
    "groups at six [0.012 (-0.016, 0.041), p = 0.372] or 12 months [0.011 (-0.028, 0.051) p = 0.738].")


def _result(record):
    last = len(record.sentences) - 1
    return [c for c in claims_of(record) if c.sentence == last and c.type == "finding"]


def test_a_change_in_both_groups_beside_a_no_difference_gives_both_findings():
    rec = make_record(FIBROMYALGIA, [("INTERVENTION", "STRE"), ("COMPARATOR", "flexibility (FLEX) exercises"),
                                     ("OUTCOME", "QOL")])
    claims = _result(rec)
    compared = [c for c in claims if c.direction == "no_difference"]
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert compared and all(c.significant is False for c in compared)
    # the change is each arm's own, its significance not stated: the between-arm null is no test of it
    assert judged and all(c.direction == "positive" and c.significant is None and not c.comparator for c in judged)


def test_the_change_is_judged_in_its_own_stretch_not_by_the_comparisons_tests():
    rec = make_record(CORONARY, [("INTERVENTION", "health coaching intervention"),
                                 ("COMPARATOR", "usual care control group"), ("OUTCOME", "health status (SF-6D)")])
    claims = _result(rec)
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert any(c.direction == "no_difference" and c.significant is False for c in claims)
    assert judged and all(c.direction == "positive" and c.significant is None and c.p_value is None for c in judged)


def test_the_stretch_is_the_change_said_of_every_arm():
    text = "FMMA score improved in all groups, but no intergroup differences were found at any time points."
    a, b = every_arm_change(text, text)
    assert text[a:b].strip() == "FMMA score improved in all groups"
    # a bracket that holds the null is the comparison's: the stretch ends before it
    text = ("Power output for the final sprint was increased by ~33% in both groups (creatine vs. placebo not "
            "significant).")
    a, b = every_arm_change(text, text)
    assert text[a:b].rstrip().endswith("in both groups")


def test_a_no_difference_said_of_the_change_itself_is_one_comparison():
    for text in ("Weight gain and decrease in spleen size were similar in both groups.",
                 "Overall, the improvement seen was similar in both intervention and ethnic control groups and there was "
                 "no significant difference in the amount of change (P = 0.36 CI -0.9 to +2.6).",
                 "Comparison of the improvement rate in both study groups revealed no significant difference."):
        assert every_arm_change(text, text) is None, text
    # no change word outside the roles (blanked in the cue text): nothing changed in the arms
    text = "Improvements were observed in both groups, with no significant difference between the groups."
    masked = text.replace("Improvements", " " * len("Improvements"))
    assert every_arm_change(text, masked) is None


def test_a_no_difference_with_a_hyphenated_modifier_is_read():
    for text in ("There were no between-treatment differences in miglustat pharmacokinetics.",
                 "Cytokine analyses demonstrated no between-groups differences."):
        assert NOT_SIGNIFICANT.found(text), text
        assert BETWEEN_NULL.search(text), text
