"""A learned check of a claim's arms (``models/claimex-arms``): which mention fills a finding's intervention
and which its comparator, chosen among the claim's candidates by two logistic regressions trained on
Evidence Inference 2.0 *train* prompts (:mod:`claimex.train.arms`).

* **Candidates** of a claim: its intervention and comparator entities (the rules' choice), the other
  INTERVENTION/COMPARATOR entities of its sentence, and for every other arm of the abstract (mentions of one
  intervention grouped by :func:`.design.same_intervention`) its latest mention before the sentence (else its
  first).
* **Features** (:func:`candidates`, cheap, text and offsets only): the rules' choice; in the sentence or
  inherited; the arm's mentions in the abstract, its order there, in the title, set up as an alternative by a
  design sentence; control-worded, bare label, tagged COMPARATOR; a comparison cue before or after it, "between"
  before it, an arm-group frame ("X group"), a preposition before it; first/second arm of the sentence; inside
  an outcome; with arm values of its own; its length; a population head ("participants", "nurses"); an
  abbreviation; negated ("without X"); coordinated with a neighbouring arm; where the arm is first mentioned;
  whether a label phrase of the sentence ("in group 1") stands for it (the abstract's label definitions,
  :mod:`.labels`).
* **Decision** (:meth:`ArmRanker.choose`, per slot :func:`_slot`): the slot becomes the candidate of highest
  probability when it is not among the rules' choice and beats the best of them by the model's ``margin``;
  else the rules' mentions under ``keep`` leave the slot (never emptying it). A claim whose intervention is
  the one arm its own sentence names keeps it (:func:`_own_arm`; not a population), and so does one whose
  intervention is the arm a label phrase of its sentence stands for; a population mention never holds the
  intervention slot when another candidate is there; nor, with the trial-arm check (:mod:`.trialarm`,
  ``models/claimex-trialarm``, loaded with the ranker), does a mention of a group that is no arm of the trial at
  all: it neither keeps the slot by the own-arm rule nor wins it, and where it was the rules' whole intervention the
  slot does not go to the rules' comparator's arm. The comparator never holds the
  intervention's arm; when the new intervention was the rules' comparator, the rules' intervention becomes the
  comparator and increase/decrease is flipped (the direction is relative to the arms). An empty comparator
  stays empty unless ``fill_c`` (EI prompts always have one; the findings gold has single-arm findings).
  The sentence's own mentions the rules had chosen and the ranker set aside stay on the claim as
  ``arm_mentions`` (the sentence still names them; EvidenceMap chains link them to the result).

Without the weights file the rules' arms stay as they are.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ... import paths
from ...schema import FLIP, Claim, Record
from .base import SentenceView, entity_words, sentence_views
from .context import is_bare_label, is_control
from .design import COMPARE_BEFORE, design_comparators, same_intervention
from .gates import EndCue, Gated
from .labels import arm_phrases, bracket_labels, defined_label
from .mentions import GROUP_AFTER, PERSON, Covering
from .plain import EntityLike, PlainEntity, plain_entities
from .trialarm import TrialArmModel, load_trial_arms
from .weights import load_once, logistic

FEATURES = (
    "bias", "rule_i", "rule_c", "rule_i_arm", "rule_c_arm", "in_sentence", "arm_in_sentence", "tagged_c",
    "control", "bare", "in_title", "mentions", "most_mentioned", "first_arm", "second_arm", "alternative",
    "cue_before", "cue_after", "between", "group_frame", "preposition", "first_here", "second_here",
    "in_outcome", "valued", "words", "rule_i_inherited", "rule_c_control",
    "person", "abbreviation", "negated", "coordinated", "first_pos", "labelled_here",
)
_LABELLED = FEATURES.index("labelled_here")
_PERSON_X = FEATURES.index("person")
ARM_TYPES = ("finding", "adverse_effect", "conclusion")

_CUE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:group\s+|arm\s+)?(?:than|compared\s+(?:with|to)|versus|vs\.?|"
                        r"relative\s+to|over|against|in\s+comparison)\b", re.IGNORECASE)
# cues that must end the words before a mention, matched backwards (base.EndCue; the mirror pattern written out)
_BETWEEN = EndCue(re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE),
                  re.compile(r"(?:\s+[\w-]+)?(?:\s+eht)?\s+neewteb\b", re.IGNORECASE))
_PREPOSITION = EndCue(
    re.compile(r"\b(?:in|for|with|among|of|after|following|on|receiving|by)\s+(?:the\s+)?$", re.IGNORECASE),
    re.compile(r"(?:\s+eht)?\s+(?:ni|rof|htiw|gnoma|fo|retfa|gniwollof|no|gniviecer|yb)\b", re.IGNORECASE))
_GROUP_WORD = re.compile(r"\b(?:group|arm)s?\b", re.IGNORECASE)
_NEGATED = Gated(EndCue(  # scanned only with a keyword (the gate asks the EndCue's search)
    re.compile(r"\b(?:without|no|not|non|nor)\b[\s-]*(?:the\s+|any\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE),
    re.compile(r"(?:\s+[\w-]+){0,2}(?:\s+eht|\s+yna)?[\s-]*\b(?:tuohtiw|on|ton|non|ron)\b", re.IGNORECASE)),
    ("without", "no"))
_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and|or|and/or)?\s*(?:the\s+)?$", re.IGNORECASE)
_LABEL_WORD = Gated(re.compile(r"\b(?:groups?|arms?|cohorts?)\b", re.IGNORECASE),
                    ("group", "arm", "cohort"))  # scanned only with a keyword (24,236 scans a pass, 3,023 found)
_DESIGN = Gated(re.compile(r"\b(?:randomi[sz]\w*|assign\w*|allocat\w*|compar\w*|versus|vs\.?)\b", re.IGNORECASE),
                ("random", "assign", "allocat", "compar", "versus", "vs"))  # scanned only with a keyword


@dataclass
class Candidate:
    entity: EntityLike
    x: list[float]


class AbstractFacts:
    """Per-record facts the features read: the arms (mention groups) in order of first mention, their
    counts, the title's arms and the design's alternatives; each mention's claim-independent features,
    made once."""

    def __init__(self, record: Record, views: list[SentenceView] | None = None,
                 entities: list[PlainEntity] | None = None):
        # ``entities``: the record's entities as :func:`.plain.plain_entities` copied them for ``views`` (made here
        # when not given)
        self.record = record
        entities = entities if entities is not None else plain_entities(record)
        views = views if views is not None else sentence_views(record, entities)  # (their entities are not read:
        # the assembler may have settled some of them as outcomes)
        self.arms: list[list[PlainEntity]] = []
        ents = sorted((e for e in entities if e.label in ("INTERVENTION", "COMPARATOR")), key=lambda e: e.start)
        self.ents = ents
        self.starts = [e.start for e in ents]
        self.by_id = {e.id: e for e in ents}
        self.group: dict[str, int] = {}
        heads: list[frozenset[str]] = []  # each arm's first mention's words
        for e in ents:
            key = entity_words(e)
            k = next((i for i, h in enumerate(heads) if key and same_intervention(key, h)), None)
            if k is None:
                k = len(self.arms)
                self.arms.append([])
                heads.append(key)
            self.arms[k].append(e)
            self.group[e.id] = k
        counts = [len(g) for g in self.arms]
        self.top = max(counts) if counts else 0
        self.title = {self.group[e.id] for e in ents if views and e.end <= views[0].end}
        self.alternatives: set[int] = set()
        for view in views:
            if view.index == 0 or _DESIGN.search(view.text):
                here = ents[bisect_left(self.starts, view.start):bisect_left(self.starts, view.end)]
                self.alternatives |= {self.group[i] for i in design_comparators(view, here) if i in self.group}
            if view.section and "RESULT" in view.section.upper():
                break
        self.labels: dict[str, int] = {}  # arm labels the abstract defines ("X (group I)", "group A received X")
        for view in views:
            here = ents[bisect_left(self.starts, view.start):bisect_left(self.starts, view.end)]
            if here and _LABEL_WORD.search(view.text):
                for e in here:
                    label = defined_label(view, e)
                    if label:
                        self.labels.setdefault(label, self.group[e.id])
                for label, labelled, _ in bracket_labels(view, here):
                    self.labels.setdefault(label, self.group[labelled.id])
        self.outcomes = Covering(record, "OUTCOME")
        self._static: dict[tuple[str, int], list[float]] = {}
        self._sentences: dict[int, tuple] = {}

    def sentence(self, start: int, end: int
                 ) -> tuple[list[EntityLike], list[EntityLike], set[int], dict[int, int], set[int]]:
        """For the sentence at ``start``-``end`` (made once per sentence): its I/C mentions, the latest mention
        before it (else the first) of each other arm, the arms it names, their order of first mention, and the
        arms its label phrases ("in Group 2") stand for."""
        if start not in self._sentences:
            here = self.ents[bisect_left(self.starts, start):bisect_left(self.starts, end)]
            groups_here = {self.group[e.id] for e in here}
            picks = []
            for k, group in enumerate(self.arms):
                if k not in groups_here:
                    before = [e for e in group if e.end <= start]
                    picks.append(before[-1] if before else group[0])
            firsts = sorted({self.group[e.id]: e for e in reversed(here)}.values(), key=lambda e: e.start)
            order_here = {self.group[e.id]: n for n, e in enumerate(firsts)}
            labelled = set()
            if self.labels:
                labelled = {self.labels[lab.lower()] for _, _, lab, _, _ in arm_phrases(self.record.text[start:end])
                            if lab and lab.lower() in self.labels}
            self._sentences[start] = (here, picks, groups_here, order_here, labelled)
        return self._sentences[start]

    def joined(self, e: EntityLike) -> bool:
        """Is ``e`` coordinated with a neighbouring arm mention ("X and Y", "X, Y or Z")?"""
        k = bisect_left(self.starts, e.start)
        text = self.record.text
        prev = self.ents[k - 1] if k > 0 else None
        nxt = self.ents[k + 1] if k + 1 < len(self.ents) else None
        return bool((prev is not None and prev.end <= e.start and e.start - prev.end < 12
                     and _JOINED.match(text[prev.end:e.start]) and text[prev.end:e.start].strip())
                    or (nxt is not None and e.end <= nxt.start and nxt.start - e.end < 12
                        and _JOINED.match(text[e.end:nxt.start]) and text[e.end:nxt.start].strip()))

    def in_outcome(self, e: EntityLike) -> bool:
        """Does an OUTCOME span hold mention ``e`` (start <= e.start, e.end <= end)?"""
        return self.outcomes.holds(e)

    def static(self, e: EntityLike, sentence_start: int) -> list[float]:
        """The features of mention ``e`` that do not depend on the claim (``sentence_start``: the claim's
        sentence start when ``e`` lies in it, else -1: the words before it are read up to there)."""
        key = (e.id, sentence_start)
        if key not in self._static:
            g = self.group[e.id]
            text = self.record.text
            before = text[max(0, sentence_start, e.start - 45):e.start]
            after = text[e.end:e.end + 40]
            self._static[key] = [
                float(e.label == "COMPARATOR"), float(is_control(e)), float(is_bare_label(e.text)),
                float(g in self.title), math.log1p(len(self.arms[g])), float(len(self.arms[g]) == self.top),
                float(g == 0), float(g == 1), float(g in self.alternatives),
                float(bool(COMPARE_BEFORE.search(before))), float(bool(_CUE_AFTER.match(after))),
                float(bool(_BETWEEN.search(before))),
                float(bool(GROUP_AFTER.match(after)) or bool(_GROUP_WORD.search(e.text))),
                float(bool(_PREPOSITION.search(before))),
                float(self.in_outcome(e)),
                min(len(entity_words(e)), 6) / 6.0,
                float(bool(PERSON.search(e.text.strip()))), float(bool(e.expanded)),
                float(bool(_NEGATED.search(before))), float(self.joined(e)),
                self.arms[g][0].start / max(1, len(text)),
            ]
        return self._static[key]


def candidates(abstract: AbstractFacts, claim: Claim, only: set[str] | None = None) -> list[Candidate]:
    """The claim's candidate arm mentions with their feature vectors (module docstring); ``only``: just these
    of them (a mention's features do not depend on the other candidates)."""
    start, end = claim.start or 0, claim.end or 0
    here, picks, groups_here, order_here, labelled = abstract.sentence(start, end)
    by_id, group = abstract.by_id, abstract.group
    rule = [by_id[i] for i in (*claim.intervention, *claim.comparator) if i in by_id]
    rule_i = {i for i in claim.intervention if i in by_id}
    rule_c = {i for i in claim.comparator if i in by_id}
    groups_i = {group[i] for i in rule_i}
    groups_c = {group[i] for i in rule_c}
    taken = groups_i | groups_c
    chosen = {e.id: e for e in here}
    chosen.update((e.id, e) for e in rule)
    chosen.update((e.id, e) for e in picks if group[e.id] not in taken)
    valued = {a.arm for a in claim.arms if a.arm}
    out = []
    for e in sorted(chosen.values(), key=lambda e: e.start):
        if only is not None and e.id not in only:
            continue
        g = group[e.id]
        inside = start <= e.start < end
        in_i, in_c = e.id in rule_i, e.id in rule_c
        st = abstract.static(e, start if inside else -1)
        x = [1.0, float(in_i), float(in_c), float(g in groups_i), float(g in groups_c), float(inside),
             float(g in groups_here), *st[:14], float(order_here.get(g) == 0), float(order_here.get(g) == 1),
             st[14], float(e.id in valued), st[15], float(in_i and not inside), float(in_c and st[1] > 0),
             *st[16:], float(g in labelled)]
        out.append(Candidate(e, x))
    return out


_NAMES_NO_ARM = re.compile(r"^(?:the\s+)?controls?(?:\s+(?:groups?|arms?|condition|subjects|patients))?$", re.I)


def _own_arm(claim: Claim, ents: Mapping[str, EntityLike], not_arm: frozenset[str] = frozenset()) -> bool:
    """Is the claim's intervention one mention of its own sentence that names an arm (not "the control group",
    not a bare label, not a population such as "participants" or "postgraduate nurses")? Such a choice is kept.
    Re-ranking it (round 7, with the population/coordination features) raised the held-out EI train
    intervention slot 0.595 -> 0.613 but cost the findings tune half 9 findings (284 -> 275 of 362): single-arm
    findings of the placebo group moved to the active arm (EI prompts always compare two arms, so the model
    never saw one) and named arms ("the ASH group") gave way to an inherited arm. ``not_arm``: mentions of groups
    the trial-arm check (:mod:`.trialarm`) says are no arm of the trial at all; such a mention is not kept."""
    if len(claim.intervention) != 1 or claim.intervention[0] in not_arm:
        return False
    ent = ents.get(claim.intervention[0])
    return ent is not None and (claim.start or 0) <= ent.start < (claim.end or 0) \
        and not is_bare_label(ent.text) and not _NAMES_NO_ARM.match(ent.text.strip()) \
        and not PERSON.search(ent.text.strip())


def _slot(cands: list[Candidate], p: list[float], rule: list[str], margin: float, keep: float) -> list[str]:
    """One slot: the candidate of highest ``p`` when it is not among the rules' choice ``rule`` and beats the
    best of them by ``margin``; else the rules' choice less the mentions under ``keep`` (never emptied by
    that: then its best mention)."""
    k = max(range(len(cands)), key=p.__getitem__)
    mine = [(p[j], c.entity.id) for j, c in enumerate(cands) if c.entity.id in rule]
    if cands[k].entity.id not in rule and p[k] > max((q for q, _ in mine), default=0.0) + margin:
        return [cands[k].entity.id]
    kept = [i for i in rule if any(q >= keep for q, j in mine if j == i) or i not in {j for _, j in mine}]
    return kept or ([max(mine)[1]] if mine else list(rule))


class ArmRanker:
    """Two logistic regressions over :data:`FEATURES` (weights for P(intervention), P(comparator)) and the
    margins by which a candidate must beat the rules' choice."""

    def __init__(self, w_i: list[float], w_c: list[float], margin_i: float = 0.0, margin_c: float = 0.0,
                 features: tuple[str, ...] = FEATURES, fill_c: bool = False, keep_i: float = 0.0,
                 keep_c: float = 0.0, trial_arms: TrialArmModel | None = None):
        if tuple(features) != FEATURES:
            raise ValueError(f"arm ranker features {list(features)} differ from this code's {list(FEATURES)}")
        self.w_i, self.w_c, self.margin_i, self.margin_c = w_i, w_c, margin_i, margin_c
        self._w = np.array([w_i, w_c], dtype=float).T  # features x (intervention, comparator)
        self.fill_c = fill_c  # fill an empty comparator slot (the rules found no comparator)
        self.keep_i, self.keep_c = keep_i, keep_c  # the rules' mentions below these leave a slot
        self.trial_arms = trial_arms  # which mention groups are no arm of the trial (:mod:`.trialarm`); None: all are

    @classmethod
    def load(cls, path: Path, trial_arms: Path | None = None) -> ArmRanker:
        """The ranker of weights file ``path`` with the trial-arm check of ``trial_arms`` (default: the shipped
        ``claimex-trialarm`` weights, when present)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["w_i"], data["w_c"], data.get("margin_i", 0.0), data.get("margin_c", 0.0),
                   tuple(data["features"]), bool(data.get("fill_c", False)), data.get("keep_i", 0.0),
                   data.get("keep_c", 0.0), load_trial_arms(trial_arms))

    def save(self, path: Path, **meta) -> None:
        settings = {"margin_i": self.margin_i, "margin_c": self.margin_c, "keep_i": self.keep_i,
                    "keep_c": self.keep_c, "fill_c": self.fill_c}
        Path(path).write_text(json.dumps({"features": list(FEATURES), "w_i": self.w_i, "w_c": self.w_c,
                                          **settings, **meta}, indent=1), encoding="utf-8")

    def probabilities(self, cands: list[Candidate]) -> np.ndarray:
        """P(intervention) and P(comparator) of each candidate (rows; columns: the two slots), as :meth:`choose`
        reads them before its rules (the claim confidence reads them too, :mod:`.confidence`)."""
        return logistic(np.array([c.x for c in cands]) @ self._w)

    def choose(self, cands: list[Candidate], claim: Claim,
               not_arm: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
        """The claim's (intervention, comparator) ids after the check (module docstring); ``not_arm``: the ids of
        mentions that name no arm of the trial (:mod:`.trialarm`)."""
        if not cands:
            return claim.intervention, claim.comparator
        probs = logistic(np.array([c.x for c in cands]) @ self._w)
        p_i, p_c_all = probs[:, 0].tolist(), probs[:, 1].tolist()
        # a population ("postgraduate nurses", "81% of attendees") or a mention of no arm of the trial cannot hold
        # the slot
        p_i = [0.0 if c.x[_PERSON_X] > 0 or c.entity.id in not_arm else q for c, q in zip(cands, p_i)]
        if claim.intervention and set(claim.intervention) <= not_arm:
            # the rules' intervention names no arm: the slot goes to another arm, not to the rules' comparator's
            taken = [entity_words(c.entity) for c in cands if c.entity.id in claim.comparator]
            p_i = [0.0 if any(same_intervention(entity_words(c.entity), t) for t in taken) else q
                   for c, q in zip(cands, p_i)]
        # the one arm its sentence names, or the arm a label phrase of its sentence stands for ("in Group 2"): kept
        own = _own_arm(claim, {c.entity.id: c.entity for c in cands}, not_arm) or (
            len(claim.intervention) == 1 and any(c.entity.id == claim.intervention[0] and c.x[_LABELLED] > 0
                                                 for c in cands))
        inter = list(claim.intervention) if own else _slot(cands, p_i, claim.intervention, self.margin_i,
                                                             self.keep_i)
        arms = [entity_words(c.entity) for c in cands if c.entity.id in inter]
        others = [(c, p) for c, p in zip(cands, p_c_all) if c.entity.id not in inter
                  and not any(same_intervention(entity_words(c.entity), a) for a in arms)]
        comp = [i for i in claim.comparator if i not in inter]
        if not comp and claim.comparator and set(inter) <= set(claim.comparator):
            comp = [i for i in claim.intervention if i not in inter]  # the arms swapped: the other is the comparator
        if not others or not (comp or self.fill_c):
            return inter, comp
        return inter, _slot([c for c, _ in others], [p for _, p in others], comp, self.margin_c, self.keep_c)

    def trial_check(self, record: Record, views: list[SentenceView], entities: list[PlainEntity] | None = None
                    ) -> tuple[AbstractFacts | None, frozenset[str]]:
        """The record's :class:`AbstractFacts` and the ids of the mentions of groups that are no arm of the trial
        (:meth:`.trialarm.TrialArmModel.not_arms`); ``(None, frozenset())`` without the trial-arm check or arm
        mentions. Made once per record (:class:`TrialCheck`: the comparator slot asks for it while the claims are
        made, :mod:`.context`) and handed to :meth:`rerank`. ``entities``: as for :class:`AbstractFacts`."""
        if self.trial_arms is None or not any(e.label in ("INTERVENTION", "COMPARATOR") for e in record.entities):
            return None, frozenset()
        abstract = AbstractFacts(record, views, entities)
        return abstract, frozenset(e.id for g in self.trial_arms.not_arms(abstract, views) for e in abstract.arms[g])

    def wants_check(self, claims: list[Claim]) -> bool:
        """Whether :meth:`rerank` makes the trial-arm check of ``claims``' record when its caller has not: a
        trial-arm model and a claim of :data:`ARM_TYPES` with an intervention to check."""
        return self.trial_arms is not None and any(c.type in ARM_TYPES and c.intervention for c in claims)

    def rerank(self, record: Record, claims: list[Claim], views: list[SentenceView] | None = None,
               checked: tuple[AbstractFacts | None, frozenset[str]] | None = None,
               entities: list[PlainEntity] | None = None) -> list[Claim]:
        """``claims`` of ``record`` with their arms checked (new Claim objects where a slot changed); ``views``:
        the record's sentence views when the caller has them; ``checked``: :meth:`trial_check` of the record when
        the caller made it; ``entities``: the plain entities ``views`` were made from (:class:`AbstractFacts`)."""
        ents = {e.id: e for e in record.entities}
        abstract: AbstractFacts | None = None
        not_arm: frozenset[str] = frozenset()
        if checked is not None:
            abstract, not_arm = checked
        elif self.wants_check(claims):
            views = views if views is not None else sentence_views(record)
            abstract, not_arm = self.trial_check(record, views, entities)
        todo = {id(c) for c in claims if c.type in ARM_TYPES and (c.intervention or c.comparator)
                and not (not c.comparator and not self.fill_c and _own_arm(c, ents, not_arm))}  # nothing to change
        if not todo:
            return claims
        abstract = abstract or AbstractFacts(record, views, entities)
        out = []
        for claim in claims:
            if id(claim) not in todo:
                out.append(claim)
                continue
            only = None
            if self.margin_c >= 1.0 and _own_arm(claim, ents, not_arm):
                # the intervention stays and no comparator can be replaced: only the rules' mentions are read
                only = {*claim.intervention, *claim.comparator}
            inter, comp = self.choose(candidates(abstract, claim, only), claim, not_arm)
            if inter == claim.intervention and comp == claim.comparator:
                out.append(claim)
                continue
            direction: str | None = claim.direction
            if direction is not None and set(inter) <= set(claim.comparator) and comp \
                    and set(comp) <= set(claim.intervention):  # (FLIP.get(None, None) was None too)
                direction = FLIP.get(direction, direction)
            span = (claim.start or 0, claim.end or 0)
            outside = [i for i in (*inter, *comp) if i in ents and not span[0] <= ents[i].start < span[1]]
            left = [i for i in (*claim.intervention, *claim.comparator) if i not in inter and i not in comp
                    and i in ents and span[0] <= ents[i].start < span[1]]
            mentions = list(dict.fromkeys([*claim.arm_mentions, *left]))  # the sentence's mentions set aside
            out.append(claim.model_copy(update={"intervention": inter, "comparator": comp, "direction": direction,
                                                "inherited": list(dict.fromkeys(outside)),
                                                "arm_mentions": mentions}))
        return out


class TrialCheck:
    """The trial-arm check of one record (:meth:`ArmRanker.trial_check`), made on first need and then kept: the
    comparator slot asks for it (:mod:`.context`, called: the ids of no-arm mentions) only once a comparator is
    there to check, the arm ranker after the claims (``made``: the check's result, None while not asked)."""

    def __init__(self, ranker: ArmRanker, record: Record, views: list[SentenceView],
                 entities: list[PlainEntity] | None = None):
        self.ranker, self.record, self.views, self.entities = ranker, record, views, entities
        self.made: tuple[AbstractFacts | None, frozenset[str]] | None = None

    def __call__(self) -> frozenset[str]:
        if self.made is None:
            self.made = self.ranker.trial_check(self.record, self.views, self.entities)
        return self.made[1]


_RANKERS: dict[str, ArmRanker | None] = {}
MODEL_NAME = "claimex-arms"


def default_ranker_path() -> Path:
    """The shipped weights, :func:`claimex.paths.weights_path` of ``claimex-arms`` (checkout or installed wheel)."""
    return paths.weights_path(MODEL_NAME)


def load_ranker(path: Path | None) -> ArmRanker | None:
    """The ranker whose weights are ``path`` (a ``weights.json`` or its folder), loaded once; None (the rules'
    arms kept) when absent."""
    return load_once(_RANKERS, path, ArmRanker.load, "arm ranker (the rules' arms are kept)")
