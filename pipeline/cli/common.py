"""Helpers shared by the CLI commands: one-line error reporting, option types."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from ..read.base import FORMATS, normalize_format

ModelOption = typer.Option(
    None, "--model", "-m",
    help="Model: a spaCy pipeline dir, a name under models/, a Hugging Face model dir/name, or 'rules'. "
         "Default: the shipped model.",
)
FormatOption = typer.Option(
    None, "--format", "-f", help=f"Input format ({', '.join(FORMATS)}); default: by extension/content."
)


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


def check_format(fmt: Optional[str]) -> Optional[str]:
    if fmt is None:
        return None
    try:
        return normalize_format(fmt)
    except ValueError:
        raise fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
