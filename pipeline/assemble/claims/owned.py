"""Which outcome of a sentence a no-difference phrase is said of (issue 10, session 16).

A sentence that reports two outcomes coordinated ("red yeast rice induced less fatigue side effect and exerted
comparable lipid-lowering effects", "Despite small improvements in fatigue profiles, no effects on HRQoL were
observed", "Side effects did not differ between the two groups and ...") gives one finding per outcome (GUIDELINES,
Findings: one outcome's result for one comparison), and the no-difference words belong to the outcome they are said
of, not to the other one. :func:`own_null` reads an outcome mention's own stretch of the sentence: back from it to the
last comma, bracket, semicolon, "and", "or" or contrast word (as :func:`.polarity.own_cue` reads its change word), and
on from it to the next such mark or the next outcome. Used by :func:`.groups.by_cue` (a no difference and a change
word said of different outcomes part the claim group) and :func:`.direction.comparison_evidence` (the null of
another outcome is not this outcome's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .significance import NEGATED_CHANGE, NOT_SIGNIFICANT

#: where an outcome's own stretch ends: clause marks, coordination, contrast
_STOP = re.compile(r"[,;()\[\]]|\b(?:and|or|but|whereas|while|although|however|despite)\b", re.IGNORECASE)
_REACH = 60  # characters read on either side of the mention


def own_stretch(text: str, start: int, end: int, following: int | None = None) -> tuple[str, str]:
    """The words said of the outcome mention ``text[start:end]`` alone: before it back to the last stop mark (within
    :data:`_REACH` characters), and after it up to the next stop mark, ``following`` (the next outcome's start) or
    :data:`_REACH` characters."""
    window = text[max(0, start - _REACH):start]
    stops = list(_STOP.finditer(window))
    before = window[stops[-1].end():] if stops else window
    limit = min(len(text), end + _REACH, following if following is not None and following >= end else len(text))
    after = text[end:limit]
    stop = _STOP.search(after)
    return before, after[:stop.start()] if stop else after


def own_null(text: str, start: int, end: int, following: int | None = None) -> bool:
    """Is a no-difference phrase (:data:`.significance.NOT_SIGNIFICANT`, a negated change verb) said of this outcome
    mention alone (:func:`own_stretch`)? ``text``: the sentence with the arms' names blanked."""
    before, after = own_stretch(text, start, end, following)
    return any(NOT_SIGNIFICANT.found(part) or NEGATED_CHANGE.search(part) is not None for part in (before, after))


def nulls_of(text: str, mentions: Sequence[tuple[int, int]]) -> list[bool]:
    """:func:`own_null` of each (start, end) outcome mention of ``text``, each read up to the next mention."""
    ordered = sorted(mentions)
    nxt = {m: (ordered[k + 1][0] if k + 1 < len(ordered) else None) for k, m in enumerate(ordered)}
    return [own_null(text, a, b, nxt[(a, b)]) for a, b in mentions]
