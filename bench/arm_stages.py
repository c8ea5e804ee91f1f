"""Where a sentence's mention of the gold arm is lost (issue 10, session 12; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/arm_stages.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/arm_stages.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

``--examples`` prints each counted finding's sentence (OPEN only, never BLIND or the report half). Per found finding
whose intervention (or comparator) is wrong although an I/C entity of its own sentence names the gold arm
(``findings_match.entity_names``), the first stage of claim assembly that lost that entity, from a trace of the
assembler's steps (wrapped for this run only):

* ``settled as outcome``: :func:`claimex.assemble.claims.arms.settle_roles` made the span an outcome;
* ``resolved as a bare label``: the span is a tagged bare label ("the control group") that
  :meth:`~claimex.assemble.claims.context.InterventionContext.resolve` replaced by a named arm (control-worded or
  other), the span kept in ``Claim.arm_mentions``;
* ``not in arms_of``: left out of the sentence's arms (setting, outcome wording, list item);
* ``stray dropped``: :func:`~claimex.assemble.claims.arms.stray_arms_dropped` / ``stray_comparators_dropped``;
* ``roles same slot`` / ``roles other slot``: the roles held it in the right / the other slot; lost later by the claim
  build (per-arm splits, a within-arm judgement) or by the arm ranker (``(ranker)``: the claim before the ranker still
  held it there). For the other slot, ``swapped`` (both gold arms in each other's slots, with whether each is a main
  intervention / a design comparator of the context) or the final slots.

Each line also says whether the span names an arm the design sentences named (``known``: ``known_arm`` or a design
comparator). Measured in session 12 on main 6a3ddda (docs/claims-rounds.md section 24).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from judged import judged  # bench/judged.py

import claimex.assemble.claims as assembly
from claimex.assemble.claims.armrank import ArmRanker
from claimex.assemble.claims.control import control_worded
from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings_match import _overlaps, arm_aliases, entity_names

ARMS = ("INTERVENTION", "COMPARATOR")
TRACE: dict[str, dict] = {}  # sentence key -> what each step kept
PRE: dict[tuple[str, str], object] = {}  # (record id, claim id) -> the claim before the arm ranker


def _key(text: str) -> str:
    return " ".join(text.split())[:60]


def _wrap_settle(inner):
    def settle(view, ctx):
        before = {e.id for e in view.label(*ARMS)}
        inner(view, ctx)
        TRACE.setdefault(_key(view.text), {})["settled"] = before - {e.id for e in view.label(*ARMS)}
    return settle


def _wrap_arms(inner):
    def arms_of(view, ctx):
        arms = inner(view, ctx)
        t = TRACE.setdefault(_key(view.text), {})
        t["arms"] = {a.entity.id for a in arms if a.entity is not None}
        t["mentions"] = {a.mention.id for a in arms if a.mention is not None}
        ents = view.label(*ARMS)
        t["known"] = {e.id for e in ents if ctx.known_arm(e) or ctx._is_known_comparator(e)}
        t["main"] = {e.id for e in ents if ctx.is_main(e)}
        t["comp"] = {e.id for e in ents if ctx._is_known_comparator(e)}
        return arms
    return arms_of


def _wrap_roles(inner):
    def roles_of(view, arms, *args, **kwargs):
        roles = inner(view, arms, *args, **kwargs)
        t = TRACE.setdefault(_key(view.text), {})
        t["I"], t["C"] = {e.id for e in roles.intervention}, {e.id for e in roles.comparator}
        return roles
    return roles_of


def _wrap_stray(inner, name):
    def dropped(view, ents, *args):
        kept = inner(view, ents, *args)
        TRACE.setdefault(_key(view.text), {}).setdefault("stray", set()).update(
            {e.id for e in ents} - {e.id for e in kept})
        return kept
    dropped.__name__ = name
    return dropped


def _wrap_rerank(inner):
    def rerank(self, record, claims, *rest):
        for c in claims:
            PRE[(record.id, c.id)] = c
        return inner(self, record, claims, *rest)
    return rerank


def install() -> None:
    """Wrap the assembler's steps (module doc) for this process."""
    assembly.settle_roles = _wrap_settle(assembly.settle_roles)
    assembly.arms_of = _wrap_arms(assembly.arms_of)
    assembly.roles_of = _wrap_roles(assembly.roles_of)
    assembly.stray_arms_dropped = _wrap_stray(assembly.stray_arms_dropped, "stray_arms_dropped")
    assembly.stray_comparators_dropped = _wrap_stray(assembly.stray_comparators_dropped, "stray_comparators_dropped")
    ArmRanker.rerank = _wrap_rerank(ArmRanker.rerank)


