"""Claim granularity (issue 10's unit: one outcome's result for one comparison in one sentence).

* :func:`claim_groups`: one group per outcome that reports its own comparison (arm values or a p-value)
  or, in a sentence without arm values, its own result numbers ("label: number" slots count even when the
  tagger did not tag the label);
* :func:`split_by_arm`: one comparison per experimental arm when several named arms face one comparator;
* :func:`split_by_comparator`: one comparison per comparator arm when one arm faces several ("superior to
  both A (p < 0.001) and B (p < 0.001)").

Each measure's outcome is the nearest OUTCOME entity before it (else after it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .base import SentenceView, entity_words
from .clauses import clauses
from .context import Arm, same_intervention
from .design import distinct_arms
from .link import ARM_VALUE_KINDS, is_difference
from .owned import has_null, nulls_of
from .plain import EntityLike, PlainEntity, PlainMeasure
from .polarity import own_cue


def outcome_of(view: SentenceView, m: PlainMeasure) -> PlainEntity | None:
    outcomes = view.label("OUTCOME")
    before = [o for o in outcomes if o.end <= m.start]
    if before:
        return before[-1]
    after = [o for o in outcomes if o.start >= m.end]
    return after[0] if after else None


@dataclass
class Group:
    """The part of a sentence that one claim covers: its outcomes and measures (the view's plain copies)."""

    outcomes: list[PlainEntity]
    measures: list[PlainMeasure]


RESULT_KINDS = frozenset({"p_value", "ci", "ratio", "mean_sd", "median_iqr", "range", "percentage", "duration",
                          "count", "value"})


def claim_groups(view: SentenceView, pairs: list[tuple[PlainMeasure, Arm]]) -> list[Group]:
    """The groups of :func:`_value_groups`, each split where its outcomes lie in different contrast
    clauses (:func:`by_clause`) and where its outcomes have change words of opposite signs (:func:`by_cue`)."""
    return [g for group in _value_groups(view, pairs) for c in by_clause(view, group) for g in by_cue(view, c)]


def by_cue(view: SentenceView, group: Group) -> list[Group]:
    """One group per outcome said with a change word of its own when those words go opposite ways
    (:func:`.polarity.own_cue`): "significantly increases post-operative DOA and reduces opioid requirement",
    "a better mental state and coping style, higher levels of IL-2 and lower levels of cortisol" report one
    result each (outcomes without a word of their own join the one before: "coping style"). Each measure
    goes to the outcome before it; a test after the last outcome that no other group has ("(all P<0.05)")
    to every group."""
    if len(group.outcomes) < 2:
        return [group]
    masked = view.masked("INTERVENTION", "COMPARATOR", "POPULATION")
    outcomes = sorted(group.outcomes, key=lambda o: o.start)
    local = [(o.start - view.start, o.end - view.start) for o in outcomes]
    signs = [own_cue(masked, a, b) for a, b in local]
    if all(x is None for x in signs):
        return [group]
    if has_null(masked):
        # a no difference said of one outcome alone (:func:`.owned.own_null`) is a sign of its own: "induced less
        # fatigue side effect and exerted comparable lipid-lowering effects" reports two results
        signs = [0 if null else sign for sign, null in zip(signs, nulls_of(masked, local))]
    if len({x for x in signs if x is not None}) < 2:
        return [group]
    parts: list[Group] = []
    for o, sign in zip(outcomes, signs):
        if sign is not None or not parts:
            parts.append(Group([o], []))
        else:
            parts[-1].outcomes.append(o)
    firsts = [p.outcomes[0].start for p in parts]
    tests = ("p_value", "ci", "ratio")
    shared = []
    for m in group.measures:
        k = max((j for j, x in enumerate(firsts) if x <= m.start), default=0)
        if m.kind in tests and k == len(parts) - 1 and m.start > outcomes[-1].end:
            shared.append(m)
        else:
            parts[k].measures.append(m)
    for k, p in enumerate(parts):
        if k == len(parts) - 1 or not any(m.kind in tests for m in p.measures):
            p.measures.extend(shared)
        p.measures.sort(key=lambda m: m.start)
    return parts


def by_clause(view: SentenceView, group: Group) -> list[Group]:
    """One group per contrast clause (:func:`.clauses.clauses`: split at "whereas", "but", "while",
    "although", "however") that holds outcomes of ``group``: "Hemodynamic stability did not differ between
    A and B, whereas patients in the A group had significantly fewer days of mechanical ventilation" reports
    two results. Measures go to the clause they stand in; those of a clause without outcomes to the group
    before (else after)."""
    spans = clauses(view.text, contrast=True)
    if len(spans) < 2 or len(group.outcomes) < 2:
        return [group]

    def clause_of(pos: int) -> int:
        return next((k for k, (a, b) in enumerate(spans) if a <= pos - view.start < b), len(spans) - 1)

    keys = sorted({clause_of(o.start) for o in group.outcomes})
    if len(keys) < 2:
        return [group]
    parts = {k: Group([o for o in group.outcomes if clause_of(o.start) == k], []) for k in keys}
    for m in group.measures:
        k = clause_of(m.start)
        owner = max((x for x in keys if x <= k), default=keys[0])
        parts[owner].measures.append(m)
    return [parts[k] for k in keys]


def _value_groups(view: SentenceView, pairs: list[tuple[PlainMeasure, Arm]]) -> list[Group]:
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
    slots: list[tuple[int, str, PlainEntity | None]] = [(o.start, o.id, o) for o in outcomes]
    owner: dict[str, list[PlainMeasure]] = {}
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

    def own_result(x: PlainMeasure) -> bool:
        return x.id in armed or x.kind == "p_value" or (not armed and x.kind in RESULT_KINDS)

    keyed = {key for _, key, _ in slots if any(own_result(x) for x in owner.get(key, []))}
    if len(keyed) < 2:
        return whole
    groups: list[Group] = []
    pending: list[tuple[str, PlainEntity | None]] = []
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
        groups.append(Group([e for _, e in pending if e is not None], [m for k, _ in pending for m in owner.get(k,
                      [])]))
    # measures that no outcome owns (none before them, none after) go to the first group
    groups[0].measures.extend(owner.get("", []))
    for g in groups:
        g.measures.sort(key=lambda m: m.start)
    return groups


_SLOT_LABEL = re.compile(r"([A-Za-z][\w' /-]{1,50}?)\s*:\s*$")


def _untagged_label(view: SentenceView, m: PlainMeasure, outcomes: Sequence[EntityLike]) -> int | None:
    """Absolute start of the label of a ``label: number`` slot right before ``m`` that no OUTCOME
    entity covers; None when there is none."""
    if m.kind not in RESULT_KINDS or m.kind == "p_value":
        return None
    lo = max(view.start, m.start - 60)
    window = view.between(lo, m.start)
    if not window.rstrip().endswith(":"):
        return None  # every slot label ends in ":" and whitespace (a quick test before the lazy scan)
    hit = _SLOT_LABEL.search(window)
    if hit is None:
        return None
    a, b = lo + hit.start(1), lo + hit.end(1)
    if any(o.start < b and a < o.end for o in outcomes):
        return None
    return a


def _same_arm(a: EntityLike, b: EntityLike) -> bool:
    return a.id == b.id or same_intervention(entity_words(a), entity_words(b))


def _arm_index(ent: EntityLike, arms: list[EntityLike]) -> int | None:
    """The index of the arm of ``arms`` that ``ent`` names (module functions, not closures of
    :func:`split_by_arm`: compiled, a closure that another closure calls is kept in their shared environment, a
    reference cycle that held the call's values until a collection)."""
    return next((k for k, e in enumerate(arms) if _same_arm(ent, e)), None)


def split_by_arm(view: SentenceView, group: Group, pairs: list[tuple[PlainMeasure, Arm]],
                 comparator: Sequence[EntityLike]) -> list[tuple[Group, EntityLike | None]]:
    """One comparison per experimental arm (issue 10's unit): when a group holds values of two or more
    different intervention arms and the claim has a comparator ("34.3% with lidocaine (P = 0.001), 40%
    with ketorolac (P = 0.004) ... 68.6% with placebo"), each arm gets its own group: its values, the
    comparator's values, and the unlinked measures (p-values, CIs) between its first value and the next
    arm's (unlinked measures outside every arm's stretch, or after the last arm value, go to each). Not
    when an arm value is linked to no named arm ("8.6% with both"). Otherwise ``[(group, None)]``."""
    whole: list[tuple[Group, EntityLike | None]] = [(group, None)]
    ids = {m.id for m in group.measures}
    mine = [(m, a) for m, a in pairs if m.id in ids and a.entity is not None and not a.plural]
    if not comparator or not mine:
        return whole
    arms: list[EntityLike] = []
    for _, a in sorted(mine, key=lambda x: x[0].start):
        ent = a.entity  # (never None: ``mine`` holds arms with an entity; the test says so to the type checker)
        if ent is not None and a.side != "C" and not any(_same_arm(ent, e) for e in arms):
            arms.append(ent)
    if len(arms) < 2:
        return whole

    owner = {m.id: _arm_index(a.entity, arms) if a.side != "C" and a.entity is not None else -1 for m, a in mine}
    if any(not any(owner[m.id] == k for m, _ in mine) for k in range(len(arms))):
        return whole
    if any(m.kind in ARM_VALUE_KINDS and m.id not in owner and not is_difference(view, m)
           for m in group.measures):
        return whole  # a value of an arm that is not named ("8.6% with both"): which comparison it is, is unknown
    starts = [min(m.start for m, a in mine if owner[m.id] == k) for k in range(len(arms))]
    last = max(m.start for m, _ in mine)  # a test after every arm's value ("..., P = 0.117") is each arm's
    out: list[tuple[Group, EntityLike | None]] = []
    for k, arm in enumerate(arms):
        later = [x for x in starts if x > starts[k]]
        lo, hi = starts[k], min(later) if later else float("inf")
        keep = []
        for m in group.measures:
            who = owner.get(m.id)
            if who is None and m.id not in owner:  # unlinked: p-value, CI, difference
                inside = [j for j, x in enumerate(starts) if x <= m.start < min([y for y in starts if y > x],
                                                                                default=float("inf"))]
                who = inside[0] if inside and m.start < last else -1
            if who in (k, -1) or (lo <= m.start < hi and who is None):
                keep.append(m)
        out.append((Group(list(group.outcomes), keep), arm))
    return out


_JOINED = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*|,?\s*(?:and|or|and/or|nor|but\s+not)\s+"
                     r"(?:with\s+|to\s+|the\s+)?)$",
                     re.IGNORECASE)
