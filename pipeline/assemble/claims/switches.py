"""Switches that turn single claim rules off, for the tests that show what a rule changes (issue 13, session 26).

A test shows a rule's effect by assembling the claims without it. It used to replace the rule's function (or
constant) with ``monkeypatch.setattr``; compiled (mypyc, ``make compile``), a caller in the same group calls the
function directly and never sees the replacement, so the test would fail with the rule still at work. Each rule
named in :data:`RULES` reads its switch instead, the same compiled or pure:

    with without("fill_empty_comparator"):
        claims = ClaimAssembler("rules")(record)   # as if the rule did nothing

What "off" means is the rule's own: a rule that completes the claims in place returns at once, a predicate answers
False, :func:`.decision.set_aside` sets nothing apart, :func:`.decision.judge_named` is :func:`.decision.judge`, and
the assembler decides the outcomeless groups it otherwise skips (``skip_outcomeless``, a speed rule: the same claims
either way). In production nothing is off: each check is one truth test of an empty set.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["RULES", "off", "without"]

RULES = frozenset({
    "carry_reported",             # .reported: the reported arm carried into findings naming none
    "carry_reported_comparator",  # .reportedother: the other arm as the results report it
    "fill_empty_comparator",      # .emptyother: an empty comparator slot filled from the results
    "each_arm_valued",            # .botharms: a result of every arm with each arm's figures
    "framed_not_arm",             # .framed: a condition or method framed by the sentence is no arm
    "opened_by_comparison",       # .orientation: "Relative to CTL, EMO ..." puts the first arm on the comparator side
    "short_label",                # .arms: an untagged two-letter label in capitals names the arm
    "set_aside",                  # .decision: comparator-side mentions the claim sets apart
    "judge_named",                # .decision: the verdict word the tagger took into an outcome's span
    "skip_outcomeless",           # the assembler leaves undecided a group whose claims it would drop (no outcome)
})

_OFF: set[str] = set()  # mutated in place, never rebound: compiled readers hold this very object
_TOOK: set[str] = set()  # the rules read while off: the switch took effect


def off(rule: str) -> bool:
    """Whether ``rule`` (one of :data:`RULES`) is switched off (only ever inside :func:`without`)."""
    if not _OFF or rule not in _OFF:
        return False
    _TOOK.add(rule)
    return True


@contextmanager
def without(*rules: str) -> Iterator[set[str]]:
    """Switch ``rules`` off for the ``with`` block; it gets a set that holds, after the block, those of ``rules``
    whose rule read its switch while off (a test of a rule whose absence changes nothing visible, such as a speed
    rule, checks that the rule was reached). A name outside :data:`RULES` is an error: it would switch nothing off."""
    unknown = sorted(set(rules) - RULES)
    if unknown:
        raise KeyError(f"no switch for {', '.join(unknown)}; switches: {', '.join(sorted(RULES))}")
    added = [rule for rule in rules if rule not in _OFF]
    outer = {rule for rule in rules if rule in _TOOK}  # taken in an enclosing block: kept for it
    _OFF.update(added)
    _TOOK.difference_update(rules)
    took: set[str] = set()
    try:
        yield took
    finally:
        took.update(rule for rule in rules if rule in _TOOK)
        _OFF.difference_update(added)
        _TOOK.difference_update(added)
        _TOOK.update(outer)
