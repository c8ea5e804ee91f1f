"""A change written from one value to another ("decreased from 32.9% to 29.4%") measures the arm against its own start,
as "from baseline" does: beside a comparison it is a second, single-arm finding (GUIDELINES, Findings: "the same
outcome within a group over time and between groups in one sentence gives two findings"; issue 10, session 18;
docs/claims-rounds.md section 32.3). Real sentences from ../shared: Evidence Inference train abstracts outside the findings
gold (PMC3524756, PMC5852975, PMC4588995)."""

from claims_helpers import entity_texts, findings_opening, make_record

from claimex.assemble.claims.fromto import changed_from_to
from claimex.assemble.claims.reporting import changed_over_time

# PMC3524756: the title, the design and the first result of the randomised NHS Health Check trial
HEALTH_CHECK = (
    "NHS health checks through general practice: randomised trial of population cardiovascular risk reduction. "
    "Randomised trial comparing NHS Health Check service only with NHS Health Check service plus additional "
    "lifestyle support in Stoke on Trent, England. "
    "Average population CVD risk decreased from 32.9% to 29.4% (p <0.001) in the NHS Health Check only group and "
    "from 31.9% to 29.2% (p <0.001) in the NHS Health Check plus additional lifestyle support group. "
    "There was no significant difference between the two groups at either measurement point.")


def _health_check():
    return make_record(HEALTH_CHECK, [
        ("COMPARATOR", "NHS Health Check service only"),
        ("INTERVENTION", "NHS Health Check service plus additional lifestyle support"),
        ("OUTCOME", "Average population CVD risk"),
        ("COMPARATOR", "NHS Health Check only group"),
        ("INTERVENTION", "NHS Health Check plus additional lifestyle support group")], title=True)


def test_a_change_from_one_value_to_another_beside_a_comparison_gives_the_arm_findings_too():
    rec = _health_check()
    claims = findings_opening(rec, "Average population CVD risk")
    compared = [c for c in claims if c.direction in ("increase", "decrease", "no_difference")]
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert compared and all(c.comparator for c in compared)
    # a fall of a risk is favourable; each arm has its own figures: one single-arm finding per arm
    assert len(judged) == 2 and all(not c.comparator and c.direction == "positive" for c in judged)
    assert {entity_texts(rec, c.intervention)[0] for c in judged} == {
        "NHS Health Check only group", "NHS Health Check plus additional lifestyle support group"}


def test_from_to_reads_a_change_of_values():
    for text in (
            # PMC5852975, PMC4588995 (results)
            "The percentage of the SM intervention group that was adherent (MPR ≥ 80%) significantly improved from "
            "50% to 92% (p = 0.03), while the control group did not.",
            "Pain scores decreased from 6.4 to 2.4 in the closed capsule group and 6.3 to 2.2 in the control group.",
            "a reduction in HbA1c from 8.1% to 7.2%"):
        assert changed_from_to(text), text
        assert changed_over_time(text, text), text


def test_from_to_is_no_range_no_time_and_no_two_arms():
    for text in (
            "Ages ranged from 14 to 62 years.",  # no change word
            "Follow-up was from 6 to 12 months after surgery.",
            # two arms side by side, not an arm against its start
            "Response increased from 20% in the placebo group to 45% in the drug group.",
            # PMC2363351, PMC3712888 (EI unlabelled): arms side by side; "risk" is no change word
            "Progression-free survival at 3 years was improved from 38% in controls to 51% in the treatment group.",
            "The study showed that regular use of 250 mg ascorbic acid vaginal tablets on 6 days per month for 6 months "
            "after successful treatment of bacterial vaginosis halves the risk of recurrence from 32.4% to 16.2% "
            "(P = 0.024).",
            "Scores improved from baseline to week 12."):  # no values ("from baseline" is OVER_TIME's)
        assert not changed_from_to(text), text
