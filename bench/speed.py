"""End-to-end speed of claimex against scispaCy/spaCy baselines measured in the same run (issue 13).

    python bench/speed.py                                   # all three sections, 5 runs each
    python bench/speed.py --runs 7 --sections throughput,cold --json /tmp/claimex-speed.json

Three sections, each a ratio of two things timed in the same run, repeated ``--runs`` times and
reported as median and range (the machine is shared, so single figures mislead):

* ``throughput``: ``claimex extract`` end to end in this process (read the input JSONL, the whole
  spaCy pipeline, build the record, assemble claims, write JSONL to a file; the same calls as the CLI:
  ``read_documents`` -> ``Extractor.records`` -> ``JsonlWriter``, the Extractor frozen after its load as there,
  since session 15) against scispaCy's tokenizer alone
  (``nlp.tokenizer``) on the same texts. CPU time of this single-threaded process
  (``time.process_time``), so waiting for a busy core does not count; one untimed warm-up pass first.
  Input: the 537 real abstracts (title + abstract) of ``pubmed-xml-samples/abstracts_flat.jsonl``,
  written as JSONL to a temporary folder. Target: ratio <= 6 (stretch 4). Also printed: the ratio of the
  fastest end-to-end pass to the fastest tokenizer pass (the minimum moves least with other jobs), the
  garbage collector's collections and CPU share per end-to-end pass (none expected), and the ratio on abstracts
  the process has not met (:func:`unseen_pass`, session 28: the repeated passes let claim assembly's per-text
  caches answer, which no new abstract finds). A per-stage breakdown (one extra pass) follows.
* ``stages``: the per-stage breakdown alone, ``--runs`` passes in this process after a warm-up pass,
  each stage's minimum and median (ms of CPU per abstract) and their sum. On a shared machine the
  minimum of several passes moves least with the other jobs: the figure to compare two trees by
  (``bench/ab_speed.sh BASE N bench/speed.py --sections stages --runs 5``).
* ``cold``: a one-abstract ``claimex extract`` (the gold fixture's abstract page, ``-o`` a file) as a
  whole process, against a whole process that imports spaCy and makes a blank English pipeline with
  torch kept out (``sys.modules["torch"] = None`` first). Wall clock and the child's CPU time
  (``RUSAGE_CHILDREN``), runs interleaved. Target: ratio <= 2.5.
* ``batch``: ``claimex batch DIR --workers 2`` against ``--workers 1`` (wall clock, whole commands,
  interleaved) on ``--batch-files`` x ``--batch-citations`` citations made by ``bench/batch_data.py``
  (``--batch-input distinct``, the default: a different real abstract of the shared corpora in every citation, as
  over PubMed; ``replicated``: the 617 PubMed samples again and again with fresh digits and PMIDs); CPU seconds
  of the whole command and of each of its processes
  (driver, workers) and peak RSS of each worker (``bench/batch_cpu.py``, psutil samples). Target: >= 1.8x
  on a machine with two free cores; this reads nothing when other jobs hold them (the load average is
  printed): compare the CPU seconds there.

The profile of one end-to-end pass (where the time goes, by function and by claimex module):
``python bench/profile_extract.py``.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import gc
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGETS = {"throughput": ("end-to-end / tokenizer CPU time", "<=", 6.0),
           "cold": ("one-abstract extract / bare spaCy, wall", "<=", 2.5),
           "batch": ("2 workers vs 1, speed-up", ">=", 1.8)}


def spread(values: list[float], nd: int = 2) -> dict:
    return {"median": round(statistics.median(values), nd), "min": round(min(values), nd),
            "max": round(max(values), nd), "runs": len(values)}


def fmt(s: dict, unit: str = "") -> str:
    return f"{s['median']}{unit} ({s['min']}-{s['max']}, {s['runs']} runs)"


def compiled_count() -> int:
    """How many modules of the claimex being timed are mypyc-compiled (its ``make compile`` stamp; not imported)."""
    spec = importlib.util.find_spec("claimex")
    stamp = Path(spec.origin).parent / "_compiled.txt" if spec and spec.origin else None
    return len(stamp.read_text().split()) if stamp and stamp.is_file() else 0


def load_avg() -> float:
    return round(os.getloadavg()[0], 2)


# -- input ---------------------------------------------------------------------------------------------------
def write_abstracts(folder: Path, limit: int | None = None, skip: int = 0, name: str = "abstracts.jsonl") -> Path:
    """The real abstracts of pubmed-xml-samples as claimex JSONL input (id, text = title + abstract): ``limit`` of
    them after the first ``skip``, written to ``folder / name``."""
    from claimex.paths import corpus_path

    out = folder / name
    n = seen = 0
    with open(corpus_path("pubmed-xml-samples", "abstracts_flat.jsonl"), encoding="utf-8") as fh, \
            open(out, "w", encoding="utf-8") as dst:
        for line in fh:
            r = json.loads(line)
            body = " ".join(s["text"] for s in r.get("abstract_sections") or [])
            if not body:
                continue
            seen += 1
            if seen > skip and (limit is None or n < limit):
                dst.write(json.dumps({"id": str(r["pmid"]), "text": f"{r.get('title') or ''}\n{body}"}) + "\n")
                n += 1
    return out


# -- throughput ----------------------------------------------------------------------------------------------
def load_extractor(model: str | None, freeze: bool = True):
    """The Extractor as ``claimex extract`` has it: loaded, then ``Extractor.freeze()`` (the garbage collector's
    settings for a process that loads once; without ``freeze``: as this bench ran before session 15)."""
    from claimex.extractor import Extractor

    extractor = Extractor.load(model)
    if freeze:
        extractor.freeze()
    return extractor


def extract_file(extractor, src: Path, dst: Path) -> int:
    """What ``claimex extract SRC -o DST`` does after loading the model."""
    from claimex.read import read_documents
    from claimex.read.base import ReadError
    from claimex.write import JsonlWriter

    with JsonlWriter(dst) as writer:
        for item in extractor.records(read_documents([src])):
            if not isinstance(item, ReadError) and hasattr(item, "to_json"):
                writer.write(item)
    return writer.count


def cpu(fn) -> tuple[float, object]:
    t = time.process_time()
    out = fn()
    return time.process_time() - t, out


class Collector:
    """The garbage collector's work while the context is open: collections and their CPU seconds (``gc.callbacks``).
    A pass of ``claimex extract`` should make none: its Docs and records are freed by reference counting, and a
    loaded Extractor is frozen (session 15); session 27 found compiled claim assembly leaving reference cycles
    that cost ~5% of a pass in collections (``bench/SPEED.md``)."""

    def __enter__(self) -> Collector:
        self.collections, self.cpu_s, self._t = 0, 0.0, 0.0
        gc.callbacks.append(self._cb)
        return self

    def _cb(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._t = time.process_time()
        else:
            self.collections += 1
            self.cpu_s += time.process_time() - self._t

    def __exit__(self, *exc) -> None:
        gc.callbacks.remove(self._cb)


def throughput(extractor, src: Path, folder: Path, runs: int) -> dict:
    from claimex.read import read_documents
    from claimex.read.base import Document

    nlp = extractor.nlp
    texts = [d.text for d in read_documents([src]) if isinstance(d, Document)]
    n = len(texts)
    dst = folder / "out.jsonl"
    extract_file(extractor, src, dst)  # warm-up (compiles the lazy measure patterns, fills caches)
    for t in texts:
        nlp.tokenizer(t)
    tok_s, e2e_s, ratios = [], [], []
    collections: list[int] = []
    gc_share: list[float] = []
    for r in range(runs):
        order = ("tok", "e2e") if r % 2 == 0 else ("e2e", "tok")
        got = {}
        for what in order:
            if what == "tok":
                got[what], _ = cpu(lambda: [nlp.tokenizer(t) for t in texts])
            else:
                with Collector() as gcw:
                    got[what], written = cpu(lambda: extract_file(extractor, src, dst))
                assert written == n, (written, n)
                collections.append(gcw.collections)
                gc_share.append(gcw.cpu_s / got[what])
        tok_s.append(got["tok"])
        e2e_s.append(got["e2e"])
        ratios.append(got["e2e"] / got["tok"])
        print(f"  run {r + 1}: end-to-end {n / got['e2e']:.0f}/s, tokenizer {n / got['tok']:.0f}/s, "
              f"ratio {ratios[-1]:.2f}, collector {collections[-1]} collections / {100 * gc_share[-1]:.1f}% of the "
              f"pass (load {load_avg()})", flush=True)
    # the same abstracts as a process meets them the first time: each half after a warm-up on the other (a tree
    # before session 28 cannot empty its caches: no unseen runs there)
    halves = [write_abstract_texts(folder / f"half{h}.jsonl", src, h) for h in (0, 1)]
    unseen: list[tuple[float, float, int]] = []
    for r in range(runs if forget_caches(extractor) else 0):
        (src_t, texts_t), (warm_w, texts_w) = halves[r % 2], halves[1 - r % 2]
        e2e, tok, written = unseen_pass(extractor, warm_w, src_t, texts_w, texts_t, dst)
        unseen.append((e2e / written, tok / len(texts_t), written))
        print(f"  unseen run {r + 1} (half {r % 2}): ratio {e2e / tok:.2f} (load {load_avg()})", flush=True)
    u_ratios = [e / t for e, t, _ in unseen]
    return {"abstracts": n, "chars_per_abstract": round(sum(map(len, texts)) / n),
            "e2e_per_s": spread([n / s for s in e2e_s], 0), "tokenizer_per_s": spread([n / s for s in tok_s], 0),
            "ratio": spread(ratios), "ratio_of_mins": round(min(e2e_s) / min(tok_s), 2),
            "ratio_unseen": spread(u_ratios) if u_ratios else None,
            "collections": spread(collections, 0),
            "collector_share": spread(gc_share, 3), "stages_ms": stages(extractor, src, folder)}


def write_abstract_texts(path: Path, src: Path, half: int) -> tuple[Path, list[str]]:
    """Every other line of the JSONL ``src`` (``half`` 0: the 1st, 3rd, ...) written to ``path``, and their texts."""
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)[half::2]
    path.write_text("".join(lines), encoding="utf-8")
    return path, [json.loads(line)["text"] for line in lines]


def forget_claims() -> None:
    """Empty claim assembly's per-process caches (:func:`claimex.assemble.claims.caches.clear`); a tree before
    session 28 has no such function (nothing done)."""
    try:
        from claimex.assemble.claims import caches
    except ImportError:
        return
    caches.clear()


def forget_caches(extractor) -> bool:
    """Empty the per-process caches a new abstract would not find filled (:func:`claimex.extractor.forget_caches`:
    claim assembly's, the tagger's embedding rows, the tokenizer's); False on a tree before session 28, which has no
    such function (nothing emptied)."""
    try:
        from claimex.extractor import forget_caches as forget
    except ImportError:
        return False
    forget(extractor.nlp)
    return True


def unseen_pass(extractor, warm: Path, src: Path, warm_texts: list[str], texts: list[str], dst: Path
                ) -> tuple[float, float, int]:
    """(end-to-end CPU s, tokenizer CPU s, records written) of ``src`` / ``texts`` as abstracts the process has not
    met: the caches emptied (:func:`forget_caches`) and warmed up untimed on ``warm`` / ``warm_texts`` first, for the
    extract and for the tokenizer alike (session 28)."""
    tokenizer = extractor.nlp.tokenizer
    if not forget_caches(extractor):
        raise SystemExit("bench: timing unseen abstracts needs claimex.extractor.forget_caches (session 28); "
                         "time an older tree with the repeated passes (bench/fastest_pass.py --mode repeat)")
    extract_file(extractor, warm, dst)
    e2e, written = cpu(lambda: extract_file(extractor, src, dst))
    forget_caches(extractor)
    for text in warm_texts:
        tokenizer(text)
    tok, _ = cpu(lambda: [tokenizer(t) for t in texts])
    return e2e, tok, written


def claims_unseen(assemble, records: list, sdocs: list) -> float:
    """CPU seconds of claim assembly over ``records``, each half timed after its caches were emptied and warmed up on
    the other half: the cost on abstracts it has not met in a warm process (session 28: on 537 PubMed samples
    3.38 ms per abstract, against 2.82 repeating the same records and 4.20 from emptied caches)."""
    pairs = list(zip(records, sdocs))
    halves = (pairs[::2], pairs[1::2])
    total = 0.0
    for timed, warm in ((halves[0], halves[1]), (halves[1], halves[0])):
        forget_claims()
        for r, s in warm:
            assemble(r, s)
        spent, _ = cpu(lambda timed=timed: [assemble(r, s) for r, s in timed])
        total += spent
    return total


def stages(extractor, src: Path, folder: Path) -> dict:
    """One pass split by stage, milliseconds of CPU per abstract. ``record`` is ``to_record`` without its claim
    assembly (``claimex.assemble.record.assemble_claims`` replaced by an empty list for the timing); ``claims`` is
    ``assemble_claims`` on those records as on abstracts it has not met (:func:`claims_unseen`; before session 28 it
    repeated the records the passes before had assembled, whose per-text caches answered: ~17% lower);
    ``record_claims`` is their sum. The other stages' word-level caches stay warm from the passes before."""
    from claimex.assemble import record as record_module
    from claimex.assemble.claims import assemble_claims
    from claimex.read import read_documents
    from claimex.read.base import Document
    from claimex.write import JsonlWriter

    nlp = extractor.nlp
    t = {}
    t["read"], docs = cpu(lambda: [d for d in read_documents([src]) if isinstance(d, Document)])
    t["tokenizer"], sdocs = cpu(lambda: [nlp.make_doc(d.text) for d in docs])
    for name, proc in nlp.pipeline:
        def run(proc=proc, sdocs=sdocs):
            if hasattr(proc, "pipe"):
                return list(proc.pipe(sdocs, batch_size=nlp.batch_size))
            return [proc(d) for d in sdocs]

        t[name], sdocs = cpu(run)
    original = record_module.assemble_claims
    record_module.assemble_claims = lambda record, doc: []
    try:
        t["record"], records = cpu(lambda: [record_module.to_record(s, d) for s, d in zip(sdocs, docs)])
    finally:
        record_module.assemble_claims = original
    t["claims"] = claims_unseen(assemble_claims, records, sdocs)
    t["record_claims"] = t["record"] + t["claims"]
    for r, s in zip(records, sdocs):
        r.claims = assemble_claims(r, s)
    with JsonlWriter(folder / "stages.jsonl") as writer:
        t["write"], _ = cpu(lambda: [writer.write(r) for r in records])
    n = len(docs)
    return {k: round(v / n * 1000, 3) for k, v in t.items()}


def stage_passes(extractor, src: Path, folder: Path, runs: int) -> dict:
    """:func:`stages` ``runs`` times after a warm-up pass: min and median per stage, ms per abstract."""
    extract_file(extractor, src, folder / "warm.jsonl")
    passes = []
    for r in range(runs):
        passes.append(stages(extractor, src, folder))
        total = sum(v for k, v in passes[-1].items() if k not in ("record", "claims"))
        print(f"  pass {r + 1}: sum {total:.2f} ms per abstract (load {load_avg()})", flush=True)
    keys = list(passes[0])
    summed = [k for k in keys if k not in ("record", "claims")]  # record_claims holds both
    return {"min": {k: min(p[k] for p in passes) for k in keys},
            "median": {k: round(statistics.median(p[k] for p in passes), 3) for k in keys},
            "sum_min": round(sum(min(p[k] for p in passes) for k in summed), 3),
            "sum_median": round(statistics.median(sum(p[k] for k in summed) for p in passes), 3), "runs": runs}


# -- cold start ----------------------------------------------------------------------------------------------
BARE = "import sys; sys.modules['torch'] = None; import spacy; spacy.blank('en')"


def claimex_command() -> list[str]:
    exe = Path(sys.executable).with_name("claimex")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "claimex"]


