"""Gate tests: does a text contain one of a gate's strings (``any(g in text for g in gate)``)?

A measure pattern or a blocker is tried only on a text that contains one of its gate strings
(``triggers.GATES``, ``context._BLOCKER_GROUPS``). Most gates are a few strings, and a substring test
each is the cheapest way to ask. A gate of many strings (registry names, month names, the 28 suffixes of
"50 years or older") costs one scan of the text per string, nearly all of them failing on most texts; for
those, :func:`gate_test` compiles the strings into one regex, a prefix trie (``or (?:older|more|...)``),
so one scan asks for all of them. Same answer: a regex of alternatives matches somewhere exactly when one
of the strings occurs (strings that contain another gate string are dropped first: the shorter one answers
for them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

#: gates with at least this many strings are tested with one regex (fewer: one substring test each)
MANY = 8


def trie_pattern(strings: list[str]) -> str:
    """A regex matching exactly ``strings`` (none a prefix of another), common prefixes factored out."""
    if len(strings) == 1:
        return re.escape(strings[0])
    by_first: dict[str, list[str]] = {}
    for s in strings:
        by_first.setdefault(s[0], []).append(s[1:])
    parts = []
    for first, rests in sorted(by_first.items()):
        parts.append(re.escape(first) + (trie_pattern(rests) if rests != [""] else ""))
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


def _minimal(gate: tuple[str, ...]) -> list[str]:
    """The strings of ``gate`` that contain no other of its strings (the others add no answer)."""
    unique = sorted(set(gate))
    return [s for s in unique if not any(t != s and t in s for t in unique)]


@lru_cache(maxsize=None)
def gate_test(gate: tuple[str, ...]) -> Callable[[str], bool]:
    """``text -> any(g in text for g in gate)``: substring tests, or one trie regex for :data:`MANY` strings
    or more (compiled on first use)."""
    if len(gate) < MANY:  # ``map`` over the text's bound ``__contains__``: no generator frame resumed per string
        return lambda text: any(map(text.__contains__, gate))
    search = re.compile(trie_pattern(_minimal(gate))).search
    return lambda text: search(text) is not None
