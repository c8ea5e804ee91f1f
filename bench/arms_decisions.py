"""Round 8 (issue 10): other decision logics for the arm ranker (``models/claimex-arms``), measured on the
held-out hash part of Evidence Inference train prompts and by grouped cross-validation; none was kept.

    OPENBLAS_NUM_THREADS=1 python bench/arms_decisions.py --records EI.jsonl --gold-records TUNE.jsonl

``EI.jsonl`` / ``TUNE.jsonl``: the pipeline's records of the 451 EI train abstracts and the 58 findings-gold
tune abstracts (as for ``python -m claimex.train.arms``; made by the pipeline when left out). The examples,
labels, hash split and scorer are :mod:`claimex.train.arms`'s; the weights are fitted on the fitting part plus
the tune examples (weight 2, L2 1) and every setting is chosen on that fitting part (both slots right, then each
slot), never on the held-out part. Decisions tried, on top of the current one (:meth:`ArmRanker.choose`):

* ``pairs``: a joint choice of the (intervention, comparator) pair for claims that have a comparator: the pair
  of distinct arms with the highest log P_i(a) + log P_c(b) replaces the decision when it beats the rules' pair
  by ``margin``; the six rules'-choice features are scaled by ``alpha`` in these scores (1: the pointwise model;
  0: a model blind to the rules' choice); ``lock``: the own-arm rule still holds the intervention.
* ``pairmodel``: one logistic regression over pairs (both mentions' features and pair features: order, both in
  the sentence, the rules' pair, the rules' pair swapped, distance), label "a names the intervention and b the
  comparator", same replacement rule.
* ``features``: five more features per mention (its arm named first / at all in a design sentence that sets up
  an alternative, the number of sentences naming the arm, the distance to the claim's measures, before them),
  with the current decision and with ``pairs``.
* ``cv``: 4-fold cross-validation grouped by article over all EI examples (the tune examples in every fitting
  fold), the current decision against ``pairs``.
"""

from __future__ import annotations

import argparse
import math
from bisect import bisect_left
from itertools import product
from pathlib import Path

import numpy as np

from claimex.assemble.claims.armrank import (
    _DESIGN,
    _LABELLED,
    _PERSON_X,
    FEATURES,
    AbstractFacts,
    ArmRanker,
    Candidate,
    _own_arm,
)
from claimex.assemble.claims.base import entity_words, sentence_views
from claimex.assemble.claims.design import design_comparators, same_intervention
from claimex.corpora.split import hash_score
from claimex.evaluate.prompts import load_prompts
from claimex.train import arms as A

RULE = [FEATURES.index(f) for f in ("rule_i", "rule_c", "rule_i_arm", "rule_c_arm", "rule_i_inherited",
                                    "rule_c_control")]
FLOOR = math.log(1e-6)


def _lp(p: float) -> float:
    return math.log(p) if p > 1e-6 else FLOOR


def _probs(w: np.ndarray, cands: list[Candidate]) -> tuple[list[float], list[float]]:
    p = 1.0 / (1.0 + np.exp(-np.clip(np.array([c.x for c in cands]) @ w, -30.0, 30.0)))
    return [0.0 if c.x[_PERSON_X] > 0 else q for c, q in zip(cands, p[:, 0].tolist())], p[:, 1].tolist()


def _locked(claim, cands) -> bool:
    return _own_arm(claim, {c.entity.id: c.entity for c in cands}) or (
        len(claim.intervention) == 1 and any(c.entity.id == claim.intervention[0] and c.x[_LABELLED] > 0
                                             for c in cands))


