"""First-character guards (``measures/guards.py``): a guarded pattern matches exactly what the unguarded one
matches - same spans and groups at every position of real abstracts -, and the guard is the FIRST set."""

from __future__ import annotations

import random
import re
from itertools import islice

import pytest

from claimex.annotate.measures import patterns, regexes
from claimex.annotate.measures.guards import first_guard, guarded, guarded_alternation
from claimex.annotate.measures.numbers import normalise
from claimex.corpora.raw import pubmed_samples


def test_first_guard_is_the_set_of_first_characters():
    assert first_guard(r"mg|kg|%") == "(?=[%km])"
    assert first_guard(r"(?i:days?)|h") == "(?=[h]|(?i:[d]))"
    assert first_guard(r"[ ]{1,2}(?:mg|g)") == r"(?=[\ ])"
    assert first_guard(r"(?<![\w])(?:ab|c)?d") == "(?=[acd])"  # a lookbehind is zero-width; an optional part adds
    assert first_guard(r"[a-c]x") == "(?=[abc])"


@pytest.mark.parametrize("pattern", [r"a?", r"\w+", r".x", r"[^a]", r"(a)?(?(1)b|c)", r"x|", r"(?:ab)*"])
def test_no_guard_where_the_first_character_is_unbounded(pattern):
    assert first_guard(pattern) == ""
    assert guarded(pattern) == f"(?:(?:{pattern}))"


def test_an_alternation_is_guarded_by_the_union_of_its_branches():
    assert guarded_alternation(["mg", "(?i:days?)", "%"]) == "(?:(?=[%m]|(?i:[d]))(?:mg|(?i:days?)|%))"
    assert guarded_alternation(["mg", r"\w"]) == r"(?:(?:mg|\w))"  # one unbounded branch: no guard


def test_case_insensitive_parts_stay_case_insensitive():
    rx = re.compile(guarded(r"(?i:kilograms?)|mg"))
    for text in ("kilograms", "Kilogram", "KILOGRAMS", "\u212ailogram", "mg"):  # U+212A KELVIN SIGN folds to k
        assert rx.match(text) is not None, text
    assert rx.match("Mg") is None


def _real_texts(limit: int = 120) -> list[str]:
    return [normalise(text) for _, text in islice(pubmed_samples(), limit)]


def _same(a: re.Match | None, b: re.Match | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict() and a.groups() == b.groups()


@pytest.mark.parametrize("name", ["UNIT", "WNUM", "RE_R1", "RE_R2", "RE_C_NOUN", "RE_C_OF", "RE_TH2", "RE_MSD1", "RE_AGE_OLD"])
def test_guarded_patterns_match_as_unguarded(name, monkeypatch):
    """The shipped (guarded) pattern against the same source with every guard taken out, at every
    position of real abstracts (and at number starts, where the parser tries them)."""
    source = getattr(regexes, name).pattern if name.startswith("RE_") else getattr(patterns, name)
    plain = re.sub(r"\(\?=\[[^\]]*\](?:\|\(\?i:\[[^\]]*\]\))?\)|\(\?=\(\?i:\[[^\]]*\]\)\)", "", source)
    assert plain != source  # guards were there to take out
    shipped, bare = re.compile(source), re.compile(plain)
    texts = _real_texts()
    rng = random.Random(0)
    for text in texts:
        starts = [m.start() for m in re.finditer(r"\d+|[A-Za-z]+|[~<>(]", text)]
        starts += rng.sample(range(len(text)), min(40, len(text)))
        for pos in starts:
            assert _same(shipped.match(text, pos), bare.match(text, pos)), (name, text[pos:pos + 40])
