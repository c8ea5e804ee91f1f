"""Hedge and negation cues.

* ``hedged``: a speculation cue anywhere in the sentence — ``seem(s)``, ``appear(s)``,
  ``may``/``might``/``could`` (not ``could not``), ``suggest(s/ed)``, ``possibly``/``possible``,
  ``likely``/``unlikely``, ``probably``, ``perhaps``, ``potentially``, ``tend(ed) to``, ``presumably``,
  ``putative``, ``plausible``. ``indicate``/``show``/``trend`` are not hedges.
* negation: a cue (``not``, ``no``, ``n't``, ``neither``/``nor``, ``never``, ``without``,
  ``failed to``, ``lack of``, ``absence of``, ``none``) *scopes over* a later word when no clause
  break (``,`` ``;`` ``but`` ``whereas`` ``although`` ``while``) and at most
  :data:`SCOPE_WORDS` words lie between them ("did **not** significantly **improve**").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gates import Gated, cues

HEDGE = cues(
    r"seems?", r"seemed", r"appears?", r"appeared", r"may", r"might", r"could(?!\s+not\b)", r"suggests?",
    r"suggested", r"suggesting", r"suggestive", r"possibl[ey]", r"(?:un)?likely", r"probabl[ey]", r"perhaps",
    r"potentially", r"tend(?:s|ed)?\s+to", r"presumabl[ey]", r"putative(?:ly)?", r"speculate", r"plausibl[ey]",
)
#: the same pattern behind a keyword prefilter (every hedge cue contains one of these words)
_HEDGE_GATED = Gated(HEDGE, ("seem", "appear", "may", "might", "could", "suggest", "possibl", "likely", "probabl",
                             "perhaps", "potentially", "tend", "presumabl", "putative", "speculate", "plausibl"))
# "May" opening a date ("in May 2001") is no hedge
_MONTH = re.compile(r"\bMay\s+(?:\d|of\b)")

# (?<![\w-])(?:not|no|nor|...|absence\s+of)(?![\w-])|n't\b, case-insensitive, opened on a case-sensitive class of
# its first letters (none of which matches a non-ASCII letter case-insensitively) so that ``re`` skips to them,
# the consumed letter picking its words by a look-behind (as gates.first_letter; issue 13)
NEGATION = re.compile(
    r"[nNwWcCfFlLaA](?i:(?<![\w-].)(?:(?<=n)(?:ot|o|or|either|ever|one)|(?<=w)ithout|(?<=c)annot|"
    r"(?<=f)(?:ailed\s+to|ails?\s+to)|(?<=l)ack(?:ed|s)?\s+(?:of\s+)?|(?<=a)bsence\s+of)(?![\w-])|(?<=n)'t\b)"
)
CLAUSE_BREAK = re.compile(r"[;,:()\[\]]|\b(?:but|whereas|although|though|while|however|except)\b", re.IGNORECASE)
SCOPE_WORDS = 6


@lru_cache(maxsize=4096)
def hedged(text: str) -> bool:
    """A hedge cue in ``text`` (not "May" opening a date). The gated search's match is the first of the cues, and
    the scan goes on from its end only past a date (session 14: was a second scan from the start); cached, a
    sentence and its clauses are asked by several rules (1,906 calls of 1,425 distinct texts in a pass over
    ``bench/identity.py``'s records)."""
    m = _HEDGE_GATED.search(text)
    while m is not None:
        if not (m.group(0) == "May" and _MONTH.match(text, m.start())):
            return True
        m = HEDGE.search(text, m.end())
    return False


def negation_scope(text: str, pos: int) -> bool:
    """Does a negation cue before ``pos`` (in the same clause, within SCOPE_WORDS words) scope over it?"""
    window_start = max(0, pos - 80)
    best = None
    for m in NEGATION.finditer(text, window_start, pos):
        best = m
    if best is None:
        return False
    gap = text[best.end():pos]
    if CLAUSE_BREAK.search(gap):
        return False
    return len(gap.split()) <= SCOPE_WORDS


def negations(text: str) -> list[re.Match]:
    return list(NEGATION.finditer(text))
