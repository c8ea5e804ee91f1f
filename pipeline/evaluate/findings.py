"""``claimex evaluate --task findings``: reviewer-grade findings gold, judged field by field (issue 10).

For each gold abstract (``corpora/gold/findings/*.jsonl``, :mod:`claimex.corpora.findings`) the text is
rebuilt from ``../shared`` and run through the pipeline (``claimex.load(model)``, as ``claimex
extract``), or the record is taken from ``--pred``. Per gold finding the best claim in its sentence is
judged (:func:`claimex.evaluate.findings_match.judge`). Figures:

* ``found`` (= recall): share of gold findings with a claim that finds them;
* per field (intervention, comparator, outcome, numbers, direction, significance): share of *found*
  findings with that field right;
* ``fully_right``: share of *all* gold findings found with all six fields right;
* ``spurious``: finding/adverse_effect claims whose sentence is not a gold result sentence (nor a
  *neutral* one: a conclusion that restates or judges results), over all finding/adverse_effect claims;
* ``precision``: claims that find some gold finding over finding/adverse_effect claims in result
  sentences;
* an error table by class (a finding can have several errors), and examples per class (``--report``);
* ``calibration`` (when the claims carry ``confidence``, :mod:`claimex.assemble.claims.confidence`): per field
  and ``all`` (every field right), over the found findings' judged claims, the AUC, Brier score and the rate
  right per confidence bin (:mod:`.calibration`).

Tune on ``--split tune``, report on ``--split report`` (fixed by hash, see the gold format).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpora.findings import GoldAbstract, GoldFinding, load_document, load_gold, select_gold, text_sha1
from ..schema import Claim, ClaimConfidence, Record
from .calibration import table_rows
from .findings_match import (
    ARM_STATES,
    DIRECTION_ERRORS,
    FIELDS,
    FINDING_TYPES,
    Judgement,
    arms_state,
    claim_span,
    in_result_sentence,
    judge,
    judge_claim,
)
from .report import EvalReport, format_cell

SPLITS = ("tune", "report", "all")
CONFIDENCE_FIELDS = tuple(ClaimConfidence.model_fields)  # the fields, then "all"
EXAMPLES_PER_CLASS = 8


@dataclass
class Tally:
    """Counts for one group of abstracts."""

    gold: int = 0
    found: int = 0
    fully: int = 0
    right: Counter = field(default_factory=Counter)
    claims: int = 0  # finding/adverse_effect claims
    spurious: int = 0
    in_results: int = 0
    matching: int = 0  # claims in result sentences that find some gold finding
    errors: Counter = field(default_factory=Counter)
    #: (direction error class, arms state) of found findings with a wrong direction (:func:`.findings_match.arms_state`)
    direction_arms: Counter = field(default_factory=Counter)
    abstracts: int = 0
    # field -> (confidence, right) over found findings whose judged claim carries a confidence
    calibration: dict[str, tuple[list[float], list[bool]]] = field(default_factory=dict)

    def add_abstract(self, gold: GoldAbstract, record: Record, text: str) -> list[tuple[GoldFinding, Judgement]]:
        self.abstracts += 1
        judged = [(f, judge(f, record, text)) for f in gold.findings]
        for _, j in judged:
            self.gold += 1
            self.found += j.found
            self.fully += j.fully_right
            self.right.update(name for name, ok in j.fields.items() if ok and j.found)
            self.errors.update(j.errors)
            state = arms_state(j)
            if state is not None:
                self.direction_arms[(next(e for e in j.errors if e in DIRECTION_ERRORS), state)] += 1
        self._calibrate(judged, record)
        matched = {j.claim for _, j in judged if j.found}
        matched |= _claims_finding_any(gold, record, text)
        spurious = {c.id for c in spurious_claims(gold, record)}
        for claim in record.claims:
            if claim.type not in FINDING_TYPES:
                continue
            self.claims += 1
            if claim.id in spurious:
                self.spurious += 1
            elif not _neutral(gold, claim, record):
                self.in_results += 1
                self.matching += claim.id in matched
        return judged

    def _calibrate(self, judged: list[tuple[GoldFinding, Judgement]], record: Record) -> None:
        claims = {c.id: c for c in record.claims}
        for _, j in judged:
            conf = claims[j.claim].confidence if j.found else None
            if conf is None:
                continue
            for name in CONFIDENCE_FIELDS:
                p, y = self.calibration.setdefault(name, ([], []))
                p.append(getattr(conf, name))
                y.append(j.fully_right if name == "all" else j.fields[name])

    def rows(self) -> list[dict[str, Any]]:
        def row(name: str, num: int, den: int) -> dict[str, Any]:
            return {"name": name, "rate": round(num / den, 4) if den else 0.0, "count": num, "of": den}

        out = [row("found (recall)", self.found, self.gold)]
        out += [row(f"{name} right (of found)", self.right[name], self.found) for name in FIELDS]
        out += [row("fully right (of all gold)", self.fully, self.gold),
                row("spurious claims", self.spurious, self.claims),
                row("precision (claims in result sentences)", self.matching, self.in_results)]
        return out

    def direction_rows(self) -> list[dict[str, Any]]:
        """Per direction error class (then all of them): how many of those found findings had their arms right,
        swapped or wrong."""
        def row(name: str, counts: Counter) -> dict[str, Any]:
            return {"name": name, **{s: counts[s] for s in ARM_STATES}, "total": sum(counts.values())}

        by_class: dict[str, Counter] = defaultdict(Counter)
        for (cls, state), n in self.direction_arms.items():
            by_class[cls][state] += n
            by_class["all direction errors"][state] += n
        return [row(cls, by_class[cls]) for cls in (*DIRECTION_ERRORS, "all direction errors") if cls in by_class]

    def summary(self) -> dict[str, Any]:
        rate = {r["name"]: r["rate"] for r in self.rows()}
        return {"abstracts": self.abstracts, "gold_findings": self.gold, "found": rate["found (recall)"],
                "fully_right": rate["fully right (of all gold)"], "spurious": rate["spurious claims"],
                "precision": rate["precision (claims in result sentences)"]}


def spurious_claims(gold: GoldAbstract, record: Record) -> list[Claim]:
    """finding/adverse_effect claims whose sentence is neither a gold result sentence nor a neutral one."""
    allowed = gold.result_sentences + gold.neutral_sentences
    return [c for c in record.claims if c.type in FINDING_TYPES
            and not in_result_sentence(claim_span(c, record), allowed)]


def _neutral(gold: GoldAbstract, claim: Claim, record: Record) -> bool:
    span = claim_span(claim, record)
    return (not in_result_sentence(span, gold.result_sentences)
            and in_result_sentence(span, gold.neutral_sentences))


def _claims_finding_any(gold: GoldAbstract, record: Record, text: str) -> set[str]:
    """Ids of claims that find at least one gold finding (not only the best one per finding)."""
    out = set()
    for claim in record.claims:
        if claim.type in FINDING_TYPES and any(judge_claim(f, claim, record, text) is not None for f in gold.findings
                                               if _same_sentence(claim, record, f)):
            out.add(claim.id)
    return out


def _same_sentence(claim, record: Record, finding: GoldFinding) -> bool:
    s, e = claim_span(claim, record)
    return s < finding.sentence[1] and finding.sentence[0] < e


@dataclass
class FindingsReport(EvalReport):
    """The findings report plus examples per error class (``write_markdown``)."""

    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def write_markdown(self, path: str | Path) -> None:
        Path(path).write_text(render_markdown(self), encoding="utf-8")


def _spurious_example(gold: GoldAbstract, claim: Claim, record: Record, text: str) -> dict[str, Any]:
    ents = {e.id: e.text for e in record.entities}
    s, e = claim_span(claim, record)
    return {"record": gold.key, "split": gold.split, "sentence": " ".join(text[s:e].split()), "gold": None,
            "errors": ["spurious claim"],
            "claim": {"id": claim.id, "type": claim.type, "intervention": [ents.get(i) for i in claim.intervention],
                      "outcome": [ents.get(i) for i in claim.outcome], "direction": claim.direction}}


def _example(gold: GoldAbstract, finding: GoldFinding, j: Judgement, record: Record, text: str) -> dict[str, Any]:
    ents = {e.id: e for e in record.entities}
    meas = {m.id: m for m in record.measures}
    claim = next((c for c in record.claims if c.id == j.claim), None)

    def names(ids: list[str]) -> list[str]:
        return [ents[i].text for i in ids if i in ents]

    out = {"record": gold.key, "split": gold.split, "sentence": " ".join(text[slice(*finding.sentence)].split()),
           "gold": {"type": finding.type, "intervention": finding.intervention.text,
                    "comparator": finding.comparator.text if finding.comparator else None,
                    "outcome": finding.outcome.text, "numbers": [n.text for n in finding.numbers],
                    "direction": finding.direction, "significant": finding.significant},
           "errors": j.errors, "claim": None}
    if claim is not None:
        out["claim"] = {"id": claim.id, "type": claim.type, "intervention": names(claim.intervention),
                        "comparator": names(claim.comparator), "outcome": names(claim.outcome),
                        "numbers": [meas[i].text for i in claim.measures if i in meas],
                        "direction": claim.direction, "significant": claim.significant}
    return out


def _table(rows: list[dict[str, Any]]) -> list[str]:
    cols = list(rows[0]) if rows else []
    return (["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
            + ["| " + " | ".join(format_cell(r[c]) for c in cols) + " |" for r in rows])


def render_markdown(report: FindingsReport) -> str:
    """Markdown: the figures table, the error table, then examples per error class."""
    lines = ["# claimex evaluate --task findings", ""] + [f"- {n}" for n in report.notes] + [""]
    lines += ["| measure | rate | count | of |", "|---|---|---|---|"]
    lines += [f"| {r['name']} | {r['rate']:.3f} | {r['count']} | {r['of']} |" for r in report.rows]
    for name, sub in report.sections.items():
        if name == "calibration":
            lines += ["", "## calibration (confidence of the judged claims; bins: rate right (count))", ""]
            lines += _table(sub.rows)
            continue
        if name == "direction errors by arms":
            lines += ["", f"## {name}", ""] + _table(sub.rows)
            continue
        lines += ["", f"## {name}", "", "| class | count | share |" if name == "errors" else "| measure | rate |",
                  "|---|---|---|" if name == "errors" else "|---|---|"]
        for r in sub.rows:
            lines.append(f"| {r['name']} | {r['count']} | {r['share']:.3f} |" if name == "errors"
                         else f"| {r['name']} | {r['rate']:.3f} |")
    lines += ["", "## Examples by error class", ""]
    for cls, items in report.examples.items():
        lines += [f"### {cls} ({len(items)} shown)", ""]
        for ex in items:
            lines.append(f"- **{ex['record']}** ({ex['split']}): {ex['sentence']}")
            lines.append(f"  - gold: `{json.dumps(ex['gold'], ensure_ascii=False)}`")
            lines.append(f"  - claim: `{json.dumps(ex['claim'], ensure_ascii=False)}`")
            lines.append(f"  - errors: {', '.join(ex['errors'])}")
        lines.append("")
    return "\n".join(lines) + "\n"


def _predict(golds: list[GoldAbstract], pred: Path | None, model: Any, notes: list[str]
             ) -> list[tuple[GoldAbstract, Record, str]]:
    docs = []
    for g in golds:
        try:
            doc = load_document(g.source, g.id)
        except KeyError as exc:
            notes.append(f"skipped: {exc}")
            continue
        if text_sha1(doc.text) != g.text_sha1:
            notes.append(f"skipped {g.key}: text in ../shared differs from the gold's sha1")
            continue
        docs.append((g, doc))
    if pred is not None:
        from ..write import read_records

        by_id = {r.id: r for r in read_records(pred)}
        out = []
        for g, doc in docs:
            rec = by_id.get(g.id)
            if rec is None or rec.text != doc.text:
                notes.append(f"skipped {g.key}: no predicted record with its text in {pred}")
                continue
            out.append((g, rec, doc.text))
        return out
    from ..extractor import Extractor

    extractor = Extractor.load(model)
    notes.append(f"model: {extractor.model_name}")
    return [(g, extractor.document(doc), doc.text) for g, doc in docs]


def evaluate(gold: Path | None = None, pred: Path | None = None, model: Any = None,
             limit: int | None = None, split: str | None = None, ids: Path | None = None,
             skip_ids: Path | None = None, **_: Any) -> FindingsReport:
    """Score the pipeline (or ``pred`` records) on the findings gold; see the module docstring. ``ids`` /
    ``skip_ids``: files of gold keys (:func:`claimex.corpora.findings.read_keys`) to score only / to leave out
    (the tune abstracts annotated blind, ``models/claimex-confidence/calibration_ids.txt``: BLIND with ``ids``, the
    rest of the tune half with ``skip_ids``)."""
    split = split or "all"
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: choose from {', '.join(SPLITS)}")
    errors: list[str] = []
    golds = select_gold(load_gold(gold, errors=errors), split, ids, skip_ids)
    if limit:
        golds = golds[:limit]
    subset = "".join(f", {how} {path}" for how, path in (("only", ids), ("without", skip_ids)) if path is not None)
    notes = [f"gold: {gold or 'corpora/gold/findings'} ({split} split{subset})"] + errors
    total, by_split = Tally(), defaultdict(Tally)
    examples: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g, record, text in _predict(golds, pred, model, notes):
        by_split[g.split].add_abstract(g, record, text)
        for claim in spurious_claims(g, record):
            if len(examples["spurious claim"]) < 3 * EXAMPLES_PER_CLASS:
                examples["spurious claim"].append(_spurious_example(g, claim, record, text))
        for finding, j in total.add_abstract(g, record, text):
            for cls in j.errors:
                same = sum(1 for ex in examples[cls] if ex["record"] == g.key)
                if len(examples[cls]) < EXAMPLES_PER_CLASS and same < 2:  # at most 2 per abstract
                    examples[cls].append(_example(g, finding, j, record, text))
    report = FindingsReport(task="findings", rows=total.rows(), summary=total.summary(), notes=notes,
                            examples=dict(sorted(examples.items())))
    report.sections["errors"] = EvalReport(task="findings errors", rows=[
        {"name": cls, "count": n, "share": round(n / total.gold, 4) if total.gold else 0.0}
        for cls, n in total.errors.most_common()])
    if total.direction_arms:
        report.sections["direction errors by arms"] = EvalReport(
            task="findings: direction errors of found findings, by whether their arms were right",
            rows=total.direction_rows())
    if total.calibration:
        report.sections["calibration"] = EvalReport(task="findings confidence calibration (found findings)",
                                                    rows=table_rows(total.calibration))
    if split == "all":
        for name in ("tune", "report"):
            if name in by_split:
                report.sections[name] = EvalReport(task=f"findings ({name} half)", rows=by_split[name].rows(),
                                                   summary=by_split[name].summary())
    return report
