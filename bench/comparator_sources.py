"""Where each design comparator came from (issue 10, session 16; for bench/comparator_misses.py and
bench/comparator_counts.py): wraps ``InterventionContext.observe`` so that every entity it adds to
``ctx.comparators`` is tagged with the kind of sentence and the rule that added it (keyed by the entity object: the
records stay alive while they are counted). Importing this module installs the wrapper (bench scripts only; the
pipeline itself is not changed).

``SOURCE[id(entity)]`` is ``"<sentence> <rule>"``: sentence ``title`` / ``aim`` / ``methods`` (a design sentence after
the title) / ``allocation`` (an allocating sentence typed otherwise) / ``result`` (any other typed sentence) /
``untyped``; rule ``control arm`` (what the control group received), ``second allocated`` (an allocation's one
other arm), ``alternative`` (set up by a comparison or allocation cue), ``control-worded`` (a control word, no cue),
``other (bracket / add-on / bare-control name)`` (a role bracket, an add-on base, the arm written before a bare
control). ``ZONE[id(entity)]``: the section zone of that sentence (:func:`claimex.assemble.claims.zones.zone_of`;
``skip`` is the title). ``TWICE``: the comparators whose words another arm entity of their sentence repeats.
"""

from __future__ import annotations

from claimex.assemble.claims.allocation import ALLOCATION
from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.design import design_comparators
from claimex.assemble.claims.zones import zone_of

SOURCE: dict[int, str] = {}
ZONE: dict[int, str] = {}  # the zone (:func:`.zones.zone_of`) of the sentence that added it
TWICE: set[int] = set()  # design comparators whose words another arm entity of their sentence repeats
_observe = InterventionContext.observe


def _sentence(view, ctype, design) -> str:
    if view.index == 0:
        return "title"
    if design:
        return "aim" if ctype == "aim" else "methods"
    if ALLOCATION.found(view.text):
        return "allocation"
    return "untyped" if ctype is None else "result"


def _observe_spy(self, view, ctype, design=False):
    before = {id(c) for c in self.comparators}
    controls, seconds = {id(c) for c in self.control_arms}, {id(c) for c in self.second_arms}
    _observe(self, view, ctype, design)
    ents = view.label("INTERVENTION", "COMPARATOR")
    alternatives = design_comparators(view, ents)
    where = _sentence(view, ctype, design)
    for c in self.comparators:
        if id(c) in before or id(c) in SOURCE:
            continue
        if c in self.control_arms and id(c) not in controls:
            rule = "control arm"
        elif c in self.second_arms and id(c) not in seconds:
            rule = "second allocated"
        elif c.id in alternatives:
            rule = "alternative"
        elif is_control(c):
            rule = "control-worded"
        else:
            rule = "other (bracket / add-on / bare-control name)"
        SOURCE[id(c)] = f"{where} {rule}"
        ZONE[id(c)] = zone_of(view.section) or "no zone"
        key = entity_words(c)
        if len(ents) >= 3 and any(e is not c and entity_words(e) == key for e in ents):
            TWICE.add(id(c))


InterventionContext.observe = _observe_spy
