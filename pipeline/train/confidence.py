"""Train the per-field claim confidence (``models/claimex-confidence``, :mod:`claimex.assemble.claims.confidence`).

Data: the findings gold's **tune** halves only (``corpora/gold/findings``, ``split == "tune"``; a report-half
abstract raises). Each abstract goes through the shipped pipeline (or ``--records``); per gold finding the
claim the findings scorer judges (:func:`claimex.evaluate.findings_match.judge`, found findings only) gives one
example: its features (:func:`~claimex.assemble.claims.confidence.features`) and, per target, whether the
scorer judged that field right (``all``: every field of the scorer, numbers included).

Method: L2-regularised logistic regression per target by Newton's method (:func:`claimex.train.arms.fit`). The
L2 strength of each target is chosen by grouped 5-fold cross-validation by abstract (folds by a hash of the gold
key) on log loss; figures reported: the pooled out-of-fold AUC, Brier and reliability per target, the
fully-right rate per ``all`` bucket, and the *out-of-sample* case: fitted on every tune abstract but the NEW
sets' (``--new``), scored on the new sets' tune half. The shipped weights are fitted on all examples.

Recalibration (``--calibrate IDS``): the claims of tune abstracts that the claim rules were tuned on are right
more often than those of unseen abstracts, so a model fitted on them is overconfident. The abstracts listed in
IDS (gold keys ``source:id``, annotated blind after the rules were written) are held out of the fit; per target,
Platt scaling (Platt 1999: a logistic regression of the outcome on the fitted model's logit) is fitted on their
out-of-sample predictions, and folded into the weights (``w <- a * w``, bias ``+ b``), so the shipped file keeps
its format.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..assemble.claims.confidence import FEATURES, TARGETS, ConfidenceModel, feature_rows
from ..corpora.findings import GoldAbstract, load_document, load_gold, read_keys
from ..corpora.split import hash_score
from ..evaluate.calibration import summary
from ..evaluate.findings_match import judge
from ..schema import Record
from .arms import fit, load_gold_records

L2S = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 5
SEED = "claimex-confidence"
NEW_SETS = ("pico-corpus", "evidence-inference-abstracts-2")


@dataclass
class Examples:
    x: np.ndarray  # examples x features
    y: np.ndarray  # examples x targets (0/1)
    groups: list[str]  # gold key of each example's abstract
    sources: list[str]


def examples(golds: list[GoldAbstract], records: dict[str, Record]) -> Examples:
    """One example per found gold finding of the tune abstracts whose record is in ``records``."""
    xs, ys, groups, sources = [], [], [], []
    for g in golds:
        if g.split != "tune":
            raise ValueError(f"{g.key}: not a tune-half abstract; confidence trains on tune halves only")
        record = records.get(g.key)
        if record is None:
            continue
        rows = {c.id: x for c, x in feature_rows(record, record.claims)}
        for f in g.findings:
            j = judge(f, record, record.text)
            if not j.found:
                continue
            xs.append(rows[j.claim])  # a judged claim is a finding/adverse_effect claim (findings_match)
            ys.append([j.fully_right if t == "all" else j.fields[t] for t in TARGETS])
            groups.append(g.key)
            sources.append(set_of(g))
    return Examples(np.array(xs, dtype=float).reshape(-1, len(FEATURES)), np.array(ys, dtype=float).reshape(-1,
                    len(TARGETS)), groups, sources)


def set_of(g: GoldAbstract) -> str:
    """The gold file's set name (``evidence-inference-abstracts-2`` shares its source with the older set)."""
    return Path(g.origin.split(":")[0]).name.removesuffix(".findings.jsonl") if g.origin else g.source


def fold_of(key: str) -> int:
    return min(int(hash_score(SEED + ":", key) * FOLDS), FOLDS - 1)


def fit_all(x: np.ndarray, y: np.ndarray, l2: dict[str, float]) -> ConfidenceModel:
    return ConfidenceModel({t: fit(x, y[:, k], l2=l2[t]).tolist() for k, t in enumerate(TARGETS)})


def out_of_fold(ex: Examples, l2: dict[str, float]) -> np.ndarray:
    """Pooled out-of-fold probabilities (grouped by abstract)."""
    folds = np.array([fold_of(k) for k in ex.groups])
    p = np.zeros_like(ex.y)
    for k in range(FOLDS):
        test = folds == k
        if test.any() and (~test).any():
            p[test] = fit_all(ex.x[~test], ex.y[~test], l2).predict(ex.x[test])
    return p


