"""Progress for ``claimex batch``: rich bars (files, citations/s, ETA) or, with ``quiet``, log lines; and
the final summary table."""

from __future__ import annotations

import logging
import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

log = logging.getLogger("claimex.batch")


class BatchProgress:
    """Driver-side progress. ``documents(n)`` may be called often (throttled by rich itself)."""

    def __init__(self, total_files: int, total_bytes: int, quiet: bool = False, silent: bool = False,
                 console: Console | None = None):
        self.quiet = quiet or silent
        self.silent = silent
        self.console = console or Console(stderr=True)
        self.total_files, self.total_bytes = total_files, total_bytes
        self.done_files = 0
        self.docs = 0
        self.started = time.time()
        self._progress: Progress | None = None
        self._files: TaskID | None = None
        self._bytes: TaskID | None = None

    def __enter__(self) -> BatchProgress:
        return self

    def start(self) -> None:
        """Show the bars (rich starts a refresh thread: the process pool forks its workers before this)."""
        if not self.quiet and self.total_files and self._progress is None:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=self.console, transient=False,
            )
            self._progress.__enter__()
            self._files = self._progress.add_task("files", total=self.total_files, rate="")
            # ETA by input bytes: shards differ in size; a finished shard advances by its size
            self._bytes = self._progress.add_task("input", total=max(self.total_bytes, 1), rate="",
                                                  visible=self.total_files > 1)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def rate(self) -> float:
        elapsed = time.time() - self.started
        return self.docs / elapsed if elapsed > 0 else 0.0

    def documents(self, n: int) -> None:
        self.docs += n
        if self._progress is not None:
            self._progress.update(self._files, rate=f"{self.docs:,} citations, {self.rate():,.0f}/s")

    def shard_done(self, result: dict, size: int, reported_docs: int) -> None:
        """A shard finished; ``reported_docs`` = documents already counted through ``documents()``."""
        self.done_files += 1
        missing = result.get("documents", 0) - reported_docs
        if missing > 0:
            self.docs += missing
        if self._progress is not None:
            self._progress.update(self._files, advance=1, rate=f"{self.docs:,} citations, {self.rate():,.0f}/s")
            self._progress.update(self._bytes, advance=size)
            if result["status"] != "complete":
                self._progress.console.print(f"[red]failed[/red] {result['name']}: {result.get('error')}")
        elif not self.silent:  # quiet: one plain line per shard, for logs
            where = f"[{self.done_files}/{self.total_files}] {result['name']}"
            if result["status"] == "complete":
                line = (f"{where}: {result['records']} records, {result['errors']} errors, "
                        f"{(result.get('timings') or {}).get('seconds', 0.0):.1f} s")
            else:
                line = f"{where}: FAILED: {result.get('error')}"
            log.info(line)
            sys.stderr.write(f"claimex batch: {line}\n")
            sys.stderr.flush()


def summary_table(results: list[dict], skipped: int, seconds: float, max_rows: int = 25) -> Table:
    table = Table(title=f"claimex batch: {len(results)} shard(s) run, {skipped} skipped (unchanged), "
                        f"{seconds:.1f} s")
    for col, just in (("shard", "left"), ("status", "left"), ("records", "right"), ("errors", "right"),
                      ("dropped", "right"), ("deleted", "right"), ("s", "right"), ("cit/s", "right")):
        table.add_column(col, justify=just, no_wrap=col != "shard", overflow="fold")
    failed_first = sorted(results, key=lambda r: r["status"] == "complete")
    for r in failed_first[:max_rows]:
        t = r.get("timings") or {}
        table.add_row(r["name"], "ok" if r["status"] == "complete" else "[red]FAILED[/red]",
                      f"{r.get('records', 0):,}", f"{r.get('errors', 0):,}",
                      f"{r.get('superseded', 0) + r.get('deleted', 0):,}", f"{r.get('deletions', 0):,}",
                      f"{t.get('seconds', 0):.1f}", f"{t.get('documents_per_s') or 0:,.0f}")
    if len(results) > max_rows:
        table.add_row(f"... {len(results) - max_rows} more", "", "", "", "", "", "", "")
    tot = {k: sum(r.get(k, 0) or 0 for r in results) for k in ("records", "errors", "superseded", "deleted",
                                                                "deletions", "documents")}
    n_failed = sum(r["status"] != "complete" for r in results)
    table.add_row("[bold]total", f"[red]{n_failed} failed[/red]" if n_failed else "ok",
                  f"{tot['records']:,}", f"{tot['errors']:,}", f"{tot['superseded'] + tot['deleted']:,}",
                  f"{tot['deletions']:,}", f"{seconds:.1f}",
                  f"{tot['documents'] / seconds:,.0f}" if seconds > 0 else "")
    table.caption = ("dropped: duplicates/deleted within a shard; deleted: PMIDs in <DeleteCitation>; "
                     "errors: see NAME.errors.jsonl")
    return table
