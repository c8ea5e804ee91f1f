"""Why a found finding's arms are wrong when its own sentence names arms (issue 10, session 12; counts only by
default).

    OPENBLAS_NUM_THREADS=1 python bench/arm_classes.py --skip-ids models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 python bench/arm_classes.py --ids models/claimex-confidence/calibration_ids.txt   # BLIND

``--examples`` prints the sentence, the gold arms and the claim's arms of each counted finding: only on gold you may
read (OPEN), never on BLIND or the report half. Per found finding (``findings_match.judge``), the classes (a finding
may count in several):

* ``stray in-sentence arm``: the intervention slot holds an I/C entity of the sentence itself that names neither gold
  arm, while some I/C entity of the record names the gold intervention;
* ``control phrase to active arm``: a control phrase of the sentence ("the control group", "the placebo group",
  "controls") among its arm mentions, and the claim's comparator is missing or names no gold comparator;
* ``comparator in intervention slot``: an entity of the intervention slot names the gold comparator;
* ``bare or generic label kept``: the intervention slot holds a bare label or a generic one (intervention,
  treatment, therapy ... and at most one more content word), and a record entity names the gold intervention;
* ``gold arm in sentence unused``: an I/C entity of the sentence names the gold intervention (or comparator) and
  the claim's slot does not hold it (counted per slot).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from judged import judged  # bench/judged.py

from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings_match import _overlaps, arm_aliases, content_words, entity_names, is_bare

ARMS = ("INTERVENTION", "COMPARATOR")
GENERIC = re.compile(r"\b(intervention|treatment|therapy|programme|program|group|arm)s?\b", re.I)
CONTROL = re.compile(r"\b(control|placebo|sham|usual care|standard care)", re.I)


def _where(claim, own, arm, other, slot, other_slot) -> str:
    """Where the sentence's mention of the gold arm went (the other slot, the claim's set-aside mentions, nowhere)
    and what the slot holds instead (nothing, an inherited arm, a span of the sentence)."""
    hits = [e for e in own if entity_names(e, arm, other)]
    went = ("other slot" if any(e in other_slot for e in hits) else
            "mentions" if any(e.id in claim.arm_mentions for e in hits) else "nowhere")
    held = ("empty" if not slot else "inherited" if all(e.id in claim.inherited for e in slot) else "own span")
    return f" [went {went}; slot {held}]"


def classes(finding, j, record, text) -> list[str]:
    claim = next(c for c in record.claims if c.id == j.claim)
    ents = {e.id: e for e in record.entities}
    gs, ge = finding.sentence
    own = [e for e in record.entities if e.label in ARMS and _overlaps((e.start, e.end), (gs, ge))]
    arms = [e for e in record.entities if e.label in ARMS]
    i_arm = arm_aliases(finding.intervention, record)
    c_arm = arm_aliases(finding.comparator, record) if finding.comparator else []
    ci = [ents[i] for i in claim.intervention if i in ents]
    cc = [ents[i] for i in claim.comparator if i in ents]
    out = []
    named_i = any(entity_names(e, i_arm, c_arm) for e in arms)
    if not j.fields["intervention"]:
        if named_i and any(e in own and not entity_names(e, i_arm, c_arm)
                           and not (c_arm and entity_names(e, c_arm, i_arm)) for e in ci):
            out.append("stray in-sentence arm")
        if c_arm and any(entity_names(e, c_arm, i_arm) for e in ci):
            both = any(entity_names(e, i_arm, c_arm) for e in ci)
            comp = ("empty" if not cc else "gold intervention" if any(entity_names(e, i_arm, c_arm) for e in cc)
                    else "other")
            own_c = "own" if all(e in own for e in ci if entity_names(e, c_arm, i_arm)) else "inherited"
            out.append(f"comparator in intervention slot [{'beside gold intervention' if both else 'alone'}; "
                       f"{own_c}; comparator slot {comp}]")
        if named_i and any(is_bare(e) or (GENERIC.search(e.text) and len(content_words(e.text)) <= 1) for e in ci):
            out.append("bare or generic label kept")
        if any(entity_names(e, i_arm, c_arm) for e in own) and not any(entity_names(e, i_arm, c_arm) for e in ci):
            out.append("gold arm in sentence unused: intervention" + _where(claim, own, i_arm, c_arm, ci, cc))
    if not j.fields["comparator"] and c_arm:
        mentions = [ents[i] for i in claim.arm_mentions if i in ents]
        if any(CONTROL.search(e.text) and _overlaps((e.start, e.end), (gs, ge)) for e in mentions + own):
            if not any(entity_names(e, c_arm, i_arm) for e in cc):
                out.append("control phrase, comparator wrong")
        if any(entity_names(e, c_arm, i_arm) for e in own) and not any(entity_names(e, c_arm, i_arm) for e in cc):
            out.append("gold arm in sentence unused: comparator" + _where(claim, own, c_arm, i_arm, cc, ci))
    return out


def _names(ids: list[str], texts: dict[str, str]) -> list[str]:
    return [texts[i] for i in ids if i in texts]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    ap.add_argument("--examples", action="store_true", help="print each counted finding (OPEN gold only)")
    args = ap.parse_args()
    golds = select_gold(load_gold(args.gold, errors=[]), "tune", args.ids, args.skip_ids)
    counts: Counter = Counter()
    found = 0
    for g, record, text, judged_found in judged(golds):
        ents_of = {e.id: e.text for e in record.entities}
        for finding, j, claim in judged_found:
            found += 1
            for cls in classes(finding, j, record, text):
                counts[cls] += 1
                if args.examples:
                    sentence = " ".join(text[slice(*finding.sentence)].split())
                    comparator = finding.comparator.text if finding.comparator else None
                    print(f"[{cls}] {g.id} | gold {finding.intervention.text!r} vs {comparator!r} | claim "
                          f"{_names(claim.intervention, ents_of)} vs {_names(claim.comparator, ents_of)} (inh "
                          f"{_names(claim.inherited, ents_of)}, ment {_names(claim.arm_mentions, ents_of)})"
                          f" | {sentence}")
    print(f"found {found}")
    for cls, n in sorted(counts.items()):
        print(f"{n:4d}  {cls}")


if __name__ == "__main__":
    main()
