#!/usr/bin/env bash
# Instructions per abstract of single stages (bench/count_stages.py under cachegrind), a baseline tree against
# this checkout. Per tree: one run with --passes 0 and one with --passes 2 per stage; cost = (2 - 0) / 2.
#   bench/ab_stage_instructions.sh BASE [LIMIT] [STAGES]   (BASE as for bench/ab_speed.sh; LIMIT default 150;
#                                                           STAGES default "measures outcome_lists record")
#   STAGE_FLAGS=--fresh-caches bench/ab_stage_instructions.sh BASE 100 claims   (count_stages.py flags, both trees)
# Two runs at a time; about 3 min per run on a quiet core.
set -euo pipefail
BASE=$1; LIMIT=${2:-150}; STAGES=${3:-"measures outcome_lists record"}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
export OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 CLAIMEX_SHARED=${CLAIMEX_SHARED:-$(cd "$HERE/.." && pwd)/shared}
count() {  # tree stage passes -> instructions
  local pp=; [ "$1" = base ] && pp=$BASE/imp
  PYTHONPATH=$pp valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$PY" "$HERE/bench/count_stages.py" --stage "$2" --passes "$3" --limit "$LIMIT" ${STAGE_FLAGS:-} 2>&1 \
    | sed -n 's/.*I *refs: *//p' | tr -d ,
}
tmp=$(mktemp -d)
first=${STAGES%% *}
count base "$first" 0 > "$tmp/base-0" & count new "$first" 0 > "$tmp/new-0" & wait
for s in $STAGES; do
  count base "$s" 2 > "$tmp/base-$s" & count new "$s" 2 > "$tmp/new-$s" & wait
  b=$(( ($(cat "$tmp/base-$s") - $(cat "$tmp/base-0")) / 2 )); n=$(( ($(cat "$tmp/new-$s") - $(cat "$tmp/new-0")) / 2 ))
  "$PY" -c "import sys; b, n, k = map(int, sys.argv[1:]); print(f'$s: instructions per abstract base {b / k / 1e6:.2f} M, new {n / k / 1e6:.2f} M ({100 * (n - b) / b:+.1f}%)')" "$b" "$n" "$LIMIT"
done
rm -rf "$tmp"
