"""Score PICO models on the fixed dev split, per dev set (token-level, the EBM-NLP way).

    python bench/pico_dev.py models/claimex-pico-sm [more models...] [--json out.json]

Dev sets (all on the dev side of ``claimex.corpora.split``):
  ebm_crowd     EBM-NLP docs with the crowd P/I/O layer (what the plain model was trained on)
  ebm_expert_i  EBM-NLP docs with the expert intervention re-annotation (I only)
  evidence_outcomes, evidencemap, pico_corpus   the other corpora, their own labels
``proxy`` = mean(P@ebm_crowd, I@ebm_expert_i, mean(O@ebm_crowd, O@evidence_outcomes)): the
closest this data gets to expert P/I/O gold. ``expert-style`` = P/R/F1 per class on expert labels only:
P on evidencemap, I on ebm_expert_i, O the mean of evidencemap and evidence_outcomes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from claimex.corpora.dev import dev_sets
from claimex.train.tune import HYSTERESIS, TARGETS, TARGETS_EXPERT, apply_tuning, tune


def score_model(nlp, sets: dict[str, list]) -> dict:
    from claimex.evaluate.pico import evaluate

    out = {}
    for name, docs in sets.items():
        rep = evaluate(gold=docs, nlp=nlp)
        out[name] = {"rows": {r["name"]: {k: r[k] for k in ("precision", "recall", "f1", "support")}
                              for r in rep.rows}, "summary": rep.summary}
    f = {k: {c: v["rows"][c]["f1"] for c in v["rows"]} for k, v in out.items()}
    out["proxy"] = round((f["ebm_crowd"]["POPULATION"] + f["ebm_expert_i"]["INTERVENTION"]
                          + (f["ebm_crowd"]["OUTCOME"] + f["evidence_outcomes"]["OUTCOME"]) / 2) / 3, 4)
    out["crowd_macro"] = out["ebm_crowd"]["summary"]["token_macro_f1"]
    out["expert"] = expert_style(out)
    out["expert_macro"] = round(sum(v["f1"] for v in out["expert"].values()) / 3, 4)
    return out


def expert_style(out: dict) -> dict:
    """Per class P/R/F1 on the expert-style dev sets: P on EvidenceMap (expert, every mention), I on
    the expert intervention layer, O the mean of EvidenceMap and EvidenceOutcomes (no crowd labels)."""
    def row(ds, c):
        return out[ds]["rows"][c]

    o = [row("evidencemap", "OUTCOME"), row("evidence_outcomes", "OUTCOME")]
    return {"POPULATION": {k: row("evidencemap", "POPULATION")[k] for k in ("precision", "recall", "f1")},
            "INTERVENTION": {k: row("ebm_expert_i", "INTERVENTION")[k] for k in ("precision", "recall", "f1")},
            "OUTCOME": {k: round(sum(r[k] for r in o) / 2, 4) for k in ("precision", "recall", "f1")}}


def show(name: str, res: dict) -> None:
    print(f"== {name}: proxy {res['proxy']:.3f}  crowd macro {res['crowd_macro']:.3f}  expert-style macro "
          f"{res['expert_macro']:.3f}  " + "  ".join(f"{c[0]} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}"
                                                    for c, v in res["expert"].items()))
    for ds, v in res.items():
        if not isinstance(v, dict) or "rows" not in v:  # proxy, expert: shown above
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
    ap.add_argument("--hysteresis", action="store_true",
                    help="with --tune: tune the hysteresis too (HYSTERESIS grid of pipeline/train/tune.py)")
    ap.add_argument("--targets", choices=("proxy", "expert"), default="proxy",
                    help="with --tune: the dev sets each class is tuned on (TARGETS / TARGETS_EXPERT of tune.py)")
    ap.add_argument("--write", action="store_true", help="with --tune: save the thresholds into the model")
    args = ap.parse_args()
    import spacy

    import claimex.annotate  # noqa: F401

    sets = dev_sets()
    if args.limit:
        sets = {k: v[: args.limit] for k, v in sets.items()}
    results = {}
    for m in args.models:
        nlp = spacy.load(m)
        for item in args.set:
            k, v = item.split("=")
            if k in ("propagate", "trim", "exclusive", "hygiene"):
                nlp.get_pipe("claimex_pico").cfg[k] = v.lower() in ("1", "true", "yes")
            else:
                nlp.get_pipe("claimex_pico").cfg["thresholds"][k] = float(v)
        t0 = time.time()
        tuned = None
        if args.tune:
            tuned = tune(nlp, sets, hysteresis=HYSTERESIS if args.hysteresis else (1.0,),
                         targets=TARGETS_EXPERT if args.targets == "expert" else TARGETS)
            apply_tuning(nlp, tuned)
            print("tuned thresholds", tuned["thresholds"], "hysteresis", tuned["hysteresis"])
            if args.write:  # apply_tuning has put the values in the component and the config
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
