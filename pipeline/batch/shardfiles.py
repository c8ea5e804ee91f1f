"""A shard's files while they are written: temporary files published by rename, the records sink (JSONL.gz or
Parquet), the writer that turns annotated items into the four files, and the within-shard settling of
duplicates and deletions. Shared by a whole shard (:func:`claimex.batch.worker.process_shard`) and by the
parts of a shard (:mod:`claimex.batch.parts`), so both write the same bytes.

Duplicate detection keeps one 64-bit key and one version per record (16 bytes), resolving the rare duplicates
with a second pass over the shard's id file (:func:`resolve_duplicates`).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import tempfile
from array import array
from pathlib import Path
from typing import TextIO

from ..read.base import Deletion, Document, ReadError
from ..schema import Record
from ..write.gz import gzip_text
from .shards import make_readable

SIDECARS = ("ids", "errors", "deletions")  # published before the records file


def id_key(ident: str) -> int:
    """A 64-bit key: the number itself for a plain decimal id (PMIDs), else a 56-bit hash, negated."""
    if ident.isascii() and ident.isdigit() and len(ident) <= 18 and (ident[0] != "0" or ident == "0"):
        return int(ident)
    return -1 - int.from_bytes(hashlib.blake2b(ident.encode("utf-8"), digest_size=7).digest(), "big")


class TempFile:
    """A temporary file beside ``target`` (``.NAME.XXXX.part``), published with fsync + rename."""

    def __init__(self, target: Path, tag: str = ""):
        self.target = target
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.{tag}", suffix=".part", dir=target.parent)
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


class RecordSink:
    """Records into ``path``: gzipped JSON lines, or Parquet in row groups of ``ROW_GROUP`` records."""

    ROW_GROUP = 1000

    def __init__(self, path: Path, output_format: str):
        self.path, self.format = path, output_format
        if output_format == "parquet":
            import pyarrow.parquet as pq

            from ..write.parquet import _schema

            self._pq = pq.ParquetWriter(path, _schema(), compression="zstd")
            self._rows: list = []
        else:
            self._fh = gzip_text(path, compresslevel=6)

    def write(self, record) -> None:
        if self.format == "parquet":
            from ..write.parquet import record_row

            self._rows.append(record_row(record))
            if len(self._rows) >= self.ROW_GROUP:
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


class ItemWriter:
    """Annotated items -> the records sink and the ids / errors / deletions streams, in input order, with the
    per-record id keys and versions and the deletions' positions that :func:`resolve_duplicates` needs."""

    def __init__(self, source: str, sink: RecordSink, ids_fh: TextIO, err_fh: TextIO, del_fh: TextIO):
        self.source, self.sink, self.ids_fh, self.err_fh, self.del_fh = source, sink, ids_fh, err_fh, del_fh
        self.keys, self.versions = array("q"), array("q")  # per record: id key, version (-1: none)
        self.del_keys, self.del_pos = array("q"), array("q")  # per deleted PMID: key, records before it
        self.documents = self.errors = self.deletions = 0
        self.file_errors: list[str] = []

    def error(self, record, kind: str, message: str, source: str | None = None) -> None:
        self.err_fh.write(json.dumps({"source": source or self.source, "record": record, "kind": kind,
                                      "message": message}, ensure_ascii=False) + "\n")

    def file_error(self, message: str) -> None:
        """The input broke off outside the reader (an exception): a file-level error line."""
        self.file_errors.append(f"{self.source}: {message}")
        self.error(None, "file", message)

    def add(self, out, src) -> int:
        """Write one pipeline output (``src``: the item it came from); returns the documents it counts for."""
        if isinstance(out, Record):
            version = getattr(src, "version", None) if isinstance(src, Document) else None
            self.sink.write(out)
            self.ids_fh.write(f"{out.id}\t{'' if version is None else version}\n")
            self.keys.append(id_key(out.id))
            self.versions.append(-1 if version is None else int(version))
            self.documents += 1
            return 1
        if isinstance(out, Deletion):
            for pmid in out.pmids:
                self.del_fh.write(f"{pmid}\n")
                self.del_keys.append(id_key(pmid))
                self.del_pos.append(len(self.keys))
            self.deletions += len(out.pmids)
        elif isinstance(out, ReadError):
            kind = "file" if out.record is None else error_kind(out.message)
            self.error(out.record, kind, str(out.message), out.source)
            if kind == "file":
                self.file_errors.append(str(out))
            else:
                self.errors += 1
                self.documents += 1
                return 1
        return 0


def error_kind(message: str) -> str:
    return "pipeline" if str(message).startswith("pipeline failed") else "read"


def settle(writer: ItemWriter, rec_path: Path, ids_path: Path, del_path: Path, output_format: str) -> dict:
    """After the last item (records, ids and deletions files closed, errors still open): drop the records
    that a duplicate id supersedes or a later ``<DeleteCitation>`` deletes, name each in the errors file,
    and return the shard's counts."""
    dropped = resolve_duplicates(ids_path, del_path, writer.keys, writer.versions, writer.del_keys, writer.del_pos)
    for _pos, (ident, kind, why) in sorted(dropped.items()):
        writer.error(ident, kind, why)
    if dropped:
        drop_lines(rec_path, set(dropped), output_format)
        drop_lines(ids_path, set(dropped))
    superseded = sum(1 for v in dropped.values() if v[1] == "duplicate")
    return {"documents": writer.documents, "records": len(writer.keys) - len(dropped),
            "errors": writer.errors + len(writer.file_errors), "superseded": superseded,
            "deleted": len(dropped) - superseded, "deletions": writer.deletions, "dropped": len(dropped),
            "file_errors": list(writer.file_errors)}


def drop_lines(path: Path, drop: set[int], output_format: str = "jsonl") -> None:
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
        with gzip.open(path, "rt", encoding="utf-8") as src, gzip_text(tmp) as dst:
            for k, line in enumerate(src):
                if k not in drop:
                    dst.write(line)
    os.replace(tmp, path)


def resolve_duplicates(ids_path: Path, del_path: Path, keys: array, versions: array, del_keys: array,
                       del_pos: array) -> dict[int, tuple[str, str, str]]:
    """Positions of the records to drop -> (id, "duplicate" | "deleted", reason).

    Within a shard the file's own order decides: of several records with the same id the one with the
    highest ``(version, position)`` is kept, and a ``<DeleteCitation>`` removes the records of its PMIDs that
    came before it."""
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




def publish_sidecars(temps: dict[str, TempFile], counts: dict, files: dict[str, str]) -> None:
    """Publish the ids file always, the errors and deletions files when they hold anything (a stale one from
    an earlier run is removed); ``files`` gets ``{kind: file name}`` of each published one."""
    needed = {"ids": True, "errors": counts["errors"] + counts["dropped"] > 0, "deletions": counts["deletions"] > 0}
    for kind in SIDECARS:
        tmp = temps[kind]
        if needed[kind]:
            tmp.publish()
            files[kind] = tmp.target.name
        else:
            tmp.discard()
            with contextlib.suppress(FileNotFoundError):
                tmp.target.unlink()