def _log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def choose_l2(ex: Examples) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Per target, the L2 strength of least grouped-CV log loss; and the losses tried."""
    tried = {l2: out_of_fold(ex, {t: l2 for t in TARGETS}) for l2 in L2S}
    losses = {t: {str(l2): round(_log_loss(p[:, k], ex.y[:, k]), 4) for l2, p in tried.items()}
              for k, t in enumerate(TARGETS)}
    return {t: float(min(losses[t], key=losses[t].get)) for t in TARGETS}, losses


def report(p: np.ndarray, y: np.ndarray) -> dict[str, dict]:
    return {t: summary(p[:, k], y[:, k]) for k, t in enumerate(TARGETS)}


def subset(ex: Examples, mask: np.ndarray) -> Examples:
    idx = np.flatnonzero(mask)
    return Examples(ex.x[idx], ex.y[idx], [ex.groups[i] for i in idx], [ex.sources[i] for i in idx])


def platt(p: np.ndarray, y: np.ndarray, l2: float = 1.0) -> tuple[float, float]:
    """Platt scaling of probabilities ``p`` against outcomes ``y``: (a, b) of ``sigmoid(a * logit(p) + b)``,
    by :func:`claimex.train.arms.fit` (L2 on the slope, pulling it towards 0 = the base rate)."""
    z = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1 - 1e-6))
    b, a = fit(np.column_stack([np.ones_like(z), z]), y, l2=l2)
    return float(a), float(b)


def recalibrated(model: ConfidenceModel, scaling: dict[str, tuple[float, float]]) -> ConfidenceModel:
    """``model`` with each target's Platt scaling folded into its weights (the bias is feature 0)."""
    w = {}
    for k, t in enumerate(TARGETS):
        a, b = scaling[t]
        row = model.w[k] * a
        row[FEATURES.index("bias")] += b
        w[t] = row.tolist()
    return ConfidenceModel(w)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m claimex.train.confidence", description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="model folder (weights.json, metrics.json)")
    ap.add_argument("--gold", type=Path, nargs="*", default=None,
                    help="gold files or folders (default: corpora/gold/findings); tune halves only are read")
    ap.add_argument("--records", type=Path, default=None, help="JSONL of the pipeline's records of the tune "
                    "abstracts (default: run the pipeline)")
    ap.add_argument("--calibrate", type=Path, default=None, help="file of gold keys (source:id) of tune abstracts "
                    "annotated blind: held out of the fit, Platt-scaling each target on them")
    argv = sys.argv[1:] if argv is None else argv
    args = ap.parse_args(argv)
    t0 = time.time()
    golds = [g for path in (args.gold or [None]) for g in load_gold(path) if g.split == "tune"]
    for g in golds:  # the text must be rebuildable from ../shared (as the scorer needs)
        load_document(g.source, g.id)
    every = examples(golds, load_gold_records(args.records, golds))
    held_keys = read_keys(args.calibrate) if args.calibrate else set()
    unknown = held_keys - {g.key for g in golds}
    if unknown:
        raise SystemExit(f"{args.calibrate}: not tune abstracts of the gold: {sorted(unknown)[:5]}")
    held_mask = np.array([k in held_keys for k in every.groups], dtype=bool)
    ex = subset(every, ~held_mask)
    if not len(ex.y):
        raise SystemExit("no found gold findings: nothing to train on")
    l2, losses = choose_l2(ex)
    metrics: dict = {"abstracts": len(set(ex.groups)), "examples": int(len(ex.y)), "features": len(FEATURES),
                     "l2": l2, "cv_log_loss": losses, "cv": report(out_of_fold(ex, l2), ex.y)}
    new = np.array([s in NEW_SETS for s in ex.sources])
    if new.any() and (~new).any():
        held = fit_all(ex.x[~new], ex.y[~new], l2)
        metrics["new_tune_out_of_sample"] = {"train_examples": int((~new).sum()), "test_examples": int(new.sum()),
                                             **report(held.predict(ex.x[new]), ex.y[new])}
    final = fit_all(ex.x, ex.y, l2)
    scaling = None
    if held_mask.any():
        cal = subset(every, held_mask)
        before = final.predict(cal.x)
        scaling = {t: platt(before[:, k], cal.y[:, k]) for k, t in enumerate(TARGETS)}
        final = recalibrated(final, scaling)
        metrics["calibration"] = {"abstracts": len(set(cal.groups)), "examples": int(len(cal.y)),
                                  "platt": {t: [round(a, 4), round(b, 4)] for t, (a, b) in scaling.items()},
                                  "before": report(before, cal.y), "after_in_sample": report(final.predict(cal.x),
                                                                                             cal.y)}
    metrics["seconds"] = round(time.time() - t0, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    data = "findings gold tune halves (corpora/gold/findings, split tune)"
    if scaling:
        data += f"; Platt-scaled on the {metrics['calibration']['abstracts']} abstracts of {args.calibrate} (held out)"
    final.save(args.out / "weights.json", data=data,
               l2=l2, command="python -m claimex.train.confidence " + " ".join(argv),
               **({"platt": {t: [round(a, 4), round(b, 4)] for t, (a, b) in scaling.items()}} if scaling else {}))
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in metrics.items() if k != "cv_log_loss"}, indent=1))
    return metrics


if __name__ == "__main__":
    main()
