"""Speed-ups of the measure parser that must not change a result: ``normalise``'s fast paths give what
``str.translate`` with the whole table gives."""

from __future__ import annotations

import random

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
