"""``claimex show``: records (or raw inputs, analysed on the fly) -> one self-contained HTML page.

INPUT is either claimex/1 records (a JSONL(.gz) file whose first line has ``"schema": "claimex/1"``, or a
batch run directory) or anything ``claimex extract`` reads; the latter is analysed with the model the user
names (default: the shipped model; no fallback).
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from ..schema import SCHEMA_VERSION, Record
from ..write.atomic import atomic_path
from .filters import RecordFilter
from .html import render_page
from .records import iter_records, record_files

PathLike = str | Path


def _first_json_line(path: Path) -> dict | None:
    try:
        with open(path, "rb") as probe:
            gz = probe.read(2) == b"\x1f\x8b"
        opener = gzip.open if gz else open
        with opener(path, "rt", encoding="utf-8-sig") as fh:
            for line in itertools.islice(fh, 50):
                if line.strip():
                    value = json.loads(line)
                    return value if isinstance(value, dict) else None
    except (OSError, UnicodeDecodeError, ValueError, EOFError):
        return None
    return None


def is_record_source(path: PathLike) -> bool:
    """True for a claimex/1 records file (JSONL/.gz/Parquet shard) or a batch run directory of them."""
    path = Path(path)
    if path.is_dir():
        if (path / "manifest.json").is_file():
            return True
        try:
            files = record_files(path)
        except (OSError, ValueError):
            return False
        return bool(files) and is_record_source(files[0])
    if path.name.endswith(".parquet"):
        return True
    first = _first_json_line(path) if path.is_file() else None
    return bool(first) and first.get("schema") == SCHEMA_VERSION


def load_for_show(
    inputs: Sequence[PathLike],
    model: str | None = None,
    fmt: str | None = None,
    record_filter: RecordFilter | None = None,
    limit: int | None = None,
    ids: set[str] | None = None,
    on_error: Callable[[str], None] = lambda message: None,
    track: Callable[[Iterable[Record]], Iterable[Record]] = iter,
) -> list[Record]:
    """Up to ``limit`` records from ``inputs``: read when they are record sources, else analysed with
    ``model`` (``claimex extract`` semantics). Errors of the reader/pipeline go to ``on_error``;
    ``track`` wraps the stream of records kept (a progress bar's)."""
    inputs = [Path(p) for p in inputs]
    kinds = {is_record_source(p) for p in inputs}
    if len(kinds) > 1:
        raise ValueError("give either claimex/1 record files or inputs to analyse, not both")

    def wanted(item) -> bool:
        return (ids is None or str(item.id) in ids) and (record_filter is None or record_filter.accepts(item))

    if kinds == {True}:
        records: Iterable[Record] = (r for p in inputs for r in iter_records(p) if wanted(r))
    else:
        records = _analyse(inputs, model, fmt, wanted, on_error)
    return list(itertools.islice(track(records), limit))


def _analyse(inputs: list[Path], model: str | None, fmt: str | None, wanted, on_error) -> Iterator[Record]:
    from ..extractor import Extractor
    from ..read import read_documents
    from ..read.base import Document, ReadError

    extractor = Extractor.load(model)
    documents = (
        item for item in read_documents(inputs, format=fmt) if not isinstance(item, Document) or wanted(item)
    )
    for item in extractor.records(documents, batch_size=8):
        if isinstance(item, Record):
            yield item
        elif isinstance(item, ReadError):
            on_error(str(item))


def write_page(records: Iterable[Record], out: PathLike, title: str | None = None, note: str = "") -> Path:
    """Render and write the page atomically (UTF-8)."""
    out = Path(out)
    page = render_page(records, title=title, note=note)
    with atomic_path(out) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return out
