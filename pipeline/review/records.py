"""Reading claimex/1 records back: a JSONL(.gz) or Parquet file, or a ``claimex batch`` run directory.

A run directory gives its *current* records, as :func:`claimex.batch.supersede.iter_run_records` does: the
shards listed in ``manifest.json`` in manifest order, less the records superseded or deleted by a later
shard. A directory without a manifest: every ``*.jsonl.gz`` in it (then ``*.jsonl``, then ``*.parquet``).
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..schema import Record
from .filters import RecordFilter

log = logging.getLogger(__name__)

SHARD_SUFFIXES = (".jsonl.gz", ".jsonl", ".parquet")


def _is_shard(name: str) -> bool:
    return (
        name.endswith(SHARD_SUFFIXES)
        and not name.startswith(".")
        and not name.endswith((".errors.jsonl", ".errors.jsonl.gz"))
    )


def strip_suffix(path: Path) -> str:
    name = path.name
    for suffix in SHARD_SUFFIXES:
        if name.endswith(suffix):
            return str(path.with_name(name[: -len(suffix)]))
    return str(path)


def _manifest_shards(run_dir: Path) -> list[Path]:
    data = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for entry in data.get("shards", []) if isinstance(data, dict) else []:
        name = (entry.get("files") or {}).get("records") if isinstance(entry, dict) else None
        if name:
            path = run_dir / name
            if path.is_file():
                out.append(path)
            else:
                log.warning("%s: shard %s listed but missing", run_dir / "manifest.json", name)
    return out


def record_files(source: str | Path) -> list[Path]:
    """The record files behind ``source``: itself when a file; for a batch run directory the record
    files of the shards in ``manifest.json`` (``shards[].files.records``, in manifest order), else its
    ``*.jsonl.gz`` files (then ``*.jsonl``, then ``*.parquet``)."""
    source = Path(source)
    if not source.exists():
        raise FileNotFoundError(f"{source}: no such file or directory")
    if source.is_file():
        return [source]
    if (source / "manifest.json").is_file():
        found = _manifest_shards(source)
        if found:
            return found
    for pattern in ("*.jsonl.gz", "*.jsonl", "*.parquet"):
        found = sorted(p for p in source.glob(pattern) if _is_shard(p.name))
        if found:
            return found
    return []


def _file_records(path: Path) -> Iterator[Record]:
    if path.name.endswith(".parquet"):
        from ..write.parquet import read_parquet_records

        return read_parquet_records(path)
    return _jsonl_records(path)


def _run_records(run_dir: Path) -> Iterator[Record]:
    """A batch run's current records: ``claimex.batch`` resolves records superseded or deleted by a
    later shard; without it (or with a manifest it does not know) the shards are read as they are."""
    try:
        from ..batch.manifest import ManifestError
        from ..batch.supersede import iter_run_records as batch_records
    except ImportError:
        batch_records = None
    if batch_records is not None:
        try:
            yield from batch_records(run_dir)
            return
        except ManifestError as exc:
            log.warning("%s; reading its shards as they are", exc)
    for path in record_files(run_dir):
        yield from _file_records(path)


def iter_records(source: str | Path, record_filter: RecordFilter | None = None) -> Iterator[Record]:
    """claimex/1 records from a JSONL(.gz) file, a Parquet file, or a batch run directory."""
    source = Path(source)
    if source.is_dir() and (source / "manifest.json").is_file():
        records: Iterable[Record] = _run_records(source)
    else:
        records = (r for path in record_files(source) for r in _file_records(path))
    for record in records:
        if record_filter is None or record_filter.accepts(record):
            yield record


def _jsonl_records(path: Path) -> Iterator[Record]:
    with open(path, "rb") as probe:
        gz = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gz else open
    with opener(path, "rt", encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                yield Record.from_json(line)
            except ValueError as exc:
                first = str(exc).splitlines()[0]
                raise ValueError(f"{path}:{lineno}: not a claimex/1 record ({first})") from None


def record_title(record: Record) -> str | None:
    title = record.meta.get("title")
    if title:
        return str(title)
    for sentence in record.sentences:
        if (sentence.section or "").upper() == "TITLE":
            return record.text[sentence.start : sentence.end]
    return None
