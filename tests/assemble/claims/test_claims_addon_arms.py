"""Add-on designs (issue 10, session 10): "X alone" beside "Y plus X" is the other arm, not a mention of the main
one, and a result for the combination carries it as the comparator. Real sentences from ../shared (Evidence
Inference PMC5362536, not in the findings gold)."""

from claims_helpers import claims_of, entity_texts, finding_of, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.design import adds_to, mentions_arm

TITLE = ("A randomized, phase II study of gefitinib alone versus nimotuzumab plus gefitinib after platinum-based "
         "chemotherapy in advanced non-small cell lung cancer (KCSG LU12-01). ")
ADVERSE = "Combined treatment did not increase EGFR inhibition-related adverse events with manageable toxicities."
CONCLUSION = ("The dual inhibition of EGFR with nimotuzumab plus gefitinib was not associated with better outcomes "
              "than gefitinib alone as a second-line treatment of advanced NSCLC (NCT01498562).")


def _record(text, entities):
    rec = make_record(text, entities, title=True)
    rec.sentences[1].section = "RESULTS"
    return rec


def test_adds_to_is_a_strict_superset():
    assert adds_to(frozenset({"nimotuzumab", "gefitinib"}), frozenset({"gefitinib"}))
    assert not adds_to(frozenset({"gefitinib"}), frozenset({"gefitinib"}))
    assert not adds_to(frozenset({"gefitinib"}), frozenset({"nimotuzumab", "gefitinib"}))
    assert not adds_to(frozenset({"nimotuzumab"}), frozenset())


def test_x_alone_is_not_a_mention_of_y_plus_x():
    rec = _record(TITLE + ADVERSE, [("INTERVENTION", "gefitinib alone"), ("INTERVENTION", "nimotuzumab plus gefitinib")])
    alone, combined = rec.entities
    assert not mentions_arm(alone, frozenset({"nimotuzumab", "gefitinib"}))
    assert mentions_arm(combined, frozenset({"nimotuzumab", "gefitinib"}))
    ctx = InterventionContext()
    views = sentence_views(rec)
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    assert ctx.named_comparator().model is alone  # the views hold plain copies (:mod:`.plain`, session 23)


def test_a_result_of_the_combination_carries_x_alone_as_its_comparator():
    rec = _record(TITLE + ADVERSE, [
        ("INTERVENTION", "gefitinib alone"), ("INTERVENTION", "nimotuzumab plus gefitinib"),
        ("INTERVENTION", "Combined treatment"), ("OUTCOME", "EGFR inhibition-related adverse events")])
    for arms in ("rules", None):
        claim = finding_of(rec, "adverse events", arms=arms)
        assert entity_texts(rec, claim.comparator) == ["gefitinib alone"]


def test_the_combination_named_with_x_alone_untagged_carries_x_alone():
    # the tagger left "gefitinib alone" of the sentence untagged: the comparison ("better ... than") carries the
    # design's comparator although its words lie inside the combination's
    rec = _record(TITLE + CONCLUSION, [
        ("INTERVENTION", "gefitinib alone"), ("INTERVENTION", "nimotuzumab plus gefitinib"),
        ("INTERVENTION", "nimotuzumab plus gefitinib", 1), ("OUTCOME", "outcomes")])
    rec.sentences[1].section = "CONCLUSIONS"
    claim = next(c for c in claims_of(rec, arms="rules") if "dual" in c.text)
    assert entity_texts(rec, claim.intervention) == ["nimotuzumab plus gefitinib"]
    assert entity_texts(rec, claim.comparator) == ["gefitinib alone"]
