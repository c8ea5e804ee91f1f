"""The rest of a tagger's run beyond a list separator, for the claims layer only (used by
:mod:`claimex.annotate.outcome_lists`).

The tagger's OUTCOME head often stays over the weak floor across a whole phrase while only one part of it
reaches the main threshold: in "common adverse events were hot flush and [injection site reactions] including
[induration], [pain], and [erythema]" the run (``doc.spans["pico_wide"]``, :mod:`claimex.annotate.outcome_wide`)
covers "injection site reactions including induration, pain, and erythema", but the main decode tags only the
list after "including"; the weak decode (:mod:`claimex.annotate.outcome_weak`) leaves the run out because it holds
a main span, and :func:`outcome_wide.widen` does not cross the separator (rightly: the category is an outcome of
its own, not a part of its first item). :func:`run_remainders` takes such a rest as one more OUTCOME (GUIDELINES,
*The unit*: one finding per outcome; the gold writes "injection site reactions" as its own finding): a stretch of
the run that no claims-layer span holds, parted from the run's spans by a list separator (comma, semicolon,
and/or) or an example word ("including", "such as"), that names an outcome
(:func:`outcome_weak._names_outcome`), holds a noun-like word and a token where the tagger's OUTCOME
probability reaches the weak threshold apart from the main span (``doc.spans["pico_seeds"]``,
:func:`claimex.annotate.tagger.weakwide.decode_seeds`: the evidence a weak span needs), split into list items.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .entities import SEEDS_KEY, WIDE_KEY
from .outcome_names import TokenView
from .outcome_weak import Split, _names_outcome, _noun_like, _trim, untaken_runs

#: words that part a list's category from its items ("X including A, B and C", "X such as A")
EXAMPLE_WORDS = frozenset(["including", "includes", "included", "such", "as", "especially", "particularly", "e.g.",
                           "namely", "like"])
#: list separators ("hot flush and [injection site reactions]"); brackets, colons and signs part a name from its
#: values or subgroups ("receptor status (triple negative: 0.93 ...)"), not two outcomes
PARTS = frozenset([",", ";", "and", "or"]) | EXAMPLE_WORDS


def run_remainders(doc: Doc, t: TokenView, taken: list[bool], split: Split) -> list[tuple[int, int]]:
    """The free stretches of the tagger's wide runs that a separator parts from the run's spans (module doc),
    as list items, in order. Marks their tokens ``taken``."""
    if WIDE_KEY not in doc.spans or not doc.spans.get(SEEDS_KEY):
        return []
    seed = [False] * len(doc)
    for x in doc.spans[SEEDS_KEY]:
        seed[x.start:x.end] = [True] * len(x)
    out: list[tuple[int, int]] = []
    for span in doc.spans[WIDE_KEY]:
        s, e = span.start, span.end
        if not any(seed[s:e]) or not any(taken[s:e]) or all(taken[s:e]):
            continue
        for j, k in untaken_runs(taken, s, e):
            if (j == s or t.lower[j] in PARTS) and (k == e or t.lower[k - 1] in PARTS):
                a, b = _stretch(t, j, k)
                if b > a and any(seed[a:b]):
                    for x, y in split(t, a, b):
                        out.append((x, y))
                        taken[x:y] = [True] * (y - x)
    return out


def _stretch(t: TokenView, j: int, k: int) -> tuple[int, int]:
    """``[j, k)`` without the separators and example words at its edges, trimmed (:func:`outcome_weak._trim`);
    empty unless it names an outcome and holds a noun-like word."""
    while j < k and t.lower[j] in PARTS:
        j += 1
    while k > j and t.lower[k - 1] in PARTS:
        k -= 1
    a, b = _trim(t, j, k)
    if b > a and any(_noun_like(t.text[m], t.lower[m]) for m in range(a, b)) and _names_outcome(t, a, b):
        return a, b
    return j, j
