"""Linking inside a sentence: roles, arm values, outcomes of measures, claim groups.

Arm values (``Claim.arms``) - a measure of an arm-value kind (value, percentage, count, mean_sd,
median_iqr, duration, range) is linked to an arm by, in order:

1. **lists**: arms written as a list ("the study group and control group", "A vs B") and a run of
   values written as a list ("13.8 (8.1) and 17.5 (14.5) respectively", "19.2% vs. 25.0%") pair up
   in order;
2. **parenthesis**: values inside a bracket that opens right after an arm ("than in group II (35.2
   hours, n = 11)") belong to it;
3. **following arm**: a value followed by a preposition and an arm ("44.8% in the study group");
4. **preceding arm**: an arm right before the value ("tiotropium 9.5%", "placebo group: 17.9%");
5. **clause scope**: "In group I, ..." scopes the values after it up to the next arm.

No other measure and no ``;`` may lie between a value and its arm. Each measure is also linked to
its outcome: the nearest OUTCOME entity before it in the sentence (else the nearest after it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from ...schema import Entity, Measure
from .base import SentenceView
from .base import entity_words
from .context import Arm, same_intervention

ARM_VALUE_KINDS = frozenset({"value", "percentage", "count", "mean_sd", "median_iqr", "duration", "range"})
_LIST_SEP = re.compile(r"^\s*(?:,|;|and|or|vs\.?|versus|compared\s+(?:with|to)|to|with|,\s*and|/)?\s*(?:the\s+)?$", re.IGNORECASE)
_VALUE_SEP = re.compile(r"^\s*(?:\)|\()?\s*(?:,|;|and|or|vs\.?|versus|compared\s+(?:with|to)|to|/|:)?\s*(?:\(|\))?\s*$",
                        re.IGNORECASE)
_FOLLOWING = re.compile(
    r"^\s*\)?\s*,?\s*(?:of\s+(?:the\s+)?(?:patients|subjects|participants|women|men|children|cases)\s+)?"
    r"(?:in|for|among|with|on|from|receiving|treated\s+with|given|at|after|under|using|of)\s+"
    r"(?:the\s+|those\s+|patients\s+|subjects\s+|participants\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_PRECEDING = re.compile(r"^\s*(?:\(\s*n\s*=\s*\d+\s*\)\s*)?(?:group\s*)?[:=,]?\s*(?:\(\s*)?(?:was\s+|were\s+|had\s+|of\s+)?$",
                        re.IGNORECASE)
_CLAUSE_LEAD = re.compile(r"^\s*(?:in|for|among|with)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass
class Roles:
    population: list[Entity] = field(default_factory=list)
    intervention: list[Entity] = field(default_factory=list)
    comparator: list[Entity] = field(default_factory=list)
    outcome: list[Entity] = field(default_factory=list)
    inherited: list[Entity] = field(default_factory=list)


def roles_of(view: SentenceView, arms: list[Arm], carried: list[Entity], carried_comparator: Entity | None,
             compares: bool = False) -> Roles:
    """Who / what / against what / measured how. Arms resolved to earlier entities and, when the
    sentence names no intervention, the carried main intervention are ``inherited``. A between-arm
    comparison (``compares``, :func:`between_arms`) that names no comparator gets the design's
    (``carried_comparator``), also inherited, unless it is a mention of the claim's intervention."""
    roles = Roles(population=view.label("POPULATION"), outcome=view.label("OUTCOME"))
    for arm in arms:
        if arm.entity is None or arm.plural:
            continue
        target = roles.comparator if arm.side == "C" else roles.intervention
        if arm.entity not in target and not any(same_intervention(entity_words(arm.entity), entity_words(e))
                                                for e in target):
            target.append(arm.entity)
        if arm.inherited and arm.entity not in roles.inherited:
            roles.inherited.append(arm.entity)
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


_BETWEEN = re.compile(
    r"\b(?:than|compared|comparison|versus|vs\.?|relative\s+to|between|differ\w*|similar(?:ly)?|comparable|"
    r"equivalent|superior|inferior|non-?inferior\w*|no\s+(?:\w+\s+){0,2}(?:effect|impact|benefit)s?|"
    r"odds|hazard|risk\s+ratio|relative\s+risk)\b", re.IGNORECASE)
_WITHIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:baseline|pre-?\w*|before|admission|week\s+0|day\s+0)\b|"
                     r"\b(?:in|for|within)\s+(?:both|each|all|either)\s+(?:the\s+)?(?:\w+\s+)?(?:groups?|arms?)\b|"
                     r"\bover\s+(?:the\s+)?(?:\d|\w+-(?:month|week|year))", re.IGNORECASE)


