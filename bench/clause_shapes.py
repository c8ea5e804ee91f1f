"""Comparison or single arm, read clause by clause: found findings by the shape of their outcome's clause (issue 10,
session 19; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/clause_shapes.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/clause_shapes.py --skip-ids models/claimex-confidence/calibration_ids.txt \
        --examples 'one arm'                                                                                # OPEN only

Per found finding (``findings_match.judge``): the clauses of its sentence (:func:`claimex.assemble.claims.clauses.
clauses`, at bracket depth 0, split at ";", "whereas", "while", "but", ...), the clause that holds the gold outcome,
and that clause's shape: ``one clause`` (the sentence has one), ``compares`` (between-arm words or a comparative of
degree in the outcome's clause), ``one arm, other compares`` (no comparison in the outcome's clause, one arm named
there - an I/C entity or an "X group" phrase - and another clause compares), ``no arm, other compares``, ``2+ arms,
other compares``, ``no clause compares``. Columns: gold single-arm findings judged / compared with a comparator /
compared without; gold comparisons compared with / without a comparator / judged. ``--examples SHAPE`` prints the
sentence and the claim of each finding of that shape (prefix match): OPEN only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from judged import judged, tune_options  # bench/judged.py

from claimex.assemble.claims.clauses import clauses

COMPARED = ("increase", "decrease", "no_difference")
#: between-arm words and comparatives of degree (a clause that sets the arms apart)
COMPARES = re.compile(r"\b(?:than|compared|comparison|versus|vs\.?|relative\s+to|between|differ\w*|similar(?:ly)?|"
                      r"comparable|equivalent|superior|inferior|higher|lower|greater|more|less|fewer|better|worse|"
                      r"larger|smaller|longer|shorter|faster|slower)\b", re.IGNORECASE)
ARM_PHRASE = re.compile(r"\b(?:groups?|arms?)\b", re.IGNORECASE)


_VERB = re.compile(r"\b(?:is|are|was|were|remained|did|does|had|has|have|showed|\w+ed)\b", re.IGNORECASE)
_AND = re.compile(r",\s+(?:and|with)\s+|\s+and\s+(?=(?:the|in|all|no|there|both|it|this|these|a|an)\b)", re.IGNORECASE)


def fine_clauses(text: str) -> list[tuple[int, int]]:
    """:func:`clauses`, each split again at ", and" / ", with" / "and the|in|all|no|there|..." where the parts on
    both sides hold a verb (so not inside a list of outcomes: "A, B, and C were lower")."""
    out = []
    for a, b in clauses(text):
        cut = a
        for m in _AND.finditer(text, a, b):
            if _VERB.search(text, cut, m.start()) and _VERB.search(text, m.end(), b):
                out.append((cut, m.start()))
                cut = m.end()
        out.append((cut, b))
    return out


def shape(text: str, start: int, spans: list[tuple[int, int]], outcome_at: int, fine: bool = False) -> str:
    """The shape of the clause of the sentence ``text`` (absolute offset ``start``) holding ``outcome_at``;
    ``spans``: the record's I/C entity spans in the sentence (local offsets)."""
    parts = fine_clauses(text) if fine else clauses(text)
    if len(parts) < 2:
        return "one clause"
    at = outcome_at - start
    own = next(((a, b) for a, b in parts if a <= at < b), parts[0])
    others = [(a, b) for a, b in parts if (a, b) != own]
    if COMPARES.search(text, *own):
        return "compares"
    if not any(COMPARES.search(text, a, b) for a, b in others):
        return "no clause compares"
    arms = {text[a:b].lower() for a, b in spans if own[0] <= a < own[1]}
    if not arms and ARM_PHRASE.search(text, *own):
        arms = {"group"}
    return ("no arm" if not arms else "one arm" if len(arms) == 1 else "2+ arms") + ", other compares"


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of shapes starting with this (OPEN only)",
                               lambda ap: (ap.add_argument("--fine", action="store_true",
                                                           help="split clauses at ', and' too (fine_clauses)"),
                                           ap.add_argument("--context", action="store_true",
                                                           help="by the gold of the finding's sentence too")))
    table: dict[str, Counter] = defaultdict(Counter)
    for g, record, _text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for finding, _j, c in found:
            kin = [h for h in g.findings if h.sentence == finding.sentence and h.comparator is not None]
            spans = [(e.start - c.start, e.end - c.start) for e in record.entities
                     if e.label in ("INTERVENTION", "COMPARATOR") and c.start <= e.start < c.end]
            kind = shape(c.text, c.start, spans, finding.outcome.start, args.fine)
            gold = "single" if finding.comparator is None else "cmp"
            if args.context and gold == "single":
                same = any(h.outcome.text.lower() == finding.outcome.text.lower() for h in kin)
                kind = ("same outcome compared | " if same else "other outcome compared | " if kin
                        else "no comparison | ") + kind
            elif args.context:
                kind = "(comparison) | " + kind
            claim = ("cmp+C" if c.comparator else "cmp") if c.direction in COMPARED else "judged"
            table[kind][f"{gold} {claim}"] += 1
            if args.examples and kind.startswith(args.examples):
                print(f"{gold} {finding.direction} I={finding.intervention.text!r} "
                      f"C={finding.comparator.text if finding.comparator else None!r} O={finding.outcome.text!r} | "
                      f"claim {c.direction} I={[ents[i].text for i in c.intervention]} "
                      f"C={[ents[i].text for i in c.comparator]} | {' '.join(c.text.split())}")
    print(f"{'shape':28s} single: judged / cmp+C / cmp   comparison: cmp+C / cmp / judged")
    tot: Counter = Counter()
    for kind in sorted(table):
        t = table[kind]
        tot.update(t)
        print(f"{kind:28s} {t['single judged']:6d} {t['single cmp+C']:6d} {t['single cmp']:5d}"
              f"   {t['cmp cmp+C']:8d} {t['cmp cmp']:5d} {t['cmp judged']:6d}")
    print(f"{'all':28s} {tot['single judged']:6d} {tot['single cmp+C']:6d} {tot['single cmp']:5d}"
          f"   {tot['cmp cmp+C']:8d} {tot['cmp cmp']:5d} {tot['cmp judged']:6d}")


if __name__ == "__main__":
    main()
