"""``claimex schema`` and ``claimex info``: the record contract and what is installed."""

from __future__ import annotations

import json

import typer

from .common import fail


def schema() -> None:
    """Print the JSON Schema of the claimex/1 record."""
    from ..schema import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


def info(
    model: str = typer.Option(None, "--model", "-m", help="Model to describe (default: shipped)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object instead of text."),
) -> None:
    """Show versions, the pipeline's components and where data, configs and models are found."""
    from .. import __version__, paths
    from ..extractor import Extractor

    try:
        ex = Extractor.load(model)
    except (OSError, ValueError) as exc:
        raise fail(str(exc))
    facts = {
        **ex.version_info,
        "claimex": __version__,
        "install": "checkout" if paths.IN_CHECKOUT else "package",
        "model_dir": None if model == "rules" else str(paths.model_dir(model) if model
                                                       else paths.default_model_dir()),
        "configs": str(paths.CONFIGS_DIR),
        "shared_data": str(paths.shared_dir()),
        "shared_data_found": paths.corpora_dir().exists(),
    }
    if as_json:
        typer.echo(json.dumps(facts, indent=2))
        return
    typer.echo(f"claimex {__version__} ({facts['install']})")
    typer.echo(f"model: {facts['model']} ({facts['model_dir'] or 'rule pipeline'})")
    typer.echo(f"pipeline: {', '.join(facts['pipeline'])}")
    typer.echo(f"configs: {facts['configs']}")
    typer.echo(f"shared data: {facts['shared_data']} ({'found' if facts['shared_data_found'] else 'absent'})")


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
    app.command("info")(info)
