"""Arm or population entities abutting a claims-layer OUTCOME entity, against the gold outcome (counts only by default).

    python bench/abutting_arms.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/abutting_arms.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all  # OPEN

(run from ``bench/``). Per pair of record entities in a gold finding's sentence - an OUTCOME and an INTERVENTION /
COMPARATOR / POPULATION entity with only a space or a hyphen between them - the class is: the side of the arm
(``arm left`` / ``arm right``), its label, and how the gold outcomes overlapping the OUTCOME entity read it:
``gold takes it`` (a gold outcome covers the arm entity too), ``gold leaves it`` (every such gold outcome leaves
it out), ``no gold outcome``.
"""

from __future__ import annotations

from collections import Counter

from judged import print_counts, tune_options

from claimex.corpora.findings import load_document
from claimex.extractor import Extractor, record_of


def main() -> None:
    args, golds = tune_options(__doc__, "print rows whose class contains this (OPEN only; 'all' for every row)")
    extractor = Extractor.load(None)
    counts: Counter = Counter()
    for g in golds:
        document = load_document(g.source, g.id)
        record = record_of(extractor.nlp(document.text), document)
        text = document.text
        sentences = {f.sentence for f in g.findings}
        ents = sorted((e for e in record.entities if any(a <= e.start < b for a, b in sentences)),
                      key=lambda e: e.start)
        for x, y in zip(ents, ents[1:]):
            if text[x.end:y.start] not in (" ", "-") or (x.label == "OUTCOME") == (y.label == "OUTCOME"):
                continue
            out, arm = (x, y) if x.label == "OUTCOME" else (y, x)
            golds_here = [f.outcome for f in g.findings if f.outcome.start < out.end and out.start < f.outcome.end]
            if not golds_here:
                reading = "no gold outcome"
            elif any(o.start <= arm.start and arm.end <= o.end for o in golds_here):
                reading = "gold takes it"
            else:
                reading = "gold leaves it"
            cls = ("arm left" if arm is x else "arm right", arm.label, reading)
            counts[cls] += 1
            if args.examples is not None and (args.examples == "all" or args.examples in " | ".join(cls)):
                print(f"{' | '.join(cls)} || {text[x.start:y.end]} || O: {out.text} || gold: "
                      f"{sorted({o.text for o in golds_here})}")
    print_counts(counts)


if __name__ == "__main__":
    main()
