#!/usr/bin/env bash
# Instructions per abstract of single stages, counted alone: bench/count_stages.py --callgrind under callgrind
# with the instrumentation off except around one pass of each stage (after a warm-up pass of it), a baseline
# tree against this checkout, one process per tree (the two at once). Needs cc and valgrind/callgrind.h.
#   bench/ab_stage_callgrind.sh BASE [LIMIT] [STAGES]   (BASE as for bench/ab_speed.sh; LIMIT default 100;
#                                                        STAGES default: every stage of count_stages.py)
#   NEW=DIR ...     "this checkout" is an exported tree DIR (DIR/imp/claimex; for a PY outside this checkout)
#   SEQUENTIAL=1 ...  the two trees one after the other (a box shared with other jobs; session 25)
# Unlike bench/ab_stage_instructions.sh (two whole runs per stage and tree, their difference), one run per tree
# for all stages; the start-up is not counted, so a stage's figure does not carry the noise of the rest.
set -euo pipefail
BASE=$1; LIMIT=${2:-100}
STAGES=${3:-"decode outcome_lists measures record subtypes abbreviations sentences write read claims"}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
export OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 CLAIMEX_SHARED=${CLAIMEX_SHARED:-$(cd "$HERE/.." && pwd)/shared}
tmp=$(mktemp -d)
count() {  # tree -> callgrind dumps in $tmp/<tree>.*
  local pp=${NEW:+$NEW/imp}; [ "$1" = base ] && pp=$BASE/imp
  # shellcheck disable=SC2086
  PYTHONPATH=$pp valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$tmp/$1.%p" \
    "$PY" "$HERE/bench/count_stages.py" --callgrind --stage $STAGES --limit "$LIMIT" > "$tmp/$1.log" 2>&1
}
if [ -n "${SEQUENTIAL:-}" ]; then count base; count new; else count base & count new & wait; fi
PYTHONPATH="$HERE/bench" "$PY" - "$tmp" "$LIMIT" $STAGES <<'PY'
import sys
from pathlib import Path

from callgrind_totals import totals  # bench/callgrind_totals.py

tmp, limit, stages = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]

base, new = totals(tmp, "base"), totals(tmp, "new")
for s in stages:
    b, n = base.get(s), new.get(s)
    if b is None or n is None:
        print(f"{s}: no count (see {tmp})")
        continue
    print(f"{s}: instructions per abstract base {b / limit / 1e6:.2f} M, new {n / limit / 1e6:.2f} M "
          f"({100 * (n - b) / b:+.1f}%)  raw {b} {n}")
PY
rm -rf "$tmp"
