"""The trial's experimental arm as its results report it (issue 10, session 13).

A reviewer who reads a plain abstract whose title names a class ("chemotherapy"), a fragment or the disease takes
as the experimental arm the one the results set against the other arm: "EP produced a higher response rate than
EC", "ABI-007 demonstrated significantly higher response rates compared with standard paclitaxel". A result sentence
that names no arm ("The median duration of response was 9.8 months") is read as being about that arm.

:func:`reported_arm` is the arm named (not carried) as the own single intervention of the most compared findings
(:data:`LEAST` at least, strictly more than any other arm; not control-worded), mentions grouped by
:func:`.design.same_intervention`. :func:`carry_reported` gives it to the findings and adverse-effect claims whose
intervention was wholly carried from the context (the title's or the aims' main arm) when that carried arm is no
mention of it, no finding names the carried arm in its own sentence (as intervention or comparator: results that never
speak of it are not about it), and the claim's carried comparator is not the reported arm - replacing the carried arm
by the reported arm's latest mention before the claim's sentence (its first mention when none is earlier). Measured
in ``docs/claims-rounds.md`` section 27.1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from ...schema import Claim, Record
from .base import entity_words
from .control import is_control
from .design import same_intervention
from .plain import EntityLike
from .switches import off

#: a reported arm is the own intervention of at least this many compared findings
LEAST = 1


def arm_groups(mentions: Iterable[EntityLike]) -> list[list[EntityLike]]:
    """``mentions`` grouped by arm, in their order: a mention joins the first group whose first mention names the same
    arm (:func:`.design.same_intervention` of their content words), else opens a group."""
    groups: list[list[EntityLike]] = []
    for ent in mentions:
        key = entity_words(ent)
        group = next((g for g in groups if same_intervention(key, entity_words(g[0]))), None)
        (group.append(ent) if group is not None else groups.append([ent]))
    return groups


def most_named(mentions: Iterable[EntityLike], least: int = 1) -> list[EntityLike]:
    """The mentions (in their order) of the arm most of ``mentions`` name, mentions grouped by :func:`arm_groups`;
    empty when fewer than ``least`` name it or two arms are named equally often (shared by :func:`reported_arm` and
    :func:`.reportedother.reported_comparator`)."""
    groups = arm_groups(mentions)
    if not groups:
        return []
    sizes = sorted((len(g) for g in groups), reverse=True)
    if sizes[0] < least or (len(sizes) > 1 and sizes[1] == sizes[0]):
        return []
    return max(groups, key=len)


def reported_arm(claims: list[Claim], by_id: Mapping[str, EntityLike]) -> list[EntityLike]:
    """The mentions (in claim order) of the arm that the most compared findings name as their own intervention;
    empty when no arm is named by :data:`LEAST` of them, or two arms are named equally often."""

    def named() -> Iterator[EntityLike]:
        for c in claims:
            if c.type != "finding" or not c.comparator or len(c.intervention) != 1 \
                    or c.intervention[0] in c.inherited:
                continue
            ent = by_id.get(c.intervention[0])
            if ent is not None and not is_control(ent) and entity_words(ent):
                yield ent

    return most_named(named(), LEAST)


def mention_at(mentions: Sequence[EntityLike], record: Record) -> Callable[[int], EntityLike]:
    """For a claim of sentence ``k``, the mention of an arm (``mentions``, in text order) it takes: the arm's latest
    mention before or in sentence ``k``, its first mention when none is earlier (shared by :func:`carry_reported`
    and :func:`.reportedother.carry_reported_comparator`)."""
    starts = [s.start for s in record.sentences]
    sentence_of = {m.id: bisect_right(starts, m.start) - 1 for m in mentions}

    def at(k: int) -> EntityLike:
        earlier = [m for m in mentions if sentence_of.get(m.id, 0) <= k]
        return (earlier or mentions[:1])[-1]
    return at


def carry_reported(record: Record, claims: list[Claim]) -> None:
    """Findings and adverse-effect claims whose intervention is wholly carried take the reported arm
    (:func:`reported_arm`) instead of a carried arm that is no mention of it (in place; see the module docstring)."""
    if off("carry_reported"):
        return
    by_id = {e.id: e for e in record.entities}
    mentions = reported_arm(claims, by_id)
    if not mentions:
        return
    at = mention_at(mentions, record)
    key = entity_words(mentions[0])
    named = [by_id[i] for c in claims if c.type == "finding" for i in (*c.intervention, *c.comparator)
             if i not in c.inherited and i in by_id]
    for c in claims:
        if c.type not in ("finding", "adverse_effect") or not c.intervention \
                or not all(i in c.inherited for i in c.intervention):
            continue
        carried = [by_id[i] for i in c.intervention if i in by_id]
        if not carried or any(same_intervention(entity_words(e), key) for e in carried):
            continue
        if any(same_intervention(entity_words(e), entity_words(n)) for e in carried for n in named):
            continue  # the results name the carried arm too
        if any(same_intervention(entity_words(by_id[i]), key) for i in c.comparator if i in by_id):
            continue  # the carried comparator is the reported arm: the claim's arms are read the other way round
        arm = at(c.sentence)
        c.inherited = [i for i in c.inherited if i not in c.intervention] + [arm.id]
        c.intervention = [arm.id]
