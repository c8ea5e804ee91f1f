"""Expert-style PICO dev figures on two fixed halves of the dev split (issue 11; models/README.md, "Expert-style dev
figures (session 24)"): per class P / R / F1 of the shipped decoding, where the model's intervention volume goes
beyond the expert gold's, and a per-class decoding sweep chosen on one half and reported on the other.

    python bench/pico_expert_halves.py models/claimex-pico-sm [models/claimex-pico-md] [--volume] [--sweep] [--json OUT]

**Halves**: a dev document is in the ``tune`` half when ``sha1("claimex-expert-half-v1:" + key)`` falls in the first
half of the hash range (``claimex.corpora.split.hash_score``; ``key`` = ``pmid:N`` or the text hash), else in the
``report`` half - so one abstract is on the same side in every dev set that holds it.

**Expert-style** (expert labels only, as ``bench/pico_dev.py``): POPULATION on ``evidencemap`` (38 dev abstracts:
small), INTERVENTION on ``ebm_expert_i`` (302), OUTCOME the mean of ``evidence_outcomes`` (100) and ``evidencemap``. The
crowd layer (``ebm_crowd``, 280) is printed beside them. Same decoding (``decode_doc``) and token metric
(``claimex.metrics.score_doc``) as ``bench/pico_dev.py``; the tagger runs once per model.

``--volume``: the predicted INTERVENTION tokens (INTERVENTION + COMPARATOR spans) by source - repeats added by mention
propagation, every mention whose words an earlier arm span of the doc has (tagged or propagated), COMPARATOR runs,
tokens under the class threshold (hygiene growth), dose / route / schedule words, generic arm words - and P / R / F1
with each kind cut from the prediction, on ``ebm_expert_i`` and on the crowd I layer.

``--sweep``: per class, threshold x hysteresis (the other classes as shipped) and mention propagation on / off for that
class; the best expert-style F1 on the tune half is reported on the report half with P and R.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimex.annotate.tagger.decode import PROPAGATE, decode_doc
from claimex.corpora.dev import dev_sets
from claimex.corpora.split import hash_score
from claimex.metrics import Counts, score_doc
from claimex.train.tune import cached_probs

SETS = ("ebm_crowd", "ebm_expert_i", "evidence_outcomes", "evidencemap")
CLASSES = ("POPULATION", "INTERVENTION", "OUTCOME")
HALVES = ("tune", "report")
HALF_SALT = "claimex-expert-half-v1:"
GRID = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
HYSTERESIS = (1.0, 0.75, 0.5, 0.35, 0.2)
ARM = ("INTERVENTION", "COMPARATOR")

# dose, route and schedule words inside an arm span (a token with a digit counts too)
DOSE_WORDS = frozenset("""mg g kg mcg µg μg ug ng ml l dl iu u units unit mmol mol meq % mg/kg mg/day mg/d g/day g/d
µg/kg μg/kg mcg/kg ml/kg iu/kg u/kg / x per daily day days weekly week weeks monthly month months hourly hour hours h hr
hrs min mins minute minutes once twice thrice times every dose doses dosage dosing bid tid qid qd od b.i.d. t.i.d.
q.d. oral orally intravenous intravenously iv i.v. subcutaneous subcutaneously sc s.c. intramuscular intramuscularly
im i.m. topical topically inhaled intranasal intranasally sublingual rectal transdermal infusion bolus tablet tablets
capsule capsules high low single double""".split())
GENERIC_WORDS = frozenset("""treatment treatments group groups therapy therapies arm arms intervention interventions
regimen regimens program programme programs programmes condition conditions""".split())
_DIGIT = re.compile(r"\d")


def half_of(key: str) -> str:
    """The half of a dev document by its key (same side in every dev set)."""
    return HALVES[0] if hash_score(HALF_SALT, key) < 0.5 else HALVES[1]


def decode_items_cfg(doc, probs, heads, cfg, thresholds=None, hysteresis=None, propagate_labels=PROPAGATE):
    """The tagger's decoding (``decode_doc``) as ``(start, end, label)`` tuples, with the labels mention propagation
    applies to as an argument (the shipped decoding: ``PROPAGATE``; ``()`` = propagation off)."""
    spans, _, _ = decode_doc(doc, probs, heads, cfg, thresholds, hysteresis, propagate_labels=propagate_labels)
    return [(sp.start, sp.end, sp.label_) for sp in spans]


def _tokens(gold, doc):
    return gold.meta.get("token_offsets") or [(t.idx, t.idx + len(t)) for t in doc if not t.is_space]


def score_items(sets, cache, decoder, names=SETS) -> dict:
    """``decoder(doc, probs) -> items``; token P/R/F1 per half, set (``names``, the others left out) and class."""
    out = {half: {name: {c: {"precision": 0.0, "recall": 0.0, "f1": 0.0} for c in CLASSES} for name in SETS}
           for half in HALVES + ("all",)}
    for name in names:
        counts = {half: Counts() for half in HALVES + ("all",)}
        for gold, (doc, probs) in zip(sets[name], cache[name]):
            pred = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), lab) for s, e, lab in decoder(doc, probs)]
            score_doc(counts[half_of(gold.key)], gold, pred, _tokens(gold, doc))
            score_doc(counts["all"], gold, pred, _tokens(gold, doc))
        for half in HALVES + ("all",):
            out[half][name] = {c: counts[half].token_prf(c) for c in CLASSES}
            out[half][name]["docs"] = counts[half].docs
    for half in HALVES + ("all",):
        r = out[half]
        o = [r["evidencemap"]["OUTCOME"], r["evidence_outcomes"]["OUTCOME"]]
        r["expert"] = {"POPULATION": r["evidencemap"]["POPULATION"],
                       "INTERVENTION": r["ebm_expert_i"]["INTERVENTION"],
                       "OUTCOME": {k: round((o[0][k] + o[1][k]) / 2, 4) for k in ("precision", "recall", "f1")}}
        r["expert_macro"] = round(sum(v["f1"] for v in r["expert"].values()) / 3, 4)
    return out


def _cell(v: dict) -> str:
    return f"{v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}"


def show_shipped(model: str, res: dict) -> None:
    print(f"== {model}: shipped decoding, P / R / F1")
    for half in HALVES + ("all",):
        r = res[half]
        docs = " ".join(f"{n} {r[n]['docs']}" for n in SETS)
        print(f"  {half:6s} expert-style macro {r['expert_macro']:.4f} | "
              + " | ".join(f"{c[0]} {_cell(v)}" for c, v in r["expert"].items()) + f"   (docs: {docs})")
        for name in SETS:
            cells = [f"{c[0]} {_cell(r[name][c])}" for c in CLASSES if r[name][c]["f1"] or r[name][c]["recall"]]
            print(f"         {name:18s} " + "  ".join(cells))


# -- volume: where the predicted intervention tokens come from ---------------------------------------------------

KINDS = ("propagated", "repeat_mention", "comparator", "under_threshold", "dose_route_schedule", "generic_arm_word")


def token_kinds(doc, probs, heads, cfg) -> dict[str, set[int]]:
    """The doc's predicted arm tokens (shipped decoding) and, per kind, the ones of that kind."""
    full = decode_items_cfg(doc, probs, heads, cfg)
    base = decode_items_cfg(doc, probs, heads, cfg, propagate_labels=())
    arm = {t for s, e, lab in full if lab in ARM for t in range(s, e)}
    base_arm = {t for s, e, lab in base if lab in ARM for t in range(s, e)}
    col = heads.index("INTERVENTION")
    thr = cfg["thresholds"]["INTERVENTION"]
    low = [t.lower_ for t in doc]
    seen, repeats = set(), set()
    for s, e, _lab in sorted(it for it in full if it[2] in ARM):
        words = tuple(low[s:e])
        if words in seen:
            repeats.update(range(s, e))
        seen.add(words)
    kinds = {"all": arm, "propagated": arm - base_arm, "repeat_mention": repeats,
             "comparator": {t for s, e, lab in full if lab == "COMPARATOR" for t in range(s, e)},
             "under_threshold": {t for t in base_arm if probs[t, col] < thr},
             "dose_route_schedule": {t for t in arm if low[t] in DOSE_WORDS or _DIGIT.search(low[t])},
             "generic_arm_word": {t for t in arm if low[t] in GENERIC_WORDS}}
    return kinds


