"""Arms whose role a design sentence names in a bracket ("X (intervention group) or Y (control group)"): what "the
intervention group" and "the control group" of later results received (issue 10, session 12). Real sentences from
../shared (PICO-Corpus and Evidence Inference train abstracts, not in the findings gold)."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.labels import role_brackets

# PICO-Corpus 26547101 (J-START): the title names mammography first, but the allocated arms are labelled
JSTART = (
    "Sensitivity and specificity of mammography and adjunctive ultrasonography to screen for breast cancer in the "
    "Japan Strategic Anti-cancer Randomized Trial (J-START): a randomised controlled trial. "
    "Participants were randomly assigned in 1:1 ratio to undergo mammography and ultrasonography (intervention "
    "group) or mammography alone (control group) twice in 2 years. "
    "More cancers were detected in the intervention group than in the control group (184 [0·50%] vs 117 [0·32%], "
    "p=0·0003).")
JSTART_ENTS = [
    ("INTERVENTION", "mammography"), ("INTERVENTION", "adjunctive ultrasonography"),
    ("INTERVENTION", "mammography", 1), ("INTERVENTION", "ultrasonography (intervention group)"),
    ("INTERVENTION", "mammography alone"), ("COMPARATOR", "control", 1), ("INTERVENTION", "intervention", 1),
    ("COMPARATOR", "control", 2), ("OUTCOME", "cancers")]


def test_role_brackets_name_each_arm():
    rec = make_record(JSTART, JSTART_ENTS, title=True)
    view = sentence_views(rec)[1]
    got = [(role, ent.text) for role, ent in role_brackets(view, view.label("INTERVENTION", "COMPARATOR"))]
    assert got == [("I", "ultrasonography (intervention group)"), ("C", "mammography alone")]


def test_results_of_the_labelled_groups_take_the_labelled_arms():
    # before: the title's "mammography" was the intervention and "ultrasonography (intervention group)" the
    # comparator
    rec = make_record(JSTART, JSTART_ENTS, title=True)
    claim = finding_of(rec, "More cancers", arms="rules")
    assert entity_texts(rec, claim.intervention) == ["ultrasonography (intervention group)"]
    assert entity_texts(rec, claim.comparator) == ["mammography alone"]
    assert claim.direction == "increase"


def test_a_bracket_that_names_no_role_is_no_role():
    # PMC3261693-style arm labels ("(group A)") are labels, not roles; a bracket after a non-arm word names nothing
    rec = make_record("Patients were randomised to tramadol (group A) or saline (n = 30).",
                      [("INTERVENTION", "tramadol"), ("INTERVENTION", "saline")])
    view = sentence_views(rec)[0]
    assert role_brackets(view, view.label("INTERVENTION", "COMPARATOR")) == []
