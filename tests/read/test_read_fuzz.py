"""Property-based fuzz test of every reader (issue 14): random truncations (plain and gzipped), byte flips
and re-encodings of files built from real abstracts never raise past the reader, never lose a record that
is complete and untouched, and stay within a memory bound.

"Complete": the record's bytes up to and including its terminator (JSONL: the newline; PubMed XML: the end
tag; MEDLINE: the blank line after it; RIS: the ``ER`` line) lie before the cut, or, for a gzip, within the
part that still decompresses. "Untouched" (byte flips): the flipped byte is not in the record or its
neighbours (a flipped newline may join two of them), nor in the XML head (which every record is parsed with).
Runtime: a few seconds (``max_examples`` per property below).
"""

from __future__ import annotations

import gzip
import json
import tempfile
import tracemalloc
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimex.read import Document, read_file

FORMATS = ("jsonl", "pubmed-xml", "medline", "ris", "text")
EXT = {"jsonl": ".jsonl", "pubmed-xml": ".xml", "medline": ".nbib", "ris": ".ris", "text": ".txt"}
MEMORY_BOUND = 32 << 20  # Python-allocated bytes while reading one of these (< 20 KB) files
FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@dataclass
class Sample:
    data: bytes
    spans: list[tuple[str, int, int]]  # (id, first byte, byte after its terminator)
    head: int = 0  # bytes before the first record that every record depends on (XML)


def _abstracts(corpora: Path, n: int = 6) -> list[tuple[str, str, str]]:
    out = []
    path = corpora / "pubmed-xml-samples" / "abstracts_flat.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        body = " ".join(s["text"] or "" for s in rec["abstract_sections"])
        if rec.get("title") and body and len(body) < 2500:
            out.append((rec["pmid"], rec["title"], body))
        if len(out) == n:
            return out
    return out


def _build(fmt: str, abstracts) -> Sample:
    parts: list[bytes] = []
    spans: list[tuple[str, int, int]] = []
    pos = 0

    def add(record: bytes, ident: str | None) -> None:
        nonlocal pos
        if ident is not None:
            spans.append((ident, pos, pos + len(record)))
        parts.append(record)
        pos += len(record)

    head = 0
    if fmt == "jsonl":
        for pmid, title, body in abstracts:
            add((json.dumps({"id": pmid, "title": title, "text": body}, ensure_ascii=False) + "\n").encode(), pmid)
    elif fmt == "pubmed-xml":
        add(b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n', None)
        head = pos
        for pmid, title, body in abstracts:
            add((f"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><ArticleTitle>{escape(title)}"
                 f"</ArticleTitle><Abstract><AbstractText>{escape(body)}</AbstractText></Abstract></Article>"
                 f"</MedlineCitation></PubmedArticle>").encode(), pmid)
            add(b"\n", None)
        add(b"</PubmedArticleSet>\n", None)
    elif fmt == "medline":
        for pmid, title, body in abstracts:
            add(f"PMID- {pmid}\nTI  - {title}\nAB  - {body}\n\n".encode(), pmid)
    elif fmt == "ris":
        for pmid, title, body in abstracts:
            add(f"TY  - JOUR\nAN  - {pmid}\nTI  - {title}\nAB  - {body}\nER  - \n".encode(), pmid)
    else:
        pmid, title, body = abstracts[0]
        add(f"{title}\n\n{body}\n".encode(), None)
    return Sample(b"".join(parts), spans, head)


@pytest.fixture(scope="module")
def samples(corpora) -> dict[str, Sample]:
    abstracts = _abstracts(corpora)
    return {fmt: _build(fmt, abstracts) for fmt in FORMATS}


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory(prefix="claimex-fuzz-") as d:
        yield Path(d)


def _read(workdir: Path, fmt: str, data: bytes, gz: bool = False):
    """Every item of the reader on ``data``; it must not raise, and stay within the memory bound."""
    path = workdir / ("input" + EXT[fmt] + (".gz" if gz else ""))
    path.write_bytes(data)
    tracemalloc.start()
    try:
        items = list(read_file(path, fmt))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"{fmt}: {peak} bytes"
    for item in items:  # every error is one line
        assert "\n" not in str(item) or isinstance(item, Document)
    return items


def _ids(items) -> list[str]:
    return [i.id for i in items if isinstance(i, Document)]


@given(fmt=st.sampled_from(FORMATS), cut=st.floats(0, 1))
@FUZZ
def test_truncation_keeps_every_complete_record(samples, workdir, fmt, cut):
    sample = samples[fmt]
    k = int(len(sample.data) * cut)
    ids = _ids(_read(workdir, fmt, sample.data[:k]))
    complete = [ident for ident, _, end in sample.spans if end <= k]
    assert ids[:len(complete)] == complete


@given(fmt=st.sampled_from(FORMATS), cut=st.floats(0, 1))
@FUZZ
def test_gzip_truncation_keeps_every_complete_record(samples, workdir, fmt, cut):
    sample = samples[fmt]
    gz = gzip.compress(sample.data, mtime=0)
    k = int(len(gz) * cut)
    readable = len(zlib.decompressobj(wbits=31).decompress(gz[:k])) if k > 10 else 0
    ids = _ids(_read(workdir, fmt, gz[:k], gz=True))
    complete = [ident for ident, _, end in sample.spans if end <= readable]
    assert ids[:len(complete)] == complete


@given(fmt=st.sampled_from(FORMATS), data=st.data())
@FUZZ
def test_byte_flips_lose_only_the_records_they_touch(samples, workdir, fmt, data):
    sample = samples[fmt]
    buf = bytearray(sample.data)
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(buf) - 1), st.integers(1, 255)), min_size=1,
                               max_size=3))
    for p, x in flips:
        buf[p] ^= x
    ids = set(_ids(_read(workdir, fmt, bytes(buf))))
    if any(p < sample.head for p, _ in flips):
        return  # a broken XML head: every record may go (a file error says so); no raise is the property
    touched = set()
    for k, (_, start, end) in enumerate(sample.spans):
        if any(start <= p < end for p, _ in flips):
            touched.update(sample.spans[j][0] for j in (k - 1, k, k + 1) if 0 <= j < len(sample.spans))
    untouched = [ident for ident, start, end in sample.spans if ident not in touched
                 and not any(start <= p < end for p, _ in flips)]
    assert set(untouched) <= ids


@given(fmt=st.sampled_from(FORMATS), encoding=st.sampled_from(["utf-16", "utf-16-le", "latin-1", "cp1252",
                                                                "utf-8-sig", "utf-32"]))
@FUZZ
def test_other_encodings_never_raise(samples, workdir, fmt, encoding):
    text = samples[fmt].data.decode("utf-8") + "é ü — “quotes” 10⁻³ μg"
    _read(workdir, fmt, text.encode(encoding, "replace"))


@given(fmt=st.sampled_from(FORMATS), blob=st.binary(max_size=2048), gz=st.booleans())
@FUZZ
def test_random_bytes_never_raise(workdir, fmt, blob, gz):
    _read(workdir, fmt, gzip.compress(blob) if gz else blob, gz=gz)
