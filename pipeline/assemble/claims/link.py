"""Linking inside a sentence: roles, arm values, outcomes of measures, claim groups.

Arm values (``Claim.arms``) - a measure of an arm-value kind (value, percentage, count, mean_sd,
median_iqr, duration, range) is linked to an arm by, in order:

1. **lists**: arms written as a list ("the study group and control group", "A vs B") and a run of
   values written as a list ("13.8 (8.1) and 17.5 (14.5) respectively", "19.2% vs. 25.0%") pair up
   in order; values written side by side in a clause that names as many arms pair up in the order the arms
   were named ("higher with rosuvastatin as compared to atorvastatin (87.64 vs. 69.88%)", :mod:`.namedorder`);
2. **parenthesis**: values inside a bracket that opens right after an arm ("than in group II (35.2
   hours, n = 11)") belong to it;
3. **following arm**: a value followed by a preposition and an arm ("44.8% in the study group") or by
   the arm in a bracket ("130 ± 46 min (Group C)");
4. **preceding arm**: an arm right before the value ("tiotropium 9.5%", "placebo group: 17.9%");
5. **clause scope**: "In group I, ..." scopes the values after it up to the next arm.

No other measure and no ``;`` may lie between a value and its arm. Roles (:func:`roles_of`) are decided
here too; whether a sentence compares arms or reports changes within them is in :mod:`.sides`, claim
granularity in :mod:`.groups`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .base import SentenceView, entity_words
from .context import Arm, same_intervention
from .gates import prefiltered
from .namedorder import named_order
from .plain import EntityLike, MeasureLike, PlainEntity, PlainMeasure

ARM_VALUE_KINDS = frozenset({"value", "percentage", "count", "mean_sd", "median_iqr", "duration", "range"})
_LIST_SEP = re.compile(r"^\s*(?:,|;|and|or|vs\.?|versus|compared\s+(?:with|to)|to|with|,\s*and|/)?\s*(?:the\s+)?$",
                       re.IGNORECASE)
_VALUE_SEP = re.compile(r"^\s*(?:\)|\()?\s*(?:,|;|and|or|vs\.?|versus|compared\s+(?:with|to)|to|/|:)?\s*(?:\(|\))?\s*$",
                        re.IGNORECASE)
_FOLLOWING = re.compile(
    r"^\s*\)?\s*,?\s*(?:of\s+(?:the\s+)?(?:patients|subjects|participants|women|men|children|cases)\s+|"
    # "318 (86.2%) patients in the ABLE group", "4.06 (95 % CI 3.41, 4.71) ng/ml in", "6.29/1,000 days in"
    r"(?:patients|subjects|participants|women|men|children|infants|cases|eyes|individuals)\s+|"
    r"[^\s\d()\[\];,]*/[^\s()\[\];]+(?:\s+(?:days|years|person-years|patient-years))?\s+)?"
    r"(?:in|for|among|with|on|from|receiving|treated\s+with|given|at|after|under|using|of)\s+"
    r"(?:the\s+|those\s+|patients\s+|subjects\s+|participants\s+)?(?:[\w-]+\s+){0,2}?$|"
    r"^\s*\(\s*(?:the\s+)?$", re.IGNORECASE)  # or the arm in a bracket: "130 ± 46 min (Group C)"
_PRECEDING = re.compile(r"^\s*(?:\(\s*n\s*=\s*\d+\s*\)\s*)?(?:group\s*)?[:=,]?\s*(?:\(\s*)?(?:was\s+|were\s+|had\s+|"
                        r"of\s+)?$",
                        re.IGNORECASE)
_CLAUSE_LEAD = re.compile(r"^\s*(?:in|for|among|with)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass
class Roles:
    population: list[PlainEntity] = field(default_factory=list)  # the view's entities (its own lists)
    intervention: list[EntityLike] = field(default_factory=list)
    comparator: list[EntityLike] = field(default_factory=list)
    outcome: list[PlainEntity] = field(default_factory=list)
    inherited: list[EntityLike] = field(default_factory=list)
    mentions: list[EntityLike] = field(default_factory=list)  # tagged bare labels the arms were resolved from


def roles_of(view: SentenceView, arms: list[Arm], carried: Sequence[EntityLike], carried_comparator: EntityLike | None,
             compares: bool = False, solo: bool = False) -> Roles:
    """Who / what / against what / measured how. Arms resolved to earlier entities and, when the
    sentence names no intervention, the carried main intervention are ``inherited``. A between-arm
    comparison (``compares``, :func:`.sides.between_arms`) that names no comparator gets the design's
    (``carried_comparator``), also inherited, unless it is a mention of the claim's intervention.
    ``solo`` (:func:`.sides.comparator_alone`): the comparator arm's own change is the finding - the arm is
    the claim's intervention, with no comparator and nothing carried."""
    roles = Roles(population=view.label("POPULATION"), outcome=view.label("OUTCOME"))
    for arm in arms:
        if arm.entity is None or arm.plural:
            continue
        target = roles.comparator if arm.side == "C" and not solo else roles.intervention
        if any(e is not arm.entity and e.text.lower() == arm.entity.text.lower() for e in target):
            # the same arm written again ("seminal plasma ... seminal plasma"): listed once, the repeat kept
            # as one of the sentence's mentions
            if not arm.inherited and arm.entity not in roles.mentions:
                roles.mentions.append(arm.entity)
            continue
        if arm.entity not in target:
            target.append(arm.entity)
        if arm.inherited and arm.entity not in roles.inherited:
            roles.inherited.append(arm.entity)
        if arm.mention is not None and arm.mention not in roles.mentions:
            roles.mentions.append(arm.mention)
    if solo:
        return roles
    if not roles.intervention:
        taken = [entity_words(e) for e in roles.comparator]
        for ent in carried:
            if not any(same_intervention(entity_words(ent), k) for k in taken):
                roles.intervention.append(ent)
                roles.inherited.append(ent)
    if (carried_comparator is not None and not roles.comparator and roles.intervention
            and compares
            and not any(same_intervention(entity_words(carried_comparator), entity_words(e))
                        for e in roles.intervention)):
        roles.comparator.append(carried_comparator)
        roles.inherited.append(carried_comparator)
    return roles


