"""Evidence Inference prompts end to end (``claimex evaluate --task prompts``).

``--task direction`` scores the comparison decision on the cited evidence sentence with the prompt's
intervention, comparator and outcome given. This task asks what a reviewer gets from the whole pipeline:
the abstract goes in as it is, and the prompt is looked up among the claims that come out.

* **Unit**: an Evidence Inference 2.0 prompt (intervention, comparator, outcome, majority label) of the
  chosen split (default the official ``validation`` articles) with at least one evidence span of the
  majority label inside the abstract. The pipeline reads the abstract as the findings gold does
  (``text[:abstract_end]``, PMC headings kept). Articles of the findings gold are left out.
* **Found**: a ``finding``/``adverse_effect``/``conclusion`` claim whose sentence overlaps one of those
  evidence spans and whose outcome entities together share at least half of the prompt outcome's content
  words (stem match; at most two needed: a prompt may name a list, "diarrhoea, bloating and
  flatulence"). Among several, the claim sharing most words is judged.
* **Arms**: the claim's intervention (else its comparator) names the prompt's intervention or comparator
  by the findings scorer's rule (:func:`claimex.evaluate.findings_match.names_arm`: content words, Dice,
  no word only the other arm has). That fixes the orientation: *same*, *swapped* or *unknown*.
* **Direction**: the claim's ``increase``/``decrease``/``no_difference`` read in the prompt's orientation
  (swapped arms flip increase and decrease; unknown arms are read as they are). Single-arm directions
  (``positive``/``negative``) and none are wrong.

Reported: found (recall), arms named, direction right of found, end to end (right of all prompts), and
per-label precision/recall/F1 over all prompts (a prompt not found is a missed label).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths
from ..assemble.claims.base import same_stem
from ..corpora.findings import load_document, load_gold
from ..metrics import prf
from ..schema import FLIP, Claim, Record
from .direction import CORPUS, LABEL_MAP, LABELS
from .findings_match import arm_words, content_words, entity_names
from .report import EvalReport

CLAIM_TYPES = ("finding", "adverse_effect", "conclusion")


@dataclass
class Prompt:
    prompt_id: int
    pmcid: str
    label: str  # increase | decrease | no_difference
    intervention: str
    comparator: str
    outcome: str
    evidence: list[tuple[int, int]]  # offsets in the abstract


def load_prompts(gold: Path | None = None, split: str = "validation") -> list[Prompt]:
    """The prompts of ``split`` (``validation``, ``train`` or ``all``) with majority-label evidence in
    the abstract, minus the articles of the findings gold."""
    gold = Path(gold) if gold else paths.corpus_path(CORPUS, "ei2_prompts_train_val.jsonl")
    taken = {g.id for g in load_gold() if g.source == "evidence-inference"}
    out: list[Prompt] = []
    with open(gold, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            row_split = row.get("ev2_split") or row.get("ev1_split")
            label = LABEL_MAP.get(row.get("majority_label") or "")
            if label is None or str(row["pmcid"]) in taken or (split != "all" and row_split != split):
                continue
            spans = [(a["evidence_start"], a["evidence_end"]) for a in row["annotations"]
                     if a.get("evidence_in_abstract") and a.get("offsets_match")
                     and LABEL_MAP.get(a.get("label") or "") == label
                     and isinstance(a.get("evidence_start"), int) and a["evidence_start"] < a["evidence_end"]]
            if spans:
                out.append(Prompt(row["prompt_id"], str(row["pmcid"]), label, row["intervention"] or "",
                                  row["comparator"] or "", row["outcome"] or "", spans))
    return out


def _shared(words: frozenset[str], other: frozenset[str]) -> int:
    return sum(1 for w in words if any(same_stem(w, x) for x in other))


def _orientation(claim: Claim, record: Record, i_words: frozenset[str], c_words: frozenset[str]) -> str:
    ents = {e.id: e for e in record.entities}
    arm, other = [i_words] if i_words else [], [c_words] if c_words else []
    for role, flip in ((claim.intervention, False), (claim.comparator, True)):
        es = [ents[i] for i in role if i in ents]
        if es and all(entity_names(e, arm, other) for e in es):
            return "swapped" if flip else "same"
        if es and all(entity_names(e, other, arm) for e in es):
            return "same" if flip else "swapped"
    return "unknown"


@dataclass
class Judged:
    found: bool
    orientation: str = "unknown"
    predicted: str | None = None  # the claim's direction in the prompt's orientation
    error: str | None = None


def match_claim(prompt: Prompt, record: Record) -> tuple[Claim | None, str | None]:
    """The claim of ``record`` that reports ``prompt`` (module docstring, *Found*), or None and why not."""
    ents = {e.id: e for e in record.entities}
    o_words = content_words(prompt.outcome)
    need = min(2, max(1, (len(o_words) + 1) // 2))
    in_evidence = [c for c in record.claims if c.type in CLAIM_TYPES and c.start is not None and c.end is not None
                   and any(c.start < e and s < c.end for s, e in prompt.evidence)]
    if not in_evidence:
        return None, "no claim in the evidence sentence"
    scored = [(_shared(o_words, frozenset().union(*(content_words(ents[i].text) for i in c.outcome if i in ents))), c)
              for c in in_evidence]
    best, claim = max(scored, key=lambda s: s[0])
    if not o_words or best < need:
        return None, "outcome not among the claim's outcomes"
    return claim, None


def prompt_claims(prompts: Iterable[Prompt], records: Mapping[str, Record]
                  ) -> Iterator[tuple[Prompt, Record, Claim | None]]:
    """Each prompt whose abstract is in ``records`` (keyed by PMC id), with its record and the claim that reports it
    (:func:`match_claim`; None where no claim does)."""
    for prompt in prompts:
        record = records.get(prompt.pmcid)
        if record is not None:
            yield prompt, record, match_claim(prompt, record)[0]


def judge(prompt: Prompt, record: Record) -> Judged:
    """Find the prompt among ``record``'s claims and read its direction (module docstring)."""
    claim, why = match_claim(prompt, record)
    if claim is None:
        return Judged(False, error=why)
    orient = _orientation(claim, record, arm_words(prompt.intervention), arm_words(prompt.comparator))
    pred = FLIP.get(claim.direction, claim.direction) if orient == "swapped" else claim.direction
    pred = pred if pred in LABELS else None
    error = None
    if pred is None:
        error = f"direction {claim.direction or 'none'} (not a comparison)"
    elif pred != prompt.label:
        error = "difference vs no difference" if "no_difference" in (pred, prompt.label) else "wrong sign"
    return Judged(True, orient, pred, error)


