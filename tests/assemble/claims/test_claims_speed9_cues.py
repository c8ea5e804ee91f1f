"""Round-9 speed rewrites that must not change an answer, checked on the real PubMed sample sentences and tricky
cases: types.METHODS, types.CONCLUSION and nonresult FLOW / SAMPLE / ADMIN cut into runs gated apart
(gates.Alternation), gates.Anchored (the regex of a ^-anchored cue before its gate) and GatedBoth.search written as
loops. Each cue is compared with one Gated regex over the whole pattern behind the single keyword gate it had
before round 9 (on real text) and with the whole pattern ungated (its runs' gates are exact)."""

from __future__ import annotations

import re

import pytest

from claimex.assemble.claims import allocation, armrank, gates, sides
from claimex.assemble.claims.gates import Anchored, Gated, GatedBoth
from claimex.assemble.claims.nonresult import ADMIN, FLOW, SAMPLE
from claimex.assemble.claims.typecues import EARLIER_WORK, ZERO_COUNT
from claimex.assemble.claims.types import CONCLUSION, METHODS

#: the single gates of main 695ad2e (before the cut)
BEFORE = {
    "METHODS": (METHODS, ("random", "we ", "primary", "secondary", "main", "outcome", "blind", "placebo", "inclusion",
                          "eligible", "prospective", "open", "multicent", "cross", "parallel", "pilot", "intention")),
    "FLOW": (FLOW, ('randomi', 'enrol', 'recruit', 'includ', 'exclud', 'screen', 'enter', 'allocat', 'assign',
                    'approach', 'eligib', 'complet', 'withdr', 'drop', 'lost', 'discontinu', 'could not', 'availab',
                    'analy', 'evaluab', 'data ', 'particip')),
    "SAMPLE": (SAMPLE, ('age', 'male', 'men', 'boys', 'girls', 'white', 'black')),
    "EARLIER_WORK": (EARLIER_WORK, ("previous", "prior", "earlier", "retrospective", "observational", "preclinical",
                                    "other", "recent", "past", "has", "have")),
    "ZERO_COUNT": (ZERO_COUNT, ("there", "no ", "equally")),
}

TRICKY = [
    "Patients were randomized to A or B.", "We\tconducted a trial.", "We conducted a trial.", "The main outcome was X.",
    "Primary end-points were met.", "An open-label multicentre study.", "Intention-to-treat analysis was used.",
    "Twelve were randomised; 3 were lost to follow-up.", "Two could not  be included.", "Data from 120 patients.",
    "Seven dropped out.", "Drop-outs were few.", "Available for the final analysis were 80.", "They participated in it.",
    "Mean (SD) age was 54.", "The mean age of patients was 36.68 years.", "Ages were 30-40.", "Forty percent were female.",
    "Most were women.", "Percentage of stage III was 20%.", "This study was funded by the NIH.", "Funded by X.",
    "Figure 2 shows it.", "Table 1.", "NCT01234567", "Registered at ClinicalTrials.gov.", "The \u212aelvin was male.",
    "In conclusion, X works.", "OVERALL, these results suggest X.", "In  sum, it works.", "This\nstudy shows it.",
    "These data support it.", "Further studies are needed.", "X should be considered.", "There were no\ndeaths.",
    "No\ncases of X.", "It was equally effective.", "It has been used in previous trials.", "",
]


def _same(got, want) -> bool:
    return (got is None) == (want is None) and (got is None or got.span() == want.span())


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_runs_gated_apart_change_nothing(name, pubmed_sentences):
    """On real text the runs give what the single gate gave."""
    cue, keys = BEFORE[name]
    one_gate = Gated(cue.pattern, keys)
    hits = 0
    for text in pubmed_sentences:
        want = one_gate.search(text)
        assert _same(cue.search(text), want), text
        assert cue.found(text) == (want is not None), text
        hits += want is not None
    assert hits > 10  # the cue does occur: the check is not vacuous


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_run_gates_are_exact(name, pubmed_sentences):
    """Every run's keywords occur in all its matches: the runs find what the whole pattern finds, also where the
    old gate's "we " / "could not" missed a tab or a line break ("We\tconducted"), the one place they differ."""
    cue = BEFORE[name][0]
    for text in pubmed_sentences + TRICKY:
        assert _same(cue.search(text), cue.pattern.search(text)), text
    assert METHODS.search("We\tconducted a trial.") and not Gated(METHODS.pattern, BEFORE["METHODS"][1]).search(
        "We\tconducted a trial.")


def test_conclusion_and_admin_as_before(pubmed_sentences):
    """CONCLUSION's and ADMIN's runs as plain Gated regexes (their round-8 form): the same matches."""
    for cue in (CONCLUSION, ADMIN):
        plain = gates.Alternation([Gated(r.pattern, r.keywords) for r in cue.runs])
        hits = 0
        for text in pubmed_sentences + TRICKY:
            want = plain.search(text)
            assert _same(cue.search(text), want), text
            hits += want is not None
        assert hits > 5


