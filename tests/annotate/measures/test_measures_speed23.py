"""Speed-ups of the measure parser (session 23) that must not change a result, each against the form it replaced
(kept here), on real abstracts from ../shared (PubMed XML samples) and made-up texts:

* the blockers' scan windows from one ``_DIGIT_CLUSTERS`` match per run of digit runs whose +-40 windows meet (was
  one ``_DIGITS`` match per digit run, merged in Python);
* ``_has_digit``: a ``\\d`` search first, the ``str.isdigit`` scan only where it finds none;
* ``gate_test``'s substring form by ``map`` over the text's ``__contains__`` (was a generator expression).
"""

from __future__ import annotations

import random
import sys

from claimex.annotate.measures import parse
from claimex.annotate.measures.gates import gate_test


def _windows_old(s: str) -> list[tuple[int, int]]:
    n, windows = len(s), []
    for m in parse._DIGITS.finditer(s):
        lo, hi = max(0, m.start() - 40), min(n, m.end() + 40)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [tuple(w) for w in windows]


def _windows_new(s: str) -> list[tuple[int, int]]:
    n = len(s)
    return [(max(0, m.start() - 40), min(n, m.end() + 40)) for m in parse._DIGIT_CLUSTERS.finditer(s)]


def _made_up(rng: random.Random, k: int) -> list[str]:
    """Texts of digit runs and gaps of 0-120 other characters (the 80-character edge on both sides), Unicode digits
    among them."""
    out = []
    for _ in range(k):
        pieces = []
        for _ in range(rng.randint(0, 8)):
            pieces.append(rng.choice(["1", "12", "2003", "٣", "０", "1.5"]))
            pieces.append(rng.choice("ab ;(-%²")[0] * rng.choice([0, 1, 39, 40, 41, 79, 80, 81, 120]))
        out.append("".join(pieces))
    return out


def test_digit_clusters_give_the_merged_windows(pubmed_sentences):
    texts = [*pubmed_sentences, *_made_up(random.Random(7), 3000), "", "no digit", "1", "x" * 100 + "7"]
    merged = 0
    for s in texts:
        old = _windows_old(s)
        assert _windows_new(s) == old, s
        merged += sum(1 for _ in parse._DIGITS.finditer(s)) - len(old)
    assert merged > 1000


def test_has_digit_answers_as_the_isdigit_scan(pubmed_sentences):
    digits = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdigit()]
    assert any(not parse._DIGITS.match(d) for d in digits)  # superscripts, circled digits: isdigit, not \d
    texts = [*pubmed_sentences[:2000], "", "no digit at all", *digits, *(f"word {d} word" for d in digits)]
    for s in texts:
        assert parse._has_digit(s) == any(map(str.isdigit, s)), s


def test_gate_substring_form_equals_the_generator_form(pubmed_sentences):
    gates = [("±", "+/-", "+-", "+ /-", "+/ -"), ("IQR", "uartile", "Q1", "entile"), ("/",), ("CI", "Cl", "CrI")]
    for s in [*pubmed_sentences[:3000], "", "Q1", "+ /-"]:
        for gate in gates:
            assert gate_test(gate)(s) == any(g in s for g in gate)
