"""Compared claims with an empty comparator slot: would the trial's other arm fill it right? (issue 10, session 20;
counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/empty_slot_sim.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    ... --skip-ids models/claimex-confidence/calibration_ids.txt [--examples ROW]                            # OPEN

For every found gold finding whose judged claim is compared (increase / decrease / no difference) with no comparator,
the candidates a rule could give it, each counted ``gold cmp -> R/W`` (the gold compares: would the comparator be
right?) and ``gold single`` (the empty slot is right now: it would break):

* ``design other``: the arms the title, aims and methods named (``InterventionContext.design_arms``; not bare labels,
  not inside a POPULATION span, not set aside by the trial-arm check), grouped by
  :func:`claimex.assemble.claims.design.same_intervention`, less the claim's intervention's arm: when exactly one
  group is left (a two-arm trial), its latest mention before the claim's sentence;
* ``design other (n)``: the number of groups left when it is not one;
* ``reported other``: the arm the results name as comparator most (:func:`.reportedother.reported_comparator`),
  when it is no mention of the claim's intervention.
"""

from __future__ import annotations

from collections import Counter

from judged import judged, record_contexts, tune_options  # bench/judged.py

from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.design import same_intervention
from claimex.assemble.claims.labels import is_bare_label
from claimex.assemble.claims.reported import arm_groups
from claimex.assemble.claims.reportedother import reported_comparator
from claimex.evaluate.findings_match import arm_aliases, entity_names

COMPARED = ("increase", "decrease", "no_difference")


def design_groups(ctx, record) -> list[list]:
    pops = [e for e in record.entities if e.label == "POPULATION"]
    not_arm = ctx.no_arms() if ctx.no_arms is not None else frozenset()
    return arm_groups(e for e in ctx.interventions
                      if entity_words(e) and entity_words(e) in ctx.design_arms and not is_bare_label(e.text)
                      and e.id not in not_arm and not any(p.start <= e.start and e.end <= p.end for p in pops))


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN only)")
    contexts = record_contexts()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ctx = contexts[record.id]
        by_id = {e.id: e for e in record.entities}
        groups = design_groups(ctx, record)
        for f, j, claim in found:
            if claim.comparator or claim.direction not in COMPARED:
                continue
            mine = [by_id[i] for i in claim.intervention if i in by_id]
            s_start = record.sentences[claim.sentence].start
            others = [grp for grp in groups
                      if not any(same_intervention(entity_words(e), entity_words(m)) for e in grp for m in mine)]
            gold = "gold single" if f.comparator is None else "gold cmp"
            irow = "I right" if j.fields.get("intervention") else "I wrong"
            rows = []
            if len(others) == 1:
                before = [e for e in others[0] if e.start < s_start] or others[0][:1]
                cand = before[-1]
                ok = f.comparator is not None and entity_names(
                    cand, arm_aliases(f.comparator, record), arm_aliases(f.intervention, record))
                rows.append(("design other", gold + (" -> R" if ok else " -> W") if f.comparator else gold, cand))
            else:
                rows.append((f"design other ({min(len(others), 3)})", gold, None))
            rep = reported_comparator(record, record.claims, by_id, lambda e: True)
            rep = [e for e in rep if not any(same_intervention(entity_words(e), entity_words(m)) for m in mine)]
            if rep:
                cand = rep[-1]
                ok = f.comparator is not None and entity_names(
                    cand, arm_aliases(f.comparator, record), arm_aliases(f.intervention, record))
                rows.append(("reported other", gold + (" -> R" if ok else " -> W") if f.comparator else gold, cand))
            for name, outcome, cand in rows:
                counts[(irow, name, outcome)] += 1
                if args.examples and args.examples in name:
                    print(f"[{irow} {name} {outcome}] {g.key} gold I={f.intervention.text!r} "
                          f"C={f.comparator.text if f.comparator else None!r} | claim I={[m.text for m in mine]} "
                          f"cand={cand.text if cand is not None else None!r} | "
                          f"{' '.join(text[slice(*f.sentence)].split())[:200]}")
    for key in sorted(counts):
        print(f"{counts[key]:4d}  {' | '.join(key)}")


if __name__ == "__main__":
    main()
