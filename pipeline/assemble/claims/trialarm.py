"""Is a mention an arm of the trial at all? A learned check (``models/claimex-trialarm``) of the abstract's
intervention/comparator mention groups, so that a tagger false positive ("stimulation" of "eyes opening with
stimulation", the "MEC"/"HEC" emetogenicity strata, "HBPM" as a measuring method) neither keeps a finding's
intervention slot by the arm ranker's own-arm rule nor wins it (:mod:`.armrank`).

* **Unit**: an arm group of :class:`.armrank.AbstractFacts` - the record's INTERVENTION/COMPARATOR mentions
  grouped by :func:`.design.same_intervention`, as the arm ranker groups them.
* **Features** (:func:`group_features`, text, offsets and tagger scores only): the tagger's score (best, mean,
  best under 0.5); mentions in the abstract and whether the group is the most mentioned; in the title; set up as a
  design alternative; where it is first mentioned; named in a sentence that sets arms against each other
  (randomised, assigned, compared, versus) or in the first part of the abstract; share of its mentions inside an
  OUTCOME / POPULATION span; control-worded, bare label, abbreviation, a short upper-case word ("MEC", "RK"),
  length, tagged COMPARATOR, written as a group ("X group"), an arm label the abstract defines ("X (group I)"), a
  population head, coordinated with another arm mention ("workshop-only and enriched-model nurses"); its EBM-NLP
  subtype.
* **Model**: one logistic regression, P(the group names an arm of the trial), trained on Evidence Inference
  abstracts the tagger never saw (:mod:`claimex.train.trialarm`): a group is an arm when one of its mentions names
  an intervention or comparator string of a prompt of that article (the findings scorer's rule,
  :func:`claimex.evaluate.findings_match.entity_names`). Weights as JSON, numpy at run time.
* **Use** (:meth:`TrialArmModel.not_arms`): the groups whose P is under the model's ``threshold``, less the
  control-worded ones and those with a mention the tagger did not score; the arm ranker
  neither keeps such a mention by its own-arm rule nor lets it win the intervention slot while another candidate
  is there. Nor is such a mention a comparator (session 15, :meth:`.armrank.ArmRanker.trial_check` made once per
  record before the claims): it is not carried from the design
  (:meth:`.context.InterventionContext.named_comparator` takes the latest design comparator that is an arm) and a
  finding whose own sentence names it as the comparator carries the design's comparator instead ("percutaneous
  coronary intervention", the setting every patient had, in a trial of morphine against no morphine).

Without the weights file every group counts as an arm (the ranker as before).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from ... import paths
from .base import SentenceView, entity_words
from .context import is_bare_label, is_control
from .control import control_worded
from .gates import Gated
from .mentions import GROUP_AFTER, PERSON, Covering
from .weights import load_once, logistic

SUBTYPES = ("Pharmacological", "Physical", "Control", "Educational", "Surgical")
FEATURES = (
    "bias", "score_max", "score_mean", "score_low", "mentions", "most_mentioned", "in_title", "alternative",
    "first_pos", "first_group", "in_design", "early", "in_outcome", "in_population", "control", "bare",
    "abbreviation", "short_caps", "words", "tagged_c", "group_frame", "labelled", "person", "coordinated",
    *(f"subtype_{s}" for s in SUBTYPES),
)
_DESIGN = Gated(re.compile(r"\b(?:randomi[sz]\w*|assign\w*|allocat\w*|compar\w*|versus|vs\.?)\b", re.IGNORECASE),
                ("random", "assign", "allocat", "compar", "versus", "vs"))  # scanned only with a keyword
_GROUP = re.compile(r"\b(?:groups?|arms?|cohorts?)\b", re.IGNORECASE)
_SHORT_CAPS = re.compile(r"^[A-Z][A-Z0-9-]{0,4}s?$")
_UNSCORED = 0.5  # the score feature of a mention the tagger gave none (such a group is never set aside)


def group_features(facts, views: list[SentenceView], groups: list[int] | None = None) -> list[list[float]]:
    """One feature vector (:data:`FEATURES`) per arm group of ``facts`` (an :class:`.armrank.AbstractFacts`), or per
    group of ``groups`` only; ``views``: the record's sentence views."""
    record = facts.record
    text = record.text
    populations = Covering(record, "POPULATION")
    design, early = set(), set()
    ents, k = facts.ents, 0
    for view in views:
        while k < len(ents) and ents[k].start < view.start:
            k += 1
        j = k
        while j < len(ents) and ents[j].start < view.end:
            j += 1
        if view.index == 0 or j == k:
            continue
        here = {facts.group[e.id] for e in ents[k:j]}
        if view.position <= 0.4:
            early |= here
        if _DESIGN.search(view.text):
            design |= here
    labelled = set(facts.labels.values())
    out = []
    for g in range(len(facts.arms)) if groups is None else groups:
        group = facts.arms[g]
        first = group[0]
        best, total, inside_o, inside_p, kinds = 0.0, 0.0, 0, 0, []
        control = expanded = tagged_c = framed = joined = False
        bare = True
        for e in group:  # one pass over the mentions
            score = e.score if e.score is not None else _UNSCORED
            best, total = max(best, score), total + score
            inside_o += facts.in_outcome(e)
            inside_p += populations.holds(e)
            control = control or is_control(e)
            bare = bare and is_bare_label(e.text)
            expanded = expanded or bool(e.expanded)
            tagged_c = tagged_c or e.label == "COMPARATOR"
            framed = framed or bool(_GROUP.search(e.text) or GROUP_AFTER.match(text[e.end:e.end + 12]))
            joined = joined or facts.joined(e)
            if e.subtype:
                kinds.append(e.subtype)
        subtype = max(kinds, key=kinds.count) if kinds else None  # ties: the first mention's
        n = len(group)
        out.append([
            1.0, best, total / n, float(best < 0.5), math.log1p(n), float(n == facts.top), float(g in facts.title),
            float(g in facts.alternatives), first.start / max(1, len(text)), float(g == 0), float(g in design),
            float(g in early), inside_o / n, inside_p / n, float(control), float(bare), float(expanded),
            float(bool(_SHORT_CAPS.match(first.text.strip()))), min(len(entity_words(first)), 6) / 6.0,
            float(tagged_c), float(framed), float(g in labelled), float(bool(PERSON.search(first.text.strip()))),
            float(joined), *(float(subtype == s) for s in SUBTYPES),
        ])
    return out


