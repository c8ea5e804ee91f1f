"""The claimex command line (typer). Thin: each command parses options and calls the library.

One module per command; each exposes ``register(app)``. A missing optional dependency ends any
command with one line naming the extra to install (:data:`claimex.cli.common.EXTRAS`).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

import typer
from typer.core import TyperGroup

from .. import __version__
from .common import error_line, missing_extra


class _Group(TyperGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ImportError as exc:
            message = missing_extra(exc)
            if message is None:
                raise
            error_line(message)
            raise typer.Exit(2)


app = typer.Typer(
    name="claimex",
    cls=_Group,
    help="Structured claim records (PICO, measures, direction, hedging) from biomedical abstracts.",
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

COMMANDS = ("extract", "batch", "verify", "evaluate", "train", "export", "show", "info")

for _name in COMMANDS:
    if importlib.util.find_spec(f"{__name__}.{_name}") is not None:
        importlib.import_module(f"{__name__}.{_name}").register(app)


def _version(show: bool) -> None:
    if show:
        typer.echo(f"claimex {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging to stderr."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(message)s")


def main() -> None:
    app()
