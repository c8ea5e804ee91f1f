"""Carried arms that go wrong (issue 10, session 12): found findings whose claim carries an arm from another sentence
(an intervention / comparator entity outside the finding's sentence), or has none, and gets that field wrong, while an
I/C entity earlier in the abstract names the gold arm. Counts only by default.

    OPENBLAS_NUM_THREADS=1 python bench/carry_counts.py --skip-ids models/claimex-confidence/calibration_ids.txt  # OPEN
    OPENBLAS_NUM_THREADS=1 python bench/carry_counts.py --ids models/claimex-confidence/calibration_ids.txt  # BLIND
    ... --simulate              # also: what alternative carrying rules would make right / wrong (``sim`` rows)
    ... --skip-ids ... --examples CLASS   # OPEN only: print the findings of classes containing CLASS ("sim": rules)

Per role (intervention, comparator) the wrong carried or missing arms are cut by where the gold arm's earlier mentions
are (``title`` = sentence 0; ``design`` = a methods/aim-zoned sentence or one with allocation wording; ``result`` =
any other earlier sentence; finer in the ``earlier in`` rows: aim / methods / alloc / results / none = unheaded),
whether the previous sentence names it, what the claim carried instead (``other arm``: a mention of the gold's other
arm; ``bare``; ``other``), where that came from, whether it is a mention of the gold arm's cluster, and the source
corpus. ``--examples`` reads gold sentences: use it on OPEN (``--skip-ids``) only, never on BLIND or the report half.
Measured in docs/claims-rounds.md section 23 (main 6a3ddda, BLIND / OPEN: intervention carried wrong with the gold arm
earlier 111 / 42, comparator carried wrong 88 / 19, comparator missing 67 / 31).
"""

from __future__ import annotations

import re
from collections import Counter

from judged import judged, tune_options  # bench/judged.py

from claimex.assemble.claims.allocation import ALLOCATION
from claimex.assemble.claims.base import entity_words
from claimex.assemble.claims.control import control_worded
from claimex.assemble.claims.design import same_intervention
from claimex.assemble.claims.zones import zone_of
from claimex.evaluate.findings_match import arm_aliases, entity_names, is_bare

ARMS = ("INTERVENTION", "COMPARATOR")
_CONT = re.compile(r"^\W*(?:it|this|these|they|its|their|also|in\s+addition|moreover|furthermore|similarly|likewise|"
                   r"besides|additionally)\b|\b(?:also|respectively|further)\b", re.I)
_VS = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to)|comparison\s+(?:of|between)|comparing)\b", re.I)


def _sentence_of(record, ent) -> int | None:
    """The index of the sentence an entity starts in (None when it starts in none)."""
    return next((i for i, s in enumerate(record.sentences) if s.start <= ent.start < s.end), None)


def where(record, ent) -> str:
    """Where an entity lies: ``title`` / ``design`` / ``result``."""
    idx = _sentence_of(record, ent)
    if idx is None or idx == 0:
        return "?" if idx is None else "title"
    s = record.sentences[idx]
    text = record.text[s.start:s.end]
    if zone_of(s.section) in ("methods", "aim", "objective") or ALLOCATION.found(text):
        return "design"
    return "result"


def _own(claim, record, ents, role="intervention"):
    s = record.sentences[claim.sentence]
    return [ents[i] for i in getattr(claim, role) if i in ents and s.start <= ents[i].start < s.end]


_ALLOC_TO = re.compile(r"\b(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated)\s+(?:\w+\s+){0,2}?(?:in)?to\b",
                       re.I)


def alternatives(record, s) -> dict:
    """Other arms a sentence that names none could carry (for ``--simulate``)."""
    before = [e for e in record.entities if e.label in ARMS and e.end <= s.start]
    active = [e for e in before if not control_worded(e.expanded or e.text) and e.label == "INTERVENTION"]
    out = {}
    t = record.sentences[0]
    title = [e for e in active if t.start <= e.start < t.end]
    out["title-first"] = title[0] if title else None
    alloc = None
    for sent in record.sentences[1:]:
        if sent.start >= s.start:
            break
        m = _ALLOC_TO.search(record.text[sent.start:sent.end])
        if m:
            after = [e for e in active if sent.start + m.end() <= e.start < sent.end]
            if after:
                alloc = after[0]
                break
    out["alloc-first"] = alloc
    clusters: list[list] = []
    for e in active:
        k = entity_words(e)
        grp = next((c for c in clusters if same_intervention(k, entity_words(c[0]))), None)
        (grp.append(e) if grp is not None else clusters.append([e]))
    out["salient"] = max(clusters, key=len)[-1] if clusters else None
    return out