class Pairs:
    """The current decision, then the joint pair choice (module docstring) where the claim has a comparator."""

    def __init__(self, base: ArmRanker, alpha: float, margin: float, lock: bool, blind: ArmRanker | None = None):
        w = np.array([base.w_i, base.w_c], dtype=float).T
        w[RULE, :] *= alpha
        self.base, self.w, self.margin, self.lock = base, w, margin, lock
        if blind is not None:  # scores from a model fitted without the rules'-choice features
            self.w = blind._w

    def choose(self, cands, claim):
        inter, comp = self.base.choose(cands, claim)
        if not cands or not claim.comparator or not comp:
            return inter, comp
        p_i, p_c = _probs(self.w, cands)
        ids = [c.entity.id for c in cands]
        at = {i: k for k, i in enumerate(ids)}
        words = [entity_words(c.entity) for c in cands]

        def slot(sel, p):
            return _lp(max((p[at[i]] for i in sel if i in at), default=0.0))

        rules = slot(claim.intervention, p_i) + slot(claim.comparator, p_c)
        lock = self.lock and _locked(claim, cands)
        best = max(((_lp(p_i[a]) + _lp(p_c[b]), a, b) for a in range(len(cands)) for b in range(len(cands))
                    if a != b and not same_intervention(words[a], words[b])
                    and (not lock or ids[a] in claim.intervention)), default=None)
        if best is not None and best[0] > rules + self.margin:
            return [ids[best[1]]], [ids[best[2]]]
        return inter, comp


def pair_rows(e: A.Example) -> tuple[list[list[float]], list[int], list[tuple[int, int]]]:
    """The pair-level rows of an example: both mentions' features and six pair features."""
    words = [entity_words(c.entity) for c in e.cands]
    ri, rc, inside = set(e.claim.intervention), set(e.claim.comparator), FEATURES.index("in_sentence")
    rows, labels, keys = [], [], []
    for (a, ca), (b, cb) in product(enumerate(e.cands), enumerate(e.cands)):
        if a == b or same_intervention(words[a], words[b]):
            continue
        x, y = ca.entity, cb.entity
        both = ca.x[inside] * cb.x[inside]
        rows.append(ca.x + cb.x[1:] + [float(x.start < y.start), both, both * float(x.start < y.start),
                                        float(x.id in ri and y.id in rc), float(x.id in rc and y.id in ri),
                                        min(abs(x.start - y.start), 300) / 300.0])
        labels.append(e.y_i[a] * e.y_c[b])
        keys.append((a, b))
    return rows, labels, keys


def fit_pairs(part: list[A.Example]) -> np.ndarray:
    """The pair-level regression's weights, fitted on the comparisons of ``part``."""
    rows, labels, weights = [], [], []
    for e in part:
        if not e.single:
            r, y, _ = pair_rows(e)
            rows += r
            labels += y
            weights += [e.weight] * len(r)
    return A.fit(np.array(rows), np.array(labels, dtype=float), l2=1.0, sw=np.array(weights))


class PairModel:
    def __init__(self, base: ArmRanker, w: np.ndarray, margin: float, lock: bool):
        self.base, self.w, self.margin, self.lock = base, w, margin, lock

    def choose(self, cands, claim):
        inter, comp = self.base.choose(cands, claim)
        if not claim.comparator or not comp:
            return inter, comp
        rows, _, keys = pair_rows(A.Example("", None, claim, cands, [0] * len(cands), [0] * len(cands)))
        if not rows:
            return inter, comp
        s = (np.array(rows) @ self.w).tolist()
        ids = [c.entity.id for c in cands]
        now = max((q for q, (a, b) in zip(s, keys) if ids[a] in inter and ids[b] in comp), default=None)
        lock = self.lock and _locked(claim, cands)
        best = max(((q, a, b) for q, (a, b) in zip(s, keys) if not lock or ids[a] in claim.intervention),
                   default=None)
        if now is not None and best is not None and best[0] > now + self.margin:
            return [ids[best[1]]], [ids[best[2]]]
        return inter, comp


