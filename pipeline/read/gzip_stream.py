"""A gzip reader that hands over every byte it could decompress before a truncation or a corrupt block.

Python's ``gzip.GzipFile`` behind an ``io.BufferedReader`` loses the bytes decompressed in the read call
that hits the end of a truncated file (a 64 KiB read loses up to 64 KiB: whole records). This raw stream
decompresses the file in small compressed steps (``STEP`` bytes, with ``zlib.decompressobj``) and, when the
data stops (a cut file, a corrupt block, a wrong CRC), first returns everything decompressed so far and
raises only on the next read, when it has nothing left to give. Readers that read with ``read1`` /
``readline`` (all of claimex's) therefore see every complete record before the damage. Concatenated gzip
members (``cat a.gz b.gz``, bgzip) are read one after the other; trailing zero bytes are ignored.

Raises ``EOFError`` (truncated) or ``zlib.error`` (corrupt, bad CRC), like ``gzip``.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

STEP = 4096  # compressed bytes per step: a corrupt block loses at most what this step would have given


class SalvagingGzipReader(io.RawIOBase):
    """Raw, read-only stream of the decompressed bytes of ``fileobj`` (a binary file at a gzip member)."""

    def __init__(self, fileobj: BinaryIO):
        super().__init__()
        self._fp = fileobj
        self._z = zlib.decompressobj(wbits=31)
        self._tail = b""  # compressed input not consumed yet (max_length stopped the decompressor)
        self._error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def _next_member(self) -> bool:
        """After a member's end: start the next one (True), or the file is done (False)."""
        rest = self._z.unused_data + self._tail
        self._tail = b""
        while len(rest) < 2:
            more = self._fp.read(STEP)
            if not more:
                break
            rest += more
        if not rest.strip(b"\x00"):
            return False
        if not rest.startswith(b"\x1f\x8b"):
            raise OSError("trailing garbage after the gzip data")
        self._z = zlib.decompressobj(wbits=31)
        self._tail = rest
        return True

    def _decompress(self, size: int) -> bytes:
        while True:
            if self._z.eof and not self._next_member():
                return b""
            data = self._tail or self._fp.read(STEP)
            self._tail = b""
            if not data:
                raise EOFError("compressed file ended before the end-of-stream marker was reached")
            out = self._z.decompress(data, size)
            self._tail = self._z.unconsumed_tail
            if out:
                return out

    def readinto(self, buffer) -> int:
        if self._error is not None:
            err, self._error = self._error, None
            raise err
        view = memoryview(buffer).cast("B")
        n = 0
        while n < len(view):
            try:
                out = self._decompress(len(view) - n)
            except (EOFError, zlib.error, OSError) as exc:
                if n:  # give what we have; the error comes with the next read
                    self._error = exc
                    return n
                raise
            if not out:
                break
            view[n:n + len(out)] = out
            n += len(out)
        return n
