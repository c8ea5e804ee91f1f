"""Arm phrases resolved through the intervention context (:class:`.context.InterventionContext`): which entity
"the combination group", "group II", "the control group" or "the intervention group" stands for, and on which side
(:func:`resolve`; :func:`treatment_arm`: what the intervention / treatment / study group received). The phrases of a
sentence are found in :mod:`.labels` and resolved in :mod:`.arms`.
"""

from __future__ import annotations

import re

from .base import content_words, entity_words, same_stem
from .context import InterventionContext
from .control import CONTROL, is_control
from .design import same_intervention
from .gates import cues
from .labels import bare_control, is_bare_label
from .plain import EntityLike

GENERIC_TREATMENT = cues(r"study", r"treatment", r"treated", r"intervention", r"experimental", r"active",
                         r"verum", r"test", r"therapy", r"drug")
COMBINATION = cues(r"combinations?", r"combined")
MONOTHERAPY = cues(r"monotherapy", r"single[- ]agent")
_ALONE = re.compile(r"\balone\b", re.IGNORECASE)
_COMBINED_TEXT = re.compile(r"\bplus\b|\+|\bcombin|\band\b|\bwith\b|/|-(?=[a-z])", re.IGNORECASE)
_NOT_ARM_WORDS = frozenset(
    ["age", "same", "different", "other", "one", "first", "second", "third", "treatment", "control", "study", "two",
     "three", "both", "each", "all", "the", "a", "of", "in", "and", "or", "with", "between"]
)


def resolve(ctx: InterventionContext, phrase: str, label: str | None) -> tuple[EntityLike | None, str | None]:
    """Entity and side ("I"/"C") of an arm phrase such as "the combination group" or "group II"."""
    if label:
        ent = ctx.labels.get(label.lower())
        if ent is None:
            return None, None
        if label.lower() in ctx.control_labels or is_control(ent):
            return ent, "C"
        # beside a labelled control group the other labelled groups are the active arms
        return ent, "I" if ctx.control_labels else ctx.side_of(ent)
    if CONTROL.search(phrase):
        # a bare "control group" / "controls" is the arm the design named as the control (a non-bare
        # comparator, control-worded or the design's alternative), not a bare "control" seen later
        named = ctx.named_comparator() if bare_control(phrase) else None
        if named is not None and named not in ctx.control_arms and ctx.names_main(named):
            named = None  # a mention of the main intervention is no control arm (unless the design says so)
        return named or ctx.comparator(), "C"
    if MONOTHERAPY.search(phrase):
        # "monotherapy" beside a combination: the design's single-agent arm ("docetaxel alone")
        alone = [c for c in ctx.comparators if _ALONE.search(c.expanded or c.text)]
        return (alone[-1] if alone else ctx.named_comparator()), "C"
    if is_bare_label(phrase) and GENERIC_TREATMENT.search(phrase):
        return treatment_arm(ctx, phrase), "I"
    if COMBINATION.search(phrase):
        for ent in reversed(ctx.interventions):
            if _COMBINED_TEXT.search(ent.expanded or ent.text):
                return ent, "I"
    # an abbreviation in the phrase ("the PVB group") brings its long form's words ("paravertebral block")
    longs = " ".join(ctx.short_forms[t] for t in re.findall(r"[\w+-]+", phrase) if t in ctx.short_forms)
    words = [w for w in content_words(f"{phrase} {longs}") if w not in _NOT_ARM_WORDS]
    if words:
        for ent in reversed(ctx.interventions):
            key = entity_words(ent)
            if not is_bare_label(ent.text) and any(same_stem(w, v) for w in words for v in key):
                return ent, "C" if is_control(ent) else "I"
    if GENERIC_TREATMENT.search(phrase):
        return treatment_arm(ctx, phrase), "I"
    return None, None


def treatment_arm(ctx: InterventionContext, phrase: str = "") -> EntityLike | None:
    """What "the intervention / treatment / study group" received: the latest mention of a main
    intervention whose own words hold the phrase's treatment word ("the intervention group" of a trial of
    an "educational intervention"); else the active arm the design sentences set against the comparator
    (:meth:`.context.InterventionContext._allocate`) when it is not a mention of a main intervention, else the
    latest mention of the main intervention."""
    if ctx.treated is not None:
        return ctx.treated
    mains = ctx.main_mentions()
    generic = {w for w in content_words(phrase) if GENERIC_TREATMENT.search(w)}
    named = [m for m in mains if generic & set(content_words(m.text))]
    if named:
        return named[0]
    if ctx.allocated is not None and not any(same_intervention(entity_words(ctx.allocated), m)
                                             for m in ctx.main):
        return ctx.allocated
    return mains[0] if mains else ctx.allocated
