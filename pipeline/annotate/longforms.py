"""Plausibility of abbreviation definitions (short form, long form) found by Schwartz & Hearst.

scispaCy's detector (:mod:`claimex.annotate.abbreviations`) pairs every bracketed word with the
words before it when the short form's characters can be found in them, which also accepts pairs
no reader would call an abbreviation. A pair is kept only when

* the short form looks like an abbreviation: it has a capital letter or a digit, or is a short
  lower-case token (``mAb``, ``iv``) that is not a common word - never a function word, a unit or
  time word (``days``), or a lower-case word of five letters or more;
* the long form has letters, is not a number or time phrase (``every 21 days``, ``2 weeks``), and is
  not the short form itself (the rendering ``X (X)``);
* the letters match as Schwartz & Hearst require: every letter of the short form occurs in the long
  form in order, the first one at the start of the long form's first word, and each letter of the
  short form past the first either starts a word of the long form or follows a matched letter of the
  same word (so ``every 21 days`` is no long form of ``ED``).

:func:`plausible` filters the detector's ``(long form, {short forms})`` groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# common lower-case words that appear in brackets after a phrase without abbreviating it
COMMON_SHORT = frozenset("""
day days week weeks month months year years hour hours min mins minute minutes sec second seconds
time times dose doses unit units mg kg ml dl mmol mol cm mm kcal yes no none all both mean median range
total control controls placebo male female men women boys girls adults children patients
""".split())
_TIME_PHRASE = re.compile(
    r"^(?:every|each|per|once|twice|thrice|q)\b|^(?:for|after|within|over|at|up to)?\s*\d+(?:[.,]\d+)?\s*-?\s*"
    r"(?:h|hr|hrs|hours?|days?|d|weeks?|wk|wks|months?|mo|years?|yr|yrs|min|minutes?)$", re.I)
_WORD = re.compile(r"[^\W_]+")


def plausible_short(short: str) -> bool:
    """Could ``short`` be an abbreviation (not a common word)?"""
    s = short.strip()
    if not any(ch.isalnum() for ch in s):
        return False
    if any(ch.isupper() or ch.isdigit() for ch in s):
        return True
    low = s.lower()
    return low not in COMMON_SHORT and len(low) <= 4 and low.isalpha() and low not in _FUNCTION


_FUNCTION = frozenset("a an the of in on at to for with by and or as is was were be vs via per".split())


def letters_match(short: str, long: str) -> bool:
    """Schwartz & Hearst letter match, strict: the short form's first letter starts the long form;
    each later letter is found, in order, at a word start or right after the previous match in the
    same word (skipping letters inside that word)."""
    chars = [ch.lower() for ch in short if ch.isalnum()]
    words = [w.lower() for w in _WORD.findall(long)]
    if not chars or not words or words[0][0] != chars[0]:
        return False
    return _match(chars, 1, words, 0, 1, {})


def _match(chars: list[str], ci: int, words: list[str], wi: int, pos: int, memo: dict) -> bool:
    """Can ``chars[ci:]`` be matched from word ``wi`` at character ``pos`` (inside that word) on?"""
    if ci == len(chars):
        return True
    key = (ci, wi, pos)
    if key in memo:
        return memo[key]
    c = chars[ci]
    ok = False
    word = words[wi] if wi < len(words) else ""
    for p in range(pos, len(word)):  # later in the current word
        if word[p] == c and _match(chars, ci + 1, words, wi, p + 1, memo):
            ok = True
            break
    if not ok:
        for w in range(wi + 1, len(words)):  # the start of a later word
            if words[w][0] == c and _match(chars, ci + 1, words, w, 1, memo):
                ok = True
                break
    memo[key] = ok
    return ok


def plausible_pair(short: str, long: str) -> bool:
    """Is ``long`` a plausible expansion of ``short`` (see the module docstring)?"""
    s, lf = short.strip(), " ".join(long.split())
    if not plausible_short(s) or sum(ch.isalpha() for ch in lf) < 2:
        return False
    if lf.lower() == s.lower() or len(lf) <= len(s) or _TIME_PHRASE.search(lf):
        return False
    return letters_match(s, lf)


def plausible(groups: Iterable[tuple]) -> list[tuple]:
    """The detector's ``(long_form_span, {short_form_spans})`` groups whose pairs are plausible."""
    out = []
    for long_form, shorts in groups:
        keep = {s for s in shorts if plausible_pair(s.text, long_form.text)}
        if keep:
            out.append((long_form, keep))
    return out
