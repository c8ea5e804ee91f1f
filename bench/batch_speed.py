"""Citations per second per core for one batch worker, by stage, on a PubMed file:

* ``parse``    - read_documents only (gunzip + iterparse + Document building);
* ``tokenize`` - parse + the tokenizer (``nlp.tokenizer.pipe``);
* ``full``     - one whole shard as ``claimex batch`` runs it (``process_shard``: parse, the whole pipeline,
                 record assembly, dedupe, JSONL.gz writing).

"Per core" = citations / CPU seconds of this process (``time.process_time``), which stays meaningful on
a shared machine; wall-clock rates are printed too. The model load is not timed.

    python bench/batch_data.py --citations 30000 --out /tmp/claimex-bench/pubmed-30k.xml.gz
    python bench/batch_speed.py /tmp/claimex-bench/pubmed-30k.xml.gz --model rules [--stages parse,tokenize,full]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def timed(fn) -> dict:
    w0, c0 = time.perf_counter(), time.process_time()
    n = fn()
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    return {"citations": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "per_core_per_s": round(n / cpu, 1) if cpu else None, "wall_per_s": round(n / wall, 1) if wall else None}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path)
    ap.add_argument("--model", "-m", default="rules", help="rules (default), a model dir or name")
    ap.add_argument("--stages", default="parse,tokenize,full")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    from claimex.batch.shards import Settings, ShardSpec
    from claimex.batch.worker import get_extractor, limit_threads, process_shard
    from claimex.read import read_documents
    from claimex.read.base import Document

    limit_threads()  # as a batch worker runs: one thread
    t = time.perf_counter()
    extractor, _lock = get_extractor(args.model)
    load_s = time.perf_counter() - t
    limit_threads()
    results: dict = {"input": str(args.input), "model": args.model, "version_info": extractor.version_info,
                     "load_s": round(load_s, 2), "stages": {}}
    stages = args.stages.split(",")

    def parse() -> int:
        return sum(isinstance(item, Document) for item in read_documents([args.input]))

    def tokenize() -> int:
        nlp = extractor.nlp
        n = 0
        batch: list[str] = []
        with nlp.memory_zone():
            for item in read_documents([args.input]):
                if isinstance(item, Document):
                    batch.append(item.text)
                    if len(batch) == 1000:
                        n += sum(1 for _ in nlp.tokenizer.pipe(batch, batch_size=args.batch_size))
                        batch = []
            n += sum(1 for _ in nlp.tokenizer.pipe(batch, batch_size=args.batch_size))
        return n

    def full() -> int:
        with tempfile.TemporaryDirectory(prefix="claimex-bench-") as tmp:
            spec = ShardSpec(input=str(args.input.resolve()), name="bench", out_dir=tmp,
                             size=args.input.stat().st_size)
            res = process_shard(spec, Settings(model=args.model, batch_size=args.batch_size), None)
            if res["status"] != "complete":
                raise SystemExit(f"shard failed: {res.get('error')}")
            results["full_shard"] = {k: res[k] for k in ("documents", "records", "errors", "superseded", "deletions")}
            return res["documents"]

    for name in stages:
        results["stages"][name] = timed({"parse": parse, "tokenize": tokenize, "full": full}[name])
        print(f"{name:9s} {json.dumps(results['stages'][name])}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    main()
