"""Multinomial logistic regression over hashed span features, one softmax per coarse label.

The weight table ``W`` has a row per hash bucket and a column per (label, subtype) class; a span
of label L is scored only on L's columns. COMPARATOR has a single subtype (``Control``), given
without scoring. Training is mini-batch AdaGrad with L2 on the rows a batch touches (numpy only,
deterministic for a seed). Saved as ``weights.npy`` (float16, 2 MiB at 16 bits) + ``cfg.json``;
no pickle.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy
import srsly

from ..entities import SUBTYPES
from .features import FEATURES_VERSION, SpanFeatures

log = logging.getLogger(__name__)

FIXED = {label: subs[0] for label, subs in SUBTYPES.items() if len(subs) == 1}  # COMPARATOR -> Control
CLASSES: tuple[tuple[str, str], ...] = tuple((label, sub) for label, subs in SUBTYPES.items() if label not in FIXED
                                             for sub in subs)


class SubtypeModel:
    def __init__(self, bits: int = 16, weights: numpy.ndarray | None = None,
                 classes: Sequence[tuple[str, str]] = CLASSES, meta: dict[str, Any] | None = None) -> None:
        self.bits = bits
        self.classes = [tuple(c) for c in classes]
        self.W = weights if weights is not None else numpy.zeros((1 << bits, len(self.classes)), dtype=numpy.float32)
        self.meta = dict(meta or {})
        self.columns: dict[str, numpy.ndarray] = {}
        for k, (label, _sub) in enumerate(self.classes):
            self.columns.setdefault(label, [])
            self.columns[label].append(k)
        self.columns = {k: numpy.array(v, dtype=numpy.int64) for k, v in self.columns.items()}
        self.mask = {label: numpy.isin(numpy.arange(len(self.classes)), cols) for label, cols in self.columns.items()}
        self._label_ids = {label: k for k, label in enumerate(self.mask)}
        # one mask row per label, plus an all-True last row (index -1) for fixed and unknown labels
        self._masks = numpy.vstack([*self.mask.values(), numpy.ones(len(self.classes), dtype=bool)])
        self._names = numpy.array([sub for _label, sub in self.classes], dtype=object)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.columns)

    # -- inference ----------------------------------------------------------------------------------
    def logits(self, feats: SpanFeatures) -> numpy.ndarray:
        """Summed weights of each span's feature rows: (n_spans, n_classes)."""
        W = self.W
        if not len(feats.span_rows):
            return numpy.zeros((0, len(self.classes)), dtype=W.dtype)
        z = W[feats.span_rows].sum(axis=1)
        z += numpy.add.reduceat(W[feats.token_rows].sum(axis=1), feats.bounds, axis=0)
        return z

    def predict(self, logits: numpy.ndarray, labels: Sequence[str]) -> tuple[list[str | None], list[float | None]]:
        """Best subtype of each span's label and its probability (rounded to 4 places); the fixed
        subtype with probability 1.0 for COMPARATOR, None for an unknown label."""
        rows = [self._label_ids.get(label, -1) for label in labels]
        if not rows:
            return [], []
        z = numpy.where(self._masks[rows], logits, -numpy.inf)
        z -= z.max(axis=1, keepdims=True)
        p = numpy.exp(z)
        best = p.argmax(axis=1)
        conf = numpy.round((p[numpy.arange(len(rows)), best] / p.sum(axis=1)).astype(numpy.float64), 4).tolist()
        subs = self._names[best].tolist()
        for k, r in enumerate(rows):
            if r < 0:
                fixed = FIXED.get(labels[k])
                subs[k], conf[k] = (fixed, 1.0) if fixed is not None else (None, None)
        return subs, conf

    # -- training -----------------------------------------------------------------------------------
    def fit(self, rows: numpy.ndarray, offsets: numpy.ndarray, labels: Sequence[str], targets: Sequence[str],
            epochs: int = 8, learn_rate: float = 0.2, l2: float = 1e-5, batch_size: int = 64,
            seed: int = 0) -> SubtypeModel:
        """Train on examples ``k`` with feature rows ``rows[offsets[k]:offsets[k+1]]``, coarse label
        ``labels[k]`` and subtype ``targets[k]`` (examples of a fixed or unknown class are skipped)."""
        if len(rows) and int(rows.max()) >= 1 << self.bits:
            raise ValueError(f"feature rows up to {int(rows.max())} for a {self.bits}-bit table: featurize with "
                             f"bits={self.bits}")
        index = {c: k for k, c in enumerate(self.classes)}
        keep = [k for k, (lab, sub) in enumerate(zip(labels, targets)) if (lab, sub) in index]
        y = numpy.array([index[(labels[k], targets[k])] for k in keep], dtype=numpy.int64)
        mask = numpy.stack([self.mask[labels[k]] for k in keep]) if keep else numpy.zeros((0, len(self.classes)), bool)
        starts, ends = offsets[:-1][keep], offsets[1:][keep]
        W = self.W = numpy.zeros((1 << self.bits, len(self.classes)), dtype=numpy.float32)
        H = numpy.full_like(W, 1e-8)
        rng = numpy.random.RandomState(seed)
        n = len(keep)
        for epoch in range(epochs):
            order = rng.permutation(n)
            loss = 0.0
            for b in range(0, n, batch_size):
                batch = order[b:b + batch_size]
                lens = ends[batch] - starts[batch]
                r = numpy.concatenate([rows[s:e] for s, e in zip(starts[batch], ends[batch])])
                owner = numpy.repeat(numpy.arange(len(batch)), lens)
                z = numpy.add.reduceat(W[r], numpy.cumsum(lens) - lens, axis=0)
                z = numpy.where(mask[batch], z, -numpy.inf)
                z -= z.max(axis=1, keepdims=True)
                p = numpy.exp(z)
                p /= p.sum(axis=1, keepdims=True)
                loss -= float(numpy.log(p[numpy.arange(len(batch)), y[batch]] + 1e-12).sum())
                d = p
                d[numpy.arange(len(batch)), y[batch]] -= 1.0
                uniq, inv = numpy.unique(r, return_inverse=True)
                g = numpy.zeros((len(uniq), W.shape[1]), dtype=numpy.float32)
                numpy.add.at(g, inv, d[owner])
                g += l2 * W[uniq]
                H[uniq] += g * g
                W[uniq] -= learn_rate * g / numpy.sqrt(H[uniq])
            log.info("subtypes epoch %d: loss %.4f", epoch + 1, loss / max(n, 1))
        self.meta.update({"epochs": epochs, "learn_rate": learn_rate, "l2": l2, "batch_size": batch_size,
                          "seed": seed, "train_examples": n})
        return self

    # -- serialization: weights.npy (float16) + cfg.json --------------------------------------------
    def to_cfg(self) -> dict[str, Any]:
        return {"bits": self.bits, "classes": [list(c) for c in self.classes], "features_version": FEATURES_VERSION,
                "meta": self.meta}

    @classmethod
    def from_cfg(cls, cfg: dict[str, Any], weights: numpy.ndarray, where: str = "") -> SubtypeModel:
        if cfg.get("features_version") != FEATURES_VERSION:
            raise ValueError(f"{where}: subtype features version {cfg.get('features_version')}, this code has "
                             f"{FEATURES_VERSION}; retrain with `claimex train subtypes`")
        return cls(bits=int(cfg["bits"]), weights=weights.astype(numpy.float32),
                   classes=[tuple(c) for c in cfg["classes"]], meta=cfg.get("meta"))

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        numpy.save(buf, self.W.astype(numpy.float16), allow_pickle=False)
        return srsly.msgpack_dumps({"weights": buf.getvalue(), "cfg": json.dumps(self.to_cfg())})

    @classmethod
    def from_bytes(cls, data: bytes) -> SubtypeModel:
        msg = srsly.msgpack_loads(data)
        weights = numpy.load(io.BytesIO(msg["weights"]), allow_pickle=False)
        return cls.from_cfg(json.loads(msg["cfg"]), weights, "bytes")

    def to_disk(self, path: Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        numpy.save(path / "weights.npy", self.W.astype(numpy.float16), allow_pickle=False)
        (path / "cfg.json").write_text(json.dumps(self.to_cfg(), indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> SubtypeModel:
        path = Path(path)
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        return cls.from_cfg(cfg, numpy.load(path / "weights.npy", allow_pickle=False), str(path))
