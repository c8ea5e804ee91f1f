"""Decoding choices of a PICO model on the dev sets, per class P / R / F1 (the tagger runs once).

    python bench/pico_decode_grid.py models/claimex-pico-sm [--classes POPULATION OUTCOME] [--json OUT]

Scores the model as shipped, with propagation off, with hygiene off, and then every
(threshold, hysteresis) point of one class at a time (the other classes as shipped) on the dev sets of
``claimex.train.tune`` (ebm_crowd, ebm_expert_i, evidence_outcomes, evidencemap), with the same decoding
(``decode_doc``) and token metric (``claimex.metrics.score_doc``) as ``bench/pico_dev.py``. Printed per
point: expert-style macro F1 and P / R / F1 per class (P on EvidenceMap, I on the expert intervention
layer, O the mean of EvidenceMap and EvidenceOutcomes), the proxy and the crowd F1s.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimex.annotate.tagger.decode import decode_doc
from claimex.corpora.dev import dev_sets
from claimex.metrics import Counts, score_doc
from claimex.train.tune import cached_probs

SETS = ("ebm_crowd", "ebm_expert_i", "evidence_outcomes", "evidencemap")
CLASSES = ("POPULATION", "INTERVENTION", "OUTCOME")
GRID = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
HYSTERESIS = (1.0, 0.75, 0.5, 0.35, 0.2)


def score(pipe, sets, cache, cfg, thresholds=None, hysteresis=None) -> dict:
    out: dict = {}
    for name in SETS:
        counts = Counts()
        for gold, (doc, probs) in zip(sets[name], cache[name]):
            spans, _, _ = decode_doc(doc, probs, pipe.heads, cfg, thresholds, hysteresis)
            toks = gold.meta.get("token_offsets") or [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
            score_doc(counts, gold, [(s.start_char, s.end_char, s.label_) for s in spans], toks)
        out[name] = {c: counts.token_prf(c) for c in CLASSES}
    o = [out["evidencemap"]["OUTCOME"], out["evidence_outcomes"]["OUTCOME"]]
    out["expert"] = {"POPULATION": out["evidencemap"]["POPULATION"],
                     "INTERVENTION": out["ebm_expert_i"]["INTERVENTION"],
                     "OUTCOME": {k: round((o[0][k] + o[1][k]) / 2, 4) for k in ("precision", "recall", "f1")}}
    out["expert_macro"] = round(sum(v["f1"] for v in out["expert"].values()) / 3, 4)
    crowd = out["ebm_crowd"]
    out["proxy"] = round((crowd["POPULATION"]["f1"] + out["ebm_expert_i"]["INTERVENTION"]["f1"]
                          + (crowd["OUTCOME"]["f1"] + out["evidence_outcomes"]["OUTCOME"]["f1"]) / 2) / 3, 4)
    return out


def line(name: str, r: dict) -> str:
    cells = " ".join(f"{c[0]} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}" for c, v in r["expert"].items())
    crowd = " ".join(f"{c[0]} {r['ebm_crowd'][c]['f1']:.3f}" for c in CLASSES)
    return f"{name:28s} expert-style {r['expert_macro']:.4f} | {cells} | proxy {r['proxy']:.4f} | crowd F1 {crowd}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model")
    ap.add_argument("--classes", nargs="*", default=list(CLASSES), choices=CLASSES)
    ap.add_argument("--json")
    args = ap.parse_args()
    import spacy

    import claimex.annotate  # noqa: F401

    nlp = spacy.load(args.model)
    pipe = nlp.get_pipe("claimex_pico")
    sets = dev_sets(list(SETS))
    cache = {name: cached_probs(nlp, sets[name]) for name in SETS}
    base = dict(pipe.cfg)
    results = {"shipped": score(pipe, sets, cache, base)}
    print(line("shipped", results["shipped"]), flush=True)
    for flag in ("propagate", "hygiene"):
        results[f"{flag}=false"] = score(pipe, sets, cache, {**base, flag: False})
        print(line(f"{flag}=false", results[f"{flag}=false"]), flush=True)
    for cls in args.classes:
        for thr in GRID:
            for hy in HYSTERESIS:
                key = f"{cls} {thr}@{hy}"
                results[key] = score(pipe, sets, cache, base, {**base["thresholds"], cls: thr},
                                     {**base["hysteresis"], cls: hy})
                print(line(key, results[key]), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
