"""Evidence Inference train prompts judged "difference vs no difference", by decision path and shape (s21-nodiff).

    OPENBLAS_NUM_THREADS=1 python bench/ei_nodiff.py                 # counts
    OPENBLAS_NUM_THREADS=1 python bench/ei_nodiff.py --examples RE   # + the sentences whose line matches RE

Evidence Inference train is outside the findings gold (``load_prompts`` drops the gold's articles), so its sentences
may be read. Per prompt that :func:`claimex.evaluate.prompts.judge` finds, the pair label -> prediction, the decision
path of :mod:`direction_paths` and the scope shapes of :mod:`direction_shapes` (null words / "significant" /
p-values in the clause of the claim's outcome, elsewhere, or absent); counts of right and "difference vs no
difference" per path and per shape.
"""

from __future__ import annotations

import re
from collections import Counter

import direction_paths as dp
import direction_shapes as ds
from ei_train import examples_options, found_prompts  # bench/ei_train.py


def main() -> None:
    args = examples_options(__doc__)
    dp._install()
    rows: Counter = Counter()
    for prompt, doc, record, j, claim in found_prompts(args.split):
        col = "right" if j.predicted == prompt.label else (j.error or "?")
        if col == "difference vs no difference":
            col = "gold diff, claim none" if prompt.label != "no_difference" else "gold none, claim diff"
        path = dp.path_of(record.id, claim)
        text = doc.text
        sentence = text[claim.start:claim.end]
        shapes = ds._shapes(claim, record, sentence, claim.start)
        for s in ["(all)", *shapes]:
            rows[(s, path, col)] += 1
            rows[(s, "*", col)] += 1
        line = f"{col} | {path} | {prompt.label} -> {j.predicted} | O={prompt.outcome} | {' '.join(sentence.split())}"
        if args.examples and re.search(args.examples, line):
            print(prompt.pmcid, line)
    cols = ("right", "gold diff, claim none", "gold none, claim diff", "wrong sign")
    keys = sorted({(s, p) for s, p, _ in rows}, key=lambda k: -sum(rows[(*k, c)] for c in cols[1:3]))
    print(f"{'shape | path':<60}" + "".join(f"{c[:22]:>24}" for c in cols))
    for s, p in keys:
        if sum(rows[(s, p, c)] for c in cols[1:3]):
            print(f"{s + ' | ' + p:<60}" + "".join(f"{rows[(s, p, c)]:>24}" for c in cols))


if __name__ == "__main__":
    main()
