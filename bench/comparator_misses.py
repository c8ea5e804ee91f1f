"""Comparators missing or wrong where the intervention is right (issue 10, session 16): found gold comparisons whose
claim's intervention the scorer accepts and whose comparator it does not, split by what the slot holds and where it
came from. Counts only by default.

    OPENBLAS_NUM_THREADS=1 python bench/comparator_misses.py --ids models/claimex-confidence/calibration_ids.txt
    # (BLIND; the same with --skip-ids: OPEN)
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of classes containing CLASS

Rows:

* ``missing <compared|judged>; <gold where>; <design comparator>``: the claim names no comparator. ``gold where``:
  ``tagged in sentence`` (an I/C entity of the sentence names the gold comparator), ``text in sentence`` (the gold
  span lies in the sentence, no I/C entity names it), ``tagged earlier``, ``tagged later``, ``never tagged``;
  ``design comparator``: what the sentence would carry (``InterventionContext.named_comparator``) - none known, one
  that names the gold, one that does not.
* ``wrong <own|carried|both>; <kind>``: the slot holds entities; ``mixed`` (one names the gold, another not, with the
  other's kind), ``bare``, ``intervention's arm`` (names the gold intervention), or, for a slot naming neither arm,
  the kind of its first wrong entity: ``outcome span`` / ``population span`` (overlaps an OUTCOME / POPULATION
  entity), ``shares the intervention's words`` (a dose or part sibling), ``control word for named gold`` (only
  control words while the gold names an arm), ``named for control-word gold`` (the gold is "control" / "placebo"
  and the slot names an arm: the gold's habit of naming the control by its word), ``other named``; carried ones add
  whether an I/C entity before the sentence names the gold (``gold earlier``) and whether it was among the design's
  comparators (``in pool``).
* ``single-arm with comparator <own|carried>``: the reverse error, for watching.
"""

from __future__ import annotations

import re
from collections import Counter

from comparator_sources import SOURCE, TWICE, ZONE  # bench/comparator_sources.py
from judged import judged, tune_options  # bench/judged.py

from claimex.assemble.claims import ClaimAssembler
from claimex.assemble.claims.armrank import ArmRanker
from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.design import same_intervention
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.labels import bare_control
from claimex.evaluate.findings_match import arm_aliases, content_words, entity_names, is_bare

STATE: dict[tuple[int, str], tuple] = {}  # (sentence start, text) -> (carried comparator, comparators then)
_original = ClaimAssembler._claims
_CONTROL_ONLY = frozenset(["placebo", "sham", "control", "vehicle", "dummy", "matching", "matched", "usual",
                           "standard", "care", "conventional", "routine", "no"])
ARMS = ("INTERVENTION", "COMPARATOR")


def _spy(self, view, ctype, ctx, *rest):
    STATE[(view.start, view.text)] = (ctx.named_comparator(), list(ctx.comparators))
    return _original(self, view, ctype, ctx, *rest)


ClaimAssembler._claims = _spy
RANKED: dict[tuple, tuple] = {}  # (sentence start, outcome ids) -> the rules' (intervention, comparator)
_choose = ArmRanker.choose


def _spy_choose(self, cands, claim, not_arm=frozenset()):
    RANKED[(claim.start, tuple(claim.outcome))] = (list(claim.intervention), list(claim.comparator))
    return _choose(self, cands, claim, not_arm)


ArmRanker.choose = _spy_choose


