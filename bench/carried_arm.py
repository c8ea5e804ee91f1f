"""Carried interventions that name neither gold arm (issue 10, session 15; counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/carried_arm.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/carried_arm.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of rows containing CLASS
    ... --moves [--examples KIND]          # only the arm ranker's moves (below)

(OPEN in session 15: skip the calibration ids *and* the lead's FRESH6 ids, one file holding both - the tune split
holds round 19's 20 abstracts, which the calibration file does not list.)

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
  (``own``), or nowhere (``absent``), and whether the check accepts its group; more cuts (the gold finding single-arm
  or compared, "both / each group" wording, the carried entity's shape, the gold arm's group).

Over every found finding: ``rank`` rows (the arm ranker changed the intervention: where the rules' and the ranker's
arms lie, own sentence / carried, right / wrong before -> after) and ``sim`` rows (findings whose intervention is
wholly carried: what other carried choices would give - the carried arm's cluster's latest title/design mention or
first mention, the design's allocated arm, the arm group of highest trial-arm P, the same gated by P - before ->
after). Measured in docs/claims-rounds.md section 29.2.

``--moves`` prints only ``move`` rows: every found finding whose intervention the arm ranker changed, by kind (where
the rules' and the ranker's mentions lie: own sentence, one or several mentions, carried, mixed; the new mention
narrowed from the rules' own, swapped with their comparator, another mention of the same arm, another arm) with the
judge's intervention (``I``) and comparator (``C``) field before -> after the ranker; ``--examples KIND`` (OPEN)
prints the findings whose row contains KIND, e.g. ``"own->own other I R->W"``. Measured in section 29.4.
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, require_pure_claims, tune_options  # bench/judged.py
from pair_classes import slot_class  # bench/pair_classes.py

import claimex.assemble.claims as assembly
from claimex.assemble.claims.allocation import ALLOCATION
from claimex.assemble.claims.armrank import AbstractFacts, ArmRanker
from claimex.assemble.claims.base import entity_words, same_stem, sentence_views
from claimex.assemble.claims.context import InterventionContext
from claimex.assemble.claims.control import is_control
from claimex.assemble.claims.mentions import PERSON, Covering
from claimex.assemble.claims.trialarm import group_features, load_trial_arms
from claimex.assemble.claims.zones import zone_of
from claimex.evaluate.findings_match import arm_aliases, entity_names, judge_claim

ARMS = ("INTERVENTION", "COMPARATOR")
_GENERIC = re.compile(r"\b(?:intervention|program(?:me)?s?|therapy|treatment|training|care|management|education)\b",
                      re.I)
_ABBR = re.compile(r"^[A-Z][A-Za-z0-9-]{0,6}$")
_BOTH = re.compile(r"\b(?:both|each|either|all)\s+(?:\w+\s+)?(?:groups?|arms?|regimens?|treatments?|interventions?)\b",
                   re.I)
CARRIED: dict[tuple[str, int], tuple] = {}  # (record, sentence) -> (branch, carried ids, allocated id, treated id)
PRE: dict[str, dict] = {}  # record -> {"rerank": [(key, I ids, C ids)], "reported": [(key, I ids, C ids)]}
_CURRENT: list[str] = []


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
    def claims(self, view, ctype, ctx, *rest):
        CARRIED[(_CURRENT[0], view.index)] = (_branch(ctx), [e.id for e in ctx.carried()],
                                              ctx.allocated.id if ctx.allocated else None,
                                              ctx.treated.id if ctx.treated else None)
        return inner(self, view, ctype, ctx, *rest)
    return claims


def _key(c) -> tuple:
    return c.sentence, tuple(c.outcome), tuple(c.measures)


def _wrap_rerank(inner):
    def rerank(self, record, claims, views=None, *rest):
        PRE.setdefault(record.id, {})["rerank"] = [(_key(c), list(c.intervention), list(c.comparator))
                                                   for c in claims]
        return inner(self, record, claims, views, *rest)
    return rerank


def _wrap_reported(inner):
    def carry(record, claims):
        PRE.setdefault(record.id, {})["reported"] = [(_key(c), list(c.intervention), list(c.comparator))
                                                     for c in claims]
        return inner(record, claims)
    return carry


def install() -> None:
    require_pure_claims()  # the patches below reach only pure Python
    assembly.ClaimAssembler.__call__ = _wrap_call(assembly.ClaimAssembler.__call__)
    assembly.ClaimAssembler._claims = _wrap_claims(assembly.ClaimAssembler._claims)
    ArmRanker.rerank = _wrap_rerank(ArmRanker.rerank)
    assembly.carry_reported = _wrap_reported(assembly.carry_reported)


def _arms_before(record_id: str, stage: str, claim) -> tuple[list[str], list[str]] | None:
    """The claim's (intervention, comparator) ids before ``stage`` (``rerank``: the rules' arms; ``reported``: the
    arm ranker's)."""
    rows = [(i, c) for k, i, c in PRE.get(record_id, {}).get(stage, []) if k == _key(claim)]
    return rows[0] if rows else None


