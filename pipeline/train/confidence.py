"""Train the per-field claim confidence (``models/claimex-confidence``, :mod:`claimex.assemble.claims.confidence`).

Data: the findings gold's **tune** halves only (``corpora/gold/findings``, ``split == "tune"``; a report-half
abstract raises). Each abstract goes through the shipped pipeline (or ``--records``); per gold finding the
claim the findings scorer judges (:func:`claimex.evaluate.findings_match.judge`, found findings only) gives one
example: its features (:func:`~claimex.assemble.claims.confidence.features`, with the shipped arm ranker) and, per
target, whether the scorer judged that field right (``all``: every field of the scorer, numbers included).

Method (session 26): L2-regularised logistic regression per target by Newton's method
(:func:`claimex.train.arms.fit`) on **every** tune abstract. Grouped 10-fold cross-validation by abstract (folds by
a hash of the gold key) gives each example an out-of-fold logit; per target the L2 strength is the one of least
log loss of those logits after a Platt scaling cross-fitted on the other folds, or the base rate alone (bias only)
when no strength beats the out-of-fold base rate by a standard error (:func:`beats`). The shipped weights are the
fit on all examples with a Platt scaling (Platt 1999: a logistic regression of the outcome on the logit) folded in
(``w <- a * w``, bias ``+ b``), fitted on out-of-fold logits, so on abstracts the fit never saw. ``--calibrate IDS``:
the scaling is fitted on the out-of-fold logits of the listed abstracts only (annotated blind, after their round's
rules: their claims are right about as often as unseen abstracts' claims, less often than those of the abstracts
the rules were written from), which are fitted like the others. Figures reported (``metrics.json``): per target
the pooled out-of-fold AUC and Brier (``cv``: a Platt scaling cross-fitted on all abstracts; ``cv_calibrated``: on
the calibration abstracts, as shipped) against the base rate's (in sample and out of fold), on all examples and
on the calibration abstracts and the others, and for ``all`` a triage table (share fully right and share of
claims per bin and above / below each threshold). ``--baseline WEIGHTS``: the same figures for a weights file of
the first 37 features (the set shipped until session 25) scored on the same examples, and for those 37 features
refitted under the same folds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..assemble.claims.armrank import ArmRanker, default_ranker_path, load_ranker
from ..assemble.claims.confidence import FEATURES, TARGETS, ConfidenceModel, feature_rows
from ..assemble.claims.weights import logistic
from ..corpora.findings import GoldAbstract, load_document, load_gold, read_keys
from ..corpora.split import hash_score
from ..evaluate.calibration import summary
from ..evaluate.findings_match import judge
from ..schema import Record
from .arms import fit, load_gold_records

L2S = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
FOLDS = 10
SEED = "claimex-confidence"
PLATT_SEED = "claimex-confidence-platt"  # the folds of the cross-fitted Platt scaling (figures only)
OLD_FEATURES = 37  # the features shipped until session 25: FEATURES[:37]
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass
class Examples:
    x: np.ndarray  # examples x features
    y: np.ndarray  # examples x targets (0/1)
    groups: list[str]  # gold key of each example's abstract
    sources: list[str]


def examples(golds: list[GoldAbstract], records: dict[str, Record], ranker: ArmRanker | None = None) -> Examples:
    """One example per found gold finding of the tune abstracts whose record is in ``records``; ``ranker``: the
    arm ranker whose probabilities the features read (the assembler's; None: those features are 0)."""
    xs, ys, groups, sources = [], [], [], []
    for g in golds:
        if g.split != "tune":
            raise ValueError(f"{g.key}: not a tune-half abstract; confidence trains on tune halves only")
        record = records.get(g.key)
        if record is None:
            continue
        rows = {c.id: x for c, x in feature_rows(record, record.claims, ranker)}
        for f in g.findings:
            j = judge(f, record, record.text)
            if not j.found or j.claim is None:
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


def fold_of(key: str, seed: str = SEED) -> int:
    return min(int(hash_score(seed + ":", key) * FOLDS), FOLDS - 1)


def fit_all(x: np.ndarray, y: np.ndarray, l2: dict[str, float | None]) -> ConfidenceModel:
    """One logistic regression per target; a target whose L2 is None gets its base rate (bias only)."""
    return ConfidenceModel({t: fit(x, y[:, k], l2=c).tolist() if c is not None else _constant(y[:, k], x.shape[1])
                            for k, (t, c) in enumerate(zip(TARGETS, (l2[t] for t in TARGETS)))})


def _constant(y: np.ndarray, n: int) -> list[float]:
    """Weights of the base rate of ``y`` (the bias alone) over ``n`` features."""
    rate = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
    return [float(np.log(rate / (1 - rate)))] + [0.0] * (n - 1)


def oof_logits(x: np.ndarray, y: np.ndarray, groups: list[str], l2: float) -> np.ndarray:
    """Pooled out-of-fold logits of one target (grouped by abstract)."""
    folds = np.array([fold_of(k) for k in groups])
    z = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        if test.any() and (~test).any():
            z[test] = x[test] @ fit(x[~test], y[~test], l2=l2)
    return z


def platt_logits(z: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> tuple[float, float]:
    """Platt scaling of logits ``z`` against outcomes ``y``: (a, b) of ``sigmoid(a * z + b)``."""
    b, a = fit(np.column_stack([np.ones_like(z), z]), y, l2=l2)
    return float(a), float(b)


def platt(p: np.ndarray, y: np.ndarray, l2: float = 1.0) -> tuple[float, float]:
    """Platt scaling of probabilities ``p`` against outcomes ``y``: (a, b) of ``sigmoid(a * logit(p) + b)``,
    by :func:`claimex.train.arms.fit` (L2 on the slope, pulling it towards 0 = the base rate)."""
    z = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1 - 1e-6))
    return platt_logits(z, y, l2)


