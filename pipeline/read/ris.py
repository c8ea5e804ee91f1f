"""RIS (``.ris``), parsed with ``rispy`` one record at a time (``TY  -`` ... ``ER  -``), streamed.

TI/T1 (title; ST/TT as fallbacks), AB/N2 (abstract; a labelled abstract is split like MEDLINE's), PY/Y1/DA
(year), JO/JF/T2/JA/J2 (journal), KW (keywords), DO (doi), AU/A1 (authors). The id: AN, else ID, else a
``PMID:``-like number in an unknown tag (``PM``) / notes, else ``"<file stem>:<record index>"`` (1-based).
``Document.source`` is ``"path:line"`` of the ``TY`` line.
A record with no title and no abstract, or one rispy cannot parse, gives a ``ReadError`` (record: the
id or ``#index``); a record missing its ``ER`` line at the end of the file is still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

import rispy

from .base import (
    DEFAULT_MAX_CHARS,
    Document,
    PathLike,
    Progress,
    ReadError,
    add_warning,
    check_encoding_errors,
    checked_record,
    clean_doi,
    collapse_ws,
    decode_utf8,
    make_record,
    stream_records,
    year_of,
)
from .medline import split_labelled

TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -( |$)")
MAX_LINE = 1 << 22


def _first(rec: dict, *keys: str) -> str:
    for key in keys:
        value = rec.get(key)
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        if value and collapse_ws(str(value)):
            return collapse_ws(str(value))
    return ""


def parse_entry(rec: dict, *, default_id: str, source: str, error_source: str,
                max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """One rispy entry -> Document or ReadError."""
    unknown = rec.get("unknown_tag") or {}
    doc_id = _first(rec, "accession_number", "id")
    warning = None
    if not doc_id:
        for tag in ("PM", "PMID"):
            if unknown.get(tag):
                doc_id = collapse_ws(unknown[tag][0])
                if not doc_id.isdigit():
                    warning = f"PMID {doc_id!r} ({tag} tag) is not numeric"
                break
    if not doc_id:
        m = re.search(r"\bPMID:?\s*(\d+)", " ".join(str(n) for n in rec.get("notes", []) or []))
        doc_id = m.group(1) if m else default_id
    meta: dict = {"format": "ris", "source": error_source, "type": rec.get("type_of_reference")}
    title = _first(rec, "title", "primary_title", "short_title", "translated_title")
    meta["journal"] = _first(rec, "journal_name", "alternate_title3", "secondary_title", "alternate_title2",
                             "alternate_title1")
    meta["year"] = year_of(_first(rec, "year", "publication_year", "date"))
    keywords = rec.get("keywords") or []
    meta["keywords"] = [collapse_ws(k) for k in keywords if collapse_ws(k)]
    doi = clean_doi(_first(rec, "doi"))
    if doi:
        meta["doi"] = doi
    authors = rec.get("authors") or rec.get("first_authors") or []
    if authors:
        meta["authors"] = [collapse_ws(a) for a in authors]
    add_warning(meta, warning)
    abstract = _first(rec, "abstract", "notes_abstract")
    return make_record(doc_id, title, split_labelled(abstract), meta, source=source,
                       error_source=error_source, max_chars=max_chars)


def _records(f, cap: int) -> Iterator[tuple[int, list[str], list[int], bool]]:
    """(line of TY, lines, replaced byte positions, too long) per record; a record over ``cap`` bytes
    keeps only its TY line."""
    lines: list[str] = []
    bad: list[int] = []
    start = lineno = offset = size = 0
    while True:
        data = f.readline(MAX_LINE)
        if not data:
            break
        lineno += 1
        line, line_bad = decode_utf8(data, offset)
        offset += len(data)
        line = line.rstrip("\r\n")
        m = TAG_LINE.match(line)
        if m and m.group(1) == "TY":
            if lines:
                yield start, lines, bad, size > cap
            lines, bad, start, size = [line], list(line_bad), lineno, len(data)
        elif lines:
            size += len(data)
            if size <= cap:
                lines.append(line)
                bad.extend(line_bad)
            if m and m.group(1) == "ER":
                yield start, lines, bad, size > cap
                lines, bad = [], []
    if lines:
        yield start, lines, bad, size > cap


def _parse_lines(lines: list[str], *, index: int, start: int, default_id: str, source: str,
                 max_chars: int) -> Document | ReadError:
    """One record's lines -> Document or ReadError (a missing ``ER`` line is supplied)."""
    if not TAG_LINE.match(lines[-1]) or not lines[-1].startswith("ER"):
        lines = [*lines, "ER  - "]
    try:
        entries = rispy.RisParser().parse_lines(iter(lines))
    except Exception as err:
        return ReadError(source, f"#{index}", f"cannot parse RIS record (line {start}): {err}")
    if not entries:
        return ReadError(source, f"#{index}", f"empty RIS record (line {start})")
    return parse_entry(entries[0], default_id=default_id, source=f"{source}:{start}", error_source=source,
                       max_chars=max_chars)


def read_ris(path: PathLike, *, encoding_errors: str = "replace",
             max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | ReadError]:
    """Stream the records of one RIS file (see the module docstring)."""
    check_encoding_errors(encoding_errors)
    source = str(path)
    stem = Path(source).name.split(".")[0]
    cap = 4 * max_chars + 65536

    def records(f: BinaryIO, at: Progress) -> Iterator[Document | ReadError]:
        for start, lines, bad, too_long in _records(f, cap):
            at.n += 1
            index = at.n
            if too_long:
                yield ReadError(source, f"#{index}", f"abstract too long (record at line {start} over "
                                                     f"{cap} bytes > {max_chars} chars)")
                continue
            parse = partial(_parse_lines, lines, index=index, start=start, default_id=f"{stem}:{index}",
                            source=source, max_chars=max_chars)
            yield checked_record(parse, source=source, record=f"#{index}", bad=bad,
                                 encoding_errors=encoding_errors)

    yield from stream_records(path, records, "record")
