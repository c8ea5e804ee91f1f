"""Typing and comparison-decision cues made cheaper (session 14, issue 13): each rewritten pattern gives the same
matches, spans and groups as the form it replaces (kept here), each keyword gate the same answer as its pattern
alone, each cached or shortened function the same value as before, on real sentences and made-up strings."""

from __future__ import annotations

import importlib
import random
import re

import pytest

# the package exports functions named like some of its modules (``polarity``, ``significance``): the modules by name
concluded, direction, hedging, polarity, resultcues, sides, significance, types = (
    importlib.import_module(f"claimex.assemble.claims.{name}")
    for name in ("concluded", "direction", "hedging", "polarity", "resultcues", "sides", "significance", "types"))

FOLD_CHARS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin): letters that IGNORECASE matches to ASCII letters

OLD_SIGNIFICANT = re.compile(r"(?<![\w-])(?:(?:statistically\s+)?significant(?:ly)?|significance)(?![\w-])",
                             re.IGNORECASE)
OLD_OTHER_SIMILAR = re.compile(r"\bwith\s+(?:a\s+|an\s+)?(?:similar|comparable|equivalent)\s+(?=[a-z])"
                               r"(?!rates?\b|results?\b|outcomes?\b|effects?\b|efficacy\b|incidences?\b)", re.IGNORECASE)
OLD_PASSIVE = re.compile(r"\b(?:were|was)\s+([a-z]+)", re.IGNORECASE)
OLD_BOTH_ARMS = re.compile(
    r"\b(?:in\s+both\s+(?:the\s+)?(?:\S+\s+){0,4}?(?:groups?|arms?|treatments?|regimens?|sexes)\b|"
    r"in\s+both\b(?=\s*(?:[,.;)]|$))|both\s+(?:groups?|arms?|treatments?|regimens?|conditions?|cohorts?)|"
    r"in\s+(?:all|each|either)\s+(?:\w+\s+)?(?:groups?|arms?|treatments?)|all\s+(?:treatment\s+)?"
    r"groups?|(?:irrespective|regardless)\s+of\s+(?:the\s+)?(?:treatment\s+|study\s+)?(?:groups?|arms?|"
    r"allocation|assignment|treatment|randomi[sz]ation))\b", re.IGNORECASE)

OLD_BOTH_LEAD = re.compile(r"\bboth\s+(?:the\s+)?", re.IGNORECASE)
OLD_CLAUSE = re.compile(r";|\bbut\b|\bwhereas\b|\bwhile\b|\balthough\b|\bhowever\b", re.IGNORECASE)
OLD_PURPOSE = re.compile(r"\bto\s+(?:further\s+)?(?!\w+(?:ed|ing)\b)\w+", re.IGNORECASE)
OLD_AGAINST_START = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|relative\s+to)\s+(?:the\s+|their\s+)?"
                               r"(?:baseline|before|" + significance._PRE + r"|prior|initial|admission|week\s+0|day\s+0)\b",
                               re.IGNORECASE)
REWRITTEN = {
    "significance.SIGNIFICANT": (significance.SIGNIFICANT.pattern, OLD_SIGNIFICANT),  # the regex behind its gate
    "significance.OTHER_SIMILAR": (significance.OTHER_SIMILAR, OLD_OTHER_SIMILAR),
    "significance.AGAINST_START": (significance.AGAINST_START, OLD_AGAINST_START),
    "types._PASSIVE": (types._PASSIVE.pattern, OLD_PASSIVE),
    "polarity.BOTH_ARMS": (polarity.BOTH_ARMS.pattern, OLD_BOTH_ARMS),
    "sides._BOTH_LEAD": (sides._BOTH_LEAD.pattern, OLD_BOTH_LEAD),
    "concluded._CLAUSE": (concluded._CLAUSE, OLD_CLAUSE),
    "direction._PURPOSE": (direction._PURPOSE, OLD_PURPOSE),
}


def _old_hedged(text: str) -> bool:
    """``hedging.hedged`` before session 14 (a gated search, then a second scan from the start)."""
    if hedging._HEDGE_GATED.search(text) is None:
        return False
    for m in hedging.HEDGE.finditer(text):
        if m.group(0) == "May" and hedging._MONTH.match(text, m.start()):
            continue
        return True
    return False


def _fuzz(words: list[str], n: int, seed: int) -> list[str]:
    """Strings of the patterns' own words (whole, cut, upper-cased, led by a letter that folds to ASCII), such
    letters, hyphens, brackets, spaces, digits and the punctuation the patterns look at."""
    rng = random.Random(seed)
    pieces = [*words, *(w.upper() for w in words), *(w.capitalize() for w in words), *(w[:3] for w in words),
              *(f + w[1:] for w in words for f in FOLD_CHARS), *FOLD_CHARS, "-", " ", "  ", "\n", "a", "1", "12%", ".",
              ",", ";", ")", "(", "x-", "_", "é", "by", "the", "and", "in", "group", "arm", "May 2001", "May of",
              "differ"]
    return ["".join(rng.choice(pieces) + rng.choice(["", " ", " "]) for _ in range(rng.randint(0, 10)))
            for _ in range(n)]