def within_arms(view: SentenceView) -> bool:
    """Within-arm wording: "from baseline", "in both groups", "over the 24-month period"."""
    return bool(_WITHIN.search(view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")))


def between_arms(view: SentenceView, arms: list[Arm], pairs: list[tuple[Measure, Arm]]) -> bool:
    """Does the sentence compare arms (rather than report one arm, or a change within each arm)?
    Comparison words or a comparator arm ("than", "versus", "between groups", "no difference", "similar"),
    values of two arms, or a test statistic (p-value, CI, ratio) without within-arm wording ("from
    baseline", "in both groups", "over the 24-month period")."""
    if len({a.key for _, a in pairs}) >= 2 or any(a.side == "C" and not a.plural for a in arms):
        return True
    masked = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR")
    if _BETWEEN.search(masked):
        return True
    within = within_arms(view)
    if any(a.plural for a in arms) and not within:
        return True
    return not within and any(m.kind in ("p_value", "ci", "ratio") for m in view.measures)


def arm_values(view: SentenceView, arms: list[Arm], measures: list[Measure]) -> list[tuple[Measure, Arm]]:
    """(measure, arm) pairs for the arm values of a sentence (see the module docstring)."""
    singles = [a for a in arms if not a.plural]
    values = [m for m in measures if m.kind in ARM_VALUE_KINDS and not _between_arms(view, m)]
    if not singles or not values:
        return []
    linked: dict[str, Arm] = {}
    _by_lists(view, singles, values, measures, linked)
    for m in values:
        if m.id in linked:
            continue
        arm = (_in_parenthesis(view, singles, m) or _following(view, singles, measures, m)
               or _preceding(view, singles, measures, m) or _clause_scope(view, singles, m))
        if arm is not None:
            linked[m.id] = arm
    return [(m, linked[m.id]) for m in values if m.id in linked]


_DIFFERENCE_BEFORE = re.compile(r"(?:difference|reduction|increase|change|gain|decrease)\s*(?:of|was|=|:|,)?\s*$",
                                re.IGNORECASE)


def _between_arms(view: SentenceView, m: Measure) -> bool:
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


def _clear(view: SentenceView, start: int, end: int, measures: list[Measure], skip: Measure) -> bool:
    """No other measure and no ';' between start and end."""
    if ";" in view.between(start, end):
        return False
    return not any(start <= m.start < end for m in measures if m.id != skip.id)


def _in_parenthesis(view, arms, m) -> Arm | None:
    for arm in reversed(arms):
        if arm.end > m.start:
            continue
        gap = view.between(arm.end, m.start)
        if re.match(r"^\s*\(", gap) and not re.search(r"[();]", gap.lstrip()[1:]) and not any(
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


def outcome_of(view: SentenceView, m: Measure) -> Entity | None:
    outcomes = view.label("OUTCOME")
    before = [o for o in outcomes if o.end <= m.start]
    if before:
        return before[-1]
    after = [o for o in outcomes if o.start >= m.end]
    return after[0] if after else None


@dataclass
class Group:
    """The part of a sentence that one claim covers: its outcomes and measures."""

    outcomes: list[Entity]
    measures: list[Measure]


RESULT_KINDS = frozenset({"p_value", "ci", "ratio", "mean_sd", "median_iqr", "range", "percentage", "duration",
                          "count", "value"})


def claim_groups(view: SentenceView, pairs: list[tuple[Measure, Arm]]) -> list[Group]:
    """One group per outcome that has its own arm values or p-value when the sentence reports two or
    more such outcomes ("mortality (10% vs 12%) and readmission (5% vs 8%)"); in a sentence with no arm
    values, one group per outcome with result numbers of its own ("(objective response rates: 33-80%;
    mean duration: 6-42.5 months)"; thresholds, doses, ages and sample sizes do not count), where a
    ``label: number`` slot whose label is no OUTCOME entity ("mean duration: 6-42.5 months" when the
    tagger missed it) is a result of its own too (a group without an outcome); else one group."""
    outcomes = view.label("OUTCOME")
    whole = [Group(outcomes, list(view.measures))]
    if not outcomes or not view.measures:
        return whole
    armed = {m.id for m, _ in pairs}
    # slots: the outcomes and the untagged "label:" slots, in text order
    slots: list[tuple[int, str, Entity | None]] = [(o.start, o.id, o) for o in outcomes]
    owner: dict[str, list[Measure]] = {}
    for m in view.measures:
        label = None if armed else _untagged_label(view, m, outcomes)
        if label is not None:
            key = f"label@{label}"
            if key not in owner:
                slots.append((label, key, None))
        else:
            o = outcome_of(view, m)
            key = o.id if o else ""
        owner.setdefault(key, []).append(m)
    slots.sort(key=lambda x: x[0])

    def own_result(x: Measure) -> bool:
        return x.id in armed or x.kind == "p_value" or (not armed and x.kind in RESULT_KINDS)

    keyed = {key for _, key, _ in slots if any(own_result(x) for x in owner.get(key, []))}
    if len(keyed) < 2:
        return whole
    groups: list[Group] = []
    pending: list[tuple[str, Entity | None]] = []
    for _, key, ent in slots:
        pending.append((key, ent))
        if key in keyed:
            groups.append(Group([e for _, e in pending if e is not None],
                                [m for k, _ in pending for m in owner.get(k, [])]))
            pending = []
    if pending and groups[-1].outcomes:  # trailing outcomes without values of their own join the last group
        groups[-1].outcomes.extend(e for _, e in pending if e is not None)
        groups[-1].measures.extend(m for k, _ in pending for m in owner.get(k, []))
    elif pending:  # ... unless it is an untagged "label:" slot: they are a group of their own
        groups.append(Group([e for _, e in pending if e is not None], [m for k, _ in pending for m in owner.get(k, [])]))
    # measures that no outcome owns (none before them, none after) go to the first group
    groups[0].measures.extend(owner.get("", []))
    for g in groups:
        g.measures.sort(key=lambda m: m.start)
    return groups


_SLOT_LABEL = re.compile(r"([A-Za-z][\w' /-]{1,50}?)\s*:\s*$")


def _untagged_label(view: SentenceView, m: Measure, outcomes: list[Entity]) -> int | None:
    """Absolute start of the label of a ``label: number`` slot right before ``m`` that no OUTCOME
    entity covers; None when there is none."""
    if m.kind not in RESULT_KINDS or m.kind == "p_value":
        return None
    lo = max(view.start, m.start - 60)
    hit = _SLOT_LABEL.search(view.between(lo, m.start))
    if hit is None:
        return None
    a, b = lo + hit.start(1), lo + hit.end(1)
    if any(o.start < b and a < o.end for o in outcomes):
        return None
    return a


def split_by_arm(view: SentenceView, group: Group, pairs: list[tuple[Measure, Arm]], comparator: list[Entity]
                 ) -> list[tuple[Group, Entity | None]]:
    """One comparison per experimental arm (issue 10's unit): when a group holds values of two or more
    different intervention arms and the claim has a comparator ("34.3% with lidocaine (P = 0.001), 40%
    with ketorolac (P = 0.004) ... 68.6% with placebo"), each arm gets its own group: its values, the
    comparator's values, and the unlinked measures (p-values, CIs) between its first value and the next
    arm's (unlinked measures outside every arm's stretch go to each). Not when an arm value is linked to
    no named arm ("8.6% with both"). Otherwise ``[(group, None)]``."""
    whole = [(group, None)]
    ids = {m.id for m in group.measures}
    mine = [(m, a) for m, a in pairs if m.id in ids and a.entity is not None and not a.plural]
    if not comparator or not mine:
        return whole
    def same(a: Entity, b: Entity) -> bool:
        return a.id == b.id or same_intervention(entity_words(a), entity_words(b))

    arms: list[Entity] = []
    for _, a in sorted(mine, key=lambda x: x[0].start):
        if a.side != "C" and not any(same(a.entity, e) for e in arms):
            arms.append(a.entity)
    if len(arms) < 2:
        return whole

    def arm_of(ent: Entity) -> int | None:
        return next((k for k, e in enumerate(arms) if same(ent, e)), None)

    owner = {m.id: arm_of(a.entity) if a.side != "C" else -1 for m, a in mine}
    if any(not any(owner[m.id] == k for m, _ in mine) for k in range(len(arms))):
        return whole
    if any(m.kind in ARM_VALUE_KINDS and m.id not in owner and not _between_arms(view, m)
           for m in group.measures):
        return whole  # a value of an arm that is not named ("8.6% with both"): which comparison it is, is unknown
    starts = [min(m.start for m, a in mine if owner[m.id] == k) for k in range(len(arms))]
    out = []
    for k, ent in enumerate(arms):
        later = [x for x in starts if x > starts[k]]
        lo, hi = starts[k], min(later) if later else float("inf")
        keep = []
        for m in group.measures:
            who = owner.get(m.id)
            if who is None and m.id not in owner:  # unlinked: p-value, CI, difference
                inside = [j for j, x in enumerate(starts) if x <= m.start < min([y for y in starts if y > x] or
                                                                              [float("inf")])]
                who = inside[0] if inside else -1
            if who in (k, -1) or (lo <= m.start < hi and who is None):
                keep.append(m)
        out.append((Group(list(group.outcomes), keep), ent))
    return out


def p_value_of(measures: list[Measure]) -> Measure | None:
    """The p-value that decides a claim's significance: the first one of its measures."""
    return next((m for m in measures if m.kind == "p_value"), None)


def role_spans(view: SentenceView, arms: list[Arm], outcomes: list[Entity]) -> list[tuple[int, int, str]]:
    """Local (start, end, role) spans of the arms (role = side, I or C) and outcomes of a sentence: the
    mentions the direction classifier sees marked."""
    spans = [(a.start - view.start, a.end - view.start, a.side) for a in arms if not a.plural and a.side]
    spans += [(o.start - view.start, o.end - view.start, "O") for o in outcomes]
    return spans
