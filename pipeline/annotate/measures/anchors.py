"""Where a measure pattern may start: the anchor scan of ``parse._candidates``.

A pattern is tried at a number (a digit run), at a symbol that opens one (``<``, ``~``, ``(``, ``$`` ...) and at a
word that opens one: a number word (``twenty``) or a keyword (``median``, ``OR``, ``between``), matched whole and in
any case (:data:`ANCHOR_WORDS`). The scan used to match every run of ASCII letters (``[A-Za-z]+``) and look each one
up in Python: some 300 runs an abstract, a match object and a few method calls each, for ~40 that start a pattern.

Method. :data:`ANCHOR_SCAN` skips inside the regex engine what starts nothing: runs of other characters, and runs
of letters that are not an anchor word (a negative look-ahead over a prefix trie of the anchor words, which ends in
``(?![A-Za-z])``, then the run, possessive). One match per anchor: group 1 the anchor word, group 2 the digit run or
symbol; its end is where the next scan starts, so every match starts where the old scan would have stood. The
skipping loop is possessive (``*+``, ``++``): a scan never backtracks, and the text's end (``\\Z``) closes the last
match, whose groups are both None, so no start position is tried twice. The trie's first letter is one literal
alternative per letter and case (the engine tests a literal alternative's first character inline; a ``[aA]``
class costs a charset call per alternative), its deeper levels ``[xX]`` classes. Same positions and words as the
old scan (``tests/annotate/measures/test_measures_speed23.py``: real abstracts and made-up texts of anchor words
in mixed case, other words, Unicode letters and digits); instructions of the scan over the first 100 bench
abstracts: 1.12 M -> 0.68 M per abstract (``bench/SPEED.md``, session 23).

Compiled on first use and kept in the code cache (:mod:`.lazy`): the pattern is ~15,000 characters.
"""

from __future__ import annotations

import re

from .lazy import lazy_compile
from .numbers import NUMBER_WORD_SET
from .triggers import AT_KEYWORD

#: the words (lower case) that start a pattern
ANCHOR_WORDS: frozenset[str] = NUMBER_WORD_SET | frozenset(AT_KEYWORD)
#: the symbols that start a pattern
SYMBOLS = "<>≤≥~(βρκτ$€£"


def word_trie(words: list[str], top: bool = False) -> str:
    """A regex matching one of ``words`` (ASCII, lower case) in any case, as a whole run of ASCII letters (each word
    ends in ``(?![A-Za-z])``); ``top``: the first letter as two literal alternatives (lower, upper case)."""
    by_first: dict[str, list[str]] = {}
    whole = False
    for w in words:
        if w:
            by_first.setdefault(w[0], []).append(w[1:])
        else:
            whole = True
    parts = []
    for first, rests in sorted(by_first.items()):
        rest = word_trie(rests)
        if top:
            parts += [re.escape(first) + rest, re.escape(first.upper()) + rest]
        else:
            parts.append(f"[{first}{first.upper()}]" + rest)
    if whole:
        parts.append("(?![A-Za-z])")
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


_TRIE = word_trie(sorted(ANCHOR_WORDS), top=True)
_SYMBOLS = re.escape(SYMBOLS)
#: one match per anchor: group 1 an anchor word, group 2 a digit run or a symbol (both None: the text's end)
ANCHOR_SCAN = lazy_compile(rf"(?:[^A-Za-z\d{_SYMBOLS}]++|(?!{_TRIE})[A-Za-z]++)*+(?:({_TRIE})|(\d+|[{_SYMBOLS}])|\Z)")
