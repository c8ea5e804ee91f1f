#!/usr/bin/env bash
# Alternating A/B of bench/batch_cpu.py (CPU seconds per process of `claimex batch`, 1 and 2 workers):
# a baseline tree (BASE, exported as for bench/ab_speed.sh) against this checkout, N rounds, order swapped
# every round; every run's shard files are compared byte for byte with REF (a kept run, batch_cpu.py --keep).
#   bench/ab_batch_cpu.sh BASE 3 /tmp/claimex-bench/split3k /tmp/claimex-bench/ref
set -euo pipefail
BASE=$1; N=$2; INPUTS=$3; REF=$4; shift 4
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
export OPENBLAS_NUM_THREADS=1
cd "$HERE"
for r in $(seq 1 "$N"); do
  order="base new"; [ $(( r % 2 )) -eq 0 ] && order="new base"
  for which in $order; do
    if [ "$which" = base ]; then pp=$BASE/imp; else pp=; fi
    echo "== round $r $which $(date +%T) (load $(cut -d' ' -f1-3 /proc/loadavg))"
    PYTHONPATH=$pp "$PY" bench/batch_cpu.py "$INPUTS" --runs 1 --compare "$REF" "$@" | grep -E "^run|identical"
  done
done
