"""``claimex extract INPUT...``: analyse files and write claimex/1 records as JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .common import (
    FormatOption,
    InputFormat,
    ModelOption,
    QuietOption,
    check_format,
    error_line,
    fail,
    progress,
    quiet_logs,
    show_progress,
    value,
    warning_line,
)
from .export import MaxYearOption, MinYearOption, OnlyRctOption, PmidsOption, review_filter


def extract(
    inputs: List[Path] = typer.Argument(..., help="Text, JSONL, PubMed/MEDLINE XML(.gz), MEDLINE (.nbib) "
                                                  "or RIS files; directories and globs too."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write JSONL here (.gz compresses); "
                                                                       "default stdout."),
    fmt: Optional[InputFormat] = FormatOption,
    model: Optional[str] = ModelOption,
    doc_id: Optional[str] = typer.Option(None, "--id", help="Record id for a single text input."),
    batch_size: int = typer.Option(32, help="Documents per nlp.pipe batch."),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON (one record spans several lines)."),
    only_rct: bool = OnlyRctOption,
    min_year: Optional[int] = MinYearOption,
    max_year: Optional[int] = MaxYearOption,
    pmids: Optional[Path] = PmidsOption,
    quiet: bool = QuietOption,
) -> None:
    """Extract claim records: one JSON object per input document (schema claimex/1).

    Bad records are reported on stderr as one line each (file and record named); the good
    records around them are still written. Within one file a later version, a duplicate id or a
    <DeleteCitation> replaces the earlier record as in `claimex batch` (one warning line each).
    Exit status 1 when anything failed (an empty input file included).
    """
    from ..extractor import Extractor
    from ..read import read_documents
    from ..read.base import Document, ReadError
    from ..write import JsonlWriter

    quiet_logs(quiet)
    fmt = check_format(value(fmt))
    record_filter = review_filter(only_rct, min_year, max_year, pmids)
    try:
        extractor = Extractor.load(model)
        extractor.freeze()
    except (OSError, ValueError) as exc:
        raise fail(str(exc))
    # within one file, later versions / duplicates / <DeleteCitation> win as in `claimex batch` (a warning each)
    items = read_documents(inputs, format=fmt, resolve_updates=True,
                           on_drop=lambda doc, why: warning_line(f"{doc.source}: record {doc.id} not written: {why}"))
    if record_filter is not None:
        items = record_filter.filter(items)
    if doc_id is not None:
        items = (_with_id(item, doc_id) if isinstance(item, Document) else item for item in items)
    total = count_documents(inputs, fmt) if show_progress(quiet, None) else None
    failures = 0
    try:
        with JsonlWriter(output, indent=2 if pretty else None) as writer, \
                progress("extract", total, show_progress(quiet, total)) as bar:
            for item in bar.track(extractor.records(items, batch_size=batch_size)):
                if isinstance(item, ReadError):
                    failures += 1
                    error_line(str(item))
                elif hasattr(item, "to_json"):
                    for warning in item.meta.get("warnings") or []:
                        warning_line(f"{item.meta.get('source') or 'input'}: record {item.id}: {warning}")
                    writer.write(item)
    except OSError as exc:  # disk full, permissions: the output file is not left half-written
        raise fail(f"{output or 'stdout'}: cannot write: {exc.strerror or exc}", 1)
    if failures:
        error_line(f"{failures} record(s) or file(s) failed; {writer.count} record(s) written")
        raise typer.Exit(1)


def count_documents(inputs: List[Path], fmt: Optional[str]) -> int:
    """How many documents the inputs hold (a reading pass, for the progress bar's total and ETA)."""
    from ..read import read_documents
    from ..read.base import Document

    return sum(isinstance(item, Document) for item in read_documents(inputs, format=fmt))


def _with_id(document, doc_id: str):
    document.id = doc_id
    return document


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