def stage(slot: str, ent, t: dict, claim, pre, gold_sides, ents) -> str:
    """The first step that lost ``ent`` (the sentence's mention of the gold arm of ``slot``), per the module doc."""
    mine, theirs = ("intervention", "comparator") if slot == "I" else ("comparator", "intervention")
    if not t:
        return "no trace"
    if ent.id in t.get("settled", ()):
        return "settled as outcome"
    if ent.id in t.get("mentions", ()):
        held = [ents[i] for i in getattr(claim, mine) if i in ents]
        kind = "control-worded" if held and all(control_worded(e.text) for e in held) else "other"
        return f"resolved as a bare label to {kind}"
    if ent.id not in t.get("arms", ()):
        return "not in arms_of"
    if ent.id in t.get("stray", ()):
        return "stray dropped"
    if ent.id in t.get(slot, ()):
        by = "(ranker)" if pre is not None and ent.id in getattr(pre, mine) else "(claim build)"
        return f"roles same slot {by}"
    if ent.id in t.get("C" if slot == "I" else "I", ()):
        i_arm, c_arm = gold_sides
        ci = [ents[i] for i in claim.intervention if i in ents]
        cc = [ents[i] for i in claim.comparator if i in ents]
        gi = [e for e in cc if entity_names(e, i_arm, c_arm)]
        gc = [e for e in ci if c_arm and entity_names(e, c_arm, i_arm)]
        if gi and gc:
            def role(es):
                return (f"main={any(e.id in t.get('main', ()) for e in es)} "
                        f"comp={any(e.id in t.get('comp', ()) for e in es)}")
            return f"roles other slot, swapped: gold I {role(gi)}; gold C {role(gc)}"
        return f"roles other slot, final |{theirs[0].upper()}| holds it={bool(gi or gc)} |C|={len(cc)}"
    return "in arms, not in roles"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    ap.add_argument("--examples", action="store_true", help="print each counted finding (OPEN gold only)")
    args = ap.parse_args()
    install()
    golds = select_gold(load_gold(args.gold, errors=[]), "tune", args.ids, args.skip_ids)
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for finding, j, claim in found:
            i_arm = arm_aliases(finding.intervention, record)
            c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
            own = [e for e in record.entities if e.label in ARMS and _overlaps((e.start, e.end), finding.sentence)]
            t = TRACE.get(_key(text[slice(*finding.sentence)]), {})
            for slot, arm, other, field in (("I", i_arm, c_arm, "intervention"), ("C", c_arm, i_arm, "comparator")):
                held = getattr(claim, field)
                hits = [e for e in own if arm and entity_names(e, arm, other)]
                if j.fields.get(field) or not hits or any(e.id in held for e in hits):
                    continue
                where = stage(slot, hits[0], t, claim, PRE.get((record.id, claim.id)), (i_arm, c_arm), ents)
                known = "known" if hits[0].id in t.get("known", ()) else "unknown"
                counts[(slot, where, known)] += 1
                if args.examples:
                    sentence = " ".join(text[slice(*finding.sentence)].split())
                    print(f"[{slot} {where} {known}] {g.id} | gold {finding.intervention.text!r} vs "
                          f"{finding.comparator.text if finding.comparator else None!r} | {sentence}")
    for (slot, where, known), n in sorted(counts.items()):
        print(f"{n:4d}  {slot}  {where}  [{known}]")


if __name__ == "__main__":
    main()
