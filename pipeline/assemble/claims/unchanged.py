"""An outcome that stayed as it was: the single-arm findings that a "no change" beside a comparison reports (issue
10, session 17; docs/claims-rounds.md section 31.1).

GUIDELINES (Findings): single-arm findings are within-group changes, and a single-arm result is ``negative`` for "no
significant change/improvement"; "the same outcome within a group over time and between groups in one sentence gives
two findings". A change is always against the arm's own start, so "remained unchanged", "showed no change", "did not
change significantly" say how an arm's outcomes moved over time - within-group results - whatever else the sentence
compares ("At the end of study, the fatigue score was significantly increased in patients treated with simvastatin,
whereas no significant change was observed in patients receiving red yeast rice"; "fecal occult blood levels
increased significantly in Group O (p = 0.0018), but there was no change in Group I (p = 1.0), and the between-group
difference was significant"). :func:`unchanged` tells whether a sentence says so; the claim assembly then adds the
judged single-arm findings beside each comparison of the sentence, one per arm (the "no change" is said of one named
arm against the other's change, or of every arm when it names none), as for a sentence that measures a change over
time (:func:`.reporting.changed_over_time`, session 16: read over the whole sentence too).

Not a no-change of an arm: "did not change between the groups" (a between-arm null: :data:`_BETWEEN_ARMS` right after
it), and "no study investigated changes" (only words of degree or significance may stand between "no" and "change").
"""

from __future__ import annotations

import re

from .base import SentenceView

#: the outcome stayed as it was: "no (significant) change(s)", "without (any) change", "unchanged", "did not
#: (significantly) change", "remained stable / constant"
NO_CHANGE = re.compile(
    r"\b(?:no|without(?:\s+any)?)\s+(?:(?:significant|statistically|clinically|relevant|notable|measurable|"
    r"appreciable|major|meaningful|substantial|further|marked|obvious|apparent|detectable|overall)\s+){0,2}changes?\b|"
    r"\bunchanged\b|\bdid\s+not\s+(?:\w+ly\s+)?change\b|\bremained\s+(?:\w+ly\s+)?(?:stable|constant)\b",
    re.IGNORECASE)
#: "... did not change between the groups": the difference between the arms, not an arm's own course
_BETWEEN_ARMS = re.compile(r"\W*(?:\w+\W+){0,2}?(?:between|among)\s+(?:the\s+)?(?:two\s+|three\s+|both\s+|"
                           r"treatment\s+|study\s+)?(?:groups|arms)\b", re.IGNORECASE)


def unchanged(view: SentenceView) -> bool:
    """Does the sentence say that an outcome stayed as it was (:data:`NO_CHANGE`), not of the difference between the
    arms ("did not change between the groups")? Kept per sentence view (every compared claim of a sentence asks);
    the words "chang" / "stable" / "constant" gate the pattern."""
    return view.cached("unchanged", lambda: _unchanged(view.text))


def _unchanged(text: str) -> bool:
    low = text.lower()
    if "chang" not in low and "stable" not in low and "constant" not in low:
        return False
    return any(not _BETWEEN_ARMS.match(text, m.end()) for m in NO_CHANGE.finditer(text))
