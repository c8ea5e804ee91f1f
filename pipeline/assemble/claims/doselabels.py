"""Dose arms named by their dose, which the tagger leaves untagged: "the 75 mg group", "in the 50 mg group", "the
15 mg, 30 mg, and 60 mg groups", and a per-arm list "(placebo: -13.3%; 1200 mg: -34.5%; 2400 mg: -52.7%)"
(issue 10, session 18).

A reviewer reads "the 75 mg group" as the arm given 75 mg, and tells it from the 50 mg arm by its number
(GUIDELINES.md, *How the scorer reads a claim*: numbers are words of an arm). The tagger rarely tags such a
phrase, so the finding's sentence offers no arm mention and the claim takes another arm. :func:`dose_labels` adds
an INTERVENTION entity over each such dose (its number and unit) that no entity overlaps, before the claims are
assembled (as :func:`.joined.split_joined_arms` mends arm spans):

* a dose (a number and a dose or time unit: "75 mg", "0.5 mg/kg", "400 µg", "3 h"; not a percentage: "in 0.8% group
  A patients vs. 1% group B" are rates) right before a group word ("group(s)", "arm(s)", "cohort(s)", "dose
  group(s)"), or in a list of doses that ends in one ("15 mg, 30 mg, and 60 mg groups");
* a dose (not a time: "at 4 weeks: P < .001, at 8 weeks: ..." are time points) right before a colon, where its
  sentence has two or more such doses of different numbers and the same unit (a per-arm list);
* not a dose after a comparison sign ("<1,500 g group": a stratum by birth weight, not an arm), nor one inside a
  word or number run.

The new entities' ids are ``D1``, ``D2``, ... (the tagger's are ``E<k>``); the entities stay in text order.
"""

from __future__ import annotations

import re

from ...schema import Entity, Record

_UNIT = (r"(?:mg|g|mcg|µg|μg|ug|ng|IU|U|mL|ml|mmol|mEq|h|hr|hrs|hours?|min|minutes?|days?|weeks?|months?)"
         r"(?:/(?:kg|m2|m²|d|day|h|kg/d|kg/day|kg/h|kg/min))?")
_DIGIT_UNIT = re.compile(r"\d\s?-?[a-zA-Zµμ]")  # a fast check: a sentence without one has no dose
_DOSE = re.compile(rf"(\d+(?:,\d{{3}})*(?:\.\d+)?)\s?-?({_UNIT})(?![\w/])", re.IGNORECASE)
_NOT_BEFORE = frozenset(".,<>≤≥±/-_")  # a dose right after a word, a number run or a comparison sign is none
_GROUP = re.compile(r"\s+(?:dose\s+)?(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)
_LIST_STEP = re.compile(r"\s*,?\s*(?:and|or)?\s*", re.IGNORECASE)
_COLON = re.compile(r"\s*:")
_TIME = re.compile(r"(?:h|hr|hrs|hours?|min|minutes?|days?|weeks?|months?)$", re.IGNORECASE)


def _before_group(text: str, end: int) -> bool:
    """Is the dose ending at ``end`` followed by a group word, directly or through a list of doses?"""
    pos = end
    while True:
        if _GROUP.match(text, pos):
            return True
        step = _LIST_STEP.match(text, pos)
        nxt = _DOSE.match(text, step.end()) if step else None
        if step is None or nxt is None or step.end() == pos and pos != end:  # no step: no nxt either
            return False
        pos = nxt.end()


def _unit(m: re.Match) -> str:
    return m.group(2).lower()


def sentence_dose_labels(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the dose-arm labels of ``text[start:end]`` (module docstring)."""
    seg = text[start:end]  # fast checks first: no group word or colon, or no number with a unit, no label
    if (":" not in seg and "roup" not in seg and "rm" not in seg and "ohort" not in seg) \
            or not _DIGIT_UNIT.search(text, start, end):
        return []
    doses = [m for m in _DOSE.finditer(text, start, end)
             if not (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in _NOT_BEFORE))]
    colon = [m for m in doses if _COLON.match(text, m.end()) and not _TIME.match(_unit(m))]
    listed = {m.start() for m in colon
              if len({d.group(1) for d in colon if _unit(d) == _unit(m)}) >= 2}
    return [(m.start(), m.end()) for m in doses if m.start() in listed or _before_group(text, m.end())]


def dose_labels(record: Record) -> None:
    """Add an INTERVENTION entity over each untagged dose-arm label of the record, in place (module docstring)."""
    added: list[Entity] = []
    for s in record.sentences:
        for a, b in sentence_dose_labels(record.text, s.start, s.end):
            if any(e.start < b and a < e.end for e in record.entities):
                continue
            added.append(Entity(id=f"D{len(added) + 1}", label="INTERVENTION", start=a, end=b,
                                text=record.text[a:b]))
    if added:
        record.entities = sorted(record.entities + added, key=lambda e: (e.start, e.end))
