"""Build or load the claimex spaCy pipeline.

``load_nlp(model)`` accepts:

* ``None`` - the shipped default model (``models/claimex-pico-sm`` in a checkout, the installed
  package ``en_claimex_pico_sm`` otherwise, or ``$CLAIMEX_MODEL``; see :mod:`claimex.paths`);
* ``"rules"`` - the rule pipeline of ``configs/pipeline.cfg`` (no PICO tagger);
* a directory holding a spaCy pipeline (``config.cfg``), a model name (``claimex-pico-md``) or an
  installed spaCy model package - loaded with ``spacy.load``;
* a directory or hub name of a Hugging Face token-classification model
  (``config.json`` + safetensors) - the rule pipeline plus the ``claimex_hf_pico`` component.
"""

from __future__ import annotations

import logging
from pathlib import Path

import spacy
from spacy.language import Language

from .. import paths

log = logging.getLogger(__name__)

RULES = "rules"
HF_FACTORY = "claimex_hf_pico"


class ModelNotFound(FileNotFoundError):
    pass


def build_pipeline(config_path: Path | None = None) -> Language:
    """The rule pipeline described by ``configs/pipeline.cfg`` (or another config)."""
    config = spacy.util.load_config(config_path or paths.config_path("pipeline.cfg"))
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def _is_hf_model(path: Path) -> bool:
    return (path / "config.json").exists() and not (path / "config.cfg").exists()


def load_nlp(model: str | Path | None = None) -> Language:
    """Load the pipeline named by ``model`` (see module docstring). A loaded PICO tagger keeps the embedding rows of
    the words it has seen (:class:`claimex.annotate.tagger.embedcache.EmbedCache`, turned on by its ``from_disk``)."""
    if model is None:
        path = paths.default_model_dir()
        if not (path / "config.cfg").exists():
            raise ModelNotFound(f"default model not found at {path}; {paths.missing_model_hint()}")
        return spacy.load(path)
    if str(model) == RULES:
        return build_pipeline()
    path = paths.model_dir(model)
    if path.is_dir() and (path / "config.cfg").exists():
        return spacy.load(path)
    if spacy.util.is_package(str(model)):
        return spacy.load(str(model))
    if (path.is_dir() and _is_hf_model(path)) or (not path.exists() and "/" in str(model)):
        nlp = build_pipeline()
        nlp.add_pipe(HF_FACTORY, config={"model": str(model)})
        return nlp
    raise ModelNotFound(f"model {model!r}: not a spaCy pipeline directory, a Hugging Face model, or 'rules'")
