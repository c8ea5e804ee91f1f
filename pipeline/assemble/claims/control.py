"""Control-worded arms: the words that make an arm the control (placebo, usual care, sham, "X alone", an arm named by
what it lacks; session 12: any "usual X" / "routine X" - "usual home care (control)", "usual routines" - and "regular
care"; not "traditional", which names remedies: "traditional Chinese formula"), read by :mod:`.context` (which arm
is the comparator) and :mod:`.armrank` (a feature)."""

from __future__ import annotations

import re
from functools import lru_cache

from .gates import cues, prefiltered
from .plain import EntityLike

CONTROL = prefiltered(cues(
    r"placebos?", r"controls?", r"sham", r"sham[-‐‑][a-z][\w-]*", r"usual\s+care",
    r"standard(?:[\s‐‑-]+of)?(?:[-‐‑ ]care|\s+(?:treatment|therapy|medical\s+therapy))", r"conventional",
    r"no\s+(?:treatment|intervention|therapy)", r"vehicle", r"untreated",
    r"(?<!hypertonic )(?<!hypotonic )saline", r"wait(?:ing)?[- ]?list", r"best\s+supportive\s+care", r"[\w-]+\s+alone",
    r"routine\s+[\w-]+", r"usual\s+[\w-]+", r"regular\s+care",
    r"dummy", r"observation", r"no[-‐‑][a-z][\w-]*", r"non[-‐‑][a-z][\w-]*", r"without\s+[\w-]+",
))
#: an arm named by what it lacks: "no physical activity", "no statins", "no pen" (round 7)
_ABSENT = re.compile(r"^\W*(?:the\s+|a\s+)?no\s+[a-z]", re.IGNORECASE)
#: a span that opens with a list dash ("4 -control (dietary advice)") is read without it (:data:`CONTROL` wants no dash
#: before its words: "placebo-controlled")
_DASHES = frozenset("-‐‑–")


def is_control(entity: EntityLike) -> bool:
    return entity.label == "COMPARATOR" or control_worded(entity.expanded or entity.text)


@lru_cache(maxsize=65536)
def control_worded(text: str) -> bool:
    """Control words (:data:`CONTROL`) or an arm named by its absence (:data:`_ABSENT`), read past a leading list dash
    ("-control (dietary advice)"); cached: the same mention texts are asked about for every sentence of an abstract."""
    return bool(CONTROL.search(text) or _ABSENT.match(text) or (text[:1] in _DASHES and control_worded(text[1:])))
