"""Plausibility of abbreviation definitions (short form, long form) found by Schwartz & Hearst.

scispaCy's detector (:mod:`claimex.annotate.abbreviations`) pairs every bracketed word with the
words before it when the short form's characters can be found in them, which also accepts pairs
no reader would call an abbreviation. A pair is kept only when

* the short form looks like an abbreviation: a digit or two capitals (``mAb`` has one: see next), a
  capitalised token of at most four characters, or a short lower-case token (``iv``) that is not a
  common word - never a function word, a unit or time word (``days``), a lower-case word of five
  letters or more, or a longer capitalised word (``Diptera``);
* the long form has letters, is not a number or time phrase (``every 21 days``, ``2 weeks``), and is
  not the short form itself (the rendering ``X (X)``);
* it reads as a name: no ``;``/``=``, no sentence break, no bracketed abbreviation of its own, balanced
  brackets, at most min(|short| + 5, 2 |short|) words (Schwartz & Hearst's bound), no word of the short form repeated
  in it (``response`` = ``response, 25%``), and a comma list only when each item starts with a letter
  of the short form, in order (``OAC`` = ``omeprazole, amoxicillin, and clarithromycin``);
* the letters match as Schwartz & Hearst require (:func:`letters_match`), the first one at the
  start of the long form, the last one in its last two words (so ``LEmin`` is no abbreviation of
  ``LT, conceptually comprehended as in the old days``).

:func:`plausible` filters the detector's ``(long form, {short forms})`` groups.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

_WORDS = re.compile(r"[^\W_]+")
# common lower-case words that appear in brackets after a phrase without abbreviating it
COMMON_SHORT = frozenset(["day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "min",
                          "mins", "minute", "minutes", "sec", "second", "seconds", "time", "times", "dose", "doses",
                          "unit", "units", "mg", "kg", "ml", "dl", "mmol", "mol", "cm", "mm", "kcal", "yes", "no",
                          "none", "all", "both", "mean", "median", "range", "total", "control", "controls", "placebo",
                          "male", "female", "men", "women", "boys", "girls", "adults", "children", "patients"])
_TIME_PHRASE = re.compile(
    r"^(?:every|each|per|once|twice|thrice|q)\b|^(?:for|after|within|over|at|up to)?\s*\d+(?:[.,]\d+)?\s*-?\s*"
    r"(?:h|hr|hrs|hours?|days?|d|weeks?|wk|wks|months?|mo|years?|yr|yrs|min|minutes?)$", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"[;=]|\.\s+[A-Z]|\n|\([A-Z][A-Za-z]*[A-Z]\)")  # clause, equation, sentence break, (ABBR)
_LINKS = frozenset(["and", "or", "plus", "with"])


def plausible_short(short: str) -> bool:
    """Could ``short`` be an abbreviation (not a common word)?"""
    s = short.strip()
    if not any(ch.isalnum() for ch in s):
        return False
    if any(ch.isdigit() for ch in s) or sum(ch.isupper() for ch in s) >= 2 or (s[:1].isupper() and len(s) <= 4):
        return True
    if s[:1].isupper():  # a capitalised word ("Diptera", "Pentacam") is a name, not an abbreviation
        return False
    low = s.lower()
    return low not in COMMON_SHORT and len(low) <= 4 and low.isalpha() and low not in _FUNCTION


_FUNCTION = frozenset(["a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "and", "or", "as", "is",
                       "was", "were", "be", "vs", "via", "per"])


def letters_match(short: str, long: str) -> bool:
    """Schwartz & Hearst's letter match with the long form's start fixed: the short form's first
    character is the long form's first; the others are found in order right to left (the rightmost
    occurrence of each, as in the algorithm), and the last one falls in the long form's last two words
    (``CQ`` = ``chloroquine diphosphate``; a long form has no clause after what it abbreviates)."""
    chars = [ch.lower() for ch in short if ch.isalnum()]
    low = long.lower()
    if not chars or not low or low[0] != chars[0]:
        return False
    pos, last = len(low) - 1, None
    for c in reversed(chars[1:]):
        while pos >= 1 and low[pos] != c:
            pos -= 1
        if pos < 1:
            return False
        last = pos if last is None else last
        pos -= 1
    return last is None or len(low[last:].split()) <= 2


def plausible_pair(short: str, long: str) -> bool:
    """Is ``long`` a plausible expansion of ``short`` (see the module docstring)?"""
    s, lf = short.strip(), " ".join(long.split())
    if not plausible_short(s) or sum(ch.isalpha() for ch in lf) < 2:
        return False
    if lf.lower() == s.lower() or len(lf) <= len(s) or _TIME_PHRASE.search(lf) or _NOT_A_NAME.search(lf):
        return False
    n_chars = sum(ch.isalnum() for ch in s)
    if len(lf.split()) > min(n_chars + 5, 2 * n_chars) or _unbalanced(lf):
        return False
    long_words = set(_WORDS.findall(lf.lower()))
    if any(len(w) >= 4 and w.islower() and w in long_words for w in _WORDS.findall(s)):
        return False  # "response" = "response, 25%", "MDA-basal" = "... in basal conditions"
    return letters_match(s, lf) and _list_matches(s, lf)


def _list_matches(short: str, long: str) -> bool:
    """A long form that is a comma list (a regimen: ``OAC`` = ``omeprazole, amoxicillin, and
    clarithromycin``) has each item start with a letter of the short form, in order."""
    items = [w for w in re.split(r",\s+", long)][1:]
    if not items:
        return True
    chars = [ch.lower() for ch in short if ch.isalnum()]
    k = 1
    for item in items:
        words = [w for w in item.lower().split() if w not in _LINKS]
        if not words:
            return False
        while k < len(chars) and chars[k] != words[0][0]:
            k += 1
        if k >= len(chars):
            return False
        k += 1
    return True


def _unbalanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch in "([{") - (ch in ")]}")
        if depth < 0:
            return True
    return depth != 0


def plausible(groups: Iterable[tuple], text_of: Callable[[Any], str] | None = None,
              judge: Callable[[str, str], bool] = plausible_pair) -> list[tuple]:
    """The detector's ``(long_form_span, {short_form_spans})`` groups whose pairs are plausible. ``text_of``: a
    span's text (``Span.text`` when not given; the detector slices it from the doc's text). ``judge``: the pair
    test, ``plausible_pair`` (a parameter so that a caller can observe it: compiled, this module calls its own
    functions directly, past any monkeypatch)."""
    if text_of is None:
        text_of = _span_text
    out = []
    for long_form, shorts in groups:
        long_text = text_of(long_form)
        verdict: dict[str, bool] = {}  # each mention of a short form repeats its text: judge each text once
        keep = set()
        for s in shorts:
            text = text_of(s)
            if text not in verdict:
                verdict[text] = judge(text, long_text)
            if verdict[text]:
                keep.add(s)
        if keep:
            out.append((long_form, keep))
    return out


def _span_text(span) -> str:
    return span.text


def is_definition(text: str, start: int, end: int, long: str) -> bool:
    """Is the short form at ``text[start:end]`` its own definition, bracketed right after its long
    form (``histone deacetylase inhibitors (HDACi)``)? Expanding it there would read ``X (X)``."""
    before = text[max(0, start - len(long) - 4):start].rstrip()
    if not before.endswith(("(", "[")):
        return False
    return " ".join(before[:-1].split()).lower().endswith(" ".join(long.split()).lower())
