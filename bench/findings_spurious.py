"""Spurious finding/adverse_effect claims (issue 10: claims from sentences that report no result), counted by class.

    python bench/findings_spurious.py --split tune --ids models/claimex-confidence/calibration_ids.txt   # BLIND counts
    python bench/findings_spurious.py --split tune --skip-ids models/claimex-confidence/calibration_ids.txt --examples

A claim is spurious as ``claimex evaluate --task findings`` counts it
(:func:`claimex.evaluate.findings.spurious_claims`).
Per spurious claim the classes are: the abstract's gold form (plain / headed), the typing zone the sentence got
(its section or heading; for an unlabelled abstract ``plain:before`` = before any aim/methods/result sentence,
``plain:after``), where it lies against the gold result sentences (before the first, among them, after the last),
its measures (``test``: a p-value, CI or ratio; ``num``: other numbers; ``none``), the claim type, and the
nonresult cues it matches. ``--examples`` prints the sentences: use it only on gold you may read (OPEN), never on
BLIND or the report half.
"""

from __future__ import annotations

import argparse
from collections import Counter

import claimex.assemble.claims as claims_pkg
from claimex.assemble.claims import types as T
from claimex.assemble.claims.resultcues import TEST_KINDS
from claimex.assemble.claims.zones import section_zone
from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate import findings as F
from claimex.evaluate.findings_match import claim_span


def _zones(record) -> dict[int, tuple[str, object]]:
    """The typing zone of each sentence (by start offset), re-typing the final record, and its view."""
    state, out = T.TypingState(tagged=bool(record.entities)), {}
    for view in claims_pkg.sentence_views(record):
        zone, _ = section_zone(view.text, view.section, state.heading)
        if zone is None:
            zone = "plain:before" if not state.design_seen and not state.results_seen else "plain:after"
        out[view.start] = zone, view
        T.classify(view, state)
    return out


def _cues(text: str, view) -> list[str]:
    out = [name for name, cue in (("flow", T.FLOW), ("baseline", T.BASELINE), ("sample", T.SAMPLE),
                                  ("aim", T.AIM), ("background", T.BACKGROUND_CUE), ("admin", T.ADMIN))
           if cue.search(text)]
    if T.is_methods(text):
        out.append("methods")
    return out or ["-"]


def _next_to(gold, s: int, e: int) -> bool:
    """The claim's sentence touches a gold result sentence (within 3 characters on either side)."""
    return any(abs(rs - e) <= 3 or abs(s - re_) <= 3 for rs, re_ in gold.result_sentences)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="tune")
    ap.add_argument("--ids")
    ap.add_argument("--skip-ids")
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args()
    golds = select_gold(load_gold(None), args.split, args.ids, args.skip_ids)
    counts: dict[str, Counter] = {k: Counter() for k in ("form", "zone", "place", "measures", "type", "cues",
                                                         "form x zone", "nth in zone", "strength", "direction",
                                                         "arms named", "next to a result sentence")}
    total = 0
    for g, rec, text in F._predict(golds, None, None, []):
        spur = F.spurious_claims(g, rec)
        if not spur:
            continue
        first = min((s for s, _ in g.result_sentences), default=0)
        last = max((e for _, e in g.result_sentences), default=0)
        zones = _zones(rec)
        for c in spur:
            total += 1
            s, e = claim_span(c, rec)
            zone, view = zones[rec.sentences[c.sentence].start]
            nth = sum(1 for z, v in zones.values() if z == zone and v.index < view.index)
            place = "before" if e <= first else ("after" if s >= last else "among")
            kinds = {m.kind for m in view.measures}
            meas = "test" if kinds & TEST_KINDS else ("num" if kinds else "none")
            cues = _cues(text[s:e], view)
            for key, val in (("form", g.form), ("zone", zone), ("place", place), ("measures", meas),
                             ("type", c.type), ("form x zone", f"{g.form} {zone}"),
                             ("nth in zone", f"{zone} {min(nth, 3)}"), ("strength", T.result_strength(view)),
                             ("direction", c.direction), ("arms named", bool(view.label("INTERVENTION", "COMPARATOR"))),
                             ("next to a result sentence", _next_to(g, s, e))):
                counts[key][val] += 1
            for cue in cues:
                counts["cues"][cue] += 1
            if args.examples:
                print(f"--- {g.key} {g.form} zone={zone} place={place} meas={meas} type={c.type} cues={cues} "
                      f"dir={c.direction}\n    {' '.join(text[s:e].split())}")
    print(f"spurious claims: {total}")
    for key, cnt in counts.items():
        print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in cnt.most_common()))


if __name__ == "__main__":
    main()
