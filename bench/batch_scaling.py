"""Scaling of ``claimex batch``: 1 worker vs N worker processes vs a Dask LocalCluster of N workers.

Each configuration is the real command (``python -m claimex batch DIR --out TMP ...``) in a fresh process
into a fresh output directory, timed end to end (interpreter start and model loads included), plus the
pure shard time from the manifest.

    python bench/batch_data.py --citations 8000 --files 4 --out /tmp/claimex-bench/split8k/
    python bench/batch_scaling.py /tmp/claimex-bench/split8k --model rules --workers 2 \\
        --json /tmp/claimex-bench/scaling.json

Note the machine: on a 2-core machine shared with other jobs, 2 workers cannot reach 2x; the script
prints the load average before and after each configuration so the figures can be read honestly.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_config(name: str, inputs: Path, model: str, extra: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="claimex-scale-") as tmp:
        out = Path(tmp) / "out"
        load_before = os.getloadavg()[0]
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-W", "ignore", "-m", "claimex", "batch", str(inputs), "--out",
                               str(out), "--model", model, "--quiet", *extra], cwd=REPO, capture_output=True,
                              text=True, check=False)
        wall = time.perf_counter() - t
        if proc.returncode:
            raise SystemExit(f"{name}: exit {proc.returncode}\n{proc.stderr[-3000:]}")
        manifest = json.loads((out / "manifest.json").read_text())
    shards = manifest["shards"]
    docs = sum(s["documents"] for s in shards)
    return {"config": name, "args": extra, "citations": docs, "wall_s": round(wall, 1),
            "citations_per_s": round(docs / wall, 1),
            "shard_seconds_sum": round(sum(s["timings"]["seconds"] for s in shards), 1),
            "workers_seen": len({s["worker"] for s in shards}),
            "loadavg_before": round(load_before, 2), "loadavg_after": round(os.getloadavg()[0], 2)}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", type=Path, help="a directory of input files (at least as many as workers)")
    ap.add_argument("--model", "-m", default="rules")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--configs", default="1,pool,dask", help="comma list of: 1, pool, dask")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    n = args.workers
    configs = {"1": ("1 worker", ["--workers", "1"]), "pool": (f"{n} workers (process pool)", ["--workers", str(n)]),
               "dask": (f"Dask LocalCluster, {n} workers", ["--dask-local", str(n)])}
    results = []
    for key in args.configs.split(","):
        name, extra = configs[key]
        res = run_config(name, args.inputs, args.model, extra)
        results.append(res)
        print(json.dumps(res), flush=True)
    base = results[0]["wall_s"]
    for r in results:
        r["speedup_vs_first"] = round(base / r["wall_s"], 2)
    summary = {"model": args.model, "cpus": os.cpu_count(), "results": results}
    print("\n| configuration | citations | wall s | citations/s | speed-up |\n|---|---|---|---|---|")
    for r in results:
        print(f"| {r['config']} | {r['citations']:,} | {r['wall_s']} | {r['citations_per_s']} | "
              f"{r['speedup_vs_first']}x |")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return summary


if __name__ == "__main__":
    main()
