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
  hedged; negated; adverse effect;
* **the arms as the arm ranker sees them** (session 26; :mod:`.armrank`, its shipped weights, the abstract's
  :class:`~.armrank.AbstractFacts`): the ranker's P(intervention) of the claim's intervention less the best of the
  other candidates (the margin a rival mention leaves), its P(comparator) of the claim's comparator and that margin;
  the intervention's / comparator's arm named in the title; the intervention is the abstract's first arm; the
  tagger's lowest score among the intervention's / comparator's mentions; an outcome mention overlapping an arm;
* **the sentence's words**: a comparison cue ("versus", "compared", "than", "between", "relative to"); the word
  "significant"; a confidence interval or a ratio (OR / RR / HR) among the claim's measures; whether its change
  words agree with the claim's direction (:func:`_direction_words`).

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
from .armrank import AbstractFacts, ArmRanker, Candidate, candidates
from .base import sentence_views
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
    "rank_margin_i", "rank_c", "rank_margin_c", "i_title", "c_title", "i_first_arm", "tagger_i", "tagger_c",
    "o_arm_overlap", "compare_cue", "significance_word", "ci", "ratio",
    "up_and_down_words", "compared_null_words", "null_change_words", "direction_against_words", "i_after_c",
    "compared_no_words", "compared_outcomes",
)
_WORD = re.compile(r"[A-Za-z0-9]+")
_COMPARE_CUE = re.compile(r"\b(?:versus|vs\.?|compared|than|between|relative to)\b", re.IGNORECASE)
_SIGNIFICANCE_WORD = re.compile(r"\bsignifican", re.IGNORECASE)
_UP = re.compile(r"\b(?:higher|greater|more|increas\w*|improv\w*|longer|larger|better|superior|elevat\w*|rais\w*|"
                 r"gain\w*)\b", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:lower|less|fewer|reduc\w*|decreas\w*|shorter|smaller|worse|inferior|declin\w*|drop\w*|"
                   r"attenuat\w*)\b", re.IGNORECASE)
_NULL = re.compile(r"\b(?:no\s+(?:statistically\s+)?significant|not\s+(?:statistically\s+)?significant|did\s+not\s+"
                   r"differ|similar|comparable|no\s+difference|not\s+differ\w*|non-?significant|equivalent)\b",
                   re.IGNORECASE)
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


def _candidates(claim: Claim, facts: AbstractFacts | None, ranker: ArmRanker | None) -> list[Candidate]:
    """The arm ranker's candidates for the claim as it stands (its final slots as the rules' choice,
    :func:`.armrank.candidates`): its own slots' mentions and the other arm mentions of its sentence; none without
    the ranker, the abstract's arm facts or a filled slot."""
    if facts is None or ranker is None or not (claim.intervention or claim.comparator):
        return []
    here = facts.sentence(claim.start or 0, claim.end or 0)[0]
    return candidates(facts, claim, {*claim.intervention, *claim.comparator, *(e.id for e in here)})


def _ranked(claim: Claim, cands: list[Candidate], probs: list[list[float]]) -> tuple[float, float, float]:
    """The arm ranker's view of the claim's slots from its candidates ``cands`` and their probabilities ``probs``
    (:meth:`.armrank.ArmRanker.probabilities`): (P(intervention) of its intervention less the best other
    candidate's, P(comparator) of its comparator, that less the best other candidate's); zeros without
    candidates."""
    p_i = p_i_other = p_c = p_c_other = 0.0
    inter, comp = set(claim.intervention), set(claim.comparator)
    for cand, (qi, qc) in zip(cands, probs):
        i = cand.entity.id
        if i in inter:
            p_i = max(p_i, qi)
        if i in comp:
            p_c = max(p_c, qc)
        if i not in inter and i not in comp:
            p_i_other, p_c_other = max(p_i_other, qi), max(p_c_other, qc)
    return p_i - p_i_other, p_c, p_c - p_c_other


def features(claim: Claim, record: Record, claims_here: int = 1, controlled: bool | None = None,
             ents: dict | None = None, facts: AbstractFacts | None = None,
             ranker: ArmRanker | None = None, measures: dict | None = None,
             ranked: tuple[float, float, float] | None = None) -> list[float]:
    """The feature vector of one claim (:data:`FEATURES`); ``claims_here``: finding/adverse_effect claims of its
    sentence; ``controlled``: the abstract's design (computed when None); ``ents``: the record's entities by id
    (made when None); ``facts``: the abstract's arms (:class:`.armrank.AbstractFacts`; None: no arm features);
    ``ranker``: the arm ranker whose probabilities are read (None: those features are 0); ``measures``: the
    record's measures by id (made when None and needed); ``ranked``: :func:`_ranked` of the claim when the caller
    made it (:func:`feature_rows`: one matrix product per record)."""
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
    group = facts.group if facts is not None else {}
    title = facts.title if facts is not None else set()
    arms_i = {group[i] for i in iv if i in group}
    arms_c = {group[i] for i in cv if i in group}
    if measures is None:
        measures = {m.id: m for m in record.measures} if claim.measures else {}
    kinds = [measures[m] for m in claim.measures if m in measures]
    arm_spans = [(ents[i].start, ents[i].end) for i in (*iv, *cv) if i in ents]
    x.extend([
        *(ranked if ranked is not None else _ranked_alone(claim, facts, ranker)),
        bool(arms_i & title), bool(arms_c & title), 0 in arms_i,
        _tagger(iv, ents), _tagger(cv, ents),
        any(ents[i].start < e and s < ents[i].end for i in claim.outcome if i in ents for s, e in arm_spans),
        _wording(claim.text)[3], _wording(claim.text)[4],
        any(m.kind == "ci" or m.ci_low is not None for m in kinds), any(m.kind == "ratio" for m in kinds),
    ])
    x.extend(_direction_words(claim, ents, s0, s1 if s1 is not None else s0))
    return [float(v) for v in x]


