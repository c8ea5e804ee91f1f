"""The value an item of a result list reports, so that the list's items can be read past it (used by the
**siblings** rule, :mod:`claimex.annotate.outcome_siblings`; issue 10, docs/claims.md 34.x, s20-found).

A result sentence often reports several outcomes as a list whose every item carries its own value, and the tagger
marks some of its items only ("puncture of the carotid artery occurred in 10.6% of patients, haematoma in 8.4%,
haemothorax in 1.7%, [pneumothorax] in 2.4%"; "[nausea] 12% vs 20%, vomiting 5% vs 9%"). A reviewer reads every
item as an outcome like its tagged neighbours (GUIDELINES, *The unit*: one finding per outcome): the list runs on
over the values. :func:`value_slots` finds, in a sentence, the runs that are such a value: an optional ``in``
/ ``:`` / ``=`` / ``was`` / ``were`` and then a number, further numbers joined by ``vs`` / ``versus`` / ``and`` /
``to`` / ``/`` / ``-`` or ``%``, bracket groups holding a number, and ``of (the) <population noun>`` ("in 10.6%
of patients"). A run that opens on a bare number counts only right after a word (the item it reports) and only
when it holds a percentage or compares ("vomiting 5% vs 9%"): "week 12", "DOL 28", "IBS-QOL 64 (sd 20)" are a
name's number or a statistic. The siblings rule takes an item found past a value only where that item reports its
own value too.
"""

from __future__ import annotations

from itertools import compress

from .outcome_names import POPULATION_NOUNS, TokenView
from .tagger.words import is_number

OPENERS = frozenset(["in", ":", "=", "was", "were"])
JOINERS = frozenset(["vs", "vs.", "versus", "and", "to", "/", "-", "–", "or"])
COMPARE = frozenset(["vs", "vs.", "versus"])
_OPEN, _CLOSE = "([", ")]"
MAX_SLOT = 24  # tokens
_FIRST = frozenset("0123456789<>≤≥=±~%")  # the first characters of a number (``tagger.words.is_number``)


def _number(t: TokenView, j: int) -> bool:
    return is_number(t.text[j]) and any(c.isdigit() for c in t.text[j])


def _group_end(t: TokenView, j: int, hi: int) -> int | None:
    """Index after the bracket group opening at ``j`` when it closes within the slot limit and holds a number."""
    depth, num = 0, False
    for k in range(j, min(hi, j + MAX_SLOT)):
        if t.text[k] in _OPEN:
            depth += 1
        elif t.text[k] in _CLOSE:
            depth -= 1
            if depth == 0:
                return k + 1 if num else None
        elif _number(t, k):
            num = True
    return None


def _slot_end(t: TokenView, j: int, hi: int) -> int:
    """Index after the value run that starts with the number at ``j``."""
    k = j + 1
    while k < hi and k - j < MAX_SLOT:
        low = t.lower[k]
        if _number(t, k) or low == "%":
            k += 1
        elif low in JOINERS and k + 1 < hi and _number(t, k + 1):
            k += 2
        elif low in _OPEN:
            end = _group_end(t, k, hi)
            if end is None:
                break
            k = end
        elif low == "of" and k + 1 < hi:
            m = k + 2 if t.lower[k + 1] in ("the", "all") and k + 2 < hi else k + 1
            if t.lower[m] not in POPULATION_NOUNS:
                break
            k = m + 1
        else:
            break
    return k


def value_slots(t: TokenView, lo: int, hi: int) -> dict[int, int]:
    """The value runs of the sentence ``[lo, hi)`` (module doc), as ``{first token: index after the last}``. Only the
    tokens that can open one (an opener, or a first character of a number) are visited, found by set tests in C."""
    slots: dict[int, int] = {}
    seg = range(lo + 1, hi)
    cands = sorted(set(compress(seg, map(OPENERS.__contains__, t.lower[lo + 1:hi])))
                   | set(compress(seg, map(_FIRST.__contains__, [w[:1] for w in t.text[lo + 1:hi]]))))
    after = lo + 1  # tokens before this one are inside a run already read
    for j in cands:
        if j < after:
            continue
        if t.lower[j] in OPENERS and j + 1 < hi and _number(t, j + 1) and t.wordish(j - 1):
            end = _slot_end(t, j + 1, hi)
        elif _number(t, j) and t.wordish(j - 1) and t.lower[j - 1] not in OPENERS:
            end = _slot_end(t, j, hi)
            if not any(w == "%" or w in COMPARE for w in t.lower[j:end]):
                after = end  # "week 12", "DOL 28", "score 64 (sd 20)": a name's number or a statistic
                continue
        else:
            continue
        slots[j] = end
        after = end
    return slots