def cross_platt(z: np.ndarray, y: np.ndarray, groups: list[str], on: np.ndarray | None = None) -> np.ndarray:
    """Probabilities of out-of-fold logits ``z``, each fold Platt-scaled by the other folds (other fold seed);
    ``on``: fit the scaling on these examples of the other folds only."""
    folds = np.array([fold_of(k, PLATT_SEED) for k in groups])
    on = np.ones(len(y), dtype=bool) if on is None else on
    p = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        fit_on = ~test & on
        if test.any() and fit_on.any():
            a, b = platt_logits(z[fit_on], y[fit_on])
            p[test] = logistic(a * z[test] + b)
    return p


def _log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def cross_validate(x: np.ndarray, ex: Examples) -> tuple[dict[str, float | None], dict[str, dict[str, float]],
                                                          np.ndarray, np.ndarray]:
    """Per target the L2 strength of least cross-validated log loss, or None (the base rate, bias only) when that
    does not beat the out-of-fold base rate by a standard error (:func:`beats`); the losses tried; the out-of-fold
    logits and cross-fitted probabilities of the choice (examples x targets)."""
    l2: dict[str, float | None] = {}
    losses: dict[str, dict[str, float]] = {}
    z = np.zeros_like(ex.y)
    p = np.zeros_like(ex.y)
    for k, t in enumerate(TARGETS):
        best = None
        losses[t] = {}
        for c in L2S:
            zk = oof_logits(x, ex.y[:, k], ex.groups, c)
            pk = cross_platt(zk, ex.y[:, k], ex.groups)
            loss = _log_loss(pk, ex.y[:, k])
            losses[t][str(c)] = round(loss, 4)
            if best is None or loss < best:
                best, l2[t], z[:, k], p[:, k] = loss, c, zk, pk
        base = base_oof(ex.y[:, k], ex.groups)
        losses[t]["base"] = round(_log_loss(base, ex.y[:, k]), 4)
        if not beats(p[:, k], base, ex.y[:, k], ex.groups):
            l2[t], p[:, k] = None, base
            z[:, k] = np.log(np.clip(base, 1e-6, 1 - 1e-6) / np.clip(1 - base, 1e-6, 1 - 1e-6))
    return l2, losses, z, p


def triage(p: np.ndarray, y: np.ndarray) -> dict[str, list[dict]]:
    """The ``all`` triage table: per threshold the share of claims at or above it and their share fully right,
    and the same below it."""
    rows = []
    for t in THRESHOLDS:
        hi = p >= t
        rows.append({"threshold": t, "share_above": round(float(hi.mean()), 3),
                     "right_above": round(float(y[hi].mean()), 3) if hi.any() else None,
                     "share_below": round(float((~hi).mean()), 3),
                     "right_below": round(float(y[~hi].mean()), 3) if (~hi).any() else None})
    return {"thresholds": rows, "bins": summary(p, y)["bins"]}


