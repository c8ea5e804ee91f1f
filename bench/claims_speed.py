"""What claim assembly adds to the per-abstract pipeline time (target: at most 20%).

    python bench/claims_speed.py [MODEL]

MODEL: a pipeline with a PICO tagger (default: models/claimex-pico-sm). When it is not there, the rule
pipeline plus an *untrained* pico-sm tagger (configs/pico-sm.cfg) stands in: the same layers, so the
same speed. Abstracts: the EvidenceMap dev split. Claims are assembled on records with the gold
EvidenceMap entities when the tagger is untrained (its random spans would not be realistic input).
Prints ms per abstract for spaCy, record building and claim assembly, and the claims' share.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy
from spacy.training import Example

from claimex import paths
from claimex.annotate.language import build_pipeline, load_nlp
from claimex.assemble import record as record_module
from claimex.assemble.claims import ClaimAssembler
from claimex.evaluate.claims import load_gold, predict
from claimex.read.base import Document


def _nlp(model: str | None):
    path = Path(model) if model else paths.MODELS_DIR / "claimex-pico-sm"
    if (path / "config.cfg").exists():
        return load_nlp(path), True
    cfg = spacy.util.load_config(paths.CONFIGS_DIR / "pico-sm.cfg", interpolate=True)
    nlp = build_pipeline()
    component = dict(cfg["components"]["claimex_pico"])
    component.pop("factory")
    nlp.add_pipe("claimex_pico", config=component)
    sample = [nlp.make_doc("A short sample abstract about aspirin and mortality.")]
    nlp.get_pipe("claimex_pico").initialize(lambda: [Example(d, d.copy()) for d in sample], nlp=nlp)
    return nlp, False


def main(model: str | None = None, rounds: int = 3) -> None:
    nlp, trained = _nlp(model)
    golds = load_gold(split="dev")
    texts = [g.text for g in golds]
    assembler = ClaimAssembler()
    original = record_module.assemble_claims
    record_module.assemble_claims = lambda record, doc: []
    try:
        records = predict(golds)[0] if not trained else None
        best = None
        for _ in range(rounds):
            t0 = time.perf_counter()
            docs = list(nlp.pipe(texts))
            t1 = time.perf_counter()
            recs = [record_module.to_record(d, Document(id=g.id, text=g.text)) for d, g in zip(docs, golds)]
            t2 = time.perf_counter()
            for rec in records or recs:
                assembler(rec)
            t3 = time.perf_counter()
            run = (t1 - t0, t2 - t1, t3 - t2)
            best = run if best is None or sum(run) < sum(best) else best
    finally:
        record_module.assemble_claims = original
    n = len(golds)
    spacy_ms, record_ms, claims_ms = (1000 * x / n for x in best)
    print(f"pipeline: {' + '.join(nlp.pipe_names)} ({'trained' if trained else 'untrained tagger, speed only'})")
    print(f"{n} abstracts: spaCy {spacy_ms:.2f} ms, record {record_ms:.2f} ms, claims {claims_ms:.2f} ms per "
          f"abstract; claims add {claims_ms / (spacy_ms + record_ms):.1%}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
