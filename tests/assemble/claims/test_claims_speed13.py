"""Speed changes of session 13 (issue 13) that must not change a match or a claim: gates.DigitsAround on
significance.PARALLEL, the keyword gate of armrank._LABEL_WORD, the possessive leading word of
typecues._DESIGN_PARTICIPLE (against the pattern as it stood in cc7c101, frozen here), and claim groups without an
outcome no longer decided in finding sentences (their claims are dropped), on the sentences of the 537 real PubMed
abstracts of ../shared, EvidenceMap abstracts and tricky cases."""

from __future__ import annotations

import re

import pytest

from claimex.assemble import claims as claims_module
from claimex.assemble.claims import armrank, typecues
from claimex.assemble.claims.gates import DigitsAround, Gated
from claimex.assemble.claims.significance import PARALLEL
from claimex.assemble.claims.switches import without

TRICKY = [
    "16 min for intranasal and 13 min for intramuscular", "in group B was 15.1 minutes and in group A was 32.5 minutes",
    "25% of intranasal AND 9% of intramuscular dosing visits", "and 12 mg in A, 14 mg in B", "12 mg in A; 14 mg in B and",
    "in Group S were 0.06 ± 0.172 h (3.6 ± 10.32 min) and that in Group B was 19.35 ± 8.64 h",
    "4 weeks in group I VERSUS 5 weeks in group II", "3 mg for X vs. 4 mg for Y", "2 d in A whereas 3 d in B",
    "1 case in \u0130stanbul and 2 cases in Ankara",  # İ: its lower case is two characters (the gate stays open)
    "\u0661\u0662 days for A and \u0663 days for B",  # Arabic-Indic digits are \d too
    "5 patients were randomly assigned, 6 allocated,then randomly assigned", "Group A, group B and the COHORTS",
    "armed forces; the arm; pharmacy", "", "1 and 2",
]


@pytest.fixture(scope="module")
def sentences(pubmed_sentences):
    return pubmed_sentences + TRICKY + [t.upper() for t in TRICKY]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("gate", [PARALLEL, armrank._LABEL_WORD], ids=["PARALLEL", "_LABEL_WORD"])
def test_gate_gives_the_pattern_s_matches(gate, sentences):
    assert isinstance(gate, Gated)
    hits = 0
    for text in sentences:
        want = gate.pattern.search(text)
        got = gate.search(text)
        assert (None if got is None else got.span()) == (None if want is None else want.span()), text
        assert _spans(gate.finditer(text)) == _spans(gate.pattern.finditer(text)), text
        hits += want is not None
    assert hits >= 10  # the real sentences exercise the pattern, not only misses


def test_every_parallel_match_has_a_keyword_between_two_digits(sentences):
    # the gate's promise, checked on each match alone: its own text must keep the gate open
    found = 0
    for text in sentences:
        for m in PARALLEL.pattern.finditer(text):
            assert not PARALLEL.closed(m.group()), m.group()
            found += 1
    assert found >= 10


def test_digits_around_closes_only_without_a_keyword_between_the_digits():
    gate = DigitsAround(re.compile(r"\d+\s+and\s+\d+", re.IGNORECASE), ("and",))
    assert not gate.closed("values 12 AND 14")
    assert gate.closed("and 12 mg")  # the keyword before the first digit
    assert gate.closed("12 mg, 14 mg and")  # after the last digit
    assert gate.closed("no digits and words")
    assert gate.closed("12 a-n-d 14")
    assert not gate.closed("\u0130 12 x 14")  # İ: offsets of the lower-cased text differ, the gate stays open
    assert gate.search("5 and 6").span() == (0, 7)
    assert gate.search("5, 6 and") is None


#: typecues._DESIGN_PARTICIPLE as it stood in cc7c101 (a greedy, backtracking leading word)
DESIGN_PARTICIPLE_CC7C101 = re.compile(
    r"([\w,]+)\s+(?:(?:randomly|randomi[sz]ed)\s+)?(?:randomly\s+(?:assigned|allocated|divided|selected)|"
    r"allocated|assigned)\b", re.IGNORECASE)


def test_design_participle_as_in_cc7c101(sentences):
    found = 0
    for text in sentences:
        want = [(m.span(), m.group(1)) for m in DESIGN_PARTICIPLE_CC7C101.finditer(text)]
        assert [(m.span(), m.group(1)) for m in typecues._DESIGN_PARTICIPLE.pattern.finditer(text)] == want, text
        assert typecues.attributive(text) == _attributive_cc7c101(text), text
        found += len(want)
    assert found >= 20


def _attributive_cc7c101(text: str) -> bool:
    found = False
    for m in DESIGN_PARTICIPLE_CC7C101.finditer(text):
        if m.group(1).lower().strip(",") in typecues._FINITE_BEFORE:
            return False
        found = True
    return found


def test_outcomeless_groups_not_decided_give_the_same_claims():
    # EvidenceMap abstracts through the rule pipeline: the claims with the skip and with it switched off are equal
    from claimex.evaluate.claims import load_gold, predict
    from claimex.schema import Record

    golds = load_gold(split="dev")[:40]
    lines = [r.to_json() for r in predict(golds)[0]]
    with_skip = [claims_module.ClaimAssembler(model="cues")(Record.from_json(line)) for line in lines]
    dropped = sum(not c.outcome and c.type in ("finding", "adverse_effect") for line in lines
                  for c in claims_module.ClaimAssembler(model="cues", outcomeless=True)(Record.from_json(line)))
    with without("skip_outcomeless") as took:
        all_decided = [claims_module.ClaimAssembler(model="cues")(Record.from_json(line)) for line in lines]
    assert took == {"skip_outcomeless"}  # outcomeless groups were decided this time, not skipped
    assert [[c.model_dump_json() for c in cs] for cs in with_skip] == [[c.model_dump_json() for c in cs]
                                                                        for cs in all_decided]
    assert dropped > 0  # the skip had claims to save
    assert sum(map(len, with_skip)) > 50
