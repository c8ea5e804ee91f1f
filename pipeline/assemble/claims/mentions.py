"""What one arm mention is, read the same way by the arm ranker (:mod:`.armrank`) and the trial-arm check
(:mod:`.trialarm`): a population head ("postgraduate nurses"), written as a group ("X group", "X arm"), held inside a
span of some label (:class:`Covering`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ...schema import Record
from .plain import EntityLike

#: a mention that ends on a population head names people, not an arm ("81% of attendees", "postgraduate nurses")
PERSON = re.compile(r"\b(?:patients?|subjects?|participants?|women|men|children|infants?|adults?|nurses?|"
                    r"volunteers?|individuals?|people|persons?|attendees?|users?|smokers?|mothers?|students?|"
                    r"workers?|residents?|physicians?|caregivers?|members?|recipients?|survivors?)$", re.IGNORECASE)
#: the words right after a mention that make it a group ("X group", "X arms")
GROUP_AFTER = re.compile(r"^\s*(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)


class Covering:
    """The record's spans of one label, asked whether one of them holds a mention (start <= mention start, mention end
    <= end). One bisect: the furthest end among the spans that start at or before the mention covers its end exactly
    when one of them holds it (no scan of the spans)."""

    def __init__(self, record: Record, label: str):
        self.spans = sorted((e.start, e.end) for e in record.entities if e.label == label)
        self.reach = list(accumulate((b for _a, b in self.spans), max))

    def holds(self, e: EntityLike) -> bool:
        k = bisect_right(self.spans, (e.start, 1 << 60))
        return k > 0 and self.reach[k - 1] >= e.end
