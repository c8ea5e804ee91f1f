"""Cutting a PubMed XML byte stream into records at their start tags, without parsing it (the streaming step of
:mod:`claimex.read.pubmed_xml`): a record that is not well-formed costs that record alone, and memory stays at one
64 KiB block plus the record being cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .base import READ_ERRORS

# Record start tags. The first one found tells the kind of file: in a <MedlineCitationSet> the records are
# bare <MedlineCitation>s; elsewhere a <MedlineCitation> is inside its <PubmedArticle> and is no boundary.
FIRST_RECORD_RE = re.compile(rb"<(Pubmed(?:Article|BookArticle)|DeleteCitation|MedlineCitation)[\s/>]")
NEXT_RECORD_RE = {False: re.compile(rb"<(Pubmed(?:Article|BookArticle)|DeleteCitation)[\s/>]"),
                  True: re.compile(rb"<(MedlineCitation|DeleteCitation)[\s/>]")}


@dataclass(slots=True)
class Piece:
    """One record's bytes as cut from the stream (not parsed yet)."""

    tag: bytes  # b"PubmedArticle", b"MedlineCitation", b"PubmedBookArticle" or b"DeleteCitation"
    data: bytes | bytearray  # from its start tag to the end of its end tag (to the cut, when that is missing)
    line: int  # the line of its start tag (1-based)
    column: int  # the column (byte) of its start tag in that line (1-based)
    offset: int  # the byte offset of its start tag in the (decompressed) stream
    dropped: int = 0  # > 0: over the size cap; its size in bytes (``data`` is empty)
    broken: bool = False  # the stream failed inside it


class RecordCutter:
    """Cuts a PubMed XML byte stream into records at their start tags, without parsing it, so that a record
    that is not well-formed costs that record alone: the next one starts at the next start tag.

    Iterating yields one :class:`Piece` per record; ``head`` is then what came before the first record
    (XML declaration, DOCTYPE, root start tag), and ``complete`` is False when no record start was found
    within the cap. Memory: one block (64 KiB) plus the record being cut; a record over ``cap`` bytes is
    dropped as it streams by. A read error (truncated gzip) is raised after a last, ``broken`` piece (the
    record the break fell in, or after: a record whose end tag was read is whole and parses).
    """

    BLOCK = 1 << 16

    def __init__(self, stream: BinaryIO, cap: int):
        self._stream = stream
        self._cap = cap
        self._buf = bytearray()
        self._base = 0  # the stream offset of _buf[0]
        self._eof = False
        self.head = b""
        self.complete = True
        self._line = self._column = 1  # the position of _buf[cur] in the stream

    def _advance(self, cur: int, to: int) -> None:
        """Move the line/column position from ``_buf[cur]`` to ``_buf[to]``."""
        newline = self._buf.rfind(b"\n", cur, to)
        if newline < 0:
            self._column += to - cur
        else:
            self._line += self._buf.count(b"\n", cur, newline + 1)
            self._column = to - newline

    def _fill(self, keep: int) -> int | None:
        """Drop the bytes before ``keep`` and append the next block; returns the shift of positions (``keep``),
        None at the end of the stream."""
        block = b"" if self._eof else self._stream.read1(self.BLOCK)  # read1: a read error loses nothing
        if not block:
            self._eof = True
            return None
        del self._buf[:keep]
        self._base += keep
        self._buf += block
        return keep

    def _data(self, tag: bytes, start: int, end: int) -> bytearray:
        """The record's bytes up to its end tag (what follows it, up to the next record, is left out)."""
        close = self._buf.rfind(b"</" + tag + b">", start, end)
        if close < 0:  # "</tag >", or no end tag at all (a broken record: it fails to parse)
            ends = list(re.compile(rb"</" + tag + rb"\s*>").finditer(self._buf, start, end))
            return self._buf[start:ends[-1].end() if ends else end]
        return self._buf[start:close + len(tag) + 3]

    def __iter__(self) -> Iterator[Piece]:
        buf, cap = self._buf, self._cap
        scan = 0
        while (m := FIRST_RECORD_RE.search(buf, scan)) is None:
            if len(buf) > cap:
                self.head, self.complete = bytes(buf[:cap]), False
                return
            scan = max(0, len(buf) - 32)
            if self._fill(0) is None:
                self.head = bytes(buf)
                return
        self.head = bytes(buf[:m.start()])
        pattern = NEXT_RECORD_RE[m.group(1) == b"MedlineCitation"]
        cur, tag = m.start(), m.group(1)
        self._advance(0, cur)
        where = self._line, self._column, self._base + cur  # where the record starts
        scan, dropped = cur + 1, 0
        while True:
            nxt = pattern.search(buf, scan)
            try:
                while nxt is None:
                    if len(buf) - cur > cap:  # too big: let it stream by, keep looking for the next start
                        keep = len(buf) - 32
                        self._advance(cur, keep)
                        dropped += keep - cur
                        cur = keep
                    size = len(buf)
                    shift = self._fill(cur)
                    if shift is None:
                        break
                    cur, scan = 0, max(1, size - shift - 32)
                    nxt = pattern.search(buf, scan)
            except READ_ERRORS:  # the record cut by the break, up to its end tag when that was read
                data = b"" if dropped else self._data(tag, cur, len(buf))
                yield Piece(tag, data, *where, dropped + len(buf) - cur if dropped else 0, True)
                raise
            end = nxt.start() if nxt is not None else len(buf)
            if dropped or end - cur > cap:
                yield Piece(tag, b"", *where, dropped + end - cur)
            else:
                yield Piece(tag, self._data(tag, cur, end), *where)
            if nxt is None:
                return
            self._advance(cur, end)
            cur, tag = end, nxt.group(1)
            where = self._line, self._column, self._base + cur
            scan, dropped = cur + 1, 0
