"""Direction of found findings counted by sentence shape and by the path that decided (issue 10, session 19).

    OPENBLAS_NUM_THREADS=1 python bench/direction_shapes.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/direction_shapes.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples 'SHAPE'                                           # OPEN only: the sentences

Per found finding whose intervention and comparator are right (``--any-arms``: every found finding) the shapes of its
sentence that a direction rule could read (:data:`SHAPES`: a trend, a CI that holds its no-effect value, "similar" /
"comparable", non-inferiority or equivalence wording, "except", two or more p-values and whether they disagree about
significance, a p-value said of one arm, the claim's deciding p-value nearer another outcome than the claim's own, two
values of one kind with no test, ...) and the decision path of :mod:`direction_paths`; per shape the findings whose
direction is right, wrong as "difference vs no difference" (split: the gold says a difference and the claim none, or
the other way round) and wrong as "wrong sign". Counts only unless ``--examples`` (OPEN).

Session 19 (docs/claims-rounds.md section 33.3, s19-dir), main 782e77f, BLIND arms-right (638 found, 100 direction
errors): no shape the brief named holds many errors (trend 1 + 1, a CI holding its no-effect value 1 of 32, "similar" 8
of 43, non-inferiority / equivalence 1 of 4, "except" 2 of 9, two p-values that disagree 7 of 24, the claim's p-value
nearer another outcome 3 of 7); the largest cell over every found finding was "values, no test" decided by the
classifier alone: 17 gold with a sign read as no difference, 1 right - the rule of ``claims/valueorder.py`` (branch
s19-dir; not merged, it did not carry to the report half: docs/claims-rounds.md 33.3).
"""

from __future__ import annotations

import re
from collections import Counter

import direction_paths as dp
from judged import judged, tune_options

from claimex.assemble.claims.clauses import clauses
from claimex.assemble.claims.significance import NOT_SIGNIFICANT, SIGNIFICANT, ci_bounds, ci_null
from claimex.evaluate.findings_match import DIRECTION_ERRORS

_SIGNS = ("increase", "decrease", "positive", "negative")
SHAPES = {
    "trend": re.compile(r"\btrend|\btend(?:ed|s|ency)?\b", re.I),
    "similar": re.compile(r"\bsimilar", re.I),
    "comparable": re.compile(r"\bcomparab", re.I),
    "noninferior/equivalent": re.compile(r"\bnon-?\s?inferior|\bnoninferior|\bequivalen", re.I),
    "except": re.compile(r"\bexcept\b|\bwith\s+the\s+exception|\bapart\s+from\b|\bother\s+than\b", re.I),
    "contrast": re.compile(r"\b(?:but|whereas|while|although|however)\b", re.I),
    "not-significant words": None,
    "significant word": None,
    "both words": None,
    "respectively": re.compile(r"\brespectively\b", re.I),
    "versus": re.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|than)\b", re.I),
}


def _shapes(claim, record, sentence: str, start: int) -> list[str]:
    out = [name for name, rx in SHAPES.items() if rx is not None and rx.search(sentence)]
    null, sig = bool(NOT_SIGNIFICANT.found(sentence)), bool(SIGNIFICANT.search(sentence))
    if null:
        out.append("not-significant words")
    if sig:
        out.append("significant word")
    if null and sig:
        out.append("both words")
    end = start + len(sentence)
    ms = [m for m in record.measures if start <= m.start < end]
    ps = [m for m in ms if m.kind == "p_value" and m.value is not None]
    if len(ps) >= 2:
        out.append("p>=2")
        sigs = {m.value < 0.05 or (m.op or "=") in ("<", "<=") and m.value <= 0.05 for m in ps}
        if len(sigs) == 2:
            out.append("p>=2 mixed")
    if not ps and not any(ci_bounds(m) for m in ms):
        kinds = Counter(m.kind for m in ms if m.value is not None and m.kind not in ("count", "n"))
        if any(n >= 2 for n in kinds.values()):
            out.append("values, no test")
    for m in ms:
        b = ci_bounds(m)
        if b is None:
            continue
        null_v = ci_null(m, sentence[:max(0, m.start - start)] + m.text)
        if null_v is not None and b[0] <= null_v <= b[1]:
            out.append("CI holds null")
            break
    ents = sorted((e for e in record.entities if start <= e.start < end), key=lambda e: e.start)
    for m in ps:
        before = [e for e in ents if e.end <= m.start and m.start - e.end < 60]
        if before and before[-1].label in ("INTERVENTION", "COMPARATOR"):
            out.append("p after an arm")
            break
    if claim.p_value:
        pm = next((m for m in record.measures if m.id == claim.p_value), None)
        outs = [e for e in ents if e.label == "OUTCOME" and pm is not None and e.end <= pm.start]
        if outs and outs[-1].id not in claim.outcome:
            out.append("claim p nearer another outcome")
    n_out = sum(1 for e in ents if e.label == "OUTCOME")
    if n_out >= 2:
        out.append("outcomes>=2")
    out.extend(_scopes(claim, record, sentence, start, ps))
    return out or ["(none)"]


