"""Which typing rule leaves a gold result sentence without a finding claim, against the non-result sentences the same
rule leaves out (counts only by default; docs/claims-rounds.md 35.4, s21-found).

    python bench/typing_recall.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/typing_recall.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples PATH  # OPEN

(run from ``bench/``). Per sentence of each tune abstract (as ``claimex evaluate --task findings`` reads it): the
typing rule that decided it (:func:`typing_paths.typing_path`), whether the record holds a finding / adverse_effect
claim in it, whether it holds an OUTCOME entity and a result measure, and what the gold calls it: ``result`` (a gold
result sentence with findings), ``neutral`` (a restatement the scorer neither needs nor counts as spurious) or
``other``. Printed: per path of sentences with no finding claim, the counts of result / neutral / other, cut by
OUTCOME entity and measure. ``--examples PATH`` prints the sentences whose row contains PATH (OPEN only).
"""

from __future__ import annotations

from collections import Counter

from judged import tune_options
from typing_paths import typing_path

from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import _overlaps, claim_span

RESULT_KINDS = frozenset(["mean_sd", "median_iqr", "percentage", "value", "range", "count", "duration", "p_value",
                          "ci", "ratio"])


def main() -> None:
    args, golds = tune_options(__doc__, "print the rows whose class contains this (OPEN only)")
    rows: Counter = Counter()
    for g, record, text in _predict(golds, None, None, []):
        paths = typing_path(record)
        spans = [claim_span(c, record) for c in record.claims if c.type in ("finding", "adverse_effect")]
        results = [tuple(s) for s in g.result_sentences]
        neutral = [tuple(s) for s in g.neutral_sentences]
        found_sents = {f.sentence for f in g.findings}
        for k, s in enumerate(record.sentences):
            span = (s.start, s.end)
            if any(_overlaps(span, c) for c in spans):
                continue
            kind = ("result" if any(_overlaps(span, r) and r in found_sents for r in results) else
                    "neutral" if any(_overlaps(span, r) for r in neutral + results) else "other")
            outcome = any(e.label == "OUTCOME" and _overlaps((e.start, e.end), span) for e in record.entities)
            measure = any(m.kind in RESULT_KINDS and _overlaps((m.start, m.end), span) for m in record.measures)
            typed, rule = paths.get(k, (None, "?"))
            row = f"{typed or 'untyped'} [{rule}] | {'OUTCOME' if outcome else 'no OUTCOME'} | " \
                  f"{'measure' if measure else 'no measure'}"
            rows[(row, kind)] += 1
            if args.examples and args.examples in row and kind != "other" or args.examples == f"{row} {kind}":
                print(kind, "|", row, "|", g.id, "|", " ".join(text[s.start:s.end].split()))
    by_row: dict[str, Counter] = {}
    for (row, kind), n in rows.items():
        by_row.setdefault(row, Counter())[kind] += n
    print("result / neutral / other  path")
    for row, c in sorted(by_row.items(), key=lambda kv: -kv[1]["result"]):
        print(f"{c['result']:4d} {c['neutral']:4d} {c['other']:5d}  {row}")


if __name__ == "__main__":
    main()