def simulate(counts, record, claim, f, i_arm, c_arm, j, ents, show, key, text) -> None:
    """Oracle-free counts of alternative carrying rules over claims whose intervention is wholly carried: the
    candidate each rule would carry, judged against the gold arm (before -> after: R right, W wrong)."""
    got = [ents[i] for i in claim.intervention if i in ents]
    s = record.sentences[claim.sentence]
    if not got or any(s.start <= e.start < s.end for e in got):
        return
    before = "R" if j.fields.get("intervention") else "W"
    prev = [c for c in record.claims if c.sentence == claim.sentence - 1 and c.type in ("finding", "adverse_effect")]
    own = [e for c in prev for e in _own(c, record, ents)]
    keys = {e.text.lower() for e in own}
    if own and len(keys) == 1:
        after = "R" if entity_names(own[0], i_arm, c_arm) else "W"
        counts[f"sim prev-own-single {before}->{after}"] += 1
        if show:
            print(f"SIM prev {before}->{after} {key} | gold {f.intervention.text!r} | got {[e.text for e in got]} -> "
                  f"{own[0].text!r} | {' '.join(text[s.start:s.end].split())[:200]}")
        known = [e for e in record.entities if e.label in ARMS and where(record, e) in ("title", "design")
                 and e.end <= s.start and same_intervention(entity_words(e), entity_words(own[0]))]
        if known:
            counts[f"sim prev-own-single-known {before}->{after}"] += 1
            if _CONT.search(record.text[s.start:s.end]):
                counts[f"sim prev-own-single-known-cont {before}->{after}"] += 1
            if show:
                print(f"SIMK prev {before}->{after} {key} | gold {f.intervention.text!r} | got {[e.text for e in got]} "
                      f"-> {own[0].text!r} | {' '.join(text[s.start:s.end].split())[:200]}")
    counts[f"sim carried {before}"] += 1
    alts = alternatives(record, s)
    before_arms = [e for e in record.entities if e.label in ARMS and e.end <= s.start]
    clus = [e for e in before_arms if any(same_intervention(entity_words(e), entity_words(g)) for g in got)]
    alts["cluster-longest"] = max(reversed(clus), key=lambda e: len(entity_words(e))) if clus else None
    alts["cluster-first"] = clus[0] if clus else None
    alts["cluster-shortest"] = min(reversed(clus), key=lambda e: len(entity_words(e))) if clus else None
    for name, cand in alts.items():
        if cand is None:
            continue
        after = "R" if entity_names(cand, i_arm, c_arm) else "W"
        counts[f"sim alt {name} {before}->{after}"] += 1
    counts[f"sim carried {before} {key.split(':')[0]}"] += 1
    t = record.sentences[0]
    if _VS.search(record.text[t.start:t.end]):
        tents = [e for e in record.entities if e.label in ARMS and t.start <= e.start < t.end]
        gi = any(entity_names(e, i_arm, c_arm) for e in tents)
        gc = bool(c_arm) and any(entity_names(e, c_arm, i_arm) for e in tents)
        cc = [ents[i] for i in claim.comparator if i in ents]
        cs = "R" if j.fields.get("comparator") else "W"
        cc_carried = int(bool(cc) and not any(s.start <= e.start < s.end for e in cc))
        counts[f"sim title-vs I{before} C{cs} gold-in-title I{int(gi)} C{int(gc)} comp-carried {cc_carried}"] += 1


