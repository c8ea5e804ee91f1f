"""Speed-ups of the measure parser (session 23) that must not change a result, each against the form it replaced
(kept here), on real abstracts from ../shared (PubMed XML samples) and made-up texts:

* the blockers' scan windows from one ``_DIGIT_CLUSTERS`` match per run of digit runs whose +-40 windows meet (was
  one ``_DIGITS`` match per digit run, merged in Python);
* ``_has_digit``: a ``\\d`` search first, the ``str.isdigit`` scan only where it finds none;
* ``gate_test``'s substring form by ``map`` over the text's ``__contains__`` (was a generator expression);
* ``anchors.ANCHOR_SCAN``: the anchor words, digit runs and symbols where patterns start, the other words skipped
  inside the regex engine (was a match per run of ASCII letters, looked up in Python).
"""

from __future__ import annotations

import random
import re
import sys

from claimex.annotate.measures import parse
from claimex.annotate.measures.anchors import ANCHOR_SCAN, ANCHOR_WORDS, SYMBOLS
from claimex.annotate.measures.gates import gate_test
from claimex.annotate.measures.numbers import normalise

_WORD_OR_DIGITS = re.compile(r"([A-Za-z]+)|\d+|[<>≤≥~(βρκτ$€£]")  # the scan before session 23


def _anchors_old(s: str) -> list[tuple[int, str]]:
    """``(position, lower-case word or first character)`` of each place ``_candidates`` looked at before."""
    out = []
    for tok in _WORD_OR_DIGITS.finditer(s):
        p, word = tok.start(), tok.group(1)
        if word is not None:
            if word.lower() in ANCHOR_WORDS:
                out.append((p, word.lower()))
            continue
        out.append((p, s[p]))
    return out


def _anchors_new(s: str) -> list[tuple[int, str]]:
    out = []
    for tok in ANCHOR_SCAN.finditer(s):
        if tok[1] is not None:
            out.append((tok.start(1), tok[1].lower()))
        elif tok.start(2) >= 0:
            out.append((tok.start(2), s[tok.start(2)]))
    return out


def test_anchor_scan_finds_what_the_word_scan_found(pubmed_sentences):
    rng = random.Random(11)
    words = sorted(ANCHOR_WORDS)
    others = ["patients", "orange", "Hrs", "ORs", "pH", "inn", "p", "Ca", "élan", "naïve", "straße", "İn", "\u212ain",
              "ors1", "e", "x", "Twentyfold", "tenth", "or-", "-or", "vs", "aOR", "pooledOR"]
    pieces = [*SYMBOLS, *"0123456789", "٣", "０", " ", "  ", "\n", ",", ".", "-", "/", "%", "±", "é", "_", "'", ")", "["]

    def case(w):
        return "".join(c.upper() if rng.random() < 0.3 else c for c in w)

    made = ["".join(rng.choice([case(rng.choice(words)), rng.choice(others), rng.choice(pieces), rng.choice(pieces)])
                    for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    texts = [*pubmed_sentences, *(normalise(t) for t in pubmed_sentences[:3000]), *made, "", " ", "or", "1", "(",
             "x" * 500, "OR" + " x" * 300]
    found = 0
    for s in texts:
        old = _anchors_old(s)
        assert _anchors_new(s) == old, s
        found += sum(1 for _, w in old if len(w) > 1)
    assert found > 10000


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
