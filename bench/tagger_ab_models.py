"""pytest plugin for bench/tagger_ab.sh: point claimex.paths.MODELS_DIR at $EI_MODELS_DIR (a folder holding claimex-pico-sm)."""
import os
from pathlib import Path

import claimex.paths as p

p.MODELS_DIR = Path(os.environ["EI_MODELS_DIR"])
