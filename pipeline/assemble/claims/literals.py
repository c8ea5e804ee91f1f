"""The literal keywords a regex cannot match without: a required-literal analysis of the parsed pattern, the
prefilter idea of RE2's ``FilteredRE2`` and of Hyperscan's literal decomposition, reduced to one keyword set.

:func:`required_keywords` walks ``re``'s own parse tree (``re._parser``) and returns a set of ASCII strings,
lower-cased, such that every match of the pattern contains at least one of them (case-insensitively): a
sequence requires what any one of its mandatory items requires (runs of literal characters, a group, an
alternation whose every branch requires something, a repeat of at least one), and the most selective such
item is kept (the longest shortest keyword, then the fewest keywords). Look-arounds, character classes,
back-references and conditionals require nothing. Non-ASCII literals are left out (``str.lower`` is not
character by character for every letter); :class:`claimex.assemble.claims.gates.Prefiltered` compares the
keywords with the lower-cased text and keeps itself open on the letters that ``re`` folds oddly. Interpreted
(not in ``make compile``): it runs once per pattern, at import.
"""

from __future__ import annotations

from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any, Optional

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def required_keywords(pattern: str, flags: int = 0) -> frozenset[str]:
    """Lower-cased ASCII keywords one of which every match of ``pattern`` holds; empty when none is known."""
    found = _sequence(list(P.parse(pattern, flags)))
    return frozenset(k.lower() for k in found) if found else frozenset()


def _sequence(items: list[Any]) -> Optional[set[str]]:
    candidates: list[set[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            text = "".join(run)
            if text.isascii():
                candidates.append({text})
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        end_run()
        got: Optional[set[str]] = None
        if op is C.SUBPATTERN:
            got = _sequence(list(av[3]))
        elif op is C.ATOMIC_GROUP:
            got = _sequence(list(av))
        elif op is C.BRANCH:
            branches = [_sequence(list(b)) for b in av[1]]
            if all(branches):
                got = set().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            got = _sequence(list(av[2]))
        if got:
            candidates.append(got)
    end_run()
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(k) for k in s), -len(s)))
