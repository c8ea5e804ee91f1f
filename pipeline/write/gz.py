"""Gzip text files whose bytes depend only on what is written: no time and no file name in the header.

``gzip.open(path, "wt")`` puts the time of writing and the file's name (for claimex, a temporary name) into the
member header, so two runs that write the same lines give files with other bytes, and a checksum cannot show that a
rerun reproduced a result. :func:`gzip_text` writes the header as ``gzip -n`` does (mtime 0, no name); the
compressed stream is zlib's, the same for the same lines and level. Readers (``gzip.open(path, "rt")``, ``zcat``)
see no difference.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import BinaryIO


class _GzipText(io.TextIOWrapper):
    """A UTF-8 text stream into a gzip member on an open binary file, which it closes with itself."""

    def __init__(self, raw: BinaryIO, compresslevel: int):
        self._raw = raw
        super().__init__(gzip.GzipFile(filename="", mode="wb", compresslevel=compresslevel, fileobj=raw, mtime=0),
                         encoding="utf-8")

    def close(self) -> None:
        try:
            super().close()  # flushes and closes the gzip member (its trailer)
        finally:
            self._raw.close()


def gzip_text(path: str | Path, compresslevel: int = 9) -> io.TextIOWrapper:
    """A text file ``path`` written gzipped with a reproducible header (module docstring); use as ``open``'s."""
    raw = open(path, "wb")
    try:
        return _GzipText(raw, compresslevel)
    except BaseException:
        raw.close()
        raise
