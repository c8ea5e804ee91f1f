#!/usr/bin/env bash
# Instructions of one end-to-end pass and of the tokenizer pass over the same abstracts, each counted alone
# (bench/count_pass.py --callgrind under callgrind, instrumentation off except around the two passes), a baseline
# tree against this checkout, one process per tree, one after the other. Deterministic (PYTHONHASHSEED=0).
#   bench/ab_pass_callgrind.sh BASE [LIMIT]           (BASE as for bench/ab_speed.sh; LIMIT default 100)
#   UNSEEN=1 bench/ab_pass_callgrind.sh BASE [LIMIT]  warm up on other abstracts than the counted ones
#   NEW=DIR bench/ab_pass_callgrind.sh BASE           "this checkout" is an exported tree DIR (DIR/imp/claimex)
# Unlike bench/ab_instructions.sh (two whole runs per tree, their difference), the start-up is not counted, so
# one run per tree; needs cc and valgrind/callgrind.h.
set -euo pipefail
BASE=$1; LIMIT=${2:-100}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
export OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 CLAIMEX_SHARED=${CLAIMEX_SHARED:-$(cd "$HERE/.." && pwd)/shared}
tmp=$(mktemp -d)
count() {  # tree imp-dir -> callgrind dumps in $tmp/<tree>.*
  # shellcheck disable=SC2086
  PYTHONPATH=$2 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$tmp/$1.%p" \
    "$PY" "$HERE/bench/count_pass.py" --callgrind --limit "$LIMIT" ${UNSEEN:+--unseen} > "$tmp/$1.log" 2>&1
}
count base "$BASE/imp"
count new "${NEW:+$NEW/imp}"
PYTHONPATH="$HERE/bench" "$PY" - "$tmp" "$LIMIT" <<'PY'
import sys
from pathlib import Path

from callgrind_totals import totals  # bench/callgrind_totals.py

tmp, limit = Path(sys.argv[1]), int(sys.argv[2])

base, new = totals(tmp, "base"), totals(tmp, "new")
for tree, got in (("base", base), ("new", new)):
    print(f"{tree}: e2e {got.get('e2e')} tok {got.get('tok')}  (per abstract: e2e {got['e2e'] / limit / 1e6:.2f} M, "
          f"tok {got['tok'] / limit / 1e6:.2f} M, e2e / tok {got['e2e'] / got['tok']:.2f}x)")
print(f"end-to-end pass: {100 * (new['e2e'] - base['e2e']) / base['e2e']:+.2f}% "
      f"({(new['e2e'] - base['e2e']) / limit / 1e6:+.3f} M per abstract)")
PY
rm -rf "$tmp"
