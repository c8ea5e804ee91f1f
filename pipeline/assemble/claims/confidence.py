"""Per-field confidence of finding/adverse_effect claims (``models/claimex-confidence``): one logistic
regression per field (intervention, comparator, outcome, direction, significance, and ``all`` = every field
of the findings scorer right), trained on the findings gold's tune halves (:mod:`claimex.train.confidence`).

Computed AFTER a claim is assembled, from the claim and its record only (no assembler internals, no spaCy;
text, offsets and ids; one numpy dot product per field). Features (:func:`features`):

* **intervention**: none; every mention inside the sentence; inherited from an earlier sentence
  (``Claim.inherited``); resolved from a label or set aside by the arm ranker (``Claim.arm_mentions``); several
  mentions (mixed); a bare label ("the treatment group"); control-worded (a control in the intervention slot);
* **comparator**: empty; in the sentence; carried from an earlier sentence; control-worded; bare label; several;
* **the sentence**: finding claims in it (1, 2, 3+); its length; its zone (RESULTS / CONCLUSIONS / another
  heading / unheaded) and place in the abstract; the abstract's design (controlled or not,
  :func:`.sides.controlled_design`);
* **the claim**: outcome count and length in words; p-value present; measures; arm values (linked to an arm or
  not); direction kind (comparison up/down, no difference, single-arm, none); significance stated true / false;
  hedged; negated; adverse effect.

Output: :class:`claimex.schema.ClaimConfidence` (the logistic outputs, 3 decimals) on ``Claim.confidence``: a
ranking of what to re-read, not calibrated probabilities on held-out abstracts (the model card). Without the
weights file no confidence is set (``Claim.confidence`` stays None).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np

from ... import paths
from ...schema import Claim, ClaimConfidence, Record
from .control import control_worded
from .labels import is_bare_label
from .sides import controlled_design
from .weights import load_once, logistic

MODEL_NAME = "claimex-confidence"
TARGETS = tuple(ClaimConfidence.model_fields)  # intervention, comparator, outcome, direction, significance, all
SCORED = ("finding", "adverse_effect")
FEATURES = (
    "bias",
    "i_none", "i_in_sentence", "i_inherited", "i_resolved", "i_mixed", "i_bare", "i_control",
    "c_none", "c_in_sentence", "c_carried", "c_control", "c_bare", "c_mixed",
    "claims_2", "claims_3", "sentence_words",
    "zone_results", "zone_conclusions", "zone_other", "position", "controlled",
    "outcomes_2", "outcomes_3", "outcome_words", "p_value", "measures", "arm_values", "arm_values_unlinked",
    "dir_compared", "dir_no_difference", "dir_single", "significant", "not_significant",
    "hedged", "negated", "adverse",
)
_WORD = re.compile(r"[A-Za-z0-9]+")
_RESULTS = re.compile(r"RESULT|FINDING", re.IGNORECASE)
_CONCLUSIONS = re.compile(r"CONCLU|INTERPRETATION|DISCUSSION", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _words(text: str) -> int:
    """Letter/digit runs of a text (cached: a sentence's claims and an arm's mentions repeat the same texts)."""
    return len(_WORD.findall(text))


@lru_cache(maxsize=1024)
def _zone(section: str) -> tuple[bool, bool, bool]:
    """(RESULTS, CONCLUSIONS, another heading) of a sentence's section label."""
    r, c = bool(_RESULTS.search(section)), bool(_CONCLUSIONS.search(section))
    return r, c, bool(section) and not r and not c


