#!/usr/bin/env bash
# Alternating A/B of a bench script: a baseline tree (BASE) against this checkout, one process per run,
# N rounds (order swapped every round), the same bench script (this checkout's) for both.
#   bench/ab_speed.sh BASE N bench/speed.py --sections throughput --runs 1
#   bench/ab_speed.sh BASE N bench/pico_speed.py "$PWD/models/claimex-pico-sm"
# BASE is an exported tree importable as claimex through a symlink:
#   mkdir -p B && git archive <commit> | tar -x -C B && mkdir B/imp && ln -s "$PWD/B/pipeline" B/imp/claimex
# (PYTHONPATH=B/imp puts it ahead of this checkout's editable install; its models/ are the baseline's).
# Output: the lines of each run that carry figures (GREP, default: speed.py's run and stage lines and
# pico_speed.py's summary).
set -euo pipefail
BASE=$1; N=$2; SCRIPT=$3; shift 3
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
GREP=${GREP:-"run 1|stages|abstracts/s/core|cold start ratio"}
export OPENBLAS_NUM_THREADS=1 CLAIMEX_SHARED=${CLAIMEX_SHARED:-$(cd "$HERE/.." && pwd)/shared}
for r in $(seq 1 "$N"); do
  order="base new"; [ $(( r % 2 )) -eq 0 ] && order="new base"
  for which in $order; do
    if [ "$which" = base ]; then pp=$BASE/imp; else pp=; fi
    echo "== round $r $which (load $(cut -d' ' -f1 /proc/loadavg))"
    PYTHONPATH=$pp "$PY" "$HERE/$SCRIPT" "$@" | grep -E "$GREP" || true
  done
done
