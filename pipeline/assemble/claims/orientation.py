"""A claim's arms the design's way round (issue 10, session 16): the intervention is the trial's experimental arm,
the comparator its control or the arm the design sets against it (``corpora/gold/GUIDELINES.md``: the intervention is
the named arm, "normally the experimental arm"; the direction is the intervention's relative to the comparator).

:func:`design_oriented` reads each compared claim after the arm ranker against the abstract's context at its end
(:class:`.context.InterventionContext`): a claim whose intervention is only the design's comparator or a control
(control-worded, tagged COMPARATOR, or a mention of a comparator a title / aim / methods sentence set up, and no
mention of a main intervention) while its comparator is only a main intervention (and no comparator) holds the arms
against the design - a reviewer writes the same comparison with the arms the other way round. Its arms are exchanged
and an increase / decrease becomes the other (the numbers and the no-difference stay: the same finding, read from the
other arm). Claims whose arms are both main or both comparators, or one neither, are left as they are: the design
says nothing about their order; so is a claim whose comparator its own sentence introduces by a comparison cue
("higher in the hot trial compared to the cool trial", EI train 5812877): the sentence states the order itself.
"""

from __future__ import annotations

from ...schema import FLIP, Claim, Entity, Record
from .base import entity_words
from .context import InterventionContext
from .control import is_control
from .design import COMPARE_BEFORE, same_intervention


def design_role(ents: list[Entity], ctx: InterventionContext) -> str | None:
    """``"main"`` when the mentions name a main intervention and no comparator, ``"comparator"`` when they name
    only a control or a design comparator (:meth:`InterventionContext._is_known_comparator`), else None."""
    if not ents:
        return None
    main = any(any(same_intervention(entity_words(e), m) for m in ctx.main) for e in ents)
    comp = any(is_control(e) or ctx._is_known_comparator(e) for e in ents)
    if main == comp:
        return None
    return "main" if main else "comparator"


def cued(claim: Claim, ents: list[Entity]) -> bool:
    """Does a comparison cue of the claim's sentence ("than", "compared with", "versus", up to 45 characters before)
    introduce one of ``ents``?"""
    text, start = claim.text or "", claim.start or 0
    return any(start <= e.start < (claim.end or 0)
               and COMPARE_BEFORE.search(text[max(0, e.start - start - 45):e.start - start]) for e in ents)


def design_oriented(record: Record, claims: list[Claim], ctx: InterventionContext) -> list[Claim]:
    """``claims`` with every compared claim that holds its arms against the design (module doc) turned round: a new
    Claim with the two slots exchanged and the direction flipped; the others as they are."""
    if not ctx.main or not (ctx.comparators or any(c.comparator for c in claims)):
        return claims
    ents = {e.id: e for e in record.entities}
    out = []
    for claim in claims:
        ci = [ents[i] for i in claim.intervention if i in ents]
        cc = [ents[i] for i in claim.comparator if i in ents]
        if not ci or not cc or design_role(ci, ctx) != "comparator" or design_role(cc, ctx) != "main" \
                or cued(claim, cc):
            out.append(claim)
            continue
        out.append(claim.model_copy(update={"intervention": list(claim.comparator),
                                            "comparator": list(claim.intervention),
                                            "direction": FLIP.get(claim.direction, claim.direction)}))
    return out
