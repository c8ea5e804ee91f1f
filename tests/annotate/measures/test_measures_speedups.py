"""Speed-ups of the measure parser that must not change a result: ``normalise``'s fast paths give what
``str.translate`` with the whole table gives."""

from __future__ import annotations

import random
import re

from claimex.annotate.measures.numbers import _MIDDOT, _TABLE, normalise


def _reference(text: str) -> str:
    out = text.translate(_TABLE)
    return _MIDDOT.sub(".", out)


def test_normalise_equals_the_full_table_translation():
    mapped = [chr(k) for k in _TABLE]
    pieces = ["a", "B", "1", "0.05", " ", "\t", "\n", "-", "±", "μ", "é", "·", "5·3", "x", "(", "%", *mapped]
    rng = random.Random(3)
    texts = ["", "plain ascii 12%", "tab\there", "0·05 and 1\u2013 2", "no mapped char: é ± μ", "\u00b5g \u2264 5"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    for text in texts:
        out = normalise(text)
        assert out == _reference(text), text
        assert len(out) == len(text)


def test_gates_tested_once_per_text_give_the_same_patterns():
    """``gated`` with one ``opened`` memo for all the tables of a text hands out what it does without it."""
    from claimex.annotate.measures.triggers import AT_KEYWORD, AT_NUMBER, AT_NUMBER_WORD, AT_SYMBOL, gated

    tables = [AT_NUMBER, AT_NUMBER_WORD, *AT_KEYWORD.values(), *AT_SYMBOL.values()]
    texts = ["mean 5 ± 2 (SD) years old, IQR 3-4, 95% CI 1-2 [3, 4] 5/6 or older", "no gate string here 12", ""]
    memos = []
    for text in texts:
        opened: dict = {}
        for table in tables + tables:  # the second round reads the memo only
            assert gated(table, text, opened) == gated(table, text)
        memos.append(opened)
    assert all(memos[0].values()) and not any(memos[1].values()) and not any(memos[2].values())


def _gates():
    from claimex.annotate.measures.context import _BLOCKER_GROUPS
    from claimex.annotate.measures.triggers import GATES

    return sorted({*GATES.values(), *(gate for gate, _ in _BLOCKER_GROUPS if gate is not None)})


def test_gate_tests_answer_as_substring_tests(pubmed_sentences):
    """``gate_test`` (one trie regex for a gate of many strings) says what ``any(g in text ...)`` says, on real
    abstracts, on texts made of the gate strings and their pieces, and on each string alone."""
    from claimex.annotate.measures.gates import MANY, gate_test

    gates = _gates()
    assert any(len(gate) >= MANY for gate in gates) and any(len(gate) < MANY for gate in gates)
    pieces = sorted({p for gate in gates for g in gate for p in (g, g[:-1], g[1:], g.upper(), g.lower())}) + [" ", "x"]
    rng = random.Random(5)
    texts = [*pubmed_sentences, "", *pieces]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for gate in gates:
        test = gate_test(gate)
        for text in texts:
            assert test(text) == any(g in text for g in gate), (gate, text)


def test_trie_pattern_matches_exactly_its_strings():
    import re

    from claimex.annotate.measures.gates import trie_pattern

    words = ["or older", "or over", "and more", "CI", "CrI", "Cl", "PMC", "ISRCTN", "10."]
    rx = re.compile(trie_pattern(words))
    assert all(rx.fullmatch(w) for w in words)
    assert not any(rx.fullmatch(w) for w in ["or olde", "or", "C", "PM", "10x", "and mor", "CrIs"])


# each pattern's opening as it is now (first character before the assertion) and as it was written before (the
# assertion first, what re then tried at every position): the reference is the pattern with the old opening
_OPENINGS = [
    (r"\d(?<!\w\d)\d?(?:st|nd|rd|th)?", r"\b\d{1,2}(?:st|nd|rd|th)?"),
    (r"\d(?<!\w\d)(?:\d{3}-\d{6}-\d{2}\b|\d?(?P<dsep>[/.-])\d{1,2}(?P=dsep)\d{2,4}\b|\d{3}-\d{2}-\d{2}\b)",
     r"\b\d{4}-\d{6}-\d{2}\b|\b\d{1,2}(?P<dsep>[/.-])\d{1,2}(?P=dsep)\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"),
    (r"(?:1(?<!\w1)[89]|2(?<!\w2)0)\d{2}(?:;", r"\b(?:1[89]|20)\d{2}(?:;"),
    (r"\d(?<!\w\d)\d*[ ]?\(", r"\b\d+[ ]?\("),
    (r"\d(?<!\w\d)\d*(?::\d+)+", r"\b\d+(?::\d+)+"),
    (r"[FtTχZzH](?<!\w[FtTχZzH])", r"(?<![\w])[FtTχZzH]"),
    (r"(?:1(?<![\w.]1)9|2(?<![\w.]2)0)\d{2}[ ]?", r"(?<![\w.])(?:19|20)\d{2}[ ]?"),
    (r"(?P<a>\d(?<![\w.]\d)\d*)[ ]{1,2}", r"(?<![\w.])(?P<a>\d+)[ ]{1,2}"),
    (r"(?P<a>\d(?<![\w.,:/-]\d)\d{0,4})", r"(?<![\w.,:/-])(?P<a>\d{1,5})"),
    (r"(?P<a>\d(?<=[A-Za-z][ ]\(\d)\d{1,4})", r"(?<=[A-Za-z][ ]\()(?P<a>\d{2,5})"),
]


def _rewritten_patterns():
    """(pattern now, the same with its old opening) for every pattern whose opening was moved."""
    from claimex.annotate.measures import context

    patterns = [rx for _, rx in context._BLOCKERS] + [context._ARM_PAIR, context._LABELLED_PAIR, context._PAREN_PAIR]
    out, used = [], set()
    for rx in patterns:
        for k, (new, old) in enumerate(_OPENINGS):
            if rx.pattern.startswith(new):
                out.append((rx, re.compile(old + rx.pattern[len(new):], rx.flags)))
                used.add(k)
    assert used == set(range(len(_OPENINGS)))  # every rewrite is in place
    return out


def test_patterns_opening_with_their_first_character_match_as_written_before(pubmed_sentences):
    """The blockers and arm-pair patterns whose first character now comes before their assertion find the same
    matches and groups as the assertion-first form, over whole texts and over windows (``_blocked_mask`` scans
    windows around the numbers: the assertions look back past a window's start)."""
    pairs = _rewritten_patterns()
    pieces = ["1", "19", "20", "2", "12", "9", "0", " ", "  ", "-", "/", ".", ",", ":", ";", "(", ")", "a", "F", "t",
              "χ", "_", "Feb", "th", "on", "the", "and", "vs", "placebo", "group", "x(", "n", "%", "Suppl"]
    rng = random.Random(11)
    texts = [*pubmed_sentences, "", *pieces]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    for rx, ref in pairs:
        for text in texts:
            got = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in ref.finditer(text)], (rx.pattern[:40], text)
            if len(text) > 4:
                lo = rng.randrange(1, len(text) - 2)
                hi = rng.randrange(lo + 1, len(text))
                assert [m.span() for m in rx.finditer(text, lo, hi)] == [m.span() for m in ref.finditer(text, lo, hi)]


def _in_paren_reference(s: str, pos: int) -> bool:
    """``parse._in_paren`` as a loop over every character of the window."""
    depth = 0
    for ch in reversed(s[max(0, pos - 300):pos]):
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth == 0:
                return True
            depth -= 1
    return False


def test_in_paren_reads_only_the_brackets_of_the_window(pubmed_sentences):
    from claimex.annotate.measures.parse import _in_paren

    texts = [t for t in pubmed_sentences if "(" in t or "[" in t][:400] + ["", "(", ")(", "a [b (c) d", "((]]"]
    checked = 0
    for text in texts:
        for pos in range(0, len(text) + 1, 7 if len(text) > 400 else 1):
            assert _in_paren(text, pos) == _in_paren_reference(text, pos), (text, pos)
            checked += _in_paren_reference(text, pos)
    assert checked > 100  # inside brackets often enough to test both answers

