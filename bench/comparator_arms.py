"""The comparator slot against the trial-arm check (issue 10, session 15): for every found finding, what the claim's
comparator is, whether the trial-arm model (:mod:`claimex.assemble.claims.trialarm`) calls its mention group an arm of
the trial, and what other choices would carry. Counts only by default.

    OPENBLAS_NUM_THREADS=1 python bench/comparator_arms.py --ids models/claimex-confidence/calibration_ids.txt
    # (BLIND; the same with --skip-ids: OPEN)
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of classes containing CLASS

Rows (R / W = the comparator field judged right / wrong; gold ``cmp`` = the gold names a comparator, ``single`` =
it does not):

* ``slot <gold> <R|W> <own|carried> <control|named> P<bin>``: the claim's comparator, by where its mentions lie,
  whether they are control-worded, and the lowest P(arm) of their groups (``none``: no group, e.g. no model);
* ``no-arm <gold> <R|W> <own|carried>``: comparators with a mention of a group the check sets aside
  (:meth:`TrialArmModel.not_arms`);
* ``no-arm ... drop R->?`` / ``pool`` / ``best``: what the slot would be judged if such a comparator were dropped,
  replaced by the latest design comparator (``InterventionContext.comparators`` then) that is an arm and no mention
  of the intervention, or by the latest mention before the sentence of the other arm group of highest P(arm);
* ``missing <direction kind> <path>``: comparisons of the gold whose claim has no comparator: compared or judged,
  whether a design comparator was known then (``carried_c``), and whether it, or the most probable other arm, names
  the gold comparator.
"""

from __future__ import annotations

from collections import Counter

from judged import comparator_state, judged, tune_options  # bench/judged.py

from claimex.assemble.claims.armrank import AbstractFacts
from claimex.assemble.claims.base import entity_words, sentence_views
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.design import same_intervention
from claimex.assemble.claims.trialarm import group_features, load_trial_arms
from claimex.evaluate.findings_match import arm_aliases, entity_names

STATE = comparator_state()  # (sentence start, text) -> (carried comparator, comparators then)
COMPARED = ("increase", "decrease", "no_difference")


def _bin(p: float | None) -> str:
    if p is None:
        return "none"
    return "<.18" if p < 0.178 else "<.3" if p < 0.3 else "<.5" if p < 0.5 else "<.7" if p < 0.7 else ">=.7"


def _names(ents, c_arm, i_arm) -> bool:
    return bool(ents) and all(entity_names(e, c_arm, i_arm) for e in ents)


