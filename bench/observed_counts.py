"""The sentences that :func:`claimex.assemble.claims.observed.observed_plain` types as findings, counted by cue family
and by whether the findings gold has a finding there (counts only; ``--examples`` prints sentences, OPEN only).

    python bench/observed_counts.py --ids models/claimex-confidence/calibration_ids.txt        # BLIND: counts
    python bench/observed_counts.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all
"""

from __future__ import annotations

import re
from collections import Counter

from judged import tune_options
from typing_paths import typing_path

from claimex.assemble.claims.base import sentence_views
from claimex.assemble.claims.observed import _LEAD, OBSERVED
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import _overlaps

#: the cue families of :data:`OBSERVED`, in the order its module doc lists them
FAMILIES = [
    ("comparative", r"\b(?:higher|lower|greater|fewer|shorter|longer|better|worse|larger|smaller|faster|slower|quicker|"
                    r"narrower|wider|stronger|weaker|lesser|more|less|highest|lowest|greatest|fewest|largest|"
                    r"smallest|least|shortest|longest)\b"),
    ("difference", r"\bdifferent\b|\bsignificance\b|\baffected\b|\bunaffected\b"),
    ("correlation / prediction", r"correlat|related|associat|predict|mediated|determinant"),
    ("stayed", r"\bremained\b|\bpersisted\b"),
    ("not seen / did not", r"\bnot\b|\bno\b"),
    ("level judged", r"\b(?:low|high|infrequent|rare)\b"),
    ("likeness / none", r"similar|identical|comparable|\bsame\b|\bneither\b|\bnone\b"),
    ("dose / favour", r"dose|favou?r|twice"),
]


def family(view) -> str:
    text = view.masked("OUTCOME", "INTERVENTION", "COMPARATOR", "POPULATION")
    m = OBSERVED.search(text)
    if m is None:
        return "comparative in the OUTCOME" if any(_LEAD.match(o.text) for o in view.label("OUTCOME")) else "?"
    return next((name for name, pat in FAMILIES if re.search(pat, m.group(0), re.IGNORECASE)), "?")


def main() -> None:
    args, golds = tune_options(__doc__, "print sentences whose class contains this (OPEN only; 'all' for every one)")
    if args.examples is not None and not args.skip_ids:
        raise SystemExit("--examples only with --skip-ids (OPEN)")
    counts: Counter = Counter()
    for g, record, _text in _predict(golds, None, None, []):
        paths = typing_path(record)
        for view in sentence_views(record):
            if paths[view.index][1] != "observed (plain)":
                continue
            gold = sum(_overlaps(f.sentence, (view.start, view.end)) for f in g.findings)
            cls = f"{family(view)} | {'gold findings' if gold else 'no gold finding'}"
            counts[cls] += 1
            counts[f"gold findings in these sentences | {family(view)}"] += gold
            if args.examples is not None and (args.examples == "all" or args.examples in cls):
                print(f"{cls} | {g.key} | {' '.join(view.text.split())}")
    for cls, n in sorted(counts.items()):
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