def volume(sets, cache, heads, cfg) -> dict:
    out = {}
    for name in ("ebm_expert_i", "ebm_crowd"):
        per_doc = [(gold, doc, token_kinds(doc, probs, heads, cfg))
                   for gold, (doc, probs) in zip(sets[name], cache[name])]
        res = {}
        for cut in ("none",) + KINDS + ("all_kinds",):
            counts = Counts()
            tokens = 0
            for gold, doc, kinds in per_doc:
                drop = set() if cut == "none" else (set().union(*(kinds[k] for k in KINDS)) if cut == "all_kinds"
                                                    else kinds[cut])
                keep = sorted(kinds["all"] - drop)
                tokens += len(drop) if cut != "none" else len(keep)
                pred = [(doc[t].idx, doc[t].idx + len(doc[t]), "INTERVENTION") for t in keep]
                score_doc(counts, gold, pred, _tokens(gold, doc))
            tp, fp, fn = counts.tok["INTERVENTION"]
            res[cut] = {**counts.token_prf("INTERVENTION"), "tp": tp, "fp": fp, "fn": fn, "spacy_tokens": tokens}
        base = res["none"]
        for cut in KINDS + ("all_kinds",):
            r = res[cut]
            r["gold_tokens_cut"] = base["tp"] - r["tp"]  # on the gold's token grid
            r["other_tokens_cut"] = base["fp"] - r["fp"]
        out[name] = res
    return out


