"""A sentence that says the arms did not differ and that the outcome changed significantly within them reports two
findings (GUIDELINES, Findings: "the same outcome within a group over time and between groups in one sentence gives
two findings"): the comparison (no difference, with its comparator) and the change (single-arm, no comparator), one
per arm when every arm changed (issue 10, session 15; docs/claims.md section 29.1). Real sentences from ../shared
(Evidence Inference unlabelled abstracts outside the findings gold)."""

from claims_helpers import claims_of, entity_texts, make_record

# Evidence Inference PMC3103853 (title, the allocation and the phase-2 result)
TACROLIMUS = (
    "An Investigation Comparing the Efficacy of Topical Ocular Application of Tacrolimus and Cyclosporine in Dogs. "
    "This study was a two-phase, randomized, controlled, masked clinical trial. "
    "Half the dogs received 2% cyclosporine A; the others received 0.03% tacrolimus, both diluted in olive oil. "
    "In phase 2, there was no significant difference in Schirmer tear test I (STT) results between the two groups, "
    "and both groups had a significant increase in STT over time.")


def _tacrolimus():
    return make_record(TACROLIMUS, [
        ("INTERVENTION", "Tacrolimus"), ("COMPARATOR", "Cyclosporine"), ("COMPARATOR", "2% cyclosporine A"),
        ("INTERVENTION", "0.03% tacrolimus"), ("OUTCOME", "Schirmer tear test I (STT) results"),
        ("OUTCOME", "STT", 1)], title=True)


def _result_claims(rec):
    return [c for c in claims_of(rec) if "In phase 2" in c.text and c.type in ("finding", "adverse_effect")]


def test_no_difference_between_the_arms_and_a_change_within_them_give_two_findings():
    rec = _tacrolimus()
    claims = _result_claims(rec)
    compared = [c for c in claims if c.direction == "no_difference"]
    judged = [c for c in claims if c.direction in ("positive", "negative")]
    assert compared and all(c.comparator for c in compared)
    assert judged and all(not c.comparator and c.direction == "positive" for c in judged)


def test_the_change_said_of_both_groups_is_one_finding_per_arm():
    rec = _tacrolimus()
    judged = [c for c in _result_claims(rec) if c.direction in ("positive", "negative")]
    arms = {tuple(entity_texts(rec, c.intervention)) for c in judged}
    assert len(arms) == 2


def test_a_change_denied_gives_no_second_finding():
    # the same sentence with the change denied: the comparison only
    rec = make_record(TACROLIMUS.replace("both groups had a significant increase", "neither group had a significant "
                                         "increase"), [
        ("INTERVENTION", "Tacrolimus"), ("COMPARATOR", "Cyclosporine"), ("COMPARATOR", "2% cyclosporine A"),
        ("INTERVENTION", "0.03% tacrolimus"), ("OUTCOME", "Schirmer tear test I (STT) results"),
        ("OUTCOME", "STT", 1)], title=True)
    assert all(c.direction not in ("positive", "negative") for c in _result_claims(rec))
