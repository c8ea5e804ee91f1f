"""The claimex command line (typer). Thin: each command parses options and calls the library.

One module per command; each exposes ``register(app)``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

import typer

app = typer.Typer(
    name="claimex",
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


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging to stderr.")) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(message)s")


def main() -> None:
    app()
