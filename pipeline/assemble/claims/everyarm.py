"""A change said of every arm beside a no difference between the arms (issue 10, session 20, s20-diff).

GUIDELINES.md, Findings: "the same outcome within a group over time and between groups in one sentence gives two
findings (single-arm and comparison)", and "Improved in both groups" is a single-arm finding. In "Improvements in
health status (SF-6D) were observed in both groups, with no significant difference between the groups", "Both groups
showed improvements in the QOL, and there was no significant difference observed between the groups" or "FMMA score
improved in all groups, but no intergroup differences were found" (Evidence Inference train PMC3646683, PMC3961245,
unlabelled 4114185) the no difference is the comparison's and the change is each arm's own: two findings. The rule
of docs/claims-rounds.md section 29.1 gives the second finding only for a change said to be significant
("significantly improved", :func:`.reporting.changed`), section 30.1's only for a change against the arm's start
("from baseline").

:func:`every_arm_change` finds the change's own stretch: the part of the sentence, between clause marks outside
brackets (``,`` ``;`` ``:``, "with", "without" and the contrast words), that says the outcome changed in every arm
(:func:`.polarity.both_arms_change`: "in both groups", "both groups", "in all 3 groups"; no between-arm comparison)
with a change word outside the role entities, not under a negation and with no no-difference phrase of its own (a
bracket that holds one ends it: "increased by ~33% in both groups (creatine vs. placebo not significant)"). Not
so when the no difference is said of the change itself ("the improvement seen was similar in both intervention and
ethnic control groups", "Weight gain and decrease in spleen size were similar in both groups", "Comparison of the
improvement rate in both study groups revealed no significant difference": one stretch holds both, a comparison of the
changes). The stretch must hold the claim's outcome or none (:func:`beside_null`), and the copy is judged in that
stretch alone (:func:`judged_in`): the between-arm null is no verdict on the change ("Improvements ... in both
groups" is ``positive``, significance ``null``; "decreased significantly in all 3 groups" is significant).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .base import SentenceView
from .decision import about_harms, cue_text
from .direction import Decision
from .groups import Group
from .hedging import negation_scope
from .owned import has_null
from .polarity import BOTH_ARMS, both_arms_change
from .reporting import CHANGE_STEMS
from .single import decide_within

#: where a stretch ends (outside brackets): clause punctuation, a with-phrase, a contrast
_STOP = re.compile(r"[,;:]|\b(?:with|without|but|whereas|while|although|however)\b", re.IGNORECASE)
#: a change of the outcome, a verb or noun of change (:data:`.reporting.CHANGE_STEMS`, and a deterioration)
_CHANGE = re.compile(r"\b(?:" + "|".join((*CHANGE_STEMS, "deteriorat")) + r")\w*", re.IGNORECASE)
_BRACKET = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _outside_brackets(text: str) -> str:
    """``text`` with the contents of (innermost, then enclosing) brackets blanked, same length."""
    prev = None
    while prev != text:
        prev = text
        text = _BRACKET.sub(lambda m: " " * len(m.group(0)), text)
    return text


@lru_cache(maxsize=2048)
def every_arm_change(text: str, cue_text: str) -> tuple[int, int] | None:
    """The (start, end) of the stretch of ``text`` that says the outcome changed in every arm, apart from any no
    difference (module docstring); None when there is none. ``cue_text``: the sentence with its role entities
    blanked (same length), where the change word is read. Cached: every claim group of a sentence asks."""
    if BOTH_ARMS.search(text) is None:
        return None
    flat = _outside_brackets(text)
    flat_cues = _outside_brackets(cue_text)
    for hit in BOTH_ARMS.finditer(flat):
        stops = [m for m in _STOP.finditer(flat, 0, hit.start())]
        a = stops[-1].end() if stops else 0
        stop = _STOP.search(flat, hit.end())
        b = stop.start() if stop else len(flat)
        stretch = flat[a:b]
        if has_null(stretch) or not both_arms_change(stretch):
            continue
        # a bracket that holds the null ("increased by ~33% in both groups (creatine vs. placebo not significant)")
        # is the comparison's: the stretch ends before it
        b = next((m.start() for m in _BRACKET.finditer(text, a, b) if has_null(m.group(0))), b)
        if any(not negation_scope(flat_cues, m.start()) for m in _CHANGE.finditer(flat_cues, a, b)):
            return a, b
    return None


def beside_null(view: SentenceView, group: Group) -> tuple[int, int] | None:
    """The local stretch of :func:`every_arm_change` when it is ``group``'s: it holds one of the group's outcome
    mentions, or no outcome mention at all ("..., although t tests of pretest-posttest changes indicated that both
    groups improved on several of these measures"); None otherwise ("medication intensification increased in both
    groups ...; however, we observed no incremental benefit" is not the change of the null's own outcome)."""
    stretch = every_arm_change(view.text, cue_text(view))
    if stretch is None:
        return None
    a, b = stretch
    inside = [o for o in view.label("OUTCOME") if a <= o.start - view.start < b]
    return stretch if not inside or any(o in group.outcomes for o in inside) else None


def judged_in(view: SentenceView, ctype: str, group: Group, stretch: tuple[int, int]) -> Decision:
    """The single-arm judgement (:func:`.single.decide_within`) of ``group``'s change read in its own ``stretch``
    alone, direction and significance: the between-arm null is no verdict on the change ("Improvements ... were
    observed in both groups" is ``positive``, significance ``null``; "decreased significantly in all 3 groups" is
    significant)."""
    a, b = stretch
    at = [o.start - view.start - a for o in group.outcomes if a <= o.start - view.start < b]
    return decide_within(view.text[a:b], view.start + a, cue_text(view)[a:b],
                         [m for m in group.measures if a <= m.start - view.start < b],
                         adverse=about_harms(view, ctype), outcome_text=" ".join(o.text for o in group.outcomes),
                         outcome_at=min(at) if at else None, adverse_claim=ctype == "adverse_effect")
