"""Contrast sentences with two verdicts: how often one gold sentence holds a no-difference finding and a difference
finding in different contrast clauses, and what the claims do there (issue 10, session 21; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/verdict_split.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/verdict_split.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        --examples all                                                                                     # OPEN only

Per gold sentence: its clauses (:func:`claimex.assemble.claims.clauses.clauses` with ``contrast``: at ";", "but",
"whereas", "while", "although" ...), each gold finding's clause (the clause holding its outcome), and the verdict of
each finding (``no_difference`` or a difference). A *two-verdict contrast sentence* has two or more clauses and gold
findings of both verdicts in different clauses. Counted per finding there: judged by the findings scorer
(``findings_match.judge``) or not; the judged claim shared with a finding of the other verdict (one claim, one
verdict, for both); direction and significance right; same outcome text as a finding of the other verdict.
"""

from __future__ import annotations

from collections import Counter

from judged import tune_options  # bench/judged.py

from claimex.assemble.claims.clauses import clauses
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import judge

DIFF = ("increase", "decrease")


def _clause(spans: list[tuple[int, int]], at: int) -> int:
    return next((i for i, (a, b) in enumerate(spans) if a <= at < b), -1)


def _show(title: str, key: str, sent: str, fs: list, record, text: str) -> None:
    """Print a sentence and its gold findings, each judged against the claims (OPEN only)."""
    print(f"\n{title} {key}: {sent}")
    for f in fs:
        j = judge(f, record, text)
        print(f"   [{f.direction:<13}] {f.outcome.text!r:50} found={j.found} claim={j.claim} "
              f"dir={j.fields.get('direction')} sig={j.fields.get('significance')}")


def main() -> None:
    args, golds = tune_options(__doc__, "'all': print each two-verdict contrast sentence (OPEN only)")
    n = Counter()
    for g, record, text in _predict(golds, None, None, []):
        by_sentence: dict[tuple[int, int], list] = {}
        for f in g.findings:
            if f.direction in DIFF + ("no_difference",):
                by_sentence.setdefault(f.sentence, []).append(f)
        for (s, e), fs in by_sentence.items():
            sent = text[s:e]
            spans = clauses(sent, contrast=True)
            n["gold sentences with 2+ comparison findings"] += len(fs) > 1
            if len(spans) < 2:
                if len({f.direction == "no_difference" for f in fs}) == 2:
                    n["both verdicts, one-clause sentence"] += 1
                    if args.examples:
                        _show("NO SPLIT", g.key, sent, fs, record, text)
                continue
            verdicts = {(_clause(spans, f.outcome.start - s), f.direction == "no_difference") for f in fs}
            clauses_null = {c for c, null in verdicts if null}
            clauses_diff = {c for c, null in verdicts if not null}
            if not clauses_null or not clauses_diff:
                continue
            if clauses_null == clauses_diff:
                n["both verdicts, outcomes in one clause (of 2+)"] += 1
                if args.examples:
                    _show("ONE CLAUSE", g.key, sent, fs, record, text)
                continue
            n["two-verdict contrast sentences"] += 1
            js = [(f, judge(f, record, text)) for f in fs]
            claim_verdicts: dict[str, set] = {}
            for f, j in js:
                if j.found:
                    claim_verdicts.setdefault(j.claim, set()).add(f.direction == "no_difference")
            for f, j in js:
                null = f.direction == "no_difference"
                n["findings"] += 1
                n["  found"] += j.found
                if not j.found:
                    continue
                shared = len(claim_verdicts[j.claim]) > 1
                same_outcome = any(o.outcome.text.lower() == f.outcome.text.lower() and
                                   (o.direction == "no_difference") != null for o in fs)
                n["  found, claim shared with the other verdict"] += shared
                n["  found, same outcome text as the other verdict"] += same_outcome
                n["  found, direction right"] += j.fields.get("direction", False)
                n["  found, significance right"] += j.fields.get("significance", False)
                n["  found, shared, direction wrong"] += shared and not j.fields.get("direction", False)
            if args.examples:
                print(f"\n{g.key}: {sent}")
                for f, j in js:
                    print(f"   [{f.direction:<13}] {f.outcome.text!r:50} found={j.found} claim={j.claim} "
                          f"dir={j.fields.get('direction')} sig={j.fields.get('significance')}")
    for k, v in n.items():
        print(f"{k:<52}{v:>6}")


if __name__ == "__main__":
    main()
