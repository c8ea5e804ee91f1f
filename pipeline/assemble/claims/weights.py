"""Weights files of the claims layer's small models (the arm ranker, the trial-arm check, the claim confidence), each
loaded once per path; a missing file gives None, and the claims then do without the model. Also the logistic
function all of them (and their trainers) apply to their linear scores."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np

log = logging.getLogger(__name__)
_M = TypeVar("_M")


def load_once(cache: dict[str, _M | None], path: Path | str | None, load: Callable[[Path], _M],
              missing: str) -> _M | None:
    """``load(path)`` once per path (a ``weights.json`` or its folder) kept in ``cache``; None when ``path`` is None
    or the file is absent (``missing`` is logged at debug level)."""
    if path is None:
        return None
    path = Path(path)
    if path.is_dir():
        path = path / "weights.json"
    key = str(path)
    if key not in cache:
        if path.exists():
            cache[key] = load(path)
        else:
            log.debug("%s not found at %s", missing, path)
            cache[key] = None
    return cache[key]


def logistic(z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-z)), ``z`` clipped to [-30, 30] (no overflow; probabilities within 1e-13 of 0 and 1). The clip is
    written as the two ufuncs ``np.clip`` is defined by (``minimum(maximum(z, -30), 30)``: the same values, NaN kept),
    without ``np.clip``'s Python-level dispatch (~340 calls a pass over 100 abstracts; session 24)."""
    return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30.0), 30.0)))
