"""Claim assembly alone, timed on saved records: the A/B bench for claim-assembly speed work.

    python bench/identity.py --out /tmp/ref.jsonl                      # records to assemble (once)
    python bench/claims_passes.py /tmp/ref.jsonl --runs 5              # ms per record, min and median
    bench/ab_speed.sh BASE 4 bench/claims_passes.py /tmp/ref.jsonl --runs 5   # interleaved A/B
    python bench/claims_passes.py /tmp/ref.jsonl --check               # claims identical to the file's?

Reads claimex record JSONL (``Record.from_json``), makes one ``ClaimAssembler`` (the shipped direction model
and arm ranker) and assembles the claims of every record once untimed (warm-up: caches, lazy loads), then
``--runs`` timed passes (CPU time of this process, ``time.process_time``). Without the spaCy pipeline in
the loop, a change to claim assembly shows with far less noise than in ``bench/speed.py --sections stages``
(where the other stages' run-to-run spread is larger than the change). ``--check``: the assembled claims
must equal the claims stored in the file, record by record (the file made by the tree before the change:
a quick identity test of claim assembly; ``bench/identity.py`` stays the full one).

On this shared 2-core box CPU times move by +-5-10 % with the other jobs, more than a 2-3 % change. Instruction
counts do not: under valgrind (``PYTHONHASHSEED=0``, a tree importable as claimex first on ``PYTHONPATH``)

    head -200 /tmp/ref.jsonl > /tmp/ref200.jsonl
    PYTHONHASHSEED=0 PYTHONPATH=TREE/imp valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python bench/claims_passes.py /tmp/ref200.jsonl --runs 1     # "I refs": load + warm-up + 1 pass

about 3-5 minutes a run; ``--runs 2`` minus ``--runs 1`` is one pass (5.43 G instructions on main f11aa77). On the
first 200 records of main 100cd63's ``bench/identity.py`` output, one pass: f11aa77 5.41 G, 100cd63 5.37 G, branch
speed7b 4.90 G (87d0d47; round 7). Round 8, on the first 200 records of main 0779331's output: main 4.93 G,
branch speed8 3.76 G (e5332bd). Round 9, first 200 records of main 695ad2e's output: main 4.18 G, branch speed9
3.94 G (cabd987). Round 11,
first 200 records of main f50f6e9's output: main 3.944 G, branch speed11 3.865 G (a79c891; the pycache-less
base tree pays compilation in both runs, so only the difference compares).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import statistics
import sys
import time
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", type=Path, help="claimex record JSONL (e.g. bench/identity.py --out)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--check", action="store_true", help="compare the claims with the file's, no timing")
    args = ap.parse_args(argv)
    from claimex.assemble.claims import ClaimAssembler
    from claimex.schema import Record

    with open(args.records, encoding="utf-8") as fh:
        records = [Record.from_json(line) for line in fh if line.strip()]
    stored = [[c.model_dump_json() for c in r.claims] for r in records]
    assembler = ClaimAssembler()
    got = [[c.model_dump_json() for c in assembler(r)] for r in records]  # warm-up pass
    if args.check:
        bad = [r.id for r, a, b in zip(records, stored, got) if a != b]
        print(f"claims of {len(records)} records: {len(bad)} differ {bad[:5]}")
        return 1 if bad else 0
    per = []
    for k in range(args.runs):
        t = time.process_time()
        for r in records:
            assembler(r)
        per.append((time.process_time() - t) / len(records) * 1000)
        print(f"  pass {k + 1}: {per[-1]:.3f} ms per record (load {os.getloadavg()[0]:.2f})", flush=True)
    where = Path(sys.modules["claimex"].__file__).parent
    print(f"claims ms per record: min {min(per):.3f} median {statistics.median(per):.3f} "
          f"({len(records)} records, {args.runs} passes, claimex at {where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
