"""Output integrity: the SHA-256 of every file a shard wrote, recorded in its manifest entry, and the
check that a finished shard's files are still the ones written.

A manifest entry gets ``"checksums": {"records": "<sha256>", "ids": "<sha256>", "errors": ..., "deletions":
...}`` (one per file in ``files``) and ``"records"`` (the number of records in the records file).
:func:`shard_damage` compares the files on disk with them: a file missing, or one whose SHA-256 differs
(a flipped byte, a truncation, a file replaced), is *damaged*. An entry written before checksums were
recorded is checked by reading its records file through (gzip CRC, JSON lines; Parquet metadata) and
counting its records.

Cost: reading every shard file once (SHA-256 runs at several hundred MB/s), on every rerun and on
``claimex batch --verify``.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .shards import sha256_file

# what reading a damaged file can raise: gzip/zlib errors, a cut stream, bad bytes, a broken Parquet file
DAMAGE_ERRORS = (OSError, EOFError, zlib.error, ValueError, UnicodeDecodeError)


def file_checksums(out_dir: Path, files: dict[str, str]) -> dict[str, str]:
    """``{kind: sha256}`` of the files (``{kind: file name}``) a shard wrote into ``out_dir``."""
    return {kind: sha256_file(Path(out_dir) / name) for kind, name in sorted(files.items())}


def count_records(path: Path) -> int:
    """The records in a shard's records file, read through (raises one of ``DAMAGE_ERRORS`` when damaged)."""
    if path.name.endswith(".parquet"):
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(path).metadata.num_rows
        except Exception as exc:
            raise ValueError(str(exc)) from None
    n = 0
    with gzip.open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


def shard_damage(out_dir: Path, entry: dict) -> str | None:
    """Why a complete shard's files are not what was written (None: they are), in a few words."""
    out_dir = Path(out_dir)
    files = entry.get("files") or {}
    if not files.get("records"):
        return "no records file recorded"
    for kind, name in sorted(files.items()):
        if not (out_dir / name).is_file():
            return f"{kind} file {name} missing"
    checksums = entry.get("checksums")
    if checksums:
        for kind, name in sorted(files.items()):
            want = checksums.get(kind)
            if want is None:
                return f"{kind} file {name} has no recorded checksum"
            try:
                got = sha256_file(out_dir / name)
            except OSError as exc:
                return f"{kind} file {name} unreadable ({exc.strerror or exc})"
            if got != want:
                return f"{kind} file {name} damaged (SHA-256 differs from the manifest)"
        return None
    path = out_dir / files["records"]  # an entry from before checksums: read it through
    try:
        n = count_records(path)
    except DAMAGE_ERRORS as exc:
        return f"records file {path.name} damaged ({type(exc).__name__}: {exc})"
    if entry.get("records") is not None and n != entry["records"]:
        return f"records file {path.name} holds {n} records, the manifest says {entry['records']}"
    return None


@dataclass
class ShardCheck:
    name: str
    status: str  # "ok" | "damaged" | "failed" | "pending"
    detail: str = ""

    def __str__(self) -> str:
        if self.status == "damaged":  # the detail says what is damaged
            return f"{self.name}: {self.detail}"
        return f"{self.name}: {self.status}" + (f" ({self.detail})" if self.detail else "")


def check_shards(out_dir: Path, entries: list[dict],
                 on_check: Callable[[ShardCheck], None] | None = None) -> list[ShardCheck]:
    """One :class:`ShardCheck` per manifest entry, in manifest order (``on_check`` is called as each is done)."""
    checks = []
    for e in entries:
        status = e.get("status")
        if status == "complete":
            why = shard_damage(out_dir, e)
            check = ShardCheck(e.get("name", "?"), "damaged" if why else "ok", why or "")
        elif status == "failed":
            check = ShardCheck(e.get("name", "?"), "failed", str(e.get("error") or ""))
        else:
            check = ShardCheck(e.get("name", "?"), "pending", "not finished")
        checks.append(check)
        if on_check is not None:
            on_check(check)
    return checks
