"""``claimex show INPUT -o page.html``: a self-contained HTML page to read records beside their text."""

from __future__ import annotations

from pathlib import Path

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
)
from .export import MaxYearOption, MinYearOption, OnlyRctOption, PmidsOption, review_filter


def show(
    inputs: list[Path] = typer.Argument(
        ...,
        help="claimex/1 records (JSONL(.gz) or a batch run dir), or any "
        "input `claimex extract` takes (analysed with --model).",
    ),
    output: Path = typer.Option(Path("claimex-show.html"), "--output", "-o", help="The HTML page to write."),
    limit: int = typer.Option(20, "--limit", "-n", help="Show at most this many records (0: all)."),
    ids: list[str] | None = typer.Option(None, "--id", help="Show this record id (repeatable)."),
    model: str | None = ModelOption,
    fmt: InputFormat | None = FormatOption,
    title: str | None = typer.Option(None, "--title", help="Page title."),
    only_rct: bool = OnlyRctOption,
    min_year: int | None = MinYearOption,
    max_year: int | None = MaxYearOption,
    pmids: Path | None = PmidsOption,
    quiet: bool = QuietOption,
) -> None:
    """Write one HTML page: each record's text with PICO entities, measures and abbreviations
    highlighted (a legend on top), its claims in a table linked to their sentences, abbreviations with
    their long forms. The page loads nothing from elsewhere and runs only its own script."""
    from ..review.show import load_for_show, write_page

    quiet_logs(quiet)
    fmt = check_format(value(fmt))
    for path in inputs:
        if not path.exists():
            raise fail(f"{path}: no such file or directory")
    if limit < 0:
        raise fail("--limit must be >= 0")
    record_filter = review_filter(only_rct, min_year, max_year, pmids)
    errors: list[str] = []

    def on_error(message: str) -> None:
        errors.append(message)
        error_line(message)

    total = expected_records(inputs, fmt, limit) if show_progress(quiet, None) else None
    try:
        with progress("show", total, show_progress(quiet, total)) as bar:
            records = load_for_show(
                inputs,
                model=model,
                fmt=fmt,
                record_filter=record_filter,
                limit=limit or None,
                ids=set(ids) if ids else None,
                on_error=on_error,
                track=bar.track,
            )
    except (OSError, ValueError) as exc:  # unreadable records, model not found, mixed inputs
        raise fail(str(exc))
    note = record_filter.describe() if record_filter else ""
    write_page(records, output, title=title, note=note)
    typer.echo(str(output))
    typer.echo(f"{len(records)} record(s) shown", err=True)
    if errors:
        raise typer.Exit(1)


def expected_records(inputs: list[Path], fmt: str | None, limit: int) -> int | None:
    """The progress bar's total: the documents to analyse (or records in one JSONL file), capped at
    ``limit``; None when unknown."""
    from ..review.show import is_record_source
    from .export import count_lines
    from .extract import count_documents

    if all(is_record_source(p) for p in inputs):
        total = count_lines(inputs[0]) if len(inputs) == 1 else None
    else:
        total = count_documents(inputs, fmt)
    return min(total, limit) if total is not None and limit else total


def register(app: typer.Typer) -> None:
    app.command("show")(show)
