"""Significance of found findings counted by (gold -> claim) value, decision path and the source the claims code read
(issue 10, session 23, s23-sig).

    OPENBLAS_NUM_THREADS=1 python bench/sig_errors.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/sig_errors.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples 'RE'                                     # OPEN only: the sentences whose line matches

Per found finding (every arm, right or not): the gold's ``significant`` (True / False / None) against the claim's,
the decision path of :mod:`direction_paths`, and the *source*: what
:func:`claimex.assemble.claims.significance.significance` reads from the claim's own measures and sentence
(``p-value`` / ``ci`` / ``words`` / ``none``), ``=`` when that reading is the claim's value and ``!=`` when a later
step set another (a second claim, a per-arm copy, a judged single-arm result). Also the sentence's test shapes
(:func:`_shapes`): how many p-values the sentence and the claim hold, whether the sentence's p-values disagree about
significance, a "significant" word, a no-difference phrase (``NOT_SIGNIFICANT``), a CI, a trend word, the no-effect
value of the claim's CI, a sentence p-value or CI that is not the claim's, the scopes of
``direction_shapes._scopes``, for a verdict read from words the kind of word (:func:`word_cue`), and
whether the gold and the claim are comparisons or single-arm results, the direction right or not.
Counts only unless ``--examples``.
"""

from __future__ import annotations

import re
from collections import Counter

import direction_paths as dp
import direction_shapes as ds
from judged import judged, print_counts, tune_options

from claimex.assemble.claims.significance import (
    NEGATED_CHANGE,
    NOT_SIGNIFICANT,
    OTHER_SIMILAR,
    SIGNIFICANT,
    ci_bounds,
    ci_null,
    p_significant,
    significance,
)

_TREND = re.compile(r"\btrend|\btend(?:ed|s)?\b", re.IGNORECASE)


def _shapes(claim, record, sentence: str) -> list[str]:
    mine = [record.measure(i) for i in claim.measures]
    in_sentence = [m for m in record.measures if claim.start <= m.start < claim.end]
    pv_s = [m for m in in_sentence if m.kind == "p_value"]
    pv_c = [m for m in mine if m.kind == "p_value"]
    out = [f"p in sentence {min(len(pv_s), 2)}{'+' if len(pv_s) > 2 else ''}", f"p of claim {min(len(pv_c), 2)}"]
    verdicts = {p_significant(m) for m in pv_s} - {None}
    if len(verdicts) == 2:
        out.append("p-values disagree")
    if any(ci_bounds(m) for m in in_sentence):
        out.append("CI in sentence")
    for m in mine:
        if ci_bounds(m):
            null = ci_null(m, sentence[:max(0, m.start - claim.start)] + m.text)
            out.append(f"claim CI, no-effect value {null}")
            break
    if SIGNIFICANT.search(sentence):
        out.append("'significant' word")
    if NOT_SIGNIFICANT.found(sentence) or NEGATED_CHANGE.search(sentence):
        out.append("null words")
    if _TREND.search(sentence):
        out.append("trend")
    if claim.significant is None and pv_s and not pv_c:
        out.append(f"claim None, sentence p-values not the claim's: {sorted(map(str, verdicts))}")
    if claim.significant is None and any(ci_bounds(m) for m in in_sentence) and not any(ci_bounds(m) for m in mine):
        out.append("claim None, sentence CI not the claim's")
    out += ds._scopes(claim, record, sentence, claim.start, pv_s)
    return out


_RUNS = ("no/non significant", "n.s.", "no difference/change/effect, similar", "equivalent", "failed/remained",
         "significance not shown", "trend", "not statistically different", "did not affect/have/result in",
         "as effective as", "not by change")


def word_cue(sentence: str) -> str:
    """The kind of the first no-difference phrase (a run of ``NOT_SIGNIFICANT``, with the keyword of run 3) or the
    "significant" word that :func:`significance` reads as the words' verdict: a category, not text."""
    text = OTHER_SIMILAR.sub(" ", sentence)
    best = None
    for k, run in enumerate(NOT_SIGNIFICANT.runs):
        m = run.pattern.search(text)
        if m is not None and (best is None or m.start() < best[0].start()):
            best = (m, k)
    if best is not None:
        m, k = best
        key = next((w for w in NOT_SIGNIFICANT.runs[k].keywords if w in m.group(0).lower()), "")
        return f"null: {_RUNS[k]}" + (f" ({key})" if k == 2 else "")
    if NEGATED_CHANGE.search(text):
        return "null: negated change verb"
    m = SIGNIFICANT.search(sentence)
    return f"sig: {m.group(0).lower()}" if m else "none"


def main() -> None:
    args, golds = tune_options(__doc__, "a regex over the finding's line (OPEN only): print those sentences")
    dp._install()
    rows: Counter = Counter()
    shapes: Counter = Counter()
    total = Counter()
    for g, record, text, found in judged(golds):
        paths = {c.id: dp.path_of(record.id, c) for c in record.claims}
        for finding, j, claim in found:
            mine = [record.measure(i) for i in claim.measures]
            sentence = text[claim.start:claim.end]
            sig, _, source = significance(mine, sentence, claim.start)
            src = f"{source or 'none'}{'=' if sig == claim.significant else '!='}"
            ok = j.fields["significance"]
            tup = f"{finding.significant} -> {claim.significant}"
            total["right" if ok else "wrong"] += 1
            col = "right" if ok else "WRONG"
            rows[(col, tup, src, paths[claim.id])] += 1
            compared = bool(claim.comparator) or claim.direction in ("increase", "decrease", "no_difference")
            right = "right" if j.fields["direction"] else "wrong"
            kind = (f"gold {'single' if finding.comparator is None else 'comparison'}, claim "
                    f"{'comparison' if compared else 'single'}, direction {right}")
            shapes[(kind, col if ok else f"WRONG {tup}")] += 1
            if source == "words":
                shapes[(f"word cue: {word_cue(sentence)}", col if ok else f"WRONG {tup}")] += 1
            for s in _shapes(claim, record, sentence):
                shapes[(s, col if ok else f"WRONG {tup}")] += 1
                shapes[(f"{s} [{src}]", col if ok else f"WRONG {tup}")] += 1
            line = (f"{col} | {tup} | {src} | {paths[claim.id]} | dir {finding.direction} -> {claim.direction}"
                    f" | dir {'ok' if j.fields['direction'] else 'WRONG'}")
            if args.examples and re.search(args.examples, line):
                ents = {e.id: e.text for e in record.entities}
                sent = " ".join(text[slice(*finding.sentence)].split())
                print(f"{g.key} {claim.id} | {line} | O={[ents.get(i) for i in claim.outcome]} "
                      f"M={[m.text for m in mine]} | {sent}")
    print(f"found {sum(total.values())}: significance right {total['right']}, wrong {total['wrong']}")
    print("\nby (right?, gold -> claim, source, path)")
    print_counts(rows)
    print("\nby sentence shape")
    print_counts(shapes)


if __name__ == "__main__":
    main()