_P_LIST = re.compile(r"^\s*(?:,|and|,\s*and)\s*$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def split_by_comparator(view: SentenceView, group: Group, arms: list[Arm], comparator: Sequence[EntityLike]
                        ) -> list[tuple[Group, EntityLike | None]]:
    """One comparison per comparator arm (issue 10's unit): when the claim's comparator holds two or more
    different arms that the sentence names itself, joined as a list (and / or / comma: "lower ... than in
    those receiving lidocaine or ketorolac alone (P = 0.009 and 0.002, respectively)", "superior to both
    conventional instruments (p < 0.001) and laparoscopic instruments (p < 0.001)"), each gets its own group.
    Its p-values: with "respectively" and one p-value per comparator arm, in order; else those after the arm
    and before the next comparator arm, and the p-values outside every comparator's stretch go to each.
    Otherwise ``[(group, None)]``."""
    whole: list[tuple[Group, EntityLike | None]] = [(group, None)]
    own = [a for a in arms if a.side == "C" and a.entity is not None and not a.plural and not a.inherited]
    distinct = distinct_arms(sorted(own, key=lambda x: x.start))
    if len(distinct) < 2 or len({e.id for e in comparator}) < 2 \
            or any(a.entity is None or a.entity.id not in {e.id for e in comparator} for a in distinct) \
            or not all(_JOINED.match(view.between(a.end, b.start)) for a, b in zip(distinct, distinct[1:])):
        return whole  # only arms joined as a list ("lidocaine or ketorolac alone"), not "other treatments,
        # particularly systemic chemotherapy"
    tests: list[PlainMeasure] = []
    for m in sorted(group.measures, key=lambda x: x.start):
        # "(P = 0.009 and 0.002, respectively)": the bare second value is a p-value too
        if m.kind == "p_value" or (tests and m.kind == "value" and _P_LIST.match(view.between(tests[-1].end, m.start))):
            tests.append(m)
    shared = [m for m in group.measures if m not in tests]
    owned: list[list[PlainMeasure]] = [[] for _ in distinct]
    if len(tests) == len(distinct) and _RESPECTIVELY.search(view.text) and tests[0].start > distinct[-1].end:
        for k, m in enumerate(tests):
            owned[k].append(m)
    else:
        for m in tests:
            at = next((k for k, a in enumerate(distinct) if a.end <= m.start
                       and (k + 1 == len(distinct) or m.start < distinct[k + 1].start)), None)
            if at is None:
                shared.append(m)
            else:
                owned[at].append(m)
    return [(Group(list(group.outcomes), sorted(shared + mine, key=lambda m: m.start)), a.entity)
            for a, mine in zip(distinct, owned)]