def features(claim: Claim, record: Record, claims_here: int = 1, controlled: bool | None = None,
             ents: dict | None = None) -> list[float]:
    """The feature vector of one claim (:data:`FEATURES`); ``claims_here``: finding/adverse_effect claims of its
    sentence; ``controlled``: the abstract's design (computed when None); ``ents``: the record's entities by id
    (made when None)."""
    ents = {e.id: e for e in record.entities} if ents is None else ents
    sent = record.sentences[claim.sentence] if claim.sentence < len(record.sentences) else None
    s0, s1 = (claim.start, claim.end) if claim.start is not None else ((sent.start, sent.end) if sent else (0, 0))
    inherited = set(claim.inherited)

    def inside(i: str) -> bool:
        e = ents.get(i)
        return e is not None and s0 <= e.start and e.end <= s1 and i not in inherited

    def text(i: str) -> str:
        e = ents.get(i)
        return (e.expanded or e.text) if e is not None else ""

    iv, cv = claim.intervention, claim.comparator
    section = (sent.section or "") if sent else ""
    zone_r, zone_c, zone_o = _zone(section)
    outcome_words = sum(_words(text(i)) for i in claim.outcome)
    d = claim.direction
    if controlled is None:
        controlled = controlled_design(record.text)
    x = [
        1.0,
        not iv, bool(iv) and all(inside(i) for i in iv), any(i in inherited for i in iv), bool(claim.arm_mentions),
        len(iv) > 1, bool(iv) and all(is_bare_label(text(i)) for i in iv),
        bool(iv) and any(control_worded(text(i)) for i in iv),
        not cv, bool(cv) and all(inside(i) for i in cv), any(i in inherited for i in cv),
        bool(cv) and any(control_worded(text(i)) for i in cv), bool(cv) and all(is_bare_label(text(i)) for i in cv),
        len(cv) > 1,
        claims_here == 2, claims_here >= 3, math.log1p(_words(claim.text)) / 4,
        zone_r, zone_c, zone_o,
        claim.sentence / max(len(record.sentences) - 1, 1), bool(controlled),
        len(claim.outcome) == 2, len(claim.outcome) >= 3, math.log1p(outcome_words) / 3,
        claim.p_value is not None, min(len(claim.measures), 4) / 4, min(len(claim.arms), 4) / 4,
        sum(a.arm is None for a in claim.arms) > 0,
        d in ("increase", "decrease"), d == "no_difference", d in ("positive", "negative"),
        claim.significant is True, claim.significant is False,
        claim.hedged, claim.negated, claim.type == "adverse_effect",
    ]
    return [float(v) for v in x]


class ConfidenceModel:
    """Logistic weights per target over :data:`FEATURES` (``weights.json``: ``features``, ``weights``)."""

    def __init__(self, weights: dict[str, list[float]], feature_names: tuple[str, ...] | list[str] = FEATURES):
        if tuple(feature_names) != FEATURES:
            raise ValueError(f"confidence weights are for features {list(feature_names)}, not {list(FEATURES)}")
        missing = [t for t in TARGETS if t not in weights]
        if missing:
            raise ValueError(f"confidence weights lack targets {missing}")
        self.w = np.array([weights[t] for t in TARGETS], dtype=float)  # targets x features

    @classmethod
    def load(cls, path: Path) -> "ConfidenceModel":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["weights"], data["features"])

    def save(self, path: Path, **meta) -> None:
        data = {"features": list(FEATURES), "weights": {t: [round(v, 6) for v in row] for t, row in
                                                          zip(TARGETS, self.w.tolist())}, **meta}
        Path(path).write_text(json.dumps(data, indent=1), encoding="utf-8")

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Probabilities, rows = claims, columns = :data:`TARGETS`."""
        return logistic(np.atleast_2d(x) @ self.w.T)

    def score(self, record: Record, claims: list[Claim]) -> list[Claim]:
        """Set ``confidence`` on the finding/adverse_effect claims of ``record`` (in place); returns ``claims``."""
        rows = feature_rows(record, claims)
        if rows:
            probs = self.predict(np.array([x for _, x in rows]))
            for (c, _), p in zip(rows, probs):
                c.confidence = ClaimConfidence(**{t: round(float(v), 3) for t, v in zip(TARGETS, p)})
        return claims


def feature_rows(record: Record, claims: list[Claim]) -> list[tuple[Claim, list[float]]]:
    """(claim, :func:`features`) of each finding/adverse_effect claim among ``claims`` of ``record``: what the
    model scores and what its trainer (:mod:`claimex.train.confidence`) learns from."""
    scored = [c for c in claims if c.type in SCORED]
    if not scored:
        return []
    per_sentence = Counter(c.sentence for c in scored)
    controlled = controlled_design(record.text)
    ents = {e.id: e for e in record.entities}
    return [(c, features(c, record, per_sentence[c.sentence], controlled, ents)) for c in scored]


_MODELS: dict[str, ConfidenceModel | None] = {}


def default_confidence_path() -> Path:
    """The shipped weights, :func:`claimex.paths.weights_path` of ``claimex-confidence`` (checkout or installed
    wheel)."""
    return paths.weights_path(MODEL_NAME)


def load_confidence(path: Path | None) -> ConfidenceModel | None:
    """The model whose weights are ``path`` (a ``weights.json`` or its folder), loaded once; None (no confidence)
    when absent."""
    return load_once(_MODELS, path, ConfidenceModel.load, "confidence weights (claims get no confidence)")
