"""A result that names no comparator continues the comparison of the result right before it (issue 10, session 19).

A reviewer reading "X reduced pain compared with Y (p = 0.01). X also shortened the stay (p = 0.03)." writes Y as
the second finding's comparator (GUIDELINES, Findings: "comparator: the other arm, named the same way"): the second
sentence goes on with the arms the first one set against each other, not with whatever alternative the design
sentences happened to name last. :func:`continue_pairing` gives a finding / adverse-effect claim whose comparator
was wholly carried from the context (every comparator entity inherited, none in its sentence) the comparator that a
claim of the sentence right before set against the same intervention *in its own sentence* (the latest such claim;
its intervention entities all mentions of this claim's intervention, :func:`.design.same_intervention`). Nothing
else moves: a claim with no comparator, or one whose sentence names its comparator - an entity, or an arm phrase
resolved to one ("compared to control group", "group B"; a plural "both groups" names none) - is left as it is. The
pairing taken is one entity, an arm of the trial (a mention of an arm the title, aims or methods named, or
control-worded; not one the trial-arm check sets aside: :meth:`.context.InterventionContext.known_arm`) and no
mention of the claim's intervention.
"""

from __future__ import annotations

from ...schema import Claim, Entity, Record
from .base import entity_words
from .context import InterventionContext
from .control import is_control
from .design import same_intervention
from .labels import PLURAL_ARMS, arm_phrases

_KINDS = ("finding", "adverse_effect")


def _own(ids: list[str], by_id: dict[str, Entity], start: int, end: int) -> list[Entity]:
    return [by_id[i] for i in ids if i in by_id and start <= by_id[i].start < end]


def carried_ids(comps: list[Entity]) -> set[str]:
    return {e.id for e in comps}


def _arm(ent: Entity, ctx: InterventionContext) -> bool:
    """An arm of the trial: control-worded or a design arm, and not set aside by the trial-arm check."""
    if ctx.no_arms is not None and ent.id in ctx.no_arms():
        return False
    return is_control(ent) or ctx.known_arm(ent)


def _names_arm(text: str) -> bool:
    """Does a sentence hold a singular arm phrase ("the control group", "group B"; not "both groups")?"""
    for _a, b, label, pre, words in arm_phrases(text):
        if label or (words.strip() and not PLURAL_ARMS.search(pre) and not text[:b].lower().endswith(
                ("groups", "arms", "cohorts"))):
            return True
    return False


def continue_pairing(record: Record, claims: list[Claim], ctx: InterventionContext) -> list[Claim]:
    """``claims`` with each wholly carried comparator replaced by the previous sentence's own pairing (see the
    module docstring); ``ctx``: the abstract's context after its last sentence."""
    by_id = {e.id: e for e in record.entities}
    sents = record.sentences
    out: list[Claim] = []
    for claim in claims:
        s = sents[claim.sentence]
        comps = [by_id[i] for i in claim.comparator if i in by_id]
        if claim.type not in _KINDS or claim.sentence == 0 or not comps \
                or any(s.start <= e.start < s.end or e.id not in claim.inherited for e in comps) \
                or _names_arm(record.text[s.start:s.end]):
            out.append(claim)
            continue
        keys = [entity_words(by_id[i]) for i in claim.intervention if i in by_id]
        prev = sents[claim.sentence - 1]
        pairing: list[Entity] = []
        for other in out:
            if other.type not in _KINDS or other.sentence != claim.sentence - 1:
                continue
            oi = [by_id[i] for i in other.intervention if i in by_id]
            oc = _own(other.comparator, by_id, prev.start, prev.end)
            if keys and oi and oc and all(any(same_intervention(entity_words(e), k) for k in keys) for e in oi):
                pairing = oc
        if len(pairing) != 1 or pairing[0].id in carried_ids(comps) or not _arm(pairing[0], ctx) \
                or any(same_intervention(entity_words(pairing[0]), k) for k in keys):
            out.append(claim)
            continue
        carried = {e.id for e in comps}
        inherited = [i for i in claim.inherited if i not in carried] + [e.id for e in pairing]
        out.append(claim.model_copy(update={"comparator": [e.id for e in pairing], "inherited": inherited}))
    return out
