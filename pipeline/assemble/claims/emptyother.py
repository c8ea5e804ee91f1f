"""A comparison that names no other arm is read against the trial's other arm as its results report it (issue 10,
session 20).

GUIDELINES (Findings): the comparator is "the other arm, named the same way"; it is "null only for single-arm
findings". A finding or adverse-effect claim the rules decided as a comparison (increase / decrease / no difference)
is no single-arm finding, yet its comparator slot can be empty: the sentence names no other arm ("No difference
between groups had emerged in overall survival"), and the design either set up no comparator the context could carry
(a design whose other arm the tagger left untagged, two arms of one drug) or the claim was split from arms reported
together ("Addition of buprenorphine (60 μg) or dexmedetomidine (5 μg) to intrathecal bupivacaine ... prolongs the
time to the first analgesic request": each arm's claim keeps the claim's comparator less the run's arms, here
nothing, :mod:`.coordinated`). A reviewer fills such a slot with the arm the trial compares with.

:func:`fill_empty_comparator` gives each such claim the arm that the results themselves name as comparator most
(:func:`.reportedother.reported_comparator`: the single comparator of the most compared findings in their own
sentence - an entity or an arm phrase resolved to one, "(Group C)" -, strictly more often than any other arm, and not
a mention the trial-arm check sets aside as no arm of the trial), when that arm is no mention of the claim's
intervention: the arm's latest mention before the claim's sentence (:func:`.reported.mention_at`), recorded as
inherited. Claims decided single-arm (positive / negative) and claims with no direction keep their empty slot. Unlike
:func:`.reportedother.carry_reported_comparator`, which replaces a carried arm and so also asks for an arm the
design named or a control word, an empty slot has nothing right to lose: the trial-arm check is the only arm test
(the sterile-water arm of "Sterile water ... or dexmedetomidine (5 μg) was added to control group (Group C), ...",
a sentence no methods cue marks, is reported by the results as "(Group C)"). Runs
after the claims of an abstract are final (after :func:`.coordinated.split_coordinated`). Measured in
``docs/claims-rounds.md`` section 34.
"""

from __future__ import annotations

from ...schema import Claim, Record
from .base import entity_words
from .context import InterventionContext
from .design import same_intervention
from .reported import mention_at
from .reportedother import reported_comparator
from .switches import off

_COMPARED = ("increase", "decrease", "no_difference")
_KINDS = ("finding", "adverse_effect")


def fill_empty_comparator(record: Record, claims: list[Claim], ctx: InterventionContext) -> None:
    """Compared findings and adverse-effect claims with an empty comparator slot take the reported other arm (in
    place; see the module docstring). ``ctx``: the abstract's context after its last sentence (which mentions are
    arms of the trial)."""
    if off("fill_empty_comparator"):
        return
    open_ = [c for c in claims if c.type in _KINDS and c.direction in _COMPARED and not c.comparator
             and c.intervention]
    if not open_:
        return
    by_id = {e.id: e for e in record.entities}

    mentions = reported_comparator(record, claims, by_id, lambda e: not ctx.set_aside(e))
    if not mentions:
        return
    at = mention_at(mentions, record)
    key = entity_words(mentions[0])
    for c in open_:
        if any(same_intervention(entity_words(by_id[i]), key) for i in c.intervention if i in by_id):
            continue  # the reported arm is the claim's own intervention
        chosen = at(c.sentence)
        c.comparator = [chosen.id]
        c.inherited = [*c.inherited, chosen.id]
