"""Where claimex finds its shared corpora, shipped models and bundled examples.

``CLAIMEX_SHARED`` points at the shared data folder (default: ``../shared`` beside the
repository); ``CLAIMEX_MODEL`` overrides the default model directory.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
MODELS_DIR = REPO_DIR / "models"
CONFIGS_DIR = REPO_DIR / "configs"
GOLD_DIR = REPO_DIR / "corpora" / "gold"
EXAMPLES_DIR = REPO_DIR / "corpora" / "examples"

DEFAULT_MODEL_NAME = "claimex-pico-sm"


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


def model_dir(model: str | os.PathLike) -> Path:
    """``model`` as a path, or the shipped model of that name under ``models/`` when no such path
    exists."""
    path = Path(model)
    if not path.exists() and (MODELS_DIR / str(model)).exists():
        return MODELS_DIR / str(model)
    return path


def default_model_dir() -> Path:
    env = os.environ.get("CLAIMEX_MODEL")
    return Path(env).expanduser() if env else MODELS_DIR / DEFAULT_MODEL_NAME
