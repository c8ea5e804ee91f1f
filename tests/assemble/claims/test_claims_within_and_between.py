"""A sentence that says the arms did not differ and that the outcome changed significantly within them reports two
findings (GUIDELINES, Findings: "the same outcome within a group over time and between groups in one sentence gives
two findings"): the comparison (no difference, with its comparator) and the change (single-arm, no comparator), one
per arm when every arm changed (issue 10, session 15; docs/claims-rounds.md section 29.1); and where the arm of a result
said with a change word stands (section 29.2). Real sentences from ../shared (Evidence Inference unlabelled
abstracts outside the findings gold; two OPEN tune sentences)."""

from claims_helpers import claims_of, entity_texts, make_record

from claimex.assemble.claims.arms import arms_of
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.reporting import located

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



# "Where the change happened" or "whose effect it is": an arm named only after the change word locates a change
# within it; an arm named before it is the arm whose effect is measured against the control (OPEN tune sentences:
# Evidence Inference PMC2952311, EvidenceMap 10993031)
def _view_and_arms(text, entities):
    rec = make_record(text, entities)
    view = sentence_views(rec)[0]
    return view, arms_of(view, InterventionContext()), view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")


def test_an_arm_named_after_the_change_word_locates_the_change():
    view, arms, cue_text = _view_and_arms(
        "HR decreased and the power of high frequency (HF) component of HRV increased after acupressure in only the "
        "LP group.", [("INTERVENTION", "acupressure"), ("OUTCOME", "HR")])
    assert arms and located(view, arms, cue_text)


def test_an_arm_named_before_the_change_word_is_the_arm_whose_effect_it_is():
    view, arms, cue_text = _view_and_arms(
        "Although the addition of testosterone to HRT for 1 year did not result in added benefit to the spine bone "
        "mineral density, it did result in a significant increase in hip bone mineral density.",
        [("INTERVENTION", "testosterone to HRT"), ("OUTCOME", "hip bone mineral density")])
    assert arms and not located(view, arms, cue_text)


def test_the_agent_of_a_passive_is_the_arm_whose_effect_it_is():
    # Evidence Inference PMC3669033 (train, outside the findings gold; prompt: TA vs placebo, increase)
    view, arms, cue_text = _view_and_arms(
        "Stress hormone profile (salivary cortisol and testosterone) was significantly improved by TA supplementation, "
        "with reduced cortisol exposure (−16%) and increased testosterone status (+37%).",
        [("INTERVENTION", "TA supplementation"), ("OUTCOME", "Stress hormone profile")])
    assert arms and not located(view, arms, cue_text)
