"""Comparison or single arm, learned: a classifier over what the claims code already computes per decided claim group,
cross-validated by abstract on the tune half (issue 10, session 21; counts only).

    OPENBLAS_NUM_THREADS=1 python bench/arity.py collect --out /tmp/arity/tune.pkl      # pipeline over tune, once
    OPENBLAS_NUM_THREADS=1 python bench/arity.py cv --data /tmp/arity/tune.pkl --C 0.3 --threshold 0.7 \
        --seeds 0 1 2 3 4                                                           # the 5-fold figures of 35.5
    OPENBLAS_NUM_THREADS=1 python bench/arity.py cv --data ... --examples                 # OPEN held-out flips only

``collect`` runs the pipeline over the tune half (OPEN and BLIND: the training labels of this study; nothing of
BLIND is printed) and keeps each record (entities, measures; the claims are assembled again from it).
``cv``: each abstract's claims are assembled again with :func:`claimex.assemble.claims.decision.decide` wrapped:
every call on a finding / harm / conclusion group gives one row of features (:func:`features`: the decision path of
``bench/arm_paths.py``, the flags ``decide`` got, the decision, the single-arm reading, the forced comparison, the
words of the sentence, the abstract's design words); a row is labelled by the gold findings whose matched claim
(``findings_match.judge``) it made (same sentence, outcomes, measures and direction): single-arm when the gold
comparator is null. Five folds grouped by abstract (seeded hash of the key): a model (logistic regression or
gradient-boosted trees, scikit-learn) trained on four folds decides the fifth: where it gives the other kind with
probability >= ``--threshold``, the decision is replaced (compared -> the single-arm reading :func:`decision.judge`,
judged -> the comparison ``decide`` makes with ``compares`` set), the held-out abstracts' claims assembled again and
every gold finding judged again. Printed: decision accuracy of the rules and of the arbitrated decision over the
labelled rows, and per field the findings fixed / broken, OPEN and BLIND apart (counts only).
Options: ``--model lr|gbt``, ``--C`` (LR inverse regularisation, several allowed), ``--threshold`` (several),
``--seeds`` (fold seeds), ``--only judged|compared`` (train on and flip one kind of decision), ``--drop REGEX``
(leave features out), ``--strong`` (judged -> compared only where a test, the values or words give the comparison's
direction), ``--insample`` (one model on every row decides them: in-sample), ``--train-half open|blind`` (train on
one tune half, decide the other), ``--ei RECORDS`` (also train on the rows of Evidence Inference train prompts,
all comparisons), ``--paths`` (the rules' errors by decision path), ``--no-e2e`` (decision accuracy only).
Measured in docs/claims-rounds.md section 35.5: no setting gains end to end; nothing shipped.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
from collections import Counter
from pathlib import Path

import arm_paths as AP  # bench/arm_paths.py
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

import claimex.assemble.claims as C
from claimex.assemble.claims.decision import CARRY, cue_text, judge
from claimex.assemble.claims.single import HARMS
from claimex.corpora.findings import load_gold, read_keys, select_gold
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import FIELDS
from claimex.evaluate.findings_match import judge as judge_finding
from claimex.evaluate.prompts import load_prompts, prompt_claims
from claimex.review.records import iter_records

COMPARED = ("increase", "decrease", "no_difference")
JUDGED = ("positive", "negative")
IDS = Path("models/claimex-confidence/calibration_ids.txt")

WORDS = {
    "than": r"\bthan\b", "vs": r"\b(?:vs\.?|versus)\b", "compared": r"\bcompar\w*", "between": r"\bbetween\b",
    "differ": r"\bdiffer\w*", "similar": r"\b(?:similar\w*|comparable|equivalent)\b",
    "degree": r"\b(?:higher|lower|greater|more|less|fewer|better|worse|larger|smaller|longer|shorter)\b",
    "both": r"\b(?:both|each|either|all)\s+(?:the\s+)?(?:\w+\s+)?(?:groups?|arms?)\b",
    "group": r"\bgroups?\b", "arm": r"\barms?\b",
    "cohort": r"\b(?:all\s+(?:the\s+)?(?:patients|subjects|participants)|overall|in\s+total|of\s+(?:the\s+)?\d+\s+"
              r"(?:\w+\s+)?(?:patients|subjects|participants))\b",
    "respectively": r"\brespectively\b", "count": r"\b\d+\s*/\s*\d+\b|\b\d+\s+(?:of|out\s+of)\s+\d+\b",
    "baseline": r"\bbaseline\b|\bpre-?treatment\b|\bfrom\s+[\d.]+\s*\S*\s+to\b", "after": r"\b(?:after|following)\b",
    "change": r"\b(?:increas|decreas|reduc|improv|declin|rais|lower|elevat)\w*",
    "nosig": r"\bno\s+(?:statistically\s+)?significant\b|\bnot\s+(?:statistically\s+)?significant",
    "no": r"\bno\b|\bnot\b|\bwithout\b", "p": r"\bp\s*[<=>]", "ci": r"\bCI\b|confidence interval",
    "ratio": r"\b(?:OR|RR|HR|odds|hazard|risk ratio)\b", "percent": r"%",
    "whereas": r"\b(?:whereas|while|but|however|unlike|in contrast)\b", "only": r"\bonly\b",
    "observed": r"\b(?:observed|occurred|reported|noted|seen|experienced|developed)\b",
    "safety": r"\b(?:safe|safety|tolerat\w*|well tolerated)\b",
    "effect": r"\b(?:effect|efficacy|effective)\w*",
}
WORDS_RE = {k: re.compile(v, re.IGNORECASE) for k, v in WORDS.items()}
DESIGN = {
    "randomi": r"\brandomi[sz]", "placebo": r"\bplacebo\b", "control": r"\bcontrol(?:led)?\b",
    "single_arm": r"\bsingle[- ](?:arm|group|cent\w+)|\bone[- ]arm\b|\bopen[- ]label\b|\bphase\s+(?:II|2)\b",
    "series": r"\b(?:case series|retrospective|prospective|cohort|pilot|consecutive)\b",
    "crossover": r"\bcross-?over\b", "vs": r"\b(?:vs\.?|versus)\b",
}
DESIGN_RE = {k: re.compile(v, re.IGNORECASE) for k, v in DESIGN.items()}

STRONG = re.compile(r"p-value|ci|numbers|words")
ROWS: list[dict] = []  # one per decide call of the record being assembled
ARBITER: dict = {"fn": None}
_ORIG_DECIDE = AP._ORIG_DECIDE


def features(view, ctype, arms, group, pairs, has_comparator, within, single_arm, solo, compares, controlled, d,
             own, forced, record_text) -> dict:
    """The features of one decided group: names -> value (1 for a binary feature)."""
    path = AP._path(view, ctype, arms, group, pairs, has_comparator, within, single_arm, solo, compares, controlled, d)
    f = {"path=" + path: 1, "path0=" + path.split(":")[0]: 1, "type=" + ctype: 1,
         "dir=" + str(d.direction): 1, "src=" + (d.source or "none"): 1, "sig=" + str(d.significant): 1,
         "own=" + str(own.direction): 1, "ownsrc=" + (own.source or "none"): 1, "forced=" + str(forced.direction): 1,
         "forcedsrc=" + (forced.source or "none"): 1}
    for name, flag in (("has_comparator", has_comparator), ("within", within), ("single_arm", single_arm),
                       ("solo", solo), ("compares", compares), ("controlled", controlled), ("negated", d.negated),
                       ("pvalue", d.p_value is not None), ("dwithin", d.within)):
        if flag:
            f[name] = 1
    masked = cue_text(view)
    for k, rx in WORDS_RE.items():
        if rx.search(masked):
            f["w_" + k] = 1
    for k, rx in DESIGN_RE.items():
        if rx.search(record_text):
            f["d_" + k] = 1
    keys = {a.key for a in arms if not a.plural}
    f[f"arms={min(len(keys), 3)}"] = 1
    f[f"armsI={min(sum(1 for a in arms if a.side == 'I'), 3)}"] = 1
    f[f"armsC={min(sum(1 for a in arms if a.side == 'C'), 3)}"] = 1
    if any(a.plural for a in arms):
        f["plural"] = 1
    if any(a.inherited for a in arms):
        f["inherited_arm"] = 1
    f[f"pairs={min(len({a.key for _, a in pairs}), 3)}"] = 1
    f[f"measures={min(len(group.measures), 4)}"] = 1
    f[f"outcomes={min(len(group.outcomes), 3)}"] = 1
    if HARMS.search(" ".join(o.text for o in group.outcomes)):
        f["harm"] = 1
    f["pos=" + str(min(4, int(5 * view.start / max(1, len(record_text)))))] = 1
    return f


def _decide(model, view, ctype, arms, group, pairs, has_comparator, within=False, single_arm=False, solo=False,
            compares=False, controlled=False, aside=frozenset()):
    d = AP._decide(model, view, ctype, arms, group, pairs, has_comparator, within, single_arm, solo, compares,
                   controlled, aside)
    if ctype not in CARRY or d.direction not in COMPARED + JUDGED:
        return d
    own = judge(view, ctype, group)
    forced = _ORIG_DECIDE(model, view, ctype, arms, group, pairs, True, False, False, False, True, True)
    feats = features(view, ctype, arms, group, pairs, has_comparator, within, single_arm, solo, compares,
                     controlled, d, own, forced, _TEXT["text"])
    row = {"key": (view.index, tuple(e.id for e in group.outcomes), tuple(m.id for m in group.measures)),
           "dir": d.direction, "feats": feats, "flip": False}
    ROWS.append(row)
    fn = ARBITER["fn"]
    if fn is not None and fn(feats, d.direction in COMPARED):
        if d.direction in COMPARED and own.direction in JUDGED:
            row["flip"] = True
            return own
        if d.direction in JUDGED and forced.direction in COMPARED:
            row["flip"] = True
            return forced
    return d


_TEXT = {"text": ""}


def assemble(assembler, record):
    """The claims of ``record`` and the rows of its decide calls."""
    ROWS.clear()
    _TEXT["text"] = record.text
    claims = assembler(record)
    return claims, list(ROWS)


def install() -> None:
    C.decide = _decide
    C.ClaimAssembler.__call__ = AP._call
    C.between_arms = AP._between


def collect(out: Path) -> None:
    golds = select_gold(load_gold(None, errors=[]), "tune")
    blind = read_keys(IDS)
    data = []
    for g, record, text in _predict(golds, None, None, []):
        data.append((g, record, text, g.key in blind))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pickle.dumps(data))
    print(f"{len(data)} abstracts ({sum(b for *_, b in data)} BLIND) -> {out}")


def labelled(g, record, text, claims, rows):
    """Per gold finding: its judgement (on ``claims``) and the index of the row that made its claim (or None)."""
    record.claims = claims
    by_key = {}
    for i, r in enumerate(rows):
        by_key.setdefault(r["key"] + (r["dir"],), i)
    out = []
    for finding in g.findings:
        j = judge_finding(finding, record, text)
        idx = None
        if j.found:
            c = next(c for c in claims if c.id == j.claim)
            idx = by_key.get((c.sentence, tuple(c.outcome), tuple(c.measures), c.direction))
        out.append((finding, j, idx))
    return out


def ei_rows(records: Path, assembler) -> list[dict]:
    """The rows of Evidence Inference *train* prompts (every prompt a comparison): per prompt whose claim
    (:func:`claimex.evaluate.prompts.match_claim`) a row made, that row (records made by
    ``bench/comparator_counts.py --make``; no findings-gold article)."""
    by_id, rows_of = {}, {}
    for r in iter_records(records):
        r.claims, rows = assemble(assembler, r)
        by_id[str(r.id)] = r
        rows_of[str(r.id)] = {row["key"] + (row["dir"],): row for row in rows}
    out = []
    for _p, rec, claim in prompt_claims(load_prompts(split="train"), by_id):
        if claim is not None:
            row = rows_of[str(rec.id)].get((claim.sentence, tuple(claim.outcome), tuple(claim.measures),
                                            claim.direction))
            if row is not None:
                out.append(row)
    return out


def fold_of(key: str, k: int, seed: int) -> int:
    return int(hashlib.sha1(f"claimex-arity:{seed}:{key}".encode()).hexdigest(), 16) % k


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--out", type=Path, required=True)
    v = sub.add_parser("cv")
    v.add_argument("--data", type=Path, required=True)
    v.add_argument("--model", default="lr")
    v.add_argument("--threshold", type=float, nargs="+", default=[0.8])
    v.add_argument("--folds", type=int, default=5)
    v.add_argument("--seeds", type=int, nargs="+", default=[0])
    v.add_argument("--C", type=float, nargs="+", default=[1.0])
    v.add_argument("--only", choices=("judged", "compared"), help="train on and flip only rows of this kind")
    v.add_argument("--no-e2e", action="store_true", help="decision accuracy only")
    v.add_argument("--drop", default="", help="regex: leave out features whose name matches")
    v.add_argument("--strong", action="store_true", help="judged -> compared only where the comparison's "
                   "direction comes from a test, the arm values or between-arm words")
    v.add_argument("--insample", action="store_true", help="one model on all tune rows decides them (in-sample)")
    v.add_argument("--train-half", choices=("open", "blind"), help="train on this tune half, decide the other")
    v.add_argument("--ei", type=Path, help="also train on the rows of Evidence Inference train prompts (records)")
    v.add_argument("--paths", action="store_true", help="rule errors by decision path")
    v.add_argument("--examples", action="store_true", help="print OPEN held-out findings a flip changed")
    args = ap.parse_args()
    if args.cmd == "collect":
        collect(args.out)
    else:
        cv(args)


def _fit(kind: str, X, y, creg: float, seed: int):
    if kind == "lr":
        return LogisticRegression(C=creg, max_iter=2000).fit(X, y)
    return HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                          random_state=seed).fit(X, y)


def cv(args) -> None:
    data = pickle.loads(args.data.read_bytes())
    install()
    assembler = C.ClaimAssembler()
    base = []  # per abstract: claims, rows, per-finding labelled
    for g, record, text, _blind in data:
        claims, rows = assemble(assembler, record)
        base.append((claims, rows, labelled(g, record, text, claims, rows)))
    # training rows: (abstract index, row index, label single) per found finding whose claim a row made
    samples = []
    for a, (_claims, _rows, lab) in enumerate(base):
        for finding, _j, idx in lab:
            kind = "judged" if idx is not None and base[a][1][idx]["dir"] in JUDGED else "compared"
            if idx is not None and args.only in (None, kind):
                samples.append((a, idx, finding.comparator is None))
    ei = [r for r in ei_rows(args.ei, assembler) if args.only in (None, "judged" if r["dir"] in JUDGED else
                                                                  "compared")] if args.ei else []
    if ei:
        print(f"EI train rows (comparisons) {len(ei)}: rules right {sum(r['dir'] in COMPARED for r in ei)}")
    args.ei_feats = [r["feats"] for r in ei]
    for seed in args.seeds:
        for creg in args.C:
            probs = fold_probs(args, data, base, samples, seed, creg)
            for t in args.threshold:
                report(args, data, base, samples, probs, t, assembler, f"seed {seed} C {creg}")


def fold_probs(args, data, base, samples, seed, creg):
    """Held-out probability of single-arm for every row, each from the model of the folds that left it out."""
    # --insample: one model trained on every row decides every row (fold -1 is never held out)
    folds = [-1 if args.insample else fold_of(data[a][0].key, args.folds, seed) for a in range(len(data))]
    if args.train_half:  # train on one half, decide the other (fold 0)
        folds = [-1 if data[a][3] == (args.train_half == "blind") else 0 for a in range(len(data))]
    drop = re.compile(args.drop) if args.drop else None
    keep = (lambda f: f if drop is None else {k: v for k, v in f.items() if not drop.search(k)})  # noqa: E731
    probs = {}
    for k in [-1] if args.insample else [0] if args.train_half else range(args.folds):
        train = [(a, i, s) for a, i, s in samples if folds[a] != k or args.insample]
        vec = DictVectorizer()
        X = vec.fit_transform([keep(base[a][1][i]["feats"]) for a, i, _ in train] + [keep(f) for f in args.ei_feats])
        y = np.array([s for *_, s in train] + [False] * len(args.ei_feats))
        model = _fit(args.model, X if args.model == "lr" else X.toarray(), y, creg, seed)
        for a in range(len(data)):
            if folds[a] != k:
                continue
            rows = base[a][1]
            if rows:
                Xh = vec.transform([keep(r["feats"]) for r in rows])
                p = model.predict_proba(Xh if args.model == "lr" else Xh.toarray())[:, 1]
                for i in range(len(rows)):
                    kind = "judged" if rows[i]["dir"] in JUDGED else "compared"
                    if args.only in (None, kind):
                        probs[(a, i)] = p[i]
    return probs


def report(args, data, base, samples, probs, t, assembler, tag="") -> None:
    flip = {(a, i) for (a, i), p in probs.items()
            if (base[a][1][i]["dir"] in COMPARED and p >= t) or (base[a][1][i]["dir"] in JUDGED and 1 - p >= t)}
    if args.strong:  # a comparison only where a test, the values or words give its direction (not cues alone)
        flip = {(a, i) for a, i in flip if base[a][1][i]["dir"] in COMPARED or any(
            f.startswith("forcedsrc=") and STRONG.search(f) for f in base[a][1][i]["feats"])}
    right_rule = sum((base[a][1][i]["dir"] in JUDGED) == s for a, i, s in samples)
    right_new = sum(((base[a][1][i]["dir"] in JUDGED) != ((a, i) in flip)) == s for a, i, s in samples)
    nflip = Counter(("c->s" if base[a][1][i]["dir"] in COMPARED else "s->c") for a, i in flip)
    lab_flip = Counter()
    for a, i, s in samples:
        if (a, i) in flip:
            lab_flip[("c->s" if base[a][1][i]["dir"] in COMPARED else "s->c", "right" if (
                base[a][1][i]["dir"] in COMPARED) == s else "wrong")] += 1
    print(f"\n== {args.model} {tag} threshold {t}: decision right rules {right_rule} -> {right_new} of {len(samples)}; "
          f"flips {dict(nflip)} labelled {dict(lab_flip)}")
    for half, blind in (("OPEN", False), ("BLIND", True)):
        sub = [(a, i, s) for a, i, s in samples if data[a][3] == blind]
        print(f"  {half:5s} decision right rules {sum((base[a][1][i]['dir'] in JUDGED) == s for a, i, s in sub)} -> "
              f"{sum(((base[a][1][i]['dir'] in JUDGED) != ((a, i) in flip)) == s for a, i, s in sub)} of {len(sub)}")
    if args.no_e2e:
        return
    # end to end: held-out abstracts assembled again with their fold's flips
    counts = {s: Counter() for s in ("open", "blind")}
    nclaims = {s: [0, 0] for s in ("open", "blind")}
    for a, (g, record, text, blind) in enumerate(data):
        mine = {i for (b, i) in flip if b == a}
        split = "blind" if blind else "open"
        nclaims[split][0] += len(base[a][0])
        if not mine:
            nclaims[split][1] += len(base[a][0])
            continue
        calls = iter(range(10 ** 6))
        ARBITER["fn"] = lambda feats, cmp, calls=calls, mine=mine: next(calls) in mine
        claims, rows = assemble(assembler, record)
        ARBITER["fn"] = None
        nclaims[split][1] += len(claims)
        after = labelled(g, record, text, claims, rows)
        for k, ((finding, j0, _), (_, j1, _)) in enumerate(zip(base[a][2], after)):
            for f in ("found",) + FIELDS + ("fully",):
                v0 = j0.found and (j0.fully_right if f == "fully" else f == "found" or j0.fields.get(f, False))
                v1 = j1.found and (j1.fully_right if f == "fully" else f == "found" or j1.fields.get(f, False))
                counts[split][(f, "fixed")] += v1 and not v0
                counts[split][(f, "broken")] += v0 and not v1
                if args.examples and split == "open" and v0 != v1 and f == "fully":
                    print(f"   {'fixed' if v1 else 'broken'} {g.key}#{k} gold C={finding.comparator!r} "
                          f"{finding.direction} | {' '.join(text[slice(*finding.sentence)].split())[:200]}")
        record.claims = base[a][0]
    for split in ("open", "blind"):
        c = counts[split]
        print(f"  {split.upper():5s} claims {nclaims[split][0]} -> {nclaims[split][1]}; fixed/broken " + ", ".join(
            f"{f} {c[(f, 'fixed')]}/{c[(f, 'broken')]}" for f in ("found",) + FIELDS + ("fully",)))


if __name__ == "__main__":
    main()