def test_anchored_is_gated_search(pubmed_sentences):
    pattern = re.compile(r"^\W*(?:in\s+conclusion|these\s+results|overall\s*,)", re.IGNORECASE)
    anchored, gated = Anchored(pattern, ("conclusion", "these")), Gated(pattern, ("conclusion", "these"))
    hits = 0
    for text in pubmed_sentences + TRICKY:  # "Overall," matches but its gate is closed: None both ways
        assert _same(anchored.search(text), gated.search(text)), text
        hits += anchored.search(text) is not None
    assert hits > 0
    assert anchored.search("Overall, it works.") is None and pattern.search("Overall, it works.")


@pytest.mark.parametrize("text", [r"\bx", r"^a|b", r"(?m)^a"])
def test_anchored_refuses_unanchored(text):
    with pytest.raises(ValueError):
        Anchored(re.compile(text), ("a",))


def test_gated_both_loops_as_closed(pubmed_sentences):
    cue = GatedBoth(re.compile(r"\bwere\s+(?:\w+\s+)?(?:randomi[sz]ed|enrolled)\b", re.IGNORECASE),
                    ("randomi", "enrol"), ("were",))
    hits = 0
    for text in pubmed_sentences + TRICKY + ["We\u017fe enrolled"]:
        want = None if cue.closed(text) else cue.pattern.search(text)
        assert _same(cue.search(text), want), text
        hits += want is not None
    assert hits > 5


@pytest.fixture(scope="module")
def befores(pubmed_sentences) -> list[str]:
    """What armrank reads before a mention: up to 45 characters before every word start of the sample sentences."""
    out = ["between the ", "between the two\n", "in the ", "IN THE\n", "receiving ", "without any ", "non-", "not  a b ",
           "nor the x y ", "no x y z ", "\u212a in ", "in", "", " ", "within the ", "then the "]
    for s in pubmed_sentences[:4000]:
        for m in re.finditer(r"\b\w", s):
            out.append(s[max(0, m.start() - 45):m.start()])
    return out


@pytest.mark.parametrize("name", ["_BETWEEN", "_PREPOSITION", "_NEGATED"])
def test_armrank_end_cues_as_forward(name, befores):
    cue = getattr(armrank, name)
    forward = cue.pattern.pattern if isinstance(cue, Gated) else cue.pattern  # _NEGATED: Gated(EndCue)
    found = 0
    for text in befores:
        want = forward.search(text) is not None
        assert (cue.search(text) is not None) == want, repr(text)
        found += want
    assert found > 100


def test_controlled_design_as_one_gated_pattern(pubmed_sentences):
    """sides._CONTROLLED cut into runs (asked through ``found``, cached per abstract): what the single gate said."""
    one_gate = Gated(sides._CONTROLLED.pattern, ("random", "placebo", "sham", "control", "cross"))
    assert sides._CONTROLLED.pattern.pattern == (
        r"\brandomi[sz]\w*|\brandomly\s+(?:\w+\s+){0,2}?(?:assign|allocat|divid|distribut|split)\w*|"
        r"\b(?:assign|allocat|divid|distribut)\w*\s+(?:\w+\s+){0,3}?randomly\b|\bat\s+random\b|"
        r"\brandom\s+(?:allocation|assignment)\b|\bplacebo|\bsham\b|\bcontrol(?:led)?\s+(?:groups?|"
        r"arms?|trials?|conditions?)\b|\bcross-?over\b")
    hits = 0
    for text in pubmed_sentences + TRICKY + ["A Cross-over trial.", "Control  arms", "RANDOMISATION", "a \u017fham"]:
        want = one_gate.search(text) is not None
        assert sides.controlled_design(text) == want, text
        hits += want
    assert hits > 10


def test_allocation_runs_as_the_whole_pattern(pubmed_sentences):
    """allocation.ALLOCATION, two gated runs asked through ``found``: what the ungated pattern of main 695ad2e says."""
    cue = allocation.ALLOCATION
    assert cue.pattern.pattern == (r"\b(?:randomi[sz]ed|randomly|assigned|allocated)\s+(?:\w+\s+){0,2}?(?:in)?to\b|"
                                   r"\b(?:to\s+compare|comparing|comparison\s+(?:of|between))\b")
    hits = 0
    for text in pubmed_sentences + TRICKY + ["RANDOMIZED to A", "Compari\u017fon of", "were randomly assigned to"]:
        want = cue.pattern.search(text) is not None
        assert cue.found(text) == want, text
        hits += want
    assert hits > 10
