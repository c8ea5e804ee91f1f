"""Speed rewrites of round 7 (issue 13) that must not change a match: the keyword gates (gates.Gated) put on
armrank._DESIGN, sides._CONTROLLED / _WITHIN_EACH / _EVERY_SUBJECT / _CHANGE, types._PASSIVE, clauses._CONTRAST_WORD,
polarity.NOT_A_CUE / ANATOMY and significance.NEGATED_CHANGE, Gated.finditer, and clauses.clauses scanning only
its punctuation (checked against the character-by-character loop of main f11aa77, frozen here), on the sentences
of the 537 real PubMed abstracts of ../shared and tricky cases (case variants that IGNORECASE folds to ASCII)."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from claimex.assemble.claims import armrank, clauses, polarity, sides, types
from claimex.assemble.claims.gates import Gated
from claimex.assemble.claims.significance import NEGATED_CHANGE

GATES = {"armrank._DESIGN": armrank._DESIGN,  # sides._CONTROLLED: an Alternation since round 9 (test_claims_speed9_cues)
         "sides._WITHIN_EACH": sides._WITHIN_EACH, "sides._EVERY_SUBJECT": sides._EVERY_SUBJECT,
         "types._PASSIVE": types._PASSIVE, "clauses._CONTRAST_WORD": clauses._CONTRAST_WORD,
         "polarity.NOT_A_CUE": polarity.NOT_A_CUE, "polarity.ANATOMY": polarity.ANATOMY,
         "sides._CHANGE": sides._CHANGE, "significance.NEGATED_CHANGE": NEGATED_CHANGE}

TRICKY = [
    "Patients were randomised to A or B; randomization was concealed.", "a Placebo-controlled CROSS-OVER trial",
    "sham acupuncture", "the control group and the controlled arm", "within each group", "Within both of the arms",
    "in all patients", "IN EVERY SUBJECT", "It was measured; they were assessed", "no more than 5, or less",
    "more than 10 mg", "lower limb and upper GI pain; higher body weight", "A, whereas B; C but not D, but E",
    "(x)however y, although z", "Although A, B and C remained unchanged, D improved.",
    "rando\u017fi\u017fed, \u017fham", "did not improve; was not effective in; were not significantly reduced",
    "pain fell, then ROSE; losses and gains", "WHİLE", "wıthin each group", "", "vs. e.g. et al. approx. resp. x. y",
]


@pytest.fixture(scope="module")
def sentences(pubmed_sentences):
    return pubmed_sentences + TRICKY + [t.upper() for t in TRICKY]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("name", sorted(GATES))
def test_gate_gives_the_pattern_s_matches(name, sentences):
    gate = GATES[name]
    assert isinstance(gate, Gated)
    hits = 0
    for text in sentences:
        want = gate.pattern.search(text)
        got = gate.search(text)
        assert (None if got is None else got.span()) == (None if want is None else want.span()), text
        assert _spans(gate.finditer(text)) == _spans(gate.pattern.finditer(text)), text
        hits += want is not None
    assert hits >= 5, name  # the real sentences exercise the pattern, not only misses
    for text in [t for t in sentences if t.isascii()]:  # the gate's promise: every match holds a keyword
        for m in gate.pattern.finditer(text):
            assert any(k in m.group().lower() for k in gate.keywords), (name, m.group())


_CLAUSE_BREAK = re.compile(r";|\.\s|,?\s+(?:whereas|but(?!\s+not\b)|while|although|however|except)\b", re.IGNORECASE)
_LEADING_CONCESSIVE = re.compile(r"\s*(?:although|though|while|whereas)\b", re.IGNORECASE)
_VERB = re.compile(r"\b(?:is|are|was|were|remained|did|does|had|has|have|showed|\w+ed)\b", re.IGNORECASE)


def _clauses_f11aa77(text: str, contrast: bool = False) -> list[tuple[int, int]]:
    """clauses.clauses as it stood in main f11aa77 (one character at a time): the reference."""
    depth, cuts = 0, [0]
    for k, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ";.,":
            m = _CLAUSE_BREAK.match(text, k)
            if m and contrast and not m.group(0)[-1].isalpha():
                continue
            if m and not (ch == "." and re.search(r"\b(?:vs|e\.g|i\.e|al|approx|resp)$", text[:k], re.IGNORECASE)):
                cuts.append(m.end())
    contrast_word = r"(?:\s|(?<=[)\]}]))(?:whereas|but(?!\s+not\b)|while|although|however)\b"
    cuts += [m.start() for m in re.finditer(contrast_word, text, re.IGNORECASE)]
    lead = _LEADING_CONCESSIVE.match(text)
    if lead:
        for comma in re.finditer(r",", text[:lead.end() + 200]):
            if _VERB.search(text, lead.end(), comma.start()):
                cuts.append(comma.end())
                break
    cuts = sorted(set(cuts)) + [len(text)]
    return [(a, b) for a, b in pairwise(cuts) if a < b]


def test_clauses_as_in_f11aa77(sentences):
    split = 0
    for text in sentences:
        for contrast in (False, True):
            want = _clauses_f11aa77(text, contrast)
            assert clauses.clauses(text, contrast) == want, (text, contrast)
            split += len(want) > 1
    assert split > 100


def test_finditer_of_a_closed_gate_is_empty():
    gate = Gated(re.compile(r"\bfoo\w*", re.IGNORECASE), ("foo",))
    assert list(gate.finditer("bar baz")) == []
    assert _spans(gate.finditer("Foo and FOOD")) == [(0, 3), (8, 12)]
    assert _spans(gate.finditer("\u017foo")) == []  # open (odd case letter), no match all the same


def _word_windows(sentences, width: int):
    """(text, window start, position) before each word start of the real sentences: the text an arm mention
    starting there is read back from."""
    for text in sentences:
        for m in re.finditer(r"(?<![\w-])[\w(]", text):
            yield text, max(0, m.start() - width), m.start()


def test_armrank_negated_gate_gives_the_pattern_s_matches(sentences):
    # armrank._NEGATED is read on the 45 characters before a mention (its "$" is the mention's start)
    gate = armrank._NEGATED
    assert isinstance(gate, Gated)
    hits = 0
    for text, a, b in _word_windows(sentences, 45):
        before = text[a:b]
        want, got = gate.pattern.search(before), gate.search(before)
        assert (None if got is None else got.span()) == (None if want is None else want.span()), before
        hits += want is not None
    assert hits >= 20


def test_concluded_agent_tail_check_skips_only_windows_without_a_match(sentences):
    # concluded.agent_arm scans _AGENT over the 60 characters before a mention only when they end on "by"/"the"
    from claimex.assemble.claims.concluded import _AGENT, _AGENT_TAILS

    hits = 0
    for text, a, b in [*_word_windows(sentences, 60), ("structures activated by THE nicotine", 0, 28),
                       ("activated BY\u00a0\u00a0nicotine", 0, 14)]:
        m = _AGENT.search(text, a, b)
        if m is not None:
            hits += 1
            assert text[a:b].rstrip().lower().endswith(_AGENT_TAILS), text[a:b]
    assert hits >= 5
