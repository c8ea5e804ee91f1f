"""Per-stage passes for counting instructions under Valgrind (``bench/count_pass.py`` does the whole extract).

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python bench/count_stages.py --stage measures --passes 2 --limit 150

The stage's cost is the difference of two runs, ``--passes 2`` minus ``--passes 0`` (start-up, model load,
the docs, records, claims, JSON lines and documents read made once, the same for every stage, so one
``--passes 0`` run serves all stages), halved. Stages, each on the first ``--limit``
abstracts of ``bench/speed.py``'s set:

* ``measures``: the ``claimex_measures`` component on the finished docs (it sets ``doc._.measures`` again);
* ``outcome_lists``: the ``claimex_outcome_lists`` component on copies of the docs the pipeline made before it
  (copies made in every run, used or not);
* ``record``: ``to_record`` without its claim assembly (``assemble_claims`` replaced by an empty list);
* ``sentences``: the ``claimex_sentences`` splitter on the finished docs (it sets the same flags again);
* ``abbreviations``: the ``claimex_abbreviations`` component on the finished docs;
* ``decode``: the ``claimex_pico`` tagger's ``set_annotations`` (decoding, span hygiene, weak/wide layers) on
  the finished docs with the probabilities its ``predict`` gave once (the network not counted);
* ``subtypes``: the ``claimex_subtypes`` component on the finished docs;
* ``claims``: claim assembly (``assemble_claims``, the shipped models) on the records ``to_record`` made without it
  (made once, outside the passes; the warm-up pass assembles them once). The passes repeat the warm-up's texts, so
  the claims package's per-text caches answer every repeat; ``--fresh-caches`` empties them (every ``functools``
  cache of its modules, the gates' folded texts) before each pass: the cost of abstracts not seen before;
* ``write``: the JSON line of each finished record (``Record.to_json``, what ``JsonlWriter`` writes; the claims
  assembled once, outside the passes);
* ``read``: ``read_documents`` over the JSONL input file of the abstracts (what ``claimex extract`` reads).

``bench/ab_stage_instructions.sh BASE`` runs each stage for a baseline tree and this checkout.

With ``--callgrind`` (run under ``valgrind --tool=callgrind --instr-atstart=no``; needs ``cc`` and Valgrind's
headers) several stages run in one process: per stage one warm-up pass, then one pass with the instrumentation
on around it alone, dumped under the stage's name - the stage's instructions without the start-up in the count
(``bench/ab_stage_callgrind.sh BASE`` does it for a baseline tree and this checkout, one process each).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import ctypes
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

STAGES = ("measures", "outcome_lists", "record", "sentences", "abbreviations", "decode", "subtypes", "claims",
          "write", "read")


def _copy(doc):
    """``doc.copy()`` with the extension values shared, not deep-copied (scispaCy's spans cannot be)."""
    data = doc.user_data
    doc.user_data = {}
    try:
        out = doc.copy()
    finally:
        doc.user_data = data
    out.user_data = dict(data)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stage", choices=STAGES, required=True, nargs="+",
                    help="one stage (several only with --callgrind)")
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--callgrind", action="store_true",
                    help="under callgrind --instr-atstart=no: per stage, one warm-up pass, then one pass counted "
                         "alone (instrumentation on around it, a dump named after the stage)")
    ap.add_argument("--limit", type=int, default=150, help="abstracts of bench/speed.py's set")
    ap.add_argument("--fresh-caches", action="store_true",
                    help="empty the claims package's per-text caches before each pass (see the module doc)")
    args = ap.parse_args(argv)
    if len(args.stage) > 1 and not args.callgrind:
        ap.error("several stages only with --callgrind")
    import speed

    from claimex.read import read_documents
    from claimex.read.base import Document

    with tempfile.TemporaryDirectory(prefix="claimex-stages-") as tmp:
        src = speed.write_abstracts(Path(tmp), args.limit)
        documents = [d for d in read_documents([src]) if isinstance(d, Document)]
        _passes(args, documents, src)
    print(f"{' '.join(args.stage)}: {'one counted pass' if args.callgrind else f'{args.passes} passes'} over "
          f"{len(documents)} abstracts")


