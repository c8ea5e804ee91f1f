"""What a treatment acts on is the outcome: the object of an effect verb whose subject is an entity (claims layer
only; used by :mod:`claimex.annotate.outcome_lists` after :mod:`claimex.annotate.outcome_arms`; issue 10,
docs/claims-rounds.md 33.5, s19-found).

In "A improved / reduced / did not affect B", A acts and B is what was measured (GUIDELINES, *The unit*: the
intervention, the comparator, and the outcome they are compared on): an arm does not act on an arm. The tagger
sometimes reads B, or a word of it, as an INTERVENTION ("[LOLA]I ameliorated the deleterious psychometric effects
of [glutamine]I", "Addition of PIO to [GH]I attenuated the short-term diabetogenic effect of [GH]I"), and the
finding then has no outcome, or an arm for one. :func:`effect_objects`: where an effect verb (:data:`EFFECT_VERBS`,
also after "did not" / "failed to") has an entity (INTERVENTION, COMPARATOR or OUTCOME) as its subject - the
entity ends right before the verb, with only auxiliaries and adverbs between (:data:`_BETWEEN`) - its direct
object (after at most two such words) is read as a noun phrase: entity spans, free words and one ``of`` (``of
the``), up to :data:`MAX_WORDS` words, ending before a function word, a participle, punctuation or another
effect verb. Where that phrase holds an INTERVENTION span and no span of another label, it becomes one OUTCOME
("the deleterious psychometric effects of glutamine", "the dose of propofol"); the subject keeps its label.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress

from .outcome_arms import _masks, _replace
from .outcome_names import TokenView, _free
from .tagger.words import FUNCTION_WORDS

OUTCOME, INTERVENTION = "OUTCOME", "INTERVENTION"
#: the labels of an entity that can act as the subject of an effect verb
_SUBJECTS = frozenset(["INTERVENTION", "COMPARATOR", "OUTCOME"])
MAX_WORDS = 8
_ADVERBS = frozenset(["thereby", "hence", "further", "again", "still"])
#: verbs whose subject acts on their object (past, present and base forms)
EFFECT_VERBS = frozenset(
    form for stem in ("affect", "improve", "reduce", "decrease", "increase", "ameliorate", "attenuate", "enhance",
                      "lower", "raise", "alter", "change", "influence", "worsen", "shorten", "prolong", "accelerate",
                      "inhibit", "suppress", "restore", "normalize", "normalise", "augment", "diminish", "lessen",
                      "blunt", "abolish", "reverse", "elevate", "modulate")
    for form in (stem, stem + "s", stem + "d" if stem.endswith("e") else stem + "ed"))
#: what may stand between the subject and the verb, and between the verb and its object
_BETWEEN = frozenset(["did", "does", "do", "not", "failed", "to", "also", "significantly", "markedly", "further",
                      "substantially", "both", "only", "slightly", "greatly", "statistically", "has", "have", "had",
                      "could", "can", "may", "might", "would", "the", "a", "an", "its", "their"])


def effect_objects(t: TokenView, claims: list[list]) -> list[list]:
    """``claims`` (entries ``[start, end, label, score, subtype, source]``) with the direct object of each effect verb
    whose subject is an entity made one OUTCOME where the object holds an INTERVENTION span (module doc). The verbs
    are found by one set test per token in C (``compress``); the rest runs only at those verbs."""
    verbs = list(compress(range(t.n), map(EFFECT_VERBS.__contains__, t.lower)))
    if not verbs or not any(o[2] == INTERVENTION for o in claims):
        return claims
    starts = [lo for lo, _ in t.sentences]
    by_end = {o[1]: o for o in claims}
    taken = None
    for v in verbs:
        lo, hi = t.sentences[bisect_right(starts, v) - 1]
        if v == lo or v >= hi - 1:
            continue
        k = v
        while k > lo and t.lower[k - 1] in _BETWEEN:
            k -= 1
        subject = by_end.get(k)
        if subject is None or subject[2] not in _SUBJECTS:
            continue
        if taken is None:
            taken, _ = _masks(t, claims)
        if taken[v]:  # the verb is part of a name ("[reduced fat diet]")
            continue
        m = v + 1
        while m < hi and t.lower[m] in _BETWEEN and m - v <= 2:
            m += 1
        span = _object(t, claims, taken, m, hi)
        if span is not None:
            claims = _replace(claims, span[0], span[1], "effect_object")
            by_end = {o[1]: o for o in claims}
            taken, _ = _masks(t, claims)
    return claims


def _object(t: TokenView, claims: list[list], taken: list[bool], m: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase opening at ``m``: entity spans, free words and one ``of`` (``of the``), up to
    :data:`MAX_WORDS` words, ending before a function word, punctuation or the sentence end; ``(m, end)`` when it
    holds an INTERVENTION span, no other label, and ends on a word, else None."""
    starts = {o[0]: o for o in claims}
    b, of, labels = m, False, set()
    while b < hi and b - m < MAX_WORDS:
        o = starts.get(b)
        if o is not None:
            labels.add(o[2])
            b = o[1]
            continue
        low = t.lower[b]
        if low == "of" and not of and b > m:
            of = True
            b += 1 + (b + 1 < hi and t.lower[b + 1] in ("the", "a", "an"))
            continue
        if low in EFFECT_VERBS or low in _ADVERBS or not _free(t, b, taken):  # a taken word, a function word, ...
            break
        b += 1
    if labels != {INTERVENTION} or b == m or t.lower[b - 1] in FUNCTION_WORDS:
        return None
    return m, b