def switch_rows(e: A.Example, base: ArmRanker, blind: ArmRanker) -> dict[str, tuple]:
    """Per slot: the row of the ``switch`` classifier (the rule-blind P of the best other mention and of the
    current choice, their log ratio, the own-arm lock, both mentions' features), whether the current choice is
    right, whether the other mention is, and the other mention's id."""
    inter, comp = base.choose(e.cands, e.claim)
    p_i, p_c = _probs(blind._w, e.cands)
    ids = [c.entity.id for c in e.cands]
    words = [entity_words(c.entity) for c in e.cands]
    lock = float(_locked(e.claim, e.cands))
    out = {}
    for slot, now, other, p, y in (("i", inter, comp, p_i, e.y_i), ("c", comp, inter, p_c, e.y_c)):
        mine = [k for k, i in enumerate(ids) if i in now]
        theirs = [words[k] for k, i in enumerate(ids) if i in other]
        alts = [k for k in range(len(ids)) if ids[k] not in now and not any(same_intervention(words[k], w)
                                                                           for w in theirs)]
        if not mine or not alts or (slot == "c" and not e.claim.comparator):
            continue
        a, b = max(alts, key=p.__getitem__), max(mine, key=p.__getitem__)
        row = [1.0, p[a], p[b], _lp(p[a]) - _lp(p[b]), lock] + e.cands[a].x[1:] + e.cands[b].x[1:]
        out[slot] = (row, A._right(now, e, slot), bool(y[a]), ids[a])
    return out


def switched(e: A.Example, base: ArmRanker, rows: dict, w: dict, t: dict) -> tuple[list[str], list[str]]:
    inter, comp = base.choose(e.cands, e.claim)
    new_i, new_c = list(inter), list(comp)
    for slot, (row, _, _, alt) in rows.items():
        if 1 / (1 + math.exp(-float(np.clip(np.dot(w[slot], row), -30, 30)))) > t[slot]:
            if slot == "i":
                new_i, new_c = [alt], (list(inter) if alt in comp else new_c)
            elif alt not in new_i:
                new_c = [alt]
    return new_i, new_c


def switch(fit, dev, gold, settings, thresholds=(0.2, 0.25, 0.3, 0.4, 0.5, 1.01)) -> None:
    """``switch``: a classifier per slot of "the rule-blind model's best other mention is right and the current
    choice wrong" (rows where exactly one of the two is right), switching above a threshold; its rows come
    from 4 folds (grouped by article) of the fitting part, the threshold from an inner cross-validation."""
    pool = fit + gold
    fold = {e.pmcid: int(hash_score("claimex-arms-switch:", e.pmcid, digits=8) * 4) for e in pool}
    oof = {}
    for k in range(4):
        rest = [e for e in pool if fold[e.pmcid] != k]
        b, bl = base_ranker(rest, settings), blind_ranker(rest, settings)
        oof.update({id(e): (switch_rows(e, b, bl), b) for e in pool if fold[e.pmcid] == k})

    def fit_switch(part):
        w = {}
        for slot in ("i", "c"):
            rows = [(oof[id(e)][0][slot], e.weight) for e in part if slot in oof[id(e)][0]]
            rows = [(r, wt) for r, wt in rows if r[1] != r[2]]
            w[slot] = A.fit(np.array([r[0] for r, _ in rows]), np.array([float(r[2]) for r, _ in rows]), l2=10.0,
                            sw=np.array([wt for _, wt in rows]))
        return w

    inner = {}
    for k in range(4):
        w = fit_switch([e for e in pool if fold[e.pmcid] != k])
        inner.update({id(e): w for e in pool if fold[e.pmcid] == k})
    tried = []
    for ti, tc in product(thresholds, thresholds):
        t = {"i": ti, "c": tc}
        right = sum(A._right(g[0], e, "i") and A._right(g[1], e, "c") for e in pool
                    for g in [switched(e, oof[id(e)][1], oof[id(e)][0], inner[id(e)], t)])
        tried.append((right, ti + tc, ti, tc))
    print("switch, inner CV on the fitting part (both right of", len(pool), "):",
          "; ".join(f"t_i {ti} t_c {tc}: {r}" for r, _, ti, tc in sorted(tried, reverse=True)[:6]))
    _, _, ti, tc = max(tried)
    b, bl, w = base_ranker(pool, settings), blind_ranker(pool, settings), fit_switch(pool)
    for t in sorted({(ti, tc), (1.01, 1.01), (0.3, 0.3), (0.3, 1.01), (1.01, 0.3), (0.5, 0.5)}):
        got = [switched(e, b, switch_rows(e, b, bl), w, {"i": t[0], "c": t[1]}) for e in dev]
        print(f"switch t_i {t[0]} t_c {t[1]}{' (chosen)' if t == (ti, tc) else ''}: held-out both "
              f"{sum(A._right(g[0], e, 'i') and A._right(g[1], e, 'c') for g, e in zip(got, dev))} "
              f"i {sum(A._right(g[0], e, 'i') for g, e in zip(got, dev))} "
              f"c {sum(A._right(g[1], e, 'c') for g, e in zip(got, dev))} of {len(dev)}")


