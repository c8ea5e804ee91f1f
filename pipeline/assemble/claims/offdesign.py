"""Arm spans of a result sentence that name no arm of the trial (issue 10, session 12).

Method: in an abstract whose arms are identifiable - a main intervention to carry (:meth:`.context.
InterventionContext.carried`) and the arms its title, aims and methods sentences named - the arm of a result is one
of them, or an alias, abbreviation or dose variant of one (:meth:`.context.InterventionContext.known_arm`,
:func:`.design.same_intervention` over word keys with abbreviations expanded). When every I/C span of a result
sentence matches none of them ("The time of eyes opening with stimulation ... were not significantly different",
"... between the two groups before or during peritoneal insufflation"), the spans are words of the outcome or of the
setting, not the arm: they leave the sentence's arms and the claim carries the trial's arm, as for a sentence that
names none (:func:`.link.roles_of`). A reviewer's reason: the sentence reports a result of the trial, and the
trial's arms are known.

Kept, as arms the design sentences did not name: a span written as an arm ("the X group", "EMO participants"), one
with arm values of its own ("48 min for SMT"), one a comparison sets against another arm ("than EBRT", "X versus
Y"), one coordinated with another arm span ("A and B"), a control-worded span, an arm phrase resolved through the
context ("group 2"), a span seen as an I/C entity in an earlier sentence, and any span of a sentence that also names
a known arm (one arm per role is :func:`.arms.stray_arms_dropped`'s work).
"""

from __future__ import annotations

import re

from ...schema import Entity, Measure
from .base import SentenceView, entity_words
from .context import Arm, InterventionContext
from .control import is_control
from .design import COMPARE_BEFORE, same_intervention
from .labels import ARM_HEAD, PLURAL_ARMS, bare_control, is_bare_label

_AS_ARM_AFTER = re.compile(rf"^\s*(?:{ARM_HEAD}|patients|participants|subjects|users|recipients|nurses|eyes)\b",
                           re.IGNORECASE)
# a span worded as a treatment ("a community-based volunteer intervention", "neuroplasticity-based cognitive
# training"): an arm by its own form, perhaps the trial's arm in other words
_TREATMENT_HEAD = re.compile(r"\b(?:interventions?|training|therap(?:y|ies)|treatments?|programm?es?|workshops?|"
                             r"exercises?|education|counsel+ing|regimens?|supplementation)$", re.IGNORECASE)
# the sentence's subject, its verb right after it ("SeV-Gag primed functional ... responses"): what the result is of
_OPENING = re.compile(r"^\W*(?:(?:a|an|the|this|these)\s+)?$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:(?:significantly|also|further|not)\s+)?"
                         r"(?:is|was|were|are|has|had|did|does|may|can|\w+ed|\w+es)\b", re.IGNORECASE)
_HEAD = re.compile(rf"\b{ARM_HEAD}\b", re.IGNORECASE)
_JOIN = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,|and|or|vs\.?|versus|/|plus|\+)\s*(?:the\s+)?$", re.IGNORECASE)


def trial_arm(ent: Entity, ctx: InterventionContext) -> bool:
    """Does ``ent`` name an arm of the trial: a main intervention, a design comparator or control arm, the active arm
    a design sentence allocated, or an arm a label stands for ("group A received X")?"""
    if ctx.is_main(ent) or ctx._is_known_comparator(ent):
        return True
    key = entity_words(ent)
    others = [*ctx.comparators, *ctx.control_arms, *ctx.labels.values()] + ([ctx.allocated] if ctx.allocated else [])
    return any(same_intervention(key, entity_words(o)) for o in others)


def off_design_arms(view: SentenceView, arms: list[Arm], ctx: InterventionContext,
                    pairs: list[tuple[Measure, Arm]]) -> list[Arm]:
    """The arms of ``view`` that name no arm of the trial and are not written as arms (module docstring): all of
    the sentence's entity arms, or none."""
    if not ctx.design_arms or not ctx.carried():
        return []
    named = [a for a in arms if a.entity is not None and not a.plural]
    if not named or any(a.plural for a in arms):
        return []
    valued = {id(a) for _, a in pairs}
    off = []
    for a in named:
        ent = a.entity
        if a.inherited or a.mention is not None or id(a) in valued or a.side == "C" or is_control(ent) \
                or is_bare_label(ent.text) or bare_control(ent.text) or trial_arm(ent, ctx):
            return []
        if _HEAD.search(a.text) or PLURAL_ARMS.search(a.text) or _AS_ARM_AFTER.match(view.between(a.end, view.end)) \
                or COMPARE_BEFORE.search(view.between(a.start - 45, a.start)) or _TREATMENT_HEAD.search(ent.text) \
                or (_OPENING.match(view.between(view.start, a.start))
                    and _VERB_AFTER.match(view.between(a.end, view.end))):
            return []
        if any(b is not a and (_JOIN.match(view.between(a.end, b.start)) or _JOIN.match(view.between(b.end, a.start))
                               or COMPARE_BEFORE.search(view.between(b.start - 45, b.start))) for b in named):
            return []
        off.append(a)
    return off
