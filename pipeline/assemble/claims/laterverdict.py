"""A difference at one time point and none at another, in a contrast clause that repeats no outcome (issue 10,
session 21).

"In postmenopausal women the median endometrial thickness was significantly increased at five years in the TAM
group (median 4.3 versus 2.0mm, p=0.011), but there was no difference between the groups at one year after the
treatment", "iPTH was significantly lower in group S than in group B at 6 months (P=0.001), but did not differ at
12 months", "Although the healthy diet scores of the two groups differed significantly immediately after the
educational intervention (P<0.05), there was no significant difference between the groups 2 months after the
intervention": the sentence reports two results of the same comparison and outcome, a difference at one time point
(or in one subgroup) and none at another, and names the outcome once. GUIDELINES, Findings: one finding is one
outcome's result for one comparison in one sentence; findings that differ only by time point are told apart; a
finding is ``no_difference`` whenever the sentence says the difference is absent. So the contrast clause
(:func:`.clauses.clauses` with ``contrast``: "but", "whereas", "while", the leading "Although ..." clause) that says
the difference is absent gives a second finding of the claim's arms and outcome: ``no_difference``, not significant.
It is the twin of :mod:`.subgroups` ("but not at 12 months"), for the clause that has a verb of its own.

:func:`null_clause` finds that clause. It is one only when it holds a no-difference cue
(:data:`.significance.NOT_SIGNIFICANT`), a time point or a subgroup (:data:`WHEN`), and no outcome, arm or
population mention of its own (an outcome there is that outcome's own claim; "while the Control Group showed no
significant difference" is a change within an arm: :data:`OWN_ARM` outside :data:`BETWEEN`), and when the
claim's outcomes all lie in another clause that has no no-difference cue.
"""

from __future__ import annotations

import re

from .base import SentenceView
from .clauses import clauses
from .significance import NOT_SIGNIFICANT

#: a time point or a subgroup: "at one year", "2 months after the intervention", "after 28 days", "at 12 months",
#: "at each time point", "during follow-up", "in the subgroup of ..."
WHEN = re.compile(r"\b(?:\d+|one|two|three|four|five|six|eight|nine|ten|twelve|eighteen|twenty-four)\s*-?\s*"
                  r"(?:h|hours?|days?|weeks?|months?|years?|min(?:utes?)?)\b|"
                  r"\b(?:day|week|month|year|visit|cycle)\s+\d+\b|\btime\s+points?\b|\bfollow-up\b|"
                  r"\bsubgroups?\b|\bsubsets?\b", re.IGNORECASE)
#: the arms taken together ("between the groups", "between both treatment arms", "in either group"): no one arm
BETWEEN = re.compile(r"\b(?:between|among|across)\s+(?:the\s+|both\s+|all\s+)?(?:[\w-]+\s+){0,3}?(?:groups?|arms?)\b|"
                     r"\b(?:in|for)\s+(?:both|either|all|the\s+two|the\s+three)\s+(?:[\w-]+\s+){0,2}?(?:groups?|arms?)\b",
                     re.IGNORECASE)
#: a group or arm left once the arms taken together are blanked: a result said of one arm ("in the placebo group",
#: "the Control Group showed no significant difference"), a change within it, not the comparison's other verdict
OWN_ARM = re.compile(r"\b(?:groups?|arms?)\b", re.IGNORECASE)


def null_clause(view: SentenceView, outcomes_at: list[int]) -> tuple[int, int] | None:
    """The contrast clause (local start, end) of ``view``'s sentence that says the claim's difference is absent at
    another time point or in another subgroup, or None (see the module docstring). ``outcomes_at``: the local
    starts of the claim's outcome mentions."""
    if not outcomes_at or not NOT_SIGNIFICANT.search(view.text):
        return None
    spans = clauses(view.text, contrast=True)
    if len(spans) < 2:
        return None
    own = {i for i, (a, b) in enumerate(spans) for at in outcomes_at if a <= at < b}
    if len(own) != 1:
        return None
    a0, b0 = spans[next(iter(own))]
    if NOT_SIGNIFICANT.search(view.text[a0:b0]):
        return None
    mentions = [(e.start - view.start, e.end - view.start) for e in view.entities
                if e.label in ("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")]
    for i, (a, b) in enumerate(spans):
        if i in own:
            continue
        text = view.text[a:b]
        if (NOT_SIGNIFICANT.search(text) and WHEN.search(text) and not OWN_ARM.search(BETWEEN.sub(" ", text))
                and not any(a <= s < b for s, _ in mentions)):
            return a, b
    return None
