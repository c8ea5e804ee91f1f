"""A comparison in a sentence that also measures the change against the arm's own start ("from baseline", "vs.
baseline", "pre- and post-", "over the 12-week period") reports two findings (GUIDELINES, Findings: "the same outcome
within a group over time and between groups in one sentence gives two findings"): the comparison, with its
comparator, and the change within the arm, single-arm, one per arm when each arm has its own figures (issue 10,
session 16; docs/claims-rounds.md section 30.1). Real sentences from ../shared: Evidence Inference unlabelled abstracts
outside the findings gold (PMC3692346, PMC4298817, PMC4749757, PMC4320624)."""

from claims_helpers import entity_texts, findings_opening, make_record

from claimex.assemble.claims.reporting import changed_over_time
from claimex.assemble.claims.significance import OVER_TIME, WITHIN_CHANGE

# PMC3692346: the title, the allocation and two results of the randomised HD / GD trial
ASTHMA = (
    "Early achievement and maintenance of stable asthma control using initially higher-dose inhaled corticosteroids "
    "as part of combination therapy: an open-label pilot study. "
    "This was a randomized, open-label, prospective study including patients with uncontrolled asthma who were "
    "randomized to receive higher-dose (HD) ICS in combination with a long-acting beta-agonist (LABA) for one month "
    "and then shifted to doses suggested in the practice guidelines (GD) or to receive GD therapy alone. "
    "The increase in FEV1 from baseline was greater in the HD group than in the GD group, especially during the "
    "first month of treatment (304 ± 49 mL versus 148 ± 39 mL, respectively, P = 0.01). "
    "Numbers of patients with completely or well controlled asthma were higher in the HD group than in the GD group "
    "(92.1% versus 81.1%, respectively, P = 0.03).")


def _asthma():
    return make_record(ASTHMA, [
        ("INTERVENTION", "higher-dose (HD) ICS"), ("COMPARATOR", "GD therapy alone"),
        ("INTERVENTION", "HD group"), ("COMPARATOR", "GD group"), ("OUTCOME", "FEV1"),
        ("INTERVENTION", "HD group", 1), ("COMPARATOR", "GD group", 1),
        ("OUTCOME", "completely or well controlled asthma")], title=True)


def test_a_comparison_of_the_change_from_baseline_also_gives_the_change_of_the_arm():
    rec = _asthma()
    claims = findings_opening(rec, "The increase in FEV1")
    compared = [c for c in claims if c.direction in ("increase", "decrease", "no_difference")]
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert compared and all(c.comparator for c in compared)
    assert judged and all(not c.comparator and c.direction == "positive" for c in judged)
    # "(304 ± 49 mL versus 148 ± 39 mL, respectively)": each arm has its own figures (the values pair with the arms
    # in the order they were named, :mod:`claimex.assemble.claims.namedorder`), so each arm's change is its own finding
    assert sorted(entity_texts(rec, c.intervention)[0] for c in judged) == ["GD group", "HD group"]


def test_a_comparison_with_no_time_in_it_gives_the_comparison_only():
    claims = findings_opening(_asthma(), "Numbers of patients")
    assert claims and all(c.direction in ("increase", "decrease", "no_difference") and c.comparator for c in claims)


def test_over_time_is_the_arm_against_its_own_start_not_a_place():
    # PMC4749757, PMC4320624 (results); "in both groups" is where, not when: within the arms, not over time
    for text in ("PR-fampridine therapy resulted in greater median improvements from baseline in MSWS-12 score, TUG "
                 "speed and BBS total score versus placebo over 24 weeks.",
                 "Dose-dependent changes from baseline in trough FEV1 versus placebo were 0.102 L.",
                 "HbA1c fell by 1.2% vs. baseline in the insulin group."):
        assert OVER_TIME.search(text), text
    both = "Pain scores decreased in both groups."
    assert WITHIN_CHANGE.search(both) and not OVER_TIME.search(both)
    # "versus" an arm is no start
    assert not OVER_TIME.search("The increase in FEV1 was greater versus placebo.")


def test_over_time_needs_a_change_word_outside_the_roles():
    text = "Mean change from baseline in HbA1c was -1.1% with drug A and -0.6% with drug B."
    assert changed_over_time(text, text)
    # the change word inside the outcome span (blanked in the cue text) is the outcome's name, no change said
    masked = text.replace("Mean change from baseline in HbA1c", " " * len("Mean change from baseline in HbA1c"))
    assert not changed_over_time(text, masked)


# PMC4298817 (title, allocation, first result): each arm has its own figures ("group L, -1.1 vs. group ML, -4.3")
PROSTATITIS = (
    "The Efficacy of Mirodenafil for Chronic Prostatitis/Chronic Pelvic Pain Syndrome in Middle-Aged Males. "
    "Eighty-eight males with CP/CPPS were randomized to receive either levofloxacin (500 mg/d) (group L, 40 patients) "
    "or levofloxacin (500 mg/d) and mirodenafil (50 mg/d) (group ML, 48 patients) for six weeks. "
    "The mean change in total IPSS from baseline was higher in group ML than that in group L (group L, -1.1 vs. "
    "group ML, -4.3; p<0.05).")


def test_the_change_of_arms_with_their_own_figures_is_one_finding_per_arm():
    rec = make_record(PROSTATITIS, [
        ("INTERVENTION", "Mirodenafil"), ("COMPARATOR", "levofloxacin (500 mg/d)"),
        ("INTERVENTION", "levofloxacin (500 mg/d) and mirodenafil (50 mg/d)"), ("OUTCOME", "total IPSS"),
        ("INTERVENTION", "group ML", 1), ("COMPARATOR", "group L", 1), ("COMPARATOR", "group L", 2),
        ("INTERVENTION", "group ML", 2)], title=True)
    claims = findings_opening(rec, "The mean change")
    compared = [c for c in claims if c.direction in ("increase", "decrease", "no_difference")]
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert compared and all(c.comparator for c in compared)
    assert all(not c.comparator for c in judged)
    assert {tuple(entity_texts(rec, c.intervention)) for c in judged} == {("group ML",), ("group L",)}