def best_other(facts, probs, not_arm, ci, gs):
    """The latest mention before the sentence at ``gs`` (else the first) of the most probable arm group other than
    the claim's intervention ``ci`` (and not set aside by the check)."""
    igroups = {facts.group[e.id] for e in ci if e.id in facts.group}
    cands = [(p, k) for k, p in enumerate(probs) if k not in igroups and k not in not_arm
             and not any(same_intervention(entity_words(facts.arms[k][0]), entity_words(e)) for e in ci)]
    if not cands:
        return None
    k = max(cands)[1]
    before = [e for e in facts.arms[k] if e.end <= gs]
    return before[-1] if before else facts.arms[k][0]


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of classes containing this (OPEN only)")
    model = load_trial_arms()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        views = sentence_views(record)
        facts = AbstractFacts(record, views)
        probs = model.probabilities(group_features(facts, views)) if model and facts.arms else []
        not_arm = model.not_arms(facts, views) if model and facts.arms else set()
        for f, j, claim in found:
            gold = "cmp" if f.comparator else "single"
            right = "R" if j.fields.get("comparator") else "W"
            gs, ge = f.sentence
            cc = [ents[i] for i in claim.comparator if i in ents]
            ci = [ents[i] for i in claim.intervention if i in ents]
            c_arm = arm_aliases(f.comparator, record) if f.comparator else []
            i_arm = arm_aliases(f.intervention, record)
            s = record.sentences[claim.sentence]
            carried_c, pool = STATE.get((s.start, text[s.start:s.end]), (None, []))

            rows = []
            if cc:
                where = "own" if all(gs <= e.start < ge for e in cc) else "carried"
                kind = "control" if any(control_worded(e.expanded or e.text) for e in cc) else "named"
                ps = [probs[facts.group[e.id]] for e in cc if e.id in facts.group and probs]
                rows.append(f"slot {gold} {right} {where} {kind} P{_bin(min(ps) if ps else None)}")
                if any(facts.group.get(e.id) in not_arm for e in cc):
                    base = f"no-arm {gold} {right} {where}"
                    rows.append(base)
                    keep = [e for e in cc if facts.group.get(e.id) not in not_arm]
                    dropped = "R" if (_names(keep, c_arm, i_arm) if f.comparator else not keep) else "W"
                    rows.append(f"{base} drop {right}->{dropped}")
                    alt = [c for c in pool if facts.group.get(c.id) not in not_arm
                           and not any(same_intervention(entity_words(c), entity_words(e)) for e in ci)]
                    cand = keep or alt[-1:]
                    after = "R" if (_names(cand, c_arm, i_arm) if f.comparator else not cand) else "W"
                    rows.append(f"{base} pool {right}->{after}")
                    other = best_other(facts, probs, not_arm, ci, gs)
                    cand = keep or ([other] if other is not None else [])
                    after = "R" if (_names(cand, c_arm, i_arm) if f.comparator else not cand) else "W"
                    rows.append(f"{base} best {right}->{after}")
                if carried_c is not None and claim.comparator == [carried_c.id] and probs:
                    # the design's comparator carried: would the most probable other arm, or the most probable
                    # design comparator, do better?
                    pc = probs[facts.group[carried_c.id]] if carried_c.id in facts.group else None
                    other = best_other(facts, probs, not_arm, ci, gs)
                    for m in (0.0, 0.2, 0.4):
                        if other is not None and pc is not None and probs[facts.group[other.id]] > pc + m:
                            ok = "R" if (_names([other], c_arm, i_arm) if f.comparator else False) else "W"
                            rows.append(f"carried {gold} best-other m{m} {right}->{ok}")
                    alt = [c for c in pool if c.id in facts.group and not any(
                        same_intervention(entity_words(c), entity_words(e)) for e in ci)]
                    if alt and pc is not None:
                        top = max(reversed(alt), key=lambda c: probs[facts.group[c.id]])
                        if top is not carried_c and probs[facts.group[top.id]] > pc:
                            ok = "R" if (_names([top], c_arm, i_arm) if f.comparator else False) else "W"
                            rows.append(f"carried {gold} pool-top {right}->{ok}")
            elif f.comparator:
                kind = "compared" if claim.direction in COMPARED else f"judged:{claim.direction}"
                known = "design comparator known" if carried_c is not None else "no design comparator"
                rows.append(f"missing {kind}; {known}")
                if carried_c is not None:
                    ok = entity_names(carried_c, c_arm, i_arm)
                    mine = any(same_intervention(entity_words(carried_c), entity_words(e)) for e in ci)
                    rows.append(f"missing {kind}; carried_c {'names gold' if ok else 'wrong'}"
                                f"{'; a mention of the intervention' if mine else ''}")
                other = best_other(facts, probs, not_arm, ci, gs)
                rows.append(f"missing {kind}; best other arm "
                            f"{'names gold' if other is not None and entity_names(other, c_arm, i_arm) else 'wrong'}"
                            f"{'' if carried_c is not None else ', no design comparator'}")
                earlier = [e for e in facts.ents if e.end <= gs and entity_names(e, c_arm, i_arm)]
                if earlier:
                    k = facts.group[earlier[-1].id]
                    inpool = any(facts.group.get(c.id) == k for c in pool)
                    rows.append(f"missing {kind}; gold arm earlier, P{_bin(probs[k] if probs else None)}"
                                f"{', set aside' if k in not_arm else ''}{', in pool' if inpool else ''}")
                else:
                    own = [e for e in facts.ents if gs <= e.start < ge and entity_names(e, c_arm, i_arm)]
                    later = [e for e in facts.ents if e.start >= ge and entity_names(e, c_arm, i_arm)]
                    where = "in its sentence" if own else "later" if later else "never an entity"
                    rows.append(f"missing {kind}; gold arm not earlier: {where}")
                if carried_c is not None:
                    why = ("no intervention" if not ci else "carried_c a mention of the intervention" if any(
                        same_intervention(entity_words(carried_c), entity_words(e)) for e in ci) else "other")
                    rows.append(f"missing {kind}; design comparator known, left empty: {why}")
            if not f.comparator and not cc and claim.direction in COMPARED:
                other = best_other(facts, probs, not_arm, ci, gs)
                rows.append(f"single compared, no comparator; best other arm {'none' if other is None else 'exists'}"
                            f"{'' if carried_c is not None else ', no design comparator'}")
            for cls in rows:
                counts[cls] += 1
                if args.examples and args.examples in cls:
                    sent = " ".join(text[gs:ge].split())[:240]
                    print(f"[{cls}] {g.key} | gold {f.intervention.text!r} vs "
                          f"{f.comparator.text if f.comparator else None!r} {f.direction} | claim "
                          f"{[e.text for e in ci]} vs {[e.text for e in cc]} {claim.direction} | carried_c "
                          f"{carried_c.text if carried_c else None!r} | pool {[c.text for c in pool]} | {sent}")
    for cls, n in sorted(counts.items()):
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
