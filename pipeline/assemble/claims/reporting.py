"""How an abstract reports its results, and the single-arm findings of changes within the arms that a comparison
sentence or an abstract's other results reveal (issue 10, session 15; docs/claims-rounds.md section 29.1):

* :func:`changed` / :func:`changed_arms` - a no difference between the arms beside a significant change within them:
  the change is a second, single-arm finding, one per arm when every arm changed (GUIDELINES, Findings: "the same
  outcome within a group over time and between groups in one sentence gives two findings");
* :class:`Reporting` / :func:`located` - an abstract that reports some results within the arms: a result compared only
  by a change word, its comparator carried and no arm named as the one whose effect it is, is a change within its arm
  too (GUIDELINES, Findings: single-arm for a within-group change);
* :func:`changed_over_time` - a comparison in a sentence that also measures a change against the arm's own start
  ("from baseline", "vs. baseline", "pre- and post-", "over the 12-week period"): the change is a second, single-arm
  finding beside the comparison (GUIDELINES, Findings: "the same outcome within a group over time and between groups
  in one sentence gives two findings"; issue 10, session 16); one per arm when each arm has its own figures
  (:func:`valued_apart`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...schema import Claim
from .base import SentenceView
from .context import Arm
from .direction import CHANGE_CUE, Decision
from .fromto import changed_from_to
from .groups import Group
from .hedging import negation_scope
from .significance import OVER_TIME, SIGNIFICANT_CHANGE

COMPARED = ("increase", "decrease", "no_difference")


@dataclass
class Reporting:
    """How an abstract reports its results: its finding claims with a direction (``decided``), those judged as
    changes within the arms by their own wording - within-arm words, arms reported apart, a change in both arms
    (``within``) -, and the ``loose`` ones: compared only because a change word was read ("SBP was reduced by 27
    mmHg at week 6"), with no comparator named in the sentence, no between-arm words and no arm rule, their
    comparator carried from the design. When the abstract reports within the arms (:meth:`within_arms`), a loose
    claim is a change within its arm too (GUIDELINES, Findings: single-arm for a within-group change; issue 10,
    session 15)."""

    decided: int = 0
    within: int = 0
    loose: list[tuple[Claim, SentenceView, str, Group]] = field(default_factory=list)

    def count(self, claim: Claim, view: SentenceView, ctype: str, group: Group, decision: Decision, within: bool,
              loose: bool) -> None:
        self.decided += 1
        if within and decision.direction in ("positive", "negative"):
            self.within += 1
        elif loose and decision.direction in COMPARED and not (
                decision.direction == "no_difference" and decision.source == "words"):
            self.loose.append((claim, view, ctype, group))

    def within_arms(self) -> bool:
        """Does the abstract report some of its results within the arms (and has loose claims to read so)?"""
        return bool(self.loose) and self.within > 0


#: the agent of a passive just before an arm ("improved by TA supplementation", "reduced by the ...")
AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+)?$", re.IGNORECASE)


def located(view: SentenceView, arms: list[Arm], cue_text: str) -> bool:
    """Does the sentence name its own arms (if any) only after its first change word, where the change happened
    ("HR decreased ... after acupressure in only the LP group"), not before it or as the agent of a passive ("was
    significantly improved by TA supplementation") as the arm whose effect it is ("the addition of testosterone to
    HRT ... did result in a significant increase": its effect against the control)? ``cue_text``: the sentence with
    its role entities blanked, where the change word is read."""
    cue = CHANGE_CUE.search(cue_text)
    return all(a.inherited or (cue is not None and a.start - view.start > cue.start()
                               and not AGENT.search(view.text, 0, a.start - view.start)) for a in arms)


def changed(text: str) -> bool:
    """Does the sentence say that the outcome changed significantly (:data:`.significance.SIGNIFICANT_CHANGE`,
    "both groups had a significant increase in STT"), not under a negation ("neither group had a significant
    increase")?"""
    return any(not negation_scope(text, m.start()) for m in SIGNIFICANT_CHANGE.finditer(text))


#: stems of a change of the outcome, verbs or nouns of change (not a comparative of degree: "lower" sets arms apart)
CHANGE_STEMS = ("improv", "increas", "decreas", "reduc", "declin", "rose", "fell", "elevat", "worsen", r"normali[sz]")
#: a change of the outcome, or any "change"
_CHANGE = re.compile(r"\b(?:" + "|".join((*CHANGE_STEMS, "chang")) + r")\w*", re.IGNORECASE)


def changed_over_time(text: str, cue_text: str) -> bool:
    """Does the sentence measure a change against the arm's own start (:data:`.significance.OVER_TIME`, read in
    the sentence as written: the tagger often takes "from baseline" into an outcome span) and name the change
    outside its role entities (``cue_text``: the sentence with them blanked), not under a negation ("neither group
    had a significant increase in STT over time", as :func:`changed`)? Beside a comparison it is a second,
    single-arm finding: "The increase in FEV1 from baseline was greater in the HD group than in the GD group (304 ±
    49 mL versus 148 ± 39 mL, respectively, P = 0.01)" (Evidence Inference PMC3692346) compares the arms' changes and
    reports the HD arm's change."""
    return _over_time(text) and any(not negation_scope(cue_text, m.start()) for m in _CHANGE.finditer(cue_text))


@lru_cache(maxsize=4096)
def _over_time(text: str) -> bool:
    """:data:`.significance.OVER_TIME` found in ``text``; cached per sentence text, since every compared claim of a
    sentence asks it."""
    return bool(OVER_TIME.search(text)) or changed_from_to(text)


def valued_apart(claim: Claim) -> bool:
    """Does ``claim`` give each of two or more arms its own figures (arm values linked to two arms: "304 ± 49 mL
    versus 148 ± 39 mL")? Then a change beside its comparison is one single-arm finding per arm (GUIDELINES, Findings:
    "one single-arm finding per arm when each arm has its own figures"; session 16)."""
    return len({a.arm for a in claim.arms if a.arm is not None}) >= 2


def changed_arms(claim: Claim, own: Decision, every: bool) -> list[Claim]:
    """The single-arm findings of a change reported beside a between-arm null: one of ``claim``'s intervention, and
    when the change is said of ``every`` arm one of each comparator too; judged by ``own``, no comparator."""
    arms = [claim.intervention] + ([[c] for c in claim.comparator] if every else [])
    return [claim.model_copy(update={"intervention": ids, "comparator": [], "direction": own.direction,
                                     "significant": own.significant, "negated": own.negated,
                                     "p_value": own.p_value}) for ids in arms]