def _ranked_alone(claim: Claim, facts: AbstractFacts | None, ranker: ArmRanker | None) -> tuple[float, float, float]:
    """:func:`_ranked` of one claim, its candidates scored alone."""
    cands = _candidates(claim, facts, ranker)
    if not cands or ranker is None:
        return 0.0, 0.0, 0.0
    return _ranked(claim, cands, ranker.probabilities(cands).tolist())


@lru_cache(maxsize=4096)
def _wording(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """(change words up, down, no-difference words, a comparison cue, "significan...") of a claim's text (cached: a
    sentence's claims share it)."""
    return (bool(_UP.search(text)), bool(_DOWN.search(text)), bool(_NULL.search(text)),
            bool(_COMPARE_CUE.search(text)), bool(_SIGNIFICANCE_WORD.search(text)))


def _direction_words(claim: Claim, ents: dict, s0: int, s1: int) -> list[bool]:
    """Does the sentence's wording agree with the claim's direction? Change words both ways; an increase /
    decrease among no-difference words; a no-difference claim among change words alone; a direction against the
    only change words; the intervention named after the comparator; an increase / decrease with no change word;
    one with several outcomes."""
    d = claim.direction
    up, down, null, _, _ = _wording(claim.text)
    compared = d in ("increase", "decrease")
    at_i = [ents[i].start for i in claim.intervention if i in ents and s0 <= ents[i].start < s1]
    at_c = [ents[i].start for i in claim.comparator if i in ents and s0 <= ents[i].start < s1]
    return [up and down, compared and null, d == "no_difference" and (up or down) and not null,
            (d == "increase" and down and not up) or (d == "decrease" and up and not down),
            bool(at_i) and bool(at_c) and min(at_i) > min(at_c), compared and not (up or down),
            compared and len(claim.outcome) > 1]


def _tagger(ids: list[str], ents: dict) -> float:
    """The tagger's lowest score among the mentions ``ids`` (1.0 when none has a score: none, or made otherwise)."""
    scores = [ents[i].score for i in ids if i in ents and ents[i].score is not None]
    return min(scores) if scores else 1.0


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

    def score(self, record: Record, claims: list[Claim], ranker: ArmRanker | None = None,
              facts: AbstractFacts | None = None) -> list[Claim]:
        """Set ``confidence`` on the finding/adverse_effect claims of ``record`` (in place); returns ``claims``.
        ``ranker``: the assembler's arm ranker (None: its features are 0); ``facts``: the record's
        :class:`.armrank.AbstractFacts` when the assembler made them (else made here, when needed)."""
        rows = feature_rows(record, claims, ranker, facts)
        if rows:
            probs = self.predict(np.array([x for _, x in rows]))
            for (c, _), p in zip(rows, probs):
                c.confidence = ClaimConfidence(**{t: round(float(v), 3) for t, v in zip(TARGETS, p)})
        return claims


def feature_rows(record: Record, claims: list[Claim], ranker: ArmRanker | None = None,
                 facts: AbstractFacts | None = None) -> list[tuple[Claim, list[float]]]:
    """(claim, :func:`features`) of each finding/adverse_effect claim among ``claims`` of ``record``: what the
    model scores and what its trainer (:mod:`claimex.train.confidence`) learns from. ``ranker``: the arm ranker
    (None: its features are 0); ``facts``: the record's :class:`.armrank.AbstractFacts` (made here when None and
    the record has arm mentions; the same whoever makes them: they read the record's final entities)."""
    scored = [c for c in claims if c.type in SCORED]
    if not scored:
        return []
    per_sentence = Counter(c.sentence for c in scored)
    controlled = controlled_design(record.text)
    ents = {e.id: e for e in record.entities}
    measures = {m.id: m for m in record.measures}
    if facts is None and any(e.label in ("INTERVENTION", "COMPARATOR") for e in record.entities):
        facts = AbstractFacts(record, sentence_views(record))
    # the arm ranker's probabilities of every scored claim's candidates: one matrix product
    cands = [_candidates(c, facts, ranker) for c in scored]
    flat = [x for group in cands for x in group]
    probs = ranker.probabilities(flat).tolist() if flat and ranker is not None else []
    rows = []
    at = 0
    for c, group in zip(scored, cands):
        ranked = _ranked(c, group, probs[at:at + len(group)])
        at += len(group)
        rows.append((c, features(c, record, per_sentence[c.sentence], controlled, ents, facts, ranker, measures,
                                 ranked)))
    return rows


_MODELS: dict[str, ConfidenceModel | None] = {}


def default_confidence_path() -> Path:
    """The shipped weights, :func:`claimex.paths.weights_path` of ``claimex-confidence`` (checkout or installed
    wheel)."""
    return paths.weights_path(MODEL_NAME)


def load_confidence(path: Path | None) -> ConfidenceModel | None:
    """The model whose weights are ``path`` (a ``weights.json`` or its folder), loaded once; None (no confidence)
    when absent."""
    return load_once(_MODELS, path, ConfidenceModel.load, "confidence weights (claims get no confidence)")