#: sentences the gated patterns are written for (from the modules' docstrings), varied by :func:`_variants`
EXAMPLES = [
    "serum IL-10 was maintained in the Vitamin D + C group (p = 0.06) and was reduced in the Calcium group (p = 0.001)",
    "decreased ( p < 0.05 ) by -14.3 +/- 4.1 % in the HRT alone group and by -8.2 +/- 4.6 % in the HRT + T group",
    "a greater overall improvement in symptoms for the triamcinolone acetonide group",
    "improved from pre-op to 24 months (P < 0.0001) with no difference between groups",
    "but the difference between the two treatments was not significant (P = 0.6)",
    "Adverse events were generally low grade; [Major extrahepatic] complications are rare, hepatotoxicity too.",
]


def _variants(texts: list[str], n: int, seed: int) -> list[str]:
    """``texts`` with letters upper-cased or swapped for a letter that folds to ASCII, words cut or doubled."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        chars = list(rng.choice(texts))
        for _ in range(rng.randint(1, 4)):
            k = rng.randrange(len(chars))
            chars[k] = rng.choice([chars[k].upper(), rng.choice(FOLD_CHARS), "", " ", chars[k] * 2, "-", ";"])
        out.append("".join(chars))
    return out


def _words(pattern: str) -> list[str]:
    return sorted(set(re.findall(r"[a-z][a-z'-]+", pattern)))


def _hits(pattern, text: str) -> list:
    found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    at = [pattern.match(text, k) for k in range(0, len(text), 3)]
    later = pattern.search(text, len(text) // 2)
    return [found, [m and (m.span(), m.groups()) for m in at], later and (later.span(), later.groups())]


@pytest.mark.parametrize("name", REWRITTEN)
def test_first_letter_patterns_as_before(name, pubmed_sentences):
    new, old = REWRITTEN[name]
    texts = pubmed_sentences[::2] + EXAMPLES + _fuzz(_words(old.pattern), 6000, 14)
    assert any(old.search(t) for t in pubmed_sentences)  # the real sentences exercise the pattern
    for text in texts:
        assert _hits(new, text) == _hits(old, text), text
    assert new.sub("#", texts[0] + " " + texts[-1]) == old.sub("#", texts[0] + " " + texts[-1])


def test_first_letter_patterns_open_on_a_class():
    """The point of the rewrite: ``re`` gets a leading character class to skip to."""
    for pattern, _old in REWRITTEN.values():
        code = re._compiler._code(re._parser.parse(pattern.pattern, pattern.flags), pattern.flags)
        assert code[2] & re._constants.SRE_INFO_CHARSET, pattern.pattern[:40]


@pytest.mark.parametrize("gated, pattern", [
    (resultcues._ADVERSE_GATED, resultcues.ADVERSE), (sides._COMPARATIVE_IN_ARM, sides._COMPARATIVE_IN_ARM.pattern),
    (sides._OWN_PREDICATES, sides._OWN_PREDICATES.pattern), (sides._CHANGE_BY_EACH, sides._CHANGE_BY_EACH.pattern),
    (direction._BETWEEN_NULL, significance.BETWEEN_NULL)],
    ids=["resultcues.ADVERSE", "sides._COMPARATIVE_IN_ARM", "sides._OWN_PREDICATES", "sides._CHANGE_BY_EACH",
         "significance.BETWEEN_NULL"])
def test_gates_answer_as_the_pattern(gated, pattern, pubmed_sentences):
    """Every match holds one of the gate's keywords: the gated search finds what the pattern finds, also on texts
    whose letters fold oddly (the gate stays open on them)."""
    words = [*_words(pattern.pattern), "side effects", "side-effect", "decreased ( p < 0.05 ) by", "and by", "arms"]
    texts = pubmed_sentences + EXAMPLES + _variants(EXAMPLES, 3000, 3) + _fuzz(words, 8000, 41)
    assert any(pattern.search(t) for t in texts)
    for text in texts:
        got, want = gated.search(text), pattern.search(text)
        assert (got and got.span()) == (want and want.span()), text


def test_hedged_as_before(pubmed_sentences):
    words = ["may", "May", "might", "suggest", "seems", "tend to", "likely", "unlikely", "could not", "could"]
    texts = pubmed_sentences + _fuzz(words, 6000, 5)
    assert any(hedging.hedged(t) for t in texts) and not all(hedging.hedged(t) for t in texts)
    for text in texts:
        assert hedging.hedged(text) == hedging.hedged.__wrapped__(text) == _old_hedged(text), text


def test_cached_polarity_and_references_as_computed(pubmed_sentences):
    for text in pubmed_sentences[::3]:
        for adverse in (False, True):
            assert polarity.polarity(text, adverse) == polarity.polarity.__wrapped__(text, adverse)
        for at in range(0, len(text), 7):
            want = bool(polarity.REFERENCE.search(text[max(0, at - 40):at])
                        or polarity.REFERENCE_VALUE.search(text[max(0, at - 90):at]))
            assert polarity._reference_before(text, at) == want


def test_parallel_halves_as_the_matches(pubmed_sentences):
    texts = pubmed_sentences + [
        "The time to onset was 16 min for intranasal and 13 min for intramuscular dosing.",
        "The duration in group B was 15.1 minutes and in group A was 32.5 minutes.",
        "Pain in Group S were 0.06 ± 0.172 h (3.6 ± 10.32 min) and that in Group B was 19.35 ± 8.64 h."]
    seen = 0
    for text in texts:
        want = []
        for par in significance.PARALLEL.finditer(text):
            conj = par.start("conj") if par.group("conj") else par.start("conj2")
            want.append(((par.start(), conj), (conj, par.end())))
        assert direction._parallel_halves(text) == tuple(want), text
        seen += bool(want)
    assert seen >= 3
