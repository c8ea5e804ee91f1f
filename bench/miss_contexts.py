"""What stands right after and inside the gold outcome of a finding not found (counts only by default;
docs/claims-rounds.md 33.5, s19-found).

    python bench/miss_contexts.py --ids models/claimex-confidence/calibration_ids.txt          # BLIND: counts only
    python bench/miss_contexts.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples all   # OPEN

(run from ``bench/``). Per gold finding that :func:`claimex.evaluate.findings_match.judge` does not find: the miss
class (the scorer's error), how the sentence's OUTCOME entities cover the gold outcome (``none``; ``partial:gaps-link``
when the tokens no entity covers are only linking words, else ``partial:gaps-content``), whether the outcome holds a
digit or a bracket, and whether a value follows it (``value after``: a number after at most three of was / were /
is / are / of / : / = / ( / , - the shape "A was 12% vs 20%, and B 3.1 vs 4.2 days") or a count stands right before
it (``count before``: "107 deaths"). ``--brackets``: instead, every gold outcome (found or not) with a bracket
inside, by whether OUTCOME entities lie on both sides of the bracket. ``--examples`` prints the rows (OPEN only).
"""

from __future__ import annotations

import re
from collections import Counter

from judged import tune_options

from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import _overlaps, covered, judge, tokens

LINKS = frozenset(["of", "in", "for", "at", "to", "with", "on", "from", "after", "during", "by", "the", "a", "an",
                   "per", "and", "or", "which", "whose", "caused", "related", "due"])
INTRODUCERS = frozenset(["was", "were", "is", "are", "of", ":", "=", "(", ",", "in", "at", "had", "showed", "reached"])
NUMBER = re.compile(r"^[<>≤≥]?\d")


def miss_context(finding, record, text: str) -> str:
    """Cover, inner shape and the neighbours of one gold outcome (module doc)."""
    gold = tokens(text, finding.outcome.start, finding.outcome.end)
    outs = [e for e in record.entities if e.label == "OUTCOME" and _overlaps((e.start, e.end), finding.sentence)]
    best = max((sum(covered(t, e.start, e.end) for t in gold) for e in outs), default=0)
    state = "none"
    if best:
        missed = {text[a:b].lower() for a, b in gold if not any(covered((a, b), e.start, e.end) for e in outs)}
        state = "partial:gaps-link" if missed <= LINKS else "partial:gaps-content"
    inner = "digit/bracket inside" if re.search(r"[\d()\[\]]", finding.outcome.text) else "plain"
    after = [text[a:b].lower() for a, b in tokens(text, finding.outcome.end, finding.sentence[1])[:5]]
    k = 0
    while k < len(after) and k < 3 and after[k] in INTRODUCERS:
        k += 1
    value = "value after" if k < len(after) and NUMBER.match(after[k]) else "no value after"
    before = [text[a:b].lower() for a, b in tokens(text, finding.sentence[0], finding.outcome.start)[-2:]]
    count = bool(before) and bool(NUMBER.match(before[-1])) or (
        len(before) > 1 and bool(NUMBER.match(before[0])) and before[1] in ("%", ")"))
    return f"{state} | {inner} | {value}{' | count before' if count else ''}"


def bracket_context(finding, record, text: str, j) -> str | None:
    """For a gold outcome with a bracket inside: found or its error, outcome right, and whether OUTCOME entities lie
    before the bracket and after it inside the gold outcome; None for other outcomes."""
    o = finding.outcome
    if "(" not in o.text or ")" not in o.text:
        return None
    opening, closing = o.start + o.text.index("("), o.start + o.text.rindex(")") + 1
    outs = [e for e in record.entities if e.label == "OUTCOME" and _overlaps((e.start, e.end), (o.start, o.end))]
    before = any(o.start < e.end <= opening for e in outs)
    after = any(closing <= e.start < o.end for e in outs)
    right = "outcome right" if j.found and j.fields.get("outcome") else "outcome -"
    tail = "text after bracket" if o.end > closing + 1 else "bracket at end"
    return f"{'found' if j.found else j.errors[0]} | {right} | {tail} | entity before {before}, after {after}"


def main() -> None:
    args, golds = tune_options(__doc__, "print the rows whose class contains this (OPEN only; 'all': every row)",
                               lambda ap: ap.add_argument("--brackets", action="store_true"))
    counts: Counter = Counter()
    for g, record, text in _predict(golds, None, None, []):
        for finding in g.findings:
            j = judge(finding, record, text)
            if args.brackets:
                cls = bracket_context(finding, record, text, j)
            else:
                cls = None if j.found else f"{j.errors[0]} | {miss_context(finding, record, text)}"
            if cls is None:
                continue
            counts[cls] += 1
            if args.examples and (args.examples == "all" or args.examples in cls):
                print(cls, "||", finding.outcome.text, "||", " ".join(text[slice(*finding.sentence)].split()))
    for cls, n in counts.most_common():
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
