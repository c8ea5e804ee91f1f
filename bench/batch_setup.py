"""The serial set-up of ``claimex batch --workers N``: the driver's CPU from its start to its first fork, by stage.

Method: the real command (``claimex batch ... --workers 2``) runs in a child process with ``process_time``
marks around its stages (imports of the CLI; of the measure parser's modules, imported first here so that
``compile_all`` can be timed; ``get_extractor``: importing the rest of the pipeline (spaCy comes in with
``claimex.annotate``), ``spacy.load`` and ``Extractor.freeze``; ``compile_all``: the measure patterns; every
``re`` compile wherever it happens, counted apart as ``re (all)``), and stops at the first fork
(``os.register_at_fork``): what it printed then is what the workers wait for. No profiler (cProfile triples the
pure-Python parts such as ``re``'s parser); CPU seconds and counts, which other jobs on a shared machine move
least (wall clock and the load average are printed too).

    python bench/batch_data.py --citations 3000 --files 3 --out /tmp/claimex-bench/split3x1000/
    python bench/batch_setup.py /tmp/claimex-bench/split3x1000 --runs 3
    PYTHONPATH=BASE/imp python bench/batch_setup.py ...   # a baseline tree (bench/ab_speed.sh)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
from re import _compiler
marks = {"re (all)": 0.0}
compile_re = _compiler.compile
def timed_re(p, flags=0):
    c = time.process_time()
    try:
        return compile_re(p, flags)
    finally:
        marks["re (all)"] += time.process_time() - c
_compiler.compile = timed_re
t0, c0 = time.perf_counter(), time.process_time()
from claimex.cli import main
marks["import claimex.cli"] = time.process_time() - c0
c1 = time.process_time()
from claimex.annotate.measures import lazy
marks["import claimex.annotate.measures"] = time.process_time() - c1
c1 = time.process_time()
from claimex.batch import pool, worker
marks["import claimex.batch"] = time.process_time() - c1
def timed(mod, name, key):
    f = getattr(mod, name)
    def g(*a, **k):
        c = time.process_time()
        try:
            return f(*a, **k)
        finally:
            marks[key] = marks.get(key, 0.0) + time.process_time() - c
    setattr(mod, name, g)
    return g
pool.get_extractor = timed(worker, "get_extractor", "get_extractor (import, spacy.load, freeze)")
timed(lazy, "compile_all", "compile_all (measure patterns)")
def at_fork():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    marks.update({"to the fork, CPU s": ru.ru_utime + ru.ru_stime, "to the fork, wall s": time.perf_counter() - t0,
                  "maxrss MB": ru.ru_maxrss / 1024, "minor faults": ru.ru_minflt, "load": os.getloadavg()[0]})
    print("SETUP " + json.dumps({k: round(v, 3) for k, v in marks.items()}), flush=True)
    os._exit(0)
os.register_at_fork(before=at_fork)
sys.argv = ["claimex", "batch", *sys.argv[1:]]
main()
"""


def run_once(inputs: Path, model: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="claimex-setup-") as tmp:
        cmd = [sys.executable, "-W", "ignore", "-c", CHILD, str(inputs), "--out", str(Path(tmp) / "out"),
               "--workers", "2", "--quiet"] + (["--model", model] if model else [])
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
    line = next((x for x in out.splitlines() if x.startswith("SETUP ")), None)
    if line is None:
        raise SystemExit(f"the driver did not fork (one input file and --part-size 0?): {out[-500:]}")
    return json.loads(line[6:])


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", type=Path)
    ap.add_argument("--model", "-m", default=None)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    runs = []
    for _ in range(args.runs):
        runs.append(run_once(args.inputs, args.model))
        print(runs[-1], flush=True)
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2) + "\n")
    return runs


if __name__ == "__main__":
    main()