def run_process(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + sys) of one whole child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold(folder: Path, runs: int, model: str | None) -> dict:
    from claimex.paths import seed_fixture

    cmd = [*claimex_command(), "extract", str(seed_fixture()), "-o", str(folder / "one.jsonl")]
    if model:
        cmd += ["--model", model]
    bare = [sys.executable, "-c", BARE]
    run_process(cmd)  # warm the page cache once
    res: dict[str, list[float]] = {"extract_wall": [], "extract_cpu": [], "bare_wall": [], "bare_cpu": [],
                                   "ratio_wall": [], "ratio_cpu": []}
    for r in range(runs):
        pair = {}
        for what, c in (("bare", bare), ("extract", cmd)) if r % 2 == 0 else (("extract", cmd), ("bare", bare)):
            pair[what] = run_process(c)
        for i, kind in enumerate(("wall", "cpu")):
            res[f"extract_{kind}"].append(pair["extract"][i])
            res[f"bare_{kind}"].append(pair["bare"][i])
            res[f"ratio_{kind}"].append(pair["extract"][i] / pair["bare"][i])
        print(f"  run {r + 1}: extract {pair['extract'][0]:.2f} s wall / {pair['extract'][1]:.2f} s CPU, bare spaCy "
              f"{pair['bare'][0]:.2f} / {pair['bare'][1]:.2f} s (load {load_avg()})", flush=True)
    return {"command": " ".join(cmd[-4:] if len(cmd) > 4 else cmd), **{k: spread(v) for k, v in res.items()}}


