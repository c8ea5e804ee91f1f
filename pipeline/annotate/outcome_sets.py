"""A named set of outcomes is an outcome: "no differences ... in [any secondary outcomes]" (claims layer only; used
by :mod:`claimex.annotate.outcome_lists` after :mod:`claimex.annotate.outcome_countarms`; issue 10,
docs/claims-rounds.md 36.4, s22-found).

GUIDELINES, *Result sentences*: a result sentence has findings unless no outcome can be named in it ("No difference
was observed between groups (p=0.5)." has none). "No differences were identified between groups in any secondary
outcomes" names its outcomes - the trial's secondary outcomes - and the findings gold takes such a phrase as the
outcome ("secondary outcomes", "outcome measures", "primary endpoint"). The tagger does not tag these phrases, so
the sentence had no OUTCOME and no claim. :func:`outcome_sets`: a phrase whose head is an outcome-set noun
(:data:`SET_HEADS`: outcomes, endpoints, end points; outcome measures / variables / parameters) with a modifier that
says which set (:data:`MODIFIERS`: primary, secondary, ...; not "other", which names nothing) - or an "outcome
measures" compound, which needs none - becomes one OUTCOME where it is the argument of in / for / on / across after
an optional determiner ("any of the", "all", "the"), ends its noun phrase (not "the primary end point [of time to
progression]", whose outcome is named after it; not a list header before "included" or a colon), overlaps no
entity, and the sentence compares (:data:`COMPARING`) and plans no test (:data:`PLANNED`: "will be used to test
differences between groups on the primary outcome"). Whether a claim comes of it is the claims typing's call.
"""

from __future__ import annotations

from itertools import compress

from .outcome_arms import _masks
from .outcome_names import TokenView

OUTCOME = "OUTCOME"
#: the head of an outcome-set phrase; "points" only after "end", the measure nouns only after "outcome"
SET_HEADS = frozenset(["outcomes", "outcome", "endpoints", "endpoint", "end-points", "end-point", "points", "point",
                       "measures", "measure", "measurements", "variables", "parameters"])
_COMPOUND = frozenset(["measures", "measure", "measurements", "variables", "parameters"])
#: words that say which set of the trial's outcomes ("secondary", "primary and secondary", "patient-reported")
MODIFIERS = frozenset(["primary", "secondary", "tertiary", "co-primary", "main", "key", "clinical", "efficacy",
                       "safety", "study", "functional", "patient-reported", "patient-centered", "patient-centred",
                       "measured", "and", "or"])
_DETERMINERS = frozenset(["the", "any", "all", "of", "its", "their", "either", "both"])
_PREPOSITIONS = frozenset(["in", "for", "on", "across"])
#: what may not follow the phrase: the set's own outcome named after it, or a list it heads
_NOT_AFTER = frozenset(["of", "including", "included", "include", "includes", "such", ":", "were", "was"])
#: a sentence that compares or tests (the claims typing decides the rest)
COMPARING = frozenset(["difference", "differences", "differ", "differed", "similar", "comparable", "effect",
                       "effects", "improvement", "improvements", "change", "changes", "significant",
                       "significantly", "superior", "inferior"])

#: a sentence that plans a test rather than reports one ("A Fisher's exact test will be used to test differences
#: between groups on the primary outcome")
PLANNED = frozenset(["will", "would", "shall", "test", "detect", "power", "powered"])


def outcome_sets(t: TokenView, claims: list[list]) -> list[list]:
    """``claims`` (entries ``[start, end, label, score, subtype, source]``) with each outcome-set phrase (module
    doc) added as one OUTCOME entry. The heads are found by one set test per token in C (``compress``)."""
    heads = list(compress(range(t.n), map(SET_HEADS.__contains__, t.lower)))
    if not heads:
        return claims
    taken = None
    for lo, hi in t.sentences:
        mine = [h for h in heads if lo <= h < hi]
        words = set(t.lower[lo:hi])
        if not mine or words.isdisjoint(COMPARING) or not words.isdisjoint(PLANNED):
            continue
        for h in mine:
            if taken is None:
                taken, _ = _masks(t, claims)
            span = _set_phrase(t, taken, h, lo, hi)
            if span is not None:
                claims = claims + [[span[0], span[1], OUTCOME, None, None, "outcome_set"]]
                taken[span[0]:span[1]] = [True] * (span[1] - span[0])
    return claims


def _set_phrase(t: TokenView, taken: list[bool], h: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The outcome-set phrase whose head is token ``h`` (module doc), or None."""
    low = t.lower[h]
    a = h
    if low in ("points", "point"):
        if h - 1 < lo or t.lower[h - 1] != "end":
            return None
        a = h - 1
    elif low in _COMPOUND:
        if h - 1 < lo or t.lower[h - 1] != "outcome":
            return None
        a = h - 1
    compound = a < h and t.lower[a] == "outcome"
    m = a
    while m - 1 >= lo and t.lower[m - 1] in MODIFIERS:
        m -= 1
    while m < a and t.lower[m] in ("and", "or"):  # a modifier run opens on a modifier
        m += 1
    if not compound and m == a:
        return None  # "in outcomes", "the outcome": no set named
    d = m
    while d - 1 >= lo and t.lower[d - 1] in _DETERMINERS and m - d < 3:
        d -= 1
    if d - 1 < lo or t.lower[d - 1] not in _PREPOSITIONS:
        return None
    end = h + 1
    if end < hi and t.lower[end] in _NOT_AFTER or any(taken[m:end]):
        return None
    return m, end
