"""A change said of one arm only: the single-arm finding of every arm beside the comparison (issue 10, session 18;
docs/claims.md section 32.1).

GUIDELINES (Findings): single-arm findings are within-group changes; a single-arm result is ``negative`` for "no
significant change/improvement"; "the same outcome within a group over time and between groups in one sentence gives
two findings". A sentence that locates a change "only in" one arm ("While both techniques were associated with an
increase in bladder compliance, statistical significance was demonstrated only in the spinal anesthesia treatment
group"; "P1NP increased significantly only in the massage group") says how each arm moved against its own start: the
named arm changed (judged from the change), every other arm had no significant change (``negative``, not
significant). The comparison the sentence makes is kept beside them (a reviewer reading "only in the X group" as
X against the other arm, as Evidence Inference does, loses nothing).
"""

from __future__ import annotations

import re

from ...schema import Claim
from .context import Arm
from .direction import Decision

#: a change or its significance, then within the sentence "only in / for / among (the)" before the arm
ONLY_IN = re.compile(r"\b(?:significan|improv|increas|decreas|reduc|declin|chang|rose|fell|elevat|lower|rais|"
                     r"worsen|normali[sz])\w*\b[^;]{0,100}?\bonly\s+(?:in|for|among|within|with)\s+(?:the\s+)?",
                     re.IGNORECASE)
#: how far after "only in" the arm must start ("only in the spinal anesthesia treatment group")
_REACH = 12


def only_arm(text: str, start: int, arms: list[Arm]) -> str | None:
    """The entity id of the arm a change is located in "only" (:data:`ONLY_IN`, the arm starting at most
    :data:`_REACH` characters after it; ``start``: the sentence's offset, for the arms' spans), or None."""
    if "only" not in text.lower():
        return None
    for m in ONLY_IN.finditer(text):
        for a in arms:
            if a.entity is not None and m.end() <= a.start - start <= m.end() + _REACH:
                return a.entity.id
    return None


def only_in_copies(claim: Claim, own: Decision, lone: str) -> list[Claim]:
    """The single-arm findings of ``claim``'s arms when its sentence locates the change in arm ``lone`` only: that
    arm judged by ``own`` (the change), each other arm ``negative`` and not significant (no significant change);
    none when ``lone`` is neither the claim's intervention nor one of its comparators. The intervention's copy
    first."""
    arms = [claim.intervention] + [[c] for c in claim.comparator]
    if not any(lone in ids for ids in arms) or own.direction not in ("positive", "negative"):
        return []
    return [claim.model_copy(update={
        "intervention": ids, "comparator": [], "negated": False,
        **({"direction": own.direction, "significant": own.significant, "p_value": own.p_value} if lone in ids
           else {"direction": "negative", "significant": False, "p_value": None})}) for ids in arms]
