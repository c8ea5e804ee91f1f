"""Peak RSS of one batch worker on inputs of different sizes (it should not grow with the input).

Each input is run as one shard (``process_shard``: read, full pipeline, write) in a fresh child process,
as a pool worker would; the child reports its kernel-measured peak RSS (``ru_maxrss``), the RSS right
after loading the model, and an RSS curve sampled every ``--every`` citations.

    python bench/batch_data.py --citations 30000 --out /tmp/claimex-bench/pubmed-30k.xml.gz
    python bench/batch_data.py --citations 300000 --out /tmp/claimex-bench/pubmed-300k.xml.gz
    python bench/batch_memory.py /tmp/claimex-bench/pubmed-30k.xml.gz /tmp/claimex-bench/pubmed-300k.xml.gz \\
        --model rules --json /tmp/claimex-bench/memory.json

``--zone-size 0`` turns spaCy's memory zones off (to see what they save).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, os, resource, sys, tempfile, time
sys.path.insert(0, sys.argv[1])
import psutil
from claimex.batch.shards import Settings, ShardSpec
from claimex.batch.worker import get_extractor, limit_threads, process_shard

path, model, zone, every = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
proc = psutil.Process()
limit_threads()  # as a pool worker: one thread
get_extractor(model)
limit_threads()
after_load = proc.memory_info().rss
curve, done = [], [0]
def report(name, n):
    done[0] += n
    if not curve or done[0] - curve[-1][0] >= every:
        curve.append((done[0], round(proc.memory_info().rss / 2**20, 1)))
        print(f"rss {curve[-1][0]} {curve[-1][1]}", file=sys.stderr, flush=True)  # partial results
settings = Settings(model=model, zone_size=zone)  # 0: no memory zones
with tempfile.TemporaryDirectory(prefix="claimex-mem-") as tmp:
    t, c = time.time(), time.process_time()
    res = process_shard(ShardSpec(input=path, name="mem", out_dir=tmp, size=os.path.getsize(path)), settings, report)
    secs, cpu = time.time() - t, time.process_time() - c
print(json.dumps({"input": path, "status": res["status"], "documents": res["documents"], "seconds": round(secs, 1),
                  "cpu_s": round(cpu, 1), "per_core_per_s": round(res["documents"] / cpu, 1),
                  "rss_after_load_mb": round(after_load / 2**20, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "final_rss_mb": round(proc.memory_info().rss / 2**20, 1), "curve": curve}))
"""


def measure(path: Path, model: str, zone: int, every: int) -> dict:
    out = subprocess.run([sys.executable, "-W", "ignore", "-c", CHILD, str(REPO), str(path.resolve()), model,
                          str(zone), str(every)], stdout=subprocess.PIPE, stderr=None, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"{path}: child failed (exit {out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", type=Path, nargs="+")
    ap.add_argument("--model", "-m", default="rules")
    ap.add_argument("--zone-size", type=int, default=1000)
    ap.add_argument("--every", type=int, default=2000, help="sample the RSS every N citations")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    runs = []
    for path in args.inputs:
        t = time.time()
        res = measure(path, args.model, args.zone_size, args.every)
        runs.append(res)
        print(f"{path.name}: {res['documents']} citations in {time.time() - t:.0f} s; peak RSS {res['peak_rss_mb']} MB "
              f"(after model load {res['rss_after_load_mb']} MB, final {res['final_rss_mb']} MB)", flush=True)
    summary = {"model": args.model, "zone_size": args.zone_size, "runs": runs}
    if len(runs) >= 2:
        lo, hi = runs[0]["peak_rss_mb"], runs[-1]["peak_rss_mb"]
        summary["peak_growth_pct"] = round(100 * (hi - lo) / lo, 1)
        print(f"peak RSS {runs[-1]['documents']:,} vs {runs[0]['documents']:,} citations: "
              f"{summary['peak_growth_pct']:+.1f}%")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return summary


if __name__ == "__main__":
    main()