def extra_features(exs: list[A.Example], records: dict) -> None:
    """Append the five ``features`` of the module docstring to every candidate of ``exs`` (in place)."""
    facts: dict[str, tuple] = {}
    for e in exs:
        if e.pmcid not in facts:
            rec = records[e.pmcid]
            f, views = AbstractFacts(rec), sentence_views(rec)
            first, named, sents = set(), set(), {}
            for v in views:
                if v.index == 0 or _DESIGN.search(v.text):
                    here = f.ents[bisect_left(f.starts, v.start):bisect_left(f.starts, v.end)]
                    comps = design_comparators(v, here)
                    rest = [x for x in here if x.id not in comps]
                    if comps and rest:
                        named |= {f.group[x.id] for x in rest}
                        first.add(f.group[rest[0].id])
                if v.section and "RESULT" in v.section.upper():
                    break
            for x in f.ents:
                sents.setdefault(f.group[x.id], set()).add(next((v.index for v in views if v.start <= x.start < v.end),
                                                                -1))
            facts[e.pmcid] = (f, first, named, sents, {m.id: m.start for m in rec.measures})
        f, first, named, sents, starts = facts[e.pmcid]
        s0, s1 = e.claim.start or 0, e.claim.end or 0
        pos = [starts[m] for m in e.claim.measures if m in starts]
        out = []
        for c in e.cands:
            g, inside = f.group.get(c.entity.id), s0 <= c.entity.start < s1
            d = min((abs(c.entity.start - p) for p in pos), default=400) if inside else 400
            out.append(Candidate(c.entity, c.x + [float(g in first), float(g in named),
                                                  math.log1p(len(sents.get(g, ()))), min(d, 400) / 400.0,
                                                  float(inside and bool(pos) and c.entity.start < min(pos))]))
        e.cands = out


def base_ranker(fit: list[A.Example], settings: ArmRanker) -> ArmRanker:
    w_i, w_c = A.fit_both(fit, settings.l2)
    r = ArmRanker.__new__(ArmRanker)  # feature count may differ from FEATURES (``features``)
    r.w_i, r.w_c, r._w = w_i, w_c, np.array([w_i, w_c], dtype=float).T
    r.margin_i, r.margin_c, r.keep_i, r.keep_c, r.fill_c = (settings.margin_i, settings.margin_c, settings.keep_i,
                                                            settings.keep_c, False)
    return r


def _line(name, dec, fit, dev, gold) -> tuple:
    sf, sd, se, sg = (A.score(dec, p) for p in (fit + gold, dev, fit, gold))
    print(f"{name:34} fit+tune both {sf['both_ranker']:.4f} | fit EI {se['both_ranker']:.4f} | tune ex. both "
          f"{sg['both_ranker']:.4f} i {sg['ranker_i']:.3f} c {sg['ranker_c']:.3f} | held-out both "
          f"{sd['both_ranker']:.4f} ({round(sd['both_ranker'] * len(dev))}) i {sd['ranker_i']:.4f} "
          f"c {sd['ranker_c']:.4f} changed {sd['changed']}", flush=True)
    return (sf["both_ranker"], sf["ranker_i"] + sf["ranker_c"]), name


def blind_ranker(fit: list[A.Example], settings: ArmRanker) -> ArmRanker:
    """The two regressions fitted with the rules'-choice features held at 0."""
    blind = [A.Example(e.pmcid, e.prompt, e.claim, [Candidate(c.entity, [0.0 if k in RULE else v for k, v in
                                                                         enumerate(c.x)]) for c in e.cands],
                       e.y_i, e.y_c, e.single, e.weight) for e in fit]
    return base_ranker(blind, settings)


