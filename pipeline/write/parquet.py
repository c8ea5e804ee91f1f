"""Parquet output: claimex/1 records as an Arrow table (one row per record).

Layout (``record_schema()``), derived from :class:`claimex.schema.Record`, so it follows the schema:

* scalar fields are columns: ``schema`` (``"claimex/1"``), ``id``, ``text``;
* ``meta`` (free-form) is a **JSON string** column (``json_extract(meta, '$.year')`` in DuckDB,
  ``json.loads`` in Python);
* ``sentences``, ``abbreviations``, ``entities``, ``measures``, ``claims`` are ``list<struct>`` columns
  whose struct fields are the model's fields (claims' ``arms`` is a nested ``list<struct>``, id lists are
  ``list<string>``); ``errors`` is ``list<string>``.

So ``pq.read_table(path, columns=["id", "claims"])`` reads just those, and the rows convert back to
identical Records (:func:`read_parquet_records`). Files are written atomically (``atomic_path``), in row
groups of ``row_group_size`` records, zstd-compressed; memory stays bounded by one row group.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from ..schema import Record
from .atomic import atomic_path

JSON_FIELDS = ("meta",)  # free-form dicts, stored as JSON text
PARQUET_SCHEMA_KEY = b"claimex.schema"


def _arrow_type(annotation: Any) -> pa.DataType:
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        if len(args) != 1:
            raise TypeError(f"no Arrow type for union {annotation!r}")
        return _arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin in (list, list):
        return pa.list_(_arrow_type(args[0]))
    if origin is dict or annotation is dict:
        return pa.string()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([pa.field(name, _arrow_type(f.annotation)) for name, f in annotation.model_fields.items()])
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[annotation]


def record_schema() -> pa.Schema:
    """The Arrow schema of a claimex/1 Parquet file (see the module docstring)."""
    fields = []
    for name, info in Record.model_fields.items():
        column = info.alias or name
        fields.append(pa.field(column, pa.string() if column in JSON_FIELDS else _arrow_type(info.annotation),
                               nullable=column not in ("schema", "id", "text")))
    return pa.schema(fields, metadata={PARQUET_SCHEMA_KEY: b"claimex/1"})


_SCHEMA: pa.Schema | None = None


def _schema() -> pa.Schema:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = record_schema()
    return _SCHEMA


def record_row(record: Record) -> dict[str, Any]:
    row = record.to_dict()
    for name in JSON_FIELDS:
        row[name] = json.dumps(row.get(name) or {}, ensure_ascii=False, separators=(",", ":"))
    return row


def row_record(row: dict[str, Any]) -> Record:
    row = dict(row)
    for name in JSON_FIELDS:
        value = row.get(name)
        row[name] = json.loads(value) if value else {}
    return Record.from_dict(row)


def records_to_table(records: Iterable[Record]) -> pa.Table:
    return pa.Table.from_pylist([record_row(r) for r in records], schema=_schema())


class ParquetWriter:
    """Context manager: ``with ParquetWriter(path) as w: w.write(record)``; atomic like ``JsonlWriter``."""

    def __init__(self, path: str | Path, row_group_size: int = 1000, compression: str = "zstd"):
        self.path = Path(path)
        self.row_group_size = row_group_size
        self.compression = compression
        self.count = 0
        self._rows: list[dict[str, Any]] = []
        self._ctx = None
        self._writer: pq.ParquetWriter | None = None

    def __enter__(self) -> ParquetWriter:
        self._ctx = atomic_path(self.path)
        tmp = self._ctx.__enter__()
        self._writer = pq.ParquetWriter(tmp, _schema(), compression=self.compression)
        return self

    def write(self, record: Record) -> None:
        assert self._writer is not None, "use ParquetWriter as a context manager"
        self._rows.append(record_row(record))
        self.count += 1
        if len(self._rows) >= self.row_group_size:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=_schema()))
            self._rows = []

    def __exit__(self, *exc) -> bool:
        try:
            if exc[0] is None:
                self._flush()
        finally:
            self._writer.close()
        return bool(self._ctx.__exit__(*exc))


def write_parquet(records: Iterable[Record], path: str | Path, row_group_size: int = 1000) -> int:
    """Write ``records`` to ``path``; returns how many."""
    with ParquetWriter(path, row_group_size=row_group_size) as writer:
        for record in records:
            writer.write(record)
    return writer.count


def read_parquet_records(path: str | Path, batch_size: int = 1000) -> Iterator[Record]:
    """Read claimex/1 records back from a Parquet file written here (streaming, by record batch)."""
    pfile = pq.ParquetFile(path)
    for batch in pfile.iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            yield row_record(row)


def read_parquet_ids(path: str | Path) -> list[str]:
    """Just the ``id`` column."""
    return pq.read_table(path, columns=["id"]).column("id").to_pylist()
