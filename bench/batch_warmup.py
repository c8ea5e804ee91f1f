"""Where the extra CPU of 2 batch workers over 1 goes: the same parts annotated by children forked from one loaded
driver, alone, one after the other, or at once.

Method: this process loads the pipeline as the ``claimex batch`` driver does before it forks (``get_extractor``,
``compile_all``, ``gc.freeze``) and cuts the input into the parts a 2-worker run makes (``parts.cut`` with a
2-worker ``Sizer``). Then, per mode, children forked from it annotate the parts (``process_part``, as a pool
worker) and report their CPU seconds, minor page faults, peak RSS and, from ``/proc/self/smaps_rollup`` at
their end, the pages they copied or made (``Private_Dirty``) and their proportional share (``Pss``):

* ``one``: one child annotates every part (the work of a 1-worker run without its set-up);
* ``seq2``: two children, the even and the odd parts, one after the other: what each worker warms up again
  (caches, lazily made tables) that one worker warmed once, with no second core busy with our work;
* ``conc2``: the same two children at once: ``conc2 - seq2`` is what running together costs (shared caches,
  memory bandwidth, clock; and on a shared machine, other jobs).

The driver's own share (reading, assembling) and the pool (pickling parts) are left out: ``bench/batch_cpu.py``
measures the whole command.

    python bench/batch_data.py --citations 3000 --files 3 --out /tmp/claimex-bench/split3x1000/
    python bench/batch_warmup.py /tmp/claimex-bench/split3x1000 --modes one,seq2,conc2,seq2,one
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from claimex.annotate.measures.lazy import compile_all
from claimex.batch.parts import Part, Sizer, cut, process_part
from claimex.batch.shards import Settings, plan
from claimex.batch.worker import get_extractor, limit_threads


def smaps() -> dict[str, int]:
    """kB of this process's ``Pss``, ``Private_Dirty`` and ``Shared_Clean`` (Linux; {} elsewhere)."""
    try:
        lines = Path("/proc/self/smaps_rollup").read_text().splitlines()
    except OSError:
        return {}
    wanted = ("Pss:", "Private_Dirty:", "Shared_Clean:", "Shared_Dirty:")
    return {x.split()[0].rstrip(":"): int(x.split()[1]) for x in lines if x.startswith(wanted)}


def child(parts: list[Part], settings: Settings) -> tuple[int, int]:
    """Fork a child that annotates ``parts``; returns (pid, read end of the pipe its report comes on)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        for p in parts:
            process_part(p, settings)
        ru = resource.getrusage(resource.RUSAGE_SELF)
        os.write(w, json.dumps({"cpu_s": ru.ru_utime + ru.ru_stime, "minflt": ru.ru_minflt,
                                "maxrss_mb": ru.ru_maxrss / 1024, **smaps()}).encode())
        os._exit(0)
    os.close(w)
    return pid, r


def collect(pid: int, r: int) -> dict:
    data = b""
    while chunk := os.read(r, 4096):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(data)


def main(argv=None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", type=Path)
    ap.add_argument("--model", "-m", default=None)
    ap.add_argument("--modes", default="one,seq2,conc2")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    limit_threads()
    settings = Settings(model=args.model)
    results = []
    with tempfile.TemporaryDirectory(prefix="claimex-warmup-") as tmp:
        out = Path(tmp) / "out"
        specs = plan([args.inputs], out).shards
        sizer = Sizer(specs, settings, 2)
        parts = [p for s in specs for p in cut(s, settings, sizer) if isinstance(p, Part)]
        get_extractor(args.model)
        compile_all()
        gc.freeze()
        print(f"{len(parts)} parts, {sum(len(p.items) for p in parts)} items", flush=True)
        for mode in args.modes.split(","):
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            t, load = time.perf_counter(), os.getloadavg()[0]
            if mode == "one":
                res = [collect(*child(parts, settings))]
            elif mode == "seq2":
                res = [collect(*child(parts[0::2], settings)), collect(*child(parts[1::2], settings))]
            elif mode == "conc2":
                a, b = child(parts[0::2], settings), child(parts[1::2], settings)
                res = [collect(*a), collect(*b)]
            else:
                raise SystemExit(f"unknown mode {mode!r} (one, seq2, conc2)")
            row = {"mode": mode, "cpu_s": round(sum(x["cpu_s"] for x in res), 2), "children": res,
                   "wall_s": round(time.perf_counter() - t, 1), "load": [round(load, 2), round(os.getloadavg()[0], 2)]}
            results.append(row)
            print(f"{mode}: CPU {row['cpu_s']:.2f} s {[round(x['cpu_s'], 2) for x in res]}, minor faults "
                  f"{[x['minflt'] for x in res]}, peak RSS {[round(x['maxrss_mb']) for x in res]} MB, "
                  f"Private_Dirty {[x.get('Private_Dirty', 0) // 1024 for x in res]} MB, "
                  f"Pss {[x.get('Pss', 0) // 1024 for x in res]} MB, wall {row['wall_s']} s, "
                  f"load {row['load'][0]}->{row['load'][1]}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    main()