# -- batch ---------------------------------------------------------------------------------------------------
def make_batch_input(folder: Path, files: int, per_file: int, distinct: bool = False) -> Path:
    import batch_data

    out = folder / "batch-in"
    batch_data.write_files(out, files, per_file, distinct=distinct)
    return out


def run_batch(inputs: Path, out: Path, workers: int, model: str | None) -> dict:
    """One whole ``claimex batch`` command: wall, CPU s in all and per process (``bench/batch_cpu.py``),
    peak RSS of the processes that ran shards (the driver itself when ``--workers 1``)."""
    import batch_cpu

    res = batch_cpu.run_once(inputs, out, workers, model, 0.1, [])
    manifest = json.loads((out / "manifest.json").read_text())
    return {**res, "citations": sum(s["documents"] for s in manifest["shards"])}


def batch(folder: Path, runs: int, model: str | None, files: int, per_file: int, distinct: bool = False) -> dict:
    import batch_cpu

    inputs = make_batch_input(folder, files, per_file, distinct)
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    rss: dict[int, list[int]] = {1: [], 2: []}
    speedups, estimates = [], []
    for r in range(runs):
        got, split, full = {}, {}, {}
        for w in (1, 2) if r % 2 == 0 else (2, 1):
            res = full[w] = run_batch(inputs, folder / f"batch-out-{r}-{w}", w, model)
            got[w] = res["wall_s"]
            walls[w].append(res["wall_s"])
            cpus[w].append(res["cpu_s"])
            rss[w] += res["worker_rss_mb"]
            split[w] = res["by_role"]
        speedups.append(got[1] / got[2])
        estimates.append(batch_cpu.estimate(full[1], full[2])["single"])
        print(f"  run {r + 1}: 1 worker {got[1]:.1f} s (CPU {cpus[1][-1]:.1f} s), 2 workers {got[2]:.1f} s "
              f"(CPU {cpus[2][-1]:.1f} s: {split[2]}), speed-up {speedups[-1]:.2f}x (from CPU s on 2 free "
              f"cores: {estimates[-1]:.2f}x), worker peak RSS {rss[2][-2:]} MB (load {load_avg()})", flush=True)
    n = files * per_file
    return {"citations": n, "files": files, "distinct": distinct,
            "wall_1": spread(walls[1], 1), "wall_2": spread(walls[2], 1),
            "per_s_1": spread([n / w for w in walls[1]], 0), "per_s_2": spread([n / w for w in walls[2]], 0),
            "cpu_1": spread(cpus[1], 1), "cpu_2": spread(cpus[2], 1),
            "speedup": spread(speedups), "speedup_from_cpu": spread(estimates),
            "worker_peak_rss_mb": {"1": spread(rss[1], 0), "2": spread(rss[2], 0)}}