def where2(record, ent) -> str:
    """Finer: ``title`` / ``background`` / ``aim`` / ``methods`` / ``alloc`` (allocation wording) / ``results`` /
    ``conclusion`` / ``none`` (no heading)."""
    idx = _sentence_of(record, ent)
    if idx is None or idx == 0:
        return "?" if idx is None else "title"
    s = record.sentences[idx]
    if ALLOCATION.found(record.text[s.start:s.end]):
        return "alloc"
    return zone_of(s.section) or "none"


def main() -> None:
    args, golds = tune_options(
        __doc__, "print the sentences of this class (OPEN only)",
        lambda ap: ap.add_argument("--simulate", action="store_true",
                                   help="also count what alternative carrying rules would do"))
    counts: Counter = Counter()
    for g, record, text, found in judged(golds):
        ents = {e.id: e for e in record.entities}
        arms = [e for e in record.entities if e.label in ARMS]
        for f, j, claim in found:
            gs, ge = f.sentence
            i_arm = arm_aliases(f.intervention, record)
            c_arm = arm_aliases(f.comparator, record) if f.comparator else []
            simulate(counts, record, claim, f, i_arm, c_arm, j, ents, args.examples == "sim", g.key, text)
            for role, arm, other, ids in (("intervention", i_arm, c_arm, claim.intervention),
                                          ("comparator", c_arm, i_arm, claim.comparator)):
                if not arm or j.fields.get(role, True):
                    continue
                got = [ents[i] for i in ids if i in ents]
                carried = [e for e in got if not (gs <= e.start < ge)]
                if got and not carried:
                    continue  # in-sentence arms: not this class
                counts[f"{role} wrong"] += 1
                state = "carried" if carried else "missing"
                earlier = [e for e in arms if e.end <= gs and entity_names(e, arm, other)]
                if not earlier:
                    counts[f"{role} {state}: gold arm not earlier"] += 1
                    continue
                places = sorted({where(record, e) for e in earlier})
                prev = [s for s in record.sentences if s.end <= gs]
                prev_names = bool(prev) and any(prev[-1].start <= e.start < prev[-1].end for e in earlier)
                what = ("bare" if any(is_bare(e) for e in carried) else
                        "other arm" if carried and other and all(entity_names(e, other, arm) for e in carried) else
                        "other") if carried else "none"
                cls = f"{role} {state}: earlier in {'+'.join(places)}; got {what}"
                counts[f"{role} {state}: gold arm earlier"] += 1
                counts[f"{role} {state}: gold arm earlier, {g.source}"] += 1
                if state == "missing":
                    kind = ("compared" if claim.direction in ("increase", "decrease", "no_difference") else
                            "single" if claim.direction in ("positive", "negative") else "none")
                    counts[f"{role} missing: gold arm earlier, claim direction {kind}"] += 1
                counts[cls] += 1
                if carried:
                    same = any(same_intervention(entity_words(c), entity_words(e)) for c in carried for e in earlier)
                    counts[f"{role} {state}: carried is a mention of the gold arm's cluster {int(same)}"] += 1
                    insent = any(gs <= e.start < ge and entity_names(e, arm, other) for e in arms)
                    ck = entity_words(carried[0])
                    nc = sum(1 for e in arms if e.end <= gs and same_intervention(entity_words(e), ck))
                    ng = len(earlier)
                    cmpn = "gold more" if ng > nc else "equal" if ng == nc else "carried more"
                    counts[f"{role} {state}: gold in own sentence {int(insent)}; mentions {cmpn}"] += 1
                    src = "+".join(sorted({where2(record, e) for e in carried}))
                    counts[f"{role} {state}: carried from {src}"] += 1
                    at = "+".join(sorted({where2(record, e) for e in earlier}))
                    counts[f"{role} {state}: gold arm earlier in {at}"] += 1
                if prev_names:
                    counts[f"{role} {state}: previous sentence names it"] += 1
                if args.examples and args.examples in cls:
                    print(f"{g.key} | {cls}{' (prev)' if prev_names else ''} | gold {f.intervention.text!r} vs "
                          f"{f.comparator.text if f.comparator else None!r} | got {[e.text for e in got]} | "
                          f"{' '.join(text[gs:ge].split())}")
    for cls, n in sorted(counts.items()):
        if cls.startswith("sim ") and not args.simulate:
            continue
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