def arm_values(view: SentenceView, arms: list[Arm], measures: Sequence[PlainMeasure]
               ) -> list[tuple[PlainMeasure, Arm]]:
    """(measure, arm) pairs for the arm values of a sentence (see the module docstring)."""
    singles = [a for a in arms if not a.plural]
    values = [m for m in measures if m.kind in ARM_VALUE_KINDS and not is_difference(view, m)]
    if not singles or not values:
        return []
    linked: dict[str, Arm] = {}
    _by_lists(view, singles, values, measures, linked)
    named_order(view, singles, values, linked)
    for m in values:
        if m.id in linked:
            continue
        arm = (_in_parenthesis(view, singles, m) or _following(view, singles, measures, m)
               or _preceding(view, singles, measures, m) or _clause_scope(view, singles, m))
        if arm is not None:
            linked[m.id] = arm
    return [(m, linked[m.id]) for m in values if m.id in linked]


_DIFFERENCE_BEFORE = prefiltered(
    re.compile(r"\b(?:difference|reduction|increase|change|gain|decrease)\s*(?:of|was|=|:|,)?\s*$",
               re.IGNORECASE))


def is_difference(view: SentenceView, m: MeasureLike) -> bool:
    """A between-arm quantity, not one arm's value: "difference, -5.8 percentage points"."""
    return bool(m.unit and "point" in m.unit) or bool(_DIFFERENCE_BEFORE.search(view.between(m.start - 30, m.start)))


