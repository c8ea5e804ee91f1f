"""The decision of one claim group called directly (:mod:`claimex.assemble.claims.decision`): judged or compared,
by the design's flags; the cue text the cues are read in. Real sentence from ../shared (Evidence Inference
PMC3733748, outside the findings gold; the record of ``test_claims_denied_effect``)."""

from test_claims_denied_effect import _cilostazol

from claimex.assemble.claims.arms import arms_of
from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.decision import about_harms, cue_text, decide, judge
from claimex.assemble.claims.groups import Group


def _result():
    """The view of "... did not improve with cilostazol treatment.", its arms and its one group."""
    view = sentence_views(_cilostazol())[2]
    return view, arms_of(view, InterventionContext()), Group(view.label("OUTCOME"), list(view.measures))


def test_a_denied_effect_is_no_difference_only_in_a_controlled_design():
    view, arms, group = _result()
    controlled = decide(None, view, "finding", arms, group, [], False, controlled=True)
    assert (controlled.direction, controlled.negated) == ("no_difference", True)
    uncontrolled = decide(None, view, "finding", arms, group, [], False, controlled=False)
    assert uncontrolled.direction == "negative"
    assert judge(view, "finding", group).direction == "negative"


def test_a_result_is_about_harms_by_its_type_or_its_outcomes_words():
    view, _, _ = _result()  # outcomes named (lipid profiles, adiponectin): no harm words
    assert about_harms(view, "adverse_effect") and not about_harms(view, "finding")


def test_the_cue_text_blanks_the_roles_and_keeps_the_offsets():
    view, _, _ = _result()
    masked = cue_text(view)
    assert len(masked) == len(view.text)
    assert "lipid profiles" not in masked and "cilostazol" not in masked and "did not improve with" in masked
