"""A change noun is no outcome when the outcome it changes follows (claims layer only; used by
:mod:`claimex.annotate.outcome_lists`; issue 10).

The tagger sometimes marks the result word of "greater [improvements] in all [rhinitis symptoms]" or "better
[improvements] in [%BF]" as an OUTCOME of its own, and the sentence then gives two findings, one of them about
"improvements". The outcome is what changed (GUIDELINES, Findings: the outcome phrase "without result words");
the change word is the result, which the direction rules read from the sentence ("improvement" of a harmful
outcome is a decrease). :func:`change_nouns` drops an OUTCOME entry that is a change noun alone (with its
comparative or degree words: "greater reductions", "significant improvement") when ``in`` / ``of`` / ``on``
(and at most one determiner: "the", "all", "both") joins it to the start of another OUTCOME entry.
"""

from __future__ import annotations

from .outcome_names import TokenView

OUTCOME = "OUTCOME"
#: change nouns whose object is the outcome ("improvement in X", "reduction of X")
CHANGE_NOUNS = frozenset(["improvement", "improvements", "reduction", "reductions", "increase", "increases",
                          "decrease", "decreases", "decline", "declines", "worsening", "deterioration"])
#: words that may stand before the change noun inside the entry
_DEGREE = frozenset(["greater", "larger", "smaller", "more", "less", "significant", "significantly", "further",
                     "marked", "clinical", "clinically", "meaningful", "substantial", "slight", "modest", "small",
                     "large", "mean", "median", "overall", "a", "an", "the"])
_JOIN = frozenset(["in", "of", "on"])
_DETERMINERS = frozenset(["the", "all", "both", "their", "its"])


def change_nouns(t: TokenView, claims: list[list]) -> list[list]:
    """``claims`` (entries ``[start, end, label, score, subtype, source]``) without the OUTCOME entries that are a
    change noun whose object, another OUTCOME entry, follows (module doc)."""
    starts = {o[0] for o in claims if o[2] == OUTCOME}
    if len(starts) < 2:
        return claims
    lower = t.lower
    gone: set[int] = set()
    for o in claims:
        s, e = o[0], o[1]
        if o[2] != OUTCOME or e >= t.n or lower[e - 1] not in CHANGE_NOUNS or lower[e] not in _JOIN \
                or any(w not in _DEGREE for w in lower[s:e - 1]):
            continue
        k = e + 2 if e + 1 < t.n and lower[e + 1] in _DETERMINERS else e + 1
        if k in starts:  # (another entry: it starts after this one ends)
            gone.add(id(o))
    return [o for o in claims if id(o) not in gone] if gone else claims
