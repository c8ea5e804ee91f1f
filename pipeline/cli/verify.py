"""``claimex verify RUN_DIR``: check a ``claimex batch`` run's shards against their manifest checksums."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import error_line, fail


def verify(
    run_dir: Path = typer.Argument(..., help="A `claimex batch` output directory (with manifest.json)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the problems, no summary line."),
) -> None:
    """Check every shard of a batch run without redoing anything: each finished shard's files must have
    the SHA-256 recorded in manifest.json. One line per damaged, failed or unfinished shard, then a summary.
    Exit status: 0 every shard is complete and intact, 1 some shard is damaged, failed or unfinished (rerun
    the same `claimex batch` command: it redoes exactly those), 2 not a run directory.
    """
    from ..batch import ManifestError, verify_run

    def show(check) -> None:
        if check.status != "ok":
            error_line(f"{run_dir}: shard {check}")

    try:
        checks = verify_run(run_dir, on_check=show)
    except ManifestError as exc:
        raise fail(str(exc))
    counts = {s: sum(c.status == s for c in checks) for s in ("ok", "damaged", "failed", "pending")}
    if not quiet:
        typer.echo(f"{run_dir}: {len(checks)} shard(s): " + ", ".join(f"{n} {s}" for s, n in counts.items()),
                   err=True)
    if len(checks) != counts["ok"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("verify")(verify)
