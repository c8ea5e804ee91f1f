"""Which arm mention a comparison's cue word was read of, against the claim's own arms (issue 10, session 21;
counts only by default).

    OPENBLAS_NUM_THREADS=1 python bench/cue_subjects.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/cue_subjects.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    OPENBLAS_NUM_THREADS=1 python bench/cue_subjects.py --records /tmp/ei_train.jsonl     # Evidence Inference train

A comparison's cue word ("greater", "reduced") is read relative to the arm it is said of
(:func:`claimex.assemble.claims.polarity._subject_side`: the nearest arm mention not introduced by a reference word,
else the other side of the first reference arm). The sides it reads are those of the sentence's arm mentions
(``decision.decide``'s ``arms``), not the claim's slots. Per found finding (per EI train prompt with in-abstract
evidence and a sign label) whose direction came from a cue word (decision path ``...cues``, ``bench/direction_paths``),
the mention that set the side is put in one class against the claim's final slots:

* ``own``: the mention is in the slot of the side it was read as (intervention read ``I``, comparator ``C``);
* ``crossed``: it is in the other slot (the claim's arms were exchanged after the decision, or the sentence sides
  and the slots disagree);
* ``stray``: it is in neither slot (a mention the claim does not hold: a subgroup or population word tagged as an
  arm, another arm of a multi-arm sentence);
* ``none``: no arm mention set the side (read as the intervention's).

with ``subject`` / ``ref`` (the mention was the nearest subject, or the first reference arm) and the judgement:
direction right / wrong (findings: the scorer's direction field; EI: the prompt's label in the prompt's orientation).
``--examples`` (OPEN only) / ``--show`` (EI) print the sentences of the ``stray`` and ``crossed`` rows and of the
wrong directions.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import sys
from collections import Counter
from pathlib import Path

import direction_paths as dp  # bench/direction_paths.py
from judged import judged, require_pure_claims  # bench/judged.py
from sign_causes_ei import signed_prompts  # bench/sign_causes_ei.py

from claimex.assemble import claims as claims_pkg
from claimex.assemble.claims import direction as dirmod
from claimex.assemble.claims import polarity as polmod
from claimex.corpora.findings import load_gold, select_gold

#: (record id, sentence index, outcome ids) -> (entity id or None, side read, "subject" / "ref" / "none")
CHOSEN: dict[tuple, tuple] = {}
_CALL: dict[str, object] = {}


def install() -> None:
    dp._install()
    subject_side = polmod._subject_side

    def side_spy(text, arms, start, end):
        side = subject_side(text, arms, start, end)
        # which mention set it: replay the rule's choice (nearest subject, else the first reference)
        level = polmod._depth(text, start)
        pool = [s for s in arms if polmod._depth(text, s[0]) == level] or list(arms)
        subjects, refs, last = [], [], None
        for a, b, role in sorted(pool):
            ref = polmod._reference_before(text, a) or (last is not None and polmod._COORDINATED.match(text[last:a]))
            (refs if ref else subjects).append((a, b, role))
            last = b if ref else None
        if refs and subjects and {r for *_, r in subjects} == {r for *_, r in refs} == {"C"}:
            subjects = []
        if subjects:
            pick = min(subjects, key=lambda s: abs(s[0] - start) if s[0] >= end else abs(start - s[1]))
            _CALL["pick"] = (pick[0] + _CALL.get("shift", 0), pick[2], "subject")
        elif refs:
            _CALL["pick"] = (refs[0][0] + _CALL.get("shift", 0), refs[0][2], "ref")
        else:
            _CALL["pick"] = None
        return side

    require_pure_claims()  # the patches below reach only pure Python
    polmod._subject_side = side_spy
    focus_pair = dirmod.compared_after_both

    def focus_spy(text, spans, a, b):
        fa, fb = focus_pair(text, spans, a, b)
        _CALL["focus"] = fa
        return fa, fb

    dirmod.compared_after_both = focus_spy
    cue_direction = dirmod.cue_direction

    def cue_spy(text, spans, outcome_text="", others=()):
        # the first call reads the outcome's clause (offsets from its start), the second the whole sentence
        _CALL["shift"] = _CALL.get("focus", 0) if _CALL.get("calls", 0) == 0 else 0
        _CALL["calls"] = _CALL.get("calls", 0) + 1
        _CALL.pop("pick", None)
        out = cue_direction(text, spans, outcome_text, others)
        if out[0] in ("increase", "decrease"):
            _CALL["used"] = _CALL.get("pick")
        return out

    dirmod.cue_direction = cue_spy
    evidence = dirmod.comparison_evidence

    def evidence_spy(*a, **k):
        _CALL["calls"] = 0
        _CALL["focus"] = 0
        return evidence(*a, **k)

    dirmod.comparison_evidence = evidence_spy
    decide = claims_pkg.decide

    def decide_spy(model, view, ctype, arms, group, *a, **k):
        _CALL.pop("used", None)
        d = decide(model, view, ctype, arms, group, *a, **k)
        used = _CALL.get("used")
        key = (dp._RECORD[0], view.index, tuple(o.id for o in group.outcomes))
        if used is None:
            CHOSEN[key] = (None, None, "none")
        else:
            at, side, kind = used
            ent = next((x.entity for x in arms if x.side == side and x.start - view.start == at), None)
            CHOSEN[key] = (ent.id if ent is not None else None, side, kind)
        return d

    claims_pkg.decide = decide_spy


def classify(record_id: str, claim) -> str | None:
    """The class of the mention that set ``claim``'s cue side (module docstring); None when no cue decided."""
    if "cues" not in dp.path_of(record_id, claim):
        return None
    ent, side, kind = CHOSEN.get((record_id, claim.sentence, tuple(claim.outcome)), (None, None, "none"))
    if kind == "none" or ent is None:
        return "none"
    slot = "I" if ent in claim.intervention else "C" if ent in claim.comparator else None
    cls = "stray" if slot is None else "own" if slot == side else "crossed"
    return f"{cls} {kind} read-{side}"


