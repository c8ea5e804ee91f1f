"""Carried interventions that name neither gold arm (issue 10, session 15; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/carried_arm.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/carried_arm.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of rows containing CLASS

Per found finding whose intervention is wrong and names neither gold arm (``pair_classes.slot_class`` "neither") with
every intervention entity outside the finding's sentence (carried), from a trace of the assembler (wrapped for this
run only):

* ``path``: which step put the carried arm there - ``reported`` (:func:`.reported.carry_reported` replaced it),
  ``ranker`` (the arm ranker changed the slot), else what :meth:`.context.InterventionContext.carried` gave the
  sentence: ``treated`` (a "(intervention group)" bracket), ``allocated`` (the design's allocated arm; ``aim``: the
  first aim's arm set against nothing), ``main`` (the latest mention of the main arm), cut by where that mention lies
  (``title`` / ``design`` = aim, methods or allocation wording / ``result`` = an earlier result sentence, ``prev`` when
  it is the previous sentence); ``resolved`` (an arm phrase of the sentence resolved to an earlier entity);
* ``what``: the carried entity is ``no arm`` (the trial-arm check, :mod:`.trialarm`, sets its group aside), a
  ``population`` (inside a POPULATION span or a population head), inside an ``outcome``, an arm of another gold
  comparison of the abstract (names an arm another gold finding names), ``control-worded``, or ``other``; with the
  trial-arm P of its group in buckets;
* ``gold``: whether an I/C mention of the gold arm lies before the sentence (``earlier``), in the sentence only
  (``own``), or nowhere (``absent``), and whether the check accepts its group.
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, tune_options  # bench/judged.py
from pair_classes import slot_class  # bench/pair_classes.py

import claimex.assemble.claims as assembly
from claimex.assemble.claims.armrank import AbstractFacts, ArmRanker
from claimex.assemble.claims.base import entity_words, same_stem, sentence_views
from claimex.assemble.claims.context import _ALLOCATION, InterventionContext
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.mentions import PERSON, Covering
from claimex.assemble.claims.trialarm import group_features, load_trial_arms
from claimex.assemble.claims.zones import zone_of
from claimex.evaluate.findings_match import arm_aliases, entity_names

ARMS = ("INTERVENTION", "COMPARATOR")
_GENERIC = re.compile(r"\b(?:intervention|program(?:me)?s?|therapy|treatment|training|care|management|education)\b", re.I)
_ABBR = re.compile(r"^[A-Z][A-Za-z0-9-]{0,6}$")
_BOTH = re.compile(r"\b(?:both|each|either|all)\s+(?:\w+\s+)?(?:groups?|arms?|regimens?|treatments?|interventions?)\b", re.I)
CARRIED: dict[tuple[str, int], tuple] = {}  # (record, sentence) -> (branch, carried ids, allocated id, treated id)
PRE: dict[str, dict] = {}  # record -> {"rerank": [(key, ids)], "reported": [(key, ids)]}
_CURRENT: list[str] = []
DEBUG = False


def _branch(ctx: InterventionContext) -> str:
    """Which branch of :meth:`InterventionContext.carried` gives its answer (mirrors its tests)."""
    if ctx.treated is not None and not ctx.is_main(ctx.treated):
        return "treated"
    alloc = ctx.allocated
    if alloc is not None and not ctx.main_designed and not any(
            same_stem(w, v) for w in entity_words(alloc) for m in ctx.main for v in m) \
            and (ctx.allocated_against or not ctx._other_arm(alloc)):
        return "allocated" if ctx.allocated_against else "allocated (aim)"
    return "main"


def _wrap_call(inner):
    def call(self, record):
        _CURRENT[:] = [record.id]
        return inner(self, record)
    return call


def _wrap_claims(inner):
    def claims(self, view, ctype, ctx, per_arm):
        CARRIED[(_CURRENT[0], view.index)] = (_branch(ctx), [e.id for e in ctx.carried()],
                                              ctx.allocated.id if ctx.allocated else None,
                                              ctx.treated.id if ctx.treated else None)
        return inner(self, view, ctype, ctx, per_arm)
    return claims


def _key(c) -> tuple:
    return c.sentence, tuple(c.outcome), tuple(c.measures)


def _wrap_rerank(inner):
    def rerank(self, record, claims, views=None):
        PRE.setdefault(record.id, {})["rerank"] = [(_key(c), list(c.intervention)) for c in claims]
        return inner(self, record, claims, views)
    return rerank


def _wrap_reported(inner):
    def carry(record, claims):
        PRE.setdefault(record.id, {})["reported"] = [(_key(c), list(c.intervention)) for c in claims]
        return inner(record, claims)
    return carry


def install() -> None:
    assembly.ClaimAssembler.__call__ = _wrap_call(assembly.ClaimAssembler.__call__)
    assembly.ClaimAssembler._claims = _wrap_claims(assembly.ClaimAssembler._claims)
    ArmRanker.rerank = _wrap_rerank(ArmRanker.rerank)
    assembly.carry_reported = _wrap_reported(assembly.carry_reported)


def _before(record_id: str, stage: str, claim) -> list[str] | None:
    rows = [ids for k, ids in PRE.get(record_id, {}).get(stage, []) if k == _key(claim)]
    return rows[0] if rows else None


def _where(record, ent, sentence: int) -> str:
    idx = next((i for i, s in enumerate(record.sentences) if s.start <= ent.start < s.end), -1)
    if idx == 0:
        return "title"
    if idx == sentence - 1:
        tag = "prev "
    else:
        tag = ""
    s = record.sentences[idx]
    if zone_of(s.section) in ("methods", "aim", "objective") or _ALLOCATION.found(record.text[s.start:s.end]):
        return tag + "design"
    return tag + "result"


def _bucket(p: float, thr: float) -> str:
    if p < thr:
        return f"P<{thr:.2f}"
    return "P<0.3" if p < 0.3 else "P<0.5" if p < 0.5 else "P>=0.5"


def ranker_counts(counts, record, f, j, claim, ents, p_of) -> None:
    """``rank`` rows: found findings whose intervention the arm ranker changed, by where the rules' and the ranker's
    arms lie (own sentence / carried), right / wrong before -> after."""
    pre = _before(record.id, "rerank", claim)
    post = _before(record.id, "reported", claim)
    if pre is None or post is None or pre == post or not post:
        return
    gs, ge = f.sentence
    i_arm = arm_aliases(f.intervention, record)
    c_arm = arm_aliases(f.comparator, record) if f.comparator else []

    def state(ids):
        got = [ents[i] for i in ids if i in ents]
        where = "none" if not got else "own" if all(gs <= e.start < ge for e in got) else "carried"
        return where, "R" if any(entity_names(e, i_arm, c_arm) for e in got) else "W"

    (wa, ra), (wb, rb) = state(pre), state(post)
    p = min((p_of.get(i, 1.0) for i in post), default=1.0)
    counts[f"rank {wa}->{wb} {ra}->{rb}"] += 1
    if DEBUG:
        print("RANK", wa, wb, ra, rb, record.id, claim.sentence, [ents[i].text for i in pre if i in ents],
              [ents[i].text for i in post if i in ents], claim.start, claim.end, f.sentence)
    if wa == "carried" and wb == "carried":
        counts[f"rank carried->carried {ra}->{rb} new P {'<0.5' if p < 0.5 else '>=0.5'}"] += 1


def simulate(counts, record, f, j, claim, ents, facts, p_of, thr) -> None:
    """``sim`` rows: over found findings whose intervention is wholly carried, what other carried choices would give
    (before -> after, R right / W wrong)."""
    gs, ge = f.sentence
    got = [ents[i] for i in claim.intervention if i in ents]
    if not got or any(gs <= e.start < ge for e in got):
        return
    i_arm = arm_aliases(f.intervention, record)
    c_arm = arm_aliases(f.comparator, record) if f.comparator else []
    before = "R" if j.fields.get("intervention") else "W"
    counts[f"sim carried {before}"] += 1
    e = got[0]
    g = facts.group.get(e.id)
    prior = [x for x in facts.ents if x.end <= gs]
    alts = {}
    if g is not None:
        cluster = [x for x in facts.arms[g] if x.end <= gs]
        designed = [x for x in cluster if _where(record, x, -5) in ("title", "design")]
        alts["cluster design mention"] = designed[-1] if designed else None
        alts["cluster first"] = cluster[0] if cluster else None
    _, _, alloc, treated = CARRIED.get((record.id, claim.sentence), ("?", [], None, None))
    alts["allocated"] = ents.get(alloc) if alloc else None
    groups = {}
    for x in prior:
        groups[facts.group[x.id]] = x
    if groups:
        best = max(groups, key=lambda k: (p_of.get(groups[k].id, 0), -k))
        alts["top-P group"] = groups[best]
    own = [x for x in facts.ents if gs <= x.start < ge]
    counts[f"sim carried {before} own mention names gold {int(any(entity_names(x, i_arm, c_arm) for x in own))}"] += 1
    counts[f"sim carried {before} own I/C mention {int(bool(own))}"] += 1
    for name, cand in alts.items():
        if cand is None or cand.id == e.id:
            continue
        after = "R" if entity_names(cand, i_arm, c_arm) else "W"
        counts[f"sim alt {name} {before}->{after}"] += 1
    p = p_of.get(e.id, 1.0)
    counts[f"sim carried {before} {_bucket(p, thr)}"] += 1
    src = _where(record, e, claim.sentence).replace("prev ", "")
    if src == "result":
        d = alts.get("cluster design mention")
        sc = e.score if e.score is not None else 1.0
        sb = "score<0.5" if sc < 0.5 else "score<0.8" if sc < 0.8 else "score>=0.8"
        same = d is not None and entity_words(d) == entity_words(e)
        counts[f"sim result-mention {before} {sb} design-mention {'none' if d is None else 'same' if same else 'differs'}"
               + (f" ->{'R' if entity_names(d, i_arm, c_arm) else 'W'}" if d is not None and not same else "")] += 1


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN only)")
    install()
    model = load_trial_arms()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        views = sentence_views(record)
        facts = AbstractFacts(record, views)
        probs = model.probabilities(group_features(facts, views)) if model else [1.0] * len(facts.arms)
        p_of = {e.id: probs[facts.group[e.id]] for e in facts.ents}
        pops = Covering(record, "POPULATION")
        others = [arm_aliases(s, record) for f in g.findings for s in (f.intervention, f.comparator) if s]
        for f, j, claim in found:
            ranker_counts(counts, record, f, j, claim, ents, p_of)
            simulate(counts, record, f, j, claim, ents, facts, p_of, model.threshold if model else 0.0)
            if j.fields.get("intervention"):
                continue
            i_arm = arm_aliases(f.intervention, record)
            c_arm = arm_aliases(f.comparator, record) if f.comparator else []
            ci = [ents[i] for i in claim.intervention if i in ents]
            if "swapped arms" in j.errors or slot_class(ci, i_arm, c_arm, f.sentence) != "neither (carried)":
                continue
            gs, ge = f.sentence
            carried = [e for e in ci if not gs <= e.start < ge]
            e = carried[0]
            pre_rank = _before(record.id, "rerank", claim)
            pre_rep = _before(record.id, "reported", claim)
            branch, ids, _, _ = CARRIED.get((record.id, claim.sentence), ("?", [], None, None))
            def was(ids):
                return "R" if any(entity_names(ents[i], i_arm, c_arm) for i in ids if i in ents) else "W"
            if pre_rep is not None and pre_rep != claim.intervention:
                path = "reported"
                counts[f"reported: before it {was(pre_rep)}"] += 1
            elif pre_rank is not None and pre_rank != claim.intervention:
                path = "ranker"
                own_pre = all(gs <= ents[i].start < ge for i in pre_rank if i in ents) and bool(pre_rank)
                counts[f"ranker: before it {was(pre_rank)} ({'own' if own_pre else 'carried'})"] += 1
            elif e.id in ids:
                path = f"{branch} from {_where(record, e, claim.sentence)}"
            else:
                path = f"resolved/other from {_where(record, e, claim.sentence)}"
            p = p_of.get(e.id, 1.0)
            thr = model.threshold if model else 0.0
            if p < thr:
                what = "no arm"
            elif pops.holds(e) or PERSON.search(e.text.strip()):
                what = "population"
            elif facts.in_outcome(e):
                what = "outcome"
            elif any(entity_names(e, arm, []) for arm in others):
                what = "arm of another comparison"
            elif is_control(e):
                what = "control-worded"
            else:
                what = "other"
            gold_ments = [x for x in facts.ents if entity_names(x, i_arm, c_arm)]
            earlier = [x for x in gold_ments if x.end <= gs]
            own = [x for x in gold_ments if gs <= x.start < ge]
            gstate = "earlier" if earlier else "own only" if own else "absent"
            if earlier:
                gp = max(p_of.get(x.id, 1.0) for x in earlier)
                gstate += " accepted" if gp >= thr else " set aside"
            rows = [f"path {path}", f"what {what}", f"what {what} | {_bucket(p, thr)}", f"gold {gstate}",
                    f"path {path.split(' from')[0]} | what {what}", f"what {what} | gold {gstate}",
                    f"gold {'single' if f.comparator is None else 'compared'} | path {path} | what {what}",
                    f"gold {'single' if f.comparator is None else 'compared'} | claim {claim.direction}"]
            both = bool(_BOTH.search(text[gs:ge]))
            grp = facts.arms[facts.group[e.id]] if e.id in facts.group else [e]
            shape = ("generic" if _GENERIC.search(e.text) else "abbrev" if _ABBR.match(e.text.strip()) else
                     "one word" if len(entity_words(e)) <= 1 else "words")
            rows.append(f"shape {shape} | title {int(facts.group.get(e.id) in facts.title)} | mentions "
                        f"{min(len(grp), 3)}{'+' if len(grp) >= 3 else ''} | top {int(len(grp) == facts.top)}")
            rows.append(f"shape {shape}")
            if earlier:
                prev_s = record.sentences[claim.sentence - 1] if claim.sentence > 0 else None
                in_prev = prev_s is not None and any(prev_s.start <= x.start < prev_s.end for x in earlier)
                rows.append(f"gold in previous sentence {int(in_prev)} | gold {'single' if f.comparator is None else 'compared'}")
                gg = facts.group[earlier[-1].id]
                first = facts.arms[gg][0]
                rows.append(f"gold group: title {int(gg in facts.title)} alternative {int(gg in facts.alternatives)} "
                            f"top {int(len(facts.arms[gg]) == facts.top)} first in {_where(record, first, -5)} "
                            f"P {'>=' if probs[gg] >= 0.5 else '<'}0.5 | gold {'single' if f.comparator is None else 'compared'}")
            rows.append(f"own gold mention {int(bool(own))} | path {path.split(' from')[0]}")
            rows.append(f"both/each words {int(both)} | gold {'single' if f.comparator is None else 'compared'}")
            for row in rows:
                counts[row] += 1
            counts["total"] += 1
            if args.examples and any(args.examples in r for r in rows):
                sentence = " ".join(text[gs:ge].split())
                print(f"[{path} | {what} P={p:.2f} | gold {gstate}] {g.id} | gold {f.intervention.text!r} vs "
                      f"{f.comparator.text if f.comparator else None!r} | got {[x.text for x in ci]} | {sentence[:220]}")
    for row, n in sorted(counts.items()):
        print(f"{n:4d}  {row}")


if __name__ == "__main__":
    main()
