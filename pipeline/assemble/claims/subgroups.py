"""A result said of one subgroup and denied for another: "but not in ..." (issue 10, session 17).

"Addition of carboplatin ... significantly improved DFS and OS in patients with TNBC but not in those with hormone
receptor-positive, HER2-negative breast cancer", "At 24 months, women, but not men, in the intervention group showed
an increased amount of walking activity": the sentence reports two results of the same comparison and outcome, a
difference in one subgroup (or at one time point) and none in the other. GUIDELINES, Findings: one finding is one
outcome's result for one comparison in one sentence, and ``no_difference`` whenever the sentence says the difference
is absent; findings that differ by time point are told apart. So the stretch after "but not" gives a second finding
of the claim's arms and outcome: ``no_difference``, not significant (the reviewer's "but not in B" is the denial of
the difference said for A). :func:`denied_subgroup` finds that stretch; it is not one when it names an arm (then "but
not" sets the reference arm: "Telmisartan, but not losartan, significantly reduced FPG"; "decreased in the exercise
group but not in the control group" is a change within one arm), another outcome ("reduced A but not B": B's own
result) or the kind of significance ("statistically but not clinically significant").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import SentenceView, blank

#: "but not" and the subgroup it denies the result for: a preposition of a subgroup or time ("but not in those with
#: ...", "but not among men", "but not at 12 months"), or a bare noun phrase set off by commas ("women, but not men,")
BUT_NOT = re.compile(r"\bbut\s+not\s+(?:(?:in|among|for|at|after|during|within)\s|(?=[\w-]+(?:\s+[\w-]+){0,2}\s*,))",
                     re.IGNORECASE)
#: where the denied stretch ends: the next clause mark or contrast
_END = re.compile(r"[;:.](?:\s|$)|,\s*(?:and|but|whereas|while|although|however)\b|"
                  r"\b(?:whereas|while|although|however)\b", re.IGNORECASE)
#: words that make the stretch an arm (a group, the control) or the kind of significance, not a subgroup
_NOT_SUBGROUP = re.compile(r"\b(?:group|groups|arms?|control\w*|placebo|sham|usual|standard|vehicle|treated|"
                           r"untreated|clinical\w*|statistic\w*|significan\w*)\b", re.IGNORECASE)
#: a quantifier right after "but not" ("some, but not all, previous trials"): a degree, not a subgroup
_QUANTIFIER = re.compile(r"\s*(?:(?:in|among|for|at)\s+)?(?:all|both|every|each|only|always|necessarily|exclusively)\b",
                         re.IGNORECASE)

_BRACKET = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: what a subgroup is: people ("those with ...", "women", "minorities"), a stage, study or sample, or a time point
_SUBGROUP = re.compile(r"\b(?:patients?|subjects?|participants?|those|people|persons?|individuals?|men|women|males?|"
                       r"females?|boys?|girls?|children|adults?|infants?|adolescents?|elderly|older|younger|"
                       r"\w+(?:ers|ians|ics|ites)|minorit\w+|subgroups?|subsets?|cohorts?|samples?|populations?|"
                       r"stages?|studies|study|trials?|sites?|cent(?:er|re)s?|grades?|"
                       r"\d+|hours?|days?|weeks?|months?|years?|h|min|time\s+points?|follow-up|visits?)\b",
                       re.IGNORECASE)


def denied_subgroup(text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The stretch (start, end) of ``text`` after a "but not" that denies the result for a subgroup or a time point,
    or None. ``spans``: local (start, end, label) of the sentence's entity mentions. Outside its brackets (they hold the
    subgroup's figures and may name the arms: "but not for minorities (HR = 1.39, placebo ...)") the stretch holds no
    word of :data:`_NOT_SUBGROUP`, no arm, and no outcome unless it names people too (a POPULATION mention: the
    outcome words define the subgroup - "but not in patients with hormone receptor-positive disease"). A bare noun
    between commas ("women, but not men,") must name a subgroup (a POPULATION mention or a word of :data:`_SUBGROUP`):
    "inhibited proliferation, but not migration, of ..." names another outcome. A clause mark inside the stretch's
    last bracket ends it at that bracket's close ("but not for minorities (HR = 1.39; P = 0.53)")."""
    for m in BUT_NOT.finditer(text):
        end = _END.search(text, m.end())
        stop = end.start() if end else len(text)
        opened = text.rfind("(", m.end(), stop)
        if opened > text.rfind(")", m.end(), stop):  # a mark inside the stretch's bracket: "(HR = 1.39; P = 0.53)"
            close = text.find(")", stop)
            stop = close + 1 if close >= 0 else stop
        stretch = text[m.end():stop]
        bare = m.group(0).rstrip().endswith("not")
        if bare and "," in stretch:  # "women, but not men, in the ...": to the comma
            stop = m.end() + stretch.index(",")
            stretch = text[m.end():stop]
        # the stretch's own words, outside its brackets (a bracket holds the subgroup's figures and may name the
        # arms: "but not for minorities (HR = 1.39, placebo ...)")
        brackets = [(b.start(), b.end()) for b in _BRACKET.finditer(text, m.end(), stop)]
        words = blank(text, brackets)
        if not stretch.strip() or _NOT_SUBGROUP.search(words, m.start(), stop) or _QUANTIFIER.match(
                text, m.start() + len("but not")):
            continue
        inside = {label for a, b, label in spans
                  if a < stop and b > m.start() and not any(x <= a and b <= y for x, y in brackets)}
        if inside & {"INTERVENTION", "COMPARATOR"} or "OUTCOME" in inside and "POPULATION" not in inside:
            continue
        if bare and "POPULATION" not in inside and not _SUBGROUP.search(stretch):
            continue
        return m.start(), stop
    return None


def subgroup_denied(view: SentenceView) -> tuple[int, int] | None:
    """:func:`denied_subgroup` of ``view``'s sentence, read against its entity mentions."""
    spans = [(e.start - view.start, e.end - view.start, e.label) for e in view.entities]
    return denied_subgroup(view.text, spans)