def findings(args) -> None:
    if args.examples and not args.skip_ids:
        raise SystemExit("--examples only with --skip-ids (OPEN)")
    golds = select_gold(load_gold(None, errors=[]), "tune", args.ids, args.skip_ids)
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        for finding, j, claim in found:
            cls = classify(record.id, claim)
            if cls is None:
                continue
            arms = "arms-right" if j.fields.get("intervention") and j.fields.get("comparator") else "arms-other"
            state = "right" if j.fields.get("direction") else "wrong"
            counts[(cls, arms, state)] += 1
            counts[(cls.split()[0], "all", state)] += 1
            if args.examples and (state == "wrong" or not cls.startswith("own")):
                ent = CHOSEN[(record.id, claim.sentence, tuple(claim.outcome))][0]
                print(f"[{cls} | {arms} | {state}] {g.id} | gold {finding.intervention.text!r} vs "
                      f"{finding.comparator.text if finding.comparator else None!r} {finding.direction} | claim "
                      f"{[ents[i].text for i in claim.intervention]} vs {[ents[i].text for i in claim.comparator]} "
                      f"{claim.direction} | read of {ents[ent].text if ent in ents else None!r} | "
                      f"{' '.join(text[slice(*finding.sentence)].split())}")
    report(counts)


def evidence_inference(args) -> None:
    counts: Counter = Counter()
    for p, j, rec, claim in signed_prompts(args.records):
        cls = classify(rec.id, claim)
        if cls is None:
            continue
        state = "right" if j.predicted == p.label else "wrong"
        counts[(cls, j.orientation, state)] += 1
        counts[(cls.split()[0], "all", state)] += 1
        if args.show and (state == "wrong" or not cls.startswith("own")):
            ents = {e.id: e.text for e in rec.entities}
            ent = CHOSEN[(rec.id, claim.sentence, tuple(claim.outcome))][0]
            s = rec.sentences[claim.sentence]
            print(f"[{cls} | {j.orientation} | {state}] PMC{p.pmcid} | prompt {p.intervention[:60]!r} vs "
                  f"{p.comparator[:60]!r} {p.label} | claim {[ents.get(i) for i in claim.intervention]} vs "
                  f"{[ents.get(i) for i in claim.comparator]} {claim.direction} | read of {ents.get(ent)!r} | "
                  f"{' '.join(rec.text[s.start:s.end].split())}")
    report(counts)


def report(counts: Counter) -> None:
    for key in sorted({k[:2] for k in counts}):
        print(f"{counts[key + ('right',)]:5d} right / {counts[key + ('wrong',)]:4d} wrong  {' | '.join(key)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    ap.add_argument("--records", type=Path, help="EI train records (bench/comparator_counts.py --make)")
    ap.add_argument("--examples", action="store_true", help="OPEN only: print the stray / crossed findings")
    ap.add_argument("--show", action="store_true", help="EI only: print the stray / crossed prompts")
    args = ap.parse_args()
    install()
    if args.records:
        evidence_inference(args)
    else:
        findings(args)
    return None


if __name__ == "__main__":
    sys.exit(main())
