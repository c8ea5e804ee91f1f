"""One shard: read an input file, annotate it, write the shard's files atomically. Runs anywhere (in the
driver, a pool process, a Dask worker); the pipeline is loaded once per process (:func:`get_extractor`).

Memory stays flat however big the file: the reader streams, records are written as they come, spaCy
runs inside a memory zone per ``zone_size`` documents (so its vocabulary does not grow with the input),
and duplicate detection keeps 16 bytes per record (:mod:`claimex.batch.shardfiles`, which writes the files).

Within a shard the file's own order decides: of several records with the same id the one with the
highest ``(version, position)`` is kept (the others are listed in the errors file as ``duplicate``), and a
``<DeleteCitation>`` removes the records of its PMIDs that came before it (``deleted``).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..write.atomic import atomic_path
from ..write.gz import gzip_text
from .integrity import file_checksums
from .shardfiles import SIDECARS, ItemWriter, RecordSink, TempFile, publish_sidecars, settle
from .shards import OUTPUT_FORMATS, Settings, ShardSpec, make_readable, sha256_file, shard_file

Reporter = Callable[[str, int], None]  # (shard name, documents done since the last call)

_CACHE: dict[str, Any] = {}
_CACHE_LOCK = threading.Lock()
_USE_LOCKS: dict[str, threading.Lock] = {}


def get_extractor(model: str | None):
    """The process's Extractor for ``model`` (loaded on first use, then reused by every shard)."""
    key = str(model)
    with _CACHE_LOCK:
        if key not in _CACHE:
            # imported here, not at the top: a pool worker limits BLAS/OpenMP threads (limit_threads) before
            # the libraries that start them (numpy, torch, spaCy) are loaded; no import circle is involved
            from ..extractor import Extractor

            _CACHE[key] = Extractor.load(model)
            _CACHE[key].freeze()
            _USE_LOCKS[key] = threading.Lock()
        return _CACHE[key], _USE_LOCKS[key]


# -- threads -----------------------------------------------------------------------------------------------
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
               "NUMEXPR_NUM_THREADS")


def limit_threads(n: int = 1) -> None:
    """One worker = one core: cap BLAS/OpenMP/torch threads (unless the user set the variables).

    Without this each worker's OpenBLAS and libgomp (torch) start a thread per core; with several workers
    on a machine the spinning threads fight over the cores (measured: 2 pool workers took twice as long).
    Environment variables cover libraries loaded later; threadpoolctl and torch cover those loaded already.
    """
    user_set = any(var in os.environ for var in THREAD_VARS)
    for var in THREAD_VARS:
        os.environ.setdefault(var, str(n))
    if user_set:
        return
    with contextlib.suppress(Exception):
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=n)
    torch = sys.modules.get("torch")
    if torch is not None:
        with contextlib.suppress(Exception):
            torch.set_num_threads(n)


# -- the shard ---------------------------------------------------------------------------------------------
def annotated(extractor, items: Iterable, settings: Settings, first: int = 0) -> Iterator[tuple[object, object]]:
    """(output, input) pairs: ``Extractor.records`` keeps order and gives one output per input item.

    Each ``zone_size`` documents run inside one spaCy memory zone, so the strings and lexemes they add
    are freed afterwards (``zone_size <= 0``: no zones, the vocabulary grows with the input). ``first``: the
    index of the first item in its file (a part of a shard): zones and ``nlp.pipe`` batches begin where they
    begin when the whole file runs, so every document is annotated in the same batch as then.
    """
    zone = getattr(extractor.nlp, "memory_zone", None) if settings.zone_size > 0 else None
    length = zone_length(settings)
    it = iter(items)
    size = length - first % length
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        with (zone() if zone is not None else contextlib.nullcontext()):
            yield from zip(extractor.records(chunk, batch_size=settings.batch_size), chunk)
        size = length


def zone_length(settings: Settings) -> int:
    """Items per memory zone (and per ``Extractor.records`` call): ``zone_size``, or 1,000 without zones."""
    return settings.zone_size if settings.zone_size > 0 else 1000


