"""A sentence that opens on a comparison cue names its reference arm first: that arm is the comparator (issue 10,
session 16, :mod:`claimex.assemble.claims.orientation`). Real sentences from Evidence Inference 2.0 train abstracts (../shared/corpora/evidence-inference-v2; not in the findings
gold), with the shipped tagger's arm spans."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.orientation import opened_by_comparison
from claimex.assemble.claims.switches import without

# PMC 2921405 (title, allocation, result)
MILK = (
    "Prebiotic and Probiotic Fortified Milk in Prevention of Morbidities among Children: Community-Based, Randomized, "
    "Double-Blind, Controlled Trial. "
    "In a community based double-masked, randomized controlled trial, children 1–3 years of age, willing to "
    "participate, were randomly allocated to receive either control milk (Co; n = 312) or the same milk fortified "
    "with 2.4 g/day of prebiotic oligosaccharide and 1.9×107 colony forming unit (c.f.u)/day of probiotic "
    "Bifidobacterium lactis HN019 (PP; n = 312). "
    "Compared to children in Co group, children in PP group had 16% (95% CI: 5 to 26%, p = 0.004) and 5% (95% CI: "
    "0 to 10%; p = 0.05) reduction in days with severe illness and high fever respectively.")
MILK_ENTS = [
    ("INTERVENTION", "Prebiotic and Probiotic Fortified Milk"), ("POPULATION", "children 1–3 years of age"),
    ("COMPARATOR", "control", 1), ("INTERVENTION", "milk", 0), ("INTERVENTION", "Co", 2),
    ("INTERVENTION", "same milk fortified"), ("INTERVENTION", "prebiotic oligosaccharide"),
    ("INTERVENTION", "probiotic Bifidobacterium lactis HN019"),
    ("INTERVENTION", "Co", 4), ("INTERVENTION", "PP", 1), ("OUTCOME", "days"), ("OUTCOME", "high fever")]


def _milk():
    return make_record(MILK, MILK_ENTS, title=True)


def test_a_sentence_that_opens_on_a_comparison_cue_names_its_reference_first():
    rec = _milk()
    view = sentence_views(rec)[2]
    co = next(e for e in view.label("INTERVENTION") if e.text == "Co")
    pp = next(e for e in view.label("INTERVENTION") if e.text == "PP")
    assert opened_by_comparison(view, co.start)
    assert not opened_by_comparison(view, pp.start)


def test_the_arm_after_the_opening_cue_is_the_intervention():
    # "Compared to children in Co group, children in PP group had ... reduction": PP against Co, a decrease
    rec = _milk()
    claim = finding_of(rec, "reduction in days", arms="rules")
    assert entity_texts(rec, claim.intervention) == ["PP"]
    assert entity_texts(rec, claim.comparator) == ["Co"]
    assert claim.direction == "decrease"


def test_without_the_rule_the_reference_took_the_intervention_slot():
    # the rule is what decides: without it the first arm of the sentence was read as the intervention
    rec = _milk()
    with without("opened_by_comparison"):
        claim = finding_of(rec, "reduction in days", arms="rules")
    assert entity_texts(rec, claim.intervention) != ["PP"]
