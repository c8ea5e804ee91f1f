"""A sentence read clause by clause: the clause that reports one arm's change gives that arm's single-arm finding
(issue 10, session 19; docs/claims.md section 33.1).

GUIDELINES (Findings): single-arm findings are within-group changes ("Single arm: ... within-group change"), and
"the same outcome within a group over time and between groups in one sentence gives two findings". A sentence may
hold both kinds in clauses of its own: "Serum potassium did not differ between the groups, whereas in the placebo
group pain rose significantly", "The coagulation profile did not differ between the groups, but D-dimer
concentrations were increased in the control group". The clause that names one arm and says how an outcome of that
arm changed, with no word that sets the arms apart in it, reports a change within that arm - a single-arm finding of
that arm - whatever another clause of the sentence compares.

* :func:`fine_clauses` - the clauses of a sentence: :func:`.clauses.clauses` (bracket depth 0, split at ";",
  "whereas", "but", "while", ...), each split again at ", and" / ", with" / "and there" where both sides hold a
  finite verb (so not inside a list of outcomes: "A, B, and C were lower");
* :func:`changed_arm` - the arm whose change the clause of a claim group's outcomes reports alone;
  :func:`beside_comparison` - another clause of the sentence compares the arms;
* :func:`arm_copy` - that arm's single-arm finding, a copy of the compared claim (which is kept: no comparison is
  lost).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...schema import Claim, Entity
from .base import SentenceView
from .clauses import clauses
from .context import Arm
from .direction import Decision
from .groups import Group
from .sides import _BETWEEN
from .significance import AGAINST_START, DEGREE

#: a finite verb (the test that a part of a sentence is a clause, not an item of a list): an auxiliary or a verb of
#: showing, or a past form not after an article, a preposition or "and" ("and decreased use of walking aids", "an
#: overall reduced suffering time", "as compared to" are no clauses)
_VERB = re.compile(r"\b(?:is|are|was|were|remained|did|does|had|has|have|showed|demonstrated|exhibited|displayed|"
                   r"experienced|expressed)\b|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\band\s)(?<!\bor\s)(?<!\bof\s)"
                   r"(?<!\bin\s)(?<!\bas\s)(?<!\bto\s)(?<!\bby\s)(?<!\bwith\s)(?<!\bfor\s)(?<!\boverall\s)\b\w+ed\b",
                   re.IGNORECASE)
#: a join between two clauses: ", and" / ", with", or "and there" (a bare "and" also joins the objects of one verb:
#: "achieved an increased rate of union and an overall reduced suffering time compared with ...")
_JOIN = re.compile(r",\s+(?:and|with)\s+|\s+and\s+(?=there\b)", re.IGNORECASE)
#: a change of an outcome within an arm (a verb or noun of change, or of none: "unchanged", "remained stable")
_CHANGE = re.compile(r"\b(?:improv|increas|decreas|reduc|declin|rose|rise|fell|drop|elevat|worsen|chang|unchanged|"
                     r"normali[sz])\w*|\bremained\s+(?:\w+ly\s+)?(?:stable|constant)\b", re.IGNORECASE)
#: words that set arms apart or speak of every arm at once (not one arm's own course)
_TOGETHER = re.compile(r"\brespectively\b|\b(?:both|each|either|all|two|three|the\s+other)\s+(?:\w+\s+)?"
                       r"(?:groups?|arms?)\b|\bneither\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def fine_clauses(text: str) -> tuple[tuple[int, int], ...]:
    """The clauses of ``text`` as (start, end): :func:`.clauses.clauses`, each split again at a join (:data:`_JOIN`)
    whose two sides both hold a finite verb. Cached per sentence text."""
    out = []
    for a, b in clauses(text):
        cut = a
        for m in _JOIN.finditer(text, a, b):
            if _VERB.search(text, cut, m.start()) and _VERB.search(text, m.end(), b):
                out.append((cut, m.start()))
                cut = m.end()
        out.append((cut, b))
    return tuple(out)


#: an effect estimate between arms written by its abbreviation ("MD = 0.06", "OR 2.1", "HR, 0.74")
_ESTIMATE = re.compile(r"\b(?:[SW]?MD|OR|HR|I?RR|ARR|RRR|NNT)\b")


def _compares(masked: str, a: int, b: int) -> bool:
    """Does ``masked[a:b]`` set arms apart: a between-arm word (not "from / compared with baseline"), a
    comparative of degree or an effect estimate between arms?"""
    part = AGAINST_START.sub(" ", masked[a:b])
    return bool(_BETWEEN.search(part) or DEGREE.search(part) or _ESTIMATE.search(part))


def _own_clause(view: SentenceView, group: Group) -> tuple[tuple[int, int], tuple[tuple[int, int], ...]] | None:
    """The clause (:func:`fine_clauses`) that holds every outcome of ``group`` and the sentence's clauses, when the
    sentence has two or more; else None."""
    if not group.outcomes or "," not in view.text and ";" not in view.text and " and " not in view.text \
            and not any(w in view.text for w in ("whereas", "while", "but", "however", "although")):
        return None
    parts = fine_clauses(view.text)
    if len(parts) < 2:
        return None
    at = [o.start - view.start for o in group.outcomes]
    own = next(((a, b) for a, b in parts if a <= at[0] < b), None)
    if own is None or not all(own[0] <= x < own[1] for x in at):
        return None
    return own, parts


def changed_arm(view: SentenceView, masked: str, group: Group, arms: list[Arm]) -> Entity | None:
    """The arm whose own change the clause of ``group``'s outcomes reports: every outcome of the group lies in one
    clause (:func:`fine_clauses`) of a sentence of two or more, and that clause names exactly one arm (not a plural
    one, not "both groups", "each group"), says a change (:data:`_CHANGE`, read in ``masked``, the sentence with its
    role entities blanked) and sets no arms apart. None otherwise."""
    found = _own_clause(view, group)
    if found is None:
        return None
    (a, b), _parts = found
    if not _CHANGE.search(masked, a, b) or _compares(masked, a, b) or _TOGETHER.search(view.text, a, b):
        return None
    named = [arm for arm in arms if a <= arm.start - view.start < b]
    if any(arm.plural for arm in named):
        return None
    keys = {arm.key for arm in named if arm.entity is not None}
    if len(keys) != 1:
        return None
    return next(arm.entity for arm in named if arm.entity is not None)


#: a comparison that opens the sentence ("Compared to the control group, SMT participants improved ..., while KIN
#: participants improved ...", "Prednisolone, compared with placebo, ... increased ..., whereas only prednisolone 30
#: mg increased fasting insulin levels"): it is said of every clause after it
_FRONTED = re.compile(r"^\W*(?:[\w-]+[,\s]+){0,3}?(?:(?:compared|in\s+comparison|relative\s+to|versus|against)\b|vs\b)",
                      re.IGNORECASE)


def beside_comparison(view: SentenceView, masked: str, group: Group) -> bool:
    """Does a clause of the sentence other than that of ``group``'s outcomes set arms apart (a between-arm word, a
    comparative of degree, an effect estimate), and no comparison open the sentence (:data:`_FRONTED`: said of
    every clause, the one-arm clause's too)?"""
    found = _own_clause(view, group)
    return found is not None and not _FRONTED.search(view.text) and any(
        _compares(masked, x, y) for x, y in found[1] if (x, y) != found[0])


def arm_copy(claim: Claim, arm: Entity, own: Decision, view: SentenceView) -> Claim:
    """The single-arm finding of ``arm`` that a copy of the compared ``claim`` gives: intervention ``arm``, no
    comparator, judged by ``own`` (:func:`.decision.judge`); the arm is inherited when its mention lies outside
    the sentence (an arm phrase resolved to an earlier entity)."""
    inside = view.start <= arm.start < view.end
    return claim.model_copy(update={"intervention": [arm.id], "comparator": [], "direction": own.direction,
                                    "significant": own.significant, "negated": own.negated,
                                    "p_value": own.p_value, "inherited": [] if inside else [arm.id]})

