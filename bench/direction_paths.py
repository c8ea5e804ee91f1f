"""Direction errors of found findings whose arms are right, counted by (gold, claim) tuple and by decision path.

    python bench/direction_paths.py --ids models/claimex-confidence/calibration_ids.txt           # BLIND: counts
    python bench/direction_paths.py --skip-ids models/claimex-confidence/calibration_ids.txt      # OPEN: counts
    python bench/direction_paths.py --skip-ids models/claimex-confidence/calibration_ids.txt --examples 'PATH_RE'

The *decision path* is which rule set the claim's direction and significance: the branch of
:func:`claimex.assemble.claims.decision.decide` that returned (``any-arm`` nothing in any arm, ``judge`` single-arm
judgement, ``qual`` polarity words, ``denied`` an effect denied in a controlled trial, ``cmp`` the comparison
decision, ``cmp2`` / ``judge2`` the fallbacks), with the decision's ``source`` (p-value / ci / words, then cues /
numbers / prior / model, or the single-arm source: change / polarity / observed ...); `` cue!=num`` marks a
comparison whose cue word and arm values (or ratio) gave opposite signs. A claim whose direction or significance was
set after ``decide`` (a re-judged loose comparison, a per-arm copy, the within-arm second finding) is ``post``.
Counted for the found findings whose intervention and comparator are right (the findings report's "direction errors
by arms", column "arms right"; ``--any-arms``: every found finding): per path right / wrong, per wrong the (gold
direction / gold significance -> claim direction / claim significance) tuple; ``--outcomes`` adds the claim's outcome
count to the path, ``--cross RE`` lists claim tuple against gold tuple for the paths matching RE. ``--examples RE``
(OPEN only) prints the sentences of the findings whose "path | right/error: tuple" line matches RE.

Session 16 (docs/claims-rounds.md section 30.4), main 51e292f, BLIND arms-right: 98 direction errors; the direction
classifier's path right 10 / wrong 12 (its no difference with no test: 10 of gold no_difference/False, 8 of gold
increase/decrease with significance null); a no difference from a negated change word alone (``cmp:-``): 8 of 8 gold
no_difference/False with the claim's significance null.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from judged import judged, require_pure_claims, tune_options

from claimex.assemble import claims as claims_pkg
from claimex.assemble.claims import decision as dmod
from claimex.assemble.claims import direction as dirmod
from claimex.evaluate.findings_match import DIRECTION_ERRORS

_CALLS: list[str] = []
_RECORD: list[str] = [""]
_PATHS: dict[tuple, list[tuple[str, str | None, bool | None]]] = defaultdict(list)


def _tagged(module, name: str, tag: str) -> None:
    fn = getattr(module, name)

    def wrapped(*a, **k):
        _CALLS.append(tag)
        return fn(*a, **k)

    require_pure_claims()  # the patches below reach only pure Python
    setattr(module, name, wrapped)


def _install() -> None:
    for name, tag in (("judge", "judge"), ("decide_qualitative", "qual"), ("decide_comparison", "cmp"),
                      ("_denied", "denied")):
        _tagged(dmod, name, tag)
    inner = dmod.none_in_any_arm

    def any_arm(*a, **k):
        out = inner(*a, **k)
        if out:
            _CALLS.append("any-arm")
        return out

    dmod.none_in_any_arm = any_arm
    evidence = dirmod.comparison_evidence

    def seen(*a, **k):
        ev = evidence(*a, **k)
        signs = ("increase", "decrease")
        if ev.cue in signs and ev.numeric in signs and ev.cue != ev.numeric:
            _CALLS.append("cue!=num")
        return ev

    dirmod.comparison_evidence = seen
    decide = claims_pkg.decide

    def traced(model, view, ctype, arms, group, *a, **k):
        _CALLS.clear()
        d = decide(model, view, ctype, arms, group, *a, **k)
        calls = [c for c in _CALLS if c != "cue!=num"]
        clash = " cue!=num" if "cue!=num" in _CALLS else ""
        if "any-arm" in calls:
            branch = "any-arm"
        elif "denied" in calls:
            branch = "denied"
        elif calls[:1] == ["judge"]:
            branch = "judge"
        else:
            names = {"qual": "qual", "cmp": "cmp"}
            branch = "+".join(names.get(c, c) for c in calls) or "none"
            branch = branch.replace("cmp+cmp", "cmp2").replace("cmp+judge", "cmp>judge2").replace(
                "qual+cmp", "qual>cmp2").replace("qual+judge", "qual>judge2")
        key = (_RECORD[0], view.index, tuple(o.id for o in group.outcomes))
        _PATHS[key].append((f"{branch}:{d.source or '-'}{clash}", d.direction, d.significant))
        return d

    claims_pkg.decide = traced
    call = claims_pkg.ClaimAssembler.__call__

    def per_record(self, record):
        _RECORD[0] = record.id
        return call(self, record)

    claims_pkg.ClaimAssembler.__call__ = per_record


def path_of(record_id: str, claim) -> str:
    for path, direction, sig in reversed(_PATHS.get((record_id, claim.sentence, tuple(claim.outcome)), [])):
        if direction == claim.direction and sig == claim.significant:
            return path
    return "post"


def _more(ap) -> None:
    ap.add_argument("--any-arms", action="store_true", help="every found finding, its arms right or not")
    ap.add_argument("--outcomes", action="store_true", help="the path with the claim's outcome count (O1, O2, O3+)")
    ap.add_argument("--cross", help="a regex over 'path | claim dir/sig': every arms-right found finding of those, "
                                    "claim tuple against gold tuple (counts)")


def main() -> None:
    args, golds = tune_options(
        __doc__, "a regex over 'path | tuple' (OPEN only): print those errors' sentences",
        _more)
    _install()
    right: Counter = Counter()
    wrong: Counter = Counter()
    tuples: Counter = Counter()
    kinds: Counter = Counter()
    by_path_tuple: Counter = Counter()
    sig_vs_dir: Counter = Counter()
    cross: Counter = Counter()  # (path, claim tuple, gold tuple) over every arms-right found finding
    for g, record, text, found in judged(golds):
        paths = {c.id: path_of(record.id, c) for c in record.claims}
        for finding, j, claim in found:
            if not args.any_arms and not (j.fields.get("intervention") and j.fields.get("comparator")):
                continue
            path = paths[claim.id]
            if args.outcomes:
                path += f" O{min(len(claim.outcome), 3)}"
            cross[(path, f"{claim.direction}/{claim.significant}",
                   f"{finding.direction}/{finding.significant}", j.fields["direction"])] += 1
            tup = f"{finding.direction}/{finding.significant} -> {claim.direction}/{claim.significant}"
            if j.fields["direction"]:
                right[path] += 1
                line = f"{path} | right: {tup}"
            else:
                wrong[path] += 1
                err = next((e for e in j.errors if e in DIRECTION_ERRORS), "?")
                kinds[err] += 1
                tuples[(err, tup)] += 1
                by_path_tuple[(err, path, tup)] += 1
                if err == "difference vs no difference":
                    # which of direction and significance agrees with the gold in a claim whose two disagree
                    gnull = finding.direction == "no_difference"
                    cnull = claim.direction == "no_difference"
                    if claim.significant is not None and (claim.significant is False) != cnull:
                        sig_vs_dir["claim sig agrees with gold" if (claim.significant is False) == gnull
                                   else "claim direction agrees with gold"] += 1
                line = f"{path} | {err}: {tup}"
            if args.examples and re.search(args.examples, line):
                sent = " ".join(text[slice(*finding.sentence)].split())
                ents = {e.id: e.text for e in record.entities}
                print(f"{g.key} {claim.id} | {line} | I={[ents.get(i) for i in claim.intervention]} "
                      f"C={[ents.get(i) for i in claim.comparator]} O={[ents.get(i) for i in claim.outcome]} | {sent}")
    print(f"arms-right found findings: {sum(right.values()) + sum(wrong.values())}, direction wrong "
          f"{sum(wrong.values())}")
    for k, n in kinds.most_common():
        print(f"  {n:4d}  {k}")
    print("\nper path: right / wrong")
    for p in sorted(set(right) | set(wrong), key=lambda p: -(right[p] + wrong[p])):
        print(f"  {right[p]:4d} / {wrong[p]:3d}  {p}")
    print("\nwrong, by tuple (gold dir/sig -> claim dir/sig)")
    for (err, tup), n in tuples.most_common():
        print(f"  {n:4d}  {err}: {tup}")
    print("\nwrong, by path and tuple")
    for (err, path, tup), n in sorted(by_path_tuple.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {n:4d}  {err} | {path} | {tup}")
    if args.cross:
        print("\nevery arms-right found finding: path | claim dir/sig <- gold dir/sig (right?)")
        for (path, ctup, gtup, ok), n in sorted(cross.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1])):
            if re.search(args.cross, f"{path} | {ctup}"):
                print(f"  {n:4d}  {path} | {ctup} <- {gtup}{'' if ok else '  WRONG'}")
    print("\ndifference vs no difference, claim direction and significance disagreeing:")
    for k, n in sig_vs_dir.most_common():
        print(f"  {n:4d}  {k}")


if __name__ == "__main__":
    main()
