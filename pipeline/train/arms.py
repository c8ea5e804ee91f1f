"""Train the claim arm ranker (``models/claimex-arms``, :mod:`claimex.assemble.claims.armrank`) on Evidence
Inference 2.0 *train* prompts (and, with ``--gold-tune``, the findings gold's *tune* half).

Data: the EI 2.0 train prompts whose majority-label evidence lies in the abstract
(:func:`claimex.evaluate.prompts.load_prompts`, which already leaves out the findings-gold articles; the
official validation articles are never read). Each abstract goes through the pipeline with the rules' arms
(no ranker); the claim that reports a prompt (:func:`claimex.evaluate.prompts.match_claim`: evidence sentence
and outcome words) gives one example, its candidates (:func:`.armrank.candidates`) labelled by the findings
scorer's arm rule (:func:`claimex.evaluate.findings_match.entity_names` with the record's abbreviations):
does the mention name the prompt's intervention, does it name its comparator.

With ``--gold-tune`` the findings gold's tune half (``corpora/gold/findings``, ``split == "tune"`` only; the
report half is refused) is a second source: each tune finding the rules' claims find gives one example, the
claim the findings scorer judges (:func:`claimex.evaluate.findings_match.judge`) with its candidates labelled by
the same arm rule against the gold intervention / comparator; a single-arm finding (comparator null) labels no
candidate comparator, and its comparator slot is right only when empty. These examples join the fitting part
only, with a weight per example chosen on the held-out EI part (``GOLD_WEIGHTS``).

Model: two L2-regularised logistic regressions (full-batch Newton steps, numpy), one per slot. Model selection
and the reported offline figures use a hash split of the train articles (``sha1("claimex-arms:" + pmcid)``,
25 % held out): the margins are chosen on the fitting part, the figures are the held-out part's, and the
shipped weights are refitted on all train prompts with those settings.

Command: ``python -m claimex.train.arms models/claimex-arms [--records EI_TRAIN_RECORDS.jsonl]
[--gold-tune [--gold-records TUNE_RECORDS.jsonl] [--gold-skip-ids FILE]]``; ``--gold-skip-ids
models/claimex-confidence/calibration_ids.txt`` keeps the tune half's held-out check (BLIND) out of training.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from ..assemble.claims import ClaimAssembler
from ..assemble.claims.armrank import AbstractFacts, ArmRanker, Candidate, candidates
from ..assemble.claims.weights import logistic
from ..corpora.findings import GoldAbstract, GoldFinding, load_document, load_gold, select_gold, text_sha1
from ..corpora.split import hash_score
from ..evaluate.findings_match import arm_aliases, entity_names, judge
from ..evaluate.prompts import Prompt, load_prompts, prompt_claims
from ..extractor import Extractor
from ..schema import Claim, Record

log = logging.getLogger(__name__)
MARGINS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)  # 1.0: never replace the rules
KEEPS = (0.0, 0.25, 0.5, 1.01)  # 1.01: the rules' best mention only
L2S = (1.0, 10.0)
GOLD_WEIGHTS = (0.5, 1.0, 2.0)  # weight of a findings tune example against an EI one, chosen on held-out EI


@dataclass
class Example:
    pmcid: str  # the EI article, or the gold abstract's key ("source:id")
    prompt: Prompt | GoldFinding
    claim: Claim
    cands: list[Candidate]
    y_i: list[int]
    y_c: list[int]
    single: bool = False  # a single-arm gold finding: the comparator slot is right only when empty
    weight: float = 1.0


def held_out(pmcid: str, fraction: float = 0.25) -> bool:
    return hash_score("claimex-arms:", pmcid, digits=8) < fraction


def rule_records(records: dict[str, Record]) -> dict[str, Record]:
    """``records`` with their claims assembled again by the rules alone (no ranker)."""
    assembler = ClaimAssembler(arms="rules")
    return {k: r.model_copy(update={"claims": assembler(r)}) for k, r in records.items()}


def examples(records: dict[str, Record], prompts: list[Prompt]) -> list[Example]:
    """One labelled example per prompt whose claim the pipeline found (module docstring)."""
    out = []
    abstracts: dict[str, AbstractFacts] = {}
    for p, record, claim in prompt_claims(prompts, records):
        if claim is None:
            continue
        if p.pmcid not in abstracts:
            abstracts[p.pmcid] = AbstractFacts(record)
        cands = candidates(abstracts[p.pmcid], claim)
        i_arm = arm_aliases(SimpleNamespace(text=p.intervention), record)
        c_arm = arm_aliases(SimpleNamespace(text=p.comparator), record)
        out.append(Example(p.pmcid, p, claim, cands,
                           [int(entity_names(c.entity, i_arm, c_arm)) for c in cands],
                           [int(entity_names(c.entity, c_arm, i_arm)) for c in cands]))
    return out


def gold_examples(records: dict[str, Record], golds: list[GoldAbstract], weight: float = 1.0) -> list[Example]:
    """One labelled example per findings-gold *tune* finding that the rules' claims of ``records`` (keyed by
    the gold key) find: the claim :func:`~claimex.evaluate.findings_match.judge` judges, its candidates
    labelled by the scorer's arm rule (module docstring). A report-half abstract raises ``ValueError``."""
    out = []
    for g in golds:
        if g.split != "tune":
            raise ValueError(f"{g.origin or g.key}: a {g.split}-half gold abstract; the arm ranker trains on the "
                             "tune half only")
        record = records.get(g.key)
        if record is None:
            continue
        facts, claims = AbstractFacts(record), {c.id: c for c in record.claims}
        for f in g.findings:
            j = judge(f, record, record.text)
            if not j.found or j.claim not in claims:
                continue
            claim = claims[j.claim]
            cands = candidates(facts, claim)
            i_arm = arm_aliases(f.intervention, record)
            c_arm = arm_aliases(f.comparator, record) if f.comparator is not None else []
            out.append(Example(g.key, f, claim, cands, [int(entity_names(c.entity, i_arm, c_arm)) for c in cands],
                               [int(bool(c_arm) and entity_names(c.entity, c_arm, i_arm)) for c in cands],
                               single=f.comparator is None, weight=weight))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 25, sw: np.ndarray | None = None) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (the bias is penalised too, lightly); ``sw``:
    a weight per row (default 1)."""
    sw = np.ones(len(y)) if sw is None else sw
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 1e-3
    for _ in range(steps):
        p = logistic(x @ w)
        grad = x.T @ (sw * (p - y)) + reg * w
        hess = (x * (sw * p * (1 - p))[:, None]).T @ x + np.diag(reg)
        w -= np.linalg.solve(hess, grad)
    return w


def _matrix(exs: list[Example], slot: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs = [c.x for e in exs for c in e.cands]
    ys = [y for e in exs for y in (e.y_i if slot == "i" else e.y_c)]
    sw = [e.weight for e in exs for _ in e.cands]
    return np.array(xs, dtype=float), np.array(ys, dtype=float), np.array(sw, dtype=float)


def _right(ids: list[str], ex: Example, slot: str) -> bool:
    if slot == "c" and ex.single:
        return not ids
    lab = dict(zip((c.entity.id for c in ex.cands), ex.y_i if slot == "i" else ex.y_c))
    return bool(ids) and all(lab.get(i, 0) for i in ids)


def score(ranker: ArmRanker | None, exs: list[Example]) -> dict[str, float]:
    """How often the intervention (comparator) slot names the prompt's intervention (comparator): the rules'
    choice and the ranker's, on the same examples; ``reachable``: some candidate names it."""
    n = len(exs) or 1
    out = {"examples": len(exs)}
    got = [ranker.choose(e.cands, e.claim) if ranker else (e.claim.intervention, e.claim.comparator) for e in exs]
    for k, slot in ((0, "i"), (1, "c")):
        out[f"rules_{slot}"] = round(sum(_right(getattr(e.claim, "intervention" if k == 0 else "comparator"), e, slot)
                                         for e in exs) / n, 4)
        out[f"ranker_{slot}"] = round(sum(_right(g[k], e, slot) for g, e in zip(got, exs)) / n, 4)
        out[f"reachable_{slot}"] = round(sum(any(e.y_i if slot == "i" else e.y_c) or (slot == "c" and e.single)
                                             for e in exs) / n, 4)
    out["both_rules"] = round(sum(_right(e.claim.intervention, e, "i") and _right(e.claim.comparator, e, "c")
                                  for e in exs) / n, 4)
    out["both_ranker"] = round(sum(_right(g[0], e, "i") and _right(g[1], e, "c") for g, e in zip(got, exs)) / n, 4)
    out["changed"] = sum(1 for g, e in zip(got, exs) if (g[0], g[1]) != (e.claim.intervention, e.claim.comparator))
    return out