def _before(record_id: str, stage: str, claim) -> list[str] | None:
    arms = _arms_before(record_id, stage, claim)
    return arms[0] if arms else None


def _where(record, ent, sentence: int) -> str:
    idx = next((i for i, s in enumerate(record.sentences) if s.start <= ent.start < s.end), -1)
    if idx == 0:
        return "title"
    if idx == sentence - 1:
        tag = "prev "
    else:
        tag = ""
    s = record.sentences[idx]
    if zone_of(s.section) in ("methods", "aim", "objective") or ALLOCATION.found(record.text[s.start:s.end]):
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
    if wa == "carried" and wb == "carried":
        counts[f"rank carried->carried {ra}->{rb} new P {'<0.5' if p < 0.5 else '>=0.5'}"] += 1


def _place(ids: list[str], ents, gs: int, ge: int) -> str:
    """Where a slot's mentions lie: ``none``, ``own`` (one mention of the finding's sentence), ``own2`` (several),
    ``carried`` (all outside it) or ``mixed``."""
    got = [ents[i] for i in ids if i in ents]
    inside = sum(gs <= e.start < ge for e in got)
    if not got:
        return "none"
    if inside == len(got):
        return "own" if inside == 1 else "own2"
    return "carried" if not inside else "mixed"


def move_kind(pre: tuple[list[str], list[str]], post: tuple[list[str], list[str]], ents, facts, gs: int,
              ge: int) -> str:
    """The kind of the arm ranker's change of an intervention slot: where the rules' and the ranker's mentions lie
    (:func:`_place`), and how the new one relates to the rules' arms - ``narrowed`` (some of the rules' own
    mentions), ``swapped`` (the rules' comparator), ``same arm`` (another mention of an arm the rules' intervention
    names), ``other`` (a mention of another arm)."""
    (pi, pc), (ni, _) = pre, post
    if set(ni) <= set(pi):
        how = "narrowed"
    elif set(ni) <= set(pc):
        how = "swapped"
    elif {facts.group.get(i) for i in ni} <= {facts.group.get(i) for i in pi}:
        how = "same arm"
    else:
        how = "other"
    return f"{_place(pi, ents, gs, ge)}->{_place(ni, ents, gs, ge)} {how}"


