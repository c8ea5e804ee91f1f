"""JSON Lines: one ``{"id": ..., "text": ..., "title"?: ...}`` object per line (``.jsonl``, ``.jsonl.gz``).

* ``text`` is the input's ``text`` exactly (the title is NOT prepended; it goes to ``meta["title"]``).
* Every other field goes to ``meta`` under its own name; a ``meta`` object is merged into ``meta``;
  a valid ``sections`` list (``[start, end, label]`` within the text) becomes ``Document.sections``.
* ``id``: the field as a string (numbers allowed); missing, null or empty -> ``"<file stem>:<line>"``
  with no error.
* A bad line (invalid JSON, not an object, missing/empty/non-string ``text``, text over ``max_chars``,
  a line over the byte cap) -> one ``ReadError(source=file, record=<line number>)``; reading goes on.
  Blank lines are skipped. Lines are numbered from 1. ``Document.source`` is ``"path:line"``.
* ``meta`` holds only what the line had (plus ``warnings``): no ``format``/``source`` keys are added.
* A lone surrogate escape (``"\\ud800"`` without its pair: valid JSON, but not encodable text) becomes
  U+FFFD, with a warning, in every string of the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
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
    decode_utf8,
    stream_records,
)

SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value, found: list[int]):
    """``value`` (a decoded JSON value) with lone surrogates replaced by U+FFFD; counts them in ``found``."""
    if isinstance(value, str):
        if SURROGATE.search(value):
            found[0] += len(SURROGATE.findall(value))
            return SURROGATE.sub("\ufffd", value)
        return value
    if isinstance(value, list):
        return [_no_surrogates(v, found) for v in value]
    if isinstance(value, dict):
        return {_no_surrogates(k, found): _no_surrogates(v, found) for k, v in value.items()}
    return value


def _stem(path: PathLike) -> str:
    name = Path(path).name
    for ext in (".gz", ".jsonl", ".ndjson", ".json"):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
    return name


def _sections(value, n: int):
    if not isinstance(value, list):
        return None
    out = []
    for item in value:
        if not (isinstance(item, (list, tuple)) and len(item) == 3):
            return None
        start, end, label = item
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str)
                and 0 <= start <= end <= n):
            return None
        out.append((start, end, label))
    return out


def parse_object(obj, *, doc_id_default: str, source: str, error_source: str, line: int,
                 max_chars: int = DEFAULT_MAX_CHARS) -> Document | ReadError:
    """One decoded JSON value -> Document or ReadError."""
    if not isinstance(obj, dict):
        return ReadError(error_source, str(line), f"not a JSON object ({type(obj).__name__})")
    raw_id = obj.get("id")
    doc_id = doc_id_default if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()) else str(raw_id)
    about = f" (id {doc_id})" if raw_id is not None else ""
    if "text" not in obj or obj["text"] is None:
        return ReadError(error_source, str(line), f"missing text{about}")
    text = obj["text"]
    if not isinstance(text, str):
        return ReadError(error_source, str(line), f"text is not a string ({type(text).__name__}){about}")
    if not text.strip():
        return ReadError(error_source, str(line), f"empty text{about}")
    if len(text) > max_chars:
        return ReadError(error_source, str(line), f"abstract too long ({len(text)} chars > {max_chars}){about}")
    meta: dict = {}
    sections: list = []
    for key, value in obj.items():
        if key in ("id", "text"):
            continue
        if key == "meta" and isinstance(value, dict):
            meta.update(value)
        elif key == "sections" and _sections(value, len(text)) is not None:
            sections = _sections(value, len(text))
        else:
            meta[key] = value
    return Document(id=doc_id, text=text, meta=meta, sections=sections, source=source)


def _parse_line(line: str, lineno: int, *, stem: str, source: str, max_chars: int) -> Document | ReadError:
    try:
        obj = json.loads(line)
    except ValueError as err:
        return ReadError(source, str(lineno), f"invalid JSON: {err}")
    found = [0]
    if "\\u" in line:  # only an escape can make a lone surrogate
        obj = _no_surrogates(obj, found)
    item = parse_object(obj, doc_id_default=f"{stem}:{lineno}", source=f"{source}:{lineno}", error_source=source,
                        line=lineno, max_chars=max_chars)
    if found[0] and isinstance(item, Document):
        add_warning(item.meta, f"{found[0]} lone surrogate escape(s) replaced with U+FFFD")
    return item


def read_jsonl(path: PathLike, *, encoding_errors: str = "replace",
               max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Document | ReadError]:
    """Stream the documents of one JSONL file (see the module docstring)."""
    check_encoding_errors(encoding_errors)
    source = str(path)
    stem = _stem(path)
    cap = 6 * max_chars + (1 << 20)  # bytes; JSON escapes take up to 6 bytes a character

    def records(f: BinaryIO, at: Progress) -> Iterator[Document | ReadError]:
        offset = 0
        while True:
            data = f.readline(cap + 1)
            if not data:
                break
            at.n += 1
            lineno = at.n
            start = offset
            offset += len(data)
            if len(data) > cap and not data.endswith(b"\n"):
                while True:  # skip the rest of the over-long line
                    more = f.readline(1 << 20)
                    offset += len(more)
                    if not more or more.endswith(b"\n"):
                        break
                yield ReadError(source, str(lineno), f"line too long (over {cap} bytes)")
                continue
            if not data.strip():
                continue
            line, bad = decode_utf8(data, start)
            yield checked_record(partial(_parse_line, line, lineno, stem=stem, source=source, max_chars=max_chars),
                                 source=source, record=str(lineno), bad=bad, encoding_errors=encoding_errors,
                                 what="line")

    yield from stream_records(path, records, "line")
