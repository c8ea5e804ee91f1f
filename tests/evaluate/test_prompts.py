"""Evidence Inference prompts end to end (claimex.evaluate.prompts): the judge on hand-made records, and
one real run on the shared validation split."""

from __future__ import annotations

import pytest

from claimex import paths
from claimex.evaluate.prompts import Prompt, evaluate, judge, load_prompts
from claimex.schema import Claim, Entity, Record, Sentence

TEXT = ("Pressure-regulated volume control versus volume control. "
        "Mortality was lower with pressure-regulated volume control than with volume control (12% vs 20%).")
S2 = (TEXT.index("Mortality"), len(TEXT))


def ent(eid: str, label: str, phrase: str, nth: int = 1) -> Entity:
    pos = -1
    for _ in range(nth):
        pos = TEXT.index(phrase, pos + 1)
    return Entity(id=eid, label=label, start=pos, end=pos + len(phrase), text=phrase)


def record(**claim) -> Record:
    ents = [ent("O", "OUTCOME", "Mortality"), ent("I", "INTERVENTION", "pressure-regulated volume control"),
            ent("C", "COMPARATOR", "volume control", 4)]
    fields = dict(outcome=["O"], intervention=["I"], comparator=["C"], direction="decrease")
    fields.update(claim)
    c = Claim(id="C1", sentence=1, type=fields.pop("type", "finding"), text=TEXT[slice(*S2)], start=S2[0],
              end=S2[1], **fields)
    return Record(id="1", text=TEXT, sentences=[Sentence(start=0, end=S2[0] - 1), Sentence(start=S2[0], end=S2[1])],
                  entities=ents, claims=[c])


PROMPT = Prompt(1, "1", "decrease", "Pressure-regulated volume control (PRVC)", "volume control (VC)",
                "in-hospital mortality", [(S2[0] + 10, S2[0] + 30)])


def test_a_matching_claim_is_found_with_its_direction():
    j = judge(PROMPT, record())
    assert j.found and j.orientation == "same" and j.predicted == "decrease" and j.error is None


def test_swapped_arms_flip_the_direction():
    j = judge(PROMPT, record(intervention=["C"], comparator=["I"], direction="increase"))
    assert j.orientation == "swapped" and j.predicted == "decrease" and j.error is None


def test_wrong_sign_and_single_arm_directions_are_errors():
    assert judge(PROMPT, record(direction="increase")).error == "wrong sign"
    assert judge(PROMPT, record(direction="no_difference")).error == "difference vs no difference"
    assert judge(PROMPT, record(direction="positive")).error == "direction positive (not a comparison)"


def test_not_found_without_the_outcome_or_outside_the_evidence():
    other = Prompt(1, "1", "decrease", "PRVC", "VC", "length of stay", PROMPT.evidence)
    assert judge(other, record()).error == "outcome not among the claim's outcomes"
    before = Prompt(1, "1", "decrease", "PRVC", "VC", "mortality", [(0, 10)])
    assert judge(before, record()).error == "no claim in the evidence sentence"


def test_background_claims_do_not_count():
    assert not judge(PROMPT, record(type="background")).found


ei = pytest.mark.skipif(not paths.corpus_path("evidence-inference-v2", "ei2_prompts_train_val.jsonl").exists(),
                        reason="Evidence Inference 2.0 not in ../shared")


@ei
def test_prompts_leave_out_the_findings_gold_and_keep_abstract_evidence():
    prompts = load_prompts()
    assert prompts and all(p.evidence for p in prompts)
    assert {p.label for p in prompts} == {"increase", "decrease", "no_difference"}


@ei
def test_a_real_run_on_three_abstracts(tmp_path):
    report = evaluate(limit=3, model="rules")
    s = report.summary
    assert s["prompts"] >= 3 and 0.0 <= s["end_to_end"] <= s["found"] <= 1.0
    assert [r["name"] for r in report.rows] == ["increase", "decrease", "no_difference"]


def test_a_listed_outcome_is_found_across_the_claims_outcome_entities():
    rec = record()
    listed = Prompt(1, "1", "decrease", "PRVC", "VC", "mortality, pressure and flatulence", PROMPT.evidence)
    assert not judge(listed, rec).found  # one of three words: two needed
    rec.entities.append(ent("L", "OUTCOME", "Pressure"))
    rec.claims[0].outcome = ["O", "L"]
    assert judge(listed, rec).found
