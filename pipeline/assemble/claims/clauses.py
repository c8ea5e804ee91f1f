"""Clauses of a sentence (claim assembly): where a direction or significance is read.

* :func:`clauses` - the clauses at bracket depth 0, split at ``;``, ``.`` and contrast words;
* :func:`focus` - the clause of a claim's outcome;
* :func:`compared_after_both` - the later clause that compares the arms' changes after a change in both;
* :func:`none_in_any_arm` - "nothing happened in any arm", held to the clause it opens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from .gates import Gated
from .polarity import both_arms_change
from .significance import NONE_IN_ANY_ARM

# "A, but not B, reduced X" contrasts the arms inside one clause: "but not" is no break
_CLAUSE_BREAK = re.compile(r";|\.\s|,?\s+(?:whereas|but(?!\s+not\b)|while|although|however|except)\b", re.IGNORECASE)

_LEADING_CONCESSIVE = re.compile(r"\s*(?:although|though|while|whereas)\b", re.IGNORECASE)
_VERB = re.compile(r"\b(?:is|are|was|were|remained|did|does|had|has|have|showed|\w+ed)\b", re.IGNORECASE)
#: the characters :func:`clauses` acts on: brackets (depth) and the clause punctuation
_STRUCTURE = re.compile(r"[()\[\]{};.,]")
#: a full stop that ends an abbreviation, not a clause ("vs.", "e.g.", "et al.")
_ABBREVIATION_END = re.compile(r"\b(?:vs|e\.g|i\.e|al|approx|resp)$", re.IGNORECASE)
_CONTRAST_WORD = Gated(re.compile(r"(?:\s|(?<=[)\]}]))(?:whereas|but(?!\s+not\b)|while|although|however)\b",
                                re.IGNORECASE), ("whereas", "but", "while", "although", "however"))


def clauses(text: str, contrast: bool = False) -> list[tuple[int, int]]:
    """:func:`_clauses` (a fresh list): cached, since one sentence's clauses are asked for by several rules and
    claim groups (9,901 calls of 5,754 distinct (text, contrast) pairs in a pass over ``bench/identity.py``'s
    records)."""
    return list(_clauses(text, contrast))


@lru_cache(maxsize=4096)
def _clauses(text: str, contrast: bool) -> tuple[tuple[int, int], ...]:
    """The clauses of a sentence as (start, end): bracket depth 0 (round, square or curly), split at ``;``, ``.``,
    "whereas", "but" (not "but not": "A, but not B, reduced X" is one clause; also glued to a closing bracket:
    "{p = 0.82}but"), "while", "although", "however", "except", and
    at the comma that closes a leading "Although ..." clause. ``contrast``: at the contrast words and the
    leading "Although" clause only (not at ``;`` or ``.``, which also separate the items of a list).
    One scan over the bracket and punctuation characters only (:data:`_STRUCTURE`), not every character."""
    depth, cuts = 0, [0]
    for hit in _STRUCTURE.finditer(text):
        ch = hit.group()
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0:  # ; . ,
            k = hit.start()
            m = _CLAUSE_BREAK.match(text, k)
            if m and contrast and not m.group(0)[-1].isalpha():
                continue
            # the abbreviation test reads only the last few characters before the full stop (same as on text[:k])
            if m and not (ch == "." and _ABBREVIATION_END.search(text, max(0, k - 8), k)):
                cuts.append(m.end())
    cuts += [m.start() for m in _CONTRAST_WORD.finditer(text)]
    lead = _LEADING_CONCESSIVE.match(text)
    if lead:  # "Although A, B and C remained unchanged, D improved": the comma after its verb closes it
        for comma in re.finditer(r",", text[:lead.end() + 200]):
            if _VERB.search(text, lead.end(), comma.start()):
                cuts.append(comma.end())
                break
    cuts = sorted(set(cuts)) + [len(text)]
    return tuple((a, b) for a, b in pairwise(cuts) if a < b)


def focus(text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[int, int]:
    """The clause (:func:`clauses`) that holds the first outcome mention (else the first intervention
    mention); the whole text when there is none."""
    anchor = min((a for a, _b, r in spans if r == "O"), default=None)  # the first in sorted order
    if anchor is None:
        anchor = min((a for a, _b, r in spans if r == "I"), default=None)
    if anchor is None:
        return 0, len(text)
    for a, b in clauses(text):
        if a <= anchor < b:
            return a, b
    return 0, len(text)


def none_in_any_arm(masked: str, outcome_at: int | None) -> bool:
    """Nothing happened in any arm (:data:`.significance.NONE_IN_ANY_ARM`: "No postoperative morbidity or
    mortality occurred in either group"), said of the outcome at local offset ``outcome_at``: the outcome lies in
    the contrast clause (:func:`clauses` with ``contrast``) the statement opens, not after a "but" ("... show no
    better progress ... in either group, ..., but show a better satisfaction with patient care ... in the CPOE
    group (p = 0.035*)": the satisfaction is no null result)."""
    m = NONE_IN_ANY_ARM.search(masked)
    if m is None:
        return False
    if outcome_at is None:
        return True
    first = next((b for a, b in clauses(masked, contrast=True) if a <= m.start() < b), len(masked))
    return outcome_at < first


def compared_after_both(text: str, spans: Sequence[tuple[int, int, str]], fa: int, fb: int) -> tuple[int, int]:
    """The clause that compares the arms' changes when the outcome's clause ``text[fa:fb]`` reports a change in both
    ("Straining at defecation ... decreased in both groups (P < 0.001), but more decrease was seen in the synbiotic
    + mineral oil group (P < 0.05)"): the first later clause that compares the changes ("more decrease", "greater
    reduction") and names no outcome of its own; else ``(fa, fb)``."""
    if not (both_arms_change(text[fa:fb]) and _CHANGE_VERB.search(text, fa, fb)):
        return fa, fb
    outcomes = [a for a, _b, r in spans if r == "O"]
    for a, b in clauses(text):
        if a >= fb and _MORE_CHANGE.search(text, a, b) and not any(a <= o < b for o in outcomes):
            return a, b
    return fa, fb


_CHANGE_VERB = re.compile(r"\b(?:increas|decreas|reduc|improv|declin|rose|fell|dropp)\w*", re.IGNORECASE)
#: a comparison of the arms' changes: "more decrease", "greater increase", "a larger reduction"
_MORE_CHANGE = re.compile(r"\b(?:greater|more|larger|bigger|less|smaller)\s+(?:\w+\s+)?(?:increas|decreas|reduc|improv|"
                          r"declin|gain|loss|fall|rise|change)\w*", re.IGNORECASE)