# -- main ----------------------------------------------------------------------------------------------------
def report(results: dict) -> None:
    print("\n| measure | median (range) | target |\n|---|---|---|")
    if "throughput" in results:
        t = results["throughput"]
        print(f"| `claimex extract` end to end, abstracts/s per core | {fmt(t['e2e_per_s'])} | |")
        print(f"| scispaCy tokenizer alone, abstracts/s per core | {fmt(t['tokenizer_per_s'])} | |")
        print(f"| end to end / tokenizer (CPU time) | {fmt(t['ratio'], 'x')} | <= 6x (stretch 4x) |")
        print(f"| end to end / tokenizer, fastest pass of each (moves least with other jobs) | "
              f"{t['ratio_of_mins']}x | |")
        unseen = fmt(t["ratio_unseen"], "x") if t["ratio_unseen"] else "this tree cannot empty them"
        print(f"| end to end / tokenizer, abstracts the process has not met (each half after a warm-up on the other, "
              f"caches emptied) | {unseen} | <= 6x |")
        print(f"| garbage collections per end-to-end pass / share of its CPU | {fmt(t['collections'])} / "
              f"{fmt(t['collector_share'])} | 0 |")
        print(f"| stages, ms per abstract | {t['stages_ms']} | |")
    if "stages" in results:
        st = results["stages"]
        print(f"| stages, ms per abstract, min of {st['runs']} passes | {st['min']} | |")
        print(f"| stages, ms per abstract, median | {st['median']} | |")
        print(f"| sum of the stages, min / median | {st['sum_min']} / {st['sum_median']} | |")
    if "cold" in results:
        c = results["cold"]
        print(f"| one-abstract `claimex extract`, wall s | {fmt(c['extract_wall'])} | |")
        print(f"| `import spacy` + blank pipeline (no torch), wall s | {fmt(c['bare_wall'])} | |")
        print(f"| cold start ratio, wall / CPU | {fmt(c['ratio_wall'], 'x')} / {fmt(c['ratio_cpu'], 'x')} | <= 2.5x |")
    if "batch" in results:
        b = results["batch"]
        print(f"| `claimex batch`, 1 worker, citations/s | {fmt(b['per_s_1'])} | |")
        print(f"| `claimex batch`, 2 workers, citations/s | {fmt(b['per_s_2'])} | |")
        inp = "distinct abstracts" if b.get("distinct") else "617 samples replicated"
        print(f"| 2 workers vs 1, wall ({b['citations']} citations, {inp}) | {fmt(b['speedup'], 'x')} | >= 1.8x |")
        print(f"| 2 workers vs 1, estimated from CPU s (2 free cores, bench/batch_cpu.py) | "
              f"{fmt(b['speedup_from_cpu'], 'x')} | |")
        print(f"| CPU s of the whole command, 1 / 2 workers | {fmt(b['cpu_1'])} / {fmt(b['cpu_2'])} | |")
        print(f"| peak RSS per worker, MB (1 / 2 workers) | {fmt(b['worker_peak_rss_mb']['1'])} / "
              f"{fmt(b['worker_peak_rss_mb']['2'])} | <= 1000 |")
    n = results.get("compiled_modules", 0)
    print(f"\nclaimex: {f'{n} modules mypyc-compiled (make compile)' if n else 'pure Python (no make compile)'}")
    print(f"load average now {os.getloadavg()} on {os.cpu_count()} CPUs (other jobs share this machine; "
          "CPU-time ratios are the robust figures, wall-clock ones move with the load)")


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sections", default="throughput,cold,batch")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--model", default=None, help="default: the shipped model")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N abstracts")
    ap.add_argument("--batch-files", type=int, default=4)
    ap.add_argument("--batch-citations", type=int, default=500, help="citations per batch input file")
    ap.add_argument("--batch-input", choices=("distinct", "replicated"), default="distinct",
                    help="batch input: a different real abstract in every citation (bench/batch_data.py --distinct; "
                         "the default since session 30), or the 617 PubMed samples replicated with fresh digits")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-freeze", dest="freeze", action="store_false",
                    help="throughput and stages without Extractor.freeze() after the load (before session 15 this "
                         "bench did not freeze; claimex extract and batch workers do)")
    args = ap.parse_args(argv)
    sections = args.sections.split(",")
    results: dict = {"runs": args.runs, "model": args.model or "default", "cpus": os.cpu_count(),
                     "compiled_modules": compiled_count(), "load_before": load_avg()}
    with tempfile.TemporaryDirectory(prefix="claimex-speed-") as tmp:
        folder = Path(tmp)
        if "throughput" in sections:
            print("throughput (in process, CPU time):", flush=True)
            src = write_abstracts(folder, args.limit)
            results["throughput"] = throughput(load_extractor(args.model, args.freeze), src, folder, args.runs)
        if "stages" in sections:
            print("stages (in process, CPU time):", flush=True)
            src = write_abstracts(folder, args.limit)
            results["stages"] = stage_passes(load_extractor(args.model, args.freeze), src, folder, args.runs)
        if "cold" in sections:
            print("cold start (whole processes):", flush=True)
            results["cold"] = cold(folder, args.runs, args.model)
        if "batch" in sections:
            print("batch (whole commands):", flush=True)
            results["batch"] = batch(folder, max(1, args.runs // 2), args.model, args.batch_files,
                                     args.batch_citations, args.batch_input == "distinct")
    results["load_after"] = load_avg()
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return results


if __name__ == "__main__":
    main()
