"""``claimex train``: train a PICO tagger (spaCy backend from a config, or transformers)."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import fail


def train(
    config: Path | None = typer.Option(None, "--config", "-c",
                                          help="spaCy training config (configs/pico-sm.cfg ...)."),
    output: Path | None = typer.Option(None, "--output", "-o",
                                          help="Model directory (default: models/claimex-<config name>)."),
    backend: str = typer.Option("spacy", "--backend", help="spacy | transformers"),
    task: str = typer.Option("pico", "--task", help="pico (the PICO tagger) | direction (claim direction "
                                                    "classifier, see pipeline/train/direction.py) | subtypes "
                                                    "(entity subtypes, pipeline/train/subtypes.py)"),
    base_model: str | None = typer.Option(None, "--base-model",
                                             help="transformers: local path or hub name of the encoder."),
    data: list[str] = typer.Option([], "--data", "-d",
                                   help="Own annotations to train on (record JSONL, brat folder, CoNLL, "
                                        "hf:NAME, json:PATH); repeatable. Mixed with the config's corpora "
                                        "unless --no-shared."),
    dev: list[str] = typer.Option([], "--dev", help="Explicit dev data (default: the dev split by doc hash)."),
    no_shared: bool = typer.Option(False, "--no-shared", help="Train on --data alone."),
    seed: int | None = typer.Option(None, "--seed", help="Random seed (default: the config's)."),
    overrides: list[str] = typer.Option([], "--set", help="Config override KEY=VALUE (JSON value); repeatable."),
    init_tok2vec: Path | None = typer.Option(None, "--init-tok2vec",
                                                help="Pretrained tok2vec weights (skips pretraining)."),
    pretrain_epochs: int | None = typer.Option(None, "--pretrain-epochs", help="Override pretraining epochs."),
    no_pretrain: bool = typer.Option(False, "--no-pretrain", help="Skip the config's pretraining step."),
    steps: int = typer.Option(2000, "--steps", help="transformers: optimizer steps."),
    epochs: int | None = typer.Option(None, "--epochs", help="transformers: epochs (overrides --steps)."),
    batch_size: int = typer.Option(8, "--batch-size", help="transformers: batch size."),
    learn_rate: float = typer.Option(5e-5, "--lr", help="transformers: learning rate."),
    label_all_subwords: bool = typer.Option(False, "--label-all-subwords",
                                            help="transformers: label every subword (default: first only)."),
) -> None:
    """Train a PICO tagger. spaCy: pretrain (if configured) + train + package a full pipeline."""
    import logging

    logging.getLogger().setLevel(logging.INFO)
    # --- task direction (claims, issue 4): the direction classifier; everything below is the PICO tagger ---
    if task == "direction":
        from ..train.direction import train_direction

        out_dir = output or Path("models/claimex-direction")
        metrics = train_direction(out_dir, seed=seed or 0)
        typer.echo(f"saved {out_dir}; EI validation accuracy {metrics['validation']['summary']['accuracy']}")
        return
    if task == "subtypes":
        if output is None:
            raise fail("--task subtypes needs --output: a packaged model dir (the component is added to it) "
                       "or a new dir (the component alone)")
        from ..corpora.subtypes import SOURCES
        from ..train.subtypes import train_to

        out_dir = train_to(output, list(data) if no_shared else [*SOURCES, *data], seed=seed or 0)
        typer.echo(f"saved {out_dir}")
        return
    if task != "pico":
        raise fail(f"unknown task {task!r}; choose pico, direction or subtypes")
    # --- end task direction ---
    from ..corpora import DEFAULT_SOURCES

    for item in [*data, *dev]:
        if not item.startswith(("hf:", "json:")) and ":" not in item[:3] and not Path(
                item.removeprefix("user:")).exists():
            from ..corpora import SHARED, parse_spec

            if parse_spec(item)[0] not in SHARED:
                raise fail(f"--data/--dev {item}: no such file or corpus")
    if backend == "transformers":
        if not base_model:
            raise fail("--backend transformers needs --base-model PATH_OR_NAME")
        from ..train.hf_backend import train_hf

        sources = list(data) if no_shared else [*DEFAULT_SOURCES, *data]
        out = train_hf(base_model, output or Path("models/claimex-pico-hf"), sources, max_steps=steps,
                       epochs=epochs, batch_size=batch_size, learn_rate=learn_rate, seed=seed or 0,
                       label_all_subwords=label_all_subwords)
        typer.echo(f"saved {out}")
        return
    if backend != "spacy":
        raise fail(f"unknown backend {backend!r}; choose spacy or transformers")
    if config is None or not config.exists():
        raise fail("--config FILE is required for the spaCy backend (e.g. configs/pico-sm.cfg)")
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
    out = output or Path("models") / f"claimex-{config.stem}"
    train_spacy(config, out, overrides=ov, seed=seed, pretrain_epochs=pretrain_epochs, do_pretrain=not no_pretrain)
    typer.echo(f"saved {out}")


def register(app: typer.Typer) -> None:
    app.command("train")(train)