def process_shard(spec: ShardSpec, settings: Settings, report: Reporter | None = None) -> dict:
    """Process one shard and return its manifest entry (never raises for a bad input)."""
    started = time.time()
    result = new_entry(spec, settings)
    out_dir = Path(spec.out_dir)
    temps: dict[str, TempFile] = {}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        t_load = time.time()
        extractor, use_lock = get_extractor(settings.model)
        result["version_info"] = extractor.version_info
        load_seconds = time.time() - t_load
        result["size"] = os.stat(spec.input).st_size
        result["sha256"] = sha256_file(spec.input)
        t0 = time.time()
        targets = shard_targets(spec, settings)
        with atomic_path(targets["records"]) as rec_path:  # renamed last: records present = shard done
            temps = {kind: TempFile(targets[kind]) for kind in SIDECARS}
            counts = _run(spec, settings, extractor, use_lock, rec_path, temps, report)
            make_readable(rec_path)
            publish_sidecars(temps, counts, result["files"])
        finish_entry(result, counts, out_dir, settings, targets)
        result["timings"] = timings(started, t0, result["documents"], load_seconds)
    except Exception as exc:
        result["status"] = "failed"
        result["error"] = f"{type(exc).__name__}: {exc}"
        result["timings"] = {"started": _iso(started), "finished": _iso(time.time()),
                             "seconds": round(time.time() - started, 3)}
    finally:
        for tmp in temps.values():
            tmp.discard()
    return result


def new_entry(spec: ShardSpec, settings: Settings) -> dict[str, Any]:
    """A shard's manifest entry before it ran (status ``failed`` until it completes)."""
    return {"name": spec.name, "input": spec.input, "status": "failed", "error": None,
            "size": None, "sha256": None, "documents": 0, "records": 0, "errors": 0, "superseded": 0,
            "deleted": 0, "deletions": 0, "settings": settings.key(),
            "files": {}, "worker": f"{socket.gethostname()}:{os.getpid()}"}


def shard_targets(spec: ShardSpec, settings: Settings) -> dict[str, Path]:
    return {kind: Path(spec.out_dir) / shard_file(spec.name, kind, settings.output_format)
            for kind in ("records", *SIDECARS)}


def finish_entry(result: dict, counts: dict, out_dir: Path, settings: Settings, targets: dict[str, Path]) -> None:
    """The records file is published: checksums, counts and status into the entry; the records of an earlier
    run in another output format are removed."""
    result["files"]["records"] = targets["records"].name
    result["checksums"] = file_checksums(out_dir, result["files"])
    for fmt in OUTPUT_FORMATS:
        if fmt != settings.output_format:
            with contextlib.suppress(FileNotFoundError):
                (out_dir / shard_file(result["name"], "records", fmt)).unlink()
    counts = dict(counts)
    file_errors = counts.pop("file_errors")
    counts.pop("dropped")
    result.update(counts, status="failed" if file_errors else "complete",
                  error="; ".join(file_errors) if file_errors else None)


def timings(started: float, t0: float, documents: int, load_seconds: float) -> dict:
    elapsed = time.time() - t0
    return {"started": _iso(started), "finished": _iso(time.time()), "seconds": round(elapsed, 3),
            "load_seconds": round(load_seconds, 3),
            "documents_per_s": round(documents / elapsed, 1) if elapsed > 0 else None}


def _run(spec: ShardSpec, settings: Settings, extractor, use_lock, rec_path: Path, temps: dict[str, TempFile],
         report: Reporter | None) -> dict:
    """Stream the input through the pipeline into the temporary files; returns the counts."""
    from ..read import read_documents

    pending, last = 0, time.time()
    sink = RecordSink(rec_path, settings.output_format)
    with use_lock, gzip_text(temps["ids"].path, compresslevel=6) as ids_fh, \
            open(temps["errors"].path, "w", encoding="utf-8") as err_fh, \
            open(temps["deletions"].path, "w", encoding="utf-8") as del_fh:
        writer = ItemWriter(spec.input, sink, ids_fh, err_fh, del_fh)
        try:
            items = read_documents([spec.input], format=settings.input_format)
            for out, src in annotated(extractor, items, settings):
                pending += writer.add(out, src)
                if report is not None and pending and (pending >= 500 or time.time() - last > 0.5):
                    report(spec.name, pending)
                    pending, last = 0, time.time()
        except Exception as exc:
            writer.file_error(f"{type(exc).__name__}: {exc}")
        finally:
            sink.close()
        ids_fh.close()
        del_fh.close()
        counts = settle(writer, rec_path, temps["ids"].path, temps["deletions"].path, settings.output_format)
    if report is not None and pending:
        report(spec.name, pending)
    return counts


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(ts)) + f".{int(ts % 1 * 1000):03d}"