def move_counts(counts, g, record, text, f, claim, ents, facts, examples: str | None) -> None:
    """``move`` rows (``--moves``): every found finding whose intervention the arm ranker changed, by
    :func:`move_kind`, with the judge's intervention and comparator fields (R right / W wrong) of the claim with the
    rules' arms and with the ranker's (the claim's other fields as assembled); ``names gold``: whether some mention of
    the slot names the gold intervention (``entity_names``, a mixed slot included: the ``rank`` rows' R / W)."""
    pre, post = _arms_before(record.id, "rerank", claim), _arms_before(record.id, "reported", claim)
    if pre is None or post is None or pre[0] == post[0]:
        return
    gs, ge = f.sentence
    kind = move_kind(pre, post, ents, facts, gs, ge)

    def fields(arms):
        j = judge_claim(f, claim.model_copy(update={"intervention": arms[0], "comparator": arms[1]}), record, text)
        return ("R" if j.fields["intervention"] else "W") + ("R" if j.fields["comparator"] else "W")

    def names(ids):  # some mention names the gold intervention (the rank rows' R), mixed slots included
        return "R" if any(entity_names(ents[i], i_arm, c_arm) for i in ids if i in ents) else "W"

    i_arm = arm_aliases(f.intervention, record)
    c_arm = arm_aliases(f.comparator, record) if f.comparator else []
    a, b = fields(pre), fields(post)
    counts[f"move {kind} I {a[0]}->{b[0]}"] += 1
    counts[f"move {kind} I {a[0]}->{b[0]} names gold {names(pre[0])}->{names(post[0])}"] += 1
    counts[f"move {kind} C {a[1]}->{b[1]}"] += 1
    counts[f"move total I {a[0]}->{b[0]}"] += 1
    if examples and examples in f"{kind} I {a[0]}->{b[0]} names gold {names(pre[0])}->{names(post[0])}":
        names = [" / ".join(ents[i].text for i in ids if i in ents) for ids in (*pre, *post)]
        print(f"{g.id} [{kind} I {a[0]}->{b[0]} C {a[1]}->{b[1]}] gold {f.intervention.text!r} vs "
              f"{f.comparator.text if f.comparator else None!r} | rules {names[0]!r} vs {names[1]!r} | ranker "
              f"{names[2]!r} vs {names[3]!r} | {' '.join(text[gs:ge].split())[:260]}")


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
    names = int(any(entity_names(x, i_arm, c_arm) for x in own))
    counts[f"sim carried {before} own mention names gold {names}"] += 1
    counts[f"sim carried {before} own I/C mention {int(bool(own))}"] += 1
    p = p_of.get(e.id, 1.0)
    for name, cand in alts.items():
        if cand is None or cand.id == e.id:
            continue
        after = "R" if entity_names(cand, i_arm, c_arm) else "W"
        counts[f"sim alt {name} {before}->{after}"] += 1
        for floor in (0.3, 0.5):
            if p < floor and p_of.get(cand.id, 1.0) >= floor:
                counts[f"sim alt {name} if carried P<{floor} and its P>={floor} {before}->{after}"] += 1
    counts[f"sim carried {before} {_bucket(p, thr)}"] += 1
    src = _where(record, e, claim.sentence).replace("prev ", "")
    if src == "result":
        d = alts.get("cluster design mention")
        sc = e.score if e.score is not None else 1.0
        sb = "score<0.5" if sc < 0.5 else "score<0.8" if sc < 0.8 else "score>=0.8"
        same = d is not None and entity_words(d) == entity_words(e)
        state = "none" if d is None else "same" if same else "differs"
        to = f" ->{'R' if entity_names(d, i_arm, c_arm) else 'W'}" if state == "differs" else ""
        counts[f"sim result-mention {before} {sb} design-mention {state}{to}"] += 1


class Abstract:
    """What the counts read of one judged abstract: its entities, arm groups with their trial-arm P, POPULATION
    spans and the arms every gold finding names."""

    def __init__(self, g, record, model):
        self.record = record
        self.ents = {e.id: e for e in record.entities}
        views = sentence_views(record)
        self.facts = AbstractFacts(record, views)
        self.probs = model.probabilities(group_features(self.facts, views)) if model else [1.0] * len(self.facts.arms)
        self.p_of = {e.id: self.probs[self.facts.group[e.id]] for e in self.facts.ents}
        self.threshold = model.threshold if model else 0.0
        self.populations = Covering(record, "POPULATION")
        self.gold_arms = [arm_aliases(s, record) for f in g.findings for s in (f.intervention, f.comparator) if s]


def path_of(a: Abstract, f, claim, e, i_arm, c_arm, counts) -> str:
    """The step that put carried entity ``e`` into the claim's intervention (module docstring)."""
    gs, ge = f.sentence
    pre_rank = _before(a.record.id, "rerank", claim)
    pre_rep = _before(a.record.id, "reported", claim)
    branch, ids, _, _ = CARRIED.get((a.record.id, claim.sentence), ("?", [], None, None))

    def was(held):
        return "R" if any(entity_names(a.ents[i], i_arm, c_arm) for i in held if i in a.ents) else "W"

    if pre_rep is not None and pre_rep != claim.intervention:
        counts[f"reported: before it {was(pre_rep)}"] += 1
        return "reported"
    if pre_rank is not None and pre_rank != claim.intervention:
        own = bool(pre_rank) and all(gs <= a.ents[i].start < ge for i in pre_rank if i in a.ents)
        counts[f"ranker: before it {was(pre_rank)} ({'own' if own else 'carried'})"] += 1
        return "ranker"
    where = _where(a.record, e, claim.sentence)
    return f"{branch} from {where}" if e.id in ids else f"resolved/other from {where}"


def what_of(a: Abstract, e) -> str:
    """What the carried entity is (module docstring)."""
    if a.p_of.get(e.id, 1.0) < a.threshold:
        return "no arm"
    if a.populations.holds(e) or PERSON.search(e.text.strip()):
        return "population"
    if a.facts.in_outcome(e):
        return "outcome"
    if any(entity_names(e, arm, []) for arm in a.gold_arms):
        return "arm of another comparison"
    return "control-worded" if is_control(e) else "other"


