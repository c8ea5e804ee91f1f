"""Fixed / broken gold findings per field between two trees (issue 10, session 18; counts only).

    # on the "before" tree: save each gold finding's judged fields (keys are hashes, no text)
    OPENBLAS_NUM_THREADS=1 python bench/field_moves.py --ids models/claimex-confidence/calibration_ids.txt \
        --save /tmp/me/blind_before.json
    # on the "after" tree: count the findings each field gained (fixed) and lost (broken)
    OPENBLAS_NUM_THREADS=1 python bench/field_moves.py --ids models/claimex-confidence/calibration_ids.txt \
        --against /tmp/me/blind_before.json

A finding that is not found counts as wrong in every field (``found`` is a field of its own); ``fully`` is every
field right. The saved file holds one hashed key per gold finding (abstract key and the finding's place in its
file) and its booleans: no sentence, arm or per-abstract output, so it may be made on BLIND (``--ids``).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from judged import judged, tune_options  # bench/judged.py

from claimex.evaluate.findings_match import FIELDS, judge

ROWS = ("found", *FIELDS, "fully")


def states(golds) -> dict[str, list[bool]]:
    out: dict[str, list[bool]] = {}
    for g, record, text, _found in judged(golds):
        for k, finding in enumerate(g.findings):
            j = judge(finding, record, text)
            row = [j.found] + [j.found and j.fields.get(f, False) for f in FIELDS] + [j.fully_right]
            out[hashlib.sha1(f"{g.key}#{k}".encode()).hexdigest()[:16]] = row
    return out


def main() -> None:
    def more(ap):
        ap.add_argument("--save", type=Path, help="write the judged fields of every gold finding here")
        ap.add_argument("--against", type=Path, help="count fixed / broken against a saved file")
    args, golds = tune_options(__doc__, "(not used: this script prints counts only)", more)
    now = states(golds)
    if args.save:
        args.save.write_text(json.dumps(now))
    if args.against:
        before = json.loads(args.against.read_text())
        fixed, broken = Counter(), Counter()
        for key, row in now.items():
            old = before.get(key)
            if old is None:
                continue
            for name, a, b in zip(ROWS, old, row):
                fixed[name] += (not a) and b
                broken[name] += a and not b
        changed = sum(1 for k, r in now.items() if before.get(k) not in (None, r))
        print(f"findings with any field changed: {changed}")
        for name in ROWS:
            print(f"{name:14s} fixed {fixed[name]:4d}  broken {broken[name]:4d}  net {fixed[name] - broken[name]:+d}")


if __name__ == "__main__":
    main()
