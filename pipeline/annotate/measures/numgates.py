"""Exact gates for patterns tried at a number: skip a ``match`` that cannot succeed, from the characters after it.

Method. ``parse._candidates`` tries every pattern of ``triggers.AT_NUMBER`` at each number (a digit, or the
sign or dot just before it). Several of them open with the number (``patterns.NUMB``, or ``INT``) and need a
fixed word or sign after it: ``RE_C_OF`` "of" / "out of" / "from", ``RE_C_SLASH`` "/", ``RE_R1`` "-" / "to" /
"through", ``RE_TH2`` "or older" / "and more" ..., ``RE_MSD1`` "±" / "+/-", ``RE_MSD3`` "(" / "[". Most numbers
have none of these, yet ``re`` tries every split of the number before it gives up (and ``RE_R1`` the whole unit
alternation after each split): those failed calls were about half the parser's regex time.

Every character a match of ``NUMB`` or ``INT`` (and of the spaces ``[ ]`` after it) can hold is in
:data:`NUMBER_CHARS` (digits, ``. , x × ^ ( ) e + -`` and the space; ``tests/annotate/measures/test_numgates.py``
checks this against ``re``'s own parse of the patterns). So from a start ``q`` the number and the spaces after it
lie inside the longest run of those characters, ending at ``r``: a word or sign *not* in the set ("of", "to",
"or", "/", "±", "[") that follows the number must stand exactly at ``r``, and one that is in the set ("-", "+",
"(") must stand in ``s[q:r]``. A gate tests that (``str.startswith`` at ``r``, ``str.find`` in ``[q, r)``): when
it fails the pattern cannot match at ``q``. ``RE_R1``, ``RE_TH2``, ``RE_MSD1`` and ``RE_MSD3`` allow a unit
(``patterns.UNIT``) between the number and that word; their gate holds only where no unit can follow any split of
the number at ``q``, which is exactly where ``RE_UNIT`` (the number, then a unit or a hyphenated unit) finds no
match at ``q`` - the caller asks ``RE_UNIT`` (tried at every number anyway) and keeps its match for its turn.
At a number start the parts these patterns allow before the number (``_APX``, ``_KW_MEAN``: words or "~") and
``WNUM`` (a number word) cannot match, so the number is ``NUMB`` itself. A gate that passes changes nothing: the
pattern is tried as before, so the candidates, their order and the matches are the same.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from .regexes import RE_C_OF, RE_C_SLASH, RE_MSD1, RE_MSD3, RE_R1, RE_TH2

#: the characters a match of ``patterns.NUMB`` / ``patterns.INT`` or the spaces after it can hold
NUMBER_CHARS = r"\d., x×^()e+\-"
#: from a number's start: the longest run of :data:`NUMBER_CHARS` (its end is ``r`` of the module doc)
NUMBER_RUN = re.compile(f"[{NUMBER_CHARS}]*")

Gate = Callable[[str, int, int], bool]


def _of(s: str, q: int, r: int) -> bool:
    return s.startswith(("of", "out of", "from"), r)


def _slash(s: str, q: int, r: int) -> bool:
    return s.startswith("/", r)


def _range_sep(s: str, q: int, r: int) -> bool:
    return s.find("-", q, r) >= 0 or s.startswith(("to", "through"), r)


def _or_more(s: str, q: int, r: int) -> bool:
    return s.startswith(("or ", "and ", "of age"), r)


def _plus_minus(s: str, q: int, r: int) -> bool:
    return s.startswith("±", r) or s.find("+", q, r) >= 0


def _bracket(s: str, q: int, r: int) -> bool:
    return s.startswith("[", r) or s.find("(", q, r) >= 0


#: pattern source -> (gate, whether a unit after the number may stand before the gate's word: then the gate holds
#: only where ``RE_UNIT`` fails at the number)
GATES: dict[str, tuple[Gate, bool]] = {
    RE_C_OF.pattern: (_of, False),
    RE_C_SLASH.pattern: (_slash, False),
    RE_R1.pattern: (_range_sep, True),
    RE_TH2.pattern: (_or_more, True),
    RE_MSD1.pattern: (_plus_minus, True),
    RE_MSD3.pattern: (_bracket, True),
}


def gate_of(pattern) -> Optional[tuple[Gate, bool]]:
    """The gate of a pattern of ``triggers.AT_NUMBER`` (a ``re.Pattern`` or a lazy one), or None."""
    return GATES.get(pattern.pattern)
