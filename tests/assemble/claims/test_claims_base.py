"""gates.Gated (keyword prefilter, trie gate), the cached word helpers, and the hedge gate: speed-ups that must
not change a verdict."""

from __future__ import annotations

import random
import re

import pytest

from claimex.assemble.claims import hedging, resultcues, types
from claimex.assemble.claims.base import _blank_chars, blank, content_words, same_stem, words
from claimex.assemble.claims.gates import Gated, _by_first_letter, _shortest, _top_level_bar, cues

GATED = {name: obj for module in (types, resultcues) for name, obj in vars(module).items() if isinstance(obj, Gated)}
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


@pytest.mark.parametrize("name", sorted(GATED))
def test_gated_sub_rewrites_as_the_pattern_does(name):
    gated = GATED[name]
    for text in [*SENTENCES, "Pain lasted more than 3 days in fewer than two patients.", "Loſs was leſs than 5%."]:
        assert gated.sub(" ", text) == gated.pattern.sub(" ", text), (name, text)


def test_gate_opens_where_a_keyword_occurs():
    keys = ("differ", "difference", "decrease", "declin", "not", "note", "a.b")
    assert _shortest(keys) == ("differ", "decrease", "declin", "not", "a.b")
    gate = Gated(re.compile("x"), keys)
    for text in ("no differences", "it declined", "a note", "axb", "a.b", "decreas", "", "nothing", "dif fer",
                 "No DIFFERENCES", "Décrease"):
        assert gate.closed(text) == (not any(k in text.lower() for k in keys)), text


def _plain_cues(*fragments: str) -> re.Pattern:
    """``cues`` as it was before the fragments were grouped by first letter: the reference."""
    firsts = "".join(sorted({w[0].lower() for w in fragments} | {w[0].upper() for w in fragments}))
    return re.compile(r"\b(?=[" + firsts + r"])(?<![-])(?:" + "|".join(fragments) + r")(?![\w-])", re.IGNORECASE)


@pytest.mark.parametrize("fragments", [
    # a part of resultcues.RESULT_WEAK
    ("showed", "shown", "demonstrated", "died", "deaths?", "survived", "responded", "responders?", "responses?",
     "remissions?", "effective(?:ness)?", "benefit(?:s|ed|ted)?", "resulted\\s+in", "vs\\.?", "versus",
     "compared\\s+(?:with|to)", "safe", "well", "was\\s+(?:\\d|one|two)"),
    # order inside a letter decides which of two overlapping fragments matches: it must be kept
    ("improv\\w*", "improved", "increas\\w*", "deaths?", "death", "was\\s+(?:\\d|one|two)", "well", "a", "abc"),
])
def test_cues_grouped_by_first_letter_match_as_the_plain_alternation(fragments):
    grouped, plain = cues(*fragments), _plain_cues(*fragments)
    assert grouped.pattern != plain.pattern
    for text in [*SENTENCES, *(t.upper() for t in SENTENCES), "Death was one; deaths-free well abc improved-not"]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_cues_not_grouped_when_a_fragment_does_not_start_with_a_plain_letter():
    for fragments in (("(?:un)?likely", "may"), ("s?he", "it"), ("a|b", "c")):
        assert _by_first_letter(fragments, re.IGNORECASE) == "(?:" + "|".join(fragments) + ")"
    assert _top_level_bar("a|b") and _top_level_bar("(a)|b")
    assert not _top_level_bar("a(?:b|c)") and not _top_level_bar("a[|]b") and not _top_level_bar("a\\|b")


def test_blank_keeps_brackets_and_length_as_the_character_list_does():
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice("ab ()[]x.") for _ in range(rng.randint(0, 16)))
        ranges = [(rng.randint(-3, 19), rng.randint(-3, 19), "O") for _ in range(rng.randint(0, 4))]
        assert blank(text, ranges) == _blank_chars(text, ranges), (text, ranges)
    assert blank("urinary (5-HIAA) decrease", [(0, 16)]) == "        (      ) decrease"


def test_odd_case_letters_pass_the_gate():
    # no keyword in the lower-cased text, yet the IGNORECASE pattern matches: the gate must let it through
    assert resultcues.RESULT_STRONG.pattern.search("It was ſignificant.") is not None
    assert resultcues.RESULT_STRONG.search("It was ſignificant.") is not None
    assert hedging.HEDGE.search("This ſuggests a benefit.") is not None
    assert hedging.hedged("This ſuggests a benefit.")


def test_cached_word_helpers_return_fresh_lists():
    first = words("Hepatic arteries")
    first.append("x")
    assert words("Hepatic arteries") == ["hepatic", "artery"]
    assert content_words("the patients with arteries") == ["artery"]
    assert same_stem("arterial", "artery") and not same_stem("chemotherapy", "chemoembolization")