def _scopes(claim, record, sentence: str, start: int, ps) -> list[str]:
    """Where the sentence's test words are: in the clause of the claim's first outcome ("own"), only in another
    clause ("elsewhere"), or nowhere ("none") - for null words, "significant" and p-values (session 21, s21-nodiff)."""
    outs = [e for e in record.entities if e.id in claim.outcome and start <= e.start < start + len(sentence)]
    at = min((e.start for e in outs), default=None)
    if at is None:
        return ["scope: no outcome in sentence"]
    spans = clauses(sentence, contrast=True)
    own = next(((a, b) for a, b in spans if a <= at - start < b), (0, len(sentence)))
    tests = {
        "null": lambda a, b: bool(NOT_SIGNIFICANT.found(sentence[a:b])),
        "sig": lambda a, b: bool(SIGNIFICANT.search(sentence[a:b])),
        "p": lambda a, b: any(a <= m.start - start < b for m in ps),
    }
    out = []
    for name, test in tests.items():
        if test(*own):
            out.append(f"scope {name}: own clause")
        elif any(test(a, b) for a, b in spans):
            out.append(f"scope {name}: elsewhere only")
        else:
            out.append(f"scope {name}: none")
    if len(spans) == 1:
        out.append("scope: one clause")
    return out


def _more(ap) -> None:
    ap.add_argument("--any-arms", action="store_true", help="every found finding, its arms right or not")


def main() -> None:
    args, golds = tune_options(__doc__, "a shape name (OPEN only): print the findings with that shape", _more)
    dp._install()
    rows: Counter = Counter()
    paths: Counter = Counter()
    total = 0
    for g, record, text, found in judged(golds):
        path_of = {c.id: dp.path_of(record.id, c) for c in record.claims}
        for finding, j, claim in found:
            if not args.any_arms and not (j.fields.get("intervention") and j.fields.get("comparator")):
                continue
            total += 1
            start = claim.start if claim.start is not None else finding.sentence[0]
            sentence = text[start:claim.end] if claim.end is not None else claim.text
            if j.fields["direction"]:
                col = "right"
            else:
                err = next((e for e in j.errors if e in DIRECTION_ERRORS), "?")
                if err == "difference vs no difference":
                    col = "gold diff, claim none" if finding.direction in _SIGNS else "gold none, claim diff"
                else:
                    col = err
            path = path_of[claim.id]
            for s in _shapes(claim, record, sentence, start):
                rows[(s, col)] += 1
                paths[(s, path, col)] += 1
                if args.examples and s == args.examples:
                    ents = {e.id: e.text for e in record.entities}
                    print(f"{g.key} {claim.id} {path} {col} | {finding.direction}/{finding.significant} -> "
                          f"{claim.direction}/{claim.significant} | I={[ents.get(i) for i in claim.intervention]} "
                          f"C={[ents.get(i) for i in claim.comparator]} O={[ents.get(i) for i in claim.outcome]} | "
                          f"{' '.join(sentence.split())}")
    cols = ("right", "gold diff, claim none", "gold none, claim diff", "wrong sign",
            "direction: comparison vs single arm", "direction missing")
    print(f"found findings counted: {total}")
    print(f"{'shape':<34}" + "".join(f"{c[:22]:>24}" for c in cols))
    names = sorted({s for s, _ in rows}, key=lambda s: -sum(rows[(s, c)] for c in cols))
    for s in names:
        print(f"{s:<34}" + "".join(f"{rows[(s, c)]:>24}" for c in cols))
    print("\nfindings by shape and path (right and wrong)")
    for (s, p, c), n in sorted(paths.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {n:4d}  {s} | {p} | {c}")


if __name__ == "__main__":
    main()
