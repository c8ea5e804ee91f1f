"""Round-8 speed rewrites that must not change an answer, checked on the real PubMed sample sentences and tricky
cases: gates.EndCue (design.COMPARE_BEFORE and polarity.REFERENCE searched backwards), gates.GatedBoth (types.BASELINE with a second
keyword gate), gates.Alternation.found, the odd-case-letter test of gates._folded and polarity._depth (brackets only)."""

from __future__ import annotations

import re

import pytest

from claimex.assemble.claims import gates, polarity
from claimex.assemble.claims.design import COMPARE_BEFORE
from claimex.assemble.claims.gates import Gated
from claimex.assemble.claims.polarity import REFERENCE
from claimex.assemble.claims.resultcues import RESULT_STRONG
from claimex.assemble.claims.significance import NOT_SIGNIFICANT
from claimex.assemble.claims.types import ADMIN, BASELINE

TAILS = ["than ", "than \n", "than\n", "than x \n\n", "versus  a b c ", "vs. ", "vs ", "differs from that of the ",
         "differed markedly from those in ", "as well as ", "as effective as the ", "compared to\n", "COMPARED WITH ",
         "superior to x y z w ", "superior to x y z w v ", "\u017fuperior to ", "moreover ", "turnover of the ",
         "in comparison with the ", "relative to ", "similar to those ", "identical to\t", "over the ", "than", "\n",
         "", " ", "rather than the (", "than 5 % ", "than the well-known "]


@pytest.fixture(scope="module")
def tails(pubmed_sentences) -> list[str]:
    """The last 10 to 60 characters before every space of the sample sentences (where arm names start)."""
    out = list(TAILS)
    for s in pubmed_sentences[:3000]:
        for m in re.finditer(r"\s", s):
            for width in (10, 25, 45, 60):
                out.append(s[max(0, m.end() - width):m.end()])
    return out


@pytest.mark.parametrize("cue", [COMPARE_BEFORE, REFERENCE], ids=["COMPARE_BEFORE", "REFERENCE"])
def test_end_cue_backwards_same_as_forward(cue, tails):
    found = 0
    for text in tails + ["but not ", ", and not in ", "and not the\n", "than those of the (IM) group ", "outperformed ",
                         "apart from ", "compared with (n = 5) the ", "superior to those for with the patients a b c d "]:
        want = cue.pattern.search(text) is not None
        assert (cue.search(text) is not None) == want, text
        found += want
    assert found > 500  # the cue does occur: the check is not vacuous


def test_baseline_second_gate_changes_nothing(pubmed_sentences):
    one_gate = Gated(BASELINE.pattern, BASELINE.keywords)  # types.BASELINE as it was before round 8
    hits = 0
    for text in pubmed_sentences + ["Groups were ſimilar at baseline.", "At baseline, groups did not\ndiffer."]:
        want = one_gate.search(text)
        got = BASELINE.search(text)
        assert (got is None) == (want is None) and (got is None or got.span() == want.span()), text
        hits += want is not None
    assert hits > 5


@pytest.mark.parametrize("alternation", [RESULT_STRONG, NOT_SIGNIFICANT, ADMIN])
def test_found_is_search_not_none(alternation, pubmed_sentences):
    for text in pubmed_sentences:
        assert alternation.found(text) == (alternation.search(text) is not None), text


def test_folded_odd_letters_as_the_regex():
    for text in ["plain", "caf\u00e9", "\u0130stanbul", "\u0131", "\u017figni", "\u212aelvin", "\u00b1 5", ""]:
        low, odd = gates._folded(text)
        assert low == text.lower()
        assert odd == (not text.isascii() and gates._CASE_ODD.search(text) is not None)


def _depth_char_by_char(text: str, pos: int) -> int:
    """polarity._depth as it was before round 8 (every character visited), the reference."""
    depth = 0
    for ch in text[:pos]:
        depth += 1 if ch in "([{" else -1 if ch in ")]}" and depth else 0
    return depth


def test_bracket_depth_as_before(pubmed_sentences):
    texts = pubmed_sentences[:2000] + ["a)(b]]{[(", "))((", "", "x(y)z", "((a)"]
    deep = 0
    for text in texts:
        for pos in [*range(0, len(text) + 3, 5), -1, -4]:
            want = _depth_char_by_char(text, pos)
            assert polarity._depth(text, pos) == want, (text, pos)
            deep += want > 0
    assert deep > 100
