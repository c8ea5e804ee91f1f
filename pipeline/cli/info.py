"""``claimex schema`` and ``claimex info``: the record contract and what is installed."""

from __future__ import annotations

import json

import typer


def schema() -> None:
    """Print the JSON Schema of the claimex/1 record."""
    from ..schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def info(model: str = typer.Option(None, "--model", "-m", help="Model to describe (default: shipped).")) -> None:
    """Show versions, the pipeline's components and where data and models are looked up."""
    from .. import __version__, paths
    from ..extractor import Extractor

    typer.echo(f"claimex {__version__}")
    typer.echo(f"shared data: {paths.shared_dir()} ({'found' if paths.corpora_dir().exists() else 'absent'})")
    typer.echo(f"default model: {paths.default_model_dir()}")
    ex = Extractor.load(model)
    typer.echo(json.dumps(ex.version_info, indent=2))


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
    app.command("info")(info)
