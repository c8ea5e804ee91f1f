"""Where a pass spends time that its instruction count does not show: time share against instruction share.

    python bench/cycle_shares.py e2e --passes 3 --out /tmp/cs     # perf samples and callgrind counts, then the table
    python bench/cycle_shares.py tok --passes 3 --out /tmp/cs
    python bench/cycle_shares.py e2e --out /tmp/cs --report        # the table again from the files of an earlier run

Method. The box's CPU counters are not readable (a KVM guest: ``perf stat -e cycles`` says "not supported"), so
cycles are estimated from two runs of the same pass after the same load and warm-up (``bench/speed.py``'s 537
abstracts, the Extractor frozen as ``claimex extract`` has it): ``perf record -e cpu-clock`` (timer samples; the
share of the pass's *time* in each C function: the interpreter, the regex engine, the allocator, numpy, spaCy's
Cython) and Valgrind's callgrind with its cache and branch simulation (the share of its *instructions*, and the
simulated misses of a 32 KB L1 and a 1 MB last level - this CPU's L2 - and the mispredicted conditional branches
per 1,000 instructions). Each tool is switched on around the passes alone (perf's control fifo, callgrind's client
requests through a tiny C library built with ``cc``). A function or group whose time share is above its
instruction share retires its instructions slower than the pass on average (cache misses, mispredictions).
``tok``: scispaCy's tokenizer alone over the same texts (``--passes`` of it); ``e2e``: ``claimex extract``'s calls.
Callgrind runs the pass ~100x slower: ``--cg-limit`` abstracts (default 60) for it (the time shares are of all).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import ctypes
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

#: C functions by group (first match wins), as ``perf report`` and ``callgrind_annotate`` name them
GROUPS = [
    ("garbage collector", r"^(gc_|visit_|subtract_refs|update_refs|move_|deduce_|.*_?traverse)"),
    ("regex engine (_sre)", r"^(sre_|_sre_|pattern_|SRE_|state_|getstring|match_)"),
    ("allocation, deallocation", r"(Malloc|Free|malloc|free|_int_|dealloc|Dealloc|GC_Del|GC_New|_New\b|alloc|"
                                 r"NewReference|_PyFrame_Clear|PyList_New|PyTuple_New|PyDict_New|new_keys|free_keys|"
                                 r"unlink_chunk|PyMem_|GC_UnTrack)"),
    ("str operations", r"(Unicode|unicode|siphash|stringlib|fastsearch|memchr)"),
    ("dict, attribute, type look-ups", r"(dict|Dict|lookup|Lookup|GetAttr|SetAttr|GetMethod|set_|PyType|slot_)"),
    ("interpreter loop, calls, compares", r"^(_PyEval_|initialize_locals|.*[Vv]ectorcall|_PyObject_MakeTpCall|"
                                          r"cfunction_|PyObject_Call|.*iter_next|PyIter_Next|PyObject_RichCompare|"
                                          r"long_|float_|bool_|PyObject_IsTrue|PyNumber)"),
    ("spaCy, preshed, murmurhash (Cython)", r"(__pyx|MurmurHash|preshed)"),
    ("numpy, BLAS", r"(FLOAT_|DOUBLE_|LONG_|BOOL_|npy|PyArray|array_|gemm|binsearch|cpu_|ufunc|_aligned_)"),
    ("memcpy, memset", r"(memmove|memcpy|memset|memcmp)"),
]


def run_passes(what: str, passes: int, limit: int | None) -> None:
    """The child: load, freeze, warm up, then ``passes`` passes with the tool switched on around them."""
    import speed

    from claimex.read import read_documents
    from claimex.read.base import Document

    ctl, ack, cg = os.environ.get("CS_PERF_CTL"), os.environ.get("CS_PERF_ACK"), os.environ.get("CS_CG_LIB")
    lib = ctypes.CDLL(cg) if cg else None

    def switch(on: bool) -> None:
        if lib is not None:
            lib.cs_start() if on else lib.cs_stop()
        if ctl:
            Path(ctl).write_text("enable\n" if on else "disable\n")
            with open(ack) as fh:  # perf keeps the fifo open: read its "ack\n", not to the end
                fh.read(4)

    with tempfile.TemporaryDirectory(prefix="claimex-cs-") as tmp:
        folder = Path(tmp)
        src = speed.write_abstracts(folder, limit)
        extractor = speed.load_extractor(None)
        texts = [d.text for d in read_documents([src]) if isinstance(d, Document)]
        speed.extract_file(extractor, src, folder / "warm.jsonl")
        tokenizer = extractor.nlp.tokenizer
        for t in texts:
            tokenizer(t)
        switch(True)
        for _ in range(passes):
            if what == "tok":
                for t in texts:
                    tokenizer(t)
            else:
                speed.extract_file(extractor, src, folder / "out.jsonl")
        switch(False)


def _child(what: str, passes: int, limit: int | None) -> list[str]:
    cmd = [sys.executable, __file__, what, "--passes", str(passes), "--child"]
    return cmd + (["--limit", str(limit)] if limit else [])


def record(what: str, passes: int, cg_limit: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory(prefix="claimex-cs-") as tmp:
        ctl, ack = Path(tmp) / "ctl", Path(tmp) / "ack"
        os.mkfifo(ctl)
        os.mkfifo(ack)
        subprocess.run(["perf", "record", "-e", "cpu-clock", "-F", "1999", "-D", "-1", "--control",
                        f"fifo:{ctl},{ack}", "-o", str(out / f"{what}.perf"), "--", *_child(what, passes, None)],
                       env=dict(env, CS_PERF_CTL=str(ctl), CS_PERF_ACK=str(ack)), check=True)
        (Path(tmp) / "cs.c").write_text(
            "#include <valgrind/callgrind.h>\n"
            "void cs_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }\n"
            "void cs_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; CALLGRIND_DUMP_STATS_AT(\"pass\"); }\n")
        lib = Path(tmp) / "libcs.so"
        subprocess.run(["cc", "-O1", "-shared", "-fPIC", "-o", str(lib), str(Path(tmp) / "cs.c")], check=True)
        subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", "--cache-sim=yes", "--branch-sim=yes",
                        "--I1=32768,8,64", "--D1=32768,8,64", "--LL=1048576,8,64",
                        f"--callgrind-out-file={out / f'{what}.cg'}", *_child(what, 1, cg_limit)],
                       env=dict(env, CS_CG_LIB=str(lib)), check=True)


def _time_shares(perf_file: Path) -> dict[str, float]:
    text = subprocess.run(["perf", "report", "-i", str(perf_file), "--stdio", "--no-children", "--sort", "sym",
                           "-F", "overhead,sym"], capture_output=True, text=True, check=True).stdout
    shares: dict[str, float] = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+\[[.k]\]\s+(.+?)\s*$", line)
        if m:
            name = m.group(2).split("(")[0].strip()
            shares[name] = shares.get(name, 0.0) + float(m.group(1))
    return shares


def _counts(cg_file: Path) -> tuple[dict[str, list[int]], list[int]]:
    """Per function: Ir, D1mr, DLmr, Bcm (callgrind_annotate, self cost), and the totals."""
    text = subprocess.run(["callgrind_annotate", "--threshold=100", "--inclusive=no", "--show=Ir,D1mr,DLmr,Bcm",
                           str(cg_file)], capture_output=True, text=True, check=True).stdout
    rows: dict[str, list[int]] = {}
    totals = [0, 0, 0, 0]
    for line in text.splitlines():
        line = re.sub(r"\([ 0-9.]+%\)", "", line)
        parts = line.split()
        if "PROGRAM TOTALS" in line:
            totals = [int(p.replace(",", "")) for p in parts[:4]]
            continue
        if len(parts) < 5 or not re.match(r"^[\d,]+$", parts[0]):
            continue
        where = " ".join(parts[4:]).split(" [")[0]
        name = re.sub(r"'\d+$", "", (where.split(":", 1)[1] if ":" in where else where).split("(")[0].strip())
        row = rows.setdefault(name, [0, 0, 0, 0])
        for i, p in enumerate(parts[:4]):
            row[i] += 0 if p == "." else int(p.replace(",", ""))
    return rows, totals


def report(what: str, out: Path) -> None:
    shares = _time_shares(out / f"{what}.perf")
    cg = sorted((out / ".").glob(f"{what}.cg*"), key=lambda p: p.stat().st_size)[-1]
    rows, totals = _counts(cg)
    groups = {name: [0.0, 0, 0, 0, 0] for name, _ in GROUPS}
    groups["other"] = [0.0, 0, 0, 0, 0]
    for fn in set(shares) | set(rows):
        group = next((name for name, pattern in GROUPS if re.search(pattern, fn)), "other")
        g = groups[group]
        g[0] += shares.get(fn, 0.0)
        for i, v in enumerate(rows.get(fn, [0, 0, 0, 0])):
            g[i + 1] += v
    print(f"{what}: time share (perf cpu-clock) against instruction share (callgrind), simulated misses per 1,000 "
          f"instructions ({cg.name})")
    print("| group | time % | instructions % | time / instructions | L1 misses | L2 misses | mispredicted cond. |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (t, ir, d1, dl, bcm) in sorted(groups.items(), key=lambda kv: -kv[1][0]):
        share = 100 * ir / totals[0]
        print(f"| {name} | {t:.1f} | {share:.1f} | {t / share if share else 0:.2f} | {1000 * d1 / max(ir, 1):.1f} | "
              f"{1000 * dl / max(ir, 1):.2f} | {1000 * bcm / max(ir, 1):.1f} |")
    print(f"| all | 100 | 100 | 1 | {1000 * totals[1] / totals[0]:.1f} | {1000 * totals[2] / totals[0]:.2f} | "
          f"{1000 * totals[3] / totals[0]:.1f} |")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("tok", "e2e"))
    ap.add_argument("--passes", type=int, default=3, help="passes timed by perf (callgrind: one)")
    ap.add_argument("--cg-limit", type=int, default=60, help="abstracts of the callgrind pass")
    ap.add_argument("--limit", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "claimex-cycle-shares")
    ap.add_argument("--report", action="store_true", help="only the table, from the files in --out")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        run_passes(args.what, args.passes, args.limit)
        return
    if not args.report:
        record(args.what, args.passes, args.cg_limit, args.out)
    report(args.what, args.out)


if __name__ == "__main__":
    main()
