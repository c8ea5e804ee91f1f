"""A sentence that opens on its reference arm (issue 10, session 16): "Relative to CTL, EMO participants ... had
fewer somatic symptoms", "Compared to children in Co group, children in PP group had 16% ... reduction", "As compared
with an LPD, an sVLPD induced ...". The arm a comparison cue introduces at the sentence's start is what the arm after
it is measured against: the comparator, and the arm after it the intervention (``corpora/gold/GUIDELINES.md``: the
direction is the intervention's relative to the comparator). :func:`.arms._assign_sides` asks
:func:`opened_by_comparison` for the first arm of a sentence whose arms no other rule has set apart (none
control-worded, none a design comparator); a later arm the cue introduces ("X was higher than Y") was read so before.
"""

from __future__ import annotations

import re

from .base import SentenceView
from .switches import off

#: a comparison cue that opens the sentence, up to three words before its first arm ("Relative to", "Compared with
#: the", "In comparison with", "As compared to", "When compared with")
_OPENING = re.compile(r"^\W*(?:(?:as|when)\s+)?(?:relative\s+to|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|"
                      r"versus|vs\.?|against)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def opened_by_comparison(view: SentenceView, start: int) -> bool:
    """Does ``view`` open on a comparison cue right before the arm at offset ``start`` (module doc)?"""
    if off("opened_by_comparison"):
        return False
    return bool(_OPENING.match(view.text[:start - view.start]))
