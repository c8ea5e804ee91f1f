"""``claimex train pico|direction|subtypes``: train the PICO tagger, the claim direction classifier or the
entity subtype classifier. One subcommand per task; options that only one backend uses are listed
under that backend in ``--help``."""

from __future__ import annotations

import logging
from pathlib import Path

import typer

from .common import choices, fail

train_app = typer.Typer(help="Train a model: pico (the PICO tagger), direction (claim direction classifier), "
                             "subtypes (entity subtypes).", no_args_is_help=True)

Backend = choices("Backend", ("spacy", "transformers"))
TRANSFORMERS = "transformers backend"
SPACY = "spaCy backend"

DataOption = typer.Option([], "--data", "-d",
                          help="Own annotations to train on (record JSONL, brat folder, CoNLL, hf:NAME, "
                               "json:PATH); repeatable. Mixed with the shared corpora unless --no-shared.")
NoSharedOption = typer.Option(False, "--no-shared", help="Train on --data alone.")
SeedOption = typer.Option(None, "--seed", help="Random seed (default: the config's, else 0).")


def _info_logs() -> None:
    logging.getLogger().setLevel(logging.INFO)


def check_sources(items: list[str]) -> None:
    """Every --data/--dev item is a file, a shared corpus spec or a hub/json spec; else a one-line error."""
    for item in items:
        if item.startswith(("hf:", "json:")) or ":" in item[:3] or Path(item.removeprefix("user:")).exists():
            continue
        from ..corpora import SHARED, parse_spec

        if parse_spec(item)[0] not in SHARED:
            raise fail(f"--data/--dev {item}: no such file or corpus")


@train_app.command("pico")
def pico(
    backend: Backend = typer.Option("spacy", "--backend",
                                    help="spacy (a config) or transformers (an encoder)."),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="Model directory (default: models/claimex-<config name>, "
                                            "transformers: models/claimex-pico-hf)."),
    data: list[str] = DataOption,
    dev: list[str] = typer.Option([], "--dev",
                                  help="Explicit dev data (default: the dev split by doc hash)."),
    no_shared: bool = NoSharedOption,
    seed: int | None = SeedOption,
    config: Path | None = typer.Option(None, "--config", "-c", rich_help_panel=SPACY,
                                       help="spaCy training config (configs/pico-sm.cfg ...)."),
    overrides: list[str] = typer.Option([], "--set", rich_help_panel=SPACY,
                                        help="Config override KEY=VALUE (JSON value); repeatable."),
    init_tok2vec: Path | None = typer.Option(None, "--init-tok2vec", rich_help_panel=SPACY,
                                             help="Pretrained tok2vec weights (skips pretraining)."),
    pretrain_epochs: int | None = typer.Option(None, "--pretrain-epochs", rich_help_panel=SPACY,
                                               help="Override pretraining epochs."),
    no_pretrain: bool = typer.Option(False, "--no-pretrain", rich_help_panel=SPACY,
                                     help="Skip the config's pretraining step."),
    base_model: str | None = typer.Option(None, "--base-model", rich_help_panel=TRANSFORMERS,
                                          help="Local path or hub name of the encoder."),
    steps: int = typer.Option(2000, "--steps", rich_help_panel=TRANSFORMERS, help="Optimizer steps."),
    epochs: int | None = typer.Option(None, "--epochs", rich_help_panel=TRANSFORMERS,
                                      help="Epochs (overrides --steps)."),
    batch_size: int = typer.Option(8, "--batch-size", rich_help_panel=TRANSFORMERS, help="Batch size."),
    learn_rate: float = typer.Option(5e-5, "--lr", rich_help_panel=TRANSFORMERS, help="Learning rate."),
    label_all_subwords: bool = typer.Option(False, "--label-all-subwords", rich_help_panel=TRANSFORMERS,
                                            help="Label every subword (default: first only)."),
) -> None:
    """Train the PICO tagger. spaCy: pretrain (if configured) + train + package a full pipeline."""
    _info_logs()
    check_sources([*data, *dev])
    if backend.value == "transformers":
        if not base_model:
            raise fail("--backend transformers needs --base-model PATH_OR_NAME")
        if dev:
            raise fail("--dev is not used by the transformers backend")
        from ..corpora import DEFAULT_SOURCES
        from ..train.hf_backend import train_hf

        sources = list(data) if no_shared else [*DEFAULT_SOURCES, *data]
        out = train_hf(base_model, output or Path("models/claimex-pico-hf"), sources, max_steps=steps,
                       epochs=epochs, batch_size=batch_size, learn_rate=learn_rate, seed=seed or 0,
                       label_all_subwords=label_all_subwords)
    else:
        if config is None or not config.exists():
            raise fail("--config FILE is required for the spaCy backend (e.g. configs/pico-sm.cfg)")
        out = output or Path("models") / f"claimex-{config.stem}"
        _train_spacy(config, out, data, dev, no_shared, seed, overrides, init_tok2vec, pretrain_epochs,
                     no_pretrain)
    typer.echo(f"saved {out}")


def _train_spacy(config: Path, out: Path, data: list[str], dev: list[str], no_shared: bool, seed: int | None,
                 overrides: list[str], init_tok2vec: Path | None, pretrain_epochs: int | None,
                 no_pretrain: bool) -> None:
    """The spaCy backend: --data/--dev/--init-tok2vec become config overrides, then train_spacy."""
    import spacy

    from ..train.spacy_backend import parse_overrides, train_spacy

    ov = parse_overrides(overrides)
    if data:
        cfg = spacy.util.load_config(config, interpolate=False)
        base = [] if no_shared else list(cfg["corpora"]["train"]["sources"])
        ov["corpora.train.sources"] = base + list(data)
        if "sources" in (cfg.get("claimex_subtypes") or {}):
            shared = [] if no_shared else list(cfg["claimex_subtypes"]["sources"] or [])
            ov["claimex_subtypes.sources"] = shared + list(data)
        if no_shared and not dev:
            ov["corpora.dev.sources"] = list(data)
    if dev:
        ov["corpora.dev.sources"] = list(dev)
        ov["corpora.dev.split"] = "all"
    if init_tok2vec:
        ov["paths.init_tok2vec"] = str(init_tok2vec)
    train_spacy(config, out, overrides=ov, seed=seed, pretrain_epochs=pretrain_epochs,
                do_pretrain=not no_pretrain)


@train_app.command("direction")
def direction(
    output: Path = typer.Option(Path("models/claimex-direction"), "--output", "-o", help="Model directory."),
    seed: int | None = SeedOption,
) -> None:
    """Train the claim direction classifier on Evidence Inference 2.0 (see claimex/train/direction.py)."""
    _info_logs()
    from ..train.direction import train_direction

    metrics = train_direction(output, seed=seed or 0)
    typer.echo(f"saved {output}; EI validation accuracy {metrics['validation']['summary']['accuracy']}")


@train_app.command("subtypes")
def subtypes(
    output: Path = typer.Option(..., "--output", "-o",
                                help="A packaged model dir (the component is added to it) or a new dir (the "
                                     "component alone)."),
    data: list[str] = DataOption,
    no_shared: bool = NoSharedOption,
    seed: int | None = SeedOption,
) -> None:
    """Train the entity subtype classifier (see claimex/train/subtypes.py)."""
    _info_logs()
    check_sources(list(data))
    from ..corpora.subtypes import SOURCES
    from ..train.subtypes import train_to

    out_dir = train_to(output, list(data) if no_shared else [*SOURCES, *data], seed=seed or 0)
    typer.echo(f"saved {out_dir}")


def register(app: typer.Typer) -> None:
    app.add_typer(train_app, name="train")
