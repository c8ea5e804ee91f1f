"""Calibration of probabilities against right/wrong outcomes (per-field claim confidence, issue 10).

* **AUC**: the Mann-Whitney statistic (share of right/wrong pairs the probability orders right, ties half);
* **Brier**: mean squared difference between probability and outcome (0 = perfect; a constant at the base
  rate scores ``rate * (1 - rate)``);
* **reliability**: equal-width probability bins (:data:`BINS`), each with its count, mean probability and rate
  right; a calibrated model has mean probability ~ rate right in every bin.
"""

from __future__ import annotations

from typing import Any

import numpy as np

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def auc(p: np.ndarray, y: np.ndarray) -> float | None:
    """Area under the ROC curve (Mann-Whitney, ties counted half); None when one class is absent."""
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=bool)
    pos, neg = p[y], p[~y]
    if not len(pos) or not len(neg):
        return None
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    allp = np.concatenate([pos, neg])[order]
    ranks = np.empty(len(allp))
    ranks_sorted = np.arange(1, len(allp) + 1, dtype=float)
    # average ranks over ties
    _, start, counts = np.unique(allp, return_index=True, return_counts=True)
    for s, c in zip(start, counts):
        ranks_sorted[s:s + c] = s + (c + 1) / 2
    ranks[order] = ranks_sorted
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def brier(p: np.ndarray, y: np.ndarray) -> float | None:
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    return float(np.mean((p - y) ** 2)) if len(p) else None


def reliability(p: np.ndarray, y: np.ndarray, bins: tuple[float, ...] = BINS) -> list[dict[str, Any]]:
    """One row per probability bin ``[lo, hi)`` (the last one closed): count, mean probability, rate right."""
    p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
    rows = []
    for k, (lo, hi) in enumerate(zip(bins[:-1], bins[1:])):
        mask = (p >= lo) & ((p < hi) if k < len(bins) - 2 else (p <= hi))
        n = int(mask.sum())
        rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "count": n,
                     "mean_p": round(float(p[mask].mean()), 3) if n else None,
                     "rate": round(float(y[mask].mean()), 3) if n else None})
    return rows


def summary(p: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """AUC, Brier, the base rate's Brier (for reference), count, rate right and the reliability bins."""
    y = np.asarray(y, dtype=float)
    a, b = auc(p, y), brier(p, y)
    rate = float(y.mean()) if len(y) else 0.0
    return {"n": int(len(y)), "rate": round(rate, 3), "auc": None if a is None else round(a, 3),
            "brier": None if b is None else round(b, 4), "brier_base": round(rate * (1 - rate), 4),
            "bins": reliability(p, y)}


def table_rows(pairs: dict[str, tuple[list[float], list[bool]]]) -> list[dict[str, Any]]:
    """One table row per field: n, rate right, AUC, Brier (and the base rate's), then "rate right (count)" per
    confidence bin; ``pairs``: field -> (probabilities, right or not)."""
    rows = []
    for name, (p, y) in pairs.items():
        s = summary(np.array(p), np.array(y))
        row = {"name": name, "n": s["n"], "rate": s["rate"], "auc": s["auc"], "brier": s["brier"],
               "brier_base": s["brier_base"]}
        row.update({b["bin"]: f"{b['rate']:.2f} ({b['count']})" if b["count"] else "-" for b in s["bins"]})
        rows.append(row)
    return rows
