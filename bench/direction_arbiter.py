"""Direction errors of found findings counted by the component that decided: the rules (which rule path) or the
direction classifier, with the classifier's probability, and whether the classifier alone or the rules alone would
have been right.

    python bench/direction_arbiter.py --ids models/claimex-confidence/calibration_ids.txt           # BLIND: counts
    python bench/direction_arbiter.py --skip-ids models/claimex-confidence/calibration_ids.txt      # OPEN: counts
    python bench/direction_arbiter.py --skip-ids ... --examples 'RE'                                # OPEN: sentences

For every call of the comparison decision (:func:`claimex.assemble.claims.direction.decide_comparison`) the script
also reads the rules' evidence (:func:`~claimex.assemble.claims.direction.comparison_evidence`) and asks the
classifier for its probabilities on the same input the pipeline gives it (feature words + marked sentence), whether
or not the pipeline consulted it. Per found finding (``--any-arms``: all; default: intervention and comparator right)
whose claim came from a comparison decision: the decider (``model`` when the classifier's argmax was taken, else the
rule step: ``nonsig`` not significant / negated change, ``cue``, ``numbers``, ``noun`` (the outcome's change noun),
``prior`` (a significant difference without its sign)), the classifier's top probability bucket, and per decider the
findings where (a) the pipeline is right / wrong, (b) the classifier's argmax would be right, (c) the rules alone (the
whole :func:`~claimex.assemble.claims.decision.decide` again with no classifier) would be right. Claims decided
elsewhere (judged, polarity, nothing in any arm, denied, after ``decide``) are counted by that path only. Also per cue
decision how its sign was made (:func:`cue_kind`), and where the classifier decided alone, how often the prior or the
single-arm judgement would have been right instead.

Also ``--policy``: the direction each finding would get under "the classifier replaces the rule step S when its top
probability is at least T and it disagrees" for every S and T in a grid - right / wrong changes per (S, T).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import direction_paths as dp
from judged import judged, require_pure_claims, tune_options

from claimex.assemble import claims as claims_pkg
from claimex.assemble.claims import decision as dmod
from claimex.assemble.claims import direction as dirmod
from claimex.assemble.claims import harms
from claimex.assemble.claims import polarity as pol
from claimex.evaluate.findings_match import DIRECTION_ERRORS

_LAST: list = []
_CUES: list = []  # per cue_direction call: how the sign was made (see :func:`cue_kind`)
_INFO: dict[tuple, list] = defaultdict(list)
BUCKETS = (0.9, 0.8, 0.7, 0.6, 0.5, 0.0)
STEPS = ("nonsig", "cue", "numbers", "noun", "prior", "model")


def step_of(ev: dirmod.Evidence, decided_by_model: bool) -> str:
    """The rule step of :func:`~claimex.assemble.claims.direction.decide_comparison` that returned, in its order."""
    if ev.significant is False or ev.cue == "no_difference" and ev.significant is None and not ev.source:
        return "nonsig"
    if ev.cue in ("increase", "decrease") and not ev.named:
        return "cue"
    if ev.numeric:
        return "numbers"
    if ev.cue in ("increase", "decrease"):
        return "noun"
    if ev.significant:
        return "prior"
    return "model" if decided_by_model else "rules-none"


def cue_kind(text, spans, outcome_text="", others=()) -> str:
    """How :func:`~claimex.assemble.claims.polarity.cue_direction` made its sign, by the same steps: the cue word's
    kind (``change``: a quantity word - higher, reduced -; ``valence``: better, improved - with ``harmful`` when
    the outcome is one whose good direction is down and the sign was flipped for it), and ``said of C`` when the
    sign was flipped because the cue is said of the comparator (or the intervention is the reference)."""
    harm = harms.harmful(outcome_text)
    hit = pol.outcome_cue(text, spans, outcome_text, others)
    if hit is None:
        return "none"
    start, end, _sign = hit
    word = text[start:end]
    valence = bool(pol.BETTER.search(word) or pol.WORSE.search(word))
    kind = ("valence" + (" harmful" if harm else "")) if valence else "change"
    side = pol._subject_side(text, [(x, y, r) for x, y, r in spans if r in ("I", "C")], start, end)
    return kind + (" said of C" if side == "C" else "")


def bucket(p: float) -> str:
    return next(f">={b:.1f}" for b in BUCKETS if p >= b)


def _install() -> None:
    dp._install()
    original = dmod.decide_comparison

    def seen(text, offset, measures, spans, arm_sides, model, outcome_text="", others=()):
        d = original(text, offset, measures, spans, arm_sides, model, outcome_text, others)
        kind = next((k for k in reversed(_CUES) if k), None)
        _CUES.clear()
        outer = dirmod.outer_spans(spans)
        ev = dirmod.comparison_evidence(text, offset, measures, outer, arm_sides, outcome_text, others)
        probs = model.predict([dirmod.classifier_text(ev, text, outer)])[0] if model is not None else {}
        prior = ("decrease" if harms.harmful(outcome_text) else "increase") if ev.significant is not False else None
        _LAST.append((ev, probs, d.direction, d.significant, kind, prior))
        return d

    require_pure_claims()  # the patches below reach only pure Python
    dmod.decide_comparison = seen
    cues = dirmod.cue_direction

    def cue_seen(text, spans, outcome_text="", others=()):
        out = cues(text, spans, outcome_text, others)
        _CUES.append(cue_kind(text, spans, outcome_text, others) if out[0] in ("increase", "decrease") else None)
        return out

    dirmod.cue_direction = cue_seen
    traced = claims_pkg.decide

    def outer(model, view, ctype, arms, group, *a, **k):
        _LAST.clear()
        d = traced(model, view, ctype, arms, group, *a, **k)
        key = (dp._RECORD[0], view.index, tuple(o.id for o in group.outcomes))
        hit = next((x for x in reversed(_LAST) if x[2] == d.direction and x[3] == d.significant), None)
        rules = dmod.decide(None, view, ctype, arms, group, *a, **k)  # the same decision without the classifier
        judged = dmod.judge(view, ctype, group).direction  # the single-arm judgement of the same group
        _INFO[key].append(None if hit is None else (*hit, rules.direction, judged))
        return d

    claims_pkg.decide = outer


def info_of(record_id: str, claim):
    key = (record_id, claim.sentence, tuple(claim.outcome))
    for (path, direction, sig), info in zip(reversed(dp._PATHS.get(key, [])), reversed(_INFO.get(key, []))):
        if direction == claim.direction and sig == claim.significant:
            return path, info
    return "post", None


def _more(ap) -> None:
    ap.add_argument("--any-arms", action="store_true", help="every found finding, its arms right or not")
    ap.add_argument("--policy", action="store_true", help="the classifier-over-step grid (counts)")


def main() -> None:
    args, golds = tune_options(__doc__, "a regex over 'decider | bucket | right/error' (OPEN only)", _more)
    _install()
    table: Counter = Counter()  # (decider, bucket, pipeline right, model right, rules right)
    errors: Counter = Counter()  # (error kind, decider)
    other: Counter = Counter()  # (path, right)
    grid: Counter = Counter()  # (step, threshold, fixed/broken)
    tuples: Counter = Counter()  # (decider, gold -> claim (model, rules alone))
    signs: Counter = Counter()  # (how the cue's sign was made, right)
    alt: Counter = Counter()  # the classifier's own decisions against the prior and the single-arm judgement
    for g, record, text, found in judged(golds):
        for finding, j, claim in found:
            if not args.any_arms and not (j.fields.get("intervention") and j.fields.get("comparator")):
                continue
            path, info = info_of(record.id, claim)
            ok = bool(j.fields["direction"])
            err = "" if ok else next((e for e in j.errors if e in DIRECTION_ERRORS), "?")
            if info is None or not path.startswith(("cmp", "qual>cmp2")):
                other[(path.split(":")[0], ok)] += 1
                if not ok:
                    errors[(err, path.split(":")[0])] += 1
                continue
            ev, probs, _d, _s, kind, prior, rules_dir, judged_dir = info
            top = max(probs, key=probs.get)
            decider = step_of(ev, "model" in path)
            gold = finding.direction
            model_ok, rules_ok = top == gold, rules_dir == gold
            if claim.direction != _d:  # changed after decide: judge by the claim's own direction
                model_ok = rules_ok = None
            table[(decider, bucket(probs[top]), ok, model_ok, rules_ok)] += 1
            if decider == "cue":
                signs[(kind, ok)] += 1
            if decider == "model":
                alt[("model", ok)] += 1
                alt[("prior", prior == gold)] += 1
                alt[("judged", judged_dir == gold)] += 1
                alt[("prior, or judged for gold single-arm", prior == gold or judged_dir == gold)] += 1
            if not ok:
                errors[(err, f"{decider} ({kind})" if decider == "cue" else decider)] += 1
                tuples[(decider, f"{gold}/{finding.significant} -> {claim.direction}/{claim.significant}"
                        f" (model {top}, rules {rules_dir})")] += 1
            if args.policy and model_ok is not None:
                for step in STEPS[:-1]:
                    if decider != step or top == claim.direction:
                        continue
                    for t in BUCKETS:
                        if probs[top] >= t:
                            grid[(step, t, "fixed" if model_ok and not ok else "broken" if ok else "still wrong")] += 1
            shown = f"{decider} ({kind})" if decider == "cue" else decider
            line = f"{shown} | {bucket(probs[top])} | {'right' if ok else err} | model {top} {probs[top]:.2f}"
            if args.examples and re.search(args.examples, line):
                sent = " ".join(text[slice(*finding.sentence)].split())
                print(f"{g.key} {claim.id} | {line} | gold {gold}/{finding.significant} | {sent}")
    print("comparison decisions (found findings" + (")" if args.any_arms else ", arms right)"))
    print("  decider   p(top)  n  pipeline-right  model-right  rules-right")
    agg: dict = defaultdict(lambda: [0, 0, 0, 0])
    for (decider, b, ok, mok, rok), n in table.items():
        for key in ((decider, b), (decider, "all")):
            agg[key][0] += n
            agg[key][1] += n * ok
            agg[key][2] += n * bool(mok)
            agg[key][3] += n * bool(rok)
    for (decider, b), (n, ok, mok, rok) in sorted(agg.items(), key=lambda kv: (STEPS.index(kv[0][0])
                                                                               if kv[0][0] in STEPS else 9, kv[0][1])):
        print(f"  {decider:8s} {b:6s} {n:4d}  {ok:4d}  {mok:4d}  {rok:4d}")
    print("\ndirection errors by kind and decider")
    for (err, decider), n in sorted(errors.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {n:4d}  {err} | {decider}")
    print("\ndirection errors of comparison decisions: gold dir/sig -> claim dir/sig (classifier argmax, rules alone)")
    for (decider, tup), n in sorted(tuples.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {n:4d}  {decider} | {tup}")
    print("\ncue decisions by how the sign was made: right / wrong")
    for k in sorted({k for k, _ in signs}, key=str):
        print(f"  {signs[(k, True)]:4d} / {signs[(k, False)]:3d}  {k}")
    print("\nwhere the classifier decided alone: right with it / with the prior / with the single-arm judgement")
    for k in ("model", "prior", "judged", "prior, or judged for gold single-arm"):
        print(f"  {alt[(k, True)]:4d} / {alt[(k, False)]:3d}  {k}")
    print("\nother paths: right / wrong")
    for p in sorted({p for p, _ in other}, key=lambda p: -(other[(p, True)] + other[(p, False)])):
        print(f"  {other[(p, True)]:4d} / {other[(p, False)]:3d}  {p}")
    if args.policy:
        print_policy(grid)


def print_policy(grid: Counter) -> None:
    """The classifier's argmax in place of each rule step where it disagrees at p >= T: fixed / broken / still wrong."""
    print("\nthe classifier's argmax instead of step S when it disagrees at p >= T: fixed / broken / still wrong")
    for step in STEPS[:-1]:
        for t in BUCKETS:
            f, b, s = (grid[(step, t, k)] for k in ("fixed", "broken", "still wrong"))
            if f or b or s:
                print(f"  {step:8s} >={t:.1f}  {f:3d} / {b:3d} / {s:3d}")


if __name__ == "__main__":
    main()
