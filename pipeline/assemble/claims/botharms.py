"""A result said of every arm, each arm with its own figures, in a sentence that names no arm: one single-arm finding
per arm - the carried arm's and the design comparator's (session 21).

GUIDELINES, Findings: '"Improved in both groups": one single-arm finding per arm when each arm has its own figures
("PMagnesium= 0.03, PPlacebo < 0.001"), otherwise one whose intervention is the treatment common to both arms'.
"Significant reductions (p < 0.05) in cross-linked N-telopeptide of type I collagen were also observed in both
groups, -24.4 +/- 6.5 % and -39.5 +/- 8.6 %, respectively" (PubMed 10993031) names no arm: its claim carries the
trial's main arm (:meth:`.context.InterventionContext.carried`), and the other arm's finding was missing, so a
reviewer's single-arm finding of the second arm could only be matched by the first arm's claim. The method: a
single-arm judgement (positive / negative, read from change or judgement words, not values merely observed) whose
sentence says the result holds in every arm (:data:`.polarity.BOTH_ARMS`: "in both groups", "in each group") and
gives the arms' figures "respectively" after two or more values, with every intervention mention carried from
earlier sentences, gets a copy whose intervention is the design's comparator (the arm the sentence's "both" takes
in besides the carried one). Without figures per arm ("Both creams were well tolerated", "no change within each
group") the one finding stays: the GUIDELINES' other case.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .base import SentenceView
from .decision import cue_text
from .plain import MeasureLike
from .polarity import BOTH_ARMS
from .switches import off

_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)  # two arms: the carried one and the design's comparator
#: measures that are no arm's own figure: a CI, a time or a dose (two p-values of one result in both arms are
#: the arms' own: "PMagnesium= 0.03, PPlacebo < 0.001")
_NOT_FIGURES = frozenset(["ci", "duration", "dose"])


def each_arm_valued(view: SentenceView, measures: Sequence[MeasureLike]) -> bool:
    """Does the sentence say its result of both arms ("in both groups") with each arm's figures (two or more
    figures of one kind: "-24.4 % and -39.5 %", "P = 0.03 ... P < 0.001")?"""
    if off("each_arm_valued"):
        return False
    kinds = Counter(m.kind for m in measures if m.kind not in _NOT_FIGURES)
    if not kinds or max(kinds.values()) < 2:
        return False
    hit = BOTH_ARMS.search(cue_text(view))
    return hit is not None and _BOTH.search(hit.group()) is not None
