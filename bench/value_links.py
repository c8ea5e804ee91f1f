"""Value-to-arm linking in sentences that set two or more arms' values side by side (issue 10, session 22, section
36.1; counts only by default).

    IDS=models/claimex-confidence/calibration_ids.txt
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/value_links.py --skip-ids $IDS --examples   # OPEN (examples allowed)
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/value_links.py --ids $IDS                   # BLIND (counts only)
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/value_links.py --outside outside_input.jsonl --show
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/value_links.py --ei /tmp/ei_train.jsonl --show

``link.arm_values`` is wrapped (the pipeline unchanged) and every call kept: the sentence, its single arms and its arm
values (kinds :data:`link.ARM_VALUE_KINDS`, not a difference) and the (value, arm) pairs it returned. A sentence is
counted when it holds two or more arm values and names two or more distinct arms, or holds two or more arm values and
"respectively" (arms the tagger left untagged). Its linking class: every value linked, to two or more arms / some
values linked, to two or more arms / values linked to one arm only / no value linked / fewer than two arms named. Gold
mode (OPEN, BLIND): only the sentences of found gold comparisons, with each finding's judged intervention, comparator
and direction per class; ``--examples`` prints them (OPEN only). Outside and EI mode (``--ei RECORDS`` made by
``bench/comparator_counts.py --make``): every such sentence; ``--show`` prints them with the links (``--all``: the
fully linked ones too, so that two trees' outputs can be diffed). Counted in docs/claims-rounds.md section 36.1.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from judged import print_counts  # bench/judged.py

import claimex.assemble.claims as C
from claimex.assemble.claims import link as L
from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import judge
from claimex.extractor import Extractor
from claimex.review.records import iter_records

CALLS: dict[tuple[str, int], tuple] = {}
_CURRENT: list[str] = [""]
_orig = L.arm_values
_orig_call = C.ClaimAssembler.__call__


def _call(self, record):
    _CURRENT[0] = str(record.id)
    return _orig_call(self, record)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _wrapped(view, arms, measures):
    pairs = _orig(view, arms, measures)
    singles = [a for a in arms if not a.plural]
    values = [m for m in measures if m.kind in L.ARM_VALUE_KINDS and not L.is_difference(view, m)]
    CALLS.setdefault((_CURRENT[0], view.index), (view.text, view.start, singles, values, pairs))
    return pairs


def link_class(singles, values, pairs) -> str | None:
    """The linking class of one sentence (module docstring); None when it sets no two arms' values side by side."""
    keys = {a.key for a in singles}
    if len(values) < 2:
        return None
    if len(keys) < 2:
        return "fewer than two arms named"
    linked = {a.key for _m, a in pairs}
    if not pairs:
        return "no value linked"
    if len(linked) == 1:
        return "values linked to one arm only"
    return "every value linked, 2+ arms" if len(pairs) == len(values) else "some values linked, 2+ arms"


def shown(text, start, singles, values, pairs) -> str:
    arms = "; ".join(f"{a.text}[{a.side}]" for a in singles)
    links = {m.id: a.text for m, a in pairs}
    vals = ", ".join(f"{m.text}->{links.get(m.id, '-')}" for m in values)
    return f"arms: {arms} | values: {vals} | {' '.join(text.split())}"


def _sentence_rows(skip_few: bool = True):
    for (rid, _idx), (text, start, singles, values, pairs) in sorted(CALLS.items()):
        cls = link_class(singles, values, pairs)
        if cls is None or (skip_few and cls == "fewer than two arms named" and not _RESPECTIVELY.search(text)):
            continue
        yield rid, text, start, singles, values, pairs, cls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--skip-ids", type=Path)
    ap.add_argument("--examples", action="store_true", help="print the findings (OPEN only)")
    ap.add_argument("--outside", type=Path, help="jsonl of abstracts outside the gold (id, text)")
    ap.add_argument("--ei", type=Path, help="Evidence Inference train records (bench/comparator_counts.py --make)")
    ap.add_argument("--show", action="store_true", help="outside / EI mode: print the sentences")
    ap.add_argument("--all", action="store_true", help="with --show: print every class (to diff two trees' links)")
    args = ap.parse_args()
    if args.examples and not args.skip_ids:
        ap.error("--examples only with --skip-ids (OPEN)")
    C.arm_values = _wrapped
    C.ClaimAssembler.__call__ = _call
    table: Counter = Counter()
    if args.outside or args.ei:
        if args.outside:
            ex = Extractor.load(None)
            for line in args.outside.open():
                d = json.loads(line)
                ex(d["text"], id=d["id"])
        else:
            assembler = C.ClaimAssembler()
            for r in iter_records(args.ei):
                assembler(r)
        for rid, text, start, singles, values, pairs, cls in _sentence_rows():
            resp = "respectively" if _RESPECTIVELY.search(text) else "-"
            table[(cls, resp)] += 1
            if args.show and (args.all or cls != "every value linked, 2+ arms"):
                print(f"{rid} | {cls} | {shown(text, start, singles, values, pairs)}")
        print_counts(table, 5)
        return
    golds = select_gold(load_gold(None, errors=[]), "tune", ids=args.ids, skip_ids=args.skip_ids)
    for g, record, text in _predict(golds, None, None, []):
        for finding in g.findings:
            if finding.comparator is None:
                continue
            j = judge(finding, record, text)
            if not j.found:
                continue
            idx = next((i for i, s in enumerate(record.sentences)
                        if s.start < finding.sentence[1] and finding.sentence[0] < s.end), None)
            call = CALLS.get((str(record.id), idx))
            if call is None:
                continue
            cls = link_class(call[2], call[3], call[4])
            if cls is None or (cls == "fewer than two arms named" and not _RESPECTIVELY.search(call[0])):
                continue
            f = j.fields
            table[(cls, "all")] += 1
            for name in ("intervention", "comparator", "direction"):
                table[(cls, f"{name} right")] += bool(f.get(name))
            table[(cls, "fully right")] += j.fully_right
            if args.examples:
                ok = "".join(k[0].upper() if f.get(k) else k[0] for k in ("intervention", "comparator",
                                                                           "direction"))
                print(f"{g.key} {ok} gold {finding.intervention.text!r} vs "
                      f"{finding.comparator.text!r} {finding.direction} | {cls} | "
                      f"{shown(*call)}")
    print_counts(table, 5)


if __name__ == "__main__":
    main()
