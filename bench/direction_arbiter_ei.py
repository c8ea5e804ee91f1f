"""The arbitration between the direction rules and the direction classifier, on Evidence Inference TRAIN prompts held
out by 5-fold article-hash cross-validation (outside the findings gold).

    python bench/direction_arbiter_ei.py [--folds DIR] [--cache FILE]

Each fold's classifier is trained on the other folds' evidence sentences (:func:`claimex.train.direction.crossval`,
its models kept in ``--folds``; an existing ``DIR/fold0`` .. ``fold4`` is reused). For every held-out prompt with
in-abstract evidence the comparison decision is made as the pipeline makes it
(:meth:`claimex.assemble.claims.ClaimAssembler.compare`), and beside it the rule step that decided
(``bench/direction_arbiter.step_of``) and the held-out classifier's argmax and probability. Printed: per step and
probability bucket, the prompts, the decision right, the classifier's argmax right; then the grid "the classifier
replaces step S when it disagrees with probability >= T": fixed / broken prompts.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from direction_arbiter import BUCKETS, STEPS, bucket, print_policy, step_of

from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.direction import DirectionModel, classifier_text, comparison_evidence, decide_comparison
from claimex.assemble.claims.link import arm_values, role_spans
from claimex.evaluate.direction import example_record, load_examples
from claimex.train.direction import crossval, fold_of


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=Path, default=Path("/tmp/claimex-direction-folds"))
    ap.add_argument("--cache", type=Path, help="the training rows as JSONL (claimex.train.direction --cache)")
    args = ap.parse_args()
    k = 5
    if not all((args.folds / f"fold{i}" / "config.cfg").exists() for i in range(k)):
        args.folds.mkdir(parents=True, exist_ok=True)
        print(crossval(k, cache=args.cache, workdir=args.folds))
    examples = load_examples(split="train", unit="prompt", in_abstract=True)
    table: dict = defaultdict(lambda: [0, 0, 0])
    grid: Counter = Counter()
    for fold in range(k):
        model = DirectionModel(args.folds / f"fold{fold}")
        assembler = ClaimAssembler(model)
        for ex in (e for e in examples if fold_of(e.pmcid, k) == fold):
            view, arms = assembler._single(example_record(ex))
            pairs = [(m, a.side) for m, a in arm_values(view, arms, view.measures) if a.side and a.entity is not None]
            outcomes = view.label("OUTCOME")
            spans = role_spans(view, arms, outcomes)
            outcome_text = " ".join(o.text for o in outcomes)
            d = decide_comparison(view.text, view.start, view.measures, spans, pairs, model, outcome_text)
            ev = comparison_evidence(view.text, view.start, view.measures, spans, pairs, outcome_text)
            probs = model.predict([classifier_text(ev, view.text, spans)])[0]
            top = max(probs, key=probs.get)
            step = step_of(ev, "model" in d.source)
            for key in ((step, bucket(probs[top])), (step, "all")):
                row = table[key]
                row[0] += 1
                row[1] += d.direction == ex.label
                row[2] += top == ex.label
            if step != "model" and top != d.direction:
                for t in BUCKETS:
                    if probs[top] >= t:
                        grid[(step, t, "fixed" if top == ex.label else "broken" if d.direction == ex.label
                              else "still wrong")] += 1
    print("held-out EI train prompts: step  p(top)  n  decision-right  classifier-right")
    for (step, b), (n, ok, mok) in sorted(table.items(), key=lambda kv: (STEPS.index(kv[0][0]) if kv[0][0] in STEPS
                                                                           else 9, kv[0][1])):
        print(f"  {step:10s} {b:6s} {n:4d}  {ok:4d}  {mok:4d}")
    print_policy(grid)


if __name__ == "__main__":
    main()
