"""The trial-arm check's trainer (:mod:`claimex.train.trialarm`): a mention group's label from a real Evidence
Inference 2.0 train prompt (PMC 5827033, its intervention / comparator strings as the prompt gives them), the
threshold rule, the AUC and the held-out split."""

import numpy as np
from ei_5827033 import abstract_record  # tests/ is on sys.path through its conftest

from claimex.assemble.claims.trialarm import FEATURES
from claimex.corpora.evidence_inference import EIPrompt
from claimex.schema import Record
from claimex.train.trialarm import at, auc, examples, held_out, threshold

PROMPT = EIPrompt("5827033", "transcutaneous electroacupuncture (TEA)", "control group", "Time to first flatus", (),
                  "train")


def _record(control_prompt: str = "control group") -> tuple[Record, dict]:
    spans = [("INTERVENTION", "Transcutaneous electroacupuncture", 0, None), ("INTERVENTION", "TEA", 0,
             "Transcutaneous electroacupuncture"), ("COMPARATOR", "control", 0, None),
             ("INTERVENTION", "TEA", 1, "Transcutaneous electroacupuncture"), ("COMPARATOR", "control", 1, None),
             ("OUTCOME", "Time to first flatus", 0, None), ("INTERVENTION", "gastrectomy", 2, None)]
    prompt = EIPrompt(PROMPT.pmcid, PROMPT.intervention, control_prompt, PROMPT.outcome, (), "train")
    return abstract_record(spans, score=0.9), {"5827033": [prompt]}


def test_a_group_is_an_arm_when_it_names_a_prompt_arm():
    record, prompts = _record()
    groups = examples([record], prompts)
    labels = {g.mentions[0]: g.y for g in groups}
    assert labels == {"Transcutaneous electroacupuncture": 1, "control": 1, "gastrectomy": 0}
    assert all(len(g.x) == len(FEATURES) for g in groups)


def test_a_control_worded_group_is_an_arm_when_the_prompts_name_a_control():
    # "placebo" names no word of the mention "control", but both are the control arm
    record, prompts = _record("placebo")
    assert {g.mentions[0]: g.y for g in examples([record], prompts)}["control"] == 1
    record, prompts = _record("oral laxatives")  # an active comparator: the trial's control is another arm
    assert {g.mentions[0]: g.y for g in examples([record], prompts)}["control"] == 0


def test_threshold_keeps_the_groups_under_it_mostly_no_arm():
    p = np.array([0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.3, 0.5, 0.7, 0.9])
    y = np.array([0, 0, 0, 0, 0, 1, 0, 1, 1, 1])
    # under 0.1: five groups, none an arm; under 0.3: one arm of six (0.83); under 0.5: one of seven (0.86); under
    # 0.7: two of eight (0.75)
    assert threshold(p, y, 0.9) == 0.1
    t = threshold(p, y, 0.8)
    assert t == 0.5 and at(p, y, t)["set_aside"] == 7 and at(p, y, t)["arms_set_aside"] == 1
    assert threshold(np.array([0.1, 0.2]), np.array([0, 0]), 0.9) == 0.0  # too few groups: nothing set aside


def test_auc_and_split():
    assert auc(np.array([0.9, 0.8, 0.1]), np.array([1, 1, 0])) == 1.0
    assert auc(np.array([0.5, 0.5]), np.array([1, 0])) == 0.5
    ids = [str(k) for k in range(2000)]
    share = sum(held_out(i) for i in ids) / len(ids)
    assert 0.2 < share < 0.3 and held_out("5827033") == held_out("5827033")
