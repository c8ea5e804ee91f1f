"""First-character guards for long alternations: ``(?=[chars])`` put in front of a sub-pattern.

Python's ``re`` tries the branches of an alternation one after another, so a unit alternation of ~100
atoms costs ~100 failed first-character tests wherever it cannot match (after most numbers, and again
at every backtracking step of the number before it). :func:`first_guard` computes, from ``re``'s own
parse of the sub-pattern, the set of characters a match of it can start with (the FIRST set of the
grammar), and returns a lookahead that admits exactly those: one character-class test instead of the
whole alternation. The lookahead is implied by the sub-pattern (any match of it starts with one of
those characters), and it is zero-width, so a guarded pattern matches exactly what the unguarded one
matches, at the same places and with the same groups. Characters under a case-insensitive scope
(``(?i:...)``) go into a ``(?i:[...])`` class, so ``re``'s own case folding decides them as it does in
the sub-pattern. Where the set cannot be bounded (a sub-pattern that may match the empty string or
start with a negated class, ``\\w``, ``.``, a back-reference) no guard is made.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # re's own parser: re._parser from Python 3.11 on, sre_parse before (deprecated alias since)
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


class _Unbounded(Exception):
    """The first character of a match is not confined to a small listed set."""


def _first(items, flags: int, cased: set[str], folded: set[str]) -> bool:
    """Add the characters a match of the parsed sequence ``items`` can start with to ``cased`` (matched as
    written) or ``folded`` (under IGNORECASE); True if the sequence can match the empty string."""
    for op, av in items:
        into = folded if flags & re.IGNORECASE else cased
        if op is _c.LITERAL:
            into.add(chr(av))
            return False
        if op is _c.IN:
            for kind, value in av:
                if kind is _c.LITERAL:
                    into.add(chr(value))
                elif kind is _c.RANGE and value[1] - value[0] <= 256:
                    into.update(chr(k) for k in range(value[0], value[1] + 1))
                else:  # NEGATE, CATEGORY (\d, \w...), a wide range
                    raise _Unbounded
            return False
        if op is _c.BRANCH:
            empty = False
            for branch in av[1]:
                empty |= _first(branch, flags, cased, folded)
            if not empty:
                return False
        elif op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            if not _first(sub, (flags | add) & ~remove, cased, folded):
                return False
        elif op in _REPEATS:
            low, _high, sub = av
            if not _first(sub, flags, cased, folded) and low > 0:
                return False
        elif op not in _ZERO_WIDTH:  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, GROUPREF_EXISTS, ...
            raise _Unbounded
    return True


def _class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


@lru_cache(maxsize=None)
def first_chars(pattern: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The characters a match of ``pattern`` can start with, as (matched as written, matched under
    IGNORECASE), or None when that set is unbounded (see the module docstring)."""
    cased: set[str] = set()
    folded: set[str] = set()
    try:
        if _first(_parser.parse(pattern), 0, cased, folded):
            return None
    except _Unbounded:
        return None
    return frozenset(cased), frozenset(folded)


def _guard(patterns: list[str]) -> str:
    cased: set[str] = set()
    folded: set[str] = set()
    for pattern in patterns:  # an alternation can start where any of its branches can
        first = first_chars(pattern)
        if first is None:
            return ""
        cased |= first[0]
        folded |= first[1]
    alternatives = ([_class(cased)] if cased else []) + ([f"(?i:{_class(folded)})"] if folded else [])
    return "(?=" + "|".join(alternatives) + ")"


def first_guard(pattern: str) -> str:
    """A lookahead admitting exactly the characters a match of ``pattern`` can start with, or "" when
    that set is unbounded."""
    return _guard([pattern])


def guarded(pattern: str) -> str:
    """``pattern`` as a group behind its :func:`first_guard`: same matches, failing fast where none can start."""
    return f"(?:{first_guard(pattern)}(?:{pattern}))"


def guarded_alternation(patterns: list[str]) -> str:
    """``(?:p1|p2|...)`` behind the union of the branches' first characters (each branch analysed once per
    process however many alternations share it: the unit atoms make three)."""
    return f"(?:{_guard(patterns)}(?:{'|'.join(patterns)}))"
