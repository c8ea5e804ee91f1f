"""The decision of one claim group (``ClaimAssembler._claims``): **judged** (a single-arm result, positive /
negative: :func:`judge`, :func:`.single.decide_within`) or **compared** (increase / decrease / no difference:
:func:`.direction.decide_comparison`, :func:`.direction.decide_qualitative`), see :func:`decide`; a loose comparison
read again as a change within its arm (:func:`rejudge`). The cue text (:func:`cue_text`) is the sentence with its
roles and body parts blanked. Rules and reasons: ``docs/claims.md`` section 4 ("Judged or compared").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from ...schema import Claim, Direction
from .base import SentenceView, blank, entity_words
from .clauses import none_in_any_arm
from .context import Arm
from .control import is_control
from .design import same_intervention
from .direction import Decision, DirectionModel, decide_comparison, decide_qualitative, is_comparative
from .groups import Group
from .link import role_spans
from .named_verdict import named_verdict
from .plain import EntityLike
from .polarity import anatomy, both_arms_change
from .series import sets_apart
from .sides import compared_in_degree
from .significance import NOT_SIGNIFICANT, compares_arms, significance
from .single import HARMS, decide_within
from .switches import off
from .types import CONCLUSION

__all__ = ["CARRY", "about_harms", "cue_arms", "cue_text", "decide", "judge", "rejudge", "set_aside"]

_NO_DIRECTION = ("background", "aim")
#: the claim types whose roles are settled against the abstract's arms and carried (findings, harms, conclusions)
CARRY = ("finding", "adverse_effect", "conclusion")
_FUTURE = CONCLUSION  # recommendations ("further studies are needed") carry no direction


def cue_text(view: SentenceView) -> str:
    """The text direction cues are read in: the sentence with its role entities and body parts ("left
    ventricle") blanked, made once per sentence (cached on the view)."""
    def make() -> str:
        masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")
        body_parts = anatomy(view.text)
        return blank(masked, body_parts) if body_parts else masked

    return view.cached("cue_text", make)


def about_harms(view: SentenceView, ctype: str) -> bool:
    """A result about harms: the claim is typed adverse or the sentence's outcomes name harms
    (:data:`.single.HARMS`)."""
    return ctype == "adverse_effect" or view.cached(
        "harms", lambda: bool(HARMS.search(" ".join(o.text for o in view.label("OUTCOME")))))


def judge(view: SentenceView, ctype: str, group: Group) -> Decision:
    """The single-arm judgement (:func:`.single.decide_within`) of ``group``'s outcome in ``view``."""
    masked = cue_text(view)
    # a single-arm result is a harm when the claim is typed adverse or the sentence lists harms
    harms = about_harms(view, ctype)
    return decide_within(view.text, view.start, masked, group.measures, adverse=harms,
                         outcome_text=" ".join(o.text for o in group.outcomes),
                         outcome_at=min((o.start - view.start for o in group.outcomes), default=None),
                         adverse_claim=ctype == "adverse_effect")


def judge_named(view: SentenceView, ctype: str, group: Group) -> Decision:
    """:func:`judge`; where it finds no direction, the verdict word the tagger took into an outcome's span
    (:func:`.named_verdict.named_verdict`: "Olaparib was generally well-tolerated"), significance as judged."""
    decision = judge(view, ctype, group)
    if decision.direction is None and not off("judge_named"):
        named = named_verdict(view, about_harms(view, ctype))
        if named.direction is not None:
            decision.direction, decision.negated, decision.source = named.direction, named.negated, "named"
    return decision


def rejudge(claim: Claim, view: SentenceView, ctype: str, group: Group) -> None:
    """``claim`` (compared only by a change word, its comparator carried) read as a change within its arm, in
    place: judged (:func:`judge`), no comparator (see :class:`.reporting.Reporting`)."""
    own = judge(view, ctype, group)
    if own.direction not in ("positive", "negative"):
        return
    carried = set(claim.comparator)
    claim.comparator = []
    claim.inherited = [i for i in claim.inherited if i not in carried]
    # (``own.direction`` is "positive" or "negative": tested above)
    claim.direction, claim.significant, claim.negated = cast("Direction", own.direction), own.significant, own.negated
    claim.p_value = own.p_value


def decide(model: DirectionModel | None, view: SentenceView, ctype: str, arms: list[Arm], group: Group, pairs,
           has_comparator: bool, within: bool = False, single_arm: bool = False, solo: bool = False,
           compares: bool = False, controlled: bool = False, aside: frozenset[str] = frozenset()) -> Decision:
    """The direction, significance and negation of ``group``'s result in ``view``. ``model``: the direction
    classifier (None: the rules alone); ``single_arm``: the abstract's design has no comparator (no control or
    alternative arm anywhere); ``solo``: the arm rules made this a single-arm finding of one arm (arms reported
    apart, the comparator arm alone, a change in both arms of the one named treatment), so it is judged even when
    the sentence has comparison words; ``compares``: the arm rules found the sentence comparing arms
    (:func:`.sides.between_arms`: "Singing did not improve single breath counting", an arm as the subject of an
    effect verb), so it is decided as a comparison even when no comparator was resolved; ``controlled``: the
    abstract names a controlled design (:func:`.sides.controlled_design`); ``aside``: the ids of the sentence's
    comparator-side mentions the claim sets apart (:func:`set_aside`), which its cue word is not read of
    (:func:`cue_arms`)."""
    if ctype in _NO_DIRECTION or (ctype == "conclusion" and _recommendation(view.text)):
        return Decision()
    masked = cue_text(view)
    outcome_text = " ".join(o.text for o in group.outcomes)
    designed = not single_arm  # the design named the other arm before this sentence
    one_arm = not has_comparator and len({a.key for a in arms if not a.plural}) <= 1
    if single_arm and controlled and compared_in_degree(masked):
        # no comparator seen, but the abstract is of a controlled trial and the sentence says its result in a
        # comparative ("significantly shorter after drinking coffee (p <0.01)"): a comparison, not judged
        single_arm = False
    both = ctype in CARRY and both_arms_change(masked) and not NOT_SIGNIFICANT.found(masked) and significance(
        group.measures, view.text, view.start)[0] is not False  # "2.24 mm in both groups (P = 0.75)" compares
    compared = compares_arms(masked, group.measures)
    outcome_at = min((o.start - view.start for o in group.outcomes), default=None)
    if ctype in CARRY and (not single_arm or controlled) and none_in_any_arm(masked, outcome_at):
        # nothing happened in any arm of a controlled design (a comparator seen, or a randomised / placebo-
        # controlled abstract), said in the outcome's own clause: no difference between them, with its test
        sig, p, _ = significance(group.measures, view.text, view.start)
        return Decision(direction="no_difference", significant=sig, p_value=p.id if p is not None else None,
                        source="words")
    if (within and not has_comparator and (solo or not compared)) or both or (
            single_arm and one_arm and not compared and not (compares and controlled)) or (
            single_arm and not controlled and not has_comparator and not compared):
        # a change within the arms ("reduced significantly in both groups"), or a result of a single-arm
        # design: judged, not compared; a sentence that compares two arms in words ("lower in implanted
        # than non-implanted eyes") is a comparison even when no comparator entity was resolved, and so is one
        # the arm rules found comparing arms (two arms' values, a test) in a controlled design. In an uncontrolled
        # series (no controlled design, no design comparator; GUIDELINES: comparator null) a result that names
        # two treatments ("among the patients who had isolated AVR, while among ... AVR with CABG") but compares
        # nothing in words is judged too: the tagged treatments are subgroups or settings, not arms
        return judge_named(view, ctype, group)
    if single_arm and not controlled and has_comparator and not compared and not sets_apart(masked):
        # the same series with a second mention on the comparator side ("As for sKL, mKL increased TRPV5 current
        # density"): a change, polarity or negation said with no word that sets the mentions apart is the series'
        # own result (:mod:`.series`); values merely set side by side ("observed") stay a comparison of the values
        own = judge(view, ctype, group)
        if own.direction in ("positive", "negative") and own.source != "observed":
            return own
    if not (compares or compared or is_comparative(masked, not one_arm, group.measures)):
        decision = decide_qualitative(masked, adverse=ctype == "adverse_effect")
        if ctype in CARRY:  # a result stated in words ("did not improve endothelial function"): its test
            sig, p, _ = significance(group.measures, view.text, view.start)
            decision.significant, decision.p_value = sig, p.id if p is not None else None
            if decision.negated and designed and controlled and not about_harms(view, ctype):
                return _denied(decision)
    else:
        sides = [(m, a.side) for m, a in pairs if a.side and a.entity is not None]
        others = [(o.start - view.start, o.end - view.start) for o in view.label("OUTCOME")
                  if o not in group.outcomes]
        spans = role_spans(view, cue_arms(arms, aside), group.outcomes)
        decision = decide_comparison(view.text, view.start, group.measures, spans, sides, model, outcome_text, others)
    if decision.direction is None and has_comparator and ctype in CARRY:
        # arms named, nothing compared in words: their values or the classifier
        sides = [(m, a.side) for m, a in pairs if a.side and a.entity is not None]
        decision = decide_comparison(view.text, view.start, group.measures,
                                     role_spans(view, cue_arms(arms, aside), group.outcomes), sides, model,
                                     outcome_text)
    if decision.direction is None and not has_comparator and ctype in CARRY:
        # no comparator, nothing compared or judged in words: a result reported for the arm
        decision = judge_named(view, ctype, group)
        if decision.negated and designed and controlled and not about_harms(view, ctype):
            return _denied(decision)
    return decision


def set_aside(arms: list[Arm], comparators: Sequence[EntityLike], held: Sequence[EntityLike]) -> frozenset[str]:
    """The ids of the sentence's comparator-side mentions a claim with ``comparators`` sets apart: mentions not in
    ``held`` (the comparators the sentence's roles kept - a stray comparator, a mention of no arm of the trial left the
    slot; ``held`` is the sentence's comparator list for a claim made per comparator, whose other comparators stay arms
    of the sentence), not control-worded and naming no arm of ``comparators``. Nothing when the claim has no
    comparator."""
    if not comparators or off("set_aside"):
        return frozenset()
    kept = {e.id for e in held}
    keys = [entity_words(e) for e in comparators]
    return frozenset(a.entity.id for a in arms if a.side == "C" and a.entity is not None and a.entity.id not in kept
                     and not is_control(a.entity)
                     and not any(same_intervention(entity_words(a.entity), k) for k in keys))


def cue_arms(arms: list[Arm], aside: frozenset[str]) -> list[Arm]:
    """The arm mentions a comparison's cue word may be said of: the sentence's arms but the comparator-side mentions
    the claim set apart (:func:`set_aside`). GUIDELINES, Fields: the direction is the intervention's relative to the
    comparator; a cue said of a mention that is neither ("significantly greater for melancholic patients receiving
    duloxetine compared with placebo", "melancholic" tagged as an arm and left out of the comparator slot) says
    nothing of which side the claim's intervention is on."""
    if not aside:
        return arms
    return [a for a in arms if not (a.side == "C" and a.entity is not None and a.entity.id in aside)]


def _denied(decision: Decision) -> Decision:
    """An effect denied in a controlled trial whose design named the other arm ("However, the quality of life in
    women did not improve", "There was no failed insertion of devices"), with no within-arm wording: nothing set one
    arm apart from the other - no difference between them, not a single-arm judgement (the comparator is carried
    after). A harm denied ("No safety concerns were observed") stays a judgement of the arm (GUIDELINES, Findings:
    a harm stated for one arm without comparison)."""
    return Decision(direction="no_difference", significant=decision.significant, negated=True,
                    p_value=decision.p_value, source="words")


def _recommendation(text: str) -> bool:
    m = _FUTURE.search(text)
    return m is not None and any(w in m.group(0).lower() for w in ("needed", "required", "warranted", "necessary",
                                                                    "help", "should", "recommended"))
