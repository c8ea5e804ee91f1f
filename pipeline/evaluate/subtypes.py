"""Entity subtype evaluation (``claimex evaluate --task subtypes``).

The unit is a **gold span** with an EBM-NLP fine label: the classifier of ``claimex_subtypes``
is given the gold span (tokenized and trimmed as in training, :func:`claimex.corpora.subtypes.gold_token_spans`)
and its coarse label, and must name the subtype. Reported: accuracy, per-subtype precision /
recall / F1 per coarse label, and the majority-class baseline (per coarse label, the most frequent
subtype of the training data). COMPARATOR spans are always ``Control`` and are not scored.

Gold: by default the dev split (:mod:`claimex.corpora.split`) of the training sources
(:data:`claimex.corpora.subtypes.SOURCES`), one section per source; ``--gold SPEC`` takes a shared
corpus spec (its dev split) or a path (all of it). ``--pred`` scores predicted records (JSONL)
instead: an entity counts for a gold span with the same offsets and label.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..annotate.entities import SUBTYPES
from ..corpora.subtypes import SOURCES, load_span_docs
from ..metrics import prf
from .report import EvalReport

SCORED = ("POPULATION", "INTERVENTION", "OUTCOME")
SHORT = {"POPULATION": "p", "INTERVENTION": "i", "OUTCOME": "o"}


def score(items: Sequence[tuple[str, str, str | None]], task: str = "subtypes") -> EvalReport:
    """``items``: (coarse label, gold subtype, predicted subtype or None) per gold span."""
    items = [it for it in items if it[0] in SCORED]
    rows = []
    for label in SCORED:
        for sub in SUBTYPES[label]:
            tp = sum(1 for lab, g, p in items if lab == label and g == p == sub)
            fp = sum(1 for lab, g, p in items if lab == label and p == sub and g != sub)
            fn = sum(1 for lab, g, p in items if lab == label and g == sub and p != sub)
            rows.append({"name": f"{label}/{sub}", **prf(tp, fp, fn), "support": tp + fn, "predicted": tp + fp})
    n = len(items)
    summary: dict[str, Any] = {"accuracy": round(sum(g == p for _, g, p in items) / n, 4) if n else 0.0}
    for label in SCORED:
        sub = [(g, p) for lab, g, p in items if lab == label]
        summary[f"{SHORT[label]}_accuracy"] = round(sum(g == p for g, p in sub) / len(sub), 4) if sub else 0.0
    supported = [r["f1"] for r in rows if r["support"]]
    summary["macro_f1"] = round(sum(supported) / len(supported), 4) if supported else 0.0
    summary["n"] = n
    summary["none"] = sum(1 for *_, p in items if p is None)
    return EvalReport(task=task, rows=rows, summary=summary)


def majority(counts: dict[str, int]) -> dict[str, str]:
    """The most frequent subtype per coarse label from ``{"LABEL/Subtype": n}`` training counts."""
    best: dict[str, tuple[int, str]] = {}
    for key, n in counts.items():
        label, _, sub = key.partition("/")
        if label not in best or n > best[label][0]:
            best[label] = (n, sub)
    return {label: sub for label, (_, sub) in best.items()}


def _gold_docs(gold, limit: int | None, sources: Sequence[str]) -> tuple[dict[str, list], str]:
    """Per source: ``[(cdoc, doc, spans)]`` with subtype-labelled spans; and a description."""
    from ..corpora import SHARED, parse_spec

    if gold is None or str(gold) in ("dev", "dev-split"):
        return ({spec: load_span_docs([spec], "dev", limit=limit or 0) for spec in sources},
                "dev split of " + ", ".join(sources))
    spec = str(gold)
    split = "dev" if parse_spec(spec)[0] in SHARED else "all"
    return {spec: load_span_docs([spec], split, limit=limit or 0)}, (f"dev split of {spec}" if split == "dev"
                                                                      else spec)


def resolve_model(model: Any):
    """``(SubtypeModel, min_score, where)`` from a packaged pipeline dir (default: the shipped model),
    a name under models/, or a component dir written by :func:`claimex.train.subtypes.save_component`."""
    import spacy

    from .. import paths
    from ..annotate.subtypes import SubtypeModel, load_component

    path = paths.model_dir(model) if model is not None else paths.default_model_dir()
    if (path / "config.cfg").exists():
        config = spacy.util.load_config(path / "config.cfg", interpolate=False)
        comp = config["components"].get("claimex_subtypes")
        if comp is None or not (path / "claimex_subtypes" / "model" / "cfg.json").exists():
            raise FileNotFoundError(f"{path}: no trained claimex_subtypes component; add one with "
                                    f"`claimex train subtypes --output {path}`")
        return SubtypeModel.from_disk(path / "claimex_subtypes" / "model"), float(comp.get("min_score") or 0.0), path
    cfg = path / "config.json"
    min_score = json.loads(cfg.read_text(encoding="utf-8")).get("min_score", 0.0) if cfg.exists() else 0.0
    return load_component(path), float(min_score or 0.0), path


def predict(model, docs: list, min_score: float = 0.0) -> list[tuple[str, str, str | None]]:
    from ..annotate.subtypes import span_features

    items = []
    for _cdoc, doc, spans in docs:
        spans = [s for s in spans if s[2] in SCORED]
        if not spans:
            continue
        logits = model.logits(span_features(doc, [s[0] for s in spans], [s[1] for s in spans], model.bits))
        subs, probs = model.predict(logits, [s[2] for s in spans])
        for (_a, _b, label, gold), sub, p in zip(spans, subs, probs):
            items.append((label, gold, sub if p is not None and p >= min_score else None))
    return items


def _from_records(pred: Path, docs: list) -> tuple[list[tuple[str, str, str | None]], int]:
    by_id: dict[str, dict] = {}
    with open(pred, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                by_id[str(r.get("id"))] = r
    items, matched = [], 0
    for cdoc, doc, spans in docs:
        ents = {(e["start"], e["end"], e["label"]): e.get("subtype")
                for e in (by_id.get(str(cdoc.id)) or {}).get("entities", [])}
        for a, b, label, gold in spans:
            key = (doc[a:b].start_char, doc[a:b].end_char, label)
            matched += key in ents
            items.append((label, gold, ents.get(key)))
    return items, matched


def evaluate(gold=None, pred: Path | None = None, model: Any = None, limit: int | None = None,
             **_: Any) -> EvalReport:
    """Score the subtype classifier of ``model`` (or the records in ``pred``) on gold spans."""

    docs, described = _gold_docs(gold, limit, SOURCES)
    notes = []
    if pred is not None:
        per_source, base = {}, None
        for spec, ds in docs.items():
            items, matched = _from_records(pred, ds)
            per_source[spec] = items
            notes.append(f"{spec}: {matched} of {len(items)} gold spans matched by a predicted entity")
    else:
        sub_model, min_score, where = resolve_model(model)
        per_source = {spec: predict(sub_model, ds, min_score) for spec, ds in docs.items()}
        base = majority(sub_model.meta.get("train_counts") or {})
        notes.append(f"classifier: {where} (min_score {min_score}, {sub_model.bits}-bit hash table)")
    if base is None:

        base = majority(Counter(f"{s[2]}/{s[3]}" for *_, spans in load_span_docs(SOURCES, "train") for s in spans))
    all_items = [it for items in per_source.values() for it in items]
    report = score(all_items)
    baseline = score([(lab, g, base.get(lab)) for lab, g, _ in all_items], task="subtypes (majority baseline)")
    for key in ("accuracy", "p_accuracy", "i_accuracy", "o_accuracy", "macro_f1"):
        report.summary[f"baseline_{key}"] = baseline.summary[key]
    report.notes = [
        f"gold: {described}; unit: gold span with a fine label; COMPARATOR (always Control) not scored",
        "baseline: majority subtype per coarse label in the training data: "
        + ", ".join(f"{lab} {sub}" for lab, sub in sorted(base.items())), *notes]
    report.sections["majority baseline"] = baseline
    if len(per_source) > 1:
        for spec, items in per_source.items():
            sub = score(items, task=f"subtypes {spec}")
            report.sections[spec] = EvalReport(task=sub.task, rows=[r for r in sub.rows if r["support"]],
                                               summary=sub.summary)
    return report
