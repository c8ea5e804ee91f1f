"""Where the CPU of ``claimex batch`` goes: CPU seconds per process (the driver, each pool worker, the helpers
multiprocessing starts), for ``--workers 1`` and ``--workers 2`` on the same input, interleaved.

CPU seconds are what other jobs on a shared machine move least (wall clock is printed too, with the load
average). Each run is the real command in a fresh process into a fresh output directory; the process tree is
sampled every ``--interval`` seconds (psutil), so a process's last few milliseconds can be missed: the
``unaccounted`` column is the exact total (``RUSAGE_CHILDREN`` of this script) minus the sum of the samples.

    python bench/batch_data.py --citations 3000 --files 4 --out /tmp/claimex-bench/split3k/
    python bench/batch_cpu.py /tmp/claimex-bench/split3k --runs 3 --json /tmp/claimex-bench/cpu.json

``--compare OUT_DIR``: also check that every run's shard files (records, ids, errors, deletions) are
byte-identical to those in ``OUT_DIR`` (an earlier run of either version, kept with ``--keep``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]


def role(proc: psutil.Process, root: int) -> str:
    if proc.pid == root:
        return "driver"
    try:
        cmd = " ".join(proc.cmdline())
    except psutil.Error:
        return "?"
    if "resource_tracker" in cmd:
        return "resource_tracker"
    if "forkserver" in cmd:
        return "forkserver"
    return "worker"


def page_faults(pid: int) -> tuple[int, int] | None:
    """(minor, major) page faults of process ``pid`` so far (``/proc/PID/stat`` fields 10 and 12; Linux only).
    Minor faults after a fork count the pages a worker copies from the driver (copy-on-write) as well as the
    memory it maps itself."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[7]), int(fields[9])


def run_once(inputs: Path, out: Path, workers: int, model: str | None, interval: float, extra: list[str]) -> dict:
    cmd = [sys.executable, "-W", "ignore", "-m", "claimex", "batch", str(inputs), "--out", str(out),
           "--workers", str(workers), "--quiet", *extra] + (["--model", model] if model else [])
    seen: dict[int, dict] = {}
    driver_marks: dict[str, float] = {}  # the driver's CPU when a worker is first / last seen alive
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while True:
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                procs = []
            for p in procs:
                try:
                    with p.oneshot():
                        c = p.cpu_times()
                        rss = p.memory_info().rss
                    faults = page_faults(p.pid)
                    entry = seen.setdefault(p.pid, {"role": role(p, proc.pid), "cpu_s": 0.0, "peak_rss_mb": 0.0,
                                                    "minflt": 0, "majflt": 0})
                    entry["cpu_s"] = c.user + c.system
                    if faults is not None:
                        entry["minflt"], entry["majflt"] = faults
                    entry["peak_rss_mb"] = max(entry["peak_rss_mb"], rss / 2**20)
                except psutil.Error:
                    pass
            if proc.pid in seen and any(seen[p.pid]["role"] == "worker" for p in procs[1:] if p.pid in seen):
                driver_marks.setdefault("first", seen[proc.pid]["cpu_s"])
                driver_marks["last"] = seen[proc.pid]["cpu_s"]
            if done.wait(interval):
                return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"--workers {workers}: exit {proc.returncode}\n{err[-2000:]}")
    total = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    by_role: dict[str, list[float]] = {}
    faults: dict[str, list[int]] = {}
    for e in seen.values():
        by_role.setdefault(e["role"], []).append(round(e["cpu_s"], 2))
        faults.setdefault(e["role"], []).append(e["minflt"])
    sampled = sum(e["cpu_s"] for e in seen.values())
    rss = sorted(round(e["peak_rss_mb"]) for e in seen.values() if e["role"] in ("worker", "driver"))
    ran_shards = "driver" if workers == 1 else "worker"
    worker_rss = sorted(round(e["peak_rss_mb"]) for e in seen.values() if e["role"] == ran_shards)
    driver = sum(by_role.get("driver", [0.0]))
    pre = driver_marks.get("first", driver)  # before the first worker: serial
    post = driver - driver_marks.get("last", driver)  # after the last worker: serial
    split = {"pre_s": round(pre, 2), "during_s": round(driver - pre - post, 2), "post_s": round(post, 2)}
    return {"workers": workers, "wall_s": round(wall, 2), "cpu_s": round(total, 2), "by_role": by_role,
            "minor_faults": faults, "driver_split": split,
            "unaccounted_s": round(total - sampled, 2), "peak_rss_mb": rss, "worker_rss_mb": worker_rss,
            "load": round(load, 2),
            "load_after": round(os.getloadavg()[0], 2)}


