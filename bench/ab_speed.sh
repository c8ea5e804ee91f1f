#!/usr/bin/env bash
# Alternating A/B of bench/speed.py throughput: a baseline tree (BASE, exported with `git archive` and
# importable as claimex through a symlink) against this checkout, one process per run, N rounds.
#   bench/ab_speed.sh /tmp/base-tree 3 [extra speed.py args]
# Make BASE:  mkdir -p B && git archive <commit> | tar -x -C B && mkdir B/imp && ln -s "$PWD/B/pipeline" B/imp/claimex
set -euo pipefail
BASE=$1; N=${2:-3}; shift 2 || true
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
export OPENBLAS_NUM_THREADS=1 CLAIMEX_SHARED=${CLAIMEX_SHARED:-$(cd "$HERE/.." && pwd)/shared}
for r in $(seq 1 "$N"); do
  for which in base new; do
    if [ $(( r % 2 )) -eq 0 ]; then which=$([ "$which" = base ] && echo new || echo base); fi
    if [ "$which" = base ]; then tree=$BASE; pp=$BASE/imp; else tree=$HERE; pp=; fi
    echo "== round $r $which (load $(cut -d' ' -f1 /proc/loadavg))"
    (cd "$tree" && PYTHONPATH=$pp "$PY" "$HERE/bench/speed.py" --sections throughput --runs 1 "$@" \
      | grep -E "run 1|stages")
  done
done
