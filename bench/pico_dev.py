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


def show(name: str, res: dict) -> None:
    print(f"== {name}: proxy {res['proxy']:.3f}  crowd macro {res['crowd_macro']:.3f}")
    for ds, v in res.items():
        if not isinstance(v, dict):
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
    args = ap.parse_args()
    import spacy

    import pipeline.annotate  # noqa: F401

    sets = dev_sets()
    results = {}
    for m in args.models:
        nlp = spacy.load(m)
        for item in args.set:
            k, v = item.split("=")
            nlp.get_pipe("claimex_pico").cfg["thresholds"][k] = float(v)
        t0 = time.time()
        results[m] = score_model(nlp, sets)
        results[m]["seconds"] = round(time.time() - t0, 1)
        show(m, results[m])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
