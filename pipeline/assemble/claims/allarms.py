"""The arms of a trial of three or more arms, stated together: one finding per comparison with the reference arm
(issue 10, session 20).

GUIDELINES (Findings, "The unit"): one finding is one outcome's result for one comparison; a three-arm sentence
"gives one finding per comparison of the experimental arm with each other arm (two dose arms vs placebo: one
finding per dose arm ...)". A result sentence that speaks of three or more arms together and names none of them -
"the three methods of analysis were comparable for consistency analysis", "The change from baseline in CDRS-R ...
was similar for the three arms" - is, in a trial whose results compare two
or more arms with one reference arm, one finding per such arm against the reference. The rules make one claim of
it, holding the carried main intervention and the design's carried comparator (the trial's "main pair", which may
name neither arm of a given comparison).

:func:`reported_reference` reads the trial's comparisons as the results report them in their own words: compared
findings (increase / decrease / no difference) whose one intervention and one comparator are entities of their own
sentence, both arms of the trial (control-worded or named by the title, aims or methods, not set aside by the
trial-arm check). The reference is the comparator arm that two or more different intervention arms are compared
with (mentions grouped by :func:`.design.same_intervention`; the one with most such arms; a tie: none), and the
compared arms are those intervention arms. :func:`split_all_arms` replaces each finding / adverse-effect claim that
compares (a comparison direction), whose arms are wholly carried (no own entity in either slot, no own I/C entity in
the sentence and no arm phrase naming one arm: :func:`.reportedother.names_arm`) and whose sentence states three or
more arms together (:data:`TOGETHER`: "all three groups", "the three methods", "all groups", "among the groups"; not
"both groups" or "between the groups", said of two arms as often) by one claim per compared arm: its latest mention
before the sentence as intervention, the reference's as comparator (both inherited); outcome, numbers, direction and
significance kept (said of the arms together, they
hold for each comparison). Measured in ``docs/claims.md`` section 34.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...schema import Claim, Entity, Record
from .base import entity_words
from .context import InterventionContext
from .control import is_control
from .design import same_intervention
from .labels import is_bare_label
from .reported import mention_at
from .reportedother import names_arm

_COMPARED = ("increase", "decrease", "no_difference")
_KINDS = ("finding", "adverse_effect")
_ARMS = ("INTERVENTION", "COMPARATOR")
_ARM_NOUN = (r"(?:groups|arms|interventions|treatments|regimens|programmes|programs|conditions|methods|techniques|"
             r"(?:psycho)?therapies|drugs|doses|vaccines|diets|strategies|modalities|procedures)")
#: the arms stated together, three or more of them: "all three groups", "the three methods", "all groups", "among
#: the groups", "each of the four arms" (not "both groups", "the two arms", "between the groups": two arms)
TOGETHER = re.compile(
    rf"\b(?:(?:all|each\s+of)\s+(?:the\s+)?(?:three|four|five|3|4|5)|the\s+(?:three|four|five|3|4|5)|all(?:\s+the)?)"
    rf"\s+(?:\w+\s+){{0,2}}?{_ARM_NOUN}\b|\bamong\s+(?:the\s+)?(?:\w+\s+)?{_ARM_NOUN}\b", re.IGNORECASE)


def _group(ents: list[Entity]) -> list[list[Entity]]:
    """Mentions grouped into arms by :func:`.design.same_intervention` of their content words, in order."""
    groups: list[list[Entity]] = []
    for ent in ents:
        key = entity_words(ent)
        group = next((g for g in groups if same_intervention(key, entity_words(g[0]))), None)
        (group.append(ent) if group is not None else groups.append([ent]))
    return groups


def reported_reference(claims: list[Claim], by_id: dict[str, Entity], arm: Callable[[Entity], bool]
                       ) -> tuple[list[Entity], list[list[Entity]]]:
    """``(reference mentions, [mentions of each compared arm])`` as the results report them (module docstring);
    ``([], [])`` when no comparator arm has two or more different intervention arms set against it."""
    pairs: list[tuple[Entity, Entity]] = []
    for c in claims:
        if c.type != "finding" or c.direction not in _COMPARED or len(c.intervention) != 1 \
                or len(c.comparator) != 1 or c.intervention[0] in c.inherited or c.comparator[0] in c.inherited:
            continue
        i, k = by_id.get(c.intervention[0]), by_id.get(c.comparator[0])
        if i is None or k is None or is_bare_label(i.text) or is_bare_label(k.text) \
                or not entity_words(i) or not entity_words(k) or not arm(i) or not arm(k):
            continue
        pairs.append((i, k))
    if not pairs:
        return [], []
    best: tuple[int, list[Entity], list[list[Entity]]] | None = None
    tie = False
    for ref in _group([k for _, k in pairs]):
        rkey = entity_words(ref[0])
        against = _group([i for i, k in pairs if same_intervention(entity_words(k), rkey)
                          and not same_intervention(entity_words(i), rkey)])
        if len(against) < 2:
            continue
        if best is None or len(against) > best[0]:
            best, tie = (len(against), ref, against), False
        elif len(against) == best[0]:
            tie = True
    if best is None or tie:
        return [], []
    return best[1], best[2]


def _stated_together(c: Claim, record: Record, own: dict[int, bool]) -> bool:
    """Does the claim's sentence state the arms together and name none of them (no own I/C entity that is not a bare
    label, no arm phrase naming one arm)? ``own`` caches whether each sentence names an arm."""
    s = record.sentences[c.sentence]
    text = record.text[s.start:s.end]
    if not TOGETHER.search(text):
        return False
    if c.sentence not in own:
        own[c.sentence] = names_arm(text) or any(
            e.label in _ARMS and s.start <= e.start < s.end and not is_bare_label(e.text) and entity_words(e)
            for e in record.entities)
    return not own[c.sentence]


def split_all_arms(record: Record, claims: list[Claim], ctx: InterventionContext) -> list[Claim]:
    """``claims`` with each compared finding / adverse effect that states the trial's arms together split into one
    claim per arm the results compare with the reference arm (module docstring); renumbered when any was split.
    ``ctx``: the abstract's context after its last sentence (which mentions are arms of the trial)."""
    open_ = [c for c in claims if c.type in _KINDS and c.direction in _COMPARED and c.intervention and c.comparator
             and all(i in c.inherited for i in (*c.intervention, *c.comparator))]
    if not open_:
        return claims
    # the sentence test first (a regex): the reference asks the trial-arm check, which is made on first need
    own: dict[int, bool] = {}
    targets = {c.id for c in open_ if _stated_together(c, record, own)}
    if not targets:
        return claims
    by_id = {e.id: e for e in record.entities}

    def arm(ent: Entity) -> bool:
        return not ctx.set_aside(ent) and (is_control(ent) or ctx.known_arm(ent))
    reference, compared = reported_reference(claims, by_id, arm)
    if not reference:
        return claims
    ref_at = mention_at(reference, record)
    arms_at = [mention_at(m, record) for m in compared]
    out: list[Claim] = []
    for c in claims:
        if c.id not in targets:
            out.append(c)
            continue
        comparator = ref_at(c.sentence)
        for at in arms_at:
            chosen = at(c.sentence)
            out.append(c.model_copy(update={"intervention": [chosen.id], "comparator": [comparator.id],
                                            "inherited": [chosen.id, comparator.id]}))
    return [c.model_copy(update={"id": f"C{n}"}) for n, c in enumerate(out, 1)]
