"""``claimex export RUN_DIR_OR_JSONL --to csv|xlsx|parquet``: claims spreadsheet for a systematic review.

Also home of the review filter options (``--only-rct``, ``--min-year``, ``--max-year``, ``--pmids``),
shared with ``claimex show`` and offered to other commands through :func:`review_filter`.
"""

from __future__ import annotations

from pathlib import Path

import typer

from .common import fail

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
    to: str = typer.Option("xlsx", "--to", "-t", help="csv | xlsx | parquet"),
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
) -> None:
    """Write the review tables: one row per claim (PICO, measures, direction, significance, hedging,
    sentence), one per abstract (PICO lists, sample size, publication types, MeSH), one per claim-measure
    pair."""
    from ..review.export import FORMATS
    from ..review.export import export as run_export

    fmt = to.lower().lstrip(".")
    if fmt not in FORMATS:
        raise fail(f"unknown export format {to!r}; choose from {', '.join(FORMATS)}")
    if not source.exists():
        raise fail(f"{source}: no such file or directory")
    record_filter = review_filter(only_rct, min_year, max_year, pmids)
    try:
        tables, written = run_export(source, fmt, output, record_filter)
    except (ValueError, OSError) as exc:
        raise fail(str(exc))
    counts = ", ".join(f"{len(t)} {name}" for name, t in tables.items())
    for path in written:
        typer.echo(str(path))
    typer.echo(f"{counts}" + (f" ({record_filter.describe()})" if record_filter else ""), err=True)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
