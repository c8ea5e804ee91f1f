"""What the counted patients did is the outcome, also where the tagger read its object as an arm (claims layer only;
used by :mod:`claimex.annotate.outcome_lists` after :mod:`claimex.annotate.outcome_objects`; issue 10,
docs/claims-rounds.md 34.5, s20-found).

:func:`claimex.annotate.outcome_counts.count_predicates` reads the outcome of "significantly more patients in the
intervention group [continued antidepressants] until the 6 month follow-up (86/125 vs 78/133, p < 0.05)" from the
verb of the counted subject, but stops where that verb phrase runs into an entity - and the tagger often reads the
object of what the patients did as an INTERVENTION ("continued [antidepressants]I", "required [rescue
analgesia]I"). The sentence then has no OUTCOME and its finding is dropped. In a sentence that compares or tests a
count and whose claims layer holds no OUTCOME (GUIDELINES, *Entities*: OUTCOME is "what is measured or observed";
a count of patients measures what they did), :func:`counted_arm_objects` reads the same predicate as
``count_predicates`` with the INTERVENTION spans as free words; where the predicate it finds holds an INTERVENTION
span after its verb (and no entity of another label), the predicate becomes one OUTCOME. Design and flow verbs
("received", "were randomized", "used", "discontinued") end the search there as in ``count_predicates``.
"""

from __future__ import annotations

from bisect import bisect_right

from .outcome_arms import INTERVENTION, OUTCOME, _replace
from .outcome_counts import count_predicates
from .outcome_names import TokenView


def counted_arm_objects(t: TokenView, claims: list[list], kind_at: list[str | None]) -> list[list]:
    """``claims`` (entries ``[start, end, label, score, subtype, source]``) with the predicate of each sentence's
    counted subject made one OUTCOME where it holds an INTERVENTION span (module doc). Only sentences with an
    INTERVENTION entry and no OUTCOME entry are read (found in one pass over the entries)."""
    if not any(o[2] == INTERVENTION for o in claims):
        return claims
    starts = [lo for lo, _ in t.sentences]
    with_arm, with_outcome = set(), set()
    for o in claims:
        if o[2] == INTERVENTION:
            with_arm.add(bisect_right(starts, o[0]) - 1)
        elif o[2] == OUTCOME:
            with_outcome.add(bisect_right(starts, o[0]) - 1)
    todo = sorted(with_arm - with_outcome)
    if not todo:
        return claims
    taken = [False] * t.n
    for o in claims:
        if o[2] != INTERVENTION:
            taken[o[0]:o[1]] = [True] * (o[1] - o[0])
    for k in todo:
        lo, hi = t.sentences[k]
        for a, b in count_predicates(t, taken, lo, hi, kind_at, False):
            mine = [o for o in claims if lo <= o[0] < hi]
            inside = [o for o in mine if o[0] < b and a < o[1]]
            if not inside or any(o[0] < a for o in inside) or a > lo and any(o[0] < a <= o[1] for o in mine):
                continue  # no arm in the predicate, or the verb itself is (part of) an entity
            claims = _replace(claims, a, b, "counted_arm_object")
    return claims
