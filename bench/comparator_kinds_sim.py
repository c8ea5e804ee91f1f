"""Comparator rules of issue 10's session-17 brief, measured by counting before (or instead of) building them (counts
only by default; R / W = the field judged right / wrong, ``fully`` = every field; docs/claims-rounds.md section 31.5).
Each rule rewrites a claim the current tree made; every gold finding the old claim finds is judged again on the new one.

* ``run``: a compared claim (increase / decrease / no difference) split by :mod:`claimex.assemble.claims.coordinated`
  into one claim per coordinated arm whose comparator slot is left empty carries the design's comparator
  (``InterventionContext.named_comparator`` at its sentence) unless that is a run member;
* ``cue``: a claim whose intervention slot holds only arms of its own sentence that a comparison cue introduces
  ("than EBRT patients") and whose comparator slot is empty: those arms are the comparator, the intervention the arm a
  sentence naming none carries (``InterventionContext.carried``), direction flipped;
* ``bare``: a comparator of bare control words ("the control group") becomes the one active design arm other than the
  main intervention (``bare-none0`` / ``bare-none2``: none / several such arms, nothing changed);
* ``cue-slot own|carried``: an arm of the sentence a comparison cue introduces (no bare label, not in
  ``arm_mentions``) replaces a comparator that no cue introduces;
* ``cues``: each further arm a cue of its own introduces gets a claim of its own (an added claim: the scorer keeps the
  better one);
* ``pair->control (between|no between)``: a compared claim whose intervention and comparator are two active arms of
  its sentence, in a design whose comparator is control-worded and unnamed in the sentence, becomes one claim per arm
  against that control (built as :mod:`claimex.assemble.claims.sidebyside` for the ``no between`` case).

    OPENBLAS_NUM_THREADS=1 python bench/comparator_kinds_sim.py --ids models/claimex-confidence/calibration_ids.txt
    ... --skip-ids ... --examples RULE   # OPEN only
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, require_pure_claims, tune_options  # bench/judged.py

import claimex.assemble.claims as claims_pkg
from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.coordinated import coordinated_runs
from claimex.assemble.claims.design import COMPARE_BEFORE, same_intervention
from claimex.assemble.claims.labels import bare_control, is_bare_label
from claimex.assemble.claims.reported import arm_groups
from claimex.evaluate.findings_match import FIELDS, judge_claim
from claimex.schema import FLIP

ARMS = ("INTERVENTION", "COMPARATOR")
COMPARED = ("increase", "decrease", "no_difference")
_CUE = re.compile(r"\b(?:than|versus|vs\.?|compared\s+(?:with|to)|relative\s+to|in\s+comparison\s+(?:with|to)|"
                  r"superior\s+to|inferior\s+to)\s+(?:\S+\s+){0,4}$", re.I)
STATE: dict[int, tuple] = {}
POOL: dict[int, tuple] = {}
_orig = claims_pkg.ClaimAssembler._claims


def _spy(self, view, ctype, ctx, *rest):
    not_arm = ctx.no_arms() if ctx.no_arms is not None else frozenset()
    STATE[view.start] = (ctx.carried(), ctx.named_comparator())
    POOL[view.start] = [e for e in ctx.interventions if e.id not in not_arm], list(ctx.main), list(ctx.design_arms)
    return _orig(self, view, ctype, ctx, *rest)


require_pure_claims()  # the patches below reach only pure Python
claims_pkg.ClaimAssembler._claims = _spy


def proposals(record, claim):
    """(rule, new claim) pairs the two rules would make of ``claim``."""
    out = []
    ents = {e.id: e for e in record.entities}
    carried, named = STATE.get(claim.start, ([], None))
    if claim.type in ("finding", "adverse_effect") and claim.direction in COMPARED and not claim.comparator \
            and named is not None:
        ic = sorted((e for e in record.entities if e.label in ARMS), key=lambda e: e.start)
        runs = coordinated_runs(record.text, claim.start, claim.end, ic)
        run = next((r for r in runs if any(e.id in claim.intervention for e in r)), None)
        if run is not None and not any(same_intervention(entity_words(named), entity_words(e)) for e in run):
            out.append(("run", claim.model_copy(update={"comparator": [named.id]})))
    ci = [ents[i] for i in claim.intervention if i in ents]
    if claim.type in ("finding", "adverse_effect") and ci and not claim.comparator and carried \
            and all(claim.start <= e.start < claim.end
                    and _CUE.search(record.text[max(claim.start, e.start - 45):e.start]) for e in ci) \
            and not any(same_intervention(entity_words(c), entity_words(e)) for c in carried for e in ci):
        out.append(("cue", claim.model_copy(update={
            "intervention": [c.id for c in carried], "comparator": [e.id for e in ci],
            "direction": FLIP.get(claim.direction, claim.direction)})))
    cc = [ents[i] for i in claim.comparator if i in ents]
    if claim.type in ("finding", "adverse_effect") and claim.direction in COMPARED and cc:
        cued = [e for e in record.entities if e.label in ARMS and claim.start <= e.start < claim.end
                and COMPARE_BEFORE.search(record.text[max(claim.start, e.start - 45):e.start])
                and not any(same_intervention(entity_words(e), entity_words(i)) for i in ci)
                and not bare_control(e.text) and not is_bare_label(e.text) and e.id not in claim.arm_mentions]
        if cued and not any(e.id == c.id or same_intervention(entity_words(e), entity_words(c))
                            for e in cued for c in cc):
            kind = "own" if all(claim.start <= c.start < claim.end for c in cc) else "carried"
            out.append((f"cue-slot {kind}", claim.model_copy(update={"comparator": [cued[0].id]})))
    if claim.type in ("finding", "adverse_effect") and claim.direction in COMPARED and len(cc) == 1 and ci \
            and named is not None and is_control(named) and all(claim.start <= e.start < claim.end for e in ci + cc) \
            and not is_control(cc[0]) and not bare_control(cc[0].text) \
            and not COMPARE_BEFORE.search(record.text[max(claim.start, cc[0].start - 45):cc[0].start]) \
            and not any(is_control(e) for e in record.entities if e.label in ARMS
                        and claim.start <= e.start < claim.end):
        between = "between" if re.search(r"\b(?:between|differ\w*|versus|vs|than|compared)\b", claim.text or "", re.I) \
            else "no between"
        for e in (ci[0], cc[0]):
            new = claim.model_copy(update={"intervention": [e.id], "comparator": [named.id]})
            out.append((f"pair->control ({between})", new))
    if claim.type in ("finding", "adverse_effect") and claim.direction in COMPARED and len(cc) == 1:
        cued = [e for e in record.entities if e.label in ARMS and claim.start <= e.start < claim.end
                and COMPARE_BEFORE.search(record.text[max(claim.start, e.start - 45):e.start])
                and not any(same_intervention(entity_words(e), entity_words(i)) for i in ci)]
        if any(e.id == cc[0].id or same_intervention(entity_words(e), entity_words(cc[0])) for e in cued):
            others = []
            for e in cued:
                if not any(same_intervention(entity_words(e), entity_words(o)) for o in [cc[0], *others]):
                    others.append(e)
            for e in others:
                out.append(("cues", claim.model_copy(update={"comparator": [e.id]})))
    if claim.type in ("finding", "adverse_effect") and cc and all(bare_control(e.text) for e in cc) \
            and claim.start in POOL:
        seen, main, design = POOL[claim.start]
        def other_design_arm(e) -> bool:
            key = entity_words(e)
            return bool(key) and not is_control(e) and not is_bare_label(e.text) \
                and not any(same_intervention(key, m) for m in main) \
                and not any(same_intervention(key, entity_words(i)) for i in ci) \
                and any(same_intervention(key, d) for d in design)

        groups = arm_groups(e for e in seen if other_design_arm(e))
        if len(groups) == 1:
            out.append(("bare", claim.model_copy(update={"comparator": [groups[0][-1].id]})))
        else:
            out.append((f"bare-none{min(len(groups), 2)}", claim))
    return out


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of this rule")
    counts: Counter[str] = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        judged_claims = {c.id: (f, j) for f, j, c in found}
        for claim in record.claims:
            props = proposals(record, claim)
            pair = [n for r, n in props if r.startswith("pair->")]
            for rule, new in props:
                if rule.startswith("pair->") and new is not pair[0]:
                    continue
                counts[f"{rule}: claims changed"] += 1
                for f in g.findings:
                    j0 = judge_claim(f, claim, record, text)
                    if j0 is None:
                        continue
                    j1 = judge_claim(f, new, record, text)
                    if rule.startswith("pair->"):
                        js = [x for x in (judge_claim(f, n, record, text) for n in pair) if x is not None]
                        j1 = max(js, key=lambda x: sum(x.fields.values())) if js else None
                        if j1 is None:
                            counts[f"{rule}: lost"] += 1
                            continue
                    if rule == "cues" and j1 is not None and sum(j1.fields.values()) < sum(j0.fields.values()):
                        j1 = j0  # an added claim: the scorer keeps the better one
                    gold = "cmp" if f.comparator else "single"
                    for field in ("intervention", "comparator", "direction"):
                        a, b = j0.fields[field], j1.fields[field]
                        if a != b:
                            counts[f"{rule}: {gold} {field} {'R->W' if a else 'W->R'}"] += 1
                    a, b = all(j0.fields[x] for x in FIELDS), all(j1.fields[x] for x in FIELDS)
                    if a != b:
                        counts[f"{rule}: {gold} fully {'R->W' if a else 'W->R'}"] += 1
                    if args.examples == rule:
                        print(f"--- {g.id} {text[claim.start:claim.end]}\n  gold I={f.intervention.text!r} C="
                              f"{f.comparator.text if f.comparator else None!r} {f.direction}\n  now I="
                              f"{[ents[i].text for i in claim.intervention if i in ents]} C="
                              f"{[ents[i].text for i in claim.comparator if i in ents]} {claim.direction}\n  new I="
                              f"{[ents[i].text for i in new.intervention if i in ents]} C="
                              f"{[ents[i].text for i in new.comparator if i in ents]} {new.direction}")
        del judged_claims
    for row in sorted(counts):
        print(f"{counts[row]:4d}  {row}")


if __name__ == "__main__":
    main()
