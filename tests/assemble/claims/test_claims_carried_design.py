"""The arms a result that names none carries, as the design sentences fix them (issue 10, session 12): arms whose role
a bracket names ("X (intervention group) or Y (control group)"), and an allocation's one other arm beside the main
intervention when no comparator is known. Real sentences from ../shared (PICO-Corpus and Evidence Inference train
abstracts, not in the findings gold)."""

from claims_helpers import entity_texts, finding_of, make_record

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
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


# Evidence Inference train PMC5319516: the allocation names the main intervention and one other arm, no comparator
ZHIBITAI = (
    "Zhibitai and low-dose atorvastatin reduce blood lipids and inflammation in patients with coronary artery disease. "
    "Patients with CHD (n = 150) were randomized to: zhibitai 480 mg + atorvastatin 10 mg (ZA10 group), atorvastatin "
    "20 mg (A20 group), and atorvastatin 40 mg (A40 group). "
    "CT-1 and high sensitivity-C reactive protein (hs-CRP) levels were significantly decreased after 4 and 8 weeks "
    "(all P < 0.01), without differences among the 3 groups (P > 0.05).")
ZHIBITAI_ENTS = [
    ("INTERVENTION", "Zhibitai and low-dose atorvastatin"), ("OUTCOME", "blood lipids and inflammation"),
    ("INTERVENTION", "zhibitai"), ("INTERVENTION", "atorvastatin", 1), ("INTERVENTION", "atorvastatin", 2),
    ("INTERVENTION", "atorvastatin", 3), ("OUTCOME", "CT-1"),
    ("OUTCOME", "high sensitivity-C reactive protein (hs-CRP) levels")]


def test_the_allocations_other_arm_is_the_comparator():
    rec = make_record(ZHIBITAI, ZHIBITAI_ENTS, title=True)
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    assert ctx.named_comparator() is None
    ctx.observe(views[1], None, design=True)
    assert ctx.named_comparator().text == "atorvastatin"


def test_a_control_worded_mention_still_replaces_the_allocations_other_arm():
    rec = make_record(ZHIBITAI + " The placebo group was not treated.",
                      [*ZHIBITAI_ENTS, ("COMPARATOR", "placebo")], title=True)
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    for view in views[:2]:
        ctx.observe(view, None, design=True)
    ctx.observe(views[3], "finding")
    assert ctx.named_comparator().text == "placebo"


def test_a_compared_result_that_names_no_arm_carries_the_allocations_other_arm():
    rec = make_record(ZHIBITAI, ZHIBITAI_ENTS, title=True)
    claim = finding_of(rec, "without differences", arms="rules")
    assert claim.direction == "no_difference"
    assert entity_texts(rec, claim.comparator) == ["atorvastatin"]


# Evidence Inference train PMC4393831: "a thrombolytic" joined by "plus" is part of the main arm, not its alternative
TVASPE = (
    "Thrombolytic-plus-Anticoagulant Therapy versus Anticoagulant-Alone Therapy in Submassive Pulmonary "
    "Thromboembolism (TVASPE Study): A Randomized Clinical Trial. "
    "Of 50 patients enrolled, 25 patients were randomly assigned to receive an anticoagulant plus a thrombolytic and "
    "the other 25 patients were given an anticoagulant alone.")
TVASPE_ENTS = [("INTERVENTION", "Thrombolytic-plus-Anticoagulant Therapy"),
               ("INTERVENTION", "Anticoagulant-Alone Therapy"), ("INTERVENTION", "anticoagulant plus"),
               ("INTERVENTION", "thrombolytic", 0), ("INTERVENTION", "anticoagulant alone")]


def test_a_component_joined_by_plus_is_no_allocated_arm():
    rec = make_record(TVASPE, TVASPE_ENTS, title=True)
    views = sentence_views(rec)
    ctx = InterventionContext()
    ctx.prime(views)
    ctx.observe(views[0], None, design=True)
    before = [c.text for c in ctx.comparators]
    ctx.observe(views[1], None, design=True)
    assert "thrombolytic" not in [c.text for c in ctx.comparators]
    assert [c.text for c in ctx.comparators][:len(before)] == before
