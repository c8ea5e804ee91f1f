"""``claimex train --config configs/pico-*.cfg``: the spaCy backend.

0. static vectors from the unlabelled abstracts (:mod:`.vectors`) when the tok2vec uses them
   and ``paths.vectors`` is not given;
1. optional pretraining of the tok2vec on unlabelled abstracts (``spacy pretrain``, when the
   config has a ``[pretraining]`` block with a ``component``) unless ``paths.init_tok2vec`` is
   given;
2. ``spacy train`` (readers ``claimex.PicoCorpus.v1``; best checkpoint by dev token macro-F1);
3. packaging: the rule components of ``configs/pipeline.cfg`` (sentences, abbreviations,
   measures) are put in front of the tagger, the decoding thresholds are tuned on the dev split
   when the config says ``[claimex_tune] enabled = true``, the OUTCOME list rules
   (``claimex_outcome_lists``) go after the tagger, and the result is saved as a complete pipeline;
4. with ``[claimex_subtypes] enabled = true``, the entity subtype classifier
   (:mod:`.subtypes`) is trained on its ``sources`` and added after the tagger.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from .. import paths

log = logging.getLogger(__name__)


def _register() -> None:
    import claimex.annotate
    import claimex.train.callbacks
    import claimex.train.data  # noqa: F401  (readers)


def parse_overrides(items: Iterable[str]) -> dict[str, Any]:
    """``["training.max_steps=100", 'corpora.train.sources=["x"]']`` -> overrides dict (JSON values)."""
    import json

    out: dict[str, Any] = {}
    for item in items:
        key, _, raw = item.partition("=")
        try:
            out[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            out[key.strip()] = raw
    return out


def pretrain(config_path: Path, output: Path, overrides: dict[str, Any], epochs: int | None = None) -> Path:
    """Run ``spacy pretrain`` for the config; returns the weights file of the last epoch."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from thinc.api import set_current_ops

    from ..annotate.tagger.ops import FastNumpyOps

    _register()
    set_current_ops(FastNumpyOps())  # the objective's output layers are built with the current ops
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=True)
    if epochs is not None:
        config["pretraining"]["max_epochs"] = epochs
    output.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    spacy_pretrain(config, output, use_gpu=-1, silent=False)
    weights = sorted(output.glob("model*.bin"), key=lambda p: p.stat().st_mtime)
    if not weights:
        raise RuntimeError(f"pretraining wrote no weights to {output}")
    final = output / "pretrained-tok2vec.bin"
    shutil.copyfile(weights[-1], final)
    log.info("pretraining done in %.0fs: %s", time.time() - t0, final)
    return final


def needs_vectors(config_path: Path, overrides: dict[str, Any]) -> dict[str, Any] | None:
    """The ``[claimex_vectors]`` settings when the model uses static vectors and none are given."""
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=False)
    # a tagger sourced from a trained pipeline (``source = ...``) has no model block: it brings its vectors
    embed = config["components"]["claimex_pico"].get("model", {}).get("tok2vec", {}).get("embed", {})
    if not embed.get("include_static_vectors") or config["paths"].get("vectors") not in (None, "null"):
        return None
    return dict(config.get("claimex_vectors") or {})


def has_pretraining(config_path: Path, overrides: dict[str, Any]) -> bool:
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=False)
    return bool(config.get("pretraining", {}).get("component"))


def add_rule_components(nlp: Language, pipeline_cfg: Path | None = None) -> list[str]:
    """Put the rule components of ``configs/pipeline.cfg`` in front of the tagger (those whose
    factory is registered); returns the names added."""
    cfg = spacy.util.load_config(pipeline_cfg or paths.CONFIGS_DIR / "pipeline.cfg", interpolate=True)
    added = []
    for k, name in enumerate(cfg["nlp"]["pipeline"]):
        if name in nlp.pipe_names:
            continue
        comp_cfg = dict(cfg["components"][name])
        factory = comp_cfg.pop("factory")
        if not spacy.registry.has("factories", factory) and factory not in Language.factories:
            log.warning("factory %s not registered; %s left out of the packaged model", factory, name)
            continue
        nlp.add_pipe(factory, name=name, config=comp_cfg, before=nlp.pipe_names[k] if k < len(nlp.pipe_names)
                     else None)
        added.append(name)
    return added


def package(model_dir: Path, output: Path, meta: dict | None = None, tune: bool = False) -> Path:
    """Load a trained pipeline, add the rule components, optionally tune the decoding thresholds
    on the shared dev split (:mod:`.tune`), save it to ``output``."""
    _register()
    nlp = spacy.load(model_dir)
    add_rule_components(nlp)
    if tune:
        from .tune import tune_model

        result = tune_model(nlp)
        log.info("tuned thresholds: %s", result["thresholds"])
        meta = {**(meta or {}), "claimex_tuned_thresholds": result}
    add_outcome_rules(nlp)  # after tuning: the thresholds are the tagger's own
    if meta:
        nlp.meta.update(meta)
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    return output


def add_outcome_rules(nlp: Language) -> bool:
    """Put ``claimex_outcome_lists`` (OUTCOME list items and names, :mod:`claimex.annotate.outcome_lists`)
    right after the tagger, as in the shipped models; True when added."""
    from ..annotate.outcome_lists import FACTORY

    if FACTORY in nlp.pipe_names or "claimex_pico" not in nlp.pipe_names:
        return False
    nlp.add_pipe(FACTORY, after="claimex_pico")
    return True


def train_spacy(config_path: Path, output: Path, overrides: dict[str, Any] | None = None,
                seed: int | None = None, pretrain_epochs: int | None = None, do_pretrain: bool = True,
                workdir: Path | None = None, keep_workdir: bool = False) -> Path:
    """Pretrain (if configured and ``do_pretrain``), train, package into ``output``. Returns ``output``."""
    from spacy.cli.train import train as spacy_train

    _register()
    overrides = dict(overrides or {})
    if seed is not None:
        overrides["system.seed"] = seed
    workdir = Path(workdir or output.with_name(output.name + ".work"))
    workdir.mkdir(parents=True, exist_ok=True)
    settings = needs_vectors(config_path, overrides)
    if settings is not None:
        from .vectors import build_vectors

        overrides["paths.vectors"] = str(build_vectors(workdir / "vectors", **settings))
    if do_pretrain and overrides.get("paths.init_tok2vec") in (None, "null") and has_pretraining(
            config_path, overrides):
        weights = pretrain(config_path, workdir / "pretrain", overrides, pretrain_epochs)
        overrides["paths.init_tok2vec"] = str(weights)
    from .callbacks import TimeLimitReached

    t0 = time.time()
    try:
        spacy_train(config_path, workdir / "train", overrides=overrides, use_gpu=-1)
    except TimeLimitReached as exc:
        log.info("%s", exc)
    log.info("training done in %.0fs", time.time() - t0)
    best = workdir / "train" / "model-best"
    config = spacy.util.load_config(config_path, overrides=overrides, interpolate=False)
    tune = bool((config.get("claimex_tune") or {}).get("enabled"))
    package(best, output, meta={"name": output.name, "claimex_train_seconds": round(time.time() - t0)}, tune=tune)
    from .subtypes import add_from_config

    add_from_config(config, output)  # [claimex_subtypes] enabled = true: the entity subtype classifier
    if not keep_workdir:
        shutil.rmtree(workdir / "train", ignore_errors=True)
    return output