def fit_both(exs: list[Example], l2: float) -> tuple[list[float], list[float]]:
    """The weights of both slots fitted on ``exs``."""
    (xi, yi, si), (xc, yc, sc) = _matrix(exs, "i"), _matrix(exs, "c")
    return fit(xi, yi, l2=l2, sw=si).tolist(), fit(xc, yc, l2=l2, sw=sc).tolist()


def train(exs: list[Example], l2s: tuple[float, ...] = L2S, fill_c: bool = False,
          margins_c: tuple[float, ...] = MARGINS, keeps_c: tuple[float, ...] = KEEPS) -> tuple[ArmRanker, float]:
    """Fit both slots on ``exs`` for each L2 strength: (the ranker, its L2 strength). The strength and margins
    kept are the ones that do best on ``exs`` themselves (both slots right, then each slot, then the larger
    margins). ``margins_c``: the comparator margins tried (``(1.0,)``: the comparator is never replaced);
    ``keeps_c``: the comparator keep thresholds tried (``(0.5,)``: the rules' comparator mentions of P 0.5 or more
    stay, two mentions of one arm included)."""
    best = None
    for l2 in l2s:
        w_i, w_c = fit_both(exs, l2)
        for mi, mc, ki, kc in product(MARGINS, margins_c, KEEPS, keeps_c):
            ranker = ArmRanker(w_i, w_c, mi, mc, fill_c=fill_c, keep_i=ki, keep_c=kc)
            s = score(ranker, exs)
            key = (s["both_ranker"], s["ranker_i"] + s["ranker_c"], mi + mc - ki - kc)
            if best is None or key > best[0]:
                best = (key, ranker, l2)
    return best[1], best[2]  # (the L2 strength apart: a compiled ArmRanker takes no attribute it does not declare)


