"""The claims stage of ``bench/count_stages.py`` on saved records, without the pipeline in the counted process
(session 24, issue 13): a callgrind A/B of claim assembly in ~2 minutes a tree instead of ~7-9 (the stage script
runs the whole pipeline under Valgrind before its counted pass).

    # once: the records count_stages.py hands the claims stage (to_record without claims), as JSON lines
    python bench/count_claims_saved.py --save /tmp/recs100.jsonl --limit 100
    # per tree: one warm-up pass, one pass counted alone (a dump named "claims")
    PYTHONPATH=TREE/imp valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/tmp/cg/TAG.%p \\
        python bench/count_claims_saved.py --records /tmp/recs100.jsonl [--fresh-caches]
    # instructions: bench/callgrind_totals.py's totals(Path("/tmp/cg"), "TAG")["claims"]

Each saved record is checked to read back equal to the one made. Same records, same passes (warm-up, then the
counted one; ``--fresh-caches`` empties the claims package's caches before each) as ``count_stages.py --callgrind
--stage claims``; main 3c3df9b gave 18.30 M per abstract warm here against 18.28 M there (the memory layout differs).
``--passes N`` runs N uncounted passes after the warm-up instead (for a sampling profiler such as py-spy).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def save(out: Path, limit: int) -> int:
    """Write the records of the first ``limit`` abstracts of ``bench/speed.py``'s set, made as ``count_stages.py``
    makes them for the claims stage; returns how many."""
    import speed

    from claimex.assemble import record
    from claimex.extractor import Extractor
    from claimex.read import read_documents
    from claimex.read.base import Document
    from claimex.schema import Record

    with tempfile.TemporaryDirectory(prefix="claimex-saved-") as tmp:
        src = speed.write_abstracts(Path(tmp), limit)
        documents = [d for d in read_documents([src]) if isinstance(d, Document)]
    nlp = Extractor.load(None).nlp
    docs = list(nlp.pipe([d.text for d in documents]))
    record.assemble_claims = lambda rec, doc: []
    recs = [record.to_record(doc, d) for d, doc in zip(documents, docs)]
    with open(out, "w", encoding="utf-8") as fh:
        for rec in recs:
            line = rec.model_dump_json()
            if Record.model_validate_json(line) != rec:
                raise SystemExit(f"record {rec.id} does not read back equal")
            fh.write(line + "\n")
    return len(recs)


def count(records: Path, fresh: bool, passes: int) -> int:
    """One warm-up pass of claim assembly over the saved records, then one counted pass (``passes`` 0) or ``passes``
    uncounted ones; returns the number of records."""
    from count_stages import _callgrind_switch, _clear_claim_caches

    from claimex.assemble.claims import assemble_claims
    from claimex.schema import Record

    recs = [Record.model_validate_json(line) for line in records.read_text(encoding="utf-8").splitlines()]

    def run() -> None:
        if fresh:
            _clear_claim_caches()
        for rec in recs:
            assemble_claims(rec, None)

    run()
    if passes:
        for _ in range(passes):
            run()
    else:
        start, stop = _callgrind_switch()
        start()
        run()
        stop(b"claims")
    return len(recs)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", type=Path, help="write the records here (JSON lines)")
    ap.add_argument("--limit", type=int, default=100, help="abstracts of bench/speed.py's set (with --save)")
    ap.add_argument("--records", type=Path, help="count claim assembly on these saved records")
    ap.add_argument("--fresh-caches", action="store_true", help="empty the claims package's caches before each pass")
    ap.add_argument("--passes", type=int, default=0, help="N uncounted passes instead of one counted one")
    args = ap.parse_args(argv)
    if args.save:
        print(f"saved {save(args.save, args.limit)} records to {args.save}")
    elif args.records:
        print(f"claims: {count(args.records, args.fresh_caches, args.passes)} records")
    else:
        ap.error("--save or --records")


if __name__ == "__main__":
    main()
