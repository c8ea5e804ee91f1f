"""Claim evaluation against EvidenceMap chains (``claimex evaluate --task claims``).

Gold: EvidenceMap (shared ``corpora/evidencemap``), text re-spaced like an abstract, the project's dev
split (:mod:`claimex.corpora.split`: ``sha1("claimex-dev-v1:pmid:N")`` < 15%). A **gold chain** is an
Observation (or Count) X with an Outcome O it links to (``X -> O``) and the Interventions linking to X
(``I -> X``; possibly none: "the percentages ... were similar").

A **predicted chain** is a (claim, outcome) pair of a ``finding`` / ``adverse_effect`` /
``conclusion`` claim (background and aims are not findings). It matches a gold chain when

* the claim's outcome overlaps O;
* X is among the claim's measures (or arm values) or inside its text (its sentence);
* the gold chain has no intervention, or one of the claim's interventions/comparators overlaps a gold
  I or has the same words (a carried mention of the same intervention).

Precision = matched predicted chains / predicted chains; recall = matched gold chains / gold chains.
Rows: all chains, Observation and Count chains, and recall per gold link type (I -> Observation,
Observation -> Outcome, I -> Count, Count -> Outcome; a link is recovered when one claim holds both
ends by the rules above). Section ``numeric``: the same scoring when a number-bearing observation must
be among the claim's measures. Section ``arms``: arm linking on PICO-Corpus (dev split) - each gold
``iv-*`` / ``cv-*`` value that a measure covers should be an arm value of the right side.

``model=None`` runs the rule pipeline with the **gold entities** (Intervention -> INTERVENTION,
Participant -> POPULATION, Outcome -> OUTCOME); a model name/path runs that pipeline's own tagger.
The summary reports the time claim assembly adds per abstract.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import paths
from ..assemble.claims.base import content_words
from ..metrics import prf
from ..schema import Claim, Record
from .report import EvalReport

CLAIM_TYPES = ("finding", "adverse_effect", "conclusion")
EM_LABELS = {"Intervention": "INTERVENTION", "Participant": "POPULATION", "Outcome": "OUTCOME"}
Span = tuple[int, int]


@dataclass
class Chain:
    kind: str  # observation | count
    interventions: list[Span]
    x: Span
    outcome: Span
    x_numeric: bool


@dataclass
class GoldDoc:
    id: str
    text: str
    entities: dict[str, tuple[int, int, str]]  # id -> (start, end, EvidenceMap label)
    chains: list[Chain] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (type, arg1 id, arg2 id)


# -- gold ------------------------------------------------------------------------------------------------
def load_gold(path: Path | None = None, split: str = "dev") -> list[GoldDoc]:
    from ..corpora.spans import respace
    from ..corpora.split import in_split
    from ..corpora.types import SpanAnn, doc_key

    path = Path(path) if path else paths.corpus_path("evidencemap", "evidencemap.jsonl")
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if not in_split(doc_key(r["pmid"], r["text"]), split):
                continue
            anns = [SpanAnn(e["start"], e["end"], e["label"], e["id"]) for e in r["entities"]]
            text, moved = respace(r["text"], anns)
            ents = {s.subtype: (s.start, s.end, s.label) for s in moved}
            doc = GoldDoc(id=str(r["pmid"]), text=text, entities=ents)
            for rel in r["relations"]:
                a, b = rel["arg1"], rel["arg2"]
                if a in ents and b in ents:
                    doc.links.append((f"{ents[a][2]}->{ents[b][2]}", a, b))
            doc.chains = _chains(doc)
            docs.append(doc)
    return docs


def _chains(doc: GoldDoc) -> list[Chain]:
    chains = []
    for xid, (xs, xe, label) in doc.entities.items():
        if label not in ("Observation", "Count"):
            continue
        ints = [doc.entities[a][:2] for t, a, b in doc.links if b == xid and t.startswith("Intervention->")]
        outs = [doc.entities[b][:2] for t, a, b in doc.links if a == xid and t.endswith("->Outcome")]
        outs += [doc.entities[a][:2] for t, a, b in doc.links if b == xid and t.startswith("Outcome->")]
        numeric = any(ch.isdigit() for ch in doc.text[xs:xe])
        for o in outs:
            chains.append(Chain(label.lower(), ints, (xs, xe), o, numeric))
    return chains


# -- prediction ------------------------------------------------------------------------------------------
def _spacy_doc(nlp, gold: GoldDoc, gold_entities: bool):
    doc = nlp(gold.text)
    if gold_entities:
        from ..annotate.entities import set_entities

        spans = []
        for start, end, label in gold.entities.values():
            if label in EM_LABELS:
                span = doc.char_span(start, end, label=EM_LABELS[label], alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        set_entities(doc, spans)
    return doc


def predict(docs: Iterable[GoldDoc], model: Any = None) -> tuple[list[Record], dict[str, float]]:
    """Records for the gold documents and timings (CPU seconds of this process): ``pipeline`` (spaCy + record
    without claims) and ``claims`` (claim assembly), each on abstracts it has not met before in a warm process.

    The documents are split into two halves (alternate documents); each half is timed after the other half warmed
    the process up with the caches emptied first (:func:`claimex.extractor.forget_caches`: claim assembly's, the
    tagger's embedding rows and spaCy's tokenizer cache), so neither part is timed on texts its caches already
    answer, and both get the lazy loads and first-call costs of a warm process (session 28; before, the claims pass
    repeated the warm-up pass's own records and read ~3 in 10 lower)."""
    from ..annotate.language import load_nlp
    from ..assemble import claims as claims_module
    from ..assemble import record as record_module
    from ..extractor import forget_caches
    from ..read.base import Document

    nlp = load_nlp("rules" if model is None else model)
    assembler = claims_module.ClaimAssembler()
    timing = {"pipeline": 0.0, "claims": 0.0}
    docs = list(docs)
    records: list[Record | None] = [None] * len(docs)
    halves = (list(range(0, len(docs), 2)), list(range(1, len(docs), 2)))

    def make(gold: GoldDoc) -> Record:  # the record without claims
        return record_module.to_record(_spacy_doc(nlp, gold, gold_entities=model is None),
                                       Document(id=gold.id, text=gold.text))

    original = record_module.assemble_claims
    record_module.assemble_claims = lambda record, doc: []  # time the two parts separately
    try:
        for timed, warm in ((halves[0], halves[1]), (halves[1], halves[0])):
            forget_caches(nlp)
            warmed = [make(docs[i]) for i in warm]
            # spaCy and the record first, then claim assembly, so neither pays for the other's garbage collection
            t0 = time.process_time()
            for i in timed:
                records[i] = make(docs[i])
            timing["pipeline"] += time.process_time() - t0
            for record in warmed:
                assembler(record)
            t1 = time.process_time()
            for i in timed:
                record = records[i]
                assert record is not None
                record.claims = assembler(record)
            timing["claims"] += time.process_time() - t1
    finally:
        record_module.assemble_claims = original
    return [r for r in records if r is not None], timing


# -- matching --------------------------------------------------------------------------------------------
def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _words(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


class _ClaimView:
    def __init__(self, record: Record, claim: Claim):
        ents = {e.id: e for e in record.entities}
        meas = {m.id: m for m in record.measures}
        self.claim = claim
        # the claim's arms, and the sentence's own mentions they were resolved from ("the intervention
        # group" -> the named arm): the claim links the observation to that mention too
        arm_ids = (*claim.intervention, *claim.comparator, *claim.arm_mentions)
        self.arms = [(ents[i].start, ents[i].end) for i in arm_ids if i in ents]
        self.arm_words = [_words(ents[i].text) for i in arm_ids if i in ents]
        self.outcomes = [(ents[i].start, ents[i].end) for i in claim.outcome if i in ents]
        ids = set(claim.measures) | {a.measure for a in claim.arms}
        self.measures = [(meas[i].start, meas[i].end) for i in ids if i in meas]
        self.sentence = (claim.start or 0, claim.end or 0)

    def holds_x(self, x: Span, numeric: bool, strict: bool) -> bool:
        if any(_overlap(x, m) for m in self.measures):
            return True
        if strict and numeric:
            return False
        return self.sentence[0] <= x[0] and x[1] <= self.sentence[1]

    def holds_intervention(self, gold_ints: list[Span], text: str) -> bool:
        if not gold_ints:
            return True
        for g in gold_ints:
            gw = _words(text[g[0]:g[1]])
            if any(_overlap(g, a) for a in self.arms) or any(gw and gw == w for w in self.arm_words):
                return True
        return False


def score_docs(golds: list[GoldDoc], records: list[Record], strict: bool = False) -> EvalReport:
    by_id = {r.id: r for r in records}
    n_pred = tp_pred = 0
    kinds = ("observation", "count")
    found = {k: [0, 0] for k in kinds}  # matched gold, gold
    tp_kind = {k: 0 for k in kinds}
    link_types = ("Intervention->Observation", "Observation->Outcome", "Intervention->Count", "Count->Outcome")
    links = {t: [0, 0] for t in link_types}
    for gold in golds:
        record = by_id.get(gold.id)
        views = [_ClaimView(record, c) for c in record.claims if c.type in CLAIM_TYPES] if record else []
        matched_gold = set()
        for v in views:
            for o in v.outcomes:
                n_pred += 1
                hit = [k for k, ch in enumerate(gold.chains) if _overlap(o, ch.outcome)
                       and v.holds_x(ch.x, ch.x_numeric, strict) and v.holds_intervention(ch.interventions, gold.text)]
                if hit:
                    tp_pred += 1
                    matched_gold.update(hit)
                    for kind in {gold.chains[k].kind for k in hit}:
                        tp_kind[kind] += 1
        for k, ch in enumerate(gold.chains):
            found[ch.kind][1] += 1
            found[ch.kind][0] += k in matched_gold
        for t, a, b in gold.links:
            if t not in links:
                continue
            sa, sb = gold.entities[a][:2], gold.entities[b][:2]
            if t.startswith("Intervention->"):
                ok = any(v.holds_intervention([sa], gold.text) and v.holds_x(sb, _numeric(gold.text, sb), strict)
                         for v in views)
            else:
                ok = any(any(_overlap(sb, o) for o in v.outcomes) and v.holds_x(sa, _numeric(gold.text, sa), strict)
                         for v in views)
            links[t][1] += 1
            links[t][0] += ok
    n_gold = sum(g for _, g in found.values())
    m_gold = sum(m for m, _ in found.values())
    overall = _pr(tp_pred, n_pred, m_gold, n_gold)
    rows = [{"name": "chains", **overall, "support": n_gold}]
    for kind in kinds:
        fp = n_pred - tp_pred
        rows.append({"name": f"{kind} chains", **_pr(tp_kind[kind], tp_kind[kind] + fp, found[kind][0],
                                                      found[kind][1]), "support": found[kind][1]})
    for t in link_types:
        recall = round(links[t][0] / links[t][1], 4) if links[t][1] else 0.0
        rows.append({"name": t, "precision": None, "recall": recall, "f1": None, "support": links[t][1]})
    summary = {**overall, "predicted_chains": n_pred, "gold_chains": n_gold, "documents": len(golds)}
    return EvalReport(task="claims", rows=rows, summary=summary)


def _numeric(text: str, span: Span) -> bool:
    return any(c.isdigit() for c in text[span[0]:span[1]])


def _pr(tp_pred: int, n_pred: int, m_gold: int, n_gold: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = m_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


# -- arms (PICO-Corpus) ----------------------------------------------------------------------------------
def evaluate_arms(model: Any = None, limit: int | None = None, split: str = "dev") -> EvalReport:
    """Arm linking on PICO-Corpus: gold ``iv-*`` (intervention arm) / ``cv-*`` (control arm) values."""
    from ..annotate.entities import set_entities
    from ..annotate.language import load_nlp
    from ..assemble.claims import ClaimAssembler
    from ..assemble.claims.context import CONTROL
    from ..assemble.record import to_record
    from ..corpora.split import in_split
    from ..corpora.types import doc_key
    from ..read.base import Document

    nlp = load_nlp("rules" if model is None else model)
    assembler = ClaimAssembler()
    label_map = {"intervention": "INTERVENTION", "control": "COMPARATOR", "outcome": "OUTCOME",
                 "outcome-Measure": "OUTCOME"}
    tp = fp = fn = 0
    n_docs = 0
    with open(paths.corpus_path("pico-corpus-breast-cancer", "pico_corpus.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if not in_split(doc_key(r["pmid"], r["text"]), split):
                continue
            n_docs += 1
            if limit and n_docs > limit:
                break
            text = r["text"]
            gold_vals = [(e["start"], e["end"], "I" if e["label"].startswith("iv-") else "C") for e in r["entities"]
                         if e["label"].startswith(("iv-", "cv-")) and "participants" not in e["label"]]
            doc = nlp(text)
            if model is None:
                spans = [doc.char_span(e["start"], e["end"], label=label_map[e["label"]], alignment_mode="expand")
                         for e in r["entities"] if e["label"] in label_map]
                set_entities(doc, [s for s in spans if s is not None])
            record = to_record(doc, Document(id=str(r["pmid"]), text=text))
            record.claims = assembler(record)
            ents = {e.id: e for e in record.entities}
            meas = {m.id: m for m in record.measures}
            sides: dict[str, str] = {}
            for c in record.claims:
                for av in c.arms:
                    ent = ents.get(av.arm) if av.arm else None
                    control = ent.label == "COMPARATOR" if ent else False
                    control = control or bool(CONTROL.search(ent.text if ent else (av.arm_text or "")))
                    sides[av.measure] = "C" if control else "I"
            for a, b, side in gold_vals:
                covering = [mid for mid, m in meas.items() if m.start < b and a < m.end]
                if not covering:
                    continue  # the measure parser missed it: not an arm-linking error
                got = [sides[m] for m in covering if m in sides]
                if not got:
                    fn += 1
                elif got[0] == side:
                    tp += 1
                else:
                    fp += 1
                    fn += 1
    row = {"name": "arm values", **prf(tp, fp, fn), "support": tp + fn}
    return EvalReport(task="claims: arms", rows=[row],
                      summary={"linked_correct": tp, "linked_wrong": fp, "documents": min(n_docs, limit or n_docs)},
                      notes=[("PICO-Corpus dev split; gold iv-*/cv-* values covered by a parsed measure; wrong "
                              "side counts as a false positive and a false negative")])


# -- entry point -----------------------------------------------------------------------------------------
def evaluate(gold: Path | None = None, pred: Path | None = None, model: Any = None,
             limit: int | None = None, split: str = "dev", arms: bool = True, **_: Any) -> EvalReport:
    """Chain precision/recall/F1 (see the module docstring); ``pred``: claimex record JSONL to score
    instead of running the pipeline (ids = PMIDs, texts as in the re-spaced gold)."""
    golds = load_gold(gold, split=split)
    if limit:
        golds = golds[:limit]
    timing = None
    if pred is not None:
        with open(pred, encoding="utf-8") as fh:
            records = [Record.from_json(line) for line in fh if line.strip()]
    else:
        records, timing = predict(golds, model)
    report = score_docs(golds, records)
    report.sections["numeric"] = score_docs(golds, records, strict=True)
    entities = "gold EvidenceMap entities" if model is None and pred is None else f"entities from {pred or model}"
    report.notes.append(f"EvidenceMap {split} split ({len(golds)} abstracts), {entities}")
    if timing:
        n = max(len(golds), 1)
        report.summary["pipeline_ms_per_doc"] = round(1000 * timing["pipeline"] / n, 2)
        report.summary["claims_ms_per_doc"] = round(1000 * timing["claims"] / n, 2)
        report.summary["claims_time_share"] = round(timing["claims"] / max(timing["pipeline"], 1e-9), 4)
    if arms and pred is None:
        report.sections["arms"] = evaluate_arms(model, limit=limit, split=split)
    return report
