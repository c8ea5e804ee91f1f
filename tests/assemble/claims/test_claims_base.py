"""base.Gated (keyword prefilter, trie gate), the cached word helpers, and the hedge gate: speed-ups that must
not change a verdict."""

from __future__ import annotations

import re

import pytest

from claimex.assemble.claims import hedging, types
from claimex.assemble.claims.base import Gated, _trie, content_words, same_stem, words

GATED = {name: obj for name, obj in vars(types).items() if isinstance(obj, Gated)}
GATED["hedging._HEDGE_GATED"] = hedging._HEDGE_GATED

# sentences from corpora/gold/10940692.xml and PubMed abstracts of ../shared, plus case variants that
# IGNORECASE matches but str.lower does not turn into ASCII (long s, dotless i, Kelvin sign)
SENTENCES = [
    "Symptoms improved in 73% of patients, and the mean duration of the response was 16 months.",
    "The 5-year survival rate was 50% (95% CI 32-68%).",
    "Major complications occurred in 5 of 24 patients (21%) and were not significantly different between groups.",
    "Patients were randomized to receive either drug A or placebo.",
    "These results suggest that chemoembolization may be useful in patients with liver metastases.",
    "There was no significant difference in pain scores (P = 0.42).",
    "Mortality was lower than in the control group.",
    "The mean age of the patients was 54 years.",
    "In May 2001, 40 patients were enrolled.",
    "The difference was ſignificant.",
    "It was ſignificant.",
    "Pain decreaſed markedly.",
    "Sıgnificantly more patients responded.",
    "Tumour marKers fell.",
    "",
]


@pytest.mark.parametrize("name", sorted(GATED))
def test_gate_never_hides_a_match(name):
    gated = GATED[name]
    for text in SENTENCES:
        plain = gated.pattern.search(text)
        fast = gated.search(text)
        assert (plain is None) == (fast is None), (name, text)
        if plain is not None:
            assert plain.span() == fast.span()


def test_trie_gate_matches_where_a_keyword_occurs():
    keys = ("differ", "difference", "decrease", "declin", "not", "note", "a.b")
    gate = re.compile(_trie(keys))
    for text in ("no differences", "it declined", "a note", "axb", "a.b", "decreas", "", "nothing", "dif fer"):
        assert (gate.search(text) is not None) == any(k in text for k in keys), text


def test_odd_case_letters_pass_the_gate():
    # no keyword in the lower-cased text, yet the IGNORECASE pattern matches: the gate must let it through
    assert types.RESULT_STRONG.pattern.search("It was ſignificant.") is not None
    assert types.RESULT_STRONG.search("It was ſignificant.") is not None
    assert hedging.HEDGE.search("This ſuggests a benefit.") is not None
    assert hedging.hedged("This ſuggests a benefit.")


def test_cached_word_helpers_return_fresh_lists():
    first = words("Hepatic arteries")
    first.append("x")
    assert words("Hepatic arteries") == ["hepatic", "artery"]
    assert content_words("the patients with arteries") == ["artery"]
    assert same_stem("arterial", "artery") and not same_stem("chemotherapy", "chemoembolization")
