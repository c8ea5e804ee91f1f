"""Per-finding judgements of two runs, compared field by field: fixed / broken counts (issue 10).

``dump``: runs the pipeline over the tune gold selected by ``--ids`` / ``--skip-ids`` FILE (as ``claimex evaluate
--task findings``) and writes, per gold finding (key: abstract key and finding index), found, each field of
:data:`claimex.evaluate.findings_match.FIELDS` and fully right, to ``--out`` (JSON). Run it under two trees
(``PYTHONPATH=B/imp`` for an export of main) to compare scorers or claims.

``ceiling DUMP``: where the errors sit, read as a ceiling: fully right (share of all gold findings) if the fields of
each set of one, two or three fields were right wherever they are wrong (everything else as judged), and the commonest
sets of wrong fields among found findings. Counts only; it reads any dump (``--split report`` is the lead's).

``diff A B``: per field, the count right in A and in B, and how many findings B fixed (wrong in A, right in B) and
broke (right in A, wrong in B), and how many of those changed findings are dose-arm findings
(:func:`dose_arms.dose_finding`). Counts only: on BLIND (``--ids``) read nothing but these counts; ``--examples``
(OPEN dumps only, made with ``--skip-ids``) lists the changed findings' keys and arms.

    OPENBLAS_NUM_THREADS=1 python bench/judge_diff.py dump --ids models/claimex-confidence/calibration_ids.txt \
        --out /tmp/me/blind_after.json
    python bench/judge_diff.py diff /tmp/me/blind_before.json /tmp/me/blind_after.json
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from pathlib import Path

from dose_arms import dose_finding  # bench/dose_arms.py

from claimex.corpora.findings import load_gold, select_gold
from claimex.evaluate.findings import _predict
from claimex.evaluate.findings_match import FIELDS, judge

COUNTED = ("found",) + FIELDS + ("fully",)


def dump(ids: Path | None, skip_ids: Path | None, out: Path, model: str | None = None, split: str = "tune") -> None:
    golds = select_gold(load_gold(None, errors=[]), split, ids, skip_ids)
    rows = {}
    for g, record, text in _predict(golds, None, model, []):
        for k, finding in enumerate(g.findings):
            j = judge(finding, record, text)
            row = {"found": j.found, "fully": j.fully_right,
                   "split": split if split != "tune" else "open" if skip_ids else "blind",
                   "dose": dose_finding(finding),
                   "arms": [finding.intervention.text, finding.comparator.text if finding.comparator else None]}
            row.update({f: j.found and j.fields.get(f, False) for f in FIELDS})
            rows[f"{g.key}#{k}"] = row
    out.write_text(json.dumps(rows))


def diff(a_path: Path, b_path: Path, examples: bool) -> None:
    a, b = json.loads(a_path.read_text()), json.loads(b_path.read_text())
    keys = sorted(set(a) & set(b))
    if examples and any(a[k]["split"] != "open" for k in keys):
        raise SystemExit("--examples only on OPEN dumps (made with --skip-ids)")
    print(f"findings {len(keys)} (only in A {len(set(a) - set(b))}, only in B {len(set(b) - set(a))})")
    print(f"{'field':<14}{'A':>6}{'B':>6}{'fixed':>7}{'broken':>8}")
    for f in COUNTED:
        fixed = [k for k in keys if not a[k][f] and b[k][f]]
        broken = [k for k in keys if a[k][f] and not b[k][f]]
        dose = [sum(1 for k in ks if a[k].get("dose")) for ks in (fixed, broken)]
        print(f"{f:<14}{sum(a[k][f] for k in keys):>6}{sum(b[k][f] for k in keys):>6}{len(fixed):>7}{len(broken):>8}"
              f"   (dose-arm findings: fixed {dose[0]}, broken {dose[1]})")
        if examples:
            for tag, ks in (("fixed", fixed), ("broken", broken)):
                for k in ks:
                    print(f"    {tag} {k} {a[k]['arms']}")


def ceiling(path: Path) -> None:
    rows = list(json.loads(path.read_text()).values())
    found = [r for r in rows if r["found"]]
    n = len(rows)
    fully = sum(r["fully"] for r in rows)
    print(f"gold findings {n}, found {len(found)}, fully right {fully} ({fully / n:.3f})")
    print("fully right if these fields were always right:")
    for size in (1, 2, 3):
        sets = [(sum(all(r[f] or f in s for f in FIELDS) for r in found), s)
                for s in itertools.combinations(FIELDS, size)]
        for count, s in sorted(sets, reverse=True)[: 6 if size > 1 else len(sets)]:
            print(f"  {' + '.join(s):<44}{count:>6} ({count / n:.3f})")
    wrong = Counter(tuple(f for f in FIELDS if not r[f]) for r in found)
    print("found findings by the set of fields wrong:")
    for fields, count in wrong.most_common(12):
        print(f"  {' + '.join(fields) or '(none: fully right)':<44}{count:>6}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--ids", type=Path)
    d.add_argument("--skip-ids", type=Path)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--model", help="a PICO model path (as claimex evaluate --model; default: the shipped default)")
    d.add_argument("--split", choices=("tune", "report"), default="tune",
                   help="the gold half (report: the lead's, after the helpers stop; see the protocol in docs/)")
    e = sub.add_parser("ceiling")
    e.add_argument("dump", type=Path)
    c = sub.add_parser("diff")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--examples", action="store_true")
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.ids, args.skip_ids, args.out, args.model, args.split)
    elif args.cmd == "ceiling":
        ceiling(args.dump)
    else:
        diff(args.a, args.b, args.examples)


if __name__ == "__main__":
    main()