def load_records(path: Path | None, pmcids: list[str]) -> dict[str, Record]:
    """The pipeline's records of the train abstracts: read from ``path`` (JSONL of Records) or made now."""
    if path is not None:
        with open(path, encoding="utf-8") as fh:
            recs = [Record.model_validate_json(line) for line in fh if line.strip()]
        return {r.id: r for r in recs if r.id in set(pmcids)}
    ex = Extractor.load(None)
    return {p: ex.document(load_document("evidence-inference", p)) for p in pmcids}


def tune_gold(skip_ids: Path | None = None) -> list[GoldAbstract]:
    """The findings gold's tune half (the report half is never read for training), less the abstracts listed in
    ``skip_ids`` (the held-out check of the tune half, ``models/claimex-confidence/calibration_ids.txt``)."""
    golds = select_gold(load_gold(), "tune", None, skip_ids)
    assert golds and all(g.split == "tune" for g in golds)
    return golds


def load_gold_records(path: Path | None, golds: list[GoldAbstract]) -> dict[str, Record]:
    """The pipeline's records of the gold abstracts by gold key: from ``path`` (JSONL of Records, matched by
    id and text sha1) or made now."""
    if path is not None:
        with open(path, encoding="utf-8") as fh:
            recs = [Record.model_validate_json(line) for line in fh if line.strip()]
        by = {(r.id, text_sha1(r.text)): r for r in recs}
        return {g.key: by[(g.id, g.text_sha1)] for g in golds if (g.id, g.text_sha1) in by}
    ex = Extractor.load(None)
    return {g.key: ex.document(load_document(g.source, g.id)) for g in golds}


def _fit_settings(fit_part: list[Example], args: argparse.Namespace) -> tuple[ArmRanker, float]:
    return train(fit_part, fill_c=args.fill_c, margins_c=MARGINS if args.margin_c is None else (args.margin_c,),
                 keeps_c=KEEPS if args.keep_c is None else (args.keep_c,))


