"""Gold comparisons whose claim names no comparator, cut by the shapes of issue 10's session-20 brief (counts only by
default).

    OPENBLAS_NUM_THREADS=1 python bench/missing_shapes.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/missing_shapes.py --skip-ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples ROW   # OPEN only: print the findings counted in rows containing ROW

Counted: every found gold comparison (comparator not null) whose judged claim's comparator slot is empty, split by the
intervention (``I right`` / ``I wrong``: the scorer's intervention field). Each finding is counted in one row of each
cut:

* ``kind``: the claim judged (positive / negative: a single-arm claim where the gold compares) or compared (increase /
  decrease / no difference with an empty slot), or no direction;
* ``path``: the branch of ``decide`` that made the decision (``bench/arm_paths.py``'s reading, coarse);
* ``names``: what the sentence says of the other arm: an I/C entity of the sentence names the gold comparator
  (``tagged``), the gold comparator's span lies in the sentence untagged (``untagged``), a label phrase ("group B",
  "controls", "the control group", "the placebo group", "the other group"), a plural of the arms ("between the
  groups", "both groups"), or nothing;
* ``known``: the comparator the sentence would carry (``InterventionContext.named_comparator`` when its claims are
  made): it names the gold comparator, another arm, or none is known;
* ``cue``: the comparison word of the sentence and what follows it ("than ...", "vs ...", "compared with ...",
  "between the groups", "differ" with no "between", none);
* ``arms``: the number of distinct arms the abstract's gold findings name (2 or 3+);
* ``cross``: kind x known x cue for the largest cells.

Second table (``cell``): every found gold finding whose claim's comparator slot is empty, gold single-arm or comparison,
by a cell that does not look at the gold - kind, path, what the sentence names besides the claim's intervention (an
I/C entity of another arm, a label, a plural of the arms, nothing), whether a design comparator is known, and the cue
word: for each cell, the gold comparisons (a rule that gives the cell the known comparator could fix them) against
the gold single-arm findings (it would break them, their empty slot being right now).
"""

from __future__ import annotations

import re
from collections import Counter

import arm_paths as AP  # bench/arm_paths.py (its wrappers of decide / between_arms read the decision path)
from judged import judged, tune_options  # bench/judged.py

import claimex.assemble.claims as C
from claimex.evaluate.findings_match import arm_aliases, arm_words, entity_names

COMPARED = ("increase", "decrease", "no_difference")
KNOWN: dict[tuple[str, int], object] = {}  # (record id, sentence index) -> the design comparator it would carry
_claims = C.ClaimAssembler._claims

LABEL = re.compile(r"\b(?:group|arm|cohort)\s+(?:[A-Z]{1,3}|[0-9]{1,2}|I{1,3}V?|IV)\b|\b[A-Z]{1,4}\s+(?:group|arm)s?\b|"
                   r"\bcontrols?\b|\b(?:placebo|sham|control|comparison|usual[- ]care|other|reference)"
                   r"\s+(?:group|arm|condition|subjects|patients|participants)s?\b", re.I)
PLURAL = re.compile(r"\b(?:both|two|all|three|the|treatment|study)\s+(?:groups|arms)\b|\beither\s+(?:group|arm)\b|"
                    r"\bgroups\b", re.I)
CUES = (("than", re.compile(r"\bthan\b", re.I)),
        ("vs", re.compile(r"\b(?:vs\.?|versus)\s", re.I)),
        ("compared", re.compile(r"\b(?:compared|comparison|relative)\s+(?:with|to)\b|\bin comparison\b", re.I)),
        ("between", re.compile(r"\bbetween\b", re.I)),
        ("differ", re.compile(r"\bdiffer", re.I)),
        ("superior/similar", re.compile(r"\b(?:superior|inferior|similar|comparable|equivalent)\b", re.I)))


def _spy_claims(self, view, ctype, ctx, *rest):
    KNOWN[(AP._STATE["rec"], view.index)] = ctx.named_comparator()
    return _claims(self, view, ctype, ctx, *rest)


def _install() -> None:
    C.decide = AP._decide
    C.ClaimAssembler.__call__ = AP._call
    C.between_arms = AP._between
    C.ClaimAssembler._claims = _spy_claims


def names(x, sentence_text, sent, i_arm, c_arm, ents) -> str:
    if any(e.label in ("INTERVENTION", "COMPARATOR") and sent[0] <= e.start < sent[1]
           and entity_names(e, c_arm, i_arm) for e in ents):
        return "tagged"
    if sent[0] <= x.comparator.start < sent[1]:
        return "untagged"
    if LABEL.search(sentence_text):
        return "label"
    if PLURAL.search(sentence_text):
        return "plural"
    return "nothing"


def cue(sentence_text: str, after_gold: bool, label_after: bool) -> str:
    for name, rx in CUES:
        m = rx.search(sentence_text)
        if m:
            tail = sentence_text[m.end():m.end() + 50]
            if name in ("than", "vs", "compared"):
                what = "label" if LABEL.search(tail) else "gold" if after_gold else "other"
                return f"{name} -> {what}"
            if name == "between":
                return "between -> groups" if PLURAL.search(tail) or LABEL.search(tail) else "between -> other"
            return name
    return "none"


