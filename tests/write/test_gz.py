"""Gzip text files with a reproducible header (``claimex.write.gz``; session 28): the same lines give the same bytes."""

from __future__ import annotations

import gzip
import os
import time

from claimex.write.gz import gzip_text

LINES = ["{\"id\": \"1\", \"text\": \"Mortality fell from 12% to 8%.\"}\n", "{\"id\": \"2\", \"text\": \"μ ± 3\"}\n"]


def _write(path, level=6) -> bytes:
    with gzip_text(path, compresslevel=level) as fh:
        for line in LINES:
            fh.write(line)
    return path.read_bytes()


def test_the_same_lines_give_the_same_bytes_at_another_time_and_name(tmp_path):
    first = _write(tmp_path / "a.jsonl.gz")
    time.sleep(1.1)  # gzip.open would write another mtime now
    assert _write(tmp_path / "other-name.jsonl.gz") == first
    assert first[3] & 0x08 == 0 and first[4:8] == b"\0\0\0\0"  # no FNAME flag, mtime 0 (RFC 1952)
    with gzip.open(tmp_path / "a.jsonl.gz", "rt", encoding="utf-8") as fh:
        assert fh.readlines() == LINES


def test_the_file_is_closed_with_the_stream(tmp_path):
    fd_before = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    fh = gzip_text(tmp_path / "x.gz")
    fh.write("a\n")
    fh.close()
    assert fh.closed and fh._raw.closed
    if fd_before is not None:
        assert len(os.listdir("/proc/self/fd")) == fd_before
    assert gzip.decompress((tmp_path / "x.gz").read_bytes()) == b"a\n"