def show_volume(res: dict) -> None:
    for name, rows in res.items():
        b = rows["none"]
        print(f"  {name}: predicted I {b['spacy_tokens']} spaCy tokens; gold-grid tp {b['tp']} fp {b['fp']} "
              f"fn {b['fn']}; pred/gold tokens {(b['tp'] + b['fp']) / max(b['tp'] + b['fn'], 1):.2f}; "
              f"P/R/F1 {_cell(b)}")
        for cut in KINDS + ("all_kinds",):
            r = rows[cut]
            print(f"    cut {cut:20s} {r['spacy_tokens']:5d} tok | gold cut {r['gold_tokens_cut']:5d} other cut "
                  f"{r['other_tokens_cut']:5d} | P/R/F1 {_cell(r)}")


# -- sweep -----------------------------------------------------------------------------------------------------

# the dev sets each class is chosen on in the sweep: its expert-style sets (the crowd layer is scored for the shipped
# and the chosen point only)
SWEEP_SETS = {"POPULATION": ("evidencemap",), "INTERVENTION": ("ebm_expert_i",),
              "OUTCOME": ("evidence_outcomes", "evidencemap")}


def sweep(sets, cache, heads, cfg, classes) -> dict:
    """Per class: every grid point (the other classes decoded as shipped) scored on the class's sets, per half."""
    th0, hy0 = dict(cfg["thresholds"]), dict(cfg.get("hysteresis") or {})
    out = {}
    for cls in classes:
        own = ARM if cls == "INTERVENTION" else (cls,)
        th_only = dict(th0)
        rows = {}
        props = (True, False) if cls != "POPULATION" else (True,)  # POPULATION is never propagated
        for prop in props:
            labels = PROPAGATE if prop else tuple(x for x in PROPAGATE if x not in own)
            for thr in GRID:
                for hy in HYSTERESIS:
                    th, hys = {**th_only, cls: thr}, {**hy0, cls: hy}
                    key = f"{thr}@{hy}" + ("" if prop else " noprop")
                    rows[key] = score_items(sets, cache, lambda d, p, th=th, hys=hys, lab=labels:
                                            decode_items_cfg(d, p, heads, cfg, th, hys, lab), SWEEP_SETS[cls])
        shipped = f"{round(th0[cls], 4)}@{round(hy0.get(cls, 1.0), 4)}"
        rows[shipped + " nohygiene"] = score_items(sets, cache, lambda d, p: decode_items_cfg(
            d, p, heads, {**cfg, "hygiene": False}), SWEEP_SETS[cls])  # the span hygiene off, shipped point
        best = max(rows, key=lambda k: rows[k]["tune"]["expert"][cls]["f1"])
        for key in {shipped, best}:  # the crowd layer too
            thr, rest = key.split("@")
            hy, prop = rest.split(" ")[0], "noprop" not in rest
            labels = PROPAGATE if prop else tuple(x for x in PROPAGATE if x not in own)
            th, hys = {**th_only, cls: float(thr)}, {**hy0, cls: float(hy)}
            rows[key] = score_items(sets, cache, lambda d, p, th=th, hys=hys, lab=labels:
                                    decode_items_cfg(d, p, heads, cfg, th, hys, lab), SWEEP_SETS[cls] + ("ebm_crowd",))
        out[cls] = {"shipped": shipped, "best_on_tune": best, "rows": rows}
        s, b = rows[shipped], rows[best]
        ex = [(r["tune"]["expert"][cls], r["report"]["expert"][cls]) for r in (s, b)]
        print(f"  {cls}: shipped {shipped} tune {_cell(ex[0][0])} report {_cell(ex[0][1])}"
              f" | best on tune {best} tune {_cell(ex[1][0])} report {_cell(ex[1][1])}", flush=True)
        top = sorted(rows, key=lambda k: -rows[k]["tune"]["expert"][cls]["f1"])[:8]
        for k in top:
            r = rows[k]
            print(f"      {k:18s} tune {_cell(r['tune']['expert'][cls])} report {_cell(r['report']['expert'][cls])}")
        for key in (shipped, best):
            print(f"      crowd {key}: tune {_cell(rows[key]['tune']['ebm_crowd'][cls])} report "
                  f"{_cell(rows[key]['report']['ebm_crowd'][cls])}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="+")
    ap.add_argument("--volume", action="store_true")
    ap.add_argument("--sweep", nargs="*", choices=CLASSES, default=None,
                    help="sweep these classes (all when none is named)")
    ap.add_argument("--json")
    args = ap.parse_args()
    import spacy

    import claimex.annotate  # noqa: F401

    sets = dev_sets(list(SETS))
    results = {}
    for m in args.models:
        nlp = spacy.load(m)
        pipe = nlp.get_pipe("claimex_pico")
        cfg = dict(pipe.cfg)
        cache = {name: cached_probs(nlp, sets[name]) for name in SETS}
        res = {"shipped": score_items(sets, cache, lambda d, p, h=pipe.heads, c=cfg: decode_items_cfg(d, p, h, c))}
        show_shipped(m, res["shipped"])
        if args.volume:
            res["volume"] = volume(sets, cache, pipe.heads, cfg)
            show_volume(res["volume"])
        if args.sweep is not None:
            res["sweep"] = sweep(sets, cache, pipe.heads, cfg, args.sweep or list(CLASSES))
        results[m] = res
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
