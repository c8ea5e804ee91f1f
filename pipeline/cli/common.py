"""Helpers shared by the CLI commands: one-line errors (missing extras too), option types and choices,
progress on stderr."""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Iterable, Iterator, Optional, TypeVar

import typer

from ..read.base import FORMAT_ALIASES, FORMATS, normalize_format

T = TypeVar("T")

ModelOption = typer.Option(
    None, "--model", "-m",
    help="Model: a spaCy pipeline dir, a model name (claimex-pico-md; models/ in a checkout, else the "
         "installed en_claimex_* package), a Hugging Face model dir/name, or 'rules'. Default: the shipped "
         "model.",
)
FormatOption = typer.Option(None, "--format", "-f", case_sensitive=False,
                            help="Input format (or an alias: xml, nbib, txt, ...); default: by "
                                 "extension/content.")
QuietOption = typer.Option(False, "--quiet", "-q",
                           help="Nothing on stderr but errors (no progress, no logs).")

# the extra that provides each optional top-level module (pyproject.toml [project.optional-dependencies])
EXTRAS = {
    "openpyxl": "review", "matplotlib": "review", "pandas": "review",
    "dask": "distributed", "distributed": "distributed",
    "datasets": "train", "scipy": "train",
    "transformers": "transformers", "torch": "transformers", "tokenizers": "transformers",
    "safetensors": "transformers",
}
PROGRESS_MIN = 8  # show progress bars for more records than this ("a handful")


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """A str Enum of ``values`` for a typer option: ``--help`` lists them and typer rejects others."""
    return Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


InputFormat = choices("InputFormat", [*FORMATS, *FORMAT_ALIASES])


def value(option) -> Optional[str]:
    """The string of an Enum option (None stays None)."""
    return None if option is None else getattr(option, "value", option)


def error_line(message: str) -> None:
    """One line on stderr, prefixed so logs can be grepped."""
    sys.stderr.write(f"claimex: error: {message}\n")
    sys.stderr.flush()


def warning_line(message: str) -> None:
    """One warning line on stderr (the run goes on, the exit status is not changed)."""
    sys.stderr.write(f"claimex: warning: {message}\n")
    sys.stderr.flush()


def fail(message: str, code: int = 2) -> "typer.Exit":
    error_line(message)
    return typer.Exit(code)


def missing_extra(exc: ImportError) -> Optional[str]:
    """The one-line message for an ImportError of an optional dependency (None for any other)."""
    top = (getattr(exc, "name", None) or "").split(".")[0]
    extra = EXTRAS.get(top)
    if extra is None:
        return None
    return f"this needs the optional package {top!r}: pip install \"claimex[{extra}]\""


def require(module: str, what: str) -> None:
    """End the command before any work when ``what`` needs an optional package that is not installed."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise fail(f"{what} needs the optional package {module!r}: pip install \"claimex[{EXTRAS[module]}]\"")


def check_format(fmt: Optional[str]) -> Optional[str]:
    if fmt is None:
        return None
    try:
        return normalize_format(fmt)
    except ValueError:
        raise fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def quiet_logs(quiet: bool) -> None:
    """``--quiet``: errors only, from claimex and from the libraries it drives (Dask included); Python
    warnings go through logging (``py.warnings``) and are silenced with it."""
    if quiet:
        logging.captureWarnings(True)
        logging.getLogger().setLevel(logging.ERROR)
        for name in ("claimex", "distributed", "dask", "spacy", "py.warnings"):
            logging.getLogger(name).setLevel(logging.ERROR)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def show_progress(quiet: bool, total: Optional[int]) -> bool:
    """Progress bars only on a terminal, not with ``--quiet``, and for more than a handful of records."""
    return not quiet and stderr_is_terminal() and (total is None or total > PROGRESS_MIN)


@contextmanager
def progress(description: str, total: Optional[int], enabled: bool) -> Iterator["Tracker"]:
    """A rich progress bar on stderr (count, records/s, elapsed, ETA) when ``enabled``; a no-op otherwise.
    ``tracker.track(items)`` advances it per item."""
    if not enabled:
        yield Tracker(None, None)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TaskProgressColumn(), TextColumn("{task.fields[rate]}"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=False)
    with bar:
        yield Tracker(bar, bar.add_task(description, total=total, rate=""))


class Tracker:
    def __init__(self, bar, task):
        self.bar, self.task = bar, task

    def advance(self, n: int = 1) -> None:
        if self.bar is None:
            return
        self.bar.advance(self.task, n)
        speed = self.bar.tasks[self.task].speed
        if speed:
            self.bar.update(self.task, rate=f"{speed:.1f} records/s")

    def track(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            self.advance()