def neither_rows(a: Abstract, f, claim, text, counts) -> tuple[list[str], str]:
    """The rows of one found finding whose carried intervention names neither gold arm, and its example line."""
    i_arm = arm_aliases(f.intervention, a.record)
    c_arm = arm_aliases(f.comparator, a.record) if f.comparator else []
    gs, ge = f.sentence
    ci = [a.ents[i] for i in claim.intervention if i in a.ents]
    e = next(x for x in ci if not gs <= x.start < ge)
    path = path_of(a, f, claim, e, i_arm, c_arm, counts)
    step = path.split(" from")[0]
    what = what_of(a, e)
    p = a.p_of.get(e.id, 1.0)
    facts = a.facts
    gold_ments = [x for x in facts.ents if entity_names(x, i_arm, c_arm)]
    earlier = [x for x in gold_ments if x.end <= gs]
    own = [x for x in gold_ments if gs <= x.start < ge]
    gstate = "earlier" if earlier else "own only" if own else "absent"
    if earlier:
        gstate += " accepted" if max(a.p_of.get(x.id, 1.0) for x in earlier) >= a.threshold else " set aside"
    kind = "single" if f.comparator is None else "compared"
    grp = facts.arms[facts.group[e.id]] if e.id in facts.group else [e]
    shape = ("generic" if _GENERIC.search(e.text) else "abbrev" if _ABBR.match(e.text.strip()) else
             "one word" if len(entity_words(e)) <= 1 else "words")
    rows = [f"path {path}", f"what {what}", f"what {what} | {_bucket(p, a.threshold)}", f"gold {gstate}",
            f"path {step} | what {what}", f"what {what} | gold {gstate}", f"gold {kind} | path {path} | what {what}",
            f"gold {kind} | claim {claim.direction}", f"own gold mention {int(bool(own))} | path {step}",
            f"both/each words {int(bool(_BOTH.search(text[gs:ge])))} | gold {kind}", f"shape {shape}",
            f"shape {shape} | title {int(facts.group.get(e.id) in facts.title)} | mentions "
            f"{min(len(grp), 3)}{'+' if len(grp) >= 3 else ''} | top {int(len(grp) == facts.top)}"]
    if earlier:
        prev = a.record.sentences[claim.sentence - 1] if claim.sentence > 0 else None
        in_prev = prev is not None and any(prev.start <= x.start < prev.end for x in earlier)
        gg = facts.group[earlier[-1].id]
        rows += [f"gold in previous sentence {int(in_prev)} | gold {kind}",
                 f"gold group: title {int(gg in facts.title)} alternative {int(gg in facts.alternatives)} "
                 f"top {int(len(facts.arms[gg]) == facts.top)} first in {_where(a.record, facts.arms[gg][0], -5)} "
                 f"P {'>=' if a.probs[gg] >= 0.5 else '<'}0.5 | gold {kind}"]
    comparator = f.comparator.text if f.comparator else None
    line = (f"[{path} | {what} P={p:.2f} | gold {gstate}] | gold {f.intervention.text!r} vs {comparator!r} | "
            f"got {[x.text for x in ci]} | {' '.join(text[gs:ge].split())[:220]}")
    return rows, line


def main() -> None:
    args, golds = tune_options(__doc__, "print the findings of rows containing this (OPEN only)",
                               lambda ap: ap.add_argument("--moves", action="store_true",
                                                          help="only the move rows (every change of the ranker)"))
    install()
    model = load_trial_arms()
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        a = Abstract(g, record, model)
        for f, j, claim in found:
            if args.moves:
                move_counts(counts, g, record, text, f, claim, a.ents, a.facts, args.examples)
                continue
            ranker_counts(counts, record, f, j, claim, a.ents, a.p_of)
            simulate(counts, record, f, j, claim, a.ents, a.facts, a.p_of, a.threshold)
            if j.fields.get("intervention") or "swapped arms" in j.errors:
                continue
            i_arm = arm_aliases(f.intervention, record)
            c_arm = arm_aliases(f.comparator, record) if f.comparator else []
            ci = [a.ents[i] for i in claim.intervention if i in a.ents]
            if slot_class(ci, i_arm, c_arm, f.sentence) != "neither (carried)":
                continue
            rows, line = neither_rows(a, f, claim, text, counts)
            counts.update(rows)
            counts["total"] += 1
            if args.examples and any(args.examples in r for r in rows):
                print(f"{g.id} {line}")
    for row, n in sorted(counts.items()):
        print(f"{n:4d}  {row}")


if __name__ == "__main__":
    main()
