"""A change in every arm whose size the sentence sets apart between the arms ("Significant improvement was recorded
... in all groups, but levosulpiride was significantly superior to domperidone, metoclopramide and placebo") reports
two kinds of finding (GUIDELINES, Findings: "the same outcome within a group over time and between groups in one
sentence gives two findings"): the change within the arms (single-arm, no comparator) and the comparison of its size
(with a comparator) (issue 10, session 15; docs/claims.md section 29.5). Real sentences from ../shared (EvidenceMap
8891846, outside the findings gold)."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.polarity import sized_in_both

# EvidenceMap 8891846 (title, the allocation and the first result; the corpus's tokenised spacing kept)
LEVOSULPIRIDE = (
    "Levosulpiride in functional dyspepsia : a multicentric , double-blind , controlled trial . "
    "Patients were randomly assigned to either levosulpiride ( 25 mg tid ) , domperidone ( 10 mg tid ) , "
    "metoclopramide ( 10 mg tid ) or placebo ( 1 tablet tid ) for 4 weeks . "
    "Significant improvement was recorded for all symptoms at days 10 and 28 in all groups ( p < 0.001 ) , but "
    "levosulpiride was significantly ( p < 0.01 ) superior to domperidone , metoclopramide and placebo both in the "
    "overall clinical improvement scale as well as in a subgroup of symptoms ( postprandial bloating , epigastric "
    "pain , heartburn ) .")


def _result_claims():
    rec = make_record(LEVOSULPIRIDE, [
        ("INTERVENTION", "Levosulpiride"), ("INTERVENTION", "levosulpiride", 0), ("COMPARATOR", "domperidone"),
        ("COMPARATOR", "metoclopramide"), ("COMPARATOR", "placebo"), ("OUTCOME", "symptoms"),
        ("INTERVENTION", "levosulpiride", 1), ("COMPARATOR", "domperidone", 1),
        ("COMPARATOR", "metoclopramide", 1), ("COMPARATOR", "placebo", 1)], title=True)
    return rec, [c for c in claims_of(rec) if c.text.startswith("Significant improvement")]


def test_a_change_in_all_arms_and_one_arm_superior_give_the_change_and_the_comparison():
    rec, claims = _result_claims()
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    compared = [c for c in claims if c.direction in ("increase", "decrease", "no_difference")]
    assert judged and all(not c.comparator for c in judged)
    # the comparison of the change's size, against each other arm (its direction is the comparison reader's)
    assert compared and all(c.comparator for c in compared)
    assert {t for c in compared for t in entity_texts(rec, c.comparator)} == {"domperidone", "metoclopramide",
                                                                              "placebo"}


def test_sized_change_needs_the_change_in_every_arm_and_a_comparative_it_lets_stand():
    assert sized_in_both("mean improvements in both groups were larger in the patients who were treated by X")
    assert not sized_in_both("Urgency improved in both groups")  # a change within each arm only
    assert not sized_in_both("Urgency improved in both groups, more with X")  # compared already
    assert not sized_in_both("Urgency was larger with X")  # no change said of every arm