def control_only(text: str) -> bool:
    words = content_words(text)
    return bool(words) and words <= _CONTROL_ONLY


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def entity_kind(e, record, ci, gold_cmp: str) -> str:
    """The kind of a wrong comparator entity ``e`` (see the module docstring)."""
    for label, name in (("OUTCOME", "outcome span"), ("POPULATION", "population span")):
        if any(o.label == label and _overlap(o, e) for o in record.entities):
            return name
    if any(same_intervention(entity_words(e), entity_words(i)) or content_words(e.text) & content_words(i.text)
           for i in ci):
        return "shares the intervention's words"
    if re.search(r"\d", e.text):
        return "number in span"
    if control_only(e.expanded or e.text) and not control_only(gold_cmp):
        return "control word for named gold"
    if control_only(gold_cmp) and not control_only(e.expanded or e.text):
        return "named for control-word gold"
    return "other named"


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of classes containing this (OPEN only)",
                               lambda ap: ap.add_argument("--by-source", action="store_true",
                                                          help="also every row by the abstract's source"))
    counts: Counter = Counter()
    spread: dict[str, set[str]] = {}  # class -> the abstracts it occurs in
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        arms = [e for e in record.entities if e.label in ARMS]
        for f, j, claim in found:
            gs, ge = f.sentence
            s = record.sentences[claim.sentence]
            carried_c, pool = STATE.get((s.start, text[s.start:s.end]), (None, []))
            cc = [ents[i] for i in claim.comparator if i in ents]
            ci = [ents[i] for i in claim.intervention if i in ents]
            rows = []
            counts[f"source {g.source}: found"] += 1
            counts[f"source {g.source}: comparator right"] += bool(j.fields.get("comparator"))
            # simulated: the sentence's own arm the ranker set aside from the rules' intervention slot, as the
            # comparator of a compared claim whose comparator is carried (or empty)
            ri, rc = RANKED.get((claim.start, tuple(claim.outcome)), (None, None))
            if ri is not None and claim.direction in ("increase", "decrease", "no_difference") and \
                    not any(gs <= e.start < ge for e in cc):
                left = [ents[i] for i in ri if i in ents and i not in claim.intervention and gs <= ents[i].start < ge
                        and not any(same_intervention(entity_words(ents[i]), entity_words(e)) for e in ci)]
                if left:
                    now = ("R" if j.fields.get("comparator") else "W")
                    if f.comparator is None:
                        new = "W"
                    else:
                        c_arm = arm_aliases(f.comparator, record)
                        i_arm = arm_aliases(f.intervention, record)
                        new = "R" if all(entity_names(e, c_arm, i_arm) for e in left) else "W"
                    gold = "cmp" if f.comparator else "single"
                    rows.append(f"sim set-aside as comparator: {gold} {'carried' if cc else 'empty'} {now}->{new}")
            if cc and not any(gs <= e.start < ge for e in cc):
                src = SOURCE.get(id(cc[-1]), "no source")
                if f.comparator is not None:
                    c_arm = arm_aliases(f.comparator, record)
                    i_arm = arm_aliases(f.intervention, record)
                    ok = "R" if all(entity_names(e, c_arm, i_arm) for e in cc) else "W"
                    rows.append(f"carried from {src}: cmp {ok}")
                    rows.append(f"carried from zone {ZONE.get(id(cc[-1]))}: cmp {ok}")
                else:
                    rows.append(f"carried from {src}: single W")
                    rows.append(f"carried from zone {ZONE.get(id(cc[-1]))}: single W")
            if cc and not any(gs <= e.start < ge for e in cc) and id(cc[-1]) in TWICE:
                rows.append(f"carried comparator written twice in its sentence: "
                            f"{'single' if f.comparator is None else 'cmp'} {'R' if j.fields.get('comparator') else 'W'}")
            if cc and not any(gs <= e.start < ge for e in cc) and ZONE.get(id(cc[-1])) in ("results", "skip"):
                zone = ZONE.get(id(cc[-1]))
                rest = [p for p in pool if ZONE.get(id(p)) != zone and not any(
                    same_intervention(entity_words(p), entity_words(e)) for e in ci)]
                named = [p for p in rest if not bare_control(p.text)]
                alt = (named or rest or [None])[-1]
                if f.comparator is None:
                    new = "R" if alt is None else "W"
                else:
                    c_arm, i_arm = arm_aliases(f.comparator, record), arm_aliases(f.intervention, record)
                    new = "R" if alt is not None and entity_names(alt, c_arm, i_arm) else "W"
                rows.append(f"sim no {zone}-zone comparator{'' if alt is not None else ' (none left)'}: {'single' if f.comparator is None else 'cmp'} "
                            f"{'R' if j.fields.get('comparator') else 'W'}->{new}")
            if cc and all(bare_control(e.text) for e in cc):
                # simulated: a bare control resolved to the abstract's one named control arm, wherever written
                named = [e for e in arms if control_worded(e.expanded or e.text) and not bare_control(e.text)
                         and not is_bare(e)]
                groups: list[list] = []
                for e in named:
                    grp = next((x for x in groups if same_intervention(entity_words(e), entity_words(x[0]))), None)
                    if grp is None:
                        groups.append([e])
                    else:
                        grp.append(e)
                now = "R" if j.fields.get("comparator") else "W"
                if len(groups) == 1:
                    alt = groups[0][0]
                    later = "later only" if all(e.start >= ge for e in groups[0]) else "earlier"
                    if f.comparator is None:
                        new = "W"
                    else:
                        c_arm, i_arm = arm_aliases(f.comparator, record), arm_aliases(f.intervention, record)
                        new = "R" if entity_names(alt, c_arm, i_arm) else "W"
                    rows.append(f"sim bare control -> the one named control ({later}): "
                                f"{'single' if f.comparator is None else 'cmp'} {now}->{new}")
                else:
                    rows.append(f"sim bare control, {min(len(groups), 2)} named control groups: "
                                f"{'single' if f.comparator is None else 'cmp'} {now}")
            if f.comparator is None:
                if cc:
                    where = "own" if all(gs <= e.start < ge for e in cc) else "carried"
                    rows.append(f"single-arm with comparator {where}")
            elif j.fields.get("intervention") and not j.fields.get("comparator"):
                c_arm = arm_aliases(f.comparator, record)
                i_arm = arm_aliases(f.intervention, record)
                namers = [e for e in arms if entity_names(e, c_arm, i_arm)]
                if any(gs <= e.start < ge for e in namers):
                    gold_where = "tagged in sentence"
                elif gs <= f.comparator.start < ge:
                    gold_where = "text in sentence"
                elif any(e.end <= gs for e in namers):
                    gold_where = "tagged earlier"
                elif namers:
                    gold_where = "tagged later"
                else:
                    gold_where = "never tagged"
                if gold_where == "tagged in sentence":
                    own = [e for e in namers if gs <= e.start < ge]
                    fate = ("in arm_mentions" if any(e.id in claim.arm_mentions for e in own) else
                            "overlaps an outcome" if any(o.label == "OUTCOME" and _overlap(o, e) for e in own
                                                         for o in record.entities) else "elsewhere")
                    rows.append(f"gold tagged in sentence, unused: {fate}; slot {'empty' if not cc else 'filled'}")
                    ri, rc = RANKED.get((claim.start, tuple(claim.outcome)), (None, None))
                    if ri is None:
                        rules = "not ranked"
                    else:
                        rules = ("in the rules' intervention" if any(e.id in ri for e in own) else
                                 "in the rules' comparator" if any(e.id in rc for e in own) else "in neither")
                    rows.append(f"gold tagged in sentence, unused: {fate}; {rules}")
                if not cc:
                    kind = "compared" if claim.direction in ("increase", "decrease", "no_difference") else "judged"
                    design = ("no design comparator" if carried_c is None else "design comparator names gold"
                              if entity_names(carried_c, c_arm, i_arm) else "design comparator wrong")
                    rows.append(f"missing {kind}; {gold_where}; {design}")
                    rows.append(f"missing {kind}")
                    rows.append(f"source {g.source}: missing {kind}")
                else:
                    where = ("own" if all(gs <= e.start < ge for e in cc) else "carried"
                             if all(not gs <= e.start < ge for e in cc) else "both")
                    good = [e for e in cc if entity_names(e, c_arm, i_arm)]
                    bad = [e for e in cc if e not in good]
                    if good:
                        kind = f"mixed, other: {entity_kind(bad[0], record, ci, f.comparator.text)}"
                    elif any(is_bare(e) for e in cc):
                        kind = "bare"
                    elif all(entity_names(e, i_arm, c_arm) for e in cc):
                        kind = "intervention's arm"
                    else:
                        kind = entity_kind(bad[0], record, ci, f.comparator.text)
                    extra = ""
                    if where != "own":
                        earlier = any(e.end <= gs for e in namers)
                        inpool = any(entity_names(p, c_arm, i_arm) for p in pool)
                        extra = f"; gold {'in pool' if inpool else 'earlier' if earlier else 'not earlier'}"
                    rows.append(f"wrong {where}; {kind}{extra}")
                    if where == "carried":
                        rows.append(f"wrong carried from {SOURCE.get(id(cc[-1]), 'no source')}; {kind}")
                    rows.append(f"wrong {where}; gold {gold_where}")
                    rows.append(f"wrong {where}")
                    rows.append(f"source {g.source}: wrong {where}")
            rows = rows + [f"@{g.source[:6]} {r}" for r in rows if not r.startswith("source")] if args.by_source else rows
            for cls in rows:
                counts[cls] += 1
                spread.setdefault(cls, set()).add(g.key)
                if args.examples and args.examples in cls:
                    sent = " ".join(text[gs:ge].split())[:260]
                    print(f"[{cls}] {g.key} | gold {f.intervention.text!r} vs "
                          f"{f.comparator.text if f.comparator else None!r} {f.direction} | claim "
                          f"{[e.text for e in ci]} vs {[e.text for e in cc]} {claim.direction} | carried_c "
                          f"{carried_c.text if carried_c else None!r} | pool {[c.text for c in pool][-4:]} | {sent}")
    for cls, n in sorted(counts.items()):
        print(f"{n:4d} ({len(spread.get(cls, ())):3d} abstracts)  {cls}")


if __name__ == "__main__":
    main()
