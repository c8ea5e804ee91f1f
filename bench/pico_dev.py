"""Score PICO models on the fixed dev split, per dev set (token-level, the EBM-NLP way).

    python bench/pico_dev.py models/claimex-pico-sm [more models...] [--json out.json]

Dev sets (all on the dev side of ``pipeline.corpora.split``):
  ebm_crowd     EBM-NLP docs with the crowd P/I/O layer (what the plain model was trained on)
  ebm_expert_i  EBM-NLP docs with the expert intervention re-annotation (I only)
  evidence_outcomes, evidencemap, pico_corpus   the other corpora, their own labels
``proxy`` = mean(P@ebm_crowd, I@ebm_expert_i, mean(O@ebm_crowd, O@evidence_outcomes)): the
closest this data gets to expert P/I/O gold.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def dev_sets() -> dict[str, list]:
    from pipeline.corpora import load_docs

    expert = [d for d in load_docs("ebm_nlp", split="dev") if str(d.meta.get("interventions", "")).startswith("expert")]
    expert += load_docs("ebm_difficulty", split="dev")
    expert = [replace(d, annotated=frozenset({"INTERVENTION"}), regions={}) for d in expert]
    return {
        "ebm_crowd": load_docs("ebm_nlp:interventions=crowd", split="dev"),
        "ebm_expert_i": expert,
        "evidence_outcomes": load_docs("evidence_outcomes", split="dev"),
        "evidencemap": load_docs("evidencemap", split="dev"),
        "pico_corpus": load_docs("pico_corpus", split="dev"),
    }


def score_model(nlp, sets: dict[str, list]) -> dict:
    from pipeline.evaluate.pico import evaluate

    out = {}
    for name, docs in sets.items():
        rep = evaluate(gold=docs, nlp=nlp)
        out[name] = {"rows": {r["name"]: {k: r[k] for k in ("precision", "recall", "f1", "support")}
                              for r in rep.rows}, "summary": rep.summary}
    f = {k: {c: v["rows"][c]["f1"] for c in v["rows"]} for k, v in out.items()}
    out["proxy"] = round((f["ebm_crowd"]["POPULATION"] + f["ebm_expert_i"]["INTERVENTION"]
                          + (f["ebm_crowd"]["OUTCOME"] + f["evidence_outcomes"]["OUTCOME"]) / 2) / 3, 4)
    out["crowd_macro"] = out["ebm_crowd"]["summary"]["token_macro_f1"]
    return out


def cached_probs(nlp, docs: list) -> list:
    """Run the pipeline once per doc, keeping the tagger's probabilities: [(doc, probs)]."""
    pipe = nlp.get_pipe("claimex_pico")
    out = []
    texts = [d.text for d in docs]
    with nlp.select_pipes(disable=["claimex_pico"]):
        sdocs = list(nlp.pipe(texts, batch_size=64))
    for k in range(0, len(sdocs), 64):
        batch = sdocs[k:k + 64]
        out.extend(zip(batch, pipe.predict(batch)))
    return out


def tune(nlp, sets: dict[str, list], grid=(0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)) -> dict:
    """Per-class thresholds maximising the proxy components on the dev sets (one class at a time:
    P on ebm_crowd, I on ebm_expert_i, O on ebm_crowd + evidence_outcomes)."""
    from pipeline.annotate.tagger.decode import decode
    from pipeline.evaluate.pico import Counts, score_doc

    pipe = nlp.get_pipe("claimex_pico")
    targets = {"POPULATION": ["ebm_crowd"], "INTERVENTION": ["ebm_expert_i"],
               "OUTCOME": ["ebm_crowd", "evidence_outcomes"]}
    cache = {name: cached_probs(nlp, sets[name]) for name in {n for v in targets.values() for n in v}}
    best = dict(pipe.cfg["thresholds"])
    report = {}
    for cls, names in targets.items():
        scores = {}
        for thr in grid:
            th = {**best, cls: thr}
            f = []
            for name in names:
                counts = Counts()
                for gold, (doc, probs) in zip(sets[name], cache[name]):
                    spans, _, _ = decode(doc, probs, pipe.heads, th, pipe.cfg.get("trim", True))
                    toks = gold.meta.get("token_offsets") or [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]
                    score_doc(counts, gold, [(s.start_char, s.end_char, s.label_) for s in spans], toks)
                f.append(counts.token_prf(cls)["f1"])
            scores[thr] = sum(f) / len(f)
        best[cls] = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
        report[cls] = {str(k): round(v, 4) for k, v in scores.items()}
    return {"thresholds": best, "grid": report}


def show(name: str, res: dict) -> None:
    print(f"== {name}: proxy {res['proxy']:.3f}  crowd macro {res['crowd_macro']:.3f}")
    for ds, v in res.items():
        if not isinstance(v, dict) or "rows" not in v:
            continue
        cells = []
        for c, r in v["rows"].items():
            if r["support"]:
                cells.append(f"{c[0]} {r['precision']:.3f}/{r['recall']:.3f}/{r['f1']:.3f}")
        s = v["summary"]
        print(f"  {ds:18s} " + "  ".join(cells) + f"  | macro {s['token_macro_f1']:.3f} micro {s['token_micro_f1']:.3f}"
              f" exact {s['span_exact_macro_f1']:.3f} overlap {s['span_overlap_macro_f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="+")
    ap.add_argument("--json")
    ap.add_argument("--set", action="append", default=[], help="threshold overrides HEAD=VALUE")
    ap.add_argument("--limit", type=int, default=0, help="at most this many docs per dev set")
    ap.add_argument("--tune", action="store_true", help="tune thresholds on the dev sets, then score")
    ap.add_argument("--write", action="store_true", help="with --tune: save the thresholds into the model")
    args = ap.parse_args()
    import spacy

    import pipeline.annotate  # noqa: F401

    sets = dev_sets()
    if args.limit:
        sets = {k: v[: args.limit] for k, v in sets.items()}
    results = {}
    for m in args.models:
        nlp = spacy.load(m)
        for item in args.set:
            k, v = item.split("=")
            if k in ("propagate", "trim"):
                nlp.get_pipe("claimex_pico").cfg[k] = v.lower() in ("1", "true", "yes")
            else:
                nlp.get_pipe("claimex_pico").cfg["thresholds"][k] = float(v)
        t0 = time.time()
        tuned = None
        if args.tune:
            tuned = tune(nlp, sets)
            nlp.get_pipe("claimex_pico").cfg["thresholds"] = dict(tuned["thresholds"])
            print("tuned thresholds", tuned["thresholds"])
            if args.write:
                nlp.config["components"]["claimex_pico"]["thresholds"] = dict(tuned["thresholds"])
                nlp.to_disk(m)
        results[m] = score_model(nlp, sets)
        if tuned:
            results[m]["tuned"] = tuned
        results[m]["seconds"] = round(time.time() - t0, 1)
        show(m, results[m])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