def grid(base, fit, dev, gold, alphas=(1.0, 0.75, 0.5, 0.0), blind: ArmRanker | None = None) -> None:
    tried = [_line("current decision", base, fit, dev, gold)]
    for alpha, margin, lock in product(alphas + (("blind",) if blind else ()), (0.0, 0.5, 1.0, 2.0, 3.0),
                                       (True, False)):
        dec = Pairs(base, 0.0, margin, lock, blind) if alpha == "blind" else Pairs(base, alpha, margin, lock)
        tried.append(_line(f"pairs alpha {alpha} margin {margin} lock {lock}", dec, fit, dev, gold))
    print("chosen on the fitting part:", max(tried)[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=Path, default=None)
    ap.add_argument("--gold-records", type=Path, default=None)
    ap.add_argument("--only", choices=("pairs", "pairmodel", "switch", "features", "cv"), nargs="*")
    args = ap.parse_args()
    prompts = load_prompts(split="train")
    raw = A.load_records(args.records, sorted({p.pmcid for p in prompts}))
    exs = A.examples(A.rule_records(raw), prompts)
    golds = A.tune_gold()
    graw = A.load_gold_records(args.gold_records, golds)
    gold = A.gold_examples(A.rule_records(graw), golds, weight=2.0)
    fit = [e for e in exs if not A.held_out(e.pmcid)]
    dev = [e for e in exs if A.held_out(e.pmcid)]
    only = set(args.only or ("pairs", "pairmodel", "switch", "features", "cv"))
    settings = A.train(fit + gold, margins_c=(1.0,))
    print(f"examples {len(exs)} fit {len(fit)} held-out {len(dev)} tune {len(gold)}; current decision's settings "
          f"on the fitting part: margin_i {settings.margin_i} keep_i {settings.keep_i} keep_c {settings.keep_c} "
          f"l2 {settings.l2}")
    base = base_ranker(fit + gold, settings)
    if "pairs" in only:
        grid(base, fit, dev, gold, blind=blind_ranker(fit + gold, settings))
    if "pairmodel" in only:
        w = fit_pairs(fit + gold)
        tried = [_line(f"pairmodel margin {m} lock {lock}", PairModel(base, w, m, lock), fit, dev, gold)
                 for m, lock in product((0.0, 0.5, 1.0, 3.0), (True, False))]
        print("chosen on the fitting part:", max(tried)[1])
    if "switch" in only:
        switch(fit, dev, gold, settings)
    if "cv" in only:
        fold = {e.pmcid: int(hash_score("claimex-arms-cv:", e.pmcid, digits=8) * 4) for e in exs}
        configs = {"current decision": None, "pairs alpha .75 margin 0 lock": (0.75, 0.0, True),
                   "pairs alpha .5 margin 0 lock": (0.5, 0.0, True),
                   "pairs alpha .5 margin 0 no lock": (0.5, 0.0, False),
                   "pairs alpha .5 margin .5 lock": (0.5, 0.5, True), "pairmodel margin 0 no lock": "pairmodel"}
        right = dict.fromkeys(configs, 0)
        rules = 0
        for k in range(4):
            test = [e for e in exs if fold[e.pmcid] == k]
            rest = [e for e in exs if fold[e.pmcid] != k] + gold
            b = base_ranker(rest, settings)
            rules += round(A.score(None, test)["both_rules"] * len(test))
            for name, cfg in configs.items():
                dec = b if cfg is None else PairModel(b, fit_pairs(rest), 0.0, False) if cfg == "pairmodel" \
                    else Pairs(b, *cfg)
                right[name] += round(A.score(dec, test)["both_ranker"] * len(test))
        print(f"4-fold grouped CV, all {len(exs)} EI examples, both slots right: rules {rules}; " +
              "; ".join(f"{n} {v} ({v / len(exs):.4f})" for n, v in right.items()))
    if "features" in only:
        records = {**raw, **graw}
        extra_features(exs + gold, records)
        grid(base_ranker(fit + gold, settings), fit, dev, gold, alphas=(1.0, 0.75, 0.5))


if __name__ == "__main__":
    main()
