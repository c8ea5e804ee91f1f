"""Untagged items of an OUTCOME list (the **siblings** rule of :mod:`claimex.annotate.outcome_lists`).

A list with an OUTCOME item extends to its untagged items: a short noun phrase joined to an OUTCOME span
by ``,``/``and``/``or``/``as well as``, bracketed numbers after an item skipped ("fever (59.3 %), ...,
chills (18.5 %) and arrhythmia"), ending at a function word or punctuation, not an arm word, no other
entity inside, no verb-like ``-ed`` word (the list has ended: "pain and improved function"); the chain
goes on over further items. Also the bracket and list-word helpers the list split shares.
"""

from __future__ import annotations

from .outcome_names import COMPARISON_ADJ, TokenView, name_ok
from .tagger.words import has_letter

MAX_ITEM = 5  # words of an untagged list item
_OPEN, _CLOSE = "([", ")]"
_CONJ = frozenset(["and", "or", "and/or", "nor"])
# words that end a noun phrase besides function words
BOUNDARY = frozenset(["due", "compared", "including", "except", "following", "showed", "shows", "show", "remained",
                      "occurred", "versus", "vs.", "respectively", "whereas", "although", "until", "not", "no"])


def _bracket_end(t: TokenView, j: int, limit: int) -> int | None:
    """Index after the bracket group opening at ``j`` (within ``limit``), else None."""
    depth = 0
    for k in range(j, min(limit, j + 16)):
        if t.text[k] in _OPEN:
            depth += 1
        elif t.text[k] in _CLOSE:
            depth -= 1
            if depth == 0:
                return k + 1
    return None


def _bracket_start(t: TokenView, j: int, floor: int) -> int | None:
    """Index of the bracket opening the group that closes at ``j - 1``, else None."""
    depth = 0
    for k in range(j - 1, max(floor, j - 16) - 1, -1):
        if t.text[k] in _CLOSE:
            depth += 1
        elif t.text[k] in _OPEN:
            depth -= 1
            if depth == 0:
                return k
    return None


# -- siblings -----------------------------------------------------------------------------------------
def _separator_after(t: TokenView, j: int, limit: int) -> int | None:
    """Index after a list separator starting at ``j`` (``,`` / ``, and`` / ``and`` / ``as well as``)."""
    if j < limit and t.lower[j] == ",":
        j += 1
        if j < limit and t.lower[j] in _CONJ:
            j += 1
        return j
    if j < limit and t.lower[j] in _CONJ:
        return j + 1
    if j + 2 < limit and t.lower[j:j + 3] == ["as", "well", "as"]:
        return j + 3
    return None


def _separator_before(t: TokenView, j: int, floor: int) -> int | None:
    """Index of the first token of a list separator ending at ``j - 1``."""
    if j - 1 >= floor and t.lower[j - 1] in _CONJ:
        return j - 2 if j - 2 >= floor and t.lower[j - 2] == "," else j - 1
    if j - 1 >= floor and t.lower[j - 1] == ",":
        return j - 1
    if j - 3 >= floor and t.lower[j - 3:j] == ["as", "well", "as"]:
        return j - 3
    return None


def _stop(t: TokenView, j: int, taken: list[bool]) -> bool:
    """Does a noun phrase end before token ``j``? (tagged, not a word, a boundary word, a verb-like ``-ed``
    or an adverb-like ``-ly`` word)"""
    low = t.lower[j]
    return (taken[j] or not t.wordish(j) or low in BOUNDARY or (low.endswith("ed") and len(low) > 4)
            or low.endswith("ly") or low[-1:] in ".,;:")


def _item_ok(t: TokenView, lo: int, hi: int) -> bool:
    words = [w for w in t.lower[lo:hi] if has_letter(w)]
    return 0 < hi - lo <= MAX_ITEM + 2 and 0 < len(words) <= MAX_ITEM and name_ok(t, lo, hi)


def siblings(t: TokenView, spans: list[tuple[int, int]], taken: list[bool], lo: int, hi: int) -> list[tuple[int, int]]:
    """Untagged list items next to the OUTCOME ``spans`` of the sentence ``[lo, hi)`` (see module doc)."""
    found: list[tuple[int, int]] = []
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    for s, e in spans:
        j = e  # rightwards
        while True:
            if j < hi and t.text[j] in _OPEN:
                j = _bracket_end(t, j, hi) or j
            k = _separator_after(t, j, hi)
            if k is None or k >= hi:
                break
            if k in starts:
                break  # the next item is tagged: its own chain goes on from there
            if k < hi and t.lower[k] in ("the", "a", "an"):
                k += 1
            if k + 1 < hi and t.lower[k] in COMPARISON_ADJ:
                k += 1  # "... and greater involvement": the direction word stays outside the item
            m = k
            while m < hi and not _stop(t, m, taken) and (t.lower[m] != "of" or m == k):
                m += 1
            if m < hi and t.lower[m] == "of" and m + 1 < hi and not _stop(t, m + 1, taken):
                m += 1  # "length of stay"
                if m < hi and t.lower[m] == "the":
                    m += 1
                while m < hi and not _stop(t, m, taken):
                    m += 1
            if m == k or not _item_ok(t, k, m) or (m < hi and taken[m]) or (m < hi and t.wordish(m)):
                break
            found.append((k, m))
            for x in range(k, m):
                taken[x] = True
            j = m
        j = s  # leftwards
        while True:
            k = _separator_before(t, j, lo)
            if k is None:
                break
            m = k
            if m - 1 >= lo and t.text[m - 1] in _CLOSE:
                m = _bracket_start(t, m, lo) or m
            if m in ends:
                break
            a = m
            while a - 1 >= lo and not _stop(t, a - 1, taken) and t.lower[a - 1] != "of":
                a -= 1
            if a == m or not _item_ok(t, a, m) or (a - 1 >= lo and taken[a - 1]) or _of_tail(t, a, lo):
                break
            found.append((a, m))
            for x in range(a, m):
                taken[x] = True
            j = a
    return found


def _of_tail(t: TokenView, a: int, lo: int) -> bool:
    """Is the phrase starting at ``a`` the ``of (the) X`` tail of the phrase before it ("view of the larynx")?"""
    k = a - 1
    if k >= lo and t.lower[k] in ("the", "a", "an"):
        k -= 1
    return k >= lo and t.lower[k] == "of"
