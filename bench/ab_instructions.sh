#!/usr/bin/env bash
# Instructions of one end-to-end pass (bench/count_pass.py under Valgrind's cachegrind), a baseline tree
# against this checkout; the tokenizer pass of this checkout for the ratio. Deterministic, so one run each.
#   bench/ab_instructions.sh BASE [LIMIT]        (BASE as for bench/ab_speed.sh; LIMIT abstracts, default 150)
#   FRESH=1 bench/ab_instructions.sh BASE [LIMIT]  also this checkout's pass with the tagger's embedding cache
#                                                  emptied after the warm-up (count_pass.py --fresh-caches: the
#                                                  cost in a fresh process), run beside the tokenizer pass
#   UNSEEN=1 bench/ab_instructions.sh BASE [LIMIT] every run warms up on other abstracts than it counts
#                                                  (count_pass.py --unseen: no per-text cache answers from the
#                                                  warm-up; the cost of abstracts the process has not seen)
# Each tree runs `--what none` and `--what e2e` (two at a time); pass = e2e - none. About 10 min on 2 cores.
set -euo pipefail
BASE=$1; LIMIT=${2:-150}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
export OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 CLAIMEX_SHARED=${CLAIMEX_SHARED:-$(cd "$HERE/.." && pwd)/shared}
count() {  # tree what [count_pass.py flags] -> instructions
  local pp=; [ "$1" = base ] && pp=$BASE/imp
  PYTHONPATH=$pp valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$PY" "$HERE/bench/count_pass.py" --what "$2" --limit "$LIMIT" ${UNSEEN:+--unseen} ${3:-} 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
}
declare -A ir
tmp=$(mktemp -d)
for what in none e2e; do
  count base $what > "$tmp/base-$what" & count new $what > "$tmp/new-$what" & wait
done
count new tok > "$tmp/new-tok" &
if [ -n "${FRESH:-}" ]; then count new e2e --fresh-caches > "$tmp/new-fresh"; fi
wait
for f in base-none base-e2e new-none new-e2e new-tok; do ir[$f]=$(cat "$tmp/$f"); echo "$f ${ir[$f]}"; done
"$PY" - "${ir[base-none]}" "${ir[base-e2e]}" "${ir[new-none]}" "${ir[new-e2e]}" "${ir[new-tok]}" "$LIMIT" <<'PY'
import sys
bn, be, nn, ne, nt, n = map(int, sys.argv[1:])
base, new, tok = be - bn, ne - nn, nt - nn
print(f"end-to-end pass, instructions per abstract: base {base / n / 1e6:.1f} M, new {new / n / 1e6:.1f} M "
      f"({100 * (new - base) / base:+.1f}%); tokenizer alone {tok / n / 1e6:.2f} M; "
      f"e2e / tokenizer in instructions: base {base / tok:.1f}x, new {new / tok:.1f}x")
PY
if [ -n "${FRESH:-}" ]; then
  nf=$(cat "$tmp/new-fresh"); echo "new-fresh $nf"
  "$PY" -c "import sys; bn, be, nn, nf, nt, n = map(int, sys.argv[1:]); base, new, tok = be - bn, nf - nn, nt - nn; print(f'fresh caches: new {new / n / 1e6:.1f} M per abstract ({100 * (new - base) / base:+.1f}% on base); e2e / tokenizer {new / tok:.1f}x')" \
    "${ir[base-none]}" "${ir[base-e2e]}" "${ir[new-none]}" "$nf" "${ir[new-tok]}" "$LIMIT"
fi
rm -rf "$tmp"