def generic_names(stext, sent, claim, ents) -> str:
    """What the sentence names besides the claim's intervention (no gold read)."""
    own = [e for e in ents if e.label in ("INTERVENTION", "COMPARATOR") and sent[0] <= e.start < sent[1]
           and e.id not in claim.intervention]
    mine = [e for e in ents if e.id in claim.intervention]
    if any(not any(arm_words(e.text) & arm_words(m.text) for m in mine) for e in own if arm_words(e.text)):
        return "other arm"
    if LABEL.search(stext):
        return "label"
    if PLURAL.search(stext):
        return "plural"
    return "nothing"


def gold_arm_count(g) -> str:
    arms: list[frozenset] = []
    for f in g.findings:
        for span in (f.intervention, f.comparator):
            if span is None:
                continue
            w = arm_words(span.text)
            if w and not any(w == a for a in arms):
                arms.append(w)
    return "2 arms" if len(arms) <= 2 else "3+ arms"


def cell_row(g, f, claim, record, text, cells: Counter, irow: str) -> None:
    sent = f.sentence
    stext = text[slice(*sent)]
    kind = "judged" if claim.direction in ("positive", "negative") else \
        "compared" if claim.direction in COMPARED else "no direction"
    key = (record.id, claim.sentence, tuple(claim.outcome), tuple(claim.measures))
    path = (AP.PATHS.get(key + (claim.direction,)) or AP.PATHS.get(key) or ("(no path)",))[0]
    path = ": ".join(path.split(": ")[:2])
    known = "known" if KNOWN.get((record.id, claim.sentence)) is not None else "none known"
    cw = cue(stext, False, False).split(" ")[0]
    gold = "single" if f.comparator is None else "cmp"
    for k in (f"{kind} | {known} | {generic_names(stext, sent, claim, record.entities)} | {cw}",
              f"{kind} | {known} | {path}"):
        cells[(f"{irow} | {k}", gold)] += 1


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN only)")
    _install()
    counts: Counter = Counter()
    cells: Counter = Counter()
    total = Counter()
    for g, record, text, found in judged(golds):
        ents = record.entities
        n_arms = gold_arm_count(g)
        for f, j, claim in found:
            if f.comparator is None:
                if not claim.comparator:
                    cell_row(g, f, claim, record, text, cells,
                             "I right" if j.fields.get("intervention") else "I wrong")
                continue
            irow = "I right" if j.fields.get("intervention") else "I wrong"
            total[irow] += 1
            if not claim.comparator:
                cell_row(g, f, claim, record, text, cells, irow)
            if claim.comparator:
                continue
            sent = f.sentence
            stext = text[slice(*sent)]
            i_arm, c_arm = arm_aliases(f.intervention, record), arm_aliases(f.comparator, record)
            kind = "judged" if claim.direction in ("positive", "negative") else \
                "compared" if claim.direction in COMPARED else "no direction"
            key = (record.id, claim.sentence, tuple(claim.outcome), tuple(claim.measures))
            path = (AP.PATHS.get(key + (claim.direction,)) or AP.PATHS.get(key) or ("(no path)",))[0]
            path = ": ".join(path.split(": ")[:2])
            nm = names(f, stext, sent, i_arm, c_arm, ents)
            known = KNOWN.get((record.id, claim.sentence))
            kn = "none known" if known is None else \
                "known, names gold" if entity_names(known, c_arm, i_arm) else "known, other"
            gold_after = sent[0] <= f.comparator.start < sent[1]
            cw = cue(stext, gold_after, False)
            rows = [f"kind {kind}", f"path {path}", f"names {nm}", f"known {kn}", f"cue {cw}", f"arms {n_arms}",
                    f"cross {kind} | {kn} | {nm} | {cw.split(' ')[0]}"]
            for r in rows:
                counts[(irow, r)] += 1
                if args.examples and args.examples in r:
                    mine = [e.text for e in ents if e.id in claim.intervention]
                    print(f"[{irow} {r}] {g.key} gold I={f.intervention.text!r} C={f.comparator.text!r} "
                          f"{f.direction} | claim {claim.direction} I={mine}"
                          f" | known {known.text if known is not None else None!r} | {' '.join(stext.split())}")
            counts[(irow, "all")] += 1
    print(f"found gold comparisons: I right {total['I right']}, I wrong {total['I wrong']}")
    print(f"{'row':<70}{'I right':>8}{'I wrong':>8}")
    rows = sorted({r for _, r in counts}, key=lambda r: (r.split(" ")[0], -counts[("I right", r)]))
    for r in rows:
        a, b = counts[("I right", r)], counts[("I wrong", r)]
        if r.startswith("cross") and a + b < 3:
            continue
        print(f"{r:<70}{a:>8}{b:>8}")
    print("\ncells of found findings with an empty comparator slot")
    print(f"{'cell':<90}{'gold cmp':>9}{'gold single':>12}")
    keys = sorted({k for k, _ in cells}, key=lambda k: -cells[(k, "cmp")] - cells[(k, "single")])
    for k in keys:
        a, b = cells[(k, "cmp")], cells[(k, "single")]
        if a + b >= 3:
            print(f"{k:<90}{a:>9}{b:>12}")


if __name__ == "__main__":
    main()
