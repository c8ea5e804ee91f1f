"""``claimex export RUN_DIR_OR_JSONL --to csv|xlsx|parquet``: claims spreadsheet for a systematic review.

Also home of the review filter options (``--only-rct``, ``--min-year``, ``--max-year``, ``--pmids``),
shared with ``claimex show`` and offered to other commands through :func:`review_filter`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ..review.export import FORMATS
from .common import QuietOption, choices, fail, progress, quiet_logs, require, show_progress

ExportFormat = choices("ExportFormat", FORMATS)

OnlyRctOption = typer.Option(
    False,
    "--only-rct",
    help="Keep randomized controlled trials only: publication type 'Randomized Controlled Trial', or, "
    "without publication types, a design detector on the text (randomized, placebo-controlled, ...).",
)
MinYearOption = typer.Option(None, "--min-year", help="Keep records published in or after this year.")
MaxYearOption = typer.Option(None, "--max-year", help="Keep records published in or before this year.")
PmidsOption = typer.Option(None, "--pmids", help="Keep the ids listed in FILE (one per line; '#' comments).")


def review_filter(
    only_rct: bool = False,
    min_year: int | None = None,
    max_year: int | None = None,
    pmids: Path | None = None,
):
    """The :class:`claimex.review.filters.RecordFilter` for the options above (None when no option is
    set); a bad option value ends the command with a one-line error."""
    from ..review.filters import RecordFilter

    if pmids is not None and not pmids.is_file():
        raise fail(f"{pmids}: PMID list not found")
    try:
        record_filter = RecordFilter.from_options(only_rct, min_year, max_year, pmids)
    except (ValueError, OSError) as exc:
        raise fail(str(exc))
    return record_filter if record_filter.active else None


def export(
    source: Path = typer.Argument(
        ..., help="A JSONL(.gz) file of claimex/1 records or a `claimex batch` run directory."
    ),
    to: ExportFormat = typer.Option("xlsx", "--to", "-t", case_sensitive=False, help="Table format."),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Output file. xlsx: one workbook (sheets claims, abstracts, measures). csv/parquet: the claims "
        "table here, the others beside it as STEM.abstracts.EXT and STEM.measures.EXT. "
        "Default: the input's name with the new extension, in the current directory.",
    ),
    only_rct: bool = OnlyRctOption,
    min_year: int | None = MinYearOption,
    max_year: int | None = MaxYearOption,
    pmids: Path | None = PmidsOption,
    quiet: bool = QuietOption,
) -> None:
    """Write the review tables: one row per claim (PICO, measures, direction, significance, hedging,
    sentence), one per abstract (PICO lists, sample size, publication types, MeSH), one per claim-measure
    pair."""
    from ..review.export import export as run_export

    quiet_logs(quiet)
    fmt = to.value
    if fmt == "xlsx":
        require("openpyxl", "--to xlsx")
    if not source.exists():
        raise fail(f"{source}: no such file or directory")
    record_filter = review_filter(only_rct, min_year, max_year, pmids)
    total = count_lines(source) if show_progress(quiet, None) else None
    try:
        with progress("export", total, show_progress(quiet, total)) as bar:
            tables, written = run_export(source, fmt, output, record_filter, track=bar.track)
    except (ValueError, OSError) as exc:
        raise fail(str(exc))
    counts = ", ".join(f"{len(t)} {name}" for name, t in tables.items())
    for path in written:
        typer.echo(str(path))
    typer.echo(f"{counts}" + (f" ({record_filter.describe()})" if record_filter else ""), err=True)


def count_lines(source: Path) -> int | None:
    """Records in a JSONL(.gz) file (its non-empty lines), for the progress bar; None for a run dir."""
    if not source.is_file() or not source.name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return None
    import gzip

    opener = gzip.open if source.name.endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8", errors="replace") as fh:
        return sum(1 for line in fh if line.strip())


def register(app: typer.Typer) -> None:
    app.command("export")(export)
