"""Readers: input files -> a stream of :class:`Document`, :class:`ReadError` and :class:`Deletion`.

``read_documents(paths)`` dispatches each file by extension (``.gz`` stripped; ``.txt`` sniffed) or by
``format`` (``text``, ``jsonl``, ``pubmed-xml``, ``medline``, ``ris``) and yields its records in input
order, streaming. It never raises for bad input: a missing file, a glob that matches nothing, an unknown
format or a bad record becomes a ``ReadError`` in the stream, so the caller can report it and go on.

Paths: a directory expands to the files under it (recursively, sorted, hidden files skipped) that have a
known extension (``.txt .text .jsonl .ndjson .xml .nbib .medline .ris``, each optionally ``.gz``; the others
are named in one warning per directory); a path containing ``*``, ``?`` or ``[`` that is not an existing
file is a glob and expands to the matching files (sorted, all of them). An empty file (nothing but
whitespace or a BOM) is a ``ReadError`` in every format. ``resolve_updates=True`` applies later versions,
duplicates and ``<DeleteCitation>`` within each file as ``claimex batch`` does (:mod:`claimex.read.updates`).
See :mod:`claimex.read.base` for the types and the analysed-text definition.
"""

from __future__ import annotations

import glob
import logging
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path

from .base import (
    DEFAULT_MAX_CHARS,
    FORMATS,
    Deletion,
    Document,
    PathLike,
    ReadError,
    ReadItem,
    build_text,
    check_encoding_errors,
    detect_format,
    has_known_extension,
    normalize_format,
    open_any,
    read_head,
)
from .jsonl import read_jsonl
from .medline import read_medline
from .pubmed_xml import read_pubmed_xml
from .ris import read_ris
from .text import parse_text, read_text_file
from .updates import OnDrop, resolve_in_file

log = logging.getLogger("claimex.read")

__all__ = [
    "DEFAULT_MAX_CHARS", "FORMATS", "Deletion", "Document", "ReadError", "build_text", "detect_format",
    "expand_paths", "input_files", "open_any", "parse_text", "read_documents", "read_file", "read_jsonl",
    "read_medline", "read_pubmed_xml", "read_ris", "read_text_file",
]


def _is_glob(text: str) -> bool:
    return any(c in text for c in "*?[")


def input_files(directory: Path) -> list[Path]:
    """The input files under ``directory``: recursively, sorted, hidden files and folders left out, known
    extensions only. Files left out for their extension are named in one warning (``claimex.read`` logger)."""
    files, unknown = [], []
    for f in sorted(directory.rglob("*")):
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(directory).parts):
            (files if has_known_extension(f) else unknown).append(f)
    if unknown:
        names = ", ".join(f.relative_to(directory).as_posix() for f in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        log.warning("%s: %d file(s) skipped, unknown extension: %s%s", directory, len(unknown), names, more)
    return files


def expand_paths(paths: Iterable[PathLike] | PathLike) -> Iterator[Path | ReadError]:
    """Files to read, in order: directories and globs expanded (see the module docstring)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for item in paths:
        p = Path(item)
        if p.is_dir():
            files = input_files(p)
            if not files:
                yield ReadError(str(p), None, "directory has no readable files")
            yield from files
        elif not p.exists() and _is_glob(str(item)):
            matches = sorted(Path(m) for m in glob.glob(str(item), recursive=True) if Path(m).is_file())
            if not matches:
                yield ReadError(str(item), None, "no files match")
            yield from matches
        else:
            yield p


def read_file(path: PathLike, format: str | None = None, *, encoding_errors: str = "replace",
              max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ReadItem]:
    """The records of one file (``format`` None: detected)."""
    source = str(path)
    if not Path(path).exists():
        yield ReadError(source, None, "no such file")
        return
    if Path(path).is_dir():
        yield ReadError(source, None, "is a directory")
        return
    try:
        fmt = normalize_format(format) if format else detect_format(path)
    except ValueError as err:
        yield ReadError(source, None, str(err))
        return
    try:
        head = read_head(path, 1 << 16)
    except (OSError, EOFError):
        head = b"?"  # unreadable: the reader reports it
    if not head.strip() and len(head) < 1 << 16:
        yield ReadError(source, None, "empty file")
        return
    kw = {"encoding_errors": encoding_errors, "max_chars": max_chars}
    if fmt == "text":
        yield read_text_file(path, **kw)
    elif fmt == "jsonl":
        yield from read_jsonl(path, **kw)
    elif fmt == "pubmed-xml":
        yield from read_pubmed_xml(path, **kw)
    elif fmt == "medline":
        yield from read_medline(path, **kw)
    else:
        yield from read_ris(path, **kw)


def read_documents(paths: Iterable[PathLike] | PathLike, format: str | None = None,
                   encoding_errors: str = "replace", max_chars: int = DEFAULT_MAX_CHARS, *,
                   resolve_updates: bool = False, on_drop: OnDrop | None = None) -> Iterator[ReadItem]:
    """Stream Documents / ReadErrors / Deletions from files, directories and globs, in input order.

    ``format`` forces one reader for every file (else detected per file); ``encoding_errors``:
    ``"replace"`` (U+FFFD plus a ``meta["warnings"]`` entry) or ``"strict"`` (a ReadError);
    ``max_chars``: longer texts are skipped with a ReadError. ``resolve_updates``: within each file, leave
    out the documents a later version, duplicate or ``<DeleteCitation>`` replaces, each named through
    ``on_drop`` (:mod:`claimex.read.updates`; the file is read twice). Raises ValueError only for a bad
    ``encoding_errors`` value (a programming error), never for bad input.
    """
    check_encoding_errors(encoding_errors)
    for path in expand_paths(paths):
        if isinstance(path, ReadError):
            yield path
            continue
        read = partial(read_file, path, format, encoding_errors=encoding_errors, max_chars=max_chars)
        yield from resolve_in_file(read, on_drop) if resolve_updates else read()