def estimate(one: dict | None, two: dict) -> dict:
    """The wall ratio of 2 workers vs 1 on 2 free cores, estimated from CPU seconds (wall clock on a shared box
    says nothing). The 2-worker wall is estimated as the driver's CPU before the first and after the last worker
    (serial) + max(the busiest worker, (the workers + the driver in between) / 2) (the driver's reading and
    assembling share the 2 cores with the workers). ``brief``: (serial + worker CPU) / (serial + the busiest
    worker's CPU), *every* CPU second of the driver counted as serial; ``single``: the 2-worker run's own CPU /
    the estimated wall (no second run's noise; credits the 2-worker run's own overhead as if 1 worker paid it
    too); ``paired``: the 1-worker run's CPU / the estimated wall (CPU seconds of two runs on a busy box differ
    by up to 10%, so this one is noisy)."""
    workers = two["by_role"].get("worker", [])
    serial = sum(two["by_role"].get("driver", [0.0]))
    brief = (serial + sum(workers)) / (serial + max(workers))
    d = two["driver_split"]
    wall2 = d["pre_s"] + d["post_s"] + max(max(workers), (sum(workers) + d["during_s"]) / 2)
    out = {"brief": round(brief, 3), "single": round(two["cpu_s"] / wall2, 3), "serial_s": round(serial, 2),
           "worker_sum_s": round(sum(workers), 2), "worker_max_s": max(workers), "driver": d}
    if one is not None:
        out["paired"] = round(one["cpu_s"] / wall2, 3)
    return out


def shard_bytes(out: Path) -> dict[str, bytes]:
    """The shard files' contents (records decompressed: gzip headers hold a timestamp)."""
    files = {}
    for p in sorted(out.iterdir()):
        if p.name in ("manifest.json", "superseded.json") or p.name.startswith("."):
            continue
        data = p.read_bytes()
        files[p.name] = gzip.decompress(data) if p.name.endswith(".gz") else data
    sup = out / "superseded.json"
    if sup.exists():
        files["superseded.json"] = json.dumps(json.loads(sup.read_text()).get("counts"), sort_keys=True).encode()
    return files


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", type=Path)
    ap.add_argument("--model", "-m", default=None, help="default: the shipped model")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--interval", type=float, default=0.05)
    ap.add_argument("--compare", type=Path, help="a kept output directory the shards must equal byte for byte")
    ap.add_argument("--keep", type=Path, help="keep the first run's output here")
    ap.add_argument("--json", type=Path)
    ap.add_argument("extra", nargs="*", help="more `claimex batch` options (after --)")
    args = ap.parse_args(argv)
    counts = [int(w) for w in args.workers.split(",")]
    runs: list[dict] = []
    reference = shard_bytes(args.compare) if args.compare else None
    with tempfile.TemporaryDirectory(prefix="claimex-cpu-") as tmp:
        for r in range(args.runs):
            for w in counts if r % 2 == 0 else counts[::-1]:
                out = Path(tmp) / f"out-{r}-{w}"
                res = run_once(args.inputs, out, w, args.model, args.interval, args.extra)
                got = shard_bytes(out)
                if reference is None:
                    reference = got
                    if args.keep:
                        shutil.copytree(out, args.keep, dirs_exist_ok=True)
                res["identical"] = got == reference
                runs.append(res)
                print(f"run {r + 1}, {w} worker(s): CPU {res['cpu_s']:.1f} s {res['by_role']} "
                      f"driver {res['driver_split']} minor faults {res['minor_faults']} "
                      f"(unaccounted {res['unaccounted_s']}), wall {res['wall_s']:.1f} s, "
                      f"peak RSS {res['peak_rss_mb']} MB, "
                      f"load {res['load']}->{res['load_after']}, output identical: {res['identical']}", flush=True)
                shutil.rmtree(out)
    summary: dict = {"inputs": str(args.inputs), "model": args.model, "runs": runs}
    for w in counts:
        cpus = [x["cpu_s"] for x in runs if x["workers"] == w]
        summary[f"cpu_{w}"] = {"median": statistics.median(cpus), "min": min(cpus), "max": max(cpus)}
        print(f"{w} worker(s): CPU s median {statistics.median(cpus):.1f} ({min(cpus):.1f}-{max(cpus):.1f}), "
              f"{len(cpus)} runs")
    if len(counts) == 2:
        extra = [b["cpu_s"] / a["cpu_s"] - 1 for a, b in zip([x for x in runs if x["workers"] == counts[0]],
                                                               [x for x in runs if x["workers"] == counts[1]])]
        summary["extra_cpu_pct"] = [round(100 * e, 1) for e in extra]
        print(f"{counts[1]} workers use {', '.join(f'{100 * e:+.1f}%' for e in extra)} CPU vs {counts[0]}")
    if 2 in counts:
        ones = [x for x in runs if x["workers"] == 1] or [None] * args.runs
        summary["estimated_2core_ratio"] = [estimate(a, b) for a, b in zip(ones, [x for x in runs
                                                                                if x["workers"] == 2])]
        for e in summary["estimated_2core_ratio"]:
            paired = f", {e['paired']:.3f} (1-worker run's CPU / it)" if "paired" in e else ""
            print(f"estimated 2-core wall ratio: {e['brief']:.3f} (serial = all driver CPU), {e['single']:.3f} "
                  f"(the 2-worker run's CPU / its estimated wall){paired}")
    summary["all_identical"] = all(x["identical"] for x in runs)
    print(f"outputs identical across runs{' and to ' + str(args.compare) if args.compare else ''}: "
          f"{summary['all_identical']}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return summary


if __name__ == "__main__":
    main()