def _held_key(s: dict[str, float]) -> tuple[float, float]:
    return s["both_ranker"], s["ranker_i"] + s["ranker_c"]


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m claimex.train.arms", description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="model folder (weights.json, metrics.json)")
    ap.add_argument("--records", type=Path, default=None, help="JSONL of the pipeline's records of the EI train "
                    "abstracts (default: run the pipeline)")
    ap.add_argument("--fill-c", action="store_true", help="also fill comparator slots the rules left empty")
    ap.add_argument("--margin-c", type=float, default=None, help="fix the comparator margin (1.0: the "
                    "comparator is never replaced; default: chosen on the fitting part)")
    ap.add_argument("--keep-c", type=float, default=None, help="fix the comparator keep threshold (0.5: the "
                    "rules' comparator mentions of P 0.5 or more stay; default: chosen on the fitting part)")
    ap.add_argument("--gold-tune", action="store_true", help="also train on the findings gold's tune half")
    ap.add_argument("--gold-records", type=Path, default=None, help="JSONL of the pipeline's records of the "
                    "tune abstracts (default: run the pipeline)")
    ap.add_argument("--gold-skip-ids", type=Path, default=None, help="leave these tune abstracts out of the "
                    "gold source (one key per line: the tune half's held-out check, never trained on)")
    ap.add_argument("--gold-weight", type=float, default=None, help="fix the weight of a tune example "
                    f"(default: chosen among {GOLD_WEIGHTS} on the held-out EI part)")
    argv = sys.argv[1:] if argv is None else argv
    args = ap.parse_args(argv)
    t0 = time.time()
    prompts = load_prompts(split="train")
    records = rule_records(load_records(args.records, sorted({p.pmcid for p in prompts})))
    exs = examples(records, prompts)
    fit_part = [e for e in exs if not held_out(e.pmcid)]
    dev = [e for e in exs if held_out(e.pmcid)]
    gold: list[Example] = []
    metrics: dict = {"prompts": len(prompts), "examples": len(exs), "fit": len(fit_part), "held_out": len(dev)}
    if args.gold_tune:
        golds = tune_gold(args.gold_skip_ids)
        gold = gold_examples(rule_records(load_gold_records(args.gold_records, golds)), golds)
        tried = {}
        for w in GOLD_WEIGHTS if args.gold_weight is None else (args.gold_weight,):
            for e in gold:
                e.weight = w
            ranker, l2 = _fit_settings(fit_part + gold, args)
            tried[w] = (score(ranker, dev), ranker, l2)
        weight = max(tried, key=lambda w: (_held_key(tried[w][0]), -abs(w - 1.0)))
        for e in gold:
            e.weight = weight
        ranker, l2 = tried[weight][1:]
        metrics["gold_tune"] = {"abstracts": len(golds), "findings": sum(len(g.findings) for g in golds),
                                "examples": len(gold), "single_arm": sum(e.single for e in gold), "weight": weight,
                                "held_out_by_weight": {str(w): s for w, (s, _, _) in tried.items()}}
    else:
        ranker, l2 = _fit_settings(fit_part, args)
    metrics.update({"margin_i": ranker.margin_i, "margin_c": ranker.margin_c, "keep_i": ranker.keep_i,
                    "keep_c": ranker.keep_c, "l2": l2, "fill_c": args.fill_c,
                    "held_out_scores": score(ranker, dev), "fit_scores": score(ranker, fit_part)})
    if gold:
        metrics["gold_fit_scores"] = score(ranker, gold)  # training data: not a held-out figure
    final = ArmRanker(*fit_both(exs + gold, l2), ranker.margin_i, ranker.margin_c, fill_c=args.fill_c,
                      keep_i=ranker.keep_i, keep_c=ranker.keep_c)
    metrics["all_scores"] = score(final, exs)
    if gold:
        metrics["gold_all_scores"] = score(final, gold)
    metrics["seconds"] = round(time.time() - t0, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    data = "Evidence Inference 2.0 train prompts (evidence in abstract)"
    if gold:
        data += " + findings gold tune half"
    final.save(args.out / "weights.json", data=data, l2=l2,
               command="python -m claimex.train.arms " + " ".join(argv))
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    print(json.dumps(metrics, indent=1))
    return metrics


if __name__ == "__main__":
    main()