def evaluate(gold: Path | None = None, pred: Path | None = None, model: Any = None, limit: int | None = None,
             prompt_split: str = "validation", **_: Any) -> EvalReport:
    """Score the pipeline (or ``pred`` records, matched by article id) on the prompts of ``prompt_split``
    (the CLI's ``--split`` halves belong to the findings gold; the prompts are always the official split)."""
    split = prompt_split
    prompts = load_prompts(gold, split)
    pmcids = sorted({p.pmcid for p in prompts})
    if limit:
        pmcids = pmcids[:limit]
        prompts = [p for p in prompts if p.pmcid in set(pmcids)]
    notes = [f"Evidence Inference 2.0 prompts, {split} split: {len(prompts)} prompts in {len(pmcids)} abstracts"]
    records: dict[str, Record] = {}
    if pred is not None:
        from ..write import read_records

        records = {str(r.id): r for r in read_records(pred)}
    else:
        from ..extractor import Extractor

        extractor = Extractor.load(model)
        notes.append(f"model: {extractor.model_name}")
        for pmcid in pmcids:
            records[pmcid] = extractor.document(load_document("evidence-inference", pmcid))
    judged = [(p, judge(p, records[p.pmcid]) if p.pmcid in records else Judged(False, error="no record"))
              for p in prompts]
    found = [j for _, j in judged if j.found]
    right = sum(1 for p, j in judged if j.found and j.predicted == p.label)
    n = len(judged) or 1
    rows = []
    for label in LABELS:
        tp = sum(1 for p, j in judged if j.predicted == label and p.label == label)
        n_pred = sum(1 for _, j in judged if j.predicted == label)
        n_gold = sum(1 for p, _ in judged if p.label == label)
        rows.append({"name": label, **prf(tp, n_pred - tp, n_gold - tp), "support": n_gold})
    summary = {"prompts": len(judged), "found": round(len(found) / n, 4),
               "arms_named": round(sum(1 for j in found if j.orientation != "unknown") / (len(found) or 1), 4),
               "direction_of_found": round(right / (len(found) or 1), 4), "end_to_end": round(right / n, 4)}
    report = EvalReport(task="prompts", rows=rows, summary=summary, notes=notes)
    errors = Counter(j.error for _, j in judged if j.error)
    report.sections["errors"] = EvalReport(task="prompts errors", rows=[
        {"name": cls, "count": k, "share": round(k / n, 4)} for cls, k in errors.most_common()])
    return report
