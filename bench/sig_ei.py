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

import argparse
import re
from collections import Counter

import direction_paths as dp
from judged import print_counts

from claimex.assemble.claims.significance import significance
from claimex.corpora.findings import load_document
from claimex.evaluate.prompts import judge, load_prompts, match_claim
from claimex.extractor import Extractor


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", help="print the prompts whose line matches this regex")
    ap.add_argument("--split", default="train")
    args = ap.parse_args()
    dp._install()
    prompts = load_prompts(None, args.split)
    extractor = Extractor.load(None)
    pmcids = sorted({q.pmcid for q in prompts})
    docs = {p: load_document("evidence-inference", p) for p in pmcids}
    records = {p: extractor.document(docs[p]) for p in pmcids}
    rows: Counter = Counter()
    for prompt in prompts:
        record = records[prompt.pmcid]
        j = judge(prompt, record)
        if not j.found:
            continue
        claim, _ = match_claim(prompt, record)
        want = prompt.label != "no_difference"
        sentence = docs[prompt.pmcid].text[claim.start:claim.end]
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
