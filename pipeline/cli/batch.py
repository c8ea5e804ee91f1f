"""``claimex batch INPUT... --out DIR``: one output shard per input file; resumable, parallel, Dask."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from ..batch.shards import OUTPUT_FORMATS, PART_SIZE
from .common import InputFormat, ModelOption, check_format, choices, error_line, fail, missing_extra, quiet_logs, value

OutputFormat = choices("OutputFormat", OUTPUT_FORMATS)


def batch(
    inputs: list[str] = typer.Argument(..., help="PubMed XML(.gz) baseline/update files, MEDLINE "
                                                 "(.nbib/.txt), "
                                                 "RIS, JSONL, text; directories and globs too."),
    out: Path = typer.Option(..., "--out", "-o", help="Output directory (shards, manifest.json)."),
    output_format: OutputFormat = typer.Option("jsonl", "--format",
                                               help="Shard format: jsonl (.jsonl.gz) or parquet."),
    input_format: InputFormat | None = typer.Option(None, "--input-format", "-f", case_sensitive=False,
                                                    help="Input format for all files; default: by "
                                                         "extension/content."),
    model: str | None = ModelOption,
    workers: int = typer.Option(1, "--workers", "-w", min=1,
                                help="Worker processes (forked after this one loads the model, where safe)."),
    dask_scheduler: str | None = typer.Option(None, "--dask-scheduler",
                                                 help="Run the shards on this Dask cluster (tcp://host:8786)."),
    dask_local: int | None = typer.Option(None, "--dask-local", min=1,
                                             help="Start a Dask LocalCluster of N worker processes."),
    force: bool = typer.Option(False, "--force", help="Redo every shard, current or not."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per nlp.pipe batch."),
    part_size: int = typer.Option(PART_SIZE, "--part-size", min=0,
                                  help="With --workers N: the most citations per unit of work (a part of a "
                                       "file; smaller toward the end of the run; 0: whole files)."),
    retries: int = typer.Option(1, "--retries", min=0, help="Tries again for work whose worker died."),
    dedupe: bool = typer.Option(True, "--dedupe/--no-dedupe",
                                help="Write superseded.json (records replaced or deleted by later shards)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 also when records (not files) failed."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bars and no logs (Dask's too): a summary line and errors."),
) -> None:
    """Annotate many files into an output directory: NAME.jsonl.gz (or .parquet) per input file, errors in
    NAME.errors.jsonl, DeleteCitation PMIDs in NAME.deletions.txt, everything recorded in manifest.json.

    Rerunning the same command skips the shards already complete whose input is unchanged (size +
    SHA-256) and whose files still have the checksums recorded (`claimex verify DIR` checks them), and
    redoes the rest, naming a damaged shard in one line; a killed run loses and duplicates nothing. Exit status: 0 done,
    1 some shard failed (a bad file; with --strict also a bad record), 2 usage error or the output
    directory is in use by another run, 130 interrupted. See docs/pubmed-at-scale.md.
    """
    from rich.console import Console

    from ..batch import InputError, ManifestError, ManifestSaveError, OutputLocked, run_batch
    from ..batch.progress import summary_table

    input_format = check_format(value(input_format))
    output_format = value(output_format)
    if quiet:
        quiet_logs(quiet)
        # Dask's scheduler and worker processes read their log levels from the environment
        os.environ.setdefault("DASK_DISTRIBUTED__LOGGING__DISTRIBUTED", "error")
    if dask_scheduler and dask_local:
        raise fail("give --dask-scheduler or --dask-local, not both")
    if model is None:
        from .. import paths

        if not (paths.default_model_dir() / "config.cfg").exists():
            raise fail(f"default model not found at {paths.default_model_dir()}; "
                       f"{paths.missing_model_hint()}")
    if not (dask_scheduler or dask_local):  # this process (workers=1) or its pool: one thread per worker
        from ..batch.worker import limit_threads

        limit_threads()
    console = Console(stderr=True)
    try:
        result = run_batch(inputs, out, model=model, input_format=input_format, output_format=output_format,
                           workers=workers, dask_scheduler=dask_scheduler, dask_local=dask_local, force=force,
                           batch_size=batch_size, part_size=part_size, retries=retries, quiet=quiet, dedupe=dedupe,
                           console=console)
    except ManifestSaveError as exc:  # e.g. disk full: the shards finished so far are kept
        raise fail(f"{exc}; rerun the same command to resume", 1)
    except (OutputLocked, InputError, ManifestError) as exc:
        raise fail(str(exc))
    except ImportError as exc:
        message = missing_extra(exc)
        if message is None:
            raise
        raise fail(message)
    except OSError as exc:  # e.g. no Dask scheduler at that address
        if not dask_scheduler:
            raise
        raise fail(f"Dask scheduler {dask_scheduler}: {exc}")
    if quiet:
        n_failed = len(result.failed)
        typer.echo(f"claimex batch: {len(result.results)} shard(s) run, {len(result.skipped)} skipped, "
                   f"{n_failed} failed; {result.records} records, {result.errors} errors, "
                   f"{result.seconds:.1f} s", err=True)
    else:
        console.print(summary_table(result.results, len(result.skipped), result.seconds))
        if result.superseded and (result.superseded["superseded"] or result.superseded["deleted"]):
            console.print(f"across shards: {result.superseded['superseded']:,} superseded, "
                          f"{result.superseded['deleted']:,} deleted (see superseded.json)")
    for r in result.failed:
        error_line(f"shard {r['name']} failed: {r.get('error')}")
    if result.interrupted:
        error_line("interrupted; rerun the same command to resume")
        raise typer.Exit(130)
    if result.failed or (strict and result.errors):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)
