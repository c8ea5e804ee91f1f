"""pytest plugin for bench/tagger_ab.sh: point claimex.paths.MODELS_DIR at $EI_MODELS_DIR (a folder holding
claimex-pico-sm), so tests/annotate/tagger/test_shipped_model.py runs against a candidate model."""

import os
from pathlib import Path

import claimex.paths as p

p.MODELS_DIR = Path(os.environ["EI_MODELS_DIR"])
