"""JSONL output: one claimex/1 record per line, to stdout or a file (``.gz`` compressed)."""

from __future__ import annotations

import contextlib
import gzip
import io
import sys
from pathlib import Path
from typing import IO, Iterator, Optional, Union

from ..schema import Record
from .atomic import atomic_path
from .gz import gzip_text


class JsonlWriter:
    """Context manager: ``with JsonlWriter(path) as w: w.write(record)``.

    ``path=None`` or ``"-"`` writes to stdout; a file is written atomically (it appears
    only when the writer closes without error).
    """

    def __init__(self, path: Optional[Union[str, Path]] = None, indent: Optional[int] = None):
        self.path = None if path in (None, "-") else Path(path)
        self.indent = indent
        self.count = 0
        self._stack = contextlib.ExitStack()
        self._fh: Optional[IO[str]] = None

    def __enter__(self) -> "JsonlWriter":
        if self.path is None:
            self._fh = sys.stdout
        else:
            tmp = self._stack.enter_context(atomic_path(self.path))
            raw = gzip_text(tmp) if self.path.suffix == ".gz" else \
                open(tmp, "w", encoding="utf-8")
            self._fh = self._stack.enter_context(raw)
        return self

    def write(self, record: Record) -> None:
        assert self._fh is not None, "use JsonlWriter as a context manager"
        if self.indent:
            self._fh.write(record.model_dump_json(by_alias=True, indent=self.indent) + "\n")
        else:
            self._fh.write(record.to_json() + "\n")
        self.count += 1

    def __exit__(self, *exc) -> bool:
        if self.path is None and self._fh is not None:
            self._fh.flush()
        return self._stack.__exit__(*exc)


def read_records(path: Union[str, Path]) -> Iterator[Record]:
    """Read claimex/1 records back from a JSONL (or ``.jsonl.gz``) file."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh if isinstance(fh, io.TextIOBase) else fh:
            line = line.strip()
            if line:
                yield Record.from_json(line)
