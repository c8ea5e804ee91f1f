"""The arm ranker's trainer (:mod:`claimex.train.arms`): labels from the findings scorer's arm rule on a real
Evidence Inference 2.0 train prompt (PMC 5827033, its intervention / comparator / outcome strings as the prompt
gives them) and on findings-gold-style tune findings of the same abstract, the logistic regression, the hash
split."""

import re

import numpy as np
import pytest
from ei_5827033 import TEXT, abstract_record  # tests/ is on sys.path through its conftest

from claimex.annotate.measures import parse_measures
from claimex.assemble.claims import ClaimAssembler
from claimex.corpora.findings import GoldAbstract, GoldFinding, Span, read_keys, text_sha1
from claimex.evaluate.prompts import Prompt
from claimex.paths import MODELS_DIR
from claimex.schema import Record
from claimex.train.arms import examples, fit, gold_examples, held_out, score, train, tune_gold


def _record() -> Record:
    spans = [("INTERVENTION", "Transcutaneous electroacupuncture", 0), ("INTERVENTION", "TEA", 0),
             ("COMPARATOR", "control", 0), ("INTERVENTION", "TEA", 1), ("COMPARATOR", "control", 1),
             ("OUTCOME", "Time to first flatus", 0), ("INTERVENTION", "gastrectomy", 2)]
    rec = abstract_record(spans)
    rec.measures = [m.to_schema(f"M{k}") for k, m in enumerate(parse_measures(TEXT), start=1)]
    rec.claims = ClaimAssembler("cues", arms="rules")(rec)
    return rec


def test_candidates_are_labelled_by_the_scorers_arm_rule():
    rec = _record()
    start = TEXT.index("Time to first")
    prompt = Prompt(0, "5827033", "decrease", "transcutaneous electroacupuncture (TEA)", "control group",
                    "Time to first flatus", [(start, start + 120)])
    (ex,) = examples({"5827033": rec}, [prompt])
    labels = {c.entity.text + str(c.entity.start): (yi, yc) for c, yi, yc in zip(ex.cands, ex.y_i, ex.y_c)}
    assert {k: v for k, v in labels.items() if k.startswith("TEA")} and all(
        v == (1, 0) for k, v in labels.items() if k.startswith(("TEA", "Transcutaneous")))
    assert all(v == (0, 1) for k, v in labels.items() if k.startswith("control"))
    assert labels[f"gastrectomy{TEXT.rindex('gastrectomy')}"] == (0, 0)
    # the rules' slot holds TEA and the stray "gastrectomy": not right for the intervention; the comparator is
    s = score(None, [ex])
    assert s["rules_i"] == 0.0 and s["rules_c"] == 1.0 and s["reachable_i"] == 1.0


def test_logistic_regression_separates_a_separable_set():
    rng = np.random.default_rng(0)
    x = np.c_[np.ones(200), rng.normal(size=(200, 2))]
    y = (x[:, 1] + 0.5 * x[:, 2] > 0).astype(float)
    w = fit(x, y, l2=0.1)
    assert ((x @ w > 0) == (y > 0)).mean() > 0.97 and w[1] > 0 and w[2] > 0


def test_hash_split_holds_out_about_a_quarter_and_is_stable():
    ids = [str(n) for n in range(2000, 4000)]
    share = sum(held_out(i) for i in ids) / len(ids)
    assert 0.2 < share < 0.3
    assert [held_out(i) for i in ids[:50]] == [held_out(i) for i in ids[:50]]


def _span(surface: str, nth: int = 0) -> Span:
    pos = [m.start() for m in re.finditer(re.escape(surface), TEXT)][nth]
    return Span(pos, pos + len(surface), surface)


def _gold(split: str, comparator: Span | None) -> GoldAbstract:
    start = TEXT.index("Time to first")
    end = TEXT.index("P = 0.048).") + len("P = 0.048).")
    finding = GoldFinding(sentence=(start, end), type="finding", outcome=_span("Time to first flatus"),
                          intervention=_span("TEA", 1), comparator=comparator, numbers=[],
                          direction="decrease", significant=True)
    return GoldAbstract("evidence-inference", "5827033", "pmc", split, text_sha1(TEXT), len(TEXT),
                        [(start, end)], [finding])


def test_a_tune_gold_finding_labels_the_judged_claims_candidates():
    rec = _record()
    gold = _gold("tune", _span("control group", 0))
    (ex,) = gold_examples({gold.key: rec}, [gold], weight=2.0)
    assert ex.pmcid == "evidence-inference:5827033" and not ex.single and ex.weight == 2.0
    assert ex.claim.id in {c.id for c in rec.claims} and ex.claim.outcome
    labels = {c.entity.text + str(c.entity.start): (yi, yc) for c, yi, yc in zip(ex.cands, ex.y_i, ex.y_c)}
    assert [k for k in labels if k.startswith("TEA")] and all(v == (1, 0) for k, v in labels.items()
                                                               if k.startswith("TEA"))
    assert all(v == (0, 1) for k, v in labels.items() if k.startswith("control"))
    assert labels[f"gastrectomy{TEXT.rindex('gastrectomy')}"] == (0, 0)
    s = score(None, [ex])
    assert s["rules_c"] == 1.0 and s["reachable_i"] == 1.0


def test_a_single_arm_gold_finding_labels_no_comparator():
    rec = _record()
    gold = _gold("tune", None)
    (ex,) = gold_examples({gold.key: rec}, [gold])
    assert ex.single and not any(ex.y_c) and any(ex.y_i)
    # the rules' claim has a comparator ("control"): wrong for a single-arm finding, an empty slot would be right
    assert ex.claim.comparator and score(None, [ex])["rules_c"] == 0.0
    assert score(None, [ex])["reachable_c"] == 1.0


def test_the_report_half_is_refused():
    gold = _gold("report", None)
    with pytest.raises(ValueError, match="report-half"):
        gold_examples({gold.key: _record()}, [gold])


def test_the_held_out_check_of_the_tune_half_is_left_out_of_the_gold_source():
    calibration = MODELS_DIR / "claimex-confidence" / "calibration_ids.txt"
    blind = read_keys(calibration)
    every, kept = tune_gold(), tune_gold(calibration)
    assert kept and all(g.split == "tune" for g in kept)
    assert not {g.key for g in kept} & blind
    assert {g.key for g in every} - {g.key for g in kept} == {g.key for g in every} & blind


def test_train_returns_the_ranker_and_its_l2_strength():
    # session 32: train() set an ``l2`` attribute on the ranker, which a compiled ArmRanker (``make compile``)
    # refuses (AttributeError); the strength now comes back beside the ranker
    rec = _record()
    start = TEXT.index("Time to first")
    prompt = Prompt(0, "5827033", "decrease", "transcutaneous electroacupuncture (TEA)", "control group",
                    "Time to first flatus", [(start, start + 120)])
    exs = examples({"5827033": rec}, [prompt])
    ranker, l2 = train(exs, l2s=(1.0, 10.0), margins_c=(1.0,), keeps_c=(0.5,))
    assert l2 in (1.0, 10.0) and ranker.margin_c == 1.0 and ranker.keep_c == 0.5
    assert len(ranker.w_i) == len(ranker.w_c) > 1