def _runs(view: SentenceView, items: list, sep: re.Pattern) -> list[list]:
    runs: list[list] = []
    for item in items:
        if runs and sep.match(view.between(runs[-1][-1].end, item.start)):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _by_lists(view, arms, values, measures, linked) -> None:
    arm_runs = [r for r in _runs(view, arms, _LIST_SEP) if len({a.key for a in r}) == len(r) >= 2]
    if not arm_runs:
        return
    value_runs = [r for r in _runs(view, values, _VALUE_SEP) if len(r) >= 2]
    for vrun in value_runs:
        # the arm list nearest to the value run (before it, else after it) with no other arm in between
        best = None
        for arun in arm_runs:
            if len(vrun) % len(arun):
                continue
            lo, hi = (arun[-1].end, vrun[0].start) if arun[-1].end <= vrun[0].start else (vrun[-1].end, arun[0].start)
            if any(lo <= a.start < hi for a in arms if a not in arun):
                continue
            if best is None or hi - lo < best[0]:
                best = (hi - lo, arun)
        if best is None:
            continue
        arun = best[1]
        respectively = "respectively" in view.text.lower()
        if len(vrun) > len(arun) and not respectively:
            # "A: 12 and 14; B: 10 and 11" is not a list pairing; leave to the adjacency rules
            continue
        step = len(vrun) // len(arun)
        for k, m in enumerate(vrun):
            linked.setdefault(m.id, arun[k // step] if respectively and step > 1 else arun[k % len(arun)])


def _clear(view: SentenceView, start: int, end: int, measures: Sequence[MeasureLike], skip: MeasureLike) -> bool:
    """No other measure and no ';' between start and end."""
    if ";" in view.between(start, end):
        return False
    return not any(start <= m.start < end for m in measures if m.id != skip.id)


_OPENS_BRACKET = re.compile(r"^\s*\(")
_BRACKET_OR_STOP = re.compile(r"[();]")


def _in_parenthesis(view, arms, m) -> Arm | None:
    for arm in reversed(arms):
        if arm.end > m.start:
            continue
        gap = view.between(arm.end, m.start)
        if _OPENS_BRACKET.match(gap) and not _BRACKET_OR_STOP.search(gap.lstrip()[1:]) and not any(
                arm.end <= a.start < m.start for a in arms):
            return arm
        return None
    return None


_BRACKET_AFTER = re.compile(r"^\s*[(\[][^()\[\]]{0,40}[)\]]")


def _following(view, arms, measures, m) -> Arm | None:
    """An arm after the value; a bracket right after the value ("77.4% (26.3) in the X group": its SD)
    is skipped."""
    for arm in arms:
        if arm.start < m.end:
            continue
        gap = view.between(m.end, arm.start)
        skip = _BRACKET_AFTER.match(gap)
        start = m.end + (skip.end() if skip else 0)
        if len(gap) <= 60 and _FOLLOWING.match(gap[skip.end():] if skip else gap) and \
                _clear(view, start, arm.start, measures, m):
            return arm
        return None
    return None


def _preceding(view, arms, measures, m) -> Arm | None:
    for arm in reversed(arms):
        if arm.end > m.start:
            continue
        gap = view.between(arm.end, m.start)
        if len(gap) <= 25 and _PRECEDING.match(gap) and _clear(view, arm.end, m.start, measures, m):
            return arm
        return None
    return None


_CLAUSE_SPLIT = re.compile(r";|,?\s+(?:while|whereas|but)\s+|,\s+(?:and|compared\s+with)\s+", re.IGNORECASE)


def _clause_scope(view, arms, m) -> Arm | None:
    """"In group I, ..." scopes the values after it; and in a sentence naming two or more arms, a clause
    (split at ``;``, "while", "whereas", "but") that names exactly one arm owns its values."""
    before = [a for a in arms if a.end <= m.start]
    if before:
        arm = before[-1]
        lead = view.text[:arm.start - view.start]
        clause_start = max(lead.rfind(";"), lead.rfind("."))
        if _CLAUSE_LEAD.match(lead[clause_start + 1:]) and view.between(arm.end, arm.end + 3).lstrip().startswith(","):
            return arm
    if len({a.key for a in arms}) < 2:
        return None
    cuts = [0] + [x.end() for x in _CLAUSE_SPLIT.finditer(view.text)] + [len(view.text)]
    local = m.start - view.start
    for lo, hi in pairwise(cuts):
        if lo <= local < hi:
            inside = {a.key: a for a in arms if lo <= a.start - view.start < hi}
            return next(iter(inside.values())) if len(inside) == 1 else None
    return None


_ARM_CONTRAST = re.compile(r",?\s+(?:while|whereas|but)\s+", re.IGNORECASE)


def clause_arm(view: SentenceView, outcomes: Sequence[EntityLike], arms: list[Arm], known) -> EntityLike | None:
    """The active arm a group of outcomes belongs to when a sentence names two or more active arms, each in
    its own clause (split at "while", "whereas", "but"): "Compared to the control group, SMT
    participants improved their fall risk score (p = 0.036) ..., while KIN participants improved their
    muscle strength (p = 0.032)". ``known(entity)``: was the arm named before (a span tagged only here,
    such as an outcome tagged as an intervention, does not count). None unless the clause names exactly
    one."""
    active = [a for a in arms if a.entity is not None and not a.plural and a.side != "C" and known(a.entity)]
    # (``active``: arms with an entity; the ``is not None`` tests below only say so to the type checker)
    if not outcomes or len({entity_words(a.entity) for a in active if a.entity is not None}) < 2:
        return None
    cuts = [0] + [x.end() for x in _ARM_CONTRAST.finditer(view.text)] + [len(view.text)]
    local = outcomes[0].start - view.start
    for lo, hi in pairwise(cuts):
        if lo <= local < hi:
            inside = [a for a in active if lo <= a.start - view.start < hi]
            keys = {entity_words(a.entity) for a in inside if a.entity is not None}
            if len(keys) == 1 and all(lo <= o.start - view.start < hi for o in outcomes):
                return inside[0].entity
            return None
    return None


def p_value_of(measures: Sequence[MeasureLike]) -> MeasureLike | None:
    """The p-value that decides a claim's significance: the first one of its measures."""
    return next((m for m in measures if m.kind == "p_value"), None)


def role_spans(view: SentenceView, arms: list[Arm], outcomes: Sequence[EntityLike]) -> list[tuple[int, int, str]]:
    """Local (start, end, role) spans of the arms (role = side, I or C) and outcomes of a sentence: the
    mentions the direction classifier sees marked."""
    spans = [(a.start - view.start, a.end - view.start, a.side) for a in arms if not a.plural and a.side]
    spans += [(o.start - view.start, o.end - view.start, "O") for o in outcomes]
    return spans