def _passes(args, documents, src) -> int:
    """Load the pipeline, make the docs and records once, then run ``args.stage`` ``args.passes`` times;
    returns the number of JSON lines and documents last made (kept so that no stage's work is dropped)."""
    from claimex.assemble import record
    from claimex.extractor import Extractor
    from claimex.read import read_documents

    nlp = Extractor.load(None).nlp
    texts = [d.text for d in documents]
    docs = list(nlp.pipe(texts))
    later = nlp.pipe_names[nlp.pipe_names.index("claimex_outcome_lists"):]
    with nlp.select_pipes(disable=later):
        before = list(nlp.pipe(texts))
    copies = [[_copy(d) for d in before] for _ in range(max(args.passes, 2))]
    assemble = record.assemble_claims
    record.assemble_claims = lambda rec, doc: []
    measures, outcome_lists = nlp.get_pipe("claimex_measures"), nlp.get_pipe("claimex_outcome_lists")
    pico = nlp.get_pipe("claimex_pico")
    # the same set-up for every stage, so that one --passes 0 run is the base of all of them
    probs = pico.predict(docs)
    recs = [record.to_record(doc, d) for d, doc in zip(documents, docs)]  # warm-up: lazy patterns, caches
    claims = [assemble(rec, doc) for rec, doc in zip(recs, docs)]
    full = [rec.model_copy(update={"claims": c}) for rec, c in zip(recs, claims)]
    lines = [rec.to_json() for rec in full]
    read = list(read_documents([src]))
    made = {"lines": lines, "read": read}

    def run(stage: str, k: int) -> None:
        if args.fresh_caches:
            _clear_claim_caches()
        if stage in ("sentences", "abbreviations", "subtypes"):
            component = nlp.get_pipe(f"claimex_{stage}")
            for doc in docs:
                component(doc)
        elif stage == "decode":
            pico.set_annotations(docs, probs)
        elif stage == "measures":
            for doc in docs:
                measures(doc)
        elif stage == "claims":
            for rec, doc in zip(recs, docs):
                assemble(rec, doc)
        elif stage == "outcome_lists":
            for doc in copies[k]:
                outcome_lists(doc)
        elif stage == "write":
            made["lines"] = [rec.to_json() for rec in full]
        elif stage == "read":
            made["read"] = list(read_documents([src]))
        else:
            for d, doc in zip(documents, docs):
                record.to_record(doc, d)

    if args.callgrind:
        start, stop = _callgrind_switch()
        for stage in args.stage:
            run(stage, 0)
            start()
            run(stage, 1)
            stop(stage.encode())
    else:
        for k in range(args.passes):
            run(args.stage[0], k)
    lines, read = made["lines"], made["read"]
    return len(lines) + len(read)


def _callgrind_switch():
    """(start, stop) of callgrind's instrumentation: a tiny C library of its client requests, compiled with ``cc``
    (``valgrind/callgrind.h``) into a temporary folder; ``stop(name)`` dumps the counts under ``name``."""
    folder = Path(tempfile.mkdtemp(prefix="claimex-cg-"))
    (folder / "cg.c").write_text("#include <valgrind/callgrind.h>\n"
                                 "void cg_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_START_INSTRUMENTATION; }\n"
                                 "void cg_stop(const char *name) { CALLGRIND_STOP_INSTRUMENTATION; "
                                 "CALLGRIND_DUMP_STATS_AT(name); }\n")
    subprocess.run(["cc", "-O1", "-shared", "-fPIC", "-o", str(folder / "libcg.so"), str(folder / "cg.c")],
                   check=True)
    lib = ctypes.CDLL(str(folder / "libcg.so"))
    shutil.rmtree(folder)  # loaded: the file is no longer needed
    return lib.cg_start, lib.cg_stop


def _clear_claim_caches() -> None:
    """Empty the per-text caches of the claims package (:func:`claimex.assemble.claims.caches.clear`); a tree before
    session 28 has no such function, and its caches are emptied here the same way: every ``functools`` cache of its
    modules and the gates' folded texts (``gates._FOLDED``; a tree without them: nothing to empty)."""
    try:
        from claimex.assemble.claims import caches
    except ImportError:
        caches = None
    if caches is not None:
        caches.clear()
        return
    for name, module in list(sys.modules.items()):
        if name.startswith("claimex.assemble.claims"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    folded = getattr(sys.modules.get("claimex.assemble.claims.gates"), "_FOLDED", None)
    if folded is not None:
        folded.clear()


if __name__ == "__main__":
    main()
