"""Where claimex finds its configs, models and shared corpora, in a checkout and in an installed wheel.

Two routes, one set of names:

* **checkout** (the package folder is ``pipeline/`` beside ``pyproject.toml``; also an editable
  install): configs from ``configs/``, models from ``models/<name>``;
* **installed wheel** (the package folder is ``claimex/``): configs are package data of the claimex
  wheel (``claimex/configs/``, mapped from the top-level ``configs/`` at build time, read through
  ``importlib.resources``); so are the weights files of the claims layer's small models
  (``claimex/models/<name>/weights.json``, mapped from ``models/<name>/weights.json``; :func:`weights_path`);
  the spaCy models are spaCy model packages built with ``spacy package`` (``make dist``):
  ``claimex-pico-sm`` is the installed package ``en_claimex_pico_sm``.

``CLAIMEX_SHARED`` points at the shared data folder (default: ``../shared`` beside the repository);
``CLAIMEX_MODEL`` overrides the default model (a directory or a model name).
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
# in a wheel the folder is named claimex/ and its parent is site-packages, which holds no configs of ours
IN_CHECKOUT = PACKAGE_DIR.name == "pipeline" and (REPO_DIR / "pyproject.toml").is_file()
MODELS_DIR = REPO_DIR / "models"  # checkout only (installed: spaCy model packages, package data for weights_path)
GOLD_DIR = REPO_DIR / "corpora" / "gold"  # checkout only (test fixtures)

DEFAULT_MODEL_NAME = "claimex-pico-sm"
DIRECTION_MODEL_NAME = "claimex-direction"


def _data_dir(folder: str) -> Path:
    """A top-level folder of the checkout (``configs``, ``models``), or the package data it is mapped to in the
    installed wheel (``claimex/<folder>``, pyproject.toml ``package-dir``)."""
    if IN_CHECKOUT:
        return REPO_DIR / folder
    return Path(str(importlib.resources.files(__package__) / folder))


CONFIGS_DIR = _data_dir("configs")


def config_path(name: str = "pipeline.cfg") -> Path:
    """A shipped config by file name (``pipeline.cfg``, ``pico-sm.cfg``, ...)."""
    return CONFIGS_DIR / name


def weights_path(model: str) -> Path:
    """The weights file of a claims-layer model by name (``claimex-arms``, ``claimex-confidence``):
    ``models/<model>/weights.json`` in a checkout, the claimex wheel's package data
    ``claimex/models/<model>/weights.json`` when installed (the path may not exist; the caller decides)."""
    return _data_dir("models") / model / "weights.json"


def shared_dir() -> Path:
    """The shared data folder: ``$CLAIMEX_SHARED`` or ``../shared`` next to the repository."""
    env = os.environ.get("CLAIMEX_SHARED")
    return Path(env).expanduser().resolve() if env else (REPO_DIR.parent / "shared").resolve()


def corpora_dir() -> Path:
    return shared_dir() / "corpora"


def corpus_path(*parts: str) -> Path:
    """Path of a file inside the shared corpora, e.g. ``corpus_path("evidencemap", "evidencemap.jsonl")``."""
    return corpora_dir().joinpath(*parts)


def seed_fixture() -> Path:
    return shared_dir() / "seeds" / "000_41fba070bb5a3ede.txt"


def package_name(model: str) -> str:
    """The spaCy model package of a claimex model name: ``claimex-pico-sm`` -> ``en_claimex_pico_sm``
    (``spacy package`` prefixes the language; a name that already is a package name is kept)."""
    name = str(model).replace("-", "_")
    return name if name.startswith("en_") else f"en_{name}"


def installed_model_dir(model: str) -> Path | None:
    """The data directory (the one holding ``config.cfg``) of the installed spaCy model package for
    ``model``, found without importing it; None when not installed."""
    name = package_name(model)
    if not name.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        found = sorted(Path(location).glob("*/config.cfg"))
        if found:
            return found[-1].parent
    return None


def model_dir(model: str | os.PathLike) -> Path:
    """``model`` as a path when it exists; else the model of that name: ``models/<name>`` in a checkout,
    then the installed spaCy model package (``en_claimex_pico_sm`` for ``claimex-pico-sm``). A name found
    nowhere comes back as the (missing) path, for the caller's error message."""
    path = Path(model)
    if path.exists():
        return path
    if IN_CHECKOUT and (MODELS_DIR / str(model) / "config.cfg").exists():
        return MODELS_DIR / str(model)
    return installed_model_dir(str(model)) or path


def default_model_dir() -> Path:
    """``$CLAIMEX_MODEL`` (a directory or a model name) or the default model ``claimex-pico-sm``."""
    env = os.environ.get("CLAIMEX_MODEL")
    return model_dir(Path(env).expanduser() if env else DEFAULT_MODEL_NAME)


def missing_model_hint(model: str = DEFAULT_MODEL_NAME) -> str:
    """What to do when a shipped model is not found (one line)."""
    if IN_CHECKOUT:
        return f"train it with `claimex train` or pass --model rules (looked in {MODELS_DIR})"
    return (f"install its wheel (`pip install {package_name(model)}-*.whl`, built by `make dist`) "
            "or pass --model rules")