def _losses(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def beats(p: np.ndarray, base: np.ndarray, y: np.ndarray, groups: list[str]) -> bool:
    """Do probabilities ``p`` beat the out-of-fold base rate ``base`` by at least one standard error (log loss,
    the error of the mean difference from its sums per abstract: the examples of one abstract are not
    independent)? A target whose model does not ships as its base rate."""
    diff = _losses(p, y) - _losses(base, y)
    sums: dict[str, float] = {}
    for g, d in zip(groups, diff.tolist()):
        sums[g] = sums.get(g, 0.0) + d
    per = np.array(list(sums.values()))
    se = float(np.sqrt(len(per)) * per.std(ddof=1) / len(diff)) if len(per) > 1 else 0.0
    return float(diff.mean()) < -se


def base_oof(y: np.ndarray, groups: list[str], on: np.ndarray | None = None) -> np.ndarray:
    """The base rate out of fold: each example gets the rate right of the other folds (the reference a model
    cross-validated by the same folds must beat; the in-sample ``brier_base`` is a little lower); ``on``: the
    rate of these examples of the other folds."""
    folds = np.array([fold_of(k) for k in groups])
    on = np.ones(len(y), dtype=bool) if on is None else on
    p = np.zeros(len(y))
    for k in range(FOLDS):
        test = folds == k
        if test.any() and (~test & on).any():
            p[test] = y[~test & on].mean()
    return p


def _logit(rate: float) -> float:
    rate = min(max(rate, 1e-3), 1 - 1e-3)
    return float(np.log(rate / (1 - rate)))


def report(p: np.ndarray, y: np.ndarray, masks: dict[str, np.ndarray] | None = None,
           groups: list[str] | None = None, on: np.ndarray | None = None) -> dict[str, dict]:
    """Per target :func:`calibration.summary` (and per named subset of ``masks``, with its triage table),
    ``all``'s triage table; with ``groups`` also the Brier of the out-of-fold base rate (:func:`base_oof`; of the
    ``on`` examples' rate), on every example and on each subset."""
    k_all = TARGETS.index("all")
    subsets = {"": np.ones(len(y), dtype=bool), **(masks or {})}
    out: dict[str, dict] = {}
    for name, m in subsets.items():
        if not m.any():
            continue
        part: dict[str, dict] = {t: summary(p[m, k], y[m, k]) for k, t in enumerate(TARGETS)}
        if groups is not None:
            for k, t in enumerate(TARGETS):
                base = base_oof(y[:, k], groups, on)
                part[t]["brier_base_oof"] = round(float(np.mean((base[m] - y[m, k]) ** 2)), 4)
        part["triage_all"] = triage(p[m, k_all], y[m, k_all])
        if name:
            out[name] = part
        else:
            out.update(part)
    return out


def subset(ex: Examples, mask: np.ndarray) -> Examples:
    idx = np.flatnonzero(mask)
    return Examples(ex.x[idx], ex.y[idx], [ex.groups[i] for i in idx], [ex.sources[i] for i in idx])


def recalibrated(model: ConfidenceModel, scaling: dict[str, tuple[float, float]]) -> ConfidenceModel:
    """``model`` with each target's Platt scaling folded into its weights (the bias is feature 0)."""
    w = {}
    for k, t in enumerate(TARGETS):
        a, b = scaling[t]
        row = model.w[k] * a
        row[FEATURES.index("bias")] += b
        w[t] = row.tolist()
    return ConfidenceModel(w)


def baseline(path: Path, ex: Examples, masks: dict[str, np.ndarray]) -> dict:
    """The figures of weights file ``path`` over the first :data:`OLD_FEATURES` features (scored on the same
    examples) and of those features refitted under the same folds."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES[:OLD_FEATURES]:
        raise SystemExit(f"{path}: not weights over the first {OLD_FEATURES} features")
    w = np.array([data["weights"][t] for t in TARGETS], dtype=float)
    x = ex.x[:, :OLD_FEATURES]
    l2, _, _, p = cross_validate(x, ex)
    return {"weights": str(path), "scored": report(logistic(x @ w.T), ex.y, masks),
            "refit_l2": l2, "refit_cv": report(p, ex.y, masks, ex.groups)}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m claimex.train.confidence", description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="model folder (weights.json, metrics.json)")
    ap.add_argument("--gold", type=Path, nargs="*", default=None,
                    help="gold files or folders (default: corpora/gold/findings); tune halves only are read")
    ap.add_argument("--records", type=Path, default=None, help="JSONL of the pipeline's records of the tune "
                    "abstracts (default: run the pipeline)")
    ap.add_argument("--ranker", type=Path, default=None, help="arm ranker weights whose probabilities the features "
                    "read (default: the shipped claimex-arms)")
    ap.add_argument("--calibrate", type=Path, default=None, help="file of gold keys (source:id) of tune abstracts "
                    "annotated blind after their round's rules: the Platt scaling is fitted on their out-of-fold "
                    "logits only (they are fitted like the others); figures also on them and on the others")
    ap.add_argument("--baseline", type=Path, default=None, help="weights.json over the first 37 features (the "
                    "set shipped until session 25): its figures on the same examples, and those features refitted")
    argv = sys.argv[1:] if argv is None else argv
    args = ap.parse_args(argv)
    t0 = time.time()
    golds = [g for path in (args.gold or [None]) for g in load_gold(path) if g.split == "tune"]
    for g in golds:  # the text must be rebuildable from ../shared (as the scorer needs)
        load_document(g.source, g.id)
    ranker = load_ranker(args.ranker or default_ranker_path())
    ex = examples(golds, load_gold_records(args.records, golds), ranker)
    if not len(ex.y):
        raise SystemExit("no found gold findings: nothing to train on")
    masks: dict[str, np.ndarray] = {}
    blind = np.ones(len(ex.y), dtype=bool)
    if args.calibrate:
        blind_keys = read_keys(args.calibrate)
        unknown = blind_keys - {g.key for g in golds}
        if unknown:
            raise SystemExit(f"{args.calibrate}: not tune abstracts of the gold: {sorted(unknown)[:5]}")
        blind = np.array([k in blind_keys for k in ex.groups], dtype=bool)
        if not blind.any():
            raise SystemExit(f"{args.calibrate}: no found gold finding in these abstracts")
        masks = {"blind": blind, "open": ~blind}
    l2, losses, z, p = cross_validate(ex.x, ex)
    metrics: dict = {"abstracts": len(set(ex.groups)), "examples": int(len(ex.y)), "features": len(FEATURES),
                     "folds": FOLDS, "l2": l2, "cv_log_loss": losses, "cv": report(p, ex.y, masks, ex.groups)}
    # the Platt scaling of the shipped weights: fitted on the out-of-fold logits of the calibration abstracts (all
    # abstracts without --calibrate); a base-rate target moves to their rate
    scaling: dict[str, tuple[float, float]] = {}
    for k, t in enumerate(TARGETS):
        if l2[t] is not None:
            scaling[t] = platt_logits(z[blind, k], ex.y[blind, k])
        else:
            scaling[t] = (1.0, _logit(ex.y[blind, k].mean()) - _logit(ex.y[:, k].mean()))
    final = recalibrated(fit_all(ex.x, ex.y, l2), scaling)
    metrics["platt"] = {t: [round(a, 4), round(b, 4)] for t, (a, b) in scaling.items()}
    if args.calibrate:
        # the same scaling cross-fitted (each Platt fold scaled by the calibration examples of the other folds)
        p_cal = np.column_stack([cross_platt(z[:, k], ex.y[:, k], ex.groups, blind) if l2[t] is not None
                                 else base_oof(ex.y[:, k], ex.groups, blind) for k, t in enumerate(TARGETS)])
        metrics["cv_calibrated"] = {"abstracts": len({g for g, b in zip(ex.groups, blind) if b}),
                                    "examples": int(blind.sum()),
                                    **report(p_cal, ex.y, masks, ex.groups, on=blind)}
    if args.baseline:
        metrics["baseline"] = baseline(args.baseline, ex, masks)
    metrics["seconds"] = round(time.time() - t0, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    final.save(args.out / "weights.json", data="findings gold tune halves (corpora/gold/findings, split tune), "
               f"{metrics['abstracts']} abstracts; Platt-scaled on the {FOLDS}-fold out-of-fold logits of "
               + (f"the abstracts of {args.calibrate}" if args.calibrate else "all of them"),
               l2=l2, command="python -m claimex.train.confidence " + " ".join(argv), platt=metrics["platt"])
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in metrics.items() if k not in ("cv_log_loss", "baseline")}, indent=1))
    return metrics


if __name__ == "__main__":
    main()
