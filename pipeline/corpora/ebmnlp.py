"""EBM-NLP (shared ``ebm-nlp/``) -> :class:`CorpusDoc`.

Pre-tokenized documents are turned back into text with :func:`detokenize` (token offsets
kept), and token labels become character spans, so every corpus reaches the tagger through
the same scispaCy tokenization as real input.

* ``load_train_docs`` - the 2,767 train docs. Coarse ``pio`` (crowd) where present; the
  expert intervention re-annotation of ``difficulty_interventions`` replaces the crowd
  interventions where the same PMID has the same tokens (``interventions="expert"``, the
  default; ``"crowd"`` keeps the crowd layer, ``"expert-only"`` drops crowd interventions
  from docs without an expert layer). Fine labels become ``subtype``; ``Control``
  interventions become COMPARATOR. ``fine_only=True`` adds the docs that only have the fine
  layers (their I/O tokens as I/O; population is then *missing*, the fine P layer covers only
  a fifth of the coarse P tokens). ``population=True`` (with ``fine_only``) adds those docs'
  fine P tokens as POPULATION spans with their subtypes, still not *annotated* (partial): for
  subtype training, not for the tagger.
* ``load_difficulty`` - intervention-only docs of the difficulty set that are not train docs.
* ``load_acl_dev`` - docs of the authors' dev split that are not train docs (other tokenization).
* ``load_extra_sentences`` - the 9,228 fine-label sentences (I/O only; ``population=True`` adds
  their fine P tokens as POPULATION spans, not *annotated*, as above).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .. import paths
from .types import CorpusDoc, SpanAnn, detokenize, doc_key, runs_to_spans

COARSE = {"P": "POPULATION", "I": "INTERVENTION", "O": "OUTCOME"}
FINE_LAYER = {"POPULATION": "p_fine", "INTERVENTION": "i_fine", "OUTCOME": "o_fine"}


def _read(name: str) -> Iterator[dict]:
    path = paths.corpus_path("ebm-nlp", name)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _fine(value: str | None) -> str | None:
    return None if value in (None, "N", "") else value


def _expert_interventions() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for d in _read("difficulty_interventions.jsonl.gz"):
        lab = d.get("interventions_difficult") or d.get("interventions_random")
        if lab is not None and d.get("pmid"):
            out[str(d["pmid"])] = {"tokens": d["tokens"], "labels": lab,
                                   "layer": "difficult" if d.get("interventions_difficult") else "random"}
    return out


def _build(
    doc_id: str, tokens: list[str], marks: dict[str, list], layers: dict, annotated: set[str],
    source: str, pmid: str | None, meta: dict,
) -> CorpusDoc:
    """``marks``: per label (POPULATION/INTERVENTION/OUTCOME) a truthy-per-token list; labels may
    overlap (crowd outcomes + expert interventions). Fine layers give subtypes and COMPARATOR.
    A label in ``marks`` but not in ``annotated`` is partial (fine P tokens, see ``population``)."""
    text, offsets = detokenize(tokens)
    i_fine = layers.get("i_fine")
    spans: list[SpanAnn] = []
    comparator_known = [False] * len(tokens)
    for lab, mask in marks.items():
        fine = layers.get(FINE_LAYER[lab])
        labels: list[str | None] = []
        subtypes: list[str | None] = []
        for k, on in enumerate(mask):
            if not on:
                labels.append(None)
                subtypes.append(None)
                continue
            sub = _fine(fine[k]) if fine is not None else None
            out = lab
            if lab == "INTERVENTION" and i_fine is not None and _fine(i_fine[k]) is not None:
                comparator_known[k] = True
                if _fine(i_fine[k]) == "Control":
                    out = "COMPARATOR"
            labels.append(out)
            subtypes.append(sub)
        # spans = runs of one label, subtype = the majority; a partial (not annotated) label comes
        # from a fine layer only: one span per run of one subtype
        for span in runs_to_spans(offsets, labels, subtypes if lab not in annotated else None):
            toks = [k for k, (a, b) in enumerate(offsets) if a >= span.start and b <= span.end]
            subs = Counter(subtypes[k] for k in toks if subtypes[k] is not None)
            sub = subs.most_common(1)[0][0] if subs else None
            spans.append(SpanAnn(span.start, span.end, span.label, sub))
    spans.sort(key=lambda s: (s.start, s.end, s.label))
    regions = {}
    if "INTERVENTION" in annotated and i_fine is not None:
        # COMPARATOR vs INTERVENTION is known only on intervention tokens that carry a fine label
        annotated = set(annotated) | {"COMPARATOR"}
        regions["COMPARATOR"] = [(s.start, s.end) for s in runs_to_spans(
            offsets, ["C" if c else None for c in comparator_known])]
    meta = {**meta, "token_offsets": offsets}
    return CorpusDoc(id=doc_id, text=text, spans=spans, annotated=frozenset(annotated), source=source,
                     key=doc_key(pmid, text), regions=regions, meta=meta)


def load_train_docs(interventions: str = "expert", fine_only: bool = False,
                    population: bool = False) -> Iterator[CorpusDoc]:
    if interventions not in ("expert", "crowd", "expert-only"):
        raise ValueError(f"interventions must be expert, crowd or expert-only, not {interventions!r}")
    expert = _expert_interventions() if interventions != "crowd" else {}
    for d in _read("train_docs.jsonl.gz"):
        layers = {k: v for k, v in (d.get("labels") or {}).items() if v is not None}
        tokens = d["tokens"]
        pmid = d.get("pmid")
        exp = expert.get(str(pmid)) if pmid else None
        if exp is not None and exp["tokens"] != tokens:
            exp = None
        meta = {"pmid": pmid, "layers": sorted(layers)}
        pio = layers.get("pio")
        marks: dict[str, list] = {}
        if pio is not None:
            for code, lab in COARSE.items():
                marks[lab] = [x == code for x in pio]
        elif fine_only and ("i_fine" in layers or "o_fine" in layers or (population and "p_fine" in layers)):
            for lab, layer in (("INTERVENTION", "i_fine"), ("OUTCOME", "o_fine")):
                if layer in layers:
                    marks[lab] = [_fine(x) is not None for x in layers[layer]]
            meta["fine_only"] = True
        elif exp is None:
            continue
        if exp is not None:
            marks["INTERVENTION"] = [bool(x) for x in exp["labels"]]
            meta["interventions"] = f"expert-{exp['layer']}"
        elif interventions == "expert-only":
            marks.pop("INTERVENTION", None)
        annotated = set(marks)
        if meta.get("fine_only") and population and "p_fine" in layers:
            marks["POPULATION"] = [_fine(x) is not None for x in layers["p_fine"]]
        yield _build(d["doc_id"], tokens, marks, layers, annotated, "ebm_nlp", pmid, meta)


def load_difficulty(exclude_train: bool = True) -> Iterator[CorpusDoc]:
    """Expert intervention-only docs (difficulty set) not already merged into train docs."""
    train_pmids = {str(d["pmid"]): d["tokens"] for d in _read("train_docs.jsonl.gz") if d.get("pmid")}
    for d in _read("difficulty_interventions.jsonl.gz"):
        lab = d.get("interventions_difficult") or d.get("interventions_random")
        pmid = str(d["pmid"])
        if lab is None or (exclude_train and train_pmids.get(pmid) == d["tokens"]):
            continue
        yield _build(f"ebmdiff-{pmid}", d["tokens"], {"INTERVENTION": lab}, {}, {"INTERVENTION"}, "ebm_difficulty",
                     pmid,
                     {"pmid": pmid, "interventions": "expert"})


def load_acl_dev(exclude_train: bool = True) -> Iterator[CorpusDoc]:
    """The authors' 500-doc dev split (whitespace-ish tokens); by default only docs not in train docs."""
    seen = set()
    if exclude_train:
        for d in _read("train_docs.jsonl.gz"):
            seen.add(d["doc_id"])
            if d.get("pmid"):
                seen.add(str(d["pmid"]))
    for d in _read("bepnye_acl_dev_docs.jsonl.gz"):
        pio = (d.get("labels") or {}).get("pio")
        if pio is None or d["doc_id"] in seen or (d.get("pmid") and str(d["pmid"]) in seen):
            continue
        marks = {lab: [x == code for x in pio] for code, lab in COARSE.items()}
        yield _build(d["doc_id"], d["tokens"], marks, {}, set(marks),
                     "ebm_acl", d.get("pmid"), {"pmid": d.get("pmid")})


def load_extra_sentences(population: bool = False) -> Iterator[CorpusDoc]:
    for d in _read("train_extra_sentences.jsonl.gz"):
        layers = {k: v for k, v in (d.get("labels") or {}).items() if v is not None}
        marks = {lab: [_fine(x) is not None for x in layers[layer]]
                 for lab, layer in (("INTERVENTION", "i_fine"), ("OUTCOME", "o_fine")) if layer in layers}
        annotated = set(marks)
        if population and "p_fine" in layers:
            marks["POPULATION"] = [_fine(x) is not None for x in layers["p_fine"]]
        if marks:
            yield _build(d["sent_id"], d["tokens"], marks, layers, annotated, "ebm_sentences", None, {})


def read_token_file(path: Path) -> Iterator[dict]:
    """EBM-NLP-style token JSONL (``tokens`` + ``labels`` {pio: [...]} or a label list)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
