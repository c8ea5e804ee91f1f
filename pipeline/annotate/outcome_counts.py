"""Outcomes said by the verb of a counted subject, for the claims layer only (used by
:mod:`claimex.annotate.outcome_lists`).

A result sentence often counts the participants of each arm who did something, and the outcome is what they
did, a verb phrase the tagger does not mark ("303 (80%) of 379 participants in the placebo group [did not need
further intervention] by 4 weeks, compared with 307 (81%) ...", "Thirty-nine of 41 (95.1%) patients in group 1
and 40 of 43 (93.0%) patients in group 2 ultimately [passed stones] (p=0.96)", "significantly more patients in the
intervention group [continued antidepressants] until the 6 month follow-up (86/125 vs 78/133, p < 0.05)"). Such a
sentence has no OUTCOME span, so its claim is dropped (a finding names its outcome). :func:`count_predicates`
finds, in a sentence with no OUTCOME entity that compares or tests (a comparison word or a p-value, CI or
ratio) and holds a count or a percentage, the subject
that holds a count or a population noun and the verb after it (a past-tense word or ``had`` / ``did not``; a
relative clause's verb, "participants who received the reminder card", is passed over; a design verb,
"were randomized", ends the search), and takes the verb phrase up to punctuation, a comparison word or a
time/arm phrase ("by 4 weeks", "in the cefixime group"). After a light verb (``had``, ``developed``,
``experienced``) the outcome is the object ("had [acute clinical failure]").
"""

from __future__ import annotations

from .outcome_names import POPULATION_NOUNS, TokenView
from .tagger.words import FUNCTION_WORDS

#: verbs whose object is the outcome ("had [acute clinical failure]", "developed [grade 3 neutropenia]")
LIGHT_VERBS = frozenset(["had", "has", "have", "developed", "experienced", "suffered", "showed", "reported",
                         "presented", "exhibited"])
#: design and flow verbs: the count is a sample, not a result ("were randomized", "completed the study")
DESIGN_VERBS = frozenset(["randomized", "randomised", "allocated", "assigned", "enrolled", "recruited", "included",
                          "excluded", "treated", "given", "received", "underwent", "completed", "withdrew",
                          "discontinued", "screened", "followed", "analyzed", "analysed", "aged", "used",
                          "selected", "evaluated", "assessed", "studied", "based"])
#: words that end the predicate: comparison, contrast, and the prepositions of a time or an arm phrase
ENDS = frozenset(["compared", "versus", "vs", "vs.", "than", "whereas", "while", "but", "respectively", "in", "at",
                  "by", "until", "during", "within", "after", "among", "from", "over", "between", "across", "per",
                  "and", "or", "when", "with"])
_RELATIVE = frozenset(["who", "that", "which", "whom"])
#: a passive, perfect or attributive participle ("was confirmed", "had been treated", "an expanded set")
_BEFORE_PARTICIPLE = frozenset(["was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "a", "an",
                                "the", "this", "these", "their", "its", "of"])
_COMPARE = frozenset(["compared", "versus", "vs", "vs.", "than", "whereas"])
_COUNT_KINDS = frozenset(["count", "percentage"])
_TEST_KINDS = frozenset(["p_value", "ci", "ratio"])
MAX_WORDS = 6


def _verb(low: str) -> bool:
    return low in ("had", "did", "has", "have") or (len(low) > 4 and low.endswith("ed") and low.isalpha())


def count_predicates(t: TokenView, taken: list[bool], lo: int, hi: int, kind_at: list[str | None],
                     has_outcome: bool) -> list[tuple[int, int]]:
    """The OUTCOME span ``(start, end)`` of sentence ``[lo, hi)`` said by its counted subject's verb (module
    doc), or none. ``kind_at``: per token, the kind of the measure it is in (None outside measures)."""
    if has_outcome:
        return []
    kinds = [kind_at[j] for j in range(lo, hi) if kind_at[j] is not None and (j == lo or kind_at[j - 1] is None
                                                                                or kind_at[j - 1] != kind_at[j])]
    if not any(k in _COUNT_KINDS for k in kinds):
        return []
    if not any(k in _TEST_KINDS for k in kinds) and not any(t.lower[j] in _COMPARE for j in range(lo, hi)):
        return []  # a count alone describes a sample ("42% (22/53) had stage I/IE"); a result compares or tests
    subject = False
    j = lo
    while j < hi:
        low = t.lower[j]
        if low in (";", ":"):
            return []
        if kind_at[j] in _COUNT_KINDS or low in POPULATION_NOUNS:
            subject = True
        elif subject and kind_at[j] is None and not taken[j] and _verb(low):
            if j > lo and t.lower[j - 1] in _RELATIVE:  # "participants who received ...": not the main verb
                j += 1
                continue
            if low in DESIGN_VERBS or t.lower[j - 1] in _BEFORE_PARTICIPLE:
                return []  # "were randomized", "was confirmed through", "an expanded set": no result verb
            return _predicate(t, taken, j, hi, kind_at)
        j += 1
    return []


def _predicate(t: TokenView, taken: list[bool], v: int, hi: int, kind_at: list[str | None]) -> list[tuple[int, int]]:
    while v + 1 < hi and t.lower[v] in ("have", "has", "had") and _verb(t.lower[v + 1]):
        v += 1  # "have had a first recurrence": the auxiliary is no verb of its own
    a = v
    k = v + 1
    if t.lower[v] == "did" and k + 1 < hi and t.lower[k] == "not":  # "did not need further intervention"
        k += 2
    elif t.lower[v] in LIGHT_VERBS:
        a = k
        while a < hi and t.lower[a] in FUNCTION_WORDS:  # "had [a first recurrence]"
            a += 1
        k = a
    end = k
    while end < hi and not taken[end] and kind_at[end] is None:
        low = t.lower[end]
        if low in ENDS or not any(ch.isalnum() for ch in low):
            break
        end += 1
    stop = end
    while end > a and t.lower[end - 1] in FUNCTION_WORDS:
        end -= 1
    if end <= k or end - a > MAX_WORDS or stop < hi and taken[stop]:
        return []  # no object, a long clause, or one that runs into an entity: not an outcome's name
    return [(a, end)]
