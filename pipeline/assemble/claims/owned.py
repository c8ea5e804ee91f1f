"""Which outcome of a sentence a no-difference phrase is said of (issue 10, session 16).

A sentence that reports two outcomes coordinated ("red yeast rice induced less fatigue side effect and exerted
comparable lipid-lowering effects", "Despite small improvements in fatigue profiles, no effects on HRQoL were
observed", "Side effects did not differ between the two groups and ...") gives one finding per outcome (GUIDELINES,
Findings: one outcome's result for one comparison), and the no-difference words belong to the outcome they are said
of, not to the other one. :func:`own_null` reads an outcome mention's own stretch of the sentence: back from it to the
last comma, bracket, semicolon, "and", "or" or contrast word (as :func:`.polarity.own_cue` reads its change word), and
on from it to the next such mark or the next outcome. Used by :func:`.groups.by_cue` (a no difference and a change
word said of different outcomes part the claim group) and, through :func:`nulls_of_others`,
:func:`.direction.comparison_evidence` (the null of another outcome is not this outcome's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import blank
from .polarity import own_cue
from .significance import NEGATED_CHANGE, NOT_SIGNIFICANT

#: where an outcome's own stretch ends: clause marks, coordination, contrast
_STOP = re.compile(r"[,;()\[\]]|\b(?:and|or|but|whereas|while|although|however|despite)\b", re.IGNORECASE)
_REACH = 60  # characters read on either side of the mention


def own_span(text: str, start: int, end: int, following: int | None = None) -> tuple[int, int]:
    """The stretch of ``text`` said of the outcome mention ``text[start:end]`` alone, as (start, end): back from it to
    the last stop mark (within :data:`_REACH` characters), on from it to the next stop mark, ``following`` (the next
    outcome's start) or :data:`_REACH` characters."""
    lo = max(0, start - _REACH)
    stops = list(_STOP.finditer(text, lo, start))
    a = stops[-1].end() if stops else lo
    limit = min(len(text), end + _REACH, following if following is not None and following >= end else len(text))
    stop = _STOP.search(text, end, limit)
    return a, stop.start() if stop else limit


def own_stretch(text: str, start: int, end: int, following: int | None = None) -> tuple[str, str]:
    """The words before and after the outcome mention within its :func:`own_span`."""
    a, b = own_span(text, start, end, following)
    return text[a:start], text[end:b]


def has_null(text: str) -> bool:
    """A no-difference phrase (:data:`.significance.NOT_SIGNIFICANT`) or a negated change verb anywhere in ``text``:
    the one test before reading each outcome's own stretch."""
    return NOT_SIGNIFICANT.found(text) or NEGATED_CHANGE.search(text) is not None


def own_null(text: str, start: int, end: int, following: int | None = None) -> bool:
    """Is a no-difference phrase (:data:`.significance.NOT_SIGNIFICANT`, a negated change verb) said of this outcome
    mention alone (:func:`own_stretch`)? ``text``: the sentence with the arms' names blanked."""
    before, after = own_stretch(text, start, end, following)
    return has_null(before) or has_null(after)


def _following(mentions: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int | None]:
    ordered = sorted(mentions)
    return {m: (ordered[k + 1][0] if k + 1 < len(ordered) else None) for k, m in enumerate(ordered)}


def nulls_of(text: str, mentions: Sequence[tuple[int, int]]) -> list[bool]:
    """:func:`own_null` of each (start, end) outcome mention of ``text``, each read up to the next mention."""
    nxt = _following(mentions)
    return [own_null(text, a, b, nxt[(a, b)]) for a, b in mentions]


def spans_of(text: str, mentions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`own_span` of each (start, end) outcome mention of ``text``, each read up to the next mention."""
    nxt = _following(mentions)
    return [own_span(text, a, b, nxt[(a, b)]) for a, b in mentions]


def nulls_of_others(text: str, spans: Sequence[tuple[int, int, str]], others: Sequence[tuple[int, int]]
                    ) -> list[tuple[int, int]]:
    """The own stretches (:func:`own_span`) of the other outcomes (``others``, local spans) that own the sentence's no
    difference, when this claim's outcomes (the "O" ``spans``; "I" / "C" spans are the arms, blanked) own none but a
    change word of their own (:func:`.polarity.own_cue`); else none. ``text``: the sentence."""
    mine = [(a, b) for a, b, r in spans if r == "O"]
    if not mine:
        return []
    masked = blank(text, [(a, b) for a, b, r in spans if r != "O"])
    mentions = mine + list(others)
    nulls = nulls_of(masked, mentions)
    if any(nulls[:len(mine)]) or not any(nulls[len(mine):]) or all(own_cue(masked, a, b) is None for a, b in mine):
        return []
    stretches = spans_of(masked, mentions)
    return [stretches[k] for k in range(len(mine), len(mentions)) if nulls[k]]
