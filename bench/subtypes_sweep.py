"""Design choices of the subtype classifier, measured on a slice of the *train* side (the dev split
is not looked at): train docs with ``dev_score`` in [0.15, 0.30) are held out, the rest trains.

    python bench/subtypes_sweep.py [--json OUT]

Compares training sources, hash-table sizes and ``min_score`` (coverage vs precision), each with
the other settings at :data:`claimex.train.subtypes.SETTINGS`. Reports accuracy on the held-out
spans of each source (COMPARATOR not scored) and the majority-class baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimex.corpora import dev_score
from claimex.corpora import subtypes as spans_data
from claimex.train import subtypes as st

HELD_OUT = (0.15, 0.30)
EBM, SENT = "ebm_nlp:fine_only=true", "ebm_sentences"
FINAL = spans_data.SOURCES  # EBM and SENT with population=true
VARIANTS = {
    "ebm_nlp fine_only": [EBM],
    "+ sentences": [EBM, SENT],
    "+ fine P spans (final)": list(FINAL),
    "+ pico_corpus P/C": [*FINAL, "pico_corpus:population=true"],
}
EVAL = {"ebm_nlp": FINAL[0], "sentences": FINAL[1]}


def accuracy(model, data) -> float:
    logits = numpy.add.reduceat(model.W[data.rows], data.offsets[:-1], axis=0)
    pred, _ = model.predict(logits, data.labels)
    return round(float(numpy.mean([p == g for p, g in zip(pred, data.targets)])), 4)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json")
    args = ap.parse_args()
    t0 = time.time()
    tok = spans_data.default_tokenizer()
    specs = sorted({s for v in VARIANTS.values() for s in v})
    docs = {s: spans_data.load_span_docs([s], "train", tokenizer=tok) for s in specs}
    train = {s: [d for d in v if dev_score(d[0].key) >= HELD_OUT[1]] for s, v in docs.items()}
    held = {name: [d for d in docs[s] if HELD_OUT[0] <= dev_score(d[0].key) < HELD_OUT[1]]
            for name, s in EVAL.items()}
    print(f"data loaded in {time.time() - t0:.0f}s", flush=True)
    out: dict = {"held_out": list(HELD_OUT), "settings": st.SETTINGS}

    def run(sources, bits=st.SETTINGS["bits"]):
        data = st.featurize([d for s in sources for d in train[s]], bits)
        model = st.fit(data, bits=bits)
        evals = {name: st.featurize(v, bits) for name, v in held.items()}
        return model, evals, {"train_spans": len(data), **{name: accuracy(model, e) for name, e in evals.items()}}

    counts = Counter((lab, sub) for s in FINAL for _, _, sp in train[s] for _, _, lab, sub in sp if lab != "COMPARATOR")
    maj = {lab: max((n, sub) for (lb, sub), n in counts.items() if lb == lab)[1] for lab, _ in counts}
    out["baseline"] = {name: round(float(numpy.mean([maj[lab] == sub for _, _, sp in v for _, _, lab, sub in sp
                                                     if lab != "COMPARATOR"])), 4) for name, v in held.items()}
    print("majority baseline", out["baseline"], flush=True)
    out["sources"] = {}
    for name, sources in VARIANTS.items():
        out["sources"][name] = run(sources)[2]
        print("sources", name, out["sources"][name], flush=True)
    out["bits"] = {}
    for bits in (14, 15, 16, 17, 18):
        out["bits"][bits] = run(FINAL, bits)[2]
        print("bits", bits, out["bits"][bits], flush=True)
    model, evals, _ = run(FINAL)
    out["min_score"] = {}
    for name, data in evals.items():
        logits = numpy.add.reduceat(model.W[data.rows], data.offsets[:-1], axis=0)
        pred, prob = model.predict(logits, data.labels)
        good = numpy.array([p == g for p, g in zip(pred, data.targets)])
        prob = numpy.array(prob)
        out["min_score"][name] = {t: {"coverage": round(float((prob >= t).mean()), 3),
                                      "precision": round(float(good[prob >= t].mean()), 3)}
                                  for t in (0.0, 0.4, 0.5, 0.6, 0.7, 0.8)}
        print("min_score", name, out["min_score"][name], flush=True)
    print(f"total {time.time() - t0:.0f}s")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
