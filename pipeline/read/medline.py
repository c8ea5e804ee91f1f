"""MEDLINE text ("nbib"): ``PMID- ``, ``TI  - ``, ``AB  - `` ... records (``.nbib``, ``.medline``, or a
``.txt`` that starts with ``PMID- ``).

Tags: PMID (id), TI (title; TT when TI is empty), AB (abstract), JT/TA (journal / journal_abbrev), DP
(year), PT (pub_types), MH (mesh, in PubMed's display form + parsed mesh_terms), RN (chemicals: the name
in parentheses), OT (keywords), LID/AID ``... [doi]`` (doi), SO (citation), CI (copyright), LA, PMC.
Continuation lines (indented) are joined to their field with a space. Records are separated by blank
lines or a new ``PMID- `` line, and streamed one at a time.

The abstract is one paragraph in MEDLINE; when it starts with an upper-case label (``BACKGROUND: ...``),
it is split at each label that follows a sentence end into sections ``"LABEL: text"``, one per line, like
a structured PubMed XML abstract (``base.build_text``).
A record without PMID, or with neither title nor abstract, gives a ``ReadError`` (record: the PMID, or the
line number where the record starts) and reading goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import BinaryIO

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
from .mesh import add_mesh_heading

TAG_RE = re.compile(r"^([A-Z][A-Z0-9]{1,3})\s*-\s?(.*)$")
FIRST_LABEL_RE = re.compile(r"^([A-Z][A-Z0-9 ,/&'-]{2,60}):\s")
NEXT_LABEL_RE = re.compile(r"(?<=[.?!)\]] )([A-Z][A-Z0-9 ,/&'-]{2,60}):\s")
MAX_LINE = 1 << 22


def split_labelled(abstract: str) -> list[tuple[str | None, str]]:
    """``"BACKGROUND: a. METHODS: b."`` -> [("BACKGROUND", "a."), ("METHODS", "b.")]; else [(None, text)]."""
    first = FIRST_LABEL_RE.match(abstract)
    if not first or sum(c.isalpha() for c in first.group(1)) < 3:
        return [(None, abstract)] if abstract else []
    cuts = [first] + [m for m in NEXT_LABEL_RE.finditer(abstract, first.end())
                      if sum(c.isalpha() for c in m.group(1)) >= 3]
    out = []
    for i, m in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(abstract)
        out.append((m.group(1).strip(), abstract[m.end():end].strip()))
    return out


def _mesh(value: str) -> tuple[str, bool, list[tuple[str, bool]]]:
    """An ``MH`` value (``"*Liver Neoplasms/secondary"``: ``*`` before a major topic) -> (descriptor,
    major, [(qualifier, major)])."""
    parts = [p.strip() for p in value.split("/")]
    desc = parts[0]
    quals = [(q.lstrip("*").strip(), q.startswith("*")) for q in parts[1:] if q.lstrip("*").strip()]
    return desc.lstrip("*").strip(), desc.startswith("*"), quals


def parse_fields(fields: list[tuple[str, str]], *, source: str, error_source: str, line: int,
                 max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """One record's (tag, value) pairs -> Document or ReadError."""
    def first(tag: str) -> str:
        return next((collapse_ws(v) for t, v in fields if t == tag and collapse_ws(v)), "")

    def every(tag: str) -> list[str]:
        return [collapse_ws(v) for t, v in fields if t == tag and collapse_ws(v)]

    pmid = first("PMID")
    if not pmid:
        return ReadError(error_source, str(line), "record without PMID")
    title = first("TI") or first("TT")
    meta: dict = {"format": "medline", "source": error_source}
    meta["journal"] = first("JT")
    if first("TA"):
        meta["journal_abbrev"] = first("TA")
    meta["year"] = year_of(first("DP"))
    meta["pub_types"] = every("PT")
    mesh: list[str] = []
    terms: list[dict] = []
    for value in every("MH"):
        add_mesh_heading(mesh, terms, *_mesh(value))
    meta["mesh"], meta["mesh_terms"] = mesh, terms
    meta["chemicals"] = [v.split(" (", 1)[1][:-1] if " (" in v and v.endswith(")") else v for v in every("RN")]
    meta["keywords"] = every("OT")
    for value in every("LID") + every("AID"):
        if value.endswith("[doi]"):
            meta["doi"] = clean_doi(value[:-5])
            break
    for tag, key in (("SO", "citation"), ("CI", "copyright"), ("LA", "language"), ("PMC", "pmcid")):
        if first(tag):
            meta[key] = first(tag)
    if not pmid.isdigit():
        add_warning(meta, f"PMID {pmid!r} is not numeric")
    paragraphs = split_labelled(" ".join(every("AB")))
    return make_record(pmid, title, paragraphs, meta, source=source, error_source=error_source,
                       max_chars=max_chars)


def read_medline(path: PathLike, *, encoding_errors: str = "replace",
                 max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | ReadError]:
    """Stream the records of one MEDLINE text file (see the module docstring)."""
    check_encoding_errors(encoding_errors)
    source = str(path)
    cap = 4 * max_chars + 65536

    def records(f: BinaryIO, at: Progress) -> Iterator[Document | ReadError]:
        fields: list[tuple[str, str]] = []
        start_line = 0
        bad: list[int] = []
        size = 0

        def flush():
            nonlocal fields, bad, size
            if not fields:
                return None
            if size > cap:
                item = ReadError(source, fields[0][1].strip() if fields[0][0] == "PMID" else str(start_line),
                                 f"abstract too long (record over {size} bytes > {max_chars} chars)")
            else:
                parse = partial(parse_fields, fields, source=f"{source}:{start_line}", error_source=source,
                                line=start_line, max_chars=max_chars)
                item = checked_record(parse, source=source, record=str(start_line), bad=bad,
                                      encoding_errors=encoding_errors)
            fields, bad, size = [], [], 0
            return item

        offset = 0
        while True:
            data = f.readline(MAX_LINE)
            if not data:
                break
            at.n += 1
            line, line_bad = decode_utf8(data, offset)
            offset += len(data)
            line = line.rstrip("\r\n")
            if not line.strip():
                item = flush()
                if item is not None:
                    yield item
                continue
            m = TAG_RE.match(line)
            if m and m.group(1) == "PMID" and fields:
                item = flush()
                if item is not None:
                    yield item
            if not fields:
                start_line = at.n
            bad.extend(line_bad)
            size += len(data)
            if size > cap:
                fields = fields or [("?", "")]
                continue  # keep counting, drop the text
            if m and not line[:1].isspace():
                fields.append((m.group(1), m.group(2)))
            elif fields:
                tag, value = fields[-1]
                fields[-1] = (tag, value + " " + line.strip())
        item = flush()
        if item is not None:
            yield item

    yield from stream_records(path, records, "line")
