"""Evidence Inference train prompts: the claim's significance against the label, by source and decision path
(issue 10, session 23, s23-sig).

    OPENBLAS_NUM_THREADS=1 python bench/sig_ei.py                 # counts
    OPENBLAS_NUM_THREADS=1 python bench/sig_ei.py --examples RE   # + the sentences whose line matches RE

Evidence Inference train is outside the findings gold (``load_prompts`` drops the gold's articles), so its sentences
may be read. Its labels say the significance: "significantly increased / decreased" is ``True``, "no significant
difference" is ``False``. Per prompt that :func:`claimex.evaluate.prompts.judge` finds, label significance -> the
matched claim's, the source :func:`claimex.assemble.claims.significance.significance` reads from the claim's measures
and sentence (``=`` the claim's value, ``!=`` a later step set another) and the decision path of :mod:`direction_paths`.
"""

from __future__ import annotations

import re
from collections import Counter

import direction_paths as dp
from ei_train import examples_options, found_prompts  # bench/ei_train.py
from judged import print_counts

from claimex.assemble.claims.significance import significance


def main() -> None:
    args = examples_options(__doc__)
    dp._install()
    rows: Counter = Counter()
    for prompt, doc, record, _, claim in found_prompts(args.split):
        want = prompt.label != "no_difference"
        sentence = doc.text[claim.start:claim.end]
        mine = [record.measure(i) for i in claim.measures]
        sig, _, source = significance(mine, sentence, claim.start)
        src = f"{source or 'none'}{'=' if sig == claim.significant else '!='}"
        col = "right" if claim.significant is want else "WRONG"
        key = (col, f"{want} -> {claim.significant}", src, dp.path_of(record.id, claim))
        rows[key] += 1
        line = (" | ".join(key) + f" | {prompt.label} -> {claim.direction} | O={prompt.outcome} | "
                f"{' '.join(sentence.split())}")
        if args.examples and re.search(args.examples, line):
            print(prompt.pmcid, line)
    print_counts(rows)


if __name__ == "__main__":
    main()
