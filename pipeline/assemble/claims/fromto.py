"""A change written from one value to another: the arm against its own start (issue 10, session 18;
docs/claims-rounds.md section 32.3).

GUIDELINES (Findings): single-arm findings are within-group changes, and "the same outcome within a group over time
and between groups in one sentence gives two findings". A change verb or noun followed by "from <value> to <value>"
("pain decreased from 6.2 to 2.1", "a reduction in HbA1c from 8.1% to 7.2%") measures an arm against its own start as
"from baseline" does (:data:`.significance.OVER_TIME`), unless an arm is named between the two values ("from 20% in the
placebo group to 45% in the X group": two arms side by side).
"""

from __future__ import annotations

import re

#: a change word (a verb or noun of change; not "lower", a comparative between arms, nor "risk"), at most four words,
#: then "from <number> ... to <number>" with no group, arm, condition, control or placebo between the values
FROM_TO = re.compile(r"\b(?:(?:improv|increas|decreas|reduc|declin|drop|elevat|worsen|chang|rais)\w*|rose|fell|went|"
                     r"lowered|lowering|ris(?:e[sn]?|ing))\s+(?:[\w-]+\s+){0,4}?from\s+[-+\u2212]?\d"
                     r"(?:(?!\b(?:group|arm|condition|controls?|placebo|patients\s+(?:in|on|receiving))\b)[^;]){0,80}?\bto\s+[-+\u2212]?\d",
                     re.IGNORECASE)


def changed_from_to(text: str) -> bool:
    """Does the sentence report a change from one value to another ("decreased from 6.2 ± 1.1 to 2.1 ± 0.9"),
    the arm against its own start (:data:`FROM_TO`)?"""
    return "from" in text.lower() and bool(FROM_TO.search(text))