class TrialArmModel:
    """P(an arm group names an arm of the trial): a logistic regression over :data:`FEATURES`; groups under
    ``threshold`` are no arm."""

    def __init__(self, w: list[float], threshold: float, features: tuple[str, ...] = FEATURES):
        if tuple(features) != FEATURES:
            raise ValueError(f"trial-arm features {list(features)} differ from this code's {list(FEATURES)}")
        self.w, self.threshold = list(w), threshold
        self._w = np.array(w, dtype=float)

    @classmethod
    def load(cls, path: Path) -> TrialArmModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["w"], data["threshold"], tuple(data["features"]))

    def save(self, path: Path, **meta) -> None:
        Path(path).write_text(json.dumps({"features": list(FEATURES), "w": self.w, "threshold": self.threshold,
                                          **meta}, indent=1), encoding="utf-8")

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        if not rows:
            return []
        return logistic(np.array(rows) @ self._w).tolist()

    def not_arms(self, facts, views: list[SentenceView]) -> set[int]:
        """The arm groups of ``facts`` that are no arm of the trial: P under the threshold, not control-worded (the
        control arm is an arm: a single-arm finding of the placebo group keeps it) and every mention scored by the
        tagger (the check is for its false positives; a mention made otherwise - by hand, by another annotator -
        is taken as given)."""
        asked = [g for g, group in enumerate(facts.arms)
                 if not any(e.score is None or control_worded(e.expanded or e.text) for e in group)]
        return {g for g, p in zip(asked, self.probabilities(group_features(facts, views, asked))) if p < self.threshold}


_MODELS: dict[str, TrialArmModel | None] = {}
MODEL_NAME = "claimex-trialarm"


def load_trial_arms(path: Path | None = None) -> TrialArmModel | None:
    """The model whose weights are ``path`` (default: the shipped ``claimex-trialarm``), loaded once; None when
    absent (every group counts as an arm)."""
    return load_once(_MODELS, path or paths.weights_path(MODEL_NAME), TrialArmModel.load,
                     "trial-arm model (every mention group counts as an arm)")
