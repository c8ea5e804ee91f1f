"""One shard: read an input file, annotate it, write the shard's files atomically. Runs anywhere (in the
driver, a pool process, a Dask worker); the pipeline is loaded once per process (:func:`get_extractor`).

Memory stays flat however big the file: the reader streams, records are written as they come, spaCy
runs inside a memory zone per ``zone_size`` documents (so its vocabulary does not grow with the input),
and duplicate detection keeps one 64-bit key and one version per record (16 bytes), resolving the rare
duplicates with a second pass over the shard's id file.

Within a shard the file's own order decides: of several records with the same id the one with the
highest ``(version, position)`` is kept (the others are listed in the errors file as ``duplicate``), and a
``<DeleteCitation>`` removes the records of its PMIDs that came before it (``deleted``).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import socket
import sys
import tempfile
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from ..write.atomic import atomic_path
from .integrity import file_checksums
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


# -- ids ---------------------------------------------------------------------------------------------------
def id_key(ident: str) -> int:
    """A 64-bit key: the number itself for a plain decimal id (PMIDs), else a 56-bit hash, negated."""
    if ident.isascii() and ident.isdigit() and len(ident) <= 18 and (ident[0] != "0" or ident == "0"):
        return int(ident)
    return -1 - int.from_bytes(hashlib.blake2b(ident.encode("utf-8"), digest_size=7).digest(), "big")


# -- output files ------------------------------------------------------------------------------------------
class _Temp:
    """A temporary file beside ``target``, published with fsync + rename."""

    def __init__(self, target: Path):
        self.target = target
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
        self.path = Path(name)

    def publish(self) -> None:
        with open(self.path, "rb+") as fh:
            os.fsync(fh.fileno())
        make_readable(self.path)
        os.replace(self.path, self.target)

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


class _RecordSink:
    def __init__(self, path: Path, output_format: str):
        self.path, self.format = path, output_format
        if output_format == "parquet":
            import pyarrow.parquet as pq

            from ..write.parquet import _schema

            self._pq = pq.ParquetWriter(path, _schema(), compression="zstd")
            self._rows: list = []
        else:
            self._fh = gzip.open(path, "wt", encoding="utf-8", compresslevel=6)

    def write(self, record) -> None:
        if self.format == "parquet":
            from ..write.parquet import record_row

            self._rows.append(record_row(record))
            if len(self._rows) >= 1000:
                self._flush()
        else:
            self._fh.write(record.to_json() + "\n")

    def _flush(self) -> None:
        import pyarrow as pa

        from ..write.parquet import _schema

        if self._rows:
            self._pq.write_table(pa.Table.from_pylist(self._rows, schema=_schema()))
            self._rows = []

    def close(self) -> None:
        if self.format == "parquet":
            self._flush()
            self._pq.close()
        else:
            self._fh.close()


def _drop_lines(path: Path, drop: set[int], output_format: str = "jsonl") -> None:
    """Rewrite ``path`` without the records (0-based positions) in ``drop``."""
    tmp = path.with_name(path.name + ".rw")
    if output_format == "parquet":
        import numpy as np
        import pyarrow.parquet as pq

        pfile = pq.ParquetFile(path)
        with pq.ParquetWriter(tmp, pfile.schema_arrow, compression="zstd") as out:
            offset = 0
            for batch in pfile.iter_batches(batch_size=1000):
                keep = np.array([offset + i not in drop for i in range(batch.num_rows)], dtype=bool)
                offset += batch.num_rows
                out.write_batch(batch.filter(keep))
    else:
        with gzip.open(path, "rt", encoding="utf-8") as src, gzip.open(tmp, "wt", encoding="utf-8") as dst:
            for k, line in enumerate(src):
                if k not in drop:
                    dst.write(line)
    os.replace(tmp, path)


# -- the shard ---------------------------------------------------------------------------------------------
def _annotated(extractor, items: Iterable, settings: Settings) -> Iterator[tuple[object, object]]:
    """(output, input) pairs: ``Extractor.records`` keeps order and gives one output per input item.

    Each ``zone_size`` documents run inside one spaCy memory zone, so the strings and lexemes they add
    are freed afterwards (``zone_size <= 0``: no zones, the vocabulary grows with the input).
    """
    zone = getattr(extractor.nlp, "memory_zone", None) if settings.zone_size > 0 else None
    it = iter(items)
    while True:
        chunk = list(islice(it, settings.zone_size if settings.zone_size > 0 else 1000))
        if not chunk:
            return
        with (zone() if zone is not None else contextlib.nullcontext()):
            yield from zip(extractor.records(chunk, batch_size=settings.batch_size), chunk)


def _error_kind(message: str) -> str:
    return "pipeline" if str(message).startswith("pipeline failed") else "read"


def process_shard(spec: ShardSpec, settings: Settings, report: Reporter | None = None) -> dict:
    """Process one shard and return its manifest entry (never raises for a bad input)."""
    started = time.time()
    result: dict[str, Any] = {
        "name": spec.name, "input": spec.input, "status": "failed", "error": None,
        "size": None, "sha256": None, "documents": 0, "records": 0, "errors": 0, "superseded": 0,
        "deleted": 0, "deletions": 0, "settings": settings.key(),
        "files": {}, "worker": f"{socket.gethostname()}:{os.getpid()}",
    }
    out_dir = Path(spec.out_dir)
    temps: list[_Temp] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        t_load = time.time()
        extractor, use_lock = get_extractor(settings.model)
        result["version_info"] = extractor.version_info
        load_seconds = time.time() - t_load
        result["size"] = os.stat(spec.input).st_size
        result["sha256"] = sha256_file(spec.input)
        t0 = time.time()
        targets = {kind: out_dir / shard_file(spec.name, kind, settings.output_format)
                   for kind in ("records", "ids", "errors", "deletions")}
        with atomic_path(targets["records"]) as rec_path:  # renamed last: records present = shard done
            temps = [_Temp(targets[k]) for k in ("ids", "errors", "deletions")]
            counts = _run(spec, settings, extractor, use_lock, rec_path, *temps, report)
            make_readable(rec_path)
            # sidecars are published first; a stale one from an earlier run is removed
            for tmp, kind, needed in zip(temps, ("ids", "errors", "deletions"),
                                         (True, counts["errors"] + counts["dropped"] > 0, counts["deletions"] > 0)):
                if needed:
                    tmp.publish()
                    result["files"][kind] = tmp.target.name
                else:
                    tmp.discard()
                    with contextlib.suppress(FileNotFoundError):
                        tmp.target.unlink()
        result["files"]["records"] = targets["records"].name
        result["checksums"] = file_checksums(out_dir, result["files"])
        for fmt in OUTPUT_FORMATS:  # the records of an earlier run in another output format
            if fmt != settings.output_format:
                with contextlib.suppress(FileNotFoundError):
                    (out_dir / shard_file(spec.name, "records", fmt)).unlink()
        file_errors = counts.pop("file_errors")
        counts.pop("dropped")
        result.update(counts, status="failed" if file_errors else "complete",
                      error="; ".join(file_errors) if file_errors else None)
        elapsed = time.time() - t0
        result["timings"] = {"started": _iso(started), "finished": _iso(time.time()),
                             "seconds": round(elapsed, 3), "load_seconds": round(load_seconds, 3),
                             "documents_per_s": round(result["documents"] / elapsed, 1) if elapsed > 0 else None}
    except Exception as exc:
        result["status"] = "failed"
        result["error"] = f"{type(exc).__name__}: {exc}"
        result["timings"] = {"started": _iso(started), "finished": _iso(time.time()),
                             "seconds": round(time.time() - started, 3)}
    finally:
        for tmp in temps:
            tmp.discard()
    return result


def _run(spec: ShardSpec, settings: Settings, extractor, use_lock, rec_path: Path, ids_tmp: _Temp,
         err_tmp: _Temp, del_tmp: _Temp, report: Reporter | None) -> dict:
    """Stream the input through the pipeline into the temporary files; returns the counts."""
    from ..read import read_documents
    from ..read.base import Deletion, Document, ReadError
    from ..schema import Record

    keys, versions = array("q"), array("q")  # per record: id key, version (-1: none)
    del_keys, del_pos = array("q"), array("q")  # per deleted PMID: key, number of records before it
    n_docs = n_errors = n_deletions = 0
    file_errors: list[str] = []
    pending, last = 0, time.time()
    sink = _RecordSink(rec_path, settings.output_format)
    with use_lock, gzip.open(ids_tmp.path, "wt", encoding="utf-8", compresslevel=6) as ids_fh, \
            open(err_tmp.path, "w", encoding="utf-8") as err_fh, open(del_tmp.path, "w", encoding="utf-8") as del_fh:
        def error(record, kind, message, source=spec.input):
            err_fh.write(json.dumps({"source": source, "record": record, "kind": kind, "message": message},
                                    ensure_ascii=False) + "\n")

        try:
            items = read_documents([spec.input], format=settings.input_format)
            for out, src in _annotated(extractor, items, settings):
                if isinstance(out, Record):
                    version = getattr(src, "version", None) if isinstance(src, Document) else None
                    sink.write(out)
                    ids_fh.write(f"{out.id}\t{'' if version is None else version}\n")
                    keys.append(id_key(out.id))
                    versions.append(-1 if version is None else int(version))
                    n_docs += 1
                    pending += 1
                elif isinstance(out, Deletion):
                    for pmid in out.pmids:
                        del_fh.write(f"{pmid}\n")
                        del_keys.append(id_key(pmid))
                        del_pos.append(len(keys))
                    n_deletions += len(out.pmids)
                elif isinstance(out, ReadError):
                    kind = "file" if out.record is None else _error_kind(out.message)
                    error(out.record, kind, str(out.message), out.source)
                    if kind == "file":
                        file_errors.append(str(out))
                    else:
                        n_errors += 1
                        n_docs += 1
                        pending += 1
                if report is not None and pending and (pending >= 500 or time.time() - last > 0.5):
                    report(spec.name, pending)
                    pending, last = 0, time.time()
        except Exception as exc:
            msg = f"{type(exc).__name__}: {exc}"
            file_errors.append(f"{spec.input}: {msg}")
            error(None, "file", msg)
        finally:
            sink.close()
        ids_fh.close()
        del_fh.close()
        dropped = _resolve_duplicates(ids_tmp.path, del_tmp.path, keys, versions, del_keys, del_pos)
        for _pos, (ident, kind, why) in sorted(dropped.items()):
            error(ident, kind, why)
    if report is not None and pending:
        report(spec.name, pending)
    if dropped:
        _drop_lines(rec_path, set(dropped), settings.output_format)
        _drop_lines(ids_tmp.path, set(dropped))
    superseded = sum(1 for v in dropped.values() if v[1] == "duplicate")
    return {"documents": n_docs, "records": len(keys) - len(dropped), "errors": n_errors + len(file_errors),
            "superseded": superseded, "deleted": len(dropped) - superseded, "deletions": n_deletions,
            "dropped": len(dropped), "file_errors": file_errors}


def _resolve_duplicates(ids_path: Path, del_path: Path, keys: array, versions: array, del_keys: array,
                        del_pos: array) -> dict[int, tuple[str, str, str]]:
    """Positions of the records to drop -> (id, "duplicate" | "deleted", reason)."""
    if not keys:
        return {}
    import numpy as np

    k = np.frombuffer(keys, dtype=np.int64)
    uniq, counts = np.unique(k, return_counts=True)
    cand = set(uniq[counts > 1].tolist())
    if del_keys:
        cand |= set(np.intersect1d(k, np.frombuffer(del_keys, dtype=np.int64)).tolist())
    if not cand:
        return {}
    occurrences: dict[str, list[tuple[int, int]]] = {}  # exact id -> [(version, position)]
    with gzip.open(ids_path, "rt", encoding="utf-8") as fh:
        for pos, line in enumerate(fh):
            if keys[pos] in cand:
                ident = line.rstrip("\n").rsplit("\t", 1)[0]
                occurrences.setdefault(ident, []).append((versions[pos], pos))
    deleted_at: dict[str, int] = {}  # id -> position of its last deletion in this file
    if del_keys:
        with open(del_path, encoding="utf-8") as fh:
            for j, line in enumerate(fh):
                if del_keys[j] in cand:
                    deleted_at[line.strip()] = max(deleted_at.get(line.strip(), -1), del_pos[j])
    dropped: dict[int, tuple[str, str, str]] = {}
    for ident, occ in occurrences.items():
        gone = deleted_at.get(ident, -1)
        alive = [o for o in occ if o[1] >= gone]
        winner = max(alive) if alive else None
        for version, pos in occ:
            if pos < gone:
                dropped[pos] = (ident, "deleted", "deleted by a later <DeleteCitation> in the same file")
            elif (version, pos) != winner:
                v = "" if winner[0] < 0 else f" (version {winner[0]})"
                dropped[pos] = (ident, "duplicate",
                                f"duplicate id: superseded by record #{winner[1] + 1} of the file{v}")
    return dropped


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(ts)) + f".{int(ts % 1 * 1000):03d}"
